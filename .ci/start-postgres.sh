#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the store's server-backed tests and prints the
# line to eval: `eval "$(.ci/start-postgres.sh)"` exports CORROBORATE_TEST_DATABASE_URL.
# Installs Debian's postgresql when no server binaries are found. The cluster lives in a
# temporary directory on a free port, owned by the postgres user (initdb refuses root);
# stop it with: eval "$CORROBORATE_TEST_PGSTOP"
set -euo pipefail
bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
run=(); [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
data="$(mktemp -d "${TMPDIR:-/tmp}/corroborate-pg.XXXXXX")"
chmod 755 "$data"
[ "$(id -u)" -eq 0 ] && chown postgres "$data"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
"${run[@]}" "$bindir/initdb" -D "$data/db" -U postgres -A trust --no-sync -E UTF8 >/dev/null
"${run[@]}" "$bindir/pg_ctl" -D "$data/db" -l "$data/log" -w -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
"${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres corroborate_test
echo "export CORROBORATE_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/corroborate_test"
echo "export CORROBORATE_TEST_PGDATA=$data/db"
printf 'export CORROBORATE_TEST_PGSTOP=%q\n' "${run[*]:-} $bindir/pg_ctl -D $data/db -m immediate stop"
