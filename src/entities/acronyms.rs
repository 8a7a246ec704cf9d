//! Acronyms defined in the text: `Full Name (ACR)`. The acronym takes the kind and canonical name
//! of what it stands for, here and at every later use.

use super::gazetteer::is_boundary;
use super::Candidate;
use crate::model::{Entity, EntityKind};
use crate::scan::FastHasher;
use crate::span::Span;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// `(ACR)` definitions: the span inside the parentheses of each `(` … `)` whose content looks
/// like an acronym (a capital, up to 12 letters, digits, `&` or `-`, a capital or digit, and an
/// optional plural `s`).
fn definitions(text: &str) -> impl Iterator<Item = Span> + '_ {
    text.match_indices('(').filter_map(move |(o, _)| {
        let inner = &text[o + 1..];
        let close = inner.bytes().take(16).position(|b| b == b')')?;
        let acr = &inner[..close];
        let core = acr.strip_suffix('s').unwrap_or(acr);
        let b = core.as_bytes();
        let shaped = b.len() >= 2
            && b[0].is_ascii_uppercase()
            && (b[b.len() - 1].is_ascii_uppercase() || b[b.len() - 1].is_ascii_digit())
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'&' || *c == b'-');
        shaped.then(|| Span::new(o + 1, o + 1 + close))
    })
}

/// New candidates for acronyms defined after an entity (or after words whose initials spell
/// them) and for their later uses. `entities` are the entities found so far, in text order.
pub fn candidates(text: &str, entities: &[Entity]) -> Vec<Candidate> {
    let mut defs: Vec<(String, Candidate)> = Vec::new();
    for acr in definitions(text) {
        if acr.of(text).chars().filter(|c| c.is_ascii_uppercase()).nth(1).is_none() {
            continue; // at least two capitals
        }
        let at = entities.partition_point(|e| e.start < acr.start);
        if entities.get(at).is_some_and(|e| e.start == acr.start) {
            continue; // already known
        }
        let open = acr.start - 1;
        let before = text[..open].trim_end_matches([' ', '\u{a0}']);
        let span = Span::new(acr.start, acr.end);
        let prev = at.checked_sub(1).map(|i| &entities[i]).filter(|e| e.end == before.len());
        let mut cand = if let Some(e) = prev {
            let mut cand = Candidate::rule(e.kind, span, 4);
            cand.linked().canonical = Some(e.canonical.clone());
            cand.linked().expansion = Some(e.canonical.clone());
            cand.linked().code = if matches!(e.kind, EntityKind::Country | EntityKind::Nationality) {
                e.code.clone()
            } else {
                Some(acr.of(text).to_string())
            };
            cand
        } else if let Some(expansion) = spelled_out(before, acr.of(text)) {
            let mut cand = Candidate::rule(EntityKind::Term, span, 4);
            cand.linked().canonical = Some(expansion.clone());
            cand.linked().expansion = Some(expansion);
            cand.linked().code = Some(acr.of(text).to_string());
            cand
        } else {
            continue;
        };
        cand.defined = true;
        defs.push((acr.of(text).to_string(), cand));
    }
    if defs.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<Candidate> = defs.iter().map(|(_, c)| c.clone()).collect();
    // Each acronym once; a later use takes the nearest definition before it.
    let mut by_acr: Vec<Vec<usize>> = Vec::new();
    let mut ids: Acronyms = HashMap::default();
    for (k, (acr, _)) in defs.iter().enumerate() {
        let id = *ids.entry(acr.as_bytes()).or_insert_with(|| {
            by_acr.push(Vec::new());
            by_acr.len() - 1
        });
        by_acr[id].push(k); // in text order
    }
    // No use before the first definition.
    let from = defs[0].1.span.start;
    for (span, id) in uses(text, from, &ids) {
        let uses = &by_acr[id];
        let k = uses.partition_point(|&k| defs[k].1.span.start <= span.start);
        let Some(&k) = k.checked_sub(1).map(|i| &uses[i]) else {
            continue; // only uses after a definition
        };
        let def = &defs[k].1;
        if def.span.start == span.start {
            continue; // the definition itself
        }
        let mut cand = def.clone();
        cand.span = span;
        out.push(cand);
    }
    out
}

/// Acronyms (ASCII) and their ids.
type Acronyms<'a> = HashMap<&'a [u8], usize, BuildHasherDefault<FastHasher>>;

