"""Every form of our apps, posted through its real page with hostile values, answers with form errors or a
redirect, never a server error; search, catalogue and monitoring filters take hostile query strings too.

The forms are found by importing our apps' modules and collecting the subclasses of Django's BaseForm,
so a new form fails `test_every_form_of_our_apps_is_fuzzed` until it is given a page in FORM_PAGES (or
an exclusion with its reason). Each page is fetched as the role that uses it (the demo market's
accounts); its <form> elements that carry the form's fields are submitted again and again, each field
taking one hostile value after another (long, control characters, bidi overrides, mixed scripts and
emoji, negative/huge/NaN numbers, impossible dates, files of the wrong kind), hidden fields and buttons
kept most of the time so that the view reaches its form. Rows created by a submission that redirects
must pass their model's full validation and hold no NUL character.
"""

import importlib
import pkgutil
import re
from urllib.parse import urlencode, urljoin

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import Client
from django.urls import reverse

from tests.conftest import demo_email, demo_market

OUR_APPS = ("shop", "catalogue", "producers", "quality", "cms")
NOT_APPLICATION_CODE = ("migrations", "settings", "wsgi", "asgi", "demo", "management")

HOSTILE = [
    "x" * 10_000,
    "\x00",
    "a\x00b\x07c\x1b[31m\x7f\x08",
    "\u202etxt.exe\u202d \u200f\u200eRLO",
    "سلام Hello 👩‍👩‍👧 ١٢٣ ۱۲۳ 🇮🇷 ي ك\u200c",
    "-1",
    "1e30",
    "NaN",
    "Infinity",
    "-99999999999999999999999999999",
    "2025-02-30",
    "0000-00-00T25:61",
    "",
    "<script>alert(1)</script>' OR 1=1 --",
    "\ufdfa" * 2000,  # one character that NFKC turns into eighteen
]
HOSTILE_FILES = [
    ("evil.png", b"<svg onload=alert(1)></svg>", "image/png"),
    ("empty.pdf", b"", "application/pdf"),
    ("\u202egpj.exe", b"MZ\x90\x00" * 64, "application/octet-stream"),
]
MULTIPLE = ("select-multiple", "checkbox")


# --- Which forms exist ------------------------------------------------------------------------------


def forms_of_our_apps():
    """'module.Class' of every Form/ModelForm defined in our apps (their modules imported first)."""
    for app in OUR_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if not set(module.name.split(".")) & set(NOT_APPLICATION_CODE):
                importlib.import_module(module.name)

    def subclasses(cls):
        for subclass in cls.__subclasses__():
            yield subclass
            yield from subclasses(subclass)

    return {
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in subclasses(forms.BaseForm)
        if cls.__module__.split(".")[0] in OUR_APPS
    }


# --- Where each form is used: (role, how it is sent, the page) ------------------------------------------
# role: a demo account, "anonymous", or a function giving the user; the page: a function giving its URL
# (called once the demo market is loaded). GET forms are filters: their fields go in the query string.


def _first(queryset, what):
    found = queryset.order_by("pk").first()
    assert found is not None, f"the demo market has no {what}"
    return found


def demo_user(role):
    return get_user_model().objects.get(email=demo_email(role))


def lead_business_user():
    from producers.models import Producer

    return _first(Producer.objects.filter(kind=Producer.Kind.LEAD, user__isnull=False), "lead business").user


def producer_application(state):
    return reverse("dashboard:producers-application-detail", kwargs={"pk": _first_application(state).pk})


def _first_application(state):
    from producers.models import Application

    return _first(Application.objects.filter(state=state), f"producer application in state {state}")


