"""Persian text as people type it, made comparable: the one normalizer for search and matching.

The same word arrives in many spellings: Arabic ي/ك instead of Persian ی/ک,
ة or ۀ for ه, with or without the zero-width non-joiner (می‌بافد / میبافد),
with or without diacritics, and with Persian, Arabic or Latin digits.
`normalize()` maps all of them to one form; index and query both go through it.
"""

import re
import unicodedata

ZWNJ = "\u200c"

_CHARACTERS = str.maketrans(
    {
        "\u064a": "\u06cc",  # ي Arabic yeh → ی
        "\u0649": "\u06cc",  # ى alef maksura → ی
        "\u0643": "\u06a9",  # ك Arabic kaf → ک
        "\u0629": "\u0647",  # ة teh marbuta → ه
        "\u06c0": "\u0647",  # ۀ heh with yeh above → ه
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0624": "\u0648",  # ؤ → و
        **{chr(0x06F0 + d): str(d) for d in range(10)},  # Persian digits
        **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        "\u0640": None,  # tatweel (kashida) is decoration
        "\u200d": None,  # zero-width joiner
        "\u200e": None,  # left-to-right mark
        "\u200f": None,  # right-to-left mark
        "\ufeff": None,  # byte-order mark
    }
)
# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef ...).
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"\s+")


def normalize(text):
    """The comparable form of `text`: Persian letters, no diacritics, Latin digits, lower case.

    The zero-width non-joiner is dropped, so «می‌بافد», «میبافد» compare equal;
    a space typed in its place stays a space (search matches that through
    trigrams/fuzziness, not here).
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    text = text.translate(_CHARACTERS)
    text = _DIACRITICS.sub("", text)
    text = text.replace(ZWNJ, "")
    # Dropping an invisible mark can bring a letter and its combining accent together
    # ("e", ZWNJ, U+0301): compose them again, or normalizing twice would not give the same form.
    text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", text).strip().casefold()
