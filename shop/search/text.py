"""What a query's words are, and what a product's searchable text is: shared by both backends.

Everything goes through `shop.persian.normalize()`, index and query alike.
"""

import re

from django.utils.html import strip_tags

from shop.persian import normalize

MAX_QUERY_CHARS = 200
MAX_TOKENS = 8
MAX_TOKEN_CHARS = 40

# Letters and digits only: whatever else a query holds (quotes, operators,
# brackets, NUL bytes) never reaches a query language.
_TOKEN = re.compile(r"[^\W_]+")


def clean_query(text):
    """The query as typed, bounded in length and without control characters (for display and for the backends)."""
    text = (text or "")[: MAX_QUERY_CHARS * 2]
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\u200c")
    return text.strip()[:MAX_QUERY_CHARS]


def words(text):
    """The normalized words of a text (letters and digits)."""
    return _TOKEN.findall(normalize(text))


def query_tokens(text):
    """The distinct normalized words of a query, at most MAX_TOKENS of at most MAX_TOKEN_CHARS each."""
    tokens = []
    for word in words(clean_query(text)):
        word = word[:MAX_TOKEN_CHARS]
        if word not in tokens:
            tokens.append(word)
    return tokens[:MAX_TOKENS]


def prefix_term(token):
    """The prefix a token is matched as: a light English plural folding, so «carpets» finds «carpet».

    (The database backend has no stemmer; Elasticsearch's English analyzer stems properly.)
    """
    if token.isascii() and token.isalpha() and len(token) >= 4:
        if token.endswith("ies") and len(token) > 4:
            return token[:-3]
        if token.endswith("s") and not token.endswith("ss"):
            return token[:-1]
    return token


def title_rank(tokens, title):
    """How a normalized title answers the query: (every term starts a title word, terms that are whole title words)."""
    title_words = set(_TOKEN.findall(title))
    terms = [prefix_term(token) for token in tokens]
    in_title = all(any(word.startswith(term) for word in title_words) for term in terms)
    whole = sum(1 for token in tokens if token in title_words)
    return in_title, whole


def plain(html):
    return strip_tags(html or "")
