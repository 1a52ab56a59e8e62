#!/usr/bin/env python3
"""Freshness benchmark: issue opened (committed) -> its email accepted by the SMTP server, its SMS at the sink and its
entry on the customer's contact timeline, at a sustained rate of openings.

Against a running suite (./suite up); `./suite bench` runs it at rising rates (and builds the load client it needs).
Registers one customer per issue, half preferring email and half SMS (quiet hours away from now, no fallback), waits
until every consumer has read the registrations, then opens one issue per customer at --rate issues/s for --seconds
with the load client (open model: each opening is due at its time, whether or not the earlier ones answered).
From each issue's openedAt (its transaction's time) it measures
  - email: the opening notification's sentAt, written once the SMTP server accepted the message;
  - SMS: the SMS sink's receivedAt for the customer's number;
  - timeline: when contact-service's GET /customers/{id}/timeline first shows the issue.opened entry, polled every
    --poll-ms for a sample of about --timeline-sample issues per second (an upper bound: up to one poll late).
Openings are critical messages: they are never coalesced or held.

    python3 .suite/bench/freshness.py --rate 100 --seconds 10
"""
import argparse
import concurrent.futures as futures
import datetime
import json
import os
import sys
import tempfile
import threading
import time
import uuid

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import Suite, instant, log, stats, fmt_ms  # noqa: E402


def quiet_hours_away_from_now():
    now = datetime.datetime.now(datetime.timezone.utc)
    return {"start": (now + datetime.timedelta(hours=8)).strftime("%H:%M"),
            "end": (now + datetime.timedelta(hours=9)).strftime("%H:%M")}


def customer_body(run, i, channel):
    return {"givenName": f"Bench{i}", "familyName": f"Run {run}",
            "emails": [{"address": f"bench.{run}.{i}@example.com"}],
            "phones": [{"number": phone(run, i)}],
            "preferences": {"preferredChannel": channel, "fallbackAllowed": False, "language": "en", "timeZone": "UTC",
                            "quietHours": quiet_hours_away_from_now(),
                            "consent": {"critical": True, "service": True, "marketing": False}}}


def phone(run, i):
    return f"+4915{int(run, 16) % 10000:04d}{i:06d}"


def register(suite, run, channels, workdir, connections=16):
    """Registers one customer per channel given (closed model, as fast as customer-service takes them); answers
    their ids in order."""
    vars_file = os.path.join(workdir, f"customers-{run}.tsv")
    record = os.path.join(workdir, f"customers-{run}.jsonl")
    with open(vars_file, "w") as f:
        for i, channel in enumerate(channels):
            f.write(json.dumps(customer_body(run, i, channel)) + "\n")
    summary = suite.load(["--url", suite.url("customer", "/customers"), "--method", "POST", "--body", "{0}",
                          "--header", "Authorization: Bearer " + suite.token, "--vars", vars_file,
                          "--requests", len(channels), "--connections", connections, "--record", record])
    ids = [None] * len(channels)
    with open(record) as f:
        for line in f:
            r = json.loads(line)
            if r.get("status") == 201:
                ids[r["n"]] = r["body"]["id"]
    if None in ids:
        raise SystemExit(f"registering customers: {summary['errors']} failed {summary['errorsByKind']}")
    return ids


