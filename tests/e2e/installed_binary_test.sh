#!/usr/bin/env bash
# `make install` gives a binary that works wherever it is: installed under a
# temporary prefix and run from a temporary directory, with the source and
# build trees hidden (an empty tmpfs mounted over them in a private mount
# namespace when the machine allows it), it writes a report with charts.
# Usage: installed_binary_test.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
source_dir="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
binary="$work/prefix/bin/brandlens"
[ -x "$binary" ] || { echo "FAIL: no installed binary at $binary"; exit 1; }

run_demo='cd "$0" && "$1" demo --out "$0/project" --scale 0.05 >"$0/demo.log" 2>&1'
if unshare --mount --propagation private true 2>/dev/null; then
  unshare --mount --propagation private bash -c \
    "mount -t tmpfs none '$source_dir' && [ -z \"\$(ls -A '$source_dir')\" ] && $run_demo" "$work" "$binary"
  echo "ran with $source_dir hidden"
else
  env -u BRANDLENS_ECHARTS bash -c "$run_demo" "$work" "$binary"
  echo "ran from $work (could not hide the source tree: no mount namespace here)"
fi

report="$work/project/report.html"
[ -f "$report" ] || { echo "FAIL: no report"; cat "$work/demo.log"; exit 1; }
if grep -q "Charts are unavailable" "$report"; then echo "FAIL: the report has no charts"; exit 1; fi
grep -q "echarts.init" "$report" || { echo "FAIL: no chart code in the report"; exit 1; }
# The library itself is inlined (it registers its global `echarts`).
size=$(stat -c %s "$report")
[ "$size" -gt 500000 ] || { echo "FAIL: report of $size bytes cannot hold ECharts"; exit 1; }
echo "PASS: installed binary wrote $report ($size bytes) with charts"
