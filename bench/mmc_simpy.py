#!/usr/bin/env python3
"""Reference figure for bench_mmc: the same M/M/10 queue at rho = 0.9 in SimPy 3.

Debian package python3-simpy3. Prints customers per second (wall clock and CPU time, best of
--repeats) and the simulated mean wait next to the Erlang C value, and optionally writes them
as JSON. Continuous time and Python's own random numbers: the figure compares speed, not
sample paths.

Usage: mmc_simpy.py [--customers N] [--repeats R] [--out results.json]
"""
import argparse
import json
import math
import random
import sys
import time

import simpy

SERVERS = 10
RHO = 0.9
SERVICE_MEAN = 600.0  # minutes, as bench_mmc
ARRIVAL_RATE = RHO * SERVERS / SERVICE_MEAN


def erlang_c_mean_wait(servers, arrival_rate, service_mean):
    """W_q of M/M/c by the Erlang B recursion (as engine::mmc_mean_wait)."""
    a = arrival_rate * service_mean
    b = 1.0
    for k in range(1, servers + 1):
        b = a * b / (k + a * b)
    c = servers * b / (servers - a * (1.0 - b))
    return c / (servers / service_mean - arrival_rate)


def run(customers, seed):
    rng = random.Random(seed)
    env = simpy.Environment()
    pool = simpy.Resource(env, capacity=SERVERS)
    waits = [0.0, 0]  # total wait, customers started

    def customer(env):
        arrived = env.now
        with pool.request() as req:
            yield req
            waits[0] += env.now - arrived
            waits[1] += 1
            yield env.timeout(rng.expovariate(1.0 / SERVICE_MEAN))

    def source(env):
        for _ in range(customers):
            env.process(customer(env))
            yield env.timeout(rng.expovariate(ARRIVAL_RATE))

    env.process(source(env))
    env.run()
    return waits[0] / waits[1], waits[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--out", help="write the result as JSON here")
    args = parser.parse_args()

    best = best_cpu = math.inf
    mean_wait = 0.0
    for r in range(args.repeats):
        start, start_cpu = time.perf_counter(), time.process_time()
        mean_wait, _ = run(args.customers, seed=11 + r)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    theory = erlang_c_mean_wait(SERVERS, ARRIVAL_RATE, SERVICE_MEAN)
    result = {
        "name": "simpy_mmc",
        "simpy_version": getattr(simpy, "__version__", "unknown"),
        "python_version": sys.version.split()[0],
        "customers": args.customers,
        "seconds": best,
        "customers_per_second": args.customers / best,
        "cpu_seconds": best_cpu,
        "customers_per_cpu_second": args.customers / best_cpu,
        "mean_wait_min": mean_wait,
        "erlang_c_wait_min": theory,
        "wait_ratio": mean_wait / theory,
    }
    print(f"SimPy {result['simpy_version']} M/M/10 rho=0.9: {args.customers} customers in "
          f"{best:.2f} s wall = {result['customers_per_second'] / 1e3:.1f} k customers/s "
          f"({result['customers_per_cpu_second'] / 1e3:.1f} k per CPU second); "
          f"mean wait {mean_wait:.1f} min (Erlang C {theory:.1f}, ratio {mean_wait / theory:.3f})")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
