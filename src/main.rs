//! The command-line door onto the core: annotate files to JSON or HTML, evaluate against gold.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use statement_viewer::span::{OffsetMap, Unit};
use statement_viewer::{annotate_with, eval, json, render, Options};

const USAGE: &str = "\
statement-viewer: structure and entities of diplomatic statements

usage:
  statement-viewer annotate [--format json|html] [--kinds k1,k2] [--jobs N] FILE...   (FILE `-` = stdin)
  statement-viewer eval [--diffs] DIR        compare with DIR/*.gold.json
  statement-viewer --version

JSON: one document per line per file, offsets in UTF-16 code units (as in JavaScript).
--jobs N: files analysed on N threads (default: the number of cores); output keeps the FILE order.";

// See Cargo.toml: memory freed by one file's analysis is reused by the next, not faulted in again.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let mut format = Format::Json;
    let mut options = Options::default();
    let mut jobs = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("html") => Format::Html,
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
            "--jobs" => {
                let n = it.next().ok_or("--jobs takes a number of threads")?;
                jobs = Some(
                    n.parse::<usize>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or(format!("--jobs takes a number ≥ 1, not `{n}`"))?,
                );
            }
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return Err("annotate needs at least one FILE (or - for standard input)".into());
    }
    let jobs = jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).min(files.len());
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    // Prints one file's result: its line, or its error on stderr.
    let mut emit = |result: Result<String, String>| -> Result<(), String> {
        match result {
            Ok(line) => writeln!(out, "{line}").map_err(|e| e.to_string()),
            Err(msg) => {
                out.flush().map_err(|e| e.to_string())?; // keep stdout and stderr in FILE order
                eprintln!("statement-viewer: {msg}");
                failed = true;
                Ok(())
            }
        }
    };
    if jobs <= 1 {
        for f in &files {
            emit(annotate_file(f, format, &options))?;
        }
    } else {
        // Workers take the next file index; results come back in any order and are printed in
        // FILE order, each as soon as all the files before it are printed.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Result<String, String>)>();
        std::thread::scope(|scope| -> Result<(), String> {
            for _ in 0..jobs {
                let tx = tx.clone();
                let (next, files, options) = (&next, &files, &options);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(f) = files.get(i) else { break };
                    if tx.send((i, annotate_file(f, format, options))).is_err() {
                        break; // the printer stopped (write error)
                    }
                });
            }
            drop(tx);
            let mut pending = std::collections::BTreeMap::new();
            let mut printed = 0;
            for (i, result) in rx {
                pending.insert(i, result);
                while let Some(result) = pending.remove(&printed) {
                    emit(result)?;
                    printed += 1;
                }
            }
            Ok(())
        })?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Html,
}

/// One FILE's output line (JSON document or HTML), or the message for its error.
fn annotate_file(f: &str, format: Format, options: &Options) -> Result<String, String> {
    let text = read_input(f).map_err(|e| format!("{f}: {e}"))?;
    let mut doc = annotate_with(&text, options);
    match format {
        Format::Html => Ok(render::html::render(&text, &doc)),
        Format::Json => {
            let map = OffsetMap::new(&text, Unit::Utf16);
            doc.map_offsets(|b| map.convert(b));
            Ok(json::to_string(&doc))
        }
    }
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
