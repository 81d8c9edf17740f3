#!/usr/bin/env bash
# Measures the sample servers for docs/benchmarks.md: start-up and seeding time, then for every scenario the
# buggy and the fixed version under the same wrk load (p50/p99 latency, requests/s) plus the bug's own signal
# read from the server (/debug/stats, /metrics), on SQLite and, for the scenarios that use it, PostgreSQL.
# Usage: scripts/bench-servers.sh [seconds-per-run (default 10)] > results.md
#        BENCH_ONLY=n-plus-one scripts/bench-servers.sh 15   (one scenario, no start-up section)
#        BENCH_ONLY=startup scripts/bench-servers.sh          (start-up and seeding only)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
secs="${1:-10}"
dotnet build src/PerfNotebooks.SampleServers -c Release -nologo -v q >/dev/null
dll="$root/src/PerfNotebooks.SampleServers/bin/Release/net10.0/PerfNotebooks.SampleServers.dll"
pg="$(bash scripts/postgres.sh)"
lua_dir="$(mktemp -d)"
trap 'rm -rf "$lua_dir"; [[ -n "${server_pid:-}" ]] && kill "$server_pid" 2>/dev/null || true' EXIT

# Popular searches with a tracking parameter that makes every query string (the cache key) distinct, and user ids of which about 9% do not exist.
cat > "$lua_dir/distinct.lua" <<'LUA'
counter = 0
names = {"ada", "alan", "grace", "linus", "barbara", "ken", "margaret", "dennis"}
request = function()
  counter = counter + 1
  return wrk.format("GET", "/search?q=" .. names[math.random(#names)] .. "&utm_id=" .. math.random(1, 1000000000) .. "-" .. counter)
end
LUA
cat > "$lua_dir/some-missing.lua" <<'LUA'
request = function() return wrk.format("GET", "/orders/summary?userId=" .. math.random(1, 5500)) end
LUA
cat > "$lua_dir/random-user.lua" <<'LUA'
request = function() return wrk.format("GET", "/risk-score?userId=" .. math.random(1, 5000)) end
LUA

start_server() { # scenario mode db [args...] -> sets url, server_pid, ready_line
  local scenario="$1" mode="$2" db="$3"; shift 3
  local out; out="$(mktemp)"
  dotnet "$dll" "$scenario" --db "$db" "$@" >"$out" 2>/dev/null &
  server_pid=$!
  for _ in $(seq 1 600); do
    ready_line="$(head -n1 "$out")"
    [[ "$ready_line" == http* ]] && break
    sleep 0.1
  done
  rm -f "$out"
  url="${ready_line%% *}"
  # The .NET servers serve one exercise file; "fixed" is the instructor's reference fix, compiled by the running server.
  if [[ "$mode" == fixed ]]; then
    curl -sf -X POST -H "Content-Type: text/plain" -H "X-Exercise-Key: $(fact exercise_key)" \
      --data-binary "@$root/instructor/fixes/$scenario.cs" "${url%/}/admin/exercise?label=fixed" >/dev/null \
      || { echo "bench-servers.sh: the $scenario server refused the reference fix" >&2; exit 1; }
  fi
}

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

fact() { tr ' ' '\n' <<<"$ready_line" | sed -n "s/^$1=//p"; }

ms() { # wrk latency like 1.23ms / 456.00us / 1.20s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

only="${BENCH_ONLY:-}"
if [[ -z "$only" || "$only" == startup ]]; then
echo "### Start-up and seeding (5 starts each; median, min-max)"
echo
echo "| database | seed wall (ms) | seed CPU (ms) | process start to listening (ms) |"
echo "|---|---|---|---|"
for db in sqlite "$pg"; do
  seeds=(); cpus=(); readies=()
  for _ in 1 2 3 4 5; do
    start_server cpu-hotspot buggy "$db"
    seeds+=("$(fact seed_ms)"); cpus+=("$(fact seed_cpu_ms)"); readies+=("$(fact ready_ms)")
    stop_server
  done
  s="$(printf '%s\n' "${seeds[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d (%d-%d)", a[3], a[1], a[5]}')"
  c="$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d (%d-%d)", a[3], a[1], a[5]}')"
  r="$(printf '%s\n' "${readies[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%d (%d-%d)", a[3], a[1], a[5]}')"
  echo "| ${db%%:*} | $s | $c | $r |"
done
echo
fi
[[ "$only" == startup ]] && exit 0

echo "### Buggy vs fixed under the same wrk load (${secs}s per run after a 2 s warm-up, wrk -t2, -t1 for one connection)"
echo
echo "| scenario | db | mode | connections | requests/s | p50 (ms) | p99 (ms) | non-2xx | signal |"
echo "|---|---|---|---|---|---|---|---|---|"
run() { # scenario db connections target signal-kind [server args...]
  local scenario="$1" db="$2" conns="$3" target="$4" kind="$5"; shift 5
  [[ -n "$only" && "$only" != "$scenario" ]] && return 0
  for mode in buggy fixed; do
    start_server "$scenario" "$mode" "$db" "$@"
    # Warm-up (JIT, tiering, pools) so the measured run sees steady state, not start-up.
    if [[ "$target" == *.lua ]]; then
      wrk -t1 -c2 -d2s --timeout 10s -s "$lua_dir/$target" "$url" >/dev/null 2>&1 || true
    else
      wrk -t1 -c2 -d2s --timeout 10s "$url$target" >/dev/null 2>&1 || true
    fi
    local threads=$(( conns < 2 ? 1 : 2 ))
    local before; before="$(curl -s "$url/debug/stats")"
    local wrk_out
    if [[ "$target" == *.lua ]]; then
      wrk_out="$(wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$lua_dir/$target" "$url" 2>&1)"
    else
      wrk_out="$(wrk -t"$threads" -c"$conns" -d"${secs}s" --timeout 10s --latency "$url$target" 2>&1)"
    fi
    local after; after="$(curl -s "$url/debug/stats")"
    local metrics; metrics="$(curl -s "$url/metrics")"
    local rps p50 p99 non2xx signal
    rps="$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$wrk_out")"
    p50="$(ms "$(awk '$1 == "50%" {print $2}' <<<"$wrk_out")")"
    p99="$(ms "$(awk '$1 == "99%" {print $2}' <<<"$wrk_out")")"
    non2xx="$(awk '/Non-2xx/ {print $NF}' <<<"$wrk_out")"; non2xx="${non2xx:-0}"
    local timeouts; timeouts="$(sed -n 's/.*timeout \([0-9]*\).*/\1/p' <<<"$wrk_out")"
    [[ -n "$timeouts" && "$timeouts" != 0 ]] && non2xx="$non2xx (+$timeouts timeouts)"
    case "$kind" in
      queries) signal="$(awk '/^perfnb_db_queries_per_request_sum\{route="\/users"\}/ {s=$2} /^perfnb_db_queries_per_request_count\{route="\/users"\}/ {c=$2} END {printf "%.1f DB queries/request", s/c}' <<<"$metrics")" ;;
      memory) signal="$(jq -r '"working set \(.workingSetBytes/1048576|floor) MiB, managed heap \(.managedHeapBytes/1048576|floor) MiB, \(.cacheEntries) cache entries"' <<<"$after")" ;;
      connections) signal="$(jq -r '"\(.dbOpenConnections)/\(.dbPoolSize) connections held after the run"' <<<"$after"), $(awk '/^perfnb_db_pool_exhausted_total/ {printf "%d", $2}' <<<"$metrics") pool timeouts (503)" ;;
      threads) signal="$(jq -r '"\(.threadPoolThreads) pool threads after the run"' <<<"$after") (started with $(jq -r .threadPoolThreads <<<"$before"))" ;;
      locks) signal="$(jq -n --argjson a "$after" --argjson b "$before" '"\($a.lockContentions - $b.lockContentions) lock contentions"' -r), $(awk '/^perfnb_lock_wait_seconds_sum/ {s=$2} /^perfnb_lock_wait_seconds_count/ {c=$2} END {if (c > 0) printf "mean lock wait %.2f ms", 1000*s/c; else printf "no global lock"}' <<<"$metrics")" ;;
      gc) signal="$(jq -n --argjson a "$after" --argjson b "$before" -r '"\((($a.totalAllocatedBytes - $b.totalAllocatedBytes)/1048576)|floor) MiB allocated, gen0/gen2 GCs \($a.gen0Collections - $b.gen0Collections)/\($a.gen2Collections - $b.gen2Collections)"'), $(awk '/^perfnb_allocated_bytes_per_request_sum/ {s=$2} /^perfnb_allocated_bytes_per_request_count/ {c=$2} END {printf "%.0f KiB formatting/request", s/c/1024}' <<<"$metrics")" ;;
      cpu) signal="$(jq -n --argjson a "$after" --argjson b "$before" --argjson n "$(awk '/requests in/ {print $1}' <<<"$wrk_out")" -r '"\((($a.cpuTimeMs - $b.cpuTimeMs)/$n*100|floor)/100) ms server CPU/request"')" ;;
    esac
    echo "| $scenario | ${db%%:*} | $mode | $conns | $rps | $p50 | $p99 | $non2xx | $signal |"
    stop_server
  done
}
run cpu-hotspot sqlite 8 "/cpu-intense?limit=100000" cpu
run lock-contention sqlite 8 random-user.lua locks
for db in sqlite "$pg"; do
  run n-plus-one "$db" 1 "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20" queries --db-latency 1ms
  run n-plus-one "$db" 4 "/users?ids=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20" queries --db-latency 1ms
  run memory-leak "$db" 8 distinct.lua memory
  run connection-leak "$db" 8 some-missing.lua connections
  run threadpool-starvation "$db" 64 "/quote?userId=42" threads
  run allocation-heavy "$db" 8 "/export/orders.csv?rows=500" gc
done
