# shellcheck shell=bash
# packages: root, and apt-get for what the machine lacks

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "this needs root: $*"
  fi
}

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $* here: no apt-get; install it by hand"
  step apt "installing $* (log: .suite/run/logs/apt.log)"
  if ((!APT_UPDATED)); then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$LOGS/apt.log" 2>&1 ||
      { end_open_step; show_log_tail "$LOGS/apt.log"; die "apt-get update failed"; }
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" \
    </dev/null >>"$LOGS/apt.log" 2>&1 ||
    { end_open_step; show_log_tail "$LOGS/apt.log"; die "apt-get install $* failed"; }
  ok
}

# need_cmd COMMAND [PACKAGE]: installs PACKAGE with apt when COMMAND is missing
need_cmd() {
  command -v "$1" >/dev/null || apt_install "${2:-$1}"
}
