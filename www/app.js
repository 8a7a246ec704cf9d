// Page wiring: input, analysis (main thread or worker), view, legend, index, details, export,
// permalink, storage, theme. Everything stays in this browser tab.
import init, { initSync, annotate, renderHtml, version } from './pkg/statement_viewer.js';
import {
  KINDS, KIND_LABELS, renderDocument, renderCard, renderMeetingCard, speakerLabel, el, addRow, entityLink, prependFlag,
} from './viewer.js';
import {
  toJson, toDisplacy, toCsv, toHtmlSnippet, encodeFragment, decodeFragment, decodeFile,
} from './export.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const TEXT_KEY = 'statement-viewer:text';
const THEME_KEY = 'statement-viewer:theme';
const MAX_FILE = 50 * 1048576; // bytes
const LARGE = 100_000; // UTF-16 units; larger texts show progress and render in slices
// Shorter texts are analysed on the page itself (about 6 ms at this length in Chromium on a busy
// machine), so that their view is painted in the frame that shows the edit; longer ones in the
// worker, which first answers for a prefix of about PREFIX units, then for the whole text.
const SMALL = 20_000; // UTF-16 units
const PREFIX = 30_000; // UTF-16 units
const FIRST_CHARS = 5_000; // UTF-16 units of a prefix's view: a screenful and more
const EMPTY_DOC = Object.freeze({ meeting: null, statements: [], blocks: [], entities: [] });
// Texts this long stay out of the text box: a text box lays out its whole value in one go (in
// Chromium about 0.5 s per million characters, 21 s for 20 million, more for mixed scripts),
// which would freeze the page.
const HUGE = 150_000; // UTF-16 units
const KEEP_IN_BOX = 4_000_000; // UTF-16 units a hidden text box may keep (see keepAside)
const OUTLINE_MAX = 500; // entries in the list of speakers
const OUTLINE_FIRST = 30; // entries shown with a long text's first screen (more than its box holds)
const DRAFT_MAX = 5_000_000; // UTF-16 units: about what localStorage holds for one site
const EMPTY_MESSAGE = 'No text yet: paste a statement above, open or drop a .txt file, or load the example.';
const BLANK_MESSAGE = 'The text is only blank space: there is nothing to highlight.';

const ui = {
  input: $('input'), view: $('text-view'), cards: $('cards'), outline: $('outline'),
  outlineList: $('outline-list'), legend: $('legend'), index: $('index'), filter: $('filter'),
  details: $('details'), status: $('status'), alert: $('alert'), progress: $('progress'),
  progressBar: $('progress-bar'), progressLabel: $('progress-label'), announce: $('announce'),
  undoBar: $('undo-bar'), permalinkOut: $('permalink-out'), file: $('file'), theme: $('theme'),
  dropOverlay: $('drop-overlay'),
};

const state = {
  text: '',
  doc: EMPTY_DOC,
  view: null, // result of renderDocument
  seed: '',
  reqId: 0,
  hidden: new Set(), // kinds whose highlighting is hidden
  current: -1, // entity index of the focused/current mark
  groups: new Map(), // index key -> {kind, canonical, texts:Set, indices:[]}
  cursor: new Map(), // index key -> position of the last mention visited
  cleared: null, // text before Clear, for Undo
  aside: null, // the text when it is too long for the text box (HUGE), else null
  editAside: false, // the user chose to edit such a text in the box all the same
  version: '',
  partial: 0, // the request id whose prefix's view is shown, else 0
};

// ---------------------------------------------------------------------------------------------
// Messages

const alerts = new Map();
function setAlert(key, message) {
  if (message) alerts.set(key, message); else alerts.delete(key);
  const text = [...alerts.values()].join(' ');
  if (ui.alert.textContent !== text) ui.alert.textContent = text; // unchanged: not announced again
  ui.alert.hidden = alerts.size === 0;
}

function setStatus(message) {
  ui.status.textContent = message;
}

// A note that prefixes the status line after the next analysis ("Opened x.txt. 12 entities…").
let note = '';
function noteForNextStatus(message) {
  note = message;
  setStatus(message);
}

function announce(message) {
  ui.announce.textContent = '';
  // A fresh text node makes screen readers repeat identical messages.
  requestAnimationFrame(() => { ui.announce.textContent = message; });
}

function setBusy(busy) {
  if (busy) root.dataset.busy = 'true'; else delete root.dataset.busy;
}

function showProgress(label, value) {
  ui.progress.hidden = false;
  ui.progressLabel.textContent = label;
  if (value == null) ui.progressBar.removeAttribute('value'); else ui.progressBar.value = value;
}

function hideProgress() {
  ui.progress.hidden = true;
}

