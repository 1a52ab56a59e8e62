# shellcheck shell=bash
# SMS sink: the .suite/sms-sink module, an HTTP "SMS provider" that keeps what it is sent and, from its form at
# /inbound, sends a customer's SMS to notification-service's inbound webhook

SMS_MODULE=$SUITE_DIR/sms-sink
SMS_JAR=$SMS_MODULE/target/sms-sink.jar
SMS_LIBS=$SMS_MODULE/target/lib
# the main class's simple name: also on the command line of a sink started from the former .suite/SmsSink.java
SMS_MARKER=SmsSink

# build_sms_sink: packages the module when its jar is missing or older than its sources or poms
build_sms_sink() {
  if [[ -f $SMS_JAR && -d $SMS_LIBS && -z $(find "$SMS_MODULE/src/main" "$SMS_MODULE/pom.xml" "$ROOT/pom.xml" \
    -newer "$SMS_JAR" -print -quit 2>/dev/null) ]]; then
    return 0
  fi
  step sms "building the SMS sink with ./mvnw (log: .suite/run/logs/build-sms.log)"
  (cd "$ROOT" && ./mvnw -B -q -pl .suite/sms-sink package -DskipTests </dev/null) >"$LOGS/build-sms.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/build-sms.log"; die "could not build the SMS sink (.suite/sms-sink)"; }
  # the jar plugin keeps a jar whose classes did not change as it was: mark it checked against the poms too
  touch "$SMS_JAR"
  ok
}

ensure_sms() {
  local pid
  if pid=$(pid_of sms "$SMS_MARKER"); then
    step sms "SMS sink already running (pid $pid)"
    wait_port sms "$pid" "$SMS_PORT" 30 "$LOGS/sms.log"
    ok reused
    return 0
  fi
  if port_open "$SMS_PORT"; then
    say sms "127.0.0.1:$SMS_PORT is already served by something not started by ./suite: reusing it"
    return 0
  fi
  build_sms_sink
  step sms "starting SMS sink on :$SMS_PORT (messages also in .suite/run/sms/messages.jsonl)"
  mkdir -p "$RUN/sms"
  # where its form (/inbound) sends a customer's SMS, signed like the provider's webhook; the secret by environment,
  # not on the command line, where ps would show it
  ANCHOR_CALLBACK_SECRET=$(callback_secret) \
    ANCHOR_SMS_INBOUND_URL=http://127.0.0.1:${SERVICE_PORT[notification]}/callbacks/sms/inbound \
    start_bg sms "$LOGS/sms.log" "$JAVA_BIN" -Xmx64m -cp "$SMS_JAR:$SMS_LIBS/*" dev.anchor.smssink.SmsSink \
    "$SMS_PORT" "$RUN/sms"
  pid=$(<"$PIDS/sms.pid")
  wait_port sms "$pid" "$SMS_PORT" 60 "$LOGS/sms.log"
  ok "ready, pid $pid"
}
