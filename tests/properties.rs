//! Reliability properties: for any text, `annotate` / `annotate_with` return (never panic) and
//! the document keeps every invariant of `tests/invariants/mod.rs` (spans inside the text and on
//! char boundaries, entities ordered and non-overlapping, HTML text content equal to the input,
//! UTF-16 offsets slicing the same text, `map_offsets` round trip, options honoured).
//!
//! Inputs come from four kinds of strategy: arbitrary Unicode (and a soup of characters that
//! break text tools); statement-like text assembled from fragments of real statements, the
//! phrases of the core's own data files, and the ways PDFs and web pages damage them (line
//! breaks inside names, hyphenation, page furniture, CR, NUL, BOM, RTL, emoji, HTML); the same
//! shaped as lines of headers, salutations, paragraphs, record covers and turns, some in
//! capitals; and long inputs (100k-character lines and words, 100k newlines) with fewer cases.
//! Then every file of the corpus (`$STATEMENT_VIEWER_CORPUS` or `../shared/corpus`), with its
//! line breaks rewritten and cut at odd places, and the corpus repeated into one big input.
//!
//! `PROPTEST_CASES=N` sets the case count (256 by default; long inputs get N/32), e.g.
//! `PROPTEST_CASES=5000 cargo test --release --test properties`. A failure prints the shrunk
//! input, which belongs in `tests/regressions.rs` under a name saying what it broke.

mod invariants;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use invariants::annotate_checked;
use proptest::prelude::*;
use statement_viewer::{annotate, annotate_with, EntityKind, Options};

// ---------------------------------------------------------------------------------------------
// Strategies

/// Pieces of statements, verbatim records and their damage, joined by [`SEPARATORS`].
#[rustfmt::skip]
const FRAGMENTS: &[&str] = &[
    // Honorifics, salutations, speaker introductions.
    "Mr.", "Ms.", "Mrs.", "Dr.", "H.E.", "H. E.", "Sir", "Madam", "Ambassador", "His Excellency",
    "Her Excellency", "Mr. President,", "Madam President,", "Mr. Chair,", "Excellencies,",
    "Ladies and gentlemen,", "The President:", "The President (spoke in French):",
    "The President (spoke in Spanish):", "The Secretary-General:", "Mr. Bessho (Japan):",
    "Mr. Nebenzia (Russian Federation):", "Mrs. Craft (United States of America):", "Mr. Zhang Jun (China):",
    "Ms. Juul (Norway):", "Mr. Bessho\n(Japan):", "Mr. Koro Bessho",
    "Statement by H.E. Ambassador Koro Bessho", "Permanent Representative of Japan to the United Nations",
    "Check against delivery", "As delivered", "I thank you, Mr. President.", "Thank you.",
    "I now give the floor to the representative of", "(spoke in Arabic)", "(interpretation from French)",
    // Countries, some broken across lines.
    "Japan", "the Sudan", "the Russian\nFederation", "the Russian Federation", "United\r\nKingdom",
    "United Kingdom of Great Britain and Northern Ireland", "Côte d’Ivoire", "Côte d'Ivoire",
    "São Tomé and Príncipe", "Türkiye", "Bolivia (Plurinational\nState of)",
    "Democratic Republic\nof the Congo", "Saint Vincent and the\nGrenadines", "the Niger", "Niger", "Nigeria",
    "Mali", "France", "China", "Japanese", "Malian", "Sahel", "West Africa",
    // Organizations, missions, acronyms.
    "United Nations", "the United Nations (UN)", "Security Council", "General Assembly", "MINUSMA",
    "United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)", "UNMISS",
    "African Union", "AU", "ECOWAS", "(ECOWAS)", "NATO", "UN", "UN-Women", "Peacebuilding Commission (PBC)",
    // Documents, meetings.
    "resolution 2295 (2016)", "resolution 1325\n(2000)", "resolutions 2170 (2014) and 2178 (2014)",
    "resolution", "resolution 2295", "S/PV.8701", "S/PV. 8698", "S/PV.8699 (Resumption 1)", "A/71/PV.10",
    "S/2020/123", "A/RES/70/1", "S/", "S/PV.", "A/", "document S/2016/1",
    // Dates, times, numbers.
    "7 November 2016", "13 January 2020", "2016-11-07", "November 7, 2016", "on 7\nNovember 2016", "1 000",
    "10 000 000", "1,000", "3.5 per cent", "50 per cent", "10.20 a.m.", "3 p.m.", "1.05 p.m.",
    "The meeting was called to order at 10.20 a.m.", "The meeting rose at 1 p.m.", "2030", "1945", "0",
    "twenty-first", "12/31/2020",
    // Page furniture.
    "20-00899 (E)", "20-00899", "*2000899*", "2/28", "13/01/2020", "08.01.2020", "- 2 -", "Page 3 of 12",
    "\u{c}", "\u{c}20-00899 2/28", "S/PV.8701 Security Council 13/01/2020",
    // Hyphenation at line ends.
    "peace-\nkeeping", "peace-\r\nkeeping", "troop-\ncontributing", "-\n", "peace-", "-keeping",
    "co-\noperation", "well-\n\nbeing",
    // Right-to-left, combining marks, emoji.
    "مصر", "الأمم المتحدة", "שלום", "\u{200f}", "\u{200e}", "\u{202e}", "\u{2066}", "e\u{301}", "\u{301}",
    "a\u{301}\u{302}\u{303}\u{304}\u{305}", "\u{94d}", "🇯🇵", "🇺🇳", "🇯", "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈", "👍🏽", "\u{fe0f}", "\u{200d}", "𝔘𝔑", "ﷺ",
    // Invisible and control characters, odd line breaks.
    "\0", "\r", "\r\n", "\n", "\u{a0}", "\u{202f}", "\u{2007}", "\u{feff}", "\u{200b}", "\u{ad}", "\u{2028}",
    "\u{2029}", "\u{85}", "\u{8}", "\t", "\u{b}", "\u{fffd}",
    // Quotes, brackets, punctuation.
    "“", "”", "‘", "’", "«", "»", "(", ")", "[", "]", ":", ";", ".", "...", "…", ",", "—", "–", "•", "¿", "¡",
    "!", "?", "*", "_",
    // HTML payloads.
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"", "'", "&amp;", "&lt;", "&", "<", ">",
    "</div>", "<!--", "-->", "]]>", "&#39;", "\"><mark>",
];

