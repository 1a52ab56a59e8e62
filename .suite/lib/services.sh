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
    say build "./mvnw -B -q -DskipTests package (--build)"
  else
    say build "./mvnw -B -q -DskipTests package (missing or out of date: ${missing[*]})"
  fi
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package </dev/null) || die "the build failed (see above)"
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

start_service() {
  local svc=$1 port=${SERVICE_PORT[$1]} jar
  jar=$(service_jar "$svc")
  (
    export QUARKUS_HTTP_HOST=127.0.0.1
    export QUARKUS_HTTP_PORT=$port
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
    if [[ $svc == notification ]]; then
      ANCHOR_CALLBACK_SECRET=$(callback_secret)
      export ANCHOR_CALLBACK_SECRET
    fi
    start_bg "$svc" "$LOGS/$svc.log" "$JAVA_BIN" -jar "$jar"
  )
}

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" 2>/dev/null || true
}

# wait_ready SVC T0: waits for /q/health/ready to answer 200
wait_ready() {
  local svc=$1 t0=$2 port=${SERVICE_PORT[$1]} pid log=$LOGS/$1.log
  local url=http://127.0.0.1:$port/q/health/ready deadline=$(($2 + SERVICE_TIMEOUT * 1000))
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
  for svc in "${SERVICES[@]}"; do
    port=${SERVICE_PORT[$svc]}
    if pid=$(pid_of "$svc" "$(service_marker "$svc")"); then
      say "$svc-service" "already running (pid $pid)"
      started[$svc]=$(now_ms)
    elif port_open "$port"; then
      owner=$(port_owner "$port")
      [[ $(http_status "http://127.0.0.1:$port/q/health/ready") == 200 ]] ||
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
