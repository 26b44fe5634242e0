#!/usr/bin/env bash
# The HTML report and the what-if page in a real browser (tests/browser): writes a report of
# the default scenario and a comparison of it with another seed, using the release build, and
# starts `borderflow serve` on a free port of 127.0.0.1; then opens them in Debian's headless
# chromium through playwright-core (pinned in package-lock.json; it never downloads a
# browser). Needs `make build` first, node >= 20, npm and /usr/bin/chromium
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

# The what-if page: the server prints its address on its first line.
"$bin" serve scenarios/december-2023.yaml --port 0 > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
trap 'kill $serve_pid 2> /dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do
  grep -q 'open http' "$work/serve.out" 2> /dev/null && break
  kill -0 $serve_pid 2> /dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
serve_url=$(grep -o 'http://[^ ]*' "$work/serve.out")
echo "browser-test: borderflow serve at $serve_url"

mkdir -p "$shots"
cd tests/browser
npm ci --no-audit --no-fund --loglevel=error
BF_REPORT="$work/december/report.html" BF_COMPARE_REPORT="$work/compare.html" \
  BF_SERVE_URL="$serve_url" BORDERFLOW_BIN="$bin" BF_REPO="$root" \
  BF_SCREENSHOT_DIR="$shots" node --test
echo "browser-test: screenshots in $shots"
