//! The phrase matcher (`src/phrases.rs`) against a plain reference: fold the text (each run of
//! whitespace one space, or a line feed where it holds a blank line; curly quotes and Unicode
//! hyphens straight), look for every folded phrase at every position, keep the matches that do
//! not start or end inside a word, and map them back to the original text. The matcher must report
//! exactly these, for any phrases and text built from words that overlap, differ in case, and are
//! joined by spaces, line breaks, blank lines, hyphens and quotes of both kinds; phrases added with
//! `add_capitalized` only where the text writes their first letter as a capital.

use proptest::prelude::*;
use statement_viewer::phrases::{fold_char, Case, Phrases};
use statement_viewer::Span;

const WORDS: &[&str] = &[
    "UN", "un", "United", "UNITED", "Nations", "nations", "Côte", "CÔTE", "d", "Ivoire", "s", "x_1", "2016", "Ü", "ß",
];
const JOINS: &[&str] = &[
    " ", "  ", "\n", " \n ", "\n\n", "\r\n\r\n", "-", "\u{2011}", "'", "’", "\u{a0}", "", ".", ", ", "\t", "\u{1}", "é",
];

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The folded text and, for each folded byte (and its end), the original offset.
fn fold_with_map(s: &str) -> (String, Vec<usize>) {
    let (mut out, mut map) = (String::new(), Vec::new());
    let mut run: Option<usize> = None; // line feeds in the current whitespace run
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            match run.as_mut() {
                Some(n) => *n += (c == '\n') as usize,
                None => {
                    run = Some((c == '\n') as usize);
                    out.push(' ');
                    map.push(i);
                }
            }
            if run == Some(2) {
                out.pop();
                out.push('\n');
            }
            continue;
        }
        run = None;
        let f = fold_char(c);
        map.extend(std::iter::repeat_n(i, f.len_utf8()));
        out.push(f);
    }
    map.push(s.len());
    (out, map)
}

/// `capitalized[id]`: phrase `id` was added with `add_capitalized`.
fn reference(phrases: &[String], capitalized: &[bool], text: &str, case: Case) -> Vec<(Span, u32)> {
    let (folded, map) = fold_with_map(text);
    let mut out = Vec::new();
    for s in (0..folded.len()).filter(|&s| folded.is_char_boundary(s)) {
        for (id, p) in phrases.iter().enumerate() {
            let (p, _) = fold_with_map(p.trim());
            let e = s + p.len();
            let Some(surface) = folded.get(s..e) else { continue };
            let same = match case {
                Case::Ascii => surface.eq_ignore_ascii_case(&p),
                Case::Exact => surface == p,
            };
            if p.is_empty() || !same || p.contains('\n') {
                continue;
            }
            let before = folded[..s].chars().next_back();
            let after = folded[e..].chars().next();
            let glued_start = before.is_some_and(is_word) && p.starts_with(is_word);
            let glued_end = after.is_some_and(is_word) && p.ends_with(is_word);
            let capital = p.starts_with(|c: char| c.is_ascii_uppercase());
            let written_so = !capitalized[id] || !capital || text.as_bytes()[map[s]].is_ascii_uppercase();
            if !glued_start && !glued_end && written_so {
                out.push((Span::new(map[s], map[e]), id as u32));
            }
        }
    }
    out.sort_by_key(|&(s, id)| (s.start, s.end, id));
    out
}

fn joined(parts: &[(usize, usize)]) -> String {
    parts.iter().map(|&(w, j)| format!("{}{}", WORDS[w], JOINS[j])).collect()
}

fn piece() -> impl Strategy<Value = (usize, usize)> {
    (0..WORDS.len(), 0..JOINS.len())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn matches_what_the_reference_finds(
        phrases in prop::collection::vec((prop::option::weighted(0.2, 0..JOINS.len()), prop::collection::vec(piece(), 1..4)), 1..6),
        capitalized in prop::collection::vec(any::<bool>(), 6),
        text in prop::collection::vec(piece(), 0..80),
        exact in any::<bool>(),
    ) {
        let case = if exact { Case::Exact } else { Case::Ascii };
        // Words with what joins them; a phrase ends with a word, as the data files' phrases do, and
        // may start with a mark (a quote that curly ones fold to, a hyphen).
        let phrases: Vec<String> = phrases.iter().map(|(lead, p)| {
            let s = joined(p);
            let lead = lead.map_or("", |j| JOINS[j]);
            format!("{lead}{}", &s[..s.len() - JOINS[p[p.len() - 1].1].len()])
        }).collect();
        let text = joined(&text);
        let mut m = Phrases::new(case);
        for (p, &capitalized) in phrases.iter().zip(&capitalized) {
            if capitalized {
                m.add_capitalized(p);
            } else {
                m.add(p);
            }
        }
        let mut got = Vec::new();
        m.for_each(&text, |s, id| got.push((s, id)));
        got.sort_by_key(|&(s, id)| (s.start, s.end, id));
        let want = reference(&phrases, &capitalized, &text, case);
        prop_assert_eq!(got, want, "phrases {:?} capitalized {:?} text {:?}", phrases, capitalized, text);
    }
}

#[test]
fn the_reference_itself() {
    let text = "the united\n nations, UNITED NATIONS’ d’Ivoire\n\nNations United-Nations";
    let phrases = ["United Nations".to_string(), "d'Ivoire".to_string(), "Nations".to_string()];
    let found: Vec<(&str, u32)> =
        reference(&phrases, &[false; 3], text, Case::Ascii).into_iter().map(|(s, id)| (s.of(text), id)).collect();
    assert_eq!(
        found,
        vec![
            ("united\n nations", 0),
            ("nations", 2),
            ("UNITED NATIONS", 0),
            ("NATIONS", 2),
            ("d’Ivoire", 1),
            ("Nations", 2),
            ("Nations", 2),
        ]
    );
    let found = reference(&phrases, &[false; 3], text, Case::Exact);
    // A capitalized phrase is found only where its capital is written.
    let capitalized = reference(&phrases, &[true; 3], text, Case::Ascii);
    assert_eq!(
        capitalized.iter().map(|(s, _)| s.of(text)).collect::<Vec<_>>(),
        vec!["UNITED NATIONS", "NATIONS", "d’Ivoire", "Nations", "Nations"]
    );
    assert_eq!(found.iter().map(|(s, _)| s.of(text)).collect::<Vec<_>>(), vec!["d’Ivoire", "Nations", "Nations"]);
}
