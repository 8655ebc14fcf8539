"""Twelve months of the programme's life for the demo, so that every monitoring figure and chart shows
something real (producers.monitoring).

Run by the loader after the base demo, the programme (shop.demo.programme) and
certification (shop.demo.certification). Dates are counted back from the day it
runs. `load()` adds:

- applications submitted over the last twelve months in every province: some
  still waiting, some sent back for more information, some rejected, each with
  its events;
- a cohort of four producers approved during those months (their application,
  events, partner, producer, brand, logo, completed training and one product
  each); their products are not certified yet, so they stand at "trained" in
  the funnel;
- orders over the last twelve months for the producers' products on sale, paid
  cash on delivery or by card (Stripe), in every status of the order pipeline
  (including cancelled orders, which are not sales), most lines dispatched
  through producers.fulfilment; the pattern gives some producers sustained
  sales, one exactly the six months of the default readiness rule, some only a
  first sale, some none;
- this year's readiness rule (the programme's defaults) and provincial quotas.

Idempotent: applications by national ID, producers by slug, products by UPC,
orders by number, quotas by province and year; nothing existing is changed.
"""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from oscar.apps.address.models import Country
from oscar.apps.order.models import Line, Order, ShippingAddress
from oscar.apps.partner.models import Partner
from oscar.apps.payment.models import Source, SourceType

from catalogue.models import Category, Product, ProductCategory, ProductClass
from producers import fulfilment
from producers.models import (
    Application,
    Brand,
    Course,
    Enrolment,
    Producer,
    ProvincialQuota,
    ReadinessRule,
    Region,
)
from producers.monitoring import rules
from shop import roles

from . import images, loader, programme
from . import regions as region_data

CUSTOMER_EMAIL = "customer@demo.example"
COHORT_EMAIL_DOMAIN = "cohort.demo.example"
CASH_ON_DELIVERY = ("cash-on-delivery", "Cash on delivery")
STRIPE = ("stripe", "Stripe")

# Applications that did not (yet) become producers: (seed, months ago, province, craft, level, state, name)
WAITING = [
    (920001, 11, "markazi", "medicinal_herbs", "home", "rejected", "فاطمه رضایی"),
    (920002, 10, "fars", "kilim", "home", "rejected", "زهرا موسوی"),
    (920003, 9, "ardabil", "hand_woven_carpet", "home", "more_information", "معصومه قاسمی"),
    (920004, 8, "kerman", "traditional_embroidery", "home", "rejected", "سمیه اکبری"),
    (920005, 7, "isfahan", "tableau_carpet", "lead", "rejected", "محمود حسینی"),
    (920006, 6, "west-azerbaijan", "clothing", "home", "more_information", "آرزو عزیزی"),
    (920007, 5, "sistan-baluchestan", "traditional_embroidery", "home", "rejected", "گل‌بی‌بی ریگی"),
    (920008, 4, "markazi", "honey", "home", "rejected", "علی نوری"),
    (920009, 3, "ardabil", "honey", "home", "more_information", "نرگس صمدی"),
    (920010, 2, "fars", "hand_woven_carpet", "home", "submitted", "مریم شکوهی"),
    (920011, 1, "markazi", "medicinal_herbs", "home", "submitted", "شهلا کاظمی"),
    (920012, 1, "kerman", "traditional_embroidery", "home", "submitted", "پروانه سلیمانی"),
    (920013, 0, "ardabil", "kilim", "home", "submitted", "سکینه عباس‌زاده"),
    (920014, 0, "isfahan", "hand_woven_carpet", "lead", "submitted", "رضا اصفهانی"),
]
REASONS = {
    "rejected": "ثبت‌نام تنها برای دریافت تسهیلات بود؛ کسب‌وکاری در کار نیست.",
    "more_information": "لطفاً عکس محل کار و نمونه‌ی کارهای اخیر را بفرستید.",
}

