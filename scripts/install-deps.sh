#!/usr/bin/env bash
# Installs everything borderflow needs to build and test, from Debian 12's archive only.
# Idempotent: does nothing (and needs no network) when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libyaml-cpp-dev libcli11-dev libfmt-dev nlohmann-json3-dev libsqlite3-dev sqlite3
  librandom123-dev libgtest-dev libgmock-dev googletest libbenchmark-dev
  clang-format clang-tidy
  libcpp-httplib-dev  # borderflow serve's HTTP server (and its tests' client)
  chromium  # the browser test of the HTML report (scripts/browser-test.sh)
  libopenmpi-dev openmpi-bin  # MPI ensembles (BORDERFLOW_MPI)
  clang-16 libclang-rt-16-dev  # libFuzzer and sanitizer runtimes (make fuzz)
  # The Python module `borderflow` (docs/python.md), its tests and the notebooks in notebooks/
  python3-dev pybind11-dev python3-pybind11 python3-numpy python3-pandas python3-pytest
  python3-matplotlib jupyter-nbconvert python3-nbclient python3-ipykernel
)

# Node.js and npm for the browser test: the machine's own when present (it needs node >= 20),
# else Debian's.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages (${missing[*]}); run as root or install them yourself" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
