"""API benchmark: GET /issues/{id}, GET /customers/{id}/timeline and POST /issues/{id}/comments at rising
concurrency, next to `pgbench -S` on the same PostgreSQL server with the same client counts.

For each endpoint and connection count: first the peak rate (closed model: each connection sends its next request as
soon as the previous answered), then a constant rate at --fraction of that peak (open model: latency from each
request's intended send time, so a stall counts for every request it delays). The ratio is the API's peak req/s over
pgbench's tps at the same client count. Run by bench.py (./suite bench)."""
import json
import os
import re
import subprocess
import uuid

from benchlib import log, which
from freshness import register

ENDPOINTS = (
    # key, label, service, method, path template, body template, what {0} is
    ("issue", "GET /issues/{id}", "issue", "GET", "/issues/{0}", None, "issues"),
    ("timeline", "GET /customers/{id}/timeline", "contact", "GET", "/customers/{0}/timeline", None, "customers"),
    ("comment", "POST /issues/{id}/comments", "issue", "POST", "/issues/{0}/comments",
     '{"text":"Bench comment {n}","visibility":"internal"}', "issues"),
)


def dataset(suite, size, workdir):
    """size email customers with one open issue each, every replica caught up: what the endpoints read."""
    run = uuid.uuid4().hex[:8]
    log(f"api: {size} customers with one issue each")
    customers = register(suite, run, ["email"] * size, workdir, connections=8)
    suite.wait_drained(what="the registrations")
    vars_file = os.path.join(workdir, f"api-customers-{run}.tsv")
    record = os.path.join(workdir, f"api-issues-{run}.jsonl")
    with open(vars_file, "w") as f:
        f.write("".join(c + "\n" for c in customers))
    suite.load(["--url", suite.url("issue", "/issues"), "--method", "POST",
                "--body", '{"customerId":"{0}","title":"Bench ' + run + ' {n}","channel":"web"}',
                "--header", "Authorization: Bearer " + suite.token, "--vars", vars_file,
                "--requests", size, "--connections", 8, "--record", record])
    issues = [None] * size
    with open(record) as f:
        for line in f:
            r = json.loads(line)
            if r.get("status") == 201:
                issues[r["n"]] = r["body"]["id"]
    if None in issues:
        raise SystemExit("api: opening the issues failed")
    suite.wait_drained(what="the openings")
    files = {}
    for name, ids in (("customers", customers), ("issues", issues)):
        files[name] = os.path.join(workdir, f"api-{name}-{run}.ids")
        with open(files[name], "w") as f:
            f.write("".join(i + "\n" for i in ids))
    return files


class PgBench:
    def __init__(self, host, port, db, user, password, cores):
        self.host, self.port, self.db, self.user, self.password = host, port, db, user, password
        self.cores = cores
        self.env = dict(os.environ, PGPASSWORD=password)

    def headroom(self):
        """Connections the server would still accept from a normal role, counting everything connected now."""
        sql = ("select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int"
               " - (select count(*) from pg_stat_activity where backend_type = 'client backend')")
        out = subprocess.run(["psql", "-X", "-w", "-Atq", "-h", self.host, "-p", str(self.port), "-U", self.user,
                              "-d", self.db, "-c", sql], env=self.env, capture_output=True, text=True)
        try:
            return int(out.stdout.strip()) + 1  # psql's own connection ends before pgbench starts
        except ValueError:
            return None

    def select_only(self, clients, seconds):
        """pgbench -S (built-in select-only: one primary-key read of pgbench_accounts per transaction)."""
        room = self.headroom()
        asked = clients
        if room is not None and clients > room - 2:
            clients = max(1, room - 2)
        threads = max(1, min(clients, self.cores))
        command = ["pgbench", "-h", self.host, "-p", str(self.port), "-U", self.user, "-n", "-S",
                   "-c", str(clients), "-j", str(threads), "-T", str(int(max(1, round(seconds)))), self.db]
        out = subprocess.run(command, env=self.env, capture_output=True, text=True)
        text = out.stdout + out.stderr
        tps = re.search(r"tps = ([0-9.]+) \((?:without initial connection time|excluding connections establishing)\)",
                        text)
        latency = re.search(r"latency average = ([0-9.]+) ms", text)
        result = {"clients": clients, "askedClients": asked, "threads": threads, "seconds": seconds,
                  "command": " ".join(command)}
        if out.returncode != 0 or not tps:
            result["error"] = "\n".join(text.strip().splitlines()[-5:])
        else:
            result["tps"] = round(float(tps.group(1)), 1)
            result["latencyAvgMs"] = float(latency.group(1)) if latency else None
        if clients != asked:
            result["note"] = f"capped from {asked}: the server takes only {room} more connections"
        return result


def run_api(suite, concurrency, seconds, warmup, fraction, dataset_size, pgbench, workdir, endpoints=None):
    files = dataset(suite, dataset_size, workdir)
    result = {"seconds": seconds, "fraction": fraction, "datasetSize": dataset_size, "pgbench": {}, "endpoints": []}
    if pgbench and which("pgbench"):
        for c in concurrency:
            log(f"api: pgbench -S with {c} clients for {seconds:g} s")
            result["pgbench"][str(c)] = pgbench.select_only(c, seconds)
    else:
        result["pgbenchSkipped"] = "pgbench is not installed" if pgbench else "no pgbench database"
    for key, label, service, method, path, body, ids in ENDPOINTS:
        if endpoints and key not in endpoints:
            continue
        for c in concurrency:
            common = ["--url", suite.url(service, path), "--method", method, "--connections", c,
                      "--header", "Authorization: Bearer " + suite.token, "--vars", files[ids],
                      "--seconds", seconds, "--timeout", 10]
            if body:
                common += ["--body", body]
            log(f"api: {label} with {c} connections: peak (closed model), {seconds:g} s")
            peak = suite.load(common + (["--warmup", warmup] if warmup else []))
            rate = max(1.0, round(peak["achievedRate"] * fraction, 1))
            log(f"api: {label} with {c} connections: {rate:g} req/s (open model), {seconds:g} s")
            constant = suite.load(common + ["--rate", rate] + (["--warmup", min(warmup, 2)] if warmup else []))
            row = {"endpoint": key, "label": label, "connections": c, "peak": peak, "constant": constant}
            tps = result["pgbench"].get(str(c), {}).get("tps")
            if tps:
                row["ratioToPgbench"] = round(peak["achievedRate"] / tps, 3)
            result["endpoints"].append(row)
        if method != "GET":
            suite.wait_drained(what=f"the events of {label}")
    return result
