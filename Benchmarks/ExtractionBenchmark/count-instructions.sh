#!/bin/bash
# Instructions per message for parse + extract, counted by valgrind (callgrind): steady on a
# busy machine where wall time is not. Spec loading and first-use set-up (lazy tables) are
# subtracted: the count is (run of 1 + PASSES passes) - (run of 1 pass).
#
#   swift build -c release --product extraction-bench
#   Benchmarks/ExtractionBenchmark/count-instructions.sh .build/release/extraction-bench leads 5
#   Benchmarks/ExtractionBenchmark/count-instructions.sh .build/release/extraction-bench mime 2
# usage: count-instructions.sh BENCH_BINARY [leads|mime] [passes] [--match SUBSTRING] [--stage parse|derive]
# Prints parse + extract, parse alone and parse + derive (the text and forwarded originals the
# MIME engine renders; mime-bench's parse row), per message.
set -euo pipefail
bin=$1; corpus=${2:-leads}; passes=${3:-5}; shift $(( $# < 3 ? $# : 3 ))
command -v valgrind >/dev/null || { echo "count-instructions.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# valgrind cannot read Swift's DWARF: count on a copy without it.
cp "$bin" "$tmp/b"; strip --strip-debug "$tmp/b"
ir() {
    local n=$1; shift
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$tmp/b" --profile "$corpus" --passes "$n" "$@" 2>&1 \
        | awk '/I +refs/ {gsub(",", "", $4); print $4}'
}
messages=$("$tmp/b" --profile "$corpus" --passes 1 "$@" | sed -E 's/.* over ([0-9]+) messages.*/\1/')
per_message() { local one full; one=$(ir 1 "$@"); full=$(ir $(( passes + 1 )) "$@"); echo $(( (full - one) / passes / messages )); }
extract=$(per_message "$@"); parse=$(per_message "$@" --stage parse); derive=$(per_message "$@" --stage derive)
echo "$corpus ($messages messages, $passes passes): parse + extract $extract instructions/message, parse $parse, parse + derive $derive;" \
     "extraction adds $(( (extract - parse) * 100 / parse ))% to the parse, $(( (extract - derive) * 100 / derive ))% to parse + derive"
