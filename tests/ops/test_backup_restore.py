"""Backup and restore, end to end on PostgreSQL, with the commands of docs/OPERATIONS.md.

The demo is loaded into a real database (not the test database), backed up with the
document's `backup` step, restored into a new database and new media folders with its
`restore` step, checked with its `check` step, and served by gunicorn from the restored
copy; the document's `smoke` step and the requests below must then find the same shop:
the same numbers of rows, pages that answer, a demo account that signs in, and media
files (public and private) identical to the byte.
"""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings
from django.db import connection

from tests.conftest import require_postgres

pytestmark = pytest.mark.postgres

DOC = Path(settings.BASE_DIR) / "docs" / "OPERATIONS.md"
COUNTED = {
    "products": "SELECT count(*) FROM catalogue_product",
    "orders": "SELECT count(*) FROM order_order",
    "order lines": "SELECT count(*) FROM order_line",
    "certificates": "SELECT count(*) FROM quality_certificate",
    "evidence files": "SELECT count(*) FROM quality_evidence",
    "accounts": "SELECT count(*) FROM auth_user",
    "pages": "SELECT count(*) FROM wagtailcore_page",
}
# Variables of the test's own environment that must not leak into the shop it starts.
NOT_INHERITED = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT", "STRIPE_")


def doc_steps():
    """The `# step: name` shell blocks of docs/OPERATIONS.md, by name."""
    steps = dict(re.findall(r"```sh\n# step: (\S+)\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S))
    assert set(steps) == {"backup", "restore", "check", "smoke"}, sorted(steps)
    return steps


class Server:
    """Where the test databases live (the test database's server and role), as libpq and Django see it."""

    def __init__(self):
        database = connection.settings_dict
        self.host, self.port = database["HOST"] or "127.0.0.1", str(database["PORT"] or 5432)
        self.user, self.password = database["USER"] or "postgres", database["PASSWORD"] or ""
        # market_ops -> market_ops_src / market_ops_restored (test_ and xdist's suffixes stripped)
        self.base = re.sub(r"_gw\d+$", "", database["NAME"].removeprefix("test_"))

    def url(self, name):
        password = f":{self.password}" if self.password else ""
        return f"postgres://{self.user}{password}@{self.host}:{self.port}/{name}"

    def libpq(self):
        return {"PGHOST": self.host, "PGPORT": self.port, "PGUSER": self.user, "PGPASSWORD": self.password}

    def admin(self, sql):
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(sql)

    def drop(self, name):
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def rows(self, name, sql):
        with psycopg.connect(self.url(name)) as database:
            return database.execute(sql).fetchall()


def environment(**values):
    env = {key: value for key, value in os.environ.items() if not key.startswith(NOT_INHERITED)}
    env.update(
        DJANGO_SETTINGS_MODULE="shop.settings",
        DEBUG="1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        **{key: str(value) for key, value in values.items()},
    )
    return env


def run(command, env, timeout=300):
    """Run a command of ours (manage.py, a step of the document) in the project folder; its output."""
    done = subprocess.run(  # noqa: S603  (our own commands)
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=timeout
    )
    output = f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    assert done.returncode == 0, f"{command!r} failed ({done.returncode}):\n{output}"
    return done.stdout


def run_step(name, env):
    return run(["bash", "-euo", "pipefail", "-c", doc_steps()[name]], env)


def manage(*arguments, env):
    return run([sys.executable, "manage.py", *arguments], env)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server():
    require_postgres()
    server = Server()
    server.source, server.restored = f"{server.base}_src", f"{server.base}_restored"
    for name in (server.source, server.restored):
        server.drop(name)  # left over by an interrupted run
    try:
        yield server
    finally:
        for name in (server.source, server.restored):
            server.drop(name)


@pytest.fixture
def shop_from(tmp_path):
    """Start gunicorn on an environment; stopped when the test ends."""
    processes = []

    def start(env):
        port = free_port()
        log = (tmp_path / "gunicorn.log").open("w")
        command = [sys.executable, "-m", "gunicorn", "shop.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        process = subprocess.Popen(  # noqa: S603  (gunicorn serving this project)
            [*command, "--workers", "1", "--timeout", "60", "--graceful-timeout", "5"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                if requests.get(f"{url}/healthz/", timeout=5).status_code == 200:
                    return url
            except requests.ConnectionError:
                time.sleep(0.3)
        pytest.fail("the restored shop did not answer /healthz/ within 60 s")

    yield start
    for process in processes:
        process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
        process.wait(timeout=20)


def sign_in(session, url, email, password):
    session.get(f"{url}/en/accounts/login/")
    response = session.post(
        f"{url}/en/accounts/login/",
        {
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "login-username": email,
            "login-password": password,
            "login_submit": "Log In",
        },
        headers={"Referer": f"{url}/en/accounts/login/"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]


def test_a_backup_of_the_demo_restores_into_a_fresh_database_that_serves_the_shop(server, shop_from, tmp_path):
    source_files = {"MEDIA_ROOT": tmp_path / "source" / "media", "PRIVATE_MEDIA_ROOT": tmp_path / "source" / "private"}
    source = environment(DATABASE_URL=server.url(server.source), **source_files)
    server.admin(f"CREATE DATABASE \"{server.source}\" TEMPLATE template0 ENCODING 'UTF8'")
    manage("migrate", "--noinput", env=source)
    manage("load_demo", env=source)

    backup_dir = tmp_path / "backup"
    run_step("backup", {**source, "BACKUP_DIR": str(backup_dir)})
    backed_up = {path.name for path in backup_dir.iterdir()}
    assert backed_up == {"market.dump", "media.tar.gz", "private.tar.gz", "SHA256SUMS"}

    restored_files = {
        "MEDIA_ROOT": tmp_path / "restored" / "media",
        "PRIVATE_MEDIA_ROOT": tmp_path / "restored" / "private",
    }
    restored = environment(DATABASE_URL=server.url(server.restored), **restored_files)
    run_step("restore", {**restored, **server.libpq(), "NEW_DATABASE": server.restored, "BACKUP_DIR": str(backup_dir)})
    run_step("check", restored)

    counts = {label: server.rows(server.source, sql)[0][0] for label, sql in COUNTED.items()}
    assert all(counts.values()), counts  # the demo has some of everything
    assert {label: server.rows(server.restored, sql)[0][0] for label, sql in COUNTED.items()} == counts

    url = shop_from(restored)
    assert "ok" in run_step("smoke", {**restored, "SHOP_URL": url})
    browser = requests.Session()
    assert browser.get(f"{url}/fa/").status_code == 200
    catalogue = browser.get(f"{url}/en/catalogue/")
    assert catalogue.status_code == 200
    product_path = re.search(r'href="(/en/catalogue/[^"/]+_\d+/)"', catalogue.text).group(1)
    assert browser.get(f"{url}{product_path}").status_code == 200

    [(number,)] = server.rows(
        server.restored,
        "SELECT number FROM quality_certificate WHERE status = 'valid' AND valid_from <= now() AND valid_until > now()"
        " ORDER BY number LIMIT 1",
    )
    verification = browser.get(f"{url}/en/certificates/{number}/")
    assert verification.status_code == 200 and number in verification.text

    # A public upload (a product picture) comes back from the restored MEDIA_ROOT, through the app.
    [(picture,)] = server.rows(server.restored, "SELECT original FROM catalogue_productimage ORDER BY id LIMIT 1")
    original = (source_files["MEDIA_ROOT"] / picture).read_bytes()
    assert (restored_files["MEDIA_ROOT"] / picture).read_bytes() == original
    assert browser.get(f"{url}/media/{picture}").content == original

    # A private evidence file: on disk and downloaded by an officer, identical to the source's.
    [(evidence_id, evidence_file)] = server.rows(
        server.restored, "SELECT id, file FROM quality_evidence ORDER BY id LIMIT 1"
    )
    original = (source_files["PRIVATE_MEDIA_ROOT"] / evidence_file).read_bytes()
    assert (restored_files["PRIVATE_MEDIA_ROOT"] / evidence_file).read_bytes() == original
    officer = requests.Session()
    sign_in(officer, url, "officer@demo.example", "demo-officer-1404")
    download = officer.get(f"{url}/en/quality/evidence/{evidence_id}/")
    assert download.status_code == 200 and download.content == original

    # A customer signs in with the restored password hash and finds their latest order first in the history.
    customer = requests.Session()
    sign_in(customer, url, "customer@demo.example", "demo-customer-1404")
    orders = customer.get(f"{url}/en/accounts/orders/")
    assert orders.status_code == 200
    [(latest,)] = server.rows(
        server.restored,
        "SELECT o.number FROM order_order o JOIN auth_user u ON u.id = o.user_id"
        " WHERE u.email = 'customer@demo.example' ORDER BY o.date_placed DESC LIMIT 1",
    )
    assert latest in orders.text
