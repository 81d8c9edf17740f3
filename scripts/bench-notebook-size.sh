#!/usr/bin/env bash
# Bytes on disk of a notebook with charts, run headless, beside its standalone HTML export and plotly.js itself.
# Usage: scripts/bench-notebook-size.sh [CHARTS]   (default 5 charts)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
charts="${1:-5}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cells=""
for i in $(seq "$charts"); do
  cells+="{\"cell_type\":\"code\",\"execution_count\":null,\"metadata\":{},\"outputs\":[],\"source\":\"Charts.TimeSeries([Series.PerSecond(\\\"rps $i\\\", [1, 2, 3, 4, 5])])\"},"
done
printf '{"cells":[%s],"metadata":{"kernelspec":{"name":"perfnb","display_name":"C# (PerfNotebooks)","language":"C#"}},"nbformat":4,"nbformat_minor":5}\n' "${cells%,}" > "$dir/charts.ipynb"
"$root/perfnb" run "$dir/charts.ipynb" --output "$dir/out.ipynb" --html "$dir/out.html" --quiet >/dev/null 2>&1
lib="$(find "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels/perfnb" -name 'plotly-*.min.js' 2>/dev/null | head -1 || true)"
printf 'charts\tnotebook_bytes\thtml_export_bytes\tplotly_js_bytes\n'
printf '%s\t%s\t%s\t%s\n' "$charts" "$(stat -c %s "$dir/out.ipynb")" "$(stat -c %s "$dir/out.html")" "$( [[ -n "$lib" ]] && stat -c %s "$lib" || echo "n/a (run ./perfnb kernel install)")"
