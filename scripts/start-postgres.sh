#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests, or stops one.
#
#   eval "$(scripts/start-postgres.sh)"   # start: prints shell assignments
#       WHOSAID_PG_URL=postgresql://whosaid@127.0.0.1:PORT/whosaid
#       WHOSAID_PG_DIR=/tmp/whosaid-pg.XXXX   (data, socket and log)
#   scripts/start-postgres.sh stop "$WHOSAID_PG_DIR"   # stop and delete it
#
# The cluster lives in a new temp dir, listens on 127.0.0.1 only (and a
# socket in that dir) on a free port, and trusts loopback connections (no
# passwords: it is for tests only). As root, initdb and the server run as
# the `postgres` user (else `nobody`), since PostgreSQL refuses root.
# Exit 77 when the PostgreSQL server binaries are not installed (or not in
# $PG_BINDIR when that is set).
set -euo pipefail

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then  # an explicit choice: only that one
    [ -x "$PG_BINDIR/initdb" ] && [ -x "$PG_BINDIR/pg_ctl" ] && echo "$PG_BINDIR"
    return
  fi
  local d
  for d in /usr/lib/postgresql/*/bin; do  # Debian: newest version last
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && local found=$d
  done
  if [ -n "${found:-}" ]; then
    echo "$found"
    return 0
  fi
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

as_owner() {  # as_owner DIR CMD...: runs CMD as the owner of the cluster
  if [ "$(id -u)" -eq 0 ]; then
    local user
    user=$(stat -c %U "$1")
    shift
    runuser -u "$user" -- "$@"
  else
    shift
    "$@"
  fi
}

cmd=${1:-start}
case "$cmd" in
stop)
  dir=${2:?usage: start-postgres.sh stop DIR}
  [ -f "$dir/PG_BINDIR" ] || { echo "start-postgres: $dir is not a cluster made by this script" >&2; exit 1; }
  bindir=$(cat "$dir/PG_BINDIR")
  as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  exit 0
  ;;
start) ;;
*)
  echo "usage: start-postgres.sh [start] | stop DIR" >&2
  exit 64
  ;;
esac

if ! bindir=$(find_bindir); then
  echo "start-postgres: PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's postgresql" >&2
  exit 77
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/whosaid-pg.XXXXXX")
echo "$bindir" >"$dir/PG_BINDIR"
if [ "$(id -u)" -eq 0 ]; then
  user=postgres
  getent passwd postgres >/dev/null || user=nobody
  chown "$user" "$dir"
fi
chmod 700 "$dir"

fail() {
  echo "start-postgres: $1" >&2
  [ -f "$dir/log" ] && tail -n 20 "$dir/log" >&2
  "$0" stop "$dir" || true
  exit 1
}

as_owner "$dir" "$bindir/initdb" -D "$dir/data" -U whosaid -A trust -E UTF8 \
  --locale=C --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; fail "initdb failed"; }

# A free port: bind port 0 and take what the kernel gave (retry on a race).
for attempt in 1 2 3 4 5; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
  if as_owner "$dir" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1; then
    started=1
    break
  fi
done
[ -n "${started:-}" ] || fail "the server did not start"

as_owner "$dir" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U whosaid whosaid \
  >/dev/null 2>&1 || fail "could not create the database"

echo "WHOSAID_PG_URL=postgresql://whosaid@127.0.0.1:$port/whosaid"
echo "WHOSAID_PG_DIR=$dir"
