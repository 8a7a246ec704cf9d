//! The structure of a text of statements: who speaks, the header, turns, salutations,
//! paragraphs, sentences and page furniture, as byte spans into the original text.
//!
//! # The grammar of a statement
//!
//! ```text
//! document   = [front-matter] ( record | statement )
//! record     = [cover] front-block* turn*
//! turn       = speaker-intro body              ; `Mr. Bessho (Japan):`, `The President (spoke in French):`
//! statement  = header-line* [speaker-label] body
//! body       = ( salutation | paragraph | heading | note | procedural | furniture )* [closing] [signature]
//! ```
//!
//! Every line is first sorted by shape ([`crate::text`]): blank, page furniture (job numbers,
//! page numbers, barcodes, record symbols, and numeric dates, bare page numbers or repeated
//! running titles beside them), or text. Then, top down:
//!
//! - **Front matter**: a YAML block between `---` lines is a `metadata` block; its `date`,
//!   `creators` (`Gillard, Julia`) and `source` (`PRIME MINISTER`) fill what the header leaves out.
//! - **Cover** (records): a record symbol (`S/PV.8701`) and a meeting number or `President:` near
//!   the top. It runs to the first page break, or to the end of the boilerplate "This record
//!   contains …" and the job number and barcode after it. It gives the
//!   [`Meeting`](crate::model::Meeting): symbol, body, number, date, time, place, president,
//!   members, agenda.
//! - **Turns**: a line that starts with an honorific and a capitalised name, or with an office
//!   (`The President`, `The Secretary-General`), then bracketed groups (country, office, `spoke
//!   in …`), then `:`; the intro may wrap onto the next line. Each turn is a statement whose
//!   `speaker` block is the intro; the speech starts after the colon. `The President` takes the
//!   name and country the cover gives. With a cover or turns the text is a record; otherwise it
//!   is one statement.
//! - **Header** (single statements): the lines before the first salutation, when no paragraph
//!   and little prose comes first; otherwise the header-looking lines at the top (an intro
//!   phrase, an office line, `At the …`, `On …`, a date or place line, a note, a line in
//!   capitals, a Markdown title) and the short unfinished lines that continue them. An intro
//!   phrase (`Statement by`, `Anförande av`, `Intervención de`; `data/intros.txt`) is followed by
//!   the person, then offices, then `at the` (`vid`, `en el` …) and the meeting, then `on` and the
//!   topic. A label in capitals opening the body (`TIMERMAN:`) is a `speaker` block.
//! - **Body lines**: a salutation (`Mr. President,`; `data/salutations.txt`) or a note
//!   (`(As delivered)`, `[ENDS]`) is a line of its own after a finished line. In records,
//!   procedural lines (`The meeting rose at 10.25 a.m.`, `In favour:` with its list;
//!   `data/procedural.txt`) and headings (unfinished short lines before a turn or after
//!   procedure); procedure and headings after a turn belong to no statement. In single
//!   statements, numbered or capitalised titles (`1. Introduction:`) are headings. All else is
//!   running text.
//! - **Paragraphs**: running text lines are joined by the text's layout, read once per document
//!   (`paragraphs::Layout`): one paragraph per line, blank lines between wrapped paragraphs,
//!   indented first lines, or (PDF text without marks) a sentence end before a capital. A blank
//!   line ends a paragraph unless an unfinished line goes on in lowercase. Furniture between two
//!   lines of one paragraph (a page break) stays inside it as a nested block. Line-end hyphens
//!   that only split a word are listed in `soft_hyphens` (`data/compounds.txt` keeps the others).
//! - **Closing**: the last paragraph, when it is one short sentence of thanks (`I thank you, Mr.
//!   President.`); short thanks before any paragraph are a salutation. A short last line with a
//!   name and an office (`Irina Schoulgin Nyoni, Ambassador, …`) is a signature: a `note`.
//! - **Country**: from the header's office phrase (`Permanent Representative of Japan`), the
//!   turn's brackets, or else the speech's own voice ([`voice_country`]).

mod furniture;
mod header;
mod lines;
mod paragraphs;
mod record;
mod sentences;
mod speaker;

pub use lines::{is_closing, is_salutation};
pub use sentences::split as sentences;
pub use speaker::voice_country;

use crate::model::{Block, BlockKind, Document, Options, Statement};
use crate::span::Span;
use crate::text::{self, Line};

use header::floor_boundary as header_floor;
use paragraphs::{Seg, SegKind};

