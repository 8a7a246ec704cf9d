//! Line and character classes over the raw text: line breaks (LF, CRLF, lone CR), blank lines,
//! indentation, invisible characters (BOM, NBSP, zero-width space, form feed, backspace), sentence
//! punctuation at line ends, and page furniture (PDF headers and footers).
//!
//! Nothing here rewrites the input: every result is a byte span into the original text.

use crate::span::Span;

/// One line of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// Start of the line (after the previous line break).
    pub start: usize,
    /// End of the line, before its line break.
    pub end: usize,
    /// The line without leading and trailing [spaces](is_space); empty at `end` for a blank line.
    pub content: Span,
    /// Leading spaces, tabs or NBSPs before the content (a form feed or BOM is not indentation).
    pub indented: bool,
    /// The line holds a form feed (a PDF page break).
    pub form_feed: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.content.of(text)
    }
}

/// Whitespace and invisible characters that never carry meaning at a line's edges: Unicode
/// whitespace (NBSP included), BOM, zero-width spaces and joiners, soft hyphen, and control
/// characters (form feed, backspace, NUL …).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        // ASCII whitespace and controls: all up to the space, and DEL.
        return c <= ' ' || c == '\x7f';
    }
    c.is_whitespace() || c.is_control() || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}')
}

/// Splits `text` into lines at LF, CRLF and lone CR. Linear; a text without line breaks is one
/// line. The empty text has no lines.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    // Room for a line per 64 bytes: most texts need no more.
    let mut out = Vec::with_capacity(bytes.len() / 64 + 1);
    let (mut start, mut pos, mut form_feed) = (0, 0, false);
    while let Some(i) = next_line_break(bytes, pos) {
        if bytes[i] == b'\x0c' {
            form_feed = true;
            pos = i + 1;
            continue;
        }
        out.push(make_line(text, start, i, form_feed));
        let crlf = bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n');
        start = i + 1 + crlf as usize;
        pos = start;
        form_feed = false;
    }
    if start < bytes.len() {
        out.push(make_line(text, start, bytes.len(), form_feed));
    }
    out
}

/// The first line feed, carriage return or form feed in `hay` at or after `i`: natively 32
/// bytes per step ([`find_32`]), in the wasm eight (`scan::next_line_break`).
fn next_line_break(hay: &[u8], mut i: usize) -> Option<usize> {
    if cfg!(target_arch = "wasm32") {
        return crate::scan::next_line_break(hay, i);
    }
    // Bytes below 0x0e are the cheapest test; tabs and other controls among them are rare.
    loop {
        let k = find_32(hay, i, |b| b < 0x0e)?;
        if matches!(hay[k], b'\n' | b'\r' | b'\x0c') {
            return Some(k);
        }
        i = k + 1;
    }
}

/// The first of the bytes `set` in `hay` at or after `from`: natively 32 bytes per step
/// ([`find_32`]), in the wasm eight (`scan::find_any4`).
pub fn find_any4(hay: &[u8], from: usize, set: [u8; 4]) -> Option<usize> {
    if cfg!(target_arch = "wasm32") {
        return crate::scan::find_any4(hay, from, set);
    }
    let [a, b, c, d] = set;
    find_32(hay, from, |x| (x == a) | (x == b) | (x == c) | (x == d))
}

