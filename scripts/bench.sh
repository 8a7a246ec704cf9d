#!/usr/bin/env bash
# `make bench`: builds what the benchmarks need (release CLI and bench binary, the WebAssembly
# package), runs the native benchmark (src/bin/bench/) and the browser benchmark (bench/run.mjs:
# headless Chromium, the JS API, the viewer page, compromise side by side), and prints one
# markdown table, also written to bench/RESULTS.md. Figures are reported, never asserted.
#   scripts/bench.sh [--quick]   --quick: fewer runs and no 10 MB inputs (about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

quick=()
case "${1:-}" in
  "") ;;
  --quick) quick=(--quick) ;;
  *) echo "usage: scripts/bench.sh [--quick]" >&2; exit 2 ;;
esac

bash scripts/setup.sh --test   # wasm target, wasm-bindgen, npm packages (compromise), chromium
echo "==> building the WebAssembly package and the release binaries"
bash scripts/build-wasm.sh
cargo build --release --quiet --bin statement-viewer --bin bench

mkdir -p target/bench
echo "==> native benchmark (target/release/bench)"
target/release/bench "${quick[@]}" --out target/bench/native.json
echo "==> browser benchmark (bench/run.mjs, headless Chromium)"
out=bench/RESULTS.md
[ ${#quick[@]} -eq 0 ] || out=target/bench/RESULTS-quick.md
node bench/run.mjs "${quick[@]}" --native target/bench/native.json --out "$out"
