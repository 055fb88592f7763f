#!/usr/bin/env bash
# Build aka and aka-bench in Release (-O2) in build-bench/ and run the
# benchmark on the list mirror beside the checkout (../shared/data, or
# $AKA_SHARED/data).
# Arguments go to aka-bench (bench/README.md); the report is Markdown on
# standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" >/dev/null
cmake --build build-bench -j2 --target aka aka-bench >/dev/null
shared=${AKA_SHARED:-$(cd .. && pwd)/shared}
exec build-bench/aka-bench --data "$shared/data" \
     --aka build-bench/aka "$@"
