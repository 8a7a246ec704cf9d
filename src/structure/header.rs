//! The header of a single statement (who, in which office, for which country, at which meeting,
//! on what, where, when, notes) and YAML front matter.

use std::sync::OnceLock;

use crate::dates;
use crate::entities::gazetteer::gazetteer;
use crate::model::{Block, BlockKind, EntityKind, Speaker, Statement};
use crate::span::Span;
use crate::text::{self, Line};

use super::lines::{is_salutation, note, note_inside};
use super::speaker::{self, first_country, offices, parse_person, push_role, set_country, Office, PhraseList};

/// YAML front matter (`---` … `---`) at the top of the text.
pub struct FrontMatter {
    /// The first line after the closing `---`.
    pub end_line: usize,
    pub block: Block,
    pub date: Option<String>,
    /// The first creator written `Last, First`, as `First Last`.
    pub name: Option<String>,
    /// `source:` when it names an office (`PRIME MINISTER`).
    pub role: Option<&'static Office>,
}

pub fn front_matter(text: &str, lines: &[Line]) -> Option<FrontMatter> {
    let first = lines.iter().position(|l| !l.is_blank())?;
    if lines[first].text(text) != "---" {
        return None;
    }
    let close = (first + 1..lines.len().min(first + 400)).find(|&i| lines[i].text(text) == "---")?;
    let mut fm = FrontMatter {
        end_line: close + 1,
        block: Block::new(BlockKind::Metadata, Span::new(lines[first].content.start, lines[close].content.end)),
        date: None,
        name: None,
        role: None,
    };
    let mut key = "";
    for line in &lines[first + 1..close] {
        let raw = &text[line.start..line.end];
        let t = line.text(text);
        if !raw.starts_with([' ', '\t', '-']) {
            if let Some((k, v)) = t.split_once(':') {
                key = k.trim();
                let v = unquote(v);
                match key {
                    "date" => fm.date = dates::parse_date(v),
                    "source" => fm.role = offices().at_start(v).filter(|&(n, _)| n == v.len()).map(|(_, o)| o),
                    _ => {}
                }
            }
        } else if key == "creators" && fm.name.is_none() {
            let item = unquote(t.trim_start_matches('-'));
            if let Some((last, first)) = item.split_once(", ") {
                fm.name = Some(format!("{} {}", first.trim(), last.trim()));
            }
        }
    }
    Some(fm)
}

fn unquote(v: &str) -> &str {
    v.trim().trim_matches('"').trim_matches('\'').trim()
}

/// What a header says about its statement.
#[derive(Default)]
pub struct Header {
    /// The statement as far as the header tells: speaker, body, meeting, topic, place, date,
    /// notes, and its `Header` and `Note` blocks.
    pub statement: Statement,
    /// The first line of the body.
    pub end_line: usize,
}

fn intros() -> &'static PhraseList<()> {
    static L: OnceLock<PhraseList<()>> = OnceLock::new();
    L.get_or_init(|| PhraseList::build(data_file!("data", "intros.txt"), |_, _| ()))
}

fn bodies() -> &'static PhraseList<String> {
    static L: OnceLock<PhraseList<String>> = OnceLock::new();
    L.get_or_init(|| PhraseList::build(data_file!("data", "bodies.txt"), |c, _| c.to_string()))
}

/// The body (`Security Council`) a phrase names, if any.
pub fn body_in(s: &str) -> Option<String> {
    bodies().find(s).first().map(|(_, b)| (*b).clone())
}

/// UN duty stations and other cities where statements are given, as headers write them.
const PLACES: &[&str] = &[
    "New York",
    "Nueva York",
    "Geneva",
    "Genève",
    "Ginebra",
    "Genf",
    "Vienna",
    "Wien",
    "Nairobi",
    "Addis Ababa",
    "Paris",
    "Brussels",
    "The Hague",
    "Stockholm",
    "Canberra",
    "Tokyo",
    "Buenos Aires",
    "Bangkok",
    "Santiago",
];

/// The place a short phrase names (`New York`), as written.
pub fn place_in(s: &str) -> Option<&str> {
    let t = s.trim_matches(|c: char| text::is_space(c) || ",.()[]".contains(c));
    let t = t.strip_prefix("in ").unwrap_or(t);
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let known = PLACES.iter().any(|p| p.eq_ignore_ascii_case(t))
        || gazetteer().lookup(t).is_some_and(|e| e.kind == EntityKind::Place);
    known.then_some(t)
}

