//! The invariants every [`Document`] keeps, for every text and every [`Options`]: the one
//! definition shared by `tests/properties.rs`, `tests/regressions.rs` and the fuzz targets
//! (`fuzz/fuzz_targets/*.rs` include this file by path). Each check panics with a message that
//! names the broken invariant, so proptest shrinks on it and libFuzzer saves the input.
//!
//! - spans: every entity, statement, block, sentence and soft hyphen lies inside the text, on char
//!   boundaries; entities, blocks and sentences are non-empty; entities are in text order, never
//!   overlapping, and `e.text` is their text; statements are in text order and hold their
//!   blocks; sentences (in order) and soft hyphens lie in their block; a soft hyphen is a hyphen
//!   (`-`, U+2010, U+2011 or U+00AD);
//! - options: no entities when `entities` is off, only the listed `kinds`, no sentences when
//!   `sentences` is off;
//! - HTML: the renderer's tags are balanced and known, and its text content (tags removed, the
//!   five escapes undone) is the input exactly; it hides each soft hyphen (and nothing else but
//!   the line break after it);
//! - offsets: UTF-16 and char offsets (`span::OffsetMap`) slice the same text out of the UTF-16
//!   encoding / the char sequence, and `Document::map_offsets` there and back gives the document
//!   again;
//! - serde: the document survives a JSON round trip.

#![allow(dead_code)]

use std::cell::RefCell;

use statement_viewer::render::html;
use statement_viewer::span::{OffsetMap, Unit};
use statement_viewer::{annotate_with, Block, Document, Options};

/// Annotates `text` with `options`, checks every invariant and returns the document.
pub fn annotate_checked(text: &str, options: &Options) -> Document {
    let doc = annotate_with(text, options);
    check(text, &doc, options);
    doc
}

/// Checks every invariant of `doc`, the document of `text` under `options`.
pub fn check(text: &str, doc: &Document, options: &Options) {
    check_spans(text, doc);
    check_options(doc, options);
    check_html(text, doc);
    check_offset_maps(text, doc);
    check_serde(doc);
}

/// A short, printable excerpt of `text` around byte `at`, for failure messages.
pub fn around(text: &str, at: usize) -> String {
    let mut a = at.saturating_sub(40).min(text.len());
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (at + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{:?}", &text[a..b])
}

fn span_ok(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what} {start}..{end}: start after end, near {}", around(text, start));
    assert!(end <= text.len(), "{what} {start}..{end}: past the end of a text of {} bytes", text.len());
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what} {start}..{end}: not on char boundaries, near {}",
        around(text, start)
    );
}

fn check_block(text: &str, b: &Block, what: &str) {
    let what = format!("{what} {:?} block {}..{}", b.kind, b.start, b.end);
    span_ok(text, b.start, b.end, &what);
    assert!(b.start < b.end, "{what}: empty, near {}", around(text, b.start));
    let mut last = b.start;
    for s in &b.sentences {
        span_ok(text, s.start, s.end, &format!("{what}: sentence"));
        assert!(s.start < s.end, "{what}: empty sentence at {}, near {}", s.start, around(text, s.start));
        assert!(b.start <= s.start && s.end <= b.end, "{what}: sentence {}..{} outside its block", s.start, s.end);
        assert!(last <= s.start, "{what}: sentence {}..{} overlaps or precedes the one before", s.start, s.end);
        last = s.end;
    }
    for &h in &b.soft_hyphens {
        assert!(b.start <= h && h < b.end, "{what}: soft hyphen at {h} outside its block");
        assert!(
            text.is_char_boundary(h) && text[h..].starts_with(is_hyphen),
            "{what}: soft hyphen at {h} is not a hyphen, near {}",
            around(text, h)
        );
    }
}

/// The characters a line-end hyphen may be: hyphen-minus, hyphen, non-breaking hyphen, soft hyphen.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{AD}')
}

