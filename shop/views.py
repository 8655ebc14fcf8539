from django.db import connection, transaction
from django.http import HttpResponse


@transaction.non_atomic_requests
def healthz(request):
    """What a load balancer polls: the process answers and the database is reachable (one query)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")
