"""The programme's side of the demo: registrations, screening, training and a pending network invitation.

Run after the base demo (shop/demo/loader.py), which creates the regions, the
eight crafts, the twelve producers and the demo accounts. `load()` adds:

- an approved application behind every demo producer, with its history, as
  if programme staff had admitted each of them;
- applications in every state in the staff queue (submitted, more information
  requested, rejected, and one resubmitted), each with its events;
- courses: general ones and one specialised course per craft, with the
  courses each craft requires;
- completed enrolments, so that every demo producer (the demo producer account
  included) may list in their crafts, and one course still in progress;
- a network invitation waiting for an answer.

Idempotent: rows are found by natural keys (national ID, course slug,
producer and course), and nothing existing is changed. No emails are sent.
"""

from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from catalogue.models import ProductClass
from producers.models import (
    Application,
    ApplicationEvent,
    Course,
    Enrolment,
    NetworkMembership,
    Producer,
    Region,
)

STAFF_EMAIL = "staff@demo.example"
APPLICANT_EMAIL_DOMAIN = "applicants.demo.example"
ADMITTED_AT = datetime(2025, 1, 20, 9, 30, tzinfo=UTC)
TRAINED_AT = datetime(2025, 2, 15, 14, 0, tzinfo=UTC)

GENERAL_COURSES = [
    {
        "slug": "home-business-basics",
        "title_fa": "مبانی کسب‌وکار خانگی: قیمت‌گذاری، بسته‌بندی و فروش",
        "title_en": "Home business basics: pricing, packaging and selling",
        "description_fa": "هزینه‌یابی و قیمت‌گذاری، بسته‌بندی استاندارد، برچسب و فروش سفارش‌محور در بازار برخط.",
        "description_en": "Costing and pricing, standard packaging and labels, and order-driven selling online.",
        "hours": 16,
        "required": True,
    },
    {
        "slug": "quality-and-certification",
        "title_fa": "استاندارد، کیفیت و گواهینامه",
        "title_en": "Standards, quality and certification",
        "description_fa": "آشنایی با استانداردهای ملی هر رشته و روند دریافت گواهینامه‌ی کیفیت محصولات خانگی.",
        "description_en": "The national standards of each craft and how home products obtain a quality certificate.",
        "hours": 8,
        "required": True,
    },
    {
        "slug": "online-marketing",
        "title_fa": "بازاریابی برخط و عکاسی محصول",
        "title_en": "Online marketing and product photography",
        "description_fa": "عکاسی با تلفن همراه، نوشتن معرفی محصول و پاسخ به مشتری.",
        "description_en": "Photographing with a phone, writing product descriptions and answering customers.",
        "hours": 6,
        "required": False,
    },
]

SPECIALISED_COURSES = {
    "hand_woven_carpet": ("قالی‌بافی: نقشه‌خوانی، گره و پرداخت", "Carpet weaving: cartoons, knots and finishing", 60),
    "tableau_carpet": ("تابلوفرش: طراحی و بافت ریزنقش", "Tableau carpets: design and fine knotting", 48),
    "kilim": ("گلیم‌بافی و رنگرزی گیاهی", "Kilim weaving and plant dyeing", 40),
    "honey": ("زنبورداری، برداشت و بسته‌بندی بهداشتی عسل", "Beekeeping, harvest and hygienic honey packing", 24),
    "medicinal_herbs": ("برداشت، خشک‌کردن و بسته‌بندی گیاهان دارویی", "Harvesting, drying and packing herbs", 20),
    "hand_sewn_leather": ("چرم‌دوزی دستی: برش، دوخت زینی و پرداخت", "Leather: cutting, saddle stitch, finish", 36),
    "traditional_embroidery": ("رودوزی سنتی و سوزن‌دوزی", "Traditional embroidery and needlework", 40),
    "clothing": ("خیاطی با الگو و اندازه‌ی استاندارد", "Tailoring to patterns and standard sizes", 48),
}

