//! Acronyms defined in the text: `Full Name (ACR)`. The acronym takes the kind and canonical name
//! of what it stands for, here and at every later use.

use super::gazetteer::is_boundary;
use super::Candidate;
use crate::model::{Entity, EntityKind};
use std::collections::HashMap;

use crate::phrases::{Case, Phrases};
use crate::span::Span;

/// `(ACR)` definitions: the span inside the parentheses of each `(` … `)` (at `opens`) whose
/// content looks like an acronym (a capital, up to 12 letters, digits, `&` or `-`, a capital or
/// digit, and an optional plural `s`).
fn definitions<'a>(text: &'a str, opens: &'a [usize]) -> impl Iterator<Item = Span> + 'a {
    opens.iter().filter_map(move |&o| {
        let inner = text.get(o + 1..)?;
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
/// them) and for their later uses. `entities` are the entities found so far, in text order;
/// `opens` the offsets of the text's `(`, in order.
pub fn candidates(text: &str, entities: &[Entity], opens: &[usize]) -> Vec<Candidate> {
    let mut defs: Vec<(String, Candidate)> = Vec::new();
    for acr in definitions(text, opens) {
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
            cand.linked().canonical = Some(e.canonical.to_string());
            cand.linked().expansion = Some(e.canonical.to_string());
            cand.linked().code = if matches!(e.kind, EntityKind::Country | EntityKind::Nationality) {
                e.code.as_deref().map(String::from)
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
    let mut phrases = Phrases::new(Case::Exact);
    let mut by_phrase: Vec<Vec<usize>> = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (k, (acr, _)) in defs.iter().enumerate() {
        let id = *ids.entry(acr.as_str()).or_insert_with(|| {
            phrases.add(acr);
            by_phrase.push(Vec::new());
            by_phrase.len() - 1
        });
        by_phrase[id].push(k); // in text order
    }
    // Only uses after a definition count, and none runs into the first: it follows a `(`, which
    // no acronym has and which is not part of a word (so the text can be read from there).
    let from = defs[0].1.span.start;
    let after = text.get(from..).unwrap_or_default();
    for (span, id) in phrases.leftmost_longest(after, |m, _| is_boundary(after, m.start, m.end)) {
        let span = Span::new(from + span.start, from + span.end);
        let uses = &by_phrase[id as usize];
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
    use super::{candidates, spelled_out};

    #[test]
    fn uses_after_the_definition() {
        let text = "MJTF first. The Multinational Joint Task Force (MJTF) and the MJTF, (MJTF) xMJTF MJTF.";
        let opens: Vec<usize> = text.match_indices('(').map(|(o, _)| o).collect();
        let found: Vec<(usize, bool)> =
            candidates(text, &[], &opens).iter().map(|c| (c.span.start, c.defined)).collect();
        let at = |k: usize| text.match_indices("MJTF").nth(k).unwrap().0;
        assert_eq!(found, [(at(1), true), (at(2), true), (at(3), true), (at(5), true)]);
        assert!(candidates(text, &[], &[]).is_empty());
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
