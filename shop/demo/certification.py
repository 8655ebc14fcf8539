"""Demo quality certification, loaded after the base demo (products, producers, accounts exist).

- one standard per craft (reused when the craft already has one), with a bilingual
  checklist saying what evidence each requirement needs; the codes are in the style
  of Iranian national standards (INSO) but are demo values, not real references;
- every demo product on sale that never applied gets an approved application, its
  checklist results, its audit trail and a certificate (`workflow.issue_certificate`),
  issued on staggered past dates;
- the scenarios below, each applied once: an expired, a revoked and a suspended
  certificate (those products go off the market), one certificate expiring soon with
  its renewal waiting, and applications in the officers' queue (submitted, in review,
  changes requested) for producers the demo officer is not linked to.

Idempotent: rows are found by natural keys (standard code or craft, product UPC) and
a scenario is skipped once its result exists. Bulk inserts keep it quick.
"""

import zlib
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone, translation

from catalogue.models import Product, ProductClass
from producers.links import producers_linked_to
from quality import workflow
from quality.models import AuditEntry, Certificate, CertificationApplication, ChecklistItem, ChecklistResult, Standard

from . import images

OFFICER_EMAIL = "officer@demo.example"
State = CertificationApplication.State
Action = AuditEntry.Action

# craft (product class slug) -> standard; checklist rows: (text_fa, text_en, evidence_fa, evidence_en)
STANDARDS = {
    "hand_woven_carpet": {
        "code": "INSO 1963",
        "title_fa": "فرش دستباف - ویژگی‌ها و روش‌های آزمون",
        "title_en": "Hand-woven carpets - specifications and test methods",
        "validity_days": 730,
        "checklist": [
            (
                "تراکم گره با برچسب می‌خواند",
                "Knot density matches the label",
                "عکس پشت فرش کنار خط‌کش",
                "Photo of the back beside a ruler",
            ),
            (
                "ابعاد در محدوده‌ی ۲٪ اعلام‌شده است",
                "Size within 2% of the stated size",
                "عکس اندازه‌گیری طول و عرض",
                "Photo of the length and width measured",
            ),
            (
                "رنگ در آزمون شستشو ثابت است",
                "Dyes fast in a wash test",
                "گزارش آزمون ثبات رنگ",
                "Colour-fastness test report",
            ),
            (
                "شیرازه و ریشه محکم و یکدست است",
                "Selvedges and fringes firm and even",
                "عکس شیرازه و ریشه",
                "Photo of the selvedges and fringes",
            ),
        ],
    },
    "tableau_carpet": {
        "code": "INSO 11578",
        "title_fa": "تابلو فرش دستباف - ویژگی‌ها",
        "title_en": "Hand-woven tableau carpets - specifications",
        "validity_days": 730,
        "checklist": [
            (
                "تراکم گره با برچسب می‌خواند",
                "Knot density matches the label",
                "عکس پشت تابلو کنار خط‌کش",
                "Photo of the back beside a ruler",
            ),
            (
                "نقشه بی‌خطای آشکار بافته شده است",
                "Design woven without visible errors",
                "عکس رو و نقشه",
                "Photo of the face and the cartoon",
            ),
            ("پرز یکدست پرداخت شده است", "Pile evenly clipped", "عکس نزدیک از پرز", "Close-up photo of the pile"),
        ],
    },
    "kilim": {
        "code": "INSO 8773",
        "title_fa": "گلیم دستباف - ویژگی‌ها و روش‌های آزمون",
        "title_en": "Hand-woven kilims - specifications and test methods",
        "validity_days": 730,
        "checklist": [
            (
                "پود فشرده و بی‌سوراخ است",
                "Weft tightly beaten, no gaps",
                "عکس نزدیک از بافت",
                "Close-up photo of the weave",
            ),
            (
                "ابعاد در محدوده‌ی ۲٪ اعلام‌شده است",
                "Size within 2% of the stated size",
                "عکس اندازه‌گیری",
                "Photo of the measurement",
            ),
            (
                "رنگ در آزمون شستشو ثابت است",
                "Dyes fast in a wash test",
                "گزارش آزمون ثبات رنگ",
                "Colour-fastness test report",
            ),
        ],
    },
    "honey": {
        "code": "INSO 92",
        "title_fa": "عسل - ویژگی‌ها و روش‌های آزمون",
        "title_en": "Honey - specifications and test methods",
        "validity_days": 365,
        "checklist": [
            (
                "رطوبت کمتر از ۱۸٪ است",
                "Moisture below 18%",
                "گزارش آزمایشگاه (رطوبت و HMF)",
                "Laboratory report (moisture and HMF)",
            ),
            (
                "ساکارز افزوده و شربت قند ندارد",
                "No added sucrose or sugar syrup",
                "گزارش آزمایشگاه (قندها)",
                "Laboratory report (sugars)",
            ),
            (
                "برچسب وزن خالص، تاریخ برداشت و منطقه را دارد",
                "Label states net weight, harvest date and origin",
                "عکس برچسب",
                "Photo of the label",
            ),
            (
                "ظرف شیشه‌ای یا خوراکی و پلمب است",
                "Glass or food-grade container, sealed",
                "عکس ظرف و درب پلمب",
                "Photo of the sealed jar",
            ),
        ],
    },
    "medicinal_herbs": {
        "code": "INSO 2066",
        "title_fa": "گیاهان دارویی خشک - ویژگی‌ها و بسته‌بندی",
        "title_en": "Dried medicinal herbs - specifications and packing",
        "validity_days": 365,
        "checklist": [
            (
                "نام علمی گیاه روی برچسب درست است",
                "Botanical name on the label is correct",
                "عکس برچسب و نمونه",
                "Photo of the label and a sample",
            ),
            (
                "در سایه خشک شده و کپک و ناخالصی ندارد",
                "Shade-dried, free of mould and foreign matter",
                "گزارش آزمون میکروبی",
                "Microbial test report",
            ),
            (
                "بسته‌بندی کاغذی یا خوراکی و دربسته است",
                "Paper or food-grade pack, sealed",
                "عکس بسته",
                "Photo of the pack",
            ),
        ],
    },
    "hand_sewn_leather": {
        "code": "INSO 6384",
        "title_fa": "کالاهای چرمی دست‌دوز - ویژگی‌ها",
        "title_en": "Hand-sewn leather goods - specifications",
        "validity_days": 730,
        "checklist": [
            (
                "چرم طبیعی است و نوعش روی برچسب آمده است",
                "Genuine leather, type stated on the label",
                "عکس پشت چرم و برچسب",
                "Photo of the flesh side and the label",
            ),
            (
                "دوخت زینی یکنواخت و بی‌گره‌ی باز است",
                "Even saddle stitching, no loose knots",
                "عکس نزدیک دوخت",
                "Close-up of the stitching",
            ),
            ("لبه‌ها پرداخت و رنگ شده‌اند", "Edges burnished and dyed", "عکس لبه‌ها", "Photo of the edges"),
        ],
    },
    "traditional_embroidery": {
        "code": "INSO 13310",
        "title_fa": "رودوزی‌های سنتی - ویژگی‌ها",
        "title_en": "Traditional embroidery - specifications",
        "validity_days": 730,
        "checklist": [
            ("دوخت با دست و یکنواخت است", "Hand-stitched and even", "عکس رو و پشت کار", "Photo of the front and back"),
            (
                "نخ در آزمون شستشو رنگ پس نمی‌دهد",
                "Thread colour-fast in a wash test",
                "گزارش آزمون ثبات رنگ",
                "Colour-fastness test report",
            ),
            ("ابعاد با برچسب می‌خواند", "Size matches the label", "عکس اندازه‌گیری", "Photo of the measurement"),
        ],
    },
    "clothing": {
        "code": "INSO 5632",
        "title_fa": "پوشاک دوخت خانگی - اندازه، دوخت و برچسب",
        "title_en": "Home-tailored clothing - sizes, seams and labelling",
        "validity_days": 365,
        "checklist": [
            (
                "اندازه با جدول استاندارد می‌خواند",
                "Measurements match the standard size chart",
                "عکس اندازه‌گیری",
                "Photo of the measurements",
            ),
            (
                "درزها محکم و سردوزی شده‌اند",
                "Seams strong and overlocked",
                "عکس درزها از داخل",
                "Photo of the inside seams",
            ),
            ("برچسب جنس پارچه و شستشو دارد", "Label states fabric and care", "عکس برچسب", "Photo of the label"),
        ],
    },
}

