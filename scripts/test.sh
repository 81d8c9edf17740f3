#!/usr/bin/env bash
# The test command: system prerequisites (idempotent), then every test in the solution.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/prereqs.sh
export PERFNB_REPO_ROOT="$root"
dotnet build PerfNotebooks.sln -c Release -nologo -v q -warnaserror
dotnet test PerfNotebooks.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
