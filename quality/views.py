"""Pages of quality certification.

- Officers (`/<lang>/quality/…`): standards, the review queue, reviewing an
  application, certificates.
- Producers (`/<lang>/quality/my/…`): their applications and certificates,
  applying, adding evidence, submitting, renewing.
- Evidence downloads, for the application's producer and officers only.
- Anyone (`/<lang>/certificates/<number>/…`): verification page, QR code, label.

Views stay thin: objects come from quality.policy (someone else's is a 404),
every change goes through quality.workflow, whose refusals are shown as
messages on the page.
"""

import json
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import ListView, TemplateView

from . import emails, policy, qr, workflow
from .forms import (
    CertificateActionForm,
    CertificateFilterForm,
    CheckForm,
    ChecklistFormSet,
    EvidenceForm,
    QueueFilterForm,
    ReasonForm,
    StandardForm,
    StartApplicationForm,
)
from .models import AuditEntry, Certificate, CertificationApplication, Standard

State = CertificationApplication.State
Action = AuditEntry.Action

# Audit entries whose reason is addressed to the producer (shown as "officers' comments").
COMMENT_ACTIONS = (
    Action.APPROVED,
    Action.CHANGES_REQUESTED,
    Action.REJECTED,
    Action.CHECKED,
    Action.MATERIAL_EDIT,
    Action.SUSPENDED,
    Action.REINSTATED,
    Action.REVOKED,
)
WORKFLOW_ERRORS = (ValidationError, PermissionDenied)


def error_text(error):
    """The words of a workflow refusal (ValidationError, TransitionError or PermissionDenied)."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You are not allowed to do this.")


# --- Access ---------------------------------------------------------------------------------------


class OfficerRequiredMixin(LoginRequiredMixin):
    """Quality officers only: anonymous visitors are sent to log in, other accounts get a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        policy.require_officer(request.user)
        return super().dispatch(request, *args, **kwargs)


class ProducerRequiredMixin(LoginRequiredMixin):
    """Producers only: anonymous visitors are sent to log in, other accounts get a 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        policy.require_producer(request.user)
        return super().dispatch(request, *args, **kwargs)


# --- Officers: standards --------------------------------------------------------------------------


class StandardListView(OfficerRequiredMixin, ListView):
    template_name = "quality/officer/standard_list.html"
    context_object_name = "standards"
    paginate_by = 50

    def get_queryset(self):
        return (
            Standard.objects.select_related("product_class")
            .annotate(item_count=Count("checklist", distinct=True))
            .order_by("code")
        )


class StandardEditView(OfficerRequiredMixin, View):
    """Create (no pk) or edit a standard with its checklist (an inline formset)."""

    template_name = "quality/officer/standard_form.html"

    def get_object(self):
        if "pk" not in self.kwargs:
            return None
        return get_object_or_404(Standard, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        standard = self.get_object()
        form = StandardForm(instance=standard)
        checklist = ChecklistFormSet(instance=standard or Standard(), prefix="checklist")
        return self.render(standard, form, checklist)

    def post(self, request, *args, **kwargs):
        standard = self.get_object()
        form = StandardForm(request.POST, instance=standard)
        checklist = ChecklistFormSet(request.POST, instance=form.instance, prefix="checklist")
        if form.is_valid() and checklist.is_valid():
            with transaction.atomic():
                saved = form.save()
                checklist.instance = saved
                checklist.save()
            messages.success(request, _("Standard “%(code)s” saved.") % {"code": saved.code})
            return redirect("quality:standard-list")
        return self.render(standard, form, checklist)

    def render(self, standard, form, checklist):
        return render(self.request, self.template_name, {"standard": standard, "form": form, "checklist": checklist})


# --- Officers: the review queue -------------------------------------------------------------------


class ReviewQueueView(OfficerRequiredMixin, ListView):
    """Applications awaiting officers, oldest first, filterable by craft, region, age and state."""

    template_name = "quality/officer/queue.html"
    context_object_name = "applications"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = QueueFilterForm(self.request.GET)
        return self.filter_form.filter(policy.applications_for_officers())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        context["is_filtered"] = any(value for key, value in self.request.GET.items() if key != "page")
        return context


# --- Officers: reviewing one application ----------------------------------------------------------


def _checklist_rows(application, check_forms=None, evidence_forms=None):
    """Each requirement with its evidence, the officer's result and the forms bound to it (if any)."""
    evidence = defaultdict(list)
    for item in application.evidence.all():
        evidence[item.checklist_item_id].append(item)
    results = {result.item_id: result for result in application.results.select_related("checked_by")}
    rows = []
    for item in application.standard.checklist.all():
        rows.append(
            {
                "item": item,
                "evidence": evidence.get(item.pk, []),
                "result": results.get(item.pk),
                "check_form": (check_forms or {}).get(item.pk),
                "evidence_form": (evidence_forms or {}).get(item.pk),
            }
        )
    return rows, evidence.get(None, [])