# Products whose certificate is taken off the market, and why (officer's words).
EXPIRED = "HM-KLM-008"  # expired 35 days ago, never renewed
REVOKED = ("HM-HRB-004", "در بازرسی میدانی، گل ختمی با گیاه دیگری مخلوط شده بود؛ نمونه‌ی آزمایشگاه هم کپک داشت.")
SUSPENDED = ("HM-CLO-008", "شکایت دو مشتری از باز شدن درز کمر؛ تا بازرسی دوباره‌ی کارگاه معلق است.")
# A certificate in force that expires in 20 days; its renewal waits in the queue (the product stays on sale).
EXPIRING = "HM-HNY-005"
EXPIRING_IN_DAYS = 20
# Applications in the officers' queue: UPC -> (state, days since submitted, officer's words).
QUEUE = {
    "HM-EMB-008": (State.SUBMITTED, 9, ""),
    "HM-HWC-009": (State.IN_REVIEW, 4, ""),
    "HM-LTH-005": (State.CHANGES_REQUESTED, 6, "عکس دوخت لبه‌ها تار است؛ لطفاً عکس نزدیک و روشن از دو لبه بفرستید."),
}
OFF_MARKET = (EXPIRED, REVOKED[0], SUSPENDED[0])


def load(stdout=None):
    """Load (or complete) the demo certification; return {what: count}."""
    log = _logger(stdout)
    officer = get_user_model().objects.get(email=OFFICER_EMAIL)
    with translation.override("fa"), transaction.atomic():
        standards = load_standards()
        log(f"standards: {len(standards)}")
        products = list(
            Product.objects.filter(upc__startswith="HM-", parent__isnull=True, producer__isnull=False)
            .select_related("producer__user", "product_class")
            .order_by("upc")
        )
        certified = certify_products(products, standards, officer)
        log(f"certified products: {certified} new")
        by_upc = {product.upc: product for product in products}
        expire(by_upc.get(EXPIRED))
        change_status(by_upc.get(REVOKED[0]), workflow.revoke, REVOKED[1], officer)
        change_status(by_upc.get(SUSPENDED[0]), workflow.suspend, SUSPENDED[1], officer)
        renew_soon(by_upc.get(EXPIRING), officer)
        for upc, (state, days, reason) in QUEUE.items():
            queue(by_upc.get(upc), state, days, reason, officer)
        check(by_upc)
    summary = {
        "standards": Standard.objects.count(),
        "certificates": Certificate.objects.count(),
        "listed products": Product.objects.listable().count(),
        "applications waiting": CertificationApplication.objects.filter(
            state__in=[State.SUBMITTED, State.IN_REVIEW]
        ).count(),
    }
    log(", ".join(f"{name}: {count}" for name, count in summary.items()))
    return summary


