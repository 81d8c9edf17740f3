#!/usr/bin/env bash
# The whole `perfnb claims analyze` command, as a user runs it, beside the seed's method (its three regexes in Python,
# one pass, whole process) on the same corpus: wall time and peak RSS per output format, runs alternating, medians.
# Usage: scripts/claims-bench-command.sh [BULLETS] [RUNS]      (defaults 100000 and 5)
# Set CLAIMS_BENCH_MEMORY=1000000 to also measure peak RSS on a corpus of that many bullets.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bullets="${1:-100000}"
runs="${2:-5}"
corpus="$root/.artifacts/claims-corpus-$bullets.txt"
mkdir -p "$root/.artifacts"
"$root/perfnb" claims corpus --bullets "$bullets" --out "$corpus" --seed 42 >/dev/null
dll="$root/.artifacts/perfnb/perfnb.dll"
export PERFNB_REPO_ROOT="$root"
echo "machine: $(nproc) cores, kernel $(uname -r), dotnet $(dotnet --version), $(python3 --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $corpus ($bullets bullets, $(wc -c < "$corpus") bytes)"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

measure() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "$label %e %U %S %M" -o "$results.one" "$@" > /dev/null
  cat "$results.one" >> "$results"
}

for ((i = 0; i < runs; i++)); do
  measure "python-seed-regexes" python3 "$root/scripts/claims-seed-regex.py" "$corpus" 0
  for format in csv json table; do
    measure "perfnb-$format" "$root/perfnb" claims analyze "$corpus" --format "$format"
    measure "dotnet-dll-$format" dotnet "$dll" claims analyze "$corpus" --format "$format"
  done
  # Start-up settings, not code: tiered PGO re-instruments hot methods, costly in a sub-second run.
  DOTNET_TieredPGO=0 measure "dotnet-dll-csv-TieredPGO=0" dotnet "$dll" claims analyze "$corpus" --format csv
  measure "dotnet-dll-help" dotnet "$dll" --help
done
rm -f "$results.one"
python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, user, system, rss = line.split()
    rows.setdefault(label, []).append((float(wall), float(user) + float(system), int(rss)))
peer = statistics.median(w for w, _, _ in rows["python-seed-regexes"])
peer_cpu = statistics.median(c for _, c, _ in rows["python-seed-regexes"])
print("| command | wall median (s) | wall min-max (s) | peer wall / command wall | CPU median (s) | peer CPU / command CPU | peak RSS median (MiB) |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for label, values in rows.items():
    walls = [w for w, _, _ in values]
    cpu = statistics.median(c for _, c, _ in values)
    rss = statistics.median(r for _, _, r in values) / 1024
    print(f"| {label} | {statistics.median(walls):.2f} | {min(walls):.2f}-{max(walls):.2f} | {peer / statistics.median(walls):.2f}x | {cpu:.2f} | {peer_cpu / cpu:.2f}x | {rss:.0f} |")
PY

if [[ -n "${CLAIMS_BENCH_MEMORY:-}" ]]; then
  big="$root/.artifacts/claims-corpus-$CLAIMS_BENCH_MEMORY.txt"
  "$root/perfnb" claims corpus --bullets "$CLAIMS_BENCH_MEMORY" --out "$big" --seed 42 >/dev/null
  for format in csv json table; do
    /usr/bin/time -f "memory: $CLAIMS_BENCH_MEMORY bullets, --format $format: %e s wall, %U+%S s CPU, peak RSS %M KiB" \
      dotnet "$dll" claims analyze "$big" --format "$format" > /dev/null
  done
fi
