"""Monitoring pages for programme staff: thin views over funnel, readiness and rules; each table on a
page can be downloaded with ?csv=<table name>."""

import dataclasses
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, FormView, ListView, TemplateView, UpdateView

from catalogue.models import Product, ProductClass

from .. import policy
from ..models import Application, ApplicationEvent, NetworkMembership, Producer, ProvincialQuota, ReadinessRule, Region
from . import charts, funnel, readiness, rules
from .forms import FunnelFilterForm, QuotaForm, ReadinessRuleForm, StageForm, YearForm
from .tables import COUNT, MONEY, PERCENT, Cell, Table, csv_response

CHART_MONTHS = 12


class MonitoringMixin:
    """Programme staff only (producers.policy.can_monitor); ?csv=<name> downloads one of the page's tables."""

    def dispatch(self, request, *args, **kwargs):
        policy.require_monitoring(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        name = request.GET.get("csv")
        if name:
            tables = {table.name: table for table in self.get_tables()}
            if name not in tables:
                raise Http404(_("There is no table with this name."))
            return csv_response(tables[name])
        return super().get(request, *args, **kwargs)

    def get_tables(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["monitoring_tabs"] = tabs(self.request)
        context["page_title"] = self.page_title
        query = self.request.GET.copy()
        for name in ("csv", "page"):
            query.pop(name, None)
        context["querystring"] = query.urlencode()
        return context


def tabs(request):
    names = [
        ("producers-monitoring-funnel", gettext_lazy("Funnel")),
        ("producers-monitoring-charts", gettext_lazy("Charts")),
        ("producers-monitoring-quotas", gettext_lazy("Provincial quotas")),
        ("producers-monitoring-networks", gettext_lazy("Networks")),
        ("producers-monitoring-readiness", gettext_lazy("Facility readiness")),
        ("producers-monitoring-rules", gettext_lazy("Readiness rules and caps")),
    ]
    current = request.resolver_match.url_name if request.resolver_match else ""
    return [(reverse(f"dashboard:{name}"), label, name == current) for name, label in names]


def month_label(day):
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


def list_url(filters, stage):
    return reverse("dashboard:producers-monitoring-list") + "?" + urlencode(filters.as_query(stage=stage))


# --- Funnel --------------------------------------------------------------------------------------------


class FunnelView(MonitoringMixin, TemplateView):
    page_title = gettext_lazy("Programme funnel")
    template_name = "producers/monitoring/funnel.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.form = FunnelFilterForm(request.GET or None)
        self.filters = self.form.filters()
        self.rule = rules.rule_in_force()

    def _row(self, label, counts, filters):
        cells = [Cell(label)]
        cells += [Cell(counts[stage], list_url(filters, stage), COUNT) for stage in funnel.STAGE_KEYS]
        return cells

    def get_tables(self):
        if hasattr(self, "_tables"):
            return self._tables
        columns = [_("Group"), *[label for _key, label in funnel.STAGES]]
        totals = Table("funnel-total", _("Whole selection"), columns)
        totals.rows.append(self._row(_("Total"), funnel.totals(self.rule, self.filters), self.filters))
        tables = [totals]
        regions = {region.pk: region for region in Region.objects.all()}
        crafts = {craft.pk: craft for craft in ProductClass.objects.all()}
        levels = dict(Producer.Kind.choices)
        splits = [
            ("region", _("By province"), lambda key: regions.get(key), lambda obj: obj.name, "region"),
            ("level", _("By level"), lambda key: key, lambda key: levels.get(key, key), "level"),
            ("craft", _("By craft"), lambda key: crafts.get(key), lambda obj: obj.name, "craft"),
            ("month", _("By month of application"), lambda key: key, lambda key: month_label(key), "month"),
        ]
        for by, title, lookup, name, field in splits:
            table = Table(f"funnel-{by}", title, columns)
            for key, counts in funnel.split(self.rule, self.filters, by):
                value = lookup(key.date() if by == "month" and hasattr(key, "date") else key)
                if value is None:
                    continue
                narrowed = dataclasses.replace(self.filters, **{field: value})
                table.rows.append(self._row(name(value), counts, narrowed))
            tables.append(table)
        self._tables = tables
        return tables

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, rule=self.rule, tables=self.get_tables(), filters=self.filters)
        return context


class FunnelListView(MonitoringMixin, ListView):
    """The applications behind one funnel figure."""

    page_title = gettext_lazy("Applications behind a figure")

    template_name = "producers/monitoring/funnel_list.html"
    context_object_name = "applications"
    paginate_by = settings.OSCAR_DASHBOARD_ITEMS_PER_PAGE

    def get_queryset(self):
        self.form = StageForm(self.request.GET or None)
        self.rule = rules.rule_in_force()
        self.stage = self.form.cleaned_data["stage"] if self.form.is_valid() else funnel.APPLICATIONS
        return (
            funnel.applications_at(self.stage, self.rule, self.form.filters())
            .select_related("registration_region", "producer")
            .prefetch_related("crafts")
            .order_by("-submitted_at", "pk")
        )

    def get_tables(self):
        """The whole list (not one page) for the CSV download."""
        queryset = self.get_queryset()
        table = Table(
            f"applications-{self.stage}",
            self.page_title,
            [
                "#",
                _("Applicant"),
                _("National ID"),
                _("Level"),
                _("Province"),
                _("Crafts"),
                _("Submitted"),
                _("State"),
                _("Producer"),
                _("Trained"),
                _("Certified"),
                _("Months with sales"),
            ],
        )
        for application in queryset:
            table.add(
                application.pk,
                application.full_name,
                application.national_id,
                application.get_level_display(),
                application.registration_region.name,
                _(", ").join(craft.name for craft in application.crafts.all()),
                formats.date_format(timezone.localtime(application.submitted_at), "SHORT_DATE_FORMAT"),
                application.get_state_display(),
                application.producer.name if application.producer else "",
                _("Yes") if application.m_trained else _("No"),
                _("Yes") if application.m_certified else _("No"),
                Cell(application.m_sales_months, kind=COUNT),
            )
        return [table]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            rule=self.rule,
            stage_label=dict(funnel.STAGES)[self.stage],
            csv_name=f"applications-{self.stage}",
        )
        return context


