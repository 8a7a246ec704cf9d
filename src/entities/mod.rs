//! Entity recognition. Candidates come from the gazetteers ([`gazetteer`]), the pattern rules
//! ([`rules`]) and the name patterns ([`names`]); [`resolve`] keeps the longest of overlapping
//! candidates (then the higher priority), so the output never nests or overlaps; acronyms defined
//! in the text ([`acronyms`]) are added last. Page and job numbers, honorifics and the language of
//! `(spoke in French)` are never tagged.

pub mod acronyms;
pub mod gazetteer;
pub mod names;
pub mod rules;

use std::borrow::Cow;

use self::gazetteer::{gazetteer, Entry};
use crate::model::{BlockKind, Document, Entity, EntityKind, Options};
use crate::span::Span;

/// A possible entity, before overlaps are resolved.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub kind: EntityKind,
    pub span: Span,
    /// Breaks ties between candidates of the same span: higher wins.
    pub priority: u8,
    pub entry: Option<&'static Entry>,
    pub is_acronym: bool,
    /// An acronym defined in the text.
    pub defined: bool,
    /// What a rule knows beyond the span (boxed: most candidates have none, and a small
    /// candidate keeps the many of a long text small).
    pub linked: Option<Box<Linked>>,
}

/// A candidate's canonical name, code, expansion and link, when a rule sets them.
#[derive(Clone, Debug, Default)]
pub struct Linked {
    pub canonical: Option<String>,
    pub code: Option<String>,
    pub expansion: Option<String>,
    pub link: Option<String>,
}

impl Candidate {
    pub fn rule(kind: EntityKind, span: Span, priority: u8) -> Candidate {
        Candidate { kind, span, priority, entry: None, is_acronym: false, defined: false, linked: None }
    }

    pub fn person(span: Span, canonical: String) -> Candidate {
        let mut c = Candidate::rule(EntityKind::Person, span, 1);
        c.linked().canonical = Some(canonical);
        c
    }

    /// The linked fields, to set.
    pub fn linked(&mut self) -> &mut Linked {
        self.linked.get_or_insert_with(Default::default)
    }
}

/// Finds the entities of `text`, whose structure is `doc`.
pub fn recognize(text: &str, doc: &Document, opts: &Options) -> Vec<Entity> {
    let gaz = gazetteer().find_all(text);
    let mut cands: Vec<Candidate> = gaz
        .iter()
        .map(|m| Candidate {
            entry: Some(m.entry),
            is_acronym: m.is_acronym,
            ..Candidate::rule(m.entry.kind, m.span, 2)
        })
        .collect();
    rules::candidates(text, &mut cands);
    names::candidates(text, &gaz, &mut cands);

    // Language notes and acronym definitions start at these.
    let opens: Vec<usize> = text.match_indices('(').map(|(o, _)| o).collect();
    let excluded = excluded_spans(text, doc, &opens);
    let mut entities = resolve(text, cands, &excluded);
    let defs = acronyms::candidates(text, &entities, &opens);
    if !defs.is_empty() {
        add_defined(text, &mut entities, defs, &excluded);
    }
    if let Some(kinds) = &opts.kinds {
        entities.retain(|e| kinds.contains(&e.kind));
    }
    entities
}

/// Spans where nothing is tagged, and page furniture, where numbers (page and job numbers,
/// barcodes) are not tagged but symbols, dates and running titles are (guideline rule 13).
struct Excluded {
    /// Nothing is tagged inside these.
    none: Vec<Span>,
    /// Page furniture: no numbers inside.
    furniture: Vec<Span>,
}

/// `opens`: where the text has `(`.
fn excluded_spans(text: &str, doc: &Document, opens: &[usize]) -> Excluded {
    let none = language_notes(text, opens);
    let blocks = doc.blocks.iter().chain(doc.statements.iter().flat_map(|s| s.blocks.iter()));
    let mut furniture: Vec<Span> = blocks.filter(|b| b.kind == BlockKind::Furniture).map(|b| b.span()).collect();
    crate::sort::by_key(&mut furniture, |s| (s.start as u128) << 64 | s.end as u128);
    Excluded { none, furniture }
}

