//! Person names: the capitalised words after an honorific (`Mr.`, `H.E.`), an office
//! (`Foreign Minister`, `Secretary-General`) or a header's `Statement by`; then later mentions of
//! the same names anywhere in the text.

use std::sync::OnceLock;

use super::gazetteer::{is_boundary, GazMatch};
use super::Candidate;
use crate::model::EntityKind;
use crate::phrases::{Case, Phrases};
use crate::scan::{
    head, is_space, keep_initials, load_padded, skip_spaces, up_to_space, word_in, Block, HeadSet, WordSet,
};
use crate::span::Span;

struct NameRules {
    honorifics: WordSet,
    /// `initials[b]`: some honorific starts with byte `b`.
    initials: [bool; 256],
    /// The first two bytes of the honorifics that start with no ASCII capital, when at most four
    /// (repeated to fill the array) and none is shorter: a test of a few bytes (see
    /// [`text_triggers`]).
    other_pairs: Option<[[u8; 2]; 4]>,
    /// The honorifics' heads, with and without a full stop after them.
    heads: HeadSet,
    /// The header nouns' first three bytes, as [`head`]s.
    header_heads: HeadSet,
    stopwords: WordSet,
}

/// A header line that introduces its speaker: "Statement by …", "Anförande av …" (each starts
/// with an ASCII capital).
const HEADER_NOUNS: &[&str] = &[
    "Statement",
    "Remarks",
    "Address",
    "Speech",
    "Intervention",
    "Briefing",
    "Anförande",
    "Tal",
    "Inlägg",
    "Discurso",
    "Intervención",
    "Palabras",
    "Discours",
    "Déclaration",
    "Allocution",
];
const HEADER_LINKS: &[&str] = &["by", "of", "av", "de", "del", "du"];

const PARTICLES: &[&str] = &[
    "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "la", "le", "bin",
    "ibn", "bint", "al", "el", "y", "e",
];

/// Offices that are also common surnames; after an honorific they are names.
const SURNAME_ROLES: &[&str] = &["King", "Queen", "Prince", "Chief", "Head", "Bishop", "Marshal", "Judge"];

fn rules() -> &'static NameRules {
    static R: OnceLock<NameRules> = OnceLock::new();
    R.get_or_init(|| {
        // The structure parser's list; names are read word by word, so one-word titles only.
        let honorifics: WordSet =
            crate::data::entries(data_file!("data", "honorifics.txt")).filter(|h| !h.contains(' ')).collect();
        let mut initials = [false; 256];
        let mut heads = HeadSet::new(12);
        for h in &honorifics {
            initials[h.as_bytes()[0] as usize] = true;
            heads.insert(head(h.as_bytes()));
            heads.insert(head(format!("{h}.").as_bytes()));
        }
        // (Only x86-64 builds test a few bytes: see `text_triggers`.)
        #[cfg(target_arch = "x86_64")]
        let other_pairs = first_pairs(&honorifics);
        #[cfg(not(target_arch = "x86_64"))]
        let other_pairs = None;
        let mut header_heads = HeadSet::new(10);
        for n in HEADER_NOUNS {
            header_heads.insert(head(&n.as_bytes()[..3]));
        }
        NameRules {
            honorifics,
            initials,
            other_pairs,
            heads,
            header_heads,
            stopwords: crate::data::entries(data_file!("entities/data", "name_stopwords.txt")).collect(),
        }
    })
}

/// [`NameRules::other_pairs`] of the honorifics `honorifics`.
#[cfg(target_arch = "x86_64")]
fn first_pairs(honorifics: &WordSet) -> Option<[[u8; 2]; 4]> {
    let mut pairs: Vec<[u8; 2]> = (honorifics.iter())
        .filter(|h| !h.as_bytes()[0].is_ascii_uppercase())
        .map(|h| h.as_bytes().first_chunk::<2>().copied().unwrap_or([0, 0]))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    match pairs[..] {
        _ if pairs.iter().any(|p| p[1] <= b' ') => None,
        [] => Some([[b'A', b'A']; 4]),
        [a] => Some([a; 4]),
        [a, b] => Some([a, b, b, b]),
        [a, b, c] => Some([a, b, c, c]),
        [a, b, c, d] => Some([a, b, c, d]),
        _ => None,
    }
}

