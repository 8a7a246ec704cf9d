//! Pattern rules, written as scanners over the original text: documents (resolutions, document
//! symbols), dates and numbers. No regular expressions: the scanners are linear, and keep the
//! WebAssembly module small.

use std::sync::OnceLock;

use super::Candidate;
use crate::model::EntityKind;
use crate::scan::*;
use crate::span::Span;

const SCALES: &[&str] = &["million", "billion", "trillion", "thousand", "hundred", "millions", "billions", "milliards"];
const CURRENCY_CODES: &[&str] = &["USD", "AUD", "EUR", "GBP", "CHF", "JPY", "SEK", "CAD", "NZD"];
const SYMBOL_ROOTS: &[&str] = &["S", "A", "E", "ST", "UNEP", "CEDAW", "CRC", "CCPR", "TD", "DP"];
/// Words before "May" that make it a month ("in May", "since May").
const MAY_CONTEXT: &[&str] =
    &["in", "of", "since", "until", "last", "next", "this", "early", "late", "mid", "from", "by"];

/// The word before a resolution's number, as statements write it.
const RESOLUTION: &[&str] = &["resolution", "resolutions", "Resolution", "Resolutions", "RESOLUTION", "RESOLUTIONS"];

/// Units from `data/units.txt`, longest first.
fn units() -> &'static [String] {
    static U: OnceLock<Vec<String>> = OnceLock::new();
    U.get_or_init(|| {
        let mut v: Vec<String> =
            crate::data::entries(data_file!("entities/data", "units.txt")).map(str::to_string).collect();
        crate::data::longest_first(&mut v);
        v
    })
}

/// Candidates from every rule, in no particular order.
pub fn candidates(text: &str, out: &mut Vec<Candidate>) {
    let mut runs = Vec::new();
    let dates = crate::dates::scan_noting_runs(text, &mut runs);
    resolutions(text, &runs, out);
    symbols(text, out);
    month_dates(text, dates, out);
    digit_rules(text, &runs, out);
}

// ---- dates -------------------------------------------------------------------------------

/// Dates written with a month name or in digits (`dates`, from [`crate::dates::scan`]):
/// `7 November 2016`, `Monday, 13 January 2020`, `November 7, 2016`, `July 2015`, `July`,
/// `13/01/2020`, `12 de noviembre de 2014`. A month alone counts in English only, and "May" alone only next to a
/// word that makes it a month ("in May").
fn month_dates(text: &str, dates: Vec<crate::dates::Found>, out: &mut Vec<Candidate>) {
    for f in dates {
        let numeric = !f.english && !f.cased && f.has_day && f.has_year;
        if !f.cased && !f.has_day && !numeric {
            continue; // "march" is a verb, "22 september 2024" (Swedish) a date
        }
        if !f.english && !f.has_day && !numeric {
            continue; // "mars", "mayo" alone are ordinary words too often
        }
        let word = f.span.of(text);
        if (word == "May" || word == "MAY") && !f.has_year {
            let prev = text[..f.span.start].trim_end_matches(is_space);
            let pw = word_start_before(text, prev.len());
            if !MAY_CONTEXT.contains(&&prev[pw..]) {
                continue;
            }
        }
        let mut span = f.span;
        if !f.english && !numeric {
            // A weekday in another language ("onsdagen den 18 januari") stays outside.
            span.start += span.of(text).find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        }
        let mut c = Candidate::rule(EntityKind::Date, span, 2);
        if f.iso.is_some() {
            c.linked().code = f.iso;
        }
        out.push(c);
    }
}

// ---- numbers, numeric dates, years -------------------------------------------------------

/// Everything that starts with a digit (`runs`, as [`digit_runs`] gives them): years and decades,
/// clock times, ordinals, amounts, quantities.
fn digit_rules(text: &str, runs: &[(usize, usize)], out: &mut Vec<Candidate>) {
    for &(i, d) in runs {
        let prev = char_before(text, i);
        if !prev.is_some_and(|c| c.is_alphanumeric() || "/-%*#_=&".contains(c)) {
            year(text, i, d, out);
            number(text, i, d, out);
        } else if prev == Some('-') && !text[..i - 1].ends_with(|c: char| c.is_ascii_digit()) {
            // "Post-2015", "mid-1980s": a year after a hyphenated word (not a range or code).
            year(text, i, d, out);
        }
    }
}

