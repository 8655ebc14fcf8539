"""Properties of producers.eligibility: the age rule, the national ID's check digit and the four rules together.

The national-ID algorithm is stated here again, independently of the module, to generate valid IDs:
the first nine digits weighted 10, 9, …, 2 and summed; r = sum mod 11; the check digit is r when
r < 2, otherwise 11 − r (so r = 1 and r = 10 share the check digit 1). An ID of one repeated
digit is refused although its check digit fits.
"""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from producers import eligibility

SETTINGS = settings(max_examples=300, deadline=None)

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
nine_digits = st.text(alphabet="0123456789", min_size=9, max_size=9)


def weighted_remainder(first_nine):
    return sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True)) % 11


def check_digit(first_nine):
    remainder = weighted_remainder(first_nine)
    return remainder if remainder < 2 else 11 - remainder


def valid_id(first_nine):
    return first_nine + str(check_digit(first_nine))


valid_ids = nine_digits.map(valid_id).filter(lambda value: len(set(value)) > 1)


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def birthday_in(year, born):
    """The day someone born on `born` completes a year in `year` (1 March for 29 February in a common year)."""
    if (born.month, born.day) == (2, 29) and not is_leap(year):
        return date(year, 3, 1)
    return born.replace(year=year)


# --- Age in full years ------------------------------------------------------------------------------


@SETTINGS
@given(days, st.integers(min_value=0, max_value=120))
@example(date(2008, 2, 29), 18)
@example(date(2004, 2, 29), 18)  # 2022 is a common year
def test_a_person_completes_each_year_on_their_birthday_and_not_the_day_before(born, years):
    birthday = birthday_in(born.year + years, born)
    assert eligibility.full_years(born, birthday) == years
    if years > 0:
        assert eligibility.full_years(born, birthday - timedelta(days=1)) == years - 1


@SETTINGS
@given(days, days)
def test_full_years_never_decrease_as_days_pass(born, on):
    assume(born <= on)
    assert eligibility.full_years(born, on) <= eligibility.full_years(born, on + timedelta(days=1))
    assert eligibility.full_years(born, on) >= 0


def test_born_on_29_february_is_18_on_1_march_of_a_common_year_and_on_29_february_of_a_leap_year():
    assert eligibility.full_years(date(2007, 2, 28), date(2025, 2, 28)) == 18
    assert eligibility.full_years(date(2004, 2, 29), date(2022, 2, 28)) == 17
    assert eligibility.full_years(date(2004, 2, 29), date(2022, 3, 1)) == 18
    assert eligibility.full_years(date(2006, 2, 28), date(2024, 2, 28)) == 18
    assert eligibility.full_years(date(2006, 3, 1), date(2024, 2, 29)) == 17


# --- National ID ------------------------------------------------------------------------------------


@SETTINGS
@given(valid_ids)
@example("0499370899")
def test_every_id_built_with_the_check_digit_is_valid(national_id):
    assert eligibility.national_id_is_valid(national_id)


@SETTINGS
@given(valid_ids, st.integers(min_value=0, max_value=9), st.integers(min_value=1, max_value=9))
@example("2500000001", 3, 5)  # remainder 10 → 1: both have check digit 1, the one change the digit misses
def test_changing_one_digit_of_a_valid_id_makes_it_invalid_unless_the_remainder_moves_between_1_and_10(
    national_id, position, shift
):
    digits = list(national_id)
    digits[position] = str((int(digits[position]) + shift) % 10)
    mutated = "".join(digits)
    # 11 is prime and every weight is 2..10, so one changed digit always changes the remainder; the
    # check digit tells every remainder apart except 1 and 10 (both give 1).
    missed = {weighted_remainder(national_id[:9]), weighted_remainder(mutated[:9])} == {1, 10}
    assert eligibility.national_id_is_valid(mutated) is (missed and len(set(mutated)) > 1)


@SETTINGS
@given(valid_ids)
def test_persian_and_arabic_indic_digits_spaces_and_dashes_are_read_as_the_same_id(national_id):
    persian = national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    arabic = national_id.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    dashed = f" {national_id[:3]}-{national_id[3:9]}-{national_id[9]} "
    assert eligibility.national_id_is_valid(persian)
    assert eligibility.national_id_is_valid(arabic)
    assert eligibility.national_id_is_valid(dashed)


@pytest.mark.parametrize("digit", "0123456789")
def test_one_digit_repeated_ten_times_is_refused_even_though_its_check_digit_fits(digit):
    assert valid_id(digit * 9) == digit * 10  # the algorithm alone would accept it
    assert not eligibility.national_id_is_valid(digit * 10)


@SETTINGS
@given(st.text(max_size=40))
def test_any_text_is_answered_valid_or_invalid_without_error(text):
    answer = eligibility.national_id_is_valid(text)
    assert answer is False or len(eligibility.normalize_digits(text)) == 10


@SETTINGS
@given(valid_ids, st.text(alphabet="0123456789", min_size=1, max_size=3))
def test_an_id_of_another_length_is_invalid(national_id, extra):
    assert not eligibility.national_id_is_valid(national_id + extra)
    assert not eligibility.national_id_is_valid(national_id[: -len(extra)])


# --- The four rules together ----------------------------------------------------------------------

regions = st.none() | st.integers(min_value=1, max_value=4)


@SETTINGS
@given(
    born=days,
    applied_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)),
    native=regions,
    registration=regions,
    employed_full_time=st.booleans(),
    employer_insured=st.booleans(),
)
def test_an_applicant_is_eligible_exactly_when_every_rule_holds_and_each_broken_rule_is_named(
    born, applied_on, native, registration, employed_full_time, employer_insured
):
    facts = {
        "date_of_birth": born,
        "native_region_id": native,
        "registration_region_id": registration,
        "employed_full_time": employed_full_time,
        "employer_insured": employer_insured,
    }
    adult = birthday_in(born.year + 18, born) <= applied_on
    expected = set()
    if not adult:
        expected.add("date_of_birth")
    if native and registration and native != registration:
        expected.add("registration_region")
    if employed_full_time:
        expected.add("employed_full_time")
    if employer_insured:
        expected.add("employer_insured")

    errors = eligibility.refusals(applied_on=applied_on, **facts)
    assert set(errors) == expected
    if born > applied_on:
        assert errors["date_of_birth"] == eligibility.MESSAGES["born_in_future"]
    elif not adult:
        assert errors["date_of_birth"] == eligibility.MESSAGES["too_young"]

    application = SimpleNamespace(**facts)
    assert eligibility.is_eligible(application, applied_on) is (not expected)
    if expected:
        with pytest.raises(eligibility.ValidationError) as refusal:
            eligibility.check(application, applied_on)
        assert set(refusal.value.message_dict) == expected
        assert {error.code for errors in refusal.value.error_dict.values() for error in errors} == expected
