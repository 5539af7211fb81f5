#!/bin/sh
# The browser tests drive Debian's Chromium; install it when it is missing and we may.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  exit 0
fi
echo "error: the browser tests need Chromium. On Debian/Ubuntu: sudo apt-get install chromium" >&2
exit 1
