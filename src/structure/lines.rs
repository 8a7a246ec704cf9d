//! Classes of whole lines by their wording: salutations (`Mr. President,`), closings
//! (`I thank you, Mr. President.`), editorial notes (`(As delivered)`), procedural lines of a
//! record (`The meeting rose at 10.25 a.m.`).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::text;

/// Lowercase terms that start a line, longest first, and the same by their first letter (a cheap
/// first test for each line).
struct LineTerms {
    list: Vec<String>,
    /// (first letter, index in `list`), sorted: each letter's terms, longest first.
    by_initial: Vec<(char, usize)>,
    /// Which ASCII characters are first letters.
    ascii_initials: [bool; 128],
}

impl LineTerms {
    fn new(data: &'static str) -> LineTerms {
        let mut list: Vec<String> = crate::data::entries(data).map(str::to_lowercase).collect();
        crate::data::longest_first(&mut list);
        let mut by_initial: Vec<(char, usize)> =
            list.iter().enumerate().filter_map(|(i, t)| Some((t.chars().next()?, i))).collect();
        crate::sort::by_key(&mut by_initial, |&(c, _)| c as u128);
        let mut ascii_initials = [false; 128];
        for &(f, _) in &by_initial {
            if let Some(a) = ascii_initials.get_mut(f as usize) {
                *a = true;
            }
        }
        LineTerms { list, by_initial, ascii_initials }
    }

    /// `s` may start with one of the phrases (by its first letter, ignoring case).
    fn may_start(&self, s: &str) -> bool {
        match s.as_bytes().first() {
            Some(b) if b.is_ascii() => self.ascii_initials[b.to_ascii_lowercase() as usize],
            _ => s.chars().next().is_some_and(|c| c.to_lowercase().any(|l| self.starting_with(l).next().is_some())),
        }
    }

    /// The terms that start with `c`, longest first.
    fn starting_with(&self, c: char) -> impl Iterator<Item = &str> {
        let from = self.by_initial.partition_point(|&(f, _)| f < c);
        let run = self.by_initial.get(from..).unwrap_or_default();
        run.iter().take_while(move |&&(f, _)| f == c).filter_map(|&(_, i)| self.list.get(i).map(String::as_str))
    }
}

fn salutation_terms() -> &'static LineTerms {
    static L: OnceLock<LineTerms> = OnceLock::new();
    L.get_or_init(|| LineTerms::new(data_file!("data", "salutations.txt")))
}

fn notes() -> &'static LineTerms {
    static L: OnceLock<LineTerms> = OnceLock::new();
    L.get_or_init(|| LineTerms::new(data_file!("data", "notes.txt")))
}

