#!/usr/bin/env bash
# Claims throughput in-process: the analyzer vs the seed's three regexes (.NET and Python re) over the same corpus.
# Two corpora: the synthetic one (`perfnb claims corpus`, 35 templates) and one of fresh phrasings (every hand-written
# bullet of datasets/claims/*.jsonl, cycled to the same length). Pinned to one core, then (analyzer only) unpinned.
# Usage: scripts/claims-bench.sh [BULLETS]   (default 100000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bullets="${1:-100000}"
synthetic="$root/.artifacts/claims-corpus-$bullets.txt"
fresh="$root/.artifacts/claims-fresh-$bullets.txt"
mkdir -p "$root/.artifacts"
"$root/perfnb" claims corpus --bullets "$bullets" --out "$synthetic" --seed 42
python3 - "$bullets" "$fresh" "$root"/datasets/claims/labelled-bullets.jsonl "$root"/datasets/claims/held-out-bullets.jsonl <<'PY'
import itertools, json, sys
n, out, *sources = sys.argv[1:]
texts = [json.loads(line)["text"] for path in sources for line in open(path, encoding="utf-8") if line.strip()]
with open(out, "w", encoding="utf-8") as f:
    for text in itertools.islice(itertools.cycle(texts), int(n)):
        f.write("- " + text + "\n")
print(f"wrote {n} bullets to {out} ({len(texts)} distinct hand-written phrasings)")
PY
echo "machine: $(nproc) cores, kernel $(uname -r), dotnet $(dotnet --version), $(python3 --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for corpus in "$synthetic" "$fresh"; do
  # A 64 MB gen-0 budget and no background GC: the analyzer allocates small short-lived objects per bullet.
  DOTNET_gcConcurrent=0 DOTNET_GCgen0size=0x4000000 taskset -c 0 "$root/perfnb" claims bench "$corpus" --rounds 5
  taskset -c 0 python3 "$root/scripts/claims-seed-regex.py" "$corpus" 5
  echo "unpinned (every core):"
  DOTNET_gcConcurrent=0 DOTNET_GCgen0size=0x4000000 "$root/perfnb" claims bench "$corpus" --rounds 5 | grep cores
done
