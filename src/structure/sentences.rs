//! Sentences inside a paragraph. A sentence ends at `.`, `!`, `?` or `…` (closing quotes and
//! brackets included) followed by space and a capital, a digit or an opening quote — but not
//! after an abbreviation (`Mr.`, `H.E.`, `U.N.`, `No.`, `e.g.`; `data/abbreviations.txt`), an
//! initial (`John F. Kennedy`), or inside a number or symbol (`10.20`, `S/PV.8701`, which have
//! no space after the stop). `a.m.`, `p.m.` and `etc.` end a sentence only before a usual
//! sentence opener (`… at 10.25 a.m. The meeting …`).

use std::sync::OnceLock;

use crate::model::Sentence;
use crate::scan::WordSet;
use crate::span::Span;
use crate::text;

struct Abbreviations {
    hard: WordSet,
    soft: WordSet,
    /// The longest abbreviation's length: longer tokens need no lookup.
    max_len: usize,
    /// `lengths[b]`: bit `n` (at most 63) is set when an abbreviation of `n` bytes starts with
    /// byte `b`; other tokens need no lookup.
    lengths: [u64; 256],
}

fn abbreviations() -> &'static Abbreviations {
    static A: OnceLock<Abbreviations> = OnceLock::new();
    A.get_or_init(|| {
        let mut a = Abbreviations { hard: WordSet::default(), soft: WordSet::default(), max_len: 0, lengths: [0; 256] };
        for line in crate::data::entries(data_file!("data", "abbreviations.txt")) {
            let word = line.strip_prefix('~').unwrap_or(line);
            a.max_len = a.max_len.max(word.len());
            a.lengths[word.as_bytes()[0] as usize] |= 1 << word.len().min(63);
            match line.strip_prefix('~') {
                Some(w) => a.soft.insert(w),
                None => a.hard.insert(line),
            };
        }
        a
    })
}

/// Words that usually open a sentence (after `a.m.`, `etc.`).
const OPENERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "There", "It", "In", "On", "At", "As", "I", "We", "He", "She", "They",
    "Our", "My", "A", "An", "But", "And", "However", "Let", "Mr.", "Mrs.", "Ms.",
];

/// The sentences of the paragraph `span` of `text`, trimmed, in order, covering its words.
pub fn split(text: &str, span: Span) -> Vec<Sentence> {
    // Trimmed once: each sentence then starts after the spaces that follow the stop before it and
    // ends at its own stop, so no sentence needs trimming again.
    let span = text::trim(text, span);
    let s = span.of(text);
    let sentence = |a: usize, b: usize| Sentence { start: span.start + a, end: span.start + b };
    let b = s.as_bytes();
    // Room for a sentence per 100 bytes: most paragraphs need one allocation.
    let mut out = Vec::with_capacity(s.len() / 100 + 1);
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = text::find_any4(b, i, [b'.', b'!', b'?', 0xE2]) {
        i = k;
        let c = b[i];
        let ellipsis = c == 0xE2 && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6);
        if c == 0xE2 && !ellipsis {
            i += 1;
            continue;
        }
        let stop = i;
        // The run of terminators and closers.
        let mut j = i + if ellipsis { 3 } else { 1 };
        while let Some(&x) = b.get(j) {
            // Only non-ASCII characters are decoded.
            let ch = if x.is_ascii() { x as char } else { s.get(j..).and_then(|r| r.chars().next()).unwrap_or(' ') };
            if !(matches!(ch, '.' | '!' | '?' | '…') || text::is_closer(ch)) {
                break;
            }
            j += ch.len_utf8();
        }
        let end = j;
        // Space, then the next word (most often one space, then visible ASCII).
        let gap = match b.get(end..end + 2) {
            Some(&[b' ', n]) if n > b' ' && n < 0x7f => 1,
            _ => text::space_prefix(&s[end..]),
        };
        if gap == 0 || end + gap >= s.len() {
            i = end.max(i + 1);
            continue;
        }
        let next = &s[end + gap..];
        if next.starts_with('.') {
            // A dot leader (`Belgium . . . . .`, a table of contents): no sentence starts inside
            // it; on to its last stop, which may end one.
            i = end + gap;
            while b.get(i + 1) == Some(&b' ') && b.get(i + 2) == Some(&b'.') {
                i += 2;
            }
            continue;
        }
        if text::starts_sentence(next) && !no_break_after(s, stop, c, next) {
            out.push(sentence(start, end));
            start = end + gap;
        }
        i = end + gap;
    }
    if start < s.len() {
        out.push(sentence(start, s.len()));
    }
    out
}

