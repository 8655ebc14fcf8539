"""Dashboard pages of the producers app: thin views over producers.policy and the service modules.

Staff pages: the screening queue and decisions, courses, training records.
Portal pages (a producer's own): profile, brands, stock and prices, training, network.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import CreateView, FormView, ListView, TemplateView, UpdateView, View

from catalogue.models import ProductClass

from .. import networks, policy, screening, training
from ..forms import (
    ApplicationFilterForm,
    BrandForm,
    CourseForm,
    DecisionForm,
    EnrolmentFilterForm,
    EnrolmentForm,
    InviteForm,
    ProfileForm,
    StockForm,
)
from ..models import Application, Course, Enrolment, NetworkMembership


class StaffMixin:
    """Programme staff only (Oscar's decorator checks `is_staff` too; this keeps the rule in the policy)."""

    def dispatch(self, request, *args, **kwargs):
        policy.require_staff(request.user)
        return super().dispatch(request, *args, **kwargs)


class PortalMixin:
    """A producer's own pages: `self.producer` is the producer the user acts for (403 for anyone else)."""

    def dispatch(self, request, *args, **kwargs):
        self.producer = policy.require_producer(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["producer"] = self.producer
        return context


def _show(form, error):
    """Put a model-layer refusal on the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# --- Screening (programme staff) -----------------------------------------------------------------


class ApplicationListView(StaffMixin, ListView):
    template_name = "producers/dashboard/application_list.html"
    context_object_name = "applications"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        self.form = ApplicationFilterForm(self.request.GET or None)
        queryset = (
            Application.objects.select_related("registration_region", "user")
            .prefetch_related(Prefetch("crafts", queryset=ProductClass.objects.order_by("name")))
            .order_by("submitted_at", "pk")
        )
        return self.form.filter(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        counts = dict(Application.objects.order_by().values_list("state").annotate(total=Count("pk")))
        context["state_tabs"] = [(value, label, counts.get(value, 0)) for value, label in Application.State.choices]
        return context


class ApplicationDetailView(StaffMixin, FormView):
    template_name = "producers/dashboard/application_detail.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        policy.require_staff(request.user)
        self.application = policy.get_or_404(
            policy.applications_for(request.user).select_related(
                "user", "native_region", "registration_region", "producer"
            ),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        allowed = screening.allowed_actions(self.application)
        form.fields["action"].choices = [(key, label) for key, label in DecisionForm.ACTIONS if key in allowed]
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["application"] = self.application
        context["events"] = self.application.events.select_related("actor")
        context["crafts"] = self.application.crafts.order_by("name")
        context["can_decide"] = bool(screening.allowed_actions(self.application) - {"resubmit"})
        context["other_applications"] = (
            Application.objects.filter(national_id=self.application.national_id)
            .exclude(pk=self.application.pk)
            .order_by("-submitted_at")
        )
        return context

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        try:
            screening.DECISIONS[action](self.application, self.request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            _show(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Decision recorded and the applicant notified."))
        return redirect("dashboard:producers-application-detail", pk=self.application.pk)


# --- Training (programme staff) ------------------------------------------------------------------


class CourseListView(StaffMixin, ListView):
    template_name = "producers/dashboard/course_list.html"
    context_object_name = "courses"

    def get_queryset(self):
        return (
            Course.objects.select_related("craft")
            .prefetch_related(Prefetch("required_for", queryset=ProductClass.objects.order_by("name")))
            .annotate(
                enrolled=Count("enrolments", distinct=True),
                completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True),
            )
            .order_by("kind", "title")
        )


class CourseCreateView(StaffMixin, CreateView):
    template_name = "producers/dashboard/course_form.html"
    form_class = CourseForm

    def get_success_url(self):
        messages.success(self.request, _("Course saved."))
        return reverse("dashboard:producers-course-list")


class CourseUpdateView(StaffMixin, UpdateView):
    template_name = "producers/dashboard/course_form.html"
    form_class = CourseForm
    model = Course

    def get_success_url(self):
        messages.success(self.request, _("Course saved."))
        return reverse("dashboard:producers-course-list")


class EnrolmentListView(StaffMixin, ListView):
    template_name = "producers/dashboard/enrolment_list.html"
    context_object_name = "enrolments"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        self.form = EnrolmentFilterForm(self.request.GET or None)
        queryset = Enrolment.objects.select_related("producer", "course", "recorded_by").order_by("-enrolled_at", "pk")
        return self.form.filter(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        return context


class EnrolmentCreateView(StaffMixin, FormView):
    template_name = "producers/dashboard/enrolment_form.html"
    form_class = EnrolmentForm

    def get_initial(self):
        return {key: self.request.GET.get(key) for key in ("producer", "course") if self.request.GET.get(key)}

    def form_valid(self, form):
        from django.utils import timezone

        data = form.cleaned_data
        try:
            training.enrol(
                data["producer"],
                data["course"],
                self.request.user,
                completed_at=timezone.now() if data.get("completed") else None,
            )
        except ValidationError as error:
            _show(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Training record saved."))
        return redirect("dashboard:producers-enrolment-list")


class EnrolmentCompleteView(StaffMixin, View):
    def post(self, request, pk):
        enrolment = policy.get_or_404(Enrolment.objects.all(), pk=pk)
        training.complete(enrolment, request.user)
        messages.success(request, _("Course marked as completed."))
        next_url = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
            next_url = reverse("dashboard:producers-enrolment-list")
        return redirect(next_url)

    def get(self, request, pk):
        return HttpResponseNotAllowed(["POST"])


# --- The producer portal -------------------------------------------------------------------------


class ProfileView(PortalMixin, UpdateView):
    template_name = "producers/dashboard/profile_form.html"
    form_class = ProfileForm

    def get_object(self, queryset=None):
        return self.producer

    def get_success_url(self):
        messages.success(self.request, _("Your shop page has been updated."))
        return reverse("dashboard:producers-portal-profile")


class BrandListView(PortalMixin, ListView):
    template_name = "producers/dashboard/brand_list.html"
    context_object_name = "brands"

    def get_queryset(self):
        return policy.brands_for(self.request.user).annotate(product_count=Count("products")).order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["collective_brands"] = policy.brand_choices(self.producer).filter(kind="collective")
        return context


class BrandFormMixin(PortalMixin):
    template_name = "producers/dashboard/brand_form.html"
    form_class = BrandForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "producer": self.producer}

    def get_success_url(self):
        messages.success(self.request, _("Brand saved."))
        return reverse("dashboard:producers-portal-brand-list")


class BrandCreateView(BrandFormMixin, CreateView):
    pass


class BrandUpdateView(BrandFormMixin, UpdateView):
    def get_object(self, queryset=None):
        return policy.get_or_404(policy.brands_for(self.request.user), pk=self.kwargs["pk"])


class StockListView(PortalMixin, ListView):
    template_name = "producers/dashboard/stock_list.html"
    context_object_name = "stockrecords"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        return (
            policy.stockrecords_for(self.request.user)
            .select_related("product", "product__product_class")
            .order_by("product__title", "pk")
        )


class StockUpdateView(PortalMixin, UpdateView):
    template_name = "producers/dashboard/stock_form.html"
    form_class = StockForm
    context_object_name = "stockrecord"

    def get_object(self, queryset=None):
        return policy.get_or_404(
            policy.stockrecords_for(self.request.user).select_related("product"), pk=self.kwargs["pk"]
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            _show(form, error)
            return self.form_invalid(form)

    def get_success_url(self):
        messages.success(self.request, _("Price and stock saved."))
        return reverse("dashboard:producers-portal-stock-list")


class TrainingView(PortalMixin, TemplateView):
    template_name = "producers/dashboard/training.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrolments = {
            enrolment.course_id: enrolment
            for enrolment in Enrolment.objects.filter(producer=self.producer).select_related("course")
        }
        crafts = []
        for craft in policy.craft_choices(self.producer):
            courses = list(training.required_courses(craft))
            rows = [(course, enrolments.get(course.pk)) for course in courses]
            missing = [course for course, enrolment in rows if not (enrolment and enrolment.is_completed)]
            crafts.append({"craft": craft, "rows": rows, "missing": missing})
        context["crafts"] = crafts
        context["enrolments"] = sorted(enrolments.values(), key=lambda e: e.enrolled_at, reverse=True)
        return context


class NetworkView(PortalMixin, TemplateView):
    template_name = "producers/dashboard/network.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["invite_form"] = kwargs.get("invite_form") or InviteForm()
        context["led"] = (
            policy.memberships_led_by(self.request.user)
            .select_related("member__region")
            .order_by("status", "member__name")
        )
        context["invitations"] = (
            policy.invitations_for(self.request.user).select_related("lead__region").order_by("status", "-invited_at")
        )
        context["statuses"] = NetworkMembership.Status
        return context


class InviteView(PortalMixin, View):
    def post(self, request):
        lead = policy.require_lead(request.user)
        form = InviteForm(request.POST)
        if form.is_valid():
            try:
                membership = networks.invite(lead, form.cleaned_data["producer"])
            except ValidationError as error:
                _show(form, error)
            else:
                messages.success(
                    request, _("%(name)s has been invited into your network.") % {"name": membership.member.name}
                )
                return redirect("dashboard:producers-portal-network")
        view = NetworkView()
        view.setup(request)
        view.producer = self.producer
        return view.render_to_response(view.get_context_data(invite_form=form))

    def get(self, request):
        return HttpResponseNotAllowed(["POST"])


class InvitationResponseView(PortalMixin, View):
    ANSWERS = {"accept": networks.accept, "decline": networks.decline}

    def post(self, request, pk, answer):
        if answer not in self.ANSWERS:
            raise Http404
        membership = policy.get_or_404(policy.invitations_for(request.user), pk=pk)
        try:
            self.ANSWERS[answer](membership, membership.member)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if answer == "accept":
                messages.success(
                    request, _("You have joined the network of %(name)s.") % {"name": membership.lead.name}
                )
            else:
                messages.info(request, _("Invitation declined."))
        return redirect("dashboard:producers-portal-network")

    def get(self, request, pk, answer):
        return HttpResponseNotAllowed(["POST"])


class StatementView(PortalMixin, TemplateView):
    """Sales, the marketplace's commission and the amount owed, month by month (shop.payments.statements)."""

    template_name = "producers/dashboard/statement.html"

    def get_context_data(self, **kwargs):
        from shop.payments import statements

        return {**super().get_context_data(**kwargs), **statements.statement(self.producer)}
