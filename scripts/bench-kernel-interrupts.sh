#!/usr/bin/env bash
# Interrupt latency: our C# kernel beside Debian's ipykernel, same client, same run.
# Usage: scripts/bench-kernel-interrupts.sh [rounds]   (default 3)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/prereqs.sh"
"$root/perfnb" --version >/dev/null
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
"$root/perfnb" kernel install --prefix "$prefix" >/dev/null
JUPYTER_PATH="$prefix/share/jupyter" PYDEVD_DISABLE_FILE_VALIDATION=1 /usr/bin/python3 -Xfrozen_modules=off "$root/scripts/bench-kernel-interrupts.py" "$@"
