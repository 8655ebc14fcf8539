"""Oscar's `product_tags` library, its `render_product` reading the card from the cache (registered in
settings under Oscar's name: search results, recommended products and every Oscar template use it)."""

from django import template

from shop.caching import cards_of

register = template.Library()


@register.simple_tag(takes_context=True)
def render_product(context, product):
    """One product's card (shop.caching.product_cards); nothing for a missing product, as Oscar's."""
    if not product:
        return ""
    return cards_of(context["request"], [product])[0]
