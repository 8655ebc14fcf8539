"""Forms of the monitoring section: the funnel's filters, the readiness rule and provincial quotas."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ProductClass

from ..models import Producer, ProvincialQuota, ReadinessRule, Region
from . import funnel


class FunnelFilterForm(forms.Form):
    """Filters shared by the funnel page and the list behind each figure (bad values are reported, not ignored)."""

    region = forms.ModelChoiceField(
        label=_("Province"), queryset=Region.objects.order_by("slug"), to_field_name="slug", required=False
    )
    level = forms.ChoiceField(label=_("Level"), choices=[("", _("All levels")), *Producer.Kind.choices], required=False)
    craft = forms.ModelChoiceField(
        label=_("Craft"), queryset=ProductClass.objects.order_by("name"), to_field_name="slug", required=False
    )
    month = forms.CharField(label=_("Month"), required=False, help_text=_("As YYYY-MM, e.g. 2026-03."))
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def clean_month(self):
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            return None
        try:
            return dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(_("Enter a month as YYYY-MM, e.g. 2026-03.")) from None

    def filters(self):
        """The Filters the form describes (no filter when it is invalid)."""
        if not self.is_valid():
            return funnel.Filters()
        data = self.cleaned_data
        return funnel.Filters(
            region=data.get("region"),
            level=data.get("level") or None,
            craft=data.get("craft"),
            month=data["month"],
            year=data.get("year"),
        )


class StageForm(FunnelFilterForm):
    stage = forms.ChoiceField(label=_("Stage"), choices=funnel.STAGES, initial=funnel.APPLICATIONS, required=False)

    def clean_stage(self):
        return self.cleaned_data.get("stage") or funnel.APPLICATIONS


class ReadinessRuleForm(forms.ModelForm):
    class Meta:
        model = ReadinessRule
        fields = [
            "year",
            "window_months",
            "min_sales_months",
            "min_total_sales",
            "require_certificate",
            "require_training",
            "cap_individual",
            "cap_network",
        ]


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)

    def selected_year(self):
        if self.is_valid() and self.cleaned_data.get("year"):
            return self.cleaned_data["year"]
        return timezone.localdate().year


class QuotaForm(forms.Form):
    """One number per province for a year; an empty box removes that province's quota."""

    def __init__(self, *args, regions, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.regions = list(regions)
        self.year = year
        current = dict(ProvincialQuota.objects.filter(year=year).values_list("region_id", "quota"))
        for region in self.regions:
            self.fields[self.field_name(region)] = forms.IntegerField(
                label=region.name, min_value=0, max_value=10_000_000, required=False, initial=current.get(region.pk)
            )

    @staticmethod
    def field_name(region):
        return f"quota_{region.pk}"

    def save(self):
        for region in self.regions:
            value = self.cleaned_data.get(self.field_name(region))
            if value is None:
                ProvincialQuota.objects.filter(region=region, year=self.year).delete()
            else:
                ProvincialQuota.objects.update_or_create(region=region, year=self.year, defaults={"quota": value})