# Producers admitted during the year. `clone`: the demo product whose attributes and price theirs follows.
COHORT = [
    {
        "seed": 930001,
        "slug": "khalkhal-kilim",
        "kind": "home",
        "region": "ardabil",
        "craft": "kilim",
        "months_ago": 10,
        "full_name": "صغری محمدزاده",
        "name_fa": "گلیم خلخال",
        "name_en": "Khalkhal Kilim",
        "story_fa": "صغری محمدزاده در خلخال گلیم می‌بافد و امسال به طرح پیوسته است.",
        "story_en": "Soghra Mohammadzadeh weaves kilims in Khalkhal and joined the programme this year.",
        "clone": "HM-KLM-002",
        "title_fa": "گلیم راهرویی خلخال",
        "title_en": "Khalkhal kilim runner",
    },
    {
        "seed": 930002,
        "slug": "arak-herb-garden",
        "kind": "home",
        "region": "markazi",
        "craft": "medicinal_herbs",
        "months_ago": 7,
        "full_name": "اکرم فراهانی",
        "name_fa": "باغ گیاهان اراک",
        "name_en": "Arak Herb Garden",
        "story_fa": "اکرم فراهانی گیاهان دارویی باغ خانوادگی را خشک و بسته‌بندی می‌کند.",
        "story_en": "Akram Farahani dries and packs the medicinal herbs of her family garden.",
        "clone": "HM-HRB-003",
        "title_fa": "نعناع خشک باغ اراک، ۱۰۰ گرم",
        "title_en": "Arak garden dried spearmint, 100 g",
    },
    {
        "seed": 930003,
        "slug": "shiraz-weavers-network",
        "kind": "lead",
        "region": "fars",
        "craft": "hand_woven_carpet",
        "months_ago": 4,
        "full_name": "بهرام قشقایی",
        "name_fa": "شبکه بافندگان شیراز",
        "name_en": "Shiraz Weavers Network",
        "story_fa": "کارگاهی در شیراز که نقشه و نخ به بافندگان خانگی عشایری می‌رساند.",
        "story_en": "A Shiraz workshop that supplies designs and yarn to nomadic home weavers.",
        "clone": "HM-HWC-006",
        "title_fa": "گبه‌ی شبکه‌ی شیراز",
        "title_en": "Shiraz network gabbeh",
    },
    {
        "seed": 930004,
        "slug": "mahabad-stitch",
        "kind": "home",
        "region": "west-azerbaijan",
        "craft": "clothing",
        "months_ago": 2,
        "full_name": "شیلان احمدی",
        "name_fa": "دوخت مهاباد",
        "name_en": "Mahabad Stitch",
        "story_fa": "شیلان احمدی لباس محلی کردی را با الگوی استاندارد می‌دوزد.",
        "story_en": "Shilan Ahmadi sews Kurdish dress to standard patterns.",
        "clone": "HM-CLO-003",
        "title_fa": "کت پشمی دوخت مهاباد",
        "title_en": "Mahabad wool jacket",
    },
]

# Producer slug -> the months (0 = this month, 11 = eleven months ago) in which they sold.
SALES = {
    "sabalan-carpet-house": {0, 1, 2, 3, 5, 6, 8, 10},
    "maryam-tableau": {0, 2, 4, 6, 8, 10},  # exactly six of twelve
    "namin-kilim": {1, 3, 5, 7, 9},  # five: one month short
    "arta-leather": {0, 1, 4, 9},
    "sabalan-foothills-honey": set(range(12)),  # every month, but honey is cheap
    "urmia-clothing-network": {0, 1, 2, 3, 4, 5, 6},
    "zhila-tailoring": {2, 5},
    "golbibi-needlework": {0, 3, 6, 9, 11},
    "firuzabad-gabbeh": {1, 2, 3, 4, 5, 6},
    "naqsh-e-jahan-carpet": {0, 4, 8},
    "mahan-pateh": {1},
}
CANCELLED_EVERY = 3  # every third sale has a cancelled order beside it

QUOTAS = {"markazi": 2000, "ardabil": 1200, "west-azerbaijan": 1500, "fars": 1500, "sistan-baluchestan": 1000}