/// `2016`, `1990s` (years 1500–2199), not inside a longer number or code.
fn year(text: &str, i: usize, d: usize, out: &mut Vec<Candidate>) {
    if d - i != 4 {
        return;
    }
    let y: u32 = text[i..d].parse().unwrap_or(0);
    if !(1500..=2199).contains(&y) {
        return;
    }
    let mut end = d;
    if text[d..].starts_with('s') && !char_at(text, d + 1).is_some_and(is_word_char) {
        end = d + 1; // a decade
    }
    if char_at(text, end).is_some_and(|c| is_word_char(c) || c == '/') {
        return;
    }
    // "1,2016" or "3.2016" continue a number.
    let prev = char_before(text, i);
    if prev.is_some_and(|c| c == ',' || c == '.') && text[..i - 1].ends_with(|c: char| c.is_ascii_digit()) {
        return;
    }
    out.push(Candidate::rule(EntityKind::Date, Span::new(i, end), 1));
}

/// A numeral with its separators, scale, currency, percent or unit; a clock time; an ordinal.
fn number(text: &str, i: usize, d: usize, out: &mut Vec<Candidate>) {
    // Ordinals: "8701st", "21st century" (a date).
    for suf in ["st", "nd", "rd", "th"] {
        if let Some(e) = lit(text, d, suf) {
            if char_at(text, e).is_some_and(is_word_char) {
                return;
            }
            let c = skip_spaces(text, e, 3);
            if c > e && d - i <= 2 {
                if let Some(ce) = word_in(text, c, &["century"]) {
                    out.push(Candidate::rule(EntityKind::Date, Span::new(i, ce), 2));
                    return;
                }
            }
            out.push(Candidate::rule(EntityKind::Number, Span::new(i, e), 0));
            return;
        }
    }
    // Thousands groups ("20,000", "1 000") and decimals ("1.5").
    let mut end = d;
    if d - i <= 3 {
        for sep in [",", " ", "\u{a0}"] {
            let mut e = d;
            while let Some(s) = lit(text, e, sep) {
                let g = digits(text, s);
                if g - s != 3 || char_at(text, g).is_some_and(|c| c.is_ascii_digit()) {
                    break;
                }
                e = g;
            }
            if e > d {
                end = e;
                break;
            }
        }
    }
    if let Some(s) = lit(text, end, ".") {
        let f = digits(text, s);
        if f > s {
            end = f;
        }
    }
    // Clock times: "10 a.m.", "10.20 a.m.".
    if d - i <= 2 {
        let t = skip_spaces(text, end, 1);
        if let Some(e) = lit(text, t, "a.m.").or_else(|| lit(text, t, "p.m.")) {
            out.push(Candidate::rule(EntityKind::Number, Span::new(i, e), 0));
            return;
        }
    }
    // A number glued to letters or codes is part of a name ("G20", "20-00899", "*2000899*").
    let mut after = text[end..].chars();
    match (after.next(), after.next()) {
        (Some(c), _) if c.is_alphabetic() || "/*_".contains(c) => return,
        (Some('-'), Some(n)) if n.is_ascii_digit() => return,
        _ => {}
    }
    let mut start = i;
    // Currency before: "$5", "US$ 3", "€2", "AUD 30".
    let before = &text[..i];
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    let mut currency = false;
    for sym in ["US$", "$", "€", "£", "¥"] {
        if before.ends_with(sym) {
            start = i - sym.len();
            currency = true;
            break;
        }
    }
    if !currency && i - trimmed.len() == 1 {
        let ws = word_start_before(text, trimmed.len());
        if CURRENCY_CODES.contains(&&trimmed[ws..]) {
            start = ws;
            currency = true;
        }
    }
    // Scale, then unit or percent.
    if let Some(e) = lit(text, end, "%") {
        end = e;
    } else {
        let s = skip_spaces(text, end, 3);
        if s > end {
            if let Some(e) = word_in(text, s, SCALES) {
                end = e;
            }
        }
        if !currency {
            if let Some(e) = lit(text, end, "%").or_else(|| lit(text, end, " %")) {
                end = e;
            } else {
                let s = skip_spaces(text, end, 3);
                if s > end {
                    if let Some(e) = unit(text, s) {
                        end = e;
                    }
                }
            }
        }
    }
    out.push(Candidate::rule(EntityKind::Number, Span::new(start, end), 0));
}

