//! Paragraphs from lines. How a text breaks its paragraphs is read once per document
//! ([`Layout`]); line-end hyphens inside a paragraph are sorted into word splits and compounds.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::model::{Block, BlockKind, Options};
use crate::span::Span;
use crate::text;

use super::sentences;

/// A piece of a region: a line (or the rest of one), a blank line, furniture, or a line of a
/// fixed kind.
#[derive(Clone, Copy, Debug)]
pub struct Seg {
    pub kind: SegKind,
    pub span: Span,
    /// The line starts with spaces (PDF paragraph indentation).
    pub indented: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegKind {
    Blank,
    Furniture,
    /// Running text: joined into paragraphs.
    Text,
    /// A block of its own kind; `true` continues the previous block of that kind.
    Fixed(BlockKind, bool),
}

/// How the text marks paragraph breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// One paragraph per line (web pages, transcripts): a line break ends a paragraph unless the
    /// next line goes on in lowercase after an unfinished line.
    Lines,
    /// Hard-wrapped lines, blank lines between paragraphs.
    Blank,
    /// Hard-wrapped lines, paragraphs start with an indented line (PDF text).
    Indent,
    /// Hard-wrapped lines without other marks: a paragraph ends with a line that ends a
    /// sentence when the next line starts with a capital.
    Punct,
}

/// Reads the layout from the running-text lines of all regions: hard-wrapped when most lines
/// are short (median under 100 bytes) and fewer than 45% end a sentence; then indentation when
/// 2.5–40% of the lines following text are indented, blank lines when there is a blank gap per
/// 15 lines, else punctuation.
pub fn layout<'a>(text: &str, regions: impl Iterator<Item = &'a [Seg]>) -> Layout {
    let mut lens = Vec::new();
    let (mut ends, mut indented, mut blank_gaps) = (0usize, 0usize, 0usize);
    for segs in regions {
        let mut prev: Option<SegKind> = None;
        let mut gap_blank = false;
        let mut gap_furniture = false;
        for s in segs {
            match s.kind {
                SegKind::Blank => gap_blank = true,
                SegKind::Furniture => gap_furniture = true,
                SegKind::Text => {
                    let t = s.span.of(text);
                    lens.push(t.len());
                    ends += text::ends_sentence(t) as usize;
                    if prev == Some(SegKind::Text) {
                        if gap_blank && !gap_furniture {
                            blank_gaps += 1;
                        } else if !gap_blank && !gap_furniture && s.indented {
                            indented += 1;
                        }
                    }
                    prev = Some(s.kind);
                    gap_blank = false;
                    gap_furniture = false;
                }
                SegKind::Fixed(..) => {
                    prev = Some(s.kind);
                    gap_blank = false;
                    gap_furniture = false;
                }
            }
        }
    }
    let n = lens.len();
    if n < 3 {
        return Layout::Lines;
    }
    let median = *lens.select_nth_unstable(n / 2).1;
    if median >= 100 || ends * 100 >= 45 * n {
        Layout::Lines
    } else if indented >= 3 && indented * 40 >= n && indented * 5 <= 2 * n {
        Layout::Indent
    } else if blank_gaps * 15 >= n {
        Layout::Blank
    } else {
        Layout::Punct
    }
}

/// Ends a paragraph in wrapped text: `.`, `!`, `?`, `…` or `:`.
fn ends_paragraph(s: &str) -> bool {
    text::ends_full_stop(s) || s.trim_end_matches(|c: char| text::is_space(c) || text::is_closer(c)).ends_with(':')
}

/// The next text line goes on the paragraph that `prev` ended.
fn continues(text: &str, prev: Span, next: &Seg, blank: bool, furniture: bool, layout: Layout) -> bool {
    let (p, n) = (prev.of(text), next.span.of(text));
    if blank && !furniture {
        return !text::ends_sentence(p) && text::starts_lower(n) && !n.starts_with("http") && !n.starts_with("www.");
    }
    match layout {
        Layout::Lines => !text::ends_sentence(p) && text::starts_lower(n),
        Layout::Blank if !furniture => true,
        Layout::Indent => !next.indented,
        Layout::Blank | Layout::Punct => !(ends_paragraph(p) && text::starts_sentence(n)),
    }
}

struct Para {
    span: Span,
    last: Span,
    hyphens: Vec<usize>,
    /// Where the paragraph goes in the blocks: before the furniture nested in it.
    at: usize,
}

