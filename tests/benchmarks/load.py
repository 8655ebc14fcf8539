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
   requests/s, p50/p95/p99 latency, errors and each worker's CPU time per page
   (gunicorn_hooks.py), and the cores used by gunicorn, PostgreSQL, Redis and locust.
   Twice: "cold", right after a deploy (the cache, REDIS_URL's database, emptied
   first: give the benchmark a Redis database of its own), then "steady", as on a
   live shop, every sampled page visited once in each language beforehand by
   visitors browsing with cookies (the page cache and the product cards warm);
5. each page alone, without think time, for --throughput-seconds: its throughput,
   and its ratio to /healthz/ (the load balancer's poll: one database query) served
   by the same gunicorn, caches warm.

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
import http.cookiejar
import json
import os
import resource
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
HOOKS = Path(__file__).with_name("gunicorn_hooks.py")
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


def start_gunicorn(env, workers, cpu_folder=None):
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "shop.wsgi:application",
            "--config",
            str(HOOKS),
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env={**env, **({"BENCH_CPU_DIR": str(cpu_folder)} if cpu_folder else {})},
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


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
KINDS = {"gunicorn": "shop (gunicorn)", "postgres": "PostgreSQL", "redis-server": "Redis"}


def cpu_by_kind():
    """{kind: CPU seconds (user + system) used so far} by the processes of each kind (Linux /proc; empty
    elsewhere): the shop's gunicorn master and workers, PostgreSQL, Redis. A process's count includes its
    children that have ended (PostgreSQL's backends, one per connection, end with their connection)."""
    seconds = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
            command = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # the process ended meanwhile
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        kind = next((kind for key, kind in KINDS.items() if key == name or f"/{key} " in command), None)
        if kind:
            seconds[kind] = seconds.get(kind, 0) + sum(int(field) for field in fields[11:15]) / TICKS
    return seconds


def cpu_shares(before, after, children, seconds):
    """Cores used on average during a run, per kind of process (the load generator: locust, a child)."""
    used = {kind: after.get(kind, 0) - before.get(kind, 0) for kind in after}
    used["locust (load generator)"] = children
    return {kind: value / seconds for kind, value in used.items()}


def locust(env, url, targets_file, users, seconds, name, only=None):
    prefix = FOLDER / name
    run_env = {**env, "BENCH_TARGETS": str(targets_file)}
    if only:
        run_env.update(BENCH_ONLY=only, BENCH_WAIT="0")
    before, children, started = cpu_by_kind(), resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
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
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    children = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    cores = cpu_shares(before, cpu_by_kind(), children, time.monotonic() - started)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}, cores


def number(row, column):
    return float(row.get(column) or 0)


def warm(url, targets, browsers=4):
    """Visit every sampled page once in each language, as a live shop's visitors keep its caches warm:
    the anonymous page cache and the product cards (a visitor's recently viewed products show the cards of
    the products they saw before). `browsers` visitors at a time, each keeping its cookies; answers are not
    checked here (the runs count errors)."""
    paths = [path for kind in ("products", "categories", "producers", "certificates") for path in targets[kind]]
    pages = [f"{url}/{language}{path}" for language in ("fa", "en") for path in ["/", "/catalogue/", *paths]]

    def browse(share):
        visitor = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        for page in share:
            try:
                with visitor.open(page, timeout=60) as response:
                    response.read()
            except OSError:
                pass

    with concurrent.futures.ThreadPoolExecutor(max_workers=browsers) as pool:
        list(pool.map(browse, [pages[start::browsers] for start in range(browsers)]))


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
    # Cold means empty: the cache (REDIS_URL's database, the benchmark's own) is emptied first.
    manage(env, "shell", "-c", "from django.core.cache import cache; cache.clear()")
    load = {"before": os.getloadavg()}
    cold, load["cold cores"], _cpu = mixed_run(env, args, size, sample["targets"], targets_file, "cold")
    mixed, load["cores"], load["cpu"] = mixed_run(env, args, size, sample["targets"], targets_file, "steady")
    server, url = start_gunicorn(env, args.workers)
    try:
        warm(url, sample["targets"])  # again: without REDIS_URL the cache lived in the stopped workers
        throughput = {}
        for task, page in THROUGHPUT_PAGES.items():
            print(f"--- {size} products: throughput of {page}", file=sys.stderr)
            users, seconds = args.throughput_users, args.throughput_seconds
            stats, _cores = locust(env, url, targets_file, users, seconds, f"{task}-{size}", task)
            throughput[page] = (number(stats.get(page, {}), "Requests/s"), number(stats.get(page, {}), "95%"))
        load["after"] = os.getloadavg()
    finally:
        stop(server)
    return mixed, cold, throughput, sample["queries"], load


