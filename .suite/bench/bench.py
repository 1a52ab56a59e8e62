#!/usr/bin/env python3
"""./suite bench's figures: freshness at rising rates until it breaks, the API next to pgbench -S, and the start-up
and footprint the launcher measured; one table on stdout and the same as JSON. Run it through ./suite bench, which
builds the load client, provisions pgbench's database, restarts the services to time them, and passes everything
here. Python 3.11 standard library only."""
import argparse
import datetime
import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import ROOT, Suite, fmt_ms, footprint, log, machine  # noqa: E402
from freshness import run_rate  # noqa: E402
from api import PgBench, run_api  # noqa: E402

SERVICES = ("customer", "issue", "contact", "notification")


def numbers(text, kind=float):
    return [kind(x) for x in text.split(",") if x.strip()]


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--parts", default="freshness,api")
    p.add_argument("--rates", default="50,100,200,400")
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--concurrency", default="8,32,64")
    p.add_argument("--endpoints", default="issue,timeline,comment")
    p.add_argument("--warmup", type=float, default=5)
    p.add_argument("--fraction", type=float, default=0.5)
    p.add_argument("--open-connections", type=int, default=64)
    p.add_argument("--timeline-sample", type=float, default=20)
    p.add_argument("--poll-ms", type=float, default=50)
    p.add_argument("--drain-timeout", type=float, default=120)
    p.add_argument("--all-rates", action="store_true")
    p.add_argument("--dataset", type=int, default=200)
    p.add_argument("--ports", default="{}", help="JSON: service or tool -> port")
    p.add_argument("--pids", default="{}", help="JSON: process name -> pid")
    p.add_argument("--startup", help="the launcher's start-up figures (JSON file)")
    p.add_argument("--pg", help="JSON: host, port, db, user, password of the pgbench database")
    p.add_argument("--out", default=os.path.join(ROOT, ".suite", "run", "bench"))
    p.add_argument("--java")
    p.add_argument("--versions", default="{}", help="JSON: what ran (JDK, PostgreSQL, ...)")
    args = p.parse_args()

    parts = set(numbers(args.parts, str))
    suite = Suite(ports=json.loads(args.ports), java=args.java)
    pids = {k: int(v) for k, v in json.loads(args.pids).items() if str(v).isdigit()}
    os.makedirs(args.out, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="bench-", dir=args.out)
    started = datetime.datetime.now(datetime.timezone.utc)
    report = {"startedAt": started.isoformat(timespec="seconds"), "machine": machine(),
              "versions": json.loads(args.versions),
              "settings": {k: v for k, v in vars(args).items() if k not in ("pids", "ports", "pg", "startup", "versions")}}
    if args.startup and os.path.isfile(args.startup):
        with open(args.startup) as f:
            report["startup"] = json.load(f)
    report["footprintAtStart"] = footprint(pids)

    if "freshness" in parts:
        steps = []
        knee = None
        if args.warmup > 0:
            # the services' JIT and pools, and the load client's: one short step at the lowest rate, not reported
            log(f"freshness: warm-up, {args.warmup:g} s at {min(numbers(args.rates)):g}/s (not reported)")
            run_rate(suite, min(numbers(args.rates)), args.warmup, args.open_connections, 0, args.poll_ms,
                     args.drain_timeout, workdir, label="freshness warm-up")
            suite.wait_drained(what="the warm-up's events")
        for rate in numbers(args.rates):
            step = run_rate(suite, rate, args.seconds, args.open_connections, args.timeline_sample, args.poll_ms,
                            args.drain_timeout, workdir)
            steps.append(step)
            log(f"freshness {rate:g}/s: " + (f"past the knee: {step['breaks']}" if step["breaks"] else "holds"))
            if step["breaks"] and knee is None:
                knee = rate
                if not args.all_rates:
                    break
            suite.wait_drained(what="the openings' events")
        report["freshness"] = {"steps": steps, "knee": knee,
                               "stoppedAtKnee": bool(knee is not None and not args.all_rates)}

    if "api" in parts:
        pg = json.loads(args.pg) if args.pg else None
        pgbench = PgBench(pg["host"], pg["port"], pg["db"], pg["user"], pg["password"], os.cpu_count()) if pg else None
        report["api"] = run_api(suite, numbers(args.concurrency, int), args.seconds, args.warmup, args.fraction,
                                args.dataset, pgbench, workdir, set(numbers(args.endpoints, str)))

    if parts & {"freshness", "api"}:
        suite.wait_drained(what="the last events")
        report["footprintAfterLoad"] = footprint(pids)
    report["machineAtEnd"] = machine()
    report["finishedAt"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")

    stamp = started.strftime("%Y%m%d-%H%M%S")
    path = os.path.join(args.out, f"bench-{stamp}.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    with open(os.path.join(args.out, "latest.json"), "w") as f:
        json.dump(report, f, indent=2)
    # the raw request records stay only when asked for
    if not os.environ.get("BENCH_KEEP_RECORDS"):
        for name in os.listdir(workdir):
            os.remove(os.path.join(workdir, name))
        os.rmdir(workdir)
    print(table(report))
    print(f"\nJSON: {os.path.relpath(path, ROOT)} (also {os.path.relpath(os.path.join(args.out, 'latest.json'), ROOT)})")


# --- the table -------------------------------------------------------------------------------------------------
def triple(s):
    if not s or not s.get("n"):
        return "—" + (f" ({s['missing']} missing)" if s and s.get("missing") else "")
    text = f"{fmt_ms(s['p50'])} / {fmt_ms(s['p99'])} / {fmt_ms(s['max'])}"
    return text + (f" ({s['missing']} missing)" if s.get("missing") else "")


def mib(value):
    return "—" if value is None else (f"{value / 1024:.2f} GiB" if value >= 1024 else f"{value:.0f} MiB")


def rows(header, data):
    widths = [max(len(str(x)) for x in col) for col in zip(header, *data)]
    line = lambda r: "  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(r, widths)))
    return [line(header), line(["-" * w for w in widths])] + [line(r) for r in data]


def table(r):
    out = []
    m, e = r["machine"], r.get("machineAtEnd", r["machine"])
    versions = ", ".join(f"{k} {v}" for k, v in r.get("versions", {}).items() if v)
    out.append(f"Anchor bench {r['startedAt']} on {m['cores']} cores ({m['cpu'] or 'cpu unknown'}), "
               f"{m['memTotalMiB'] / 1024:.1f} GiB memory ({m['memAvailableMiB'] / 1024:.1f} GiB available at start)")
    out.append(f"load average {' '.join(map(str, m['loadAverage']))} at start, "
               f"{' '.join(map(str, e['loadAverage']))} at the end" + (f"; {versions}" if versions else ""))
    if m["loadAverage"][0] > 0.5 * m["cores"]:
        out.append("NOTE: the machine was busy before the bench began (1-minute load above half the cores): "
                   "these figures say more about the neighbours than about Anchor")

    f = r.get("freshness")
    if f:
        out.append("")
        out.append(f"Freshness: issue opened (openedAt) -> message / timeline entry, {r['settings']['seconds']:g} s "
                   f"per rate, openings at a constant rate (open model, up to {r['settings']['open_connections']} "
                   "connections); p50 / p99 / max")
        data = []
        for s in f["steps"]:
            data.append([f"{s['rate']:g}/s", f"{s['achievedRate']:.0f}/s",
                         fmt_ms(s["openings"].get("latencyMs", {}).get("p99")),
                         triple(s["email"]), triple(s["sms"]), triple(s["timeline"]),
                         "BREAKS" if s["breaks"] else "holds"])
        out += rows(["rate", "achieved", "open p99", "email (SMTP accepted)", "SMS (at the sink)",
                     "timeline (sampled)", ""], data)
        if f["knee"] is not None:
            why = next(s["breaks"] for s in f["steps"] if s["rate"] == f["knee"])
            out.append(f"knee: {f['knee']:g}/s ({why})" + ("; higher rates not run" if f["stoppedAtKnee"] else ""))
        else:
            out.append("knee: not reached at the rates run")
        every = sorted({s["timeline"].get("sampledEvery") for s in f["steps"]} - {None, 0})
        sampled = "every issue's" if every == [1] else \
            "every " + "/".join(map(str, every)) + "th issue's (by rate, about " + \
            f"{r['settings']['timeline_sample']:g} a second)"
        out.append(f"email = the notification's sentAt; SMS = the sink's receivedAt; timeline: {sampled} timeline "
                   f"polled every {r['settings']['poll_ms']:g} ms until the entry shows (an upper bound, at most one "
                   "poll late); open p99 = POST /issues from its intended send time")
        widths = [s["timeline"].get("resolutionP50") for s in f["steps"] if s["timeline"].get("resolutionP50")]
        if widths:
            out.append("timeline resolution (median gap between the last poll without the entry, or the opening, "
                       "and the first with it): " + ", ".join(
                           f"{s['rate']:g}/s {fmt_ms(s['timeline'].get('resolutionP50'))}" for s in f["steps"]))
        lag = max((s["openings"].get("schedulerLagMaxMs") or 0) for s in f["steps"]) if f["steps"] else 0
        if lag > 20:
            out.append(f"the load client itself fell up to {lag:.0f} ms behind its schedule (a busy machine): "
                       "that delay is counted in the opening latency")

    a = r.get("api")
    if a:
        out.append("")
        frac = a["fraction"]
        out.append(f"API: peak = closed model (each connection sends when answered); then a constant rate at "
                   f"{frac:g} x peak (open model, latency from the intended send time); {a['seconds']:g} s each, "
                   f"{a['datasetSize']} issues/customers")
        data = []
        for row in a["endpoints"]:
            peak, const = row["peak"], row["constant"]
            lat = const.get("latencyMs", {})
            pg = a["pgbench"].get(str(row["connections"]), {})
            errors = peak["errors"] + const["errors"]
            data.append([row["label"], row["connections"], f"{peak['achievedRate']:.0f}",
                         fmt_ms(peak.get("latencyMs", {}).get("p99")),
                         f"{const['achievedRate']:.0f}", fmt_ms(lat.get("p50")), fmt_ms(lat.get("p99")),
                         fmt_ms(lat.get("max")), errors or "0",
                         f"{pg['tps']:.0f}" if pg.get("tps") else "—",
                         f"{row['ratioToPgbench']:.3f}" if row.get("ratioToPgbench") else "—"])
        out += rows(["endpoint", "conns", "peak req/s", "peak p99", "const req/s", "p50", "p99", "max", "errors",
                     "pgbench -S tps", "API/pgbench"], data)
        notes = [f"{c} clients: {v['note']}" for c, v in a["pgbench"].items() if v.get("note")]
        notes += [f"pgbench {c} clients failed: {v['error']}" for c, v in a["pgbench"].items() if v.get("error")]
        if a.get("pgbenchSkipped"):
            notes.append(f"pgbench skipped: {a['pgbenchSkipped']}")
        for row in a["endpoints"]:
            for phase in ("peak", "constant"):
                if row[phase]["errors"]:
                    notes.append(f"{row['label']} {row['connections']} conns {phase}: {row[phase]['errorsByKind']}")
        out += ["  " + n for n in notes]
        out.append("pgbench -S: built-in select-only script, same clients, -j = min(clients, cores), same server; "
                   "peak p99 is a closed-model service time (coordinated omission), the constant-rate columns are not")

    s = r.get("startup")
    fa, fl = r.get("footprintAtStart", {}), r.get("footprintAfterLoad", {})
    if not s and fa:
        out.append("")
        out.append("Footprint (VmRSS; start-up not measured in this run)")
        out += rows(["service", "RSS at the bench's start", "RSS after load"],
                    [[f"{svc}-service", mib(fa.get(svc, {}).get("rssMiB")), mib(fl.get(svc, {}).get("rssMiB"))]
                     for svc in SERVICES])
        out += infrastructure(fl or fa, bool(fl))
    elif s:
        out.append("")
        out.append("Start-up (java -jar, JVM mode) and footprint (VmRSS)")
        if s and s.get("skipped"):
            out.append(f"  start-up not measured: {s['skipped']}")
        alone = (s or {}).get("alone", {})
        together = (s or {}).get("together", {})
        data = []
        for svc in SERVICES:
            a1 = alone.get(svc, {})
            data.append([f"{svc}-service", f"{a1['startedInS']:.2f} s" if a1.get("startedInS") else "—",
                         fmt_ms(a1.get("readyMs")), mib(a1.get("rssMiB")),
                         fmt_ms(together.get("readyMs", {}).get(svc)),
                         mib(together.get("rssMiB", {}).get(svc) or fa.get(svc, {}).get("rssMiB")),
                         mib(fl.get(svc, {}).get("rssMiB"))])
        if together:
            total_start = sum(v for v in together.get("rssMiB", {}).values() if v)
            total_load = sum(fl.get(svc, {}).get("rssMiB") or 0 for svc in SERVICES)
            data.append(["all four together", "", "", "", fmt_ms(together.get("allReadyMs")), mib(total_start),
                         mib(total_load) if total_load else "—"])
        out += rows(["service", "started in (log)", "ready alone", "RSS alone", "ready, all four",
                     "RSS after start", "RSS after load"], data)
        out += infrastructure(fl or fa, bool(fl))
    return "\n".join(out)


def infrastructure(final, after_load):
    infra = []
    total = 0.0
    for name, label in (("kafka", "Kafka"), ("smtp", "GreenMail"), ("sms", "SMS sink"), ("postgresql", "PostgreSQL")):
        v = final.get(name)
        if v:
            size = v.get("rssMiB") or v.get("pssMiB") or v.get("rssSumMiB")
            kind = "PSS of %d processes" % v["processes"] if "pssMiB" in v else \
                ("RSS sum of %d processes" % v["processes"] if "rssSumMiB" in v else "RSS")
            infra.append(f"{label} {mib(size)} ({kind})")
            total += size
    total += sum((final.get(svc) or {}).get("rssMiB") or 0 for svc in SERVICES)
    if not infra:
        return []
    return [("after the load: " if after_load else "at the start: ") + ", ".join(infra) +
            f"; everything {mib(total)}"]


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
