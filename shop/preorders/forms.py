"""Forms of pre-order campaigns: committing (customers), proposing (producers), deciding (staff).

The forms collect input; the rules (shop.preorders.rules) decide, and their refusals are shown on the form.
"""

from datetime import datetime, time, timedelta

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import ShippingAddressForm

from catalogue.models import Product

from .models import Commitment


class CommitForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, initial=1)
    method = forms.ChoiceField(label=_("Payment"), widget=forms.RadioSelect)

    def __init__(self, *args, campaign, methods, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        quantity = self.fields["quantity"]
        quantity.max_value = campaign.max_per_customer
        quantity.validators.append(
            MaxValueValidator(campaign.max_per_customer, message=_("At most %(limit_value)s per customer."))
        )
        quantity.widget.attrs.update(min=1, max=campaign.max_per_customer)
        self.fields["method"].choices = [
            (value, label) for value, label in Commitment.Method.choices if value in methods
        ]
        if len(methods) == 1:
            self.fields["method"].initial = methods[0]


class CommitmentAddressForm(ShippingAddressForm):
    """Where the order goes when the campaign succeeds (Oscar's checkout address form)."""


class ProposeForm(forms.Form):
    """A producer's proposal: which of their listable products, how many, until when, at what price."""

    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    target_quantity = forms.IntegerField(label=_("Target quantity"), min_value=1, max_value=100_000)
    deadline = forms.DateField(
        label=_("Deadline"),
        help_text=_("Commitments are taken until the end of this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    estimated_ship_date = forms.DateField(
        label=_("Estimated ship date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    price = forms.DecimalField(label=_("Price (tomans)"), min_value=1, max_digits=12, decimal_places=0)
    max_per_customer = forms.IntegerField(label=_("Maximum per customer"), min_value=1, max_value=100_000)

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = Product.objects.browsable().filter(producer=producer).order_by("pk")
        self.fields["product"].label_from_instance = lambda product: product.get_title()
        today = timezone.localdate()
        self.fields["deadline"].initial = today + timedelta(days=21)
        self.fields["estimated_ship_date"].initial = today + timedelta(days=42)

    def clean_deadline(self):
        """The end of the chosen day, in the shop's time zone."""
        day = self.cleaned_data["deadline"]
        return timezone.make_aware(datetime.combine(day, time.max.replace(microsecond=0)))
