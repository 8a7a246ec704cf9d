//! Gazetteers: the plain-text name lists in `data/`, compiled once into one [`Phrases`] trie.
//!
//! Each data line is `CODE | Canonical name | alias | alias …` (`CODE` is `-` when there is none);
//! the file decides the kind. The canonical name and every alias are matched, ASCII-case-
//! insensitively and whole words only, with any whitespace between words and curly or straight
//! quotes alike ([`crate::phrases`]). A match is accepted when
//! the surface equals the alias, or is the alias in ALL CAPS (aliases with a lowercase letter), or
//! differs only by a capital first letter (aliases written with a lowercase first letter). Aliases
//! written in capitals only (`UN`, `WHO`) need exact case.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::EntityKind;
use crate::phrases::{fold, folds_to, Case, Phrases};
use crate::scan::is_word_char;
use crate::span::Span;

/// One named thing: a country, an organization, a mission …
#[derive(Debug)]
pub struct Entry {
    pub kind: EntityKind,
    pub canonical: String,
    pub code: Option<String>,
}

/// A gazetteer match in some text.
#[derive(Clone, Copy, Debug)]
pub struct GazMatch {
    pub span: Span,
    pub entry: &'static Entry,
    /// The alias matched is the entry's acronym (its code), e.g. `MINUSMA`.
    pub is_acronym: bool,
}

/// An alias, as matched. (The alias itself is the phrase of the same id: folding leaves a folded
/// one-line alias as it is.)
struct Pattern {
    entry: u32,
    case: CaseRule,
    /// The alias may be written as the entry's code: only then is a match's surface compared
    /// with the code.
    code: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// Capitals only: exact case.
    Exact,
    /// Exact, or ALL CAPS.
    Caps,
    /// Exact, ALL CAPS, or with a capital first letter.
    LowerStart,
}

pub struct Gazetteer {
    entries: Vec<Entry>,
    /// By phrase id of `phrases`.
    patterns: Vec<Pattern>,
    phrases: Phrases,
    by_alias: HashMap<String, usize>,
}

const FILES: [(EntityKind, &str, &str); 9] = [
    (EntityKind::Country, "countries", data_file!("entities/data", "countries.txt")),
    (EntityKind::Nationality, "nationalities", data_file!("entities/data", "nationalities.txt")),
    (EntityKind::Organization, "organizations", data_file!("entities/data", "organizations.txt")),
    (EntityKind::Mission, "missions", data_file!("entities/data", "missions.txt")),
    (EntityKind::Role, "roles", data_file!("entities/data", "roles.txt")),
    (EntityKind::Place, "places", data_file!("entities/data", "places.txt")),
    (EntityKind::Document, "documents", data_file!("entities/data", "documents.txt")),
    (EntityKind::Event, "events", data_file!("entities/data", "events.txt")),
    (EntityKind::Term, "terms", data_file!("entities/data", "terms.txt")),
];

/// The gazetteer built from the embedded data files (built on first use).
pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::build(&FILES).0)
}

/// Problems found in the data files (duplicate aliases, malformed lines); empty when clean.
pub fn data_problems() -> Vec<String> {
    Gazetteer::build(&FILES).1
}

