#!/usr/bin/env python3
"""Issue 17's load goal, as a user would check it: `perfnb load` closed loop beside `wrk -t1` and `wrk -t2` (wrk's
default threads), 32 connections each, against a sample server's /health, runs alternating, medians.

CPU is each generator process's user+system time (getrusage of the child) per request it completed.
Usage: python3 scripts/bench-load-health.py [ROUNDS] [SECONDS] [CONNECTIONS] [-- extra perfnb load arguments]
"""
import json, os, re, resource, socket, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
extra = args[args.index("--") + 1:] if "--" in args else []
args = args[:args.index("--")] if "--" in args else args
rounds = int(args[0]) if len(args) > 0 else 5
seconds = int(args[1]) if len(args) > 1 else 5
conns = int(args[2]) if len(args) > 2 else 32
perfnb_dll = os.path.join(root, ".artifacts/perfnb/perfnb.dll")


def measured(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def wrk(url, threads):
    out, cpu = measured(["wrk", f"-t{threads}", f"-c{conns}", f"-d{seconds}s", url])
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    duration = float(re.search(r"requests in ([\d.]+)s", out).group(1))
    return dict(rps=requests / duration, cpu_us=cpu / requests * 1e6)


def perfnb(url):
    out, cpu = measured(["dotnet", perfnb_dll, "load", url, "-c", str(conns), "-d", f"{seconds}s", "--format", "json", *extra])
    r = json.loads(out)
    return dict(rps=r["rps"], cpu_us=cpu / max(1, r["requests"]) * 1e6)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    subprocess.run([os.path.join(root, "perfnb"), "--version"], check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    env = dict(os.environ, PERFNB_REPO_ROOT=root)
    server = subprocess.Popen(["dotnet", perfnb_dll, "serve", "cpu-hotspot", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/health"
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        subprocess.run(["wrk", "-t1", "-c4", "-d3s", url], capture_output=True)  # the server's JIT, charged to no one
        load = open("/proc/loadavg").read().split()[:3]
        print(f"rounds={rounds} seconds={seconds} connections={conns} extra={extra}; nproc={os.cpu_count()}; load average {' '.join(load)}")
        print("\n| round | generator | req/s | CPU µs per request |\n| --- | --- | --- | --- |")
        results = {"wrk -t1": [], "wrk -t2": [], "perfnb": []}
        runs = [("wrk -t1", lambda: wrk(url, 1)), ("wrk -t2", lambda: wrk(url, 2)), ("perfnb", lambda: perfnb(url))]
        for i in range(rounds):
            order = runs if i % 2 == 0 else runs[::-1]
            for name, run in order:
                r = run()
                results[name].append(r)
                print(f"| {i + 1} | {name} | {r['rps']:,.0f} | {r['cpu_us']:.1f} |", flush=True)
        ours = results["perfnb"]
        for peer in ["wrk -t1", "wrk -t2"]:
            theirs = results[peer]
            rps = statistics.median(o["rps"] / t["rps"] for o, t in zip(ours, theirs))
            cpu = statistics.median(o["cpu_us"] / t["cpu_us"] for o, t in zip(ours, theirs))
            print(f"\nperfnb / {peer}, median of per-round ratios: requests/s {rps:.2f}x, CPU per request {cpu:.2f}x")
        load = open("/proc/loadavg").read().split()[:3]
        print(f"load average at the end: {' '.join(load)}")
    finally:
        server.terminate()
        server.wait()


main()
