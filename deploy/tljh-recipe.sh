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
"$tljh" set limits.memory 1G       # per learner: measured peak 0.6 GiB (kernel + sample server + Jupyter), with headroom
"$tljh" set limits.cpu 1           # a learner's Task 4 saturates about one core while it runs
"$tljh" set services.cull.enabled true
"$tljh" set services.cull.timeout 1800   # stop servers idle for 30 minutes
"$tljh" set services.cull.every 300
"$tljh" reload hub
echo "tljh-recipe.sh: done; learners log in and find ~/workbooks" >&2