def _logger(stdout):
    def log(message):
        if stdout is not None:
            stdout.write(f"  {message}\n")

    return log


# --- Standards -------------------------------------------------------------------------------------------


def load_standards():
    """One standard per demo craft: {product class pk: Standard}. A craft that already has one keeps it."""
    standards = {}
    crafts = ProductClass.objects.in_bulk(list(STANDARDS), field_name="slug")
    existing = {}
    for standard in Standard.objects.filter(product_class__in=crafts.values()).order_by("pk"):
        existing.setdefault(standard.product_class_id, standard)
    for slug, spec in STANDARDS.items():
        craft = crafts.get(slug)
        if craft is None:
            continue
        standard = existing.get(craft.pk) or Standard.objects.filter(code=spec["code"]).first()
        if standard is None:
            standard = Standard.objects.create(
                code=spec["code"],
                title=spec["title_fa"],
                title_fa=spec["title_fa"],
                title_en=spec["title_en"],
                product_class=craft,
                validity_days=spec["validity_days"],
            )
        if not standard.checklist.exists():
            ChecklistItem.objects.bulk_create(
                ChecklistItem(
                    standard=standard,
                    position=position,
                    text=text_fa,
                    text_fa=text_fa,
                    text_en=text_en,
                    evidence_required=evidence_fa,
                    evidence_required_fa=evidence_fa,
                    evidence_required_en=evidence_en,
                )
                for position, (text_fa, text_en, evidence_fa, evidence_en) in enumerate(spec["checklist"])
            )
        standards[craft.pk] = standard
    return standards


# --- Certified products ----------------------------------------------------------------------------------


