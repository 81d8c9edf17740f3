#!/usr/bin/env bash
# Installs, idempotently and quietly, the system packages PerfNotebooks' tests and workbooks need.
set -euo pipefail
packages=(jupyter-client jupyter-nbconvert python3-nbclient python3-jupyter-client python3-ipykernel wrk hyperfine postgresql chromium linux-perf golang-go)
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
