//! Dates as statements write them, to ISO 8601: `7 November 2016`, `26 SEPTEMBER 2012`,
//! `Monday, 13 January 2020`, `13/01/2020`, `2012-09-26`, `November 7, 2016`, `16-Sep-2002`,
//! Swedish `onsdagen den 18 januari 2017`, French `14 septembre 2015`, `1er octobre 2015`,
//! Spanish `12 de noviembre de 2014`, `23 de Septiembre del 2009`; month and year alone give
//! `YYYY-MM`. Numeric dates are read day first (`13/01/2020`), as UN documents write them, unless
//! only month first makes sense (`01/13/2020`).

use std::sync::OnceLock;

use crate::scan::{digits as digit_run, is_space, is_word_char as word_char, load_padded, HeadSet, RunStarts};
use crate::span::Span;

/// Weekdays in English, Swedish, French and Spanish (matched ignoring ASCII case), and the
/// abbreviations English uses.
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "måndag",
    "måndagen",
    "tisdag",
    "tisdagen",
    "onsdag",
    "onsdagen",
    "torsdag",
    "torsdagen",
    "fredag",
    "fredagen",
    "lördag",
    "lördagen",
    "söndag",
    "söndagen",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "sábado",
    "sabado",
    "domingo",
];

/// Month names: (name, number, English). Abbreviations are listed in [`ABBREVIATIONS`].
const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, true),
    ("february", 2, true),
    ("march", 3, true),
    ("april", 4, true),
    ("may", 5, true),
    ("june", 6, true),
    ("july", 7, true),
    ("august", 8, true),
    ("september", 9, true),
    ("october", 10, true),
    ("november", 11, true),
    ("december", 12, true),
    ("janvier", 1, false),
    ("février", 2, false),
    ("fevrier", 2, false),
    ("mars", 3, false),
    ("avril", 4, false),
    ("mai", 5, false),
    ("juin", 6, false),
    ("juillet", 7, false),
    ("août", 8, false),
    ("aout", 8, false),
    ("septembre", 9, false),
    ("octobre", 10, false),
    ("novembre", 11, false),
    ("décembre", 12, false),
    ("decembre", 12, false),
    ("enero", 1, false),
    ("febrero", 2, false),
    ("marzo", 3, false),
    ("abril", 4, false),
    ("mayo", 5, false),
    ("junio", 6, false),
    ("julio", 7, false),
    ("agosto", 8, false),
    ("septiembre", 9, false),
    ("setiembre", 9, false),
    ("octubre", 10, false),
    ("noviembre", 11, false),
    ("diciembre", 12, false),
    ("januari", 1, false),
    ("februari", 2, false),
    ("maj", 5, false),
    ("juni", 6, false),
    ("juli", 7, false),
    ("augusti", 8, false),
    ("oktober", 10, false),
];
const ABBREVIATIONS: &[(&str, u32)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sept", 9),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    ("okt", 10),
];

/// A date found in running text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: Span,
    /// `YYYY-MM-DD`, or `YYYY-MM` for a month and year; `None` without a year.
    pub iso: Option<String>,
    pub has_day: bool,
    pub has_year: bool,
    /// The month name is written as names are (English: `July`, `JULY`; other languages in any
    /// case); false for a lowercase English month (`march`) or numeric dates.
    pub cased: bool,
    /// The month is an English month name (so it may stand alone).
    pub english: bool,
}

/// Whether the word `w` can name a month: the length of one, and the first three bytes of one as
/// [`head3`] reads them.
fn may_be_month(w: &str) -> bool {
    (3..=10).contains(&w.len()) && month_heads().may_contain(head3(w.as_bytes(), 0))
}

/// The [`head3`]s of the month names and abbreviations.
fn month_heads() -> &'static HeadSet {
    &month_starts().0
}

/// The [`head3`]s of the month names and abbreviations, and the first bytes they can be written
/// with (either case of their first letters).
fn month_starts() -> &'static (HeadSet, [bool; 256]) {
    static SET: OnceLock<(HeadSet, [bool; 256])> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = HeadSet::new(12);
        let mut initials = [false; 256];
        for m in MONTHS.iter().map(|m| m.0).chain(ABBREVIATIONS.iter().map(|a| a.0)) {
            set.insert(head3(m.as_bytes(), 0));
            let b = m.as_bytes()[0];
            initials[b.to_ascii_lowercase() as usize] = true;
            initials[b.to_ascii_uppercase() as usize] = true;
        }
        (set, initials)
    })
}

