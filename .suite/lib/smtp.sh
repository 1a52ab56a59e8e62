# shellcheck shell=bash
# SMTP catcher: GreenMail standalone

GREENMAIL_LIBS=$RUN/greenmail/libs
SMTP_MARKER=greenmail-standalone

fetch_greenmail() {
  local pom=$SUITE_DIR/greenmail/pom.xml sum
  sum=$(sha256sum "$pom" | cut -d' ' -f1)
  if [[ -f $GREENMAIL_LIBS/.complete && $(<"$GREENMAIL_LIBS/.complete") == "$sum" ]]; then
    return 0
  fi
  step smtp "fetching GreenMail standalone with ./mvnw (log: .suite/run/logs/fetch.log)"
  rm -rf "$GREENMAIL_LIBS"
  "$ROOT/mvnw" -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$GREENMAIL_LIBS" \
    </dev/null >"$LOGS/fetch.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/fetch.log"; die "could not fetch GreenMail"; }
  echo "$sum" >"$GREENMAIL_LIBS/.complete"
  ok
}

ensure_smtp() {
  local pid jar
  if pid=$(pid_of smtp "$SMTP_MARKER"); then
    step smtp "GreenMail already running (pid $pid)"
    wait_port smtp "$pid" "$SMTP_API_PORT" 30 "$LOGS/smtp.log"
    ok reused
    return 0
  fi
  if port_open "$SMTP_PORT"; then
    say smtp "127.0.0.1:$SMTP_PORT is already served by something not started by ./suite: reusing it"
    return 0
  fi
  fetch_greenmail
  jar=$(find "$GREENMAIL_LIBS" -name 'greenmail-standalone-*.jar' | head -n1)
  [[ -n $jar ]] || die "no greenmail-standalone jar in ${GREENMAIL_LIBS#"$ROOT"/}"
  # IMAP serves the organisation's mailbox to contact-service; care+<token>@… lands in care@… (sub-addressing)
  step smtp "starting GreenMail (SMTP :$SMTP_PORT, IMAP :$IMAP_PORT, API :$SMTP_API_PORT, any address, no auth)"
  start_bg smtp "$LOGS/smtp.log" "$JAVA_BIN" -Xmx128m \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$SMTP_API_PORT" \
    -Dgreenmail.sieve.ignore.detail=true -Dgreenmail.auth.disabled -jar "$jar"
  pid=$(<"$PIDS/smtp.pid")
  wait_port smtp "$pid" "$SMTP_PORT" 30 "$LOGS/smtp.log"
  wait_port smtp "$pid" "$SMTP_API_PORT" 30 "$LOGS/smtp.log"
  wait_port smtp "$pid" "$IMAP_PORT" 30 "$LOGS/smtp.log"
  ok "ready, pid $pid"
}