/// `(spoke in French)`, `(interpretation from Arabic)`: the language is not an entity. `opens`:
/// where the text has `(`.
fn language_notes(text: &str, opens: &[usize]) -> Vec<Span> {
    const OPENERS: [&str; 4] = ["(spoke in ", "(speaking in ", "(interpretation from ", "(interpreted from "];
    let mut out = Vec::new();
    for &o in opens {
        let Some(l) = OPENERS.iter().find_map(|p| crate::scan::lit(text, o, p)) else { continue };
        let e = crate::scan::letters(text, l);
        if e > l && text[l..].starts_with(|c: char| c.is_uppercase()) {
            if let Some(c) = crate::scan::lit(text, e, ")") {
                out.push(Span::new(o, c));
            }
        }
    }
    out
}

impl Excluded {
    /// Whether `c` may be tagged. Asked about candidates in order of start, from `seen` (zeros
    /// at first), which it moves past the spans that end before `c` starts (and so before any
    /// candidate after it).
    fn allows(&self, c: &Candidate, seen: &mut [usize; 2]) -> bool {
        if overlaps_any(&self.none, c.span, &mut seen[0]) {
            return false;
        }
        c.kind != EntityKind::Number || !overlaps_any(&self.furniture, c.span, &mut seen[1])
    }
}

/// Whether `span` overlaps one of `spans` (sorted by start, not overlapping each other) from
/// `from` on; `from` is moved past those that end before `span` starts.
fn overlaps_any(spans: &[Span], span: Span, from: &mut usize) -> bool {
    while spans.get(*from).is_some_and(|s| s.end <= span.start) {
        *from += 1;
    }
    spans.get(*from).is_some_and(|s| s.overlaps(span))
}

/// Keeps, from left to right, the longest candidate at each point (then the higher priority),
/// dropping any that overlap one already kept.
fn resolve(text: &str, mut cands: Vec<Candidate>, excluded: &Excluded) -> Vec<Entity> {
    // At most one entity per candidate, and room for the few acronyms added later.
    let mut out: Vec<Entity> = Vec::with_capacity(cands.len() + 16);
    let mut last_end = 0;
    let mut seen = [0, 0];
    for i in sorted(text, &cands) {
        let c = &mut cands[i];
        if c.span.start < last_end || !excluded.allows(c, &mut seen) {
            continue;
        }
        // A later candidate that starts inside this one but ends beyond it is longer only if it
        // starts at the same point; leftmost wins otherwise.
        last_end = c.span.end;
        out.push(link(text, c));
    }
    out
}

/// [`resolve`] again with acronym candidates added to the entities kept, each entity a
/// candidate of priority [`KEPT`]: the two, each in order, merged into a new list.
fn add_defined(text: &str, entities: &mut Vec<Entity>, mut defs: Vec<Candidate>, excluded: &Excluded) {
    let mut out = Vec::with_capacity(entities.len() + defs.len());
    let mut last_end = 0;
    let mut seen = [0, 0];
    let mut kept = std::mem::take(entities).into_iter();
    let mut ids = sorted(text, &defs).into_iter().peekable();
    loop {
        // Peeked at in place, not moved out: an entity is large.
        let entity_first = match (kept.as_slice().first(), ids.peek()) {
            (None, None) => break,
            (Some(e), Some(&d)) => order(e.span(), KEPT, e.kind) <= order(defs[d].span, defs[d].priority, defs[d].kind),
            (e, _) => e.is_some(),
        };
        if entity_first {
            let Some(e) = kept.next() else { break };
            if e.start >= last_end {
                last_end = e.end;
                out.push(e);
            }
        } else {
            let Some(d) = ids.next() else { break };
            let d = &mut defs[d];
            if d.span.start >= last_end && excluded.allows(d, &mut seen) {
                last_end = d.span.end;
                out.push(link(text, d));
            }
        }
    }
    *entities = out;
}

/// The priority of an entity already kept when candidates are added to it.
const KEPT: u8 = 5;