def own_certification_application():
    """A certification application of the demo producer that they may still add evidence to."""
    from quality import policy, workflow
    from quality.models import CertificationApplication

    producer = demo_user("producer")
    application = (
        policy.own_applications(producer)
        .filter(state__in=[CertificationApplication.State.DRAFT, CertificationApplication.State.CHANGES_REQUESTED])
        .first()
    )
    if application is None:
        certificate = _first(policy.own_certificates(producer), "certificate of the demo producer")
        application = workflow.start_application(
            certificate.product, certificate.standard, producer, renews=certificate
        )
    return reverse("quality:my-application", kwargs={"pk": application.pk})


def application_under_review():
    """A certification application the demo officer reviews (taken by them when it is only submitted)."""
    from django.core.exceptions import PermissionDenied, ValidationError

    from quality import policy, workflow
    from quality.models import CertificationApplication

    officer = demo_user("officer")
    states = [CertificationApplication.State.IN_REVIEW, CertificationApplication.State.SUBMITTED]
    for application in policy.applications_for_officers().filter(state__in=states).order_by("pk"):
        if application.state == CertificationApplication.State.SUBMITTED:
            try:
                workflow.take(application, officer)
            except (PermissionDenied, ValidationError):  # linked to this officer: another one
                continue
        return reverse("quality:application", kwargs={"pk": application.pk})
    raise AssertionError("the demo market has no certification application an officer can review")


def certificate_page():
    from quality.models import Certificate

    return reverse("quality:certificate-manage", kwargs={"pk": _first(Certificate.objects.all(), "certificate").pk})


def standard_page():
    from quality.models import Standard

    return reverse("quality:standard-update", kwargs={"pk": _first(Standard.objects.all(), "standard").pk})


def own_stock_record():
    from oscar.apps.partner.models import StockRecord

    partner = demo_user("producer").producer.partner
    record = _first(StockRecord.objects.filter(partner=partner), "stock record of the demo producer")
    return reverse("dashboard:producers-portal-stock-update", kwargs={"pk": record.pk})


def own_product_page():
    from catalogue.models import Product

    producer = demo_user("producer").producer
    product = _first(Product.objects.filter(producer=producer), "product of the demo producer")
    return reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})


def new_product_page():
    from catalogue.models import Product

    producer = demo_user("producer").producer
    product_class = _first(Product.objects.filter(producer=producer), "product of the demo producer").product_class
    return reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug})


def own_order_line():
    from oscar.apps.order.models import Line

    partner = demo_user("producer").producer.partner
    lines = Line.objects.filter(partner=partner, shipment__isnull=True).exclude(status="Cancelled")
    line = _first(lines, "order line of the demo producer not yet dispatched")
    return reverse("dashboard:order-line-detail", kwargs={"number": line.order.number, "line_id": line.pk})


def running_campaign_commit():
    from shop.preorders.models import Campaign

    campaign = _first(Campaign.objects.running(), "running campaign")
    return reverse("preorders:commit", kwargs={"pk": campaign.pk})


def brand_create():
    return reverse("dashboard:producers-portal-brand-create")


STAFF_APPLICATION = "submitted"