/// The phrases of `data/procedural.txt`: those that start a line, and those found inside one
/// (written `… took the Chair`).
struct Procedure {
    /// The phrases that start a line, by their first byte, each with its first eight bytes
    /// (fewer when shorter: [`head8`]).
    starts: [Vec<(u64, &'static str)>; 256],
    inside: crate::phrases::Phrases,
    /// The longest word of each inside phrase: a line without any of them holds none of the
    /// phrases (they match in exact case, and only quotes and hyphens fold).
    inside_keys: Vec<&'static str>,
}

fn procedural() -> &'static Procedure {
    static L: OnceLock<Procedure> = OnceLock::new();
    L.get_or_init(|| {
        let mut p = Procedure {
            starts: std::array::from_fn(|_| Vec::new()),
            inside: crate::phrases::Phrases::new(crate::phrases::Case::Exact),
            inside_keys: Vec::new(),
        };
        for phrase in crate::data::entries(data_file!("data", "procedural.txt")) {
            match phrase.strip_prefix("… ") {
                Some(inner) => {
                    p.inside.add(inner);
                    let key = inner.split(|c: char| !c.is_alphanumeric()).max_by_key(|w| w.len()).unwrap_or("");
                    if !p.inside_keys.contains(&key) {
                        p.inside_keys.push(key);
                    }
                }
                None => {
                    if let Some(&b) = phrase.as_bytes().first() {
                        p.starts[b as usize].push((head8(phrase.as_bytes(), phrase.len()), phrase));
                    }
                }
            }
        }
        p
    })
}

/// The first `n` bytes of `b` (at most eight; zeros for those past its end), the first lowest.
fn head8(b: &[u8], n: usize) -> u64 {
    let keep = if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
    crate::scan::load_padded(b, 0) & keep
}

/// `part` begins with the whole term (then a non-letter or the end).
fn starts_with_term(part: &str, term: &str) -> bool {
    let n = term.len();
    part.len() >= n
        && part.is_char_boundary(n)
        && part[..n] == *term
        && !part[n..].chars().next().is_some_and(char::is_alphanumeric)
}

/// `part`, lowercased, begins with the whole (lowercase) `term`: [`starts_with_term`] on
/// `part.to_lowercase()` without making that string. The same for every term, as none holds a
/// sigma (the one letter whose lowercase depends on what follows).
fn lowered_starts_with_term(part: &str, term: &str) -> bool {
    if let Some(head) = part.as_bytes().get(..term.len()).filter(|h| h.is_ascii()) {
        // ASCII lowercases byte by byte (and never to a non-ASCII term).
        let next = || part.get(term.len()..).and_then(|r| r.chars().next()).and_then(|c| c.to_lowercase().next());
        return head.iter().map(u8::to_ascii_lowercase).eq(term.bytes()) && !next().is_some_and(char::is_alphanumeric);
    }
    if part.len() < term.len() && part.is_ascii() {
        // Shorter, and stays as long when lowercased.
        return false;
    }
    let mut lower = part.chars().flat_map(char::to_lowercase);
    term.chars().all(|t| lower.next() == Some(t)) && !lower.next().is_some_and(char::is_alphanumeric)
}

/// Words that may join a salutation's parts or start a name after it.
const NAME_JOINERS: &[&str] = &[
    "of", "the", "and", "de", "la", "le", "les", "del", "des", "du", "los", "las", "el", "y", "et", "och", "l’", "l'",
];

/// A standalone salutation line: short, not a sentence, made of address terms
/// (`data/salutations.txt`) separated by `,` `;` `:`, maybe with a name or title after them
/// (`Señor Presidente, Embajador Rafael Ramírez,`).
pub fn is_salutation(line: &str) -> bool {
    let s = text::trim_spaces(line);
    // (A line that ends a sentence also does so without emphasis marks: see below.)
    if s.is_empty() || s.len() > 160 || s.ends_with(['.', '?']) || s.ends_with(".”") {
        return false;
    }
    if !salutation_terms().may_start(s.trim_start_matches(['*', '_'])) {
        return false;
    }
    // Without Markdown emphasis (`**Monsieur le Président**,`).
    let plain: Cow<str> = if crate::scan::find_any4(s.as_bytes(), 0, [b'*', b'_', b'*', b'_']).is_some() {
        s.replace(['*', '_'], "").into()
    } else {
        s.into()
    };
    let s = plain.trim();
    if s.is_empty() || s.ends_with(['.', '?']) || s.ends_with(".”") {
        return false;
    }
    // Without closing punctuation (`Madam Chair`) the line must be terms only.
    let punctuated = s.ends_with([',', ':', ';', '!']);
    // A name or title after a term: at most six words, opening with a capital or a joiner
    // (`Embajador Rafael Ramírez`, `of the General Assembly`, `de l’Assemblée générale`).
    let name_like = |t: &str| {
        let words: Vec<&str> = t.split_whitespace().collect();
        let capital = |w: &str| {
            let w = w.trim_start_matches(['l', 'd', '\'', '’']);
            w.chars().next().is_some_and(char::is_uppercase)
        };
        words.len() <= 6
            && words.first().is_none_or(|w| capital(w) || NAME_JOINERS.contains(&w.to_lowercase().as_str()))
            && words.iter().any(|w| capital(w))
    };
    let mut parts = 0;
    for part in split_parts(s) {
        let first = part.chars().flat_map(char::to_lowercase).next();
        let term = first.and_then(|f| salutation_terms().starting_with(f).find(|t| lowered_starts_with_term(part, t)));
        let ok = match term {
            // The tail after the term, in the original case (lowercasing may change lengths).
            Some(t) => {
                let skip = part.char_indices().nth(t.chars().count()).map_or(part.len(), |(i, _)| i);
                let tail = part[skip..].trim();
                tail.is_empty() || (punctuated && name_like(tail))
            }
            None => parts > 0 && punctuated && name_like(part),
        };
        if !ok {
            return false;
        }
        parts += 1;
    }
    parts > 0
}

/// The parts of `s` between `,` `;` `:` and `!`, trimmed, without empty ones.
fn split_parts(s: &str) -> impl Iterator<Item = &str> {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let end = crate::scan::find_any4(s.as_bytes(), start, [b',', b';', b':', b'!']);
        from = end.map(|e| e + 1);
        Some(s.get(start..end.unwrap_or(s.len())).unwrap_or(""))
    })
    .map(str::trim)
    .filter(|p| !p.is_empty())
}

