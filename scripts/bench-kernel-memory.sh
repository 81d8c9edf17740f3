#!/usr/bin/env bash
# Kernel memory: our session (perfnb run) beside bare Roslyn scripting, on the same N trivial cells.
# Usage: scripts/bench-kernel-memory.sh [cells]   (default 300)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cells="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
every=$(( cells / 3 > 0 ? cells / 3 : 1 ))
report='GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
Console.WriteLine($"cell {__N__}: managed {GC.GetTotalMemory(true) / 1048576.0:F0} MiB, rss {Environment.WorkingSet / 1048576.0:F0} MiB");'
{
  printf '#!csharp\n\nvar x0 = 0;\n'
  for ((i = 1; i <= cells; i++)); do
    printf '\n#!csharp\n\nvar x%d = %d * 2;\nx%d + 1\n' "$i" "$i" "$i"
    if (( i % every == 0 || i == cells )); then
      printf '\n#!csharp\n\n%s\n' "${report//__N__/$i}"
    fi
  done
} > "$work/cells.dib"
echo "== perfnb (our session: curated references, library imports, interrupt weaving)"
"$root/perfnb" run "$work/cells.dib" | grep '^cell '
echo "== bare Roslyn scripting (ScriptOptions.Default)"
dotnet run -c Release --project "$root/bench/PerfNotebooks.ScriptingPeer" -- "$cells"
