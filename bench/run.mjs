// Browser benchmark and the results table. `make bench` (scripts/bench.sh) runs the native bench
// first and then:
//
//   node bench/run.mjs [--native target/bench/native.json] [--out bench/RESULTS.md] [--quick]
//                      [--viewer-only]
//
// --viewer-only: only the viewer page and its download sizes (no JS API, no compromise).
//
// In headless Chromium (tests/e2e/harness.mjs: Debian's chromium through playwright-core), with
// the repository root served so that bench/page.html can import ../www and ../node_modules:
//   - annotate() through the JavaScript API (www/api.js) on the seed and on 10 KB … 10 MB of mixed
//     corpus text (bench/inputs.mjs: the same inputs as the native bench): MB/s, median of N runs
//     after a warm-up; the wasm linear memory after 10 MB;
//   - the same texts through compromise (people, places, organizations), and the ratio;
//   - the real viewer page (www/index.html): from setting the textarea and dispatching `input`
//     until the first marks of the new view are painted in its first screen, and until the page
//     is no longer busy (html[data-busy] removed) and a frame has been painted; split into the
//     wait before the page sends the text to its worker, the analysis there and the rendering;
//     and, for the 1 MB record, the wait (typing debounce) after an `input` from typing;
//   - the gzip -9 size of every file the viewer page downloads.
// Prints one markdown table (native and browser figures, budgets with ✓/✗, the machine) and
// writes it to --out. Figures are reported, never asserted: a slow run does not fail.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

import { corpusDir, launchBrowser, readCorpus, repoRoot, startServer } from '../tests/e2e/harness.mjs';
import { corpusUnit, mixedInput, SIZES, seedInput } from './inputs.mjs';

const MB = 1e6;
const VIEWPORT = { width: 1280, height: 900 };
const COMPROMISE_FILE = 'node_modules/compromise/builds/three/compromise-three.mjs';
/** The verbatim record that the budget "1 MB verbatim record" names (repeated to 1 MB). */
const RECORD_FILE = 'dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// ---------------------------------------------------------------------------------------------
// Page instrumentation for the viewer: stamps when the page sends the text to its analysis
// worker (the end of its typing debounce), when the answer for the text's prefix arrives (long
// texts) and when the last message of the worker's answer arrives. Short texts are analysed on
// the page: no stamps.

function instrumentWorker() {
  const stamps = { requestAt: null, partialAt: null, resultAt: null };
  window.__svBenchStamps = stamps;
  const Base = window.Worker;
  if (!Base) return;
  window.Worker = class extends Base {
    constructor(...args) {
      super(...args);
      // The answer: a 'result' message, for big documents followed by 'part' messages.
      this.addEventListener('message', (e) => {
        if (e.data?.type === 'result' || e.data?.type === 'part') stamps.resultAt = performance.now();
        if (e.data?.type === 'partial') stamps.partialAt = performance.now();
      });
    }

    postMessage(msg, ...rest) {
      if (msg?.type === 'annotate') stamps.requestAt = performance.now();
      return super.postMessage(msg, ...rest);
    }
  };
}

// Runs in the viewer page: sets the text as a paste (or typing: inputType) would and times the view. All times are ms
// from just before the textarea is set.
async function viewerRun([text, inputType]) {
  const ta = document.getElementById('input');
  const view = document.getElementById('text-view');
  const root = document.documentElement;
  const stamps = window.__svBenchStamps || {};
  stamps.requestAt = null;
  stamps.partialAt = null;
  stamps.resultAt = null;
  const oldFirst = view.firstChild;
  // A timestamp taken after the next frame has been painted: rAF runs before that frame's
  // paint, a message posted from it is handled after.
  const afterNextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(performance.now());
    ch.port2.postMessage(0);
  }));
  // First screen: the first mark of the new view is laid out within one screen height of the
  // view's top (the view starts on the first screen at 1280×900), checked at every frame.
  let stop = false;
  const firstScreen = new Promise((resolve) => {
    const check = () => {
      if (stop) { resolve(null); return; }
      if (view.firstChild !== oldFirst) {
        const m = view.querySelector('mark');
        if (m) {
          const r = m.getBoundingClientRect();
          if (r.height > 0 && r.top - view.getBoundingClientRect().top < innerHeight) {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve(performance.now());
            ch.port2.postMessage(0);
            return;
          }
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const notBusy = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (!root.dataset.busy) { mo.disconnect(); resolve(performance.now()); }
    });
    mo.observe(root, { attributes: true, attributeFilter: ['data-busy'] });
  });
  const t0 = performance.now();
  ta.value = text;
  ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType }));
  const busyGone = await notBusy;
  const whole = await afterNextPaint();
  const timeout = setTimeout(() => { stop = true; }, 2000);
  const first = await firstScreen;
  clearTimeout(timeout);
  const rel = (t) => (t == null ? null : t - t0);
  return {
    first_screen_ms: rel(first),
    whole_view_ms: rel(whole),
    busy_gone_ms: rel(busyGone),
    request_ms: rel(stamps.requestAt), // end of the typing debounce
    partial_ms: rel(stamps.partialAt), // the worker's answer for the prefix has arrived
    result_ms: rel(stamps.resultAt), // the worker's answer has arrived
    marks: view.querySelectorAll('mark').length,
    same_text: view.textContent === text,
  };
}