/// The indices of the candidates with spans on character boundaries, in resolving order: by
/// start, longer first, then higher priority, then kind, then as given.
fn sorted(text: &str, cands: &[Candidate]) -> Vec<usize> {
    let valid =
        |c: &Candidate| !c.span.is_empty() && text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end);
    // (Only on 64-bit machines can a text be too long for the packed keys below.)
    #[cfg(target_pointer_width = "64")]
    if u32::try_from(text.len()).is_err() || u32::try_from(cands.len()).is_err() {
        let mut out: Vec<usize> = (0..cands.len()).filter(|&i| valid(&cands[i])).collect();
        out.sort_by_key(|&i| order(cands[i].span, cands[i].priority, cands[i].kind));
        return out;
    }
    // The order and the index packed in one number: start, end, priority, kind, index.
    // (Both lists get their room at once: a filter's or a merge's length is not known.)
    let mut keys: Vec<u128> = Vec::with_capacity(cands.len());
    keys.extend(cands.iter().enumerate().filter(|(_, c)| valid(c)).map(|(i, c)| {
        (c.span.start as u128) << 96
            | ((u32::MAX - c.span.end as u32) as u128) << 64
            | ((u8::MAX - c.priority) as u128) << 56
            | (c.kind as u8 as u128) << 48
            | i as u128
    }));
    // The index makes every key distinct, so an unstable sort gives the one order. (A sort of
    // its own, not `crate::sort`'s: these are the many, and 16 bytes sort faster than 32.) The
    // gazetteer's candidates come first and in order: the first run in order is kept as it is,
    // the rest sorted and merged with it.
    let run = (keys.windows(2).take_while(|w| w[0] < w[1]).count() + 1).min(keys.len());
    let (first, rest) = keys.split_at_mut(run);
    rest.sort_unstable();
    let (mut a, mut b) = (first.iter().peekable(), rest.iter().peekable());
    let mut out = Vec::with_capacity(first.len() + rest.len());
    out.extend(
        std::iter::from_fn(|| match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            _ => a.next().or_else(|| b.next()),
        })
        .map(|&k| k as u32 as usize),
    );
    out
}

fn order(
    span: Span,
    priority: u8,
    kind: EntityKind,
) -> (usize, std::cmp::Reverse<usize>, std::cmp::Reverse<u8>, EntityKind) {
    (span.start, std::cmp::Reverse(span.end), std::cmp::Reverse(priority), kind)
}