def mixed_run(env, args, size, targets, targets_file, phase):
    """The customers' mixed run on a gunicorn of its own: (locust's stats, cores used by each kind of
    process, a worker's CPU ms per request by name). "cold": right after a deploy, every cache empty (the
    first run of a size: the benchmark's Redis database, or local memory, starts empty). "steady": a live
    shop, its caches kept warm by earlier visitors (warm())."""
    cpu_folder = FOLDER / f"cpu-{size}-{phase}"
    cpu_folder.mkdir()
    server, url = start_gunicorn(env, args.workers, cpu_folder)
    try:
        if phase == "steady":
            print(f"--- {size} products: warming the caches", file=sys.stderr)
            warm(url, targets)
        print(f"--- {size} products: {args.users} customers for {args.duration} s ({phase})", file=sys.stderr)
        stats, cores = locust(env, url, targets_file, args.users, args.duration, f"mixed-{phase}-{size}")
    finally:
        stop(server)
    return stats, cores, worker_cpu(cpu_folder)


def stop(server):
    server.terminate()
    server.wait(timeout=30)


def worker_cpu(folder):
    """{request name: mean CPU milliseconds of a gunicorn worker per request} (gunicorn_hooks.py)."""
    totals = {}
    for path in folder.glob("*.json"):
        for name, (count, seconds) in json.loads(path.read_text(encoding="utf-8")).items():
            known = totals.get(name, (0, 0.0))
            totals[name] = (known[0] + count, known[1] + seconds)
    return {name: 1000 * seconds / count for name, (count, seconds) in totals.items() if count}


def cores_line(cores):
    return ", ".join(f"{kind} {value:.2f}" for kind, value in sorted(cores.items(), key=lambda item: -item[1]))


def load_line(load):
    """The machine's load averages around the runs (other work on it slows every page alike), and where its
    cores went during the steady mixed run."""
    line = "Load averages (1, 5, 15 min): " + ", ".join(
        f"{moment} {' '.join(f'{value:.2f}' for value in load[moment])}" for moment in ("before", "after")
    )
    if load.get("cores"):
        line += f".\n\nCores used during the steady mixed run (of {os.cpu_count()}): {cores_line(load['cores'])}"
    return line


def cold_line(cold, load):
    total = cold.get("Aggregated", {})
    return (
        "Cold start (the same customers right after a deploy, every cache empty): "
        f"{number(total, 'Requests/s'):.1f} req/s, p50 {number(total, '50%'):.0f} ms, p95 "
        f"{number(total, '95%'):.0f} ms, p99 {number(total, '99%'):.0f} ms, "
        f"{int(number(total, 'Failure Count'))} errors; cores used: {cores_line(load.get('cold cores', {}))}."
    )


def cell(value, digits=0):
    return f"{value:.{digits}f}" if value else ""


def table(size, mixed, cold, throughput, queries, vendor, load):
    health = throughput.get("healthz", (0, 0))[0]
    cpu = load.get("cpu", {})
    lines = [
        f"### {size:,} products ({vendor})",
        "",
        "| page | requests | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms | cold p95 ms | alone req/s "
        "| alone p95 ms | × healthz | queries |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = [name for name in mixed if name != "Aggregated"] + ["Aggregated"]
    for name in names:
        row = mixed[name]
        alone, alone_p95 = throughput.get(name, (0, 0))
        ratio = f"{health / alone:.1f}" if alone and health else ""
        lines.append(
            f"| {name} | {int(number(row, 'Request Count'))} | {number(row, 'Requests/s'):.1f} "
            f"| {number(row, '50%'):.0f} | {number(row, '95%'):.0f} | {number(row, '99%'):.0f} "
            f"| {int(number(row, 'Failure Count'))} | {cell(cpu.get(name, 0))} "
            f"| {cell(number(cold.get(name, {}), '95%'))} | {cell(alone, 1)} | {cell(alone_p95)} | {ratio} "
            f"| {queries.get(name, '')} |"
        )
    if health:
        lines += ["", f"/healthz/ alone: {health:.1f} req/s (× healthz = how many times slower than it)."]
    lines += [
        "",
        "CPU ms: a gunicorn worker's CPU time per request of the steady mixed run (mean; a redirect followed counts "
        "with the request that caused it, as in locust's timing; PostgreSQL's and Redis's own CPU not included).",
        "",
        cold_line(cold, load),
        "",
        load_line(load),
    ]
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
        f"{args.users} customers with think time for {args.duration} s, first with every cache empty (cold), "
        "then as on a live shop (steady: every sampled page visited once before, in each language), then each "
        f"page alone ({args.throughput_users} users, no think time, {args.throughput_seconds} s, caches warm). "
        f"Machine: {os.cpu_count()} cores.",
    ]
    for size in sorted(args.products):
        mixed, cold, throughput, queries, load = run_size(env, size, args)
        sections += ["", table(size, mixed, cold, throughput, queries, vendor, load)]
        print("\n".join(sections[-1:]))
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"load-{vendor.lower()}-{started:%Y%m%d-%H%M}.md"
    path.write_text("\n".join(sections) + "\n", encoding="utf-8")
    print(f"\nWritten to {path.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