def load(stdout=None):
    """Add the year's history (idempotent). Returns {label: count}."""
    log = (lambda message: stdout.write(f"  {message}\n")) if stdout is not None else (lambda message: None)
    regions = {region.slug: region for region in Region.objects.all()}
    crafts = {craft.slug: craft for craft in ProductClass.objects.all()}
    staff = get_user_model().objects.filter(email=programme.STAFF_EMAIL).first()
    if not regions or not crafts or staff is None:
        log("history: the base demo is missing; nothing added")
        return counts()
    now = timezone.now()
    with transaction.atomic():
        waiting = load_waiting(regions, crafts, staff, now)
        cohort = load_cohort(regions, crafts, staff, now)
        log(f"history: {waiting} applications in the year, {cohort} producers admitted in the year")
        orders = load_orders(now)
        log(f"history: {orders} orders over twelve months")
        load_targets(regions, now)
    return counts()


def counts():
    return {
        "producers.Application": Application.objects.count(),
        "producers.Producer": Producer.objects.count(),
        "order.Order": Order.objects.count(),
        "order.Line": Line.objects.count(),
        "payment.Source": Source.objects.count(),
        "producers.ProvincialQuota": ProvincialQuota.objects.count(),
        "producers.ReadinessRule": ReadinessRule.objects.count(),
    }


def _months_ago(now, months, day=9, hour=11):
    """A moment `months` calendar months before `now` (never in the future)."""
    if months == 0:
        start = rules.aware(rules.month_start(timezone.localdate(now)))
        return start + (now - start) / 2
    first = rules.add_months(rules.month_start(timezone.localdate(now)), -months)
    return rules.aware(first) + timedelta(days=day, hours=hour)


# --- Applications ----------------------------------------------------------------------------------------


def _application(spec, region, craft_list, submitted_at, state, decided_at=None, producer=None, user=None):
    application = Application(
        user=user,
        level=spec["level"],
        full_name=spec["full_name"],
        national_id=programme.demo_national_id(spec["seed"]),
        date_of_birth=timezone.localdate(submitted_at).replace(year=timezone.localdate(submitted_at).year - 35, day=1),
        native_region=region,
        registration_region=region,
        employed_full_time=False,
        employer_insured=False,
        business_name_fa=spec.get("name_fa", ""),
        business_name_en=spec.get("name_en", ""),
        business_description=spec.get("story_fa") or spec["full_name"],
        phone=f"0915{spec['seed'] % 10_000_000:07d}",
        language="fa",
        state=state,
        submitted_at=submitted_at,
        decided_at=decided_at,
        producer=producer,
    )
    application.full_clean()
    application.save()
    application.crafts.set(craft_list)
    return application


def load_waiting(regions, crafts, staff, now):
    added = 0
    for seed, months, region_slug, craft_slug, level, state, name in WAITING:
        if Application.objects.filter(national_id=programme.demo_national_id(seed)).exists():
            continue
        user = programme._applicant(f"applicant-{seed}@{COHORT_EMAIL_DOMAIN}")
        submitted_at = _months_ago(now, months, day=3 + seed % 7)
        decided_at = None if state == "submitted" else min(now, submitted_at + timedelta(days=6))
        spec = {"seed": seed, "level": level, "full_name": name, "name_fa": name if level == "lead" else ""}
        application = _application(
            spec, regions[region_slug], [crafts[craft_slug]], submitted_at, state, decided_at, user=user
        )
        steps = [(submitted_at, "submitted", "")]
        if state != "submitted":
            steps.append((decided_at, state, REASONS[state]))
        programme._history(application, steps, staff, user)
        added += 1
    return added


# --- The year's cohort -------------------------------------------------------------------------------------


