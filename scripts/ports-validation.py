#!/usr/bin/env python3
"""Monthly simulated vs published crossings at the Texas bridges, as a Markdown table.

Compares the `*_processed` columns of a run's port_days.csv with CBP's Texas bridge counts
(tx_mx_monthly_crossings_2008_2025.csv), using data/ports/crossing-sources.csv to match the
modelled crossings with the file's bridges. docs/validation.md ("Ports") shows its output for

    borderflow run scenarios/validation/ports-2023-11-to-2024-01.yaml --out out/ports-validation
    scripts/ports-validation.py out/ports-validation \
        ../shared/data/bts_border_crossings/tx_mx_monthly_crossings_2008_2025.csv
"""
import csv
import collections
import sys

MODES = {"Buses": "bus", "Commercial Trucks": "truck", "Passenger Vehicles": "passenger_vehicle",
         "Pedestrians/ Bicyclists": "pedestrian", "Railcars": "rail"}


def main(out_dir, texas_csv, sources_csv="data/ports/crossing-sources.csv"):
    simulated = collections.defaultdict(float)
    months = set()
    with open(f"{out_dir}/port_days.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            month = row["date"][:7]
            months.add(month)
            for mode in MODES.values():
                simulated[(row["crossing"], month, mode)] += float(row[f"{mode}_processed"])
    observed = collections.defaultdict(float)
    with open(texas_csv, encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            month = f"{int(row['Year'])}-{int(row['Month']):02d}"
            observed[(row["Crossing"], month, MODES[row["Modes"]])] += float(
                row["Northbound Crossing"] or 0)
    with open(sources_csv, encoding="utf-8") as f:
        sources = [r for r in csv.DictReader(line for line in f if not line.startswith("#"))
                   if r["source"] == "texas"]
    months = sorted(months)
    print("| crossing | mode | " + " | ".join(f"{m} sim / obs (error)" for m in months) + " |")
    print("|---|---|" + "---|" * len(months))
    for s in sources:
        cells = []
        for m in months:
            sim = simulated[(s["crossing"], m, s["mode"])]
            obs = observed[(s["source_port"], m, s["mode"])]
            error = f"{100 * (sim - obs) / obs:+.0f}%" if obs > 0 else "n/a"
            cells.append(f"{sim:,.0f} / {obs:,.0f} ({error})")
        print(f"| {s['crossing']} | {s['mode']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(*sys.argv[1:])
