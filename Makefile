# Thin wrapper over CMake presets: the README's two commands.
JOBS ?= $(shell nproc)
SCENARIO ?= scenarios/december-2023.yaml
BIN := build/release/src/apps/borderflow

.PHONY: deps build run test bench clean

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

clean:
	rm -rf build out
