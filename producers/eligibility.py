"""Who may register with the programme (DOMAIN.md, "Rules stated in the articles"), written once.

`Application.clean()` calls `check()`, and `producers.screening` calls
`full_clean()` before every save, so no form, view, command or demo loader can
store an application that breaks these rules:

- at least 18 full years old on the day of application;
- native of the province where one registers (بومی استان);
- not employed full-time;
- no insurance paid by an employer.

Each refusal is a message for people in their own language, attached to the
field it is about. The national ID (کد ملی) is checked with its check digit.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MINIMUM_AGE = 18

MESSAGES = {
    "too_young": _("You must be at least 18 full years old on the day you apply."),
    "born_in_future": _("The date of birth cannot be in the future."),
    "not_native": _("You can only register in your native province."),
    "employed_full_time": _("People employed full-time cannot register a home business."),
    "employer_insured": _("People whose insurance is paid by an employer cannot register a home business."),
    "national_id": _("Enter a valid 10-digit national ID."),
}

# Persian (۰-۹) and Arabic-Indic (٠-٩) digits, as typed on Persian keyboards, read as ASCII digits.
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def normalize_digits(value):
    """Persian and Arabic digits as ASCII, surrounding spaces and dashes removed."""
    return (value or "").translate(_DIGITS).strip().replace("-", "").replace(" ", "")


def national_id_is_valid(value):
    """The Iranian national ID: ten digits, the last a check digit (mod 11), not one digit repeated."""
    value = normalize_digits(value)
    if len(value) != 10 or not value.isdigit() or len(set(value)) == 1:
        return False
    total = sum(int(digit) * (10 - position) for position, digit in enumerate(value[:9]))
    remainder = total % 11
    check = int(value[9])
    return check == remainder if remainder < 2 else check == 11 - remainder


def validate_national_id(value):
    if not national_id_is_valid(value):
        raise ValidationError(MESSAGES["national_id"], code="national_id")


def full_years(born, on):
    """Completed years of age on a day. Someone born on 29 February completes a year on 1 March
    in a common year (the day before is still inside the old year)."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years


def refusals(
    *, date_of_birth, applied_on, native_region_id, registration_region_id, employed_full_time, employer_insured
):
    """{field: message} for every rule the facts break (empty when eligible)."""
    errors = {}
    if date_of_birth is not None:
        if date_of_birth > applied_on:
            errors["date_of_birth"] = MESSAGES["born_in_future"]
        elif full_years(date_of_birth, applied_on) < MINIMUM_AGE:
            errors["date_of_birth"] = MESSAGES["too_young"]
    if native_region_id and registration_region_id and native_region_id != registration_region_id:
        errors["registration_region"] = MESSAGES["not_native"]
    if employed_full_time:
        errors["employed_full_time"] = MESSAGES["employed_full_time"]
    if employer_insured:
        errors["employer_insured"] = MESSAGES["employer_insured"]
    return errors


def check(application, applied_on=None):
    """Raise a ValidationError (per field) when the application breaks an eligibility rule."""
    errors = refusals(
        date_of_birth=application.date_of_birth,
        applied_on=applied_on or application.applied_on(),
        native_region_id=application.native_region_id,
        registration_region_id=application.registration_region_id,
        employed_full_time=application.employed_full_time,
        employer_insured=application.employer_insured,
    )
    if errors:
        raise ValidationError({field: ValidationError(message, code=field) for field, message in errors.items()})


def is_eligible(application, applied_on=None):
    try:
        check(application, applied_on)
    except ValidationError:
        return False
    return True
