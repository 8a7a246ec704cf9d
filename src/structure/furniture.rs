//! Page furniture over the whole text: the shapes of `text::furniture`, plus weak shapes (bare
//! page numbers, numeric dates) and running titles (short lines repeated in the text) when they
//! stand next to strong furniture or a page break, with only blank lines between. A repeated
//! numeric date, and a bare page number alone between blank lines, are furniture too.

use std::collections::HashMap;

use crate::text::{self, Furniture, Line};

/// `true` for each line that is page furniture. Linear: a non-blank line looks past the blank
/// lines beside it only, and only candidate lines are counted for repetition.
pub fn mark(text: &str, lines: &[Line]) -> Vec<bool> {
    let n = lines.len();
    let shape: Vec<Option<Furniture>> =
        lines.iter().map(|l| if l.is_blank() { None } else { text::furniture(l.text(text)) }).collect();
    let mut furn: Vec<bool> = shape.iter().map(|s| *s == Some(Furniture::Strong)).collect();
    let title_shape = |t: &str| t.len() <= 100 && !text::ends_sentence(t) && text::starts_sentence(t);
    // Lines that may repeat: weak shapes and running titles beside furniture (lines holding a page
    // break, and the nearest lines on either side of furniture or a page break). Count them.
    let mut wanted: Vec<&str> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if shape[i] == Some(Furniture::Weak) {
            wanted.push(l.text(text));
        }
        if l.form_feed || furn[i] {
            let beside = stops(i, lines).into_iter().flatten().chain(Some(i).filter(|_| l.form_feed));
            let titles = beside.map(|j| lines[j].text(text)).filter(|t| title_shape(t));
            wanted.extend(titles);
        }
    }
    let mut counts: HashMap<&str, u32> = HashMap::with_capacity(wanted.len());
    // The lengths (at most 100 bytes) and first bytes of the wanted lines, as one 256-bit set of
    // first bytes per length: only lines that share both are hashed.
    let mut shapes = vec![[0u64; 4]; wanted.iter().map(|t| t.len() + 1).max().unwrap_or(0)];
    let first = |t: &str| t.as_bytes().first().map_or(0, |&b| b as usize);
    for &t in &wanted {
        counts.insert(t, 0);
        if let Some(set) = shapes.get_mut(t.len()) {
            set[first(t) / 64] |= 1 << (first(t) % 64);
        }
    }
    // Which lines hold a wanted text.
    let mut holding = vec![false; n];
    for (i, l) in lines.iter().enumerate() {
        let t = l.text(text);
        if shapes.get(t.len()).is_some_and(|set| set[first(t) / 64] & (1 << (first(t) % 64)) != 0) {
            if let Some(c) = counts.get_mut(t) {
                *c += 1;
                holding[i] = true;
            }
        }
    }
    let repeated = |t: &str| counts.get(t).is_some_and(|&c| c >= 2);
    // Only weak shapes and repeated lines can turn out to be furniture below.
    let candidates: Vec<usize> = (0..n)
        .filter(|&i| shape[i] == Some(Furniture::Weak) || (holding[i] && repeated(lines[i].text(text))))
        .collect();
    // Two passes let furniture chain: page break → date → running title.
    for _ in 0..2 {
        for &i in &candidates {
            if furn[i] || lines[i].is_blank() {
                continue;
            }
            let t = lines[i].text(text);
            let weak = shape[i] == Some(Furniture::Weak);
            let near = beside(i, lines, &furn);
            // A bare page number alone between blank lines.
            let page_number = weak && t.trim_end_matches('.').bytes().all(|b| b.is_ascii_digit());
            let alone = page_number && i > 0 && i + 1 < n && lines[i - 1].is_blank() && lines[i + 1].is_blank();
            if (weak && (near || repeated(t) || alone)) || (near && title_shape(t) && repeated(t)) {
                furn[i] = true;
            }
        }
    }
    furn
}

