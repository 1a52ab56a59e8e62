# shellcheck shell=bash
# ./suite help, and each command's --help

usage_up() {
  cat <<EOF
./suite up [--infra-only] [--build]

Starts, or reuses when already running, in this order:
  PostgreSQL   the machine's server on $PG_HOST:$PG_PORT (installed with apt and started when
               missing); roles anchor_<service> (password = name) owning the databases
               anchor_<service> and anchor_<service>_test, for customer, issue, contact, notification
  Kafka        single-node KRaft broker (Apache Kafka 4.1.1 jars fetched with ./mvnw) on
               127.0.0.1:$KAFKA_PORT; controller :$KAFKA_CONTROLLER_PORT; listener FAULTY on :$KAFKA_FAULTY_PORT advertised as
               :$KAFKA_FAULTY_ADVERTISED_PORT (tests put a proxy they can cut there); topics ${TOPICS[*]}
               (3 partitions each); data in .suite/run/kafka/data
  SMTP catcher GreenMail on smtp://127.0.0.1:$SMTP_PORT (any address, no auth); REST API on
               http://127.0.0.1:$SMTP_API_PORT/api/user/<email>/messages/
  SMS sink     http://127.0.0.1:$SMS_PORT/messages (POST stores, GET lists, DELETE clears)
               http://127.0.0.1:$SMS_PORT/inbound: a form (or POST {"from","text"}) that texts back as a customer:
               notification-service's /callbacks/sms/inbound, signed with the callback secret
  keys         RSA key pair for JWTs, notification-service's callback secret (ANCHOR_CALLBACK_SECRET) and the
               link secret customer- and notification-service share (ANCHOR_LINK_SECRET)
               in .suite/run/keys (generated once; the jars run the prod profile, which refuses defaults)
  services     customer-service :${SERVICE_PORT[customer]}, issue-service :${SERVICE_PORT[issue]}, contact-service :${SERVICE_PORT[contact]},
               notification-service :${SERVICE_PORT[notification]} (java -jar <svc>/target/quarkus-app/quarkus-run.jar),
               each waited for on /q/health/ready of its management port ${MANAGEMENT_PORT[customer]}–${MANAGEMENT_PORT[notification]} (timeout ${SERVICE_TIMEOUT}s, SUITE_SERVICE_TIMEOUT)

  --infra-only  everything but the four services
  --build       run ./mvnw -B -q -DskipTests package first (done anyway when a jar is missing)

Then prints the URLs and an agent token. Running it again starts nothing twice.
EOF
}

usage_down() {
  echo "./suite down [--services] — stops what ./suite started (services, SMS sink, SMTP catcher, Kafka,"
  echo "and PostgreSQL only when ./suite started it), waiting for each process to exit."
  echo "  --services  only the four services; the infrastructure (./suite up --infra-only) keeps running"
}

usage_status() {
  echo "./suite status — one line per component: running/stopped, pid, port, URL."
}

usage_logs() {
  echo "./suite logs <customer|issue|contact|notification|kafka|smtp|sms> [-n LINES] [-f]"
  echo "  follows the log (tail -F) by default; -n LINES prints the last LINES and exits, -f follows anyway."
  echo "  Logs live in .suite/run/logs/ (the previous run's in <name>.log.1)."
}

usage_token() {
  cat <<EOF
./suite token [--role agent|supervisor|partner|system] [--sub ID] [--name NAME] [--location ID] [--ttl SECONDS]

Prints a signed RS256 JWT the services accept (issuer $JWT_ISSUER, key .suite/run/keys/private.pem):
claims iss, sub and upn (ID), groups [ROLE], iat, exp (TTL, default 28800 = 8h), jti, and when
given name (the display name customers see, e.g. "Alice Archer") and location (for partners: the
store or repair centre id).
Defaults: --role agent, --sub <role>.alice.

  export TOKEN=\$(./suite token --role supervisor --sub sam)
  curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:${SERVICE_PORT[issue]}/issues
EOF
}

usage_test() {
  cat <<EOF
./suite test [--keep] [MAVEN ARGS...]

Provisions PostgreSQL (roles, databases incl. anchor_<service>_test) and Kafka on 127.0.0.1:$KAFKA_PORT
as 'up' does (no services, no sinks), then runs ./mvnw -B verify with MAVEN ARGS, e.g.
  ./suite test -pl customer-service -am
Exits with Maven's exit code. A broker this command started is stopped at the end unless --keep.
EOF
}

