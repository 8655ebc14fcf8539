"""Catalogue changes reach the index through batched tasks, once the transaction commits."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import transaction

from quality.models import Certificate
from shop.search import indexing, tasks
from shop.search.models import SearchDocument
from tests.factories import BrandFactory, ProductFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enqueued(monkeypatch):
    """Record the batches handed to the database index task (and still run it)."""
    calls = []
    task = tasks.update_search_documents

    class Recorder:
        def enqueue(self, ids):
            calls.append(list(ids))
            return task.enqueue(ids)

    monkeypatch.setattr(tasks, "update_search_documents", Recorder())
    return calls


def indexed(product):
    return SearchDocument.objects.filter(product=product).exists()


def test_new_products_are_indexed_in_one_batch_after_commit(django_capture_on_commit_callbacks, enqueued):
    with django_capture_on_commit_callbacks(execute=True):
        products = [ProductFactory() for _ in range(3)]
        assert not any(indexed(product) for product in products)  # nothing before the commit
    assert len(enqueued) == 1
    assert set(enqueued[0]) >= {product.pk for product in products}
    assert all(indexed(product) for product in products)


def test_a_revoked_certificate_leaves_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title_en="Revocable rug")
    assert indexed(product)
    certificate = Certificate.objects.get(product=product)
    with django_capture_on_commit_callbacks(execute=True):
        certificate.status = Certificate.Status.REVOKED
        certificate.save()
    assert not indexed(product)


def test_a_material_edit_leaves_the_index_until_recertified(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(title_en="Old title")
    with django_capture_on_commit_callbacks(execute=True):
        product.title_en = "New title"
        product.save()  # a material edit: the certificate covered the old version
    assert not indexed(product)


def test_stock_and_names_reindex_their_products(django_capture_on_commit_callbacks, enqueued):
    with django_capture_on_commit_callbacks(execute=True):
        brand = BrandFactory(name_en="Old brand")
        product = ProductFactory(brand=brand, producer=brand.producer)
    enqueued.clear()
    with django_capture_on_commit_callbacks(execute=True):
        record = product.stockrecords.get()
        record.price = Decimal("990000")
        record.save()
    assert enqueued == [[product.pk]]
    with django_capture_on_commit_callbacks(execute=True):
        brand.name_en = "Renamed brand"
        brand.save()
    assert "renamed brand" in SearchDocument.objects.get(product=product).body
    with django_capture_on_commit_callbacks(execute=True):
        region = product.producer.region
        region.name_en = "Renamed province"
        region.save()
    assert "renamed province" in SearchDocument.objects.get(product=product).body


def test_deactivating_a_producer_removes_its_products(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory()
        other = ProductFactory()
    with django_capture_on_commit_callbacks(execute=True):
        producer = product.producer
        producer.is_active = False
        producer.save()
    assert not indexed(product)
    assert indexed(other)


def test_a_rolled_back_change_does_not_stop_later_batches(django_capture_on_commit_callbacks, enqueued):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                ProductFactory()
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
        kept = ProductFactory()
    assert len(enqueued) == 1
    assert kept.pk in enqueued[0]
    assert indexed(kept)


def test_batches_are_split_at_the_batch_size(settings, enqueued):
    settings.SEARCH_INDEX_BATCH_SIZE = 2
    indexing.enqueue([1, 2, 3, 4, 5])
    assert enqueued == [[1, 2], [3, 4], [5]]


def test_the_elasticsearch_task_runs_only_when_configured(settings, monkeypatch, enqueued):
    sent = []
    monkeypatch.setattr(tasks, "update_elasticsearch_documents", SimpleNamespace(enqueue=sent.append))
    indexing.enqueue([1])
    assert sent == []
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    indexing.enqueue([1])
    assert sent == [[1]]


def test_an_unreachable_elasticsearch_does_not_stop_the_database_index(
    settings, django_capture_on_commit_callbacks, caplog
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory()
    assert indexed(product)  # the Elasticsearch task failed on its own (logged by the task backend)


def test_region_factory_changes_nothing_without_products(django_capture_on_commit_callbacks, enqueued):
    with django_capture_on_commit_callbacks(execute=True):
        RegionFactory()
    assert enqueued == []
