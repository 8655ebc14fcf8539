"""The Stripe webhook endpoint: verify, store once, answer at once; the work happens in a task."""

import json
import logging

import stripe
from django.db import IntegrityError, transaction
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import gateway, tasks
from .models import WebhookEvent

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    try:
        event = gateway.construct_event(request.body, request.headers.get("Stripe-Signature"))
    except (ValueError, stripe.SignatureVerificationError) as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("invalid payload or signature")
    try:
        with transaction.atomic():
            stored = WebhookEvent.objects.create(
                event_id=event["id"], type=event["type"], payload=json.loads(request.body)
            )
    except IntegrityError:
        return JsonResponse({"received": True, "duplicate": True})
    transaction.on_commit(lambda: tasks.process_event.enqueue(stored.pk))
    return JsonResponse({"received": True})
