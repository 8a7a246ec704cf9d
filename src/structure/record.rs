//! Verbatim records: the cover page (symbol, meeting number, date, time, place, president,
//! members, agenda) and speaker turns (`Mr. Bessho (Japan):`, `The President (spoke in French):`).

use crate::dates;
use crate::entities::gazetteer::gazetteer;
use crate::model::{Block, BlockKind, EntityKind, Meeting, Speaker};
use crate::span::Span;
use crate::text::{self, Line};

use super::header::{body_in, floor_boundary, place_in};
use super::speaker::{country_named, first_country, offices, set_country};
use super::Pos;

/// A record's cover page.
pub struct Cover {
    /// Where the text after the cover starts.
    pub end: Pos,
    pub meeting: Meeting,
    /// The `Cover` block and the furniture inside it.
    pub blocks: Vec<Block>,
}

/// The cover page of a verbatim record starting at line `from`: a record symbol and a meeting
/// number or `President:` near the top. It ends at the first page break, else after the
/// boilerplate "This record contains …" (and the job number and barcode after it).
pub fn cover(text: &str, lines: &[Line], furn: &[bool], from: usize) -> Option<Cover> {
    let first = (from..lines.len()).find(|&i| !lines[i].is_blank())?;
    let head_end =
        (first..lines.len()).filter(|&i| !lines[i].is_blank()).nth(40).map_or(text.len(), |i| lines[i].start);
    let head_start = lines[first].content.start;
    let head = &text[head_start..floor_boundary(text, head_end.min(head_start + 6000).max(head_start))];
    let (sym_start, symbol) = record_symbol(head)?;
    if sym_start > 400 || !(meeting_number(head).is_some() || head.contains("President:")) {
        return None;
    }
    // The end: a page break, or the boilerplate's end.
    let called_to_order = head.find("The meeting was called to order").map_or(usize::MAX, |k| head_start + k);
    let ff = (first + 1..lines.len()).take_while(|&i| lines[i].start < called_to_order).find(|&i| lines[i].form_feed);
    let end_byte = if let Some(k) = ff {
        (first..k).rev().find(|&i| !lines[i].is_blank()).map_or(lines[k].start, |i| lines[i].content.end)
    } else if let Some(k) = head.find("documents.un.org)") {
        let after = k + "documents.un.org)".len();
        let after = if head[after..].starts_with('.') { after + 1 } else { after };
        let tail = job_and_barcode(&head[after..]);
        head_start + after + tail
    } else {
        let stop = called_to_order.min(head_start + head.len());
        text::trim(text, Span::new(head_start, stop)).end
    };
    let end_byte = text::trim(text, Span::new(head_start, end_byte.max(head_start))).end;
    if end_byte <= head_start + sym_start {
        return None; // the record starts before any cover page
    }
    let cover_span = Span::new(head_start, end_byte);
    let c = cover_span.of(text);
    let mut m = Meeting { symbol: Some(symbol), body: body_in(c), number: meeting_number(c), ..Meeting::default() };
    if let Some((span, iso)) = dates::find_dates(c).into_iter().next() {
        m.date = Some(iso);
        m.time = clock_time(&c[span.end..floor_boundary(c, span.end + 40)]);
    }
    m.place = ["New York", "Geneva", "Nairobi", "Vienna"]
        .iter()
        .find(|p| c.contains(*p))
        .and_then(|p| place_in(p))
        .map(str::to_string);
    m.president = president(c);
    if let Some(k) = c.find("Members:") {
        let tail = &c[k..];
        let stop = tail.find("Agenda").unwrap_or(tail.len());
        for g in gazetteer().find(&tail[..stop]) {
            if g.entry.kind == EntityKind::Country && !m.members.contains(&g.entry.canonical) {
                m.members.push(g.entry.canonical.clone());
            }
        }
    }
    m.agenda = agenda(c);
    // The end as a position: the line holding the end byte, or the next line.
    let end_line = lines.partition_point(|l| l.end < end_byte);
    let end = if end_line < lines.len() && lines[end_line].content.end > end_byte {
        Pos { line: end_line, offset: end_byte }
    } else {
        Pos { line: end_line + 1, offset: 0 }
    };
    let mut blocks = vec![Block::new(BlockKind::Cover, cover_span)];
    for i in first + 1..(end_line + 1).min(lines.len()) {
        if furn[i] && lines[i].content.end <= end_byte && !text::is_record_symbol(lines[i].text(text)) {
            blocks.push(Block::new(BlockKind::Furniture, lines[i].content));
        }
    }
    Some(Cover { end, meeting: m, blocks })
}

