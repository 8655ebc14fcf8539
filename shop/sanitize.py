"""The one HTML sanitizer (nh3, the Ammonia library) for text that producers and editors write.

`clean_html` keeps simple formatting and links with safe schemes and drops everything that can run
script: <script>/<style> with their content, event-handler attributes (onerror=…), javascript: and
data: URLs, iframes, forms. It is applied on save, by the models that own the text:
`catalogue.Product.save()` (product descriptions, whatever form saved them: the producer portal,
Oscar's dashboard, the shell) and `cms.models` (rich text fields and rich text blocks of pages).
"""

import nh3

TAGS = {"p", "br", "b", "strong", "i", "em", "u", "h2", "h3", "h4", "ul", "ol", "li", "a", "blockquote"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Wagtail stores internal links and embeds in its own markup: <a linktype="page" id="3">, <embed …/>.
# Draftail marks each block with data-block-key (comments and diffs anchor on it): kept.
WAGTAIL_ATTRIBUTES = {
    "*": {"data-block-key"},
    "a": {"href", "linktype", "id"},
    "embed": {"embedtype", "id", "format", "alt"},
}


def clean_html(value, wagtail=False):
    """Sanitized HTML; None and "" come back unchanged."""
    if not value:
        return value
    if wagtail:
        return nh3.clean(
            value,
            tags=TAGS | {"embed"},
            attributes=WAGTAIL_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=None,
        )
    return nh3.clean(value, tags=TAGS, attributes={"a": {"href", "title"}}, url_schemes=URL_SCHEMES)


def clean_stream_data(block, data):
    """Cleans every rich text value inside a StreamField's raw data (nested structs, lists, streams)."""
    from wagtail import blocks

    if isinstance(block, blocks.RichTextBlock):
        return clean_html(data, wagtail=True) if isinstance(data, str) else data
    if isinstance(block, blocks.StreamBlock) and isinstance(data, list):
        for child in data:
            if isinstance(child, dict) and child.get("type") in block.child_blocks:
                child["value"] = clean_stream_data(block.child_blocks[child["type"]], child.get("value"))
        return data
    if isinstance(block, blocks.StructBlock) and isinstance(data, dict):
        for name, child_block in block.child_blocks.items():
            if name in data:
                data[name] = clean_stream_data(child_block, data[name])
        return data
    if isinstance(block, blocks.ListBlock) and isinstance(data, list):
        return [
            {**item, "value": clean_stream_data(block.child_block, item.get("value"))}
            if isinstance(item, dict) and "value" in item and "type" in item
            else clean_stream_data(block.child_block, item)
            for item in data
        ]
    return data


def clean_page_fields(page):
    """Sanitizes a Wagtail page's RichTextFields and the rich text inside its StreamFields, in place."""
    from wagtail.fields import RichTextField, StreamField

    for field in page._meta.concrete_fields:
        if isinstance(field, RichTextField):
            setattr(page, field.attname, clean_html(getattr(page, field.attname), wagtail=True))
        elif isinstance(field, StreamField):
            value = getattr(page, field.attname)
            raw = list(value.get_prep_value()) if value is not None else []
            cleaned = clean_stream_data(field.stream_block, raw)
            setattr(page, field.attname, cleaned)


def _clean_page_on_save(sender, instance, update_fields=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page) and update_fields is None:
        clean_page_fields(instance)


def connect():
    """Called by ShopConfig.ready(): every Wagtail page is cleaned when saved with its content."""
    from django.db.models.signals import pre_save

    pre_save.connect(_clean_page_on_save, dispatch_uid="shop.sanitize.pages")
