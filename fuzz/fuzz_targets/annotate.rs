//! Arbitrary bytes, read as lossy UTF-8, through `annotate_with` (default options), the HTML
//! renderer and the UTF-16 / char offset maps: nothing may panic and every invariant of
//! `tests/invariants/mod.rs` must hold (a violation panics, so libFuzzer keeps the input).

#![no_main]

use libfuzzer_sys::fuzz_target;
use statement_viewer::Options;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::annotate_checked(&text, &Options::default());
});