const kb = (n) => {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} million characters`;
  return n < 1024 ? `${n} characters` : `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} K characters`;
};

// ---------------------------------------------------------------------------------------------
// Analysis: short texts on the page; long ones in the worker when it runs (the main thread
// never blocks on them), else here too.

/** The worker failed (it stopped, or a message could not cross): the request is worth repeating. */
class WorkerLost extends Error {}

/** Resolved value of a request cancelled by a newer text. */
const CANCELLED = Symbol('cancelled');

const WORKER_STARTS = 3; // the first worker and two replacements; after that, analysis on the page

const engine = {
  module: null,
  worker: null,
  starts: 0,
  spawning: null,
  version: '',
  local: false, // no worker: everything is analysed on the page
  onPage: false, // the page's own instance is ready (for short texts)
  nextId: 0,
  pending: new Map(), // request id -> {resolve, reject, doc, parts: pieces still to come, onPartial}

  async load() {
    const url = new URL('./pkg/statement_viewer_bg.wasm', import.meta.url);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not load the analysis engine (${res.status})`);
    this.module = await WebAssembly.compile(await res.arrayBuffer());
  },

  /** Starts the analysis (a worker, else the page's own instance); resolves with the version. */
  async startWorker() {
    try {
      initSync({ module: this.module });
      this.onPage = true;
    } catch {
      this.onPage = false; // short texts go to the worker too
    }
    await this.ensure();
    return this.worker ? this.version : version();
  },

  /** A worker when one runs or can be (re)started, else the page's own instance. */
  async ensure() {
    if (this.worker || this.local) return;
    if (!this.spawning) this.spawning = this.spawn().finally(() => { this.spawning = null; });
    if (!(await this.spawning) && !this.worker) await this.startLocal();
  },

  /** Starts a worker; resolves true once it is ready, false when none could start. */
  spawn() {
    if (this.starts >= WORKER_STARTS) return Promise.resolve(false);
    this.starts++;
    return new Promise((resolve) => {
      let worker = null;
      let timer = 0;
      const fail = () => {
        clearTimeout(timer);
        try { worker?.terminate(); } catch { /* gone already */ }
        resolve(false);
      };
      timer = setTimeout(fail, 15000);
      try {
        worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
        worker.onmessage = (e) => {
          if (e.data?.type !== 'ready') { fail(); return; }
          clearTimeout(timer);
          this.version = e.data.version;
          this.adopt(worker);
          resolve(true);
        };
        worker.onerror = (e) => { e.preventDefault?.(); fail(); };
        worker.postMessage({ type: 'init', module: this.module });
      } catch {
        fail();
      }
    });
  },

  adopt(worker) {
    this.worker = worker;
    worker.onmessage = (e) => this.receive(worker, e.data || {});
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.drop(worker, `the analysis worker stopped${e.message ? ` (${e.message})` : ''}`);
    };
    worker.onmessageerror = () => this.drop(worker, 'a message from the analysis worker could not be read');
  },

  /** Gives up on `worker`: its requests fail with WorkerLost; the next call starts another. */
  drop(worker, reason) {
    if (this.worker !== worker) return;
    this.worker = null;
    try { worker.terminate(); } catch { /* gone already */ }
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.reject(new WorkerLost(reason));
  },

  receive(worker, msg) {
    const p = this.pending.get(msg.id);
    if (!p) return;
    try {
      if (msg.type === 'partial') {
        p.onPartial?.(JSON.parse(msg.json), msg.end);
        return;
      }
      if (msg.type === 'cancelled') {
        this.pending.delete(msg.id);
        p.resolve(CANCELLED);
        return;
      }
      if (msg.type === 'part') {
        // The pieces of a long document, parsed and appended as they come, each in its own task
        // (see worker.js).
        let target = p.doc;
        for (const key of msg.path) target = target[key];
        for (const item of JSON.parse(msg.json)) target.push(item);
        if (--p.parts > 0) return;
        this.pending.delete(msg.id);
        p.resolve(p.doc);
        return;
      }
      if (msg.type !== 'result') {
        this.pending.delete(msg.id);
        p.reject(new Error(msg.message || 'the analysis failed'));
        if (msg.fatal) this.drop(worker, 'the analysis engine failed');
        return;
      }
      if (msg.json == null) {
        this.pending.delete(msg.id);
        p.resolve(msg.value);
        return;
      }
      p.doc = JSON.parse(msg.json);
      p.parts = msg.parts || 0;
      if (p.parts > 0) return;
      this.pending.delete(msg.id);
      p.resolve(p.doc);
    } catch (err) {
      this.pending.delete(msg.id);
      p.reject(err);
    }
  },

  async startLocal() {
    if (!this.local) {
      await init({ module_or_path: this.module });
      this.local = true;
      this.onPage = true;
    }
  },

  /** Cancels the worker's requests that wait for their second stage (a newer text came). */
  cancel() {
    try {
      for (const [id, p] of this.pending) if (p.onPartial) this.worker?.postMessage({ type: 'cancel', id });
    } catch { /* its answer is ignored all the same */ }
  },

  /**
   * Runs annotate() or renderHtml() on `text`; resolves with its result (or CANCELLED). Rejects
   * with WorkerLost when the worker fails meanwhile (the next call starts a new one, or runs on
   * the page). onPartial(doc, end): for a long text, called first with the document of
   * text.slice(0, end).
   */
  async call(fn, text, onPartial = null) {
    if (fn === 'annotate' && this.onPage && text.length < SMALL) {
      try {
        return annotate(text);
      } catch (err) {
        if (err instanceof WebAssembly.RuntimeError) this.onPage = false; // trapped: not used again
        throw err;
      }
    }
    await this.ensure();
    const worker = this.worker;
    if (worker) {
      const id = ++this.nextId;
      const prefix = fn === 'annotate' && onPartial ? PREFIX : undefined;
      return new Promise((resolve, reject) => {
        this.pending.set(id, { resolve, reject, doc: null, parts: 0, onPartial: prefix ? onPartial : null });
        try {
          worker.postMessage({ type: fn, id, text, prefix });
        } catch (err) {
          this.drop(worker, `the analysis worker could not be reached (${err?.message || err})`);
        }
      });
    }
    return fn === 'html' ? renderHtml(text) : annotate(text);
  },
};

/** engine.call(), once more when the worker fails (on a new worker, or on the page), and says so. */
async function runEngine(fn, text, onPartial) {
  let lost = null;
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await engine.call(fn, text, onPartial);
      if (lost) {
        setAlert('worker', `${lost}; ${engine.worker ? 'a new one took over' : 'the analysis now runs on this page, which can be slower'}. Your text is kept.`);
      }
      return result;
    } catch (err) {
      if (!(err instanceof WorkerLost) || attempt >= 2) throw err;
      lost = `The analysis stopped unexpectedly: ${err.message}`;
    }
  }
}

let analysisTimer = 0;
function scheduleAnalysis(delay) {
  clearTimeout(analysisTimer);
  setBusy(true);
  analysisTimer = setTimeout(() => { analysisTimer = 0; analyse(); }, delay);
}

