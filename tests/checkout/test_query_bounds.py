"""The basket and checkout pages cost the same number of queries whatever the number of lines
(vanilla Oscar adds about three per line)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.checkout.factories import add_to_basket, product, to_preview
from tests.factories import ProducerFactory

pytestmark = pytest.mark.django_db


def _queries(client, url):
    client.get(url)  # thumbnails are generated (and cached) once, on the first view
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _products(count):
    return [product(producer=ProducerFactory(), image=True) for _ in range(count)]


@pytest.mark.parametrize("url_name", ["basket:summary", "checkout:preview"])
def test_page_queries_do_not_grow_with_lines(client, url_name, django_assert_max_num_queries):
    to_preview(client, _products(1))
    one_line = _queries(client, reverse(url_name))
    for item in _products(5):
        add_to_basket(client, item)
    client.get(reverse(url_name))
    with django_assert_max_num_queries(one_line):
        response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert len(response.context["basket"].all_lines()) == 6
