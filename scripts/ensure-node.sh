#!/bin/sh
# Make node and npm available for the test tools; on Debian, install them when allowed.
set -eu
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's nodejs and npm for the test tools..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
  exit 0
fi
echo "error: node and npm are needed by the tests. On Debian/Ubuntu: sudo apt-get install nodejs npm" >&2
exit 1