// Latest text wins: while one analysis runs, further requests only mark the text as changed.
let running = null;
let rerun = false;
function analyse() {
  clearTimeout(analysisTimer);
  analysisTimer = 0;
  if (running) {
    rerun = true;
    state.view?.cancel(); // a long text may still be rendering: the newer text goes first
    engine.cancel(); // nor does the worker go on with the older text's second stage
    return running;
  }
  running = (async () => {
    do {
      rerun = false;
      const text = currentText();
      const id = ++state.reqId;
      setBusy(true);
      setAlert('analysis', null);
      const large = text.length >= LARGE;
      if (large) showProgress(`Analysing ${kb(text.length)}…`, null);
      let doc;
      // A long text's first screen is painted from its prefix's document while the worker reads on.
      const partial = (prefixDoc, end) => {
        if (rerun || id !== state.reqId) return;
        paintPartial(text, end, prefixDoc, id).catch(() => {}); // the whole document follows
      };
      try {
        doc = await runEngine('annotate', text, large ? partial : null);
      } catch (err) {
        setAlert('analysis', `The text could not be analysed (${err?.message || err}); it is shown without highlighting.`);
        doc = EMPTY_DOC;
      }
      if (rerun || doc === CANCELLED) continue;
      try {
        await paint(text, doc || EMPTY_DOC, id);
      } catch (err) {
        // Never lose the text: show it plain if the highlighted view cannot be built.
        setAlert('analysis', `The highlighted view failed (${err?.message || err}); the text is shown plain.`);
        ui.view.textContent = text;
        hideProgress();
        if (!rerun) setBusy(false);
      }
    } while (rerun);
  })().finally(() => { running = null; });
  return running;
}

// ---------------------------------------------------------------------------------------------
// Painting

/** Drops the view on screen (and its cursor, groups and details) for `text` and its `doc`. */
function startView(text, doc) {
  if (state.view) state.view.cancel();
  state.text = text;
  state.doc = doc;
  state.current = -1;
  state.cursor.clear();
  state.groups = new Map();
  hideDetails();
}

/**
 * A long text's first screen, from the document of text.slice(0, end); paint() replaces it. Only
 * about FIRST_CHARS are rendered (cut after a line): more would take time from the worker's
 * analysis of the whole, and a long block is rendered in one go.
 */
async function paintPartial(text, end, doc, id) {
  startView(text, doc);
  renderCards(doc, OUTLINE_FIRST);
  let shown = Math.min(end, FIRST_CHARS);
  const line = text.lastIndexOf('\n', shown - 1);
  if (line > shown / 2) shown = line + 1;
  else if (shown < end && /[\ud800-\udbff]/.test(text[shown - 1])) shown--;
  state.view = renderDocument(ui.view, text.slice(0, shown), doc, { progressive: true, firstSliceMs: 8, firstChars: 6000 });
  state.view.cancel();
  state.partial = id;
}

/**
 * Where the reader is in a view about to be replaced by one of the same text: the first mark
 * not above the window's top, as {start: its entity's start, top: its top}; null when the view
 * starts on screen or that part is not rendered.
 */
function viewAnchor() {
  const marks = state.view?.marks || [];
  const entities = state.doc.entities || [];
  if (!marks.length || ui.view.getBoundingClientRect().top >= 0) return null;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) { // marks are rendered in text order: a rendered prefix, then holes
    const mid = (lo + hi) >> 1;
    const m = marks[mid];
    if (m && m.getBoundingClientRect().bottom <= 0) lo = mid + 1; else hi = mid;
  }
  const m = marks[lo];
  return m && entities[lo] ? { start: entities[lo].start, top: m.getBoundingClientRect().top } : null;
}

/** Scrolls so that the mark at or after `anchor.start` in the new view is where the old one was. */
function keepAnchor(anchor) {
  const entities = state.doc.entities || [];
  let lo = 0;
  let hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (entities[mid].start < anchor.start) lo = mid + 1; else hi = mid;
  }
  const m = state.view.marks[lo];
  if (m) window.scrollBy(0, m.getBoundingClientRect().top - anchor.top);
}

async function paint(text, doc, id) {
  // The prefix's view of this text is on screen: the reader stays where they are.
  const anchor = state.partial === id ? viewAnchor() : null;
  state.partial = 0;
  startView(text, doc);
  const large = text.length >= LARGE;
  renderCards(doc, large ? OUTLINE_FIRST : OUTLINE_MAX);
  if (large) showProgress('Rendering…', 0);
  // The view first: a long text's first screen is painted before the side panels are built.
  state.view = renderDocument(ui.view, text, doc, {
    progressive: large,
    // More than a screenful; when keeping the reader's place, up to a screenful past it.
    firstSliceMs: anchor ? Infinity : 8,
    firstChars: (anchor ? anchor.start : 0) + 6000,
    onProgress: (done, total) => { if (id === state.reqId) showProgress(`Rendering… ${Math.round((100 * done) / total)}%`, done / total); },
  });
  if (anchor) keepAnchor(anchor);
  if (large) {
    await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); });
    if (rerun) return;
    if (!ui.outline.hidden) renderOutline(doc.statements, OUTLINE_FIRST);
  }
  if (!(await buildGroups(doc))) return;
  renderLegend(doc);
  renderIndex();
  const finished = await state.view.done;
  if (!finished || id !== state.reqId) return;
  hideProgress();
  const first = nextVisible(-1, 1);
  if (first >= 0) state.view.marks[first].tabIndex = 0;
  if (!analysisTimer && !rerun) setBusy(false);
  const n = doc.entities?.length || 0;
  const s = doc.statements?.length || 0;
  let summary = `${n} ${n === 1 ? 'entity' : 'entities'} in ${s} ${s === 1 ? 'statement' : 'statements'}.`;
  if (!text) summary = EMPTY_MESSAGE;
  else if (!text.trim()) summary = BLANK_MESSAGE;
  setStatus(`${note ? `${note} ` : ''}${summary}`);
  note = '';
}

