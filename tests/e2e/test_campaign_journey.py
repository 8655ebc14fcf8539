"""A pre-order campaign in a real browser, in Persian: a customer finds it on the home page, commits
(cash on delivery, with a delivery address); the commitment reaches the target; the cron command closes
the campaign; the order appears in the producer's portal and in the customer's account."""

import io

import pytest
from django.core.management import call_command
from oscar.apps.order.models import Order

from shop.preorders.models import Campaign, Commitment
from tests.checkout.factories import shipping_country
from tests.cms.factories import set_home_body
from tests.e2e.accounts import log_in
from tests.factories import ProductFactory, UserFactory, home_pages
from tests.preorders.factories import CampaignFactory, CommitmentFactory
from tests.producers.factories import portal_producer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_customer_commits_the_target_is_reached_and_the_order_reaches_the_producer(page, artifacts_dir):
    home_pages()
    set_home_body([{"type": "campaigns", "value": {"heading": "پیش‌خرید", "count": 3}}])
    shipping_country()
    producer = portal_producer()
    product = ProductFactory(producer=producer, title_fa="کیف چرم دست‌دوز", title_en="Hand-stitched bag")
    campaign = CampaignFactory(product=product, target_quantity=5, max_per_customer=2)
    CommitmentFactory(campaign=campaign, quantity=3)  # others have committed already
    customer = UserFactory(first_name="سپیده")

    # The customer finds the campaign on the home page and commits to the last two units.
    log_in(page, customer.email)
    page.goto("/fa/")
    page.click(f".cms-running-campaigns a[href='/fa/campaigns/{campaign.pk}/']")
    assert page.locator("progress.campaign-progress-bar").get_attribute("value") == "3"
    page.click(f"a[href='/fa/campaigns/{campaign.pk}/commit/']")
    page.fill("#id_quantity", "2")
    page.fill("#id_address-first_name", "سپیده")
    page.fill("#id_address-last_name", "کریمی")
    page.fill("#id_address-line1", "خیابان امام، کوچه ۳")
    page.fill("#id_address-line4", "اردبیل")
    page.check("input[name=method][value=cash-on-delivery]")
    page.click(".commit-form button[type=submit]")
    page.wait_for_url("**/fa/campaigns/mine/")
    assert "کیف چرم دست‌دوز" in page.content()
    page.screenshot(path=str(artifacts_dir / "campaign-committed-fa.png"), full_page=True)
    mine = Commitment.objects.get(user=customer)
    assert (mine.quantity, mine.method, mine.state) == (2, "cash-on-delivery", Commitment.State.COMMITTED)

    # The target is reached: the cron command closes the campaign and places the orders.
    call_command("close_campaigns", stdout=io.StringIO())
    campaign.refresh_from_db()
    assert campaign.state == Campaign.State.SUCCEEDED
    order = Order.objects.get(user=customer)
    assert order.lines.get().quantity == 2

    # The customer sees the order in their commitments; the producer sees it in the portal.
    page.goto("/fa/campaigns/mine/")
    assert order.number in page.content()
    log_in(page, producer.user.email)
    page.goto(f"/fa/dashboard/campaigns/mine/{campaign.pk}/")
    assert order.number in page.content()
    page.goto("/fa/dashboard/orders/")
    assert order.number in page.content()
    page.screenshot(path=str(artifacts_dir / "campaign-orders-producer-fa.png"), full_page=True)
