//! HTML from events. This module is the one escaping point: [`escape_text`] for text nodes,
//! [`escape_attr`] for double-quoted attribute values. The text content of the output (tags
//! removed, entities unescaped) equals the input exactly.

use super::events::{events, Event, Tag};
use crate::model::{Document, Entity};

/// The highlighted document as an HTML fragment.
pub fn render(text: &str, doc: &Document) -> String {
    let mut out = String::with_capacity(text.len() * 2 + 64);
    out.push_str("<div class=\"sv-document\">");
    for ev in events(text, doc) {
        match ev {
            Event::Text(t) => escape_text(t, &mut out),
            Event::Start(tag) => start(tag, doc, &mut out),
            Event::End(tag) => out.push_str(end(tag)),
        }
    }
    out.push_str("</div>");
    out
}

fn start(tag: Tag, doc: &Document, out: &mut String) {
    match tag {
        Tag::Statement(i) => {
            out.push_str("<section class=\"sv-statement\"");
            if let Some(name) = doc.statements.get(i).and_then(|s| s.speaker.name.as_deref()) {
                out.push_str(" data-speaker=\"");
                escape_attr(name, out);
                out.push('"');
            }
            out.push('>');
        }
        Tag::Block(b) | Tag::InnerBlock(b) => {
            let el = if matches!(tag, Tag::Block(_)) { "div" } else { "span" };
            let kind = b.kind.as_str();
            out.push_str(&format!("<{el} class=\"sv-block sv-{kind}\" data-block=\"{kind}\" dir=\"auto\""));
            if let Some(n) = b.number {
                out.push_str(&format!(" data-number=\"{n}\""));
            }
            out.push('>');
        }
        Tag::Entity(e) => {
            out.push_str("<mark data-kind=\"");
            out.push_str(e.kind.as_str());
            out.push_str("\" title=\"");
            escape_attr(&title(e), out);
            out.push_str("\">");
        }
        Tag::SoftHyphen => out.push_str("<span class=\"sv-soft-hyphen\">"),
    }
}

fn end(tag: Tag) -> &'static str {
    match tag {
        Tag::Statement(_) => "</section>",
        Tag::Block(_) => "</div>",
        Tag::InnerBlock(_) | Tag::SoftHyphen => "</span>",
        Tag::Entity(_) => "</mark>",
    }
}

/// `kind: canonical (code) — expansion`, the tooltip of an entity.
pub fn title(e: &Entity) -> String {
    let canonical: &str = &e.canonical;
    let mut t = format!("{}: {canonical}", e.kind.as_str());
    if let Some(code) = e.code.as_deref() {
        if code != canonical {
            t += &format!(" ({code})");
        }
    }
    if let Some(x) = e.expansion.as_deref() {
        if x != canonical {
            t += &format!(" — {x}");
        }
    }
    t
}

/// Escapes text for an HTML text node.
pub fn escape_text(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Escapes text for a double-quoted attribute value.
pub fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}