/// `President: Mr. Dang . . . . (Viet Nam)`.
fn president(c: &str) -> Option<Speaker> {
    let k = c.find("President:")?;
    let rest = c[k + "President:".len()..].trim_start();
    let mut sp =
        Speaker { role: Some("President".to_string()), roles: vec!["President".to_string()], ..Speaker::default() };
    let mut r = rest;
    for h in TURN_HONORIFICS {
        if let Some(after) = r.strip_prefix(h) {
            if after.starts_with([' ', '\n']) || h.ends_with('.') {
                sp.honorific = Some(h.to_string());
                r = after.trim_start();
                break;
            }
        }
    }
    let name_end = r.find(['.', '/', '(', '\n', '…']).unwrap_or(r.len());
    let name = r[..name_end].trim();
    if !name.is_empty() && name.len() < 60 {
        sp.name = Some(name.to_string());
    }
    let open = r[..floor_boundary(r, 300)].find('(')?;
    let close = r[open..].find(')')? + open;
    if let Some(e) = country_named(&r[open + 1..close]) {
        set_country(&mut sp, e);
    }
    Some(sp)
}

/// Agenda items: the lines after `Agenda` up to the boilerplate, wrapped lines joined.
fn agenda(c: &str) -> Vec<String> {
    let Some(k) = c.find("\nAgenda").map(|k| k + 1).or_else(|| c.find("Agenda ")) else { return Vec::new() };
    let tail = &c[k + "Agenda".len()..];
    let stop = ["This record contains", "Corrected records", "Corrections should"]
        .iter()
        .filter_map(|s| tail.find(s))
        .min()
        .unwrap_or(tail.len());
    let mut items: Vec<String> = Vec::new();
    let mut prev: Option<&str> = None;
    for line in tail[..stop].lines().map(str::trim).filter(|l| !l.is_empty()) {
        match (items.last_mut(), prev) {
            (Some(last), Some(p)) if heading_continues(p, line) => {
                last.push(' ');
                last.push_str(line);
            }
            _ => items.push(line.to_string()),
        }
        prev = Some(line);
    }
    items
}

/// A wrapped heading goes on: the next line starts in lowercase, or the line ends with a
/// function word (`Letter dated 14 October 2019 from the`).
pub fn heading_continues(prev: &str, next: &str) -> bool {
    const FUNCTION: &[&str] = &[
        "the", "of", "to", "and", "from", "for", "in", "on", "by", "with", "a", "an", "at", "its", "their", "de", "la",
        "del", "et", "y",
    ];
    text::starts_lower(next) || prev.rsplit(' ').next().is_some_and(|w| FUNCTION.contains(&w))
}

