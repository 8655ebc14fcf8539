from oscar.apps.dashboard.catalogue import apps

# Pages producers may not use at all: bulk actions (they would make products public or
# reprice many at once), the product lookup (a list of every product) and variants.
STAFF_ONLY = ("catalogue-product-bulk-action", "catalogue-product-lookup", "catalogue-product-create-child")


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's catalogue dashboard, forked for the producer portal: a producer lists only in their
    crafts (with the training done), sees and edits only their own products, and never sets
    `is_public` (see views.py and forms.py)."""

    name = "shop.dashboard.catalogue"

    def configure_permissions(self):
        super().configure_permissions()
        for name in STAFF_ONLY:
            permissions = self.permissions_map[name]
            if isinstance(permissions, tuple):
                self.permissions_map[name] = permissions[0]
