//! Small scanning helpers shared by the date scanner and the entity rules: character classes and
//! cursor steps over the original text. Every function takes byte offsets on character boundaries
//! and returns offsets on character boundaries.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// Whitespace as statements use it, NBSP and narrow spaces included.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

pub fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// `i..j` stands alone as a word.
pub fn is_word(text: &str, i: usize, j: usize) -> bool {
    !char_before(text, i).is_some_and(is_word_char) && !char_at(text, j).is_some_and(is_word_char)
}

/// The end of the run of whitespace starting at `i` (at most `max` characters of it).
pub fn skip_spaces(text: &str, i: usize, max: usize) -> usize {
    let mut j = i;
    for (n, c) in text[i..].chars().enumerate() {
        if n >= max || !is_space(c) {
            break;
        }
        j += c.len_utf8();
    }
    j
}

/// A set of short words with a fast hash (these sets are asked about most words of a text).
pub type WordSet = HashSet<&'static str, BuildHasherDefault<FastHasher>>;

/// One step of an FxHash-style hash: `v` mixed into `h` with one multiply.
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// [`mix`] over eight bytes at a time. Not for keys an attacker chooses to collide, which these
/// (the project's own word lists and phrase tries, probed with the words of a text) cannot do.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.0 = mix(self.0, u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        for &b in chunks.remainder() {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = mix(self.0, v);
    }
}

/// The first of the bytes `a`, `b`, `c`, `d` in `hay` at or after `from`: eight bytes per step.
pub fn find_any4(hay: &[u8], from: usize, [a, b, c, d]: [u8; 4]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let has = |v: u64, x: u8| {
        let t = v ^ (LO * x as u64);
        t.wrapping_sub(LO) & !t & HI
    };
    let mut i = from;
    while i + 8 <= hay.len() {
        let v = u64::from_le_bytes(hay[i..i + 8].try_into().unwrap_or_default());
        if has(v, a) | has(v, b) | has(v, c) | has(v, d) != 0 {
            break;
        }
        i += 8;
    }
    hay.get(i..)?.iter().position(|&x| x == a || x == b || x == c || x == d).map(|k| i + k)
}

/// The end of the ASCII digits starting at `i`.
pub fn digits(text: &str, i: usize) -> usize {
    i + text.as_bytes()[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The end of the letters starting at `i`.
#[inline]
pub fn letters(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = i;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_alphabetic() {
            j += 1;
        } else if b < 0x80 {
            break;
        } else {
            match text[j..].chars().next() {
                Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

/// If `text[i..]` starts with one of `words` (exactly, as a whole word), its end.
pub fn word_in(text: &str, i: usize, words: &[&str]) -> Option<usize> {
    let end = letters(text, i);
    (end > i && words.contains(&&text[i..end]) && !char_at(text, end).is_some_and(|c| c.is_ascii_digit()))
        .then_some(end)
}

/// If `text[i..]` starts with `lit`, its end.
pub fn lit(text: &str, i: usize, lit: &str) -> Option<usize> {
    text[i..].starts_with(lit).then_some(i + lit.len())
}

/// The start of the word that ends at `end` (letters only).
pub fn word_start_before(text: &str, end: usize) -> usize {
    end - text[..end].chars().rev().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum::<usize>()
}

/// Word spans (maximal runs of letters) of `text`, in order.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let start = next_letter(text, i)?;
        let end = letters(text, start);
        i = end;
        Some((start, end))
    })
}

/// The start of the first letter at or after `i`.
pub fn next_letter(text: &str, mut i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_alphabetic() {
            return Some(i);
        } else if b < 0x80 {
            i += 1;
        } else {
            let c = text[i..].chars().next()?;
            if c.is_alphabetic() {
                return Some(i);
            }
            i += c.len_utf8();
        }
    }
    None
}

/// The runs of ASCII digits that start a word (no letter, digit or `_` before them), as
/// `(start, end)`.
pub fn digit_runs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let start = i;
            i = digits(text, i);
            if start == 0 || !(b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
                return Some((start, i));
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_any4_agrees_with_a_plain_search() {
        let hay = "Mr. Bessho (Japan): thank you! Really? Yes… and more words after it.".as_bytes();
        let set = [b'.', b'!', b'?', 0xE2];
        for from in 0..=hay.len() + 2 {
            let want = hay.get(from..).and_then(|h| h.iter().position(|b| set.contains(b))).map(|k| from + k);
            assert_eq!(find_any4(hay, from, set), want, "from {from}");
        }
        assert_eq!(find_any4(b"", 0, set), None);
    }
}