/// A heading inside a single statement: a numbered title (`1. Introduction:`, `II. Peace and
/// security`), a Markdown heading (`## Climate`) or a short line in capitals; never a sentence.
pub fn is_heading(line: &str) -> bool {
    let s = text::trim_spaces(line);
    if s.is_empty() || s.len() > 100 || text::ends_full_stop(s) {
        return false;
    }
    if s.starts_with('#') {
        return true;
    }
    let (head, rest) = s.split_once(' ').unwrap_or((s, ""));
    let numbered = head.len() <= 5
        && (head.ends_with('.') || head.ends_with(')'))
        && head[..head.len() - 1].chars().all(|c| c.is_ascii_digit() || "IVX".contains(c))
        && !head[..head.len() - 1].is_empty()
        && rest.chars().next().is_some_and(char::is_uppercase);
    let words = || s.split_whitespace().count();
    numbered || (text::is_all_caps(s) && (2..=10).contains(&words()) && !s.contains(':'))
}

/// Thanks that close a statement: `I thank you, Mr. President.`, `Thank you.`, `Je vous
/// remercie.`, `Muchas gracias.`, `Tack.` — one short sentence.
pub fn is_closing(line: &str) -> bool {
    let s = text::trim_spaces(line);
    if s.is_empty() || s.len() > 90 {
        return false;
    }
    if s.contains('?') || super::sentences::split(s, crate::span::Span::new(0, s.len())).len() != 1 {
        return false;
    }
    let lower = s.to_lowercase();
    const OPENERS: &[&str] = &[
        "i thank you",
        "thank you",
        "thanks",
        "many thanks",
        "je vous remercie",
        "merci",
        "muchas gracias",
        "gracias",
        "tack",
        "obrigado",
        "obrigada",
        "danke",
        "spasibo",
    ];
    OPENERS.iter().any(|o| starts_with_term(&lower, o))
}

/// The note a line holds (`Check against delivery`, `(As delivered)`, `[ENDS]`), without its
/// brackets and final stop; `None` for other lines. Long lines are never notes.
pub fn note(line: &str) -> Option<&str> {
    // A long line with nothing to trim at either end is no note.
    let kept = |b: &u8| b.is_ascii_graphic() && !b"()[]*_.".contains(b);
    if line.len() > 60 && line.as_bytes().first().is_some_and(kept) && line.as_bytes().last().is_some_and(kept) {
        return None;
    }
    let s = line.trim_matches(|c: char| text::is_space(c) || matches!(c, '(' | ')' | '[' | ']' | '*' | '_'));
    let s = s.trim_end_matches(['.', '…', ' ']);
    if s.is_empty() || s.len() > 60 || !notes().may_start(s) {
        return None;
    }
    let lower_len = || s.chars().flat_map(char::to_lowercase).map(char::len_utf8).sum::<usize>();
    let first = s.chars().flat_map(char::to_lowercase).next();
    let hit = |n: &str| lowered_starts_with_term(s, n) && lower_len() <= n.len() + 24;
    first.is_some_and(|f| notes().starting_with(f).any(hit)).then_some(s)
}

