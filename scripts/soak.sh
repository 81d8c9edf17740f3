#!/usr/bin/env bash
# Soak the live integration tests: run them N times with two CPU burners (busy loops) beside them, the way a
# shared 2-core CI machine loads them, and report how many runs each test passed.
#   scripts/soak.sh [N=5] [FILTER="Category=Live"]
#   scripts/soak.sh 5 "Category=Live&FullyQualifiedName~PerfNotebooks.Tests.Load"
# Builds once (Release), then runs `dotnet test --no-build` N times; results go to out/soak/ (one .trx per run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${1:-5}"
filter="${2:-Category=Live}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: N must be a positive number of runs, e.g. scripts/soak.sh 5" >&2; exit 2; }
export PERFNB_REPO_ROOT="$root"
out="$root/out/soak"
rm -rf "$out" && mkdir -p "$out"
dotnet build PerfNotebooks.sln -c Release -nologo -v q -warnaserror >/dev/null

burners=()
stop_burners() { for pid in "${burners[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_burners EXIT
for _ in 1 2; do
  bash -c 'while :; do :; done' &
  burners+=("$!")
done

started=$(date +%s)
for i in $(seq 1 "$runs"); do
  echo "soak.sh: run $i of $runs ($filter, 2 CPU burners)" >&2
  dotnet test PerfNotebooks.sln -c Release --no-build -nologo --filter "$filter" \
    --logger "trx;LogFileName=$out/run-$i.trx" >"$out/run-$i.log" 2>&1 || true
done
stop_burners
trap - EXIT

# Pass counts per test from the .trx files (a test missing from a run, e.g. the host crashed, counts as not passed).
python3 - "$out" "$runs" "$(( $(date +%s) - started ))" <<'PY'
import glob, sys, collections, xml.etree.ElementTree as ET
out, runs, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = collections.Counter()
seen = set()
files = sorted(glob.glob(f"{out}/**/*.trx", recursive=True))
for trx in files:
    for r in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", ns):
        name = r.get("testName")
        seen.add(name)
        if r.get("outcome") == "Passed":
            passed[name] += 1
flaky = sorted(n for n in seen if passed[n] < runs)
print(f"{len(seen)} tests, {runs} runs with 2 CPU burners, {seconds} s, {len(files)} result files")
for name in flaky:
    print(f"  {passed[name]}/{runs}  {name}")
print(f"  {runs}/{runs}  every other test ({len(seen) - len(flaky)})")
sys.exit(1 if flaky or len(files) < runs else 0)
PY
