// Page side of the browser benchmark (bench/page.html): statement-viewer's annotate() through the
// JavaScript API (www/api.js: the full call, returning the JS object) and, side by side,
// compromise (nlp(text) with .people(), .places(), .organizations() extracted). Every function
// reports figures; none judges them. bench/run.mjs calls them with page.evaluate.
import { annotate, ready } from '../www/api.js';
import init from '../www/pkg/statement_viewer.js';

const COMPROMISE_URL = '../node_modules/compromise/builds/three/compromise-three.mjs';
const MB = 1e6;
const encoder = new TextEncoder();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/**
 * Times `fn(text)`. Warm-up: `warmup` calls, continued until `warmupMs` have passed (so that the
 * WebAssembly and JavaScript engines tier up their code). Each sample repeats the call until it
 * lasts ≥ 10 ms (the browser's clock is coarse); samples are taken until `minRuns` and `minMs`
 * are reached or `maxRuns` is. Returns { bytes, first_call_ms, runs, calls_per_run, median_ms
 * (per call), min_ms, mb_per_s, result }.
 */
async function measure(fn, text, { warmup = 1, warmupMs = 0, minRuns = 5, maxRuns = 50, minMs = 1000 } = {}) {
  const bytes = encoder.encode(text).length;
  let out;
  let once = 0;
  let first = null;
  const warmStart = performance.now();
  for (let i = 0; i < warmup || (warmup > 0 && performance.now() - warmStart < warmupMs); i++) {
    const t = performance.now();
    out = await fn(text);
    once = performance.now() - t;
    if (first == null) first = once;
  }
  // Calls per sample, from the last warm-up call's time (one call when there was no warm-up).
  const perSample = warmup ? Math.max(1, Math.min(1000, Math.ceil(10 / Math.max(once, 0.01)))) : 1;
  const times = [];
  const start = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - start < minMs)) {
    const t = performance.now();
    for (let k = 0; k < perSample; k++) out = await fn(text);
    times.push((performance.now() - t) / perSample);
  }
  const med = median(times);
  if (first == null) first = times[0];
  return {
    bytes,
    first_call_ms: first,
    runs: times.length,
    calls_per_run: perSample,
    median_ms: med,
    min_ms: Math.min(...times),
    mb_per_s: bytes / MB / (med / 1000),
    result: out,
  };
}

function wasmMemoryBytes(exports) {
  return exports?.memory?.buffer?.byteLength ?? null;
}

let wasmExports = null;

/** Loads the wasm (through the API, as a page would); returns the memory size after start-up. */
async function start() {
  const t = performance.now();
  await ready();
  const loadMs = performance.now() - t;
  // The glue's init() returns the instance's exports (memory included) once initialised.
  wasmExports = await init();
  return { load_ms: loadMs, wasm_memory_bytes: wasmMemoryBytes(wasmExports) };
}

/** statement-viewer annotate() via the JS API. */
async function annotateBench(text, opts) {
  const r = await measure((t) => annotate(t), text, opts);
  const doc = r.result;
  delete r.result;
  r.entities = doc.entities.length;
  r.wasm_memory_bytes = wasmMemoryBytes(wasmExports);
  return r;
}

let nlp = null;

/** compromise: nlp(text) and the people, places and organizations, as arrays of strings. */
async function compromiseBench(text, opts) {
  if (!nlp) {
    const t = performance.now();
    nlp = (await import(COMPROMISE_URL)).default;
    compromiseLoadMs = performance.now() - t;
  }
  const run = (t) => {
    const d = nlp(t);
    return { people: d.people().out('array'), places: d.places().out('array'), organizations: d.organizations().out('array') };
  };
  const r = await measure(run, text, opts);
  const found = r.result;
  delete r.result;
  r.entities = found.people.length + found.places.length + found.organizations.length;
  r.sample = { people: found.people.slice(0, 3), places: found.places.slice(0, 3), organizations: found.organizations.slice(0, 3) };
  r.load_ms = compromiseLoadMs;
  return r;
}
let compromiseLoadMs = null;

/**
 * Growth, interleaved: each round times one annotate() of `ten` (10× the bytes), then ten of `one`,
 * so that both see the machine in the same state. A round's ratio is the `ten` call's time over
 * the mean of the ten `one` calls. Returns { rounds, bytes_ratio, ratio (the median) }.
 */
async function growthBench(one, ten, rounds) {
  const timed = async (t) => {
    const t0 = performance.now();
    await annotate(t);
    return performance.now() - t0;
  };
  await timed(ten);
  await timed(one);
  const ratios = [];
  for (let r = 0; r < rounds; r++) {
    const big = await timed(ten);
    let small = 0;
    for (let k = 0; k < 10; k++) small += await timed(one);
    ratios.push(big / (small / 10));
  }
  return { rounds, bytes_ratio: encoder.encode(ten).length / encoder.encode(one).length, ratio: median(ratios) };
}

window.svBench = { start, annotate: annotateBench, growth: growthBench, compromise: compromiseBench, memory: () => wasmMemoryBytes(wasmExports) };
document.getElementById('status').textContent = 'Ready.';
document.documentElement.dataset.ready = 'true';
