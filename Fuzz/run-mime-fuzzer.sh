#!/usr/bin/env bash
# Builds the libFuzzer target for MIMEMessage.parse (plus parts decoding and mimeJSON)
# with ASan, and runs it seeded from fixtures/email and fixtures/mime.
#
#   Fuzz/run-mime-fuzzer.sh [SECONDS] [extra libFuzzer flags...]     (default 600 s)
#   Fuzz/run-mime-fuzzer.sh 0 Fuzz/findings/crash-XYZ                 (replay one input)
#   Fuzz/run-mime-fuzzer.sh build                                     (build only)
#
# Not a SwiftPM target: the entry point has no main (libFuzzer provides it), which would
# break `swift build`. Three swiftc steps instead, each module on its own, so MIME and
# HTMLText compile exactly as SwiftPM compiles them (same upcoming features):
#   1. HTMLText (+ the CLibXML2 module map) -> HTMLText.o + HTMLText.swiftmodule
#   2. MIME (all of Sources/MIME)          -> MIME.o + MIME.swiftmodule
#   3. Fuzz/MIMEFuzzTarget.swift, linked with both, -lxml2 and -sanitize=fuzzer,address.
# Everything goes to Fuzz/work/ (build products, the growing corpus; gitignored).
# Crashes, leaks and timeouts are written to Fuzz/findings/ (committed reproducers).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SWIFTC="${SWIFTC:-swiftc}"
WORK="${FUZZ_WORK:-$ROOT/Fuzz/work}"
BUILD="$WORK/build"
CORPUS="$WORK/corpus"
FINDINGS="$ROOT/Fuzz/findings"
SECONDS_TO_RUN="${1:-600}"
shift || true

mkdir -p "$BUILD" "$CORPUS" "$FINDINGS"

COMMON=(
  -parse-as-library -O -g -wmo
  -sanitize=fuzzer,address
  -enable-upcoming-feature ExistentialAny
  -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault
  -enable-upcoming-feature NonisolatedNonsendingByDefault
  -I "$BUILD" -I "$ROOT/Sources/CLibXML2" -Xcc -I/usr/include/libxml2
)

echo "== building HTMLText"
"$SWIFTC" "${COMMON[@]}" -module-name HTMLText -emit-module -emit-module-path "$BUILD/HTMLText.swiftmodule" \
  -c -o "$BUILD/HTMLText.o" "$ROOT"/Sources/HTMLText/*.swift
echo "== building MIME"
"$SWIFTC" "${COMMON[@]}" -module-name MIME -emit-module -emit-module-path "$BUILD/MIME.swiftmodule" \
  -c -o "$BUILD/MIME.o" "$ROOT"/Sources/MIME/*.swift
echo "== linking the fuzzer"
# ld.gold prints "Cannot export local symbol __asan_..." warnings: harmless (swift-stack.md section 8).
"$SWIFTC" "${COMMON[@]}" -module-name MIMEFuzz "$ROOT/Fuzz/MIMEFuzzTarget.swift" \
  "$BUILD/MIME.o" "$BUILD/HTMLText.o" -lxml2 -o "$BUILD/mime-fuzzer" 2>&1 | grep -v "Cannot export local symbol" || true
test -x "$BUILD/mime-fuzzer"

if [ "$SECONDS_TO_RUN" = "build" ]; then
  echo "built $BUILD/mime-fuzzer"
  exit 0
fi
if [ "$SECONDS_TO_RUN" = "0" ]; then
  exec "$BUILD/mime-fuzzer" "$@"
fi

# Seeds: every fixture up to 256 KB (the hostile multi-megabyte ones would only slow
# each execution; libFuzzer cuts inputs at -max_len anyway).
SEEDS="$WORK/seeds"
rm -rf "$SEEDS" && mkdir -p "$SEEDS"
find "$ROOT/fixtures/email" "$ROOT/fixtures/mime" -name '*.eml' -size -256k -exec cp {} "$SEEDS/" \; 2>/dev/null || true

echo "== fuzzing for $SECONDS_TO_RUN s ($(ls "$SEEDS" | wc -l) seeds, corpus $CORPUS)"
cd "$WORK"
exec "$BUILD/mime-fuzzer" "$CORPUS" "$SEEDS" \
  -dict="$ROOT/Fuzz/mime.dict" \
  -max_total_time="$SECONDS_TO_RUN" \
  -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$FINDINGS/" \
  -print_final_stats=1 "$@"
