# shellcheck shell=bash
# ./suite events: prints a topic's events as they arrive

cmd_events() {
  local topic=${1:-} key="" extra=()
  [[ -n $topic ]] || die "usage: ./suite events <topic> [--from-beginning] [--max N] [--key ID]"
  shift
  while (($#)); do
    case $1 in
      --from-beginning) extra+=(--from-beginning) ;;
      --max) extra+=(--max-messages "${2:?--max needs a number}"); shift ;;
      --key) key=${2:?--key needs an aggregate id}; extra+=(--timeout-ms 5000); shift ;;
      *) die "unknown option for events: $1" ;;
    esac
    shift
  done
  select_jdk >/dev/null
  port_open "$KAFKA_PORT" || die "Kafka is not running on $KAFKA_PORT: ./suite up --infra-only starts it"
  # with --key: only that aggregate's events, ending 5 s after the last one
  kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --topic "$topic" --property print.key=true --property key.separator=' ' "${extra[@]}" 2>/dev/null |
    if [[ -n $key ]]; then grep --line-buffered "^$key " || true; else cat; fi
}
