#!/usr/bin/env bash
# Renders an HTML report to PNG with headless Chromium, to check how a TextLens report looks.
#
#   tools/screenshot.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#
# Default output: REPORT.png beside the report; default window 1280x2400 (the page is cut at that height).
# Needs Chromium (Debian/Ubuntu: apt-get update && apt-get install -y chromium). The report is self-contained,
# and network access is disabled anyway.
set -euo pipefail

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
  echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$1
[ -f "$html" ] || { echo "$0: $html: no such file" >&2; exit 1; }
png=${2:-${html%.*}.png}
size=${3:-1280x2400}
width=${size%x*}
height=${size#*x}

browser=""
for b in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$b" >/dev/null 2>&1; then browser=$b; break; fi
done
if [ -z "$browser" ]; then
  echo "$0: Chromium not found; install it (Debian: apt-get update && apt-get install -y chromium)" >&2
  exit 1
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
abs_png=$(mkdir -p "$(dirname "$png")" && cd "$(dirname "$png")" && pwd)/$(basename "$png")

"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-quic \
  --no-first-run --disable-component-update --disable-sync --hide-scrollbars --mute-audio \
  --user-data-dir="$profile" --window-size="$width,$height" \
  --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1 || true

if [ ! -s "$abs_png" ]; then
  echo "$0: Chromium did not write $png" >&2
  exit 1
fi
echo "$png"
