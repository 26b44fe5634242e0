#!/usr/bin/env bash
# The include-direction check of scripts/lint.sh (scripts/check-includes.sh) on a copy of
# src/: it passes on the copy as it is, then fails naming file:line of a planted include of a
# higher layer (util including apps), of a sibling (compare including demand), and of a layer
# missing from its table, and of ingest and output including each other. Registered with
# ctest as lint.include_direction_catches_a_bad_include.
set -euo pipefail
root=${1:?usage: include_direction_test.sh SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scripts"
cp "$root/scripts/check-includes.sh" "$work/scripts/"
cp -r "$root/src" "$work/src"
check() { bash "$work/scripts/check-includes.sh" "$work" 2>&1; }
fail() { echo "include_direction_test: $*" >&2; exit 1; }

out=$(check) || fail "the unchanged copy of src/ fails: $out"

# expect_caught FILE LINE TEXT: after planting TEXT as line LINE of FILE, the check fails and
# names FILE:LINE.
expect_caught() {
  local file=$1 line=$2 text=$3
  cp "$work/$file" "$work/$file.orig"
  sed -i "$((line - 1))a $text" "$work/$file"
  if out=$(check); then fail "missed $text planted at $file:$line"; fi
  grep -q "^$file:$line: " <<<"$out" || fail "did not name $file:$line: $out"
  echo "caught: $(grep "^$file:$line: " <<<"$out")"
  mv "$work/$file.orig" "$work/$file"
}
# The first file of a layer, whatever the refactorings of the day have named its files.
first() { (cd "$work" && find src/"$1" -maxdepth 1 -name "*.$2" | sort | head -1); }
expect_caught "$(first util cc)" 3 '#include "apps/main_command.h"'
expect_caught "$(first model h)" 2 '#  include "scenario/scenario_loader.h"'
expect_caught "$(first compare cc)" 4 '#include "demand/anything.h"'

# ingest (the official-data readers) and output (the result writers) are siblings: neither
# includes the other.
expect_caught "$(first ingest cc)" 2 '#include "output/run_summary.h"'
expect_caught "$(first output cc)" 2 '#include "ingest/data_fields.h"'

mkdir "$work/src/newlayer"
if out=$(check); then fail "missed a layer not in the table"; fi
grep -q "src/newlayer" <<<"$out" || fail "did not name src/newlayer: $out"
echo "caught: $out"