# --- Charts --------------------------------------------------------------------------------------------


class ChartsView(MonitoringMixin, TemplateView):
    page_title = gettext_lazy("Charts")
    template_name = "producers/monitoring/charts.html"

    def get_tables(self):
        if hasattr(self, "_tables"):
            return self._tables
        now = timezone.now()
        months = rules.months_back(CHART_MONTHS, now)
        since = rules.aware(months[0])
        applied = self._by_month(Application.objects.filter(submitted_at__gte=since), "submitted_at")
        approved = self._by_month(
            ApplicationEvent.objects.filter(to_state=Application.State.APPROVED, created_at__gte=since), "created_at"
        )
        over_time = Table(
            "applications-by-month",
            _("Applications and approvals by month"),
            [_("Month"), _("Applications"), _("Approvals")],
        )
        for month in months:
            over_time.add(
                month_label(month), Cell(applied.get(month, 0), kind=COUNT), Cell(approved.get(month, 0), kind=COUNT)
            )
        self.months, self.applied, self.approved = months, applied, approved

        regions = {region.pk: region.name for region in Region.objects.all()}
        crafts = {craft.pk: craft.name for craft in ProductClass.objects.all()}
        certified = (
            Product.objects.listable(now)
            .order_by()
            .values("producer__region", "product_class")
            .annotate(total=Count("pk"))
        )
        certified_table = Table(
            "certified-products",
            _("Certified products on sale by province and craft"),
            [_("Province"), _("Craft"), _("Products")],
        )
        for row in sorted(
            certified, key=lambda row: (regions.get(row["producer__region"], ""), crafts.get(row["product_class"], ""))
        ):
            certified_table.add(
                regions.get(row["producer__region"], "—"),
                crafts.get(row["product_class"], "—"),
                Cell(row["total"], kind=COUNT),
            )

        rule = rules.rule_in_force()
        start = rules.window_start(rule, now)
        sales = (
            rules.sold_lines_between(start, now)
            .order_by()
            .values("partner__producer__region", "product__product_class")
            .annotate(total=rules.Sum("line_price_incl_tax"), lines=Count("pk"))
        )
        sales_table = Table(
            "sales",
            _("Sales by province and craft"),
            [_("Province"), _("Craft"), _("Order lines"), _("Sales (toman)")],
            note=_("Over the last %(months)s months; cancelled orders and lines are not sales.")
            % {"months": rule.window_months},
        )
        for row in sorted(
            sales,
            key=lambda row: (
                regions.get(row["partner__producer__region"], ""),
                crafts.get(row["product__product_class"], ""),
            ),
        ):
            sales_table.add(
                regions.get(row["partner__producer__region"], "—"),
                crafts.get(row["product__product_class"], "—"),
                Cell(row["lines"], kind=COUNT),
                Cell(row["total"], kind=MONEY),
            )
        self.regions, self.crafts = regions, crafts
        self.certified_rows, self.sales_rows = list(certified), list(sales)
        self._tables = [over_time, certified_table, sales_table, self._campaigns_table(months, since)]
        return self._tables

    def _campaigns_table(self, months, since):
        """Pre-order campaigns closed each month: succeeded (target reached) or failed, and the success rate."""
        from shop.preorders.models import Campaign

        outcomes = Campaign.objects.outcomes_by_month(since)
        table = Table(
            "campaigns-by-month",
            _("Pre-order campaigns closed by month"),
            [_("Month"), _("Succeeded"), _("Failed"), _("Success rate (%)")],
            note=_("A campaign succeeds when its target is reached before the deadline."),
        )
        self.campaign_months = [outcomes.get(month, {"succeeded": 0, "failed": 0}) for month in months]
        for month, counts in zip(months, self.campaign_months, strict=True):
            closed = counts["succeeded"] + counts["failed"]
            rate = Cell(counts["succeeded"] * 100 / closed if closed else None, kind=PERCENT)
            table.add(
                month_label(month), Cell(counts["succeeded"], kind=COUNT), Cell(counts["failed"], kind=COUNT), rate
            )
        succeeded = sum(counts["succeeded"] for counts in self.campaign_months)
        closed = succeeded + sum(counts["failed"] for counts in self.campaign_months)
        self.campaign_rate = succeeded * 100 / closed if closed else None
        table.add(
            _("All months"),
            Cell(succeeded, kind=COUNT),
            Cell(closed - succeeded, kind=COUNT),
            Cell(self.campaign_rate, kind=PERCENT),
        )
        return table

    @staticmethod
    def _by_month(queryset, field):
        from django.db.models.functions import TruncMonth

        rows = queryset.order_by().annotate(month=TruncMonth(field)).values("month").annotate(total=Count("pk"))
        return {(row["month"].date() if hasattr(row["month"], "date") else row["month"]): row["total"] for row in rows}

    @staticmethod
    def _sum_by(rows, key, value, names):
        totals = {}
        for row in rows:
            totals[row[key]] = totals.get(row[key], 0) + (row[value] or 0)
        return sorted(((names.get(pk, "—"), total) for pk, total in totals.items()), key=lambda item: -item[1])

    def get_context_data(self, **kwargs):
        from shop.templatetags.money import format_money

        context = super().get_context_data(**kwargs)
        tables = self.get_tables()
        context["tables"] = tables
        context["charts"] = [
            charts.columns(
                _("Applications and approvals by month"),
                self.months,
                [
                    (_("Applications"), [self.applied.get(m, 0) for m in self.months]),
                    (_("Approvals"), [self.approved.get(m, 0) for m in self.months]),
                ],
                lambda day: day.strftime("%y-%m"),
            ),
            charts.bars(
                _("Certified products on sale by province"),
                [
                    (name, total, "")
                    for name, total in self._sum_by(self.certified_rows, "producer__region", "total", self.regions)
                ],
            ),
            charts.bars(
                _("Certified products on sale by craft"),
                [
                    (name, total, "")
                    for name, total in self._sum_by(self.certified_rows, "product_class", "total", self.crafts)
                ],
            ),
            charts.bars(
                _("Sales by province"),
                [
                    (name, total, "")
                    for name, total in self._sum_by(self.sales_rows, "partner__producer__region", "total", self.regions)
                ],
                display=format_money,
            ),
            charts.bars(
                _("Sales by craft"),
                [
                    (name, total, "")
                    for name, total in self._sum_by(self.sales_rows, "product__product_class", "total", self.crafts)
                ],
                display=format_money,
            ),
            charts.columns(
                _("Pre-order campaigns closed by month (success rate %(rate)s)")
                % {"rate": "—" if self.campaign_rate is None else f"{self.campaign_rate:.0f}%"},
                self.months,
                [
                    (_("Succeeded"), [counts["succeeded"] for counts in self.campaign_months]),
                    (_("Failed"), [counts["failed"] for counts in self.campaign_months]),
                ],
                lambda day: day.strftime("%y-%m"),
            ),
        ]
        return context


