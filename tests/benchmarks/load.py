"""The load benchmark (`make bench`): the shop under production settings, loaded by locust.

    .venv/bin/python tests/benchmarks/load.py --products 1000 10000 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/1 \\
        .venv/bin/python tests/benchmarks/load.py --products 1000 10000 100000

For each catalogue size, in turn (the catalogue only grows):
1. the database is migrated, the demo loaded and the catalogue grown with
   `generate_catalogue` (certified products, producers, orders);
2. the queries each page costs are counted in-process (Django's test client);
3. gunicorn serves the shop as in production (DEBUG off, WhiteNoise static files,
   PostgreSQL when DATABASE_URL is set, Redis cache when REDIS_URL is set);
4. locust (headless) plays customers with think time for --duration seconds
   (--users concurrent): home, catalogue, category, product, search, producer shop,
   certificate verification, basket add + view and cash-on-delivery checkout;
   requests/s, p50/p95/p99 latency and errors per page;
5. each page alone, without think time, for --throughput-seconds: its throughput,
   and its ratio to /healthz/ (the load balancer's poll: one database query) served
   by the same gunicorn. Before these runs every sampled URL is visited once in each
   language, as a live shop's visitors keep its anonymous page cache warm (the mixed
   run starts cold).

The results table is printed and written to tests/benchmarks/results/.
Without DATABASE_URL a temporary SQLite file is used. With it, that database must be
empty or hold only an earlier run of this benchmark (it is filled, never cleaned).
--database-per-size gives each size its own database instead (kept between runs, so
that measuring again does not mean generating 100,000 products again):

    --database-per-size 'postgres://postgres@127.0.0.1:5432/bench_{size}'

(BENCH_MEDIA_ROOT may contain {size} too: where that database's pictures are.)
"""

import argparse
import concurrent.futures
import csv
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
RESULTS = ROOT / "tests" / "benchmarks" / "results"
LOCUSTFILE = Path(__file__).with_name("locustfile.py")
FOLDER = Path(tempfile.mkdtemp(prefix="load-benchmark-"))

# Locust task (BENCH_ONLY) → the request name of its page in the results.
THROUGHPUT_PAGES = {
    "healthz": "healthz",
    "home": "home",
    "catalogue": "catalogue",
    "category": "category",
    "product": "product",
    "search": "search",
    "producer_shop": "producer shop",
    "verification": "certificate verification",
}


def environment():
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{FOLDER}/benchmark.sqlite3")
    env.update(
        DJANGO_SETTINGS_MODULE="shop.settings",
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY", "load-benchmark-secret-key-not-for-production-0123456789"),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        # A kept database (BENCH_MEDIA_ROOT: where its pictures were stored) or this run's own folder.
        MEDIA_ROOT=env.get("BENCH_MEDIA_ROOT", str(FOLDER / "media")),
        STATIC_ROOT=str(FOLDER / "static"),
        LOG_LEVEL="ERROR",
    )
    # Every simulated customer comes from 127.0.0.1: the per-address limit on certificate lookups (60 a
    # minute) would answer most verification requests with 429, which a real site's many addresses never meet.
    env.setdefault("RATE_LIMIT_CERTIFICATE", "1000000")
    # Likewise placing orders (20 per address per 10 minutes): past it the preview answers 429, not an order.
    env.setdefault("RATE_LIMIT_CHECKOUT", "1000000")
    return env


def manage(env, *args):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def prepare(env, size):
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "load_demo")
    manage(env, "generate_catalogue", "--products", str(size), "--pictures", "2", "--no-index")
    # The index is rebuilt only when it disagrees with the catalogue (it took 10 minutes at 100k on a
    # loaded machine): an earlier run of the same size, kept in DATABASE_URL, is measured again as it is.
    check = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "search_index", "--check", "--backend", "database"],
        env=env,
        cwd=ROOT,
        capture_output=True,
    )
    if check.returncode != 0:
        manage(env, "search_index", "--rebuild")
    if env["DATABASE_URL"].startswith("postgres"):
        # Bulk writes leave the visibility map unset until autovacuum passes: index-only scans (facet
        # counts) would read the table meanwhile, and the planner's statistics would describe less data.
        vacuum = "from django.db import connection; connection.cursor().execute('VACUUM ANALYZE')"
        manage(env, "shell", "-c", vacuum)


def targets_and_queries(env):
    """Sample URLs of each kind (for locust) and the queries each page costs (counted in-process)."""
    script = (
        "import json, sys; from tests.benchmarks.load_pages import sample; "
        "json.dump(sample(), sys.stdout, ensure_ascii=False)"
    )
    output = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {script}"],
        env={**env, "PYTHONPATH": str(ROOT)},
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, workers):
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "shop.wsgi:application",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"{url}/healthz/", timeout=2) as response:
                if response.status == 200:
                    return server, url
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def locust(env, url, targets_file, users, seconds, name, only=None):
    prefix = FOLDER / name
    run_env = {**env, "BENCH_TARGETS": str(targets_file)}
    if only:
        run_env.update(BENCH_ONLY=only, BENCH_WAIT="0")
    subprocess.run(
        [
            str(BIN / "locust"),
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--users",
            str(users),
            "--spawn-rate",
            str(max(users // 5, 1)),
            "--run-time",
            f"{seconds}s",
            "--host",
            url,
            "--csv",
            str(prefix),
            "--only-summary",
            "--loglevel",
            "ERROR",
        ],
        env=run_env,
        cwd=ROOT,
        check=False,  # locust exits 1 when a request failed: the table reports the failures
        stdout=subprocess.DEVNULL,
    )
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}


def number(row, column):
    return float(row.get(column) or 0)


def warm(url, targets):
    """Visit every sampled page once in each language (4 at a time): the anonymous page cache as a live
    shop's visitors keep it. Answers are not checked here: the runs count errors."""
    paths = [path for kind in ("products", "categories", "producers", "certificates") for path in targets[kind]]
    pages = [f"{url}/{language}{path}" for language in ("fa", "en") for path in paths]
    pages += [f"{url}/{language}/" for language in ("fa", "en")] + [f"{url}/{lang}/catalogue/" for lang in ("fa", "en")]

    def visit(page):
        try:
            with urllib.request.urlopen(page, timeout=60) as response:
                response.read()
        except OSError:
            pass

    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(visit, pages))


