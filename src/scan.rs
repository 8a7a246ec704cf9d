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

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Eight bytes of `hay` from `i`, the first in the low byte.
#[inline(always)]
fn load8(hay: &[u8], i: usize) -> Option<u64> {
    Some(u64::from_le_bytes(hay.get(i..i + 8)?.try_into().ok()?))
}

/// The high bit of each byte of `v` that lies in `lo..=hi` (both below 0x80).
#[inline(always)]
fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    let low = v & !HI;
    (low + LO * (0x80 - lo) as u64) & !(low + LO * (0x7f - hi) as u64) & !v & HI
}

/// The high bit of each byte of `v` that is an ASCII letter.
#[inline(always)]
fn letter_bytes(v: u64) -> u64 {
    in_range(v | (LO * 0x20), b'a', b'z')
}

/// The high bit of each byte of `v` that is an ASCII digit.
#[inline(always)]
fn digit_bytes(v: u64) -> u64 {
    in_range(v, b'0', b'9')
}

/// The high bit of each byte of `v` that is an ASCII letter, digit or `_`.
#[inline(always)]
pub fn word_bytes(v: u64) -> u64 {
    let under = !(((v & !HI) ^ (LO * 0x5f)) + LO * 0x7f) & !v & HI;
    letter_bytes(v) | in_range(v, b'0', b'9') | under
}

