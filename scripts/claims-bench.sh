#!/usr/bin/env bash
# Claims throughput: the analyzer vs the seed's three regexes (.NET and Python re) over the same synthetic corpus,
# pinned to one core. Usage: scripts/claims-bench.sh [BULLETS]   (default 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bullets="${1:-100000}"
corpus="$root/.artifacts/claims-corpus-$bullets.txt"
mkdir -p "$root/.artifacts"
"$root/perfnb" claims corpus --bullets "$bullets" --out "$corpus" --seed 42
echo "machine: $(nproc) cores, kernel $(uname -r), dotnet $(dotnet --version), $(python3 --version)"
# A 64 MB gen-0 budget and no background GC: the analyzer allocates small short-lived objects per bullet.
DOTNET_gcConcurrent=0 DOTNET_GCgen0size=0x4000000 taskset -c 0 "$root/perfnb" claims bench "$corpus" --rounds 5
taskset -c 0 python3 "$root/scripts/claims-seed-regex.py" "$corpus" 5
