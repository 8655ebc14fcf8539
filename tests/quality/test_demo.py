"""The demo's certification (shop.demo.certification): complete, consistent, idempotent.

The base demo is loaded once for the module with the loader's own certification
step switched off (when it has one), so that this module does all the work; the
whole module runs inside a transaction rolled back at the end.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from catalogue.models import Product
from producers.links import producers_linked_to
from quality import workflow
from quality.models import AuditEntry, Certificate, CertificationApplication, Evidence, Standard
from shop.demo import certification, loader

pytestmark = pytest.mark.django_db
State = CertificationApplication.State


def snapshot():
    return {
        model._meta.label: model.objects.count()
        for model in (Standard, CertificationApplication, Certificate, AuditEntry, Evidence)
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    base = tmp_path_factory.getbasetemp()
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(
            MEDIA_ROOT=str(base / "media"), PRIVATE_MEDIA_ROOT=str(base / "private"), PASSWORD_HASHERS=fast
        ),
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
        transaction.atomic(),
    ):
        patch.setattr(loader, "load_standards", lambda *args, **kwargs: {}, raising=False)
        patch.setattr(loader, "load_certification", lambda *args, **kwargs: 0, raising=False)
        call_command("load_demo", stdout=io.StringIO())
        output = io.StringIO()
        first = certification.load(stdout=output)
        after_first = snapshot()
        certification.load()
        yield {"summary": first, "first": after_first, "second": snapshot(), "output": output.getvalue()}
        transaction.set_rollback(True)


@pytest.fixture
def officer(demo):
    return get_user_model().objects.get(email=certification.OFFICER_EMAIL)


def test_a_second_run_adds_nothing(demo):
    assert demo["second"] == demo["first"]
    assert "standards:" in demo["output"]


def test_one_standard_per_craft_with_a_bilingual_checklist(demo):
    standards = Standard.objects.select_related("product_class")
    assert sorted(standard.product_class.slug for standard in standards) == sorted(certification.STANDARDS)
    for standard in standards:
        assert standard.code.startswith("INSO ") and standard.title_fa and standard.title_en
        items = list(standard.checklist.all())
        assert 3 <= len(items) <= 5, standard.code
        assert all(
            item.text_fa and item.text_en and item.evidence_required_fa and item.evidence_required_en for item in items
        )


def test_every_product_on_sale_is_certified_with_an_audit_trail(demo):
    expected_off = {*certification.OFF_MARKET, *certification.QUEUE}
    demo_products = Product.objects.filter(upc__startswith="HM-")
    listable = set(Product.objects.listable().filter(upc__startswith="HM-").values_list("upc", flat=True))
    assert listable == set(demo_products.values_list("upc", flat=True)) - expected_off
    for certificate in Certificate.objects.filter(product__upc__in=listable).select_related("application"):
        actions = set(certificate.application.audit.values_list("action", flat=True))
        assert {AuditEntry.Action.CREATED, AuditEntry.Action.SUBMITTED, AuditEntry.Action.APPROVED} <= actions
        assert certificate.application.results.filter(passed=True).count() == certificate.standard.checklist.count()


@pytest.mark.parametrize(
    ("upc", "status"),
    [
        (certification.EXPIRED, Certificate.Status.EXPIRED),
        (certification.REVOKED[0], Certificate.Status.REVOKED),
        (certification.SUSPENDED[0], Certificate.Status.SUSPENDED),
    ],
)
def test_an_expired_a_revoked_and_a_suspended_certificate_are_off_the_market(demo, upc, status):
    certificate = Certificate.objects.get(product__upc=upc)
    assert certificate.effective_status() == status
    assert not Product.objects.listable().filter(upc=upc).exists()
    if status != Certificate.Status.EXPIRED:
        assert certificate.status_reason and certificate.audit.filter(action=status).exists()


def test_a_certificate_expiring_soon_has_its_renewal_in_the_queue(demo):
    certificate = Certificate.objects.get(product__upc=certification.EXPIRING)
    assert certificate.is_in_force()
    assert Product.objects.listable().filter(upc=certification.EXPIRING).exists()
    renewal = CertificationApplication.objects.get(renews=certificate)
    assert renewal.state == State.SUBMITTED and renewal.evidence.exists()


def test_applications_wait_in_the_queue_for_an_officer_who_may_decide_them(demo, officer):
    waiting = CertificationApplication.objects.filter(state__in=[State.SUBMITTED, State.IN_REVIEW])
    assert waiting.count() >= 3
    linked = producers_linked_to(officer)
    assert not waiting.filter(producer__in=linked).exists()
    assert CertificationApplication.objects.filter(state=State.CHANGES_REQUESTED).exists()
    submitted = waiting.filter(state=State.SUBMITTED).first()
    assert submitted.evidence.exists()
    assert workflow.take(submitted, officer).state == State.IN_REVIEW


def test_the_demo_producer_has_an_application_sent_back(demo):
    application = CertificationApplication.objects.get(product__upc="HM-LTH-005", state=State.CHANGES_REQUESTED)
    assert application.producer.user.email == "producer@demo.example"
    assert application.audit.get(action=AuditEntry.Action.CHANGES_REQUESTED).reason
