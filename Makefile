# Thin wrapper over CMake presets: the README's two commands, and `make check` for every day.
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/december-2023.yaml
BIN := build/release/src/apps/borderflow

.PHONY: deps configure build run serve test check lint bench fuzz sanitizers clean

deps:
	bash scripts/install-deps.sh

configure: deps
	cmake --preset release

build: configure
	cmake --build --preset release -j $(JOBS)

run: build
	rm -rf out
	$(BIN) run $(SCENARIO) --out out

# The what-if page (docs/serve.md) on http://127.0.0.1:8080/ until Ctrl-C.
serve: build
	$(BIN) serve $(SCENARIO)

# Every test, all tiers (docs/reliability.md, "Test tiers and CI").
test: build
	ctest --preset release -j $(JOBS)

# Day to day: lint first (fails fast, needs no build; clang-tidy only on what changed since
# main, LINT_TIDY=changed), then build, then every test but the slow ones (ctest label `slow`).
# One tier alone: ctest --preset release -L model
check: configure
	LINT_TIDY=$${LINT_TIDY:-changed} bash scripts/lint.sh
	cmake --build --preset release -j $(JOBS)
	ctest --preset release -j $(JOBS) -LE slow

# Include direction of src/'s layers, clang-format, clang-tidy on every source (scripts/lint.sh).
lint: configure
	bash scripts/lint.sh

bench: build
	bash scripts/run-benchmarks.sh

# Each libFuzzer target for FUZZ_SECONDS (default 60); see docs/reliability.md.
fuzz: deps
	bash scripts/fuzz.sh

# The test suite under ASan+UBSan and the threaded tests under TSan.
sanitizers: deps
	bash scripts/sanitizers.sh

clean:
	rm -rf build out
