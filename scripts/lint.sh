#!/usr/bin/env bash
# Static checks, cheapest first, stopping at the first that fails (`make lint`; the first step
# of `make check` and of CI): no layer of src/ includes a higher one (scripts/check-includes.sh,
# which prints file:line), clang-format (Google style, 100 columns; .clang-format) leaves
# every C++ file unchanged, and clang-tidy (.clang-tidy) finds nothing in src/. clang-tidy
# needs the compile database of the release build, which configuring writes
# (cmake --preset release); nothing has to be built.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "lint: include direction"
bash scripts/check-includes.sh

build_dir=${BUILD_DIR:-build/release}
[[ -f $build_dir/compile_commands.json ]] ||
  { echo "lint: run 'cmake --preset release' (or make build) first" >&2; exit 1; }

mapfile -t files < <(git ls-files 'src/*.cc' 'src/*.h' 'tests/*.cc' 'tests/*.h' 'bench/*.cc' 'bench/*.h')
echo "lint: clang-format on ${#files[@]} files"
clang-format --dry-run --Werror "${files[@]}"

mapfile -t sources < <(git ls-files 'src/*.cc')
echo "lint: clang-tidy on ${#sources[@]} files"
printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet 2>/dev/null
echo "lint: ok"
