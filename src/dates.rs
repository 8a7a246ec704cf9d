//! Dates as statements write them, to ISO 8601: `7 November 2016`, `26 SEPTEMBER 2012`,
//! `Monday, 13 January 2020`, `13/01/2020`, `2012-09-26`, `November 7, 2016`, `16-Sep-2002`,
//! Swedish `onsdagen den 18 januari 2017`, French `14 septembre 2015`, `1er octobre 2015`,
//! Spanish `12 de noviembre de 2014`, `23 de Septiembre del 2009`; month and year alone give
//! `YYYY-MM`. Numeric dates are read day first (`13/01/2020`), as UN documents write them, unless
//! only month first makes sense (`01/13/2020`).

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::span::Span;

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december\
    |jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec\
    |janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre\
    |janv|févr|fevr|avr|juil|déc\
    |enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre\
    |ene|abr|ago|dic\
    |januari|februari|maj|juni|juli|augusti|oktober|okt";

const WEEKDAYS: &str = "monday|tuesday|wednesday|thursday|friday|saturday|sunday\
    |mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun\
    |måndag|måndagen|tisdag|tisdagen|onsdag|onsdagen|torsdag|torsdagen|fredag|fredagen|lördag|lördagen|söndag|söndagen\
    |lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche\
    |lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";

/// `names` (`a|b|…`) with an all-capitals variant of each name that has non-ASCII letters:
/// patterns run in ASCII mode (the crate builds `regex` without Unicode tables), where `(?i)`
/// folds ASCII letters only.
fn with_capitals(names: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for n in names.split('|') {
        out.push(n.to_string());
        if !n.is_ascii() {
            out.push(n.to_uppercase());
        }
    }
    out.join("|")
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let (months, weekdays) = (with_capitals(MONTHS), with_capitals(WEEKDAYS));
    // `_` stands for a space (NBSP included).
    let pattern = format!(
        r"(?xi-u)
        \b
        (?: (?:{weekdays}) \.? ,? _ )?
        (?: (?:den|le|el) _ )?
        (?:
            (?P<d1>[0-9]{{1,2}}) (?:st|nd|rd|th|er|º|°)? \.? _ (?:de _)? (?P<m1>{months}) \b \.? ,? _ (?:del? _)? (?P<y1>[0-9]{{4}})
          | (?P<m2>{months}) \b \.? _ (?P<d2>[0-9]{{1,2}}) (?:st|nd|rd|th)? ,? _ (?P<y2>[0-9]{{4}})
          | (?P<m3>{months}) \b ,? _ (?:del? _)? (?P<y3>[0-9]{{4}})
          | (?P<iy>[0-9]{{4}}) - (?P<im>[0-9]{{2}}) - (?P<id>[0-9]{{2}})
          | (?P<nd>[0-9]{{1,2}}) (?P<sep>[/.]) (?P<nm>[0-9]{{1,2}}) [/.] (?P<ny>[0-9]{{4}})
          | (?P<ad>[0-9]{{1,2}}) - (?P<am>{months}) - (?P<ay>[0-9]{{4}})
        )
        \b"
    )
    .replace('_', r"(?:\s|\u{A0})+");
    Regex::new(&pattern).expect("date pattern")
});

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
    let caps = DATE.captures(t)?;
    let m = caps.get(0)?;
    let rest = t[m.end()..].trim_matches(|c: char| c.is_whitespace() || ".,;:".contains(c));
    (m.start() == 0 && rest.is_empty()).then(|| iso(&caps)).flatten()
}

/// Every date in `text` with its ISO value, in text order. A weekday written before a date is
/// part of its span (`Monday, 13 January 2020`). Bare years and day-month without a year are
/// not reported. Linear in the text length.
pub fn find_dates(text: &str) -> Vec<(Span, String)> {
    DATE.captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            Some((Span::new(m.start(), m.end()), iso(&c)?))
        })
        .collect()
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

fn iso(c: &Captures) -> Option<String> {
    let (y, m, d) = if let Some(y) = num(c, "y1") {
        (y, month(c.name("m1")?.as_str())?, Some(num(c, "d1")?))
    } else if let Some(y) = num(c, "y2") {
        (y, month(c.name("m2")?.as_str())?, Some(num(c, "d2")?))
    } else if let Some(y) = num(c, "y3") {
        (y, month(c.name("m3")?.as_str())?, None)
    } else if let Some(y) = num(c, "iy") {
        (y, num(c, "im")?, Some(num(c, "id")?))
    } else if let Some(y) = num(c, "ny") {
        let (a, b) = (num(c, "nd")?, num(c, "nm")?);
        // Day first, unless only month first is a valid reading.
        if b > 12 && a <= 12 { (y, a, Some(b)) } else { (y, b, Some(a)) }
    } else {
        (num(c, "ay")?, month(c.name("am")?.as_str())?, Some(num(c, "ad")?))
    };
    if !(1000..3000).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    match d {
        None => Some(format!("{y:04}-{m:02}")),
        Some(d) if d >= 1 && d <= days_in_month(y, m) => Some(format!("{y:04}-{m:02}-{d:02}")),
        Some(_) => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