# The staff queue: (national-ID seed, email, level, region, crafts, facts, history)
# history: [(days after submission, to_state, reason)] after the first submission.
QUEUE = [
    {
        "seed": 900001,
        "email": "leila.ahmadi",
        "level": "home",
        "region": "ardabil",
        "crafts": ["kilim"],
        "full_name": "لیلا احمدی",
        "born": date(1991, 4, 2),
        "description": "گلیم‌بافی در خانه با دار عمودی؛ پشم را از دامداران روستای خودمان می‌خرم.",
        "history": [],
    },
    {
        "seed": 900002,
        "email": "kaveh.nikzad",
        "level": "lead",
        "region": "fars",
        "crafts": ["hand_woven_carpet", "kilim"],
        "full_name": "کاوه نیک‌زاد",
        "business_fa": "گبه‌ی ایل",
        "business_en": "Il Gabbeh",
        "born": date(1983, 9, 14),
        "description": "کارگاهی در شیراز که نقشه و نخ به بیست بافنده‌ی خانگی عشایری می‌رساند و کار آن‌ها را می‌فروشد.",
        "history": [],
    },
    {
        "seed": 900003,
        "email": "parvin.sadeghi",
        "level": "home",
        "region": "markazi",
        "crafts": ["medicinal_herbs"],
        "full_name": "پروین صادقی",
        "born": date(1975, 1, 30),
        "description": "برداشت و خشک‌کردن گیاهان دارویی در باغ خانوادگی.",
        "history": [
            (3, "more_information", "لطفاً بنویسید گیاهان را کجا خشک و نگهداری می‌کنید و ظرفیت سالانه‌تان چقدر است."),
        ],
    },
    {
        "seed": 900004,
        "email": "reza.karimi",
        "level": "home",
        "region": "west-azerbaijan",
        "crafts": ["clothing"],
        "full_name": "رضا کریمی",
        "born": date(1988, 11, 5),
        "description": "خیاطی لباس محلی کردی در مهاباد.",
        "history": [
            (2, "more_information", "نمونه‌کار یا نشانی صفحه‌ای که کارهایتان را نشان دهد بفرستید."),
            (5, "submitted", ""),
        ],
    },
    {
        "seed": 900005,
        "email": "hamid.rahimi",
        "level": "home",
        "region": "isfahan",
        "crafts": ["hand_woven_carpet"],
        "full_name": "حمید رحیمی",
        "born": date(1979, 6, 21),
        "description": "می‌خواهم برای گرفتن وام ثبت‌نام کنم.",
        "history": [
            (4, "rejected", "طرح برای کسب‌وکاری است که کار می‌کند؛ تسهیلات پس از رشد کسب‌وکار داده می‌شود، نه در آغاز."),
        ],
    },
]

PENDING_INVITATION = ("urmia-clothing-network", "zhila-tailoring")


def load(stdout=None):
    """Add the programme's demo rows (idempotent). Returns {label: count}."""
    log = (lambda message: stdout.write(f"  {message}\n")) if stdout is not None else (lambda message: None)
    crafts = {craft.slug: craft for craft in ProductClass.objects.filter(slug__in=SPECIALISED_COURSES)}
    producers = list(Producer.objects.select_related("user", "region").prefetch_related("crafts").order_by("pk"))
    if not crafts or not producers:
        log("programme: the base demo is missing (crafts, producers); nothing added")
        return counts()
    staff = get_user_model().objects.filter(email=STAFF_EMAIL).first()
    with transaction.atomic():
        courses = load_courses(crafts)
        log(f"courses: {len(courses)}")
        admitted = load_admissions(producers, staff)
        queued = load_queue(crafts, staff)
        log(f"applications: {admitted} admitted producers, {queued} in the screening queue")
        enrolments = load_training(producers, staff)
        log(f"enrolments: {enrolments}")
        load_invitation()
    return counts()


def counts():
    return {
        "producers.Application": Application.objects.count(),
        "producers.ApplicationEvent": ApplicationEvent.objects.count(),
        "producers.Course": Course.objects.count(),
        "producers.Enrolment": Enrolment.objects.count(),
    }


# --- Courses ----------------------------------------------------------------------------------------


def load_courses(crafts):
    courses = []
    for spec in GENERAL_COURSES:
        course, created = Course.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title_fa"],
                "title_fa": spec["title_fa"],
                "title_en": spec["title_en"],
                "description": spec["description_fa"],
                "description_fa": spec["description_fa"],
                "description_en": spec["description_en"],
                "kind": Course.Kind.GENERAL,
                "hours": spec["hours"],
            },
        )
        if created and spec["required"]:
            course.required_for.set(crafts.values())
        courses.append(course)
    for slug, (title_fa, title_en, hours) in SPECIALISED_COURSES.items():
        if slug not in crafts:
            continue
        course, created = Course.objects.get_or_create(
            slug=f"craft-{slug.replace('_', '-')}",
            defaults={
                "title": title_fa,
                "title_fa": title_fa,
                "title_en": title_en,
                "kind": Course.Kind.SPECIALISED,
                "craft": crafts[slug],
                "hours": hours,
            },
        )
        if created:
            course.required_for.set([crafts[slug]])
        courses.append(course)
    return courses


# --- Applications -------------------------------------------------------------------------------------


def demo_national_id(seed):
    """A valid national ID (check digit included) from a small number, the same on every run."""
    body = f"{seed:09d}"
    remainder = sum(int(digit) * (10 - position) for position, digit in enumerate(body)) % 11
    return f"{body}{remainder if remainder < 2 else 11 - remainder}"


def _history(application, steps, staff, applicant):
    """Write the events of an application's past (append-only rows, in order)."""
    previous = ""
    for moment, state, reason in steps:
        actor = applicant if state == Application.State.SUBMITTED else staff
        ApplicationEvent.objects.create(
            application=application, actor=actor, from_state=previous, to_state=state, reason=reason, created_at=moment
        )
        previous = state


