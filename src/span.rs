//! Spans (half-open byte ranges into the original text) and the one conversion of byte offsets
//! to the UTF-16 code units that JavaScript strings use.

/// A half-open byte range `start..end` into the original input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The covered text; empty when the span is out of range or not on char boundaries.
    pub fn of(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Maps byte offsets of one text to UTF-16 code-unit offsets (or to char offsets).
///
/// Offsets are looked up in increasing order in practice, but any order works: the map keeps one
/// checkpoint per 64 bytes and counts forward from the nearest one.
pub struct OffsetMap<'a> {
    text: &'a str,
    /// `checkpoints[k]`: units before byte `k * STEP`.
    checkpoints: Vec<usize>,
    unit: Unit,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// UTF-16 code units (JavaScript `String` indices).
    Utf16,
    /// Unicode scalar values (Rust `char`s, Python `str` indices).
    Char,
}

const STEP: usize = 64;

impl<'a> OffsetMap<'a> {
    pub fn new(text: &'a str, unit: Unit) -> OffsetMap<'a> {
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 2);
        let mut units = 0usize;
        for chunk in text.as_bytes().chunks(STEP) {
            checkpoints.push(units);
            units += units_of(chunk, unit);
        }
        checkpoints.push(units);
        OffsetMap { text, checkpoints, unit }
    }

    /// The offset, in this map's unit, of byte offset `byte`. A byte offset inside a character
    /// maps to that character's start; one past the end maps to the end.
    pub fn convert(&self, byte: usize) -> usize {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        let k = byte / STEP;
        self.checkpoints[k] + units_of(&self.text.as_bytes()[k * STEP..byte], self.unit)
    }
}

/// The units of whole characters in `bytes`, counted from their UTF-8 bytes: a character is
/// counted at its first byte (two UTF-16 units for a four-byte one), continuation bytes count 0.
/// Eight bytes per step.
fn units_of(bytes: &[u8], unit: Unit) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    // Arrays of eight, not `chunks_exact`, whose iterator stays a call per step in the
    // size-optimised wasm.
    let (eights, rest) = bytes.as_chunks::<8>();
    let mut n = 0;
    for &eight in eights {
        let v = u64::from_le_bytes(eight);
        // The high bit of each continuation byte (10xxxxxx), and of each four-byte lead (11110xxx).
        let continuation = v & !(v << 1) & HI;
        n += 8 - continuation.count_ones() as usize;
        if unit == Unit::Utf16 {
            n += (v & (v << 1) & (v << 2) & (v << 3) & HI).count_ones() as usize;
        }
    }
    n + rest.iter().map(|&b| unit_of(b, unit)).sum::<usize>()
}

fn unit_of(b: u8, unit: Unit) -> usize {
    match (b, unit) {
        (0x80..=0xBF, _) => 0,
        (0xF0..=0xFF, Unit::Utf16) => 2,
        _ => 1,
    }
}

/// Line starts of a text, for line/column on demand.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }
    /// 1-based line number and 0-based byte column of `byte`.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= byte).max(1) - 1;
        (line + 1, byte - self.starts[line])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_of_mixed_text() {
        let text = "Côte d’Ivoire, São Tomé, Türkiye, مصر, 🇯🇵 Japan";
        let map = OffsetMap::new(text, Unit::Utf16);
        for (i, _) in text.char_indices() {
            let expect: usize = text[..i].chars().map(char::len_utf16).sum();
            assert_eq!(map.convert(i), expect, "at byte {i}");
        }
        assert_eq!(map.convert(text.len()), text.encode_utf16().count());
        let japan = text.find("Japan").unwrap();
        assert_eq!(map.convert(japan), text.encode_utf16().count() - 5);
    }

    #[test]
    fn units_eight_bytes_at_a_time_agree_with_byte_by_byte() {
        let text = "aé€😀 Côte d’Ivoire, and then plain ASCII words 🇯🇵 مصر\u{10FFFF}x".repeat(3);
        for unit in [Unit::Utf16, Unit::Char] {
            for s in 0..text.len() {
                for e in s..=text.len() {
                    let b = &text.as_bytes()[s..e];
                    assert_eq!(
                        units_of(b, unit),
                        b.iter().map(|&x| unit_of(x, unit)).sum::<usize>(),
                        "{unit:?} {s}..{e}"
                    );
                }
            }
        }
    }

    #[test]
    fn offsets_at_every_length_and_boundary() {
        let unit_text = "The Council, Côte d’Ivoire and 🇯🇵 Japan. ";
        let long = unit_text.repeat(8);
        for len in (0..=long.len()).filter(|&n| long.is_char_boundary(n)) {
            let text = &long[..len];
            let map = OffsetMap::new(text, Unit::Utf16);
            for (i, _) in text.char_indices().chain([(len, ' ')]) {
                assert_eq!(map.convert(i), text[..i].encode_utf16().count(), "length {len}, byte {i}");
            }
        }
    }

    #[test]
    fn char_offsets_past_many_checkpoints() {
        let text = "é".repeat(500) + "x";
        let map = OffsetMap::new(&text, Unit::Char);
        assert_eq!(map.convert(1000), 500);
        assert_eq!(map.convert(999), 499, "inside a char maps to its start");
        assert_eq!(map.convert(5000), 501, "past the end clamps");
    }

    #[test]
    fn line_col() {
        let idx = LineIndex::new("ab\ncd\n");
        assert_eq!(idx.line_col(0), (1, 0));
        assert_eq!(idx.line_col(4), (2, 1));
        assert_eq!(idx.line_col(6), (3, 0));
    }
}
