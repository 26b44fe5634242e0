#!/usr/bin/env bash
# The sanitizer builds CI runs after `make test` (docs/reliability.md):
#   asan  the whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (leaks on);
#   tsan  the threaded tests (names matching the tsan test preset's filter) under
#         ThreadSanitizer; only their programs are built (and `borderflow`, which the CLI
#         tests run), not the whole tree.
# Both compile at -O1 -g1 (CMakePresets.json): line tables for the reports, less to build.
# Each preset builds in build/<preset>. SANITIZERS="asan" runs only some of them.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}

for preset in ${SANITIZERS:-asan tsan}; do
  start=$SECONDS
  echo "sanitizers: $preset"
  cmake --preset "$preset" >/dev/null
  targets=()
  if [[ $preset == tsan ]]; then
    # Only the programs of the tests the preset selects (its filter, applied to the release
    # tree's test list: gtest lists a program's tests once it is built), and `borderflow`,
    # which the CLI tests run. Without a built release tree, everything is built.
    filter=$(python3 -c 'import json; print(next(p["filter"]["include"]["name"]
      for p in json.load(open("CMakePresets.json"))["testPresets"] if p["name"] == "tsan"))')
    if [[ -d build/release ]]; then
      mapfile -t targets < <(ctest --test-dir build/release -N -V -R "$filter" |
                             sed -n 's/.*Test command: \([^ ]*\).*/\1/p' |
                             grep "/build/release/" | xargs -r -n1 basename | sort -u)
    fi
    if [[ ${#targets[@]} -gt 0 ]]; then
      targets+=(borderflow)
      echo "sanitizers: tsan builds ${targets[*]}"
    fi
  fi
  cmake --build --preset "$preset" -j "$jobs" ${targets[@]+--target "${targets[@]}"}
  ctest --preset "$preset" -j "$jobs"
  echo "sanitizers: $preset passed in $((SECONDS - start)) s"
done