def state_label(code):
    """The words for an application state or a certificate status as stored in an audit entry."""
    for choices in (State, Certificate.Status):
        if code in choices.values:
            return choices(code).label
    return code


def labelled(entries):
    """Audit entries with `from_label` and `to_label` for people to read."""
    entries = list(entries)
    for entry in entries:
        entry.from_label = state_label(entry.from_state)
        entry.to_label = state_label(entry.to_state)
    return entries


def _audit_trail(application):
    return labelled(application.audit.select_related("actor", "certificate").order_by("created_at", "pk"))


class ApplicationReviewView(OfficerRequiredMixin, View):
    """An officer takes, checks and decides one application (each through the workflow)."""

    template_name = "quality/officer/application_detail.html"
    DECISIONS = {
        # action: (workflow function, form prefix, decision email, success message)
        "approve": (workflow.approve, "approve", "approved", gettext_lazy("Approved: the certificate is issued.")),
        "request_changes": (
            workflow.request_changes,
            "changes",
            "changes_requested",
            gettext_lazy("Sent back to the producer for changes."),
        ),
        "reject": (workflow.reject, "reject", "rejected", gettext_lazy("Application rejected.")),
    }
    REASON_LABELS = {
        "approve": gettext_lazy("Comment for the producer (optional)"),
        "request_changes": gettext_lazy("What must change"),
        "reject": gettext_lazy("Why"),
    }

    def decision_form(self, action, data=None):
        prefix = self.DECISIONS[action][1]
        return ReasonForm(data, prefix=prefix, reason_label=self.REASON_LABELS[action])

    def get_object(self):
        return get_object_or_404(policy.applications_for_officers(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self.render(self.get_object())

    def post(self, request, *args, **kwargs):
        application = self.get_object()
        action = request.POST.get("action", "")
        if action == "take":
            return self.take(application)
        if action == "check":
            return self.check(application)
        if action in self.DECISIONS:
            return self.decide(application, action)
        messages.error(request, _("Unknown action."))
        return redirect(application.get_absolute_url())

    def take(self, application):
        try:
            workflow.take(application, self.request.user)
        except WORKFLOW_ERRORS as error:
            messages.error(self.request, error_text(error))
            return self.render(application)
        messages.success(self.request, _("You are now reviewing this application."))
        return redirect(application.get_absolute_url())

    def check(self, application):
        item = get_object_or_404(application.standard.checklist, pk=self.request.POST.get("item"))
        form = CheckForm(self.request.POST, prefix=f"check-{item.pk}")
        if form.is_valid():
            try:
                workflow.record_check(application, item, form.passed, self.request.user, form.cleaned_data["note"])
            except WORKFLOW_ERRORS as error:
                form.add_error(None, error_text(error))
                messages.error(self.request, error_text(error))
            else:
                messages.success(self.request, _("“%(item)s” recorded.") % {"item": item.text})
                return redirect(f"{application.get_absolute_url()}#item-{item.pk}")
        return self.render(application, check_forms={item.pk: form})

    def decide(self, application, action):
        function, _prefix, decision, success = self.DECISIONS[action]
        form = self.decision_form(action, self.request.POST)
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            try:
                outcome = function(application, self.request.user, reason)
            except WORKFLOW_ERRORS as error:
                form.add_error("reason" if not reason.strip() else None, error_text(error))
                messages.error(self.request, error_text(error))
            else:
                certificate = outcome if isinstance(outcome, Certificate) else None
                application.refresh_from_db()
                emails.notify_decision(decision, application=application, certificate=certificate, reason=reason)
                messages.success(self.request, success)
                return redirect(application.get_absolute_url())
        return self.render(application, decision_forms={action: form})

    def render(self, application, check_forms=None, decision_forms=None):
        application = self.get_object()  # as it is now, after any refused attempt
        user = self.request.user
        rows, general_evidence = _checklist_rows(application, check_forms=check_forms)
        for row in rows:
            if row["check_form"] is None:
                initial = {}
                if row["result"] is not None:
                    verdict = CheckForm.PASS if row["result"].passed else CheckForm.FAIL
                    initial = {"verdict": verdict, "note": row["result"].note}
                row["check_form"] = CheckForm(prefix=f"check-{row['item'].pk}", initial=initial)
        decision_forms = decision_forms or {}
        conflict = None
        try:
            workflow.ensure_officer_may_decide(user, application)
        except PermissionDenied as error:
            conflict = error_text(error)
        context = {
            "application": application,
            "rows": rows,
            "general_evidence": general_evidence,
            "audit": _audit_trail(application),
            "conflict": conflict,
            "can_take": workflow.can_transition(application, State.IN_REVIEW),
            "can_decide": workflow.can_transition(application, State.APPROVED),
            "product_changed": application.product.content_version != application.product_version,
            "certificate": Certificate.objects.filter(application=application).first(),
            "approve_form": decision_forms.get("approve") or self.decision_form("approve"),
            "changes_form": decision_forms.get("request_changes") or self.decision_form("request_changes"),
            "reject_form": decision_forms.get("reject") or self.decision_form("reject"),
        }
        return render(self.request, self.template_name, context)


# --- Officers: certificates -----------------------------------------------------------------------


def certificate_actions(certificate):
    """The status changes the workflow allows for this certificate now (e.g. ["suspend", "revoke"])."""
    status = certificate.effective_status()
    return [name for name, (allowed, _new, _audit) in workflow.CERTIFICATE_TRANSITIONS.items() if status in allowed]


CERTIFICATE_EMAILS = {"suspend": "suspended", "reinstate": "reinstated", "revoke": "revoked"}


class CertificateListView(OfficerRequiredMixin, ListView):
    template_name = "quality/officer/certificate_list.html"
    context_object_name = "certificates"
    paginate_by = 25

    def get_queryset(self):
        self.filter_form = CertificateFilterForm(self.request.GET)
        return self.filter_form.filter(policy.certificates_for_officers())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_form"] = self.filter_form
        now = timezone.now()
        for certificate in context["certificates"]:
            certificate.status_now = certificate.effective_status(now)
            certificate.actions = certificate_actions(certificate)
        return context


class CertificateManageView(OfficerRequiredMixin, View):
    """One certificate for officers: its history, and suspend / reinstate / revoke with a reason."""

    template_name = "quality/officer/certificate_detail.html"

    def get_object(self):
        return get_object_or_404(policy.certificates_for_officers(), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self.render(self.get_object())

    def post(self, request, *args, **kwargs):
        certificate = self.get_object()
        form = CertificateActionForm(request.POST)
        if form.is_valid():
            action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
            try:
                certificate = workflow.change_certificate(certificate, action, request.user, reason)
            except WORKFLOW_ERRORS as error:
                messages.error(request, error_text(error))
                form.add_error("reason" if not reason.strip() else None, error_text(error))
            else:
                emails.notify_decision(CERTIFICATE_EMAILS[action], certificate=certificate, reason=reason)
                messages.success(
                    request,
                    _("Certificate %(number)s is now “%(status)s”.")
                    % {"number": certificate.number, "status": certificate.effective_status().label},
                )
                return redirect(self.success_url(certificate))
        return self.render(certificate, form)

    def success_url(self, certificate):
        target = self.request.POST.get("next", "")
        if url_has_allowed_host_and_scheme(target, allowed_hosts={self.request.get_host()}):
            return target
        return reverse("quality:certificate-manage", kwargs={"pk": certificate.pk})

    def render(self, certificate, form=None):
        context = {
            "certificate": certificate,
            "status_now": certificate.effective_status(),
            "actions": certificate_actions(certificate),
            "form": form or CertificateActionForm(),
            "audit": _audit_trail(certificate.application),
        }
        return render(self.request, self.template_name, context)


# --- Producers ------------------------------------------------------------------------------------


def _with_comments(applications):
    comments = AuditEntry.objects.filter(action__in=COMMENT_ACTIONS).exclude(reason="").order_by("created_at", "pk")
    return applications.prefetch_related(Prefetch("audit", queryset=comments, to_attr="comments"))


class MyCertificationView(ProducerRequiredMixin, TemplateView):
    """A producer's applications (with officers' comments), certificates and products."""

    template_name = "quality/producer/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        now = timezone.now()
        applications = _with_comments(policy.own_applications(user)).order_by("-created_at", "-pk")
        certificates = list(policy.own_certificates(user).order_by("-valid_until", "-pk"))
        for certificate in certificates:
            certificate.status_now = certificate.effective_status(now)
            certificate.may_renew = policy.may_renew(certificate, now)
            certificate.days_left = (certificate.valid_until - now).days
        open_application = CertificationApplication.objects.filter(
            product=OuterRef("pk"), state__in=CertificationApplication.OPEN_STATES
        )
        products = (
            policy.products_for_certification(user)
            .with_listability()
            .annotate(has_open_application=Exists(open_application))
        )
        context.update({"applications": applications, "certificates": certificates, "products": products})
        return context


class StartApplicationView(ProducerRequiredMixin, View):
    """Apply to certify one of your products against the standard of its craft."""

    template_name = "quality/producer/apply.html"

    def get_form(self, data=None):
        products = policy.products_for_certification(self.request.user)
        product = None
        if self.request.GET.get("product", "").isdigit():
            product = products.filter(pk=self.request.GET["product"]).first()
        return StartApplicationForm(data, products=products, product=product)

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name, {"form": self.get_form()})

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                application = workflow.start_application(data["product"], data["standard"], request.user, data["note"])
            except WORKFLOW_ERRORS as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Application started: add the evidence for each requirement, then submit."))
                return redirect("quality:my-application", pk=application.pk)
        return render(request, self.template_name, {"form": form})


class MyApplicationView(ProducerRequiredMixin, View):
    """The producer's view of one application: evidence per requirement, officers' comments, submit."""

    template_name = "quality/producer/application_detail.html"

    def get_object(self):
        return get_object_or_404(policy.own_applications(self.request.user), pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return self.render(self.get_object())

    def post(self, request, *args, **kwargs):
        application = self.get_object()
        action = request.POST.get("action", "")
        if action == "upload":
            return self.upload(application)
        if action == "submit":
            try:
                workflow.submit(application, request.user)
            except WORKFLOW_ERRORS as error:
                messages.error(request, error_text(error))
                return self.render(application)
            messages.success(request, _("Submitted: a quality officer will review it."))
            return redirect("quality:my-application", pk=application.pk)
        messages.error(request, _("Unknown action."))
        return redirect("quality:my-application", pk=application.pk)

    def upload(self, application):
        item = get_object_or_404(application.standard.checklist, pk=self.request.POST.get("item"))
        form = EvidenceForm(self.request.POST, self.request.FILES, prefix=f"evidence-{item.pk}")
        if form.is_valid():
            try:
                workflow.add_evidence(
                    application, item, form.cleaned_data["file"], self.request.user, form.cleaned_data["description"]
                )
            except WORKFLOW_ERRORS as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(self.request, _("Evidence added for “%(item)s”.") % {"item": item.text})
                return redirect(f"{reverse('quality:my-application', kwargs={'pk': application.pk})}#item-{item.pk}")
        messages.error(self.request, _("The file was not added: see the message next to the requirement."))
        return self.render(application, evidence_forms={item.pk: form})

    def render(self, application, evidence_forms=None):
        application = self.get_object()
        editable = policy.may_edit_application(application)
        rows, general_evidence = _checklist_rows(application, evidence_forms=evidence_forms)
        for row in rows:
            if editable and row["evidence_form"] is None:
                row["evidence_form"] = EvidenceForm(prefix=f"evidence-{row['item'].pk}")
        comments = application.audit.filter(action__in=COMMENT_ACTIONS).exclude(reason="").order_by("created_at", "pk")
        context = {
            "application": application,
            "rows": rows,
            "general_evidence": general_evidence,
            "editable": editable,
            "can_submit": workflow.can_transition(application, State.SUBMITTED),
            "missing_evidence": [row["item"] for row in rows if row["item"].evidence_required and not row["evidence"]],
            "comments": comments,
            "history": _audit_trail(application),
            "certificate": Certificate.objects.filter(application=application).first(),
        }
        return render(self.request, self.template_name, context)


class RenewCertificateView(ProducerRequiredMixin, View):
    """Start a renewal application for one of your certificates (before it expires)."""

    def post(self, request, *args, **kwargs):
        certificate = get_object_or_404(
            policy.own_certificates(request.user).select_related("product__product_class"), pk=kwargs["pk"]
        )
        if not policy.may_renew(certificate):
            messages.error(request, _("A suspended or revoked certificate cannot be renewed."))
            return redirect("quality:my-certification")
        try:
            application = workflow.start_application(
                certificate.product, certificate.standard, request.user, renews=certificate
            )
        except WORKFLOW_ERRORS as error:
            messages.error(request, error_text(error))
            return redirect("quality:my-certification")
        messages.success(request, _("Renewal started: add up-to-date evidence, then submit."))
        return redirect("quality:my-application", pk=application.pk)


# --- Evidence -------------------------------------------------------------------------------------


def evidence_download(request, pk):
    """The file, for the application's producer and officers; a 404 for everyone else."""
    evidence = policy.evidence_for(request.user, pk)
    if evidence is None:
        raise Http404(_("No such evidence."))
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.original_name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Public verification --------------------------------------------------------------------------


def _certificate_or_not_found(request, number):
    certificate = (
        Certificate.objects.select_related("product", "producer__region", "standard__product_class")
        .filter(number=number)
        .first()
    )
    if certificate is None:
        response = TemplateResponse(request, "quality/certificate_not_found.html", {"number": number}, status=404)
        return None, response
    return certificate, None


def status_explanation(certificate, at=None):
    """Why the certificate is (or is not) valid, in a sentence for anyone."""
    at = at or timezone.now()
    status = certificate.effective_status(at)
    if status == Certificate.Status.EXPIRED:
        return _("This certificate expired on %(date)s.") % {
            "date": timezone.localtime(certificate.valid_until).date().isoformat()
        }
    if status == Certificate.Status.SUSPENDED:
        return _("This certificate is suspended: %(reason)s") % {"reason": certificate.status_reason}
    if status == Certificate.Status.REVOKED:
        return _("This certificate was revoked: %(reason)s") % {"reason": certificate.status_reason}
    if at < certificate.valid_from:
        return _("This certificate comes into force on %(date)s.") % {
            "date": timezone.localtime(certificate.valid_from).date().isoformat()
        }
    if not certificate.covers_current_version():
        return _(
            "The certificate is in force for the product as it was checked; the producer has changed the product "
            "since, and the changed product is waiting for a new review."
        )
    return _("The product was checked against the standard and this certificate is in force.")


JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_for_script(data):
    """JSON that is safe inside a <script> element (the escaping of Django's json_script)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, sort_keys=True)
    return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308 (<, > and & are escaped above)


def structured_data(request, certificate, listable, at=None):
    """schema.org markup of the certificate: a Certification about the Product."""
    status = certificate.effective_status(at)
    product = {
        "@type": "Product",
        "name": certificate.product.get_title(),
        "manufacturer": {"@type": "Organization", "name": certificate.producer.name},
    }
    if listable:
        product["url"] = request.build_absolute_uri(certificate.product.get_absolute_url())
    return {
        "@context": "https://schema.org",
        "@type": "Certification",
        "name": certificate.standard.title,
        "url": request.build_absolute_uri(certificate.get_absolute_url()),
        "certificationIdentification": certificate.number,
        "certificationStatus": "https://schema.org/CertificationActive"
        if status == Certificate.Status.VALID
        else "https://schema.org/CertificationInactive",
        "issuedBy": {"@type": "Organization", "name": str(_("Home-made Market quality office"))},
        "dateCreated": certificate.issued_at,
        "validFrom": certificate.valid_from,
        "expires": certificate.valid_until,
        "about": product,
    }


def certificate_verify(request, number):
    """Anyone can check a certificate: valid or not, and why."""
    certificate, not_found = _certificate_or_not_found(request, number)
    if not_found:
        return not_found
    now = timezone.now()
    listable = certificate.product.is_listable
    context = {
        "certificate": certificate,
        "status": certificate.effective_status(now),
        "explanation": status_explanation(certificate, now),
        "product_listable": listable,
        "structured_data": json_for_script(structured_data(request, certificate, listable, now)),
    }
    return TemplateResponse(request, "quality/certificate_verify.html", context)


def certificate_qr(request, number):
    """An SVG QR code of the verification page's absolute URL."""
    certificate, not_found = _certificate_or_not_found(request, number)
    if not_found:
        return not_found
    url = request.build_absolute_uri(certificate.get_absolute_url())
    response = HttpResponse(qr.svg_bytes(url), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def certificate_label(request, number):
    """A printable label for packaging: number, product, producer and the QR code."""
    certificate, not_found = _certificate_or_not_found(request, number)
    if not_found:
        return not_found
    url = request.build_absolute_uri(certificate.get_absolute_url())
    context = {"certificate": certificate, "verification_url": url, "qr_svg": mark_safe(qr.svg_inline(url))}  # noqa: S308 (segno's own SVG)
    return TemplateResponse(request, "quality/certificate_label.html", context)