/// Words that open a meeting phrase, at a line's start or inside an intro line.
const MEETING_OPENERS: &[&str] = &[
    "at the ",
    "at a ",
    "at an ",
    "before the ",
    "during the ",
    "vid ",
    "en el ",
    "en la ",
    "ante la ",
    "ante el ",
    "lors du ",
    "lors de la ",
    "lors de l’",
    "devant le ",
    "devant l’",
    "på ",
    "speech to the ",
    "statement to the ",
    "address to the ",
    "remarks to the ",
];

/// Words that open a topic inside a meeting phrase.
const TOPIC_OPENERS: &[&str] = &[" on ", " On ", " om ", " sobre ", " sur "];

/// The meeting opener that starts `s` (ASCII case ignored) before a capital or a digit
/// (`At the Security Council`, not `At the outset`), with its length.
fn meeting_opener(s: &str) -> Option<usize> {
    any_meeting_opener(s).filter(|&n| {
        s[n..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '“' || c == '"')
    })
}

/// The meeting opener that starts `s`, whatever follows (inside an intro line, after the
/// speaker: `…, vid högnivåmötet …`).
fn any_meeting_opener(s: &str) -> Option<usize> {
    MEETING_OPENERS
        .iter()
        .find(|o| s.len() > o.len() && s.is_char_boundary(o.len()) && s[..o.len()].eq_ignore_ascii_case(o))
        .map(|o| o.len())
}

/// The date on a header line, and what is left when date and place are taken out.
fn date_line(s: &str) -> Option<(String, Span, usize)> {
    let (span, iso) = dates::find_dates(s).into_iter().next().or_else(|| {
        // A bare ISO or numeric date line (`03/03/2005`).
        dates::parse_date(s).filter(|d| d.len() == 10).map(|d| (Span::new(0, s.len()), d))
    })?;
    let rest = s.len() - span.len();
    Some((iso, span, rest))
}

/// Header-like by shape or wording, whatever comes before.
fn strong_header_line(s: &str) -> bool {
    let t = s.trim();
    if t.len() > 1000 {
        return false;
    }
    t.starts_with(['#', '>', '<'])
        || t.starts_with("**")
        || (t.len() >= 3 && t.chars().all(|c| c == '-' || c == '=' || c == '_'))
        || !intros().find(t).is_empty()
        || date_line(t).is_some_and(|(_, _, rest)| rest <= 40 && t.len() <= 120)
        || note(t).is_some()
        || place_in(t).is_some()
        || (t.len() < 250 && offices().at_start(t).is_some())
        || (t.len() < 250 && meeting_opener(t).is_some())
        || (t.len() < 200 && text::is_all_caps(t))
}

/// Finds the header at the top of the lines from `from` and reads it.
pub fn parse(text: &str, lines: &[Line], furn: &[bool], from: usize) -> Header {
    let cands: Vec<usize> = (from..lines.len()).filter(|&i| !lines[i].is_blank() && !furn[i]).take(30).collect();
    let line = |i: usize| lines[i].text(text);
    let salutation = cands.iter().take(25).position(|&i| is_salutation(line(i)));
    let paragraph_like = cands.iter().position(|&i| {
        let t = line(i);
        t.len() > 250 && text::ends_sentence(t) && intros().find(t).is_empty()
    });
    // Lines that read like running prose (a sentence end, or a wrapped line going on in
    // lowercase) and do not look like a header.
    let prose = |n: usize| {
        cands[..n]
            .iter()
            .filter(|&&i| {
                (text::ends_full_stop(line(i)) || text::starts_lower(line(i))) && !strong_header_line(line(i))
            })
            .count()
    };
    let count = match salutation {
        Some(s) if paragraph_like.is_none_or(|p| s < p) && prose(s) <= 3 => s,
        _ => {
            // Header-like lines from the top; short unfinished lines continue an open header line.
            let mut n = 0;
            let mut open = false;
            for &i in &cands {
                let t = line(i);
                if is_salutation(t) {
                    break;
                }
                let continues = open && t.len() < 150 && !text::ends_sentence(t) && !t.ends_with(',');
                if strong_header_line(t) {
                    open = leaves_open(t);
                } else if !continues {
                    break;
                }
                n += 1;
            }
            n
        }
    };
    // The body starts after the last header line (or where the header would have started).
    let mut h = Header { end_line: if count == 0 { from } else { cands[count - 1] + 1 }, ..Header::default() };
    read(text, lines, &cands[..count], &mut h);
    h
}

