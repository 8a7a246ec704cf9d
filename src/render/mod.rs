//! Renderers: turn text + [`Document`](crate::Document) into output. [`events`] flattens blocks
//! and entities into balanced start/text/end events; [`html`] writes them as HTML and is the one
//! place where text is escaped.

pub mod events;
pub mod html;
