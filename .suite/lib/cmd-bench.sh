# shellcheck shell=bash
# ./suite bench: the performance figures against the running suite, printed as one table and kept as JSON.
# A benchmark prints figures; it is never a test and nothing fails on its numbers.

BENCH_MODULE=$SUITE_DIR/bench/load-client
BENCH_JAR=$BENCH_MODULE/target/bench-load-client.jar
BENCH_LIBS=$BENCH_MODULE/target/lib
BENCH_OUT=$RUN/bench
BENCH_PG=anchor_bench
BENCH_PARTS=(startup freshness api)

# build_bench_client: packages the load client when its jar is missing or older than its sources or poms.
# It is not a module of the parent pom (no CI build runs it): built here, on demand, as the SMS sink is in sms.sh.
build_bench_client() {
  if [[ -f $BENCH_JAR && -d $BENCH_LIBS && -z $(find "$BENCH_MODULE/src/main" "$BENCH_MODULE/pom.xml" "$ROOT/pom.xml" \
    -newer "$BENCH_JAR" -print -quit 2>/dev/null) ]]; then
    return 0
  fi
  step bench "building the load client with ./mvnw (log: .suite/run/logs/build-bench.log)"
  (cd "$ROOT" && ./mvnw -B -q -f .suite/bench/load-client/pom.xml package -DskipTests </dev/null) \
    >"$LOGS/build-bench.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/build-bench.log"; die "could not build the load client (.suite/bench/load-client)"; }
  touch "$BENCH_JAR"
  ok
}

# bench_pgbench_db SCALE: role and database anchor_bench (password = name), initialised by pgbench -i at SCALE
# once; a database already at that scale is reused
bench_pgbench_db() {
  local scale=$1 branches
  need_cmd pgbench postgresql-client
  detect_psql_mode
  step bench "pgbench database $BENCH_PG (scale $scale, via $PSQL_MODE)"
  psql_super >>"$LOGS/bench.log" 2>&1 <<SQL ||
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$BENCH_PG') THEN
    CREATE ROLE $BENCH_PG LOGIN PASSWORD '$BENCH_PG';
  ELSE
    ALTER ROLE $BENCH_PG LOGIN PASSWORD '$BENCH_PG';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $BENCH_PG OWNER $BENCH_PG' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$BENCH_PG') \gexec
ALTER DATABASE $BENCH_PG OWNER TO $BENCH_PG;
SQL
    { end_open_step; show_log_tail "$LOGS/bench.log"; die "creating the pgbench role and database failed"; }
  branches=$(PGPASSWORD=$BENCH_PG psql -X -w -Atq -h "$PG_HOST" -p "$PG_PORT" -U "$BENCH_PG" -d "$BENCH_PG" \
    -c 'select count(*) from pgbench_branches' </dev/null 2>/dev/null || true)
  if [[ $branches == "$scale" ]]; then
    ok "reused"
    return 0
  fi
  PGPASSWORD=$BENCH_PG pgbench -i -q -s "$scale" -h "$PG_HOST" -p "$PG_PORT" -U "$BENCH_PG" "$BENCH_PG" \
    </dev/null >>"$LOGS/bench.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/bench.log"; die "pgbench -i failed"; }
  ok "initialised"
}

vmrss_mib() {
  awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true
}

# the "started in 1.234s" of the service's last start, from its log
log_started_in() {
  grep -o 'started in [0-9.]*s' "$LOGS/$1.log" 2>/dev/null | tail -n1 | grep -o '[0-9.]*[0-9]' || true
}

# bench_start SVC JARS_ROOT: start_service, with the jar from JARS_ROOT (the checkout, or --jars)
bench_start() {
  local ROOT=$2
  start_service "$1"
}

