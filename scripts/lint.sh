#!/usr/bin/env bash
# Static checks run by CI after the tests: clang-format (Google style, 100 columns;
# .clang-format) must leave every C++ file unchanged, and clang-tidy (.clang-tidy) must find
# nothing in src/. Needs the compile database of the release build (make build).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build/release}
[[ -f $build_dir/compile_commands.json ]] || { echo "lint: run 'make build' first" >&2; exit 1; }

mapfile -t files < <(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h')
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"

mapfile -t sources < <(git ls-files 'src/*.cc')
echo "lint: clang-tidy on ${#sources[@]} files"
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet 2>/dev/null
echo "lint: ok"