# --- Quotas --------------------------------------------------------------------------------------------


class QuotaView(MonitoringMixin, FormView):
    page_title = gettext_lazy("Provincial quotas")
    template_name = "producers/monitoring/quotas.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.year = YearForm(request.GET or None).selected_year()
        self.regions = list(Region.objects.order_by("slug"))

    def get_form(self, form_class=None):
        return QuotaForm(self.request.POST or None, regions=self.regions, year=self.year)

    def form_valid(self, form):
        form.save()
        messages.success(self.request, _("Quotas for %(year)s saved.") % {"year": self.year})
        return redirect(reverse("dashboard:producers-monitoring-quotas") + f"?year={self.year}")

    def get_tables(self):
        start = rules.aware(rules.add_months(rules.dt.date(self.year, 1, 1), 0))
        end = rules.aware(rules.dt.date(self.year + 1, 1, 1))
        quotas = dict(ProvincialQuota.objects.filter(year=self.year).values_list("region_id", "quota"))
        counts = {
            row["registration_region"]: row
            for row in Application.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
            .order_by()
            .values("registration_region")
            .annotate(registered=Count("pk"), approved=Count("pk", filter=Q(state=Application.State.APPROVED)))
        }
        table = Table(
            f"quotas-{self.year}",
            _("Registrations against quotas, %(year)s") % {"year": self.year},
            [_("Province"), _("Quota"), _("Registrations"), _("Approved"), _("Share of quota (%)")],
            note=_("Registrations are applications submitted in the year, whatever became of them."),
        )
        for region in self.regions:
            row = counts.get(region.pk, {"registered": 0, "approved": 0})
            quota = quotas.get(region.pk)
            share = (100.0 * row["registered"] / quota) if quota else None
            behind = funnel.Filters(region=region, year=self.year)
            table.add(
                region.name,
                Cell(quota, kind=COUNT),
                Cell(row["registered"], list_url(behind, funnel.APPLICATIONS), COUNT),
                Cell(row["approved"], list_url(behind, funnel.VERIFIED), COUNT),
                Cell(share, kind=PERCENT),
            )
        return [table]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(year=self.year, tables=self.get_tables())
        return context


