//! The benchmark inputs (the same as bench/inputs.mjs builds for the browser): every `*.txt` of
//! the corpus's seed/, dev/ and extra/ folders, in that order and by name within each, joined with
//! a blank line, repeated until long enough, cut at the last line break before the size. Shared by
//! the bench and `examples/stages.rs`.

use std::path::{Path, PathBuf};

/// The corpus statements in the documented order.
pub fn corpus_files(corpus: &Path) -> Result<Vec<PathBuf>, String> {
    let mut all = Vec::new();
    for dir in ["seed", "dev", "extra"] {
        let d = corpus.join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d)
            .map_err(|e| format!("{}: {e}", d.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        all.extend(files);
    }
    if all.is_empty() {
        return Err(format!("no *.txt statements in {}", corpus.display()));
    }
    Ok(all)
}

/// The corpus joined with blank lines, repeated to at least `size` bytes, cut at the last line
/// break at or before `size` (so never inside a character).
pub fn mixed(unit: &[u8], size: usize) -> String {
    let mut buf = Vec::with_capacity(size + unit.len());
    while buf.len() < size {
        buf.extend_from_slice(unit);
    }
    let cut = buf[..size].iter().rposition(|&b| b == b'\n').map_or(size, |i| i + 1);
    buf.truncate(cut);
    String::from_utf8(buf).expect("corpus is UTF-8 and cut at a line break")
}

/// The corpus statements joined with blank lines, one more after the last.
pub fn corpus_unit(files: &[PathBuf]) -> Result<Vec<u8>, String> {
    let mut unit = Vec::new();
    for f in files {
        if !unit.is_empty() {
            unit.extend_from_slice(b"\n\n");
        }
        unit.extend(std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?);
    }
    unit.extend_from_slice(b"\n\n");
    Ok(unit)
}
