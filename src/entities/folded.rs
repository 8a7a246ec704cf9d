//! A folded copy of the text for gazetteer matching, with a map back to original offsets.
//!
//! Folding turns every run of whitespace (spaces, line breaks, NBSP) into one space (a newline
//! when the run holds a blank line, so that no name matches across paragraphs), curly quotes
//! and apostrophes into ASCII, and Unicode hyphens into `-`. Nothing is dropped, so each folded byte
//! maps to the original offset of the character it came from, and a match's end maps to the start
//! of the character after it.

use crate::span::Span;

pub struct Folded {
    pub text: String,
    /// `map[i]`: original byte offset of folded byte `i`; `map[len]` is the original length.
    map: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len() + 1);
        let mut in_space = false;
        let mut newlines = 0;
        for (i, c) in original.char_indices() {
            if c.is_whitespace() {
                if !in_space {
                    text.push(' ');
                    map.push(i as u32);
                    in_space = true;
                    newlines = 0;
                }
                if c == '\n' {
                    newlines += 1;
                    if newlines == 2 {
                        // A blank line ends a paragraph: no name runs across it.
                        let last = text.len() - 1;
                        text.replace_range(last.., "\n");
                    }
                }
                continue;
            }
            in_space = false;
            let f = fold_char(c);
            let start = text.len();
            text.push(f);
            if f == c {
                map.extend((0..c.len_utf8()).map(|k| (i + k) as u32));
            } else {
                map.extend((start..text.len()).map(|_| i as u32));
            }
        }
        map.push(original.len() as u32);
        Folded { text, map }
    }

    /// The original span of the folded range `start..end` (which must not start or end inside a
    /// folded character).
    pub fn original(&self, start: usize, end: usize) -> Span {
        Span::new(self.map[start] as usize, self.map[end] as usize)
    }
}

pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// Folds a short name the same way (for gazetteer entries and lookups).
pub fn fold_str(s: &str) -> String {
    Folded::new(s.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_across_line_breaks_and_quotes() {
        let text = "the Russian\r\n  Federation’s  Côte d’Ivoire";
        let f = Folded::new(text);
        assert_eq!(f.text, "the Russian Federation's Côte d'Ivoire");
        let s = f.text.find("Russian Federation").unwrap();
        let span = f.original(s, s + "Russian Federation".len());
        assert_eq!(span.of(text), "Russian\r\n  Federation");
        let s = f.text.find("Côte d'Ivoire").unwrap();
        assert_eq!(f.original(s, f.text.len()).of(text), "Côte d’Ivoire");
    }
}
