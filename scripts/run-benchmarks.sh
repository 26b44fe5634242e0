#!/usr/bin/env bash
# Runs the Google Benchmark programs of bench/ (built by `make build` into build/release) and
# the SimPy reference when SimPy is installed; prints the results and a summary, and writes
# them as JSON to build/release/bench-results/. Called by `make bench`; takes under a minute.
#
# Environment (all optional):
#   BENCH_BUILD_DIR  build tree holding bench/ (default build/release)
#   BENCH_CPU        core to pin the programs to with taskset (default 0; "none" to not pin)
#   BENCH_SCALE      multiplies every --benchmark_min_time (default 1)
#   SIMPY_CUSTOMERS  customers for the SimPy run (default 200000)
# Timings on a shared machine are noisy: see docs/performance.md.
set -euo pipefail

cd "$(dirname "$0")/.."
build_dir=${BENCH_BUILD_DIR:-build/release}
bin_dir=$build_dir/bench
out_dir=$build_dir/bench-results
scale=${BENCH_SCALE:-1}
cpu=${BENCH_CPU:-0}

for program in bench_engine bench_mmc bench_scenario; do
  if [[ ! -x $bin_dir/$program ]]; then
    echo "run-benchmarks: $bin_dir/$program not found; build first (make build)" >&2
    exit 1
  fi
done
mkdir -p "$out_dir"

pin=()
if [[ $cpu != none ]] && command -v taskset >/dev/null && taskset -c "$cpu" true 2>/dev/null; then
  pin=(taskset -c "$cpu")
fi

min_time() { awk -v t="$1" -v s="$scale" 'BEGIN { printf "%g", t * s }'; }

# run NAME PROGRAM ARGS...: runs one program, console output to the terminal, JSON to a file.
run() {
  local name=$1
  shift
  echo
  echo "== $name"
  "${pin[@]}" "$@" --benchmark_out="$out_dir/$name.json" --benchmark_out_format=json
}

echo "borderflow benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "pinned: ${pin[*]:-no (taskset unavailable)}"

run engine "$bin_dir/bench_engine" --benchmark_min_time="$(min_time 1)"
run mmc "$bin_dir/bench_mmc" --benchmark_min_time="$(min_time 2)"

# Each horizon in its own process, so that ru_maxrss (peak RSS) is that horizon's alone.
horizons=$("$bin_dir/bench_scenario" --benchmark_list_tests=true 2>/dev/null | grep '^BM_Horizon/' || true)
for test in $horizons; do
  days=${test#BM_Horizon/}
  days=${days%%/*}
  run "scenario-horizon-$days" "$bin_dir/bench_scenario" --benchmark_filter="^${test}\$"
done
run scenario "$bin_dir/bench_scenario" --benchmark_filter='^BM_Replication' \
  --benchmark_min_time="$(min_time 4)"

# SimPy reference: Debian's python3-simpy3 installs into the system interpreter, which may not
# be the first python3 on PATH.
echo
echo "== simpy"
rm -f "$out_dir/simpy.json"
simpy_python=
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c 'import simpy' 2>/dev/null; then
    simpy_python=$py
    break
  fi
done
if [[ -n $simpy_python ]]; then
  "${pin[@]}" "$simpy_python" bench/mmc_simpy.py --customers "${SIMPY_CUSTOMERS:-200000}" \
    --out "$out_dir/simpy.json"
else
  echo "simpy not installed (Debian package python3-simpy3); no SimPy reference figure"
fi

# Summary from the JSON files (needs only Python's standard library).
summary_python=
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null; then
    summary_python=$py
    break
  fi
done
if [[ -z $summary_python ]]; then
  echo "results in $out_dir (no python3 for the summary)"
  exit 0
fi
"$summary_python" - "$out_dir" <<'PY' | tee "$out_dir/summary.txt"
import glob, json, os, sys

out = sys.argv[1]
rows = {}
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    for b in data.get("benchmarks", []):
        if b.get("run_type", "iteration") == "iteration":
            rows[b["name"]] = b

def rate(name):
    b = rows.get(name)
    return b["items_per_second"] if b and "items_per_second" in b else None

def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "n/a"

def mega(x):
    return f"{x / 1e6:.2f} M/s" if x else "n/a"

print()
print("== summary (engine, M/M/10 and SimPy rates per CPU second; scenario per wall second)")
for n in (1000, 100000):
    q, s, h = (rate(f"BM_Hold{k}/{n}") for k in ("EventQueue", "Simulator", "BareHeap"))
    print(f"hold N={n:>6}: EventQueue {mega(q)}, Simulator {mega(s)}, bare heap {mega(h)}; "
          f"engine/bare {ratio(q, h)} (queue), {ratio(s, h)} (simulator)")
e, h = rate("BM_MmcEngine"), rate("BM_MmcBareHeap")
wait = rows.get("BM_MmcEngine", {}).get("wait_ratio")
print(f"M/M/10 rho=0.9: engine {mega(e)} (target >= 5 M/s), bare heap {mega(h)}, "
      f"engine/bare {ratio(e, h)}; mean wait / Erlang C = {wait:.3f}" if wait else "M/M/10: n/a")
simpy = os.path.join(out, "simpy.json")
if os.path.exists(simpy):
    with open(simpy, encoding="utf-8") as f:
        s = json.load(f)
    print(f"SimPy {s['simpy_version']}: {s['customers_per_cpu_second'] / 1e3:.1f} k customers/s; "
          f"engine/SimPy {ratio(e, s['customers_per_cpu_second'])}")
r = next((b for k, b in rows.items() if k.startswith("BM_Replication")), None)
if r:
    print(f"replication ({int(r['days'])} days): {r['real_time'] / 1e3:.3f} s wall, "
          f"{r['cpu_time'] / 1e3:.3f} s CPU (target < 1 s); "
          f"{r['items_per_second'] / 1e3:.0f} k crossers/s; "
          f"{r['events_per_second'] / 1e6:.2f} M events/s; peak RSS {r['peak_rss_MiB']:.1f} MiB "
          f"(target < 200 MB)")
for k, b in sorted(((k, b) for k, b in rows.items() if k.startswith("BM_Horizon/")),
                   key=lambda kb: kb[1]["days"]):
    print(f"horizon {int(b['days']):>3} days: live units end {int(b['live_units_end'])}, "
          f"max {int(b['live_units_max'])}; RSS end {b['rss_end_MiB']:.1f} MiB, "
          f"peak {b['peak_rss_MiB']:.1f} MiB; {b['real_time'] / 1e3:.2f} s wall")
print(f"JSON in {out}")
PY
