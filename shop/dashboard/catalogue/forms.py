"""The catalogue dashboard's forms, forked.

- Staff keep Oscar's product form, with titles and descriptions in both
  languages and our product fields (producer, maker, brand, lead time).
- Producers get ProducerProductForm: no `is_public`, UPC, slug or structure;
  brands limited to their own and their province's collective brands; a lead
  business may credit an accepted network member as maker; the craft must be
  one of theirs with its training completed (producers.training).
- Attribute values outside a standard's range are refused by the model layer
  (catalogue.Product); the errors are shown on the attribute fields.
- Images go through shop.uploads.clean_image; producers price their stock
  records only for their own partner, in tomans.
"""

import html
import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import linebreaks, strip_tags
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms
from oscar.apps.dashboard.catalogue.forms import *  # noqa: F403  (Oscar's fork mechanism)
from oscar.apps.partner.models import Partner
from oscar.forms.widgets import ImageInput

from producers import policy, training
from shop.uploads import clean_image

PLAIN_TEXTAREA = forms.Textarea(attrs={"rows": 6, "class": "no-widget-init"})


def text_to_html(text):
    """A producer's plain text as the paragraphs Oscar's product page prints (no markup of theirs survives)."""
    return linebreaks(html.unescape(strip_tags(text or "")).strip(), autoescape=True) if (text or "").strip() else ""


def html_to_text(value):
    """The stored paragraphs back as plain text for editing."""
    value = re.sub(r"</p>\s*<p>", "\n\n", value or "")
    value = re.sub(r"<br\s*/?>", "\n", value)
    return html.unescape(strip_tags(value)).strip()


def allowed_range(attribute):
    """The standard's range for an attribute, in words for the form ("" when it has none)."""

    def number(value):
        return format(value.normalize(), "f")

    low, high = attribute.min_value, attribute.max_value
    if low is not None and high is not None:
        return _("Allowed: %(min)s to %(max)s.") % {"min": number(low), "max": number(high)}
    if low is not None:
        return _("At least %(min)s.") % {"min": number(low)}
    if high is not None:
        return _("At most %(max)s.") % {"max": number(high)}
    return ""


class ProductClassSelectForm(oscar_forms.ProductClassSelectForm):
    """Choose a craft template; a producer only sees their own crafts."""

    def __init__(self, *args, producer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product_class"].label = _("Create a new listing from the template of")
        if producer is not None:
            self.fields["product_class"].queryset = policy.craft_choices(producer)


class AttributeErrorsMixin:
    """Show the model layer's refusal of an attribute value next to that attribute."""

    def _post_clean(self):
        super()._post_clean()
        try:
            self.instance.validate_attribute_values()
        except ValidationError as error:
            for code, messages in error.message_dict.items():
                name = f"attr_{code}"
                if name in self.fields and name not in self.errors:
                    self.add_error(name, messages)


class ProductForm(AttributeErrorsMixin, oscar_forms.ProductForm):
    """Oscar's product form for staff, bilingual, with the marketplace's product fields."""

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            "title_fa",
            "title_en",
            "upc",
            "description_fa",
            "description_en",
            "is_public",
            "is_discountable",
            "structure",
            "producer",
            "maker",
            "brand",
            "lead_time_days",
            "slug",
            "meta_title",
            "meta_description",
        ]
        widgets = {
            **oscar_forms.ProductForm.Meta.widgets,
            "title_fa": forms.TextInput(attrs={"autocomplete": "off"}),
            "title_en": forms.TextInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, product_class, *args, parent=None, **kwargs):
        super().__init__(product_class, *args, parent=parent, **kwargs)
        if "title_fa" in self.fields and not parent:
            self.fields["title_fa"].required = True

    def get_attribute_field(self, attribute):
        field = super().get_attribute_field(attribute)
        if field is not None and attribute.type in (attribute.INTEGER, attribute.FLOAT):
            field.help_text = allowed_range(attribute)
        return field


class ProducerProductForm(ProductForm):
    """A producer's listing from their craft's template (see the module docstring)."""

    class Meta(ProductForm.Meta):
        fields = ["title_fa", "title_en", "description_fa", "description_en", "brand", "maker", "lead_time_days"]
        widgets = {
            "title_fa": forms.TextInput(attrs={"autocomplete": "off"}),
            "title_en": forms.TextInput(attrs={"autocomplete": "off"}),
            "description_fa": PLAIN_TEXTAREA,
            "description_en": PLAIN_TEXTAREA,
        }

    def __init__(self, product_class, *args, producer, parent=None, **kwargs):
        self.producer = producer
        self.product_class = product_class
        super().__init__(product_class, *args, parent=parent, **kwargs)
        if self.instance.producer_id is None:
            self.instance.producer = producer
        brand = self.fields["brand"]
        brand.queryset = policy.brand_choices(producer)
        brand.required = True
        if self.instance.brand_id is None:
            brand.initial = (
                policy.brand_choices(producer).filter(producer=producer).values_list("pk", flat=True).first()
            )
        makers = policy.maker_choices(producer)
        if producer.is_lead:
            self.fields["maker"].queryset = makers
            self.fields["maker"].empty_label = _("We made it ourselves")
            self.fields["maker"].help_text = _("A home producer of your network who made this product.")
        else:
            del self.fields["maker"]
        for name in ("description_fa", "description_en"):
            if self.instance.pk and name in self.fields:
                self.initial[name] = html_to_text(getattr(self.instance, name))
        self.fields["lead_time_days"].widget.attrs["min"] = 1

    def clean_description_fa(self):
        return text_to_html(self.cleaned_data.get("description_fa"))

    def clean_description_en(self):
        return text_to_html(self.cleaned_data.get("description_en"))

    def clean(self):
        cleaned = super().clean()
        if not policy.craft_choices(self.producer).filter(pk=self.product_class.pk).exists():
            raise ValidationError(_("You can only list products in your own crafts."))
        try:
            training.ensure_trained(self.producer, self.product_class)
        except ValidationError as error:
            self.add_error(None, error)
        return cleaned


class StockRecordForm(oscar_forms.StockRecordForm):
    """Staff: Oscar's. Producers: their own partner only (hidden), prices in tomans."""

    def __init__(self, product_class, user, *args, **kwargs):
        super().__init__(product_class, user, *args, **kwargs)
        if not user.is_staff:
            self.fields["partner"].queryset = Partner.objects.filter(pk__in=policy.own_partner_ids(user))
            self.fields["partner"].widget = forms.HiddenInput()
            del self.fields["price_currency"]
            if not self.instance.price_currency:
                self.instance.price_currency = settings.OSCAR_DEFAULT_CURRENCY


class ProductImageForm(oscar_forms.ProductImageForm):
    """An image is accepted only as shop.uploads.clean_image makes it: real type, size and pixel limits, no EXIF."""

    original = forms.FileField(label=_("Original"), widget=ImageInput())

    def clean_original(self):
        value = self.cleaned_data.get("original")
        if isinstance(value, UploadedFile):
            return clean_image(value)
        return value
