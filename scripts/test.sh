#!/usr/bin/env bash
# Build and run the whole test suite twice: the normal build, then the
# AddressSanitizer + UBSan build. Exits non-zero if either fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
scripts/build.sh --asan
(cd build-asan && ctest --output-on-failure -j"$(nproc)")
