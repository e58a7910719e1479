#!/usr/bin/env bash
# run-tests.sh — the test phase of `make test`, after `swift build --build-tests`: the
# suites that need no server, then the integration suites against a throwaway PostgreSQL
# (with-test-postgres.sh; they start the binary named by LEAD_INTAKE_BIN).
#
# Two runs, not one: Swift Testing starts every suite at once on the cooperative pool (two
# threads on two cores), and hundreds of CPU-bound extraction tests queued ahead of the
# integration tests' SMTP sessions and workers once starved them past their clients' 60 s
# timeouts, and the run then went on past CI's limit.
#
# Each run goes through a pseudo-terminal (`script`), so its output arrives line by line,
# and has a time limit (TEST_TIME_LIMIT seconds, default 1200): when it is hit, the tests
# that started and never finished are named, and the exit status is 124.
set -uo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")/.."
swift=${SWIFT:-swift}
limit=${TEST_TIME_LIMIT:-1200}

# Inside `script` (a session of its own): COMMAND under the time limit. `swift test` starts
# the test binary in a process group of its own, which the timeout's signal does not
# reach: when the limit is hit, everything left in this session is ended.
if [ "${1:-}" = "--within-limit" ]; then
  shift
  timeout --kill-after=30 "$limit" "$@"
  status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    for pid in $(pgrep -s 0); do
      [ "$pid" -ne $$ ] && [ "$pid" -ne "$PPID" ] && kill -KILL "$pid" 2>/dev/null
    done
    # The embedded-cluster tests' servers (pg_ctl puts them in a session of their own).
    pkill -KILL -f "postgres -D /tmp/li-embedded-" 2>/dev/null
  fi
  exit "$status"
fi

# LABEL COMMAND...: runs COMMAND under the time limit; names what did not finish.
run_phase() {
  local label=$1; shift
  local log status
  log=$(mktemp /tmp/lead-intake-tests.XXXXXX)
  script -q -e -c "$(printf '%q ' "$self" --within-limit "$@")" "$log"
  status=$?
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    echo "run-tests: $label did not finish within $limit s; started and not finished:" >&2
    python3 - "$log" >&2 <<'EOF'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
started = re.findall(r'Test (.+?) started\.', text)
finished = set(re.findall(r'Test (.+?) (?:passed|failed|skipped)', text))
left = [name for name in dict.fromkeys(started) if name not in finished and name != 'run']
print("\n".join("  " + name for name in left) or "  (none named in the output)")
summary = re.findall(r'Test run with .*', text)
if summary:
    print("  the run had ended (" + summary[-1].strip() + "), but the test process did not exit")
EOF
  fi
  rm -f "$log"
  return "$status"
}

run_phase "the suites without a server" "$swift" test --skip-build --skip IntegrationTests || exit $?
run_phase "the integration suites" ./Tests/with-test-postgres.sh "$swift" test --skip-build --filter IntegrationTests
