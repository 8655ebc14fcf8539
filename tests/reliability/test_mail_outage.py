"""The mail server is down: every business action that e-mails someone afterwards still stands.

Each test runs in real transactions, so the e-mails sent "on commit" go out inside the request,
exactly as in production: the answer the user gets is the one a live server would give. What must
hold: the order, decision, certificate or account exists, the user sees the usual answer (a
redirect, never a 500), and the failure is logged at ERROR level for staff.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from oscar.apps.order.models import Order

from producers import screening
from producers.models import Application, Producer
from quality import workflow
from quality.models import AuditEntry, Certificate
from shop.preorders.models import Campaign, Commitment
from tests.checkout.factories import place_cod, product, to_preview
from tests.factories import ProductClassFactory, ProductFactory, RegionFactory, UserFactory, certify
from tests.preorders.factories import CampaignFactory, CommitmentFactory
from tests.producers.factories import ApplicationFactory, staff_user
from tests.quality.conftest import State, application_in, make_officer

from .conftest import logged_errors

# Real commits (on_commit callbacks run inside the request); serialized rollback restores the migrations' rows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_cash_on_delivery_order_is_placed_and_thanked_for(client, mail_down):
    to_preview(client, [product(num_in_stock=3)])
    response = place_cod(client)
    assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    order = Order.objects.get()
    assert order.lines.count() == 1 and order.basket.status == "Submitted"
    assert client.get(reverse("checkout:thank-you")).status_code == 200
    assert logged_errors(mail_down, f"Order {order.pk}: the confirmation e-mail could not be sent")


def submitted_application(language="en"):
    region = RegionFactory()
    draft = ApplicationFactory.build(user=UserFactory(), native_region=region, registration_region=region)
    return screening.submit(draft, draft.user, [ProductClassFactory()], language=language)


@pytest.mark.parametrize(
    ("action", "state"),
    [("approve", Application.State.APPROVED), ("reject", Application.State.REJECTED)],
)
def test_a_screening_decision_stands(client, mail_down, action, state):
    application = submitted_application()
    client.force_login(staff_user(email="staff@example.com"))
    url = f"/en/dashboard/producers/applications/{application.pk}/"
    response = client.post(url, {"action": action, "reason": "Checked with the province."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == state
    assert application.events.filter(to_state=state).exists()
    if state == Application.State.APPROVED:
        assert Producer.objects.filter(pk=application.producer_id).exists()
    assert logged_errors(mail_down, f"Application {application.pk}: the decision e-mail could not be sent")


def test_a_certification_approval_stands(client, mail_down):
    officer = make_officer()
    application = application_in(State.IN_REVIEW, ProductFactory(certified=False), officer)
    for item in application.standard.checklist.all():
        workflow.record_check(application, item, True, officer)
    client.force_login(officer)
    response = client.post(application.get_absolute_url(), {"action": "approve", "approve-reason": "All good"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == State.APPROVED
    certificate = Certificate.objects.get(application=application)
    assert type(application.product).objects.listable().filter(pk=application.product_id).exists()
    assert client.get(certificate.get_absolute_url()).status_code == 200
    assert logged_errors(mail_down, "the certification e-mail (approved) could not be sent")


def test_a_revocation_stands(client, mail_down):
    certificate = certify(ProductFactory(certified=False))
    client.force_login(make_officer())
    url = reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})
    response = client.post(url, {"action": "revoke", "reason": "Customer complaint"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    assert not type(certificate.product).objects.listable().filter(pk=certificate.product_id).exists()
    assert logged_errors(mail_down, "the certification e-mail (revoked) could not be sent")


def test_reminders_that_could_not_be_sent_are_tried_again_on_the_next_run(mail_down, settings):
    first = certify(ProductFactory(certified=False), valid_until=timezone.now() + timedelta(days=20))
    second = certify(ProductFactory(certified=False), valid_until=timezone.now() + timedelta(days=25))
    output = io.StringIO()
    call_command("send_certificate_reminders", stdout=output)  # the command itself does not crash
    assert "failed: 2" in output.getvalue()
    assert len(logged_errors(mail_down, "reminder for certificate")) == 2
    for certificate in (first, second):
        certificate.refresh_from_db()
        assert certificate.reminded_30_days_at is None  # not recorded as sent: tomorrow's run tries again
        assert not certificate.audit.filter(action=AuditEntry.Action.REMINDED).exists()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("send_certificate_reminders", stdout=io.StringIO())
    first.refresh_from_db()
    assert first.reminded_30_days_at is not None


def test_a_failed_campaign_is_closed_and_its_customers_told_once_the_mail_is_back(mail_down, settings):
    campaign = CampaignFactory(target_quantity=5)
    CommitmentFactory(campaign=campaign, quantity=2, email="en@example.com", language="en")
    Campaign.objects.filter(pk=campaign.pk).update(deadline=timezone.now() - timedelta(minutes=1))
    call_command("close_campaigns", stdout=io.StringIO())
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.FAILED
    assert set(Commitment.objects.values_list("state", flat=True)) == {Commitment.State.RELEASED}
    assert logged_errors(mail_down, "the campaign-failed e-mail could not be sent")
    assert Commitment.objects.get().notified_at is None  # not told yet: the next run tries again

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("close_campaigns", stdout=io.StringIO())
    call_command("close_campaigns", stdout=io.StringIO())
    assert [message.to for message in mail.outbox] == [["en@example.com"]]  # told once
    assert Commitment.objects.get().notified_at is not None


def test_a_password_reset_request_gets_the_usual_answer(client, mail_down):
    user = UserFactory(email="forgetful@example.com")
    with translation.override("en"):
        response = client.post(reverse("password-reset"), {"email": user.email})
        unknown = client.post(reverse("password-reset"), {"email": "nobody@example.com"})
    # The same answer as for an address with no account: the page does not reveal which ones exist.
    assert response.status_code == unknown.status_code == 302
    assert response["Location"] == unknown["Location"]
    assert logged_errors(mail_down, f"user {user.pk}: the password reset e-mail could not be sent")


def test_registering_creates_the_account_and_signs_in(client, mail_down):
    data = {
        "email": "new.customer@example.com",
        "password1": "a long and unusual passphrase 1404",
        "password2": "a long and unusual passphrase 1404",
    }
    with translation.override("en"):
        response = client.post(reverse("customer:register"), data)
    assert response.status_code == 302, response.context["form"].errors
    user = get_user_model().objects.get(email="new.customer@example.com")
    assert client.session.get("_auth_user_id") == str(user.pk)
    assert logged_errors(mail_down, "the welcome e-mail could not be sent")


def test_an_order_for_a_product_someone_asked_to_be_alerted_about(client, mail_down):
    """Oscar e-mails "back in stock" alerts from the stock record's save, which placing an order does."""
    from oscar.apps.customer.models import ProductAlert

    item = product(num_in_stock=3)
    alert = ProductAlert.objects.create(product=item, user=UserFactory())  # a signed-in customer's: active
    to_preview(client, [item])
    response = place_cod(client)
    assert response.status_code == 302 and response["Location"].endswith(reverse("checkout:thank-you"))
    assert Order.objects.get().lines.get().product == item
    alert.refresh_from_db()
    assert alert.status == ProductAlert.CLOSED  # the alert was handled, its e-mail logged as failed
    assert logged_errors(mail_down, "back-in-stock")


def test_with_the_mail_server_up_the_alert_goes_out_after_the_order(client, settings):
    from django.core import mail
    from oscar.apps.customer.models import ProductAlert

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    item = product(num_in_stock=3)
    waiting = UserFactory(email="waiting@example.com")
    ProductAlert.objects.create(product=item, user=waiting)
    to_preview(client, [item])
    place_cod(client)
    assert Order.objects.count() == 1
    assert ["waiting@example.com"] in [message.to for message in mail.outbox]