/// A note phrase anywhere in a header line (`New York den 17 januari 2017. Det talade ordet
/// gäller.`), as written.
pub fn note_inside(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    if lower.len() != line.len() {
        // Lowercasing changed byte lengths: search sentence by sentence instead.
        return line.split(['.', '(', ')', '[', ']']).find_map(|part| note(part));
    }
    notes().list.iter().find_map(|n| {
        let at = lower.find(n.as_str())?;
        let before_ok = at == 0 || !line[..at].chars().next_back().is_some_and(char::is_alphanumeric);
        before_ok.then(|| &line[at..at + n.len()])
    })
}

/// Some line of `s` may hold a procedural phrase written inside a line (`… took the Chair`): `s`
/// holds the longest word of one.
pub fn may_hold_inside(s: &str) -> bool {
    procedural().inside_keys.iter().any(|k| holds(s, k))
}

/// `s` holds `key`. Natively `str::contains` searches with SIMD; in the wasm it steps byte by
/// byte, so [`holds_by_rare_byte`] is faster there.
fn holds(s: &str, key: &str) -> bool {
    if cfg!(target_arch = "wasm32") {
        holds_by_rare_byte(s, key)
    } else {
        s.contains(key)
    }
}

/// `s` holds `key`: the places of a [rarer byte](rarer_byte) of it are found eight bytes per
/// step, then compared.
fn holds_by_rare_byte(s: &str, key: &str) -> bool {
    let (b, k, rare) = (s.as_bytes(), key.as_bytes(), rarer_byte(key));
    let Some(&x) = k.get(rare) else { return true };
    let mut i = rare;
    while let Some(at) = crate::scan::find_any4(b, i, [x; 4]) {
        if b.get(at - rare..).is_some_and(|r| r.starts_with(k)) {
            return true;
        }
        i = at + 1;
    }
    false
}

/// The offset of a rarer byte of `key` in English text: its first that is not one of the nine
/// most common letters (or else 0). (A loop: the iterator's `try_fold` is a call in the wasm.)
fn rarer_byte(key: &str) -> usize {
    let b = key.as_bytes();
    let mut j = 0;
    while let Some(&x) = b.get(j) {
        if !matches!(x, b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'h' | b'r') {
            return j;
        }
        j += 1;
    }
    0
}

