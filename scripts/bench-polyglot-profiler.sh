#!/usr/bin/env bash
# Profiler backends (issue 16), for docs/benchmarks.md "Profiler backends (issue 16)":
#  1. overhead: each prime-counting target (tests/ProfilingTargets: Go, Node, C; the .NET ProfilingTarget) with no
#     session, with each of our backends, and with the runtime's own tool, alternating within each round;
#     measures the target's ops/s (countPrimes calls per second, printed by the target) and CPU time per op (/proc);
#  2. profile-to-report: our analysis_s beside `go tool pprof -top` on the same profile.
# Usage: ROUNDS=3 WINDOW=5 scripts/bench-polyglot-profiler.sh   (DOTNET_TRACE_DIR=<dir> adds dotnet-trace)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
work="$(mktemp -d)"
pid=0
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
window="${WINDOW:-5}"
rounds="${ROUNDS:-3}"
targets="$root/tests/ProfilingTargets"

./perfnb --help >/dev/null
GO111MODULE=off GOCACHE="$work/gocache" GOPATH="$work/gopath" go build -o "$work/primes-go" "$targets/go/primes.go"
gcc -O0 -g -fno-omit-frame-pointer -o "$work/primes-c" "$targets/native/primes.c"
dotnet build tests/PerfNotebooks.ProfilingTarget -c Release -nologo -v q >/dev/null

lines() { wc -l < "$work/target.out"; }
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ops_between() { sed -n "$(( $1 + 1 )),$2p" "$work/target.out" | awk '/^rate/{s+=$2;n++} END{printf "%s %s", s+0, n+0}'; }

# Runs one condition for the window; prints "ops/s cpu_ms_per_op analysis_s".
measure() {
  local how="$1" a t b ops n cpu analysis=""
  a=$(lines); t=$(ticks)
  case "$how" in
    none) sleep "$window" ;;
    go-tool-pprof) (cd "$work" && go tool pprof -proto -seconds "$window" "$pprof_url" > "$work/peer.pb.gz" 2>/dev/null) ;;
    dotnet-trace) "$DOTNET_TRACE_DIR/dotnet-trace" collect -p "$pid" --duration "00:00:00:$(printf %02d "$window")" -o "$work/dt.nettrace" >/dev/null 2>&1 ;;
    *) ./perfnb profile --pid "$pid" --backend "$how" --duration "${window}s" --format json --export pprof --output "$work/ours.pb.gz" > "$work/ours.json"
       analysis=$(python3 -c "import json;print(json.load(open('$work/ours.json'))['analysis_s'])") ;;
  esac
  b=$(lines)
  read -r ops n <<< "$(ops_between "$a" "$b")"
  cpu=$(python3 -c "print(f'{($(ticks) - $t) * 10 / max(1, $ops):.3f}')")
  echo "$(python3 -c "print(f'{$ops / max(1, $n):.1f}')") $cpu ${analysis:-0}"
}

start() {
  "$@" > "$work/target.out" 2>/dev/null &
  pid=$!
  until grep -q ready "$work/target.out" 2>/dev/null; do sleep 0.2; done
  sleep 2
}

bench() {
  local name="$1"; shift
  local conditions=("$@")
  : > "$work/$name.rows"
  for round in $(seq "$rounds"); do
    local row=""
    for c in "${conditions[@]}"; do row="$row $(measure "$c")"; done
    echo "$name round $round:$row" >&2
    echo "$row" >> "$work/$name.rows"
  done
  python3 - "$name" "$work/$name.rows" "${conditions[@]}" <<'PY'
import statistics, sys
name, path, conditions = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [list(map(float, l.split())) for l in open(path) if l.strip()]
med = lambda i: statistics.median(r[i] for r in rows)
base_ops, base_cpu = med(0), med(1)
for k, c in enumerate(conditions):
    ops, cpu, ana = med(3 * k), med(3 * k + 1), med(3 * k + 2)
    cost = "" if k == 0 else f" ({100 * (base_ops - ops) / base_ops:+.1f}% ops/s cost, {100 * (cpu - base_cpu) / base_cpu:+.1f}% CPU/op)"
    analysis = f", analysis {ana:.2f} s" if ana else ""
    print(f"| {name} | {c} | {ops:.1f} | {cpu:.2f} ms{cost}{analysis} |")
PY
}

echo "| target | condition | ops/s (median) | CPU per op (median) |"
echo "| --- | --- | --- | --- |"
start "$work/primes-go"
pprof_url="$(grep -o 'http://[^ ]*' "$work/target.out" | head -1)profile"
bench go none pprof perf go-tool-pprof
# Profile-to-report on the same pprof file: ours (import) beside go tool pprof -top.
s=$(date +%s.%N); (cd "$work" && go tool pprof -top "$work/peer.pb.gz" >/dev/null 2>&1); e=$(date +%s.%N)
ours_import=$(./perfnb profile --import "$work/peer.pb.gz" --format json | python3 -c "import json,sys;print(json.load(sys.stdin)['analysis_s'])")
echo "go profile-to-report on one pprof: perfnb --import analysis ${ours_import}s; go tool pprof -top $(python3 -c "print(f'{$e - $s:.2f}')")s (whole tool run)"
kill "$pid"; wait "$pid" 2>/dev/null || true

# --perf-basic-prof: V8 writes /tmp/perf-PID.map, without which the perf backend refuses Node (it could name no JS).
start env -C "$work" node --perf-basic-prof "$targets/node/primes.js"   # in $work: the flag also writes an isolate-*.log to the cwd
bench node none inspector perf
kill "$pid"; wait "$pid" 2>/dev/null || true
# node --cpu-prof is a start-up flag: the same target started with it, beside a plain start, alternating.
: > "$work/cpuprof.rows"
for round in $(seq "$rounds"); do
  for flag in "" "--cpu-prof"; do
    s=$(date +%s.%N)
    out=$(cd "$work" && PRIMES_SECONDS="$window" node $flag "$targets/node/primes.js" | awk '/^rate/{s+=$2;n++} END{printf "%.1f", s/n}')
    echo "node ${flag:-plain}: $out ops/s" >&2
    echo -n "$out " >> "$work/cpuprof.rows"
  done
  echo >> "$work/cpuprof.rows"
done
python3 - "$work/cpuprof.rows" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
plain, prof = statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows)
print(f"| node (separate runs) | plain start / node --cpu-prof | {plain:.1f} / {prof:.1f} | ({100 * (plain - prof) / plain:+.1f}% ops/s cost) |")
PY
cpuprofile=$(ls "$work"/*.cpuprofile | head -1)
echo "node profile-to-report: perfnb --import of a --cpu-prof file: $(./perfnb profile --import "$cpuprofile" --format json | python3 -c "import json,sys;print(json.load(sys.stdin)['analysis_s'])")s"

start "$work/primes-c"
bench c none perf
kill "$pid"; wait "$pid" 2>/dev/null || true

start dotnet tests/PerfNotebooks.ProfilingTarget/bin/Release/net10.0/PerfNotebooks.ProfilingTarget.dll cpu 3600
if [[ -n "${DOTNET_TRACE_DIR:-}" ]]; then bench dotnet none eventpipe perf dotnet-trace; else bench dotnet none eventpipe perf; fi
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %H:%M UTC')"