/// The first three bytes of `hay` at `i` (zeros past its end) with bit 5 of each set: ASCII
/// letters lowercased, and the second bytes of UTF-8 letters that differ so in case (É, é).
fn head3(hay: &[u8], i: usize) -> u32 {
    head3_of(load_padded(hay, i))
}

/// [`head3`] of the eight bytes `v`.
fn head3_of(v: u64) -> u32 {
    (v as u32 | 0x20_2020) & 0xff_ffff
}

/// How `w` names a month: (number, English, full name, cased).
fn month_word(w: &str) -> Option<(u32, bool, bool, bool)> {
    if !may_be_month(w) {
        return None;
    }
    let lower = if w.is_ascii() { std::borrow::Cow::Borrowed(w) } else { w.to_lowercase().into() };
    // Both sides are lowercase but for ASCII letters of `w`.
    let same = |m: &str| m.len() == w.len() && m.eq_ignore_ascii_case(&lower);
    if let Some(&(_, n, en)) = MONTHS.iter().find(|(m, _, _)| same(m)) {
        let title = w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).all(|c| !c.is_uppercase());
        let upper = w.chars().all(|c| !c.is_lowercase());
        let cased = !en || title || upper;
        return Some((n, en, true, cased));
    }
    ABBREVIATIONS.iter().find(|(m, _)| same(m)).map(|&(_, n)| (n, false, false, false))
}

/// A day number (1–31, up to two digits, optional `st`/`er`/`º` … and `.`) ending at `end`;
/// returns its start and value.
fn day_before(text: &str, end: usize) -> Option<(usize, u32)> {
    let mut e = end;
    let t = &text[..e];
    if t.ends_with('.') {
        e -= 1;
    }
    for suf in ["st", "nd", "rd", "th", "er", "º", "°"] {
        if text[..e].ends_with(suf) && text[..e - suf.len()].ends_with(|c: char| c.is_ascii_digit()) {
            e -= suf.len();
            break;
        }
    }
    let s = e - text[..e].bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&(e - s)) || text[..s].ends_with(word_char) {
        return None;
    }
    let d: u32 = text[s..e].parse().ok()?;
    (1..=31).contains(&d).then_some((s, d))
}

/// A day number starting at `i`: its end and value.
fn day_after(text: &str, i: usize) -> Option<(usize, u32)> {
    let e = digit_run(text, i);
    if !(1..=2).contains(&(e - i)) {
        return None;
    }
    let mut end = e;
    for suf in ["st", "nd", "rd", "th"] {
        if text[e..].starts_with(suf) {
            end = e + 2;
            break;
        }
    }
    if text[end..].starts_with(word_char) {
        return None;
    }
    let d: u32 = text[i..e].parse().ok()?;
    (1..=31).contains(&d).then_some((end, d))
}

/// A year (four digits, 1000–2999) after `i`: `, 2016`, ` 2016`, ` de 2014`, ` del 2009`.
fn year_after(text: &str, i: usize) -> Option<(usize, u32)> {
    let mut j = i;
    if text[j..].starts_with(',') || text[j..].starts_with('.') {
        j += 1;
    }
    let k = skip_all(text, j);
    if k == j {
        return None;
    }
    let mut k2 = k;
    for w in ["del ", "de "] {
        if text[k..].starts_with(w) {
            k2 = skip_all(text, k + w.len() - 1);
            break;
        }
    }
    let e = digit_run(text, k2);
    if e - k2 != 4 || text[e..].starts_with(word_char) {
        return None;
    }
    let y: u32 = text[k2..e].parse().ok()?;
    (1000..3000).contains(&y).then_some((e, y))
}

/// The start of a weekday (and `den`/`le`/`el`) written before `start`, if any.
fn weekday_before(text: &str, start: usize) -> usize {
    let mut t = text[..start].trim_end_matches(is_space);
    if t.len() == start {
        return start;
    }
    for w in ["den", "le", "el"] {
        if let Some(r) = t.strip_suffix(w).filter(|r| !r.ends_with(word_char) && r.ends_with(is_space)) {
            t = r.trim_end_matches(is_space);
            break;
        }
    }
    let t = t.strip_suffix(',').unwrap_or(t);
    let t = t.strip_suffix('.').unwrap_or(t);
    let ws = t.len() - t.chars().rev().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>();
    let word = t[ws..].to_lowercase();
    if ws < t.len() && WEEKDAYS.contains(&word.as_str()) {
        ws
    } else {
        start
    }
}

