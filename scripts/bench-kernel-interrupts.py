"""Interrupt latency: our C# kernel beside ipykernel, same jupyter_client, same run, kernels alternated.

For each case: run the cell, interrupt it 1.5 s in (interrupt_request for perfnb, whose kernelspec says
interrupt_mode "message"; SIGINT for ipykernel, whose kernelspec uses the default signal mode), and time
interrupt -> execute_reply. After all cases, wait 5 s and check the kernel is alive with its variable.
Usage: python3 bench-kernel-interrupts.py [rounds]   (JUPYTER_PATH must hold the perfnb kernelspec)
"""
import os
import statistics
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

_data = tempfile.TemporaryDirectory(prefix="perfnb-bench-")
os.environ["JUPYTER_DATA_DIR"] = _data.name

CASES = {
    "perfnb": {
        "setup": "var kept = 41;",
        "check": "kept + 1",
        "loop": "while (true) { }",
        "sleep": "Thread.Sleep(60000);",
        "await": "await Task.Delay(60000);",
        "wait": "new ManualResetEventSlim().Wait();",
    },
    "python3": {
        "setup": "kept = 41",
        "check": "kept + 1",
        "loop": "while True: pass",
        "sleep": "import time; time.sleep(60)",
        "await": "import asyncio; await asyncio.sleep(60)",
        "wait": "import threading; threading.Event().wait()",
    },
}


def reply_to(kc, msg_id, timeout=120):
    while True:
        reply = kc.get_shell_msg(timeout=timeout)
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]


def one_round(kernel):
    km, kc = start_new_kernel(kernel_name=kernel, startup_timeout=120)
    try:
        code = CASES[kernel]
        reply_to(kc, kc.execute(code["setup"]))
        times = {}
        for case in ("loop", "sleep", "await", "wait"):
            msg_id = kc.execute(code[case])
            time.sleep(1.5)
            t0 = time.perf_counter()
            km.interrupt_kernel()
            status = reply_to(kc, msg_id)["status"]
            times[case] = (time.perf_counter() - t0) * 1000 if status != "ok" else float("nan")
        time.sleep(5)
        msg_id = kc.execute(code["check"])
        alive = km.is_alive() and reply_to(kc, msg_id)["status"] == "ok"
        return times, alive
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = {k: [] for k in CASES}
    alive = {k: True for k in CASES}
    for _ in range(rounds):
        for kernel in CASES:
            times, ok = one_round(kernel)
            results[kernel].append(times)
            alive[kernel] &= ok
    print(f"median of {rounds} rounds, interrupt -> execute_reply (ms)")
    print("| kernel | while (true) | Thread.Sleep / time.sleep | await delay | blocking wait | alive 5 s later with state |")
    print("|---|---:|---:|---:|---:|---|")
    for kernel, runs in results.items():
        cells = [f"{statistics.median(r[c] for r in runs):.0f}" for c in ("loop", "sleep", "await", "wait")]
        print(f"| {kernel} | " + " | ".join(cells) + f" | {'yes' if alive[kernel] else 'NO'} |")


if __name__ == "__main__":
    main()