/// Spans inside the text, on char boundaries, ordered as the model promises.
pub fn check_spans(text: &str, doc: &Document) {
    let mut last_end = 0;
    for e in &doc.entities {
        let what = format!("{:?} entity {}..{} {:?}", e.kind, e.start, e.end, e.text);
        span_ok(text, e.start, e.end, &what);
        assert!(e.start < e.end, "{what}: empty, near {}", around(text, e.start));
        assert!(last_end <= e.start, "{what}: overlaps or precedes the entity before (ending at {last_end})");
        assert_eq!(e.text, &text[e.start..e.end], "{what}: `text` is not the covered text");
        last_end = e.end;
    }
    let mut last_end = 0;
    for (i, st) in doc.statements.iter().enumerate() {
        let what = format!("statement {i} {}..{}", st.start, st.end);
        span_ok(text, st.start, st.end, &what);
        assert!(last_end <= st.start, "{what}: overlaps or precedes the statement before (ending at {last_end})");
        last_end = st.end;
        for b in &st.blocks {
            check_block(text, b, &what);
            assert!(
                st.start <= b.start && b.end <= st.end,
                "{what}: holds {:?} block {}..{} that lies outside it, near {}",
                b.kind,
                b.start,
                b.end,
                around(text, b.start)
            );
        }
    }
    for b in &doc.blocks {
        check_block(text, b, "top-level");
    }
}

/// What the options promise.
pub fn check_options(doc: &Document, options: &Options) {
    if !options.entities {
        assert!(doc.entities.is_empty(), "entities although the `entities` option is off: {:?}", doc.entities);
    }
    if let Some(kinds) = &options.kinds {
        for e in &doc.entities {
            assert!(kinds.contains(&e.kind), "{:?} entity {:?} although kinds = {kinds:?}", e.kind, e.text);
        }
    }
    if !options.sentences {
        for b in doc.all_blocks() {
            assert!(
                b.sentences.is_empty(),
                "{:?} block {}..{} has sentences with `sentences` off",
                b.kind,
                b.start,
                b.end
            );
        }
    }
}

/// The HTML renderer: known, balanced tags; text content equal to the input; each soft hyphen
/// wrapped in its `sv-soft-hyphen` span, alone or with the line break after it.
pub fn check_html(text: &str, doc: &Document) {
    let out = html::render(text, doc);
    let (content, hidden) = text_content(&out);
    assert_eq!(
        content,
        text,
        "the text content of the HTML is not the input; HTML starts {:?}",
        out.chars().take(300).collect::<String>()
    );
    // Each soft hyphen is hidden, with the line break after it or alone.
    let mut offsets: Vec<usize> = doc.all_blocks().iter().flat_map(|b| b.soft_hyphens.iter().copied()).collect();
    offsets.sort_unstable();
    assert_eq!(hidden.len(), offsets.len(), "the HTML hides {hidden:?}, not the soft hyphens at {offsets:?}");
    for (h, hidden) in offsets.iter().zip(&hidden) {
        let hyphen = text[*h..].chars().next().unwrap_or('-');
        let rest = hidden.strip_prefix(hyphen);
        assert!(
            rest.is_some_and(|r| matches!(r, "" | "\n" | "\r" | "\r\n")),
            "the HTML hides {hidden:?} for the soft hyphen at {h}, near {}",
            around(text, *h)
        );
    }
}

