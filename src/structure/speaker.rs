//! Who speaks: offices (`data/offices.txt`), honorifics (`data/honorifics.txt`), the name in a
//! header phrase, the country a header or a turn names, and the country a speech speaks for.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::entities::gazetteer::{gazetteer, Entry};
use crate::model::{EntityKind, Speaker};
use crate::phrases::{Case, Phrases};
use crate::span::Span;
use crate::text;

/// An office from `data/offices.txt`.
#[derive(Debug)]
pub struct Office {
    pub canonical: String,
    /// A rank or courtesy title (`Ambassador`): not the main office when another is given.
    pub rank: bool,
}

/// Whole-word, ASCII-case-insensitive phrase matcher over a list of `Canonical | alias …` lines.
pub struct PhraseList<T> {
    pub items: Vec<T>,
    phrases: Phrases,
    /// Phrase id → item index.
    owner: Vec<usize>,
}

impl<T> PhraseList<T> {
    /// Builds from `data`: one item per non-comment line, made by `make(canonical, marked)`,
    /// where `marked` says the line began with `~`.
    pub fn build(data: &str, make: impl Fn(&str, bool) -> T) -> PhraseList<T> {
        let mut items = Vec::new();
        let mut phrases = Phrases::new(Case::Ascii);
        let mut owner = Vec::new();
        for line in crate::data::entries(data) {
            let (marked, line) = match line.strip_prefix('~') {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let mut fields = line.split(" | ").map(str::trim).filter(|f| !f.is_empty());
            let Some(canonical) = fields.next() else { continue };
            let id = items.len();
            items.push(make(canonical, marked));
            for alias in std::iter::once(canonical).chain(fields) {
                phrases.add(alias);
                owner.push(id);
            }
        }
        PhraseList { items, phrases, owner }
    }

    /// Whole-word matches in `s`, leftmost-longest, as (span in `s`, item).
    pub fn find<'a>(&'a self, s: &str) -> Vec<(Span, &'a T)> {
        self.phrases
            .leftmost_longest(s, |m, _| whole_word(s, m.start, m.end))
            .into_iter()
            .map(|(m, id)| (m, &self.items[self.owner[id as usize]]))
            .collect()
    }

    /// The item whose phrase starts `s` (after leading spaces), with the phrase's end in `s`.
    pub fn at_start<'a>(&'a self, s: &str) -> Option<(usize, &'a T)> {
        let lead = s.len() - s.trim_start().len();
        let (end, id) = self.phrases.longest_at_start(s)?;
        whole_word(s, lead, end).then(|| (end, &self.items[self.owner[id as usize]]))
    }
}

/// No letter or digit touches `s[a..b]` on either side.
pub fn whole_word(s: &str, a: usize, b: usize) -> bool {
    let before = s[..a].chars().next_back();
    let after = s[b..].chars().next();
    let first = s[a..b].chars().next();
    let last = s[a..b].chars().next_back();
    let word = |c: char| c.is_alphanumeric();
    let glued_before = before.is_some_and(word) && first.is_some_and(word);
    let glued_after = after.is_some_and(word) && last.is_some_and(word);
    !(glued_before || glued_after)
}

pub fn offices() -> &'static PhraseList<Office> {
    static L: OnceLock<PhraseList<Office>> = OnceLock::new();
    L.get_or_init(|| {
        PhraseList::build(data_file!("data", "offices.txt"), |c, rank| Office { canonical: c.to_string(), rank })
    })
}

fn honorifics() -> &'static Vec<Vec<&'static str>> {
    static L: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    L.get_or_init(|| {
        let mut v: Vec<Vec<&str>> = crate::data::entries(data_file!("data", "honorifics.txt"))
            .map(|l| l.split_whitespace().collect())
            .collect();
        crate::sort::by_key(&mut v, |h| u128::MAX - h.len() as u128);
        v
    })
}

/// Words that may stand inside a name in lowercase (`Cristina Fernández de Kirchner`).
const PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "ten",
    "bin", "binti", "ibn", "al", "el", "y", "e",
];

/// Post-nominals and similar short capitals that end a name (`Alexander Downer MP`).
const POSTNOMINALS: &[&str] = &["MP", "AO", "AC", "QC", "KC", "OBE", "CBE", "KBE", "MBE", "PhD", "Jr", "Sr"];

