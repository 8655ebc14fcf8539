"""The programme's eligibility rules, each at its boundary, in the model and on the form, in Persian and English."""

from datetime import date, datetime, time

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from producers import eligibility, screening
from producers.models import Application
from tests.factories import ProductClassFactory, RegionFactory, UserFactory
from tests.producers.conftest import application_data
from tests.producers.factories import ApplicationFactory, national_id

pytestmark = pytest.mark.django_db

MESSAGES = {
    "too_young": {
        "en": "You must be at least 18 full years old on the day you apply.",
        "fa": "در روز ثبت‌نام باید دست‌کم ۱۸ سال تمام داشته باشید.",
    },
    "not_native": {
        "en": "You can only register in your native province.",
        "fa": "فقط در استانی که بومی آن هستید می‌توانید ثبت‌نام کنید.",
    },
    "employed_full_time": {
        "en": "People employed full-time cannot register a home business.",
        "fa": "شاغلان تمام‌وقت نمی‌توانند کسب‌وکار خانگی ثبت کنند.",
    },
    "employer_insured": {
        "en": "People whose insurance is paid by an employer cannot register a home business.",
        "fa": "کسانی که بیمه‌شان را کارفرما می‌پردازد نمی‌توانند کسب‌وکار خانگی ثبت کنند.",
    },
    "duplicate": {
        "en": "There is already an application with this national ID.",
        "fa": "با این کد ملی پیش‌تر درخواستی ثبت شده است.",
    },
    "national_id": {
        "en": "Enter a valid 10-digit national ID.",
        "fa": "یک کد ملی معتبر ده‌رقمی وارد کنید.",
    },
}


def _on(day):
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


# --- The rules as pure functions -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("born", "on", "years"),
    [
        (date(2008, 3, 10), date(2026, 3, 10), 18),  # birthday today: 18
        (date(2008, 3, 11), date(2026, 3, 10), 17),  # birthday tomorrow: still 17
        (date(2008, 3, 9), date(2026, 3, 10), 18),
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # leap-day birthday: not yet in a common year…
        (date(2008, 2, 29), date(2026, 3, 1), 18),  # …but on 1 March
        (date(2008, 2, 29), date(2028, 2, 29), 20),  # and on the day itself in a leap year
        (date(2007, 12, 31), date(2026, 1, 1), 18),
    ],
)
def test_full_years(born, on, years):
    assert eligibility.full_years(born, on) == years


def test_national_id_check_digit():
    assert eligibility.national_id_is_valid("0499370899")
    assert eligibility.national_id_is_valid("۰۴۹۹۳۷۰۸۹۹")  # Persian digits, as typed on a Persian keyboard
    assert not eligibility.national_id_is_valid("0499370898")  # wrong check digit
    assert not eligibility.national_id_is_valid("1111111111")  # one digit repeated
    assert not eligibility.national_id_is_valid("049937089")  # nine digits
    assert not eligibility.national_id_is_valid("04993708a9")
    for seed in range(1000, 1200):
        assert eligibility.national_id_is_valid(national_id(seed))


# --- The model layer: nothing saves an ineligible application -----------------------------------


def _application(**overrides):
    region = RegionFactory()
    values = {
        "user": UserFactory(),
        "level": "home",
        "full_name": "مریم",
        "national_id": national_id(),
        "date_of_birth": date(1990, 5, 1),
        "native_region": region,
        "registration_region": region,
        "employed_full_time": False,
        "employer_insured": False,
        "business_description": "…",
        "phone": "09121234567",
        "submitted_at": _on(date(2026, 3, 10)),
    }
    values.update(overrides)
    return Application(**values)


@pytest.mark.parametrize(
    ("born", "applied", "ok"),
    [
        (date(2008, 3, 10), date(2026, 3, 10), True),
        (date(2008, 3, 11), date(2026, 3, 10), False),
        (date(2008, 2, 29), date(2026, 2, 28), False),
        (date(2008, 2, 29), date(2026, 3, 1), True),
        (date(2026, 3, 11), date(2026, 3, 10), False),  # born in the future
    ],
)
def test_age_rule_in_the_model(born, applied, ok):
    application = _application(date_of_birth=born, submitted_at=_on(applied))
    if ok:
        application.full_clean()
    else:
        with pytest.raises(ValidationError) as refused:
            application.full_clean()
        assert list(refused.value.message_dict) == ["date_of_birth"]


@pytest.mark.parametrize("language", ["fa", "en"])
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"date_of_birth": date(2008, 3, 11)}, "date_of_birth", "too_young"),
        ({"employed_full_time": True}, "employed_full_time", "employed_full_time"),
        ({"employer_insured": True}, "employer_insured", "employer_insured"),
    ],
)
def test_each_refusal_names_its_field_in_the_users_language(language, overrides, field, message):
    application = _application(**overrides)
    with translation.override(language), pytest.raises(ValidationError) as refused:
        application.full_clean()
    with translation.override(language):
        assert refused.value.message_dict[field] == [MESSAGES[message][language]]


@pytest.mark.parametrize("language", ["fa", "en"])
def test_registering_outside_the_native_province_is_refused(language):
    application = _application(registration_region=RegionFactory())
    with translation.override(language), pytest.raises(ValidationError) as refused:
        application.full_clean()
    with translation.override(language):
        assert refused.value.message_dict["registration_region"] == [MESSAGES["not_native"][language]]


