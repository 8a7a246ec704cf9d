//! Pattern rules, compiled once: documents (resolutions, document symbols), dates, numbers.

use std::sync::OnceLock;

use regex::Regex;

use super::re;

use super::Candidate;
use crate::model::EntityKind;
use crate::span::Span;

const MONTHS_EN: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_OTHER: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december";
const WEEKDAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

struct Rules {
    sc_resolution: Regex,
    sc_resolution_next: Regex,
    ga_resolution: Regex,
    symbol: Regex,
    date: Regex,
    year: Regex,
    number: Regex,
}

fn rules() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| {
        let months = format!("{MONTHS_EN}|{}", MONTHS_EN.to_uppercase());
        let day = r"[0-3]?[0-9](?:st|nd|rd|th)?";
        let ws = r"[\s\u{a0}]+";
        let units: Vec<String> = include_str!("data/units.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|u| regex::escape(u).replace(' ', r"[\s\u{a0}]+"))
            .collect();
        let mut units = units;
        units.sort_by_key(|u| std::cmp::Reverse(u.len()));
        let units = units.join("|");
        let num = r"[0-9]{1,3}(?:(?:,[0-9]{3})+|(?:[\u{a0}\x20][0-9]{3})+)(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";
        let scale = r"(?:million|billion|trillion|thousand|hundred)";
        let currency = r"(?:US\$|\$|€|£|¥|(?:USD|AUD|EUR|GBP|CHF|JPY|SEK|CAD|NZD)[\s\u{a0}]?)";
        let number = format!(
            r"(?x)
            (?P<clock>\b[0-9]{{1,2}}(?:[.:][0-9]{{2}})?[\s\u{{a0}}]?(?:a\.m\.|p\.m\.))
            | (?P<ordinal>\b[0-9]+(?:st|nd|rd|th)\b)
            | (?P<money>{currency}(?:{num})(?:{ws}{scale})?)
            | (?P<plain>\b(?:{num})(?:%|(?:{ws}(?:{scale}))?(?:{ws}(?:{units})\b|[\s\u{{a0}}]?%)?))"
        );
        Rules {
            sc_resolution: re(
                r"\b([Rr]esolutions?|RESOLUTIONS?)[\s\u{a0}]+(?:S/RES/)?([0-9]{2,4})(?:[\s\u{a0}]*\(([0-9]{4})\))?",
            )
            .unwrap(),
            sc_resolution_next: re(
                r"^(?:,|,?[\s\u{a0}]+(?:and|or|to))[\s\u{a0}]+([0-9]{2,4})(?:[\s\u{a0}]*\(([0-9]{4})\))?",
            )
            .unwrap(),
            ga_resolution: re(r"\b[Rr]esolutions?[\s\u{a0}]+([0-9]{1,2}/[0-9]{1,3}[A-Z]?)\b").unwrap(),
            symbol: re(
                r"\b(?:S|A|E|ST|UNEP|CEDAW|CRC|CCPR|TD|DP)/[A-Z0-9]+(?:\.\x20?[0-9]+|[.\-][A-Z0-9]+)*(?:/[A-Za-z0-9]+(?:\.[0-9]+|[.\-][A-Za-z0-9]+)*)*(?:[\s\u{a0}]*\([0-9]{4}\))?",
            )
            .unwrap(),
            date: re(&format!(
                r"(?x)
                (?:\b(?:{WEEKDAYS}),?{ws})?\b{day}{ws}(?:{months})\b(?:,?{ws}[12][0-9]{{3}}\b)?
                | \b(?:(?:{WEEKDAYS}),?{ws})?(?:{months}){ws}{day}(?:,{ws}[12][0-9]{{3}})?\b
                | \b(?:{months}){ws}[12][0-9]{{3}}\b
                | \b[0-3]?[0-9]{ws}(?:de{ws})?(?:{MONTHS_OTHER})(?:{ws}(?:de{ws})?[12][0-9]{{3}})?\b
                | \b[0-3]?[0-9]/[01]?[0-9]/[12][0-9]{{3}}\b
                | \b[12][0-9]{{3}}-[01][0-9]-[0-3][0-9]\b
                | \b(?:{months})\b
                | \b[0-9]{{1,2}}(?:st|nd|rd|th){ws}century\b"
            ))
            .unwrap(),
            year: re(r"\b(?:1[5-9][0-9]{2}|20[0-9]{2}|21[0-9]{2})(?:s|’s|'s)?\b").unwrap(),
            number: re(&number).unwrap(),
        }
    })
}

