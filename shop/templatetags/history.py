"""Oscar's `history_tags` library, with the recently viewed products rendered as a page-cache hole.

Registered in settings under Oscar's name, so that Oscar's product page uses it: the list is each
visitor's own (shop/caching.py renders it for every visitor, the page itself may come from the cache),
and it is fetched in one query with what the product cards need (Oscar's tag read them one by one).
"""

from django import template
from oscar.templatetags import history_tags as oscar_history_tags

from shop.caching import render_hole

register = template.Library()
register.tags.update(oscar_history_tags.register.tags)
register.filters.update(oscar_history_tags.register.filters)


@register.simple_tag(takes_context=True)
def recently_viewed_products(context, current_product=None):
    """The visitor's recently viewed products but the current one (taken from the page's URL)."""
    return render_hole("recently-viewed", context["request"])
