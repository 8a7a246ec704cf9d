//! A phrase matcher over word tokens: the gazetteers, the office and heading lists, and names and
//! acronyms seen earlier in a text are all found with it.
//!
//! Text is read as tokens: a word (a run of letters, digits and `_`) or any other single
//! character, each with the gap before it: none, spaces (any run of whitespace, line breaks
//! included) or a blank line. A phrase is a token sequence; it matches where the text has the
//! same tokens with the same gaps, except that a blank line never matches, so no phrase runs
//! across paragraphs. Curly quotes match straight ones and Unicode hyphens `-`
//! ([`fold_char`]); in [`Case::Ascii`] mode ASCII letters match either case.
//!
//! Phrases live in a trie whose edges are keyed by a hash of (node, gap, token): one probe of an
//! open-addressing table per token step. A text is read 64 bytes at a time for where its words
//! start ([`crate::scan::Block`]); a table of first bytes and a bit set of first-token hashes let
//! most words go by without a probe, and lists that only capitals start (names, acronyms) look
//! only at the words that start with one. A hash collision cannot produce
//! a false match: every match is checked against its phrase before it is reported.

use crate::scan::{ascii_word_end, head_in, mix, Block, HeadSet};
use crate::span::Span;

/// How letters compare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Case {
    /// ASCII letters match in either case; other characters exactly.
    Ascii,
    Exact,
}

/// The space before a token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Gap {
    None,
    Space,
    /// Whitespace holding two or more line feeds.
    Blank,
}

/// A word or one other character of a text.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
    /// Hash of the token's characters (quotes and hyphens folded; ASCII lowercased in
    /// [`Case::Ascii`] mode).
    pub hash: u64,
}

/// The start of every token hash.
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
const ROOT: u32 = 0;
const FILTER_BITS: usize = 1 << 16;
/// The [`head`](crate::scan::head) of the ASCII word `start..end` (its word bytes, maybe followed by other letters),
/// its first byte as written when that is a capital.
#[inline(always)]
fn cased_head(bytes: &[u8], start: usize, end: usize) -> u32 {
    head_in(bytes, start, end) & !((bytes[start].is_ascii_uppercase() as u32) << 5)
}

/// No phrase (the end of a list of phrases).
const NONE: u32 = u32::MAX;

/// An edge of the trie, with what its node holds.
#[derive(Clone, Copy)]
struct Edge {
    key: u64,
    node: u32,
    /// The first phrase that ends at the node, or [`NONE`] ([`Stored::next`] links the others).
    ending: u32,
}

/// A phrase as stored.
struct Stored {
    /// Where it lies in [`Phrases::text`].
    start: u32,
    end: u32,
    /// The next phrase that ends at the same node, or [`NONE`].
    next: u32,
    /// Reported only where its first letter is a capital ([`Phrases::add_capitalized`]).
    capital: bool,
}

/// Whole phrases, matched token by token.
pub struct Phrases {
    case: Case,
    /// The phrases as added (folded), one after another (not a `String` each: fewer cache lines
    /// to read as a text is matched).
    text: String,
    /// By phrase id.
    phrases: Vec<Stored>,
    edges: Edges,
    /// By node: some phrase goes on from it.
    has_next: Vec<bool>,
    /// Bit `hash >> 48` is set when some phrase starts with a token of that hash.
    first: Vec<u64>,
    /// The [`cased_head`]s of the phrases' first words (in both cases of a first letter that may
    /// be written either way): most words of a text are passed over on it without being hashed.
    heads: HeadSet,
    /// The first bytes a phrase's first token can have in a text.
    first_byte: [bool; 256],
    /// Those of them outside words, as a dense matcher looks for them.
    others: Others,
    /// No phrase starts with a lowercase ASCII letter or a digit: the text is skimmed for the
    /// bytes that phrases start with, one by one (unless [`Self::capitals_only`]).
    sparse: bool,
    /// Only ASCII capitals and non-ASCII bytes start phrases (names, acronyms): of the words read
    /// 64 bytes at a time, only those that start with a capital are looked at.
    capitals_only: bool,
}

