#!/usr/bin/env bash
# Ensemble benchmarks (issue 6): wall time of `borderflow run --replications N` for
# scenarios/december-2023.yaml with 1 and 2 threads and with 2 MPI ranks x 1 thread, the
# speed-up and replications per second, and peak memory (max RSS, GNU time) as the number of
# replications grows. Checks that every layout gives byte-identical results. Figures go to
# docs/performance.md; timings on a shared machine are noisy, so the load average is printed.
#
# Environment (all optional):
#   BENCH_BUILD_DIR  build tree holding src/apps/borderflow (default build/release)
#   BENCH_REPS       replications for the timing runs (default 16)
#   BENCH_MEM_REPS   replication counts for the memory runs (default "10 100 1000")
#   BENCH_MEM_DAYS   horizon of the memory runs, days (default 21; 122 = the full scenario)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_BUILD_DIR:-build/release}/src/apps/borderflow
reps=${BENCH_REPS:-16}
scenario=scenarios/december-2023.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

wall() {  # wall seconds of a command
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
t1=$(wall "$bin" run $scenario -n "$reps" -j 1 -q --out "$work/t1")
t2=$(wall "$bin" run $scenario -n "$reps" -j 2 -q --out "$work/t2")
printf 'december-2023, %d replications: 1 thread %.2f s (%.2f rep/s), 2 threads %.2f s (%.2f rep/s), speed-up %.2f\n' \
  "$reps" "$t1" "$(echo "$reps / $t1" | bc -l)" "$t2" "$(echo "$reps / $t2" | bc -l)" \
  "$(echo "$t1 / $t2" | bc -l)"
if command -v mpirun >/dev/null; then
  r2=$(wall mpirun --oversubscribe --allow-run-as-root -np 2 "$bin" run $scenario -n "$reps" -j 1 -q \
    --out "$work/r2")
  printf '2 ranks x 1 thread: %.2f s (%.2f rep/s), %.1f%% of the 2-thread time\n' "$r2" \
    "$(echo "$reps / $r2" | bc -l)" "$(echo "100 * $r2 / $t2" | bc -l)"
  cmp -s "$work/t1/results.sqlite" "$work/r2/results.sqlite" && echo "2 ranks: identical results"
fi
for f in ensemble_days.csv replications.csv results.sqlite summary.json; do
  cmp "$work/t1/$f" "$work/t2/$f"
done
echo "1 and 2 threads: identical results"

for n in ${BENCH_MEM_REPS:-10 100 1000}; do
  rm -rf "$work/m"
  /usr/bin/time -f "%M %e" -o "$work/time" "$bin" run $scenario --days "${BENCH_MEM_DAYS:-21}" \
    -n "$n" -j 2 -q --out "$work/m" >/dev/null
  read -r kb secs <"$work/time"
  printf 'memory: %5d replications x %s days, 2 threads: peak RSS %d MiB (%.1f s)\n' "$n" \
    "${BENCH_MEM_DAYS:-21}" $((kb / 1024)) "$secs"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
