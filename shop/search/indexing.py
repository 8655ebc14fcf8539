"""Keep the search indexes in step with the catalogue: changes become batched index-update tasks.

Signal receivers note which products a change touches (a product, its stock
records, certificates, attribute values and categories; a producer, brand,
region, category or craft renames every product showing its name). The ids
gathered during one transaction are enqueued once, after it commits, in
batches of SEARCH_INDEX_BATCH_SIZE; outside a transaction they go at once.
"""

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from . import conf


class _Batch:
    def __init__(self):
        self.ids = set()
        self.done = False

    def flush(self):
        self.done = True
        ids, self.ids = sorted(self.ids), set()
        enqueue(ids)


def enqueue(ids):
    """Enqueue the index-update tasks for these product ids (database always; Elasticsearch when configured)."""
    from .tasks import update_elasticsearch_documents, update_search_documents

    size = conf.get("SEARCH_INDEX_BATCH_SIZE")
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        update_search_documents.enqueue(chunk)
        if conf.elasticsearch_url():
            update_elasticsearch_documents.enqueue(chunk)


def schedule(product_ids):
    """Reindex these products once the current transaction commits (at once when there is none)."""
    ids = {pk for pk in product_ids if pk is not None}
    if not ids:
        return
    connection = transaction.get_connection()
    batch = getattr(connection, "_search_index_batch", None)
    pending = [entry[1] for entry in getattr(connection, "run_on_commit", [])]
    if batch is None or batch.done or batch.flush not in pending:
        # A new transaction (or the last one was rolled back): one flush for everything it touches.
        batch = _Batch()
        connection._search_index_batch = batch
        batch.ids.update(ids)
        transaction.on_commit(batch.flush, robust=True)
    else:
        batch.ids.update(ids)


# --- What each change touches ----------------------------------------------------------------


def _products(condition):
    from catalogue.models import Product

    return list(Product.objects.filter(condition).values_list("pk", flat=True))


def _product_and_parent(product_id):
    from catalogue.models import Product

    parent = Product.objects.filter(pk=product_id).values_list("parent_id", flat=True).first()
    return [product_id, parent]


def product_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule([instance.pk, instance.parent_id])


def product_row_changed(sender, instance, raw=False, **kwargs):
    """A stock record, certificate, attribute value or category link: its product."""
    if not raw and instance.product_id:
        schedule(_product_and_parent(instance.product_id))


def producer_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(_products(Q(producer=instance) | Q(maker=instance)))


def brand_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(_products(Q(brand=instance)))


def region_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(_products(Q(producer__region=instance) | Q(maker__region=instance)))


def craft_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(_products(Q(product_class=instance)))


def category_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.path:
        schedule(_products(Q(categories__path__startswith=instance.path)))


def connect():
    from oscar.apps.partner.models import StockRecord

    from catalogue.models import Category, Product, ProductAttributeValue, ProductCategory, ProductClass
    from producers.models import Brand, Producer, Region
    from quality.models import Certificate

    receivers = [
        (Product, product_changed),
        (StockRecord, product_row_changed),
        (Certificate, product_row_changed),
        (ProductAttributeValue, product_row_changed),
        (ProductCategory, product_row_changed),
        (Producer, producer_changed),
        (Brand, brand_changed),
        (Region, region_changed),
        (ProductClass, craft_changed),
    ]
    for model, receiver in receivers:
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"search-index-{model.__name__}-{signal is post_save}")
    post_save.connect(category_changed, sender=Category, dispatch_uid="search-index-Category")

    # The header's suggestions keep producer, region and category names in the cache, the category facet
    # the public categories.
    from .facets import forget_categories
    from .suggest import forget_names

    for signal in (post_save, post_delete):
        signal.connect(forget_categories, sender=Category, dispatch_uid=f"search-categories-{signal is post_save}")

    for model in (Producer, Region, Category):
        for signal in (post_save, post_delete):
            uid = f"search-names-{model.__name__}-{signal is post_save}"
            signal.connect(forget_names, sender=model, dispatch_uid=uid)
