# Thin wrapper over CMake presets: the README's two commands.
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/december-2023.yaml
BIN := build/release/src/apps/borderflow

.PHONY: deps build run test bench fuzz sanitizers clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

run: build
	rm -rf out
	$(BIN) run $(SCENARIO) --out out

test: build
	ctest --preset release -j $(JOBS)

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
