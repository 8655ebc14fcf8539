from oscar.apps.dashboard.orders import apps

# Whole-order pages: statistics, notes and the shipping address form are for staff only.
STAFF_ONLY = ("order-stats", "order-detail-note", "order-shipping-address")
# Pages that change an order: reading orders (programme staff's view_order) is not enough.
CHANGE_ORDER = ("order-detail-note", "order-shipping-address")


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's orders dashboard, forked: a producer sees and dispatches only their own order lines
    (views.py); whole-order pages and actions stay with staff."""

    name = "shop.dashboard.orders"

    def configure_permissions(self):
        super().configure_permissions()
        for name in STAFF_ONLY:
            permissions = self.permissions_map[name]
            if isinstance(permissions, tuple):
                self.permissions_map[name] = permissions[0]
        for name in CHANGE_ORDER:
            self.permissions_map[name] = [*self.permissions_map[name], "order.change_order"]
