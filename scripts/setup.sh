#!/usr/bin/env bash
# Installs what building and testing need, on a fresh Debian machine; does nothing when all is there.
#   scripts/setup.sh          wasm32 target, wasm-bindgen-cli (the version Cargo.lock pins), npm packages
#   scripts/setup.sh --test   the same, plus Debian's chromium for the browser tests
# Each step that has work to do prints one line; a failing step prints its captured output.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

want_browser=0
case "${1:-}" in
  "") ;;
  --test) want_browser=1 ;;
  *) echo "usage: scripts/setup.sh [--test]" >&2; exit 2 ;;
esac

# Runs a command with its output kept in a log, shown only if the command fails.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "setup: FAILED: $*" >&2
    exit 1
  fi
  rm -f "$log"
}

# 1. The Rust target for WebAssembly.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the Rust target wasm32-unknown-unknown"
  quietly rustup target add wasm32-unknown-unknown
fi

# 2. wasm-bindgen-cli, at exactly the version of the wasm-bindgen crate in Cargo.lock
#    (the CLI refuses to process output of a different crate version).
[ -f Cargo.lock ] || quietly cargo generate-lockfile
pinned=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$pinned" ] || { echo "setup: no wasm-bindgen package in Cargo.lock" >&2; exit 1; }
# Another cargo install of it may be under way (a second shell, a previous run): wait for it.
while command -v pgrep >/dev/null && pgrep -f 'cargo install wasm-bindgen-cli' >/dev/null; do
  echo "setup: waiting for a running 'cargo install wasm-bindgen-cli' to finish"
  sleep 10
done
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$installed" != "$pinned" ]; then
  echo "setup: installing wasm-bindgen-cli $pinned (was: ${installed:-none}; takes about 3 minutes)"
  quietly cargo install wasm-bindgen-cli --version "$pinned"
fi

# 3. npm packages (wasm-opt, playwright-core, axe-core), when missing or older than the lockfile.
#    npm writes node_modules/.package-lock.json on every install, so it dates the install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)"
  quietly npm ci --no-audit --no-fund
  touch node_modules/.package-lock.json
fi

# 4. With --test: Debian's chromium for the browser tests.
if [ "$want_browser" = 1 ] && [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing chromium (apt-get)"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  quietly $sudo apt-get update
  quietly $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