const TURN_HONORIFICS: &[&str] = &[
    "Mr.",
    "Mrs.",
    "Ms.",
    "Miss",
    "Dr.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Archbishop",
    "Cardinal",
    "Monsignor",
    "Prince",
    "Princess",
    "Sheikh",
    "Sheikha",
    "King",
    "Queen",
    "Sr.",
    "Sra.",
    "Mme",
    "M.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Presiding and Secretariat speakers named by office (`The President:`), with the office.
const OFFICE_SPEAKERS: &[(&str, &str)] = &[
    ("The Acting President", "Acting President"),
    ("The Temporary President", "Temporary President"),
    ("The Vice-President", "Vice-President"),
    ("The President", "President"),
    ("The Acting Chair", "Acting Chair"),
    ("The Chairperson", "Chair"),
    ("The Chairman", "Chair"),
    ("The Co-Chair", "Co-Chair"),
    ("The Chair", "Chair"),
    ("The Deputy Secretary-General", "Deputy Secretary-General"),
    ("The Secretary-General", "Secretary-General"),
    ("El Presidente", "President"),
    ("La Presidenta", "President"),
    ("Le Président", "President"),
    ("La Présidente", "President"),
    ("El Secretario General", "Secretary-General"),
    ("Le Secrétaire général", "Secretary-General"),
];

/// Offices written before a name in General Assembly records (`President Talon (spoke in
/// French):`), with the office they give.
const OFFICE_TITLES: &[(&str, &str)] = &[
    ("President", "President"),
    ("Prime Minister", "Prime Minister"),
    ("Vice-President", "Vice-President"),
    ("Deputy Prime Minister", "Deputy Prime Minister"),
    ("Chancellor", "Chancellor"),
    ("Emir", "Emir"),
    ("Crown Prince", "Crown Prince"),
    ("Grand Duke", "Grand Duke"),
];

/// Words that make `Mr. X:` an address, not a speaker.
const ADDRESS_WORDS: &[&str] = &[
    "President",
    "Chair",
    "Chairman",
    "Chairperson",
    "Secretary-General",
    "Vice-President",
    "Co-Chair",
    "Moderator",
    "Speaker",
];

const NAME_PARTICLES: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "di", "du", "la", "le", "van", "von", "der", "den", "ter", "bin", "ibn",
    "al", "el", "y",
];

/// A speaker's turn intro.
pub struct Turn {
    /// The line the intro starts on.
    pub line: usize,
    /// `Mr. Bessho (Japan) (spoke in Spanish):`
    pub span: Span,
    pub speaker: Speaker,
    pub language: Option<String>,
    /// Where the speech starts (after the colon).
    pub body: Pos,
    /// Spoken by the presiding officer (`The President:`).
    pub presiding: bool,
}

