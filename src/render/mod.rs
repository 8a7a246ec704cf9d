//! Renderers: turn text + [`Document`](crate::Document) into output formats.
