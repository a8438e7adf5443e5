#!/usr/bin/env bash
# Installs the Debian packages brandlens needs to build, test and benchmark.
# Idempotent and quiet: it runs `apt-get update` and `apt-get install` only
# when a package is missing, so `make` on a ready machine costs ~50 ms here.
set -euo pipefail

# Build and runtime libraries (see ../shared/DEPENDENCIES.md for notes on each).
packages=(
  build-essential cmake pkg-config
  libicu-dev libsqlite3-dev libopencc-dev libopencc-data libfasttext-dev
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libtoml11-dev
  libabsl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # Baseline for the import benchmark: sqlite3's own CSV `.import`.
  sqlite3
)

# `setup.sh bench` adds the tools brandlens is compared with (benchmarks
# only, never a runtime dependency).
if [ "${1:-}" = "bench" ]; then
  packages+=(python3 python3-jieba python3-sklearn fasttext)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
