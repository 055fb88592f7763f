#!/usr/bin/env bash
# Configure and build aka in build/ (normal) or build-asan/ (with
# AddressSanitizer + UndefinedBehaviorSanitizer when called with --asan).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build; flags=()
if [ "${1:-}" = "--asan" ]; then
  dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DAKA_SANITIZE=ON)
fi
cmake -S . -B "$dir" "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
