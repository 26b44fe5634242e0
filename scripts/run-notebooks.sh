#!/usr/bin/env bash
# Executes notebooks end to end, as CI does (ctest's notebook.* tests, label `python`):
#
#   run-notebooks.sh NOTEBOOK.ipynb...        default: every notebook in notebooks/
#
# Each must be committed with its outputs stripped (they belong to a run, not to the source);
# it is then run top to bottom with Debian's jupyter-nbconvert, the executed copy (with its
# charts) written to $BORDERFLOW_NOTEBOOK_OUT (default build/release/notebooks). The package
# is imported from $PYTHONPATH (default build/release/python). A cell that raises fails it.
# A notebook that reads the published record ({DATA}: ../shared/data, or $BORDERFLOW_DATA) is
# skipped with exit code 77 where that folder is absent (ctest's `data` label).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${BORDERFLOW_NOTEBOOK_OUT:-$root/build/release/notebooks}
export PYTHONPATH=${PYTHONPATH:-$root/build/release/python}
# A headless backend: CI has no display.
export MPLBACKEND=Agg
mkdir -p "$out"
if (($# == 0)); then set -- "$root"/notebooks/*.ipynb; fi
for notebook in "$@"; do
  /usr/bin/python3 - "$notebook" << 'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
dirty = [i for i, c in enumerate(cells)
         if c.get("outputs") or c.get("execution_count") is not None]
if dirty:
    sys.exit(f"{sys.argv[1]}: cells {dirty} hold outputs; strip them before committing "
             "(jupyter-nbconvert --clear-output --inplace FILE)")
PY
  data=${BORDERFLOW_DATA:-$root/../shared/data}
  if grep -q '{DATA}' "$notebook" && [[ ! -d $data ]]; then
    echo "run-notebooks: $(basename "$notebook") skipped: it reads $data, which is absent" >&2
    exit 77
  fi
  start=$SECONDS
  /usr/bin/jupyter-nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
    --output-dir "$out" "$notebook"
  echo "run-notebooks: $(basename "$notebook") ran in $((SECONDS - start)) s"
done