/// A unit word or phrase at `i` (spaces inside a phrase may be any whitespace).
fn unit(text: &str, i: usize) -> Option<usize> {
    let first = text.as_bytes().get(i);
    'units: for u in units().iter().filter(|u| u.as_bytes().first() == first) {
        let mut j = i;
        for (n, part) in u.split(' ').enumerate() {
            if n > 0 {
                let k = skip_spaces(text, j, 3);
                if k == j {
                    continue 'units;
                }
                j = k;
            }
            match lit(text, j, part) {
                Some(e) => j = e,
                None => continue 'units,
            }
        }
        if !char_at(text, j).is_some_and(is_word_char) {
            return Some(j);
        }
    }
    None
}

// ---- documents ---------------------------------------------------------------------------

/// `resolution 2295 (2016)`, `Resolution 2295`, `resolutions 1325 (2000) and 2242 (2015)`,
/// `resolution 70/1`: found from their first number, one of the runs of digits `runs`.
fn resolutions(text: &str, runs: &[(usize, usize)], out: &mut Vec<Candidate>) {
    for &(n, nd) in runs {
        if let Some(ws) = resolution_before(text, n) {
            resolution_at(text, ws, n, nd, out);
        }
    }
}

/// The resolutions of the word "resolution" at `ws` whose first number is `text[n..nd]`.
fn resolution_at(text: &str, ws: usize, n: usize, nd: usize, out: &mut Vec<Candidate>) {
    // General Assembly: "70/1", "A/RES/70/1".
    if (1..=2).contains(&(nd - n)) && text[nd..].starts_with('/') {
        let sd = digits(text, nd + 1);
        if (1..=3).contains(&(sd - nd - 1)) {
            let mut e = sd;
            if char_at(text, e).is_some_and(|c| c.is_ascii_uppercase()) {
                e += 1;
            }
            if !char_at(text, e).is_some_and(is_word_char) {
                let symbol = format!("A/RES/{}", &text[n..e]);
                let mut cand = Candidate::rule(EntityKind::Document, Span::new(ws, e), 3);
                cand.linked().link = Some(format!("https://undocs.org/{symbol}"));
                cand.linked().code = Some(symbol);
                out.push(cand);
            }
            return;
        }
    }
    if !(2..=4).contains(&(nd - n)) || char_at(text, nd).is_some_and(is_word_char) {
        return;
    }
    let (end, year) = year_in_parens(text, nd);
    out.push(resolution(ws, end, &text[n..nd], year));
    // Further numbers of a list: ", 2242 (2015)", " and 2242 (2015)".
    let mut pos = end;
    loop {
        let mut p = pos;
        let comma = text[p..].starts_with(',');
        if comma {
            p += 1;
        }
        let q = skip_spaces(text, p, 3);
        let q = match word_in(text, q, &["and", "or", "to"]) {
            Some(e) if q > p || comma => skip_spaces(text, e, 3).max(e + 1).min(text.len()),
            _ if comma && q > p => q,
            _ => break,
        };
        let qd = digits(text, q);
        if !(2..=4).contains(&(qd - q)) || char_at(text, qd).is_some_and(|c| is_word_char(c) || c == '/') {
            break;
        }
        let (end, year) = year_in_parens(text, qd);
        out.push(resolution(q, end, &text[q..qd], year));
        pos = end;
    }
}

/// The start of the word "resolution" (or "resolutions", capitalized or in capitals) that a number
/// at `n` follows: after one to three spaces, and `S/RES/` or not.
fn resolution_before(text: &str, n: usize) -> Option<usize> {
    let t = &text[..n];
    let t = t.strip_suffix("S/RES/").unwrap_or(t);
    let we = t.trim_end_matches(is_space).len();
    if !(1..=3).contains(&t[we..].chars().count()) {
        return None;
    }
    let ws = word_start_before(text, we);
    (RESOLUTION.contains(&&text[ws..we]) && !char_before(text, ws).is_some_and(is_word_char)).then_some(ws)
}

/// ` (2016)` after a number: its end and the year.
fn year_in_parens(text: &str, i: usize) -> (usize, Option<&str>) {
    let p = skip_spaces(text, i, 2);
    if let Some(o) = lit(text, p, "(") {
        let y = digits(text, o);
        if y - o == 4 {
            if let Some(c) = lit(text, y, ")") {
                return (c, Some(&text[o..y]));
            }
        }
    }
    (i, None)
}