/// Where the speaker's name starts if the line at `s` is a header such as "Statement by H.E. …".
#[inline(never)]
fn header_trigger(text: &str, s: usize, r: &NameRules, out: &mut Vec<usize>) {
    // Past `#` and spaces, at most to the start of the next line.
    let mut l = s;
    for c in text[s..].chars() {
        if c != '#' && !is_space(c) {
            break;
        }
        l += c.len_utf8();
        if c == '\n' {
            break;
        }
    }
    // Every header noun starts with a capital.
    let Some(three) = text.as_bytes().get(l..l + 3) else { return };
    if !three[0].is_ascii_uppercase() || !r.header_heads.may_contain(head(three)) {
        return;
    }
    out.extend(speaker_after_header_noun(text, l));
}

/// Where the speaker's name starts after a header noun at `l` ("Statement [delivered] by …").
fn speaker_after_header_noun(text: &str, l: usize) -> Option<usize> {
    let e = word_in(text, l, HEADER_NOUNS)?;
    let mut p = skip_spaces(text, e, 3);
    if let Some(d) = word_in(text, p, &["delivered"]) {
        p = skip_spaces(text, d, 3);
    }
    let link = word_in(text, p, HEADER_LINKS)?;
    let n = skip_spaces(text, link, 3);
    (n > link).then_some(n)
}

/// The end of the word at `i`: the next ASCII whitespace, or the end of the text.
#[inline]
fn word_end(bytes: &[u8], i: usize) -> usize {
    // Eight bytes per step to the first byte up to a space (the zeros past the end are such).
    let mut at = i;
    loop {
        let low = up_to_space(load_padded(bytes, at));
        if low != 0 {
            at += (low.trailing_zeros() / 8) as usize;
            break;
        }
        at += 8;
    }
    match bytes.get(at) {
        None => bytes.len(),
        Some(b) if b.is_ascii_whitespace() => at,
        // A control character inside the word.
        Some(_) => at + bytes[at..].iter().position(u8::is_ascii_whitespace).unwrap_or(bytes.len() - at),
    }
}

/// The triggers in the text itself: after honorifics (in `honorifics`) and in header lines (in
/// `headers`), each in the order of the text. One pass over the starts of words (after ASCII
/// whitespace), 64 bytes per step: on x86-64 with SSE2 (`text_triggers_64`), elsewhere (the
/// wasm) from the masks of a `Block` (`text_triggers_blocks`).
fn text_triggers(text: &str, r: &NameRules, honorifics: &mut Vec<usize>, headers: &mut Vec<usize>) {
    match r.other_pairs {
        #[cfg(target_arch = "x86_64")]
        Some(others) => text_triggers_64(text, r, others, honorifics, headers),
        _ => text_triggers_blocks(text, r, honorifics, headers),
    }
}

/// [`text_triggers`] 64 bytes per step from the masks of a [`Block`]: the places after a line
/// feed, and those after a byte up to a space that hold neither such a byte (which starts no
/// honorific) nor a lowercase ASCII letter, unless one that some honorific starts with.
fn text_triggers_blocks(text: &str, r: &NameRules, hon: &mut Vec<usize>, hdr: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    // Bit 0: the byte before the block is a line feed, and is at most a space (the text's start
    // counts as after a line feed).
    let (mut newline_before, mut low_before) = (1, 1);
    let mut base = 0;
    while base < bytes.len() {
        let b = Block::read(bytes, base);
        // No word starts after the last byte (nor after the zeros that pad the block).
        let valid = u64::MAX >> (64 - (bytes.len() - base).min(64));
        let lines = (b.newlines << 1 | newline_before) & valid;
        let starts = (b.low << 1 | low_before) & !b.low & valid;
        let lower = starts & b.letters & !b.upper;
        let words = starts & !lower | keep_initials(bytes, base, lower, &r.initials);
        block_triggers(text, r, base, lines, words, hon, hdr);
        (newline_before, low_before) = (b.newlines >> 63, b.low >> 63);
        base += 64;
    }
}

