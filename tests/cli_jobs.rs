//! `statement-viewer annotate --jobs N`: files analysed in parallel, output in FILE order, the
//! same as one job; a missing file is reported and the others still printed.

use std::path::PathBuf;
use std::process::Command;

fn run(args: &[&str]) -> (String, String, Option<i32>) {
    let out = Command::new(env!("CARGO_BIN_EXE_statement-viewer")).args(args).output().expect("run the CLI");
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

#[test]
fn parallel_output_keeps_file_order() {
    let dir = std::env::temp_dir().join(format!("statement-viewer-jobs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let countries = ["Japan", "Sweden", "Australia", "France", "Benin", "Lithuania", "Chile", "Kenya", "Fiji"];
    let mut files: Vec<PathBuf> = Vec::new();
    for (i, c) in countries.iter().enumerate() {
        // Different lengths, so that the files finish out of order on several threads.
        let body = format!("{c} supports the peace operations of the United Nations. ").repeat(1 + (i * 37) % 200);
        let f = dir.join(format!("{i}.txt"));
        std::fs::write(&f, format!("Statement by Mr. Smith, Permanent Representative of {c}\n\n{body}\n")).unwrap();
        files.push(f);
    }
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();

    let (one, _, code) = run(&[&["annotate", "--jobs", "1"][..], &paths].concat());
    assert_eq!(code, Some(0));
    assert_eq!(one.lines().count(), countries.len());
    for (line, c) in one.lines().zip(countries) {
        assert!(line.contains(&format!("\"country\":\"{c}\"")), "line for {c} out of order: {}", &line[..200]);
    }
    for jobs in ["2", "4", "16"] {
        let (many, _, code) = run(&[&["annotate", "--jobs", jobs][..], &paths].concat());
        assert_eq!(code, Some(0));
        assert_eq!(many, one, "--jobs {jobs} differs from --jobs 1");
    }

    // A missing file: reported on stderr, exit code 1, the other files still printed in order.
    let missing = dir.join("missing.txt");
    let mut with_missing = paths.clone();
    with_missing.insert(3, missing.to_str().unwrap());
    let (out, err, code) = run(&[&["annotate", "--jobs", "3"][..], &with_missing].concat());
    assert_eq!(code, Some(1));
    assert_eq!(out, one);
    assert!(err.contains("missing.txt"), "stderr: {err}");

    let (_, err, code) = run(&["annotate", "--jobs", "0", paths[0]]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--jobs"), "stderr: {err}");
    std::fs::remove_dir_all(&dir).ok();
}
