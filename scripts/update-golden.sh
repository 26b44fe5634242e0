#!/usr/bin/env bash
# Rewrites tests/golden/*.json from the current build: every shipped scenario's fingerprint
# and headline figures for seed 1 (tests/golden/golden_test.cc says what is recorded).
# Run it only for an intended change of results, and say why in CHANGES.md ("Changed
# results") in the same commit. Usage: scripts/update-golden.sh [GTEST_FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build/release
cmake --preset release >/dev/null
cmake --build "$build_dir" --target golden_tests borderflow -j "$(nproc)"
BF_UPDATE_GOLDEN=1 "$build_dir/tests/golden/golden_tests" --gtest_filter="${1:-*}" --gtest_brief=1
git status --short tests/golden
