# shellcheck shell=bash
# PostgreSQL: the machine's own server, its roles and databases

pg_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 2
  else
    port_open "$PG_PORT"
  fi
}

pg_version() {
  local dir version=""
  for dir in /etc/postgresql/* /usr/lib/postgresql/*; do
    [[ -d $dir ]] || continue
    dir=${dir##*/}
    [[ $dir =~ ^[0-9]+$ ]] && ((dir > ${version:-0})) && version=$dir
  done
  echo "$version"
}

pg_ctl_cluster() {
  # where systemd runs, plain pg_ctlcluster goes through systemctl; without it, it acts directly
  as_root pg_ctlcluster "$1" main "$2" >>"$LOGS/postgresql.log" 2>&1 ||
    as_root pg_ctlcluster --skip-systemctl-redirect "$1" main "$2" >>"$LOGS/postgresql.log" 2>&1
}

ensure_postgres() {
  if pg_ready; then
    say postgresql "reusing the server on $PG_HOST:$PG_PORT"
    return 0
  fi
  local version
  version=$(pg_version)
  if [[ -z $version ]] || ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
    version=$(pg_version)
    [[ -n $version ]] || die "postgresql was installed but no version was found under /etc/postgresql"
  fi
  if pg_ready; then
    say postgresql "PostgreSQL $version started with its installation"
  else
    step postgresql "starting cluster $version/main (log: .suite/run/logs/postgresql.log)"
    if [[ ! -d /etc/postgresql/$version/main ]]; then
      as_root pg_createcluster "$version" main >>"$LOGS/postgresql.log" 2>&1 ||
        { end_open_step; show_log_tail "$LOGS/postgresql.log"; die "pg_createcluster $version main failed"; }
    fi
    pg_ctl_cluster "$version" start ||
      { end_open_step; show_log_tail "$LOGS/postgresql.log"; die "could not start PostgreSQL $version/main"; }
    local deadline=$(($(now_ms) + 30000))
    until pg_ready; do
      (($(now_ms) < deadline)) || die "PostgreSQL $version/main started but does not answer on $PG_HOST:$PG_PORT (is its port $PG_PORT? see /etc/postgresql/$version/main/postgresql.conf)"
      sleep 0.3
    done
    ok ready
  fi
  echo "$version" >"$STATE/postgresql-started-by-suite"
}

# how to run psql as the superuser: over TCP when trust allows it, else as the postgres OS user
PSQL_MODE=
psql_super() {
  case $PSQL_MODE in
    tcp) psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@" ;;
    runuser) (cd / && runuser -u postgres -- psql -X -q -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 "$@") ;;
    sudo) (cd / && sudo -n -u postgres psql -X -q -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 "$@") ;;
  esac
}

detect_psql_mode() {
  [[ -n $PSQL_MODE ]] && return 0
  need_cmd psql postgresql-client
  local mode
  for mode in tcp runuser sudo; do
    if [[ $mode != tcp ]] && ! id postgres >/dev/null 2>&1; then
      continue
    fi
    if [[ $mode == runuser ]] && ((EUID != 0)); then
      continue
    fi
    if [[ $mode == sudo ]] && ! command -v sudo >/dev/null; then
      continue
    fi
    PSQL_MODE=$mode
    if psql_super -Atc 'select 1' </dev/null >/dev/null 2>&1; then
      return 0
    fi
  done
  PSQL_MODE=
  die "cannot connect to PostgreSQL as the superuser 'postgres' (tried TCP without password, runuser and sudo -u postgres)"
}

provision_databases() {
  detect_psql_mode
  # the services' databases, and building-blocks' for its own tests (anchor_blocks_test)
  local owners=("${SERVICES[@]}" blocks)
  step postgresql "roles and databases anchor_{$(
    IFS=,
    echo "${owners[*]}"
  )}[_test] (via $PSQL_MODE)"
  local svc name db sql=""
  for svc in "${owners[@]}"; do
    name=anchor_$svc
    sql+="
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN
    CREATE ROLE $name LOGIN PASSWORD '$name';
  ELSE
    ALTER ROLE $name LOGIN PASSWORD '$name';
  END IF;
END \$\$;"
    for db in "$name" "${name}_test"; do
      sql+="
SELECT 'CREATE DATABASE $db OWNER $name' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db') \\gexec
ALTER DATABASE $db OWNER TO $name;"
    done
  done
  psql_super >>"$LOGS/postgresql.log" 2>&1 <<<"$sql" ||
    { end_open_step; show_log_tail "$LOGS/postgresql.log"; die "creating roles and databases failed"; }
  for svc in "${owners[@]}"; do
    name=anchor_$svc
    PGPASSWORD=$name psql -X -q -w -h "$PG_HOST" -p "$PG_PORT" -U "$name" -d "${name}_test" -Atc 'select 1' \
      </dev/null >/dev/null 2>>"$LOGS/postgresql.log" ||
      die "role $name cannot log in with its password over $PG_HOST:$PG_PORT; pg_hba.conf needs a 'host all all 127.0.0.1/32 scram-sha-256' (or md5/trust) line"
  done
  ok ready
}

stop_postgres_if_ours() {
  local version
  [[ -f $STATE/postgresql-started-by-suite ]] || return 0
  version=$(<"$STATE/postgresql-started-by-suite")
  step postgresql "stopping cluster $version/main (started by ./suite)"
  pg_ctl_cluster "$version" stop || { end_open_step; warn "could not stop PostgreSQL $version/main"; return 0; }
  rm -f "$STATE/postgresql-started-by-suite"
  ok stopped
}
