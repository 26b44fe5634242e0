#!/usr/bin/env bash
# The sanitizer builds CI runs after `make test` (docs/reliability.md):
#   asan  the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (leaks on);
#   tsan  the threaded tests (names matching the tsan test preset's filter) under
#         ThreadSanitizer.
# Each preset builds in build/<preset>. SANITIZERS="asan" runs only some of them.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}

for preset in ${SANITIZERS:-asan tsan}; do
  start=$SECONDS
  echo "sanitizers: $preset"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs"
  echo "sanitizers: $preset passed in $((SECONDS - start)) s"
done