impl Phrases {
    pub fn new(case: Case) -> Phrases {
        Phrases {
            case,
            text: String::new(),
            phrases: Vec::new(),
            edges: Edges { slots: vec![FREE; 16], len: 0 },
            has_next: vec![false],
            first: vec![0; FILTER_BITS / 64],
            heads: HeadSet::new(16),
            first_byte: [false; 256],
            others: Others::None,
            sparse: true,
            capitals_only: true,
        }
    }

    /// Adds a phrase; its id is the number of phrases added before it. A phrase without a token
    /// (empty or all spaces) is kept but never matches.
    pub fn add(&mut self, phrase: &str) -> u32 {
        self.add_with(phrase, false)
    }

    /// [`Self::add`] for a phrase that starts with an ASCII capital and is reported only where it
    /// is written with that capital (in [`Case::Exact`] mode every phrase is): most words of a
    /// text, written in lowercase, then cannot start it.
    pub fn add_capitalized(&mut self, phrase: &str) -> u32 {
        self.add_with(phrase, true)
    }

    fn add_with(&mut self, phrase: &str, capitalized: bool) -> u32 {
        let id = self.phrases.len() as u32;
        let start = self.text.len() as u32;
        self.text.push_str(&fold(phrase.trim()));
        let capitalized = capitalized && phrase.trim_start().starts_with(|c: char| c.is_ascii_uppercase());
        self.phrases.push(Stored { start, end: self.text.len() as u32, next: NONE, capital: capitalized });
        let mut node = ROOT;
        let mut pos = 0;
        // The key of the edge to `node`.
        let mut last = None;
        while let Some(t) = next_token(phrase, pos, self.case) {
            let key = edge_key(node, if last.is_some() { t.gap } else { Gap::None }, t.hash);
            if last.is_none() {
                let bit = (t.hash >> 48) as usize;
                self.first[bit / 64] |= 1 << (bit % 64);
                let b = phrase.as_bytes()[t.start];
                if CLASS[b as usize] == WORD {
                    // With the first letter as written, and in the other case where that may match.
                    let bytes = phrase.as_bytes();
                    let h = cased_head(bytes, t.start, ascii_word_end(bytes, t.start));
                    self.heads.insert(h);
                    if self.case == Case::Ascii && !capitalized && b.is_ascii_alphabetic() {
                        self.heads.insert(h ^ 0x20);
                    }
                }
                self.may_start_with(b);
                if self.case == Case::Ascii {
                    self.may_start_with(b.to_ascii_uppercase());
                    self.may_start_with(b.to_ascii_lowercase());
                }
                let c = phrase[t.start..].chars().next().unwrap_or(' ');
                if CLASS[b as usize] != WORD && !is_alnum(c) {
                    // A mark (no letter or digit is folded): written as it folds (`-` for `‑`),
                    // or as any character that folds to that (any lead byte).
                    self.may_start_with(fold_char(c).encode_utf8(&mut [0; 4]).as_bytes()[0]);
                    (0x80..=0xff).for_each(|b| self.may_start_with(b));
                }
            }
            node = match self.edges.get(key) {
                Some(e) => e.node,
                None => {
                    let n = self.has_next.len() as u32;
                    self.has_next.push(false);
                    self.has_next[node as usize] = true;
                    self.edges.insert(Edge { key, node: n, ending: NONE });
                    n
                }
            };
            pos = t.end;
            last = Some(key);
        }
        if let Some(key) = last {
            // Last in the node's list.
            let slot = self.edges.slot(key);
            match self.edges.slots[slot].ending {
                NONE => self.edges.slots[slot].ending = id,
                mut last => {
                    while self.phrases[last as usize].next != NONE {
                        last = self.phrases[last as usize].next;
                    }
                    self.phrases[last as usize].next = id;
                }
            }
        }
        id
    }

