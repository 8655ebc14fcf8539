"""A small programme with known answers, on a frozen calendar (today: 20 June 2026, Tehran).

The readiness rule of 2026: sales in at least 3 of the last 12 months (July 2025 to
June 2026), at least 1,000,000 toman over them, a certified product and training.

| app | province | level | crafts       | submitted | state     | producer: trained, certified, sales                 |
|-----|----------|-------|--------------|-----------|-----------|-----------------------------------------------------|
| a1  | Ardabil  | home  | kilim        | Apr 2026  | submitted | —                                                   |
| a2  | Ardabil  | home  | kilim        | Apr 2026  | rejected  | —                                                   |
| a3  | Ardabil  | home  | kilim        | Apr 2026  | approved  | p3: nothing yet (just registered)                   |
| a4  | Ardabil  | lead  | kilim, honey | Apr 2026  | approved  | p4: trained                                         |
| a5  | Markazi  | home  | honey        | May 2026  | approved  | p5: trained, certified; only cancelled sales        |
| a6  | Markazi  | home  | honey        | May 2026  | approved  | p6: trained, certified; 2 months (May, Jun), 2M     |
| a7  | Markazi  | home  | kilim        | May 2026  | approved  | p7: ... 3 months (Apr-Jun) 1.5M + Jun 2025 (outside)|
| a8  | Ardabil  | lead  | kilim        | May 2026  | approved  | p8: ... 4 months (Jul 2025 .. Jun 2026), 3.2M       |

Networks: p4 leads p5 (accepted) and p6 (invited); p8 leads p7 (accepted).
"""

from datetime import datetime, time
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from producers.models import Application, NetworkMembership, Producer, ReadinessRule
from tests.factories import ProductClassFactory, RegionFactory
from tests.producers.factories import staff_user

from .factories import applicant, certified_product, moment, sale, trained

TODAY = datetime(2026, 6, 20).date()
APPROVED = Application.State.APPROVED


@pytest.fixture
def frozen_now(monkeypatch):
    now = timezone.make_aware(datetime.combine(TODAY, time(12, 0)))
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


@pytest.fixture
def rule(db):
    return ReadinessRule.objects.create(
        year=2026,
        window_months=12,
        min_sales_months=3,
        min_total_sales=Decimal("1000000"),
        require_certificate=True,
        require_training=True,
    )


@pytest.fixture
def programme(db, frozen_now, rule):
    ardabil = RegionFactory(slug="ardabil", name_fa="اردبیل", name_en="Ardabil")
    markazi = RegionFactory(slug="markazi", name_fa="مرکزی", name_en="Markazi")
    kilim = ProductClassFactory(slug="kilim", name_fa="گلیم", name_en="Kilim")
    honey = ProductClassFactory(slug="honey", name_fa="عسل", name_en="Honey")
    april, may = moment(2026, 4, 15), moment(2026, 5, 15)
    lead = Producer.Kind.LEAD

    a1 = applicant(ardabil, [kilim], april)
    a2 = applicant(ardabil, [kilim], april, state=Application.State.REJECTED)
    a3 = applicant(ardabil, [kilim], april, state=APPROVED, name_fa="تازه‌وارد", name_en="Newcomer")
    a4 = applicant(
        ardabil, [kilim, honey], april, level=lead, state=APPROVED, name_fa="پیشران اردبیل", name_en="Ardabil Lead"
    )
    a5 = applicant(markazi, [honey], may, state=APPROVED, name_fa="عسل بی‌فروش", name_en="Honey No Sales")
    a6 = applicant(markazi, [honey], may, state=APPROVED, name_fa="عسل دو ماهه", name_en="Honey Two Months")
    a7 = applicant(markazi, [kilim], may, state=APPROVED, name_fa="گلیم سه ماهه", name_en="Kilim Three Months")
    a8 = applicant(ardabil, [kilim], may, level=lead, state=APPROVED, name_fa="پیشران گلیم", name_en="Kilim Lead")
    p3, p4, p5, p6, p7, p8 = (a.producer for a in (a3, a4, a5, a6, a7, a8))

    for producer in (p4, p5, p6, p7, p8):
        trained(producer, moment(2026, 5, 20))
    products = {p: certified_product(p, craft) for p, craft in ((p5, honey), (p6, honey), (p7, kilim), (p8, kilim))}

    sale(products[p5], moment(2026, 6, 1), "5000000", order_status="Cancelled", line_status="Cancelled")
    sale(products[p5], moment(2026, 5, 1), "5000000", line_status="Cancelled")
    for month in (5, 6):
        sale(products[p6], moment(2026, month, 2), "1000000")
    sale(products[p7], moment(2025, 6, 28), "9000000")  # month 13 back: outside the window
    for month in (4, 5, 6):
        sale(products[p7], moment(2026, month, 3), "500000", order_status="Being processed", line_status="Pending")
    sale(products[p8], moment(2025, 7, 1, hour=0), "800000")  # the first minutes of the window
    for month in (1, 3, 6):
        sale(products[p8], moment(2026, month, 5), "800000")

    NetworkMembership.objects.create(lead=p4, member=p5, status=NetworkMembership.Status.ACCEPTED)
    NetworkMembership.objects.create(lead=p4, member=p6, status=NetworkMembership.Status.INVITED)
    NetworkMembership.objects.create(lead=p8, member=p7, status=NetworkMembership.Status.ACCEPTED)

    return SimpleNamespace(
        ardabil=ardabil,
        markazi=markazi,
        kilim=kilim,
        honey=honey,
        applications=[a1, a2, a3, a4, a5, a6, a7, a8],
        p3=p3,
        p4=p4,
        p5=p5,
        p6=p6,
        p7=p7,
        p8=p8,
        products=products,
        rule=rule,
        now=frozen_now,
    )


@pytest.fixture
def staff(db):
    return staff_user()