fn resolution(start: usize, end: usize, number: &str, year: Option<&str>) -> Candidate {
    let mut cand = Candidate::rule(EntityKind::Document, Span::new(start, end), 3);
    let symbol = match year {
        Some(y) => format!("S/RES/{number}({y})"),
        None => format!("S/RES/{number}"),
    };
    cand.linked().canonical = Some(match year {
        Some(y) => format!("Security Council resolution {number} ({y})"),
        None => format!("Security Council resolution {number}"),
    });
    cand.linked().link = Some(format!("https://undocs.org/{symbol}"));
    cand.linked().code = Some(symbol);
    cand
}

/// Document symbols: `S/2016/1234`, `S/PV.7802`, `A/71/PV.10`, `S/PRST/2016/1`, `A/RES/70/1`,
/// `E/CN.6/2020/L.1`, with `/Add.1`, `/Rev.1`, `/Corr.1` and a trailing `(2016)`.
fn symbols(text: &str, out: &mut Vec<Candidate>) {
    let mut from = 0;
    while let Some(slash) = next_byte(text.as_bytes(), from, b'/') {
        from = slash + 1;
        let rs = slash - text[..slash].bytes().rev().take_while(u8::is_ascii_uppercase).count();
        if rs == slash || !SYMBOL_ROOTS.contains(&&text[rs..slash]) || char_before(text, rs).is_some_and(is_word_char) {
            continue;
        }
        // First segment: capitals and digits, with ".7802" (a PDF may put a space after the dot).
        let Some(mut end) = segment(text, slash + 1, true) else { continue };
        while let Some(s) = lit(text, end, "/") {
            match segment(text, s, false) {
                Some(e) => end = e,
                None => break,
            }
        }
        let (with_year, _) = year_in_parens(text, end);
        let span = Span::new(rs, with_year);
        let symbol: String = span.of(text).chars().filter(|c| !c.is_whitespace()).collect();
        let mut cand = Candidate::rule(EntityKind::Document, span, 3);
        cand.linked().link = Some(format!("https://undocs.org/{symbol}"));
        cand.linked().code = Some(symbol);
        out.push(cand);
        from = with_year.max(from);
    }
}

/// One segment of a symbol: `[A-Z0-9]+` (or `[A-Za-z0-9]+` after the first slash), then any
/// `.123` or `-X1` / `.X1` parts.
fn segment(text: &str, i: usize, first: bool) -> Option<usize> {
    let ok = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit() || (!first && c.is_ascii_lowercase());
    let b = text.as_bytes();
    let mut e = i;
    while e < b.len() && ok(b[e]) {
        e += 1;
    }
    if e == i {
        return None;
    }
    loop {
        if e < b.len() && b[e] == b'.' {
            let s = if first && b.get(e + 1) == Some(&b' ') { e + 2 } else { e + 1 };
            let d = digits(text, s.min(b.len()));
            if d > s {
                e = d;
                continue;
            }
        }
        if e < b.len() && (b[e] == b'.' || b[e] == b'-') {
            let mut f = e + 1;
            while f < b.len() && ok(b[f]) {
                f += 1;
            }
            if f > e + 1 {
                e = f;
                continue;
            }
        }
        return Some(e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`resolutions`] the plain way: from each word "resolution" forward to its number.
    fn resolutions_by_word(text: &str) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (ws, we) in words(text) {
            if !RESOLUTION.contains(&&text[ws..we]) || char_before(text, ws).is_some_and(is_word_char) {
                continue;
            }
            let n = skip_spaces(text, we, 3);
            let n = lit(text, n, "S/RES/").unwrap_or(n);
            let nd = digits(text, n);
            if n > we && nd > n {
                resolution_at(text, ws, n, nd, &mut out);
            }
        }
        out
    }

    /// Pieces of a text: a word, spaces, a prefix and what follows, in turn.
    const PIECES: [&[&str]; 4] = [
        &["resolution", "Resolutions", "resolutionS", "and", ",", "_", "é", ""],
        &["", " ", "  ", "   ", "    ", " \u{a0}\n", "\n"],
        &["", "", "S/RES/", "(", "/"],
        &["2295", "70", "1", "12345", "(2016)", "/1", "A", ""],
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn resolutions_from_numbers_are_those_from_the_words(
            pieces in prop::collection::vec(PIECES.map(prop::sample::select), 0..6),
        ) {
            let text = pieces.concat().concat();
            let mut got = Vec::new();
            resolutions(&text, &digit_runs(&text).collect::<Vec<_>>(), &mut got);
            prop_assert_eq!(format!("{got:?}"), format!("{:?}", resolutions_by_word(&text)));
        }
    }
}