/// [`text_triggers`] 64 bytes per step with SSE2 (which every x86-64 processor has): only the
/// places after a line break, or after a space before a capital or one of the `others` pairs of
/// bytes, are looked at, each kind in a loop of its own.
#[cfg(target_arch = "x86_64")]
fn text_triggers_64(text: &str, r: &NameRules, others: [[u8; 2]; 4], hon: &mut Vec<usize>, hdr: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut base = 0;
    while base < bytes.len() {
        // `w[0]` is the byte before the block (the text's start counts as after a line break),
        // `w[65]` the one after it.
        let padded;
        let (w, n) = match base.checked_sub(1).and_then(|b| bytes.get(b..)).and_then(|r| r.first_chunk::<66>()) {
            Some(w) => (w, 64),
            None => {
                // The first and the last block, padded; the `n` places in the text are looked at.
                let mut p = [0; 66];
                p[0] = base.checked_sub(1).map_or(b'\n', |b| bytes[b]);
                let rest = &bytes[base..bytes.len().min(base + 65)];
                p[1..=rest.len()].copy_from_slice(rest);
                padded = p;
                (&padded, rest.len().min(64))
            }
        };
        let valid = u64::MAX >> (64 - n);
        let (lines, words) = block_starts(w, others);
        block_triggers(text, r, base, lines & valid, words & valid, hon, hdr);
        base += 64;
    }
}

/// The checks at the places of the 64 bytes from `base` that `lines` (line starts) and `words`
/// (word starts that may hold an honorific) mark, each kind in a loop of its own.
#[inline(always)]
fn block_triggers(
    text: &str,
    r: &NameRules,
    base: usize,
    mut lines: u64,
    mut words: u64,
    hon: &mut Vec<usize>,
    hdr: &mut Vec<usize>,
) {
    while lines != 0 {
        line_start(text, r, base + lines.trailing_zeros() as usize, hdr);
        lines &= lines - 1;
    }
    let bytes = text.as_bytes();
    while words != 0 {
        let i = base + words.trailing_zeros() as usize;
        words &= words - 1;
        // The text's start is a line start.
        let before = if i == 0 { b'\n' } else { bytes[i - 1] };
        honorific_start(text, r, i, before, hon);
    }
}

/// Of the 64 bytes `w[1..65]` (`w[0]` and `w[65]` are the bytes around them), as bits (the first
/// byte lowest): those after a line feed, and those after a byte up to a space that are a capital
/// or start one of the `others` pairs.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn block_starts(w: &[u8; 66], others: [[u8; 2]; 4]) -> (u64, u64) {
    use std::arch::x86_64::*;
    let (mut lines, mut words) = (0, 0);
    for k in 0..4 {
        // SAFETY: SSE2 is part of x86-64; the loads read `w[16 * k..16 * k + 18]`.
        let (l, s) = unsafe {
            let (p, c) =
                (_mm_loadu_si128(w[16 * k..].as_ptr().cast()), _mm_loadu_si128(w[16 * k + 1..].as_ptr().cast()));
            let set = |b: u8| _mm_set1_epi8(b as i8);
            let after_space = _mm_cmpeq_epi8(_mm_min_epu8(p, set(b' ')), p);
            let from_a = _mm_sub_epi8(c, set(b'A'));
            let mut wanted = _mm_cmpeq_epi8(_mm_min_epu8(from_a, set(25)), from_a);
            let next = _mm_loadu_si128(w[16 * k + 2..].as_ptr().cast());
            for [a, b] in others {
                wanted = _mm_or_si128(wanted, _mm_and_si128(_mm_cmpeq_epi8(c, set(a)), _mm_cmpeq_epi8(next, set(b))));
            }
            (_mm_movemask_epi8(_mm_cmpeq_epi8(p, set(b'\n'))), _mm_movemask_epi8(_mm_and_si128(after_space, wanted)))
        };
        lines |= (l as u16 as u64) << (16 * k);
        words |= (s as u16 as u64) << (16 * k);
    }
    (lines, words)
}