/// The first byte of `hay` at or after `i` that `hit` accepts, 32 bytes per step: the compiler
/// tests an array of them with vector instructions (SSE2 on x86-64), given a `hit` without
/// branches. Not for the wasm, which is built without them (each byte would be a step).
#[inline(always)]
fn find_32(hay: &[u8], mut i: usize, hit: impl Fn(u8) -> bool) -> Option<usize> {
    // 0xff for each byte of `block` that `hit` accepts, as two numbers with the first byte lowest.
    let found = |block: [u8; 32]| {
        let m = block.map(|b| (hit(b) as u8).wrapping_neg());
        let (lo, hi) = m.split_at(16);
        (u128::from_le_bytes(lo.try_into().unwrap_or_default()), u128::from_le_bytes(hi.try_into().unwrap_or_default()))
    };
    let at = |i: usize, (lo, hi): (u128, u128)| {
        i + (if lo != 0 { lo.trailing_zeros() } else { 128 + hi.trailing_zeros() } / 8) as usize
    };
    while let Some(&block) = hay.get(i..).and_then(|r| r.first_chunk::<32>()) {
        let (lo, hi) = found(block);
        if lo | hi != 0 {
            return Some(at(i, (lo, hi)));
        }
        i += 32;
    }
    // The last bytes, padded; hits in the padding are dropped.
    let rest = hay.get(i..)?;
    let mut block = [0; 32];
    block[..rest.len()].copy_from_slice(rest);
    let (lo, hi) = found(block);
    let n = rest.len() as u32 * 8;
    let (lo, hi) = (
        lo & !(u128::MAX.checked_shl(n).unwrap_or(0)),
        hi & !(u128::MAX.checked_shl(n.saturating_sub(128)).unwrap_or(0)),
    );
    (lo | hi != 0).then(|| at(i, (lo, hi)))
}

fn make_line(text: &str, start: usize, end: usize, form_feed: bool) -> Line {
    if visible_ends(Span::new(start, end).of(text)) {
        return Line { start, end, content: Span::new(start, end), indented: false, form_feed };
    }
    let content = trim(text, Span::new(start, end));
    let lead = Span::new(start, content.start).of(text);
    let indented =
        content.start < end && lead.chars().any(|c| matches!(c, ' ' | '\t' | '\u{A0}' | '\u{2007}' | '\u{202F}'));
    Line { start, end, content, indented, form_feed }
}

/// `span` without leading and trailing [spaces](is_space).
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let lead = space_prefix(s);
    let body = s.len() - lead - space_suffix(s.get(lead..).unwrap_or(""));
    Span::new(span.start + lead, span.start + lead + body)
}

/// `s` starts and ends with a visible ASCII character, as most lines do: nothing to trim.
fn visible_ends(s: &str) -> bool {
    let visible = |b: &u8| *b > b' ' && *b < 0x7f;
    s.as_bytes().first().is_some_and(visible) && s.as_bytes().last().is_some_and(visible)
}

/// `s` without leading and trailing [spaces](is_space) (as `s.trim_matches(is_space)`).
pub fn trim_spaces(s: &str) -> &str {
    if visible_ends(s) {
        return s;
    }
    let lead = space_prefix(s);
    let rest = s.get(lead..).unwrap_or("");
    rest.get(..rest.len() - space_suffix(rest)).unwrap_or("")
}

/// The length of the [spaces](is_space) that start `s`; ASCII bytes are tested without decoding.
pub fn space_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x.is_ascii() {
            if !is_space(x as char) {
                break;
            }
            i += 1;
        } else {
            match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) if is_space(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The length of the [spaces](is_space) that end `s`.
fn space_suffix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = b.len();
    while let Some(&x) = end.checked_sub(1).and_then(|k| b.get(k)) {
        if x.is_ascii() {
            if !is_space(x as char) {
                break;
            }
            end -= 1;
        } else {
            match s.get(..end).and_then(|r| r.chars().next_back()) {
                Some(c) if is_space(c) => end -= c.len_utf8(),
                _ => break,
            }
        }
    }
    b.len() - end
}

/// Closing quotes and brackets that may follow sentence punctuation.
pub fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '»' | '\u{2019}' | '\u{201D}' | '*' | '_')
}

/// Opening quotes and brackets that may precede a sentence's first word.
pub fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '(' | '[' | '«' | '\u{2018}' | '\u{201C}' | '¡' | '¿' | '*' | '_')
}

/// The last character that is not a closing quote or bracket.
fn last_significant(s: &str) -> Option<char> {
    // Most lines end with visible ASCII that closes nothing: that is the character.
    if let Some(&b) = s.as_bytes().last().filter(|&&b| b > b' ' && b < 0x7f && !is_closer(b as char)) {
        return Some(b as char);
    }
    let s = s.get(..s.len() - space_suffix(s)).unwrap_or("");
    s.trim_end_matches(is_closer).chars().next_back()
}