/// What joins two fragments.
#[rustfmt::skip]
const SEPARATORS: &[&str] = &[
    " ", " ", " ", " ", "\n", "\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\n\n\n", "", "\u{a0}", "\t", ", ",
    ". ", ".\n", ":\n", " \n", "\n ", "\n\u{c}\n", "-\n",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{1,12}", "[A-Z][a-z]{1,10}", "[A-Z]{2,8}", "[0-9]{1,7}", "[a-zA-Zàéèüöçñ’'-]{1,15}",]
}

fn speaker_intro() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["Mr.", "Ms.", "Mrs.", "Dame", "Sir", "H.E.", "Monsignor", ""][..]),
        "[A-Z][a-z]{1,10}( [A-Z][a-z]{1,10})?",
        prop::sample::select(
            &[
                "Japan",
                "Russian\nFederation",
                "Niger",
                "Côte d’Ivoire",
                "Viet Nam",
                "Saint Vincent and the Grenadines",
                "Xyz",
                "",
            ][..],
        ),
        prop::sample::select(&[":", " (spoke in French):", ":\n", "", ") :"][..]),
    )
        .prop_map(|(h, name, country, colon)| format!("{h} {name} ({country}){colon}"))
}

fn document_symbol() -> impl Strategy<Value = String> {
    prop_oneof![
        (1000u32..3000, 1945u32..2030).prop_map(|(n, y)| format!("resolution {n} ({y})")),
        (1u32..99999).prop_map(|n| format!("S/PV.{n}")),
        (1990u32..2030, 1u32..1500).prop_map(|(y, n)| format!("S/{y}/{n}")),
        (1u32..80, 1u32..300).prop_map(|(s, n)| format!("A/RES/{s}/{n}")),
    ]
}

fn number_or_date() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            1u32..32,
            prop::sample::select(&["January", "February", "March", "November", "Novembre", "enero"][..]),
            1900u32..2100
        )
            .prop_map(|(d, m, y)| format!("{d} {m} {y}")),
        (0u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a} {b:03}")),
        (1u32..13, 0u32..60, prop::sample::select(&["a.m.", "p.m.", "a.m", "h"][..]))
            .prop_map(|(h, m, ap)| format!("{h}.{m:02} {ap}")),
        (0u32..100, 1u32..100).prop_map(|(a, b)| format!("{a}/{b}")),
        (10u32..100, 0u32..100000).prop_map(|(a, b)| format!("{a}-{b:05} (E)")),
        (0u32..10000000).prop_map(|n| format!("*{n}*")),
    ]
}