/// Candidates from every rule, in no particular order.
pub fn candidates(text: &str, out: &mut Vec<Candidate>) {
    let r = rules();
    documents(text, r, out);
    for m in r.date.find_iter(text) {
        let s = m.as_str();
        if s == "May" || s == "MAY" {
            // "May" alone is a month only next to a date word.
            let after = text[m.end()..].trim_start();
            let before = text[..m.start()].trim_end();
            let near = ["in", "of", "since", "until", "last", "next", "this", "early", "late", "mid", "from", "by"];
            if !after.starts_with(|c: char| c.is_ascii_digit())
                && !near.iter().any(|w| before.ends_with(w) && is_word_start(before, before.len() - w.len()))
            {
                continue;
            }
        }
        out.push(Candidate::rule(EntityKind::Date, Span::new(m.start(), m.end()), 2));
    }
    for m in r.year.find_iter(text) {
        let mut end = m.end();
        let s = m.as_str();
        if s.ends_with("’s") || s.ends_with("'s") {
            end -= if s.ends_with("’s") { 4 } else { 2 }; // a possessive year: "2015's"
        }
        // Not part of a longer number or decimal ("2016.5", "1,2016").
        let before = text[..m.start()].chars().next_back();
        let after = text[m.end()..].chars().next();
        if before.is_some_and(|c| c == ',' || c == '.' || c == '/' || c == '-')
            && text[..m.start()].chars().rev().nth(1).is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        if after.is_some_and(|c| c == '/') {
            continue;
        }
        out.push(Candidate::rule(EntityKind::Date, Span::new(m.start(), end), 1));
    }
    for m in r.number.find_iter(text) {
        let (s, mut e) = (m.start(), m.end());
        // A number glued to letters ("G20", "COP28", "A4P") is part of a name.
        // So is one inside a code, a URL or a job number ("%22", "20-00899", "*2000899*").
        if text[..s].chars().next_back().is_some_and(|c| c.is_alphanumeric() || "/-%*#_=&".contains(c)) {
            continue;
        }
        let mut after = text[e..].chars();
        match (after.next(), after.next()) {
            (Some(c), _) if c.is_alphabetic() || "/*_".contains(c) => continue,
            (Some('-'), Some(d)) if d.is_ascii_digit() => continue,
            _ => {}
        }
        // Trailing sentence period after "a.m." stays; after a plain number it is punctuation.
        while e > s && text[..e].ends_with('.') && !text[..e].ends_with("m.") {
            e -= 1;
        }
        out.push(Candidate::rule(EntityKind::Number, Span::new(s, e), 0));
    }
}

fn is_word_start(s: &str, i: usize) -> bool {
    !s[..i].chars().next_back().is_some_and(char::is_alphanumeric)
}

fn documents(text: &str, r: &Rules, out: &mut Vec<Candidate>) {
    for c in r.sc_resolution.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let number = &c[2];
        let year = c.get(3).map(|y| y.as_str());
        out.push(resolution(whole.start(), whole.end(), number, year));
        // "resolutions 1325 (2000) and 2242 (2015)": each further number is a document too.
        let mut pos = whole.end();
        while let Some(n) = r.sc_resolution_next.captures(&text[pos..]) {
            let m = n.get(1).unwrap();
            let end = n.get(0).unwrap().end();
            out.push(resolution(pos + m.start(), pos + end, &n[1], n.get(2).map(|y| y.as_str())));
            pos += end;
        }
    }
    for c in r.ga_resolution.captures_iter(text) {
        let whole = c.get(0).unwrap();
        let mut cand = Candidate::rule(EntityKind::Document, Span::new(whole.start(), whole.end()), 3);
        let symbol = format!("A/RES/{}", &c[1]);
        cand.link = Some(format!("https://undocs.org/{symbol}"));
        cand.code = Some(symbol);
        out.push(cand);
    }
    for m in r.symbol.find_iter(text) {
        let mut cand = Candidate::rule(EntityKind::Document, Span::new(m.start(), m.end()), 3);
        let symbol: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
        cand.link = Some(format!("https://undocs.org/{symbol}"));
        cand.code = Some(symbol);
        out.push(cand);
    }
}

fn resolution(start: usize, end: usize, number: &str, year: Option<&str>) -> Candidate {
    let mut cand = Candidate::rule(EntityKind::Document, Span::new(start, end), 3);
    let symbol = match year {
        Some(y) => format!("S/RES/{number}({y})"),
        None => format!("S/RES/{number}"),
    };
    cand.canonical = Some(match year {
        Some(y) => format!("Security Council resolution {number} ({y})"),
        None => format!("Security Council resolution {number}"),
    });
    cand.link = Some(format!("https://undocs.org/{symbol}"));
    cand.code = Some(symbol);
    cand
}