/// The check at the line start `i`: a header line.
#[inline(always)]
fn line_start(text: &str, r: &NameRules, i: usize, hdr: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    // A line that starts with an ASCII letter or digit is a header only if it starts with the
    // head of a header noun (the first test of `header_trigger`, without the call); so is a blank
    // line (`header_trigger` looks at the next line then, and only for that test).
    let blank = bytes[i] == b'\n';
    let l = i + blank as usize;
    let b = bytes.get(l).copied().unwrap_or(b'\n');
    let header = !(b.is_ascii_alphanumeric() || blank)
        || b.is_ascii_uppercase() && bytes.get(l..l + 3).is_some_and(|three| r.header_heads.may_contain(head(three)));
    if header {
        header_trigger(text, i, r, hdr);
    }
}

/// The check at the word start `i` (after the byte `before`): an honorific. Both tests are made
/// (no branch between them: the first passes for most of these words, unpredictably).
#[inline(always)]
fn honorific_start(text: &str, r: &NameRules, i: usize, before: u8, hon: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    if r.initials[bytes[i] as usize] & r.heads.may_contain(word_head(bytes, i)) {
        honorific_trigger(text, i, before, r, hon);
    }
}

/// The [`head`] of the word at `i`, read in one step: the same as that of the text up to the next
/// ASCII whitespace ([`word_end`]) unless a control character comes first (no honorific has one).
#[inline(always)]
fn word_head(bytes: &[u8], i: usize) -> u32 {
    // The zeros past the end count as spaces.
    let v = load_padded(bytes, i);
    let len = (up_to_space(v).trailing_zeros() / 8).min(4);
    (v as u32 | 0x2020_2020) & ((1u64 << (8 * len)) - 1) as u32
}

/// Where the name starts if the word at `i` (after the byte `before`) is an honorific.
#[inline(never)]
fn honorific_trigger(text: &str, i: usize, before: u8, r: &NameRules, out: &mut Vec<usize>) {
    if !before.is_ascii_whitespace() {
        return;
    }
    let Some(w) = text.get(i..word_end(text.as_bytes(), i)) else { return };
    let title = r.honorifics.contains(w) || (w.ends_with('.') && r.honorifics.contains(&w[..w.len() - 1]));
    if title && (is_boundary(text, i, i + w.len()) || w.ends_with('.')) {
        out.push(i + w.len());
    }
}

/// `creators:` / `  - "Gillard, Julia"` in YAML front matter: the person, as "First Last".
fn creators(text: &str, out: &mut Vec<Candidate>) {
    let Some(k) = text.find("\ncreators:").map(|k| k + 1).or_else(|| text.starts_with("creators:").then_some(0)) else {
        return;
    };
    let Some(nl) = text[k..].find('\n') else { return };
    let item = k + nl + 1;
    let line = text[item..].lines().next().unwrap_or("");
    let Some(q) = line.trim_start().strip_prefix('-').map(str::trim_start) else { return };
    let Some(inner) = q.strip_prefix('"').and_then(|r| r.split('"').next()) else { return };
    let Some((last, first)) = inner.split_once(", ") else { return };
    let start = item + line.find(inner).unwrap_or(0);
    out.push(Candidate::person(Span::new(start, start + inner.len()), format!("{first} {last}")));
}

/// Person candidates. `gaz` are the gazetteer matches of the text (sorted by start), used both as
/// triggers (offices) and as stops (a country name is not part of a person's name).
pub fn candidates(text: &str, gaz: &[GazMatch], out: &mut Vec<Candidate>) {
    let r = rules();
    let (mut triggers, mut headers) = (Vec::new(), Vec::new());
    text_triggers(text, r, &mut triggers, &mut headers);
    // Offices directly before a name ("Foreign Minister Fumio Kishida").
    for m in gaz.iter().filter(|m| m.entry.kind == EntityKind::Role) {
        triggers.push(m.span.end);
    }
    triggers.append(&mut headers);
    let mut found: Vec<Span> = Vec::new();
    for t in triggers {
        if let Some(span) = name_after(text, t, gaz, r) {
            found.push(span);
        }
    }
    creators(text, out);
    // Later mentions: the full names and their last words.
    let mut names: Vec<&str> = Vec::new();
    for span in &found {
        let name = span.of(text);
        names.push(name);
        if let Some(last) = name.rsplit(' ').next() {
            if last.len() >= 3 && last != name {
                names.push(last);
            }
        }
    }
    // Equal names brought together (by a hash of each: two names that share one may stay apart,
    // and then both are looked for, to the same effect) and kept once.
    crate::sort::by_key(&mut names, |n| crate::sort::hash(n.as_bytes()));
    names.dedup();
    names.retain(|n| !r.stopwords.contains(*n));
    // The canonical name of these is the text itself (set when linked).
    for span in found {
        // After an honorific, a name beats an office of the same span ("Ms. King").
        out.push(Candidate::rule(EntityKind::Person, span, 3));
    }
    if names.is_empty() {
        return;
    }
    let mut phrases = Phrases::new(Case::Exact);
    for name in names {
        phrases.add(name);
    }
    for (span, _) in phrases.leftmost_longest(text, |m, _| is_boundary(text, m.start, m.end)) {
        out.push(Candidate::rule(EntityKind::Person, span, 1));
    }
}

