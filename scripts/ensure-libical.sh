#!/bin/sh
# The feed tests also parse with libical (GNOME's library) through Debian's system Python;
# install its introspection data and Python bindings when they are missing and we may.
set -eu
if /usr/bin/python3 -c "import gi; gi.require_version('ICal', '3.0')" >/dev/null 2>&1; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's libical bindings (gir1.2-ical-3.0, python3-gi) for the feed tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gir1.2-ical-3.0 python3-gi >&2
  exit 0
fi
echo "error: the feed tests need libical. On Debian/Ubuntu: sudo apt-get install gir1.2-ical-3.0 python3-gi" >&2
exit 1
