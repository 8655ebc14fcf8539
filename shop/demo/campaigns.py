"""Pre-order campaigns for the demo: one running near its target, one just started, one waiting for
staff review, one that succeeded (its commitments are orders for the producer) and one that failed,
plus campaigns closed over the past months so that the monitoring success-rate chart shows a history.

Everything goes through shop.preorders.rules (propose, approve, commit, close, place_order), so the
demo holds exactly what real use would leave behind; dates are then moved back to when each step
happened. Run by the loader after the history. Idempotent: one demo campaign per product (by UPC);
an existing campaign for that product is left as it is. The demo's past customers are not e-mailed.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone
from oscar.apps.address.models import Country
from oscar.apps.order.models import Order, ShippingAddress

from catalogue.models import Product
from shop.preorders import rules
from shop.preorders.models import Campaign, Commitment

from . import history, loader, programme

BUYERS_DOMAIN = "buyers.demo.example"

# Succeeded campaigns add sales: they are placed with producers whose facility-readiness story in
# shop.demo.history (exactly six months, five months, honey's small total) they would not change.
# (UPC, outcome, target, units committed, days: deadline from today (negative: in the past), price off %)
CAMPAIGNS = [
    ("HM-LTH-002", "running", 30, 26, 9, 10),  # the demo producer's: near its target
    ("HM-HNY-003", "running", 60, 18, 20, 8),
    ("HM-LTH-003", "proposed", 40, 0, 25, 12),  # the demo producer's, waiting for programme staff
    ("HM-KLM-006", "succeeded", 12, 12, -10, 10),
    ("HM-EMB-002", "failed", 20, 7, -5, 10),
    # the past months, for the success-rate chart
    ("HM-TAB-006", "succeeded", 8, 8, -60, 5),
    ("HM-HRB-001", "succeeded", 10, 10, -95, 5),
    ("HM-EMB-006", "failed", 15, 4, -125, 10),
    ("HM-HWC-008", "succeeded", 4, 4, -150, 5),
    ("HM-HRB-002", "failed", 25, 9, -185, 8),
    ("HM-CLO-005", "succeeded", 9, 9, -240, 10),
]
RUN_DAYS = 30  # how long each campaign ran before its deadline


def load(stdout=None):
    """Add the demo campaigns that are missing. Returns {label: count}."""
    log = (lambda message: stdout.write(f"  {message}\n")) if stdout is not None else (lambda message: None)
    staff = get_user_model().objects.filter(email=programme.STAFF_EMAIL).first()
    customer = get_user_model().objects.filter(email=history.CUSTOMER_EMAIL).first()
    if staff is None:
        log("campaigns: the base demo is missing; nothing added")
        return counts()
    products = (
        Product.objects.listable()
        .select_related("producer__user")
        .in_bulk([spec[0] for spec in CAMPAIGNS], field_name="upc")
    )
    made = 0
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
        for upc, outcome, target, units, days, off in CAMPAIGNS:
            product = products.get(upc)
            if product is None or Campaign.objects.filter(product=product).exists():
                continue
            _campaign(product, outcome, target, units, days, off, staff, customer)
            made += 1
    log(f"campaigns: {made} added")
    return counts()


def counts():
    return {"preorders.Campaign": Campaign.objects.count(), "preorders.Commitment": Commitment.objects.count()}


def _campaign(product, outcome, target, units, days, off, staff, customer):
    now = timezone.now()
    deadline = now + timedelta(days=days)
    price = (product.stockrecords.first().price * (100 - off) / 100).quantize(Decimal("1000"))
    # Proposed and approved while it could still run (rules refuse deadlines in the past) ...
    campaign = rules.propose(
        producer=product.producer,
        product=product,
        target_quantity=target,
        deadline=max(deadline, now + timedelta(minutes=5)),
        estimated_ship_date=timezone.localdate(max(deadline, now)) + timedelta(days=21),
        price=price,
        max_per_customer=max(2, target // 3),
        by=product.producer.user,
    )
    if outcome == "proposed":
        return campaign
    campaign = rules.approve(campaign, staff)
    for index, quantity in enumerate(_shares(units, campaign.max_per_customer)):
        buyer = customer if index == 0 and customer is not None else None
        rules.commit(
            campaign,
            quantity=quantity,
            method=Commitment.Method.CASH_ON_DELIVERY,
            user=buyer,
            email="" if buyer else f"buyer-{campaign.pk}-{index}@{BUYERS_DOMAIN}",
            language="fa" if index % 3 else "en",
            shipping_address=_address(index),
        )
    if outcome == "running":
        return campaign
    # ... then closed the way close_campaigns closes it, and moved back to when that happened.
    if outcome == "failed":
        Campaign.objects.filter(pk=campaign.pk).update(deadline=deadline)
        campaign.refresh_from_db()
    rules.close(campaign, now=min(deadline, now))
    if outcome == "succeeded":
        for pk in campaign.commitments.values_list("pk", flat=True):
            rules.place_order(pk)
    campaign.commitments.filter(state=Commitment.State.RELEASED).update(notified_at=deadline)
    start = deadline - timedelta(days=RUN_DAYS)
    closed = deadline - timedelta(days=2) if outcome == "succeeded" else deadline
    Campaign.objects.filter(pk=campaign.pk).update(
        deadline=deadline,
        estimated_ship_date=timezone.localdate(deadline) + timedelta(days=21),
        created_at=start,
        decided_at=start + timedelta(days=1),
        closed_at=closed,
    )
    Commitment.objects.filter(campaign=campaign).update(created_at=start + timedelta(days=3))
    Order.objects.filter(preorder_commitment__campaign=campaign).update(date_placed=closed)
    return campaign


def _shares(units, most):
    """Split `units` into commitments of at most `most` each, varied (3, 1, 2, 3, ...)."""
    shares, pattern = [], [most, 1, 2]
    while units > 0:
        share = min(units, max(1, min(most, pattern[len(shares) % 3])))
        shares.append(share)
        units -= share
    return shares


CITIES = ["اردبیل", "تبریز", "شیراز", "اصفهان", "کرمان", "ارومیه", "اراک"]


def _address(index):
    country = Country.objects.filter(iso_3166_1_a2="IR").first() or loader.load_country()
    return ShippingAddress(
        first_name="مشتری",
        last_name=f"پیش‌خرید {index + 1}",
        line1=f"خیابان بهار، پلاک {index + 7}",
        line4=CITIES[index % len(CITIES)],
        postcode="",
        phone_number="",
        country=country,
    )
