#!/usr/bin/env bash
# Builds one libFuzzer target with ASan and runs it seeded from the fixtures.
#
#   Fuzz/run-fuzzer.sh mime|extraction [SECONDS] [extra libFuzzer flags...]   (default 600 s)
#   Fuzz/run-fuzzer.sh extraction 0 Fuzz/findings/FILE                       (replay one input)
#   Fuzz/run-fuzzer.sh extraction build                                      (build only)
#   FUZZ_WORK=/tmp/fuzz Fuzz/run-fuzzer.sh extraction 1800 -jobs=1 -workers=1
#   FUZZ_SKIP_BUILD=1 Fuzz/run-fuzzer.sh extraction 600     (reuse the last build)
#
# Targets:
#   mime        Fuzz/MIMEFuzzTarget.swift: MIMEMessage.parse, parts decoding, mimeJSON.
#   extraction  Fuzz/ExtractionFuzzTarget.swift: MIMEMessage.parse, then LeadExtractor over
#               parsers/*.yaml, then the outcome's JSON. The first byte of an input picks
#               whole message / plain body / HTML body and the sender (see the target).
#
# Not SwiftPM targets: an entry point without main (libFuzzer provides it) would break
# `swift build`. Instead every module is compiled on its own with swiftc, in dependency
# order, with the upcoming features of Package.swift, then the entry is linked against the
# objects with -sanitize=fuzzer,address. Extraction also needs Yams: its C part (CYaml) is
# compiled with clang, its Swift part as module Yams, from .build/checkouts (resolved with
# `swift package resolve` when missing).
#
# Everything goes to $FUZZ_WORK (default Fuzz/work/, gitignored): build products under
# build/, the growing corpus (corpus/ for mime, corpus-extraction/ for extraction), seeds.
# MIME artifacts (crash-*, timeout-*, leak-*, oom-*) are written to Fuzz/findings/ as they
# always were; extraction artifacts to $FUZZ_WORK/artifacts-extraction/, to be minimised and
# moved to Fuzz/findings/ by hand (Fuzz/README.md).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SWIFTC="${SWIFTC:-swiftc}"
CLANG="${CLANG:-clang}"
WORK="${FUZZ_WORK:-$ROOT/Fuzz/work}"
BUILD="$WORK/build"

usage() {
  echo "usage: $0 mime|extraction [SECONDS|build|0] [libFuzzer flags...]" >&2
  exit 2
}

TARGET="${1:-}"
shift || true
case "$TARGET" in
  mime | extraction) ;;
  *) usage ;;
esac
SECONDS_TO_RUN="${1:-600}"
shift || true

# FUZZ_OPT=-Onone builds a second fuzzer ($TARGET-fuzzer-Onone) whose UnsafeBufferPointer
# subscripts are bounds-checked: replaying the corpus through it (`... 0 CORPUS_DIR -runs=0`)
# catches reads past a buffer's count that stay inside its allocation, which ASan cannot see.
OPT="${FUZZ_OPT:--O}"
SUFFIX=""
[ "$OPT" = "-O" ] || SUFFIX="$OPT"
OBJECTS="$BUILD/$TARGET$SUFFIX"
FUZZER="$BUILD/$TARGET-fuzzer$SUFFIX"
mkdir -p "$OBJECTS"

# As SwiftPM compiles the project's targets (tools 6.1: Swift 6 mode, one package name so
# `package` declarations are visible across modules).
UPCOMING=(
  -swift-version 6 -package-name lead_intake
  -enable-upcoming-feature ExistentialAny
  -enable-upcoming-feature MemberImportVisibility
  -enable-upcoming-feature InternalImportsByDefault
  -enable-upcoming-feature NonisolatedNonsendingByDefault
)
# (-Onone -g would add a module-wrap job writing the same NAME.o: line tables suffice there.)
DEBUG_INFO=-g
[ "$OPT" = "-O" ] || DEBUG_INFO=-gline-tables-only
SANITIZE=(-parse-as-library "$OPT" "$DEBUG_INFO" -wmo -sanitize=fuzzer,address)
INCLUDES=(-I "$OBJECTS" -I "$ROOT/Sources/CLibXML2" -Xcc -I/usr/include/libxml2)

# compile_module NAME FLAGS... -- SOURCES...: one swiftc module -> NAME.o + NAME.swiftmodule.
compile_module() {
  local name="$1"
  shift
  local flags=()
  while [ "$1" != "--" ]; do
    flags+=("$1")
    shift
  done
  shift
  echo "== building $name"
  "$SWIFTC" "${SANITIZE[@]}" "${flags[@]}" "${INCLUDES[@]}" -module-name "$name" \
    -emit-module -emit-module-path "$OBJECTS/$name.swiftmodule" -c -o "$OBJECTS/$name.o" "$@"
}

# project_module NAME: all of Sources/NAME (subfolders too) as SwiftPM compiles it.
project_module() {
  local sources=()
  while IFS= read -r -d '' file; do sources+=("$file"); done \
    < <(find "$ROOT/Sources/$1" -name '*.swift' -print0 | sort -z)
  compile_module "$1" "${UPCOMING[@]}" -- "${sources[@]}"
}

# link ENTRY MODULE_NAME OBJECTS...: the entry linked with the module objects.
link() {
  local entry="$1" module="$2"
  shift 2
  echo "== linking $FUZZER"
  # ld.gold prints "Cannot export local symbol __asan_..." warnings: harmless (swift-stack.md section 8).
  "$SWIFTC" "${SANITIZE[@]}" "${UPCOMING[@]}" "${INCLUDES[@]}" -module-name "$module" "$entry" \
    "$@" -lxml2 -o "$FUZZER" 2>&1 | grep -v "Cannot export local symbol" || true
  test -x "$FUZZER"
}

