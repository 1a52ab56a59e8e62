# shellcheck shell=bash
# ./suite replay: publishes parked events (a consumer's dead-letter topic) again on the topic they came from

cmd_replay() {
  local dlq=${1:-} group=anchor-replay parked
  [[ $dlq == *.dlq ]] || die "usage: ./suite replay <service>.<topic>.dlq  (e.g. notification-service.customer.events.dlq)"
  select_jdk >/dev/null
  port_open "$KAFKA_PORT" || die "Kafka is not running on $KAFKA_PORT: ./suite up --infra-only starts it"
  # the replay group remembers what was replayed, so each parked event is published again once
  parked=$(kafka_tool org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
    --topic "$dlq" --group "$group" --from-beginning --timeout-ms 5000 2>/dev/null || true)
  if [[ -z $parked ]]; then
    say replay "nothing parked on $dlq since the last replay"
    return 0
  fi
  # each dead letter names its topic, key and the record as it arrived; records without an id stay for a person
  printf '%s\n' "$parked" | python3 -c '
import json, sys
for line in sys.stdin:
    letter = json.loads(line)
    record, key = letter.get("record"), letter.get("subject")
    if not record or not key or "\n" in record or "\t" in key:
        print("replay: left for a person (" + letter.get("reason", "?") + "): " + (record or "")[:120], file=sys.stderr)
        continue
    print(letter["topic"] + "\t" + key + "\t" + record)
' | while IFS=$'\t' read -r topic key record; do
    printf '%s\t%s\n' "$key" "$record" | kafka_tool org.apache.kafka.tools.ConsoleProducer \
      --bootstrap-server "127.0.0.1:$KAFKA_PORT" --topic "$topic" \
      --property parse.key=true --property 'key.separator=	' >/dev/null
    say replay "$key → $topic"
  done
}