/// Every date-like span of `text`, in text order: month-name dates with or without day and
/// year, and numeric dates (`13/01/2020`, `2012-09-26`). Linear in the text length.
pub fn scan(text: &str) -> Vec<Found> {
    scan_noting_runs(text, &mut Vec::new())
}

/// [`scan`], noting in `runs` (as `(start, end)`, in order) the runs of ASCII digits that start a
/// word: those [`crate::scan::digit_runs`] gives, found on the way.
pub fn scan_noting_runs(text: &str, runs: &mut Vec<(usize, usize)>) -> Vec<Found> {
    let (heads, initials) = month_starts();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Dates are found from runs of digits and from words that may start a month name, from the
    // end of the last date on.
    let mut resume = 0;
    for s in RunStarts::with_initials(bytes, 0, initials) {
        let v = load_padded(bytes, s);
        let digit = (v as u8).is_ascii_digit();
        if digit
            && !s.checked_sub(1).and_then(|p| bytes.get(p)).is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        {
            runs.push((s, digit_run(text, s)));
        }
        // Most words go by on their first three bytes, which begin no month name (`&`, not `&&`:
        // one branch, hard to predict, not two).
        if (!heads.may_contain(head3_of(v)) & !digit) | (s < resume) {
            continue;
        }
        let found = if digit {
            if text[..s].ends_with(word_char) {
                continue;
            }
            numeric(text, s, digit_run(text, s))
        } else {
            // A letter after a non-ASCII letter starts no word.
            if text[..s].ends_with(char::is_alphabetic) {
                continue;
            }
            month_date(text, s, crate::scan::letters(text, s))
        };
        if let Some(f) = found {
            resume = f.span.end;
            out.push(f);
        }
    }
    out
}

/// A date around the month name at `ms..me`.
fn month_date(text: &str, ms: usize, me: usize) -> Option<Found> {
    let (month, english, full, cased) = month_word(&text[ms..me])?;
    let mut me2 = me;
    if !full && text[me..].starts_with('.') {
        me2 += 1;
    }
    let mut start = ms;
    let mut end = me2;
    let mut day = None;
    // Day before: "7 November", "12 de noviembre", "1er octobre", "16-Sep-2002".
    let dash = text[..ms].ends_with('-') && text[me2..].starts_with('-');
    let before = if dash { ms - 1 } else { text[..ms].trim_end_matches(is_space).len() };
    let before = if !dash && before < ms && text[..before].ends_with(" de") { before - 3 } else { before };
    if dash || before < ms {
        if let Some((ds, d)) = day_before(text, if dash { ms - 1 } else { before }) {
            start = ds;
            day = Some(d);
        }
    }
    // Day after: "November 7".
    if day.is_none() && !dash {
        let a = skip_all(text, me2);
        if a > me2 {
            if let Some((de, d)) = day_after(text, a) {
                end = de;
                day = Some(d);
            }
        }
    }
    let year = if dash {
        let e = digit_run(text, me2 + 1);
        (e - me2 - 1 == 4 && !text[e..].starts_with(word_char))
            .then(|| (e, text[me2 + 1..e].parse::<u32>().unwrap_or(0)))
    } else {
        year_after(text, end)
    };
    if dash && (year.is_none() || day.is_none()) {
        return None;
    }
    if let Some((ye, _)) = year {
        end = ye;
    }
    if !full && (day.is_none() || year.is_none()) {
        return None; // an abbreviation ("Jan", "dec") only in a whole date
    }
    start = weekday_before(text, start);
    let iso = year.and_then(|(_, y)| iso(y, month, day));
    if year.is_some() && iso.is_none() {
        return None; // "31 February 2020"
    }
    Some(Found { span: Span::new(start, end), iso, has_day: day.is_some(), has_year: year.is_some(), cased, english })
}

