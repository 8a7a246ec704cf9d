//! Balanced start/text/end events over the text, from the document's statements, blocks and
//! entities. Elements that cross (an entity running out of its block) are closed and reopened,
//! so every start has its end and the text is emitted exactly once, in order.

use crate::model::{Block, Document, Entity};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Tag<'d> {
    Statement(usize),
    Block(&'d Block),
    /// A block nested in another block (page furniture inside a paragraph).
    InnerBlock(&'d Block),
    Entity(&'d Entity),
    /// A line-end hyphen and its line break, hidden for display.
    SoftHyphen,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Event<'d, 't> {
    Start(Tag<'d>),
    End(Tag<'d>),
    Text(&'t str),
}

struct Elem<'d> {
    span: Span,
    rank: u8,
    tag: Tag<'d>,
}

/// The events of `doc` over `text`, in order.
pub fn events<'d, 't>(text: &'t str, doc: &'d Document) -> Vec<Event<'d, 't>> {
    let valid = |s: Span| {
        s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let mut elems: Vec<Elem<'d>> = Vec::new();
    for (i, st) in doc.statements.iter().enumerate() {
        elems.push(Elem { span: st.span(), rank: 0, tag: Tag::Statement(i) });
    }
    let blocks = doc.all_blocks();
    let mut outer_end = 0;
    for b in blocks {
        let inner = b.start < outer_end;
        if !inner {
            outer_end = b.end;
        }
        let tag = if inner { Tag::InnerBlock(b) } else { Tag::Block(b) };
        elems.push(Elem { span: b.span(), rank: if inner { 2 } else { 1 }, tag });
        for &h in &b.soft_hyphens {
            // The hyphen and the line break after it are hidden together.
            let len = text.get(h..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            let rest = text.get(h + len..).unwrap_or("");
            let brk = if rest.starts_with("\r\n") { 2 } else { usize::from(rest.starts_with(['\n', '\r'])) };
            elems.push(Elem { span: Span::new(h, h + len + brk), rank: 4, tag: Tag::SoftHyphen });
        }
    }
    for e in &doc.entities {
        elems.push(Elem { span: e.span(), rank: 3, tag: Tag::Entity(e) });
    }
    elems.retain(|e| valid(e.span));
    // By start, then rank, then the longer first (a rank is below 8, an end below 2^61).
    let ends = (1u128 << 61) - 1;
    crate::sort::by_key(&mut elems, |e| {
        (e.span.start as u128) << 64 | (e.rank as u128) << 61 | ends.saturating_sub(e.span.end as u128)
    });

    let mut points: Vec<usize> = elems.iter().flat_map(|e| [e.span.start, e.span.end]).collect();
    points.push(text.len());
    crate::sort::by_key(&mut points, |&p| p as u128);
    points.dedup();

    let mut out = Vec::with_capacity(elems.len() * 3 + 1);
    let mut stack: Vec<usize> = Vec::new();
    let mut next = 0;
    let mut pos = 0;
    for p in points {
        if p > pos {
            out.push(Event::Text(&text[pos..p]));
            pos = p;
        }
        // Close everything that ends here; close and reopen what sits above it.
        if stack.iter().any(|&i| elems[i].span.end <= p) {
            let mut reopen = Vec::new();
            while let Some(&top) = stack.last() {
                if !stack.iter().any(|&i| elems[i].span.end <= p) {
                    break;
                }
                stack.pop();
                out.push(Event::End(elems[top].tag));
                if elems[top].span.end > p {
                    reopen.push(top);
                }
            }
            for i in reopen.into_iter().rev() {
                out.push(Event::Start(elems[i].tag));
                stack.push(i);
            }
        }
        while next < elems.len() && elems[next].span.start == p {
            out.push(Event::Start(elems[next].tag));
            stack.push(next);
            next += 1;
        }
    }
    while let Some(top) = stack.pop() {
        out.push(Event::End(elems[top].tag));
    }
    out
}