/// The turn intro at byte `at`, the content start of line `line`. An intro may wrap onto the next
/// lines (`Mr. Pecsteen de Buytswerve (Belgium) (spoke in` / `French):`).
pub fn turn_at(text: &str, lines: &[Line], line: usize, at: usize) -> Option<Turn> {
    let s = &text[at..floor_boundary(text, at + 300)];
    let first = s.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let mut sp = Speaker::default();
    let mut p;
    let mut presiding = false;
    if let Some(&(phrase, office)) = OFFICE_SPEAKERS.iter().find(|(ph, _)| {
        ph.as_bytes()[0] == s.as_bytes()[0]
            && s.starts_with(ph)
            && !s[ph.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '-')
    }) {
        p = phrase.len();
        sp.role = Some(office.to_string());
        sp.roles.push(office.to_string());
        presiding = matches!(office, "President" | "Chair");
    } else {
        let after = |h: &str| {
            h.as_bytes()[0] == s.as_bytes()[0] && s.starts_with(h) && s[h.len()..].starts_with([' ', '\u{A0}'])
        };
        // An honorific is one word: the line's first, ending at a space or NBSP.
        let first_word = s.find([' ', '\u{A0}']).map(|k| &s[..k]);
        if let Some(h) = TURN_HONORIFICS.iter().find(|h| first_word == Some(**h)) {
            sp.honorific = Some(h.to_string());
            p = h.len();
        } else {
            let &(title, office) = OFFICE_TITLES.iter().filter(|(t, _)| after(t)).max_by_key(|(t, _)| t.len())?;
            sp.role = Some(office.to_string());
            sp.roles.push(office.to_string());
            p = title.len();
        }
        let mut name_start = None;
        let mut name_end = 0;
        let mut words = 0;
        loop {
            let ws = skip_ws(s, p);
            if ws == p || ws >= s.len() {
                break;
            }
            let rest = &s[ws..];
            if rest.starts_with(['(', ':']) {
                p = ws;
                break;
            }
            let w_end = rest.find(|c: char| text::is_space(c) || c == '(' || c == ':').unwrap_or(rest.len());
            let w = &rest[..w_end];
            let capital = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c));
            if !(capital || NAME_PARTICLES.contains(&w)) || words == 6 {
                return None;
            }
            name_start.get_or_insert(ws);
            name_end = ws + w_end;
            words += 1;
            p = name_end;
        }
        let name = &s[name_start?..name_end];
        if words == 0
            || ADDRESS_WORDS.contains(&name)
            || NAME_PARTICLES.contains(&name.rsplit(' ').next().unwrap_or(""))
        {
            return None;
        }
        sp.name = Some(name.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    // Bracketed groups: country, language, office.
    let mut language = None;
    for _ in 0..3 {
        let ws = skip_ws(s, p);
        if !s[ws..].starts_with('(') {
            break;
        }
        let close = s[ws..].find(')')? + ws;
        let inner: String = s[ws + 1..close].split_whitespace().collect::<Vec<_>>().join(" ");
        if inner.is_empty() || inner.len() > 100 || inner.contains('(') {
            return None;
        }
        if let Some(lang) = spoken_language(&inner) {
            language = Some(lang);
        } else if let Some(e) =
            country_named(&inner).or_else(|| first_country(&inner).filter(|_| inner.split(' ').count() <= 6))
        {
            set_country(&mut sp, e);
        } else if let Some((_, o)) = offices().at_start(&inner) {
            sp.role.get_or_insert(o.canonical.clone());
            sp.roles.push(o.canonical.clone());
        }
        p = close + 1;
    }
    let ws = skip_ws(s, p);
    if !s[ws..].starts_with(':') {
        return None;
    }
    let end = at + ws + 1;
    // The speech starts after the colon, on this line or the next non-blank one.
    let intro_line = line + lines[line..].iter().position(|l| l.end >= end - 1).unwrap_or(0);
    let l = &lines[intro_line.min(lines.len() - 1)];
    let rest = text::trim(text, Span::new(end.min(l.end), l.end));
    let body = if rest.is_empty() {
        Pos { line: intro_line + 1, offset: 0 }
    } else {
        Pos { line: intro_line, offset: rest.start }
    };
    Some(Turn { line, span: Span::new(at, end), speaker: sp, language, body, presiding })
}

/// Whitespace, at most one line break, from `p`.
fn skip_ws(s: &str, p: usize) -> usize {
    let rest = &s[p.min(s.len())..];
    let mut n = 0;
    let mut breaks = 0;
    for c in rest.chars() {
        if c == '\n' {
            breaks += 1;
            if breaks > 1 {
                break;
            }
        }
        if !text::is_space(c) {
            break;
        }
        n += c.len_utf8();
    }
    p + n
}

