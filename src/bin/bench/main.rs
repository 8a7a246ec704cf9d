//! Native benchmark of the core (`make bench` runs it; it reports figures and never fails on speed).
//!
//!   bench [--corpus DIR] [--cli PATH] [--out FILE] [--quick] [--only NAME]
//!
//! Measures `statement_viewer::annotate` on the seed statement, on mixed corpus text cut to 10 KB,
//! 100 KB, 1 MB and 10 MB, and on a verbatim record repeated to 1 MB (`1MB-record`): median time
//! of N runs after a warm-up (MB/s, MB = 10^6 bytes), throughput per CPU-second of the thread,
//! the first call's time (it builds the gazetteers), and the peak heap in use during one call as a
//! multiple of the input (a counting global allocator over the CLI's mimalloc: this is why the bench is its own binary and
//! the CLI stays free of the counting). Then the CLI over a folder (the corpus ×20) with `--jobs 1`
//! and with every core: files/s and MB/s. Prints a summary on stderr and writes JSON to --out (or
//! stdout) for bench/run.mjs, which prints the table.
//!
//! Growth: rounds of one 10 MB call and ten 1 MB calls, interleaved (see `measure_growth`).
//!
//! `--only 1MB` (or seed, 10KB, 100KB, 1MB-record, 10MB, growth) measures that alone, without the
//! CLI: for `perf record -g target/release/bench --only 1MB`.
//!
//! Inputs (the same as bench/inputs.mjs builds for the browser): every `*.txt` of the corpus's
//! seed/, dev/ and extra/ folders, in that order and by name within each, joined with a blank line,
//! repeated until long enough, cut at the last line break before the size.

use std::alloc::{GlobalAlloc, Layout};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

mod inputs;
use inputs::{corpus_files, corpus_unit, mixed};

// ---------------------------------------------------------------------------------------------
// Counting allocator: bytes in use now and the most in use since the last reset, while enabled.

struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(n: usize) {
    let now = IN_USE.fetch_add(n, Relaxed) + n;
    PEAK.fetch_max(now, Relaxed);
}

