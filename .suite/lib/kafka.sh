# shellcheck shell=bash
# Kafka: a single-node KRaft broker from Apache Kafka's jars, and the suite's topics

KAFKA_HOME=$RUN/kafka
KAFKA_LIBS=$KAFKA_HOME/libs
KAFKA_MARKER=kafka.Kafka

fetch_kafka() {
  local pom=$SUITE_DIR/kafka/pom.xml sum
  sum=$(sha256sum "$pom" | cut -d' ' -f1)
  if [[ -f $KAFKA_LIBS/.complete && $(<"$KAFKA_LIBS/.complete") == "$sum" ]]; then
    return 0
  fi
  step kafka "fetching Apache Kafka jars with ./mvnw (log: .suite/run/logs/fetch.log)"
  rm -rf "$KAFKA_LIBS"
  "$ROOT/mvnw" -B -q -f "$pom" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS" \
    </dev/null >"$LOGS/fetch.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/fetch.log"; die "could not fetch the Kafka jars"; }
  echo "$sum" >"$KAFKA_LIBS/.complete"
  ok "$(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars"
}

kafka_tool() {
  "$JAVA_BIN" -Xmx256m -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$SUITE_DIR/kafka/log4j2-tools.xml" "$@"
}

write_kafka_config() {
  cat >"$KAFKA_HOME/server.properties" <<EOF
# written by ./suite on every start; edit .suite/lib/kafka.sh instead
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
# FAULTY is advertised on a port where tests put a TCP proxy they can cut to simulate an outage
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT,FAULTY://127.0.0.1:$KAFKA_FAULTY_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,FAULTY://127.0.0.1:$KAFKA_FAULTY_ADVERTISED_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,FAULTY:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
}

# a KRaft cluster id: 16 random bytes, base64url without padding (as Uuid.randomUuid prints it)
new_cluster_id() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id =~ ^[A-Za-z0-9_][A-Za-z0-9_-]{21}$ ]] && break
  done
  echo "$id"
}

format_kafka_storage() {
  [[ -f $KAFKA_HOME/data/meta.properties ]] && return 0
  local id
  if [[ -f $KAFKA_HOME/cluster.id ]]; then
    id=$(<"$KAFKA_HOME/cluster.id")
  else
    id=$(new_cluster_id)
    echo "$id" >"$KAFKA_HOME/cluster.id"
  fi
  [[ $id =~ ^[A-Za-z0-9_-]{22}$ ]] || die "bad Kafka cluster id '$id' in $KAFKA_HOME/cluster.id"
  step kafka "formatting storage (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format -t "$id" -c "$KAFKA_HOME/server.properties" \
    >>"$LOGS/kafka-format.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/kafka-format.log"; die "formatting the Kafka storage failed"; }
  ok
}

# ensure_kafka: prints nothing on stdout; sets KAFKA_STARTED=1 when this call started the broker
KAFKA_STARTED=0
ensure_kafka() {
  local pid owner
  mkdir -p "$KAFKA_HOME"
  if pid=$(pid_of kafka "$KAFKA_MARKER"); then
    step kafka "broker already running (pid $pid), waiting for 127.0.0.1:$KAFKA_PORT"
    wait_port kafka "$pid" "$KAFKA_PORT" 60 "$LOGS/kafka.log"
    ok reused
  elif port_open "$KAFKA_PORT"; then
    owner=$(port_owner "$KAFKA_PORT")
    say kafka "127.0.0.1:$KAFKA_PORT is already served by a broker not started by ./suite${owner:+ (pid $owner)}: reusing it"
    return 0
  else
    select_jdk
    fetch_kafka
    write_kafka_config
    format_kafka_storage
    step kafka "starting broker (PLAINTEXT :$KAFKA_PORT, CONTROLLER :$KAFKA_CONTROLLER_PORT, FAULTY :$KAFKA_FAULTY_PORT advertised as :$KAFKA_FAULTY_ADVERTISED_PORT)"
    start_bg kafka "$LOGS/kafka.log" "$JAVA_BIN" -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$SUITE_DIR/kafka/log4j2-broker.xml" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_HOME/server.properties"
    pid=$(<"$PIDS/kafka.pid")
    wait_port kafka "$pid" "$KAFKA_PORT" 90 "$LOGS/kafka.log"
    KAFKA_STARTED=1
    ok "ready, pid $pid"
  fi
  create_topics
}

create_topics() {
  select_jdk
  fetch_kafka
  local existing missing=() topic pids=() pid failed=0
  step kafka "topics ${TOPICS[*]}"
  existing=$(kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list \
    2>>"$LOGS/kafka-topics.log") ||
    { end_open_step; show_log_tail "$LOGS/kafka-topics.log"; die "could not list Kafka topics"; }
  for topic in "${TOPICS[@]}"; do
    grep -qxF "$topic" <<<"$existing" || missing+=("$topic")
  done
  # one JVM per topic, in parallel: TopicCommand creates one topic per call
  for topic in "${missing[@]}"; do
    (kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
      --if-not-exists --topic "$topic" --partitions 3 --replication-factor 1 || exit 1) >>"$LOGS/kafka-topics.log" 2>&1 &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
  done
  if ((failed)); then
    end_open_step
    show_log_tail "$LOGS/kafka-topics.log"
    die "could not create the topics ${missing[*]}"
  fi
  if ((${#missing[@]})); then ok "created ${missing[*]}"; else ok "all present"; fi
}

# who brought Kafka up: `test` stops it at the end only while it is still its own
kafka_owner() {
  cat "$STATE/kafka.owner" 2>/dev/null || true
}
