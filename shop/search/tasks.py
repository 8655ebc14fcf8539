"""Index updates as django-tasks tasks (TASKS in settings: the immediate backend runs them in-process
by default; production points TASKS at a worker-backed backend).

Each task takes a batch of product ids and makes the index agree with the
catalogue for them: listable products are (re)indexed, the others removed.
"""

from django_tasks import task


@task()
def update_search_documents(product_ids):
    """The database backend's documents (always kept, so it can answer when Elasticsearch cannot)."""
    from .backends import database_backend

    return database_backend().update(product_ids)


@task()
def update_elasticsearch_documents(product_ids):
    """The Elasticsearch index, when ELASTICSEARCH_URL is set."""
    from .backends import elasticsearch_backend

    backend = elasticsearch_backend()
    return backend.primary.update(product_ids) if backend else 0
