#!/usr/bin/env bash
# Runs every benchmark against its baseline; each prints one JSON object.
# Real review data comes from ../shared/data when present (a user's clone
# has none: the demo world's mentions stand in).
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh" bench

reviews="$root/../shared/data/ChnSentiCorp_htl_all.csv"
text_column=review
label_column=label
if [ ! -f "$reviews" ]; then
  "$build/brandlens" demo --generate-only --out "$build/bench-demo" >/dev/null
  reviews="$build/bench-demo/truth/mentions.csv"
  text_column=text
  label_column=sentiment
fi

"$build/bench/import_bench"
/usr/bin/python3 "$root/bench/text_speed.py" "$build/brandlens" "$reviews" "$text_column"
/usr/bin/python3 "$root/bench/sentiment_baselines.py" "$build/brandlens" "$reviews" "$text_column" "$label_column"
/usr/bin/python3 "$root/bench/english_sentiment.py" "$build/brandlens" "$root/third_party/npm" "$root/data/devsets/en_reviews.csv"
/usr/bin/python3 "$root/bench/cluster_bench.py" "$build/brandlens" "$build/cluster-bench"
[ -x "$build/bench/kmeans_kernel_bench" ] && OMP_WAIT_POLICY=passive "$build/bench/kmeans_kernel_bench"
/usr/bin/python3 "$root/bench/forecast_bench.py" "$build/brandlens" "$build/forecast-bench"
/usr/bin/python3 "$root/bench/personas_scale.py" "$build/brandlens" 1000000 "$build/personas-scale"
bash "$root/bench/run_1m.sh" "$build"
"$build/bench/mmm_eval" 40
/usr/bin/python3 "$root/bench/recommend_bench.py" "$build/brandlens" "$build/recommend-bench"
