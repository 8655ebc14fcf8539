"""A fake Stripe for unit tests: an HTTP client answering Stripe-shaped JSON, and signed webhook deliveries."""

import hashlib
import hmac
import itertools
import json
import time
from urllib.parse import parse_qs, urlparse

import stripe

WEBHOOK_SECRET = "whsec_test_secret"
TIMEOUT = object()  # an answer that never comes: the request times out
_ids = itertools.count(1)


def payment_intent(status="succeeded", amount=4_500_000, intent_id=None, error=None, metadata=None):
    intent_id = intent_id or f"pi_test_{next(_ids)}"
    return {
        "id": intent_id,
        "object": "payment_intent",
        "amount": amount,
        "amount_received": amount if status == "succeeded" else 0,
        "currency": "irr",
        "status": status,
        "client_secret": f"{intent_id}_secret_abc",
        "last_payment_error": error,
        "latest_charge": f"ch_for_{intent_id}",
        "metadata": metadata or {},
    }


def listing(path, *objects):
    """A Stripe list answer holding every object on one page."""
    return {"object": "list", "url": path, "has_more": False, "data": list(objects)}


def charge(intent, refunded=0):
    """The intent with its latest charge expanded, `refunded` (Stripe units) of it refunded."""
    return {
        **intent,
        "latest_charge": {
            "id": f"ch_for_{intent['id']}",
            "object": "charge",
            "amount": intent["amount"],
            "amount_refunded": refunded,
            "payment_intent": intent["id"],
        },
    }


def refund_object(intent_id, amount, refund_id=None, status="succeeded"):
    return {
        "id": refund_id or f"re_test_{next(_ids)}",
        "object": "refund",
        "amount": amount,
        "payment_intent": intent_id,
        "status": status,
        "metadata": {},
    }


def card_error(message="Your card was declined.", code="card_declined"):
    return {"error": {"type": "card_error", "code": code, "message": message}}


class FakeStripe(stripe.HTTPClient):
    """Answers each request from a queue of (status, body) per (method, path prefix); records every request."""

    name = "fake"

    def __init__(self):
        super().__init__()
        self.answers = {}
        self.requests = []

    def answer(self, method, path, *responses):
        self.answers.setdefault((method.lower(), path), []).extend(responses)

    def request(self, method, url, headers, post_data=None):
        parsed = urlparse(url)
        body = post_data.decode() if isinstance(post_data, bytes) else (post_data or "")
        self.requests.append(
            {
                "method": method.lower(),
                "path": parsed.path,
                "query": parse_qs(parsed.query),
                "headers": dict(headers or {}),
                "data": parse_qs(body),
            }
        )
        matching = [
            (prefix, queue)
            for (answer_method, prefix), queue in self.answers.items()
            if answer_method == method.lower() and parsed.path.startswith(prefix) and queue
        ]
        for _prefix, queue in sorted(matching, key=lambda item: -len(item[0]))[:1]:  # the most specific path
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
            if answer is TIMEOUT:
                raise stripe.APIConnectionError("Request to Stripe timed out (fake)", should_retry=True)
            status, payload = answer
            return json.dumps(payload), status, {"request-id": "req_fake"}
        return json.dumps({"error": {"type": "invalid_request_error", "message": "no fake answer"}}), 404, {}

    def close(self):
        pass

    def _sleep_time_seconds(self, num_retries, response=None):
        return 0  # retries happen, without waiting

    def calls(self, method, path):
        return [request for request in self.requests if request["method"] == method and request["path"] == path]


def signature(payload, secret=WEBHOOK_SECRET, timestamp=None):
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    digest = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event(event_type, obj, event_id=None):
    return {
        "id": event_id or f"evt_{next(_ids)}",
        "object": "event",
        "type": event_type,
        "api_version": "2024-06-20",
        "created": int(time.time()),
        "data": {"object": obj},
    }
