from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from shop.preorders.models import Campaign, Commitment
from tests.factories import ProductFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    """A running campaign for a certified product (use state=... for the others)."""

    class Meta:
        model = Campaign

    product = factory.SubFactory(ProductFactory)
    target_quantity = 10
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    estimated_ship_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    price = Decimal("400000")
    max_per_customer = 3
    state = Campaign.State.RUNNING


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    campaign = factory.SubFactory(CampaignFactory)
    email = factory.Sequence(lambda n: f"customer{n}@example.com")
    quantity = 1
    method = Commitment.Method.CASH_ON_DELIVERY
