"""The monitoring pages: who may open them, what they show, the list behind each figure, CSV downloads,
the forms for quotas and rules, and query counts that do not grow with the data."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from producers.models import Application, ProvincialQuota, ReadinessRule
from producers.monitoring import funnel
from producers.monitoring.views import month_label
from tests.factories import ProductClassFactory, RegionFactory, UserFactory
from tests.producers.factories import officer_user, portal_producer

from .factories import applicant, certified_product, moment, sale, trained

pytestmark = pytest.mark.django_db

PAGES = [
    "producers-monitoring-funnel",
    "producers-monitoring-list",
    "producers-monitoring-charts",
    "producers-monitoring-quotas",
    "producers-monitoring-networks",
    "producers-monitoring-readiness",
    "producers-monitoring-rules",
    "producers-monitoring-rule-create",
]


def url(name, **kwargs):
    return reverse(f"dashboard:{name}", kwargs=kwargs or None)


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark first"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


# --- Access -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_programme_staff_and_superusers_open_every_page(client, staff, name):
    client.force_login(staff)
    assert client.get(url(name)).status_code == 200
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get(url(name)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("role", ["customer", "producer", "officer", "staff_outside_the_group"])
def test_everyone_else_is_refused(client, role, name):
    users = {
        "customer": lambda: UserFactory(),
        "producer": lambda: portal_producer().user,
        "officer": lambda: officer_user(),
        "staff_outside_the_group": lambda: UserFactory(is_staff=True),
    }
    client.force_login(users[role]())
    response = client.get(url(name))
    assert response.status_code in (403, 404), f"{role} {name} → {response.status_code}"
    assert client.get(url(name) + "?csv=funnel-total").status_code in (403, 404)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name in PAGES:
        response = client.get(url(name))
        assert response.status_code == 302 and "login" in response["Location"]


def test_the_menu_shows_monitoring_to_programme_staff_only(client, staff):
    client.force_login(staff)
    assert url("producers-monitoring-readiness") in client.get(reverse("dashboard:index")).content.decode()
    producer = portal_producer()
    client.force_login(producer.user)
    assert url("producers-monitoring-readiness") not in client.get(reverse("dashboard:index")).content.decode()


# --- Funnel page and lists ----------------------------------------------------------------------------


def test_the_funnel_page_links_every_figure_to_its_list(client, staff, programme):
    client.force_login(staff)
    response = client.get(url("producers-monitoring-funnel"))
    tables = {table.name: table for table in response.context["tables"]}
    assert set(tables) == {"funnel-total", "funnel-region", "funnel-level", "funnel-craft", "funnel-month"}
    total = tables["funnel-total"].rows[0]
    assert [cell.value for cell in total[1:]] == [8, 6, 5, 4, 3, 2]
    markazi = next(row for row in tables["funnel-region"].rows if row[0].value == "مرکزی")
    assert [cell.value for cell in markazi[1:]] == [3, 3, 3, 3, 2, 1]
    # the figure "Markazi, with a first sale" opens the two applications behind it
    link = markazi[1 + funnel.STAGE_KEYS.index("first_sale")].url
    listed = client.get(link)
    assert listed.status_code == 200
    assert {a.pk for a in listed.context["applications"]} == {
        programme.applications[5].pk,
        programme.applications[6].pk,
    }
    html = response.content.decode()
    assert link.replace("&", "&amp;") in html
    english = client.get("/en" + url("producers-monitoring-funnel")[3:]).content.decode()
    assert "sales in at least 3 of the last 12 months" in english


def test_every_figure_link_agrees_with_its_figure(client, staff, programme):
    client.force_login(staff)
    response = client.get(url("producers-monitoring-funnel"))
    for table in response.context["tables"]:
        for row in table.rows:
            for cell in row[1:]:
                listed = client.get(cell.url)
                assert listed.context["paginator"].count == cell.value, (table.name, row[0].value, cell.url)


def test_filters_narrow_the_funnel_and_bad_filters_say_why(client, staff, programme):
    client.force_login(staff)
    response = client.get(url("producers-monitoring-funnel") + "?region=markazi&level=home")
    total = response.context["tables"][0].rows[0]
    assert [cell.value for cell in total[1:]] == [3, 3, 3, 3, 2, 1]
    bad = client.get(url("producers-monitoring-funnel") + "?month=June")
    assert bad.status_code == 200
    assert "YYYY-MM" in str(bad.context["form"].errors["month"])
    assert client.get(url("producers-monitoring-funnel") + "?region=nowhere").context["form"].errors["region"]


# --- CSV ----------------------------------------------------------------------------------------------


def test_funnel_csv_has_the_columns_and_persian_intact(client, staff, programme):
    client.force_login(staff)
    rows = read_csv(client.get(url("producers-monitoring-funnel") + "?csv=funnel-region"))
    assert len(rows[0]) == 7 and len(rows) == 3
    assert ["مرکزی", "3", "3", "3", "3", "2", "1"] in rows
    assert ["اردبیل", "5", "3", "2", "1", "1", "1"] in rows


def test_csv_headers_follow_the_language(client, staff, programme):
    client.force_login(staff)
    rows = read_csv(client.get("/en" + url("producers-monitoring-funnel")[3:] + "?csv=funnel-total"))
    assert rows[0] == [
        "Group",
        "Applications",
        "Verified",
        "Trained",
        "With a certified product",
        "With a first sale",
        "With sustained sales",
    ]
    assert rows[1] == ["Total", "8", "6", "5", "4", "3", "2"]


def test_readiness_csv_lists_the_ready_with_their_caps(client, staff, programme):
    client.force_login(staff)
    rows = read_csv(client.get("/en" + url("producers-monitoring-readiness")[3:] + "?csv=ready"))
    assert rows[0][-1] == "Cap (toman)" and rows[0][0] == "Producer"
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Kilim Three Months", "Kilim Lead"}
    assert by_name["Kilim Three Months"][-1] == "50000000"
    assert by_name["Kilim Lead"][-1] == "250000000"
    assert by_name["Kilim Lead"][1:5] == ["Lead business", "Ardabil", "4", "3200000"]


def test_an_unknown_table_is_not_found(client, staff):
    client.force_login(staff)
    assert client.get(url("producers-monitoring-funnel") + "?csv=nothing").status_code == 404


# --- Readiness, networks, charts ----------------------------------------------------------------------


def test_the_readiness_page_shows_evidence_and_what_is_missing(client, staff, programme):
    client.force_login(staff)
    response = client.get("/en" + url("producers-monitoring-readiness")[3:])
    ready, waiting = response.context["tables"]
    assert {row[0].value for row in ready.rows} == {"Kilim Three Months", "Kilim Lead"}
    missing = {row[0].value: row[-1].value for row in waiting.rows}
    assert missing["Honey Two Months"] == "Months with sales"
    assert missing["Newcomer"] == "Months with sales, Total sales, Certified product on sale, Training completed"
    html = response.content.decode()
    assert "50,000,000" in html and "250,000,000" in html
    assert "3 of the last 12 months" in html


def test_networks_show_members_certified_products_and_sales(client, staff, programme):
    client.force_login(staff)
    response = client.get(url("producers-monitoring-networks"))
    rows = {row[0].value: row for row in response.context["tables"][0].rows}
    ardabil_lead = rows["پیشران اردبیل"]
    assert ardabil_lead[2].value == 1  # p5 accepted; p6 only invited
    assert ardabil_lead[3].value == "عسل بی‌فروش"
    assert ardabil_lead[4].value == 1 and ardabil_lead[5].value == 0  # p5's sales were all cancelled
    kilim_lead = rows["پیشران گلیم"]
    assert kilim_lead[2].value == 1 and kilim_lead[4].value == 1
    assert kilim_lead[5].value == Decimal("1500000")  # p7 inside the 12 months


def test_charts_are_svg_drawn_from_the_data(client, staff, programme):
    client.force_login(staff)
    response = client.get(url("producers-monitoring-charts"))
    html = response.content.decode()
    assert html.count("<svg") >= 5
    assert html.count("<rect") > 10
    charts = response.context["charts"]
    over_time = charts[0]
    assert sum(c["value"] for c in over_time.columns) == 8  # 8 applications, no approval events in this data
    assert not any(chart.is_empty for chart in charts[1:5])
    assert charts[5].is_empty  # no pre-order campaign has closed in this data
    tables = {table.name: table for table in response.context["tables"]}
    assert sum(row[2].value for row in tables["certified-products"].rows) == 4
    assert sum(row[3].value for row in tables["sales"].rows) == Decimal("2000000") + Decimal("1500000") + Decimal(
        "3200000"
    )


def test_the_campaign_success_rate_counts_campaigns_closed_in_each_month(client, staff, frozen_now):
    from shop.preorders.models import Campaign
    from tests.preorders.factories import CampaignFactory

    def closed(state, when):
        CampaignFactory(state=state, closed_at=when, deadline=when)

    this_month, last_month = frozen_now - timedelta(days=1), frozen_now - timedelta(days=40)
    for _index in range(3):
        closed(Campaign.State.SUCCEEDED, this_month)
    closed(Campaign.State.FAILED, this_month)
    closed(Campaign.State.FAILED, last_month)
    closed(Campaign.State.SUCCEEDED, frozen_now - timedelta(days=400))  # before the twelve months: not counted
    CampaignFactory()  # still running: not counted
    CampaignFactory(state=Campaign.State.REJECTED)  # never ran: not counted
    client.force_login(staff)

    response = client.get(url("producers-monitoring-charts"))

    table = {table.name: table for table in response.context["tables"]}["campaigns-by-month"]
    rows = {row[0].value: [cell.value for cell in row[1:]] for row in table.rows}
    assert rows[month_label(timezone.localdate(this_month).replace(day=1))] == [3, 1, 75.0]
    assert rows[month_label(timezone.localdate(last_month).replace(day=1))] == [0, 1, 0.0]
    assert [cell.value for cell in table.rows[-1][1:]] == [3, 2, 60.0]  # all months
    assert sum(1 for row in table.rows if row[3].value is None) == 12 - 2  # months without a closed campaign
    chart = response.context["charts"][5]
    assert "60%" in chart.title
    assert sum(column["value"] for column in chart.columns) == 5
    csv = client.get(url("producers-monitoring-charts") + "?csv=campaigns-by-month").content.decode("utf-8-sig")
    assert "60.0" in csv


# --- Quotas and rules ---------------------------------------------------------------------------------


def test_quotas_against_registrations(client, staff, frozen_now):
    craft = ProductClassFactory()
    region = RegionFactory(slug="markazi", name_fa="مرکزی", name_en="Markazi")
    applicant(region, [craft], moment(2025, 3, 1))
    applicant(region, [craft], moment(2025, 9, 1), state=Application.State.APPROVED)
    applicant(region, [craft], moment(2026, 1, 1))  # another year
    client.force_login(staff)
    response = client.post(url("producers-monitoring-quotas") + "?year=2025", {f"quota_{region.pk}": "4"})
    assert response.status_code == 302
    assert ProvincialQuota.objects.get(region=region, year=2025).quota == 4
    page = client.get(url("producers-monitoring-quotas") + "?year=2025")
    row = next(row for row in page.context["tables"][0].rows if row[0].value == region.name)
    assert [cell.value for cell in row[1:4]] == [4, 2, 1]
    assert row[4].value == 50.0
    for cell in row[2:4]:  # registrations and approvals of 2025 open the lists behind them
        assert client.get(cell.url).context["paginator"].count == cell.value


def test_a_bad_quota_is_refused_and_nothing_is_lost(client, staff, programme):
    client.force_login(staff)
    data = {f"quota_{programme.ardabil.pk}": "1200", f"quota_{programme.markazi.pk}": "-5"}
    response = client.post(url("producers-monitoring-quotas") + "?year=2026", data)
    assert response.status_code == 200
    assert response.context["form"].errors[f"quota_{programme.markazi.pk}"]
    assert 'value="1200"' in response.content.decode()
    assert not ProvincialQuota.objects.exists()


def test_staff_set_the_rule_and_caps_for_a_year(client, staff, frozen_now):
    client.force_login(staff)
    data = {
        "year": "2027",
        "window_months": "12",
        "min_sales_months": "6",
        "min_total_sales": "20000000",
        "require_certificate": "on",
        "require_training": "on",
        "cap_individual": "55000000",
        "cap_network": "275000000",
    }
    assert client.post(url("producers-monitoring-rule-create"), data).status_code == 302
    rule = ReadinessRule.objects.get(year=2027)
    assert rule.cap_individual == Decimal("55000000") and rule.cap_network == Decimal("275000000")
    form = client.get(url("producers-monitoring-rule-update", year=2027)).context["form"]
    assert form.instance == rule and form["cap_network"].value() == Decimal("275000000")
    data["cap_network"] = "300000000"
    assert client.post(url("producers-monitoring-rule-update", year=2027), data).status_code == 302
    rule.refresh_from_db()
    assert rule.cap_network == Decimal("300000000")
    assert ReadinessRule.objects.count() == 1
    assert client.get(url("producers-monitoring-rule-update", year=2040)).status_code == 404
    duplicate = client.post(url("producers-monitoring-rule-create"), data)
    assert duplicate.status_code == 200 and "year" in duplicate.context["form"].errors


def test_a_rule_with_impossible_months_is_refused(client, staff, frozen_now):
    client.force_login(staff)
    data = {
        "year": "2027",
        "window_months": "6",
        "min_sales_months": "7",
        "min_total_sales": "0",
        "cap_individual": "50000000",
        "cap_network": "250000000",
    }
    response = client.post(url("producers-monitoring-rule-create"), data)
    assert response.status_code == 200 and response.context["form"].errors
    data["min_sales_months"] = "0"
    response = client.post(url("producers-monitoring-rule-create"), data)
    assert response.status_code == 200 and "min_sales_months" in response.context["form"].errors
    assert not ReadinessRule.objects.exists()


# --- Query counts ---------------------------------------------------------------------------------------


def grow(programme, times):
    """Add `times` more approved, trained, certified producers with sales to the programme."""
    for index in range(times):
        region = programme.ardabil if index % 2 else programme.markazi
        producer = applicant(region, [programme.kilim], moment(2026, 3, 10), state=Application.State.APPROVED).producer
        trained(producer, moment(2026, 3, 20))
        product = certified_product(producer, programme.kilim)
        for month in (3, 4, 5):
            sale(product, moment(2026, month, 25), "700000")


QUERY_PAGES = [
    ("producers-monitoring-funnel", ""),
    ("producers-monitoring-list", "?stage=sustained"),
    ("producers-monitoring-charts", ""),
    ("producers-monitoring-quotas", ""),
    ("producers-monitoring-networks", ""),
    ("producers-monitoring-readiness", ""),
    ("producers-monitoring-funnel", "?csv=funnel-craft"),
]


@pytest.mark.parametrize("name,query", QUERY_PAGES)
def test_query_counts_do_not_grow_with_the_data(client, staff, programme, django_assert_max_num_queries, name, query):
    client.force_login(staff)
    client.get(url(name) + query)  # warm caches (sessions, content types)
    with django_assert_max_num_queries(25) as small:
        assert client.get(url(name) + query).status_code == 200
    grow(programme, 12)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        assert client.get(url(name) + query).status_code == 200
    assert len(large.captured_queries) <= len(small.captured_queries)


def test_the_list_behind_a_figure_downloads_whole(client, staff, programme, monkeypatch):
    from producers.monitoring import views

    monkeypatch.setattr(views.FunnelListView, "paginate_by", 2)
    client.force_login(staff)
    link = url("producers-monitoring-list") + "?stage=verified&year=2026"
    page = client.get(link)
    assert page.context["paginator"].count == 6 and len(page.context["applications"]) == 2
    rows = read_csv(client.get(link + "&csv=applications-verified"))
    assert len(rows) == 1 + 6  # every application, not one page
    assert {row[1] for row in rows[1:]} == {a.full_name for a in programme.applications[2:]}
    assert any("پیشران" in row[8] for row in rows[1:])


def test_the_rules_download(client, staff, programme):
    client.force_login(staff)
    rows = read_csv(client.get("/en" + url("producers-monitoring-rules")[3:] + "?csv=readiness-rules"))
    assert rows[0][0] == "Year" and rows[1][:4] == ["2026", "12", "3", "1000000"]