/// `13/01/2020`, `13.01.2020` (day first unless only month first is valid), `2012-09-26`.
fn numeric(text: &str, s: usize, e: usize) -> Option<Found> {
    let b = text.as_bytes();
    let found = |end: usize, iso: Option<String>| {
        if text[end..].starts_with(word_char) {
            return None;
        }
        Some(Found {
            span: Span::new(s, end),
            iso: Some(iso?),
            has_day: true,
            has_year: true,
            cased: false,
            english: false,
        })
    };
    if e - s == 4 && b.get(e) == Some(&b'-') {
        let m = digit_run(text, e + 1);
        if m - e - 1 == 2 && b.get(m) == Some(&b'-') {
            let d = digit_run(text, m + 1);
            if d - m - 1 == 2 {
                let (y, mo, da) =
                    (text[s..e].parse().ok()?, text[e + 1..m].parse().ok()?, text[m + 1..d].parse().ok()?);
                return found(d, iso(y, mo, Some(da)));
            }
        }
        return None;
    }
    if (1..=2).contains(&(e - s)) {
        let sep = *b.get(e)?;
        if sep != b'/' && sep != b'.' {
            return None;
        }
        let m = digit_run(text, e + 1);
        if !(1..=2).contains(&(m - e - 1)) || b.get(m) != Some(&sep) {
            return None;
        }
        let y = digit_run(text, m + 1);
        if y - m - 1 != 4 {
            return None;
        }
        let (a, bb, yy): (u32, u32, u32) =
            (text[s..e].parse().ok()?, text[e + 1..m].parse().ok()?, text[m + 1..y].parse().ok()?);
        let (mo, da) = if bb > 12 && a <= 12 { (a, bb) } else { (bb, a) };
        return found(y, iso(yy, mo, Some(da)));
    }
    None
}

fn iso(y: u32, m: u32, d: Option<u32>) -> Option<String> {
    if !(1000..3000).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        None => Some(format!("{y:04}-{m:02}")),
        Some(d) if d >= 1 && d <= days_in_month(y, m) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
    }
}

/// The ISO form of a date written as `s` (the whole string, give or take surrounding
/// punctuation, brackets and a weekday), or of a bare year (`2016`) or `YYYY-MM`.
///
/// ```
/// use statement_viewer::dates::parse_date;
/// assert_eq!(parse_date("Monday, 13 January 2020").as_deref(), Some("2020-01-13"));
/// assert_eq!(parse_date("onsdagen den 18 januari 2017.").as_deref(), Some("2017-01-18"));
/// assert_eq!(parse_date("12 de noviembre de 2014").as_deref(), Some("2014-11-12"));
/// assert_eq!(parse_date("the 18th"), None);
/// ```
pub fn parse_date(s: &str) -> Option<String> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c.is_control() || "[](),.;:\u{FEFF}".contains(c));
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: u32 = t.parse().ok()?;
        return (1000..3000).contains(&y).then(|| t.to_string());
    }
    if t.len() == 7 && t.as_bytes()[4] == b'-' {
        let (y, m) = (t[..4].parse::<u32>().ok()?, t[5..].parse::<u32>().ok()?);
        return ((1000..3000).contains(&y) && (1..=12).contains(&m)).then(|| format!("{y:04}-{m:02}"));
    }
    let f = scan(t).into_iter().next()?;
    let rest = t[f.span.end..].trim_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
    (f.span.start == 0 && rest.is_empty()).then_some(f.iso).flatten()
}

/// Every date in `text` with its ISO value, in text order. A weekday written before a date is
/// part of its span (`Monday, 13 January 2020`). Bare years, months and day-month without a year
/// are not reported. Linear in the text length.
pub fn find_dates(text: &str) -> Vec<(Span, String)> {
    scan(text).into_iter().filter_map(|f| Some((f.span, f.iso?))).collect()
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The number of a month name in English, French, Spanish or Swedish (full or abbreviated).
pub fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let n = n.as_str();
    let m = match n {
        "mars" | "marzo" | "mar" | "march" => 3,
        "mai" | "mayo" | "maj" | "may" => 5,
        _ => {
            let p: String = n.chars().take(3).collect();
            match p.as_str() {
                "jan" | "ene" => 1,
                "feb" | "fév" | "fev" => 2,
                "apr" | "avr" | "abr" => 4,
                "jun" | "jui" if n.starts_with("juil") => 7,
                "jun" | "jui" => 6,
                "jul" => 7,
                "aug" | "aoû" | "aou" | "ago" => 8,
                "sep" | "set" => 9,
                "oct" | "okt" => 10,
                "nov" => 11,
                "dec" | "déc" | "dic" => 12,
                _ => return None,
            }
        }
    };
    Some(m)
}