def size_environment(env, size, args):
    if not args.database_per_size:
        return env
    media = env.get("BENCH_MEDIA_ROOT")
    return {
        **env,
        "DATABASE_URL": args.database_per_size.format(size=size),
        **({"MEDIA_ROOT": media.format(size=size)} if media else {}),
    }


def run_size(env, size, args):
    print(f"--- {size} products: preparing", file=sys.stderr)
    env = size_environment(env, size, args)
    prepare(env, size)
    sample = targets_and_queries(env)
    targets_file = FOLDER / "targets.json"
    targets_file.write_text(json.dumps(sample["targets"], ensure_ascii=False), encoding="utf-8")
    server, url = start_gunicorn(env, args.workers)
    load = {"before": os.getloadavg()}
    try:
        print(f"--- {size} products: {args.users} customers for {args.duration} s", file=sys.stderr)
        mixed = locust(env, url, targets_file, args.users, args.duration, f"mixed-{size}")
        print(f"--- {size} products: warming the page cache", file=sys.stderr)
        warm(url, sample["targets"])
        throughput = {}
        for task, page in THROUGHPUT_PAGES.items():
            print(f"--- {size} products: throughput of {page}", file=sys.stderr)
            users, seconds = args.throughput_users, args.throughput_seconds
            stats = locust(env, url, targets_file, users, seconds, f"{task}-{size}", task)
            throughput[page] = (number(stats.get(page, {}), "Requests/s"), number(stats.get(page, {}), "95%"))
        load["after"] = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return mixed, throughput, sample["queries"], load


def load_line(load):
    """The machine's load averages around the run (other work on it slows every page alike)."""
    return "Load averages (1, 5, 15 min): " + ", ".join(
        f"{moment} {' '.join(f'{value:.2f}' for value in values)}" for moment, values in load.items()
    )


def table(size, mixed, throughput, queries, vendor, load):
    health = throughput.get("healthz", (0, 0))[0]
    lines = [
        f"### {size:,} products ({vendor})",
        "",
        "| page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | alone req/s | alone p95 ms | × healthz "
        "| queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = [name for name in mixed if name != "Aggregated"] + ["Aggregated"]
    for name in names:
        row = mixed[name]
        alone, alone_p95 = throughput.get(name, (0, 0))
        ratio = f"{health / alone:.1f}" if alone and health else ""
        lines.append(
            f"| {name} | {int(number(row, 'Request Count'))} | {number(row, 'Requests/s'):.1f} "
            f"| {number(row, '50%'):.0f} | {number(row, '95%'):.0f} | {number(row, '99%'):.0f} "
            f"| {int(number(row, 'Failure Count'))} | {f'{alone:.1f}' if alone else ''} "
            f"| {f'{alone_p95:.0f}' if alone else ''} | {ratio} | {queries.get(name, '')} |"
        )
    if health:
        lines += ["", f"/healthz/ alone: {health:.1f} req/s (× healthz = how many times slower than it)."]
    lines += ["", load_line(load)]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--users", type=int, default=50, help="concurrent customers in the mixed run")
    parser.add_argument("--duration", type=int, default=120, help="seconds of the mixed run")
    parser.add_argument("--throughput-users", type=int, default=8)
    parser.add_argument("--throughput-seconds", type=int, default=15)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) * 2 + 1)
    parser.add_argument(
        "--database-per-size", metavar="URL", help="a database URL with {size}: one kept database per size"
    )
    args = parser.parse_args()

    env = environment()
    url = args.database_per_size or env["DATABASE_URL"]
    vendor = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    cache = "Redis" if env.get("REDIS_URL") else "local memory"
    started = datetime.now(UTC)
    sections = [
        f"## Load benchmark, {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"{vendor}, cache in {cache}, gunicorn with {args.workers} workers, DEBUG off; "
        f"{args.users} customers with think time for {args.duration} s, then each page alone "
        f"({args.throughput_users} users, no think time, {args.throughput_seconds} s, page cache warm). "
        f"Machine: {os.cpu_count()} cores.",
    ]
    for size in sorted(args.products):
        mixed, throughput, queries, load = run_size(env, size, args)
        sections += ["", table(size, mixed, throughput, queries, vendor, load)]
        print("\n".join(sections[-1:]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"load-{vendor.lower()}-{started:%Y%m%d-%H%M}.md"
    path.write_text("\n".join(sections) + "\n", encoding="utf-8")
    print(f"\nWritten to {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