/// A person phrase from a header (`H.E. Ambassador Koro Bessho`, `utrikesminister Maria Malmer
/// Stenergard`, `the Hon. Alexander Downer MP`): honorific, offices and name.
pub fn parse_person(s: &str) -> Speaker {
    // `H.E. MR. JOHN SMITH`: read in title case.
    let recased;
    let s = if text::is_all_caps(s) {
        recased = title_case(s);
        recased.as_str()
    } else {
        s
    };
    let mut sp = Speaker::default();
    let toks: Vec<(usize, &str)> = tokens(s);
    let mut taken = vec![false; toks.len()];
    // Offices, anywhere in the phrase.
    for (span, office) in offices().find(s) {
        for (i, &(at, t)) in toks.iter().enumerate() {
            if at < span.end && at + t.len() > span.start {
                taken[i] = true;
            }
        }
        push_role(&mut sp, office);
    }
    // Honorifics: token sequences, exact case.
    let mut i = 0;
    while i < toks.len() {
        let hit = honorifics().iter().find(|h| {
            h.len() <= toks.len() - i && h.iter().zip(&toks[i..]).all(|(a, &(_, b))| *a == b.trim_end_matches(','))
        });
        if let Some(h) = hit {
            if sp.honorific.is_none() {
                sp.honorific = Some(h.join(" "));
            }
            taken[i..i + h.len()].iter_mut().for_each(|t| *t = true);
            i += h.len();
        } else {
            i += 1;
        }
    }
    // The name: the last run of capitalised words (particles inside). A one-word name needs an
    // honorific or office before it.
    let mut best: Option<(usize, usize)> = None;
    let mut run: Option<(usize, usize)> = None;
    for (i, &(_, t)) in toks.iter().enumerate() {
        let word = trim_word(t);
        let capital = !taken[i]
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().any(char::is_lowercase)
            && !POSTNOMINALS.contains(&word)
            && !NOT_NAMES.contains(&word)
            && word.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c));
        let particle = !taken[i] && run.is_some() && PARTICLES.contains(&word);
        if capital || particle {
            run = Some((run.map_or(i, |r| r.0), i + 1));
            // Keep the last run of two words or more, or one after an honorific or office.
            if let Some((a, b)) = run.filter(|_| capital) {
                if b - a > 1 || (a > 0 && taken[a - 1]) {
                    best = run;
                }
            }
            if t.ends_with([',', ';', ':']) {
                run = None; // A comma ends the name.
            }
        } else {
            run = None;
        }
    }
    if let Some((a, b)) = best {
        let start = toks[a].0;
        let end = toks[b - 1].0 + trim_word(toks[b - 1].1).len();
        sp.name = Some(s[start..end].to_string());
    }
    sp
}

/// Each word with a capital first letter and lowercase after (`H.E.` and `MP` stay).
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let lower = w.to_lowercase();
            if PARTICLES.contains(&lower.as_str()) {
                return lower;
            }
            if letters <= 2 || w.contains('.') && letters <= 3 {
                return w.to_string();
            }
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A token without the punctuation that follows it (`Skoog.` → `Skoog`, but `F.` stays).
fn trim_word(t: &str) -> &str {
    let w = t.trim_end_matches([',', ';', ':']);
    if w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w[..w.len() - 1].contains('.') {
        &w[..w.len() - 1]
    } else {
        w
    }
}

/// Capitalised words of header phrases that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "Asamblea",
    "Assembly",
    "Assemblée",
    "Council",
    "Consejo",
    "Conseil",
    "Nations",
    "Naciones",
    "Unidas",
    "Unies",
    "United",
    "General",
    "Security",
    "Seguridad",
    "Session",
    "Sesión",
    "Meeting",
    "Debate",
    "Summit",
    "Conference",
    "Republic",
    "República",
    "République",
    "Government",
    "Gobierno",
    "Kingdom",
    "State",
    "States",
];

fn tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if text::is_space(c) {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Adds an office to the speaker's roles and makes it the main office unless a non-rank office
/// is already main.
pub fn push_role(sp: &mut Speaker, office: &Office) {
    if sp.roles.iter().any(|r| r == &office.canonical) {
        return;
    }
    sp.roles.push(office.canonical.clone());
    let main_is_rank = sp.role.as_ref().is_none_or(|r| offices().items.iter().any(|o| o.rank && &o.canonical == r));
    if sp.role.is_none() || (main_is_rank && !office.rank) {
        sp.role = Some(office.canonical.clone());
    }
}

/// The country entry that `name` names as a whole (`United States of America`, `the Niger`,
/// `Sveriges`).
pub fn country_named(name: &str) -> Option<&'static Entry> {
    let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let name = name.strip_prefix("the ").unwrap_or(name);
    let g = gazetteer();
    let is_country = |e: &&Entry| e.kind == EntityKind::Country;
    g.lookup(name).filter(is_country).or_else(|| {
        let base = name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).or_else(|| name.strip_suffix('s'))?;
        g.lookup(base).filter(is_country)
    })
}

/// The first country named in `s`, whole or in a genitive (`Sveriges`).
pub fn first_country(s: &str) -> Option<&'static Entry> {
    let found = gazetteer().find(s).into_iter().find(|m| m.entry.kind == EntityKind::Country);
    let by_word = text::words(s).into_iter().find_map(|(at, w)| {
        let genitive = w.ends_with('s') && w.chars().next().is_some_and(char::is_uppercase);
        genitive.then(|| country_named(w)).flatten().map(|e| (at, e))
    });
    match (found, by_word) {
        (Some(m), Some((at, e))) => Some(if at < m.span.start { e } else { m.entry }),
        (Some(m), None) => Some(m.entry),
        (None, w) => w.map(|(_, e)| e),
    }
}

pub fn set_country(sp: &mut Speaker, e: &Entry) {
    sp.country = Some(e.canonical.clone());
    sp.country_code = e.code.clone();
}

