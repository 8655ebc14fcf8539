"""Builders for the monitoring tests: sales on given days, approved applicants, completed training."""

import datetime as dt
import itertools
from decimal import Decimal

from django.utils import timezone
from oscar.apps.order.models import Line, Order

from producers.models import Application, Enrolment, Producer
from tests.factories import ProducerFactory, ProductFactory
from tests.producers.factories import ApplicationFactory, CourseFactory

_numbers = itertools.count(700001)


def moment(year, month, day=10, hour=12):
    """Noon (programme time zone) on a day."""
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def sale(product, when, amount="500000", order_status="Complete", line_status="Delivered", quantity=1):
    """An order placed `when` with one line of `product`, sold through its producer's partner."""
    amount = Decimal(amount)
    order = Order.objects.create(
        number=f"M{next(_numbers)}",
        currency="IRT",
        total_incl_tax=amount,
        total_excl_tax=amount,
        status=order_status,
        date_placed=when,
    )
    Line.objects.create(
        order=order,
        partner=product.producer.partner,
        partner_name=product.producer.partner.name,
        partner_sku=f"SKU-{product.pk}",
        product=product,
        title=product.title_en or product.title,
        quantity=quantity,
        line_price_incl_tax=amount,
        line_price_excl_tax=amount,
        line_price_before_discounts_incl_tax=amount,
        line_price_before_discounts_excl_tax=amount,
        unit_price_incl_tax=amount,
        unit_price_excl_tax=amount,
        status=line_status,
        num_allocated=0,
    )
    return order


def applicant(region, crafts, submitted_at, level=Producer.Kind.HOME, state=Application.State.SUBMITTED, **kwargs):
    """An application; an approved one gets its producer (active, in the same province, with the crafts)."""
    producer = None
    if state == Application.State.APPROVED:
        producer = ProducerFactory(region=region, kind=level, **kwargs)
        producer.crafts.set(crafts)
    extra = {"business_name_fa": "کسب‌وکار پیشران"} if level == Producer.Kind.LEAD else {}
    application = ApplicationFactory(
        native_region=region,
        registration_region=region,
        level=level,
        crafts=crafts,
        state=state,
        submitted_at=submitted_at,
        producer=producer,
        **extra,
    )
    return application


def trained(producer, when):
    course = CourseFactory()
    return Enrolment.objects.create(producer=producer, course=course, enrolled_at=when, completed_at=when)


def certified_product(producer, craft):
    """A product on sale with a certificate in force (tests.factories.certify)."""
    return ProductFactory(producer=producer, product_class=craft)
