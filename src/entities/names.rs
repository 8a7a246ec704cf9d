//! Person names: the capitalised words after an honorific (`Mr.`, `H.E.`), an office
//! (`Foreign Minister`, `Secretary-General`) or a header's `Statement by`; then later mentions of
//! the same names anywhere in the text.

use std::sync::OnceLock;

use super::gazetteer::{is_boundary, GazMatch};
use super::Candidate;
use crate::model::EntityKind;
use crate::phrases::{Case, Phrases};
use crate::scan::{after_spaces, head, is_space, skip_spaces, word_in, HeadSet, WordSet};
use crate::span::Span;

struct NameRules {
    honorifics: WordSet,
    /// `initials[b]`: some honorific starts with byte `b`.
    initials: [bool; 256],
    /// The honorifics' heads, with and without a full stop after them.
    heads: HeadSet,
    stopwords: WordSet,
}

/// A header line that introduces its speaker: "Statement by …", "Anförande av …" (each starts
/// with an ASCII capital).
const HEADER_NOUNS: &[&str] = &[
    "Statement",
    "Remarks",
    "Address",
    "Speech",
    "Intervention",
    "Briefing",
    "Anförande",
    "Tal",
    "Inlägg",
    "Discurso",
    "Intervención",
    "Palabras",
    "Discours",
    "Déclaration",
    "Allocution",
];
const HEADER_LINKS: &[&str] = &["by", "of", "av", "de", "del", "du"];

const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "bin",
    "ibn", "bint", "al", "el", "y", "e",
];

/// Offices that are also common surnames; after an honorific they are names.
const SURNAME_ROLES: &[&str] = &["King", "Queen", "Prince", "Chief", "Head", "Bishop", "Marshal", "Judge"];

fn rules() -> &'static NameRules {
    static R: OnceLock<NameRules> = OnceLock::new();
    R.get_or_init(|| {
        // The structure parser's list; names are read word by word, so one-word titles only.
        let honorifics: WordSet =
            crate::data::entries(data_file!("data", "honorifics.txt")).filter(|h| !h.contains(' ')).collect();
        let mut initials = [false; 256];
        let mut heads = HeadSet::new(12);
        for h in &honorifics {
            initials[h.as_bytes()[0] as usize] = true;
            heads.insert(head(h.as_bytes()));
            heads.insert(head(format!("{h}.").as_bytes()));
        }
        NameRules {
            honorifics,
            initials,
            heads,
            stopwords: crate::data::entries(data_file!("entities/data", "name_stopwords.txt")).collect(),
        }
    })
}

/// Where the speaker's name starts in header lines such as "Statement by H.E. …".
fn header_triggers(text: &str, out: &mut Vec<usize>) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let l = line_start + (line.len() - line.trim_start_matches(|c: char| c == '#' || is_space(c)).len());
        line_start += line.len();
        // Every header noun starts with a capital.
        if !text.as_bytes().get(l).is_some_and(u8::is_ascii_uppercase) {
            continue;
        }
        let Some(e) = word_in(text, l, HEADER_NOUNS) else { continue };
        let mut p = skip_spaces(text, e, 3);
        if let Some(d) = word_in(text, p, &["delivered"]) {
            p = skip_spaces(text, d, 3);
        }
        if let Some(link) = word_in(text, p, HEADER_LINKS) {
            let n = skip_spaces(text, link, 3);
            if n > link {
                out.push(n);
            }
        }
    }
}

/// `creators:` / `  - "Gillard, Julia"` in YAML front matter: the person, as "First Last".
fn creators(text: &str, out: &mut Vec<Candidate>) {
    let Some(k) = text.find("\ncreators:").map(|k| k + 1).or_else(|| text.starts_with("creators:").then_some(0)) else {
        return;
    };
    let Some(nl) = text[k..].find('\n') else { return };
    let item = k + nl + 1;
    let line = text[item..].lines().next().unwrap_or("");
    let Some(q) = line.trim_start().strip_prefix('-').map(str::trim_start) else { return };
    let Some(inner) = q.strip_prefix('"').and_then(|r| r.split('"').next()) else { return };
    let Some((last, first)) = inner.split_once(", ") else { return };
    let start = item + line.find(inner).unwrap_or(0);
    out.push(Candidate::person(Span::new(start, start + inner.len()), format!("{first} {last}")));
}

