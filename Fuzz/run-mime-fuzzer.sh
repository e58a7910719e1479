#!/usr/bin/env bash
# Builds the libFuzzer target for MIMEMessage.parse (plus parts decoding and mimeJSON)
# with ASan, and runs it seeded from fixtures/email and fixtures/mime.
#
#   Fuzz/run-mime-fuzzer.sh [SECONDS] [extra libFuzzer flags...]     (default 600 s)
#   Fuzz/run-mime-fuzzer.sh 0 Fuzz/findings/crash-XYZ                 (replay one input)
#   Fuzz/run-mime-fuzzer.sh build                                     (build only)
#
# Kept for `make fuzz-mime` and old notes: the same as `Fuzz/run-fuzzer.sh mime ...`, which
# builds and runs every fuzz target (see that script and Fuzz/README.md).
set -euo pipefail

exec "$(dirname "$0")/run-fuzzer.sh" mime "$@"