/// Every phrase of the data files the core reads (`src/data/*.txt`, `src/entities/data/*.txt`):
/// offices, honorifics, salutations, notes, procedural lines, countries, organizations … split
/// at `|` and tabs, so the generators follow the data as it grows. Empty if the files moved.
fn data_phrases() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut out = Vec::new();
        for dir in [root.join("data"), root.join("entities/data")] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                let Ok(data) = std::fs::read_to_string(&path) else { continue };
                for line in data.lines().filter(|l| !l.trim_start().starts_with('#')) {
                    for piece in line.split(['|', '\t']).map(str::trim) {
                        if !piece.is_empty() && piece != "-" && piece.len() < 100 {
                            out.push(piece.trim_start_matches('~').to_string());
                        }
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    })
}

fn data_phrase() -> BoxedStrategy<String> {
    let phrases = data_phrases();
    if phrases.is_empty() {
        prop::sample::select(FRAGMENTS).prop_map(str::to_string).boxed()
    } else {
        prop::sample::select(phrases).boxed()
    }
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(FRAGMENTS).prop_map(str::to_string),
        4 => data_phrase(),
        4 => word(),
        1 => speaker_intro(),
        1 => document_symbol(),
        1 => number_or_date(),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Fragments joined by single spaces, maybe in capitals (as headers and PDF covers write them).
fn phrase_of(n: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    (prop::collection::vec(fragment(), n), 0u8..4).prop_map(|(parts, case)| {
        let s = parts.join(" ");
        if case == 0 {
            s.to_uppercase()
        } else {
            s
        }
    })
}

/// One line of a statement or record, by its role.
fn shaped_line() -> impl Strategy<Value = String> {
    let intro = prop::sample::select(
        &[
            "Statement by",
            "STATEMENT BY",
            "Remarks by",
            "Delivered by",
            "Intervención de",
            "Déclaration de",
            "Anförande av",
            "Statement of",
            "By",
        ][..],
    );
    prop_oneof![
        // Header lines: who, in which office, for which country, where, when.
        (intro, phrase_of(0..5)).prop_map(|(i, p)| format!("{i} {p}")),
        (data_phrase(), prop::sample::select(&["of", "to", "for", "de", ""][..]), phrase_of(0..4))
            .prop_map(|(o, w, p)| format!("{o} {w} {p}")),
        (prop::sample::select(&["New York", "Geneva", "NEW YORK", "Nueva York"][..]), number_or_date())
            .prop_map(|(p, d)| format!("{p}, {d}")),
        prop::sample::select(
            &[
                "---",
                "title: Statement",
                "date: 2016-11-07",
                "creator: Bessho, Koro",
                "source: PRIME MINISTER",
                "(Check against delivery)",
                "[As delivered]"
            ][..]
        )
        .prop_map(str::to_string),
        // Salutations and closings.
        (data_phrase(), prop::sample::select(&[",", ":", "", ".", ", and"][..])).prop_map(|(p, e)| format!("{p}{e}")),
        // Paragraphs: sentences of fragments.
        prop::collection::vec(phrase_of(1..12), 1..4).prop_map(|v| v.join(". ") + "."),
        // Turns of a record, and procedure.
        (speaker_intro(), phrase_of(0..8)).prop_map(|(i, p)| format!("{i} {p}")),
        (
            prop::sample::select(
                &["The President", "The Acting President", "The Secretary-General", "EL PRESIDENTE", "Le Président"][..]
            ),
            phrase_of(0..6)
        )
            .prop_map(|(i, p)| format!("{i}: {p}")),
        // Cover page pieces and page furniture.
        (document_symbol(), phrase_of(0..3)).prop_map(|(d, p)| format!("{d} {p}")),
        (1u32..9999).prop_map(|n| format!("{n}th meeting")),
        number_or_date(),
        phrase_of(1..6).prop_map(|p| format!("President: {p} . . . . . . . (Japan)")),
        phrase_of(1..6).prop_map(|p| format!("Members: {p}")),
        prop::sample::select(FRAGMENTS).prop_map(str::to_string),
    ]
}

/// Statement-like text shaped by lines: headers, salutations, paragraphs, turns, furniture.
fn shaped_text() -> impl Strategy<Value = String> {
    let breaks = prop::sample::select(&["\n", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\u{c}\n", "\n \n", "-\n"][..]);
    prop::collection::vec((shaped_line(), breaks), 0..30).prop_map(|lines| {
        let mut s = String::new();
        for (l, b) in lines {
            s.push_str(&l);
            s.push_str(b);
        }
        s
    })
}

/// Statement-like text: fragments joined by spaces, line breaks and the rest.
fn statement_text() -> impl Strategy<Value = String> {
    prop::collection::vec((fragment(), prop::sample::select(SEPARATORS)), 0..80).prop_map(|parts| {
        let mut s = String::new();
        for (f, sep) in parts {
            s.push_str(&f);
            s.push_str(sep);
        }
        s
    })
}

/// Characters that have broken text tools before.
#[rustfmt::skip]
const TRICKY_CHARS: &[char] = &[
    '\0', '\r', '\n', '\t', '\u{b}', '\u{c}', '\u{85}', '\u{a0}', '\u{ad}', '\u{200b}', '\u{200d}',
    '\u{200f}', '\u{202e}', '\u{2028}', '\u{2029}', '\u{feff}', '\u{fffd}', '\u{301}', '\u{1f1ef}',
    '\u{1f1f5}', '😀', 'é', 'İ', 'ß', 'ﬁ', 'ǅ', 'Σ', 'ς', 'ı', 'ẞ', 'K', 'Å', 'م', 'ש', '中', ' ', '.', ',',
    ':', '(', ')', '-', '/', '*', '<', '>', '&', '"', '\'', 'A', 'a', 'S', 'P', 'V', '1', '0', 'M', 'r',
];

fn tricky_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TRICKY_CHARS), 0..200).prop_map(|v| v.into_iter().collect())
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::option::of(prop::sample::subsequence(EntityKind::ALL.to_vec(), 0..=EntityKind::ALL.len())),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(kinds, entities, sentences)| Options { kinds, entities, sentences })
}

