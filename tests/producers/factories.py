"""Factories for the producers app's onboarding, training, network and fulfilment tests."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

import factory
from django.contrib.auth.models import Permission
from django.utils import timezone
from oscar.apps.address.models import Country
from oscar.apps.order.models import Line, Order, ShippingAddress

from producers.eligibility import full_years
from producers.models import Application, Course, Enrolment, NetworkMembership, Producer
from shop import roles
from tests.factories import ProducerFactory, ProductClassFactory, RegionFactory, UserFactory

_national_ids = itertools.count(100000001)


def national_id(seed=None):
    """A valid Iranian national ID (correct check digit), different on every call unless `seed` is given."""
    body = f"{seed if seed is not None else next(_national_ids):09d}"[-9:]
    remainder = sum(int(digit) * (10 - position) for position, digit in enumerate(body)) % 11
    check = remainder if remainder < 2 else 11 - remainder
    return f"{body}{check}"


def adult_birthday(years=30, today=None):
    today = today or timezone.localdate()
    born = date(today.year - years, 6, 15)
    assert full_years(born, today) >= 18
    return born


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A valid, submitted application (saved directly: use producers.screening in tests of the rules)."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    level = Producer.Kind.HOME
    full_name = factory.Sequence(lambda n: f"متقاضی {n}")
    national_id = factory.LazyFunction(national_id)
    date_of_birth = factory.LazyFunction(adult_birthday)
    native_region = factory.SubFactory(RegionFactory)
    registration_region = factory.SelfAttribute("native_region")
    employed_full_time = False
    employer_insured = False
    business_description = "قالی‌بافی در خانه"
    phone = "09121234567"
    language = "fa"

    @factory.post_generation
    def crafts(self, create, extracted, **kwargs):
        if create:
            self.crafts.set(extracted or [ProductClassFactory()])


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"دوره {n}")
    title_fa = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    kind = Course.Kind.GENERAL

    @factory.post_generation
    def required_for(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_for.set(extracted)


def complete_training(producer, product_class=None, staff=None):
    """Record every course required for the craft as completed by the producer."""
    crafts = [product_class] if product_class else list(producer.crafts.all())
    for craft in crafts:
        for course in Course.objects.filter(required_for=craft):
            now = timezone.now()
            Enrolment.objects.update_or_create(
                producer=producer,
                course=course,
                defaults={"completed_at": now, "recorded_by": staff},
                create_defaults={"enrolled_at": now - timedelta(days=30), "completed_at": now, "recorded_by": staff},
            )


def producers_group():
    return roles.ensure_groups()[roles.PRODUCERS_GROUP]


def portal_producer(kind=Producer.Kind.HOME, crafts=(), region=None, **kwargs):
    """A producer whose account can use the portal: partner user, Producers group, its crafts, a brand."""
    from tests.factories import BrandFactory

    extra = {"region": region} if region else {}
    producer = ProducerFactory(kind=kind, **extra, **kwargs)
    producer.partner.users.add(producer.user)
    producer.user.groups.add(producers_group())
    if crafts:
        producer.crafts.set(crafts)
    BrandFactory(producer=producer, slug=f"brand-of-{producer.slug}")
    return producer


def staff_user(**kwargs):
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(roles.ensure_groups()[roles.PROGRAMME_STAFF_GROUP])
    return user


def officer_user(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(roles.ensure_groups()[roles.QUALITY_OFFICERS_GROUP])
    return user


def accept_into_network(lead, member):
    return NetworkMembership.objects.create(
        lead=lead, member=member, status=NetworkMembership.Status.ACCEPTED, responded_at=timezone.now()
    )


_order_numbers = itertools.count(100001)


def order_with_lines(*products, user=None):
    """A placed order with one line per product, each sold through its producer's partner."""
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="IR", defaults={"name": "Iran", "printable_name": "Iran", "is_shipping_country": True}
    )
    address = ShippingAddress.objects.create(
        first_name="سپیده", last_name="کریمی", line1="خیابان امام", line4="اردبیل", country=country
    )
    total = sum((Decimal("100000") for _product in products), Decimal("0"))
    order = Order.objects.create(
        number=str(next(_order_numbers)),
        currency="IRT",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_address=address,
        user=user,
        date_placed=timezone.now(),
    )
    for product in products:
        record = product.stockrecords.first()
        Line.objects.create(
            order=order,
            partner=product.producer.partner,
            partner_name=product.producer.partner.name,
            partner_sku=record.partner_sku if record else f"SKU-{product.pk}",
            stockrecord=record,
            product=product,
            title=product.get_title(),
            quantity=1,
            line_price_incl_tax=Decimal("100000"),
            line_price_excl_tax=Decimal("100000"),
            line_price_before_discounts_incl_tax=Decimal("100000"),
            line_price_before_discounts_excl_tax=Decimal("100000"),
            unit_price_incl_tax=Decimal("100000"),
            unit_price_excl_tax=Decimal("100000"),
            num_allocated=0,
        )
    return order


def dashboard_permission():
    return Permission.objects.get(content_type__app_label="partner", codename="dashboard_access")