usage_bench() {
  cat <<EOF
./suite bench [--only PARTS | --skip PARTS] [--rates 50,100,200,400] [--seconds 10] [--concurrency 8,32,64]
              [--warmup 5] [--jars DIR] [--pgbench-scale 10] [--fraction 0.5] [--all-rates]
              [--timeline-sample 20] [--poll-ms 50] [--drain-timeout 120] [--dataset 200]
              [--endpoints issue,timeline,comment]

Measures the running suite (./suite up first) and prints one table; the same figures, with the machine's
cores, memory and load average, go to .suite/run/bench/bench-<time>.json (and latest.json). A benchmark:
it prints figures and never fails on them; run it on a quiet machine (see docs/benchmarks.md). PARTS
(comma-separated; all three by default):
  startup    stops the four services, starts each alone ("started in" from its log, time to 200 on
             /q/health/ready, VmRSS), then all four together, and leaves them running; the jars are this
             checkout's unless --jars DIR names another built checkout. Skipped when a service runs
             outside ./suite.
  freshness  at each rate (issue openings/s, --seconds each): registers one customer per issue (half
             email, half SMS), waits for every consumer, opens the issues at that constant rate and
             measures openedAt -> email accepted by SMTP (sentAt), -> SMS at the sink (receivedAt),
             -> the issue.opened entry on GET /customers/{id}/timeline (about --timeline-sample issues
             a second, polled every --poll-ms); p50/p99/max. Stops at the knee: the first rate whose
             p99 exceeds 1 s, whose achieved rate is below 90 % of the target, or that loses messages
             (--all-rates runs the rest anyway).
  api        GET /issues/{id}, GET /customers/{id}/timeline, POST /issues/{id}/comments (internal) at each
             --concurrency: the peak (closed model), then --fraction of it at a constant rate (open
             model, latency from the intended send time); pgbench -S with the same client counts on
             the same server (database $BENCH_PG, initialised once at --pgbench-scale); API/pgbench ratio.
Load: .suite/bench/load-client (Vert.x HTTP client + HdrHistogram), built here on first use.
Also: RSS after start and after the load for the services, Kafka, GreenMail, the SMS sink and PostgreSQL.
EOF
}

usage() {
  cat <<EOF
suite — run Anchor on this machine (no Docker needed)

usage: ./suite <command> [options]

commands:
  up [--infra-only] [--build]   start PostgreSQL, Kafka, SMTP catcher, SMS sink and the four
                                services (reusing what already runs); prints URLs and a token
  down [--services]             stop everything ./suite started (or only the four services)
  status                        one line per component: state, pid, port, URL
  logs <name> [-n N] [-f]       tail a log: customer, issue, contact, notification, kafka, smtp, sms
  token [--role R] [--sub S] [--name N] [--location ID] [--ttl SECONDS]
                                print a signed JWT (roles agent, supervisor, partner, system)
  test [--keep] [MAVEN ARGS]    provision PostgreSQL + Kafka and run ./mvnw -B verify
  events <topic> [--from-beginning] [--max N] [--key ID]
                                print a topic's events (key, then the CloudEvent), as they arrive;
                                --key keeps one aggregate's and stops 5 s after the last;
                                <service>.<topic>.dlq holds what that consumer parked (docs/reliability.md)
  replay <service>.<topic>.dlq  publishes each event parked there since the last replay again on its topic
                                (consumers that applied it already ignore it: the inbox)
  bench [--only PARTS] [--rates R,..] [--seconds N] [--concurrency C,..]
                                performance figures against the running suite: freshness,
                                API next to pgbench -S, start-up and RSS (a table, and JSON)
  help [command]                this text, or a command's details

Ports: customer ${SERVICE_PORT[customer]}, issue ${SERVICE_PORT[issue]}, contact ${SERVICE_PORT[contact]}, notification ${SERVICE_PORT[notification]}, PostgreSQL $PG_PORT,
Kafka $KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT, FAULTY $KAFKA_FAULTY_PORT advertised as $KAFKA_FAULTY_ADVERTISED_PORT), SMTP $SMTP_PORT, SMTP API $SMTP_API_PORT, SMS $SMS_PORT.
SUITE_PORT_OFFSET=N adds N to every port but PostgreSQL's (a second copy beside the first).
JDK: when the default java is older than 21, the newest JDK >= 21 under /usr/lib/jvm is used. On JDK 25+ the
services are packaged as aot-jar and start from a JDK AOT cache that one training run after each build writes to
.suite/run/aot/ (SUITE_AOT=0: plain fast-jar starts).
State, logs, keys and downloaded jars: .suite/run/ (git-ignored; delete it to start from scratch).
EOF
}

cmd_help() {
  case ${1:-} in
    up) usage_up ;;
    down) usage_down ;;
    status) usage_status ;;
    logs) usage_logs ;;
    token) usage_token ;;
    test) usage_test ;;
    bench) usage_bench ;;
    *) usage ;;
  esac
}