struct Stance {
    adverbs: Vec<&'static str>,
    /// Phrases as word lists.
    phrases: Vec<Vec<&'static str>>,
}

fn stance() -> &'static Stance {
    static S: OnceLock<Stance> = OnceLock::new();
    S.get_or_init(|| {
        let mut st = Stance { adverbs: Vec::new(), phrases: Vec::new() };
        for line in crate::data::entries(data_file!("data", "stance_verbs.txt")) {
            match line.strip_prefix('~') {
                Some(a) => st.adverbs.push(a),
                None => st.phrases.push(line.split_whitespace().collect()),
            }
        }
        st
    })
}

/// The country a speech speaks for, from its own voice: a country that opens a sentence as its
/// subject with a stance verb (`Benin warmly welcomes …`, `Australia applauds …`), or follows
/// `My country` (`My country Benin is committed …`). Mentions elsewhere (`including Lithuania`,
/// `Europe says to Iran`) do not count. The country with the most such sentences wins; a tie
/// gives none.
pub fn voice_country(text: &str, paragraphs: &[Span]) -> Option<&'static Entry> {
    let mut votes: HashMap<*const Entry, (usize, &'static Entry)> = HashMap::new();
    for &p in paragraphs {
        let para = p.of(text);
        for m in gazetteer().find(para) {
            if m.entry.kind != EntityKind::Country {
                continue;
            }
            let before = &para[..m.span.start];
            let after = &para[m.span.end..];
            if (opens_sentence(before) && stance_follows(after)) || after_my_country(before) {
                votes.entry(m.entry as *const Entry).or_insert((0, m.entry)).0 += 1;
            }
        }
    }
    // The most votes, unless another country has as many.
    let (mut best, mut tie): (Option<(usize, &'static Entry)>, bool) = (None, false);
    for (n, e) in votes.into_values() {
        match best {
            Some((m, _)) if n < m => {}
            Some((m, _)) if n == m => tie = true,
            _ => (best, tie) = (Some((n, e)), false),
        }
    }
    best.filter(|_| !tie).map(|(_, e)| e)
}

/// Nothing but openers lie between the last sentence end (or the paragraph start) and here.
fn opens_sentence(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| text::is_space(c) || text::is_opener(c));
    t.is_empty() || t.ends_with(['.', '!', '?', '…', ':'])
}

fn after_my_country(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| text::is_space(c) || c == ',');
    let n = t.len();
    n >= 10 && t.is_char_boundary(n - 10) && t[n - 10..].eq_ignore_ascii_case("my country")
}

fn stance_follows(after: &str) -> bool {
    let st = stance();
    let words: Vec<String> = after
        .split_whitespace()
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
        .collect();
    if after.starts_with(['’', '\'']) {
        return false; // A possessive is not the subject.
    }
    let words: Vec<&str> = words.iter().map(String::as_str).filter(|w| !st.adverbs.contains(w)).collect();
    st.phrases.iter().any(|p| p.len() <= words.len() && p.iter().zip(&words).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_phrases() {
        // (phrase, name, honorific, roles)
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, &'a [&'a str]);
        let cases: &[Case] = &[
            ("H.E. Ambassador Koro Bessho", Some("Koro Bessho"), Some("H.E."), &["Ambassador"]),
            ("the Hon. Alexander Downer MP", Some("Alexander Downer"), Some("Hon."), &[]),
            ("utrikesminister Maria Malmer Stenergard", Some("Maria Malmer Stenergard"), None, &["utrikesminister"]),
            ("ambassadör Olof Skoog", Some("Olof Skoog"), None, &["ambassadör"]),
            ("del señor Embajador Miguel Camilo Ruiz", Some("Miguel Camilo Ruiz"), Some("señor"), &["Embajador"]),
            ("M. François Delattre", Some("François Delattre"), Some("M."), &[]),
            ("H.E. MR. JOHN SMITH", Some("John Smith"), Some("H.E."), &[]),
            ("H.E. MR.", None, Some("H.E."), &[]),
            (
                "LA PRESIDENTA DE LA NACIÓN CRISTINA FERNÁNDEZ DE KIRCHNER",
                Some("Cristina Fernández de Kirchner"),
                None,
                &["Presidente"],
            ),
            (
                "Ambassador Linda Thomas-Greenfield at a UN Security Council Briefing on Ukraine",
                Some("Linda Thomas-Greenfield"),
                None,
                &["Ambassador"],
            ),
        ];
        for &(s, name, hon, roles) in cases {
            let sp = parse_person(s);
            assert_eq!(sp.name.as_deref(), name, "{s}");
            assert_eq!(sp.honorific.as_deref(), hon, "{s}");
            assert_eq!(sp.roles, roles, "{s}");
        }
    }

    #[test]
    fn main_office_is_not_a_rank() {
        let mut sp = parse_person("H.E. Ambassador Koro Bessho");
        for (_, o) in offices().find("Permanent Representative of Japan") {
            push_role(&mut sp, o);
        }
        assert_eq!(sp.role.as_deref(), Some("Permanent Representative"));
        assert_eq!(sp.roles, ["Ambassador", "Permanent Representative"]);
    }
}