/// The line records procedure in a verbatim record (`The agenda was adopted.`); `Some(true)`
/// when it introduces a list (`In favour:`). `text_may_hold_inside`: the line's text (a region
/// of lines) [`may_hold_inside`].
pub fn procedural_line(line: &str, text_may_hold_inside: bool) -> Option<bool> {
    let s = text::trim_spaces(line);
    let first = *s.as_bytes().first()?;
    let p = procedural();
    // Eight bytes compared at once before the whole phrase.
    let starts = &p.starts[first as usize];
    let line_head = |n: usize| head8(s.as_bytes(), n);
    if let Some(&(_, hit)) = starts.iter().find(|&&(h, t)| line_head(t.len()) == h && s.starts_with(t)) {
        return Some(hit.ends_with(':') && s.len() <= hit.len() + 1);
    }
    let mut inside = false;
    if s.len() < 200 && text_may_hold_inside && may_hold_inside(s) {
        p.inside.for_each(s, |_, _| inside = true);
    }
    inside.then_some(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salutations() {
        let yes = [
            "Mr. President,",
            "Madam President,",
            "Mr. Chair,",
            "Madam Chair",
            "Excellencies, ladies and gentlemen,",
            "Mr. Secretary-General,",
            "Monsieur le Président,",
            "Señor Presidente:",
            "Señor Presidente, Embajador Rafael Ramírez,",
            "Mr President, Your Excellencies, Ladies and gentlemen, ",
            "Monsieur le Président de l’Assemblée générale,",
            "Herr ordförande, Ers excellenser,",
            "Mesdames et Messieurs les Chefs d’État et de Gouvernement,",
            "**Monsieur le Président**,",
            "Colleagues,",
            "President,",
        ];
        for s in yes {
            assert!(is_salutation(s), "{s:?}");
        }
        let no = [
            "Mr. President, I thank you.",
            "Mr. President, on both joining the Security Council and",
            "Mr. Bessho (Japan):",
            "President of the Republic",
            "Thank you, Mr. President.",
            "Presidential elections were held",
            "",
        ];
        for s in no {
            assert!(!is_salutation(s), "{s:?}");
        }
    }

    #[test]
    fn headings() {
        for s in ["1. Introduction:", "II. Peace and security", "## Climate", "SUSTAINABLE DEVELOPMENT"] {
            assert!(is_heading(s), "{s:?}");
        }
        for s in [
            "1. We must act now.",
            "(1) First and foremost, we must",
            "[ENDS]",
            "2020 was a hard year",
            "PRIME MINISTER:",
        ] {
            assert!(!is_heading(s), "{s:?}");
        }
    }

    #[test]
    fn closings() {
        for s in [
            "I thank you, Mr. President.",
            "Thank you.",
            "Thank you, Mr. President.",
            "Je vous remercie.",
            "Muchas gracias.",
            "Tack.",
        ] {
            assert!(is_closing(s), "{s:?}");
        }
        for s in [
            "Thank you, God Bless you all. God Bless America.",
            "Thanksgiving is near.",
            "I thank the briefers for their insightful briefings and the presidency for convening us today.",
        ] {
            assert!(!is_closing(s), "{s:?}");
        }
    }

    #[test]
    fn notes_and_procedure() {
        assert_eq!(note("(As delivered)"), Some("As delivered"));
        assert_eq!(note("Check against delivery"), Some("Check against delivery"));
        assert_eq!(note("[ACKNOWLEDGEMENTS OMITTED]"), Some("ACKNOWLEDGEMENTS OMITTED"));
        assert_eq!(note("Enligt det talade ordet."), Some("Enligt det talade ordet"));
        assert_eq!(note("As delivered by the Minister at the opening of the session in Geneva today"), None);
        assert_eq!(
            note_inside("New York den 17 januari 2017. Det talade ordet gäller."),
            Some("Det talade ordet gäller")
        );
        assert_eq!(procedural_line("The meeting was called to order at 10.20 a.m.", true), Some(false));
        assert_eq!(procedural_line("In favour:", true), Some(true));
        assert_eq!(procedural_line("The President: I thank", true), None);
        assert_eq!(procedural_line("Mr. Dang (Viet Nam), Vice-President, took the Chair.", true), Some(false));
        assert_eq!(procedural_line("Mr. X was escorted  from the rostrum.", true), Some(false));
        assert_eq!(procedural_line("Mr. X was escorted away.", true), None);
    }

    #[test]
    fn eight_byte_heads_agree_with_starts_with() {
        let texts = ["The meeting rose", "The meet", "The", "", "In favour:", "The meeting\0", "Thé meeting"];
        for s in texts {
            for t in texts.iter().filter(|t| !t.is_empty()) {
                let by_head = head8(s.as_bytes(), t.len()) == head8(t.as_bytes(), t.len()) && s.starts_with(t);
                assert_eq!(by_head, s.starts_with(t), "{t:?} at the start of {s:?}");
            }
        }
    }

    #[test]
    fn rare_byte_search_agrees_with_contains() {
        assert_eq!((rarer_byte("escorted"), rarer_byte("Chair"), rarer_byte("")), (2, 0, 0));
        let hay = "He was escortes, escorted; the chair. Chaïr, Chair, Chai";
        for key in ["escorted", "Chair", "Chaïr", "Chai", "C", "e", "ï", "", "escortes, escorted; the chair. Chai!"] {
            for s in (0..hay.len()).filter_map(|from| hay.get(from..)) {
                assert_eq!(holds_by_rare_byte(s, key), s.contains(key), "{key:?} in {s:?}");
            }
        }
    }
}