/// Where the acronyms are written as words at or after `from`, leftmost first and then longest,
/// not overlapping, as (span, id); a Unicode hyphen (U+2010, U+2011) matches `-`. (This is what
/// a [`crate::phrases::Phrases`] of the acronyms finds with [`is_boundary`]: the acronyms are
/// ASCII letters, digits, `&` and `-`.)
fn uses(text: &str, from: usize, acrs: &Acronyms) -> Vec<(Span, usize)> {
    let bytes = text.as_bytes();
    let longest = acrs.keys().map(|a| a.len()).max().unwrap_or(0);
    let mut out = Vec::new();
    let mut pos = from;
    let mut use_at = |p: usize, pos: &mut usize| {
        if p < *pos || !bytes[p].is_ascii_uppercase() {
            return;
        }
        // The acronym letters at `p`, hyphens folded; a use may end where no ASCII letter or
        // digit follows.
        let mut buf = [0u8; 16];
        let (mut n, mut at) = (0, p);
        let mut best = None;
        while n < longest.min(buf.len()) {
            match bytes.get(at..) {
                Some([b, ..]) if b.is_ascii_alphanumeric() || *b == b'&' || *b == b'-' => {
                    buf[n] = *b;
                    at += 1;
                }
                Some([0xe2, 0x80, 0x90 | 0x91, ..]) => {
                    buf[n] = b'-';
                    at += 3;
                }
                _ => break,
            }
            n += 1;
            if !bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) && is_boundary(text, p, at) {
                if let Some(&id) = acrs.get(&buf[..n]) {
                    best = Some((at, id));
                }
            }
        }
        if let Some((end, id)) = best {
            out.push((Span::new(p, end), id));
            *pos = end;
        }
    };
    // Capitals, seven places per eight-byte step; most acronyms start with two capitals or a
    // capital and a digit, and then only capitals followed by a byte in `0..=Z` are looked at.
    let any_second = if acrs.keys().all(|a| matches!(a, [_, b'0'..=b'Z', ..])) { 0 } else { HI >> 8 };
    let mut i = from;
    while let Some(v) = bytes.get(i..i + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default())) {
        let mut found = in_range(v, b'A', b'Z') & (in_range(v, b'0', b'Z') >> 8 | any_second);
        while found != 0 {
            use_at(i + (found.trailing_zeros() / 8) as usize, &mut pos);
            found &= found - 1;
        }
        i += 7;
    }
    for p in i..bytes.len() {
        use_at(p, &mut pos);
    }
    out
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `v` that lies in `lo..=hi` (both below 0x80).
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    let low = v & !HI;
    (low + LO * (0x80 - lo) as u64) & !(low + LO * (0x7f - hi) as u64) & !v & HI
}

/// The words before an acronym whose initials spell it (`Multinational Joint Task Force (MNJTF)`,
/// `troop-contributing countries (TCCs)`).
fn spelled_out(before: &str, acr: &str) -> Option<String> {
    let letters: Vec<char> =
        acr.trim_end_matches('s').chars().filter(|c| c.is_ascii_alphabetic()).map(|c| c.to_ascii_lowercase()).collect();
    if letters.len() < 2 {
        return None;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(letters.len() * 2 + 2).collect();
    let mut want = letters.iter().rev().peekable();
    let mut taken = 0usize;
    for w in &words {
        let parts: Vec<&str> = w.split('-').collect();
        let small = ["of", "the", "and", "for", "in", "on", "to", "de", "la", "et", "des", "du"];
        if small.contains(&w.to_ascii_lowercase().as_str()) {
            taken += 1;
            continue;
        }
        for p in parts.iter().rev() {
            let initial = p.chars().next()?.to_ascii_lowercase();
            if want.peek() == Some(&&initial) {
                want.next();
            } else {
                return None;
            }
        }
        taken += 1;
        if want.peek().is_none() {
            let phrase: Vec<&str> = words[..taken].iter().rev().copied().collect();
            return Some(phrase.join(" "));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrases::{Case, Phrases};

    /// [`uses`] as a phrase matcher finds them.
    fn uses_by_phrases(text: &str, acrs: &[&str]) -> Vec<(Span, usize)> {
        let mut phrases = Phrases::new(Case::Exact);
        acrs.iter().for_each(|a| _ = phrases.add(a));
        let found = phrases.leftmost_longest(text, |m, _| is_boundary(text, m.start, m.end));
        found.into_iter().map(|(s, id)| (s, id as usize)).collect()
    }

    #[test]
    fn uses_as_phrases_find_them() {
        let pieces: Vec<&str> =
            "AB|AB-CD|AB\u{2010}CD|AB\u{2011}CD|A&B|G20|G20s|MoU|CD|-|&| |\n|x|é|É|_|(|)|’s|\u{2012}|ABC|A|B|D"
                .split('|')
                .collect();
        let sets: [&[&str]; 3] = [&["AB", "AB-CD", "CD", "G20"], &["AB", "A&B", "MoU", "G20s", "CD"], &["AB-CD"]];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..3000 {
            let mut text = String::new();
            for _ in 0..(round % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for acrs in sets {
                let ids: Acronyms = acrs.iter().enumerate().map(|(id, a)| (a.as_bytes(), id)).collect();
                assert_eq!(uses(&text, 0, &ids), uses_by_phrases(&text, acrs), "{text:?} {acrs:?}");
            }
        }
    }

    #[test]
    fn spelled_out_expansions() {
        let cases = [
            ("we thank the troop-contributing countries", "TCCs", Some("troop-contributing countries")),
            ("the Multinational Joint Task Force", "MNJTF", None),
            ("the Multinational Joint Task Force", "MJTF", Some("Multinational Joint Task Force")),
            (
                "Disarmament, Demobilization and Reintegration",
                "DDR",
                Some("Disarmament, Demobilization and Reintegration"),
            ),
            ("some words", "XYZ", None),
        ];
        for (before, acr, want) in cases {
            assert_eq!(spelled_out(before, acr).as_deref(), want, "{before} ({acr})");
        }
    }
}