FORM_PAGES = {
    # Filters (GET)
    "producers.forms.ApplicationFilterForm": ("staff", "get", lambda: reverse("dashboard:producers-application-list")),
    "producers.forms.DirectoryFilterForm": ("anonymous", "get", lambda: reverse("producers:list")),
    "producers.forms.EnrolmentFilterForm": ("staff", "get", lambda: reverse("dashboard:producers-enrolment-list")),
    "producers.monitoring.forms.FunnelFilterForm": (
        "staff",
        "get",
        lambda: reverse("dashboard:producers-monitoring-funnel"),
    ),
    "producers.monitoring.forms.StageForm": ("staff", "get", lambda: reverse("dashboard:producers-monitoring-list")),
    "producers.monitoring.forms.YearForm": ("staff", "get", lambda: reverse("dashboard:producers-monitoring-quotas")),
    "quality.forms.QueueFilterForm": ("officer", "get", lambda: reverse("quality:queue")),
    "quality.forms.CertificateFilterForm": ("officer", "get", lambda: reverse("quality:certificate-list")),
    "cms.choosers.SearchForm": ("editor", "get", lambda: "/cms/choose/product/results/"),
    "shop.dashboard.catalogue.forms.ProductClassSelectForm": (
        "producer",
        "get",
        lambda: reverse("dashboard:catalogue-product-create"),
    ),
    # Forms that change something (POST), found on their page
    "producers.forms.ApplicationForm": ("customer", "post", lambda: reverse("producers:apply")),
    "producers.forms.BrandForm": ("producer", "post", brand_create),
    "producers.forms.CourseForm": ("staff", "post", lambda: reverse("dashboard:producers-course-create")),
    "producers.forms.DecisionForm": ("staff", "post", lambda: producer_application(STAFF_APPLICATION)),
    "producers.forms.DispatchForm": ("producer", "post", own_order_line),
    "producers.forms.EnrolmentForm": ("staff", "post", lambda: reverse("dashboard:producers-enrolment-create")),
    "producers.forms.InviteForm": (lead_business_user, "post", lambda: reverse("dashboard:producers-portal-network")),
    "producers.forms.ProfileForm": ("producer", "post", lambda: reverse("dashboard:producers-portal-profile")),
    "producers.forms.StockForm": ("producer", "post", own_stock_record),
    "producers.monitoring.forms.QuotaForm": ("staff", "post", lambda: reverse("dashboard:producers-monitoring-quotas")),
    "producers.monitoring.forms.ReadinessRuleForm": (
        "staff",
        "post",
        lambda: reverse("dashboard:producers-monitoring-rule-create"),
    ),
    "quality.forms.CertificateActionForm": ("officer", "post", certificate_page),
    "quality.forms.CheckForm": ("officer", "post", application_under_review),
    "quality.forms.ReasonForm": ("officer", "post", application_under_review),
    "quality.forms.ChecklistItemForm": ("officer", "post", standard_page),
    "quality.forms.StandardForm": ("officer", "post", lambda: reverse("quality:standard-create")),
    "quality.forms.EvidenceForm": ("producer", "post", own_certification_application),
    "quality.forms.StartApplicationForm": ("producer", "post", lambda: reverse("quality:my-apply")),
    "shop.accounts.PasswordResetForm": ("anonymous", "post", lambda: reverse("password-reset")),
    "shop.dashboard.catalogue.forms.ProducerProductForm": ("producer", "post", new_product_page),
    "shop.dashboard.catalogue.forms.ProductForm": ("superuser", "post", own_product_page),
    "shop.dashboard.catalogue.forms.StockRecordForm": ("producer", "post", own_product_page),
    "shop.dashboard.catalogue.forms.ProductImageForm": ("producer", "post", own_product_page),
    "shop.preorders.forms.CommitForm": ("customer", "post", running_campaign_commit),
    "shop.preorders.forms.CommitmentAddressForm": ("customer", "post", running_campaign_commit),
    "shop.preorders.forms.ProposeForm": ("producer", "post", lambda: reverse("dashboard:preorders-portal-propose")),
}
# Forms deliberately not fuzzed here, each with its reason.
EXCLUDED = {}

# Query strings of the public search, catalogue and monitoring pages (the header's search included).
QUERY_PAGES = [
    ("anonymous", lambda: reverse("search:search")),
    ("anonymous", lambda: reverse("catalogue:index")),
    ("anonymous", lambda: reverse("preorders:list")),
    ("anonymous", lambda: reverse("search:suggest") if _has_url("search:suggest") else reverse("search:search")),
    ("staff", lambda: reverse("dashboard:producers-monitoring-charts")),
    ("staff", lambda: reverse("dashboard:producers-monitoring-networks")),
    ("staff", lambda: reverse("dashboard:producers-monitoring-readiness")),
]
QUERY_PARAMETERS = ["q", "sort_by", "sort", "page", "selected_facets", "region", "producer", "brand", "category"]
QUERY_PARAMETERS += ["price_min", "price_max", "available", "year", "month", "province", "level", "craft", "format"]


