#!/usr/bin/env bash
# The Littlest JupyterHub (one VM, local Unix users) with PerfNotebooks: run as root on a Debian 12 VM that
# already runs TLJH (installed with TLJH's own bootstrap script) and has the .NET 10 SDK under /usr.
#   sudo deploy/tljh-recipe.sh
# Installs the kernel and workbooks system-wide (deploy/install.sh; TLJH brings its own Jupyter), makes
# learners' servers start through perfnb-singleuser, sizes them from docs/benchmarks.md "JupyterHub
# (issue 18)" and culls idle servers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[[ -x /opt/tljh/hub/bin/tljh-config ]] || { echo "tljh-recipe.sh: TLJH is not installed (no /opt/tljh/hub/bin/tljh-config); install TLJH first" >&2; exit 2; }
"$root/deploy/install.sh" --no-jupyter   # also drops deploy/jupyterhub_config.d/perfnb.py into /opt/tljh/config
tljh=/opt/tljh/hub/bin/tljh-config
"$tljh" set limits.memory 1.5G     # workbook 00 peaked at 0.55 GiB per learner; 03 and 04 need about 1 GB
"$tljh" set limits.cpu 2           # 0.25 cores on average; the capacity probe and profiled runs burst higher
"$tljh" set services.cull.enabled true
"$tljh" set services.cull.timeout 1800   # stop servers idle for 30 minutes
"$tljh" set services.cull.every 300
"$tljh" reload hub
echo "tljh-recipe.sh: done; learners log in and find ~/workbooks" >&2
