#!/usr/bin/python3
"""Measures the perfnb C# kernel beside Debian's ipykernel, in one run, through the same jupyter_client.

Usage: scripts/bench-kernel.sh  (installs the kernelspec into a temp prefix and calls this)
Prints a Markdown table: kernel start to first result, warm trivial-cell round trip (median of 50),
a 20-cell notebook end to end with nbclient, and kernel RSS after 500 cells.
"""
import os
import platform
import statistics
import sys
import time

import nbformat
from jupyter_client.manager import start_new_kernel
from nbclient import NotebookClient

KERNELS = {
    "perfnb": {"trivial": "1 + 1", "cell": "var v{i} = {i} * 2;"},
    "python3": {"trivial": "1 + 1", "cell": "v{i} = {i} * 2"},
}


def run_cell(kc, code):
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" \
                and msg["content"]["execution_state"] == "idle":
            return


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(name, spec):
    t0 = time.perf_counter()
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=120)
    run_cell(kc, spec["trivial"])
    first = time.perf_counter() - t0
    for _ in range(5):
        run_cell(kc, spec["trivial"])
    warm = []
    for _ in range(50):
        t = time.perf_counter()
        run_cell(kc, spec["trivial"])
        warm.append(time.perf_counter() - t)
    for i in range(500):
        run_cell(kc, spec["cell"].format(i=i))
    pid = km.provisioner.process.pid
    rss = rss_mib(pid)
    kc.stop_channels()
    km.shutdown_kernel(now=False)

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(spec["cell"].format(i=i)) for i in range(20)]
    t = time.perf_counter()
    NotebookClient(nb, kernel_name=name, timeout=300, startup_timeout=120).execute()
    notebook = time.perf_counter() - t
    return first, statistics.median(warm) * 1000, notebook, rss


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = {name: [] for name in KERNELS}
    for _ in range(rounds):  # alternate kernels so machine noise hits both
        for name, spec in KERNELS.items():
            results[name].append(measure(name, spec))
    print(f"Machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}; "
          f"median of {rounds} alternating rounds\n")
    print("| kernel | start to first result (s) | warm trivial cell (ms) | 20-cell notebook via nbclient (s) | RSS after 500 cells (MiB) |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        cols = [statistics.median(r[i] for r in rows) for i in range(4)]
        print(f"| {name} | {cols[0]:.2f} | {cols[1]:.1f} | {cols[2]:.2f} | {cols[3]:.0f} |")


if __name__ == "__main__":
    main()
