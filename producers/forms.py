"""Forms of the producers app: applying, screening, training, the portal's profile, brands, network and stock.

Forms collect and tidy input; the rules themselves live in the models
(`full_clean()`), producers.eligibility and the service modules.
"""

import re

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.models import StockRecord

from catalogue.models import ProductClass
from shop.uploads import clean_image

from . import eligibility
from .models import Application, Brand, Course, Enrolment, Producer, Region

YES_NO = ((True, _("Yes")), (False, _("No")))
PHONE = re.compile(r"^\+?\d{8,15}$")


def _yes_no_field(label, help_text=""):
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value in (True, "True", "true", "1"),
        widget=forms.RadioSelect,
        empty_value=None,
    )


def mark_choice_inputs(form):
    """Radio buttons and checkbox lists get Bootstrap's form-check class (see producers/partials/form_fields.html)."""
    for field in form.fields.values():
        if isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            field.widget.attrs["class"] = "form-check-input"


class ValidatedImageMixin:
    """Image fields named in `image_fields` go through shop.uploads.clean_image (type from the bytes,
    size and pixel limits, EXIF stripped, orientation applied)."""

    image_fields = ()

    def _clean_image_field(self, name):
        value = self.cleaned_data.get(name)
        if isinstance(value, UploadedFile):
            return clean_image(value)
        return value

    def clean(self):
        cleaned = super().clean()
        for name in self.image_fields:
            if name in self.cleaned_data and name not in self.errors:
                try:
                    self.cleaned_data[name] = self._clean_image_field(name)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return cleaned


# --- Applying ------------------------------------------------------------------------------------


class ApplicationForm(forms.ModelForm):
    """What an applicant tells the programme. The eligibility rules run in Application.clean()."""

    employed_full_time = _yes_no_field(_("Are you employed full-time?"))
    employer_insured = _yes_no_field(_("Does an employer pay your insurance?"))

    class Meta:
        model = Application
        fields = [
            "level",
            "full_name",
            "national_id",
            "date_of_birth",
            "native_region",
            "registration_region",
            "employed_full_time",
            "employer_insured",
            "crafts",
            "business_name_fa",
            "business_name_en",
            "business_description",
            "phone",
        ]
        widgets = {
            "level": forms.RadioSelect,
            "date_of_birth": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "crafts": forms.CheckboxSelectMultiple,
            "business_description": forms.Textarea(attrs={"rows": 5}),
            "national_id": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "dir": "ltr"}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "dir": "ltr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = Producer.Kind.choices
        self.fields["crafts"].queryset = ProductClass.objects.order_by("name")
        self.fields["native_region"].queryset = Region.objects.order_by("name")
        self.fields["registration_region"].queryset = Region.objects.order_by("name")
        self.fields["national_id"].max_length = 20  # digits may come with spaces or dashes; tidied below
        self.fields["national_id"].widget.attrs["maxlength"] = 20
        # The age rule is about the day of (re)submission: today.
        self.instance.submitted_at = timezone.now()
        mark_choice_inputs(self)

    def clean_national_id(self):
        value = eligibility.normalize_digits(self.cleaned_data.get("national_id"))
        eligibility.validate_national_id(value)
        duplicates = Application.objects.filter(national_id=value, state__in=Application.LIVE_STATES)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise forms.ValidationError(
                _("There is already an application with this national ID."), code="duplicate_national_id"
            )
        return value

    def clean_phone(self):
        value = eligibility.normalize_digits(self.cleaned_data.get("phone"))
        if not PHONE.match(value):
            raise forms.ValidationError(_("Enter a phone number of 8 to 15 digits."))
        return value


class DecisionForm(forms.Form):
    """Programme staff's decision on an application."""

    ACTIONS = (
        ("approve", _("Approve")),
        ("ask", _("Ask for more information")),
        ("reject", _("Reject")),
    )
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
        help_text=_("Required when rejecting or asking for more information; the applicant reads it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_choice_inputs(self)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") in ("reject", "ask") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Please give a reason."))
        return cleaned


class ApplicationFilterForm(forms.Form):
    """Filters of the screening queue (GET, bookmarkable)."""

    state = forms.ChoiceField(
        label=_("State"), required=False, choices=[("", _("All states")), *Application.State.choices]
    )
    region = forms.ModelChoiceField(
        label=_("Province"), required=False, queryset=Region.objects.order_by("name"), empty_label=_("All provinces")
    )
    level = forms.ChoiceField(label=_("Level"), required=False, choices=[("", _("All levels")), *Producer.Kind.choices])
    craft = forms.ModelChoiceField(
        label=_("Craft"), required=False, queryset=ProductClass.objects.order_by("name"), empty_label=_("All crafts")
    )
    q = forms.CharField(label=_("Name or national ID"), required=False)

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("state"):
            queryset = queryset.filter(state=data["state"])
        if data.get("region"):
            queryset = queryset.filter(registration_region=data["region"])
        if data.get("level"):
            queryset = queryset.filter(level=data["level"])
        if data.get("craft"):
            queryset = queryset.filter(crafts=data["craft"])
        term = (data.get("q") or "").strip()
        if term:
            queryset = queryset.filter(
                Q(full_name__icontains=term) | Q(national_id__startswith=eligibility.normalize_digits(term))
            )
        return queryset.distinct()


