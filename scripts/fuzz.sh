#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset `fuzz`, clang-16) and runs each for a bounded
# time. `make fuzz` runs this; CI runs it with a short FUZZ_SECONDS. See docs/reliability.md.
#
#   FUZZ_SECONDS   seconds per target (default 60)
#   FUZZ_TARGETS   space-separated targets to run (default: every fuzz/corpus/<target>)
#   FUZZ_MAX_LEN   largest input libFuzzer makes, in bytes (default 8192; longer seeds are cut)
#   BORDERFLOW_DATA  folder of the real data files added as seeds (default ../shared/data)
#
# Each target starts from its committed seeds (fuzz/corpus/<target>) plus, where they exist,
# the real files in BORDERFLOW_DATA (not committed), copied into build/fuzz/corpus/<target>,
# which keeps what libFuzzer finds between runs. Crashes, leaks and hangs (over 10 s on one
# input) are saved as build/fuzz/artifacts/<target>/crash-*, leak-*, timeout-*: copy each to
# fuzz/regressions/<target>/ (then ctest replays it) before fixing it. Exits non-zero if any
# target found something. The executions of each target are printed as a table at the end.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
max_len=${FUZZ_MAX_LEN:-8192}
data=${BORDERFLOW_DATA:-../shared/data}
build=build/fuzz
jobs=${JOBS:-$(nproc)}

targets=${FUZZ_TARGETS:-$(ls fuzz/corpus)}
cmake --preset fuzz >/dev/null || exit 1
# shellcheck disable=SC2086  # one target per word
cmake --build --preset fuzz -j "$jobs" --target $targets || exit 1

# Real files that are valid inputs of a target (by target name; none for the rest).
real_seeds() {
  case $1 in
    fuzz_csv_reader) ls "$data"/cbp_encounters/*.csv "$data"/bts_border_crossings/*.csv \
                        "$data"/usbp_historical/*.csv "$data"/ice_detention/*.csv ;;
    fuzz_cbp_encounters) ls "$data"/cbp_encounters/sbo-encounters-*.csv ;;
    fuzz_ohss_sectors) ls "$data"/cbp_encounters/ohss_khsm_usbp_monthly_region_sector.csv ;;
    fuzz_ohss_regions) ls "$data"/cbp_encounters/ohss_khsm_usbp_monthly_region_{citizenship,family_status}.csv ;;
    fuzz_bts_crossings) ls "$data"/bts_border_crossings/Border_Crossing_Entry_Data*.csv ;;
    fuzz_texas_crossings) ls "$data"/bts_border_crossings/tx_mx_monthly_crossings_*.csv ;;
    fuzz_ice_detention) ls "$data"/ice_detention/ice_detention_monthly_*.csv ;;
    fuzz_ice_monthly) ls "$data"/ice_detention/ice_detention_{adp_monthly_by_agency,bookins_monthly_by_arresting_agency}_*.csv ;;
    fuzz_ohss_bookouts) ls "$data"/ohss_enforcement_tables/ohss_cbp_swb_bookouts_by_agency_monthly_*.csv ;;
    fuzz_ohss_monthly_tables) ls "$data"/ohss_enforcement_tables/ohss_ielp_monthly_tables_*_long.csv ;;
    fuzz_arrival_table) ls data/arrivals/*.csv ;;
  esac 2>/dev/null
}

failed=()
summary=()
for target in $targets; do
  bin=$build/fuzz/$target
  [[ -x $bin ]] || { echo "fuzz: no target $bin" >&2; failed+=("$target"); continue; }
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  cp fuzz/corpus/"$target"/* "$corpus"/
  for f in $(real_seeds "$target"); do cp "$f" "$corpus"/; done
  [[ -d fuzz/regressions/$target ]] && cp fuzz/regressions/"$target"/* "$corpus"/ 2>/dev/null
  # libFuzzer takes one dictionary: the shared extreme numbers, then the target's own tokens.
  dict_file=$build/$target.dict
  cat fuzz/extreme_numbers.dict > "$dict_file"
  [[ -f fuzz/$target.dict ]] && cat fuzz/"$target".dict >> "$dict_file"
  dict=(-dict="$dict_file")
  log=$build/$target.log
  echo "fuzz: $target for ${seconds}s"
  "$bin" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  summary+=("$(printf '%-28s %10s execs  %-10s %s' "$target" "${execs:-?}" "${cov:-}" \
    "$([[ $rc == 0 ]] && echo ok || echo "FOUND (exit $rc, see $log)")")")
  [[ $rc == 0 ]] || failed+=("$target")
done

echo
echo "fuzz: ${seconds}s per target"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]} > 0)); then
  echo "fuzz: findings or errors in: ${failed[*]} (artifacts in $build/artifacts/)" >&2
  exit 1
fi