/// The stop at `stop` (a `.` unless `c` says otherwise) belongs to an abbreviation or initial.
fn no_break_after(s: &str, stop: usize, c: u8, next: &str) -> bool {
    if c != b'.' {
        return false;
    }
    // The token before the stop, with the stop, without leading openers.
    let tstart = token_start(s.get(..stop).unwrap_or(""));
    let token = s.get(tstart..=stop).unwrap_or("").trim_start_matches(text::is_opener);
    let ab = abbreviations();
    let first = token.as_bytes().first().map_or(0, |&f| f as usize);
    let listed = token.len() <= ab.max_len && ab.lengths[first] & (1 << token.len().min(63)) != 0;
    if listed && ab.hard.contains(token) {
        return true;
    }
    if listed && ab.soft.contains(token) {
        let first = next.split_whitespace().next().unwrap_or("");
        return !OPENERS.contains(&first.trim_end_matches(','));
    }
    // An initial (`F.`) or an initialism with inner stops (`U.N.`, `A.U.`).
    is_initial(token)
        || (token.bytes().filter(|&b| b == b'.').count() >= 2 && token.split('.').all(|p| p.chars().count() <= 2))
}

/// One capital, then only stops (`F.`).
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.as_str().bytes().all(|b| b == b'.')
}

/// Where the last token of `s` starts: after its last [space](text::is_space), or at 0.
fn token_start(s: &str) -> usize {
    let b = s.as_bytes();
    let mut k = b.len();
    // Visible ASCII is no space: no decoding needed.
    while k > 0 && b[k - 1] > b' ' && b[k - 1] < 0x7f {
        k -= 1;
    }
    while let Some(&x) = k.checked_sub(1).and_then(|p| b.get(p)) {
        let c = if x.is_ascii() { x as char } else { s.get(..k).and_then(|r| r.chars().next_back()).unwrap_or(' ') };
        if text::is_space(c) {
            break;
        }
        k -= c.len_utf8();
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, Span::new(0, text.len())).iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn initials_as_by_trimming_stops() {
        for t in ["F.", "F", "F..", "Fx.", ".", "", "É.", "U.N.", "F.x", "é.", "F.."] {
            let mut letters = t.trim_end_matches('.').chars();
            let want = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
            assert_eq!(is_initial(t), want, "{t:?}");
        }
    }

    #[test]
    fn token_starts_as_after_the_last_space() {
        for s in ["", "a", "Council.", "the Council.", "x\u{A0}y.", "a\u{2028}b", "é ü.", "(U.N.", "a\tb", "ab \u{7f}c"]
        {
            let want = s.char_indices().rev().find(|&(_, c)| text::is_space(c)).map_or(0, |(i, c)| i + c.len_utf8());
            assert_eq!(token_start(s), want, "{s:?}");
        }
    }

    #[test]
    fn every_abbreviation_passes_the_length_test() {
        let ab = abbreviations();
        for w in ab.hard.iter().chain(&ab.soft) {
            assert!(w.len() <= ab.max_len && ab.lengths[w.as_bytes()[0] as usize] & (1 << w.len()) != 0, "{w}");
        }
    }

    #[test]
    fn splits_and_keeps_together() {
        let cases: &[(&str, &[&str])] = &[
            ("I thank Mr. Chambas. He spoke well.", &["I thank Mr. Chambas.", "He spoke well."]),
            ("H.E. Mr. Koro Bessho spoke. Japan agrees.", &["H.E. Mr. Koro Bessho spoke.", "Japan agrees."]),
            (
                "The meeting was called to order at 10.20 a.m. and rose at 10.25 a.m. The agenda was adopted.",
                &["The meeting was called to order at 10.20 a.m. and rose at 10.25 a.m.", "The agenda was adopted."],
            ),
            (
                "See S/PV.8701 and A/71/PV.10. Both are records.",
                &["See S/PV.8701 and A/71/PV.10.", "Both are records."],
            ),
            (
                "The U.N. Charter, e.g. Art. 2, applies. No. 5 is next.",
                &["The U.N. Charter, e.g. Art. 2, applies.", "No. 5 is next."],
            ),
            (
                "He said: “We can wait no longer.” Then he left!  Why? 2020 was hard…",
                &["He said: “We can wait no longer.”", "Then he left!", "Why?", "2020 was hard…"],
            ),
            (
                "The U.S. Government agrees. So does John F. Kennedy Airport.",
                &["The U.S. Government agrees.", "So does John F. Kennedy Airport."],
            ),
            ("Trade, aid, etc. are needed. Yes.", &["Trade, aid, etc. are needed.", "Yes."]),
            // Dot leaders: a sentence may start after the last stop only.
            (
                "Belgium. . . . . . Mr. Pecsteen. . . . . . . . Estonia . . . . x. . .",
                &["Belgium. . . . . .", "Mr. Pecsteen. . . . . . . .", "Estonia . . . . x. . ."],
            ),
            ("China . . . .", &["China . . . ."]),
            ("Contents. . . 3. Annex . . . . .. 12 Done.", &["Contents. . .", "3.", "Annex . . . . ..", "12 Done."]),
            ("one line\nwrapped here. Next\nline.", &["one line\nwrapped here.", "Next\nline."]),
            // Spaces around the span are left out.
            (" \u{A0}Spaces first. And last.\u{200B}\n ", &["Spaces first.", "And last."]),
            ("  \n", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(sentences(text), want.to_vec(), "{text:?}");
        }
    }
}
