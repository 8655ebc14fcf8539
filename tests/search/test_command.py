"""`manage.py search_index --rebuild | --check`."""

import io

import pytest
from django.core.management import CommandError, call_command

from quality.models import Certificate
from shop.search.models import SearchDocument
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("search_index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rebuild_indexes_listable_products_in_batches_with_a_progress_bar(settings):
    settings.SEARCH_INDEX_BATCH_SIZE = 2
    products = [ProductFactory() for _ in range(5)]
    ProductFactory(certified=False)
    out, err = run("--rebuild")
    assert set(SearchDocument.objects.values_list("product_id", flat=True)) == {p.pk for p in products}
    assert "database: 5 listable products indexed" in out
    assert "2/5" in err and "4/5" in err and "[" + "#" * 30 + "] 5/5" in err


def test_check_passes_when_the_index_agrees_and_fails_otherwise():
    products = [ProductFactory() for _ in range(3)]
    run("--rebuild")
    out, _err = run("--check")
    assert "3 documents, 3 listable products" in out
    SearchDocument.objects.filter(product=products[0]).delete()
    with pytest.raises(CommandError, match="differs"):
        run("--check")
    run("--rebuild")
    Certificate.objects.filter(product=products[1]).update(status="revoked")  # the index has not caught up
    with pytest.raises(CommandError, match="differs"):
        run("--check")
    run("--rebuild")
    run("--check")


def test_elasticsearch_needs_a_url():
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        run("--check", "--backend", "elasticsearch")


def test_an_unreachable_elasticsearch_is_a_clear_error(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with pytest.raises(CommandError, match="elasticsearch"):
        run("--check", "--backend", "elasticsearch")


def test_one_of_the_actions_is_required():
    with pytest.raises(CommandError):
        run()
