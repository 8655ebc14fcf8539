"""Shared set-up for the quality tests: officers, producers, products and applications in each state."""

import pytest
from django.contrib.auth.models import Group

from quality import workflow
from quality.models import CertificationApplication
from shop import roles
from tests.factories import ProducerFactory, ProductFactory, UserFactory, standard_for

State = CertificationApplication.State


def make_officer(username="officer", **kwargs):
    group, _created = Group.objects.get_or_create(name=roles.QUALITY_OFFICERS_GROUP)
    user = UserFactory(username=username, first_name="Mahdi", last_name="Sadeghi", **kwargs)
    user.groups.add(group)
    return user


@pytest.fixture
def officer(db):
    return make_officer()


@pytest.fixture
def other_officer(db):
    return make_officer("officer2")


@pytest.fixture
def producer(db):
    return ProducerFactory()


@pytest.fixture
def customer(db):
    return UserFactory(username="customer")


@pytest.fixture
def uncertified(producer):
    """A product of `producer` with no certificate (off the market)."""
    return ProductFactory(producer=producer, certified=False)


def application_in(state, product, officer, reason="Because."):
    """An application for `product` moved through the real workflow into `state`."""
    standard = standard_for(product.get_product_class())
    application = workflow.start_application(product, standard, product.producer.user)
    if state == State.DRAFT:
        return application
    application = workflow.submit(application, product.producer.user)
    if state == State.SUBMITTED:
        return application
    application = workflow.take(application, officer)
    if state == State.IN_REVIEW:
        return application
    if state == State.APPROVED:
        for item in standard.checklist.all():
            workflow.record_check(application, item, True, officer)
        workflow.approve(application, officer)
    elif state == State.CHANGES_REQUESTED:
        workflow.request_changes(application, officer, reason)
    elif state == State.REJECTED:
        workflow.reject(application, officer, reason)
    application.refresh_from_db()
    return application


@pytest.fixture
def submitted(uncertified, officer):
    return application_in(State.SUBMITTED, uncertified, officer)


@pytest.fixture
def in_review(uncertified, officer):
    return application_in(State.IN_REVIEW, uncertified, officer)