ready_now() {
  [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:${MANAGEMENT_PORT[$1]}/q/health/ready" \
    2>/dev/null) == 200 ]]
}

# bench_wait_ready T0 SVC...: polls every service given every 50 ms until each is ready; sets READY_MS[svc] to the
# milliseconds from T0 to the poll that first saw it ready
declare -A READY_MS=()
bench_wait_ready() {
  local t0=$1 svc pid waiting
  shift
  local deadline=$((t0 + SERVICE_TIMEOUT * 1000))
  waiting=("$@")
  while ((${#waiting[@]})); do
    local still=()
    for svc in "${waiting[@]}"; do
      pid=$(<"$PIDS/$svc.pid")
      if ready_now "$svc"; then
        READY_MS[$svc]=$(($(now_ms) - t0))
      elif ! alive "$pid"; then
        end_open_step
        show_log_tail "$LOGS/$svc.log"
        die "$svc-service exited during start (log: .suite/run/logs/$svc.log)"
      else
        still+=("$svc")
      fi
    done
    waiting=("${still[@]}")
    ((${#waiting[@]})) || break
    (($(now_ms) < deadline)) || die "not ready within ${SERVICE_TIMEOUT}s: ${waiting[*]}"
    sleep 0.05
  done
}

# bench_startup OUT JARS_ROOT: each service started alone (then stopped), then all four together (left running);
# writes the figures as JSON to OUT
bench_startup() {
  local out=$1 jars=$2 svc pid t0 foreign=() json alone="" together_ready="" together_rss="" sep
  for svc in "${SERVICES[@]}"; do
    if ! pid_of "$svc" "$(service_marker "$svc")" >/dev/null && port_open "${SERVICE_PORT[$svc]}"; then
      foreign+=("$svc-service")
    fi
  done
  if ((${#foreign[@]})); then
    say bench "start-up not measured: ${foreign[*]} run outside ./suite (it cannot restart them)"
    printf '{"skipped": "%s run outside ./suite, which cannot restart them"}\n' "${foreign[*]}" >"$out"
    return 0
  fi
  for svc in "${SERVICES[@]}"; do
    [[ -f $jars/$(service_marker "$svc") ]] ||
      die "no $(service_marker "$svc") under $jars: build it (./suite up --build) or skip the start-up (--skip startup)"
  done
  lock_state
  for svc in "${SERVICES[@]}"; do
    stop_pid "$svc" "$(service_marker "$svc")" 60 || true
  done
  sep=""
  for svc in "${SERVICES[@]}"; do
    step bench "$svc-service alone"
    t0=$(now_ms)
    bench_start "$svc" "$jars"
    bench_wait_ready "$t0" "$svc"
    pid=$(<"$PIDS/$svc.pid")
    local rss started
    rss=$(vmrss_mib "$pid")
    started=$(log_started_in "$svc")
    ok "ready in ${READY_MS[$svc]} ms, started in ${started:-?}s, RSS ${rss:-?} MiB"
    alone+="$sep\"$svc\": {\"readyMs\": ${READY_MS[$svc]}, \"startedInS\": ${started:-null}, \"rssMiB\": ${rss:-null}}"
    sep=", "
    stop_pid "$svc" "$(service_marker "$svc")" 60 >/dev/null || true
  done
  step bench "all four together"
  t0=$(now_ms)
  for svc in "${SERVICES[@]}"; do
    bench_start "$svc" "$jars"
  done
  bench_wait_ready "$t0" "${SERVICES[@]}"
  local all=0
  sep=""
  for svc in "${SERVICES[@]}"; do
    ((READY_MS[$svc] > all)) && all=${READY_MS[$svc]}
    pid=$(<"$PIDS/$svc.pid")
    together_ready+="$sep\"$svc\": ${READY_MS[$svc]}"
    together_rss+="$sep\"$svc\": $(vmrss_mib "$pid" | grep . || echo null)"
    sep=", "
  done
  ok "all ready in $all ms"
  unlock_state
  json="{\"jars\": \"$jars\", \"alone\": {$alone}, \"together\": {\"allReadyMs\": $all, \"readyMs\": {$together_ready}, \"rssMiB\": {$together_rss}}}"
  printf '%s\n' "$json" >"$out"
}

# bench_pid NAME MARKER PORT: prints '"NAME": PID, ' for the process, or nothing
bench_pid() {
  local pid=""
  [[ -n $2 ]] && pid=$(pid_of "$1" "$2" || true)
  [[ -n $pid ]] || pid=$(port_owner "$3")
  if [[ -n $pid ]]; then
    printf '"%s": %s, ' "$1" "$pid"
  fi
}

# a comma-separated list of positive numbers
check_list() {
  local n
  [[ $2 =~ ^[0-9]+(\.[0-9]+)?(,[0-9]+(\.[0-9]+)?)*$ ]] || die "$1 needs comma-separated numbers, e.g. 50,100 (not '$2')"
  for n in ${2//,/ }; do
    [[ $n =~ [1-9] ]] || die "$1 needs numbers above 0 (not '$2')"
  done
}

# check_number OPTION VALUE [zero-ok]
check_number() {
  [[ $2 =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "$1 needs a number (not '$2')"
  [[ -n ${3:-} || $2 =~ [1-9] ]] || die "$1 needs a number above 0 (not '$2')"
}

cmd_bench() {
  local rates=50,100,200,400 seconds=10 concurrency=8,32,64 warmup=5 jars=$ROOT scale=10 only="" skip=""
  local py=() part parts=() svc processes
  while (($#)); do
    case $1 in
      -h | --help) usage_bench; return 0 ;;
      --all-rates) py+=(--all-rates); shift; continue ;;
      --rates | --seconds | --concurrency | --only | --skip | --warmup | --jars | --pgbench-scale | --fraction | \
        --timeline-sample | --poll-ms | --drain-timeout | --dataset | --endpoints)
        (($# >= 2)) || die "$1 needs a value (see ./suite help bench)"
        case $1 in
          --rates) check_list "$1" "$2"; rates=$2 ;;
          --seconds) check_number "$1" "$2"; seconds=$2 ;;
          --concurrency) [[ $2 =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--concurrency needs whole numbers, e.g. 8,32"
            concurrency=$2 ;;
          --warmup) check_number "$1" "$2" zero-ok; warmup=$2 ;;
          --only) only=$2 ;;
          --skip) skip=$2 ;;
          --jars) jars=$(cd "$2" 2>/dev/null && pwd) || die "--jars: no directory $2" ;;
          --pgbench-scale) [[ $2 =~ ^[1-9][0-9]*$ ]] || die "--pgbench-scale needs a whole number"; scale=$2 ;;
          --timeline-sample) check_number "$1" "$2" zero-ok; py+=("$1" "$2") ;;
          --dataset) [[ $2 =~ ^[1-9][0-9]*$ ]] || die "--dataset needs a whole number"; py+=("$1" "$2") ;;
          --fraction | --poll-ms | --drain-timeout) check_number "$1" "$2"; py+=("$1" "$2") ;;
          --endpoints) [[ $2 =~ ^(issue|timeline|comment)(,(issue|timeline|comment))*$ ]] ||
            die "--endpoints takes issue, timeline, comment (comma-separated)"; py+=("$1" "$2") ;;
        esac
        shift 2
        continue
        ;;
      *) die "unknown option for bench: $1 (see ./suite help bench)" ;;
    esac
  done
  for part in "${BENCH_PARTS[@]}"; do
    if [[ -n $only && ,$only, != *,$part,* ]] || [[ ,$skip, == *,$part,* ]]; then
      continue
    fi
    parts+=("$part")
  done
  for part in ${only//,/ } ${skip//,/ }; do
    [[ " ${BENCH_PARTS[*]} " == *" $part "* ]] || die "unknown part '$part': startup, freshness, api"
  done
  ((${#parts[@]})) || die "nothing to run (--only/--skip left no part)"

  init_dirs
  mkdir -p "$BENCH_OUT"
  select_jdk
  need_cmd python3
  need_cmd curl
  pg_ready || die "PostgreSQL does not answer on $PG_HOST:$PG_PORT: ./suite up starts the suite"
  port_open "$KAFKA_PORT" || die "Kafka is not running on :$KAFKA_PORT: ./suite up starts the suite"
  port_open "$SMTP_PORT" || die "the SMTP catcher is not running on :$SMTP_PORT: ./suite up starts the suite"
  port_open "$SMS_PORT" || die "the SMS sink is not running on :$SMS_PORT: ./suite up starts the suite"
  ensure_keys
  build_bench_client

  local startup_json
  startup_json=$BENCH_OUT/startup-$(date -u +%Y%m%d-%H%M%S).json
  if [[ " ${parts[*]} " == *" startup "* ]]; then
    bench_startup "$startup_json" "$jars"
  else
    startup_json=""
    for svc in "${SERVICES[@]}"; do
      ready_now "$svc" || die "$svc-service is not ready on :${SERVICE_PORT[$svc]}: ./suite up starts it"
    done
  fi
  if [[ " ${parts[*]} " == *" api "* ]]; then
    bench_pgbench_db "$scale"
    py+=(--pg "{\"host\": \"$PG_HOST\", \"port\": $PG_PORT, \"db\": \"$BENCH_PG\", \"user\": \"$BENCH_PG\", \"password\": \"$BENCH_PG\"}")
  fi

  # the processes whose memory is reported: ours by pid file, others by the port they listen on
  processes=""
  for svc in "${SERVICES[@]}"; do
    processes+=$(bench_pid "$svc" "$(service_marker "$svc")" "${SERVICE_PORT[$svc]}")
  done
  processes+=$(bench_pid kafka "$KAFKA_MARKER" "$KAFKA_PORT")
  processes+=$(bench_pid smtp "$SMTP_MARKER" "$SMTP_PORT")
  processes+=$(bench_pid sms "$SMS_MARKER" "$SMS_PORT")
  processes+=$(bench_pid postgresql "" "$PG_PORT")
  processes=${processes%, }

  local versions pg_version
  pg_version=$(PGPASSWORD=anchor_customer psql -X -w -Atq -h "$PG_HOST" -p "$PG_PORT" -U anchor_customer -d anchor_customer \
    -c 'show server_version' </dev/null 2>/dev/null | cut -d' ' -f1 || true)
  versions="{\"java\": \"$(java_major "$JAVA_BIN")\", \"postgresql\": \"${pg_version:-}\", \"quarkus\": \"$(
    grep -o '<quarkus.platform.version>[^<]*' "$ROOT/pom.xml" | cut -d'>' -f2)\"}"

  local t0 token
  t0=$(now_ms)
  token=$(make_token agent agent.bench "" 28800 "Bench Agent")
  say bench "running: ${parts[*]} (progress on stderr; the table at the end)"
  BENCH_TOKEN=$token python3 "$SUITE_DIR/bench/bench.py" --parts "$(IFS=,; echo "${parts[*]}")" \
    --rates "$rates" --seconds "$seconds" --concurrency "$concurrency" --warmup "$warmup" \
    --java "$JAVA_BIN" --out "$BENCH_OUT" --pids "{$processes}" --versions "$versions" \
    --ports "{\"customer\": ${SERVICE_PORT[customer]}, \"issue\": ${SERVICE_PORT[issue]}, \"contact\": ${SERVICE_PORT[contact]}, \"notification\": ${SERVICE_PORT[notification]}, \"kafka\": $KAFKA_PORT, \"sms\": $SMS_PORT, \"smtp-api\": $SMTP_API_PORT}" \
    ${startup_json:+--startup "$startup_json"} "${py[@]}" ||
    die "the bench stopped (exit $?)"
  # merged into the bench's JSON
  [[ -z $startup_json ]] || rm -f "$startup_json"
  say bench "done in $(elapsed "$t0")"
}
