#!/bin/sh
# Screenshots of Arabic and Chinese pages need real glyphs: Debian's Noto fonts, for the tests only
# (pages request no fonts; visitors' systems have their own).
set -eu
if fc-list 2>/dev/null | grep -q "NotoSansArabic" && fc-list 2>/dev/null | grep -q "NotoSansCJK"; then
  exit 0
fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's fonts-noto-core and fonts-noto-cjk for the browser tests..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    fonts-noto-core fonts-noto-cjk fontconfig >&2
  exit 0
fi
echo "warning: without fonts-noto-core and fonts-noto-cjk, Arabic and Chinese screenshots show boxes." >&2
echo "On Debian/Ubuntu: sudo apt-get install fonts-noto-core fonts-noto-cjk" >&2