fn shrank(n: usize) {
    // Blocks allocated before counting started may be freed while it runs: never wrap below 0.
    let _ = IN_USE.fetch_update(Relaxed, Relaxed, |v| Some(v.saturating_sub(n)));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = INNER.alloc(layout);
        if !p.is_null() && COUNTING.load(Relaxed) {
            grew(layout.size());
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = INNER.alloc_zeroed(layout);
        if !p.is_null() && COUNTING.load(Relaxed) {
            grew(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        INNER.dealloc(ptr, layout);
        if COUNTING.load(Relaxed) {
            shrank(layout.size());
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = INNER.realloc(ptr, layout, new_size);
        if !p.is_null() && COUNTING.load(Relaxed) {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;
/// The allocator the CLI uses (Cargo.toml), under the counting.
static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs `f` with counting on; returns its result and the peak bytes in use during it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    IN_USE.store(0, Relaxed);
    PEAK.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    let out = f();
    COUNTING.store(false, Relaxed);
    (out, PEAK.load(Relaxed))
}

// ---------------------------------------------------------------------------------------------
// Inputs

const MB: f64 = 1e6;

/// The verbatim record behind the `1MB-record` input (the same as bench/run.mjs uses).
const RECORD_FILE: &str = "dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt";

// ---------------------------------------------------------------------------------------------
// Measuring

/// Time this thread has spent on a CPU, in ns (clock_gettime(CLOCK_THREAD_CPUTIME_ID) from the C
/// library std links anyway; Linux only). On a shared, busy machine, throughput per CPU-second
/// is steadier than per wall-clock second.
#[cfg(target_os = "linux")]
fn thread_cpu_ns() -> Option<u64> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec (64-bit time_t on the 64-bit Linux targets).
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0 && cfg!(target_pointer_width = "64")).then(|| ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64)
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ns() -> Option<u64> {
    None
}

/// CPU seconds (user + system) of the children waited for so far (Linux: /proc/self/stat,
/// cutime + cstime, at the usual 100 ticks per second).
fn children_cpu_s() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    // After the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14 here.
    let ticks: u64 = f.get(13)?.parse::<u64>().ok()? + f.get(14)?.parse::<u64>().ok()?;
    Some(ticks as f64 / 100.0)
}

/// The 1-minute load average (Linux), to tell a busy machine from a slow program.
fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg").ok()?.split_whitespace().next()?.parse().ok()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// Times `f` after `warmup` calls: at least `min_runs` runs and until `min_time` has passed
/// (at most `max_runs`). Returns the run times in seconds.
fn time_runs(warmup: usize, min_runs: usize, max_runs: usize, min_time: Duration, mut f: impl FnMut()) -> Vec<f64> {
    for _ in 0..warmup {
        f();
    }
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < max_runs && (times.len() < min_runs || start.elapsed() < min_time) {
        let t = Instant::now();
        f();
        times.push(t.elapsed().as_secs_f64());
    }
    times
}

fn measure_annotate(name: &str, text: &str, quick: bool) -> Value {
    let bytes = text.len();
    // Fewer runs for the big inputs; enough for a stable median on small ones.
    let (min_runs, max_runs, min_time) = match (quick, bytes) {
        (true, _) => (3, 5, Duration::ZERO),
        (_, b) if b >= 5_000_000 => (5, 7, Duration::ZERO),
        (_, b) if b >= 500_000 => (9, 15, Duration::from_millis(1500)),
        _ => (21, 2001, Duration::from_millis(1000)),
    };
    let mut cpu0 = None;
    let times = time_runs(1, min_runs, max_runs, min_time, || {
        cpu0 = cpu0.or_else(|| Some(thread_cpu_ns())); // after the warm-up call
        std::hint::black_box(statement_viewer::annotate(std::hint::black_box(text)));
    });
    let runs = times.len();
    // CPU time of the timed runs (the first one's start was read inside it: the error is one
    // clock read).
    let cpu_s = match (cpu0.flatten(), thread_cpu_ns()) {
        (Some(a), Some(b)) if b > a => Some((b - a) as f64 / 1e9),
        _ => None,
    };
    let cpu_mb_per_s = cpu_s.map(|c| (bytes * runs) as f64 / MB / c);
    let med = median(times.clone());
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let (doc, peak) = peak_during(|| statement_viewer::annotate(text));
    let entities = doc.entities.len();
    drop(doc);
    eprintln!(
        "bench: annotate {name:>10} {:>8} bytes: median {:>8.3} ms over {runs:>4} runs, {:>6.1} MB/s ({:>6.1} MB per CPU-second); peak heap {:.2}× input; {entities} entities",
        bytes,
        med * 1e3,
        bytes as f64 / MB / med,
        cpu_mb_per_s.unwrap_or(f64::NAN),
        peak as f64 / bytes as f64
    );
    json!({
        "name": name, "bytes": bytes, "runs": runs,
        "median_ms": med * 1e3, "min_ms": min * 1e3,
        "mb_per_s": bytes as f64 / MB / med,
        "cpu_mb_per_s": cpu_mb_per_s,
        "peak_heap_bytes": peak, "peak_heap_x": peak as f64 / bytes as f64,
        "entities": entities,
    })
}

/// Growth, interleaved: each round times one call on `ten` (10× the bytes) and then ten calls on
/// `one`, so that both see the machine in the same state (on a shared machine, speed drifts from
/// one second to the next). A round's ratio is the `ten` call's time over the mean of the ten
/// `one` calls; returns the median ratio over `rounds` rounds, in thread CPU time and wall-clock.
fn measure_growth(one: &str, ten: &str, rounds: usize) -> Value {
    let timed = |text: &str| {
        let (cpu, t) = (thread_cpu_ns(), Instant::now());
        std::hint::black_box(statement_viewer::annotate(std::hint::black_box(text)));
        let wall = t.elapsed().as_secs_f64();
        let cpu = match (cpu, thread_cpu_ns()) {
            (Some(a), Some(b)) if b > a => Some((b - a) as f64 / 1e9),
            _ => None,
        };
        (wall, cpu)
    };
    timed(ten);
    timed(one);
    let (mut wall, mut cpu) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let big = timed(ten);
        let small: Vec<(f64, Option<f64>)> = (0..10).map(|_| timed(one)).collect();
        wall.push(big.0 / (small.iter().map(|s| s.0).sum::<f64>() / 10.0));
        if let (Some(b), Some(s)) = (big.1, small.iter().map(|s| s.1).sum::<Option<f64>>()) {
            cpu.push(b / (s / 10.0));
        }
    }
    let bytes_ratio = ten.len() as f64 / one.len() as f64;
    let (wall, cpu) = (median(wall), (cpu.len() == rounds).then(|| median(cpu)));
    eprintln!(
        "bench: growth, {rounds} interleaved rounds (one {:.1} MB call, ten {:.1} MB calls): {:.2}× the bytes cost {:.2}× the CPU time ({wall:.2}× wall-clock)",
        ten.len() as f64 / MB,
        one.len() as f64 / MB,
        bytes_ratio,
        cpu.unwrap_or(f64::NAN)
    );
    json!({ "rounds": rounds, "bytes_ratio": bytes_ratio, "cpu_ratio": cpu, "wall_ratio": wall })
}

/// The CLI (`annotate --jobs N`, JSON to /dev/null) over `files`: median wall time of `runs`, and
/// the median CPU time (user + system, all threads).
fn measure_cli(cli: &Path, files: &[PathBuf], jobs: usize, runs: usize) -> Result<(f64, Option<f64>), String> {
    let mut times = Vec::new();
    let mut cpus = Vec::new();
    for _ in 0..runs {
        let c = children_cpu_s();
        let t = Instant::now();
        let status = Command::new(cli)
            .arg("annotate")
            .arg("--jobs")
            .arg(jobs.to_string())
            .args(files)
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("{}: {e}", cli.display()))?;
        if !status.success() {
            return Err(format!("{} annotate --jobs {jobs} failed: {status}", cli.display()));
        }
        times.push(t.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c, children_cpu_s()) {
            cpus.push(b - a);
        }
    }
    let cpu = (cpus.len() == runs).then(|| median(cpus));
    Ok((median(times), cpu))
}

fn bench_cli(cli: &Path, files: &[PathBuf], quick: bool) -> Result<Value, String> {
    let copies = if quick { 2 } else { 20 };
    let dir = std::env::temp_dir().join(format!("statement-viewer-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let result = (|| {
        let mut copied = Vec::new();
        let mut bytes = 0u64;
        for k in 0..copies {
            for f in files {
                let to = dir.join(format!("{k:02}-{}", f.file_name().unwrap().to_string_lossy()));
                bytes += std::fs::copy(f, &to).map_err(|e| format!("{}: {e}", to.display()))?;
                copied.push(to);
            }
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let runs = if quick { 1 } else { 3 };
        measure_cli(cli, &copied[..files.len().min(copied.len())], 1, 1)?; // warm the page cache
        let (one, one_cpu) = measure_cli(cli, &copied, 1, runs)?;
        let (all, all_cpu) = measure_cli(cli, &copied, cores, runs)?;
        let n = copied.len() as f64;
        let mb = bytes as f64 / MB;
        eprintln!(
            "bench: CLI over {} files ({:.1} MB): --jobs 1 {:.2} s ({:.0} files/s, {:.1} MB/s, CPU {:.2} s); --jobs {cores} {:.2} s ({:.0} files/s, {:.1} MB/s, CPU {:.2} s), {:.2}× faster",
            copied.len(), mb, one, n / one, mb / one, one_cpu.unwrap_or(f64::NAN), all, n / all, mb / all,
            all_cpu.unwrap_or(f64::NAN), one / all
        );
        Ok(json!({
            "files": copied.len(), "bytes": bytes, "copies": copies, "cores": cores, "runs": runs,
            "jobs1": { "seconds": one, "cpu_seconds": one_cpu, "files_per_s": n / one, "mb_per_s": mb / one },
            "jobs_all": { "jobs": cores, "seconds": all, "cpu_seconds": all_cpu, "files_per_s": n / all, "mb_per_s": mb / all },
            "speedup": one / all,
        }))
    })();
    let _ = std::fs::remove_dir_all(&dir);
    result
}

// ---------------------------------------------------------------------------------------------

struct Args {
    corpus: PathBuf,
    cli: PathBuf,
    out: Option<PathBuf>,
    quick: bool,
    only: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut corpus = std::env::var_os("STATEMENT_VIEWER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut cli = exe.with_file_name(format!("statement-viewer{}", std::env::consts::EXE_SUFFIX));
    let mut out = None;
    let mut quick = false;
    let mut only = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().ok_or("--corpus takes a folder")?.into(),
            "--cli" => cli = it.next().ok_or("--cli takes the statement-viewer executable")?.into(),
            "--out" => out = Some(it.next().ok_or("--out takes a file")?.into()),
            "--quick" => quick = true,
            "--only" => {
                only = Some(
                    it.next().ok_or("--only takes an input name (seed, 10KB, 100KB, 1MB, 1MB-record, 10MB, growth)")?,
                )
            }
            "-h" | "--help" => {
                println!("usage: bench [--corpus DIR] [--cli PATH] [--out FILE.json] [--quick] [--only NAME]");
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(Args { corpus, cli, out, quick, only })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let load = load_average();
    let files = corpus_files(&args.corpus)?;
    let seed_path =
        files.iter().find(|p| p.parent().is_some_and(|d| d.ends_with("seed"))).ok_or("no seed statement")?;
    let seed = std::fs::read_to_string(seed_path).map_err(|e| format!("{}: {e}", seed_path.display()))?;
    let unit = corpus_unit(&files)?;

    // The first call builds the gazetteers (start-up cost, paid once per process).
    let t = Instant::now();
    std::hint::black_box(statement_viewer::annotate(&seed));
    let first_ms = t.elapsed().as_secs_f64() * 1e3;
    eprintln!("bench: first annotate call (seed, builds the gazetteers): {first_ms:.1} ms");

    let wanted = |name: &str| args.only.as_deref().is_none_or(|o| o.eq_ignore_ascii_case(name));
    let mut annotate = Vec::new();
    if wanted("seed") {
        annotate.push(measure_annotate("seed", &seed, args.quick));
    }
    let sizes: &[(&str, usize)] = if args.quick && args.only.is_none() {
        &[("10KB", 10_000), ("100KB", 100_000)]
    } else {
        &[("10KB", 10_000), ("100KB", 100_000), ("1MB", 1_000_000), ("10MB", 10_000_000)]
    };
    for &(name, size) in sizes {
        if wanted(name) {
            annotate.push(measure_annotate(name, &mixed(&unit, size), args.quick));
        }
        if name == "1MB" && wanted("1MB-record") {
            let record = args.corpus.join(RECORD_FILE);
            let mut r = std::fs::read(&record).map_err(|e| format!("{}: {e}", record.display()))?;
            r.push(b'\n');
            annotate.push(measure_annotate("1MB-record", &mixed(&r, size), args.quick));
        }
    }
    if annotate.is_empty() && !wanted("growth") {
        return Err(format!("--only: no input named {:?}", args.only.unwrap_or_default()));
    }
    let ms = |name: &str| annotate.iter().find(|v| v["name"] == name).and_then(|v| v["median_ms"].as_f64());
    let growth = match (ms("1MB"), ms("10MB")) {
        (Some(a), Some(b)) => json!(b / a),
        _ => Value::Null,
    };
    let interleaved = if wanted("growth") && !(args.quick && args.only.is_none()) {
        measure_growth(&mixed(&unit, 1_000_000), &mixed(&unit, 10_000_000), if args.quick { 2 } else { 7 })
    } else {
        Value::Null
    };

    let cli = if args.only.is_some() {
        Value::Null
    } else if args.cli.is_file() {
        bench_cli(&args.cli, &files, args.quick)?
    } else {
        eprintln!("bench: {} not found (cargo build --release): CLI not measured", args.cli.display());
        Value::Null
    };

    let report = json!({
        "seed_file": seed_path.file_name().map(|n| n.to_string_lossy().into_owned()),
        "corpus_files": files.len(),
        "corpus_bytes": unit.len(),
        "first_call_ms": first_ms,
        "annotate": annotate,
        "time_ratio_10mb_1mb": growth,
        "growth": interleaved,
        "cli": cli,
        "profile": if cfg!(debug_assertions) { "debug" } else { "release" },
        "load_average_at_start": load,
    });
    let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    match &args.out {
        Some(p) => std::fs::write(p, text + "\n").map_err(|e| format!("{}: {e}", p.display()))?,
        None => println!("{text}"),
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("bench: {e}");
        std::process::exit(2);
    }
}