/// A position in the text: a line and the byte where its remaining text starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    /// A byte offset inside the line, or 0 for the whole line.
    pub offset: usize,
}

/// Parses `text` into statements and blocks. Entities are left empty. Never panics; linear in
/// the length of the text.
pub fn parse(text: &str, opts: &Options) -> Document {
    let lines = text::lines(text);
    let furn = furniture::mark(text, &lines);
    let mut doc = Document::default();
    let mut from = Pos { line: 0, offset: 0 };

    let front = header::front_matter(text, &lines);
    if let Some(f) = &front {
        doc.blocks.push(f.block.clone());
        from = Pos { line: f.end_line, offset: 0 };
    }
    let cover = record::cover(text, &lines, &furn, from.line);
    if let Some(c) = &cover {
        doc.blocks.extend(c.blocks.iter().cloned());
        doc.meeting = Some(c.meeting.clone());
        from = c.end;
    }
    let turns = find_turns(text, &lines, &furn, from);

    // Statements with the segments of their bodies; segments before the first turn.
    let mut bodies: Vec<(Statement, Vec<Seg>)> = Vec::new();
    let mut front_segs = Vec::new();
    if !turns.is_empty() || cover.is_some() {
        let first = turns.first().map_or(lines.len(), |t| t.line);
        front_segs = region_segs(text, &lines, &furn, from, first, true);
        mark_headings(text, &mut front_segs);
        let meeting = doc.meeting.clone().unwrap_or_default();
        for (k, t) in turns.iter().enumerate() {
            let to = turns.get(k + 1).map_or(lines.len(), |n| n.line);
            let mut segs = vec![Seg { kind: SegKind::Fixed(BlockKind::Speaker, false), span: t.span, indented: false }];
            segs.extend(region_segs(text, &lines, &furn, t.body, to, true));
            mark_headings(text, &mut segs);
            let mut speaker = t.speaker.clone();
            if t.presiding && speaker.name.is_none() {
                if let Some(p) = &meeting.president {
                    speaker.name = p.name.clone();
                    speaker.honorific = p.honorific.clone();
                    speaker.country = p.country.clone();
                    speaker.country_code = p.country_code.clone();
                }
            }
            let st = Statement {
                speaker,
                language: t.language.clone(),
                body: meeting.body.clone(),
                date: meeting.date.clone(),
                place: meeting.place.clone(),
                topic: meeting.agenda.first().cloned(),
                ..Statement::default()
            };
            bodies.push((st, segs));
        }
    } else {
        let h = header::parse(text, &lines, &furn, from.line);
        let mut segs = Vec::new();
        let body_from = Pos { line: h.end_line, offset: 0 };
        let mut rest = region_segs(text, &lines, &furn, body_from, lines.len(), false);
        speaker_label(text, &mut rest, &mut segs);
        segs.extend(rest);
        let mut st = h.statement;
        if let Some(f) = &front {
            if st.speaker.name.is_none() {
                st.speaker.name = f.name.clone();
            }
            if let Some(o) = f.role.filter(|_| st.speaker.role.is_none()) {
                speaker::push_role(&mut st.speaker, o);
            }
            if st.date.is_none() {
                st.date = f.date.clone();
            }
        }
        bodies.push((st, segs));
    }

    let layout = paragraphs::layout(
        text,
        bodies.iter().map(|(_, s)| s.as_slice()).chain(std::iter::once(front_segs.as_slice())),
    );
    doc.blocks.extend(paragraphs::build(text, &front_segs, layout, opts));
    let record = !turns.is_empty();
    for (mut st, segs) in bodies {
        let mut blocks = paragraphs::build(text, &segs, layout, opts);
        if record {
            // Procedure, headings and furniture after a turn's speech belong to no statement.
            let trailer =
                |b: &Block| matches!(b.kind, BlockKind::Procedural | BlockKind::Heading | BlockKind::Furniture);
            let speech_end = blocks.iter().filter(|b| !trailer(b)).map(|b| b.end).max().unwrap_or(0);
            while blocks.last().is_some_and(|b| trailer(b) && b.start >= speech_end) {
                doc.blocks.extend(blocks.pop());
            }
        }
        if st.blocks.is_empty() {
            st.blocks = blocks; // (no copy)
        } else {
            st.blocks.extend(blocks);
        }
        finish(text, &mut st);
        if st.blocks.is_empty() {
            continue;
        }
        if !record && st.speaker.country.is_none() {
            let paras: Vec<Span> =
                st.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(Block::span).collect();
            if let Some(e) = speaker::voice_country(text, &paras) {
                speaker::set_country(&mut st.speaker, e);
            }
        }
        doc.statements.push(st);
    }
    crate::model::sort_blocks(&mut doc.blocks);
    doc
}

