"""The project as a whole: configuration, migrations, URL map, languages, money."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from shop.templatetags.money import format_money

pytestmark = pytest.mark.django_db


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_health_check_touches_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_the_root_sends_visitors_to_their_language(client):
    assert client.get("/").headers["Location"] == "/fa/"
    client.cookies["django_language"] = "en"
    assert client.get("/").headers["Location"] == "/en/"


@pytest.mark.parametrize(
    ("language", "direction"),
    [("fa", "rtl"), ("en", "ltr")],
)
def test_pages_carry_language_and_direction(client, language, direction):
    response = client.get(f"/{language}/catalogue/")
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}"' in response.text


def test_persian_pages_use_the_right_to_left_stylesheet(client):
    assert "oscar/css/styles.rtl" in client.get("/fa/catalogue/").text
    english = client.get("/en/catalogue/").text
    assert "styles.rtl" not in english and "oscar/css/styles" in english


def test_no_page_loads_scripts_or_styles_from_another_host(client):
    html = client.get("/fa/catalogue/").text + client.get("/en/basket/").text
    external = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', html)
    assert external == []


def test_oscar_prefixes_live_under_each_language():
    with translation.override("en"):
        assert reverse("catalogue:index") == "/en/catalogue/"
        assert reverse("basket:summary") == "/en/basket/"
        assert reverse("dashboard:index") == "/en/dashboard/"
        assert reverse("producers:list") == "/en/producers/"
        assert reverse("home") == "/en/"
    with translation.override("fa"):
        assert reverse("search:search") == "/fa/search/"


def test_admin_sites_are_outside_the_language_prefix(client):
    assert client.get("/cms/").headers["Location"].startswith("/cms/login/")
    assert client.get("/django-admin/").headers["Location"].startswith("/django-admin/login/")


def test_prices_read_as_toman_in_each_language():
    with translation.override("en"):
        assert format_money(Decimal("1250000")) == "1,250,000 toman"
    with translation.override("fa"):
        assert format_money(Decimal("1250000")) == "۱٬۲۵۰٬۰۰۰ تومان"


def test_money_filter_ignores_what_is_not_a_number():
    assert format_money("not a price") == ""
    assert format_money(None) == ""


@override_settings(DEBUG=False)
def test_debug_is_off_unless_set(monkeypatch):
    import importlib

    import shop.settings

    monkeypatch.delenv("DEBUG", raising=False)
    assert importlib.reload(shop.settings).DEBUG is False
    monkeypatch.setenv("DEBUG", "true")
    assert importlib.reload(shop.settings).DEBUG is True
    monkeypatch.delenv("DEBUG")
    importlib.reload(shop.settings)


def test_database_comes_from_database_url(monkeypatch):
    import importlib

    import shop.settings

    monkeypatch.setenv("DATABASE_URL", "postgres://market:secret@db.internal:5433/market")
    try:
        database = importlib.reload(shop.settings).DATABASES["default"]
        assert database["ENGINE"] == "django.db.backends.postgresql"
        assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.internal", 5433, "market")
    finally:
        monkeypatch.undo()
        importlib.reload(shop.settings)