/// Person candidates. `gaz` are the gazetteer matches of the text (sorted by start), used both as
/// triggers (offices) and as stops (a country name is not part of a person's name).
pub fn candidates(text: &str, gaz: &[GazMatch], out: &mut Vec<Candidate>) {
    let r = rules();
    let mut triggers: Vec<usize> = Vec::new();
    // Honorifics: words (between ASCII spaces) that start with a byte some honorific starts with.
    let bytes = text.as_bytes();
    let starts = (!bytes.is_empty()).then_some(0).into_iter().chain(after_spaces(bytes));
    for i in starts {
        if !r.initials[bytes[i] as usize] {
            continue;
        }
        let w = &text[i..i + bytes[i..].iter().position(u8::is_ascii_whitespace).unwrap_or(bytes.len() - i)];
        if !r.heads.may_contain(head(w.as_bytes())) {
            continue;
        }
        let title = r.honorifics.contains(w) || (w.ends_with('.') && r.honorifics.contains(&w[..w.len() - 1]));
        if title && (is_boundary(text, i, i + w.len()) || w.ends_with('.')) {
            triggers.push(i + w.len());
        }
    }
    // Offices directly before a name ("Foreign Minister Fumio Kishida").
    for m in gaz.iter().filter(|m| m.entry.kind == EntityKind::Role) {
        triggers.push(m.span.end);
    }
    header_triggers(text, &mut triggers);
    let mut found: Vec<Span> = Vec::new();
    for t in triggers {
        if let Some(span) = name_after(text, t, gaz, r) {
            found.push(span);
        }
    }
    creators(text, out);
    // Later mentions: the full names and their last words.
    let mut names: Vec<String> = Vec::new();
    for span in &found {
        let name = span.of(text);
        names.push(name.to_string());
        if let Some(last) = name.rsplit(' ').next() {
            if last.len() >= 3 && last != name {
                names.push(last.to_string());
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    names.retain(|n| !r.stopwords.contains(n.as_str()));
    for span in found {
        // After an honorific, a name beats an office of the same span ("Ms. King").
        let mut c = Candidate::person(span, span.of(text).to_string());
        c.priority = 3;
        out.push(c);
    }
    if names.is_empty() {
        return;
    }
    let mut phrases = Phrases::new(Case::Exact);
    for name in &names {
        phrases.add(name);
    }
    for (span, _) in phrases.leftmost_longest(text, |m, _| is_boundary(text, m.start, m.end)) {
        out.push(Candidate::person(span, span.of(text).to_string()));
    }
}

/// The name starting after `pos` (after spaces and further honorifics or offices), if any.
fn name_after(text: &str, pos: usize, gaz: &[GazMatch], r: &NameRules) -> Option<Span> {
    let mut i = pos;
    let mut start = None;
    let mut end = pos;
    let mut tokens = 0;
    loop {
        // Spaces, or one line break inside a name hard-wrapped by a PDF ("Mohamed Ibn" / "Chambas").
        let rest = &text[i..];
        let mut skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if tokens > 0 && skipped == 0 {
            let after_break = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'));
            if let Some(next) = after_break {
                if next.starts_with(|c: char| c.is_uppercase()) {
                    skipped = rest.len() - next.len();
                }
            }
        }
        if skipped == 0 && tokens > 0 {
            break;
        }
        if skipped == 0 && i != pos {
            break;
        }
        i += skipped;
        let rest = &text[i..];
        let tok_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.'))
            .map_or(rest.len(), |(k, _)| k);
        let mut tok = &rest[..tok_len];
        // Possessive or trailing punctuation ends the name.
        for suffix in ["’s", "'s", "’", "'", "."] {
            if let Some(t) = tok.strip_suffix(suffix) {
                tok = t;
            }
        }
        tok = tok.trim_end_matches(['-', '\'', '’', '.']);
        if tok.is_empty() {
            break;
        }
        // A further office or honorific before the name ("H.E. Ambassador Koro Bessho").
        let at = gaz.partition_point(|g| g.span.start < i);
        if let Some(g) = gaz.get(at).filter(|g| g.span.start == i) {
            // "Ms. King" is a name: nobody addresses a monarch as "Mr.".
            let surname_like = SURNAME_ROLES.contains(&g.span.of(text)) && i != pos;
            if g.entry.kind == EntityKind::Role && start.is_none() && !surname_like {
                i = g.span.end;
                continue;
            }
            if !surname_like {
                break; // a country, organization … is not part of a name
            }
        }
        let first = tok.chars().next()?;
        let honorific = r.honorifics.contains(tok) || r.honorifics.contains(&rest[..tok_len.min(rest.len())]);
        if start.is_none() && honorific {
            i += tok_len;
            continue;
        }
        let particle = PARTICLES.contains(&tok) || tok.starts_with("al-") || tok.starts_with("el-");
        if first.is_uppercase() && !r.stopwords.contains(tok) && !honorific {
            if tok.len() == 1
                || (tok.chars().all(|c| c.is_uppercase()) && tok.len() > 1 && tokens == 0 && !tok.contains('-'))
            {
                // An initial ("J.") continues a name; a word in capitals alone is an acronym.
                if tok.len() != 1 {
                    break;
                }
            }
            start.get_or_insert(i);
            end = i + tok.len();
            tokens += 1;
        } else if particle && start.is_some() {
            // A particle belongs to the name only if a capitalised word follows.
        } else {
            break;
        }
        i += tok_len;
        if tokens >= 5 {
            break;
        }
    }
    let start = start?;
    let span = Span::new(start, end);
    // A lone initial is not a name.
    (span.len() > 1).then_some(span)
}

#[cfg(test)]
mod tests {
    #[test]
    fn header_nouns_start_with_a_capital() {
        // header_triggers passes over lines that do not start with one.
        assert!(super::HEADER_NOUNS.iter().all(|n| n.as_bytes()[0].is_ascii_uppercase()));
    }
}
