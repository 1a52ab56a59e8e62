# shellcheck shell=bash
# output: progress steps, warnings, errors and log tails

STEP_T0=0
STEP_OPEN=0

now_ms() {
  local t=${EPOCHREALTIME//[.,]/}
  echo $((t / 1000))
}

elapsed() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100))
}

# step LABEL WHAT: prints "==> LABEL: WHAT ... " and starts the clock; ok/fail end the line
step() {
  STEP_T0=$(now_ms)
  STEP_OPEN=1
  printf '==> %s: %s ... ' "$1" "$2"
}

ok() {
  printf '%s (%s)\n' "${1:-done}" "$(elapsed "$STEP_T0")"
  STEP_OPEN=0
}

end_open_step() {
  if ((STEP_OPEN)); then
    printf 'failed (%s)\n' "$(elapsed "$STEP_T0")"
    STEP_OPEN=0
  fi
}

say() {
  end_open_step
  printf '==> %s: %s\n' "$1" "$2"
}

warn() {
  end_open_step
  printf 'suite: warning: %s\n' "$*" >&2
}

die() {
  end_open_step
  printf 'suite: error: %s\n' "$*" >&2
  exit 1
}

# on_error EXIT LINE COMMAND: the ERR trap; BASH_SOURCE[1] is the file of the command that failed
on_error() {
  end_open_step
  printf 'suite: error: command failed (exit %s) at line %s of %s: %s\n' "$1" "$2" "${BASH_SOURCE[1]#"$ROOT"/}" "$3" >&2
}

show_log_tail() {
  local log=$1 lines=${2:-40}
  if [[ -s $log ]]; then
    printf -- '--- last %s lines of %s ---\n' "$lines" "${log#"$ROOT"/}" >&2
    tail -n "$lines" "$log" >&2
    printf -- '---\n' >&2
  fi
}
