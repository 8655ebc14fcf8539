"""Elasticsearch configured but not answering: every search surface answers from the database.

tests/search/test_elasticsearch.py covers a refused connection on the search page (and the pause
before trying again). Here: the other ways a cluster fails (it hangs, it answers errors, its index
is missing, as on a fresh cluster after a restore) on the search page, the catalogue, a category
page and the suggestions, each trying Elasticsearch first (no pause), and catalogue edits made
while it is down.
"""

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from shop.search import backends
from tests.factories import ProductFactory, category, home_pages
from tests.search.conftest import rebuild_index

from .conftest import hanging_server, refused_port

pytestmark = pytest.mark.django_db

TIMEOUT = 0.5  # SEARCH_ELASTICSEARCH_TIMEOUT in these tests


def refusing():
    """Nothing listens: the connection is refused at once."""
    yield f"http://127.0.0.1:{refused_port()}"


def hanging():
    """Accepts connections and never answers (a cluster stuck in garbage collection, a dead proxy)."""
    with hanging_server() as port:
        yield f"http://127.0.0.1:{port}"


def answering(status, error_type):
    """An Elasticsearch that answers every request with this error."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            body = json.dumps({"error": {"type": error_type, "reason": error_type}, "status": status}).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = _answer

        def log_message(self, *args):
            pass

    def serve():
        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}"
        server.shutdown()
        server.server_close()

    return serve


FAILURES = {
    "refused": refusing,
    "hanging": hanging,
    "unavailable (503)": answering(503, "cluster_block_exception"),
    "index missing (404)": answering(404, "index_not_found_exception"),
}


@pytest.fixture(params=list(FAILURES))
def broken_elasticsearch(request, settings):
    failure = FAILURES[request.param]()
    settings.ELASTICSEARCH_URL = next(failure)
    settings.SEARCH_ELASTICSEARCH_TIMEOUT = TIMEOUT
    settings.SEARCH_ELASTICSEARCH_RETRY_AFTER = 0  # every request tries Elasticsearch first
    backends._cache.clear()
    yield request.param
    backends._cache.clear()
    next(failure, None)


@pytest.fixture
def catalogue():
    """Two listable products in a category, indexed in the database (before Elasticsearch is configured)."""
    home_pages()
    rugs = category("Rugs", "گلیم")
    wool = ProductFactory(title_en="Wool rug", title_fa="گلیم پشمی", categories=[rugs])
    silk = ProductFactory(title_en="Silk rug", title_fa="گلیم ابریشمی", categories=[rugs])
    rebuild_index()
    return {"category": rugs, "products": [wool, silk]}


def timed_get(client, path, data=None):
    started = time.monotonic()
    response = client.get(path, data or {})
    return response, time.monotonic() - started


def test_every_search_surface_answers_from_the_database(catalogue, broken_elasticsearch, client):
    pages = {
        "search": ("/en/search/", {"q": "rug"}),
        "catalogue": ("/en/catalogue/", None),
        "category": (catalogue["category"].get_absolute_url().replace("/fa/", "/en/", 1), None),
    }
    for name, (path, data) in pages.items():
        response, seconds = timed_get(client, path, data)
        assert response.status_code == 200, name
        assert response.context["result"].backend == "database", name
        shown = {product.pk for product in response.context["products"]}
        assert shown == {product.pk for product in catalogue["products"]}, name
        assert seconds < TIMEOUT + 3, f"{name} took {seconds:.1f} s"  # bounded by the timeout, not the outage

    response, seconds = timed_get(client, "/en/search/suggest/", {"q": "wool"})
    assert response.status_code == 200 and seconds < TIMEOUT + 3
    labels = [item["label"] for group in response.json()["groups"] for item in group["items"]]
    assert "Wool rug" in labels


def test_catalogue_edits_while_elasticsearch_is_down_reach_the_database_search(settings, client):
    home_pages()
    settings.ELASTICSEARCH_URL = next(refusing())
    backends._cache.clear()
    try:
        added = ProductFactory(title_en="Saffron from Torbat")  # its index tasks run now; Elasticsearch's fails
        response = client.get("/en/search/", {"q": "saffron"})
    finally:
        backends._cache.clear()
    assert response.status_code == 200
    assert [product.pk for product in response.context["products"]] == [added.pk]
