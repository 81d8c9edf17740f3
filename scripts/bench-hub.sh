#!/usr/bin/env bash
# JupyterHub class sizing, docs/benchmarks.md "JupyterHub (issue 18)": Debian's jupyterhub on 127.0.0.1 with
# real Unix learners (tests/PerfNotebooks.Tests/Hub/hub_class.py), first one learner alone (the peer), then N
# at once, each running workbook 00 over the kernel websocket. Per learner: peak PSS and CPU seconds of their
# processes (Jupyter server, kernel with the load generator and profiler in it, sample server), time from
# login to the first result; then how many learners a node holds. Root only (it creates users).
#   sudo scripts/bench-hub.sh [N=5]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
learners="${1:-5}"
[[ $(id -u) -eq 0 ]] || { echo "bench-hub.sh: run as root (it creates and deletes Unix users)" >&2; exit 2; }
work="$(mktemp -d /tmp/perfnb-bench-hub-XXXXXX)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
# The CLI as deploy/install.sh installs it (ReadyToRun publish), under a private prefix.
"$root/perfnb" kernel install --prefix "$work/prefix" >/dev/null
workbooks="$work/prefix/share/perfnb/workbooks"
mkdir -p "$workbooks"
"$root/perfnb" workbook release "$root/notebooks/00-start-here.ipynb" --output "$workbooks/00-start-here.ipynb" >/dev/null
chmod -R a+rX "$workbooks"
reports=()
for n in 1 "$learners"; do
  mkdir -m 755 "$work/run-$n"
  /usr/bin/python3 "$root/tests/PerfNotebooks.Tests/Hub/hub_class.py" --work "$work/run-$n" --prefix "$work/prefix" \
    --workbooks "$workbooks" --instructor "$root/notebooks/00-start-here.ipynb" \
    --singleuser "$root/deploy/perfnb-singleuser" --snippet "$root/deploy/jupyterhub_config.d/perfnb.py" \
    --learners "$n" --report "$work/report-$n.json" || { echo "bench-hub.sh: the $n-learner class failed:" >&2; head -c 3000 "$work/report-$n.json" >&2; exit 1; }
  reports+=("$work/report-$n.json")
done
/usr/bin/python3 "$root/scripts/bench-hub.py" "${reports[@]}"
