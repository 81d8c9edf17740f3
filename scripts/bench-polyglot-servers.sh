#!/usr/bin/env bash
# Measures the Go and Node sample servers beside the ASP.NET one for docs/benchmarks.md ("Go and Node servers
# (issue 16)"): per runtime, the buggy and the fixed version of cpu-hotspot and n-plus-one (and Node's and
# ASP.NET's memory-leak) under the same wrk load, p50/p99 and requests/s, plus the bug's signal read from the
# server's own /debug/stats. Servers start through `perfnb serve --runtime R`, so Go is built and Node's packages
# installed on first use exactly as a user gets them.
# Usage: scripts/bench-polyglot-servers.sh [seconds-per-run (default 10)] > results.md
#        BENCH_ONLY=memory-leak scripts/bench-polyglot-servers.sh 10   (one scenario)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
secs="${1:-10}"
export PERFNB_REPO_ROOT="$root"
dotnet build src/PerfNotebooks.Cli -c Release -nologo -v q >/dev/null
dotnet build src/PerfNotebooks.SampleServers -c Release -nologo -v q >/dev/null
cli="$root/src/PerfNotebooks.Cli/bin/Release/net10.0/perfnb.dll"
lua_dir="$(mktemp -d)"
trap 'rm -rf "$lua_dir"; [[ -n "${perfnb_pid:-}" ]] && kill "$perfnb_pid" 2>/dev/null || true' EXIT
# Every query string distinct, within a run and across runs (the warm-up run must not pre-fill the measured run's
# keys): each one is a new cache key for the memory-leak scenario.
cat > "$lua_dir/distinct.lua" <<'LUA'
math.randomseed(os.time())
prefix = math.random(1, 1000000000)
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=ada&utm_id=" .. prefix .. "-" .. counter)
end
LUA

start_server() { # runtime scenario mode [serve args...] -> url, perfnb_pid
  local runtime="$1" scenario="$2" mode="$3"; shift 3
  local flag=(); [[ "$mode" == fixed ]] && flag=(--fixed)
  local out; out="$(mktemp)"
  dotnet "$cli" serve "$scenario" --runtime "$runtime" "${flag[@]}" "$@" >"$out" 2>/dev/null &
  perfnb_pid=$!
  local line=""
  for _ in $(seq 1 3000); do
    line="$(head -n1 "$out")"
    [[ "$line" == http* ]] && break
    sleep 0.1
  done
  rm -f "$out"
  url="${line%% *}"; url="${url%/}"
}

stop_server() { kill -TERM "$perfnb_pid" 2>/dev/null || true; wait "$perfnb_pid" 2>/dev/null || true; perfnb_pid=""; }

stat() { curl -s "$url/debug/stats" | python3 -c "import json,sys; print(json.load(sys.stdin).get('$1', 0))"; }

ms() { # wrk latency like 1.23ms / 456.00us / 1.20s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

run() { # runtime scenario mode connections target [serve args...]
  local runtime="$1" scenario="$2" mode="$3" conns="$4" target="$5"; shift 5
  [[ -n "${BENCH_ONLY:-}" && "$BENCH_ONLY" != "$scenario" ]] && return 0
  start_server "$runtime" "$scenario" "$mode" "$@"
  local script=(); local path="$target"
  [[ "$target" == *.lua ]] && { script=(-s "$lua_dir/$target"); path=""; }
  wrk -t1 -c2 -d2s --timeout 10s "${script[@]}" "$url$path" >/dev/null 2>&1 || true
  local cpu0 q0 cpu1 q1 wrk_out
  cpu0="$(stat cpuTimeMs)"; q0="$(stat dbQueries)"
  wrk_out="$(wrk -t1 -c"$conns" -d"${secs}s" --timeout 10s --latency "${script[@]}" "$url$path" 2>&1)"
  cpu1="$(stat cpuTimeMs)"; q1="$(stat dbQueries)"
  local requests rps p50 p99 signal
  requests="$(awk '/requests in/ {print $1}' <<<"$wrk_out")"
  rps="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$wrk_out")"
  p50="$(ms "$(awk '$1 == "50%" {print $2}' <<<"$wrk_out")")"
  p99="$(ms "$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")")"
  case "$scenario" in
    cpu-hotspot) signal="$(awk -v a="$cpu0" -v b="$cpu1" -v n="$requests" 'BEGIN { printf "%.2f ms server CPU/request", (b - a) / n }')" ;;
    n-plus-one) signal="$(awk -v a="$q0" -v b="$q1" -v n="$requests" 'BEGIN { printf "%.1f DB queries/request", (b - a) / n }')" ;;
    memory-leak) signal="$(curl -s "$url/debug/stats" | python3 -c "import json,sys; s=json.load(sys.stdin); print(f\"{s['cacheEntries']} cache entries, heap {s['managedHeapBytes']/2**20:.0f} MiB, working set {s['workingSetBytes']/2**20:.0f} MiB\")")" ;;
  esac
  echo "| $runtime | $scenario | $mode | $conns | $rps | $p50 | $p99 | $signal |"
  stop_server
}

echo "| runtime | scenario | mode | connections | requests/s | p50 (ms) | p99 (ms) | signal (from the server) |"
echo "|---|---|---|---|---|---|---|---|"
for runtime in dotnet go node; do
  for mode in buggy fixed; do run "$runtime" cpu-hotspot "$mode" 4 "/cpu-intense?limit=100000"; done
  for mode in buggy fixed; do run "$runtime" n-plus-one "$mode" 4 "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20" --db-latency 1ms; done
  if [[ "$runtime" != go ]]; then
    for mode in buggy fixed; do run "$runtime" memory-leak "$mode" 4 distinct.lua; done
  fi
done