def _issued_days_ago(product, index, validity_days):
    if product.upc == EXPIRED:
        return validity_days + 35
    if product.upc == EXPIRING:
        return validity_days - EXPIRING_IN_DAYS
    # Staggered over the first part of the validity: in force and not yet due for a reminder.
    return 12 + (index * 37) % max(1, validity_days - 60)


def certify_products(products, standards, officer):
    """An approved application, checklist results, audit trail and certificate for each product never applied."""
    applied = set(CertificationApplication.objects.filter(product__in=products).values_list("product_id", flat=True))
    first_time_queue = set(QUEUE)
    todo = [
        product
        for product in products
        if product.pk not in applied
        and product.upc not in first_time_queue
        and product.product_class_id in standards
        and product.producer.is_active
    ]
    if not todo:
        return 0
    now = timezone.now()
    issued = {}
    applications = []
    for index, product in enumerate(todo):
        standard = standards[product.product_class_id]
        issued_at = now - timedelta(days=_issued_days_ago(product, index, standard.validity_days))
        issued[product.pk] = issued_at
        applications.append(
            CertificationApplication(
                product=product,
                producer_id=product.producer_id,
                standard=standard,
                product_version=product.content_version,
                state=State.APPROVED,
                officer=officer,
                submitted_at=issued_at - timedelta(days=3),
                decided_at=issued_at,
            )
        )
    applications = CertificationApplication.objects.bulk_create(applications)
    checklists = {standard.pk: list(standard.checklist.all()) for standard in {a.standard for a in applications}}
    results, entries = [], []
    for application in applications:
        decided = application.decided_at
        producer_user = application.product.producer.user
        entries += [
            AuditEntry(
                application=application,
                actor=producer_user,
                action=Action.CREATED,
                to_state=State.DRAFT,
                created_at=decided - timedelta(days=4),
            ),
            AuditEntry(
                application=application,
                actor=producer_user,
                action=Action.SUBMITTED,
                from_state=State.DRAFT,
                to_state=State.SUBMITTED,
                created_at=application.submitted_at,
            ),
            AuditEntry(
                application=application,
                actor=officer,
                action=Action.TAKEN,
                from_state=State.SUBMITTED,
                to_state=State.IN_REVIEW,
                created_at=decided - timedelta(days=1),
            ),
        ]
        for item in checklists[application.standard_id]:
            results.append(ChecklistResult(application=application, item=item, passed=True, checked_by=officer))
            entries.append(
                AuditEntry(
                    application=application,
                    actor=officer,
                    action=Action.CHECKED,
                    reason=f"{item.text_fa}: قبول",
                    created_at=decided - timedelta(hours=2),
                )
            )
        entries.append(
            AuditEntry(
                application=application,
                actor=officer,
                action=Action.APPROVED,
                from_state=State.IN_REVIEW,
                to_state=State.APPROVED,
                created_at=decided,
            )
        )
    ChecklistResult.objects.bulk_create(results)
    AuditEntry.objects.bulk_create(entries)
    for application in applications:
        workflow.issue_certificate(application, now=issued[application.product_id])
    return len(applications)


# --- Scenarios -------------------------------------------------------------------------------------------


def _latest_certificate(product):
    return Certificate.objects.filter(product=product).select_related("standard").order_by("-valid_until").first()


def expire(product):
    """The certificate ran out 35 days ago (expiry is derived from the dates: nothing else to change)."""
    certificate = product and _latest_certificate(product)
    if certificate is None or certificate.status != Certificate.Status.VALID:
        return
    now = timezone.now()
    if certificate.valid_until <= now:
        return
    issued_at = now - timedelta(days=certificate.standard.validity_days + 35)
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=issued_at, valid_from=issued_at, valid_until=now - timedelta(days=35)
    )


def change_status(product, change, reason, officer):
    """Suspend or revoke the product's certificate once, through the workflow (with its audit entry)."""
    certificate = product and _latest_certificate(product)
    if certificate is not None and certificate.effective_status() == Certificate.Status.VALID:
        change(certificate, officer, reason)