def _applicant(email):
    User = get_user_model()
    user = User.objects.filter(username=email).first()
    if user is None:
        user = User(username=email, email=email)
        user.set_unusable_password()
        user.save()
    return user


def load_admissions(producers, staff):
    """An approved application behind each demo producer, as if staff had admitted them."""
    admitted = 0
    for index, producer in enumerate(producers):
        if producer.user is None or Application.objects.filter(producer=producer).exists():
            continue
        if Application.objects.filter(user=producer.user, state__in=Application.LIVE_STATES).exists():
            continue
        submitted_at = ADMITTED_AT - timedelta(days=30 - index)
        decided_at = ADMITTED_AT + timedelta(days=index % 5)
        application = Application(
            user=producer.user,
            level=producer.kind,
            full_name=producer.name_fa,
            national_id=demo_national_id(100000 + producer.pk),
            date_of_birth=date(1980 + index % 15, 1 + index % 12, 1 + index % 27),
            native_region=producer.region,
            registration_region=producer.region,
            employed_full_time=False,
            employer_insured=False,
            business_name_fa=producer.name_fa,
            business_name_en=producer.name_en or "",
            business_description=producer.story_fa or producer.name_fa,
            phone=f"0914{index:07d}",
            language="fa",
            state=Application.State.APPROVED,
            submitted_at=submitted_at,
            decided_at=decided_at,
            producer=producer,
        )
        application.full_clean()
        application.save()
        application.crafts.set(producer.crafts.all())
        _history(
            application,
            [
                (submitted_at, Application.State.SUBMITTED, ""),
                (decided_at, Application.State.APPROVED, "مدارک و کارگاه در بازدید حضوری تأیید شد."),
            ],
            staff,
            producer.user,
        )
        admitted += 1
    return admitted


def load_queue(crafts, staff):
    """Applications waiting in, or already decided by, the screening queue."""
    regions = {region.slug: region for region in Region.objects.all()}
    added = 0
    base = datetime.now(tz=UTC).replace(microsecond=0) - timedelta(days=12)
    for number, spec in enumerate(QUEUE):
        national_id = demo_national_id(spec["seed"])
        region = regions.get(spec["region"])
        if region is None or Application.objects.filter(national_id=national_id).exists():
            continue
        user = _applicant(f"{spec['email']}@{APPLICANT_EMAIL_DOMAIN}")
        submitted_at = base + timedelta(days=number)
        steps = [(submitted_at, Application.State.SUBMITTED, "")]
        steps += [(submitted_at + timedelta(days=days), state, reason) for days, state, reason in spec["history"]]
        final_state = steps[-1][1]
        application = Application(
            user=user,
            level=spec["level"],
            full_name=spec["full_name"],
            national_id=national_id,
            date_of_birth=spec["born"],
            native_region=region,
            registration_region=region,
            employed_full_time=False,
            employer_insured=False,
            business_name_fa=spec.get("business_fa", ""),
            business_name_en=spec.get("business_en", ""),
            business_description=spec["description"],
            phone=f"0912{spec['seed'] % 10_000_000:07d}",
            language="fa",
            state=final_state,
            submitted_at=max(moment for moment, state, _reason in steps if state == Application.State.SUBMITTED),
            decided_at=steps[-1][0] if final_state != Application.State.SUBMITTED else None,
        )
        application.full_clean()
        application.save()
        application.crafts.set([crafts[slug] for slug in spec["crafts"] if slug in crafts])
        _history(application, steps, staff, user)
        added += 1
    return added


# --- Training and network -------------------------------------------------------------------------------


def load_training(producers, staff):
    """Every demo producer has completed what their crafts require; one optional course is in progress."""
    added = 0
    for producer in producers:
        required = Course.objects.filter(is_active=True, required_for__in=producer.crafts.all()).distinct()
        for course in required:
            _enrolment, created = Enrolment.objects.get_or_create(
                producer=producer,
                course=course,
                defaults={
                    "enrolled_at": TRAINED_AT - timedelta(days=21),
                    "completed_at": TRAINED_AT,
                    "recorded_by": staff,
                },
            )
            added += created
    optional = Course.objects.filter(slug="online-marketing").first()
    first = producers[0] if producers else None
    if optional and first:
        _enrolment, created = Enrolment.objects.get_or_create(
            producer=first, course=optional, defaults={"enrolled_at": TRAINED_AT, "recorded_by": staff}
        )
        added += created
    return added


def load_invitation():
    lead_slug, member_slug = PENDING_INVITATION
    lead = Producer.objects.filter(slug=lead_slug, kind=Producer.Kind.LEAD).first()
    member = Producer.objects.filter(slug=member_slug).first()
    if lead and member and not NetworkMembership.objects.filter(lead=lead, member=member).exists():
        NetworkMembership.objects.create(lead=lead, member=member, status=NetworkMembership.Status.INVITED)