/// Speaker turns from `from` on.
fn find_turns(text: &str, lines: &[Line], furn: &[bool], from: Pos) -> Vec<record::Turn> {
    let mut out = Vec::new();
    let mut i = from.line;
    // The next colon: an intro ends with one within 300 bytes of its start.
    let mut colon = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is_blank() || furn[i] {
            i += 1;
            continue;
        }
        let at = if i == from.line && from.offset > l.content.start {
            text::trim(text, Span::new(from.offset, l.end)).start
        } else {
            l.content.start
        };
        if colon < at {
            colon = text.get(at..).and_then(|r| r.find(':')).map_or(usize::MAX, |k| at + k);
        }
        if colon - at >= 300 {
            i += 1;
            continue;
        }
        match record::turn_at(text, lines, i, at) {
            Some(t) => {
                let end_line = i + lines[i..].iter().position(|l| l.end >= t.span.end).unwrap_or(0);
                i = end_line + 1;
                out.push(t);
            }
            None => i += 1,
        }
    }
    out
}

/// The segments of lines `from..to`: blank, furniture, fixed kinds, running text.
fn region_segs(text: &str, lines: &[Line], furn: &[bool], from: Pos, to: usize, record: bool) -> Vec<Seg> {
    let mut segs: Vec<Seg> = Vec::with_capacity(to.min(lines.len()).saturating_sub(from.line));
    let mut list_open = false;
    let mut procedure_open = false;
    let mut after_gap = true;
    // The last segment that is neither blank nor furniture.
    let mut prev_text: Option<Seg> = None;
    // Whether procedure written inside a line may occur at all: one search of the whole region.
    let start = lines.get(from.line).map_or(0, |l| l.start);
    let end = lines.get(to.min(lines.len()).saturating_sub(1)).map_or(start, |l| l.end.max(start));
    let inside = record && lines::may_hold_inside(Span::new(start, end).of(text));
    for i in from.line..to.min(lines.len()) {
        let l = &lines[i];
        let partial = i == from.line && from.offset > l.start;
        let span = if partial { text::trim(text, Span::new(from.offset.min(l.end), l.end)) } else { l.content };
        if span.is_empty() {
            segs.push(Seg { kind: SegKind::Blank, span: Span::new(l.start, l.end), indented: false });
            list_open = false;
            after_gap = true;
            continue;
        }
        if furn[i] && !partial {
            segs.push(Seg { kind: SegKind::Furniture, span, indented: false });
            continue;
        }
        let t = span.of(text);
        let finished =
            after_gap || prev_text.is_none_or(|s| s.kind != SegKind::Text || text::ends_sentence(s.span.of(text)));
        let kind = if let Some(list) = record.then(|| lines::procedural_line(t, inside)).flatten() {
            list_open = list;
            procedure_open = !list && !text::ends_sentence(t);
            SegKind::Fixed(BlockKind::Procedural, false)
        } else if record && (list_open || procedure_open) {
            procedure_open = procedure_open && !text::ends_sentence(t);
            SegKind::Fixed(BlockKind::Procedural, true)
        } else if finished && lines::note(t).is_some() {
            SegKind::Fixed(BlockKind::Note, false)
        } else if finished && lines::is_salutation(t) {
            SegKind::Fixed(BlockKind::Salutation, false)
        } else if !record && finished && lines::is_heading(t) {
            SegKind::Fixed(BlockKind::Heading, false)
        } else {
            SegKind::Text
        };
        let seg = Seg { kind, span, indented: l.indented && !partial };
        segs.push(seg);
        prev_text = Some(seg);
        after_gap = false;
    }
    segs
}

