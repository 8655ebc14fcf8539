"""Every page of the storefront, the dashboard and the CMS answers each demo role as expected, in both languages.

The demo is loaded once for the module (inside a transaction rolled back at the end),
and each role signs in with the account `load_demo` prints.
"""

import pytest
from django.test import Client

from catalogue.models import Category, Product
from producers.models import Producer
from tests.conftest import DEMO_ROLES, demo_email, demo_market

ROLES = ["anonymous", *DEMO_ROLES]
LANGUAGES = ["fa", "en"]

OK, LOGIN, FORBIDDEN, PROFILE = 200, "login", 403, "profile"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with demo_market(django_db_blocker, tmp_path_factory):
        product = Product.objects.browsable().order_by("pk").first()
        yield {
            # Paths without the language prefix: "catalogue/<slug>_<pk>/".
            "product": product.get_absolute_url().split("/", 2)[2],
            "category": Category.objects.filter(depth=2).first().get_absolute_url().split("/", 2)[2],
            "producer": Producer.objects.filter(products__in=Product.objects.browsable()).first().slug,
        }


def client_for(role):
    client = Client()
    if role != "anonymous":
        from django.contrib.auth import get_user_model

        client.force_login(get_user_model().objects.get(email=demo_email(role)))
    return client


STOREFRONT = [
    "/{lang}/",
    "/{lang}/catalogue/",
    "/{lang}/{category}",
    "/{lang}/{product}",
    "/{lang}/producers/",
    "/{lang}/producers/{producer}/",
    "/{lang}/basket/",
    "/{lang}/search/?q=%D8%B9%D8%B3%D9%84",
]

# page -> {role: expected}; roles not named get the "others" answer.
RESTRICTED = {
    "/{lang}/accounts/login/": {"anonymous": OK, "others": PROFILE},
    "/{lang}/accounts/profile/": {"anonymous": LOGIN, "others": OK},
    "/{lang}/dashboard/": {"anonymous": LOGIN, "producer": OK, "staff": OK, "others": FORBIDDEN},
    "/cms/": {"editor": OK, "others": LOGIN},
    "/django-admin/": {"staff": OK, "others": LOGIN},
}


def expand(template, lang, demo):
    return template.format(lang=lang, **demo)


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_storefront_pages_answer_everyone(demo, role, lang):
    client = client_for(role)
    for template in STOREFRONT:
        url = expand(template, lang, demo)
        response = client.get(url, follow=False)
        assert response.status_code == 200, f"{role} {url} → {response.status_code}"
        html = response.content.decode()
        if "/fa/" in url:
            assert 'dir="rtl"' in html and 'lang="fa"' in html, url
        else:
            assert 'dir="ltr"' in html and 'lang="en"' in html, url


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_restricted_pages_answer_by_role(demo, role, lang):
    client = client_for(role)
    for template, rules in RESTRICTED.items():
        url = expand(template, lang, demo)
        expected = rules.get(role, rules["others"])
        response = client.get(url)
        if expected in (LOGIN, PROFILE):
            assert response.status_code == 302, f"{role} {url} → {response.status_code}"
            where = "login" if expected == LOGIN else "/accounts/"
            assert where in response.headers["Location"], f"{role} {url} → {response.headers['Location']}"
        else:
            assert response.status_code == expected, f"{role} {url} → {response.status_code}"
