# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the test suite: 127.0.0.1 only, a free port, a temp
# directory, trust authentication, one database. Sourced by scripts/test.
#
#   pg_throwaway_start [DBNAME]   exports XIESHANG_PG_URL, XIESHANG_PG_PORT, XIESHANG_PG_DIR
#   pg_throwaway_stop             stops the cluster and deletes its directory (idempotent)
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system
# user (created by Debian's postgresql package) in a directory that user owns.

XIESHANG_PG_DIR=""

pg__bin_dir() {
  local d
  d=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    echo "postgres.sh: no initdb under /usr/lib/postgresql/*/bin (install Debian's postgresql)" >&2
    return 1
  fi
  printf '%s\n' "$d"
}

pg__as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg__free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

pg_throwaway_start() {
  local db=${1:-xieshang_test} bin port
  bin=$(pg__bin_dir) || return 1
  XIESHANG_PG_DIR=$(mktemp -d /tmp/xieshang-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "postgres.sh: no 'postgres' system user" >&2; return 1; }
    chown postgres:postgres "$XIESHANG_PG_DIR"
  fi
  chmod 700 "$XIESHANG_PG_DIR"

  if ! pg__as_owner "$bin/initdb" -D "$XIESHANG_PG_DIR/data" -U postgres --auth=trust \
      --no-locale --encoding=UTF8 --no-sync >"$XIESHANG_PG_DIR/initdb.log" 2>&1; then
    echo "postgres.sh: initdb failed:" >&2; cat "$XIESHANG_PG_DIR/initdb.log" >&2; return 1
  fi
  # Trust only the loopback address, and the private socket in the temp dir.
  cat >"$XIESHANG_PG_DIR/data/pg_hba.conf" <<HBA
local all all trust
host  all all 127.0.0.1/32 trust
HBA
  # Throwaway data: durability settings off for speed.
  cat >>"$XIESHANG_PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$XIESHANG_PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
CONF

  # A port found free can be taken before the server binds it: try a few.
  for _ in 1 2 3 4 5; do
    port=$(pg__free_port)
    if pg__as_owner "$bin/pg_ctl" -D "$XIESHANG_PG_DIR/data" -l "$XIESHANG_PG_DIR/server.log" \
        -o "-p $port" -w -t 60 start >/dev/null; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then
    echo "postgres.sh: pg_ctl start failed; server log:" >&2
    tail -n 40 "$XIESHANG_PG_DIR/server.log" >&2 || true
    return 1
  fi
  if ! pg__as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"; then
    echo "postgres.sh: createdb $db failed" >&2; return 1
  fi
  export XIESHANG_PG_PORT=$port
  export XIESHANG_PG_URL="postgres://postgres@127.0.0.1:$port/$db"
  export XIESHANG_PG_DIR
}

pg_throwaway_stop() {
  [ -n "${XIESHANG_PG_DIR:-}" ] || return 0
  local bin
  if [ -f "$XIESHANG_PG_DIR/data/postmaster.pid" ] && bin=$(pg__bin_dir 2>/dev/null); then
    pg__as_owner "$bin/pg_ctl" -D "$XIESHANG_PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$XIESHANG_PG_DIR"
  XIESHANG_PG_DIR=""
}