def load_cohort(regions, crafts, staff, now):
    added = 0
    producers_group = roles.ensure_groups()[roles.PRODUCERS_GROUP]
    specs = {spec["upc"]: (craft, spec) for craft, spec in loader.product_specs()}
    categories = {category.code: category for category in Category.objects.all()}
    for spec in COHORT:
        if Producer.objects.filter(slug=spec["slug"]).exists():
            continue
        region, craft = regions[spec["region"]], crafts[spec["craft"]]
        user = programme._applicant(f"{spec['slug']}@{COHORT_EMAIL_DOMAIN}")
        user.groups.add(producers_group)
        submitted_at = _months_ago(now, spec["months_ago"], day=2)
        approved_at = submitted_at + timedelta(days=9)
        producer = _producer(spec, region, craft, user)
        application = _application(
            {**spec, "level": spec["kind"]}, region, [craft], submitted_at, "approved", approved_at, producer, user
        )
        programme._history(
            application,
            [(submitted_at, "submitted", ""), (approved_at, "approved", "بازدید از کارگاه انجام شد؛ پذیرفته شد.")],
            staff,
            user,
        )
        _train(producer, craft, staff, approved_at, now)
        _product(spec, producer, specs, categories)
        added += 1
    return added


def _producer(spec, region, craft, user):
    partner, _created = Partner.objects.get_or_create(code=spec["slug"], defaults={"name": spec["name_en"]})
    partner.users.add(user)
    producer = Producer.objects.create(
        partner=partner,
        user=user,
        slug=spec["slug"],
        kind=spec["kind"],
        region=region,
        **loader._bilingual(spec, "name"),
        **loader._bilingual(spec, "story"),
    )
    producer.crafts.set([craft])
    producer.logo.save(f"{spec['slug']}.png", ContentFile(images.monogram_logo(spec["name_en"][0], spec["slug"])))
    Brand.objects.create(
        slug=spec["slug"],
        kind=Brand.Kind.PRODUCER,
        producer=producer,
        logo=producer.logo.name,
        description=spec["story_fa"],
        description_fa=spec["story_fa"],
        description_en=spec["story_en"],
        **loader._bilingual(spec, "name"),
    )
    return producer


def _train(producer, craft, staff, approved_at, now):
    for index, course in enumerate(Course.objects.filter(is_active=True, required_for=craft).order_by("pk")):
        completed = min(now, approved_at + timedelta(days=14 + 7 * index))
        Enrolment.objects.get_or_create(
            producer=producer,
            course=course,
            defaults={"enrolled_at": approved_at + timedelta(days=1), "completed_at": completed, "recorded_by": staff},
        )


def _product(spec, producer, specs, categories):
    """One product like `clone` under the producer's own title (not yet certified, so not on sale)."""
    upc = "HC-" + spec["clone"].removeprefix("HM-")
    if Product.objects.filter(upc=upc).exists():
        return
    craft_code, source = specs[spec["clone"]]
    product_spec = {
        **source,
        "upc": upc,
        "producer": spec["slug"],
        "brand": spec["slug"],
        "maker": None,
        "title_fa": spec["title_fa"],
        "title_en": spec["title_en"],
    }
    brands = {spec["slug"]: producer.brands.get()}
    product = loader._create_product(product_spec, producer.crafts.get(), producer, {}, brands)
    ProductCategory.objects.get_or_create(product=product, category=categories[region_data.CRAFT_CATEGORY[craft_code]])
    loader._stock_record(product, producer, product_spec)
    loader._draw_images(product, craft_code, product_spec)


# --- Orders ------------------------------------------------------------------------------------------------


def _source_types():
    return {
        code: SourceType.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in (CASH_ON_DELIVERY, STRIPE)
    }


def _address(customer):
    country = Country.objects.filter(iso_3166_1_a2="IR").first() or loader.load_country()
    return ShippingAddress.objects.create(
        first_name=customer.first_name or "سپیده",
        last_name=customer.last_name or "کریمی",
        line1="خیابان امام خمینی، پلاک ۱۲",
        line4="اردبیل",
        postcode="5615813811",
        phone_number="",
        country=country,
    )


