#!/usr/bin/env bash
# The HTML report in a real browser (tests/browser): writes a report of the default scenario
# and a comparison of it with another seed, using the release build, then opens both in
# Debian's headless chromium through playwright-core (pinned in package-lock.json; it never
# downloads a browser). Needs `make build` first, node >= 20, npm and /usr/bin/chromium
# (scripts/install-deps.sh). Screenshots and a PDF print go to $BF_SCREENSHOT_DIR
# (default build/browser-test/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=${BORDERFLOW_BIN:-$root/build/release/src/apps/borderflow}
shots=${BF_SCREENSHOT_DIR:-$root/build/browser-test}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" run scenarios/december-2023.yaml --out "$work/december" --quiet > /dev/null
"$bin" run scenarios/december-2023.yaml --out "$work/seed2" --quiet --seed 2 --no-report \
  > /dev/null
"$bin" report "$work/december" --compare "$work/seed2" -o "$work/compare.html" > /dev/null
size=$(stat -c %s "$work/december/report.html")
echo "browser-test: report of the 4-month default scenario is $((size / 1024)) KiB"
if ((size > 5 * 1024 * 1024)); then
  echo "browser-test: report.html is over 5 MB" >&2
  exit 1
fi

mkdir -p "$shots"
cd tests/browser
npm ci --no-audit --no-fund --loglevel=error
BF_REPORT="$work/december/report.html" BF_COMPARE_REPORT="$work/compare.html" \
  BF_SCREENSHOT_DIR="$shots" node --test
echo "browser-test: screenshots in $shots"