/// The line ends a sentence: `.`, `!`, `?`, `…`, `:` or `;`, maybe followed by closing quotes or
/// brackets.
pub fn ends_sentence(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…' | ':' | ';'))
}

/// The line ends a full stop, question or exclamation (not `:` or `;`).
pub fn ends_full_stop(s: &str) -> bool {
    matches!(last_significant(s), Some('.' | '!' | '?' | '…'))
}

/// The first letter or digit of `s`, after opening quotes, brackets and bullets.
pub fn first_alnum(s: &str) -> Option<char> {
    // Most lines start with an ASCII letter or digit: that is the character.
    if let Some(&b) = s.as_bytes().first().filter(|b| b.is_ascii_alphanumeric()) {
        return Some(b as char);
    }
    s.chars().find(|c| c.is_alphanumeric() || !(is_opener(*c) || is_space(*c) || matches!(c, '-' | '•' | '–' | '—')))
}

/// `s` starts (after quotes or brackets) with a lowercase letter: a continuation.
pub fn starts_lower(s: &str) -> bool {
    first_alnum(s).is_some_and(char::is_lowercase)
}

/// `s` starts with a capital letter, a digit or a quote: can start a sentence.
pub fn starts_sentence(s: &str) -> bool {
    first_alnum(s).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// `s` has letters and none of them is lowercase.
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// How sure a line is to be page furniture on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Furniture {
    /// Only ever furniture: job numbers (`20-00899 (E)`), barcodes (`*2000899*`), page
    /// numbers with totals (`2/28`), page + job number (`13 08-51570`), a record's symbol on its
    /// own line (`S/PV.8701`), `- 3 -`, `Page 2 of 5`.
    Strong,
    /// Furniture when next to strong furniture or a page break: a bare page number (`14`,
    /// `3.`), a numeric date (`13/01/2020`).
    Weak,
}

/// Classifies one [trimmed](trim) line as page furniture by its shape alone. Running titles
/// (repeated lines next to furniture) need the whole text: see `structure`.
pub fn furniture(s: &str) -> Option<Furniture> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 40 {
        return None;
    }
    if is_record_symbol(s) {
        return Some(Furniture::Strong);
    }
    if let Some(inner) = s.strip_prefix('-').and_then(|r| r.strip_suffix('-')) {
        if all_digits(inner.trim(), 1, 4) {
            return Some(Furniture::Strong);
        }
    }
    if let Some(rest) = s.strip_prefix("Page ") {
        let mut parts = rest.split(" of ");
        if parts.next().is_some_and(|p| all_digits(p, 1, 4)) && parts.all(|p| all_digits(p, 1, 4)) {
            return Some(Furniture::Strong);
        }
    }
    if is_numeric_date(b) || s.strip_suffix('.').is_some_and(|n| all_digits(n, 1, 3)) {
        return Some(Furniture::Weak);
    }
    // Tokens between spaces and control characters (pdftotext writes `20-00526\u{8}3/18`): job
    // numbers, `(E)`, page numbers, barcodes.
    let mut strong = false;
    for tok in s.split(is_space).filter(|t| !t.is_empty()) {
        let tb = tok.as_bytes();
        if is_job_number(tok) || is_barcode(tb) || is_page_of(tb) {
            strong = true;
        } else if !(all_digits(tok, 1, 4)
            || (tb.len() == 3 && tb[0] == b'(' && tb[2] == b')' && tb[1].is_ascii_uppercase()))
        {
            return None;
        }
    }
    Some(if strong { Furniture::Strong } else { Furniture::Weak }).filter(|_| strong || all_digits(s, 1, 4))
}

