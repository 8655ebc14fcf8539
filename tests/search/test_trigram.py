"""The Python trigram similarity used on SQLite is pg_trgm's, to the last digit."""

import random

import pytest
from django.db import connection

from shop.search.trigram import similarity, trigrams, word_similarity
from tests.conftest import require_postgres


def test_trigrams_are_padded_words():
    assert trigrams("Cat") == ["  c", " ca", "cat", "at "]
    assert trigrams("a-b") == ["  a", " a ", "  b", " b "]
    assert trigrams("") == []


@pytest.mark.parametrize(
    ("needle", "haystack", "expected"),
    [
        ("word", "two words", 0.8),  # pg_trgm's documentation
        ("قالیجه", "قالیچه دستباف کاشان", 4 / 7),
        ("walet", "wallet", 5 / 8),
        ("x", "", 0.0),
        ("", "anything", 0.0),
    ],
)
def test_word_similarity_known_values(needle, haystack, expected):
    assert word_similarity(needle, haystack) == pytest.approx(expected, abs=1e-6)


def test_similarity_known_values():
    assert similarity("قالیجه", "قالیچه") == pytest.approx(0.4)
    assert similarity("abc", "abc") == 1.0
    assert similarity("abc", "xyz") == 0.0


@pytest.mark.django_db
def test_same_as_postgresql():
    require_postgres()
    rng = random.Random(7)
    alphabet = "abcde فرشقالی1"
    cases = [
        (
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))),
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))),
        )
        for _ in range(500)
    ]
    with connection.cursor() as cursor:
        for needle, haystack in cases:
            cursor.execute("SELECT word_similarity(%s, %s), similarity(%s, %s)", [needle, haystack] * 2)
            expected_word, expected = cursor.fetchone()
            assert word_similarity(needle, haystack) == pytest.approx(expected_word, abs=1e-5), (needle, haystack)
            assert similarity(needle, haystack) == pytest.approx(expected, abs=1e-5), (needle, haystack)
