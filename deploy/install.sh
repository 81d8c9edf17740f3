#!/usr/bin/env bash
# PerfNotebooks for every user of a Debian host: a JupyterHub node, a class VM, or the single-user image
# (deploy/Dockerfile runs only this). Idempotent; when everything is in place it only checks and exits.
#
#   sudo deploy/install.sh [--prefix /usr/local] [--no-jupyter] [--container]
#
#   --prefix P     where the CLI (P/lib/perfnb), the kernelspec (P/share/jupyter/kernels/perfnb) and the
#                  released workbooks (P/share/perfnb/workbooks, read-only) go; default /usr/local
#   --no-jupyter   skip Debian's jupyterhub/notebook packages (TLJH brings its own in /opt/tljh/user)
#   --container    also create the learner account 'jovyan' (uid 1000) that Zero to JupyterHub runs as
#
# Needs the .NET 10 SDK installed system-wide (not under a home folder: the kernel runs as every learner).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix=/usr/local
jupyter=1
container=0
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder, e.g. /usr/local}"; shift 2 ;;
    --no-jupyter) jupyter=0; shift ;;
    --container) container=1; shift ;;
    -h | --help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown option '$1'; see deploy/install.sh --help" >&2; exit 2 ;;
  esac
done
say() { echo "install.sh: $*" >&2; }
[[ $(id -u) -eq 0 ]] || { say "run as root (sudo deploy/install.sh): it installs packages and writes under $prefix"; exit 2; }

# 1. Debian's packages: the hub, its proxy and the classic notebook server the hub spawns per learner.
packages=(ca-certificates python3)
((jupyter)) && packages+=(jupyterhub node-configurable-http-proxy jupyter-notebook python3-jupyter-client)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/perfnb-install-apt.log 2>&1 || {
    apt-get update -qq >>/tmp/perfnb-install-apt.log 2>&1
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >>/tmp/perfnb-install-apt.log 2>&1 ||
      { say "apt-get failed; see /tmp/perfnb-install-apt.log"; exit 1; }
  }
fi

# 2. The .NET SDK: version 10, reachable by every learner.
dotnet_path="$(command -v dotnet || true)"
[[ -n "$dotnet_path" ]] || { say "no dotnet on PATH; install the .NET 10 SDK system-wide (e.g. /usr/share/dotnet with /usr/bin/dotnet) and run this again"; exit 1; }
dotnet_real="$(readlink -f "$dotnet_path")"
case "$dotnet_real" in
  /root/* | /home/*) say "dotnet is $dotnet_real, inside a home folder that learners cannot see; install the .NET 10 SDK under /usr or /opt and run this again"; exit 1 ;;
esac
sdk="$(dotnet --version 2>/dev/null || true)"
[[ "$sdk" == 10.* ]] || { say "dotnet --version says '${sdk:-nothing}'; the kernel needs the .NET 10 SDK"; exit 1; }

# 3. The CLI, built once (./perfnb rebuilds only when sources changed), then installed with the kernel.
"$root/perfnb" kernel install --prefix "$prefix" | sed 's/^/install.sh: /' >&2

# 4. The learner copies of the workbooks, in a shared folder nobody but root can change.
workbooks="$prefix/share/perfnb/workbooks"
stamp="$(cd "$root" && find notebooks -maxdepth 1 -name '[0-9][0-9]-*.ipynb' -printf '%p %s %T@\n' | LC_ALL=C sort | md5sum | cut -d' ' -f1)"
if [[ "$(cat "$workbooks/.release-stamp" 2>/dev/null)" != "$stamp" ]]; then
  rm -rf "$workbooks.new"
  mkdir -p "$workbooks.new"
  for nb in "$root"/notebooks/[0-9][0-9]-*.ipynb; do
    name="$(basename "$nb")"
    [[ "$name" == 10-instructor-guide.ipynb ]] && continue # the instructor's, not a learner's
    "$root/perfnb" workbook release "$nb" --output "$workbooks.new/$name" >/dev/null
  done
  echo "$stamp" >"$workbooks.new/.release-stamp"
  chown -R root:root "$workbooks.new"
  chmod -R u=rwX,go=rX "$workbooks.new"
  rm -rf "$workbooks.old"
  [[ -d "$workbooks" ]] && mv "$workbooks" "$workbooks.old"
  mv "$workbooks.new" "$workbooks"
  rm -rf "$workbooks.old"
  say "released $(find "$workbooks" -name '*.ipynb' | wc -l) workbooks to $workbooks (read-only)"
else
  say "workbooks in $workbooks are up to date"
fi

# 5. How the hub starts a learner's server (own home 0700, own copy of the workbooks), and its config.
install -D -m 0755 "$root/deploy/perfnb-singleuser" "$prefix/bin/perfnb-singleuser"
install -D -m 0644 "$root/deploy/jupyterhub_config.d/perfnb.py" "$prefix/share/perfnb/jupyterhub_config.d/perfnb.py"
if [[ -d /opt/tljh/config ]]; then
  install -D -m 0644 "$root/deploy/jupyterhub_config.d/perfnb.py" /opt/tljh/config/jupyterhub_config.d/perfnb.py
fi

# 6. Zero to JupyterHub runs the image as jovyan (uid 1000, group users).
if ((container)) && ! id jovyan >/dev/null 2>&1; then
  useradd --create-home --uid 1000 --gid users --shell /bin/bash jovyan
fi

# 7. What a learner's Jupyter will see.
spec="$prefix/share/jupyter/kernels/perfnb/kernel.json"
if grep -Eq '"/(root|home)/' "$spec"; then
  say "$spec names a home folder; see above"; exit 1
fi
if ((jupyter)); then
  # An empty data dir: root's own per-user kernelspec (from perfnb lab) would shadow the system one here.
  empty="$(mktemp -d)"
  listed="$(JUPYTER_DATA_DIR="$empty" JUPYTER_PATH="$prefix/share/jupyter" jupyter kernelspec list 2>/dev/null || true)"
  rmdir "$empty"
  grep -q " $prefix/share/jupyter/kernels/perfnb\$" <<<"$listed" ||
    { say "jupyter kernelspec list does not show $prefix/share/jupyter/kernels/perfnb"; exit 1; }
fi
say "done: kernel 'C# (PerfNotebooks)' for every user; workbooks in $workbooks"
