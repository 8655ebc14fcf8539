"""The dashboard menu leads officers and producers to their certification pages (and nobody else)."""

import pytest
from django.urls import reverse
from oscar.apps.dashboard.menu import get_nodes

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def urls_for(user):
    urls = set()
    for node in get_nodes(user):
        urls |= {child.url for child in node.children}
        if not node.is_heading:
            urls.add(node.url)
    return urls


QUALITY_OFFICER_URLS = {"quality:queue", "quality:certificate-list", "quality:standard-list"}
PRODUCER_URLS = {"quality:my-certification", "quality:my-apply"}


def test_officers_see_the_officer_pages(officer):
    urls = urls_for(officer)
    assert {reverse(name) for name in QUALITY_OFFICER_URLS} <= urls
    assert not {reverse(name) for name in PRODUCER_URLS} & urls


def test_producers_see_their_certification_pages(producer):
    urls = urls_for(producer.user)
    assert {reverse(name) for name in PRODUCER_URLS} <= urls
    assert not {reverse(name) for name in QUALITY_OFFICER_URLS} & urls


def test_customers_see_neither():
    urls = urls_for(UserFactory())
    assert not {reverse(name) for name in QUALITY_OFFICER_URLS | PRODUCER_URLS} & urls


def test_the_menu_shows_on_the_officer_pages(client, officer):
    client.force_login(officer)
    response = client.get(reverse("quality:queue"))
    for name in QUALITY_OFFICER_URLS:
        assert f'href="{reverse(name)}"' in response.text
