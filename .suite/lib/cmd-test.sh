# shellcheck shell=bash
# ./suite test: PostgreSQL and Kafka for the tests, then ./mvnw -B verify

TEST_STOP_KAFKA=0
test_cleanup() {
  local rc=$?
  if ((TEST_STOP_KAFKA)); then
    TEST_STOP_KAFKA=0
    lock_state
    # `up` may have adopted the broker meanwhile; then it stays
    if [[ $(kafka_owner) == test ]]; then
      stop_pid kafka "$KAFKA_MARKER" 60 || true
      rm -f "$STATE/kafka.owner"
    else
      say kafka "left running: ./suite up uses it now"
    fi
    unlock_state
  fi
  return "$rc"
}

# the status-page tests drive Debian's headless Chromium; test tools never download a browser of their own
ensure_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return 0
  fi
  apt_install chromium chromium-driver
}

cmd_test() {
  local keep=0 args=() arg rc t0
  for arg in "$@"; do
    case $arg in
      --keep) keep=1 ;;
      -h | --help) usage_test; return 0 ;;
      *) args+=("$arg") ;;
    esac
  done
  t0=$(now_ms)
  lock_state
  select_jdk
  ensure_postgres
  provision_databases
  ensure_kafka
  ensure_browser
  if ((KAFKA_STARTED)); then
    echo test >"$STATE/kafka.owner"
    if ((keep)); then
      say kafka "stays running after the tests (--keep); stop it with ./suite down"
    else
      TEST_STOP_KAFKA=1
      trap test_cleanup EXIT
      trap 'exit 130' INT TERM
    fi
  fi
  unlock_state
  # on JDK 25+ the services are packaged for the AOT cache the system tests' ./suite up trains (services.sh)
  local profile
  profile=$(aot_profile)
  args=(${profile:+"$profile"} "${args[@]}")
  say test "./mvnw -B verify ${args[*]}"
  # tells the system tests that this run owns the infrastructure, so they may stop all of it when done
  if (cd "$ROOT" && SUITE_TEST=1 ./mvnw -B verify "${args[@]}" </dev/null); then rc=0; else rc=$?; fi
  if ((rc == 0)); then
    say test "passed ($(elapsed "$t0"))"
  else
    say test "FAILED with exit code $rc ($(elapsed "$t0"))"
  fi
  exit "$rc"
}