def renew_soon(product, officer):
    """A certificate that ends in 20 days, and the producer's renewal waiting for an officer."""
    certificate = product and _latest_certificate(product)
    if certificate is None or not certificate.is_in_force():
        return
    now = timezone.now()
    if certificate.valid_until > now + timedelta(days=30):
        issued_at = now - timedelta(days=certificate.standard.validity_days - EXPIRING_IN_DAYS)
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_at=issued_at, valid_from=issued_at, valid_until=now + timedelta(days=EXPIRING_IN_DAYS)
        )
    if (
        CertificationApplication.objects.filter(product=product)
        .filter(state__in=CertificationApplication.OPEN_STATES)
        .exists()
    ):
        return
    if CertificationApplication.objects.filter(renews=certificate).exists():
        return
    application = workflow.start_application(
        product,
        certificate.standard,
        product.producer.user,
        note="تمدید گواهینامه با برداشت امسال.",
        renews=certificate,
    )
    _attach_evidence(application, product)
    workflow.submit(application, product.producer.user)
    _backdate_submission(application, days=1)


def queue(product, state, days, reason, officer):
    """An application waiting for (or sent back by) officers; a renewal if the product is already certified."""
    if product is None or not product.producer.is_active:
        return
    if producers_linked_to(officer).filter(pk=product.producer_id).exists():
        return  # the demo officer must be free to decide it
    if CertificationApplication.objects.filter(
        product=product, state__in=CertificationApplication.OPEN_STATES
    ).exists():
        return
    standard = Standard.objects.filter(product_class=product.product_class).order_by("pk").first()
    certificate = _latest_certificate(product)
    if certificate is not None and CertificationApplication.objects.filter(renews=certificate).exists():
        return
    user = product.producer.user
    application = workflow.start_application(product, standard, user, renews=certificate)
    _attach_evidence(application, product)
    application = workflow.submit(application, user)
    if state != State.SUBMITTED:
        application = workflow.take(application, officer)
        first = standard.checklist.first()
        if state == State.IN_REVIEW:
            workflow.record_check(application, first, True, officer, note="برچسب کامل است.")
        elif state == State.CHANGES_REQUESTED:
            workflow.record_check(application, first, False, officer, note=reason)
            workflow.request_changes(application, officer, reason)
    _backdate_submission(application, days)


def _backdate_submission(application, days):
    """The queue's age filter needs applications of various ages (audit entries keep their real time)."""
    CertificationApplication.objects.filter(pk=application.pk).update(
        submitted_at=timezone.now() - timedelta(days=days)
    )


def _attach_evidence(application, product):
    """A photo, or a short PDF report, for each requirement that asks for evidence."""
    user = product.producer.user
    for item in application.standard.checklist.all():
        if not item.evidence_required:
            continue
        report = any(word in (item.evidence_required_en or "").lower() for word in ("report", "sheet"))
        if report:
            name = f"{product.upc.lower()}-report-{item.position + 1}.pdf"
            upload = SimpleUploadedFile(name, _pdf(product.upc, item.text_en or ""), content_type="application/pdf")
        else:
            name = f"{product.upc.lower()}-photo-{item.position + 1}.jpg"
            picture = images.product_image(product.product_class.slug, product.upc, item.position)
            upload = SimpleUploadedFile(name, picture, content_type="image/jpeg")
        workflow.add_evidence(application, item, upload, user, description=item.evidence_required_fa or "")


def _pdf(reference, subject):
    """A one-page PDF 'laboratory report' (Latin text only; enough for an officer to open)."""
    lines = [
        "Demo laboratory report",
        f"Sample: {reference}",
        f"Test: {subject}",
        "Result: within the standard's limits",
    ]
    text = (
        "BT /F1 14 Tf 60 760 Td 20 TL "
        + " ".join(f"({line.replace('(', '[').replace(')', ']')}) '" for line in lines)
        + " ET"
    )
    stream = zlib.compress(text.encode("latin-1", "replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(output)


# --- The check -------------------------------------------------------------------------------------------


def check(by_upc):
    """The scenario products are off the market (and the expiring one still on it), or loading fails loudly."""
    listable = set(Product.objects.listable().filter(upc__in=[*OFF_MARKET, EXPIRING]).values_list("upc", flat=True))
    wrongly_listed = listable & {upc for upc in OFF_MARKET if upc in by_upc}
    if wrongly_listed:
        raise RuntimeError(f"Demo certification: {sorted(wrongly_listed)} should be off the market.")
    if EXPIRING in by_upc and EXPIRING not in listable:
        raise RuntimeError(f"Demo certification: {EXPIRING} should still be on sale while its renewal waits.")