/// A long input: a line of 100k characters, a 100k-character word, 100k newlines, or a long
/// statement-like text.
fn long_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // One line, no line break.
        (statement_text(), 90_000usize..110_000).prop_map(|(s, n)| {
            let line: String = s.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }).collect();
            repeat_to(if line.is_empty() { "Japan " } else { &line }, n)
        }),
        // One word.
        (
            prop::sample::select(
                &["a", "é", "🇯🇵", "-", ".", "(", "A", "1", "\u{301}", "Mr.", "S/", "&", "\0", "\u{fffd}"][..]
            ),
            90_000usize..110_000
        )
            .prop_map(|(w, n)| w.repeat(n)),
        // Many line breaks and blank lines around fragments.
        (prop::sample::select(&["\n", "\r\n", "\r", "\n \n", "\u{c}\n"][..]), 50_000usize..100_000, statement_text())
            .prop_map(|(nl, n, s)| format!("{s}{}{s}", nl.repeat(n))),
        // A long statement.
        (statement_text(), 50_000usize..100_000)
            .prop_map(|(s, n)| repeat_to(if s.is_empty() { "Mr. President,\n" } else { &s }, n)),
    ]
}

/// `unit` repeated to at least `chars` characters.
fn repeat_to(unit: &str, chars: usize) -> String {
    let per = unit.chars().count().max(1);
    unit.repeat(chars / per + 1)
}

// ---------------------------------------------------------------------------------------------
// Properties

/// `cases` cases, or `$PROPTEST_CASES` scaled as 256 is to `cases` (so long inputs stay fewer).
/// Failures are not saved to a `.proptest-regressions` file: they go to `tests/regressions.rs`.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
        .map_or(cases, |n| (n as u64 * cases as u64 / 256).max(1) as u32);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_unicode_keeps_the_invariants(text in any::<String>()) {
        annotate_checked(&text, &Options::default());
    }

    #[test]
    fn tricky_characters_keep_the_invariants(text in tricky_text()) {
        annotate_checked(&text, &Options::default());
    }

    #[test]
    fn statement_like_text_keeps_the_invariants(text in statement_text()) {
        let doc = annotate_checked(&text, &Options::default());
        prop_assert_eq!(&doc, &annotate(&text), "annotate differs from annotate_with(default)");
    }

    #[test]
    fn shaped_statements_and_records_keep_the_invariants(text in shaped_text()) {
        annotate_checked(&text, &Options::default());
    }

    #[test]
    fn statement_like_text_under_any_options(text in statement_text(), options in options()) {
        let doc = annotate_checked(&text, &options);
        // Options choose what is reported; they never move the structure or the entities kept.
        let all = annotate_with(&text, &Options { kinds: None, entities: true, sentences: options.sentences });
        prop_assert_eq!(&doc.statements, &all.statements, "options changed the statements");
        prop_assert_eq!(&doc.blocks, &all.blocks, "options changed the top-level blocks");
        if options.entities {
            let expected: Vec<_> = all
                .entities
                .iter()
                .filter(|e| options.kinds.as_ref().is_none_or(|k| k.contains(&e.kind)))
                .cloned()
                .collect();
            prop_assert_eq!(&doc.entities, &expected, "`kinds` did more than filter the entities");
        }
    }

    #[test]
    fn annotation_is_deterministic(text in statement_text()) {
        prop_assert_eq!(annotate(&text), annotate(&text));
    }
}

