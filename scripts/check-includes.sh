#!/usr/bin/env bash
# Include direction (src/README.md): a layer includes only itself and the layers below it,
# as its CMake library links them. Run by scripts/lint.sh; tests/lint/include_direction_test.sh
# checks that it catches a planted bad include.
#
#   check-includes.sh [ROOT]     checks ROOT/src (default: this repository)
#
# Prints file:line of every offending #include and exits 1 if there is one.
set -euo pipefail
root=${1:-$(dirname "$0")/..}
cd "$root"

# The allowed dependencies: each layer (a folder of src/, one library bf_<layer>) and the
# layers it links directly (target_link_libraries in src/<layer>/CMakeLists.txt); what those
# link is allowed too. Adding a layer is one line here.
declare -A deps=(
  [util]=""
  [engine]="util"
  [model]="engine util"
  [scenario]="model util"
  [output]="model util"
  [ingest]="model util"
  [demand]="ingest model util"
  [report]="output util"
  [validate]="demand model report util"
  [compare]="output scenario model util"
  [ensemble]="output scenario model"
  [serve]="compare scenario model util"
  [apps]="ensemble ingest output scenario model report demand validate compare serve util"
  [python]="ensemble compare output scenario model util"
)

# allowed LAYER: the layer itself and everything it reaches through deps.
allowed() {
  local -A seen=()
  local todo=("$1") layer dep
  while ((${#todo[@]} > 0)); do
    layer=${todo[0]}
    todo=("${todo[@]:1}")
    [[ -n ${seen[$layer]:-} ]] && continue
    seen[$layer]=1
    for dep in ${deps[$layer]:-}; do todo+=("$dep"); done
  done
  echo "${!seen[@]}"
}

status=0
declare -A reach=()
for dir in src/*/; do
  layer=$(basename "$dir")
  if [[ -z ${deps[$layer]+set} ]]; then
    echo "src/$layer: not a layer of scripts/check-includes.sh; add its line to the table" >&2
    status=1
    continue
  fi
  reach[$layer]=" $(allowed "$layer") "
done

# Every quoted include naming a folder of src/: file:line:layer/header.
while IFS=: read -r file line target; do
  layer=${file#src/}
  layer=${layer%%/*}
  to=${target%%/*}
  [[ -d src/$to && -n ${reach[$layer]:-} ]] || continue
  if [[ ${reach[$layer]} != *" $to "* ]]; then
    below=$(tr ' ' '\n' <<<"${reach[$layer]}" | grep -vx -e "$layer" -e '' | sort | paste -sd' ' || true)
    echo "$file:$line: error: $layer includes \"$target\", not a layer below it ($layer may include" \
      "${below:-nothing of src/ but itself})" >&2
    status=1
  fi
done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"[^"]+/[^"]+"' src \
           --include='*.h' --include='*.cc' --include='*.h.in' |
         sed -E 's/^([^:]+):([0-9]+):.*"([^"]+)".*/\1:\2:\3/')

if ((status == 0)); then
  echo "check-includes: every include of src/ goes to its own layer or one below"
fi
exit $status
