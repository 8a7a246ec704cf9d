//! Time of each stage of `annotate` on one input: where the time goes, for profiling work.
//!
//!   cargo run --release --example stages -- [BYTES | FILE] [STAGE]
//!
//! The input is FILE, or the corpus statements (`../shared/corpus/{seed,dev,extra}/*.txt`, joined
//! with blank lines as `make bench` joins them) repeated and cut to BYTES (default 1000000).
//! Prints the fastest of several runs of each stage (or only of the stages whose name contains
//! STAGE, run once: for a profiler), in milliseconds.

use std::hint::black_box;
use std::time::Instant;

use statement_viewer::entities::{acronyms, gazetteer, names, rules};
use statement_viewer::span::{OffsetMap, Unit};
use statement_viewer::{annotate, dates, entities, structure, text, Options};

fn fastest<R>(name: &str, runs: usize, f: impl Fn() -> R) {
    let only = std::env::args().nth(2);
    if only.as_deref().is_some_and(|o| !name.contains(o)) {
        return;
    }
    let runs = if only.is_some() { 0 } else { runs };
    let mut best = f64::MAX;
    for _ in 0..runs + 1 {
        let start = Instant::now();
        black_box(f());
        best = best.min(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!("{name:24} {best:9.2} ms");
}

fn corpus(size: usize) -> String {
    let mut joined = String::new();
    for dir in ["seed", "dev", "extra"] {
        let Ok(entries) = std::fs::read_dir(format!("../shared/corpus/{dir}")) else { continue };
        let mut files: Vec<_> =
            entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        for f in files {
            joined.push_str(&std::fs::read_to_string(f).unwrap_or_default());
            joined.push_str("\n\n");
        }
    }
    assert!(!joined.is_empty(), "no corpus at ../shared/corpus: give a FILE");
    let mut text = String::new();
    while text.len() < size {
        text.push_str(&joined);
    }
    let mut cut = size;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(text[..cut].rfind('\n').unwrap_or(cut));
    text
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "1000000".into());
    let input = match arg.parse::<usize>() {
        Ok(size) => corpus(size),
        Err(_) => std::fs::read_to_string(&arg).expect("a UTF-8 file"),
    };
    let text = input.as_str();
    let runs = (20_000_000 / text.len().max(1)).clamp(2, 20);
    let opts = Options::default();
    println!("{} bytes, fastest of {} runs", text.len(), runs + 1);
    fastest("annotate", runs, || annotate(text));
    fastest("structure::parse", runs, || structure::parse(text, &opts));
    fastest("  text::lines", runs, || text::lines(text));
    let doc = structure::parse(text, &opts);
    fastest("entities::recognize", runs, || entities::recognize(text, &doc, &opts));
    fastest("  gazetteer", runs, || gazetteer::gazetteer().find_all(text));
    fastest("  rules", runs, || {
        let mut out = Vec::new();
        rules::candidates(text, &mut out);
        out
    });
    fastest("    dates::scan", runs, || dates::scan(text));
    let mut gaz = gazetteer::gazetteer().find_all(text);
    gaz.sort_unstable_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    fastest("  names", runs, || {
        let mut out = Vec::new();
        names::candidates(text, &gaz, &mut out);
        out
    });
    let found = annotate(text).entities;
    fastest("  acronyms", runs, || acronyms::candidates(text, &found));
    fastest("UTF-16 offset map", runs, || OffsetMap::new(text, Unit::Utf16).convert(text.len() / 2));
}
