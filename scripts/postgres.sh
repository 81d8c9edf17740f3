#!/usr/bin/env bash
# Starts (once) a throwaway local PostgreSQL cluster on a free port bound to 127.0.0.1 and prints its
# connection string, e.g. postgres://postgres:perfnb@127.0.0.1:41234/perfnb. Idempotent: run it again and it
# prints the running cluster's string. `scripts/postgres.sh stop` stops it and deletes its data.
# The cluster lives in $PERFNB_PG_DIR (default /tmp/perfnb-postgres); trust auth, so any password works.
set -euo pipefail
dir="${PERFNB_PG_DIR:-/tmp/perfnb-postgres}"
data="$dir/data"
mkdir -p "$dir"

# Debian's binaries; install the package if they are missing.
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  echo "postgres.sh: installing postgresql" >&2
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >/tmp/perfnb-apt.log 2>&1 \
    || { $sudo_cmd apt-get update -qq >>/tmp/perfnb-apt.log 2>&1 && $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql >>/tmp/perfnb-apt.log 2>&1; } \
    || { echo "postgres.sh: apt-get install postgresql failed; see /tmp/perfnb-apt.log" >&2; exit 1; }
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)"
fi

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' system user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres "$dir"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# One caller at a time: parallel test runs must not both initdb.
exec 9>"$dir/.lock"
flock -w 120 9 || { echo "postgres.sh: timed out waiting for $dir/.lock" >&2; exit 1; }

connection_string() { echo "postgres://postgres:perfnb@127.0.0.1:$(cat "$dir/port")/perfnb"; }

running() {
  [[ -f "$dir/port" && -f "$data/postmaster.pid" ]] \
    && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 \
    && "$bin/pg_isready" -q -h 127.0.0.1 -p "$(cat "$dir/port")" -t 5
}

if [[ "${1:-start}" == "stop" ]]; then
  if [[ -f "$data/postmaster.pid" ]]; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$data" "$dir/port" "$dir/postgres.log"
  echo "postgres.sh: stopped and removed $data" >&2
  exit 0
fi

if running; then
  connection_string
  exit 0
fi

if [[ ! -f "$data/PG_VERSION" ]]; then
  rm -rf "$data"
  mkdir -p "$data"
  [[ $(id -u) -eq 0 ]] && id postgres >/dev/null 2>&1 && chown postgres "$data"
  as_owner mkdir -p "$data"
  [[ $(id -u) -eq 0 ]] && chown -R postgres "$data"
  as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-instructions >"$dir/initdb.log" 2>&1 \
    || { echo "postgres.sh: initdb failed; see $dir/initdb.log" >&2; exit 1; }
fi

# A free port: ask the kernel for one (bind to port 0), then hand it to postgres.
free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' && return
  fi
  # No python: probe random high ports until one refuses a connection.
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  echo "postgres.sh: found no free port" >&2; exit 1
}
port="$(free_port)"
rm -f "$data/postmaster.pid"
[[ $(id -u) -eq 0 ]] && touch "$dir/postgres.log" && chown postgres "$dir/postgres.log"
as_owner "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null 2>&1 9>&- || { echo "postgres.sh: postgres did not start; see $dir/postgres.log" >&2; tail -n 5 "$dir/postgres.log" >&2; exit 1; }
echo "$port" > "$dir/port"
"$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'perfnb'" | grep -q 1 \
  || "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres perfnb
connection_string
