#!/usr/bin/env bash
# with-test-postgres.sh COMMAND... — runs COMMAND with a throwaway PostgreSQL cluster on a
# private port and data directory, exported as LEAD_INTAKE_TEST_DATABASE_URL; the cluster
# is stopped and deleted afterwards, also when COMMAND fails or is interrupted.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "with-test-postgres: no PostgreSQL server under /usr/lib/postgresql (run deploy/install-system-packages.sh)" >&2; exit 1; }

dir=$(mktemp -d /tmp/lead-intake-test-pg.XXXXXX)
chmod 755 "$dir"
port=${LEAD_INTAKE_TEST_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}

as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$dir"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT INT TERM

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync stays on: the crash tests are about durability.
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400" start >/dev/null \
  || { cat "$dir/postgres.log" >&2; exit 1; }

export LEAD_INTAKE_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
export LEAD_INTAKE_TEST_PG_BIN="$bin"
echo "test postgres on 127.0.0.1:$port ($dir)" >&2
set +e
"$@"
status=$?
set -e
[ $status -eq 0 ] || { echo "--- last lines of the test server's log ---" >&2; tail -20 "$dir/postgres.log" >&2; }
exit $status
