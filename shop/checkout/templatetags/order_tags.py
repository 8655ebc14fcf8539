"""The customer's view of an order: its lines grouped by producer, with each producer's shipment."""

from itertools import groupby

from django import template

register = template.Library()


@register.simple_tag
def lines_by_producer(order):
    """[(producer name, [lines])] in one query, each line with its shipment (or None) and product."""
    lines = (
        order.lines.select_related("product", "shipment", "partner")
        .prefetch_related("product__images", "attributes")
        .order_by("partner_name", "pk")
    )
    return [(name, list(group)) for name, group in groupby(lines, key=lambda line: line.partner_name)]