build_mime() {
  project_module HTMLText
  project_module MIME
  link "$ROOT/Fuzz/MIMEFuzzTarget.swift" MIMEFuzz "$OBJECTS/MIME.o" "$OBJECTS/HTMLText.o"
}

# Yams from SwiftPM's checkout. Its C library is plain libyaml: instrumented for coverage
# only (fuzzer-no-link), since the specs, not the fuzz input, are what it parses.
build_yams() {
  local yams="$ROOT/.build/checkouts/Yams/Sources"
  if [ ! -d "$yams/Yams" ]; then
    echo "== resolving packages (Yams checkout missing)"
    (cd "$ROOT" && swift package resolve)
  fi
  echo "== building CYaml"
  local objects=()
  for source in "$yams"/CYaml/src/*.c; do
    local object="$OBJECTS/cyaml-$(basename "$source" .c).o"
    "$CLANG" -O2 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC \
      -I "$yams/CYaml/include" -c "$source" -o "$object"
    objects+=("$object")
  done
  CYAML_OBJECTS=("${objects[@]}")
  # Yams is a Swift 5 package that imports CYaml only under SWIFT_PACKAGE; -Xcc passes the
  # define its headers need, -I the module map.
  local sources=("$yams"/Yams/*.swift)
  compile_module Yams -swift-version 5 -D SWIFT_PACKAGE -I "$yams/CYaml/include" -Xcc -DYAML_DECLARE_STATIC -- "${sources[@]}"
}

build_extraction() {
  build_yams
  INCLUDES+=(-I "$ROOT/.build/checkouts/Yams/Sources/CYaml/include" -Xcc -DYAML_DECLARE_STATIC)
  for module in LeadModel HTMLText MIME YAMLFiles Extraction; do
    project_module "$module"
  done
  link "$ROOT/Fuzz/ExtractionFuzzTarget.swift" ExtractionFuzz \
    "$OBJECTS"/{Extraction,YAMLFiles,MIME,HTMLText,LeadModel,Yams}.o "${CYAML_OBJECTS[@]}"
}

# FUZZ_SKIP_BUILD=1 reuses the fuzzer built before (another run on unchanged sources).
if [ "${FUZZ_SKIP_BUILD:-0}" = 1 ] && [ -x "$FUZZER" ]; then
  echo "== reusing $FUZZER"
else
  "build_$TARGET"
fi

export LEAD_INTAKE_FUZZ_PARSERS="$ROOT/parsers"

if [ "$SECONDS_TO_RUN" = "build" ]; then
  echo "built $FUZZER"
  exit 0
fi
if [ "$SECONDS_TO_RUN" = "0" ]; then
  exec "$FUZZER" "$@"
fi

# Seeds: every fixture up to 256 KB (the hostile multi-megabyte ones would only slow
# each execution; libFuzzer cuts inputs at -max_len anyway).
SEEDS="$WORK/seeds-$TARGET"
rm -rf "$SEEDS" && mkdir -p "$SEEDS"
case "$TARGET" in
  mime)
    CORPUS="$WORK/corpus"
    ARTIFACTS="$ROOT/Fuzz/findings"
    FLAGS=(-dict="$ROOT/Fuzz/mime.dict" -max_len=65536 -timeout=10 -rss_limit_mb=4096)
    find "$ROOT/fixtures/email" "$ROOT/fixtures/mime" -name '*.eml' -size -256k -exec cp {} "$SEEDS/" \; 2>/dev/null || true
    ;;
  extraction)
    CORPUS="$WORK/corpus-extraction"
    ARTIFACTS="$WORK/artifacts-extraction"
    FLAGS=(-dict="$ROOT/Fuzz/extraction.dict" -max_len=65536 -timeout=5 -rss_limit_mb=3000)
    # Mode 0 (byte 0): each fixture as a whole message. Modes 1 and 2 (bytes 1, 2, as the
    # person; 4, 5 as Houzz): its body behind the fixed headers, which starts the fuzzer
    # inside the heuristics and the HTML code.
    index=0
    while IFS= read -r -d '' fixture; do
      index=$((index + 1))
      { printf '\x00'; cat "$fixture"; } > "$SEEDS/$index-$(basename "$fixture")"
      if grep -qi '<html\|<table\|<div' "$fixture"; then modes='\x02 \x05'; else modes='\x01 \x04'; fi
      for mode in $modes; do
        { printf "$mode"; sed '1,/^\r\{0,1\}$/d' "$fixture"; } > "$SEEDS/$index-body-$(printf "$mode" | od -An -tu1 | tr -d ' ')-$(basename "$fixture")"
      done
    done < <(find "$ROOT/parsers/fixtures" "$ROOT/fixtures/email" "$ROOT/fixtures/mime" -name '*.eml' -size -256k -print0 2>/dev/null)
    ;;
esac
mkdir -p "$CORPUS" "$ARTIFACTS"

echo "== fuzzing $TARGET for $SECONDS_TO_RUN s ($(ls "$SEEDS" | wc -l) seeds, corpus $CORPUS)"
cd "$WORK"
exec "$FUZZER" "$CORPUS" "$SEEDS" "${FLAGS[@]}" \
  -max_total_time="$SECONDS_TO_RUN" \
  -artifact_prefix="$ARTIFACTS/" \
  -print_final_stats=1 "$@"
