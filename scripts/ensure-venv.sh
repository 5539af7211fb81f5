#!/bin/sh
# Create the virtual environment; on Debian without the venv module, install it when allowed.
set -eu
python=${1:?python interpreter}
venv=${2:?venv folder}
if "$python" -m venv "$venv" 2>/dev/null; then
  exit 0
fi
rm -rf "$venv"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's python3-venv (the venv module is missing)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
  exec "$python" -m venv "$venv"
fi
echo "error: '$python -m venv' failed. On Debian/Ubuntu run: sudo apt-get install python3-venv" >&2
exit 1
