# shellcheck shell=bash
# ./suite status: one line per component

status_row() {
  printf '%-21s %-9s pid %-8s %-16s %s\n' "$@"
}

# status_line LABEL PIDNAME MARKER PORT URL
status_line() {
  local label=$1 name=$2 marker=$3 port=$4 url=$5 pid owner
  if pid=$(pid_of "$name" "$marker"); then
    if port_open "$port"; then
      status_row "$label" running "$pid" "127.0.0.1:$port" "$url"
    else
      status_row "$label" starting "$pid" "127.0.0.1:$port" "$url"
    fi
  elif port_open "$port"; then
    owner=$(port_owner "$port")
    status_row "$label" running "${owner:--}" "127.0.0.1:$port" "$url (not started by ./suite)"
  else
    status_row "$label" stopped - "127.0.0.1:$port" "$url"
  fi
}

cmd_status() {
  [[ ${1:-} =~ ^(-h|--help)$ ]] && { usage_status; return 0; }
  init_dirs
  local svc port pg_pid pg_note=system
  if pg_ready; then
    pg_pid=$(port_owner "$PG_PORT")
    [[ -f $STATE/postgresql-started-by-suite ]] && pg_note="started by ./suite"
    status_row postgresql running "${pg_pid:--}" "$PG_HOST:$PG_PORT" \
      "postgresql://$PG_HOST:$PG_PORT/anchor_<service> ($pg_note)"
  else
    status_row postgresql stopped - "$PG_HOST:$PG_PORT" "postgresql://$PG_HOST:$PG_PORT/"
  fi
  status_line kafka kafka "$KAFKA_MARKER" "$KAFKA_PORT" \
    "PLAINTEXT://127.0.0.1:$KAFKA_PORT, FAULTY://127.0.0.1:$KAFKA_FAULTY_PORT advertised as :$KAFKA_FAULTY_ADVERTISED_PORT"
  status_line "smtp catcher" smtp "$SMTP_MARKER" "$SMTP_PORT" \
    "smtp://127.0.0.1:$SMTP_PORT, mailboxes http://127.0.0.1:$SMTP_API_PORT/api/user"
  status_line "sms sink" sms "$SMS_MARKER" "$SMS_PORT" "http://127.0.0.1:$SMS_PORT/messages"
  for svc in "${SERVICES[@]}"; do
    port=${SERVICE_PORT[$svc]}
    status_line "$svc-service" "$svc" "$(service_marker "$svc")" "$port" \
      "http://127.0.0.1:$port, http://127.0.0.1:$port/q/swagger-ui, health http://127.0.0.1:${MANAGEMENT_PORT[$svc]}/q/health"
  done
}