fn all_digits(s: &str, min: usize, max: usize) -> bool {
    (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
}

/// `20-00899`, `20-00899 (E)`, `08-51570`.
fn is_job_number(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 8 || !(b[..2].iter().all(u8::is_ascii_digit) && b[2] == b'-' && b[3..8].iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    let rest = s[8..].trim();
    rest.is_empty()
        || (rest.len() == 3 && rest.starts_with('(') && rest.ends_with(')') && rest.as_bytes()[1].is_ascii_uppercase())
}

/// `*2000899*`.
fn is_barcode(b: &[u8]) -> bool {
    b.len() >= 6 && b[0] == b'*' && b[b.len() - 1] == b'*' && b[1..b.len() - 1].iter().all(u8::is_ascii_digit)
}

/// `2/28`.
fn is_page_of(b: &[u8]) -> bool {
    let Some(slash) = b.iter().position(|&c| c == b'/') else { return false };
    let (a, c) = (&b[..slash], &b[slash + 1..]);
    (1..=4).contains(&a.len())
        && (1..=4).contains(&c.len())
        && a.iter().chain(c).all(u8::is_ascii_digit)
        && c[0] != b'0'
}

/// `13/01/2020`, `08.01.2020`.
fn is_numeric_date(b: &[u8]) -> bool {
    b.len() == 10
        && (b[2] == b'/' || b[2] == b'.')
        && b[5] == b[2]
        && [0, 1, 3, 4, 6, 7, 8, 9].iter().all(|&i| b[i].is_ascii_digit())
}

/// A verbatim record's symbol alone on a line: `S/PV.8701`, `S/PV. 8698`, `A/71/PV.10`,
/// `S/PV.8699 (Resumption 1)`.
pub fn is_record_symbol(s: &str) -> bool {
    record_symbol_len(s).is_some_and(|n| {
        let rest = s[n..].trim();
        rest.is_empty() || (rest.starts_with('(') && rest.ends_with(')') && rest.len() < 24)
    })
}

/// The length of a record symbol at the start of `s` (`S/PV.8701`, `S/ PV.7802`, `A/63/PV.5`).
pub fn record_symbol_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 6 || !matches!(b[0], b'S' | b'A' | b'E') || b[1] != b'/' {
        return None;
    }
    let mut i = 2;
    let skip_space = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    skip_space(&mut i);
    // `A/63/` or `A/ES-10/`: a session before `PV`.
    if i < b.len() && b[i] != b'P' {
        let s0 = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == s0 || i >= b.len() || b[i] != b'/' {
            return None;
        }
        i += 1;
    }
    if !b[i..].starts_with(b"PV.") {
        return None;
    }
    i += 3;
    skip_space(&mut i);
    let d0 = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    (i > d0 && (i == b.len() || !b[i].is_ascii_alphanumeric())).then_some(i)
}

/// Words of `s` (runs of letters and digits, joined by single inner `-`, `'`, `’` or `.`), with
/// their byte offsets in `s`.
pub fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    while let Some((i, c)) = it.next() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
            last_end = i + c.len_utf8();
        } else if start.is_some()
            && matches!(c, '-' | '\'' | '\u{2019}' | '.' | '\u{2011}')
            && it.peek().is_some_and(|&(_, n)| n.is_alphanumeric())
        {
            // An inner connector: the word goes on.
        } else if let Some(st) = start.take() {
            out.push((st, &s[st..last_end]));
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..last_end]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_of_every_kind() {
        let text = "a\r\nb\rc\n\n\u{FEFF} d \u{A0}\n\u{c}S/PV.8701";
        let got: Vec<&str> = lines(text).iter().map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "b", "c", "", "d", "S/PV.8701"]);
        let ls = lines(text);
        assert!(ls[4].indented && !ls[5].indented && ls[5].form_feed);
    }

    #[test]
    fn fast_paths_agree_with_char_searches() {
        let slow_space = |c: char| {
            c.is_whitespace()
                || c.is_control()
                || matches!(c, '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}')
        };
        for c in (0..0x3100).filter_map(char::from_u32) {
            assert_eq!(is_space(c), slow_space(c), "{c:?}");
        }
        for s in ["", " ", "\u{A0}a b\u{200B} ", "\u{c}\tx\u{7f}", "é ", " \u{2028}ü\u{3000}", "abc", "\r\n\u{FEFF}"]
        {
            assert_eq!(trim_spaces(s), s.trim_matches(slow_space), "{s:?}");
            assert_eq!(trim(s, Span::new(0, s.len())).of(s), s.trim_matches(slow_space), "{s:?}");
        }
        // Breaks before, inside and after eight-byte words; form feeds mark their line only.
        let text = "first line of text\r\nsecond\u{c} page\rthird…\n\nfourth line, long enough\n";
        let got: Vec<(&str, bool)> = lines(text).iter().map(|l| (l.text(text), l.form_feed)).collect();
        let want = [("first line of text", false), ("second\u{c} page", true), ("third…", false), ("", false)];
        assert_eq!(got[..4], want);
        assert_eq!(got[4..], [("fourth line, long enough", false)]);
    }

    #[test]
    fn block_searches_agree_with_byte_loops() {
        // Hits before, inside, across and after 32-byte blocks, non-ASCII bytes among them.
        let text = "He said… No! Why? Yes.\tThe\u{c}end\r\nof it\u{b}—the ‘line’ goes on and on. Then\n";
        let b = text.as_bytes();
        let sets = [[b'.', b'!', b'?', 0xE2], [b'\n'; 4], [0x80, b' ', b'x', b'o']];
        for from in 0..=b.len() + 1 {
            for set in sets {
                let want = b.get(from..).and_then(|r| r.iter().position(|x| set.contains(x))).map(|k| from + k);
                assert_eq!(find_any4(b, from, set), want, "{set:?} from {from}");
            }
            let breaks = |x: &u8| matches!(x, b'\n' | b'\r' | b'\x0c');
            let want = b.get(from..).and_then(|r| r.iter().position(breaks)).map(|k| from + k);
            assert_eq!(next_line_break(b, from), want, "line break from {from}");
            assert_eq!(crate::scan::next_line_break(b, from), want, "line break from {from}");
        }
    }

    #[test]
    fn furniture_shapes() {
        let cases: &[(&str, Option<Furniture>)] = &[
            ("S/PV.8701", Some(Furniture::Strong)),
            ("S/PV. 8698", Some(Furniture::Strong)),
            ("A/71/PV.10", Some(Furniture::Strong)),
            ("20-00899", Some(Furniture::Strong)),
            ("20-00899 (E)", Some(Furniture::Strong)),
            ("*2000899*", Some(Furniture::Strong)),
            ("2/28", Some(Furniture::Strong)),
            ("2/2\u{8}", Some(Furniture::Strong)),
            ("20-00526\u{8}3/18", Some(Furniture::Strong)),
            ("13 08-51570", Some(Furniture::Strong)),
            ("08-51570 14", Some(Furniture::Strong)),
            ("- 3 -", Some(Furniture::Strong)),
            ("13/01/2020", Some(Furniture::Weak)),
            ("14", Some(Furniture::Weak)),
            ("3.", Some(Furniture::Weak)),
            ("S/2019/823", None),
            ("2020-2024", None),
            ("12 13", None),
            ("New York", None),
        ];
        for &(s, want) in cases {
            assert_eq!(furniture(s), want, "{s:?}");
        }
    }

    #[test]
    fn sentence_ends_and_starts() {
        assert!(ends_sentence("the end.”") && ends_sentence("In favour:") && !ends_sentence("Mr. President,"));
        assert!(starts_lower("“do.”") && starts_sentence("“There") && starts_sentence("2020 was"));
        let plain = |s: &str| {
            s.chars()
                .find(|c| c.is_alphanumeric() || !(is_opener(*c) || is_space(*c) || matches!(c, '-' | '•' | '–' | '—')))
        };
        for s in ["", "a.", "Z9", "9", "“do", " x", "-", "é", "_a", "*B", "\u{A0}1"] {
            assert_eq!(first_alnum(s), plain(s), "{s:?}");
        }
    }

    #[test]
    fn words_keep_inner_punctuation() {
        let got: Vec<&str> =
            words("H.E. Mr. Koro Bessho, Secretary-General’s (U.N.)").into_iter().map(|(_, w)| w).collect();
        assert_eq!(got, ["H.E", "Mr", "Koro", "Bessho", "Secretary-General’s", "U.N"]);
    }
}
