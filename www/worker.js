// Module worker: runs the wasm analysis off the main thread.
// In:  {type:'init', module: WebAssembly.Module} | {type:'annotate'|'html', id, text, prefix?}
//      | {type:'cancel', id}
// Out: {type:'ready', version} | {type:'result', id, json | value, parts?} | {type:'error', id, message, fatal}
//      | {type:'partial', id, end, json} | {type:'cancelled', id}
//      An annotate request with `prefix: n` on a text much longer than n is answered first with
//      the document of text.slice(0, end) ('partial'; end <= n, cut at a blank line where there
//      is one), then, unless cancelled meanwhile, with the whole text's document.
//      An annotate result with `parts: n` is followed by n messages {type:'part', id, path, json}:
//      the items of the document's long arrays (path: ['entities'], ['statements'],
//      ['statements', i, 'blocks'], ...), which the result's document holds empty, in pieces
//      that the page parses and appends each in its own short task, in the order they come (one
//      JSON.parse of a 20 MB text's document takes seconds).
//      fatal: the engine trapped (a Rust panic); the page should start a new worker.
import init, { initSync, annotate, renderHtml, version } from './pkg/statement_viewer.js';

let ready = false;
const cancelled = new Set(); // ids of requests cancelled between their two stages

/** Where a prefix of at most n units of `text` ends: after a blank line, else a line, else at n (not inside a surrogate pair). */
function prefixEnd(text, n) {
  const para = text.lastIndexOf('\n\n', n - 2);
  if (para > n / 2) return para + 2;
  const line = text.lastIndexOf('\n', n - 1);
  if (line > n / 2) return line + 1;
  const c = text.charCodeAt(n - 1);
  return c >= 0xd800 && c <= 0xdbff ? n - 1 : n;
}

/** A macrotask, so that a 'cancel' message waiting in the queue is read. */
const nextTask = () => new Promise((resolve) => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => resolve();
  ch.port2.postMessage(0);
});

const SPLIT = 1000; // arrays longer than this travel in pieces ...
const PART_CHARS = 1 << 19; // ... of about 512 K characters of JSON each

/** The pieces of `items`: JSON arrays of about PART_CHARS characters. */
function pieces(items) {
  const out = [];
  let buf = [];
  let size = 0;
  for (const item of items) {
    const s = JSON.stringify(item);
    buf.push(s);
    size += s.length;
    if (size >= PART_CHARS) {
      out.push(`[${buf.join(',')}]`);
      buf = [];
      size = 0;
    }
  }
  if (buf.length) out.push(`[${buf.join(',')}]`);
  return out;
}

function sendDocument(id, doc) {
  const parts = [];
  const detach = (owner, key, path) => {
    const items = owner?.[key];
    if (!Array.isArray(items) || items.length <= SPLIT) return;
    owner[key] = [];
    parts.push([path, items]);
  };
  (doc.statements || []).forEach((st, i) => detach(st, 'blocks', ['statements', i, 'blocks']));
  detach(doc, 'statements', ['statements']);
  detach(doc, 'blocks', ['blocks']);
  detach(doc, 'entities', ['entities']);
  // The statements first: the pieces of a statement's blocks address it by its index.
  parts.sort((a, b) => a[0].length - b[0].length);
  const messages = parts.flatMap(([path, items]) => pieces(items).map((json) => ({ type: 'part', id, path, json })));
  // A JSON string crosses to the page faster than a structured clone of the object tree.
  self.postMessage({ type: 'result', id, json: JSON.stringify(doc), parts: messages.length || undefined });
  for (const m of messages) self.postMessage(m);
}

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === 'init') {
    try {
      if (msg.module) initSync({ module: msg.module }); else await init();
      ready = true;
      self.postMessage({ type: 'ready', version: version() });
    } catch (err) {
      self.postMessage({ type: 'error', id: null, message: String(err?.message || err) });
    }
    return;
  }
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  if (!ready) {
    self.postMessage({ type: 'error', id: msg.id, message: 'analysis engine not initialised' });
    return;
  }
  try {
    if (msg.type === 'html') {
      self.postMessage({ type: 'result', id: msg.id, value: renderHtml(msg.text) });
    } else {
      const { id, text, prefix } = msg;
      for (const c of cancelled) if (c < id) cancelled.delete(c); // cancels that came too late
      if (prefix > 0 && text.length > 2 * prefix) {
        const end = prefixEnd(text, prefix);
        self.postMessage({ type: 'partial', id, end, json: JSON.stringify(annotate(text.slice(0, end))) });
        await nextTask();
        if (cancelled.delete(id)) {
          self.postMessage({ type: 'cancelled', id });
          return;
        }
      }
      cancelled.delete(id);
      sendDocument(id, annotate(text));
    }
  } catch (err) {
    // A trap (panic, out of memory) may leave the module's memory inconsistent: say so, so
    // that the page replaces this worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id: msg.id, message: String(err?.message || err), fatal });
  }
};