/// A header line that a short unfinished line may continue: an unfinished intro, meeting,
/// office or topic line, or a Markdown title.
fn leaves_open(t: &str) -> bool {
    !text::ends_sentence(t)
        && (!intros().find(t).is_empty()
            || meeting_opener(t.trim()).is_some()
            || offices().at_start(t).is_some()
            || t.starts_with(['#', '*'])
            || t.starts_with("On "))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Other,
    /// A meeting phrase that ended waiting for its topic (`… Briefing on`).
    Meeting,
    Topic,
}

fn read(text: &str, lines: &[Line], idx: &[usize], h: &mut Header) {
    let mut last = Last::Other;
    let mut country_found = false;
    for &i in idx {
        let span = lines[i].content;
        let raw = span.of(text);
        let t = raw.trim_start_matches(['#', '>', '*', ' ']).trim_end_matches(['*', ' ']);
        if let Some(n) = note(t) {
            h.statement.notes.push(n.to_string());
            h.statement.blocks.push(Block::new(BlockKind::Note, span));
            last = Last::Other;
            continue;
        }
        // A speaker label in capitals (`PUTIN (A TRAVÉS DE UN INTÉRPRETE):`, `PRIME MINISTER:`).
        let label = text::is_all_caps(t) && t.ends_with(':');
        h.statement.blocks.push(Block::new(if label { BlockKind::Speaker } else { BlockKind::Header }, span));
        if let Some(n) = note_inside(t) {
            h.statement.notes.push(n.to_string());
        }
        if let Some(at) = intros().find(t).last().map(|(s, _)| s.end) {
            read_intro(&t[at..], h, &mut country_found);
            last = if h.statement.topic.is_none() && h.statement.meeting.as_deref().is_some_and(|m| m.ends_with(" on"))
            {
                Last::Meeting
            } else {
                Last::Other
            };
        } else if let Some((iso, dspan, _)) = date_line(t) {
            h.statement.date.get_or_insert(iso);
            if h.statement.place.is_none() {
                let before = t[..dspan.start].trim_end_matches([',', ' ']);
                let before = before.strip_suffix(" den").unwrap_or(before);
                h.statement.place = place_in(before).or_else(|| place_in(&t[dspan.end..])).map(str::to_string);
            }
            last = Last::Other;
        } else if matches!(last, Last::Meeting | Last::Topic)
            && offices().at_start(t).is_none()
            && meeting_opener(t).is_none()
        {
            let topic = clean_topic(t);
            h.statement.topic = Some(match h.statement.topic.take() {
                Some(prev) => format!("{prev} {topic}"),
                None => topic,
            });
            if let Some(m) = h.statement.meeting.as_mut() {
                if m.ends_with(" on") {
                    m.truncate(m.len() - 3);
                }
            }
            last = Last::Topic;
        } else if offices().at_start(t).is_some() || (t.len() < 120 && !offices().find(t).is_empty()) {
            // An office line: `Permanent Representative of Japan to the United Nations`,
            // `U.S. Representative to the United Nations`.
            for (_, o) in offices().find(t) {
                push_role(&mut h.statement.speaker, o);
            }
            if !country_found {
                if let Some(e) = first_country(t) {
                    set_country(&mut h.statement.speaker, e);
                    country_found = true;
                }
            }
            last = Last::Other;
        } else if let Some(n) = meeting_opener(t) {
            last = read_meeting(&t[n..], h);
        } else if let Some(topic) = t.strip_prefix("On ").or_else(|| t.strip_prefix("on ")) {
            h.statement.topic = Some(clean_topic(topic));
            last = Last::Topic;
        } else if let Some(p) = place_in(t).or_else(|| t.split(',').next().and_then(place_in)) {
            h.statement.place.get_or_insert(p.to_string());
            last = Last::Other;
        } else if text::is_all_caps(t) {
            // No lowercase letter: the words are written as they are listed.
            if ["MEETING", "DEBATE", "SUMMIT", "SESSION", "ASSEMBLY", "COUNCIL", "CONFERENCE", "COMMISSION"]
                .iter()
                .any(|w| t.contains(w))
            {
                h.statement.meeting.get_or_insert(t.to_string());
                if h.statement.body.is_none() {
                    h.statement.body = body_in(t);
                }
            }
            last = Last::Other;
        }
    }
    if h.statement.body.is_none() {
        h.statement.body = h.statement.meeting.as_deref().and_then(body_in);
    }
}