// A card is worth showing when the core found something about the statement.
function hasCardContent(st) {
  const sp = st.speaker || {};
  return [sp.name, sp.role, sp.country, st.meeting, st.body, st.topic, st.date, st.place, st.language]
    .some((v) => v != null && v !== '');
}

/** The cards, and the first `outlineCount` entries of the outline (for records). */
function renderCards(doc, outlineCount) {
  ui.cards.textContent = '';
  const statements = doc.statements || [];
  if (doc.meeting) ui.cards.append(renderMeetingCard(doc.meeting, { heading: 2 }));
  if (statements.length === 1 && hasCardContent(statements[0])) ui.cards.append(renderCard(statements[0], { heading: 2 }));
  ui.outlineList.textContent = '';
  ui.outline.hidden = statements.length < 2;
  if (statements.length >= 2) renderOutline(statements, 0, outlineCount);
}

/** Outline entries from..to-1 (at most OUTLINE_MAX in all). */
function renderOutline(statements, from, to = OUTLINE_MAX) {
  // Thousands of entries would take the page seconds to lay out, and nobody scrolls through them.
  const end = Math.min(statements.length, to, OUTLINE_MAX);
  for (let i = from; i < end; i++) {
    const st = statements[i];
    const sp = st.speaker || {};
    const b = button('outline-item', speakerLabel(sp));
    prependFlag(b, sp.country_code);
    if (sp.country) b.append(el('span', 'outline-country', ` (${sp.country})`));
    const extra = [sp.role, st.language ? `in ${st.language}` : null].filter(Boolean).join(' · ');
    if (extra) b.append(el('span', 'outline-role', ` · ${extra}`));
    b.addEventListener('click', () => {
      const art = state.view?.statements[i];
      if (!art) return;
      art.scrollIntoView({ block: 'start' });
      art.focus({ preventScroll: true });
      flash(art);
    });
    ui.outlineList.append(listItem(b));
  }
  if (end === statements.length || end < OUTLINE_MAX) return;
  ui.outlineList.append(el('li', 'help', `${statements.length - OUTLINE_MAX} more statements follow in the text.`));
}

function button(className, text) {
  const b = el('button', className, text);
  b.type = 'button';
  return b;
}

function listItem(child) {
  const li = el('li');
  li.append(child);
  return li;
}

function swatch(kind) {
  const sw = el('span', 'swatch');
  sw.dataset.swatch = kind;
  sw.setAttribute('aria-hidden', 'true');
  return sw;
}

// ---------------------------------------------------------------------------------------------
// Legend and index

const keyOf = (e) => `${e.kind}\u0000${e.canonical || e.text}`;

/** Groups the entities for the index; resolves false when a newer text came meanwhile. */
async function buildGroups(doc) {
  state.groups = new Map();
  const entities = doc.entities || [];
  let t0 = performance.now();
  for (let i = 0; i < entities.length; i++) {
    const e = entities[i];
    const k = keyOf(e);
    let g = state.groups.get(k);
    if (!g) {
      g = { key: k, kind: e.kind, canonical: e.canonical || e.text, texts: new Set(), indices: [] };
      state.groups.set(k, g);
    }
    g.texts.add(e.text);
    g.indices.push(i);
    // Hundreds of thousands of entities take a while: let the page breathe between slices.
    if ((i & 255) === 255 && performance.now() - t0 > 12) {
      await new Promise((resolve) => { setTimeout(resolve, 0); });
      if (rerun) return false;
      t0 = performance.now();
    }
  }
  return true;
}

const legendCounts = new Map(); // kind -> its count's element, once the legend is built

function renderLegend(doc) {
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const e of doc.entities || []) if (e.kind in counts) counts[e.kind]++;
  if (!legendCounts.size) {
    for (const kind of KINDS) {
      const b = button('legend-item');
      b.dataset.toggleKind = kind;
      b.setAttribute('aria-pressed', String(!state.hidden.has(kind)));
      const count = el('span', 'count');
      b.append(swatch(kind), el('span', 'legend-label', KIND_LABELS[kind]), ' ', count);
      ui.legend.append(listItem(b));
      legendCounts.set(kind, count);
    }
  }
  // Updated in place: only the counts that changed are laid out again.
  for (const [kind, count] of legendCounts) {
    const n = String(counts[kind]);
    if (count.textContent !== n) count.textContent = n;
    count.parentElement.classList.toggle('empty', !counts[kind]);
  }
}

function toggleKind(kind) {
  if (state.hidden.has(kind)) state.hidden.delete(kind); else state.hidden.add(kind);
  const shown = !state.hidden.has(kind);
  ui.view.classList.toggle(`sv-hide-${kind}`, !shown);
  const b = ui.legend.querySelector(`[data-toggle-kind="${kind}"]`);
  if (b) b.setAttribute('aria-pressed', String(shown));
  announce(`${KIND_LABELS[kind]} highlighting ${shown ? 'shown' : 'hidden'}.`);
}

const groupOf = new WeakMap(); // index button -> group key

function renderIndex() {
  ui.index.textContent = '';
  const byKind = new Map(KINDS.map((k) => [k, []]));
  for (const g of state.groups.values()) {
    if (!byKind.has(g.kind)) byKind.set(g.kind, []);
    byKind.get(g.kind).push(g);
  }
  for (const [kind, groups] of byKind) {
    if (!groups.length) continue;
    groups.sort((a, b) => b.indices.length - a.indices.length || a.canonical.localeCompare(b.canonical));
    const section = el('div', 'index-group');
    section.dataset.groupKind = kind;
    const h = el('h3');
    h.append(swatch(kind), `${KIND_LABELS[kind] || kind} (${groups.length})`);
    const ul = el('ul');
    for (const g of groups) {
      const b = button('index-item');
      groupOf.set(b, g.key);
      const count = el('span', 'count', String(g.indices.length));
      count.append(el('span', 'visually-hidden', g.indices.length === 1 ? ' mention' : ' mentions'));
      b.append(el('span', 'index-name', g.canonical), ' ', count);
      ul.append(listItem(b));
    }
    section.append(h, ul);
    ui.index.append(section);
  }
  if (!state.groups.size) ui.index.append(el('p', 'help', 'No entities found.'));
  if (ui.filter.value.trim()) applyFilter();
}

