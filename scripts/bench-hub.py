#!/usr/bin/python3
"""Summarises hub_class.py reports (scripts/bench-hub.sh): a table per class size and the node arithmetic."""
import json
import math
import statistics
import sys

GIB = 1024 ** 3
NODES = [("2 cores / 8 GiB", 2, 8), ("16 cores / 64 GiB", 16, 64)]
SYSTEM_GIB = 1.0  # the OS, the hub and its proxy (the hub process measured well under 0.2 GiB)


def learner_rows(report):
    for name in report["learners"]:
        r, u = report["results"][name], report["usage"][name]
        if r.get("failure") or r.get("cell_errors"):
            raise SystemExit(f"{name} did not finish: {r.get('failure') or r.get('cell_errors')}")
        yield {
            "pss": u["peak_pss_bytes"] / GIB,
            "kernel": u["peak_pss_by_kind"].get("kernel", 0) / GIB,
            "server": u["peak_pss_by_kind"].get("sample_server", 0) / GIB,
            "jupyter": u["peak_pss_by_kind"].get("jupyter", 0) / GIB,
            "cpu": u["cpu_s"],
            "run": r["run_s"],
            "first": r["first_result_s"],
            "checks": sum(r["checkpoints"].values()),
            "of": len(r["checkpoints"]),
        }


def main(paths):
    reports = [json.load(open(p)) for p in paths]
    print("| learners at once | wall, s | first result after login, s (median / max) | peak PSS per learner, GiB (max: kernel + server + Jupyter) | CPU per learner, core-s (median) | mean cores per learner while running | hub API slowest answer, s | checkpoints passed |")
    print("|---|---|---|---|---|---|---|---|")
    worst = 0.0
    for rep in reports:
        rows = list(learner_rows(rep))
        top = max(rows, key=lambda r: r["pss"])
        cores = statistics.median(r["cpu"] / r["run"] for r in rows)
        print(f"| {len(rows)} | {rep['class_wall_s']:.0f} | {statistics.median(r['first'] for r in rows):.1f} / {max(r['first'] for r in rows):.1f} "
              f"| {top['pss']:.2f} ({top['kernel']:.2f} + {top['server']:.2f} + {top['jupyter']:.2f}) "
              f"| {statistics.median(r['cpu'] for r in rows):.1f} | {cores:.2f} | {rep['hub_api']['max_s']:.2f} "
              f"| {sum(r['checks'] for r in rows)}/{sum(r['of'] for r in rows)} |")
        worst = max([worst] + [r["pss"] for r in rows])
    alone = list(learner_rows(reports[0]))[0]
    # CPU per learner: the work of workbook 00 (core-seconds) over the time it takes alone: the cores one
    # learner keeps busy when nobody else competes. Memory: the largest peak PSS seen in the busiest class.
    mem_per = worst
    cores_per = alone["cpu"] / alone["run"]
    print()
    print(f"Per learner: memory {mem_per:.2f} GiB (largest peak PSS), CPU {cores_per:.2f} cores "
          f"({alone['cpu']:.1f} core-s over {alone['run']:.0f} s alone).")
    for label, cores, gib in NODES:
        by_mem = math.floor((gib - SYSTEM_GIB) / mem_per)
        by_cpu = math.floor(cores / cores_per)
        print(f"- {label}: memory ({gib} − {SYSTEM_GIB:.0f}) / {mem_per:.2f} = {by_mem}; "
              f"CPU {cores} / {cores_per:.2f} = {by_cpu} running workbook 00 at the same moment → {min(by_mem, by_cpu)} learners")


if __name__ == "__main__":
    main(sys.argv[1:])
