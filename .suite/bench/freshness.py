#!/usr/bin/env python3
"""Freshness benchmark: issue opened (committed) -> its email accepted by the SMTP server, at a sustained rate.

Against a running suite (./suite up). Registers customers who prefer email (quiet hours away from now), waits until
issue-service knows them, then opens one issue per customer at --rate issues/s for --seconds, and reads each opening
notification's sentAt (written once the SMTP server accepted the message) against the issue's openedAt. Prints the
achieved rate and the percentiles. Openings are critical messages: they are never coalesced or held.

    python3 .suite/bench/freshness.py --rate 100 --seconds 10
"""
import argparse
import concurrent.futures as futures
import datetime
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OFFSET = int(os.environ.get("SUITE_PORT_OFFSET", "0") or 0)
CUSTOMERS = f"http://127.0.0.1:{8081 + OFFSET}"
ISSUES = f"http://127.0.0.1:{8082 + OFFSET}"
NOTIFICATIONS = f"http://127.0.0.1:{8084 + OFFSET}"


def call(method, url, token, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def quiet_hours_away_from_now():
    start = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).strftime("%H:%M")
    end = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=9)).strftime("%H:%M")
    return {"start": start, "end": end}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="issues opened per second (default 100)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to sustain the rate (default 10)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent HTTP clients (default 16)")
    args = parser.parse_args()
    count = int(args.rate * args.seconds)
    token = subprocess.run(["./suite", "token", "--role", "agent", "--sub", "agent.bench"], cwd=ROOT, check=True,
                           capture_output=True, text=True).stdout.strip()
    run = uuid.uuid4().hex[:8]
    preferences = {"preferredChannel": "email", "fallbackAllowed": False, "language": "en", "timeZone": "UTC",
                   "quietHours": quiet_hours_away_from_now(),
                   "consent": {"critical": True, "service": True, "marketing": False}}

    def register(i):
        status, body = call("POST", CUSTOMERS + "/customers", token, {
            "givenName": f"Bench{i}", "familyName": run, "emails": [{"address": f"bench.{run}.{i}@example.com"}],
            "preferences": preferences})
        if status != 201:
            raise SystemExit(f"register: {status}")
        return body["id"]

    with futures.ThreadPoolExecutor(args.clients) as pool:
        customers = list(pool.map(register, range(count)))
    print(f"registered {count} customers", file=sys.stderr)

    # issue-service answers 422 until its replica knows a customer: wait for the last one
    deadline = time.time() + 120
    while call("POST", ISSUES + "/issues", token, {"customerId": customers[-1], "title": "Warm-up", "channel": "web"},
               {"Idempotency-Key": "bench-warm-" + run})[0] != 201:
        if time.time() > deadline:
            raise SystemExit("issue-service never knew the customers")
        time.sleep(0.5)
    time.sleep(2)  # every replica has caught up with the registrations, so only the openings are measured

    opened = {}
    lock = threading.Lock()
    start = time.time() + 0.5

    def open_issue(i):
        delay = start + i / args.rate - time.time()
        if delay > 0:
            time.sleep(delay)
        status, body = call("POST", ISSUES + "/issues", token,
                            {"customerId": customers[i], "title": f"Bench {run} {i}", "channel": "phone"})
        if status != 201:
            raise SystemExit(f"open: {status}")
        with lock:
            opened[body["id"]] = instant(body["openedAt"])

    with futures.ThreadPoolExecutor(args.clients) as pool:
        list(pool.map(open_issue, range(count)))
    elapsed = time.time() - start
    print(f"opened {count} issues in {elapsed:.1f} s ({count / elapsed:.0f}/s)", file=sys.stderr)

    def sent_at(issue_id):
        deadline = time.time() + 120
        while time.time() < deadline:
            status, body = call("GET", NOTIFICATIONS + f"/notifications?issueId={issue_id}", token)
            for n in (body or {}).get("items", []):
                if n["trigger"]["type"] == "issue.opened" and n.get("sentAt"):
                    return instant(n["createdAt"]), instant(n["sentAt"])
                if n["trigger"]["type"] == "issue.opened" and n["status"] in ("failed", "suppressed"):
                    raise SystemExit(f"{issue_id}: {n['status']} {n.get('reason')}")
            time.sleep(0.5)
        raise SystemExit(f"{issue_id}: no email within 120 s")

    with futures.ThreadPoolExecutor(4) as pool:
        sent = dict(zip(opened, pool.map(sent_at, opened)))
    rate = count / elapsed
    report(f"issue opened -> email accepted by SMTP at {rate:.0f} issues/s", [sent[i][1] - opened[i] for i in opened])
    # where the time goes: until notification-service decided (event relayed and consumed), then until sent
    report("  of which opened -> decided", [sent[i][0] - opened[i] for i in opened])
    report("  of which decided -> sent", [sent[i][1] - sent[i][0] for i in opened])


def report(what, seconds):
    lat = sorted(s * 1000 for s in seconds)
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))]
    print(f"{what}: n={len(lat)} p50={q(.5):.0f}ms p90={q(.9):.0f}ms p99={q(.99):.0f}ms max={lat[-1]:.0f}ms")


if __name__ == "__main__":
    main()