    /// Notes that a phrase may start with byte `b` in a text, and what that rules out.
    fn may_start_with(&mut self, b: u8) {
        if !self.first_byte[b as usize] && CLASS[b as usize] != WORD {
            self.others = match self.others {
                _ if b < 0x21 => Others::All,
                Others::None | Others::High if b >= 0x80 => Others::High,
                Others::All => Others::All,
                _ => Others::Marks,
            };
        }
        self.first_byte[b as usize] = true;
        self.sparse &= !(b.is_ascii_lowercase() || b.is_ascii_digit());
        self.capitals_only &= b >= 0x80 || b.is_ascii_uppercase();
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The phrase `id` as stored: trimmed, quotes and hyphens folded, one space for each gap.
    pub fn phrase(&self, id: u32) -> &str {
        let p = &self.phrases[id as usize];
        &self.text[p.start as usize..p.end as usize]
    }

    /// Calls `f(span, id)` for every phrase occurrence that starts at a token of `text`, shorter
    /// before longer at each start, overlapping ones included.
    pub fn for_each(&self, text: &str, mut f: impl FnMut(Span, u32)) {
        let mut pos = 0;
        let mut cursor = self.cursor(text);
        while let Some(t) = self.next_start(text, pos, &mut cursor) {
            pos = t.end;
            self.walk(text, t, &mut f);
        }
    }

    /// The next token at or after `pos` that may start a phrase; the others are skipped without
    /// being hashed when their first bytes rule them out. (The gap before it is not reported.)
    /// `cursor` carries what was read of the text from one call to the next.
    fn next_start(&self, text: &str, pos: usize, cursor: &mut Cursor) -> Option<Token> {
        if self.sparse && !self.capitals_only {
            return self.next_start_sparse(text, pos);
        }
        let bytes = text.as_bytes();
        if pos < cursor.base || pos >= cursor.base + STEP {
            self.read_block(bytes, pos, cursor);
        } else {
            cursor.found &= u64::MAX << (pos - cursor.base);
        }
        loop {
            while cursor.found == 0 {
                if cursor.base + STEP >= bytes.len() {
                    return None;
                }
                self.read_block(bytes, cursor.base + STEP, cursor);
            }
            let k = cursor.found.trailing_zeros() as usize;
            cursor.found &= cursor.found - 1;
            let start = cursor.base + k;
            let b = bytes[start];
            // The word bytes from `start` on: eight or more of them are known.
            let w = cursor.words >> k;
            let end = if w & 1 != 0 {
                // Most tokens: an ASCII word, hashed only when its first bytes pass.
                if start > 0 && bytes[start - 1] >= 0x80 && glued(text, start) {
                    continue;
                }
                let head_len = (!w | 0x10).trailing_zeros() as usize;
                if !self.heads.may_contain(cased_head(bytes, start, start + head_len)) {
                    continue;
                }
                let run = (!w).trailing_zeros() as usize;
                let e = if k + run < 64 { start + run } else { ascii_word_end(bytes, start) };
                if bytes.get(e).is_some_and(|&b| b >= 0x80) {
                    token_end(text, start)
                } else {
                    e
                }
            } else {
                // Outside words, a byte some phrase starts with: a mark, or a character's first byte.
                if !self.first_byte[b as usize] || !text.is_char_boundary(start) {
                    continue;
                }
                if b >= 0x80 {
                    let c = text[start..].chars().next().unwrap_or(' ');
                    if c.is_whitespace() || (is_alnum(c) && glued(text, start)) {
                        continue;
                    }
                }
                token_end(text, start)
            };
            let hash = token_hash(text, start, end, self.case);
            if self.may_start(hash) {
                return Some(Token { start, end, gap: Gap::None, hash });
            }
        }
    }

    /// A cursor at the start of `text`.
    fn cursor(&self, text: &str) -> Cursor {
        let mut cursor = Cursor::default();
        if !self.sparse || self.capitals_only {
            self.read_block(text.as_bytes(), 0, &mut cursor);
        }
        cursor
    }

    /// Fills `cursor` with the [`STEP`] bytes of `bytes` from `base`: where their words are, and where
    /// a token that may start a phrase can start (each word's first byte, and outside words the
    /// bytes [`Self::others`] selects).
    fn read_block(&self, bytes: &[u8], base: usize, cursor: &mut Cursor) {
        // Only words that start with a capital can start a phrase, when no other letter does.
        let (b, starts) = if self.capitals_only {
            let b = Block::read(bytes, base);
            (b, b.upper)
        } else {
            (Block::read(bytes, base), u64::MAX)
        };
        let words = b.words;
        let others = match self.others {
            Others::None => 0,
            Others::High => b.high,
            Others::Marks => !words & !b.low,
            Others::All => !words,
        };
        let before = base.checked_sub(1).is_some_and(|p| bytes.get(p).is_some_and(|&b| CLASS[b as usize] == WORD));
        let valid = match bytes.len().saturating_sub(base) {
            n if n >= 64 => u64::MAX,
            n => (1 << n) - 1,
        };
        cursor.base = base;
        cursor.words = words;
        cursor.found = (words & !(words << 1 | before as u64) & starts | others) & valid & ((1 << STEP) - 1);
    }

    /// Non-overlapping occurrences, leftmost first and then longest, as (span, id); `accept`
    /// can refuse one (the next shorter phrase at that start is tried then).
    pub fn leftmost_longest(&self, text: &str, mut accept: impl FnMut(Span, u32) -> bool) -> Vec<(Span, u32)> {
        let mut out = Vec::new();
        let mut pos = 0;
        let mut found: Vec<(Span, u32)> = Vec::new();
        let mut cursor = self.cursor(text);
        while let Some(t) = self.next_start(text, pos, &mut cursor) {
            pos = t.end;
            found.clear();
            self.walk(text, t, &mut |s, id| found.push((s, id)));
            if let Some(&(span, id)) = found.iter().rev().find(|&&(s, id)| accept(s, id)) {
                out.push((span, id));
                pos = span.end;
            }
        }
        out
    }

    /// The longest phrase that starts at the first token of `text` (after any leading space), as
    /// (end, id).
    pub fn longest_at_start(&self, text: &str) -> Option<(usize, u32)> {
        let t = next_token(text, 0, self.case)?;
        let mut best = None;
        if self.may_start(t.hash) {
            self.walk(text, t, &mut |s: Span, id| {
                if best.is_none_or(|(end, _)| s.end > end) {
                    best = Some((s.end, id));
                }
            });
        }
        best
    }

    /// [`Self::next_start`] jumping from one possible first byte to the next.
    fn next_start_sparse(&self, text: &str, mut pos: usize) -> Option<Token> {
        let bytes = text.as_bytes();
        loop {
            let start = pos + bytes.get(pos..)?.iter().position(|&b| self.first_byte[b as usize])?;
            pos = start + 1;
            if !text.is_char_boundary(start) {
                continue;
            }
            if CLASS[bytes[start] as usize] == WORD {
                let e = ascii_word_end(bytes, start);
                if !self.heads.may_contain(cased_head(bytes, start, e)) {
                    pos = e;
                    continue;
                }
            }
            let end = token_end(text, start);
            let word = CLASS[bytes[start] as usize] == WORD || text[start..].starts_with(is_alnum);
            if (word && glued(text, start)) || text[start..].starts_with(char::is_whitespace) {
                continue;
            }
            let hash = token_hash(text, start, end, self.case);
            if self.may_start(hash) {
                return Some(Token { start, end, gap: Gap::None, hash });
            }
            pos = end;
        }
    }

    fn may_start(&self, hash: u64) -> bool {
        let bit = (hash >> 48) as usize;
        self.first[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Follows the trie from token `t`, reporting each phrase that ends on the way (checked).
    fn walk(&self, text: &str, t: Token, f: &mut impl FnMut(Span, u32)) {
        let start = t.start;
        let mut node = ROOT;
        let mut gap = Gap::None;
        let mut next = Some(t);
        while let Some(t) = next {
            let Some(edge) = self.edges.get(edge_key(node, gap, t.hash)) else { break };
            node = edge.node;
            let mut id = edge.ending;
            // (`NONE` is past the last id.)
            while let Some(p) = self.phrases.get(id as usize) {
                let written = !p.capital || text.as_bytes()[start].is_ascii_uppercase();
                if written && folds_to(&text[start..t.end], self.phrase(id), self.case) {
                    f(Span::new(start, t.end), id);
                }
                id = p.next;
            }
            if !self.has_next[node as usize] {
                break;
            }
            next = next_token(text, t.end, self.case).filter(|t| t.gap != Gap::Blank);
            gap = next.map_or(Gap::None, |t| t.gap);
        }
    }
}

/// The trie's edges by [`edge_key`], in open addressing: a lookup reads a slot or a few in a row,
/// most often one cache line (the words of a text ask for edges all over the table).
struct Edges {
    /// At most half are taken; a free one leads to the root (never a child).
    slots: Vec<Edge>,
    len: usize,
}

const FREE: Edge = Edge { key: 0, node: ROOT, ending: NONE };

impl Edges {
    /// The slot of `key`, or the free one where it would go.
    fn slot(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = (key >> 32) as usize & mask;
        while self.slots[i].node != ROOT && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        i
    }

    fn get(&self, key: u64) -> Option<Edge> {
        Some(self.slots[self.slot(key)]).filter(|e| e.node != ROOT)
    }

    /// Adds an edge whose key is not there yet.
    fn insert(&mut self, edge: Edge) {
        if 2 * (self.len + 1) > self.slots.len() {
            let size = 2 * self.slots.len();
            let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
            self.len = 0;
            old.into_iter().filter(|e| e.node != ROOT).for_each(|e| self.insert(e));
        }
        let i = self.slot(edge.key);
        self.slots[i] = edge;
        self.len += 1;
    }
}

/// How a dense matcher finds, outside words, the bytes that phrases start with.
#[derive(Clone, Copy)]
enum Others {
    None,
    /// Non-ASCII characters' bytes, checked one by one.
    High,
    /// Any byte above 0x20 (ASCII marks, non-ASCII characters), checked one by one.
    Marks,
    /// Any byte outside words (some phrase starts with a control character).
    All,
}

/// A dense matcher reads a text 64 bytes at a time and takes its tokens' starts from the first
/// 56: where a word starts, the mask holds at least its first eight bytes.
const STEP: usize = 56;

/// What a dense matcher has read of a text: 64 bytes from `base`.
#[derive(Default)]
struct Cursor {
    base: usize,
    /// Bit k: byte `base + k` is an ASCII word byte.
    words: u64,
    /// Bit k: a token that may start a phrase may start at `base + k`, not tried yet.
    found: u64,
}

/// Byte classes: ASCII letters, digits and `_`; ASCII whitespace; other ASCII; the bytes of
/// non-ASCII characters (decoded to be classed).
const WORD: u8 = 1;
const SPACE: u8 = 2;
const OTHER: u8 = 3;
const MULTI: u8 = 4;
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            MULTI
        } else if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// [`char::is_alphanumeric`], answered without Unicode's tables for the non-ASCII characters texts
/// have most: Latin-1 letters, and General Punctuation (curly quotes, dashes, the ellipsis).
fn is_alnum(c: char) -> bool {
    match c {
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Whether a word character at `start` goes on the word before it (no token starts there).
fn glued(text: &str, start: usize) -> bool {
    text[..start].chars().next_back().is_some_and(|c| is_alnum(c) || c == '_')
}

/// The end of the whitespace at `pos` and the gap it makes.
fn skip_space(text: &str, mut pos: usize) -> (usize, Gap) {
    let bytes = text.as_bytes();
    let start = pos;
    let mut line_feeds = 0;
    while let Some(&b) = bytes.get(pos) {
        match CLASS[b as usize] {
            SPACE => {
                line_feeds += (b == b'\n') as u32;
                pos += 1;
            }
            MULTI => match text[pos..].chars().next() {
                Some(c) if c.is_whitespace() => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    let gap = match (pos > start, line_feeds >= 2) {
        (false, _) => Gap::None,
        (true, false) => Gap::Space,
        (true, true) => Gap::Blank,
    };
    (pos, gap)
}

/// The end of the token at `pos` (not at whitespace): a word, or one character.
fn token_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut pos = ascii_word_end(bytes, start);
    while let Some(&b) = bytes.get(pos) {
        match CLASS[b as usize] {
            WORD => pos += 1,
            MULTI => match text[pos..].chars().next() {
                Some(c) if is_alnum(c) => pos += c.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    if pos == start {
        pos += text[start..].chars().next().map_or(1, char::len_utf8);
    }
    pos
}

/// The hash of the token `start..end`: the word's bytes eight at a time (ASCII lowercased by
/// setting bit 5 of every byte, which may also merge some non-ASCII bytes: matches are checked),
/// or the folded character.
fn token_hash(text: &str, start: usize, end: usize, case: Case) -> u64 {
    let bytes = &text.as_bytes()[start..end];
    if CLASS[bytes[0] as usize] == WORD || (bytes[0] >= 0x80 && text[start..].starts_with(is_alnum)) {
        let fold = if case == Case::Ascii { 0x2020_2020_2020_2020u64 } else { 0 };
        let all = text.as_bytes();
        let mut h = mix(SEED, bytes.len() as u64);
        let mut at = start;
        while at < end {
            let n = (end - at).min(8);
            // Eight bytes at once where the text has them, the last few one by one.
            let v = match all.get(at..at + 8) {
                Some(b8) => u64::from_le_bytes(b8.try_into().unwrap_or_default()),
                None => all[at..at + n].iter().rev().fold(0, |v, &b| v << 8 | b as u64),
            };
            let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
            h = mix(h, (v | fold) & mask);
            at += n;
        }
        h
    } else {
        let c = text[start..end].chars().next().unwrap_or(' ');
        mix(mix(SEED, 0x11_0000), fold_char(c) as u64)
    }
}

/// The token at or after `pos` (a character boundary), with the gap before it.
pub fn next_token(text: &str, pos: usize, case: Case) -> Option<Token> {
    let (start, gap) = skip_space(text, pos);
    if start >= text.len() {
        return None;
    }
    let end = token_end(text, start);
    Some(Token { start, end, gap, hash: token_hash(text, start, end, case) })
}

fn edge_key(node: u32, gap: Gap, hash: u64) -> u64 {
    mix(mix(hash, node as u64), gap as u64)
}

/// Straight quotes for curly ones, `-` for Unicode hyphens.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// `s` with characters folded and each run of whitespace one space (a line feed when the run
/// holds a blank line).
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    while let Some(t) = next_token(s, pos, Case::Exact) {
        match t.gap {
            Gap::None => {}
            Gap::Space if out.is_empty() => {}
            Gap::Space => out.push(' '),
            Gap::Blank => out.push('\n'),
        }
        out.extend(s[t.start..t.end].chars().map(fold_char));
        pos = t.end;
    }
    out
}

/// Whether `surface` folds to `phrase` (already folded), letters compared as `case` says.
pub fn folds_to(surface: &str, phrase: &str, case: Case) -> bool {
    // Most often the surface is the phrase as it is, byte for byte (a folded phrase has single
    // spaces and no character that folds; only a line feed in it, from a blank line, never
    // matches).
    let fold = if case == Case::Ascii { 0x20 } else { 0 };
    let same = |(s, p): (u8, u8)| s == p && p != b'\n' || s | fold == p | fold && p.is_ascii_alphabetic();
    if surface.len() == phrase.len() && surface.bytes().zip(phrase.bytes()).all(same) {
        return true;
    }
    let mut want = phrase.chars();
    let mut space = false;
    for c in surface.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if std::mem::take(&mut space) && want.next() != Some(' ') {
            return false;
        }
        let c = fold_char(c);
        match want.next() {
            Some(w) if w == c || (case == Case::Ascii && w.eq_ignore_ascii_case(&c)) => {}
            _ => return false,
        }
    }
    want.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &Phrases, text: &str) -> Vec<(String, u32)> {
        let mut out = Vec::new();
        p.for_each(text, |s, id| out.push((s.of(text).to_string(), id)));
        out
    }

    #[test]
    fn tokens_gaps_and_case() {
        let mut p = Phrases::new(Case::Ascii);
        p.add("Côte d'Ivoire");
        p.add("United States");
        p.add("United States of America");
        p.add("UN");
        let text = "CÔTE d’Ivoire, côte D'ivoire and the united\n  States of America.\n\nUnited\n\nStates UNDP UN";
        assert_eq!(
            all(&p, text),
            vec![
                ("côte D'ivoire".to_string(), 0),
                ("united\n  States".to_string(), 1),
                ("united\n  States of America".to_string(), 2),
                ("UN".to_string(), 3),
            ]
        );
    }

    #[test]
    fn exact_case_and_leftmost_longest() {
        let mut p = Phrases::new(Case::Exact);
        p.add("Bessho");
        p.add("Koro Bessho");
        p.add("Koro");
        let text = "Koro Bessho met bessho and Bessho’s staff; Koro";
        let found: Vec<_> = p.leftmost_longest(text, |_, _| true).into_iter().map(|(s, id)| (s.of(text), id)).collect();
        assert_eq!(found, vec![("Koro Bessho", 1), ("Bessho", 0), ("Koro", 2)]);
        // A refused match gives way to the next shorter one.
        let found: Vec<_> = p.leftmost_longest(text, |s, _| s.len() < 8).into_iter().map(|(s, _)| s.of(text)).collect();
        assert_eq!(found, vec!["Koro", "Bessho", "Bessho", "Koro"]);
        // Only capitals start these phrases: the text is skimmed for them (and for glued words).
        p.add("Émile");
        let text = "Émile, xÉmile, _Émile, Émiles and «Émile»";
        let found: Vec<_> = p.leftmost_longest(text, |_, _| true).into_iter().map(|(s, _)| s.start).collect();
        assert_eq!(found, vec![0, text.rfind("Émile").unwrap()]);
    }

    #[test]
    fn start_of_text_and_odd_input() {
        let mut p = Phrases::new(Case::Ascii);
        p.add("Permanent Representative");
        p.add("");
        assert_eq!(p.longest_at_start("  permanent representative of Japan"), Some((26, 0)));
        assert_eq!(p.longest_at_start("Japan"), None);
        for text in ["", " ", "\u{0}", "\u{feff}\u{202e}", "a\u{0301}b", "\n\n\n"] {
            assert!(all(&p, text).is_empty());
        }
    }

    #[test]
    fn alphanumeric_shortcut() {
        for c in ('\0'..='\u{3000}').chain(['\u{10ffff}']) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn folding() {
        assert_eq!(
            fold("  the Russian\r\n  Federation’s\n\n Côte d’Ivoire "),
            "the Russian Federation's\nCôte d'Ivoire"
        );
    }
}