def _has_url(name):
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


# --- Submitting hostile values ------------------------------------------------------------------------


def client_as(role):
    client = Client()
    if callable(role):
        client.force_login(role())
    elif role != "anonymous":
        client.force_login(demo_user(role))
    return client


def bare_name(name):
    """A field's name without its form prefix ("check-12-note" → "note", "form-0-price" → "price")."""
    return name.rsplit("-", 1)[-1]


def shape(fields):
    """What a <form> asks for, numbers left out (one form per checklist item has the same shape)."""
    return tuple(sorted({re.sub(r"\d+", "#", field["name"]) for field in fields}))


def fields_of(form):
    fields = []
    for element in form.find_all(["input", "select", "textarea", "button"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        kind = element.name if element.name != "input" else (element.get("type") or "text").lower()
        if element.name == "select" and element.has_attr("multiple"):
            kind = "select-multiple"
        if element.name == "button":
            kind = "submit" if (element.get("type") or "submit").lower() == "submit" else "button"
        options = [option.get("value", option.text) for option in element.find_all("option")]
        if kind in ("radio", "checkbox"):
            options = [element.get("value", "on")]
        fields.append({"name": name, "kind": kind, "value": element.get("value", ""), "options": options})
    return fields


def page_forms(html, method, field_names, page_url):
    """(action URL, fields) of each distinct <form> of the page sent with `method` carrying one of the fields."""
    found, seen = [], set()
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        if (form.get("method") or "get").lower() != method:
            continue
        fields = fields_of(form)
        if not {bare_name(field["name"]) for field in fields} & field_names or shape(fields) in seen:
            continue
        seen.add(shape(fields))
        found.append((urljoin(page_url, form.get("action") or page_url), fields))
    return found


def hostile_submission(fields, round_number):
    """The data of one submission: in round r field j takes hostile value r + j; options and hidden values
    are kept in two rounds of three, and a submit button is pressed, so that the view gets as far as the
    form's own checks. File
    fields get a file of the wrong kind, or in the third round a string instead of a file."""
    data, grouped = {}, {}
    buttons = [field for field in fields if field["kind"] == "submit"]
    keep_structure = round_number % 3 != 2
    for position, field in enumerate(fields):
        value = HOSTILE[(round_number + position) % len(HOSTILE)]
        kind = field["kind"]
        if kind in ("submit", "button", "reset", "image"):
            continue
        if kind == "file" and keep_structure:
            name, content, content_type = HOSTILE_FILES[(round_number + position) % len(HOSTILE_FILES)]
            grouped.setdefault(field["name"], []).append(SimpleUploadedFile(name, content, content_type))
            continue
        if kind == "hidden" and (keep_structure or field["name"] == "csrfmiddlewaretoken"):
            grouped.setdefault(field["name"], []).append(field["value"])
            continue
        if kind in ("select", "select-multiple", "radio", "checkbox") and keep_structure and field["options"]:
            option = field["options"][(round_number + position) % len(field["options"])]
            if kind in ("radio",) and field["name"] in grouped:
                continue
            grouped.setdefault(field["name"], []).append(option)
            continue
        grouped.setdefault(field["name"], []).append(value)
        if kind in MULTIPLE:
            grouped[field["name"]].append(HOSTILE[(round_number + position + 1) % len(HOSTILE)])
    if buttons:
        button = buttons[round_number % len(buttons)]
        grouped.setdefault(button["name"], []).append(button["value"])
    for name, values in grouped.items():
        data[name] = values if len(values) > 1 else values[0]
    return data


def our_models():
    return [model for model in apps.get_models() if model.__module__.split(".")[0] in OUR_APPS]


def row_ids():
    return {model: set(model._default_manager.values_list("pk", flat=True)) for model in our_models()}


def assert_new_rows_break_no_rule(before, where):
    """Rows a redirecting submission created pass their model's validation and hold no NUL character."""
    for model, ids in before.items():
        for row in model._default_manager.exclude(pk__in=ids):
            row.full_clean(validate_unique=False, validate_constraints=False)
            for field in row._meta.concrete_fields:
                if isinstance(field, models.CharField | models.TextField):
                    assert "\x00" not in (getattr(row, field.attname) or ""), f"{where}: NUL stored in {field}"


def answer_is_an_error_page_or_a_redirect(response, where, not_found_allowed=False):
    """A page with the form's errors, a redirect, or a refusal; never a server error.

    A list asked for a page that does not exist answers 404 (Django's paginator), so query strings may."""
    allowed = {200, 302, 303, 400, 429} | ({404} if not_found_allowed else set())
    assert response.status_code < 500, f"{where} → {response.status_code}"
    assert response.status_code in allowed, f"{where} → {response.status_code}"


# --- The tests ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_market(django_db_blocker, tmp_path_factory):
        yield


def form_class(path):
    module, name = path.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


def fields_made_by_the_view(response, cls):
    """Field names of the `cls` forms in the page's context (forms whose fields depend on the data)."""
    names = set()

    def visit(value, depth):
        if isinstance(value, cls):
            names.update(value.fields)
        elif depth < 3 and isinstance(value, forms.BaseFormSet):
            for form in value.forms:
                visit(form, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in value.values():
                visit(item, depth + 1)
        elif depth < 3 and isinstance(value, list | tuple):
            for item in value[:50]:
                visit(item, depth + 1)

    for context in response.context or []:
        for value in context.flatten().values():
            visit(value, 0)
    return names


def test_every_form_of_our_apps_is_fuzzed():
    found = forms_of_our_apps()
    assert found, "no form found: the module walk is broken"
    missing = found - set(FORM_PAGES) - set(EXCLUDED)
    assert not missing, f"give these forms a page in FORM_PAGES (or an exclusion with its reason): {sorted(missing)}"
    assert not (set(FORM_PAGES) | set(EXCLUDED)) - found, "FORM_PAGES names a form that no longer exists"


@pytest.mark.django_db
@pytest.mark.parametrize("path", sorted(FORM_PAGES))
def test_a_form_sent_with_hostile_values_answers_with_errors_or_a_redirect(demo, path):
    role, method, page = FORM_PAGES[path]
    client = client_as(role)
    url = page()
    names = set(form_class(path).base_fields)

    if method == "get":
        for round_number in range(len(HOSTILE)):
            query = {name: HOSTILE[(round_number + j) % len(HOSTILE)] for j, name in enumerate(sorted(names))}
            response = client.get(url, query)
            answer_is_an_error_page_or_a_redirect(response, f"GET {url} round {round_number}", not_found_allowed=True)
        return

    response = client.get(url)
    assert response.status_code == 200, f"{path}: {url} answers {response.status_code} to {role}"
    names |= fields_made_by_the_view(response, form_class(path))
    found = page_forms(response.content.decode(), "post", names, url)
    assert found, f"{path}: no form on {url} carries its fields {sorted(names)}"
    for action, fields in found:
        for round_number in range(len(HOSTILE)):
            where = f"POST {action} round {round_number} ({path})"
            before = row_ids()
            response = client.post(action, hostile_submission(fields, round_number))
            answer_is_an_error_page_or_a_redirect(response, where)
            if response.status_code in (302, 303):
                assert_new_rows_break_no_rule(before, where)


@pytest.mark.django_db
@pytest.mark.parametrize("index", range(len(QUERY_PAGES)))
def test_search_catalogue_and_monitoring_pages_take_hostile_query_strings(demo, index):
    role, page = QUERY_PAGES[index]
    client = client_as(role)
    url = page()
    extra = [{"page": "-1"}, {"page": "0"}, {"page": "99999999999999999999"}, {"page": "1.5"}, {"page": "last"}]
    extra += [{"selected_facets": "price_exact:[* TO *]"}, {"selected_facets": ["a:b", "x" * 5000, "\x00:\x00"]}]
    extra += [{"q": "ي ك ۱۲۳ " * 500}, {"sort_by": "-pk; DROP TABLE"}, {"q": "\u202e" * 100 + "%_\\"}]
    for round_number in range(len(HOSTILE)):
        query = {name: HOSTILE[(round_number + j) % len(HOSTILE)] for j, name in enumerate(QUERY_PARAMETERS)}
        response = client.get(url, query)
        answer_is_an_error_page_or_a_redirect(response, f"GET {url} round {round_number}", not_found_allowed=True)
    for query in extra:
        response = client.get(url, query)
        answer_is_an_error_page_or_a_redirect(response, f"GET {url} {str(query)[:80]}", not_found_allowed=True)
    raw = "q=%00%ff%fe&page=%C0%AE&sort_by=%E2%80%AE&selected_facets=%"
    answer_is_an_error_page_or_a_redirect(client.get(f"{url}?{raw}"), f"GET {url}?{raw}", not_found_allowed=True)


def test_hostile_submissions_cover_every_hostile_value_for_every_field():
    fields = [{"name": f"field{j}", "kind": "text", "value": "", "options": []} for j in range(3)]
    for j in range(3):
        values = {hostile_submission(fields, r)[f"field{j}"] for r in range(len(HOSTILE))}
        assert values == set(HOSTILE)
    assert urlencode({"q": HOSTILE[4]})  # mixed scripts encode in a query string


# --- The server errors this fuzzing found, each stated once ----------------------------------------------


@pytest.mark.django_db
def test_a_product_posted_with_a_tampered_stock_record_management_form_shows_the_form_again(demo):
    # Oscar pre-filled the producer's partner on forms[0] of a formset that had no form: IndexError.
    client = client_as("producer")
    url = own_product_page()
    product_fields = set(form_class("shop.dashboard.catalogue.forms.ProductForm").base_fields)
    [(action, fields)] = page_forms(client.get(url).content.decode(), "post", product_fields, url)
    data = {field["name"]: field["value"] for field in fields if field["kind"] not in ("submit", "file")}
    data.update({"stockrecords-TOTAL_FORMS": "-1", "stockrecords-INITIAL_FORMS": "NaN"})
    response = client.post(action, data)
    assert response.status_code == 200
    assert response.context["stockrecord_formset"].non_form_errors()


@pytest.mark.django_db
def test_a_recommended_product_that_is_no_product_key_is_a_form_error(demo):
    # Oscar's product picker looked "Infinity" up as a primary key while drawing the error page: ValueError.
    client = client_as("superuser")
    url = own_product_page()
    product_fields = set(form_class("shop.dashboard.catalogue.forms.ProductForm").base_fields)
    [(action, fields)] = page_forms(client.get(url).content.decode(), "post", product_fields, url)
    data = {field["name"]: field["value"] for field in fields if field["kind"] not in ("submit", "file")}
    data.update({"primary_recommendations-0-recommendation": "Infinity"})
    response = client.post(action, data)
    assert response.status_code == 200
    assert response.context["recommended_formset"].errors


@pytest.mark.django_db
def test_a_chooser_search_term_too_long_to_be_words_is_refused_before_the_query(demo):
    # One U+FDFA normalizes to eighteen characters: 2,000 of them made a LIKE pattern SQLite refused.
    client = client_as("editor")
    response = client.get("/cms/choose/product/results/", {"q": "\ufdfa" * 2000})
    assert response.status_code == 200
    response = client.get("/cms/choose/product/results/", {"q": "\ufdfa" * 200})
    assert response.status_code == 200
