"""The dashboard's home page, forked: producers see their own figures, never the shop's totals."""

from django.db.models import Q
from oscar.apps.dashboard import views as oscar_views
from oscar.apps.dashboard.views import *  # noqa: F403  (Oscar's fork mechanism)

from producers import policy, training
from producers.models import LineShipment


class IndexView(oscar_views.IndexView):
    def get_template_names(self):
        if self.request.user.is_staff:
            return ["oscar/dashboard/index.html"]
        return ["oscar/dashboard/index_nonstaff.html"]

    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:
            return super().get_context_data(**kwargs)
        # Oscar's statistics count whole orders (other producers' lines included): not for producers.
        context = super(oscar_views.IndexView, self).get_context_data(**kwargs)
        producer = policy.current_producer(self.request.user)
        context["producer"] = producer
        if producer is None:
            return context
        user = self.request.user
        lines = policy.order_lines_for(user)
        context.update(
            {
                "product_count": policy.products_for(user).filter(parent__isnull=True).count(),
                "lines_to_dispatch": lines.filter(shipment__isnull=True).count(),
                "lines_dispatched": LineShipment.objects.filter(line__in=lines).count(),
                "open_invitations": policy.invitations_for(user).filter(status="invited").count(),
                "untrained_crafts": [
                    {"craft": craft, "missing": missing}
                    for craft in policy.craft_choices(producer)
                    if (missing := training.missing_training(producer, craft))
                ],
                "low_stock": policy.stockrecords_for(user)
                .filter(Q(num_in_stock__lte=0) | Q(num_in_stock__isnull=True))
                .count(),
            }
        )
        return context
