#!/usr/bin/env bash
# Profiler benchmarks for docs/benchmarks.md "## Profiler":
#  1. overhead: the CPU-bound target's ops/s with no session, with a perfnb session, with dotnet-trace's default session;
#  2. analysis time: end of a 10 s session -> finished report, next to `dotnet-trace convert --format speedscope`.
# Needs dotnet-trace (dotnet tool install dotnet-trace --tool-path <dir>; pass the dir as DOTNET_TRACE_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
tools="${DOTNET_TRACE_DIR:-$HOME/.dotnet/tools}"
trace="$tools/dotnet-trace"
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
window="${WINDOW:-10}"

dotnet build tests/PerfNotebooks.ProfilingTarget -c Release -nologo -v q >/dev/null
./perfnb --help >/dev/null
target="tests/PerfNotebooks.ProfilingTarget/bin/Release/net10.0/PerfNotebooks.ProfilingTarget.dll"

# Mean of the target's "rate N" lines printed between two line counts of its output.
rate_between() { sed -n "$(( $1 + 1 )),$2p" "$work/target.out" | awk '/^rate/{s+=$2;n++} END{if(n) printf "%.0f", s/n; else print 0}'; }
lines() { wc -l < "$work/target.out"; }
# The target's CPU time so far (user+sys, clock ticks): CPU per operation is steadier than ops/s on a loaded machine.
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
ops_between() { sed -n "$(( $1 + 1 )),$2p" "$work/target.out" | awk '/^rate/{s+=$2} END{print s+0}'; }
cpu_per_op() { echo "scale=4; ($2 - $1) * 10 / $3" | bc; }  # ms of target CPU per op (100 ticks/s)

dotnet "$target" cpu 600 > "$work/target.out" &
pid=$!
until grep -q ready "$work/target.out" 2>/dev/null; do sleep 0.2; done
sleep 3

measure_idle() { local a t; a=$(lines); t=$(ticks); sleep "$window"; b=$(lines); echo "$(rate_between "$a" "$b") $(cpu_per_op "$t" "$(ticks)" "$(ops_between "$a" "$b")")"; }

# Alternate the three conditions so machine noise (2 shared cores) hits each alike; report medians.
rounds="${ROUNDS:-4}"
: > "$work/rounds"
for round in $(seq "$rounds"); do
  read -r base base_cpu <<< "$(measure_idle)"
  a=$(lines); t=$(ticks); ./perfnb profile --pid "$pid" --duration "${window}s" --format json --nettrace "$work/perfnb.nettrace" > "$work/perfnb.json"; b=$(lines)
  ours=$(rate_between $((a + 1)) $((b - 1))); ours_cpu=$(cpu_per_op "$t" "$(ticks)" "$(ops_between "$a" "$b")")
  analysis=$(python3 -c "import json;print(json.load(open('$work/perfnb.json'))['analysis_s'])")
  a=$(lines); t=$(ticks); "$trace" collect -p "$pid" --duration "00:00:00:$(printf %02d "$window")" -o "$work/dt.nettrace" > /dev/null 2>&1; b=$(lines)
  theirs=$(rate_between $((a + 1)) $((b - 1))); theirs_cpu=$(cpu_per_op "$t" "$(ticks)" "$(ops_between "$a" "$b")")
  s=$(date +%s.%N); "$trace" convert --format speedscope -o "$work/dt.speedscope.json" "$work/perfnb.nettrace" >/dev/null 2>&1; e=$(date +%s.%N)
  convert=$(echo "$e - $s" | bc)
  echo "round $round: ops/s none $base | perfnb $ours | dotnet-trace default $theirs ; CPU ms/op none $base_cpu | perfnb $ours_cpu | dotnet-trace $theirs_cpu ; analysis perfnb ${analysis}s | dotnet-trace convert ${convert}s"
  echo "$base $ours $theirs $analysis $convert $base_cpu $ours_cpu $theirs_cpu" >> "$work/rounds"
done
python3 - "$work/rounds" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
col = lambda i: statistics.median(r[i] for r in rows)
base, ours, theirs, ana, conv, bc, oc, tc = (col(i) for i in range(8))
print(f"median ops/s: none {base:.0f}, perfnb session {ours:.0f} ({100*(base-ours)/base:+.1f}% cost), dotnet-trace default {theirs:.0f} ({100*(base-theirs)/base:+.1f}% cost)")
print(f"median target CPU per op: none {bc:.3f} ms, perfnb session {oc:.3f} ms ({100*(oc-bc)/bc:+.1f}%), dotnet-trace default {tc:.3f} ms ({100*(tc-bc)/bc:+.1f}%)")
print(f"median analysis: perfnb end-of-session->report {ana:.2f}s, dotnet-trace convert --format speedscope {conv:.2f}s (ratio {ana/conv:.2f})")
PY
echo "trace size: $(du -k "$work/perfnb.nettrace" | cut -f1) KB (perfnb), $(du -k "$work/dt.nettrace" | cut -f1) KB (dotnet-trace default)"
exit 0
