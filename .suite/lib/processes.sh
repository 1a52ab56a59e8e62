# shellcheck shell=bash
# processes and ports: pid files, the state lock, starting, waiting for and stopping what ./suite runs

init_dirs() {
  mkdir -p "$PIDS" "$LOGS" "$KEYS" "$STATE"
}

# a lock so that two suite commands never start the same thing twice
LOCK_FD=
lock_state() {
  init_dirs
  exec {LOCK_FD}>"$RUN/.lock"
  if ! flock -n "$LOCK_FD"; then
    say lock "another ./suite command is running; waiting for it"
    flock -w 600 "$LOCK_FD" || die "gave up waiting for $RUN/.lock"
  fi
}

unlock_state() {
  if [[ -n $LOCK_FD ]]; then
    flock -u "$LOCK_FD"
    exec {LOCK_FD}>&-
    LOCK_FD=
  fi
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# alive PID: true while PID runs; a zombie counts as gone (some init processes reap slowly)
alive() {
  local stat
  kill -0 "$1" 2>/dev/null || return 1
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# pid of the process listening on a TCP port, when ss can tell
port_owner() {
  command -v ss >/dev/null || return 0
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2 || true
}

# pid_of NAME MARKER: prints the pid from .suite/run/pids/NAME.pid when that process is alive and
# its command line contains MARKER (so a recycled pid is not mistaken for ours)
pid_of() {
  local file=$PIDS/$1.pid pid
  [[ -f $file ]] || return 1
  pid=$(<"$file")
  if [[ $pid =~ ^[0-9]+$ ]] && alive "$pid" &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# start_bg NAME LOGFILE CMD...: starts CMD detached (own session, no stdin), records its pid
start_bg() {
  local name=$1 log=$2
  shift 2
  [[ -f $log ]] && mv -f "$log" "$log.1"
  (
    # the child must not inherit the lock: flock locks live as long as any copy of the fd
    [[ -z $LOCK_FD ]] || exec {LOCK_FD}>&-
    exec setsid "$@" >"$log" 2>&1 </dev/null
  ) &
  echo $! >"$PIDS/$name.pid"
}

# wait_port LABEL PID PORT TIMEOUT LOG: waits until PORT accepts connections; fails if PID dies
wait_port() {
  local label=$1 pid=$2 port=$3 timeout=$4 log=$5
  local deadline=$(($(now_ms) + timeout * 1000))
  until port_open "$port"; do
    if ! alive "$pid"; then
      end_open_step
      show_log_tail "$log"
      die "$label exited before it listened on 127.0.0.1:$port (log: ${log#"$ROOT"/})"
    fi
    if (($(now_ms) > deadline)); then
      end_open_step
      show_log_tail "$log"
      die "$label did not listen on 127.0.0.1:$port within ${timeout}s (log: ${log#"$ROOT"/})"
    fi
    sleep 0.2
  done
}

# stop_pid NAME MARKER TIMEOUT: TERM, wait, then KILL; only the process recorded in NAME.pid
stop_pid() {
  local name=$1 marker=$2 timeout=$3 pid t0
  if ! pid=$(pid_of "$name" "$marker"); then
    return 1
  fi
  t0=$(now_ms)
  step "$name${SERVICE_PORT[$name]+-service}" "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    if (($(now_ms) - t0 > timeout * 1000)); then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      rm -f "$PIDS/$name.pid"
      ok "killed after ${timeout}s"
      return 0
    fi
    sleep 0.2
  done
  rm -f "$PIDS/$name.pid"
  ok stopped
}
