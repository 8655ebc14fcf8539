"""gunicorn hooks for the load benchmark (`gunicorn -c tests/benchmarks/gunicorn_hooks.py`): the CPU time each
worker spends on each kind of request.

locustfile.py names every request in an `X-Bench-Name` header (its row in the results table; a redirect
followed keeps it, as locust's own timing does). Each worker adds up, per name, the requests and the CPU
seconds of its process between gunicorn's pre_request and post_request hooks (the whole Django request,
rendering and database client included; PostgreSQL's and Redis's own CPU are not), and writes its totals as
JSON into BENCH_CPU_DIR when it exits.
"""

import json
import os
import time
from pathlib import Path

HEADER = "X-BENCH-NAME"


def pre_request(worker, req):
    name = next((value for key, value in req.headers if key == HEADER), None)
    worker.bench_request = (name, time.process_time())


def post_request(worker, req, environ, resp):
    name, started = getattr(worker, "bench_request", (None, 0))
    if name is None:
        return
    totals = worker.__dict__.setdefault("bench_totals", {})
    count, seconds = totals.get(name, (0, 0.0))
    totals[name] = (count + 1, seconds + time.process_time() - started)


def worker_exit(server, worker):
    folder = os.environ.get("BENCH_CPU_DIR")
    if folder:
        totals = getattr(worker, "bench_totals", {})
        Path(folder, f"{os.getpid()}.json").write_text(json.dumps(totals), encoding="utf-8")