function applyFilter() {
  const q = ui.filter.value.trim().toLowerCase();
  let shown = 0;
  for (const section of ui.index.querySelectorAll('.index-group')) {
    let any = false;
    for (const b of section.querySelectorAll('.index-item')) {
      const g = state.groups.get(groupOf.get(b));
      const hit = !q || g.canonical.toLowerCase().includes(q) || [...g.texts].some((t) => t.toLowerCase().includes(q))
        || (KIND_LABELS[g.kind] || '').toLowerCase() === q;
      b.parentElement.hidden = !hit;
      if (hit) { any = true; shown++; }
    }
    section.hidden = !any;
  }
  let none = ui.index.querySelector('.index-none');
  if (q && !shown) {
    if (!none) {
      none = el('p', 'help index-none');
      ui.index.append(none);
    }
    none.textContent = `No entity matches “${ui.filter.value.trim()}”.`;
  } else if (none) none.remove();
}

function stepIndex(key) {
  const g = state.groups.get(key);
  if (!g) return;
  const pos = ((state.cursor.get(key) ?? -1) + 1) % g.indices.length;
  state.cursor.set(key, pos);
  const i = g.indices[pos];
  if (state.hidden.has(g.kind)) toggleKind(g.kind);
  if (goTo(i, { focus: false })) announce(`${g.canonical}: mention ${pos + 1} of ${g.indices.length}.`);
}

// ---------------------------------------------------------------------------------------------
// Entity navigation and details

function nextVisible(from, dir) {
  const marks = state.view?.marks || [];
  const n = marks.length;
  for (let i = from + dir; i >= 0 && i < n; i += dir) {
    if (marks[i] && !state.hidden.has(state.doc.entities[i].kind)) return i;
  }
  return -1;
}

function flash(elem) {
  elem.classList.remove('sv-flash');
  void elem.offsetWidth; // restart the animation
  elem.classList.add('sv-flash');
  setTimeout(() => elem.classList.remove('sv-flash'), 1600);
}

function setCurrent(i) {
  const marks = state.view?.marks || [];
  for (const m of ui.view.querySelectorAll('mark[tabindex]')) if (m !== marks[i]) m.removeAttribute('tabindex');
  state.current = i;
  if (marks[i]) marks[i].tabIndex = 0;
}

function goTo(i, { focus = true } = {}) {
  const m = state.view?.marks[i];
  if (!m) return false;
  setCurrent(i);
  m.scrollIntoView({ block: 'center' });
  if (focus) m.focus({ preventScroll: true });
  flash(m);
  showDetails(i, m);
  return true;
}

function move(dir) {
  let i = nextVisible(state.current, dir);
  if (i < 0) {
    i = nextVisible(dir > 0 ? -1 : (state.view?.marks.length || 0), dir); // wrap around
    if (i < 0) { announce('No highlighted entity.'); return; }
    announce(dir > 0 ? 'Back to the first entity.' : 'Back to the last entity.');
  }
  goTo(i);
}

let hideTimer = 0;
let hoverTimer = 0;
let quiet = false; // focus returns to a mark without reopening its details

function showDetails(i, anchor) {
  clearTimeout(hideTimer);
  const e = state.doc.entities?.[i];
  if (!e || !anchor) return;
  const d = ui.details;
  d.textContent = '';
  d.dataset.e = String(i);
  d.dataset.swatch = e.kind;
  const dl = el('dl');
  if (e.text && e.text !== e.canonical) addRow(dl, 'As written', e.text);
  addRow(dl, 'Code', e.code);
  addRow(dl, 'Stands for', e.expansion);
  const g = state.groups.get(keyOf(e));
  if (g) addRow(dl, 'Mentions', String(g.indices.length));
  d.append(el('p', 'details-kind', KIND_LABELS[e.kind] || e.kind), el('p', 'details-name', e.canonical || e.text), dl);
  const link = entityLink(e, 'details-link');
  if (link) d.append(link);
  d.hidden = false;
  const r = anchor.getBoundingClientRect();
  const w = d.offsetWidth;
  const h = d.offsetHeight;
  const vw = document.documentElement.clientWidth;
  let top = r.bottom + 6;
  if (top + h > window.innerHeight && r.top - h - 6 > 0) top = r.top - h - 6;
  const left = Math.max(8, Math.min(r.left, vw - w - 8));
  d.style.top = `${Math.round(top + window.scrollY)}px`;
  d.style.left = `${Math.round(left + window.scrollX)}px`;
}

function hideDetails() {
  clearTimeout(hideTimer);
  ui.details.hidden = true;
}

function hideDetailsSoon() {
  clearTimeout(hideTimer);
  hideTimer = setTimeout(hideDetails, 250);
}

function markOf(target) {
  return target instanceof Element ? target.closest('mark[data-e]') : null;
}

// ---------------------------------------------------------------------------------------------
// Text input, storage, files

// The text lives in the text box, or, when it is too long for one (HUGE), in state.aside: the
// box is then hidden (a hidden box is never laid out) and a note says why.

/** The current text. */
function currentText() {
  return state.aside ?? ui.input.value;
}

const asideNote = (() => {
  const box = el('div', 'help');
  box.id = 'aside-note';
  box.tabIndex = -1;
  box.hidden = true;
  const p = el('p');
  const edit = button(null, 'Edit it here anyway (slow)');
  edit.addEventListener('click', () => {
    const text = state.aside;
    if (text == null) return;
    state.aside = null;
    state.editAside = true;
    box.hidden = true;
    ui.input.hidden = false;
    ui.input.value = text;
    ui.input.focus();
  });
  box.append(p, edit);
  return { box, p };
})();