# --- The public directory ------------------------------------------------------------------------


class DirectoryFilterForm(forms.Form):
    """Region and craft filters of the producer directory, by slug so that links are readable and bookmarkable."""

    region = forms.ChoiceField(label=_("Province"), required=False)
    craft = forms.ChoiceField(label=_("Craft"), required=False)

    def __init__(self, *args, regions, crafts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All provinces")), *((r.slug, r.name) for r in regions)]
        self.fields["craft"].choices = [("", _("All crafts")), *((c.slug, c.name) for c in crafts)]

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {key: value for key, value in (("region", data.get("region")), ("craft", data.get("craft"))) if value}


# --- Training (programme staff) ------------------------------------------------------------------


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        fields = [
            "title_fa",
            "title_en",
            "slug",
            "kind",
            "craft",
            "required_for",
            "hours",
            "description_fa",
            "description_en",
            "is_active",
        ]
        widgets = {
            "required_for": forms.CheckboxSelectMultiple,
            "description_fa": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fa"].required = True
        mark_choice_inputs(self)


class EnrolmentForm(forms.ModelForm):
    completed = forms.BooleanField(label=_("Already completed"), required=False)

    class Meta:
        model = Enrolment
        fields = ["producer", "course"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["producer"].queryset = Producer.objects.filter(is_active=True).order_by("name")
        self.fields["course"].queryset = Course.objects.filter(is_active=True)

    def validate_unique(self):
        """Enrolling twice only completes the existing enrolment (see producers.training.enrol)."""


class EnrolmentFilterForm(forms.Form):
    producer = forms.ModelChoiceField(
        label=_("Producer"), required=False, queryset=Producer.objects.order_by("name"), empty_label=_("All producers")
    )
    course = forms.ModelChoiceField(
        label=_("Course"), required=False, queryset=Course.objects.all(), empty_label=_("All courses")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), ("open", _("In progress")), ("completed", _("Completed"))],
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("producer"):
            queryset = queryset.filter(producer=data["producer"])
        if data.get("course"):
            queryset = queryset.filter(course=data["course"])
        if data.get("status") == "open":
            queryset = queryset.filter(completed_at__isnull=True)
        elif data.get("status") == "completed":
            queryset = queryset.filter(completed_at__isnull=False)
        return queryset


# --- The producer portal -------------------------------------------------------------------------


class ProfileForm(ValidatedImageMixin, forms.ModelForm):
    image_fields = ("logo",)

    class Meta:
        model = Producer
        fields = ["story_fa", "story_en", "logo"]
        widgets = {
            "story_fa": forms.Textarea(attrs={"rows": 6, "class": "no-widget-init"}),
            "story_en": forms.Textarea(attrs={"rows": 6, "class": "no-widget-init"}),
        }


class BrandForm(ValidatedImageMixin, forms.ModelForm):
    image_fields = ("logo",)

    class Meta:
        model = Brand
        fields = ["name_fa", "name_en", "description_fa", "description_en", "logo"]
        widgets = {
            "description_fa": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
            "description_en": forms.Textarea(attrs={"rows": 3, "class": "no-widget-init"}),
        }

    def __init__(self, *args, producer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_fa"].required = True
        self.instance.producer = producer
        self.instance.kind = Brand.Kind.PRODUCER

    def _post_clean(self):
        if not self.instance.slug:
            from .screening import unique_slug

            self.instance.slug = unique_slug(
                Brand, self.cleaned_data.get("name_en"), self.cleaned_data.get("name_fa"), self.instance.producer.slug
            )
        if self.cleaned_data.get("name_fa"):
            self.instance.name = self.cleaned_data["name_fa"]
        super()._post_clean()


class InviteForm(forms.Form):
    producer = forms.CharField(
        label=_("Home producer"),
        max_length=254,
        help_text=_("Their shop address (the last part of their shop page's link) or their account email."),
    )


class DispatchForm(forms.Form):
    tracking_reference = forms.CharField(label=_("Tracking reference"), max_length=100)
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)


class StockForm(forms.ModelForm):
    """A producer's price and stock on their own stock record, and the product's made-to-order lead time."""

    lead_time_days = forms.IntegerField(
        label=_("Made-to-order lead time (days)"),
        required=False,
        min_value=1,
        max_value=365,
        help_text=_("Leave empty for products kept in stock."),
    )

    class Meta:
        model = StockRecord
        fields = ["price", "num_in_stock", "low_stock_threshold"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["price"].required = True
        self.fields["lead_time_days"].initial = self.instance.product.lead_time_days

    def save(self, commit=True):
        record = super().save(commit=False)
        record.price_currency = record.price_currency or settings.OSCAR_DEFAULT_CURRENCY
        if commit:
            record.save()
            product = record.product
            lead_time = self.cleaned_data.get("lead_time_days")
            if product.lead_time_days != lead_time:
                product.lead_time_days = lead_time
                product.save()
        return record
