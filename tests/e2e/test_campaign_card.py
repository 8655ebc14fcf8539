"""A pre-order campaign paid by a saved card, in a real browser against localstripe's Stripe.js mock: the customer
saves a card on the commit page (SetupIntent, nothing charged); the target is reached and close_campaigns charges
it off-session; the order appears in the producer's portal. When the bank asks for 3-D Secure off-session, the
customer pays on the pay-now page (confirmCardPayment) and the order is placed."""

import io

import pytest
from django.core.management import call_command
from oscar.apps.order.models import Order

from shop.preorders.models import Campaign, Commitment
from tests.checkout.factories import shipping_country
from tests.e2e.accounts import log_in
from tests.factories import ProductFactory, UserFactory, home_pages
from tests.payments.localstripe import localstripe, stripe_on_localstripe  # noqa: F401  (fixtures)
from tests.preorders.factories import CampaignFactory, CommitmentFactory
from tests.producers.factories import portal_producer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("stripe_on_localstripe"),
]


def fill_card(page, box, number):
    card = page.locator(box)
    card.locator("input[placeholder=number]").fill(number)
    card.locator("input[placeholder=exp_month]").fill("12")
    card.locator("input[placeholder=exp_year]").fill("30")
    card.locator("input[placeholder=cvc]").fill("123")
    card.locator("input[placeholder=postal_code]").fill("12345")


def commit_with_card(page, campaign, number):
    page.goto(f"/fa/campaigns/{campaign.pk}/commit/")
    page.fill("#id_quantity", "2")
    page.fill("#id_address-first_name", "سپیده")
    page.fill("#id_address-last_name", "کریمی")
    page.fill("#id_address-line1", "خیابان امام، کوچه ۳")
    page.fill("#id_address-line4", "اردبیل")
    page.check("input[name=method][value=card]")
    fill_card(page, "#preorder-card-element", number)
    page.click(".commit-form button[type=submit]")


def campaign_near_target():
    home_pages()
    shipping_country()
    producer = portal_producer()
    product = ProductFactory(producer=producer, title_fa="کیف چرم دست‌دوز", title_en="Hand-stitched bag")
    campaign = CampaignFactory(product=product, target_quantity=5, max_per_customer=2)
    CommitmentFactory(campaign=campaign, quantity=3)  # others have committed already (cash on delivery)
    return producer, campaign


def test_a_customer_saves_a_card_the_target_is_reached_and_the_order_reaches_the_producer(page, artifacts_dir):
    producer, campaign = campaign_near_target()
    customer = UserFactory()
    log_in(page, customer.email)

    commit_with_card(page, campaign, "4242424242424242")
    page.wait_for_url("**/fa/campaigns/mine/")
    mine = Commitment.objects.get(user=customer)
    assert (mine.quantity, mine.method, mine.state) == (2, "card", Commitment.State.COMMITTED)
    assert mine.payment_method_id.startswith("pm_") and not mine.payment_intent_id  # saved, nothing charged
    page.screenshot(path=str(artifacts_dir / "campaign-card-committed-fa.png"), full_page=True)

    call_command("close_campaigns", stdout=io.StringIO())
    campaign.refresh_from_db()
    mine.refresh_from_db()
    assert campaign.state == Campaign.State.SUCCEEDED and mine.state == Commitment.State.ORDERED
    order = Order.objects.get(user=customer)
    assert order.sources.get().source_type.code == "stripe" and order.lines.get().quantity == 2

    log_in(page, producer.user.email)
    page.goto(f"/fa/dashboard/campaigns/mine/{campaign.pk}/")
    assert order.number in page.content()
    page.goto("/fa/dashboard/orders/")
    assert order.number in page.content()


def test_when_the_bank_asks_for_3d_secure_the_customer_pays_on_the_pay_now_page(page, artifacts_dir):
    _producer, campaign = campaign_near_target()
    customer = UserFactory()
    log_in(page, customer.email)

    commit_with_card(page, campaign, "4000002760003184")  # 3-D Secure now, and again off-session
    page.get_by_role("button", name="Complete authentication").click()
    page.wait_for_url("**/fa/campaigns/mine/")

    call_command("close_campaigns", stdout=io.StringIO())
    mine = Commitment.objects.get(user=customer)
    assert mine.state == Commitment.State.PAYMENT_FAILED and not Order.objects.filter(user=customer).exists()

    page.goto(f"/fa/campaigns/card/commitments/{mine.pk}/pay/")
    fill_card(page, "#card-element", "4000002760003184")
    page.click("#pay-by-card")
    page.get_by_role("button", name="Complete authentication").click()
    page.wait_for_url("**/fa/campaigns/mine/")
    mine.refresh_from_db()
    assert mine.state == Commitment.State.ORDERED
    assert mine.order.number in page.content()
    page.screenshot(path=str(artifacts_dir / "campaign-card-paid-now-fa.png"), full_page=True)