/**
 * Keeps `text` out of the text box (too long for it), with a note. `inBox`: the box holds it
 * already (typed or pasted there); hidden, it may keep up to KEEP_IN_BOX units at little cost.
 */
function keepAside(text, inBox = false, why = null) {
  const had = document.activeElement === ui.input;
  state.aside = text;
  state.editAside = false;
  ui.input.hidden = true;
  if (!inBox || text.length > KEEP_IN_BOX) {
    // Emptying a box that holds megabytes takes a while (0.2 s for 20 MB), and so does removing
    // it while it has the focus (1 s); hidden and blurred, it is replaced by an empty one at once.
    if (ui.input.value.length > LARGE) {
      ui.input.blur();
      replaceInput();
    } else ui.input.value = '';
  }
  asideNote.p.textContent = `${why || `This text is ${kb(text.length)} long, too long to edit here without freezing the page.`} `
    + 'It is shown, read-only, in the highlighted view. Clear starts again.';
  asideNote.box.hidden = false;
  if (had) asideNote.box.focus();
}

/** Puts `text` in the text box, or aside when it is too long for it (or `why` says otherwise). */
function putText(text, why = null) {
  if (text.length >= HUGE || why) { keepAside(text, false, why); return; }
  const had = document.activeElement === asideNote.box || asideNote.box.contains(document.activeElement);
  state.aside = null;
  state.editAside = false;
  asideNote.box.hidden = true;
  if (ui.input.value.length > LARGE) replaceInput();
  ui.input.hidden = false;
  ui.input.value = text;
  if (had) ui.input.focus();
}

function replaceInput() {
  const old = ui.input;
  const box = document.createElement('textarea');
  for (const a of old.attributes) box.setAttribute(a.name, a.value);
  bindInput(box);
  old.replaceWith(box);
  ui.input = box;
}

function bindInput(box) {
  box.addEventListener('input', (e) => {
    const immediate = !TYPING.test(e.inputType || '');
    hideUndo();
    if (!state.editAside && box.value.length >= HUGE) {
      // Hidden at once (laying out megabytes in the box would take seconds); replacing the box
      // and handing the text to the analysis take the browser a while too (about 0.1 s each
      // for 20 MB): in the next task, not in the paste's.
      const had = document.activeElement === box;
      box.hidden = true;
      setBusy(true);
      setTimeout(() => {
        keepAside(box.value, true);
        if (had) asideNote.box.focus();
        textChanged({ immediate });
      }, 0);
    } else textChanged({ immediate });
  });
  // A paste that makes the text too long for the box goes aside without entering the box.
  box.addEventListener('paste', (e) => {
    const pasted = e.clipboardData?.getData('text/plain');
    if (!pasted || state.editAside) return;
    const before = box.value.slice(0, box.selectionStart);
    const after = box.value.slice(box.selectionEnd);
    if (before.length + pasted.length + after.length < HUGE) return;
    e.preventDefault();
    keepAside(before + pasted.replace(/\r\n?/g, '\n') + after); // as the box would: line ends as \n
    hideUndo();
    textChanged({ immediate: true });
  });
}

let saveTimer = 0;
function saveSoon() {
  clearTimeout(saveTimer);
  // Writing a megabyte takes a moment: save large texts less often while typing.
  saveTimer = setTimeout(saveNow, currentText().length >= LARGE ? 1500 : 400);
}

function saveNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const text = currentText();
  try {
    if (text.length > DRAFT_MAX) {
      // It would not fit: drop the older draft rather than bring it back after a reload.
      localStorage.removeItem(TEXT_KEY);
      setAlert('storage', `This text (${kb(text.length)}) is too long to keep as a draft in this browser (${kb(DRAFT_MAX)} at most): it will not come back after a reload. Keep your copy, or download it (Export).`);
      return;
    }
    localStorage.setItem(TEXT_KEY, text);
    setAlert('storage', null);
  } catch {
    setAlert('storage', 'Your text could not be saved in this browser (storage is full or disabled). Copy or download it before you close this page.');
  }
}

function readStored() {
  try {
    return localStorage.getItem(TEXT_KEY);
  } catch {
    return null;
  }
}

function dropFragment() {
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
}

function textChanged({ immediate = false } = {}) {
  dropFragment();
  setAlert('link', null);
  setAlert('worker', null);
  ui.permalinkOut.hidden = true;
  const n = currentText().length;
  // Ordinary texts are analysed at once (analyse() coalesces bursts of typing: the latest text
  // wins); long ones wait for a pause in typing, but not after a paste, a drop or a cut.
  if (immediate || n < LARGE) analyse(); else scheduleAnalysis(400);
  saveSoon();
}

// Keystroke-sized edits (InputEvent.inputType), which come in bursts; anything else (a paste,
// a drop, a cut, a script's own event) is one edit.
const TYPING = /^(insert(Text|LineBreak|Paragraph|CompositionText)|delete(Content|Word|SoftLine|HardLine)|history)/;

function setText(text, why) {
  putText(text, why);
  hideUndo();
  textChanged({ immediate: true });
}

function hideUndo() {
  ui.undoBar.hidden = true;
}

async function openFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE) {
    setAlert('file', `“${file.name}” is ${Math.round(file.size / 1048576)} MB; files over ${MAX_FILE / 1048576} MB are not opened.`);
    return;
  }
  try {
    const buf = await file.arrayBuffer();
    const { text, message, binary } = decodeFile(buf, file.name);
    setAlert('file', message);
    noteForNextStatus(`Opened ${file.name}.`);
    // Fragments of a binary file are for reading; in the text box, text in many scripts at
    // once is slow to lay out.
    setText(text, binary ? 'These are the readable fragments of a file that is not text.' : null);
  } catch (err) {
    setAlert('file', `“${file.name}” could not be read (${err?.message || err}).`);
  }
}