/// Line `i` holds a page break, or its nearest non-blank neighbour is furniture or a page
/// break, or a page break lies between.
fn beside(i: usize, lines: &[Line], furn: &[bool]) -> bool {
    lines[i].form_feed || stops(i, lines).into_iter().flatten().any(|j| lines[j].form_feed || furn[j])
}

/// The first line before line `i` and the first after it that is not blank or holds a page break
/// (so a non-blank line is one of those of each of its own).
fn stops(i: usize, lines: &[Line]) -> [Option<usize>; 2] {
    let stop = |l: &Line| !l.is_blank() || l.form_feed;
    let before = lines.get(..i).and_then(|r| r.iter().rposition(stop));
    [before, lines.get(i + 1..).and_then(|r| r.iter().position(stop)).map(|k| i + 1 + k)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `mark` as first written: every line asks for its neighbours, walking past blank lines.
    fn plain_mark(text: &str, lines: &[Line]) -> Vec<bool> {
        let n = lines.len();
        let shape: Vec<Option<Furniture>> =
            lines.iter().map(|l| if l.is_blank() { None } else { text::furniture(l.text(text)) }).collect();
        let mut furn: Vec<bool> = shape.iter().map(|s| *s == Some(Furniture::Strong)).collect();
        let side = |js: &mut dyn Iterator<Item = usize>, furn: &[bool]| {
            for j in js {
                if !lines[j].is_blank() {
                    return furn[j] || lines[j].form_feed;
                }
                if lines[j].form_feed {
                    return true;
                }
            }
            false
        };
        let near = |i: usize, furn: &[bool]| {
            lines[i].form_feed || side(&mut (0..i).rev(), furn) || side(&mut (i + 1..n), furn)
        };
        let title_shape = |t: &str| t.len() <= 100 && !text::ends_sentence(t) && text::starts_sentence(t);
        let t = |i: usize| lines[i].text(text);
        let wanted: Vec<&str> = (0..n)
            .filter(|&i| shape[i] == Some(Furniture::Weak) || (near(i, &furn) && title_shape(t(i))))
            .map(t)
            .collect();
        let repeated = |s: &str| wanted.contains(&s) && (0..n).filter(|&j| t(j) == s).count() >= 2;
        for _ in 0..2 {
            for i in 0..n {
                if furn[i] || lines[i].is_blank() {
                    continue;
                }
                let weak = shape[i] == Some(Furniture::Weak);
                let page_number = weak && t(i).trim_end_matches('.').bytes().all(|b| b.is_ascii_digit());
                let alone = page_number && i > 0 && i + 1 < n && lines[i - 1].is_blank() && lines[i + 1].is_blank();
                let near = near(i, &furn);
                if (weak && (near || repeated(t(i)) || alone)) || (near && title_shape(t(i)) && repeated(t(i))) {
                    furn[i] = true;
                }
            }
        }
        furn
    }

    #[test]
    fn agrees_with_the_plain_walk() {
        let shapes = [
            "",
            "",
            "\u{c}",
            "14",
            "3.",
            "13/01/2020",
            "S/PV.8701",
            "20-00899 (E)",
            "Security Council",
            "Security Council",
            "The text goes on.",
            "and more text",
            "Page 2 of 5",
            "\u{c}Running Title",
        ];
        let mut seed = 7u64;
        // Lines marked beyond their own strong shape: the neighbourhood rules were tried.
        let mut by_neighbours = 0;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..24 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                text.push_str(shapes[(seed >> 33) as usize % shapes.len()]);
                text.push('\n');
            }
            let lines = text::lines(&text);
            let furn = mark(&text, &lines);
            assert_eq!(furn, plain_mark(&text, &lines), "{text:?}");
            let strong = |l: &Line| text::furniture(l.text(&text)) == Some(Furniture::Strong);
            by_neighbours += lines.iter().zip(&furn).filter(|&(l, &f)| f && !strong(l)).count();
        }
        assert!(by_neighbours > 100, "{by_neighbours}");
    }
}
