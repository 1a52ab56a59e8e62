# shellcheck shell=bash
# services: building, starting and waiting for the four Quarkus services

service_dir() { echo "$ROOT/$1-service"; }
service_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
service_marker() { echo "$1-service/target/quarkus-app/quarkus-run.jar"; }

build_services() {
  local force=$1 svc jar missing=()
  for svc in "${SERVICES[@]}"; do
    jar=$(service_jar "$svc")
    # missing, or older than its sources or the shared building blocks
    if [[ ! -f $jar ]] || [[ -n $(find "$ROOT/$svc-service/src" "$ROOT/$svc-service/pom.xml" \
      "$ROOT/building-blocks/src" "$ROOT/building-blocks/pom.xml" "$ROOT/pom.xml" -newer "$jar" -print -quit 2>/dev/null) ]]; then
      missing+=("$svc-service")
    fi
  done
  if ((!force)) && ((${#missing[@]} == 0)); then
    return 0
  fi
  local t0
  t0=$(now_ms)
  if ((force)); then
    say build "./mvnw -B -q -DskipTests $(aot_profile) package (--build)"
  else
    say build "./mvnw -B -q -DskipTests $(aot_profile) package (missing or out of date: ${missing[*]})"
  fi
  (cd "$ROOT" && ./mvnw -B -q -DskipTests $(aot_profile) package </dev/null) || die "the build failed (see above)"
  say build "done ($(elapsed "$t0"))"
}

# checked before anything starts: without a module there is nothing to build or run
check_service_modules() {
  local svc
  for svc in "${SERVICES[@]}"; do
    [[ -f $(service_dir "$svc")/pom.xml ]] ||
      die "$svc-service has no pom.xml yet, so there is nothing to start; './suite up --infra-only' starts everything else"
  done
}

# fail before starting any service when one has no runnable jar
check_service_jars() {
  local svc missing=()
  for svc in "${SERVICES[@]}"; do
    [[ -f $(service_jar "$svc") ]] || missing+=("$(service_marker "$svc")")
  done
  ((${#missing[@]} == 0)) ||
    die "not built, nothing started: ${missing[*]} missing (is each module listed in the parent pom.xml and packaged as a Quarkus app?)"
}

# ---- JDK AOT cache (JEP 483/514, JDK 25+) ------------------------------------------------------------------------
# The services are packaged as Quarkus aot-jar; after each build one training run per service (start, a few requests,
# stop) writes .suite/run/aot/<svc>.aot, and every later start loads it. SUITE_AOT=0, or a JDK before 25, turns it off.

aot_cache() { echo "$RUN/aot/$1.aot"; }

aot_enabled() {
  [[ ${SUITE_AOT:-1} == 1 ]] || return 1
  [[ -n ${AOT_JAVA_MAJOR:-} ]] || AOT_JAVA_MAJOR=$(java_major "$JAVA_BIN")
  ((AOT_JAVA_MAJOR >= 25))
}

# the Maven profile that packages aot-jar, when the caches are used
aot_profile() {
  if aot_enabled; then echo -Paot; fi
}

# a cache that is missing or older than the jar is trained again (the JVM would refuse a stale one anyway)
aot_fresh() {
  local cache jar
  cache=$(aot_cache "$1")
  jar=$(service_jar "$1")
  [[ -s $cache && $cache -nt $jar ]]
}

# the JVM options a start of SVC gets: load the cache when there is a fresh one
aot_options() {
  if aot_enabled && aot_fresh "$1"; then
    printf '%s\n' "-XX:AOTCache=$(aot_cache "$1")"
  fi
}

# train_services SVC...: the training run of each, side by side; a service whose training fails starts without cache
train_services() {
  local svc t0 url token pid
  local -a training=()
  aot_enabled || return 0
  for svc in "$@"; do
    aot_fresh "$svc" || training+=("$svc")
  done
  ((${#training[@]} > 0)) || return 0
  mkdir -p "$RUN/aot"
  t0=$(now_ms)
  say aot "training run of ${training[*]} (JDK AOT cache; once after each build)"
  for svc in "${training[@]}"; do
    rm -f "$(aot_cache "$svc").training"
    start_service "$svc" "-XX:AOTCacheOutput=$(aot_cache "$svc").training"
  done
  token=$(make_token supervisor suite.training "" 600)
  for svc in "${training[@]}"; do
    wait_ready "$svc" "$t0"
    url=http://127.0.0.1:${SERVICE_PORT[$svc]}
    # what every start and the first requests load: the API, its documentation, a read, a refusal
    for path in /q/openapi "/${svc}s?size=1" "/${svc}s/00000000-0000-0000-0000-000000000000"; do
      curl -s -o /dev/null --max-time 10 -H "Authorization: Bearer $token" "$url$path" || true
    done
    curl -s -o /dev/null --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{' "$url/${svc}s" || true
  done
  # the JVM writes its cache as it exits (tens of seconds): all stop together, each given up to 3 minutes
  local -A pids=()
  for svc in "${training[@]}"; do
    pids[$svc]=$(<"$PIDS/$svc.pid")
    kill -TERM "${pids[$svc]}" 2>/dev/null || true
  done
  step aot "writing the caches"
  local deadline=$(($(now_ms) + 180000))
  for svc in "${training[@]}"; do
    while alive "${pids[$svc]}" && (($(now_ms) < deadline)); do
      sleep 0.5
    done
    if alive "${pids[$svc]}"; then
      kill -KILL "${pids[$svc]}" 2>/dev/null || true
      rm -f "$(aot_cache "$svc").training" # half written
    fi
    rm -f "$PIDS/$svc.pid" "$(aot_cache "$svc").training.config"
  done
  ok "done"
  for svc in "${training[@]}"; do
    if [[ -s $(aot_cache "$svc").training ]]; then
      mv -f "$(aot_cache "$svc").training" "$(aot_cache "$svc")"
    else
      warn "$svc-service: the training run wrote no AOT cache (log: .suite/run/logs/$svc.log.1); it starts without one"
    fi
  done
  say aot "done ($(elapsed "$t0"))"
}

# start_service SVC [JVM_OPTION...]: starts SVC in the background (with its AOT cache when there is a fresh one)
start_service() {
  local svc=$1 port=${SERVICE_PORT[$1]} jar
  local -a jvm=("${@:2}")
  jar=$(service_jar "$svc")
  ((${#jvm[@]} > 0)) || mapfile -t jvm < <(aot_options "$svc")
  (
    export QUARKUS_HTTP_HOST=127.0.0.1
    export QUARKUS_HTTP_PORT=$port
    export QUARKUS_MANAGEMENT_HOST=127.0.0.1
    export QUARKUS_MANAGEMENT_PORT=${MANAGEMENT_PORT[$svc]}
    export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/anchor_$svc
    export QUARKUS_DATASOURCE_USERNAME=anchor_$svc
    export QUARKUS_DATASOURCE_PASSWORD=anchor_$svc
    export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
    export MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:$KEYS/public.pem
    export MP_JWT_VERIFY_ISSUER=$JWT_ISSUER
    export QUARKUS_MAILER_HOST=127.0.0.1
    export QUARKUS_MAILER_PORT=$SMTP_PORT
    export ANCHOR_SMS_HTTP_URL=http://127.0.0.1:$SMS_PORT
    export ANCHOR_STATUS_PAGE_BASE_URL=http://127.0.0.1:${SERVICE_PORT[issue]}/status
    # the jars run in the prod profile: Swagger UI is off there unless enabled (the README's table lists it)
    export QUARKUS_SWAGGER_UI_ENABLED=true
    if [[ $svc == contact ]]; then
      # the organisation's mailbox, where customers' replies arrive: GreenMail's IMAP
      export ANCHOR_MAILBOX_HOST=127.0.0.1 ANCHOR_MAILBOX_PORT=$IMAP_PORT ANCHOR_MAILBOX_SSL=false
      export ANCHOR_MAILBOX_POLL_EVERY=2s
    fi
    if [[ $svc == notification ]]; then
      ANCHOR_CALLBACK_SECRET=$(callback_secret)
      export ANCHOR_CALLBACK_SECRET
    fi
    if [[ $svc == notification || $svc == customer ]]; then
      ANCHOR_LINK_SECRET=$(link_secret)
      export ANCHOR_LINK_SECRET
      export ANCHOR_CUSTOMER_SERVICE_BASE_URL=http://127.0.0.1:${SERVICE_PORT[customer]}
    fi
    start_bg "$svc" "$LOGS/$svc.log" "$JAVA_BIN" "${jvm[@]}" -jar "$jar"
  )
}

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || true
}

# wait_ready SVC T0: waits for /q/health/ready (management port) to answer 200
wait_ready() {
  local svc=$1 t0=$2 pid log=$LOGS/$1.log
  local url=http://127.0.0.1:${MANAGEMENT_PORT[$svc]}/q/health/ready deadline=$(($2 + SERVICE_TIMEOUT * 1000))
  pid=$(<"$PIDS/$svc.pid")
  STEP_T0=$t0
  STEP_OPEN=1
  printf '==> %s-service: waiting for %s ... ' "$svc" "$url"
  until [[ $(http_status "$url") == 200 ]]; do
    if ! alive "$pid"; then
      end_open_step
      show_log_tail "$log"
      die "$svc-service exited during start (log: ${log#"$ROOT"/})"
    fi
    if (($(now_ms) > deadline)); then
      end_open_step
      show_log_tail "$log"
      die "$svc-service was not ready within ${SERVICE_TIMEOUT}s (log: ${log#"$ROOT"/}; still running as pid $pid)"
    fi
    sleep 0.3
  done
  ok "ready, pid $pid"
}

ensure_services() {
  local force_build=$1 svc port pid owner
  local -A started=()
  need_cmd curl
  build_services "$force_build"
  check_service_jars
  local -a idle=()
  for svc in "${SERVICES[@]}"; do
    pid_of "$svc" "$(service_marker "$svc")" >/dev/null || port_open "${SERVICE_PORT[$svc]}" || idle+=("$svc")
  done
  ((${#idle[@]} == 0)) || train_services "${idle[@]}"
  for svc in "${SERVICES[@]}"; do
    port=${SERVICE_PORT[$svc]}
    if pid=$(pid_of "$svc" "$(service_marker "$svc")"); then
      say "$svc-service" "already running (pid $pid)"
      started[$svc]=$(now_ms)
    elif port_open "$port"; then
      owner=$(port_owner "$port")
      [[ $(http_status "http://127.0.0.1:${MANAGEMENT_PORT[$svc]}/q/health/ready") == 200 ]] ||
        die "port $port for $svc-service is taken by another process${owner:+ (pid $owner)} that is not a ready Anchor service"
      say "$svc-service" "already served on :$port by a process not started by ./suite${owner:+ (pid $owner)}: reusing it"
    else
      say "$svc-service" "starting on :$port (log: .suite/run/logs/$svc.log)"
      started[$svc]=$(now_ms)
      start_service "$svc"
    fi
  done
  for svc in "${SERVICES[@]}"; do
    [[ -v started[$svc] ]] || continue
    wait_ready "$svc" "${started[$svc]}"
  done
}