# --- Networks ------------------------------------------------------------------------------------------


class NetworkView(MonitoringMixin, TemplateView):
    page_title = gettext_lazy("Lead-business networks")
    template_name = "producers/monitoring/networks.html"

    def get_tables(self):
        rule = rules.rule_in_force()
        now = timezone.now()
        accepted = NetworkMembership.Status.ACCEPTED
        lead = rules.OuterRef("pk")
        member_products = Product.objects.listable(now).filter(
            Q(producer__memberships__lead=lead, producer__memberships__status=accepted)
            | Q(producer=lead, maker__memberships__lead=lead, maker__memberships__status=accepted)
        )
        member_sales = rules.sold_lines_between(rules.window_start(rule, now), now).filter(
            Q(partner__producer__memberships__lead=lead, partner__producer__memberships__status=accepted)
            | Q(
                partner__producer=lead,
                product__maker__memberships__lead=lead,
                product__maker__memberships__status=accepted,
            )
        )
        leads = (
            Producer.objects.filter(kind=Producer.Kind.LEAD)
            .select_related("region")
            .annotate(
                members=Count("network_memberships", filter=Q(network_memberships__status=accepted), distinct=True),
                certified=rules.count_of(member_products, distinct=True),
                sales=rules.sum_of(member_sales, "line_price_incl_tax"),
            )
            .order_by("region__slug", "name")
        )
        members = {}
        for membership in (
            NetworkMembership.objects.filter(status=accepted).select_related("member").order_by("member__name")
        ):
            members.setdefault(membership.lead_id, []).append(membership.member.name)
        table = Table(
            "networks",
            _("Lead-business networks"),
            [
                _("Lead business"),
                _("Province"),
                _("Members"),
                _("Member names"),
                _("Certified products"),
                _("Sales (toman)"),
            ],
            note=_(
                "Members' certified products and sales, and the lead's own products made by its members; "
                "sales over the last %(months)s months."
            )
            % {"months": rule.window_months},
        )
        for producer in leads:
            table.add(
                producer.name,
                producer.region.name,
                Cell(producer.members, kind=COUNT),
                _(", ").join(members.get(producer.pk, [])),
                Cell(producer.certified, kind=COUNT),
                Cell(producer.sales, kind=MONEY),
            )
        return [table]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["tables"] = self.get_tables()
        return context


