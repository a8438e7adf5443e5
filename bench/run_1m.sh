#!/usr/bin/env bash
# `brandlens run` on a million mentions: the first run (import, analyse,
# report) and an incremental re-run after 1% new mentions arrive.
# Prints one JSON object with times (s) and peak memory (MB).
set -euo pipefail
build=${1:-build}
rows=${2:-1000000}
dir=$(mktemp -d /tmp/brandlens-run1m-XXXX)
trap 'rm -rf "$dir"' EXIT
"$build/bench/import_bench" --rows "$rows" --dir "$dir/gen" --generate-only >/dev/null
mkdir -p "$dir/project/data"
# The first 99% now, the last 1% later (same header).
total=$((rows + 1))
keep=$((rows * 99 / 100 + 1))
head -n "$keep" "$dir/gen/mentions.csv" > "$dir/project/data/mentions.csv"
{ head -n 1 "$dir/gen/mentions.csv"; tail -n +"$((keep + 1))" "$dir/gen/mentions.csv"; } > "$dir/late.csv"
cat > "$dir/project/brandlens.toml" <<'TOML'
[project]
name = "1M mentions"
industry = "food_and_drink"
[[brands]]
name = "山茶集"
own = true
aliases = ["ShanCha", "山茶", "山查集", "山茶集鲜奶茶", "山茶集柠檬茶"]
[[brands]]
name = "青柠社"
aliases = ["Qingning", "柠社", "青宁社", "青柠社暴打柠檬"]
[[brands]]
name = "蜜桃堂"
aliases = ["Mitaotang", "桃堂", "蜜淘堂", "蜜桃堂芝士桃桃"]
[[brands]]
name = "茶小满"
aliases = ["Chaxiaoman", "小满", "茶晓满", "茶小满鲜果茶"]
[[sources]]
kind = "mentions"
path = "data/mentions.csv"
[[sources]]
kind = "mentions"
path = "data/late.csv"
TOML
measure() {  # prints "seconds peak_mb"
  /usr/bin/time -f "%e %M" "$build/brandlens" run -p "$dir/project" 2>&1 >/dev/null | tail -1 | awk '{printf "%s %.0f\n", $1, $2/1024}'
}
head -n 1 "$dir/gen/mentions.csv" > "$dir/project/data/late.csv"  # header only, for now
read -r first_s first_mb < <(measure)
cp "$dir/late.csv" "$dir/project/data/late.csv"
read -r again_s again_mb < <(measure)
printf '{"benchmark": "run_1m_mentions", "rows": %d, "first_run_s": %s, "first_run_peak_mb": %s, "rerun_with_1pct_new_s": %s, "rerun_peak_mb": %s}\n' \
  "$rows" "$first_s" "$first_mb" "$again_s" "$again_mb"
