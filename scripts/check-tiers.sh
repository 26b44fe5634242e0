#!/usr/bin/env bash
# Every ctest test carries a tier label, and only known labels (docs/reliability.md, "Test
# tiers"). Run by the test tiers.every_test_has_a_tier, which passes the lists from
# tests/CMakeLists.txt:
#
#   check-tiers.sh BUILD_DIR TIERS ALL_LABELS     e.g. build/release 'unit|model|...' 'unit|...|slow'
#
# Lists the tests of BUILD_DIR with `ctest -N` on a copy of its CTestTestfile.cmake files, so
# the build's Testing/Temporary/LastTest.log (which ctest -N rewrites) is left alone when this
# runs inside ctest. A program whose tests were not discovered (not built) shows up as
# <program>_NOT_BUILT, without labels.
set -euo pipefail
build=$(cd "${1:?usage: check-tiers.sh BUILD_DIR TIERS ALL_LABELS}" && pwd)
tiers=${2:?TIERS missing}
all=${3:?ALL_LABELS missing}

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
(cd "$build" && find . -name CTestTestfile.cmake -not -path './Testing/*') | while read -r f; do
  mkdir -p "$copy/$(dirname "$f")"
  cp "$build/$f" "$copy/$f"
done

tests() { ctest --test-dir "$copy" "$@" | sed -n 's/^ *Test *#[0-9]*: //p'; }

total=$(tests -N | wc -l)
# -LE leaves out every test with a label matching the regular expression: what is left has none.
mapfile -t untiered < <(tests -N -LE "^($tiers)\$")
mapfile -t unknown < <(ctest --test-dir "$copy" --print-labels | sed -n 's/^  //p' |
  grep -Ev "^($all)\$" || true)

status=0
if ((${#untiered[@]} > 0)); then
  echo "check-tiers: ${#untiered[@]} of $total tests have no tier label ($tiers);" \
    "add their program to the tier table in tests/CMakeLists.txt:" >&2
  printf '  %s\n' "${untiered[@]}" >&2
  status=1
fi
if ((${#unknown[@]} > 0)); then
  echo "check-tiers: unknown labels (known: $all): ${unknown[*]}" >&2
  status=1
fi
((status == 0)) && echo "check-tiers: all $total tests carry a tier label"
exit $status
