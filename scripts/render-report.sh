#!/bin/sh
# Renders the HTML operator report of generated sample data to a PNG with headless Chromium,
# so that anyone can look at it. Not part of CI.
#
#   scripts/render-report.sh [OUT_DIR]        (default: ./var/report-render)
#
# Needs Debian's chromium (apt-get install -y chromium). Writes OUT_DIR/report.html,
# OUT_DIR/report.png (desktop, 1000 px wide), OUT_DIR/report-phone.png (390 px wide) and,
# when Chromium can print, OUT_DIR/report.pdf (A4).
set -eu
cd "$(dirname "$0")/.."
out=${1:-var/report-render}
data="$out/data"
mkdir -p "$out"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$browser" ] || { echo "render-report: chromium not found (apt-get install -y chromium)" >&2; exit 1; }

swift build -c release --product frontdesk >/dev/null
swift build -c release --product frontdesk-bench >/dev/null
bin=$(swift build -c release --show-bin-path)

# A year of a small estate (3,000 records, 60,000 transcript events): same generator as the benchmark.
[ -f "$data/records.jsonl" ] || "$bin/frontdesk-bench" report --dir "$data" --records 3000 --events 60000 >/dev/null
estate=""
[ -f estate/sample.json ] && estate="--estate estate/sample.json"
# shellcheck disable=SC2086
"$bin/frontdesk" report --data-dir "$data" $estate --month 2026-11 --now 2026-12-01T09:00:00+08:00 \
    --html "$out/report.html" >"$out/report.txt"

page="file://$(cd "$out" && pwd)/report.html"
flags="--headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1"
# shellcheck disable=SC2086
"$browser" $flags --window-size=1000,4200 --screenshot="$out/report.png" "$page" 2>/dev/null
# shellcheck disable=SC2086
"$browser" $flags --window-size=390,7400 --screenshot="$out/report-phone.png" "$page" 2>/dev/null
# shellcheck disable=SC2086
"$browser" $flags --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "$page" 2>/dev/null || true
echo "wrote $out/report.html, report.png, report-phone.png, report.pdf, report.txt"
