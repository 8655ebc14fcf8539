"""Audit trails (application events, certification audit, refunds) cannot be edited or deleted through any UI."""

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from oscar.apps.order.models import PaymentEvent, PaymentEventQuantity

from producers.models import ApplicationEvent
from quality.models import AuditEntry

pytestmark = pytest.mark.django_db

TRAILS = [ApplicationEvent, AuditEntry, PaymentEvent, PaymentEventQuantity]


@pytest.mark.parametrize("model", TRAILS, ids=lambda m: m._meta.label)
def test_django_admin_offers_no_add_change_or_delete_even_to_superusers(admin_client, model):
    opts = model._meta
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[1])
        return
    request = admin_client.get("/django-admin/").wsgi_request
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403
    assert admin_client.post(reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[1])).status_code in {
        302,  # "doesn't exist" redirect for a missing row never deletes
        403,
        404,
    }


@pytest.mark.parametrize("model", TRAILS, ids=lambda m: m._meta.label)
def test_existing_rows_cannot_be_changed_or_deleted_in_django_admin(admin_client, model, refund_event, events):
    row = {PaymentEvent: refund_event, PaymentEventQuantity: refund_event.line_quantities.first()}.get(model) or events[
        model
    ]
    opts = model._meta
    if model not in admin.site._registry:  # not in django-admin at all: no change page exists
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
        return
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk])
    delete = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[row.pk])
    page = admin_client.get(change)
    assert page.status_code == 200  # viewing is allowed…
    assert b'name="_save"' not in page.content  # …with no save button
    assert admin_client.post(change, {}).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert model.objects.filter(pk=row.pk).exists()


def test_no_audit_trail_is_a_wagtail_snippet():
    from wagtail.snippets.models import get_snippet_models

    assert not set(TRAILS) & set(get_snippet_models())


@pytest.fixture
def refund_event(db):
    from oscar.apps.order.models import PaymentEventType
    from oscar.test.factories import create_order

    order = create_order()
    event = PaymentEvent.objects.create(
        order=order, event_type=PaymentEventType.objects.create(code="refunded", name="Refunded"), amount=10
    )
    PaymentEventQuantity.objects.create(event=event, line=order.lines.first(), quantity=1)
    return event


@pytest.fixture
def events(db):
    from tests.factories import ProductFactory
    from tests.producers.factories import ApplicationFactory
    from tests.quality.conftest import State, application_in, make_officer

    application = application_in(State.SUBMITTED, ProductFactory(certified=False), make_officer("audit-officer"))
    producer_application = ApplicationFactory()
    return {
        AuditEntry: AuditEntry.objects.filter(application=application).first(),
        ApplicationEvent: ApplicationEvent.objects.create(application=producer_application, to_state="submitted"),
    }
