#!/usr/bin/env python3
"""Reproduces docs/benchmarks.md "## Load": perfnb load vs wrk (and perfnb bench vs hyperfine) in one run.

Starts bench/PerfNotebooks.LoadTarget on 127.0.0.1, then for each endpoint runs wrk and perfnb with the
same connections and duration, alternating which goes first, and measures each generator's CPU seconds
with getrusage on its process. Prints markdown tables. Usage: python3 scripts/bench-load.py [rounds] [seconds]
"""
import json, os, re, resource, socket, subprocess, sys, time, statistics

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
conns = 10
perfnb_dll = os.path.join(root, ".artifacts/perfnb/perfnb.dll")
target_dll = os.path.join(root, ".artifacts/loadtarget/PerfNotebooks.LoadTarget.dll")


def run_measured(cmd, env=None):
    """Runs cmd, returns (stdout, cpu seconds user+sys of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return out, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url):
    out, cpu = run_measured(["wrk", "-t2", f"-c{conns}", f"-d{seconds}s", "--latency", url])
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    dur = float(re.search(r"requests in ([\d.]+)s", out).group(1))
    p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    return dict(rps=requests / dur, cpu100k=cpu / requests * 1e5, p50=p50, p99=p99, requests=requests)


def perfnb(url, *extra):
    out, cpu = run_measured(["dotnet", perfnb_dll, "load", url, "-c", str(conns), "-d", f"{seconds}s", "--format", "json", *extra])
    r = json.loads(out)
    return dict(rps=r["rps"], cpu100k=cpu / max(1, r["requests"]) * 1e5, p50=r["latency_ms"]["p50"], p99=r["latency_ms"]["p99"],
                requests=r["requests"], late=r["late"], dropped=r["dropped"])


def wait_port(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("load target did not start")


def row(name, r):
    return f"| {name} | {r['rps']:,.0f} | {r['cpu100k']:.2f} | {r['p50']:.3f} | {r['p99']:.3f} |"


def main():
    global seconds
    subprocess.run(["dotnet", "build", os.path.join(root, "bench/PerfNotebooks.LoadTarget"), "-c", "Release", "-o",
                    os.path.join(root, ".artifacts/loadtarget"), "-nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([os.path.join(root, "perfnb"), "--version"], check=True, stdout=subprocess.DEVNULL)
    port = 5080
    server = subprocess.Popen(["dotnet", target_dll, str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port)
        base = f"http://127.0.0.1:{port}"
        # Warm the server's JIT so the first generator measured is not charged for it.
        subprocess.run(["wrk", "-t1", "-c4", "-d3s", base + "/"], capture_output=True)
        subprocess.run(["wrk", "-t1", "-c4", "-d2s", base + "/cpu"], capture_output=True)
        print(f"rounds={rounds} seconds={seconds} connections={conns}; nproc={os.cpu_count()} kernel={os.uname().release}")
        for path in ["/", "/cpu"]:
            print(f"\n### {path}\n\n| generator | req/s | CPU s per 100k req | p50 ms | p99 ms |\n|---|---|---|---|---|")
            ours, theirs = [], []
            for i in range(rounds):
                pair = [("wrk", lambda: wrk(base + path)), ("perfnb", lambda: perfnb(base + path))]
                for name, f in (pair if i % 2 == 0 else pair[::-1]):
                    r = f()
                    (theirs if name == "wrk" else ours).append(r)
                    print(row(f"{name} (round {i + 1})", r), flush=True)
            ratio = statistics.median(o["rps"] / t["rps"] for o, t in zip(ours, theirs))
            cpu = statistics.median(o["cpu100k"] / t["cpu100k"] for o, t in zip(ours, theirs))
            print(f"\nmedian perfnb/wrk requests/s = {ratio:.2f}; median perfnb/wrk CPU per request = {cpu:.2f}")

        print("\n### transport: blocking threads vs async sockets vs SocketsHttpHandler (perfnb, /)\n\n| engine | req/s | CPU s per 100k req | p50 ms | p99 ms |\n|---|---|---|---|---|")
        for i in range(rounds):
            engines = ["threads", "async", "httpclient"]
            for engine in (engines if i % 2 == 0 else engines[::-1]):
                print(row(f"{engine} (round {i + 1})", perfnb(base + "/", "--engine", engine)), flush=True)

        print("\n### coordinated omission: /stall (1 s freeze every 5 s), 15 s\n\n| run | req/s | p50 ms | p99 ms | late | dropped |\n|---|---|---|---|---|---|")
        saved, seconds = seconds, 15
        o = perfnb(base + "/stall", "--rate", "1000")
        print(f"| perfnb open loop, --rate 1000 | {o['rps']:,.0f} | {o['p50']:.3f} | {o['p99']:.3f} | {o['late']:,} | {o['dropped']:,} |")
        c = perfnb(base + "/stall")
        print(f"| perfnb closed loop | {c['rps']:,.0f} | {c['p50']:.3f} | {c['p99']:.3f} | - | - |")
        w = wrk(base + "/stall")
        print(f"| wrk (closed loop) | {w['rps']:,.0f} | {w['p50']:.3f} | {w['p99']:.3f} | - | - |")
        seconds = saved
    finally:
        server.terminate()
        server.wait()

    print("\n### perfnb bench vs hyperfine (20 runs, 2 warm-up, interleaved where supported)\n")
    cmds = ["sleep 0.02", "python3 -c pass"]
    for i in range(2):
        order = ["hyperfine", "perfnb"] if i % 2 == 0 else ["perfnb", "hyperfine"]
        for tool in order:
            path = f"/tmp/perfnb-bench-{tool}.json"
            if tool == "hyperfine":
                subprocess.run(["hyperfine", "--runs", "20", "--warmup", "2", "--export-json", path, *cmds], check=True, capture_output=True)
            else:
                subprocess.run(["dotnet", perfnb_dll, "bench", "--runs", "20", "--warmup", "2", "--export-json", path, *cmds], check=True, capture_output=True)
            for r in json.load(open(path))["results"]:
                print(f"| {tool} (round {i + 1}) | `{r['command']}` | {r['mean'] * 1000:.1f} ± {r['stddev'] * 1000:.1f} ms | user {r['user'] * 1000:.1f} ms | sys {r['system'] * 1000:.1f} ms |", flush=True)


main()
