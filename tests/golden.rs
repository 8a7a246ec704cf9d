//! Golden tests: each `tests/golden/NAME.txt` is annotated and printed in a readable form
//! (statements, blocks, entities), compared with `tests/golden/NAME.out`.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the `.out` files, so a change in output
//! shows as a diff in review.

use std::fmt::Write;
use std::path::Path;

use statement_viewer::{annotate, Document};

fn show(text: &str, doc: &Document) -> String {
    let mut s = String::new();
    let q = |a: usize, b: usize| format!("{:?}", text.get(a..b).unwrap_or("<bad span>"));
    if let Some(m) = &doc.meeting {
        let president = m.president.as_ref().and_then(|p| p.name.clone());
        writeln!(
            s,
            "meeting: symbol={:?} body={:?} number={:?} date={:?} time={:?} place={:?} president={:?} members={:?} agenda={:?}",
            m.symbol, m.body, m.number, m.date, m.time, m.place, president, m.members, m.agenda
        )
        .unwrap();
    }
    for b in &doc.blocks {
        writeln!(s, "  [{}] {}", serde_json::to_value(b.kind).unwrap().as_str().unwrap(), q(b.start, b.end)).unwrap();
    }
    for (i, st) in doc.statements.iter().enumerate() {
        let sp = &st.speaker;
        writeln!(
            s,
            "statement {i}: name={:?} honorific={:?} role={:?} roles={:?} country={:?} ({:?}) body={:?} meeting={:?} topic={:?} place={:?} date={:?} language={:?} notes={:?}",
            sp.name, sp.honorific, sp.role, sp.roles, sp.country, sp.country_code, st.body, st.meeting, st.topic, st.place, st.date, st.language, st.notes
        )
        .unwrap();
        for b in &st.blocks {
            let kind = serde_json::to_value(b.kind).unwrap();
            let n = b.number.map(|n| format!(" #{n}")).unwrap_or_default();
            let hy = if b.soft_hyphens.is_empty() {
                String::new()
            } else {
                format!(", soft hyphens at {:?}", b.soft_hyphens)
            };
            writeln!(
                s,
                "  [{}{n}] {} ({} sentences{hy})",
                kind.as_str().unwrap(),
                q(b.start, b.end),
                b.sentences.len()
            )
            .unwrap();
        }
    }
    for e in &doc.entities {
        let mut extra = String::new();
        if e.canonical != e.text {
            extra += &format!(" = {:?}", e.canonical);
        }
        if let Some(c) = &e.code {
            extra += &format!(" [{c}]");
        }
        if let Some(l) = &e.link {
            extra += &format!(" <{l}>");
        }
        writeln!(s, "{:<12} {}{extra}", e.kind.as_str(), q(e.start, e.end)).unwrap();
    }
    s
}

#[test]
fn golden_documents() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty());
    let mut failures = Vec::new();
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let got = show(&text, &annotate(&text));
        let out = input.with_extension("out");
        if update {
            std::fs::write(&out, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&out).unwrap_or_default();
        if want != got {
            failures.push(format!("{}:\n--- want\n{want}\n--- got\n{got}", out.display()));
        }
    }
    assert!(failures.is_empty(), "golden output changed (UPDATE_GOLDEN=1 to accept):\n{}", failures.join("\n"));
}