class TimelineWatcher:
    """Follows the openings' record as the load client writes it and polls the timeline of every k-th opened issue
    until its issue.opened entry shows. Three pollers with keep-alive connections, each issue at most once per poll
    interval: a bounded, small load next to the openings. Each sample is an upper bound (the answer that first showed
    the entry) with a lower bound (the last poll that did not, or the opening); on a busy machine the pollers fall
    behind and the bounds drift apart, which the figures report as the resolution."""

    def __init__(self, suite, record, customers, every, poll_seconds, pollers=3):
        self.suite, self.record, self.customers = suite, record, customers
        self.every, self.poll = every, poll_seconds
        self.pending = {}  # issue id -> [customer id, openedAt, next poll, last miss sent]
        self.seen = {}  # issue id -> (upper bound s, lower bound s)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.tail_done = threading.Event()
        self.polls = 0
        self.deadline = float("inf")
        self.threads = [threading.Thread(target=self._tail, daemon=True)]
        self.threads += [threading.Thread(target=self._poll, daemon=True) for _ in range(pollers)]

    def start(self):
        for t in self.threads:
            t.start()

    def _tail(self):
        while not os.path.exists(self.record) and not self.stopping.is_set():
            time.sleep(0.01)
        with open(self.record) as f:
            buffer = ""
            while True:
                chunk = f.readline()
                if not chunk:
                    if self.stopping.is_set():
                        break
                    time.sleep(0.005)
                    continue
                buffer += chunk
                if not buffer.endswith("\n"):
                    continue
                line, buffer = buffer, ""
                try:
                    r = json.loads(line)
                except ValueError:
                    continue
                if r.get("status") == 201 and r["n"] % self.every == 0:
                    with self.lock:
                        self.pending[r["body"]["id"]] = [self.customers[r["n"]], instant(r["body"]["openedAt"]),
                                                         0.0, None]
        self.tail_done.set()

    def _poll(self):
        while True:
            now = time.time()
            item = None
            with self.lock:
                due = [(v[2], k) for k, v in self.pending.items() if v[2] <= now]
                if due:
                    _, issue = min(due)
                    item = self.pending[issue]
                    item[2] = float("inf")  # taken
            if item is None:
                if self.stopping.is_set() and self.tail_done.is_set() and not self.pending:
                    return
                if self.stopping.is_set() and self.tail_done.is_set() and time.time() > self.deadline:
                    return
                time.sleep(0.005)
                continue
            customer, opened, _, last_miss = item
            sent = time.time()
            status, body = self.suite.http.call(
                "GET", self.suite.url("contact", f"/customers/{customer}/timeline?kind=issue&issueId={issue}&size=5"))
            received = time.time()
            self.polls += 1
            found = status == 200 and any(e.get("type") == "issue.opened" for e in (body or {}).get("items", []))
            with self.lock:
                if found:
                    self.seen[issue] = (received - opened, (last_miss if last_miss else opened) - opened)
                    del self.pending[issue]
                else:
                    item[2] = sent + self.poll
                    item[3] = sent

    def finish(self, timeout):
        self.deadline = time.time() + timeout
        self.stopping.set()
        for t in self.threads:
            t.join(timeout + 5)
        with self.lock:
            return dict(self.seen), len(self.pending)


def run_rate(suite, rate, seconds, connections=64, timeline_sample=20.0, poll_ms=50, drain_timeout=120,
             workdir=None, label=None):
    """One step: answers a dict with the achieved rate and each path's figures."""
    label = label or f"freshness {rate:g}/s"
    count = max(2, int(round(rate * seconds)))
    run = uuid.uuid4().hex[:8]
    channels = ["email" if i % 2 == 0 else "sms" for i in range(count)]
    log(f"{label}: registering {count} customers (half email, half SMS)")
    customers = register(suite, run, channels, workdir)
    suite.wait_drained(what="the registrations")

    vars_file = os.path.join(workdir, f"openings-{run}.tsv")
    record = os.path.join(workdir, f"openings-{run}.jsonl")
    with open(vars_file, "w") as f:
        f.write("".join(c + "\n" for c in customers))
    every = max(1, int(round(rate / timeline_sample))) if timeline_sample > 0 else 0
    watcher = TimelineWatcher(suite, record, customers, every, poll_ms / 1000) if every else None
    log(f"{label}: opening {count} issues over {seconds:g} s")
    began = time.time()
    process = suite.load_async(["--url", suite.url("issue", "/issues"), "--method", "POST",
                                "--body", '{"customerId":"{0}","title":"Bench ' + run + ' {n}","channel":"phone"}',
                                "--header", "Authorization: Bearer " + suite.token, "--vars", vars_file,
                                "--rate", rate, "--requests", count, "--connections", connections,
                                "--record", record])
    if watcher:
        watcher.start()
    openings = suite.load_wait(process)
    opened = {}  # issue id -> (n, openedAt)
    with open(record) as f:
        for line in f:
            r = json.loads(line)
            if r.get("status") == 201:
                opened[r["body"]["id"]] = (r["n"], instant(r["body"]["openedAt"]))
    log(f"{label}: opened {len(opened)} at {openings['achievedRate']:.0f}/s; waiting for the messages")

    # the messages: wait for the last opening's first, then read every issue's (keep-alive, 4 at a time)
    deadline = time.time() + drain_timeout
    notes = {}
    failed = {}

    def read(issue):
        status, body = suite.http.call("GET", suite.url("notification", f"/notifications?issueId={issue}"))
        for n in (body or {}).get("items", []):
            if n.get("trigger", {}).get("type") != "issue.opened":
                continue
            if n.get("sentAt"):
                return issue, (instant(n["createdAt"]), instant(n["sentAt"]), n.get("channel"))
            if n.get("status") in ("failed", "suppressed"):
                return issue, (n["status"], n.get("reason"))
        return issue, None

    last = sorted(opened, key=lambda i: opened[i][0])[-3:]
    while time.time() < deadline and not all(read(i)[1] for i in last):
        time.sleep(0.5)
    pending = list(opened)
    with futures.ThreadPoolExecutor(4) as pool:
        while pending and time.time() < deadline:
            retry = []
            for issue, got in pool.map(read, pending):
                if got is None:
                    retry.append(issue)
                elif isinstance(got[0], str):
                    failed[issue] = got
                else:
                    notes[issue] = got
            pending = retry
            if pending:
                time.sleep(1)

    # the SMS sink: every message it holds, this run's numbers since the run began
    by_phone = {phone(run, n): issue for issue, (n, _) in opened.items() if channels[n] == "sms"}
    sink = {}
    status, messages = suite.http.call("GET", suite.url("sms", "/messages"), timeout=60)
    for m in messages or []:
        issue = by_phone.get(m.get("to"))
        if issue and m.get("receivedAt") and instant(m["receivedAt"]) >= began - 1:
            sink.setdefault(issue, instant(m["receivedAt"]))

    timeline, timeline_missing = watcher.finish(max(5.0, deadline - time.time())) if watcher else ({}, 0)

    email_issues = [i for i, (n, _) in opened.items() if channels[n] == "email"]
    sms_issues = [i for i, (n, _) in opened.items() if channels[n] == "sms"]
    email = [notes[i][1] - opened[i][1] for i in email_issues if i in notes]
    sms = [sink[i] - opened[i][1] for i in sms_issues if i in sink]
    decided = [notes[i][0] - opened[i][1] for i in opened if i in notes]
    sending = [notes[i][1] - notes[i][0] for i in opened if i in notes]
    step = {
        "rate": rate, "seconds": seconds, "issues": count, "opened": len(opened),
        "achievedRate": round(openings["achievedRate"], 1),
        "openings": openings,
        "email": stats(email, missing=len([i for i in email_issues if i not in notes])),
        "sms": stats(sms, missing=len([i for i in sms_issues if i not in sink])),
        "timeline": dict(stats([v[0] for v in timeline.values()], missing=timeline_missing),
                         sampledEvery=every, pollMs=poll_ms, polls=watcher.polls if watcher else 0,
                         lowerBound=stats([v[1] for v in timeline.values()]),
                         resolutionP50=stats([v[0] - v[1] for v in timeline.values()]).get("p50")),
        "openedToDecided": stats(decided),
        "decidedToSent": stats(sending),
        "failedOrSuppressed": {i: list(v) for i, v in list(failed.items())[:10]},
        "failedOrSuppressedCount": len(failed),
    }
    step["breaks"] = breaks(step)
    return step