/// The name starting after `pos` (after spaces and further honorifics or offices), if any.
fn name_after(text: &str, pos: usize, gaz: &[GazMatch], r: &NameRules) -> Option<Span> {
    let mut i = pos;
    let mut start = None;
    let mut end = pos;
    let mut tokens = 0;
    // The first match of `gaz` that starts at or after `i` (which only grows).
    let mut at = gaz.partition_point(|g| g.span.start < pos);
    loop {
        // Spaces, or one line break inside a name hard-wrapped by a PDF ("Mohamed Ibn" / "Chambas").
        let rest = &text[i..];
        let mut skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
        if tokens > 0 && skipped == 0 {
            let after_break = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'));
            if let Some(next) = after_break {
                if next.starts_with(|c: char| c.is_uppercase()) {
                    skipped = rest.len() - next.len();
                }
            }
        }
        if skipped == 0 && tokens > 0 {
            break;
        }
        if skipped == 0 && i != pos {
            break;
        }
        i += skipped;
        let rest = &text[i..];
        let tok_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '’' || c == '.'))
            .map_or(rest.len(), |(k, _)| k);
        let mut tok = &rest[..tok_len];
        // Possessive or trailing punctuation ends the name.
        for suffix in ["’s", "'s", "’", "'", "."] {
            if let Some(t) = tok.strip_suffix(suffix) {
                tok = t;
            }
        }
        tok = tok.trim_end_matches(['-', '\'', '’', '.']);
        if tok.is_empty() {
            break;
        }
        // A further office or honorific before the name ("H.E. Ambassador Koro Bessho").
        while gaz.get(at).is_some_and(|g| g.span.start < i) {
            at += 1;
        }
        if let Some(g) = gaz.get(at).filter(|g| g.span.start == i) {
            // "Ms. King" is a name: nobody addresses a monarch as "Mr.".
            let surname_like = SURNAME_ROLES.contains(&g.span.of(text)) && i != pos;
            if g.entry.kind == EntityKind::Role && start.is_none() && !surname_like {
                i = g.span.end;
                continue;
            }
            if !surname_like {
                break; // a country, organization … is not part of a name
            }
        }
        let first = tok.chars().next()?;
        let honorific = r.honorifics.contains(tok) || r.honorifics.contains(&rest[..tok_len.min(rest.len())]);
        if start.is_none() && honorific {
            i += tok_len;
            continue;
        }
        let particle = || PARTICLES.contains(&tok) || tok.starts_with("al-") || tok.starts_with("el-");
        if first.is_uppercase() && !r.stopwords.contains(tok) && !honorific {
            if tok.len() == 1
                || (tok.chars().all(|c| c.is_uppercase()) && tok.len() > 1 && tokens == 0 && !tok.contains('-'))
            {
                // An initial ("J.") continues a name; a word in capitals alone is an acronym.
                if tok.len() != 1 {
                    break;
                }
            }
            start.get_or_insert(i);
            end = i + tok.len();
            tokens += 1;
        } else if start.is_some() && particle() {
            // A particle belongs to the name only if a capitalised word follows.
        } else {
            break;
        }
        i += tok_len;
        if tokens >= 5 {
            break;
        }
    }
    let start = start?;
    let span = Span::new(start, end);
    // A lone initial is not a name.
    (span.len() > 1).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The triggers as found before [`text_triggers`]: every word start after ASCII whitespace,
    /// then every line split off.
    fn plain_triggers(text: &str) -> (Vec<usize>, Vec<usize>) {
        let r = rules();
        let (mut honorifics, mut headers) = (Vec::new(), Vec::new());
        let bytes = text.as_bytes();
        let after_space = (1..bytes.len()).filter(|&i| bytes[i - 1].is_ascii_whitespace());
        for i in (!bytes.is_empty()).then_some(0).into_iter().chain(after_space) {
            let w = &text[i..i + bytes[i..].iter().position(u8::is_ascii_whitespace).unwrap_or(bytes.len() - i)];
            let title = r.honorifics.contains(w) || (w.ends_with('.') && r.honorifics.contains(&w[..w.len() - 1]));
            if title && (is_boundary(text, i, i + w.len()) || w.ends_with('.')) {
                honorifics.push(i + w.len());
            }
        }
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let l = line_start + (line.len() - line.trim_start_matches(|c: char| c == '#' || is_space(c)).len());
            line_start += line.len();
            headers.extend(speaker_after_header_noun(text, l));
        }
        (honorifics, headers)
    }

    #[test]
    fn one_pass_finds_the_triggers_of_words_and_lines() {
        let pieces = [
            "Statement by",
            "Remarks of",
            "Tal av",
            "Address delivered by",
            "Statementary by",
            "Mr.",
            "Mr",
            "señor",
            "Señora",
            "herr",
            "fru",
            "H.E.",
            "Archbishop.",
            "Archbishops",
            "Hon",
            "Koro Bessho",
            "x",
            "\n",
            "\r\n",
            "\n\n",
            " ",
            "  ",
            "\t",
            "#",
            "## ",
            "\u{a0}",
            "\u{2028}",
            "\u{b}",
            "\u{c}",
            "\u{1}",
            "é",
            ".",
            "Mr\u{1}X",
            "(Mr.",
        ];
        // Every text of up to three pieces, and longer ones (of 12 to 59 pieces: across blocks of
        // 64 bytes) from a fixed pseudo-random sequence.
        let mut texts = vec![String::new()];
        for a in pieces {
            for b in pieces {
                texts.push(format!("{a}{b}"));
                for c in pieces {
                    texts.push(format!("{a}{b} {c}"));
                }
            }
        }
        let mut seed = 7u64;
        for n in 0..3000 {
            let mut t = String::new();
            for _ in 0..12 + n % 48 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        #[cfg(target_arch = "x86_64")]
        let others = rules().other_pairs.expect("at most four pairs of bytes start the honorifics without a capital");
        for t in &texts {
            let want = plain_triggers(t);
            let (mut honorifics, mut headers) = (Vec::new(), Vec::new());
            text_triggers_blocks(t, rules(), &mut honorifics, &mut headers);
            assert_eq!((honorifics, headers), want, "{t:?}");
            #[cfg(target_arch = "x86_64")]
            {
                let (mut honorifics, mut headers) = (Vec::new(), Vec::new());
                text_triggers_64(t, rules(), others, &mut honorifics, &mut headers);
                assert_eq!((honorifics, headers), want, "{t:?}");
            }
        }
        // A header line below the top (after a blank line, which is searched too: two triggers).
        let t = "Thank you.\n\nStatement by H.E. Mr. Koro Bessho\n  ## Remarks of Ms. Ana Li";
        let (mut honorifics, mut headers) = (Vec::new(), Vec::new());
        text_triggers(t, rules(), &mut honorifics, &mut headers);
        let at = |s: &str| t.find(s).unwrap();
        assert_eq!(headers, [at("H.E."), at("H.E."), at("Ms.")]);
        assert_eq!(honorifics, [at(" Mr."), at(" Koro"), at(" Ana")]);
    }

    #[test]
    fn header_nouns_start_with_a_capital() {
        // header_trigger passes over lines that do not start with one.
        assert!(super::HEADER_NOUNS.iter().all(|n| n.len() >= 3 && n.as_bytes()[0].is_ascii_uppercase()));
    }
}
