//! The embedded word lists of `src/data/` and `src/entities/data/`: [`data_file!`] includes one
//! (comment lines emptied by `build.rs`), [`entries`] reads it.

/// A word list as embedded: `data_file!("data", "offices.txt")`, `data_file!("entities/data", …)`.
macro_rules! data_file {
    ($dir:literal, $name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $dir, "/", $name))
    };
}

/// The entries of a word list, with their 1-based line numbers: trimmed lines, blank lines and
/// `#` comments left out.
pub fn numbered(data: &str) -> impl Iterator<Item = (usize, &str)> {
    data.lines()
        .map(str::trim)
        .enumerate()
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l))
}

/// Sorts terms longest first (so a longer term is tried before a shorter one it starts with).
/// One function for every list, so the wasm holds one copy of the sort.
pub fn longest_first(terms: &mut Vec<String>) {
    crate::sort::by_key(terms, |t| u128::MAX - t.len() as u128);
}

/// The entries of a word list: [`numbered`] without the numbers.
pub fn entries(data: &str) -> impl Iterator<Item = &str> {
    numbered(data).map(|(_, l)| l)
}
