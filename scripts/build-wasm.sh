#!/usr/bin/env bash
# Builds the WebAssembly package the page loads: www/pkg/statement_viewer.js (+ .d.ts) and
# www/pkg/statement_viewer_bg.wasm, optimised for size. Run scripts/setup.sh first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
out=www/pkg

# 1. Compile the library for the browser: opt-level "z" (Cargo.toml). Built for speed it would
#    not fit the page's download budget: "s" is about 1.35x as fast but about 31 KB more gzipped;
#    LLVM's inline threshold raised to 25 (-C llvm-args=-inline-threshold=25) gained 3-9% for
#    about 2 KB, which the budget no longer leaves.
cargo build --profile wasm-release --target wasm32-unknown-unknown --lib

# 2. Generate the JS glue (ES module for <script type="module">) and TypeScript declarations.
target_dir=$(cargo metadata --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).target_directory))')
wasm-bindgen --target web --out-dir "$out" "$target_dir/wasm32-unknown-unknown/wasm-release/statement_viewer.wasm"

# 3. Shrink it (--converge repeats the passes while they still gain: about 0.5 KB gzipped for a
#    few seconds; the producers and target-features sections, which browsers ignore, go: 0.2 KB).
#    rustc 1.95 emits these wasm features by default, so wasm-opt must accept them; all are in
#    every browser the page supports (Chrome/Edge 91+, Firefox 89+, Safari 15+).
wasm=$out/statement_viewer_bg.wasm
node_modules/.bin/wasm-opt -Oz --converge --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm"

# 4. Report the size the browser downloads.
raw=$(wc -c <"$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
echo "build-wasm: $wasm is $raw bytes ($((raw / 1024)) KiB), $gz bytes gzipped ($((gz / 1024)) KiB)"