/// The first offset at or after `i` whose byte `hit` accepts, eight bytes per step: `hits(v)` has
/// the high bit of each byte of `v` that `hit` accepts.
#[inline(always)]
fn find_byte(hay: &[u8], mut i: usize, hits: impl Fn(u64) -> u64, hit: impl Fn(u8) -> bool) -> Option<usize> {
    while let Some(v) = load8(hay, i) {
        let found = hits(v);
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    hay.get(i..)?.iter().position(|&b| hit(b)).map(|k| i + k)
}

/// The end of the run of ASCII letters, digits and `_` starting at `i`.
#[inline]
pub fn ascii_word_end(hay: &[u8], i: usize) -> usize {
    let other = |b: u8| !(b.is_ascii_alphanumeric() || b == b'_');
    find_byte(hay, i, |v| !word_bytes(v) & HI, other).unwrap_or(hay.len().max(i))
}

/// The first four bytes of `w` (fewer when it is shorter, the rest zero), with bit 5 of each set:
/// ASCII letters lowercased (and some other bytes changed alike).
#[inline]
pub fn head(w: &[u8]) -> u32 {
    let head = match w.get(..4) {
        Some(&[a, b, c, d]) => u32::from_le_bytes([a, b, c, d]),
        _ => w.iter().rev().fold(0, |h, &b| (h << 8) | b as u32),
    };
    head | [0, 0x20, 0x2020, 0x20_2020, 0x2020_2020][w.len().min(4)]
}

/// [`head`] of `hay[start..end]`, read as four bytes where `hay` has them.
#[inline]
pub fn head_in(hay: &[u8], start: usize, end: usize) -> u32 {
    const KEEP: [u32; 5] = [0, 0xff, 0xffff, 0xff_ffff, 0xffff_ffff];
    match hay.get(start..start + 4) {
        Some(&[a, b, c, d]) => (u32::from_le_bytes([a, b, c, d]) | 0x2020_2020) & KEEP[(end - start).min(4)],
        _ => head(&hay[start..end]),
    }
}

/// A set of word heads ([`head`]) kept as bits of their hash: it may say yes for a head never
/// added, never no for one that was. Asked about most words of a text, it lets them go by unread.
pub struct HeadSet {
    bits: Vec<u64>,
    shift: u32,
}

impl HeadSet {
    /// A set of `2^log2_bits` bits (a few times more than the heads it will hold).
    pub fn new(log2_bits: u32) -> HeadSet {
        HeadSet { bits: vec![0; (1 << log2_bits) / 64], shift: 32 - log2_bits }
    }

    pub fn insert(&mut self, head: u32) {
        let k = self.index(head);
        self.bits[k / 64] |= 1 << (k % 64);
    }

    #[inline(always)]
    pub fn may_contain(&self, head: u32) -> bool {
        let k = self.index(head);
        self.bits[k / 64] & (1 << (k % 64)) != 0
    }

    #[inline(always)]
    fn index(&self, head: u32) -> usize {
        (head.wrapping_mul(0x9e37_79b1) >> self.shift) as usize
    }
}

/// The first line feed, carriage return or form feed in `hay` at or after `i`.
pub fn next_line_break(hay: &[u8], mut i: usize) -> Option<usize> {
    // The first byte below 0x0e, eight bytes per step (the cheapest test); tabs and other controls
    // among them are rare, and skipped one by one.
    loop {
        let k = find_byte(hay, i, |v| v.wrapping_sub(LO * 0x0e) & !v & HI, |b| b < 0x0e)?;
        if matches!(hay.get(k), Some(b'\n' | b'\r' | b'\x0c')) {
            return Some(k);
        }
        i = k + 1;
    }
}

/// The first ASCII digit in `hay` at or after `i`.
pub fn next_digit(hay: &[u8], i: usize) -> Option<usize> {
    find_byte(hay, i, digit_bytes, |b| b.is_ascii_digit())
}

/// The first `x` in `hay` at or after `i`, eight bytes per step.
pub fn next_byte(hay: &[u8], i: usize, x: u8) -> Option<usize> {
    find_byte(hay, i, |v| has_byte(v, x), |b| b == x)
}

/// Eight bytes of `hay` from `i`, the first in the low byte; zeros past its end.
#[inline(always)]
pub fn load_padded(hay: &[u8], i: usize) -> u64 {
    match load8(hay, i) {
        Some(v) => v,
        None => load_last(hay, i),
    }
}

#[cold]
#[inline(never)]
fn load_last(hay: &[u8], i: usize) -> u64 {
    hay.get(i..).unwrap_or_default().iter().rev().fold(0, |v, &b| (v << 8) | b as u64)
}

/// The high bits of the eight bytes of `hi` (as the byte masks here give them) as eight bits:
/// byte k's at bit k.
#[inline(always)]
pub fn gather(hi: u64) -> u64 {
    (hi >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The classes of 64 bytes of a text, one bit per byte: bit k is byte `at + k` of
/// [`Block::read`]'s `hay` (bytes past its end are zeros).
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Block {
    /// ASCII letters.
    pub letters: u64,
    pub digits: u64,
    /// ASCII letters, digits and `_`.
    pub words: u64,
    /// ASCII capitals.
    pub upper: u64,
    /// Bytes of non-ASCII characters (0x80 and above).
    pub high: u64,
    /// Bytes up to 0x20: ASCII whitespace and controls.
    pub low: u64,
    /// Line feeds.
    pub newlines: u64,
}

impl Block {
    /// Reads the 64 bytes of `hay` from `at`. (Inlined, so that a caller's unused masks are not
    /// computed: in WebAssembly about 5% faster for 0.25 KB more gzipped.)
    #[inline(always)]
    pub fn read(hay: &[u8], at: usize) -> Block {
        match hay.get(at..at + 64).and_then(|c| <&[u8; 64]>::try_from(c).ok()) {
            Some(chunk) => Block::of(chunk),
            None => {
                let rest = hay.get(at..).unwrap_or_default();
                let mut chunk = [0; 64];
                chunk[..rest.len()].copy_from_slice(rest);
                Block::of(&chunk)
            }
        }
    }

    /// Sixteen bytes at a time with SSE2, which every x86-64 processor has.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    fn of(chunk: &[u8; 64]) -> Block {
        use std::arch::x86_64::*;
        let mut b = Block::default();
        for (k, c) in chunk.as_chunks::<16>().0.iter().enumerate() {
            // SAFETY: SSE2 is part of x86-64; the load reads the sixteen bytes of `c`.
            let [letters, digits, words, upper, high, low, newlines] = unsafe {
                let v = _mm_loadu_si128(c.as_ptr().cast());
                // In range when subtracting the range's start leaves at most its width.
                let within = |x: __m128i, width: i8| _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(width)), x);
                let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
                let letters = within(_mm_sub_epi8(lower, _mm_set1_epi8(b'a' as i8)), 25);
                let digits = within(_mm_sub_epi8(v, _mm_set1_epi8(b'0' as i8)), 9);
                let unders = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
                [
                    letters,
                    digits,
                    _mm_or_si128(_mm_or_si128(letters, digits), unders),
                    within(_mm_sub_epi8(v, _mm_set1_epi8(b'A' as i8)), 25),
                    v,
                    within(v, 0x20),
                    _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8)),
                ]
                .map(|m| _mm_movemask_epi8(m) as u16 as u64)
            };
            let at = 16 * k;
            b.letters |= letters << at;
            b.digits |= digits << at;
            b.words |= words << at;
            b.upper |= upper << at;
            b.high |= high << at;
            b.low |= low << at;
            b.newlines |= newlines << at;
        }
        b
    }

    /// Eight bytes at a time.
    #[cfg(not(target_arch = "x86_64"))]
    #[inline(always)]
    fn of(chunk: &[u8; 64]) -> Block {
        Block::of_words(chunk)
    }

    /// [`Block::of`] without SIMD (the WebAssembly build's), eight bytes at a time.
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    #[inline(always)]
    fn of_words(chunk: &[u8; 64]) -> Block {
        let mut b = Block::default();
        for (k, c) in chunk.as_chunks::<8>().0.iter().enumerate() {
            let v = u64::from_le_bytes(*c);
            let at = 8 * k;
            b.letters |= gather(letter_bytes(v)) << at;
            b.digits |= gather(digit_bytes(v)) << at;
            b.words |= gather(word_bytes(v)) << at;
            b.upper |= gather(in_range(v, b'A', b'Z')) << at;
            b.high |= gather(v & HI) << at;
            b.low |= gather(up_to_space(v)) << at;
            b.newlines |= gather(has_byte(v, b'\n')) << at;
        }
        b
    }
}

