from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked: products carry their producer, brand, lead time and content version."""

    name = "catalogue"

    def ready(self):
        super().ready()
        from . import receivers  # noqa: F401