def test_the_service_always_validates(freeze_today):
    """screening.submit() is the only way in, and it calls full_clean(): no caller can skip the rules."""
    freeze_today(date(2026, 3, 10))
    application = _application(date_of_birth=date(2008, 3, 11), employed_full_time=True)
    with pytest.raises(ValidationError) as refused:
        screening.submit(application, application.user, [ProductClassFactory()])
    assert set(refused.value.message_dict) == {"date_of_birth", "employed_full_time"}
    assert not Application.objects.exists()


def test_a_lead_business_must_name_itself():
    application = _application(level="lead", business_name_fa="")
    with pytest.raises(ValidationError) as refused:
        application.full_clean()
    assert "business_name_fa" in refused.value.message_dict


# --- The form, in both languages, at each boundary ------------------------------------------------


def _apply(client, language, **overrides):
    return client.post(f"/{language}/producers/apply/", application_data(**overrides))


def errors_of(response, field, language):
    """The form's messages for a field, read in the language the page was rendered in."""
    with translation.override(language):
        return [str(message) for message in response.context["form"].errors[field]]


@pytest.mark.parametrize("language", ["fa", "en"])
@pytest.mark.parametrize(
    ("born", "accepted"),
    [
        (date(2008, 3, 10), True),  # 18 today
        (date(2008, 3, 11), False),  # 18 tomorrow
    ],
)
def test_age_boundary_on_the_form(client, freeze_today, language, born, accepted):
    freeze_today(date(2026, 3, 10))
    client.force_login(UserFactory())
    response = _apply(client, language, date_of_birth=born.isoformat())
    if accepted:
        assert response.status_code == 302
        assert Application.objects.count() == 1
    else:
        assert response.status_code == 200
        assert errors_of(response, "date_of_birth", language) == [MESSAGES["too_young"][language]]
        assert MESSAGES["too_young"][language] in response.content.decode()
        assert not Application.objects.exists()


@pytest.mark.parametrize("language", ["fa", "en"])
@pytest.mark.parametrize(("today", "accepted"), [(date(2026, 2, 28), False), (date(2026, 3, 1), True)])
def test_leap_day_birthday_on_the_form(client, freeze_today, language, today, accepted):
    freeze_today(today)
    client.force_login(UserFactory())
    response = _apply(client, language, date_of_birth="2008-02-29")
    assert (response.status_code == 302) is accepted


@pytest.mark.parametrize("language", ["fa", "en"])
@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"employed_full_time": "True"}, "employed_full_time", "employed_full_time"),
        ({"employer_insured": "True"}, "employer_insured", "employer_insured"),
        ({"national_id": "0499370898"}, "national_id", "national_id"),
    ],
)
def test_other_rules_on_the_form(client, language, overrides, field, message):
    client.force_login(UserFactory())
    response = _apply(client, language, **overrides)
    assert response.status_code == 200
    assert errors_of(response, field, language) == [MESSAGES[message][language]]
    assert MESSAGES[message][language] in response.content.decode()


@pytest.mark.parametrize("language", ["fa", "en"])
def test_native_province_rule_on_the_form(client, language):
    client.force_login(UserFactory())
    response = _apply(client, language, registration_region=RegionFactory().pk)
    assert errors_of(response, "registration_region", language) == [MESSAGES["not_native"][language]]
    assert MESSAGES["not_native"][language] in response.content.decode()


def test_the_form_accepts_persian_digits(client):
    client.force_login(UserFactory())
    response = _apply(client, "fa", national_id="۰۴۹۹۳۷۰۸۹۹", phone="۰۹۱۲۱۲۳۴۵۶۷")
    assert response.status_code == 302
    application = Application.objects.get()
    assert (application.national_id, application.phone) == ("0499370899", "09121234567")


# --- One live application per national ID ---------------------------------------------------------


@pytest.mark.parametrize("language", ["fa", "en"])
def test_a_duplicate_national_id_is_refused_and_the_input_kept(client, language):
    existing = ApplicationFactory()
    client.force_login(UserFactory())
    response = _apply(client, language, national_id=existing.national_id, full_name="نام تازه")
    assert response.status_code == 200
    form = response.context["form"]
    assert errors_of(response, "national_id", language) == [MESSAGES["duplicate"][language]]
    assert MESSAGES["duplicate"][language] in response.content.decode()
    # Nothing the person typed is lost.
    assert form["full_name"].value() == "نام تازه"
    assert form["national_id"].value() == existing.national_id
    assert 'value="نام تازه"' in response.content.decode()
    assert Application.objects.count() == 1


def test_duplicates_are_refused_by_the_model_and_the_database():
    existing = ApplicationFactory()
    duplicate = _application(national_id=existing.national_id)
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    with pytest.raises(ValidationError) as refused:
        screening.submit(duplicate, duplicate.user, [ProductClassFactory()])
    assert refused.value.messages


def test_a_rejected_application_does_not_block_a_new_one():
    old = ApplicationFactory(state=Application.State.REJECTED)
    fresh = _application(national_id=old.national_id)
    fresh.full_clean()


def test_the_database_constraint_holds_when_validation_is_skipped():
    from django.db import IntegrityError, transaction

    existing = ApplicationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ApplicationFactory(national_id=existing.national_id)
