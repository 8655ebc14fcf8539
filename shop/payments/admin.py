"""Refunds are an audit trail: Oscar's admin for payment events is replaced by a read-only one.

A refund is recorded as a "Refunded" PaymentEvent (shop/payments/refunds.py) with its line
quantities; nobody, superusers included, may add, change or delete these rows through django-admin.
"""

from django.contrib import admin
from oscar.apps.order.models import PaymentEvent


class ReadOnlyPaymentEventAdmin(admin.ModelAdmin):
    list_display = ("order", "event_type", "amount", "reference", "date_created")
    list_filter = ("event_type",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


if admin.site.is_registered(PaymentEvent):
    admin.site.unregister(PaymentEvent)
admin.site.register(PaymentEvent, ReadOnlyPaymentEventAdmin)
