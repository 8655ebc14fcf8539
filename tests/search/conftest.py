"""Helpers for the search tests: an index built on demand, and the demo catalogue for a module."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.http import QueryDict

from catalogue.models import Product
from shop.search.backends.database import DatabaseBackend
from shop.search.query import SearchQuery


def rebuild_index():
    """Index every listable product (tests run inside transactions, where on-commit tasks never fire)."""
    return DatabaseBackend().rebuild()


def search(querystring="", category=None, backend=None):
    """The database backend's answer for a query string such as 'q=…&region=…'."""
    query = SearchQuery.from_get(QueryDict(querystring), category=category)
    return (backend or DatabaseBackend()).search(query)


def upcs(result):
    return [product.upc for product in result.products]


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker):
    """The demo catalogue (`load_demo`) with its search index, rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        rebuild_index()
        yield {product.upc: product for product in Product.objects.all()}
        transaction.set_rollback(True)
