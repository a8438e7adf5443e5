# The user's entry points. Each target installs missing Debian packages
# (scripts/setup.sh), configures and builds with CMake, then acts.
#   make / make demo   Release build (warnings are not errors for users)
#   make test          the whole suite: unit, slow and end-to-end tests
#   make check         the unit tests alone (fast)
#   make asan          the suite built with ASan + UBSan (clang), in build-asan
#   make fuzz          the libFuzzer targets for FUZZ_SECONDS each, in build-asan
#   make install       installs bin/brandlens under PREFIX (default /usr/local)
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
FUZZ_SECONDS ?= 45
# Warnings are errors in development and CI (make test / check / asan, or
# WERROR=ON), never for a user's `make demo`.
WERROR ?= OFF
CMAKE_FLAGS ?=

.PHONY: all setup configure build demo test check asan-build asan fuzz install bench clean

all: build

setup:
	@bash scripts/setup.sh

configure: setup
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release -DBRANDLENS_WERROR=$(WERROR) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

demo: build
	@$(BUILD_DIR)/brandlens demo --out $(BUILD_DIR)/demo

test: WERROR = ON
test: build
	@bash scripts/setup.sh test
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

check: WERROR = ON
check: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -L unit

# One clang build with ASan + UBSan and libFuzzer coverage serves both the
# sanitized test suite and the fuzz targets.
asan-build: setup
	@bash scripts/setup.sh asan
	@CC=clang CXX=clang++ cmake -S . -B $(ASAN_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBRANDLENS_WERROR=ON \
	  -DBRANDLENS_FUZZ=ON -DBRANDLENS_BUILD_BENCH=OFF $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS)

asan: asan-build
	@cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -E 'ReportRendersInChromium'

fuzz: asan-build
	@bash tests/fuzz/run_fuzzers.sh $(ASAN_DIR) $(FUZZ_SECONDS)

install: build
	@cmake --install $(BUILD_DIR) --prefix $(PREFIX)

bench: build
	@bash bench/run.sh $(BUILD_DIR)

clean:
	@rm -rf $(BUILD_DIR) $(ASAN_DIR)