/// `spoke in French` → `French`; also `interpretation from Arabic`, `habló en español`.
fn spoken_language(inner: &str) -> Option<String> {
    for prefix in
        ["spoke in ", "interpretation from ", "speaking in ", "spoke in", "habló en ", "parle en ", "a parlé en "]
    {
        if let Some(l) = inner.strip_prefix(prefix) {
            let l = l.trim();
            if !l.is_empty() && l.len() < 30 {
                let mut c = l.chars();
                return c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lines;

    /// (intro text, name, country, role, language)
    type Intro = (String, Option<String>, Option<String>, Option<String>, Option<String>);

    fn intro(s: &str) -> Option<Intro> {
        let ls = lines(s);
        turn_at(s, &ls, 0, ls[0].content.start)
            .map(|t| (t.span.of(s).to_string(), t.speaker.name, t.speaker.country, t.speaker.role, t.language))
    }

    #[test]
    fn turn_intros() {
        let o = |s: &str| Some(s.to_string());
        let cases: &[(&str, Option<Intro>)] = &[
            (
                "Mr. Bessho (Japan): I thank you.",
                Some((o("Mr. Bessho (Japan):").unwrap(), o("Bessho"), o("Japan"), None, None)),
            ),
            (
                "Mrs. Craft (United States of America): We",
                Some((
                    o("Mrs. Craft (United States of America):").unwrap(),
                    o("Craft"),
                    o("United States of America"),
                    None,
                    None,
                )),
            ),
            (
                "The President (spoke in French): I",
                Some((o("The President (spoke in French):").unwrap(), None, None, o("President"), o("French"))),
            ),
            (
                "Mr. Singer Weisinger (Dominican Republic) (spoke in Spanish): First",
                Some((
                    o("Mr. Singer Weisinger (Dominican Republic) (spoke in Spanish):").unwrap(),
                    o("Singer Weisinger"),
                    o("Dominican Republic"),
                    None,
                    o("Spanish"),
                )),
            ),
            (
                "Mr. Pecsteen de Buytswerve (Belgium) (spoke in\nFrench): I",
                Some((
                    o("Mr. Pecsteen de Buytswerve (Belgium) (spoke in\nFrench):").unwrap(),
                    o("Pecsteen de Buytswerve"),
                    o("Belgium"),
                    None,
                    o("French"),
                )),
            ),
            (
                "The Secretary-General: I thank",
                Some((o("The Secretary-General:").unwrap(), None, None, o("Secretary-General"), None)),
            ),
            ("Mr. Chambas: I am honoured", Some((o("Mr. Chambas:").unwrap(), o("Chambas"), None, None, None))),
            ("Mr. Chambas said with regard to such an approach: no", None),
            ("Mr. President: I", None),
            ("Mr. Mohamed Ibn Chambas, Special Representative of", None),
            ("The President is right: we", None),
            (
                "President Talon (spoke in French): I",
                Some((o("President Talon (spoke in French):").unwrap(), o("Talon"), None, o("President"), o("French"))),
            ),
            ("President of the Assembly: no", None),
        ];
        for (s, want) in cases {
            assert_eq!(&intro(s), want, "{s:?}");
        }
    }
}

/// The first record symbol (`S/PV.8701`, `A/71/PV.10`, `S/ PV. 8698`): its start and the symbol
/// without spaces.
fn record_symbol(s: &str) -> Option<(usize, String)> {
    let b = s.as_bytes();
    for (i, _) in s.match_indices('/') {
        let Some(root) = i.checked_sub(1).filter(|&r| matches!(b[r], b'S' | b'A' | b'E')) else { continue };
        if root > 0 && (b[root - 1].is_ascii_alphanumeric() || b[root - 1] == b'_') {
            continue;
        }
        let mut j = i + 1;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        // An optional session part ("71/") before "PV.".
        let seg_end =
            j + b[j..].iter().take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'-').count();
        let mut middle = String::new();
        if b.get(seg_end) == Some(&b'/') && !s[j..seg_end].starts_with("PV") {
            middle = format!("{}/", &s[j..seg_end]);
            j = seg_end + 1;
        }
        if !s[j..].starts_with("PV.") {
            continue;
        }
        let mut k = j + 3;
        if b.get(k) == Some(&b' ') {
            k += 1;
        }
        let d = k + b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        if d > k {
            return Some((root, format!("{}/{middle}PV.{}", &s[root..root + 1], &s[k..d])));
        }
    }
    None
}

/// The meeting number of `8701st meeting`, `52nd plenary meeting`.
fn meeting_number(s: &str) -> Option<String> {
    for (i, d) in crate::scan::digit_runs(s) {
        let suffix = s.get(d..d + 2).map(str::to_ascii_lowercase);
        if matches!(suffix.as_deref(), Some("st" | "nd" | "rd" | "th")) {
            let rest = s[d + 2..].trim_start();
            let gap = s.len() - (d + 2) - rest.len();
            let rest = if gap > 0 { rest } else { "" };
            let rest = strip_word_ci(rest, "plenary").map(str::trim_start).unwrap_or(rest);
            if strip_word_ci(rest, "meeting").is_some() {
                return Some(s[i..d].to_string());
            }
        }
    }
    None
}

/// `rest` after `word` (ASCII case-insensitive, as a whole word).
fn strip_word_ci<'a>(rest: &'a str, word: &str) -> Option<&'a str> {
    let head = rest.get(..word.len())?;
    let after = &rest[word.len()..];
    (head.eq_ignore_ascii_case(word) && !after.starts_with(|c: char| c.is_alphanumeric() || c == '_')).then_some(after)
}

