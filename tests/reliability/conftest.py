"""Fault injection: a mail server that is down, an unreachable Elasticsearch or cache, a database that fails."""

import logging

import pytest


@pytest.fixture
def mail_down(settings, caplog):
    """Every e-mail the shop sends raises as if the SMTP server refused the connection; errors are captured."""
    settings.EMAIL_BACKEND = "tests.checkout.broken_mail.Backend"
    caplog.set_level(logging.ERROR)
    return caplog


def logged_errors(caplog, text):
    """The ERROR records (with their exception) whose message contains `text`."""
    return [record for record in caplog.records if record.levelno >= logging.ERROR and text in record.getMessage()]
