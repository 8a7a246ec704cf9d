// Module worker: runs the wasm analysis off the main thread.
// In:  {type:'init', module: WebAssembly.Module} | {type:'annotate'|'html', id, text}
// Out: {type:'ready', version} | {type:'result', id, json | value, parts?} | {type:'error', id, message, fatal}
//      An annotate result with `parts: n` is followed by n messages {type:'part', id, path, json}:
//      the items of the document's long arrays (path: ['entities'], ['statements'],
//      ['statements', i, 'blocks'], ...), which the result's document holds empty, in pieces
//      that the page parses and appends each in its own short task, in the order they come (one
//      JSON.parse of a 20 MB text's document takes seconds).
//      fatal: the engine trapped (a Rust panic); the page should start a new worker.
import init, { initSync, annotate, renderHtml, version } from './pkg/statement_viewer.js';

let ready = false;

const SPLIT = 1000; // arrays longer than this travel in pieces ...
const PART_CHARS = 1 << 21; // ... of about 2 M characters of JSON each

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
  if (!ready) {
    self.postMessage({ type: 'error', id: msg.id, message: 'analysis engine not initialised' });
    return;
  }
  try {
    if (msg.type === 'html') {
      self.postMessage({ type: 'result', id: msg.id, value: renderHtml(msg.text) });
    } else {
      sendDocument(msg.id, annotate(msg.text));
    }
  } catch (err) {
    // A trap (panic, out of memory) may leave the module's memory inconsistent: say so, so
    // that the page replaces this worker.
    const fatal = err instanceof WebAssembly.RuntimeError;
    self.postMessage({ type: 'error', id: msg.id, message: String(err?.message || err), fatal });
  }
};
