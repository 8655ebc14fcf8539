"""Which products a dashboard user may see: the rule is producers.policy.products_for()."""

from django.core.exceptions import PermissionDenied
from oscar.apps.dashboard.catalogue.mixins import *  # noqa: F403  (Oscar's fork mechanism)
from oscar.apps.dashboard.catalogue.mixins import ProductBulkActionMixin as OscarProductBulkActionMixin

from producers import policy


class PartnerProductFilterMixin:
    def filter_queryset(self, queryset):
        """Staff see every product; a producer only their own (others' are simply not there: 404)."""
        user = self.request.user
        if user.is_staff:
            return queryset
        return queryset.filter(pk__in=policy.products_for(user).values("pk"))


class ProductBulkActionMixin(OscarProductBulkActionMixin):
    """Bulk actions (make public or not, set prices) are for staff only."""

    def get_actions(self):
        if not self.request.user.is_staff:
            return {}
        return super().get_actions()

    def post(self, request, *args, **kwargs):
        if not request.user.is_staff:
            raise PermissionDenied
        return super().post(request, *args, **kwargs)
