"""`{% page_hole "mini-basket" %}`: a part of a page that is each visitor's own (shop/caching.py HOLES).

Rendered for every visitor; on a page the anonymous page cache stores, it is kept out of the stored
copy and rendered again for whoever the copy is served to.
"""

from django import template

from shop.caching import HOLES, cards_of, render_hole

register = template.Library()


@register.simple_tag(takes_context=True)
def page_hole(context, name, *given):
    """`given`: what the page already knows of the hole's content, e.g. `{% page_hole "availability" message %}`."""
    if name not in HOLES:
        raise template.TemplateSyntaxError(f"page_hole: no hole named {name!r} (shop.caching.HOLES)")
    return render_hole(name, context["request"], *given)


@register.simple_tag(takes_context=True)
def product_cards(context, products):
    """The cards of `products` (shop.caching.cards_of: kept in the cache, rendered when missing)."""
    return cards_of(context["request"], products)
