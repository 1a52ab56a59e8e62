"""What the benchmark scripts share: the suite's URLs, a keep-alive HTTP client, the load client, Kafka's consumer
lag, percentiles and the machine's state. Python 3.11 standard library only."""
import datetime
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH_DIR = os.path.join(ROOT, ".suite", "bench")
LOAD_CLIENT_DIR = os.path.join(BENCH_DIR, "load-client", "target")
TOPICS = ("customer.events", "issue.events", "contact.events", "notification.events")


def log(message):
    print(f"==> bench: {message}", file=sys.stderr, flush=True)


class Suite:
    """Where the running suite answers, and how to reach its tools. Ports default to the suite's (with
    SUITE_PORT_OFFSET); ./suite bench passes them explicitly."""

    def __init__(self, ports=None, token=None, java=None, kafka_libs=None, kafka_log4j=None):
        offset = int(os.environ.get("SUITE_PORT_OFFSET", "0") or 0)
        self.ports = {"customer": 8081 + offset, "issue": 8082 + offset, "contact": 8083 + offset,
                      "notification": 8084 + offset, "kafka": 9092 + offset, "sms": 8090 + offset,
                      "smtp-api": 8025 + offset}
        self.ports.update(ports or {})
        self.java = java or os.environ.get("BENCH_JAVA") or "java"
        self.kafka_libs = kafka_libs or os.path.join(ROOT, ".suite", "run", "kafka", "libs")
        self.kafka_log4j = kafka_log4j or os.path.join(ROOT, ".suite", "kafka", "log4j2-tools.xml")
        self.token = token or os.environ.get("BENCH_TOKEN") or subprocess.run(
            [os.path.join(ROOT, "suite"), "token", "--role", "agent", "--sub", "agent.bench", "--name", "Bench Agent"],
            cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
        self.http = Http(self.token)
        self._java_major = None

    def url(self, service, path):
        return f"http://127.0.0.1:{self.ports[service]}{path}"

    # --- the load client -------------------------------------------------------------------------------------
    def java_major(self):
        if self._java_major is None:
            out = subprocess.run([self.java, "-version"], capture_output=True, text=True).stderr
            m = re.search(r'version "(\d+)', out)
            self._java_major = int(m.group(1)) if m else 21
        return self._java_major

    def load_command(self, args):
        jar = os.path.join(LOAD_CLIENT_DIR, "bench-load-client.jar")
        if not os.path.isfile(jar):
            raise SystemExit(f"the load client is not built ({os.path.relpath(jar, ROOT)}): ./suite bench builds it")
        flags = ["-Xms64m", "-Xmx512m", "-XX:+UseSerialGC"]
        if self.java_major() >= 23:
            flags.append("--sun-misc-unsafe-memory-access=allow")  # Netty's, quietly
        cp = jar + os.pathsep + os.path.join(LOAD_CLIENT_DIR, "lib", "*")
        return [self.java, *flags, "-cp", cp, "dev.anchor.bench.LoadClient", *[str(a) for a in args]]

    def load(self, args):
        """Runs the load client to its end; answers its summary (a dict)."""
        result = subprocess.run(self.load_command(args), capture_output=True, text=True)
        return self._summary(result.returncode, result.stdout, result.stderr)

    def load_async(self, args):
        return subprocess.Popen(self.load_command(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def load_wait(self, process):
        out, err = process.communicate()
        return self._summary(process.returncode, out, err)

    @staticmethod
    def _summary(code, out, err):
        lines = [line for line in out.splitlines() if line.startswith("{")]
        if code != 0 or not lines:
            tail = "\n".join((err or "").strip().splitlines()[-15:])
            raise SystemExit(f"the load client failed (exit {code}):\n{tail}")
        return json.loads(lines[-1])

    # --- Kafka -----------------------------------------------------------------------------------------------
    def consumer_lag(self):
        """The suite's topics' lag summed over the consumer groups that have members now; None when it cannot tell.
        Offsets are committed every few seconds, so a drained pipeline shows 0 a little after it drained."""
        if not os.path.isdir(self.kafka_libs):
            return None
        command = [self.java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                   os.path.join(self.kafka_libs, "*"), f"-Dlog4j2.configurationFile={self.kafka_log4j}",
                   "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand",
                   "--bootstrap-server", f"127.0.0.1:{self.ports['kafka']}", "--describe", "--all-groups"]
        try:
            out = subprocess.run(command, capture_output=True, text=True, timeout=60).stdout
        except (OSError, subprocess.TimeoutExpired):
            return None
        lag = 0
        seen = False
        for line in out.splitlines():
            cols = line.split()
            # GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG CONSUMER-ID HOST CLIENT-ID
            if len(cols) >= 7 and cols[1] in TOPICS and cols[6] != "-":
                seen = True
                if cols[5].isdigit():
                    lag += int(cols[5])
        return lag if seen else None

    def wait_drained(self, timeout=120, what="the pipeline"):
        """Waits until every consumer group with members has read all of the suite's topics."""
        deadline = time.time() + timeout
        time.sleep(0.5)  # the outbox relays of the last writes
        while True:
            lag = self.consumer_lag()
            if lag is None:
                log(f"cannot read Kafka's consumer lag: waiting 5 s for {what} instead")
                time.sleep(5)
                return False
            if lag == 0:
                return True
            if time.time() > deadline:
                log(f"{what}: still {lag} events behind after {timeout} s; going on")
                return False
            time.sleep(1)


class Http:
    """One keep-alive connection per thread and host: cheap enough to poll without disturbing what is measured."""

    def __init__(self, token):
        self.token = token
        self.local = threading.local()

    def call(self, method, url, body=None, headers=None, timeout=30):
        parts = urllib.parse.urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        data = None if body is None else json.dumps(body).encode()
        all_headers = {"Authorization": "Bearer " + self.token, "Accept": "application/json"}
        if data is not None:
            all_headers["Content-Type"] = "application/json"
        all_headers.update(headers or {})
        conns = getattr(self.local, "conns", None)
        if conns is None:
            conns = self.local.conns = {}
        key = (parts.hostname, parts.port)
        for attempt in (1, 2):
            conn = conns.get(key)
            if conn is None:
                conn = conns[key] = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
            try:
                conn.request(method, path, body=data, headers=all_headers)
                response = conn.getresponse()
                raw = response.read()
                try:
                    value = json.loads(raw) if raw else None
                except ValueError:
                    value = None
                return response.status, value
            except (http.client.HTTPException, OSError):
                conn.close()
                conns.pop(key, None)
                if attempt == 2:
                    return None, None
        return None, None


# --- figures ---------------------------------------------------------------------------------------------------
def instant(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def stats(seconds, missing=0):
    """Nearest-rank percentiles in ms; values never seen (missing) count as slower than all others."""
    lat = sorted(s * 1000 for s in seconds)
    n = len(lat) + missing
    if n == 0:
        return {"n": 0}

    def q(p):
        i = min(n - 1, int(p * n))
        return lat[i] if i < len(lat) else None

    out = {"n": len(lat), "missing": missing, "p50": q(.5), "p90": q(.9), "p99": q(.99),
           "max": lat[-1] if lat and not missing else None}
    return {k: (round(v, 1) if isinstance(v, float) else v) for k, v in out.items()}


def fmt_ms(value):
    if value is None:
        return "—"
    if value >= 10000:
        return f"{value / 1000:.0f} s"
    if value >= 1000:
        return f"{value / 1000:.1f} s"
    if value >= 10:
        return f"{value:.0f} ms"
    return f"{value:.1f} ms"


# --- the machine -----------------------------------------------------------------------------------------------
def meminfo():
    info = {}
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                key, value = line.split(":", 1)
                info[key] = int(value.split()[0])  # kB
    except OSError:
        pass
    return info


def machine():
    mem = meminfo()
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model, "memTotalMiB": mem.get("MemTotal", 0) // 1024,
            "memAvailableMiB": mem.get("MemAvailable", 0) // 1024,
            "loadAverage": [round(x, 2) for x in os.getloadavg()], "kernel": os.uname().release,
            "at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")}


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def children(pid):
    """The processes whose parent is pid (PostgreSQL's backends)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def pss_kib(pid):
    """Proportional set size: shared pages split between their users (PostgreSQL's shared buffers once)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return None


def footprint(pids):
    """RSS of each named process (VmRSS); for PostgreSQL the postmaster and its backends' PSS summed."""
    out = {}
    for name, pid in pids.items():
        if not pid:
            continue
        if name == "postgresql":
            procs = [pid] + children(pid)
            pss = [pss_kib(p) for p in procs]
            if all(v is not None for v in pss):
                out[name] = {"pid": pid, "processes": len(procs), "pssMiB": round(sum(pss) / 1024, 1)}
            else:
                rss = [rss_kib(p) or 0 for p in procs]
                out[name] = {"pid": pid, "processes": len(procs), "rssSumMiB": round(sum(rss) / 1024, 1)}
        else:
            rss = rss_kib(pid)
            if rss is not None:
                out[name] = {"pid": pid, "rssMiB": round(rss / 1024, 1)}
    return out


def which(name):
    return shutil.which(name)
