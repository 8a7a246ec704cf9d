//! Embeds the word lists of `src/data/` and `src/entities/data/` without their comments: each
//! `#` line becomes an empty line (so line numbers in data-problem reports stay true), written
//! under `OUT_DIR` and included by the `data_file!` macro of `src/lib.rs`. The comments document
//! the files; the browser need not download them.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for dir in ["data", "entities/data"] {
        let src = Path::new("src").join(dir);
        println!("cargo:rerun-if-changed={}", src.display());
        let dest = Path::new(&out).join(dir);
        fs::create_dir_all(&dest).expect("OUT_DIR is writable");
        for entry in fs::read_dir(&src).expect("the data folder").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = fs::read_to_string(&path).expect("data files are UTF-8");
            let stripped: String = text
                .lines()
                .map(|l| if l.trim_start().starts_with('#') { "" } else { l.trim_end() })
                .flat_map(|l| [l, "\n"])
                .collect();
            fs::write(dest.join(entry.file_name()), stripped).expect("OUT_DIR is writable");
        }
    }
}