/// The high bit of each byte of `v` that is at most 0x20 (a space, ASCII whitespace, a control).
#[inline(always)]
pub fn up_to_space(v: u64) -> u64 {
    !((v & !HI) + LO * 0x5f) & !v & HI
}

/// The high bit of each byte of `v` equal to `x`.
#[inline(always)]
pub fn has_byte(v: u64, x: u8) -> u64 {
    let t = v ^ (LO * x as u64);
    !(((t & !HI) + LO * 0x7f) | t) & HI
}

/// Bit 7 of the first byte of `v` equal to `x` (the lowest), maybe with false bits above it (a
/// borrow runs up from it): cheaper than [`has_byte`] where only the first byte is wanted. Bit 7
/// alone is not masked: the caller masks the union of several with `HI` once.
#[inline(always)]
fn first_byte_eq(v: u64, x: u8) -> u64 {
    let t = v ^ (LO * x as u64);
    t.wrapping_sub(LO) & !t
}

/// The first of the bytes `a`, `b`, `c`, `d` in `hay` at or after `from`.
pub fn find_any4(hay: &[u8], from: usize, [a, b, c, d]: [u8; 4]) -> Option<usize> {
    let hits = |v| (first_byte_eq(v, a) | first_byte_eq(v, b) | first_byte_eq(v, c) | first_byte_eq(v, d)) & HI;
    find_byte(hay, from, hits, |x| x == a || x == b || x == c || x == d)
}

/// The places of `hay` from `from` on where a run of ASCII letters or one of ASCII digits starts
/// (the byte before is not of the same kind; a non-ASCII byte before a letter is not a letter
/// here), in order. Sixty-four bytes are looked at in one go, without branches. Letter runs can
/// be limited to those whose first byte a table accepts ([`RunStarts::with_initials`]).
pub struct RunStarts<'a> {
    hay: &'a [u8],
    /// The first bytes of the letter runs given (all of them when `None`).
    initials: Option<&'a [bool; 256]>,
    /// Where the next bytes to look at start.
    next: usize,
    /// One bit for each of the 64 bytes before `next` that starts a run, not given yet.
    found: u64,
    /// Whether the byte before `next` is a letter, and whether it is a digit (as 1 or 0).
    before: (u64, u64),
}

impl<'a> RunStarts<'a> {
    pub fn new(hay: &'a [u8], from: usize) -> RunStarts<'a> {
        let last = from.checked_sub(1).and_then(|p| hay.get(p)).map_or(0, |&b| b);
        RunStarts {
            hay,
            initials: None,
            next: from,
            found: 0,
            before: (last.is_ascii_alphabetic() as u64, last.is_ascii_digit() as u64),
        }
    }

    /// Every run of digits, and the runs of letters whose first byte `initials` accepts.
    pub fn with_initials(hay: &'a [u8], from: usize, initials: &'a [bool; 256]) -> RunStarts<'a> {
        RunStarts { initials: Some(initials), ..RunStarts::new(hay, from) }
    }
}

