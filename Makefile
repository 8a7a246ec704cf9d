# statement-viewer: build, serve and test. Every target installs what it needs first
# (scripts/setup.sh), so each works on a fresh machine.
#   make serve   build the WebAssembly package and serve the viewer at http://127.0.0.1:8080/
#   make build   the WebAssembly package (www/pkg) and the release CLI (target/release/statement-viewer)
#   make test    Rust tests, Node tests of the package, browser tests in headless chromium
#   make dist    dist/statement-viewer.html (one file, works from disk), dist/site/ (static site),
#                dist/statement-viewer-X.Y.Z.tgz (npm package: element, API, types, wasm)
#   make bench   native and browser benchmarks: one table of figures beside their budgets,
#                also written to bench/RESULTS.md (reports speed, never fails on it)
#   make clean   remove build output

SHELL := bash
# Seconds per fuzz target in `make test` (scripts/fuzz.sh); longer runs: make test FUZZ_SECONDS=600.
FUZZ_SECONDS ?= 30
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.PHONY: serve build test dist bench clean

# Runs one test step after naming it; on failure, names the step and stops.
step = @echo "==> $(1)" && { $(1) || { echo "make test: FAILED: $(1)" >&2; exit 1; }; }

serve:
	@bash scripts/setup.sh
	bash scripts/build-wasm.sh
	@echo "Serving the viewer at http://127.0.0.1:8080/"
	python3 -m http.server 8080 --bind 127.0.0.1 --directory www

build:
	@bash scripts/setup.sh
	bash scripts/build-wasm.sh
	cargo build --release

test:
	$(call step,bash scripts/setup.sh --test)
	$(call step,bash scripts/build-wasm.sh)
	$(call step,cargo test)
	$(call step,node --test tests/node/)
	$(call step,node --test tests/e2e/)
	$(call step,bash scripts/fuzz.sh $(FUZZ_SECONDS))
	@echo "make test: all steps passed"

dist:
	@bash scripts/setup.sh
	bash scripts/build-wasm.sh
	bash scripts/build-dist.sh dist

bench:
	bash scripts/bench.sh

clean:
	cargo clean
	rm -rf www/pkg dist test-results