/// The first clock time (`10 a.m.`, `10.20 a.m.`, `3:15 p. m.`) in `s`.
fn clock_time(s: &str) -> Option<String> {
    let b = s.as_bytes();
    for (i, mut d) in crate::scan::digit_runs(s) {
        if d - i > 2 {
            continue;
        }
        if matches!(b.get(d), Some(b'.' | b':'))
            && b.get(d + 1..d + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        {
            d += 3;
        }
        let mut k = d;
        if matches!(b.get(k), Some(c) if c.is_ascii_whitespace()) {
            k += 1;
        }
        if matches!(b.get(k), Some(b'a' | b'p')) && b.get(k + 1) == Some(&b'.') {
            let mut m = k + 2;
            if matches!(b.get(m), Some(c) if c.is_ascii_whitespace()) {
                m += 1;
            }
            if s.get(m..m + 2) == Some("m.") {
                return Some(s[i..m + 2].to_string());
            }
        }
    }
    None
}

/// The length of a job number and barcode at the start of `s` (`\n20-00899 (E)\n*2000899*`).
fn job_and_barcode(s: &str) -> usize {
    let ws = |i: usize| i + s[i..].len() - s[i..].trim_start().len();
    let b = s.as_bytes();
    let digits = |i: usize| b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = ws(0);
    let mut end = 0;
    if digits(i) == 2 && b.get(i + 2) == Some(&b'-') && digits(i + 3) == 5 {
        i += 8;
        end = i;
        let j = ws(i);
        if b.get(j) == Some(&b'(') && b.get(j + 1).is_some_and(u8::is_ascii_uppercase) && b.get(j + 2) == Some(&b')') {
            end = j + 3;
        }
        i = end;
    }
    let j = ws(i);
    if b.get(j) == Some(&b'*') {
        let n = digits(j + 1);
        if n >= 5 && b.get(j + 1 + n) == Some(&b'*') {
            return j + 2 + n;
        }
    }
    end
}

#[cfg(test)]
mod scanner_tests {
    use super::*;

    #[test]
    fn cover_scanners() {
        assert_eq!(record_symbol("x S/PV.8701 y"), Some((2, "S/PV.8701".to_string())));
        assert_eq!(record_symbol("A/71/PV.10"), Some((0, "A/71/PV.10".to_string())));
        assert_eq!(record_symbol("S/ PV. 8698"), Some((0, "S/PV.8698".to_string())));
        assert_eq!(record_symbol("S/2019/823"), None);
        assert_eq!(meeting_number("8701st meeting"), Some("8701".to_string()));
        assert_eq!(meeting_number("52nd PLENARY MEETING"), Some("52".to_string()));
        assert_eq!(meeting_number("the 21st century"), None);
        assert_eq!(clock_time(", 10 a.m.\nNew York").as_deref(), Some("10 a.m."));
        assert_eq!(clock_time(" 3:15 p. m.").as_deref(), Some("3:15 p. m."));
        assert_eq!(clock_time("none"), None);
        assert_eq!(job_and_barcode("\n20-00899 (E)\n*2000899*\nrest"), "\n20-00899 (E)\n*2000899*".len());
        assert_eq!(job_and_barcode(" 20-00899\nrest"), 9);
        assert_eq!(job_and_barcode("rest"), 0);
    }
}
