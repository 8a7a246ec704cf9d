//! The document model: what analysis produces, what renderers consume, and what the CLI prints and
//! JavaScript reads. Field names here are a public contract, pinned by `tests/schema.rs`.
//!
//! Offsets (`start`, `end`) are byte offsets into the original text inside the core. The two doors
//! (`wasm.rs`, the CLI) convert them to UTF-16 code units with [`Document::map_offsets`] before
//! serializing, so `text.slice(start, end)` in JavaScript gives the covered text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Everything found in one input text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Metadata of a meeting record, read from its cover page (verbatim records only).
    pub meeting: Option<Meeting>,
    /// The statements (speeches, or turns of a verbatim record), in text order.
    pub statements: Vec<Statement>,
    /// Blocks that belong to no statement: cover page, front matter, page furniture before the
    /// first turn.
    pub blocks: Vec<Block>,
    /// Entities in text order; never nested or overlapping.
    pub entities: Vec<Entity>,
}

/// The metadata of a meeting, from a verbatim record's cover page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    /// Document symbol, e.g. `S/PV.8701`.
    pub symbol: Option<String>,
    /// The body, e.g. `Security Council`.
    pub body: Option<String>,
    /// Meeting number, e.g. `8701`.
    pub number: Option<String>,
    /// ISO date, e.g. `2020-01-13`.
    pub date: Option<String>,
    /// Time as written, e.g. `10 a.m.`.
    pub time: Option<String>,
    pub place: Option<String>,
    /// The presiding officer, as the cover page names them.
    pub president: Option<Speaker>,
    /// Member states listed on the cover page.
    pub members: Vec<String>,
    /// Agenda items, one string each (line breaks joined).
    pub agenda: Vec<String>,
}

/// One statement: a speech, or one speaker's turn in a verbatim record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub start: usize,
    pub end: usize,
    pub speaker: Speaker,
    /// The body addressed, e.g. `Security Council`, `General Assembly`.
    pub body: Option<String>,
    /// The meeting as the header names it, e.g. `Security Council Open Debate`.
    pub meeting: Option<String>,
    pub topic: Option<String>,
    pub place: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when only that is given).
    pub date: Option<String>,
    /// Language the statement was delivered in, when the text says so (`spoke in French`).
    pub language: Option<String>,
    /// Notes such as `Check against delivery`, `As delivered`.
    pub notes: Vec<String>,
    pub blocks: Vec<Block>,
}

/// Who speaks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The name without honorific or office, e.g. `Koro Bessho`, `Bessho`.
    pub name: Option<String>,
    /// `H.E.`, `Mr.`, `Ms.` …
    pub honorific: Option<String>,
    /// The main office, e.g. `Permanent Representative`, `President`.
    pub role: Option<String>,
    /// Every office the header gives, e.g. `["Ambassador", "Permanent Representative"]`.
    pub roles: Vec<String>,
    /// Canonical name of the country represented, e.g. `Japan`.
    pub country: Option<String>,
    /// ISO 3166-1 alpha-3 code of that country, e.g. `JPN`.
    pub country_code: Option<String>,
}

/// A structural block of the text: a line or a run of lines.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
    /// 1-based number of a paragraph within its statement.
    pub number: Option<u32>,
    /// Sentence spans inside a paragraph (empty for other kinds).
    pub sentences: Vec<Sentence>,
    /// Offsets of line-end hyphens that only split a word across a PDF line wrap (`peace-` /
    /// `keeping`): a display joins the word and hides the hyphen. Hyphens of real compounds
    /// (`troop-` / `contributing`) are not listed.
    pub soft_hyphens: Vec<usize>,
}

/// A sentence inside a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A header line: who, where, on what, when (`Statement by …`, `7 November 2016`).
    Header,
    /// A note such as `Check against delivery`.
    Note,
    /// A standalone salutation line (`Mr. President,`).
    Salutation,
    Paragraph,
    /// The closing (`I thank you, Mr. President.`).
    Closing,
    /// The speaker introduction of a verbatim turn (`Mr. Bessho (Japan):`).
    Speaker,
    /// Procedural lines of a record (`The meeting was called to order at 10.20 a.m.`).
    Procedural,
    /// A heading inside a record (agenda item title).
    Heading,
    /// The cover page of a record.
    Cover,
    /// Page headers and footers, page numbers, job numbers, barcodes.
    Furniture,
    /// Metadata not part of the statement (e.g. a YAML front-matter block).
    Metadata,
}

