#!/usr/bin/env bash
# Fuzzes the core with cargo-fuzz (libFuzzer) for a bounded time per target, then fails if any
# target left a crash, timeout, out-of-memory or leak file in fuzz/artifacts/.
#
#   scripts/fuzz.sh [SECONDS]      SECONDS per target, default 60
#
# Targets (fuzz/fuzz_targets/): `annotate` (arbitrary bytes as lossy UTF-8 -> annotate, HTML,
# UTF-16 offsets) and `options` (Options from JSON and from structured bytes). Both assert the
# invariants of tests/invariants/mod.rs. Installs cargo-fuzz and the nightly toolchain if they
# are missing. The working corpus (fuzz/corpus/TARGET) starts from the committed seeds
# (fuzz/seeds/TARGET) and grows across runs; logs go to fuzz/logs/TARGET.log.
#
# A file in fuzz/artifacts/TARGET/ is an input that broke an invariant: reproduce it with
#   cd fuzz && cargo +nightly fuzz run -a -s none TARGET artifacts/TARGET/FILE
# turn it into a test in tests/regressions.rs named for what it broke, fix the bug, and delete
# the file (this script fails while any is there).

set -euo pipefail

secs="${1:-60}"
case "$secs" in
'' | *[!0-9]*)
    echo "usage: scripts/fuzz.sh [SECONDS per target]" >&2
    exit 2
    ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root/fuzz"

if ! rustup toolchain list | grep -q '^nightly'; then
    echo "==> installing the nightly toolchain (cargo-fuzz needs it)"
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --help >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz"
    cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

targets=(annotate options)

# No sanitizer: the crate has no `unsafe`, so AddressSanitizer only slows the search down; debug
# assertions and overflow checks stay on.
flags=(--debug-assertions --sanitizer none)

echo "==> building the fuzz targets"
cargo +nightly fuzz build "${flags[@]}"

mkdir -p logs
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "artifacts/$t"
    cp -n "seeds/$t"/* "corpus/$t/" 2>/dev/null || true
    echo "==> fuzzing $t for ${secs}s (log: fuzz/logs/$t.log)"
    # -timeout: one input taking 10 s is a hang (inputs are a few KB); -rss_limit_mb: a blow-up.
    # A crash stops this target only: the others still run, and the artifacts are checked below.
    cargo +nightly fuzz run "${flags[@]}" "$t" "corpus/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -dict="$t.dict" \
        -print_final_stats=1 >"logs/$t.log" 2>&1 || echo "    $t stopped early: see fuzz/logs/$t.log"
    # The last status line: executions, coverage (cov: edges, ft: features), corpus size.
    grep -E '^#[0-9]+' "logs/$t.log" | tail -n 1 | sed 's/^/    /' || true
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "logs/$t.log" | sed 's/^/    /' || true
done

found=0
shopt -s nullglob
for f in artifacts/*/crash-* artifacts/*/timeout-* artifacts/*/oom-* artifacts/*/leak-*; do
    found=1
    echo
    echo "==> fuzz/$f ($(wc -c <"$f") bytes):"
    if command -v python3 >/dev/null; then
        python3 -c 'import sys; print(repr(open(sys.argv[1], "rb").read()[:2000]))' "$f"
    else
        od -c "$f" | head -n 40
    fi
done
if [ "$found" = 1 ]; then
    echo
    echo "fuzz.sh: the fuzzer found inputs that break the core (above). Reproduce one with" >&2
    echo "  cd fuzz && cargo +nightly fuzz run -a -s none TARGET artifacts/TARGET/FILE" >&2
    echo "then add it to tests/regressions.rs, fix the bug and delete the file." >&2
    exit 1
fi
echo "fuzz.sh: no crash in ${#targets[@]} targets x ${secs}s"
