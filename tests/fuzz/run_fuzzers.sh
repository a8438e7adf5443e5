#!/usr/bin/env bash
# Runs every libFuzzer target for a fixed time on a copy of its seed corpus
# and fails on the first crash, leak or sanitizer report. Prints how many
# inputs each target ran. Usage: run_fuzzers.sh BUILD_DIR SECONDS
set -euo pipefail
build="$(cd "$1" && pwd)"
seconds="${2:-45}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$build/fuzz-work"
mkdir -p "$work"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
for target in "$build"/fuzz/*_fuzz; do
  name="$(basename "$target" _fuzz)"
  corpus="$work/corpus/$name"
  artifacts="$work/artifacts/$name/"
  mkdir -p "$corpus" "$artifacts"
  log="$work/$name.log"
  # -rss_limit_mb guards against runaway memory; -max_len lets whole small
  # files through (default 4 KiB is below a realistic CSV).
  if "$target" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=25 \
       -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$here/corpus/$name" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $name: $runs inputs in ${seconds}s, no crash"
  else
    echo "fuzz $name: FAILED (see $log; the input is in $artifacts)"
    grep -E "ERROR|SUMMARY|runtime error" "$log" | head -5 || true
    status=1
  fi
done
exit $status
