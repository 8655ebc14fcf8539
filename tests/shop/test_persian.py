"""One normalizer for Persian text: every spelling people type compares equal."""

import pytest

from shop.persian import normalize


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("علي", "علی"),  # Arabic yeh
        ("كيف", "کیف"),  # Arabic kaf and yeh
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("خانۀ", "خانه"),  # heh with yeh above
        ("می‌بافد", "میبافد"),  # zero-width non-joiner
        ("دست‌دوز", "دستدوز"),
        ("عَسَلِ", "عسل"),  # diacritics
        ("قالـــی", "قالی"),  # tatweel
        ("۱۴۰۳", "1403"),  # Persian digits
        ("١٤٠٣", "1403"),  # Arabic digits
        ("Hand-Woven  CARPET", "hand-woven carpet"),
        ("  گلیم\tاردبیل \n", "گلیم اردبیل"),
        ("", ""),
        (None, ""),
    ],
)
def test_spellings_compare_equal(typed, canonical):
    assert normalize(typed) == canonical


def test_normalizing_twice_changes_nothing():
    text = "فرشِ دست‌بافِ اردبيل ۱۲۰ رج"
    assert normalize(normalize(text)) == normalize(text)
