"""Certification in a real browser, in Persian: a producer submits a product with evidence, an officer
checks and approves it, the product appears in the catalogue and its certificate verifies as valid."""

from urllib.parse import unquote

import pytest

from catalogue.models import Product
from quality.models import Certificate
from tests.e2e.accounts import log_in
from tests.factories import ProducerFactory, ProductFactory, category, home_pages, png_bytes, standard_for
from tests.quality.conftest import make_officer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PDF = b"%PDF-1.4\n% moisture 17.2%\n%%EOF\n"


def test_producer_submits_officer_approves_product_is_listed_and_verifies(page, artifacts_dir):
    home_pages()
    honey = category("Honey", "عسل")
    producer = ProducerFactory(name_fa="عسل دامنه‌ی سبلان", name_en="Sabalan Foothills Honey")
    product = ProductFactory(
        producer=producer, certified=False, categories=[honey], title_fa="عسل گون سبلان", title_en="Sabalan honey"
    )
    standard = standard_for(product.get_product_class(), code="INSO 92", items=2)
    officer = make_officer("officer-e2e", email="officer-e2e@example.com")

    # The producer applies from the dashboard menu's certification page, uploads evidence and submits.
    log_in(page, producer.user.email)
    page.goto("/fa/quality/my/")
    page.click("a.apply-for-product")
    page.select_option("select[name=standard]", str(standard.pk))
    page.click("#create-application")
    page.wait_for_load_state()
    files = [("report.pdf", "application/pdf", PDF), ("label.png", "image/png", png_bytes())]
    for item, (name, mime, content) in zip(standard.checklist.all(), files, strict=True):
        section = page.locator(f"#item-{item.pk}")
        section.locator("input[type=file]").set_input_files({"name": name, "mimeType": mime, "buffer": content})
        section.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert page.locator(f"#item-{item.pk} a.evidence-link", has_text=name).count() == 1
    page.click("#submit-application")
    page.wait_for_load_state()
    assert page.locator(".alert-success").count() >= 1
    assert not Product.objects.listable().filter(pk=product.pk).exists()

    # The officer finds it in the queue, takes it, checks every requirement and approves.
    log_in(page, officer.email)
    page.goto("/fa/quality/")
    page.locator(".queue-row a", has_text="عسل گون سبلان").first.click()
    page.click("#take-application")
    page.wait_for_load_state()
    for item in standard.checklist.all():
        section = page.locator(f"#item-{item.pk}")
        section.locator("input[type=radio][value=pass]").check()
        section.locator("button[type=submit]").click()
        page.wait_for_load_state()
    page.fill("textarea[name=approve-reason]", "همه‌ی الزامات برقرار است.")
    page.click("#approve-application")
    page.wait_for_load_state()
    certificate = Certificate.objects.get(product=product)
    assert page.locator(f"a:has-text('{certificate.number}')").count() >= 1
    page.screenshot(path=str(artifacts_dir / "certification-officer-approved-fa.png"), full_page=True)

    # Anyone now finds the product in the catalogue, with its quality mark.
    page.context.clear_cookies()
    page.goto("/fa/catalogue/")
    page.locator("h3 a", has_text="عسل گون سبلان").click()
    assert unquote(page.url).endswith(unquote(product.get_absolute_url()))
    assert page.locator(".quality-mark").inner_text().find(certificate.number) >= 0

    # The quality mark leads to the verification page, which says the certificate is valid.
    page.locator(".quality-mark a").click()
    page.wait_for_load_state()
    assert unquote(page.url).endswith(f"/fa/certificates/{certificate.number}/")
    assert page.locator(".certificate-status.status-valid").is_visible()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("img.certificate-qr").evaluate("img => img.complete && img.naturalWidth > 0")
    page.screenshot(path=str(artifacts_dir / "certificate-verification-fa.png"), full_page=True)