# --- Readiness -----------------------------------------------------------------------------------------


class ReadinessView(MonitoringMixin, TemplateView):
    page_title = gettext_lazy("Facility readiness")
    template_name = "producers/monitoring/readiness.html"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.rule = rules.rule_in_force()

    def get_tables(self):
        if hasattr(self, "_tables"):
            return self._tables
        decisions = readiness.decisions(self.rule)
        columns = [
            _("Producer"),
            _("Level"),
            _("Province"),
            _("Months with sales"),
            _("Total sales (toman)"),
            _("First sale"),
            _("Certified products"),
            _("Training completed"),
        ]
        ready = Table("ready", _("Ready for a facility"), [*columns, _("Cap (toman)")])
        waiting = Table("not-ready", _("Not ready yet"), [*columns, _("Missing")])
        for decision in decisions:
            producer = decision.producer
            cells = [
                producer.name,
                producer.get_kind_display(),
                producer.region.name,
                Cell(producer.sales_months, kind=COUNT),
                Cell(producer.sales_total, kind=MONEY),
                formats.date_format(timezone.localtime(producer.first_sale_at), "SHORT_DATE_FORMAT")
                if producer.first_sale_at
                else "—",
                Cell(producer.certified_products, kind=COUNT),
                _("Yes") if producer.trained else _("No"),
            ]
            if decision.eligible:
                ready.add(*cells, Cell(decision.cap, kind=MONEY))
            else:
                waiting.add(*cells, _(", ").join(str(label) for label in decision.unmet_labels))
        self._tables = [ready, waiting]
        return self._tables

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(rule=self.rule, tables=self.get_tables(), window_start=rules.window_start(self.rule))
        return context


class RuleListView(MonitoringMixin, ListView):
    page_title = gettext_lazy("Readiness rules and caps")
    template_name = "producers/monitoring/rules.html"
    context_object_name = "rules"

    def get_queryset(self):
        return ReadinessRule.objects.order_by("-year")

    def get_tables(self):
        table = Table(
            "readiness-rules",
            self.page_title,
            [
                _("Year"),
                _("Months looked at"),
                _("Months with sales"),
                _("Minimum total sales"),
                _("Certificate"),
                _("Training"),
                _("Cap for an individual"),
                _("Cap for network and support activities"),
            ],
        )
        for rule in self.get_queryset():
            table.add(
                rule.year,
                Cell(rule.window_months, kind=COUNT),
                Cell(rule.min_sales_months, kind=COUNT),
                Cell(rule.min_total_sales, kind=MONEY),
                _("Required") if rule.require_certificate else "",
                _("Required") if rule.require_training else "",
                Cell(rule.cap_individual, kind=MONEY),
                Cell(rule.cap_network, kind=MONEY),
            )
        return [table]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rule_in_force"] = rules.rule_in_force()
        return context


class RuleCreateView(MonitoringMixin, CreateView):
    page_title = gettext_lazy("Readiness rule")
    template_name = "producers/monitoring/rule_form.html"
    form_class = ReadinessRuleForm

    def get_initial(self):
        latest = rules.rule_in_force()
        initial = {name: getattr(latest, name) for name in ReadinessRuleForm.Meta.fields}
        initial["year"] = timezone.localdate().year if latest.pk is None else latest.year + 1
        return initial

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Readiness rule for %(year)s saved.") % {"year": self.object.year})
        return response

    def get_success_url(self):
        return reverse("dashboard:producers-monitoring-rules")


class RuleUpdateView(MonitoringMixin, UpdateView):
    template_name = "producers/monitoring/rule_form.html"
    form_class = ReadinessRuleForm
    page_title = gettext_lazy("Readiness rule")

    def get_object(self, queryset=None):
        return get_object_or_404(ReadinessRule, year=self.kwargs["year"])

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Readiness rule for %(year)s saved.") % {"year": self.object.year})
        return response

    def get_success_url(self):
        return reverse("dashboard:producers-monitoring-rules")