const median = (xs) => {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

export async function measureViewer(browser, baseUrl, input, runs, pauseMs, inputType = 'insertFromPaste') {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(instrumentWorker);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${baseUrl}www/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  await page.evaluate(() => localStorage.clear());
  const samples = [];
  for (let i = 0; i < runs; i++) {
    await sleep(pauseMs);
    samples.push(await page.evaluate(viewerRun, [input.text, inputType]));
  }
  await context.close();
  const pick = (k) => median(samples.map((s) => s[k]));
  const fromRequest = (k) => median(samples.map((s) => (s[k] != null && s.request_ms != null ? s[k] - s.request_ms : null)));
  return {
    name: input.name,
    bytes: input.bytes,
    runs,
    first_screen_ms: pick('first_screen_ms'),
    whole_view_ms: pick('whole_view_ms'),
    debounce_ms: pick('request_ms'),
    analysis_ms: median(samples.map((s) => (s.result_ms != null && s.request_ms != null ? s.result_ms - s.request_ms : null))),
    partial_ms: median(samples.map((s) => (s.partial_ms != null && s.request_ms != null ? s.partial_ms - s.request_ms : null))),
    render_ms: median(samples.map((s) => (s.result_ms != null ? s.whole_view_ms - s.result_ms : null))),
    first_screen_after_debounce_ms: fromRequest('first_screen_ms'),
    whole_view_after_debounce_ms: fromRequest('whole_view_ms'),
    marks: samples.at(-1)?.marks,
    same_text: samples.every((s) => s.same_text),
    errors,
  };
}

// Every file the viewer page downloads (page and worker), by URL, sized from disk after gzip -9.
async function measureTransfer(browser, baseUrl) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const urls = new Set();
  context.on('request', (req) => urls.add(req.url()));
  const page = await context.newPage();
  page.on('worker', (w) => urls.add(w.url()));
  await page.goto(`${baseUrl}www/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  await sleep(300);
  await context.close();
  const files = [];
  for (const u of urls) {
    const url = new URL(u);
    if (!url.href.startsWith(baseUrl)) continue; // data: URLs and the like
    const rel = decodeURIComponent(url.pathname).replace(/^\//, '');
    const file = path.join(repoRoot, rel);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) continue;
    const buf = fs.readFileSync(file);
    files.push({ path: rel, bytes: buf.length, gzip: gzipSize(buf) });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  return { files, total_bytes: files.reduce((s, f) => s + f.bytes, 0), total_gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

/**
 * The browser figures. opts.seedOnly: the seed alone, one or two runs of everything (the smoke
 * test); opts.quick: fewer and smaller runs. opts.log(message) reports progress.
 */
export async function browserBench(opts = {}) {
  const { seedOnly = false, quick = seedOnly, viewerOnly = false, log = () => {} } = opts;
  const seed = seedInput(corpusDir);
  const unit = corpusUnit(corpusDir);
  const sizes = seedOnly ? [] : SIZES.filter(([n]) => !quick || n !== '10MB');
  const mixed = sizes.map(([n, s]) => mixedInput(unit, n, s));
  const record = mixedInput(Buffer.from(`${readCorpus(RECORD_FILE)}\n`), '1MB-record', 1_000_000);
  const oneMb = mixed.find((m) => m.name === '1MB');

  const server = await startServer(repoRoot);
  const browser = await launchBrowser();
  const out = { chromium: browser.version(), api: [], compromise: [], viewer: [] };
  try {
    if (!viewerOnly) await apiAndCompromise();
    // The real viewer page.
    log('browser: viewer page, seed');
    out.viewer.push(await measureViewer(browser, server.url, seed, seedOnly ? 2 : quick ? 5 : 15, 150));
    if (!seedOnly) {
      for (const input of [record, oneMb]) {
        log(`browser: viewer page, ${input.name}`);
        out.viewer.push(await measureViewer(browser, server.url, input, quick ? 1 : 3, 1500));
      }
      log('browser: viewer page, 1MB-record typed');
      out.viewer_typed = await measureViewer(browser, server.url, record, 1, 1500, 'insertText');
    }
    log('browser: transfer sizes');
    out.transfer = await measureTransfer(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
  }
  const cbuf = fs.readFileSync(path.join(repoRoot, COMPROMISE_FILE));
  out.compromise_size = { path: COMPROMISE_FILE, bytes: cbuf.length, gzip: gzipSize(cbuf) };
  return out;

  // JS API and compromise, on the benchmark page.
  async function apiAndCompromise() {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${server.url}bench/page.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' || null, null, { timeout: 30_000 })
      .catch(() => { throw new Error(`bench/page.html did not start: ${errors.join('; ')}`); });
    out.start = await page.evaluate(() => window.svBench.start());
    const runOpts = (bytes) => {
      if (seedOnly) return { warmup: 1, minRuns: 2, maxRuns: 2, minMs: 0 };
      if (bytes >= 5e6) return { warmup: 1, minRuns: quick ? 2 : 5, maxRuns: 7, minMs: 0 };
      return { warmup: 1, warmupMs: quick ? 300 : 1000, minRuns: 5, maxRuns: 200, minMs: quick ? 300 : 1000 };
    };
    const apiInputs = [seed, ...mixed];
    if (!seedOnly) apiInputs.splice(apiInputs.indexOf(oneMb) + 1, 0, record);
    for (const input of apiInputs) {
      log(`browser: annotate via the JS API, ${input.name}`);
      const r = await page.evaluate(([t, o]) => window.svBench.annotate(t, o), [input.text, runOpts(input.bytes)]);
      out.api.push({ name: input.name, ...r });
    }
    const [one, ten] = [mixed.find((m) => m.name === '1MB'), mixed.find((m) => m.name === '10MB')];
    if (one && ten) {
      log('browser: growth, 1 MB and 10 MB interleaved');
      out.growth = await page.evaluate(([a, b, n]) => window.svBench.growth(a, b, n), [one.text, ten.text, quick ? 2 : 5]);
    }
    const biggest = out.api.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    out.wasm_memory_after = biggest.wasm_memory_bytes ?? null;
    out.wasm_memory_input = biggest.bytes;
    out.wasm_memory_input_name = biggest.name;
    out.wasm_first_call_ms = out.api[0]?.first_call_ms ?? null;

    // compromise: far slower, so fewer runs on the big inputs and none on 10 MB.
    const cOpts = (bytes) => {
      if (seedOnly) return { warmup: 0, minRuns: 1, maxRuns: 1, minMs: 0 };
      if (bytes >= 500_000) return { warmup: 0, minRuns: 1, maxRuns: 1, minMs: 0 };
      if (bytes >= 50_000) return { warmup: 1, minRuns: quick ? 1 : 2, maxRuns: 3, minMs: 0 };
      return { warmup: 1, minRuns: 3, maxRuns: 50, minMs: quick ? 300 : 1000 };
    };
    for (const input of [seed, ...mixed.filter((m) => m.bytes < 5e6)]) {
      log(`browser: compromise, ${input.name}`);
      const r = await page.evaluate(([t, o]) => window.svBench.compromise(t, o), [input.text, cOpts(input.bytes)]);
      out.compromise.push({ name: input.name, ...r });
    }
    out.bench_page_errors = errors;
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Machine and table

function tryRun(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

export function machineInfo(chromium, loadAtStart = os.loadavg()[0]) {
  let cpu = os.cpus()[0]?.model?.trim();
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch { /* not Linux */ }
  return {
    cpu: cpu || 'unknown',
    cores: os.availableParallelism?.() ?? os.cpus().length,
    load: loadAtStart.toFixed(2),
    rustc: tryRun('rustc', ['--version']) || 'unknown',
    chromium: chromium || 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

const f1 = (x) => (x == null || !Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ms = (x) => (x == null ? '–' : `${f1(x)} ms`);
const mbs = (x) => (x == null ? '–' : `${f1(x)} MB/s`);
const size = (b) => (b == null ? '–' : b >= 1e6 ? `${f1(b / 1e6)} MB` : `${f1(b / 1e3)} KB`);
const kb = (b) => (b == null ? '–' : `${(b / 1000).toFixed(1)} KB`);
const check = (ok) => (ok == null ? '' : ok ? '✓' : '✗');

/** The markdown report of `native` (src/bin/bench/ JSON, or null) and `browser` figures. */
export function renderTable(native, browser, machine) {
  const rows = [];
  const row = (figure, value, budget = '', ok = null) => rows.push(`| ${figure} | ${value} | ${budget} | ${check(ok)} |`);
  const lines = [];
  lines.push('# statement-viewer benchmark results', '');
  const load = [native?.load_average_at_start != null ? `${native.load_average_at_start.toFixed(2)} at the native start` : null, `${machine.load} at the browser start`].filter(Boolean).join(', ');
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores (1-minute load average ${load}) · ${machine.rustc} · Chromium ${machine.chromium} (headless) · Node ${machine.node} · ${machine.os} · ${machine.date}`);
  lines.push('');
  lines.push('MB = 10^6 bytes of UTF-8. Throughput from the median of N runs after a warm-up (the minimum is shown too: on a busy machine it is the steadier figure). Budgets are from the performance issue; they are reported (✓/✗), not asserted. Inputs: the seed statement, and the corpus statements concatenated and repeated to the size (`bench/inputs.mjs`).');
  lines.push('');
  lines.push('| Figure | Result | Budget | |', '| --- | --- | --- | --- |');

  if (native) {
    const a = (n) => native.annotate.find((x) => x.name === n);
    for (const x of native.annotate) {
      const budget = x.name === '1MB' ? '≥ 100 MB/s' : '';
      row(`Native annotate, ${x.name === 'seed' ? `seed (${size(x.bytes)})` : x.name}, one core`, `${mbs(x.mb_per_s)} (median ${ms(x.median_ms)}, min ${ms(x.min_ms)}, N=${x.runs}); ${f1(x.cpu_mb_per_s)} MB per CPU-second`, budget, budget ? x.mb_per_s >= 100 : null);
    }
    row('Native first annotate call (builds the gazetteers)', ms(native.first_call_ms));
    for (const n of ['seed', '1MB', '10MB']) {
      const x = a(n);
      if (x) row(`Native peak heap during one annotate, ${n}`, `${f1(x.peak_heap_x)}× input (${size(x.peak_heap_bytes)})`, n === '10MB' ? '< 10× (proxy)' : '', n === '10MB' ? x.peak_heap_x < 10 : null);
    }
    // Growth from CPU time per byte (steadier on a busy machine), the wall-clock ratio beside it.
    const [m1, m10] = [a('1MB'), a('10MB')];
    const g = native.growth;
    if (g?.cpu_ratio != null) {
      row(`Native growth: one 10 MB call / one 1 MB call, ${g.rounds} interleaved rounds (median)`, `${f1(g.cpu_ratio)}× in CPU time (${f1(g.wall_ratio)}× wall-clock) for ${f1(g.bytes_ratio)}× the bytes`, '≤ 11×', g.cpu_ratio <= 11);
    } else if (m1?.cpu_mb_per_s && m10?.cpu_mb_per_s) {
      const r = (m10.bytes / m10.cpu_mb_per_s) / (m1.bytes / m1.cpu_mb_per_s);
      row('Native growth: time 10 MB / time 1 MB', `${f1(r)}× in CPU time (${f1(native.time_ratio_10mb_1mb)}× in wall-clock medians)`, '≤ 11×', r <= 11);
    } else if (native.time_ratio_10mb_1mb != null) {
      row('Native growth: time 10 MB / time 1 MB', `${f1(native.time_ratio_10mb_1mb)}×`, '≤ 11×', native.time_ratio_10mb_1mb <= 11);
    }
    const c = native.cli;
    if (c) {
      const cpu = (j) => (j.cpu_seconds == null ? '' : `, CPU ${f1(j.cpu_seconds)} s`);
      row(`CLI \`annotate --jobs 1\`, ${c.files} files (${size(c.bytes)}, corpus ×${c.copies})`, `${f1(c.jobs1.files_per_s)} files/s, ${mbs(c.jobs1.mb_per_s)} (wall ${f1(c.jobs1.seconds)} s${cpu(c.jobs1)})`);
      row(`CLI \`annotate --jobs ${c.jobs_all.jobs}\` (every core), same files`, `${f1(c.jobs_all.files_per_s)} files/s, ${mbs(c.jobs_all.mb_per_s)} (wall ${f1(c.jobs_all.seconds)} s${cpu(c.jobs_all)}): ${f1(c.speedup)}× the one-job speed`);
    }
  }

  const api = (n) => browser.api.find((x) => x.name === n);
  for (const x of browser.api) {
    const budget = x.name === '1MB' ? '≥ 30 MB/s' : '';
    row(`Chromium annotate() via the JS API, ${x.name === 'seed' ? `seed (${size(x.bytes)})` : x.name}`, `${mbs(x.mb_per_s)} (median ${ms(x.median_ms)}, min ${ms(x.min_ms)}, N=${x.runs}${x.calls_per_run > 1 ? `×${x.calls_per_run}` : ''})`, budget, budget ? x.mb_per_s >= 30 : null);
  }
  if (browser.growth) {
    const g = browser.growth;
    row(`Chromium growth: one 10 MB call / one 1 MB call, ${g.rounds} interleaved rounds (median)`, `${f1(g.ratio)}× for ${f1(g.bytes_ratio)}× the bytes`, '≤ 11×', g.ratio <= 11);
  } else if (api('1MB') && api('10MB')) {
    const r = api('10MB').median_ms / api('1MB').median_ms;
    row('Chromium growth: time 10 MB / time 1 MB', `${f1(r)}×`, '≤ 11×', r <= 11);
  }
  if (browser.start) row('Chromium wasm start-up (fetch, compile, instantiate via ready())', ms(browser.start.load_ms));
  if (browser.wasm_first_call_ms != null) row('Chromium first annotate() call, seed (gazetteers built, code not yet optimised)', ms(browser.wasm_first_call_ms));
  if (browser.wasm_memory_after != null) {
    const x = browser.wasm_memory_after / browser.wasm_memory_input;
    const big = browser.wasm_memory_input_name === '10MB';
    row(`Chromium wasm memory after annotating ${browser.wasm_memory_input_name} (linear memory never shrinks: ≥ the peak)`, `${size(browser.wasm_memory_after)} = ${f1(x)}× input (at start: ${size(browser.start?.wasm_memory_bytes)})`, big ? '< 10× input' : '', big ? x < 10 : null);
  }

  for (const v of browser.viewer) {
    const label = v.name === 'seed' ? 'seed' : v.name === '1MB-record' ? '1 MB verbatim record' : '1 MB mixed corpus';
    const isSeed = v.name === 'seed';
    const where = v.debounce_ms == null ? 'analysed on the page' : `includes ${ms(v.debounce_ms)} until the page sends the text to the worker`;
    row(`Viewer, ${label}: text set → highlighted view painted (N=${v.runs}; ${where})`,
      `first screen ${ms(v.first_screen_ms)}, whole view ${ms(v.whole_view_ms)}`,
      isSeed ? '≤ 16 ms' : 'first ≤ 200 ms, whole ≤ 1 s',
      isSeed ? v.whole_view_ms <= 16 : v.name === '1MB-record' ? v.first_screen_ms <= 200 && v.whole_view_ms <= 1000 : null);
    if (v.debounce_ms == null) continue;
    const prefix = v.partial_ms == null ? '' : `its prefix's answer after ${ms(v.partial_ms)}; `;
    row(`Viewer, ${label}: the same, from when the text is sent to the worker (${prefix}analysis in the worker and transfer ${ms(v.analysis_ms)}, then rendering ${ms(v.render_ms)})`,
      `first screen ${ms(v.first_screen_after_debounce_ms)}, whole view ${ms(v.whole_view_after_debounce_ms)}`,
      isSeed ? '≤ 16 ms' : 'first ≤ 200 ms, whole ≤ 1 s',
      isSeed ? v.whole_view_after_debounce_ms <= 16 : v.name === '1MB-record' ? v.first_screen_after_debounce_ms <= 200 && v.whole_view_after_debounce_ms <= 1000 : null);
  }
  const typed = browser.viewer_typed;
  if (typed) row('Viewer, 1 MB verbatim record typed into (`input` with inputType insertText): the typing debounce before the page sends the text to the worker', `${ms(typed.debounce_ms)} (whole view ${ms(typed.whole_view_ms)}, N=${typed.runs})`);
  if (browser.transfer) {
    row(`Viewer page downloads, gzip -9 (${browser.transfer.files.length} files, list below)`, `${kb(browser.transfer.total_gzip)} (${kb(browser.transfer.total_bytes)} raw)`, '≤ 200 KB', browser.transfer.total_gzip <= 200_000);
  }
  const cmp = browser.compromise;
  for (const c of cmp) {
    const sv = api(c.name);
    row(`compromise (people, places, organizations), ${c.name === 'seed' ? 'seed' : c.name}, Chromium`, `${mbs(c.mb_per_s)} (${ms(c.median_ms)}, N=${c.runs}) → statement-viewer is ${sv ? `${f1(sv.mb_per_s / c.mb_per_s)}×` : '–'} as fast`);
  }
  if (browser.compromise_size) row('compromise download, gzip -9 (for reference)', `${kb(browser.compromise_size.gzip)} (${kb(browser.compromise_size.bytes)} raw, \`${path.basename(browser.compromise_size.path)}\`)`);
  lines.push(...rows, '');

  if (browser.transfer) {
    lines.push('What the viewer page downloads (each file gzipped with zlib level 9):', '', '| File | Raw | gzip -9 |', '| --- | --- | --- |');
    for (const f of browser.transfer.files) lines.push(`| \`${f.path}\` | ${kb(f.bytes)} | ${kb(f.gzip)} |`);
    lines.push(`| total | ${kb(browser.transfer.total_bytes)} | ${kb(browser.transfer.total_gzip)} |`, '');
  }
  const notes = [];
  if (native) notes.push('Native: `target/release/bench` (src/bin/bench/), release profile of Cargo.toml; "per CPU-second": the bytes of all timed runs over the CPU time of the thread (steadier than wall-clock time when the machine is busy); peak heap from a counting global allocator; the CLI runs write JSON to /dev/null.');
  notes.push('A load average near or above the number of cores means other work shared the machine: wall-clock figures are then slower than the program is, and the CLI cannot gain from more jobs.');
  notes.push('Viewer times: from setting the textarea and dispatching `input` (as a paste) in www/index.html at 1280×900; "first screen": the first mark of the new view laid out within one screen of the view\'s top and painted; "whole view": html[data-busy] removed and the next frame painted. Texts under 20 K characters are analysed on the page; the page sends a longer pasted text to the worker at once, which answers first for a prefix of about 30 K characters (the first screen is drawn from it), then for the whole text; it waits for a pause only after typing in a text of 100 K characters or more (400 ms; not measured here). "Rendering" runs from the arrival of the worker\'s answer to the painted frame, so it includes the wait for the next frame (up to 16.7 ms at 60 Hz).');
  notes.push('compromise: the same texts, `nlp(text)` then `.people()`, `.places()`, `.organizations()` as arrays; not run on 10 MB (about two minutes at its speed). It tags parts of speech for every word, which statement-viewer does not do: the ratio compares the two tools on this task, not the same work.');
  const errs = [...(browser.bench_page_errors || []), ...[...browser.viewer, browser.viewer_typed].flatMap((v) => v?.errors || [])];
  if (errs.length) notes.push(`Page errors during the run: ${errs.join('; ')}`);
  const wrong = browser.viewer.filter((v) => !v.same_text);
  if (wrong.length) notes.push(`The text view did not reproduce the input for: ${wrong.map((v) => v.name).join(', ')}`);
  lines.push(...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main(argv) {
  let nativeFile = null;
  let outFile = null;
  let quick = false;
  let viewerOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--native') nativeFile = argv[++i];
    else if (a === '--out') outFile = argv[++i];
    else if (a === '--quick') quick = true;
    else if (a === '--viewer-only') viewerOnly = true;
    else throw new Error(`unknown argument ${a}\nusage: node bench/run.mjs [--native FILE.json] [--out FILE.md] [--quick] [--viewer-only]`);
  }
  const native = nativeFile ? JSON.parse(fs.readFileSync(nativeFile, 'utf8')) : null;
  const t0 = Date.now();
  const loadAtStart = os.loadavg()[0];
  const browser = await browserBench({ quick, viewerOnly, log: (m) => console.error(`bench: ${m}`) });
  console.error(`bench: browser part took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  const machine = machineInfo(browser.chromium, loadAtStart);
  const md = renderTable(native, browser, machine);
  process.stdout.write(`${md}\n`);
  if (outFile) {
    fs.writeFileSync(outFile, `${md}\n`);
    console.error(`bench: written to ${outFile}`);
  }
  const raw = path.join(repoRoot, 'target', 'bench', 'browser.json');
  fs.mkdirSync(path.dirname(raw), { recursive: true });
  fs.writeFileSync(raw, `${JSON.stringify({ machine, browser }, null, 2)}\n`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`bench: ${err?.stack || err}`);
    process.exit(1);
  });
}