impl Gazetteer {
    fn build(files: &[(EntityKind, &str, &str)]) -> (Gazetteer, Vec<String>) {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut phrases = Phrases::new(Case::Ascii);
        let mut by_alias: HashMap<String, usize> = HashMap::new();
        let mut problems = Vec::new();
        for &(kind, name, data) in files {
            for (n, line) in crate::data::numbered(data) {
                let fields: Vec<&str> = line.split(" | ").map(str::trim).collect();
                if fields.len() < 2 || fields[1].is_empty() {
                    problems.push(format!("{name}.txt:{}: expected `CODE | Canonical | …`", n));
                    continue;
                }
                let code = (fields[0] != "-").then(|| fields[0].to_string());
                let id = entries.len();
                entries.push(Entry { kind, canonical: fields[1].to_string(), code });
                for alias in &fields[1..] {
                    let alias = fold(alias);
                    if alias.is_empty() {
                        continue;
                    }
                    let key = alias.to_ascii_lowercase();
                    if let Some(&other) = by_alias.get(&key) {
                        if other != id {
                            problems.push(format!(
                                "{name}.txt:{}: alias `{alias}` also belongs to `{}`",
                                n, entries[other].canonical
                            ));
                            continue;
                        }
                        // Another case form of the same entry's alias ("Lake Chad Basin").
                        let n = phrases.len() as u32;
                        if (n.saturating_sub(fields.len() as u32)..n).any(|id| phrases.phrase(id) == alias) {
                            continue;
                        }
                    }
                    by_alias.insert(key, id);
                    let case = case_rule(&alias);
                    // Only LowerStart aliases are accepted with another case of first letter.
                    match case {
                        CaseRule::LowerStart => phrases.add(&alias),
                        CaseRule::Exact | CaseRule::Caps => phrases.add_capitalized(&alias),
                    };
                    let code = entries[id].code.as_deref().is_some_and(|c| folds_to(c, &alias, Case::Ascii));
                    patterns.push(Pattern { entry: id as u32, case, code });
                }
            }
        }
        (Gazetteer { entries, patterns, phrases, by_alias }, problems)
    }

    /// All accepted matches in `text`, overlapping ones included, by start, the longer first.
    pub fn find_all(&'static self, text: &str) -> Vec<GazMatch> {
        let mut out = Vec::new();
        self.phrases.for_each(text, |span, id| {
            let p = &self.patterns[id as usize];
            let surface = span.of(text);
            if is_boundary(text, span.start, span.end) && accepts(p, self.phrases.phrase(id), surface) {
                let entry = &self.entries[p.entry as usize];
                let is_acronym = p.code && entry.code.as_deref() == Some(surface);
                out.push(GazMatch { span, entry, is_acronym });
            }
        });
        longer_first(&mut out);
        out
    }

    /// Whole-word, leftmost-longest matches in `text`.
    pub fn find(&'static self, text: &str) -> Vec<GazMatch> {
        let mut out: Vec<GazMatch> = Vec::new();
        for m in self.find_all(text) {
            if out.last().is_none_or(|l| l.span.end <= m.span.start) {
                out.push(m);
            }
        }
        out
    }

    /// The entry that `name` (the whole string) names, under the matching rules.
    pub fn lookup(&'static self, name: &str) -> Option<&'static Entry> {
        let folded = fold(name);
        let &id = self.by_alias.get(&folded.to_ascii_lowercase())?;
        (0..self.patterns.len() as u32)
            .map(|k| (&self.patterns[k as usize], self.phrases.phrase(k)))
            .filter(|&(p, alias)| p.entry as usize == id && alias.eq_ignore_ascii_case(&folded))
            .any(|(p, alias)| accepts(p, alias, &folded))
            .then_some(&self.entries[id])
    }

    pub fn entries(&'static self) -> &'static [Entry] {
        &self.entries
    }
}

/// Orders the matches as the phrase matcher gives them (by start, the shorter first) by start, the
/// longer first: the matches of each start reversed (two matches of one span are of one entry, so
/// their order does not matter).
fn longer_first(matches: &mut [GazMatch]) {
    let mut i = 0;
    while let Some(m) = matches.get(i) {
        let n = matches[i..].iter().take_while(|g| g.span.start == m.span.start).count();
        matches[i..i + n].reverse();
        i += n;
    }
    debug_assert!(matches.is_sorted_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end))));
}

fn case_rule(alias: &str) -> CaseRule {
    let has_lower = alias.chars().any(char::is_lowercase);
    let first_lower = alias.chars().next().is_some_and(char::is_lowercase);
    match (has_lower, first_lower) {
        (false, _) => CaseRule::Exact,
        (true, true) => CaseRule::LowerStart,
        (true, false) => CaseRule::Caps,
    }
}

