# shellcheck shell=bash
# ./suite up: starts (or reuses) the infrastructure and the services, then prints URLs and a token

print_summary() {
  local infra_only=$1 svc port token
  echo
  echo "Anchor is up."
  echo
  if ((!infra_only)); then
    for svc in "${SERVICES[@]}"; do
      port=${SERVICE_PORT[$svc]}
      printf '  %-22s http://127.0.0.1:%s   Swagger UI http://127.0.0.1:%s/q/swagger-ui\n' "$svc-service" "$port" "$port"
    done
    printf '  %-22s http://127.0.0.1:%s/status/<token>\n' "customer status page" "${SERVICE_PORT[issue]}"
  fi
  printf '  %-22s smtp://127.0.0.1:%s   mailboxes http://127.0.0.1:%s/api/user   one inbox http://127.0.0.1:%s/api/user/<email>/messages/\n' \
    "SMTP catcher" "$SMTP_PORT" "$SMTP_API_PORT" "$SMTP_API_PORT"
  printf '  %-22s http://127.0.0.1:%s/messages   (POST to send, GET to list, DELETE to clear)\n' "SMS sink" "$SMS_PORT"
  printf '  %-22s http://127.0.0.1:%s/inbound    (a form: text back as a customer, to notification-service)\n' \
    "" "$SMS_PORT"
  printf '  %-22s 127.0.0.1:%s   (fault-injection listener 127.0.0.1:%s, advertised as 127.0.0.1:%s)\n' \
    "Kafka" "$KAFKA_PORT" "$KAFKA_FAULTY_PORT" "$KAFKA_FAULTY_ADVERTISED_PORT"
  printf '  %-22s %s:%s   database, user and password anchor_<service>\n' "PostgreSQL" "$PG_HOST" "$PG_PORT"
  echo
  token=$(make_token agent agent.alice "" 28800 "Alice Archer")
  echo "Agent token (sub agent.alice, role agent, valid 8h; more with ./suite token --help):"
  echo
  echo "export TOKEN=$token"
  echo
  if ((!infra_only)); then
    echo "  curl -H \"Authorization: Bearer \$TOKEN\" http://127.0.0.1:${SERVICE_PORT[customer]}/customers"
    echo
  fi
  echo "Stop everything with ./suite down; see ./suite status and ./suite logs <name>."
}

cmd_up() {
  local infra_only=0 build=0 arg t0
  for arg in "$@"; do
    case $arg in
      --infra-only) infra_only=1 ;;
      --build) build=1 ;;
      -h | --help) usage_up; return 0 ;;
      *) die "unknown option for up: $arg (see ./suite help)" ;;
    esac
  done
  t0=$(now_ms)
  ((infra_only)) || check_service_modules
  lock_state
  select_jdk
  ensure_postgres
  provision_databases
  ensure_kafka
  echo up >"$STATE/kafka.owner"
  ensure_smtp
  ensure_sms
  ensure_keys
  if ((infra_only)); then
    say services "skipped (--infra-only)"
  else
    ensure_services "$build"
  fi
  unlock_state
  say suite "up in $(elapsed "$t0")"
  print_summary "$infra_only"
}
