"""Forms of the officers' and producers' certification pages.

Forms only read and tidy what people typed; the rules (who may act, which
states may follow, what a decision needs) are in quality.workflow, whose
errors the views attach to these forms.
"""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.models import ProductClass
from producers.models import Region
from shop.uploads import clean_document

from .models import Certificate, CertificationApplication, ChecklistItem, ChecklistResult, Standard

State = CertificationApplication.State

# --- Standards -----------------------------------------------------------------------------------


class StandardForm(forms.ModelForm):
    class Meta:
        model = Standard
        fields = ["code", "title_fa", "title_en", "product_class", "validity_days", "is_active"]
        labels = {"title_fa": _("Title (Persian)"), "title_en": _("Title (English)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_fa"].required = True
        self.fields["product_class"].queryset = ProductClass.objects.order_by("name")
        self.fields["validity_days"].min_value = 1
        self.fields["validity_days"].widget.attrs["min"] = 1

    def clean_validity_days(self):
        days = self.cleaned_data["validity_days"]
        if days is not None and days < 1:
            raise ValidationError(_("A certificate must last at least one day."))
        return days


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["text_fa", "text_en", "evidence_required_fa", "evidence_required_en", "position"]
        labels = {
            "text_fa": _("Requirement (Persian)"),
            "text_en": _("Requirement (English)"),
            "evidence_required_fa": _("Evidence needed (Persian)"),
            "evidence_required_en": _("Evidence needed (English)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text_fa"].required = True
        self.fields["position"].required = False

    def clean_position(self):
        return self.cleaned_data.get("position") or 0


class BaseChecklistFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        removed = [form.instance.pk for form in self.deleted_forms if form.instance.pk]
        if removed and ChecklistResult.objects.filter(item__in=removed).exists():
            raise ValidationError(
                _("A requirement that officers have already checked cannot be removed; edit its text instead.")
            )


ChecklistFormSet = forms.inlineformset_factory(
    Standard,
    ChecklistItem,
    form=ChecklistItemForm,
    formset=BaseChecklistFormSet,
    extra=2,
    min_num=1,
    validate_min=True,
    can_delete=True,
)


# --- The officers' queue -------------------------------------------------------------------------


class QueueFilterForm(forms.Form):
    AWAITING = ""  # the default view: submitted or in review

    craft = forms.ModelChoiceField(
        label=_("Craft"), queryset=ProductClass.objects.order_by("name"), required=False, empty_label=_("All crafts")
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.order_by("slug"), required=False, empty_label=_("All regions")
    )
    older_than_days = forms.IntegerField(
        label=_("Waiting more than (days)"), min_value=0, max_value=3650, required=False
    )
    state = forms.ChoiceField(
        label=_("State"), choices=[(AWAITING, _("Awaiting a decision")), *State.choices], required=False
    )

    def filter(self, queryset):
        """The applications matching the filters, oldest first (an invalid filter shows nothing)."""
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        state = data.get("state") or self.AWAITING
        if state == self.AWAITING:
            queryset = queryset.filter(state__in=[State.SUBMITTED, State.IN_REVIEW])
        else:
            queryset = queryset.filter(state=state)
        if data.get("craft"):
            queryset = queryset.filter(standard__product_class=data["craft"])
        if data.get("region"):
            queryset = queryset.filter(producer__region=data["region"])
        if data.get("older_than_days") is not None:
            cutoff = timezone.now() - timedelta(days=data["older_than_days"])
            # Drafts have not been submitted yet: their age counts from creation.
            queryset = queryset.filter(
                Q(submitted_at__lte=cutoff) | Q(submitted_at__isnull=True, created_at__lte=cutoff)
            )
        return queryset.order_by(F("submitted_at").asc(nulls_last=True), "created_at", "pk")


# --- The officers' decisions ---------------------------------------------------------------------


class CheckForm(forms.Form):
    """An officer's verdict on one requirement (one form per checklist item, prefixed with the item's key)."""

    PASS, FAIL = "pass", "fail"

    verdict = forms.ChoiceField(
        label=_("Verdict"), choices=[(PASS, _("Pass")), (FAIL, _("Fail"))], widget=forms.RadioSelect
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    @property
    def passed(self):
        return self.cleaned_data["verdict"] == self.PASS


class ReasonForm(forms.Form):
    """A decision's reason. Whether one is required is the workflow's rule; its error is shown on this field."""

    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, reason_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reason_label:
            self.fields["reason"].label = reason_label


class CertificateActionForm(ReasonForm):
    ACTIONS = [("suspend", _("Suspend")), ("reinstate", _("Reinstate")), ("revoke", _("Revoke"))]

    action = forms.ChoiceField(choices=ACTIONS, widget=forms.HiddenInput)


class CertificateFilterForm(forms.Form):
    number = forms.CharField(label=_("Certificate number"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Certificate.Status.choices], required=False
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data.get("number"):
            queryset = queryset.filter(number__icontains=data["number"].strip())
        status = data.get("status")
        now = timezone.now()
        if status == Certificate.Status.EXPIRED:
            queryset = queryset.filter(status=Certificate.Status.VALID, valid_until__lte=now)
        elif status == Certificate.Status.VALID:
            queryset = queryset.filter(status=Certificate.Status.VALID, valid_until__gt=now)
        elif status:
            queryset = queryset.filter(status=status)
        return queryset.order_by("valid_until", "pk")


# --- The producer's side -------------------------------------------------------------------------


class StartApplicationForm(forms.Form):
    product = forms.ModelChoiceField(label=_("Product"), queryset=None)
    standard = forms.ModelChoiceField(label=_("Standard"), queryset=None)
    note = forms.CharField(label=_("Note for the officers"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, products, product=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        standards = Standard.objects.filter(is_active=True).select_related("product_class")
        if product is not None:
            self.fields["product"].initial = product.pk
            standards = standards.filter(product_class=product.get_product_class())
        else:
            standards = standards.filter(product_class__in=products.values("product_class"))
        self.fields["standard"].queryset = standards.order_by("code")
        self.fields["standard"].label_from_instance = lambda standard: f"{standard} ({standard.product_class.name})"


class EvidenceForm(forms.Form):
    """A photo or document for one requirement (one form per checklist item, prefixed with the item's key)."""

    file = forms.FileField(label=_("File"), help_text=_("A PDF document or a photo (JPEG, PNG or WebP), at most 8 MB."))
    description = forms.CharField(label=_("Description"), required=False, max_length=255)

    def clean_file(self):
        """A safe copy of the upload (PDF as is, images re-encoded), or the reason it was refused."""
        return clean_document(self.cleaned_data["file"])
