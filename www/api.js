// The JavaScript API of statement-viewer: analysis and rendering for pages and bundlers.
//
//   import { annotate, render } from 'statement-viewer';      // or './api.js' beside this file
//   const doc = await annotate(text, { kinds: ['country'] });  // the Document (src/model.rs)
//   await render(document.querySelector('#out'), text);        // cards + highlighted text
//
// The WebAssembly module is found relative to this file (import.meta.url) and initialised once
// per page, however many callers and <statement-viewer> elements there are. Analysis runs on the
// calling thread. Offsets in the Document are UTF-16 code units: text.slice(start, end).

import init, { annotate as wasmAnnotate, renderHtml as wasmRenderHtml, version as wasmVersion } from './pkg/statement_viewer.js';
import { KINDS, KIND_LABELS, renderCard, renderDocument, renderMeetingCard } from './viewer.js';

export { KINDS, KIND_LABELS };

const WASM_URL = new URL('./pkg/statement_viewer_bg.wasm', import.meta.url);

let starting = null;

/**
 * Loads and instantiates the WebAssembly module once; later calls return the same promise.
 * `source` (optional, first call only) replaces the default: a URL, a Response, bytes or a
 * WebAssembly.Module (e.g. for a page that inlines the module).
 */
export function ready(source) {
  if (!starting) {
    starting = init({ module_or_path: source ?? WASM_URL }).then(() => undefined);
    starting.catch(() => { starting = null; }); // a failed load may be retried
  }
  return starting;
}

/** The crate version, e.g. "0.1.0". */
export async function version() {
  await ready();
  return wasmVersion();
}

/**
 * The Document of `text`: { meeting, statements, blocks, entities }, offsets in UTF-16 units.
 * options: { kinds?: EntityKind[], entities?: boolean, sentences?: boolean }; an unknown option
 * or kind rejects with an Error that names it.
 */
export async function annotate(text, options) {
  if (typeof text !== 'string') throw new TypeError('annotate(text, options?): text must be a string');
  await ready();
  return wasmAnnotate(text, options ?? undefined);
}

/**
 * The highlighted document as an HTML fragment from the core's renderer (text escaped there).
 * Style it with element.css or your own rules for mark[data-kind].
 */
export async function renderHtml(text, options) {
  if (typeof text !== 'string') throw new TypeError('renderHtml(text, options?): text must be a string');
  await ready();
  return wasmRenderHtml(text, options ?? undefined);
}

// A card is worth showing when the core found something about the statement.
export function hasCardContent(st) {
  const sp = st?.speaker || {};
  return [sp.name, sp.role, sp.country, st?.meeting, st?.body, st?.topic, st?.date, st?.place, st?.language]
    .some((v) => v != null && v !== '');
}

/**
 * The cards of a document: the meeting record's cover, and the statement's card when there is
 * exactly one statement. Returns an array of <section class="sv-card"> elements.
 */
export function renderCards(doc, opts = {}) {
  const out = [];
  if (doc?.meeting) out.push(renderMeetingCard(doc.meeting, opts));
  const sts = doc?.statements || [];
  if (sts.length === 1 && hasCardContent(sts[0])) out.push(renderCard(sts[0], opts));
  return out;
}

/**
 * Renders `text` into `element` (its content is replaced): the statement cards, then the
 * highlighted text (<div class="sv-text"> with <mark data-kind> highlights). Text reaches the DOM
 * only as text nodes. Link element.css (or style mark[data-kind] yourself) for colours.
 * options: as for annotate(). Resolves with the Document.
 */
export async function render(element, text, options) {
  if (!element || typeof element.append !== 'function') {
    throw new TypeError('render(element, text, options?): element must be a DOM element');
  }
  const doc = await annotate(text, options);
  const view = element.ownerDocument.createElement('div');
  view.className = 'sv-text';
  const cards = renderCards(doc, { heading: 3 });
  element.replaceChildren(...cards, view);
  await renderDocument(view, text, doc).done;
  return doc;
}