/// JSON-like text for options: their tokens in any order.
fn options_json() -> impl Strategy<Value = String> {
    let token = prop::sample::select(
        &[
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"kinds\"",
            "\"entities\"",
            "\"sentences\"",
            "true",
            "false",
            "null",
            "\"country\"",
            "\"person\"",
            "\"term\"",
            "\"people\"",
            "0",
            "-1",
            "1e999",
            "\"\\ud800\"",
            "\"\\u0000\"",
            " ",
        ][..],
    );
    prop_oneof![prop::collection::vec(token, 0..24).prop_map(|t| t.concat()), any::<String>(),]
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn options_from_any_json_parse_or_name_the_error(json in options_json()) {
        match serde_json::from_str::<Options>(&json) {
            Ok(options) => {
                annotate_checked("Mr. Bessho (Japan): Japan supports MINUSMA and peace-\nkeeping.", &options);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(config(8))]

    #[test]
    fn long_inputs_keep_the_invariants(text in long_text()) {
        annotate_checked(&text, &Options::default());
    }
}

// ---------------------------------------------------------------------------------------------
// The corpus

fn corpus_dir() -> PathBuf {
    std::env::var_os("STATEMENT_VIEWER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

/// Every file under `dir` (recursively, sorted), read as lossy UTF-8.
fn corpus_files(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    out.sort();
    out
}

fn corpus() -> Option<Vec<(PathBuf, String)>> {
    let dir = corpus_dir();
    let files = corpus_files(&dir);
    if files.is_empty() {
        eprintln!("no corpus at {}: skipped (set STATEMENT_VIEWER_CORPUS)", dir.display());
        return None;
    }
    Some(files)
}

/// The largest char boundary at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[test]
fn every_corpus_file_keeps_the_invariants() {
    let Some(files) = corpus() else { return };
    for (path, text) in &files {
        eprintln!("{}", path.display());
        let options = Options::default();
        annotate_checked(text, &options);
        // The same text with other line breaks: CRLF (Windows), lone CR (old Mac), and LF + NBSP.
        annotate_checked(&text.replace('\n', "\r\n"), &options);
        annotate_checked(&text.replace('\n', "\r"), &options);
        annotate_checked(&text.replace(' ', "\u{a0}"), &options);
        // Cut mid-text, as excerpts of web pages are, and joined end to start.
        let cut = floor_boundary(text, text.len() / 3 + 7);
        annotate_checked(&text[..cut], &options);
        annotate_checked(&text[cut..], &options);
        annotate_checked(&format!("{}{}", &text[cut..], &text[..cut]), &options);
    }
}

#[test]
fn the_corpus_under_every_single_kind() {
    let Some(files) = corpus() else { return };
    let text: String = files
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "txt"))
        .map(|(_, t)| t.as_str())
        .take(12)
        .collect();
    for kind in EntityKind::ALL {
        annotate_checked(
            &text,
            &Options { kinds: Some(vec![kind]), entities: true, sentences: (kind as usize).is_multiple_of(2) },
        );
    }
    annotate_checked(&text, &Options { kinds: Some(vec![]), entities: true, sentences: true });
    annotate_checked(&text, &Options { kinds: None, entities: false, sentences: false });
}

/// The corpus concatenated and repeated into one big input: 10 MB in release builds, 2 MB in
/// debug builds (`cargo test`) so the suite stays quick. Run the full size with
/// `cargo test --release --test properties -- big_input`.
#[test]
fn a_big_input_keeps_the_invariants() {
    let Some(files) = corpus() else { return };
    let target = if cfg!(debug_assertions) { 2 << 20 } else { 10 << 20 };
    let mut text = String::with_capacity(target + (1 << 20));
    while text.len() < target {
        for (_, t) in &files {
            text.push_str(t);
            text.push_str("\n\n");
            if text.len() >= target {
                break;
            }
        }
    }
    let doc = annotate_checked(&text, &Options::default());
    assert!(!doc.entities.is_empty(), "no entities in {} bytes of corpus", text.len());
}