/// The text content of renderer output, and the text of each `sv-soft-hyphen` span, checking on
/// the way that every tag is one the renderer writes, that tags nest, and that text holds no raw
/// `>` and no `&` but the five escapes.
pub fn text_content(html: &str) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len());
    let mut hidden = Vec::new();
    // Open tags: name, and where the text of a soft-hyphen span starts in `out`.
    let mut stack: Vec<(&str, Option<usize>)> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&', '>']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        match tail.as_bytes()[0] {
            b'<' => {
                let close = tail.find('>').unwrap_or_else(|| panic!("unterminated tag at {:?}", head(tail)));
                let tag = &tail[1..close];
                if let Some(name) = tag.strip_prefix('/') {
                    let (open, hyphen) = stack.pop().unwrap_or_else(|| panic!("</{name}> closes nothing"));
                    assert_eq!(open, name, "<{open}> closed by </{name}>");
                    if let Some(start) = hyphen {
                        hidden.push(out[start..].to_string());
                    }
                } else {
                    let name = tag.split([' ', '\t', '\n']).next().unwrap_or("");
                    assert!(
                        matches!(name, "div" | "section" | "span" | "mark"),
                        "a tag the renderer does not write (escaping failed?): {:?}",
                        head(tail)
                    );
                    assert!(!tag.ends_with('/'), "self-closing tag {:?}", head(tail));
                    let hyphen = tag.contains("class=\"sv-soft-hyphen\"").then_some(out.len());
                    stack.push((name, hyphen));
                }
                rest = &tail[close + 1..];
            }
            b'&' => {
                let (c, n) = [("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&amp;", '&')]
                    .into_iter()
                    .find(|(esc, _)| tail.starts_with(esc))
                    .map(|(esc, c)| (c, esc.len()))
                    .unwrap_or_else(|| panic!("raw `&` in text content (escaping failed): {:?}", head(tail)));
                out.push(c);
                rest = &tail[n..];
            }
            _ => panic!("raw `>` in text content (escaping failed): {:?}", head(tail)),
        }
    }
    out.push_str(rest);
    assert!(stack.is_empty(), "unclosed tags: {stack:?}");
    (out, hidden)
}

fn head(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Every offset of `doc`, in the order `Document::map_offsets` visits them.
pub fn offsets(doc: &Document) -> Vec<usize> {
    let seen = RefCell::new(Vec::new());
    doc.clone().map_offsets(|o| {
        seen.borrow_mut().push(o);
        o
    });
    seen.into_inner()
}

/// UTF-16 and char offsets (`OffsetMap` through `Document::map_offsets`) slice the same text
/// out of the UTF-16 encoding / the chars, and map back to the byte offsets.
pub fn check_offset_maps(text: &str, doc: &Document) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    let bytes = offsets(doc);
    for unit in [Unit::Utf16, Unit::Char] {
        // back[u] = the byte offset at unit boundary u (usize::MAX inside a surrogate pair),
        // counted here independently of `OffsetMap`.
        let mut back = vec![usize::MAX; if unit == Unit::Utf16 { utf16.len() } else { chars.len() } + 1];
        let mut u = 0;
        for (b, c) in text.char_indices() {
            back[u] = b;
            u += if unit == Unit::Utf16 { c.len_utf16() } else { 1 };
        }
        back[u] = text.len();

        let map = OffsetMap::new(text, unit);
        let mut mapped = doc.clone();
        mapped.map_offsets(|b| map.convert(b));
        let units = offsets(&mapped);
        assert_eq!(units.len(), bytes.len());
        for (b, u) in bytes.iter().zip(&units) {
            assert!(
                back.get(*u) == Some(b),
                "{unit:?} offset {u} of byte {b} is wrong (it is byte {:?}), near {}",
                back.get(*u),
                around(text, *b)
            );
        }
        for (e, m) in doc.entities.iter().zip(&mapped.entities) {
            let got = match unit {
                Unit::Utf16 => {
                    String::from_utf16(&utf16[m.start..m.end]).expect("UTF-16 slice on surrogate boundaries")
                }
                Unit::Char => chars[m.start..m.end].iter().collect(),
            };
            assert_eq!(got, e.text, "{unit:?} offsets {}..{} of entity {}..{}", m.start, m.end, e.start, e.end);
        }
        mapped.map_offsets(|u| back[u]);
        assert!(mapped == *doc, "map_offsets({unit:?}) and back does not give the document again");
    }
}

/// The document survives JSON (what the CLI prints and JavaScript reads).
pub fn check_serde(doc: &Document) {
    let json = serde_json::to_string(doc).expect("a document serializes");
    let back: Document = serde_json::from_str(&json).expect("a serialized document deserializes");
    assert!(back == *doc, "the JSON round trip changed the document: {json:.300}");
}