/// Fills the canonical name, code, expansion and link of a kept candidate: a gazetteer entry's
/// strings are borrowed, not copied.
fn link(text: &str, c: &mut Candidate) -> Entity {
    let surface = c.span.of(text);
    let Linked { canonical, code, expansion, mut link } = c.linked.take().map(|l| *l).unwrap_or_default();
    let (mut code, mut expansion) = (code.map(Cow::Owned), expansion.map(Cow::Owned));
    let canonical = match c.entry {
        Some(entry) => {
            code = entry.code.as_deref().map(Cow::Borrowed);
            if c.is_acronym || (entry.code.is_some() && surface != entry.canonical && is_acronym_like(surface)) {
                expansion = Some(Cow::Borrowed(entry.canonical.as_str()));
            }
            if c.kind == EntityKind::Document && link.is_none() {
                link = entry.code.as_ref().filter(|c| c.contains('/')).map(|c| format!("https://undocs.org/{c}"));
            }
            Cow::Borrowed(entry.canonical.as_str())
        }
        None => {
            let mut canonical = canonical.unwrap_or_else(|| surface.to_string());
            // (No gazetteer names a person or a number.)
            if matches!(c.kind, EntityKind::Person | EntityKind::Number) && !single_spaced(&canonical) {
                canonical = canonical.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            Cow::Owned(canonical)
        }
    };
    if c.kind == EntityKind::Date && code.is_none() {
        code = crate::dates::parse_date(surface).map(Cow::Owned);
    }
    let (kind, start, end) = (c.kind, c.span.start, c.span.end);
    Entity { kind, start, end, text: surface.to_string(), canonical, code, expansion, link }
}

/// Words separated by single ASCII spaces, none before or after (as `split_whitespace` and a
/// join with spaces would leave it).
fn single_spaced(s: &str) -> bool {
    // Whether the last character was a space, or there was none yet.
    let mut space = true;
    for c in s.chars() {
        let white = c.is_whitespace();
        if white && (c != ' ' || space) {
            return false;
        }
        space = white;
    }
    !space || s.is_empty()
}

fn is_acronym_like(s: &str) -> bool {
    !s.contains(' ') && s.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers below `n` from a fixed pseudo-random sequence.
    fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    #[test]
    fn excluded_spans_passed_over_in_order() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15u64);
        // Spans in order and apart.
        fn spans(next: &mut impl FnMut(usize) -> usize, n: usize) -> Vec<Span> {
            let mut at = 0;
            let mut out = Vec::new();
            for _ in 0..n {
                at += next(6);
                let end = at + 1 + next(6);
                out.push(Span::new(at, end));
                at = end;
            }
            out
        }
        for _ in 0..500 {
            let (none, furniture) = (next(5), next(8));
            let excluded = Excluded { none: spans(&mut next, none), furniture: spans(&mut next, furniture) };
            let mut starts: Vec<usize> = (0..next(30)).map(|_| next(60)).collect();
            starts.sort_unstable();
            let mut seen = [0, 0];
            for start in starts {
                let kind = if next(2) == 0 { EntityKind::Number } else { EntityKind::Date };
                let c = Candidate::rule(kind, Span::new(start, start + 1 + next(5)), 2);
                let plain = |spans: &[Span]| spans.iter().any(|s| s.overlaps(c.span));
                let want = !plain(&excluded.none) && (kind != EntityKind::Number || !plain(&excluded.furniture));
                assert_eq!(excluded.allows(&c, &mut seen), want, "{c:?}");
            }
        }
    }

    #[test]
    fn single_spaced_as_split_and_joined() {
        let parts = [" ", "  ", "\n", "\t", "\u{a0}", "\u{2003}", "a", "Bé", "x1"];
        let mut next = xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..5000 {
            let s: String = (0..next(7)).map(|_| parts[next(parts.len())]).collect();
            let want = s.split_whitespace().collect::<Vec<_>>().join(" ") == s;
            assert_eq!(single_spaced(&s), want, "{s:?}");
        }
    }

    #[test]
    fn sorted_as_a_plain_sort() {
        let text = "abcdefghijklmnopqrstuvwxyz\u{e9}".repeat(4);
        let mut next = xorshift(0x2545_f491_4f6c_dd1du64);
        for _ in 0..2000 {
            let mut cands = Vec::new();
            let mut start = 0;
            for k in 0..next(40) {
                // A first run in order, as the gazetteer's, then any order.
                start = if k < 10 { start + next(3) } else { next(text.len()) };
                let span = Span::new(start.min(text.len()), (start + next(8)).min(text.len()));
                cands.push(Candidate::rule(EntityKind::ALL[next(12)], span, next(3) as u8));
            }
            let valid = |c: &Candidate| {
                !c.span.is_empty() && text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end)
            };
            let mut want: Vec<usize> = (0..cands.len()).filter(|&i| valid(&cands[i])).collect();
            want.sort_by_key(|&i| order(cands[i].span, cands[i].priority, cands[i].kind));
            assert_eq!(sorted(&text, &cands), want);
        }
    }

    #[test]
    fn defined_acronyms_resolved_with_the_entities() {
        let text = "abcdefghijklmnopqrstuvwxyz".repeat(4);
        let none = Excluded { none: Vec::new(), furniture: Vec::new() };
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15u64);
        let key = |e: &Entity| (e.start, e.end, e.kind, e.canonical.starts_with("def "));
        for _ in 0..2000 {
            let mut cands = Vec::new();
            for _ in 0..next(30) {
                let start = next(text.len());
                let span = Span::new(start, (start + next(8)).min(text.len()));
                cands.push(Candidate::rule(EntityKind::ALL[next(12)], span, next(3) as u8));
            }
            let entities = resolve(&text, cands, &none);
            let mut defs = Vec::new();
            for _ in 0..next(6) {
                let start = next(text.len());
                let span = Span::new(start, (start + next(8)).min(text.len()));
                let mut d = Candidate::rule(EntityKind::ALL[next(12)], span, 4 + next(3) as u8);
                d.linked().canonical = Some(format!("def {start}"));
                defs.push(d);
            }
            // What it stands for: the entities kept as candidates of priority KEPT (before the
            // definitions, so that they win a tie), resolved again with the definitions.
            let all: Vec<Candidate> =
                entities.iter().map(|e| Candidate::rule(e.kind, e.span(), KEPT)).chain(defs.clone()).collect();
            let want: Vec<_> = resolve(&text, all, &none).iter().map(key).collect();
            let mut got = entities;
            add_defined(&text, &mut got, defs, &none);
            assert_eq!(got.iter().map(key).collect::<Vec<_>>(), want);
        }
    }
}