// ---------------------------------------------------------------------------------------------
// Export and share

// Styles for the core's renderHtml() markup, scoped to .sv-document so a host page is untouched.
const SNIPPET_CSS = `.sv-document{font:1rem/1.6 Georgia,serif;color:#1b1b1b;background:#fff;max-width:46rem;white-space:normal}
.sv-document .sv-block{display:block;margin:0 0 .75em;white-space:pre-line}
.sv-document .sv-paragraph,.sv-document .sv-closing,.sv-document .sv-procedural,.sv-document .sv-salutation,.sv-document .sv-speaker{white-space:normal}
.sv-document span.sv-block{display:inline;white-space:normal}
.sv-document .sv-header,.sv-document .sv-speaker,.sv-document .sv-heading{font-weight:700}
.sv-document .sv-salutation,.sv-document .sv-closing,.sv-document .sv-procedural{font-style:italic}
.sv-document .sv-furniture,.sv-document .sv-procedural,.sv-document .sv-cover,.sv-document .sv-note{color:#575b61}
.sv-document .sv-furniture{font-size:.8em}
.sv-document .sv-soft-hyphen{display:none}
.sv-document .sv-statement+.sv-statement{border-top:1px solid #c4c9d1;padding-top:.5em}
.sv-document mark{color:inherit;border-radius:2px;border-bottom:2px solid}
.sv-document mark[data-kind=person]{background:#ffe0e6;border-color:#c2185b}
.sv-document mark[data-kind=role]{background:#fbe7c6;border-color:#b26a00}
.sv-document mark[data-kind=country]{background:#d7ecff;border-color:#1565c0}
.sv-document mark[data-kind=nationality]{background:#d5f1f5;border-color:#00838f}
.sv-document mark[data-kind=place]{background:#ddf4dd;border-color:#2e7d32}
.sv-document mark[data-kind=organization]{background:#e8e1fb;border-color:#5e35b1}
.sv-document mark[data-kind=mission]{background:#fde0d0;border-color:#d84315}
.sv-document mark[data-kind=document]{background:#fff3bf;border-color:#8d6e00}
.sv-document mark[data-kind=event]{background:#f3dcf7;border-color:#8e24aa}
.sv-document mark[data-kind=date]{background:#e2ecd0;border-color:#558b2f}
.sv-document mark[data-kind=number]{background:#e3e7ea;border-color:#546e7a}
.sv-document mark[data-kind=term]{background:#d4f0e7;border-color:#00796b}`;

function baseName() {
  const st = state.doc.statements?.[0];
  const date = state.doc.meeting?.date || st?.date;
  const who = state.doc.meeting?.symbol || st?.speaker?.country || st?.speaker?.name;
  const parts = ['statement', who, date].filter(Boolean).join('-');
  return parts.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
}

async function exportPayload(format) {
  const text = state.text;
  const doc = state.doc;
  switch (format) {
    case 'displacy':
      return { data: toDisplacy(text, doc), mime: 'application/json', file: `${baseName()}.displacy.json`, label: 'displaCy JSON' };
    case 'html': {
      let html;
      try { html = await runEngine('html', text); } catch (err) { throw new Error(`HTML export failed (${err?.message || err})`); }
      return { data: toHtmlSnippet(html, SNIPPET_CSS), mime: 'text/html', file: `${baseName()}.html`, label: 'HTML snippet' };
    }
    case 'csv':
      return { data: toCsv(doc), mime: 'text/csv', file: `${baseName()}.entities.csv`, label: 'entity CSV', bom: true };
    default:
      return { data: toJson(text, doc, state.version), mime: 'application/json', file: `${baseName()}.json`, label: 'document JSON' };
  }
}