impl Iterator for RunStarts<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.found == 0 {
            if self.next >= self.hay.len() {
                return None;
            }
            let Block { letters, digits, .. } = Block::read(self.hay, self.next);
            let mut words = letters & !(letters << 1 | self.before.0);
            if let Some(initials) = self.initials {
                words = keep_initials(self.hay, self.next, words, initials);
            }
            self.found = words | (digits & !(digits << 1 | self.before.1));
            self.before = (letters >> 63, digits >> 63);
            self.next += 64;
        }
        let at = self.next - 64 + self.found.trailing_zeros() as usize;
        self.found &= self.found - 1;
        Some(at)
    }
}

/// Of the places `base + k` of `hay` that `starts` marks (bit `k`), those whose byte `initials`
/// accepts: one table look-up each, without a branch on its answer.
#[inline(always)]
pub fn keep_initials(hay: &[u8], base: usize, starts: u64, initials: &[bool; 256]) -> u64 {
    let (mut rest, mut kept) = (starts, 0);
    while rest != 0 {
        let k = rest.trailing_zeros() as usize;
        kept |= (initials[hay[base + k] as usize] as u64) << k;
        rest &= rest - 1;
    }
    kept
}

/// The end of the ASCII digits starting at `i`.
pub fn digits(text: &str, i: usize) -> usize {
    i + text.as_bytes()[i..].iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The end of the letters starting at `i`.
#[inline]
pub fn letters(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut j = ascii_letters_end(bytes, i);
    while bytes.get(j).is_some_and(|&b| b >= 0x80) {
        match text[j..].chars().next() {
            Some(c) if c.is_alphabetic() => j = ascii_letters_end(bytes, j + c.len_utf8()),
            _ => break,
        }
    }
    j
}

/// The end of the run of ASCII letters starting at `i`.
#[inline]
fn ascii_letters_end(hay: &[u8], i: usize) -> usize {
    find_byte(hay, i, |v| !letter_bytes(v) & HI, |b| !b.is_ascii_alphabetic()).unwrap_or(hay.len().max(i))
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
        while let Some(start) = next_digit(b, i) {
            i = digits(text, start);
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

    #[test]
    fn eight_byte_steps_agree_with_byte_by_byte() {
        // Every byte value at every place of a run of word bytes, near and across an 8-byte step.
        for b in 0..=255u8 {
            for at in 0..20 {
                let mut hay = b"ab_09XYZab_09XYZab_09XYZ".to_vec();
                hay[at] = b;
                for from in 0..hay.len() {
                    let word = |x: &u8| x.is_ascii_alphanumeric() || *x == b'_';
                    let want = from + hay[from..].iter().take_while(|x| word(x)).count();
                    assert_eq!(ascii_word_end(&hay, from), want, "byte {b:#x} at {at} from {from}");
                    let letters_end = from + hay[from..].iter().take_while(|x| x.is_ascii_alphabetic()).count();
                    assert_eq!(ascii_letters_end(&hay, from), letters_end, "byte {b:#x} at {at} from {from}");
                    let word = &hay[from..letters_end];
                    assert_eq!(head_in(&hay, from, letters_end), head(word));
                    let brk = hay[from..].iter().position(|x| matches!(x, b'\n' | b'\r' | b'\x0c'));
                    assert_eq!(next_line_break(&hay, from), brk.map(|k| from + k), "byte {b:#x} at {at}");
                    let digit = hay[from..].iter().position(u8::is_ascii_digit).map(|k| from + k);
                    assert_eq!(next_digit(&hay, from), digit, "byte {b:#x} at {at} from {from}");
                }
            }
        }
        assert_eq!(ascii_word_end(b"", 0), 0);
        for text in ["", " ", "a b\tc\nd\re\x0bf\x0cg  \x01\x7f", "\u{a0}words and more words\r\n"] {
            for i in 0..text.len() + 3 {
                let b = text.as_bytes();
                let want =
                    (0..8).filter(|k| b.get(i + k).is_none_or(|&x| x <= b' ')).fold(0, |m, k| m | 0x80 << (8 * k));
                // Past the end: zeros, which are up to a space too.
                assert_eq!(up_to_space(load_padded(b, i)), want, "{text:?} at {i}");
            }
        }
        assert_eq!(next_digit(b"", 0), None);
    }

    #[test]
    fn first_hit_searches_agree_with_byte_by_byte() {
        // Two bytes near each other, so that a false bit above the first hit would show.
        let bytes =
            [0x00, 0x01, 0x09, b'\n', 0x0b, 0x0c, b'\r', 0x0e, b'!', b'"', b'.', b'/', b'?', b'@', 0xe2, 0xe3, 0x8e];
        for &x in &bytes {
            for &y in &bytes {
                for (at, gap) in [(0, 1), (3, 1), (6, 2), (7, 1), (9, 3), (14, 1)] {
                    let mut hay = *b"some words, to search";
                    hay[at] = x;
                    hay[at + gap] = y;
                    for from in 0..hay.len() + 1 {
                        let first = |set: &[u8]| hay[from..].iter().position(|b| set.contains(b)).map(|k| from + k);
                        assert_eq!(next_line_break(&hay, from), first(b"\n\r\x0c"), "{x:#x} {y:#x} at {at}");
                        let set = [b'.', b'!', b'?', 0xe2];
                        assert_eq!(find_any4(&hay, from, set), first(&set), "{x:#x} {y:#x} at {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn run_starts_and_next_byte_agree_with_byte_by_byte() {
        let text = "Le 7 novembre 2016, à 10h30: l’élection n°2242 (S/2016/1234) a_b9 Éxé AB12cd 2024 janvier";
        let hay = text.as_bytes();
        let kind = |b: Option<&u8>| match b {
            Some(b) if b.is_ascii_alphabetic() => 1,
            Some(b) if b.is_ascii_digit() => 2,
            _ => 0,
        };
        for from in 0..=hay.len() {
            let want: Vec<usize> = (from..hay.len())
                .filter(|&i| {
                    kind(hay.get(i)) != 0 && kind(hay.get(i)) != kind(i.checked_sub(1).and_then(|p| hay.get(p)))
                })
                .collect();
            assert_eq!(RunStarts::new(hay, from).collect::<Vec<_>>(), want, "from {from}");
            let mut initials = [false; 256];
            initials[b'n' as usize] = true;
            initials[b'A' as usize] = true;
            initials[b'x' as usize] = true;
            let some: Vec<usize> =
                want.iter().copied().filter(|&i| initials[hay[i] as usize] || hay[i].is_ascii_digit()).collect();
            assert_eq!(RunStarts::with_initials(hay, from, &initials).collect::<Vec<_>>(), some, "from {from}");
            for x in [b'/', b'(', 0xc3, b'z'] {
                let want = hay[from..].iter().position(|&b| b == x).map(|k| from + k);
                assert_eq!(next_byte(hay, from, x), want, "{x} from {from}");
            }
        }
    }

    #[test]
    fn blocks_class_every_byte() {
        // Every byte value, at every offset from the block's start, and texts ending inside it.
        let mut hay: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        hay.extend_from_slice(b"Mr. Bessho_2016 (Japan): \t\r\n x");
        let bit = |m: u64, k: usize| m >> k & 1 == 1;
        for end in [hay.len(), hay.len() - 30, 70] {
            let hay = &hay[..end];
            for at in 0..hay.len() + 2 {
                let b = Block::read(hay, at);
                let mut chunk = [0; 64];
                let rest = hay.get(at..).unwrap_or_default();
                let n = rest.len().min(64);
                chunk[..n].copy_from_slice(&rest[..n]);
                assert_eq!(Block::of_words(&chunk), b, "at {at}");
                for k in 0..64 {
                    let x = hay.get(at + k).copied().unwrap_or(0);
                    assert_eq!(bit(b.letters, k), x.is_ascii_alphabetic(), "{x} at {at}+{k}");
                    assert_eq!(bit(b.digits, k), x.is_ascii_digit(), "{x} at {at}+{k}");
                    assert_eq!(bit(b.words, k), x.is_ascii_alphanumeric() || x == b'_', "{x} at {at}+{k}");
                    assert_eq!(bit(b.upper, k), x.is_ascii_uppercase(), "{x} at {at}+{k}");
                    assert_eq!(bit(b.high, k), x >= 0x80, "{x} at {at}+{k}");
                    assert_eq!(bit(b.low, k), x <= 0x20, "{x} at {at}+{k}");
                }
            }
        }
    }
}
