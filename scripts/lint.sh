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

# LINT_TIDY=changed (make check) runs clang-tidy only on the sources of src/ that differ from
# the branch point with LINT_BASE (default main; committed, staged, unstaged or untracked) and on
# those that include a changed header of src/, directly or not; the full run (make lint, CI) takes over ten
# minutes on 2 busy cores.
mapfile -t sources < <(git ls-files 'src/*.cc')
if [[ ${LINT_TIDY:-all} == changed ]]; then
  base=$(git merge-base HEAD "${LINT_BASE:-main}" 2>/dev/null || git rev-parse HEAD)
  mapfile -t changed < <({ git diff --name-only "$base" -- src; git ls-files --others --exclude-standard src; } |
    sort -u)
  # The changed files, then every file including one of them, until nothing is added.
  declare -A pick=()
  todo=()
  for f in "${changed[@]}"; do [[ -f $f ]] && todo+=("$f"); done
  while ((${#todo[@]} > 0)); do
    f=${todo[0]}
    todo=("${todo[@]:1}")
    [[ -n ${pick[$f]:-} ]] && continue
    pick[$f]=1
    if [[ $f == *.h ]]; then
      mapfile -t includers < <(grep -rlF "\"${f#src/}\"" src --include='*.h' --include='*.cc')
      todo+=("${includers[@]}")
    fi
  done
  for f in "${!pick[@]}"; do [[ $f == *.cc ]] || unset "pick[$f]"; done
  sources=()
  for f in "${!pick[@]}"; do sources+=("$f"); done
  echo "lint: clang-tidy on the ${#sources[@]} changed files since ${base:0:7} (LINT_TIDY=changed)"
else
  echo "lint: clang-tidy on ${#sources[@]} files"
fi
if ((${#sources[@]} > 0)); then
  printf '%s\n' "${sources[@]}" | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build_dir" --quiet 2>/dev/null
fi
echo "lint: ok"
