"""The programme's demo rows (shop/demo/programme.py) on top of the base demo: complete and idempotent."""

import io

import pytest

from producers import training
from producers.models import Application, ApplicationEvent, Course, Enrolment, NetworkMembership, Producer
from shop.demo import loader, programme

pytestmark = pytest.mark.django_db


def test_the_programme_demo(client):
    loader.load(stdout=io.StringIO())
    output = io.StringIO()
    first = programme.load(stdout=output)
    assert "applications" in output.getvalue()
    assert programme.load() == first  # a second run adds nothing

    states = set(Application.objects.values_list("state", flat=True))
    assert states == set(Application.State.values)
    for application in Application.objects.all():
        events = list(application.events.all())
        assert events and events[0].to_state == Application.State.SUBMITTED
        assert events[-1].to_state == application.state
    assert ApplicationEvent.objects.filter(reason__gt="").exists()

    for producer in Producer.objects.prefetch_related("crafts"):
        assert Application.objects.filter(producer=producer, state="approved").exists()
        for craft in producer.crafts.all():
            assert training.missing_training(producer, craft) == []
            assert Course.objects.filter(kind="specialised", craft=craft, required_for=craft).exists()
    assert Enrolment.objects.filter(completed_at__isnull=True).exists()
    assert NetworkMembership.objects.filter(status="invited").exists()

    demo_producer = Producer.objects.get(user__email="producer@demo.example")
    craft = demo_producer.crafts.first()
    client.force_login(demo_producer.user)
    assert client.get(f"/fa/dashboard/catalogue/products/create/{craft.slug}/").status_code == 200

    client.force_login(Application.objects.first().user.__class__.objects.get(email="staff@demo.example"))
    queue = client.get("/fa/dashboard/producers/applications/?state=submitted")
    assert queue.status_code == 200 and len(queue.context["applications"]) >= 2
