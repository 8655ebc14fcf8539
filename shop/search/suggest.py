"""Suggestions for the header search box: products (from the search backend), producers, regions, crafts.

Producers, regions and craft categories are few: their names in both languages
are kept, normalized, in the cache (cleared whenever one of them is saved) and
matched in Python, every typed word as the start of a name's word.
"""

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from shop.persian import normalize

from . import conf
from .backends import get_backend
from .facets import localized
from .text import prefix_term, query_tokens, words

CACHE_KEY = "search:suggest:names"
CACHE_SECONDS = 600
MIN_CHARACTERS = 2

KINDS = {
    "product": _("Products"),
    "producer": _("Producers"),
    "region": _("Regions"),
    "craft": _("Crafts"),
}


def _names():
    """[(kind, key, name_fa, name_en, normalized words)] of active producers, regions and public categories."""
    from catalogue.models import Category
    from producers.models import Producer, Region

    entries = []
    for slug, name_fa, name_en in Producer.objects.filter(is_active=True).values_list("slug", "name_fa", "name_en"):
        entries.append(("producer", slug, name_fa, name_en))
    for slug, name_fa, name_en in Region.objects.values_list("slug", "name_fa", "name_en"):
        entries.append(("region", slug, name_fa, name_en))
    categories = list(Category.objects.browsable().order_by("path"))
    slugs = {category.path: category.slug for category in categories}
    for category in categories:
        steps = [category.path[:end] for end in range(Category.steplen, len(category.path) + 1, Category.steplen)]
        full_slug = Category._slug_separator.join(slugs.get(step, "") for step in steps)
        entries.append(("craft", f"{full_slug}|{category.pk}", category.name_fa, category.name_en))
    return [(*entry, tuple(words(f"{entry[2]} {entry[3]}"))) for entry in entries]


def names():
    entries = cache.get(CACHE_KEY)
    if entries is None:
        entries = _names()
        cache.set(CACHE_KEY, entries, CACHE_SECONDS)
    return entries


def forget_names(**kwargs):
    """Receiver: a producer, region or category changed."""
    cache.delete(CACHE_KEY)


def _url(kind, key):
    if kind == "producer":
        return reverse("producers:detail", kwargs={"slug": key})
    if kind == "region":
        return f"{reverse('search:search')}?region={key}"
    full_slug, pk = key.rsplit("|", 1)
    return reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": pk})


def _matches(tokens, name_words):
    return all(any(word.startswith(prefix_term(token)) for word in name_words) for token in tokens)


def suggestions(text, limit=None):
    """[{kind, label, items: [{label, url}]}] for what has been typed so far (empty for under two characters)."""
    limit = limit or conf.get("SEARCH_SUGGEST_LIMIT")
    tokens = query_tokens(text)
    if not tokens or len(normalize(text)) < MIN_CHARACTERS:
        return []
    groups = {kind: [] for kind in KINDS}
    for product in get_backend().suggest_products(text, limit):
        groups["product"].append({"label": product.title, "url": product.get_absolute_url()})
    found = [entry for entry in names() if _matches(tokens, entry[4])]
    # Names that start with the first word first, then shorter names.
    found.sort(key=lambda entry: (not entry[4][:1] or not entry[4][0].startswith(tokens[0]), len(entry[4])))
    for kind, key, name_fa, name_en, _words in found:
        if len(groups[kind]) < limit:
            groups[kind].append({"label": localized(name_fa, name_en), "url": _url(kind, key)})
    return [{"kind": kind, "label": str(KINDS[kind]), "items": items} for kind, items in groups.items() if items]