impl BlockKind {
    /// The lowercase name used in JSON and in `data-block`.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Header => "header",
            BlockKind::Note => "note",
            BlockKind::Salutation => "salutation",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Closing => "closing",
            BlockKind::Speaker => "speaker",
            BlockKind::Procedural => "procedural",
            BlockKind::Heading => "heading",
            BlockKind::Cover => "cover",
            BlockKind::Furniture => "furniture",
            BlockKind::Metadata => "metadata",
        }
    }
}

/// A recognised entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    pub start: usize,
    pub end: usize,
    /// The covered text, exactly as in the input.
    pub text: String,
    /// The canonical name (`Sudan` for `the Sudan`, the full name for an acronym's expansion).
    /// Borrowed from the gazetteer when it names the entity.
    pub canonical: Cow<'static, str>,
    /// ISO 3166-1 alpha-3 for countries and nationalities; the acronym for organizations,
    /// missions and terms; the symbol for documents; the ISO value for dates.
    pub code: Option<Cow<'static, str>>,
    /// What an acronym stands for.
    pub expansion: Option<Cow<'static, str>>,
    /// The official document's address (`https://undocs.org/…`), for documents.
    pub link: Option<String>,
}

/// The twelve kinds of `shared/spec/entities.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Role,
    Country,
    Nationality,
    Place,
    Organization,
    Mission,
    Document,
    Event,
    Date,
    Number,
    Term,
}

impl EntityKind {
    pub const ALL: [EntityKind; 12] = [
        EntityKind::Person,
        EntityKind::Role,
        EntityKind::Country,
        EntityKind::Nationality,
        EntityKind::Place,
        EntityKind::Organization,
        EntityKind::Mission,
        EntityKind::Document,
        EntityKind::Event,
        EntityKind::Date,
        EntityKind::Number,
        EntityKind::Term,
    ];

    /// The lowercase name used in JSON and in `data-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Role => "role",
            EntityKind::Country => "country",
            EntityKind::Nationality => "nationality",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Mission => "mission",
            EntityKind::Document => "document",
            EntityKind::Event => "event",
            EntityKind::Date => "date",
            EntityKind::Number => "number",
            EntityKind::Term => "term",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Options of [`crate::annotate_with`]. Unknown fields are an error, so a typo is reported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Only these kinds are reported (all when `None`).
    pub kinds: Option<Vec<EntityKind>>,
    /// Recognise entities (default true).
    pub entities: bool,
    /// Split paragraphs into sentences (default true).
    pub sentences: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { kinds: None, entities: true, sentences: true }
    }
}

impl Block {
    pub fn new(kind: BlockKind, span: Span) -> Block {
        Block { kind, start: span.start, end: span.end, number: None, sentences: Vec::new(), soft_hyphens: Vec::new() }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Entity {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Statement {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

impl Document {
    /// Rewrites every offset through `f` (e.g. bytes to UTF-16 code units). Call once.
    pub fn map_offsets(&mut self, f: impl Fn(usize) -> usize) {
        let block = |b: &mut Block| {
            b.start = f(b.start);
            b.end = f(b.end);
            for s in &mut b.sentences {
                s.start = f(s.start);
                s.end = f(s.end);
            }
            for h in &mut b.soft_hyphens {
                *h = f(*h);
            }
        };
        self.blocks.iter_mut().for_each(block);
        for st in &mut self.statements {
            st.start = f(st.start);
            st.end = f(st.end);
            st.blocks.iter_mut().for_each(block);
        }
        for e in &mut self.entities {
            e.start = f(e.start);
            e.end = f(e.end);
        }
    }

    /// All blocks, inside statements or not, in text order.
    pub fn all_blocks(&self) -> Vec<&Block> {
        let mut v: Vec<&Block> =
            self.blocks.iter().chain(self.statements.iter().flat_map(|s| s.blocks.iter())).collect();
        crate::sort::by_key(&mut v, |b| crate::sort::outer_first(b.start, b.end));
        v
    }
}

/// Sorts blocks in document order: by start, the enclosing (longer) block first. One function
/// for every list of blocks, so the wasm holds one copy of the sort.
pub fn sort_blocks(blocks: &mut Vec<Block>) {
    crate::sort::by_key(blocks, |b| crate::sort::outer_first(b.start, b.end));
}