/// The end of all the whitespace at `i`.
fn skip_all(text: &str, i: usize) -> usize {
    crate::scan::skip_spaces(text, i, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`scan`] the plain way: every run of digits and every word in turn.
    fn scan_word_by_word(text: &str) -> Vec<Found> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = text[i..].chars().next() {
            let s = i;
            let found = if c.is_ascii_digit() {
                i = digit_run(text, s);
                if text[..s].ends_with(word_char) {
                    None
                } else {
                    numeric(text, s, i)
                }
            } else if c.is_alphabetic() {
                i = crate::scan::letters(text, s);
                month_date(text, s, i)
            } else {
                i += c.len_utf8();
                None
            };
            if let Some(f) = found {
                i = f.span.end;
                out.push(f);
            }
        }
        out
    }

    /// Pieces of text, between `|`.
    const PIECES: &str = "7|13|2016|1er|21st|13/01/2020|01.13.2020|2012-09-26|16-Sep-2002|January|JANUARY|january|\
        May|may|mars|Marzo|Sept|sep.|déc|DÉC|Février|FÉVRIER|août|AOÛT|décembre|oktober|den|de|del|le|Monday|\
        onsdagen|Miércoles|decision|Mayor|é|Éx|x|ab|_|’|-|/|.|,| |  |\n|\u{a0}|(|";

    proptest! {
        #[test]
        fn scan_finds_what_a_word_by_word_scan_finds(
            pieces in prop::collection::vec(prop::sample::select(PIECES.split('|').collect::<Vec<_>>()), 0..40),
            noise in any::<String>(),
        ) {
            for text in [pieces.concat(), noise] {
                let mut runs = Vec::new();
                prop_assert_eq!(scan_noting_runs(&text, &mut runs), scan_word_by_word(&text));
                prop_assert_eq!(runs, crate::scan::digit_runs(&text).collect::<Vec<_>>());
            }
        }
    }

    #[test]
    fn every_month_word_passes_the_prefix_filter() {
        let words = MONTHS.iter().map(|m| m.0).chain(ABBREVIATIONS.iter().map(|a| a.0));
        for w in words {
            let title = w[..1].to_uppercase() + &w[1..];
            for w in [w.to_string(), w.to_uppercase(), title] {
                assert!(month_word(&w).is_some(), "{w}");
                assert!(!scan(&format!("7 {w} 2016")).is_empty(), "{w}");
            }
        }
    }

    #[test]
    fn written_dates() {
        let cases: &[(&str, Option<&str>)] = &[
            ("7 November 2016", Some("2016-11-07")),
            ("26 SEPTEMBER 2012", Some("2012-09-26")),
            ("Monday, 13 January 2020", Some("2020-01-13")),
            ("Monday, 13 January 2020, 10 a.m.", None),
            ("13/01/2020", Some("2020-01-13")),
            ("03/03/2005", Some("2005-03-03")),
            ("01/13/2020", Some("2020-01-13")),
            ("2012-09-26", Some("2012-09-26")),
            ("November 7, 2016", Some("2016-11-07")),
            ("onsdagen den 18 januari 2017", Some("2017-01-18")),
            ("tisdag den 13 oktober 2015", Some("2015-10-13")),
            ("14 septembre 2015", Some("2015-09-14")),
            ("1er octobre 2015", Some("2015-10-01")),
            ("Mercredi 25 Septembre 2024", Some("2024-09-25")),
            ("12 de noviembre de 2014", Some("2014-11-12")),
            ("[Miércoles 23 de Septiembre del 2009]", Some("2009-09-23")),
            ("(Nueva York, 12 de noviembre de 2014)", None),
            ("16-Sep-2002", Some("2002-09-16")),
            ("04 September 2017.", Some("2017-09-04")),
            ("11 juillet 2019", Some("2019-07-11")),
            ("November 2016", Some("2016-11")),
            ("2016", Some("2016")),
            ("31 February 2020", None),
            ("29 February 2020", Some("2020-02-29")),
            ("32/01/2020", None),
            ("New York", None),
            ("", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_date(s).as_deref(), want, "{s:?}");
        }
    }

    #[test]
    fn dates_in_running_text() {
        let text = "New York, onsdagen den 18 januari 2017. Letter dated 14 October 2019 (S/2019/823), \
                    Monday, 13 January 2020, 10 a.m.; 10.20 a.m.; 2020-2024; (Nueva York, 12 de noviembre de 2014)";
        let found = find_dates(text);
        let got: Vec<(&str, &str)> = found.iter().map(|(s, iso)| (s.of(text), iso.as_str())).collect();
        let want = [
            ("onsdagen den 18 januari 2017", "2017-01-18"),
            ("14 October 2019", "2019-10-14"),
            ("Monday, 13 January 2020", "2020-01-13"),
            ("12 de noviembre de 2014", "2014-11-12"),
        ];
        assert_eq!(got, want);
    }
}
