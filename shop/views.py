from django.db import connection
from django.http import HttpResponse


def healthz(request):
    """What a load balancer polls: the process answers and the database is reachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")