def load_orders(now):
    """Orders for every producer in SALES, through their first product on sale."""
    customer = get_user_model().objects.filter(email=CUSTOMER_EMAIL).first()
    source_types = _source_types()
    producers = Producer.objects.filter(slug__in=SALES).select_related("partner", "user")
    listed = {}
    for product in Product.objects.listable().filter(producer__in=producers).order_by("upc"):
        record = product.stockrecords.filter(partner_id=product.producer.partner_id).first()
        if record is not None:
            listed.setdefault(product.producer_id, []).append((product, record))
    added = 0
    for producer in producers.order_by("slug"):
        items = listed.get(producer.pk)
        if not items:
            continue
        for count, months in enumerate(sorted(SALES[producer.slug], reverse=True)):
            number = f"H-{producer.slug}-{months:02d}"
            if Order.objects.filter(number=number).exists():
                continue
            placed = _months_ago(now, months, day=(count * 5) % 20 + 1)
            method = STRIPE if (count + len(producer.slug)) % 2 else CASH_ON_DELIVERY
            _sale(number, placed, months, method, source_types, customer, producer, items)
            added += 1
            if count % CANCELLED_EVERY == CANCELLED_EVERY - 1:
                _sale(f"{number}-C", placed, months, method, source_types, customer, producer, items, True)
                added += 1
    return added


def _statuses(months, method, cancelled):
    """(order status, first line's status, dispatched?) for an order placed `months` ago."""
    if cancelled:
        return "Cancelled", "Cancelled", False
    if months >= 2:
        return "Complete", "Delivered", True
    if months == 1:
        return "Complete", "Dispatched", True
    if method == STRIPE:
        return "Being processed", "Dispatched", True  # paid; a second line, if any, still to send
    return "Pending", "Pending", False


def _line(order, producer, product, record, price):
    return Line.objects.create(
        order=order,
        partner=producer.partner,
        partner_name=producer.partner.name,
        partner_sku=record.partner_sku,
        stockrecord=record,
        product=product,
        title=product.title_fa or product.title,
        upc=product.upc,
        quantity=1,
        line_price_incl_tax=price,
        line_price_excl_tax=price,
        line_price_before_discounts_incl_tax=price,
        line_price_before_discounts_excl_tax=price,
        unit_price_incl_tax=price,
        unit_price_excl_tax=price,
        status="Pending",
        num_allocated=0,
    )


def _sale(number, placed, months, method, source_types, customer, producer, items, cancelled=False):
    """One order of the producer's items [(product, stock record)]: placed, paid, dispatched as its age says.
    Dispatches go through producers.fulfilment; the final statuses are then set as the story needs."""
    order_status, line_status, dispatched = _statuses(months, method, cancelled)
    if order_status != "Being processed":
        items = items[:1]
    total = sum((record.price for _product, record in items), Decimal("0"))
    order = Order.objects.create(
        number=number,
        user=customer,
        currency="IRT",
        total_incl_tax=total,
        total_excl_tax=total,
        shipping_incl_tax=Decimal("0"),
        shipping_excl_tax=Decimal("0"),
        shipping_address=_address(customer) if customer else None,
        status="Pending",
        date_placed=placed,
    )
    lines = [_line(order, producer, product, record, record.price) for product, record in items]
    code = method[0]
    paid = (code == STRIPE[0] or order_status == "Complete") and not cancelled
    Source.objects.create(
        order=order,
        source_type=source_types[code],
        currency="IRT",
        amount_allocated=total,
        amount_debited=total if paid else Decimal("0"),
        reference=f"pi_demo_{number}" if code == STRIPE[0] else "",
    )
    if dispatched and producer.user is not None:
        fulfilment.dispatch_line(lines[0], producer, producer.user, f"DEMO-{number}", carrier="پست")
    Line.objects.filter(pk=lines[0].pk).update(status=line_status)
    Order.objects.filter(pk=order.pk).update(status=order_status)
    return order


# --- Targets -------------------------------------------------------------------------------------------------


def load_targets(regions, now):
    year = timezone.localdate(now).year
    ReadinessRule.objects.get_or_create(year=year)
    for slug, quota in QUOTAS.items():
        if slug in regions:
            ProvincialQuota.objects.get_or_create(region=regions[slug], year=year, defaults={"quota": quota})
