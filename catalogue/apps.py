from oscar.apps.catalogue import apps


class CatalogueConfig(apps.CatalogueConfig):
    """Oscar's catalogue, forked: products carry their producer, brand and lead time."""

    name = "catalogue"
