#!/usr/bin/env python3
"""Print the `ports.crossings` lanes of scenarios/december-2023.yaml from a traffic table.

The published series give traffic, not lanes or staffing, so lanes follow one stated rule
(docs/parameters.md, "Ports of entry"): each mode of a crossing gets the fewest lanes that
serve its busiest month's demand on the busiest day of the week (month mean x the largest
factor of the mode's weekly pattern: 1.15 for trucks, 1 for the rest) at no more than 80% of
capacity, with these
primary-inspection rates per lane and hour (assumptions, plausible ranges in
docs/parameters.md): pedestrian 60, passenger vehicle 30, truck 10, bus 2, railcars 60.
Trucks are processed 08:00-24:00, everything else around the clock. The officers on duty for
traffic are those that staff every lane (1 a lane for people and cars, 2 for trucks and
buses, 4 for a rail track).

    scripts/size-port-lanes.py data/ports/traffic-2023-11-to-2024-03.csv
"""
import csv
import math
import sys

RATE = {"pedestrian": 60, "passenger_vehicle": 30, "truck": 10, "bus": 2, "rail": 60}
HOURS = {"truck": (8, 24)}
OFFICERS = {"pedestrian": 1, "passenger_vehicle": 1, "truck": 2, "bus": 2, "rail": 4}
UTILISATION = 0.8
# The largest weekly_pattern factor of scenarios/december-2023.yaml, by mode.
WEEKDAY_PEAK = {"truck": 1.15}


def main(path):
    peak = {}
    with open(path, encoding="utf-8") as f:
        lines = (line for line in f if not line.startswith("#"))
        for row in csv.DictReader(lines):
            key = (row["crossing"], row["mode"])
            peak[key] = max(peak.get(key, 0.0), float(row["units_per_day"]))
    crossings = {}
    for (crossing, mode), demand in peak.items():
        crossings.setdefault(crossing, {})[mode] = demand
    for crossing, modes in crossings.items():
        officers = 0
        print(f"    {crossing}:")
        print("      lanes:")
        for mode in RATE:
            if mode not in modes:
                continue
            open_hour, close_hour = HOURS.get(mode, (0, 24))
            per_day = RATE[mode] * (close_hour - open_hour) * UTILISATION
            lanes = max(1, math.ceil(modes[mode] * WEEKDAY_PEAK.get(mode, 1.0) / per_day))
            officers += lanes * OFFICERS[mode]
            hours = f", open_hour: {open_hour}, close_hour: {close_hour}" if mode in HOURS else ""
            print(f"        {mode}: {{lanes: {lanes}, per_lane_hour: {RATE[mode]}{hours}}}")
        print(f"      traffic_officers: {officers}")


if __name__ == "__main__":
    main(sys.argv[1])
