"""A home producer joins, in a real browser: apply → staff approve and record training → list from a template."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from catalogue.models import Product, ProductAttribute
from producers.models import Application, Producer
from tests.e2e.accounts import PASSWORD, log_in
from tests.factories import ProductClassFactory, RegionFactory, UserFactory, category
from tests.producers.factories import CourseFactory, staff_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def choose(page, selector, label):
    """Pick an option by its text, whether or not Oscar's dashboard turned the select into select2."""
    page.locator(selector).select_option(label=label, force=True)


def test_apply_approve_and_list_from_a_template(page, artifacts_dir):
    ardabil = RegionFactory(slug="ardabil", name="اردبیل", name_fa="اردبیل", name_en="Ardabil")
    RegionFactory(slug="fars", name="فارس", name_fa="فارس", name_en="Fars")
    kilim = ProductClassFactory(slug="kilim", name="گلیم", name_fa="گلیم", name_en="Kilim")
    ProductAttribute.objects.create(
        product_class=kilim,
        code="knots_per_dm",
        name="گره در دسی‌متر",
        name_fa="گره در دسی‌متر",
        name_en="Knots per decimetre",
        type="integer",
        required=True,
        min_value=Decimal("15"),
        max_value=Decimal("45"),
    )
    category("Kilims", "گلیم")
    course = CourseFactory(
        title="گلیم‌بافی و رنگرزی گیاهی",
        title_fa="گلیم‌بافی و رنگرزی گیاهی",
        title_en="Kilim weaving",
        kind="specialised",
        craft=kilim,
        required_for=[kilim],
    )
    applicant = UserFactory(username="leila@example.com", email="leila@example.com", first_name="لیلا")
    staff = staff_user(username="staff@example.com", email="staff@example.com")
    staff.set_password(PASSWORD)
    staff.save()

    # 1. The applicant applies, in Persian.
    log_in(page, applicant.email)
    page.goto("/fa/producers/apply/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.check("input[name=level][value=home]")
    page.fill("#id_full_name", "لیلا احمدی")
    page.fill("#id_national_id", "۰۴۹۹۳۷۰۸۹۹")
    page.fill("#id_date_of_birth", "1991-04-02")
    page.select_option("#id_native_region", label="اردبیل")
    page.select_option("#id_registration_region", label="اردبیل")
    page.check("input[name=employed_full_time][value=False]")
    page.check("input[name=employer_insured][value=False]")
    page.check(f"input[name=crafts][value='{kilim.pk}']")
    page.fill("#id_business_description", "گلیم‌بافی در خانه با دار عمودی و پشم محلی.")
    page.fill("#id_phone", "09141234567")
    page.screenshot(path=str(artifacts_dir / "onboarding-1-apply-fa.png"), full_page=True)
    page.click("form.application-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".application-status").count() == 1
    application = Application.objects.get(user=applicant)
    assert application.state == Application.State.SUBMITTED
    page.screenshot(path=str(artifacts_dir / "onboarding-2-submitted-fa.png"), full_page=True)

    # 2. Programme staff approve it in the screening queue.
    log_in(page, staff.email, "en")
    page.goto("/en/dashboard/producers/applications/?state=submitted")
    page.locator("table.applications a", has_text="Open").first.click()
    page.wait_for_load_state()
    page.check("input[name=action][value=approve]")
    page.fill("#id_reason", "Workshop visited.")
    page.screenshot(path=str(artifacts_dir / "onboarding-3-screening-en.png"), full_page=True)
    page.click("form.application-decision button[type=submit]")
    page.wait_for_load_state()
    assert "Approved" in page.locator(".application-events").inner_text()
    producer = Producer.objects.get(user=applicant)

    # …and record the training the craft requires.
    page.goto("/en/dashboard/producers/training/enrol/")
    choose(page, "#id_producer", producer.name_en)
    choose(page, "#id_course", course.title_en)
    page.check("#id_completed")
    page.click("form.enrolment-form button[type=submit]")
    page.wait_for_load_state()
    assert producer.enrolments.filter(course=course, completed_at__isnull=False).exists()

    # 3. The new producer signs in and lists a kilim from the craft's template.
    log_in(page, applicant.email)
    page.goto("/fa/dashboard/")
    page.screenshot(path=str(artifacts_dir / "onboarding-4-portal-fa.png"), full_page=True)
    page.goto("/fa/dashboard/catalogue/")
    choose(page, "#id_product_class", "گلیم")
    with page.expect_navigation():
        page.locator("#create_product_with_class_form button[type=submit]").click()
    assert page.url.rstrip("/").endswith(f"/products/create/{kilim.slug}")
    page.fill("#id_title_fa", "گلیم پشمی نمین")
    page.fill("#id_title_en", "Namin wool kilim")
    page.fill("#id_description_fa", "رنگ گیاهی روناس و پوست گردو.")
    page.click("a[href='#product_category']")
    choose(page, "#id_productcategory_set-0-category", "گلیم")
    page.click("a[href='#product_attributes']")
    page.fill("#id_attr_knots_per_dm", "30")
    page.click("a[href='#product_stock']")
    page.fill("#id_stockrecords-0-partner_sku", "LEILA-K1")
    page.fill("#id_stockrecords-0-num_in_stock", "2")
    page.fill("#id_stockrecords-0-price", "8500000")
    page.screenshot(path=str(artifacts_dir / "onboarding-5-listing-fa.png"), full_page=True)
    page.click("button[name=action][value=save]")
    page.wait_for_load_state()

    product = Product.objects.get(producer=producer)
    assert (product.title_fa, product.product_class, product.is_public) == ("گلیم پشمی نمین", kilim, True)
    assert product.attr.knots_per_dm == 30
    assert product.stockrecords.get().partner == producer.partner
    assert page.locator(".alert-success").count() >= 1
    page.screenshot(path=str(artifacts_dir / "onboarding-6-listed-fa.png"), full_page=True)
    assert get_user_model().objects.get(pk=applicant.pk).has_perm("partner.dashboard_access")
    assert ardabil.producers.filter(pk=producer.pk).exists()
