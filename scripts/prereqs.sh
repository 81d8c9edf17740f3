#!/usr/bin/env bash
# Installs, idempotently and quietly, the system packages PerfNotebooks' tests and workbooks need.
set -euo pipefail
packages=(jupyter-client jupyter-nbconvert python3-nbclient python3-jupyter-client python3-ipykernel wrk hyperfine postgresql chromium
  # The kernel's conformance tests (jupyter_kernel_test) and `perfnb lab`'s front end; the notebook-page chart
  # tests load Debian's require.js as classic Notebook does.
  python3-jupyter-kernel-test jupyter-notebook libjs-requirejs
  # The JupyterHub class test.
  jupyterhub node-configurable-http-proxy
  # The Go sample servers: Debian's Go and the libraries they import, built offline in GOPATH mode.
  golang-go golang-github-prometheus-client-golang-dev golang-github-mattn-go-sqlite3-dev golang-github-lib-pq-dev
  # Profiling processes that are not .NET: perf record -e cpu-clock.
  linux-perf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "prereqs: installing ${missing[*]}" >&2
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/perfnb-apt.log 2>&1; then
    $sudo_cmd apt-get update -qq >>/tmp/perfnb-apt.log 2>&1
    $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/perfnb-apt.log 2>&1 \
      || { echo "prereqs: apt-get failed; see /tmp/perfnb-apt.log" >&2; exit 1; }
  fi
fi