/// Whether `surface` (which folds to `alias`, ASCII case aside) is written as the alias's case
/// rule allows.
fn accepts(p: &Pattern, alias: &str, surface: &str) -> bool {
    let exact = |s: &str, a: &str| folds_to(s, a, Case::Exact);
    if exact(surface, alias) {
        return true;
    }
    let capital_first = || {
        surface.as_bytes()[0].is_ascii_uppercase()
            && matches!((surface.get(1..), alias.get(1..)), (Some(s), Some(a)) if exact(s, a))
    };
    match p.case {
        CaseRule::Exact => false,
        CaseRule::Caps => is_all_caps(surface.as_bytes()),
        CaseRule::LowerStart => is_all_caps(surface.as_bytes()) || capital_first(),
    }
}

/// ALL CAPS with at least two letters.
fn is_all_caps(s: &[u8]) -> bool {
    s.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2 && !s.iter().any(u8::is_ascii_lowercase)
}

/// The match `s..e` stands alone as words: no letter or digit touches either end.
pub fn is_boundary(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_gives_the_longer_first() {
        let text = "the United States of America, the Democratic Republic of the Congo (DRC), United \
                    Nations Security Council resolution 2242 (2015) and the Secretary-General";
        let key = |g: &[GazMatch]| g.iter().map(|m| (m.span, m.entry as *const Entry)).collect::<Vec<_>>();
        let got = gazetteer().find_all(text);
        let mut want = got.clone();
        want.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        assert_eq!(key(&got), key(&want));
        assert!(got.windows(2).any(|w| w[0].span.start == w[1].span.start), "overlapping matches at one start");
    }

    const COUNTRIES: &str = "JPN | Japan\nCOD | Democratic Republic of the Congo | DRC\nUSA | United States of America | United States | US\n";
    const TERMS: &str = "TCC | Troop-contributing country | TCC | TCCs | troop-contributing countries\n";

    fn test_gazetteer() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| {
            let (g, problems) =
                Gazetteer::build(&[(EntityKind::Country, "countries", COUNTRIES), (EntityKind::Term, "terms", TERMS)]);
            assert!(problems.is_empty(), "{problems:?}");
            g
        })
    }

    fn found(text: &str) -> Vec<(&str, &str)> {
        test_gazetteer().find(text).into_iter().map(|m| (m.span.of(text), m.entry.canonical.as_str())).collect()
    }

    #[test]
    fn case_rules() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Japan and JAPAN but not japan", &[("Japan", "Japan"), ("JAPAN", "Japan")]),
            ("the US and us", &[("US", "United States of America")]),
            (
                "Troop-contributing countries and troop-contributing countries",
                &[
                    ("Troop-contributing countries", "Troop-contributing country"),
                    ("troop-contributing countries", "Troop-contributing country"),
                ],
            ),
            ("TCCs, not Tccs", &[("TCCs", "Troop-contributing country")]),
        ];
        for (text, want) in cases {
            assert_eq!(found(text), want.to_vec(), "in {text:?}");
        }
    }

    #[test]
    fn whole_words_longest_and_across_line_breaks() {
        assert_eq!(
            found("Japanese, DRCs, the Democratic Republic of\nthe Congo’s"),
            vec![("Democratic Republic of\nthe Congo", "Democratic Republic of the Congo")]
        );
        assert_eq!(found("United States of America"), vec![("United States of America", "United States of America")]);
    }

    #[test]
    fn lookup_whole_names() {
        let g = test_gazetteer();
        assert_eq!(g.lookup("United  States").map(|e| e.canonical.as_str()), Some("United States of America"));
        assert!(g.lookup("us").is_none());
    }

    #[test]
    fn reports_duplicate_aliases() {
        let (_, problems) = Gazetteer::build(&[(EntityKind::Country, "c", "A | Alpha\nB | Beta | alpha\n")]);
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn embedded_data_is_clean() {
        assert_eq!(data_problems(), Vec::<String>::new());
    }
}
