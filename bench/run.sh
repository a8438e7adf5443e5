#!/usr/bin/env bash
# Runs every benchmark against its baseline; each prints one JSON object.
set -euo pipefail
build=${1:-build}
"$build/bench/import_bench" "${@:2}"