/// Blocks from the segments of one region, in text order: paragraphs (numbered from 1, with
/// sentences when `opts.sentences`), fixed blocks, and furniture (nested in a paragraph when a
/// page break falls inside it).
pub fn build(text: &str, segs: &[Seg], layout: Layout, opts: &Options) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut para: Option<Para> = None;
    let mut gap_furniture: Vec<Block> = Vec::new();
    let mut gap_blank = false;
    let close = |para: &mut Option<Para>, blocks: &mut Vec<Block>| {
        if let Some(p) = para.take() {
            let mut b = Block::new(BlockKind::Paragraph, p.span);
            b.soft_hyphens = p.hyphens;
            blocks.insert(p.at.min(blocks.len()), b);
        }
    };
    for seg in segs {
        match seg.kind {
            SegKind::Blank => gap_blank = true,
            SegKind::Furniture => gap_furniture.push(Block::new(BlockKind::Furniture, seg.span)),
            SegKind::Text => {
                let go_on = para
                    .as_ref()
                    .is_some_and(|p| continues(text, p.last, seg, gap_blank, !gap_furniture.is_empty(), layout));
                if go_on {
                    let p = para.as_mut().expect("open paragraph");
                    if let Some(h) = soft_hyphen(text, p.last, seg.span) {
                        p.hyphens.push(h);
                    }
                    p.span.end = seg.span.end;
                    p.last = seg.span;
                    blocks.append(&mut gap_furniture);
                } else {
                    close(&mut para, &mut blocks);
                    blocks.append(&mut gap_furniture);
                    para = Some(Para { span: seg.span, last: seg.span, hyphens: Vec::new(), at: blocks.len() });
                }
            }
            SegKind::Fixed(kind, merge) => {
                close(&mut para, &mut blocks);
                blocks.append(&mut gap_furniture);
                match blocks.iter_mut().rev().find(|b| b.kind != BlockKind::Furniture) {
                    Some(last) if merge && last.kind == kind => last.end = seg.span.end,
                    _ => blocks.push(Block::new(kind, seg.span)),
                }
            }
        }
        if seg.kind != SegKind::Blank && seg.kind != SegKind::Furniture {
            gap_blank = false;
        }
    }
    close(&mut para, &mut blocks);
    blocks.append(&mut gap_furniture);
    crate::model::sort_blocks(&mut blocks);
    if opts.sentences {
        for b in blocks.iter_mut().filter(|b| b.kind == BlockKind::Paragraph) {
            b.sentences = sentences::split(text, b.span());
        }
    }
    blocks
}

struct Compounds {
    prefixes: HashSet<String>,
    suffixes: HashSet<String>,
    words: HashSet<String>,
}

fn compounds() -> &'static Compounds {
    static C: OnceLock<Compounds> = OnceLock::new();
    C.get_or_init(|| {
        let mut c = Compounds { prefixes: HashSet::new(), suffixes: HashSet::new(), words: HashSet::new() };
        for line in crate::data::entries(data_file!("data", "compounds.txt")) {
            let l = line.to_lowercase();
            if let Some(p) = l.strip_suffix('-') {
                c.prefixes.insert(p.to_string());
            } else if let Some(s) = l.strip_prefix('-') {
                c.suffixes.insert(s.to_string());
            } else {
                c.words.insert(l);
            }
        }
        c
    })
}

/// The offset of the hyphen ending line `prev` when it only splits a word that goes on at the
/// start of `next` (`peace-` / `keeping`); `None` for compounds (`troop-` / `contributing`,
/// `Secretary-` / `General`) and other line ends.
pub fn soft_hyphen(text: &str, prev: Span, next: Span) -> Option<usize> {
    let p = prev.of(text);
    let hyphen = p.chars().next_back()?;
    if !matches!(hyphen, '-' | '\u{2010}' | '\u{2011}' | '\u{ad}') {
        return None;
    }
    let at = prev.end - hyphen.len_utf8();
    let left_word = p[..p.len() - hyphen.len_utf8()].rsplit(|c: char| !c.is_alphanumeric() && c != '-').next()?;
    let n = next.of(text);
    let right: String = n.chars().take_while(|c| c.is_alphanumeric()).collect();
    let (left_last, right_first) = (left_word.rsplit('-').next()?, right.chars().next()?);
    if left_last.is_empty() || !left_last.chars().all(char::is_alphabetic) || !right_first.is_alphabetic() {
        return None;
    }
    let c = compounds();
    let (l, r) = (left_last.to_lowercase(), right.to_lowercase());
    let keep = right_first.is_uppercase()
        || left_last.chars().any(char::is_uppercase) && left_last.chars().all(|ch| ch.is_uppercase())
        || left_last.chars().count() == 1
        || c.prefixes.contains(&l)
        || c.suffixes.contains(&r)
        || c.words.contains(&format!("{l}-{r}"))
        || c.words.contains(&format!("{}-{r}", left_word.to_lowercase()));
    (!keep).then_some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_end_hyphens() {
        let cases: &[(&str, bool)] = &[
            ("peace-\nkeeping", true),
            ("troop-\ncontributing", false),
            ("Secretary-\nGeneral", false),
            ("co-\noperation", false),
            ("non-\nproliferation", false),
            ("regionally-\nled", false),
            ("follow-\nup", false),
            ("inter-\ncommunal", true),
            ("terror-\nism", true),
            ("G-\n8", false),
            ("1990 -\n2000", false),
            ("ini\u{2011}\nciativa", true),
            ("peace\u{ad}\nkeeping", true),
        ];
        for &(s, soft) in cases {
            let nl = s.find('\n').unwrap();
            let got = soft_hyphen(s, Span::new(0, nl), Span::new(nl + 1, s.len()));
            assert_eq!(got.is_some(), soft, "{s:?}");
        }
    }
}
