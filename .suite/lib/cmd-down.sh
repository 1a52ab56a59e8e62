# shellcheck shell=bash
# ./suite down: stops what ./suite started, services first

cmd_down() {
  [[ ${1:-} =~ ^(-h|--help)$ ]] && { usage_down; return 0; }
  local services_only=0
  case ${1:-} in
    "") ;;
    --services) services_only=1 ;;
    *) die "unknown option for down: $1 (./suite down --help)" ;;
  esac
  (($# <= 1)) || die "down takes at most one option"
  local svc i stopped=0
  lock_state
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    svc=${SERVICES[i]}
    stop_pid "$svc" "$(service_marker "$svc")" 30 && stopped=1
  done
  if ((services_only)); then
    ((stopped)) || say suite "no service started by ./suite is running"
    unlock_state
    return 0
  fi
  stop_pid sms "$SMS_MARKER" 10 && stopped=1
  stop_pid smtp "$SMTP_MARKER" 15 && stopped=1
  if stop_pid kafka "$KAFKA_MARKER" 60; then
    stopped=1
    rm -f "$STATE/kafka.owner"
  fi
  if [[ -f $STATE/postgresql-started-by-suite ]]; then
    stop_postgres_if_ours
    stopped=1
  fi
  ((stopped)) || say suite "nothing started by ./suite is running"
  unlock_state
}
