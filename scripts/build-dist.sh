#!/usr/bin/env bash
# Builds what is shipped, from the WebAssembly package in www/pkg (bash scripts/build-wasm.sh):
#   OUT/statement-viewer.html       the viewer as ONE file: opens from disk (file://), no server,
#                                   no network (scripts/single-file.mjs)
#   OUT/site/                       the viewer as a static site: copy it to any web host
#   OUT/statement-viewer-X.Y.Z.tgz  the npm package (npm pack): the element, the API, their
#                                   types and the wasm package
# Usage: bash scripts/build-dist.sh [OUT]   (OUT defaults to dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-dist}

if [ ! -f www/pkg/statement_viewer_bg.wasm ] || [ ! -f www/pkg/statement_viewer.js ]; then
  echo "build-dist: www/pkg is missing: run bash scripts/build-wasm.sh first" >&2
  exit 1
fi
cargo_version=$(awk -F'"' '/^version *=/ { print $2; exit }' Cargo.toml)
npm_version=$(node -p 'require("./package.json").version')
if [ "$cargo_version" != "$npm_version" ]; then
  echo "build-dist: package.json version $npm_version differs from Cargo.toml version $cargo_version" >&2
  exit 1
fi

mkdir -p "$out"

# 1. The single file.
node scripts/single-file.mjs "$out/statement-viewer.html"

# 2. The static site: the page, the element and its example, the wasm package (no type
#    declarations, no tests).
rm -rf "$out/site"
mkdir -p "$out/site"
cp -R www/. "$out/site/"
find "$out/site" \( -name '*.d.ts' -o -name '.gitignore' \) -delete
echo "build-dist: $out/site/ ($(find "$out/site" -type f | wc -l) files)"

# 3. The npm package.
rm -f "$out"/statement-viewer-*.tgz
tarball=$(npm pack --silent --pack-destination "$out" | tail -n 1)
echo "build-dist: $out/$tarball"