/// The rest of a line after its intro phrase: `H.E. Ambassador Koro Bessho, Permanent
/// Representative of Japan to the United Nations, at the Security Council Open Debate on “…”`.
fn read_intro(rest: &str, h: &mut Header, country_found: &mut bool) {
    let rest = &rest[..floor_boundary(rest, 600)];
    // Cut off the meeting phrase: at `, at the`, ` vid ` …
    let mut cut = rest.len();
    for o in MEETING_OPENERS {
        let pat = format!(" {o}");
        if let Some(k) = find_ascii_ci(rest, &pat) {
            cut = cut.min(k);
        }
    }
    let (who, meeting) = rest.split_at(cut);
    // Segments: the person, then offices.
    let mut segs = split_top_level(who);
    let person = segs.remove(0);
    let mut sp = parse_person(person);
    if let Some(name) = sp.name.as_deref() {
        if let Some(e) = speaker::country_named(name) {
            // `Statement by Sweden`: the country speaks.
            set_country(&mut sp, e);
            sp.name = None;
            *country_found = true;
        }
    }
    let old = std::mem::take(&mut h.statement.speaker);
    h.statement.speaker = merge_speaker(old, sp);
    for seg in &segs {
        for (_, o) in offices().find(seg) {
            push_role(&mut h.statement.speaker, o);
        }
    }
    if !*country_found {
        let found = first_country(person).or_else(|| segs.iter().find_map(|s| first_country(s)));
        if let Some(e) = found {
            set_country(&mut h.statement.speaker, e);
            *country_found = true;
        }
    }
    let meeting = meeting.trim_start_matches([',', ' ']);
    if let Some(n) = any_meeting_opener(meeting) {
        read_meeting(&meeting[n..], h);
    }
}

fn merge_speaker(mut a: Speaker, b: Speaker) -> Speaker {
    if a.name.is_none() {
        a.name = b.name;
    }
    if a.honorific.is_none() {
        a.honorific = b.honorific;
    }
    if a.country.is_none() {
        a.country = b.country;
        a.country_code = b.country_code;
    }
    for r in b.roles {
        if let Some(o) = offices().items.iter().find(|o| o.canonical == r) {
            push_role(&mut a, o);
        }
    }
    a
}

/// `Security Council Open Debate on “…”` → meeting, topic and body.
fn read_meeting(m: &str, h: &mut Header) -> Last {
    let m = m.trim().trim_end_matches([',', '.']);
    // The topic follows ` on ` (not inside a body's name: `Commission on the Status of Women`), or
    // opens with a quote.
    let inside_body = bodies().find(m);
    let topic_at = TOPIC_OPENERS
        .iter()
        .flat_map(|o| m.match_indices(o).map(move |(k, _)| (k, o.len())))
        .filter(|&(k, _)| !inside_body.iter().any(|(sp, _)| sp.start < k && k < sp.end))
        .chain(m.find(['“', '"']).map(|k| (k, 0)))
        .min();
    let (meeting, topic) = match topic_at {
        Some((k, n)) => (&m[..k], Some(&m[k + n..])),
        None => (m, None),
    };
    let meeting_end_on = m.ends_with(" on") || m.ends_with(" om") || m.ends_with(':');
    h.statement.meeting.get_or_insert_with(|| meeting.trim().to_string());
    if h.statement.body.is_none() {
        h.statement.body = body_in(meeting);
    }
    match topic.map(clean_topic).filter(|t| !t.is_empty()) {
        Some(t) => {
            h.statement.topic.get_or_insert(t);
            Last::Topic
        }
        None if meeting_end_on || topic.is_some() => Last::Meeting,
        None => Last::Other,
    }
}

fn clean_topic(t: &str) -> String {
    t.trim()
        .trim_matches(|c: char| "“”\"«»'‘’".contains(c) || text::is_space(c))
        .trim_end_matches(['.', ',', ';'])
        .trim_matches(|c: char| "“”\"«»".contains(c))
        .to_string()
}

/// Splits at `, ` and ` - ` outside brackets and quotes.
fn split_top_level(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth -= 1,
            b',' if depth <= 0 => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            b' ' if depth <= 0 && b.get(i + 1) == Some(&b'-') && b.get(i + 2) == Some(&b' ') => {
                out.push(&s[start..i]);
                start = i + 3;
                i += 2;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&s[start..]);
    out.into_iter().map(str::trim).collect()
}

/// The largest char boundary of `s` at or below `n`.
pub fn floor_boundary(s: &str, n: usize) -> usize {
    let mut n = n.min(s.len());
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    n
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len()) + 1).find(|&k| h.len() >= n.len() && h[k..k + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_segments() {
        assert_eq!(split_top_level("A, B (c, d) - E"), ["A", "B (c, d)", "E"]);
    }
}
