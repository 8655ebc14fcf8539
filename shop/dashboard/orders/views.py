"""The orders dashboard's views, forked for the producer portal.

An order may hold lines of several producers. Staff keep Oscar's pages. A
producer (producers.policy) gets their own pages instead:
- the list shows their own lines only, never whole-order totals;
- an order shows only their own lines (and where to send them);
- they mark their own lines dispatched with a tracking reference
  (producers.fulfilment); another producer's line is 404;
- no order status changes, notes, payment events or address edits.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders import views as oscar_views
from oscar.apps.dashboard.orders.views import *  # noqa: F403  (Oscar's fork mechanism)
from oscar.apps.order.models import Order

from producers import fulfilment, policy
from producers.forms import DispatchForm


def _lines_of(user):
    return policy.order_lines_for(user).select_related("order", "product", "shipment", "order__shipping_address")


class ProducerOrdersMixin:
    """Routes a producer to the producer's version of the page; staff get Oscar's."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_staff:
            self.producer = policy.require_producer(request.user)
            return self.producer_dispatch(request, *args, **kwargs)
        return super().dispatch(request, *args, **kwargs)


class OrderListView(ProducerOrdersMixin, oscar_views.OrderListView):
    def producer_dispatch(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        lines = _lines_of(request.user).order_by("-order__date_placed", "pk")
        state = request.GET.get("state")
        if state == "to_dispatch":
            lines = lines.filter(shipment__isnull=True)
        elif state == "dispatched":
            lines = lines.filter(shipment__isnull=False)
        page = Paginator(lines, self.paginate_by).get_page(request.GET.get("page"))
        return render(
            request,
            "oscar/dashboard/orders/producer_line_list.html",
            {
                "producer": self.producer,
                "lines": page.object_list,
                "page_obj": page,
                "paginator": page.paginator,
                "is_paginated": page.has_other_pages(),
                "state": state or "",
            },
        )


class OrderDetailView(ProducerOrdersMixin, oscar_views.OrderDetailView):
    def producer_dispatch(self, request, *args, **kwargs):
        if request.method != "GET":
            return redirect("dashboard:order-detail", number=kwargs["number"])
        lines = list(_lines_of(request.user).filter(order__number=kwargs["number"]).order_by("pk"))
        if not lines:
            raise Http404  # no line of theirs: as if the order did not exist
        order = Order.objects.select_related("shipping_address", "shipping_address__country").get(pk=lines[0].order_id)
        return render(
            request,
            "oscar/dashboard/orders/producer_order_detail.html",
            {"producer": self.producer, "order": order, "lines": lines, "dispatch_form": DispatchForm()},
        )

    def post(self, request, *args, **kwargs):
        # Status changes, notes, payment events and refunds act on the order: programme staff, who
        # may read every order (view_order), may not change one.
        if not request.user.has_perm("order.change_order"):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)

    # Staff refunds (shop.payments.refunds): the whole order, or the selected lines.
    order_actions = (*oscar_views.OrderDetailView.order_actions, "refund_order")
    line_actions = (*oscar_views.OrderDetailView.line_actions, "refund_lines")

    def refund_order(self, request, order):
        return self._refund(request, order, None)

    def refund_lines(self, request, order, lines, quantities):
        if any(quantity != line.quantity for line, quantity in zip(lines, quantities, strict=True)):
            return self.reload_page(error=_("Lines are refunded whole: leave each line's full quantity."))
        return self._refund(request, order, list(lines))

    def _refund(self, request, order, lines):
        from shop.payments import gateway, refunds

        try:
            event = refunds.refund(order, request.user, lines, reason=request.POST.get("reason", "").strip())
        except refunds.RefundRefused as refusal:
            return self.reload_page(error=str(refusal))
        except gateway.PaymentError as error:
            return self.reload_page(error=_("Stripe did not make the refund: %(error)s") % {"error": error})
        messages.success(request, _("Refund recorded: %(amount)s.") % {"amount": event.amount})
        return self.reload_page()


class LineDetailView(ProducerOrdersMixin, oscar_views.LineDetailView):
    def producer_dispatch(self, request, *args, **kwargs):
        line = policy.get_or_404(_lines_of(request.user), order__number=kwargs["number"], pk=kwargs["line_id"])
        form = DispatchForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                fulfilment.dispatch_line(
                    line,
                    self.producer,
                    request.user,
                    form.cleaned_data["tracking_reference"],
                    form.cleaned_data["carrier"],
                )
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Line marked as dispatched."))
                return redirect("dashboard:order-detail", number=line.order.number)
        return render(
            request,
            "oscar/dashboard/orders/producer_line_detail.html",
            {"producer": self.producer, "line": line, "order": line.order, "dispatch_form": form},
            status=400 if request.method == "POST" else 200,
        )
