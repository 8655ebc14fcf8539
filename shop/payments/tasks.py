"""Webhook processing as a django-tasks task: the view only verifies and stores the event."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def _handlers():
    from . import services

    return {
        "payment_intent.succeeded": services.settle,
        "payment_intent.payment_failed": services.settle,
        "payment_intent.requires_action": services.settle,
        "payment_intent.canceled": services.settle,
        "charge.refunded": services.record_charge_refunded,
    }


@task()
def process_event(event_pk):
    """Process one stored Stripe event, once (a processed event is skipped, however often it is enqueued)."""
    from .models import WebhookEvent

    with transaction.atomic():
        event = WebhookEvent.objects.select_for_update().get(pk=event_pk)
        if event.processed_at is not None:
            return "already processed"
        handler = _handlers().get(event.type)
        if handler is not None:
            handler(event.payload["data"]["object"])
        event.processed_at = timezone.now()
        event.save(update_fields=["processed_at"])
    return event.type
