"""Properties of shop.persian.normalize, the one normalizer for search and matching.

Each property is one promise of the module's docstring: the spellings people type for the same
word (Arabic or Persian yeh and kaf, ة/ۀ for ه, with or without ZWNJ, tatweel, diacritics,
Persian, Arabic-Indic or Latin digits) come out as one comparable form, and index and query can
both go through it safely whatever the text is.
"""

from hypothesis import example, given, settings
from hypothesis import strategies as st

from shop.persian import normalize

# Persian letters as typed, so that the generated words look like the words of the catalogue.
PERSIAN_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
# Arabic spelling → Persian spelling, stated here independently of the module's table.
ARABIC_FORMS = {"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و"}
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ZWNJ = "\u200c"
TATWEEL = "\u0640"
# Fatha, damma, kasra, shadda, sukun, tanwin and the superscript alef.
DIACRITICS = "\u064e\u064f\u0650\u0651\u0652\u064b\u064c\u064d\u0670"
INVISIBLE_MARKS = "\u200d\u200e\u200f\ufeff"

persian_words = st.text(alphabet=PERSIAN_LETTERS, min_size=1, max_size=12)
persian_phrases = st.lists(persian_words, min_size=1, max_size=5).map(" ".join)
any_text = st.text(max_size=300)  # every code point Hypothesis can produce, surrogates excluded

SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(any_text)
@example("ﻻ")  # a presentation form NFKC expands
@example("İ")  # casefold gives a dotted i with a combining mark
@example("ᾀ")
def test_any_unicode_text_is_normalized_without_error_and_normalizing_again_changes_nothing(text):
    once = normalize(text)
    assert isinstance(once, str)
    assert normalize(once) == once


# Letters with accents typed as a base letter and a combining mark, with invisible marks between them:
# removing the marks brings the two together, and they must still compare like the composed letter.
MARKED_LATIN = "aeiouAEIOU" + "\u0301\u0308\u0300\u0327" + INVISIBLE_MARKS + ZWNJ + TATWEEL + " "


@SETTINGS
@given(st.text(alphabet=MARKED_LATIN, max_size=30))
@example("e\u200c\u0301")  # found by this test: the result was "e\u0301", which normalizes to "é"
def test_removing_invisible_marks_between_a_letter_and_its_accent_still_gives_a_stable_form(text):
    once = normalize(text)
    assert normalize(once) == once


@SETTINGS
@given(any_text)
def test_the_result_has_no_surrounding_or_repeated_whitespace_and_no_invisible_marks(text):
    result = normalize(text)
    assert result == result.strip()
    assert "  " not in result
    assert all(not character.isspace() or character == " " for character in result)
    assert not set(result) & set(INVISIBLE_MARKS + ZWNJ + TATWEEL + DIACRITICS)


@SETTINGS
@given(any_text)
def test_the_result_is_bounded_by_what_nfkc_and_case_folding_can_expand(text):
    # NFKC expands one code point into at most 18 (U+FDFA), case folding one into at most 3.
    assert len(normalize(text)) <= 18 * 3 * len(text)


@SETTINGS
@given(persian_phrases)
def test_persian_text_keeps_its_letters_and_words(phrase):
    assert normalize(phrase) == phrase


@SETTINGS
@given(persian_phrases, st.data())
def test_arabic_letter_forms_compare_equal_to_the_persian_ones(phrase, data):
    spellings = {letter: [letter] for letter in PERSIAN_LETTERS + " "}
    for arabic, persian in ARABIC_FORMS.items():
        spellings[persian].append(arabic)
    arabic_spelling = "".join(data.draw(st.sampled_from(spellings[letter])) for letter in phrase)
    assert normalize(arabic_spelling) == normalize(phrase)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**30))
def test_persian_and_arabic_indic_digits_read_as_latin_digits(number):
    latin = str(number)
    persian = latin.translate(str.maketrans("0123456789", PERSIAN_DIGITS))
    arabic = latin.translate(str.maketrans("0123456789", ARABIC_INDIC_DIGITS))
    assert normalize(persian) == normalize(arabic) == normalize(latin) == latin


@SETTINGS
@given(persian_words, persian_words)
def test_a_zero_width_non_joiner_is_dropped_so_both_spellings_match(first, second):
    # «می‌بافد» and «میبافد» compare equal.
    assert normalize(first + ZWNJ + second) == normalize(first + second)


@SETTINGS
@given(persian_words, persian_words)
def test_a_space_typed_instead_of_the_zwnj_stays_a_space(first, second):
    assert normalize(f"{first} {second}") == f"{first} {second}"


@SETTINGS
@given(persian_words, st.data())
def test_tatweel_diacritics_and_invisible_marks_are_decoration(word, data):
    decorations = st.text(alphabet=TATWEEL + DIACRITICS + INVISIBLE_MARKS, max_size=3)
    decorated = "".join(character + data.draw(decorations) for character in word)
    assert normalize(decorated) == word


@SETTINGS
@given(st.text(alphabet=st.characters(min_codepoint=ord("A"), max_codepoint=ord("z")), max_size=40))
def test_latin_letters_compare_without_case(text):
    assert normalize(text.upper()) == normalize(text.lower()) == normalize(text)


@SETTINGS
@given(st.lists(persian_words, min_size=1, max_size=5), st.lists(st.sampled_from(" \t\n\u00a0\u3000"), min_size=1))
def test_any_run_of_whitespace_between_words_becomes_one_space(words, separators):
    typed = "".join(separators) + "".join(separators).join(words) + "".join(separators)
    assert normalize(typed) == " ".join(words)


def test_empty_and_missing_text_normalize_to_the_empty_string():
    assert normalize("") == ""
    assert normalize(None) == ""
