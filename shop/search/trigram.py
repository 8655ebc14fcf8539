"""Trigram similarity computed exactly as PostgreSQL's pg_trgm does it, for the SQLite backend.

PostgreSQL answers typo-tolerant matches with `word_similarity()` (the `<%`
operator); SQLite has no such function, so its FTS5 `trigram` table finds
candidates and this module ranks them with the same formula. A test compares the
two on PostgreSQL.

pg_trgm's rules: a *word* is a run of letters and digits, folded to lower case
and padded with two spaces in front and one behind; its trigrams are every three
consecutive characters of that padded word. `similarity(a, b)` is the share of
distinct trigrams the two strings have in common; `word_similarity(a, b)` is the
greatest similarity between the trigrams of `a` and any continuous extent of the
trigrams of `b` (trgm_op.c, `iterate_word_similarity`).
"""

import re

_WORD = re.compile(r"[^\W_]+")


def trigrams(text):
    """The trigrams of `text`, in order, with repetitions (pg_trgm's `generate_trgm_only`)."""
    result = []
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        result.extend(padded[i : i + 3] for i in range(len(padded) - 2))
    return result


def similarity(a, b):
    """pg_trgm's `similarity(a, b)`."""
    first, second = set(trigrams(a)), set(trigrams(b))
    if not first or not second:
        return 0.0
    common = len(first & second)
    return common / (len(first) + len(second) - common)


def word_similarity(needle, haystack):
    """pg_trgm's `word_similarity(needle, haystack)`: how well `needle` matches some part of `haystack`."""
    wanted = set(trigrams(needle))
    sequence = trigrams(haystack)
    ulen1 = len(wanted)
    if not ulen1 or not sequence:
        return 0.0
    ids = {}
    indexes = [ids.setdefault(trigram, len(ids)) for trigram in sequence]
    found = [False] * len(ids)
    for trigram, index in ids.items():
        found[index] = trigram in wanted
    return _iterate_word_similarity(indexes, found, ulen1)


def _similarity(count, len1, len2):
    return count / (len1 + len2 - count)


def _iterate_word_similarity(indexes, found, ulen1):
    """A transcription of pg_trgm's `iterate_word_similarity` (plain, not strict, full maximum)."""
    lastpos = [-1] * len(found)
    ulen2 = count = 0
    upper = lower = -1
    best = 0.0
    for i, index in enumerate(indexes):
        if lower >= 0 or found[index]:
            if lastpos[index] < 0:
                ulen2 += 1
                if found[index]:
                    count += 1
            lastpos[index] = i
        if not found[index]:
            continue
        upper = i
        if lower == -1:
            lower = i
            ulen2 = 1
        current = _similarity(count, ulen1, ulen2)
        # Also try moving the lower bound of the extent for a greater similarity.
        tmp_count, tmp_ulen2, previous_lower = count, ulen2, lower
        for tmp_lower in range(lower, upper + 1):
            candidate = _similarity(tmp_count, ulen1, tmp_ulen2)
            if candidate > current:
                current, ulen2, lower, count = candidate, tmp_ulen2, tmp_lower, tmp_count
            tmp_index = indexes[tmp_lower]
            if lastpos[tmp_index] == tmp_lower:
                tmp_ulen2 -= 1
                if found[tmp_index]:
                    tmp_count -= 1
        best = max(best, current)
        for tmp_lower in range(previous_lower, lower):
            tmp_index = indexes[tmp_lower]
            if lastpos[tmp_index] == tmp_lower:
                lastpos[tmp_index] = -1
    return best
