"""Throughput and latency of the API under gunicorn (2 workers) on PostgreSQL over loopback,
beside a floor endpoint in the same run.

    python bench/api.py [--database-url postgres://postgres@127.0.0.1:5432/kzai_bench_api]
                        [--duration 10] [--connections 8] [--markdown]

What it does:
1. prepares the database named by --database-url (created if missing): migrate, load_kb,
   load_synonyms, reindex --if-empty;
2. starts `gunicorn kzai.wsgi --workers 2` on 127.0.0.1 with production settings
   (DEBUG=false), persistent database connections (DATABASE_CONN_MAX_AGE=600), throttles
   raised out of the way, and KZAI_API_FLOOR=true, which mounts /api/floor/: a plain
   Django view returning constant JSON through the same middleware — the cost of the
   stack without the API;
3. runs the load generator on each endpoint in turn: `wrk` (Debian package) when found,
   else a small Python generator (threads, keep-alive); one warm-up second first;
4. prints requests/s, p50 and p99 latency, and each endpoint's share of the floor.

The target: provision detail at >= 50% of the floor's requests/s (docs/performance.md).
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

ENDPOINTS = [
    ("floor (constant JSON)", "/api/floor/"),
    ("provision detail", "/api/v1/acts/ai-law/versions/2025-11-17/provisions/art_17__para_3__subpara_6/"),
    ("toc (AI law, whole tree)", "/api/v1/acts/ai-law/versions/2025-11-17/toc/"),
    ("search ?q=дипфейк", "/api/v1/search/?q=" + quote("дипфейк")),
    ("resolve ?cite=ч. 2 ст. 190 УК РК", "/api/v1/resolve/?cite=" + quote("ч. 2 ст. 190 УК РК")),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        DATABASE_CONN_MAX_AGE="600",
        KZAI_API_FLOOR="true",
        KZAI_THROTTLE_ANON="100000000/min",
        KZAI_THROTTLE_USER="100000000/min",
        KZAI_THROTTLE_RESOLVE_ANON="100000000/min",
        LOG_LEVEL="ERROR",
    )
    return env


def prepare(database_url: str, env: dict) -> None:
    name = urlsplit(database_url).path.lstrip("/")
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(
        ["psql", admin, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    for command in (
        ["migrate", "--noinput"],
        ["load_kb"],
        ["load_synonyms"],
        ["reindex", "--if-empty"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run([PYTHON, "manage.py", *command, "-v", "0"], cwd=ROOT, env=env, check=True)


def start_server(env: dict, port: int, workers: int) -> subprocess.Popen:
    gunicorn = str(Path(PYTHON).with_name("gunicorn"))
    process = subprocess.Popen(
        [
            gunicorn,
            "kzai.wsgi",
            "--workers",
            str(workers),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--access-logfile",
            "-" if os.environ.get("BENCH_ACCESS_LOG") else "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/api/floor/")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("gunicorn did not answer within 30 s")


def check(port: int, path: str) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: HTTP {response.status}")


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * _UNITS[unit]


def run_wrk(url: str, duration: int, connections: int) -> dict:
    subprocess.run(["wrk", "-t2", f"-c{connections}", "-d1s", url], capture_output=True, check=True)
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # the percentile lines of --latency, not a "+/- Stdev" column that ends in 50% or 99%
        "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
        "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
        "errors": int(errors.group(1)) if errors else 0,
    }


def run_python(url: str, duration: int, connections: int) -> dict:
    """A keep-alive load generator for machines without wrk (slower: it measures less)."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + duration

    def worker():
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine = []
        while time.monotonic() < stop:
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    return {
        "rps": len(latencies) / duration,
        "p50": statistics.median(latencies),
        "p99": latencies[int(len(latencies) * 0.99) - 1],
        "errors": errors[0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/kzai_bench_api")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--python-load", action="store_true", help="use the Python generator even if wrk exists"
    )
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    env = server_env(args.database_url)
    prepare(args.database_url, env)
    port = free_port()
    server = start_server(env, port, args.workers)
    use_wrk = bool(shutil.which("wrk")) and not args.python_load
    run = run_wrk if use_wrk else run_python
    try:
        results = []
        for label, path in ENDPOINTS:
            check(port, path)
            results.append(
                (label, path, run(f"http://127.0.0.1:{port}{path}", args.duration, args.connections))
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    floor = results[0][2]["rps"]
    generator = "wrk" if use_wrk else "python"
    print(
        f"gunicorn {args.workers} workers, {generator} {args.connections} connections, "
        f"{args.duration} s per endpoint, {os.cpu_count()} CPUs, PostgreSQL over loopback"
    )
    if args.markdown:
        print("\n| endpoint | req/s | p50 ms | p99 ms | share of floor | non-2xx |")
        print("|---|---:|---:|---:|---:|---:|")
        for label, _path, r in results:
            print(
                f"| {label} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
                f"{r['rps'] / floor:.0%} | {r['errors']} |"
            )
    else:
        for label, path, r in results:
            print(
                f"{label:36} {r['rps']:9.0f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms  "
                f"{r['rps'] / floor:5.0%} of floor  non-2xx {r['errors']}  {path}"
            )


if __name__ == "__main__":
    main()