async function copyText(s) {
  try {
    await navigator.clipboard.writeText(s);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = s;
    ta.readOnly = true;
    ta.className = 'offscreen';
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

function download(data, mime, filename, bom) {
  const blob = new Blob(bom ? ['\ufeff', data] : [data], { type: `${mime};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

async function doExport(kind) {
  const format = $('export-format').value;
  let p;
  try {
    p = await exportPayload(format);
  } catch (err) {
    setStatus(String(err?.message || err));
    return;
  }
  if (kind === 'copy') {
    const ok = await copyText(p.data);
    setStatus(ok ? `Copied the ${p.label} to the clipboard.` : 'Could not copy to the clipboard here; use Download instead.');
  } else {
    download(p.data, p.mime, p.file, p.bom);
    setStatus(`Downloaded ${p.file}.`);
  }
}

async function makePermalink() {
  try {
    const frag = await encodeFragment(currentText());
    const url = `${location.href.split('#')[0]}#${frag}`;
    history.replaceState(null, '', url);
    ui.permalinkOut.value = url;
    ui.permalinkOut.hidden = false;
    const ok = await copyText(url);
    const long = url.length > 1_500_000 ? ' It is very long; some apps may cut it short.' : '';
    setStatus((ok ? 'Permalink copied to the clipboard; the address bar shows it too.' : 'Permalink ready: copy it from the field below.') + long);
  } catch (err) {
    setStatus(`Could not make a permalink (${err?.message || err}).`);
  }
}

async function textFromFragment() {
  if (location.hash.length < 2) return null;
  try {
    return await decodeFragment(location.hash);
  } catch {
    setAlert('link', 'The text in this link could not be read; the link may have been cut short.');
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Theme

function applyTheme(value) {
  if (value === 'light' || value === 'dark') root.dataset.theme = value; else delete root.dataset.theme;
}

function initTheme() {
  let saved = null;
  try { saved = localStorage.getItem(THEME_KEY); } catch { saved = null; }
  ui.theme.value = saved === 'light' || saved === 'dark' ? saved : 'auto';
  applyTheme(ui.theme.value);
  ui.theme.addEventListener('change', () => {
    applyTheme(ui.theme.value);
    try {
      if (ui.theme.value === 'auto') localStorage.removeItem(THEME_KEY); else localStorage.setItem(THEME_KEY, ui.theme.value);
    } catch { /* not remembered; still applied */ }
  });
}

// ---------------------------------------------------------------------------------------------
// Events

function isTyping(target) {
  return target instanceof Element && (target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') != null);
}

function wire() {
  bindInput(ui.input);
  ui.input.after(asideNote.box);
  $('open-file').addEventListener('click', () => ui.file.click());
  ui.file.addEventListener('change', () => { openFile(ui.file.files?.[0]); ui.file.value = ''; });
  $('load-example').addEventListener('click', () => { setAlert('file', null); noteForNextStatus('Example loaded.'); setText(state.seed); });
  $('clear').addEventListener('click', () => {
    if (!currentText()) return;
    state.cleared = currentText();
    putText('');
    setAlert('file', null);
    textChanged({ immediate: true });
    ui.undoBar.hidden = false;
    $('undo').focus();
  });
  $('undo').addEventListener('click', () => {
    if (state.cleared == null) return;
    noteForNextStatus('Text restored.');
    setText(state.cleared);
    state.cleared = null;
    ui.input.focus();
  });

  ui.legend.addEventListener('click', (e) => {
    const b = e.target.closest('[data-toggle-kind]');
    if (b) toggleKind(b.dataset.toggleKind);
  });
  $('inline-kinds').addEventListener('change', (e) => ui.view.classList.toggle('sv-inline-kinds', e.target.checked));
  ui.filter.addEventListener('input', applyFilter);
  ui.index.addEventListener('click', (e) => {
    const b = e.target.closest('.index-item');
    if (b) stepIndex(groupOf.get(b));
  });

  ui.view.addEventListener('click', (e) => {
    const m = markOf(e.target);
    if (m) { setCurrent(Number(m.dataset.e)); m.focus({ preventScroll: true }); showDetails(Number(m.dataset.e), m); }
  });
  ui.view.addEventListener('mouseover', (e) => {
    const m = markOf(e.target);
    clearTimeout(hoverTimer);
    if (m) {
      clearTimeout(hideTimer);
      hoverTimer = setTimeout(() => showDetails(Number(m.dataset.e), m), 120);
    }
  });
  ui.view.addEventListener('mouseout', (e) => {
    if (markOf(e.target) && !ui.details.contains(e.relatedTarget)) { clearTimeout(hoverTimer); hideDetailsSoon(); }
  });
  ui.view.addEventListener('focusin', (e) => {
    const m = markOf(e.target);
    if (m) { setCurrent(Number(m.dataset.e)); if (!quiet) showDetails(Number(m.dataset.e), m); }
  });
  ui.view.addEventListener('focusout', (e) => {
    if (markOf(e.target) && !ui.details.contains(e.relatedTarget)) hideDetailsSoon();
  });
  document.addEventListener('pointerdown', (e) => {
    if (!ui.details.hidden && !ui.details.contains(e.target) && !markOf(e.target) && !e.target.closest?.('.index-item')) hideDetails();
  });
  window.addEventListener('resize', hideDetails);
  ui.details.addEventListener('mouseenter', () => clearTimeout(hideTimer));
  ui.details.addEventListener('mouseleave', hideDetailsSoon);
  ui.details.addEventListener('focusout', (e) => {
    if (!ui.details.contains(e.relatedTarget) && !markOf(e.relatedTarget)) hideDetailsSoon();
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (!ui.details.hidden) {
        const back = ui.details.contains(document.activeElement) ? state.view?.marks[state.current] : null;
        hideDetails();
        if (back) { quiet = true; back.focus(); quiet = false; }
      }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (e.key === 'j' || e.key === 'n') { e.preventDefault(); move(1); } else if (e.key === 'k' || e.key === 'p') { e.preventDefault(); move(-1); } else if (e.key === '/') { e.preventDefault(); ui.filter.focus(); } else if (e.key === 'Enter' && markOf(e.target)) {
      const link = ui.details.querySelector('a');
      if (link && !ui.details.hidden) { e.preventDefault(); link.focus(); }
    }
  });

  $('export-copy').addEventListener('click', () => doExport('copy'));
  $('export-download').addEventListener('click', () => doExport('download'));
  $('permalink').addEventListener('click', makePermalink);

  window.addEventListener('hashchange', async () => {
    const text = await textFromFragment();
    if (text != null) { putText(text); hideUndo(); analyse(); }
  });
  window.addEventListener('pagehide', () => { if (saveTimer) saveNow(); });
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden' && saveTimer) saveNow(); });

  // Drag and drop of files anywhere on the page.
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; ui.dropOverlay.hidden = false; } });
  document.addEventListener('dragleave', (e) => { if (hasFiles(e) && --depth <= 0) { depth = 0; ui.dropOverlay.hidden = true; } });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    ui.dropOverlay.hidden = true;
    openFile(e.dataTransfer.files[0]);
  });
}

// ---------------------------------------------------------------------------------------------
// Start

async function main() {
  initTheme();
  wire();
  setBusy(true);
  const seed = fetch(new URL('./examples/seed.txt', import.meta.url)).then((r) => (r.ok ? r.text() : '')).catch(() => '');
  const wasm = engine.load();
  wasm.catch(() => {});
  let text = await textFromFragment();
  if (text == null) text = readStored();
  state.seed = await seed;
  if (text == null) text = state.seed;
  putText(text);
  // Shown at once, highlighted when the analysis is back (a long text waits: laying it out
  // as one text node would hold the page up).
  if (text.length < LARGE) ui.view.textContent = text;
  state.text = text;
  try {
    await wasm;
    state.version = await engine.startWorker();
    $('version').textContent = state.version;
  } catch (err) {
    setAlert('engine', `The analysis engine could not start (${err?.message || err}). The text is shown without highlighting.`);
    setBusy(false);
    root.dataset.ready = 'true';
    return;
  }
  await analyse();
  root.dataset.ready = 'true';
}

main();
