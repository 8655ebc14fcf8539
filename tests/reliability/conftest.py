"""Fault injection: a mail server that is down, an unreachable Elasticsearch or cache, a database that fails."""

import contextlib
import logging
import socket
import threading

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


def refused_port():
    """A local port where nothing listens: connections are refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def hanging_server():
    """A local server that accepts connections and never answers (a stuck service, a dead proxy); its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.1)
    held, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()
