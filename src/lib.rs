//! statement-viewer reads diplomatic statements (speeches at the United Nations and similar
//! bodies) and finds their structure (who speaks, for which country, at which meeting, on what,
//! when; salutations, paragraphs, closing) and their entities (people, countries, organizations,
//! peace missions, resolutions, dates, numbers …).
//!
//! The core is pure Rust and cannot fail: every text, however odd, gives a [`Document`].
//! Analysis is separate from rendering: [`annotate`] builds the [`Document`], the [`render`]
//! module turns text + document into HTML and other formats. `wasm.rs` (WebAssembly) and the
//! CLI (`main.rs`) are thin doors onto the same core.
//!
//! ```
//! let text = "Mr. Bessho (Japan): Japan supports MINUSMA and resolution 2295 (2016).";
//! let doc = statement_viewer::annotate(text);
//! let mission = doc.entities.iter().find(|e| e.text == "MINUSMA").unwrap();
//! assert_eq!(mission.kind, statement_viewer::EntityKind::Mission);
//! assert_eq!(&text[mission.start..mission.end], "MINUSMA");
//! assert_eq!(doc.statements[0].speaker.country.as_deref(), Some("Japan"));
//! ```
//!
//! Stages, each depending only on those before it: [`text`] (line classes) → [`structure`]
//! (statements and blocks) → [`entities`] (recognition and linking) → [`render`].

#[macro_use]
mod data;
pub mod dates;
pub mod entities;
pub mod eval;
pub mod json;
pub mod model;
pub mod packed;
pub mod phrases;
pub mod render;
pub mod scan;
mod sort;
pub mod span;
pub mod structure;
pub mod text;
mod wasm;

pub use model::{Block, BlockKind, Document, Entity, EntityKind, Meeting, Options, Sentence, Speaker, Statement};
pub use span::Span;

/// Annotates `text` with the default [`Options`].
pub fn annotate(text: &str) -> Document {
    annotate_with(text, &Options::default())
}

/// Annotates `text`: structure first, then entities. Offsets are byte offsets into `text`.
pub fn annotate_with(text: &str, options: &Options) -> Document {
    let mut doc = structure::parse(text, options);
    if options.entities {
        doc.entities = entities::recognize(text, &doc, options);
    }
    doc
}