def breaks(step):
    """Why this rate is past the knee (p99 over 1 s, achieved below 90 %, messages missing or failed), or None."""
    why = []
    if step["achievedRate"] < 0.9 * step["rate"]:
        why.append(f"achieved {step['achievedRate']:.0f}/s < 90 % of {step['rate']:g}/s")
    for path in ("email", "sms", "timeline"):
        s = step[path]
        if s.get("missing"):
            why.append(f"{path}: {s['missing']} not seen in time")
        elif s.get("p99") is not None and s["p99"] > 1000:
            why.append(f"{path} p99 {fmt_ms(s['p99'])} > 1 s")
    if step["openings"].get("errors"):
        why.append(f"{step['openings']['errors']} openings failed {step['openings']['errorsByKind']}")
    if step["failedOrSuppressedCount"]:
        why.append(f"{step['failedOrSuppressedCount']} notifications failed or suppressed")
    return "; ".join(why) or None


def describe(what, s):
    if not s.get("n"):
        return f"{what}: none seen" + (f" ({s['missing']} missing)" if s.get("missing") else "")
    missing = f" missing={s['missing']}" if s.get("missing") else ""
    return (f"{what}: n={s['n']} p50={fmt_ms(s['p50'])} p90={fmt_ms(s['p90'])} p99={fmt_ms(s['p99'])} "
            f"max={fmt_ms(s['max'])}{missing}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=100.0, help="issues opened per second (default 100)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long to sustain the rate (default 10)")
    parser.add_argument("--clients", "--connections", dest="connections", type=int, default=64,
                        help="at most this many connections for the openings (default 64)")
    parser.add_argument("--timeline-sample", type=float, default=20.0,
                        help="timeline entries polled per second of openings (default 20; 0: none)")
    parser.add_argument("--poll-ms", type=float, default=50.0, help="timeline poll interval (default 50 ms)")
    args = parser.parse_args()
    suite = Suite()
    with tempfile.TemporaryDirectory(prefix="anchor-bench-") as workdir:
        step = run_rate(suite, args.rate, args.seconds, args.connections, args.timeline_sample, args.poll_ms,
                        workdir=workdir)
    print(f"opened {step['opened']} issues at {step['achievedRate']:.0f}/s (asked {args.rate:g}/s)")
    print(describe("issue opened -> email accepted by SMTP", step["email"]))
    print(describe("issue opened -> SMS at the sink", step["sms"]))
    print(describe("issue opened -> on the contact timeline (sampled, upper bound)", step["timeline"]))
    print(describe("  of which opened -> decided", step["openedToDecided"]))
    print(describe("  of which decided -> sent", step["decidedToSent"]))
    if step["breaks"]:
        print(f"past the knee: {step['breaks']}")


if __name__ == "__main__":
    main()