/// In a record, unfinished short text lines at the end of a region (before the next turn) or
/// after procedure are headings (agenda item titles); wrapped heading lines are joined.
fn mark_headings(text: &str, segs: &mut [Seg]) {
    for s in segs.iter_mut().rev() {
        match s.kind {
            SegKind::Blank | SegKind::Furniture | SegKind::Fixed(BlockKind::Procedural | BlockKind::Heading, _) => {}
            SegKind::Text if !text::ends_sentence(s.span.of(text)) && s.span.len() <= 150 => {
                s.kind = SegKind::Fixed(BlockKind::Heading, false);
            }
            _ => break,
        }
    }
    let mut prev: Option<Span> = None;
    for s in segs.iter_mut() {
        match s.kind {
            SegKind::Fixed(BlockKind::Heading, _) => {
                let join = prev.is_some_and(|p| record::heading_continues(p.of(text), s.span.of(text)));
                s.kind = SegKind::Fixed(BlockKind::Heading, join);
                prev = Some(s.span);
            }
            SegKind::Furniture => {}
            _ => prev = None,
        }
    }
}

/// A speaker label in capitals opening a single statement's body (`PRIME MINISTER:`,
/// `TIMERMAN: Sr. Presidente,`): a `speaker` block; the rest of its line is classified again.
fn speaker_label(text: &str, rest: &mut Vec<Seg>, out: &mut Vec<Seg>) {
    let Some(k) = rest
        .iter()
        .position(|s| !matches!(s.kind, SegKind::Blank | SegKind::Furniture | SegKind::Fixed(BlockKind::Note, _)))
    else {
        return;
    };
    if rest[k].kind != SegKind::Text {
        return;
    }
    let span = rest[k].span;
    let t = span.of(text);
    let Some(colon) = t[..header_floor(t, 80)].find(':') else { return };
    let label = &t[..colon];
    let name = label.split('(').next().unwrap_or("");
    let words = name.split_whitespace().count();
    if !(1..=5).contains(&words) || !text::is_all_caps(label) {
        return;
    }
    out.extend(rest.drain(..k));
    let label_span = Span::new(span.start, span.start + colon + 1);
    out.push(Seg { kind: SegKind::Fixed(BlockKind::Speaker, false), span: label_span, indented: false });
    let tail = text::trim(text, Span::new(label_span.end, span.end));
    if tail.is_empty() {
        rest.remove(0);
    } else {
        let kind = if lines::is_salutation(tail.of(text)) {
            SegKind::Fixed(BlockKind::Salutation, false)
        } else {
            SegKind::Text
        };
        rest[0] = Seg { kind, span: tail, indented: false };
    }
}

/// Signature, closing, opening thanks, paragraph numbers, the statement's span.
fn finish(text: &str, st: &mut Statement) {
    crate::model::sort_blocks(&mut st.blocks);
    let content = |b: &Block| matches!(b.kind, BlockKind::Paragraph | BlockKind::Salutation | BlockKind::Closing);
    // A signature after the speech (`Irina Schoulgin Nyoni, Ambassador, Deputy Permanent
    // Representative`): a note, and the speaker when the header did not say.
    if let Some(last) = st.blocks.iter_mut().rev().find(|b| content(b)) {
        let t = last.span().of(text);
        if last.kind == BlockKind::Paragraph && t.len() <= 120 && !t.contains('\n') && !text::ends_sentence(t) {
            let sp = speaker::parse_person(t);
            if sp.name.is_some() && !sp.roles.is_empty() && t.contains(',') {
                last.kind = BlockKind::Note;
                if st.speaker.name.is_none() {
                    st.speaker.name = sp.name;
                    for r in sp.roles {
                        if let Some(o) = speaker::offices().items.iter().find(|o| o.canonical == r) {
                            speaker::push_role(&mut st.speaker, o);
                        }
                    }
                }
            }
        }
    }
    if let Some(last) = st.blocks.iter_mut().rev().find(|b| content(b)) {
        if last.kind == BlockKind::Paragraph && lines::is_closing(last.span().of(text)) {
            last.kind = BlockKind::Closing;
        }
    }
    // Thanks before any paragraph (`Thank you, Mr. President.`) address the chair.
    let paragraphs = st.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).count();
    if let Some(first) = st.blocks.iter_mut().find(|b| b.kind == BlockKind::Paragraph) {
        let t = first.span().of(text);
        if paragraphs > 1 && t.len() <= 40 && lines::is_closing(t) {
            first.kind = BlockKind::Salutation;
        }
    }
    let mut n = 0;
    for b in &mut st.blocks {
        if b.kind == BlockKind::Paragraph {
            n += 1;
            b.number = Some(n);
        } else {
            b.sentences.clear();
            b.soft_hyphens.clear();
        }
    }
    st.start = st.blocks.iter().map(|b| b.start).min().unwrap_or(0);
    st.end = st.blocks.iter().map(|b| b.end).max().unwrap_or(0);
}
