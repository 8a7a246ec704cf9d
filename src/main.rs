//! The command-line door onto the core: annotate files to JSON or HTML, evaluate against gold.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use statement_viewer::span::{OffsetMap, Unit};
use statement_viewer::{annotate_with, eval, render, Options};

const USAGE: &str = "\
statement-viewer: structure and entities of diplomatic statements

usage:
  statement-viewer annotate [--format json|html] [--kinds k1,k2] FILE...   (FILE `-` = stdin)
  statement-viewer eval [--diffs] DIR        compare with DIR/*.gold.json
  statement-viewer --version

JSON: one document per line per file, offsets in UTF-16 code units (as in JavaScript).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("statement-viewer: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    match args.first().map(String::as_str) {
        Some("annotate") => annotate_cmd(&args[1..]),
        Some("eval") => eval_cmd(&args[1..]),
        Some("--version") => {
            println!("statement-viewer {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!("expected a command\n\n{USAGE}")),
    }
}

fn annotate_cmd(args: &[String]) -> Result<ExitCode, String> {
    let mut format = "json";
    let mut options = Options::default();
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => "json",
                    Some("html") => "html",
                    other => return Err(format!("--format takes json or html, not {other:?}")),
                }
            }
            "--kinds" => {
                let list = it.next().ok_or("--kinds takes a comma-separated list")?;
                let kinds = list
                    .split(',')
                    .map(|k| statement_viewer::EntityKind::parse(k.trim()).ok_or(format!("unknown kind `{k}`")))
                    .collect::<Result<Vec<_>, _>>()?;
                options.kinds = Some(kinds);
            }
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return Err("annotate needs at least one FILE (or - for standard input)".into());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for f in &files {
        let text = match read_input(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("statement-viewer: {f}: {e}");
                failed = true;
                continue;
            }
        };
        let mut doc = annotate_with(&text, &options);
        let line = if format == "html" {
            render::html::render(&text, &doc)
        } else {
            let map = OffsetMap::new(&text, Unit::Utf16);
            doc.map_offsets(|b| map.convert(b));
            serde_json::to_string(&doc).map_err(|e| e.to_string())?
        };
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Reads a file (or stdin for `-`); invalid UTF-8 is replaced with U+FFFD and reported.
fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
    } else {
        bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            eprintln!("statement-viewer: {path}: not valid UTF-8; invalid bytes shown as U+FFFD");
            Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
        }
    }
}

fn eval_cmd(args: &[String]) -> Result<ExitCode, String> {
    let diffs = args.iter().any(|a| a == "--diffs");
    let dir = args.iter().find(|a| !a.starts_with("--")).ok_or("eval needs a DIR")?;
    let report = eval::evaluate_dir(Path::new(dir))?;
    print!("{}", report.to_text(diffs));
    Ok(ExitCode::SUCCESS)
}
