// <statement-viewer>: a custom element that shows a statement structured and highlighted.
//
//   <script type="module" src="/path/to/element.js"></script>
//   <statement-viewer kinds="country person" panels="card legend">Statement by …</statement-viewer>
//   <statement-viewer src="statement.txt" theme="dark" labels></statement-viewer>
//
// Text: the `text` property if set, else the `src` attribute (a text file on the page's own
// origin), else the element's text content, read once when it is first connected (common
// indentation removed) and never rendered itself. Attributes (each also a property):
//   src      URL of a text file, same origin only (another origin is refused with sv-error)
//   kinds    the entity kinds shown, space or comma separated (default: all twelve)
//   theme    light | dark | auto (default auto: follows the system)
//   labels   boolean: show each highlight's kind inline
//   panels   which of card, legend, index, details appear (default "card legend details")
// Events (bubbling, composed): sv-ready {document} after each render; sv-entity {entity, index}
// when a highlight is activated (click, Enter or Space); sv-error {message} when a source,
// attribute or option is wrong. Styles live in element.css, loaded into the shadow root from
// beside this file; theme it with the --sv-* custom properties listed there.
//
// Everything the element shows is built with createElement/textContent (here and in viewer.js);
// the wasm is loaded once per page from ./pkg/ beside this file (see api.js).

import { KINDS, KIND_LABELS, annotate, ready, renderCards } from './api.js';
import { addRow, el, entityLink, renderDocument } from './viewer.js';

const CSS_URL = new URL('./element.css', import.meta.url).href;
export const PANELS = ['card', 'legend', 'index', 'details'];
const DEFAULT_PANELS = ['card', 'legend', 'details'];
const THEMES = ['auto', 'light', 'dark'];
const LARGE = 100_000; // UTF-16 units; larger texts render in time slices
const PROPS = ['text', 'src', 'kinds', 'theme', 'labels', 'panels'];

const list = (value) => String(value ?? '').split(/[\s,]+/).filter(Boolean);

/**
 * Text written inside the element in HTML: leading blank lines and trailing whitespace dropped,
 * and the indentation common to all non-blank lines removed, so markup indentation is not taken
 * for the statement's own layout.
 */
export function dedent(s) {
  const lines = String(s).replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').replace(/\s+$/, '').split('\n');
  let common = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    const indent = /^[ \t]*/.exec(line)[0];
    if (common === null || !indent.startsWith(common)) {
      let i = 0;
      const c = common ?? indent;
      while (i < c.length && i < indent.length && c[i] === indent[i]) i++;
      common = c.slice(0, i);
    }
    if (!common) break;
  }
  return common ? lines.map((l) => (l.startsWith(common) ? l.slice(common.length) : l.trimStart())).join('\n') : lines.join('\n');
}

function emit(target, type, detail) {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

export class StatementViewerElement extends HTMLElement {
  static observedAttributes = ['src', 'kinds', 'theme', 'labels', 'panels'];

  #text = null; // set through the `text` property
  #inline = null; // the text content, read once at the first connection
  #doc = null;
  #view = null; // renderDocument() result
  #seq = 0;
  #pending = false;
  #dirty = false; // a change arrived while disconnected
  #hidden = new Set(); // kinds switched off in the legend
  #panels = new Set(DEFAULT_PANELS);
  #current = -1;
  #groups = new Map();
  #cursor = new Map();
  #ui;
  #styled;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const link = el('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    this.#styled = new Promise((resolve) => {
      link.addEventListener('load', () => resolve(true), { once: true });
      link.addEventListener('error', () => resolve(false), { once: true });
    });
    const ui = {
      root: el('div', 'sv-root'),
      message: el('p', 'sv-message'),
      cards: el('div', 'sv-cards'),
      legend: el('ul', 'sv-legend'),
      text: el('div', 'sv-text'),
      index: el('div', 'sv-index'),
      details: el('div', 'sv-details'),
    };
    ui.root.hidden = true; // until element.css has loaded
    ui.root.setAttribute('part', 'root');
    ui.message.setAttribute('role', 'alert');
    ui.message.setAttribute('part', 'message');
    ui.message.hidden = true;
    ui.cards.setAttribute('part', 'cards');
    ui.legend.setAttribute('part', 'legend');
    ui.legend.setAttribute('aria-label', 'Entity kinds: select one to hide or show its highlighting');
    ui.text.setAttribute('part', 'text');
    ui.text.setAttribute('role', 'region');
    ui.text.setAttribute('aria-label', 'Highlighted statement');
    ui.index.setAttribute('part', 'index');
    ui.index.setAttribute('role', 'navigation');
    ui.index.setAttribute('aria-label', 'Entity index');
    ui.details.setAttribute('part', 'details');
    ui.details.setAttribute('role', 'dialog');
    ui.details.setAttribute('aria-label', 'Entity details');
    ui.details.hidden = true;
    ui.root.append(ui.message, ui.cards, ui.legend, ui.text, ui.index, ui.details);
    root.append(link, ui.root);
    this.#ui = ui;
    this.#wire();
  }

  // ---- properties ----

  /** The text shown; null (the default) falls back to `src`, then to the element's content. */
  get text() { return this.#text; }
  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

  get src() { return this.getAttribute('src') ?? ''; }
  set src(v) { if (v == null || v === '') this.removeAttribute('src'); else this.setAttribute('src', String(v)); }

  get kinds() { return this.getAttribute('kinds') ?? ''; }
  set kinds(v) {
    const s = Array.isArray(v) ? v.join(' ') : v;
    if (s == null || s === '') this.removeAttribute('kinds'); else this.setAttribute('kinds', String(s));
  }

  get theme() {
    const t = this.getAttribute('theme');
    return THEMES.includes(t) ? t : 'auto';
  }
  set theme(v) { if (v == null || v === '') this.removeAttribute('theme'); else this.setAttribute('theme', String(v)); }

  get labels() { return this.hasAttribute('labels'); }
  set labels(v) { this.toggleAttribute('labels', Boolean(v)); }

  get panels() { return this.getAttribute('panels') ?? DEFAULT_PANELS.join(' '); }
  set panels(v) {
    const s = Array.isArray(v) ? v.join(' ') : v;
    if (s == null) this.removeAttribute('panels'); else this.setAttribute('panels', String(s));
  }

  /** The Document of the last render (see statement-viewer.d.ts), or null. */
  get document() { return this.#doc; }

  // ---- lifecycle ----

  connectedCallback() {
    // Properties set before the element was defined are own properties that hide the accessors.
    for (const p of PROPS) {
      if (Object.prototype.hasOwnProperty.call(this, p)) {
        const v = this[p];
        delete this[p];
        this[p] = v;
      }
    }
    this.#applyPanels();
    if (this.#inline === null) {
      if (document.readyState === 'loading') {
        // Parsed before its content: read the text once the parser has reached the end.
        document.addEventListener('DOMContentLoaded', () => this.#readInline(), { once: true });
      } else {
        this.#readInline();
      }
    } else if (this.#dirty || this.#seq === 0) {
      this.#schedule();
    }
  }

  disconnectedCallback() {
    this.#view?.cancel();
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value) return;
    if (name === 'panels' || name === 'theme') {
      if (name === 'panels') this.#applyPanels();
      // Before the first render, #update reports them; after it, report a change at once.
      if (this.#seq > 0) for (const m of this.#attributeProblems()) this.#error(m);
    } else if (name === 'labels') this.#ui.text.classList.toggle('sv-inline-kinds', value != null);
    else if (name === 'src' || name === 'kinds') this.#schedule();
  }

  #readInline() {
    if (this.#inline !== null) return;
    this.#inline = dedent(this.textContent || '');
    this.#schedule();
  }

  // ---- errors ----

  #error(message) {
    const ui = this.#ui;
    ui.message.textContent = ui.message.hidden ? message : `${ui.message.textContent} ${message}`;
    ui.message.hidden = false;
    emit(this, 'sv-error', { message });
  }

  #clearError() {
    this.#ui.message.textContent = '';
    this.#ui.message.hidden = true;
  }

  // Problems with the theme and panels attributes, as messages (they do not stop rendering).
  #attributeProblems() {
    const out = [];
    const t = this.getAttribute('theme');
    if (t != null && !THEMES.includes(t)) {
      out.push(`<statement-viewer>: unknown theme "${t}" (expected light, dark or auto); the system theme is used.`);
    }
    const unknown = this.#wantedPanels().filter((p) => !PANELS.includes(p));
    if (unknown.length) {
      out.push(`<statement-viewer>: unknown panel${unknown.length > 1 ? 's' : ''} ${unknown.map((p) => `"${p}"`).join(', ')} in panels (expected any of ${PANELS.join(', ')}).`);
    }
    return out;
  }

  #wantedPanels() {
    return this.hasAttribute('panels') ? list(this.getAttribute('panels')) : DEFAULT_PANELS;
  }

  #applyPanels() {
    const wanted = this.#wantedPanels();
    const ui = this.#ui;
    ui.cards.hidden = !wanted.includes('card');
    ui.legend.hidden = !wanted.includes('legend');
    ui.index.hidden = !wanted.includes('index');
    if (!wanted.includes('details')) ui.details.hidden = true;
    this.#panels = new Set(wanted);
  }

  // ---- rendering ----

  #schedule() {
    if (!this.isConnected) {
      this.#dirty = true;
      return;
    }
    if (this.#pending) return;
    this.#dirty = false;
    if (this.#text === null && this.#inline === null && !this.hasAttribute('src')) return; // content not read yet
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      this.#update();
    });
  }

  async #source() {
    if (this.#text !== null) return this.#text;
    const src = this.getAttribute('src');
    if (src != null && src !== '') {
      let url;
      try {
        url = new URL(src, document.baseURI);
      } catch {
        throw new Error(`<statement-viewer>: src "${src}" is not a valid URL.`);
      }
      if (url.origin !== location.origin || url.origin === 'null') {
        throw new Error(`<statement-viewer>: src must be on this page's own site (${location.origin}); refused ${url.href}. Fetch the text yourself and set the element's text property instead.`);
      }
      let res;
      try {
        res = await fetch(url, { mode: 'same-origin', credentials: 'same-origin' });
      } catch (err) {
        throw new Error(`<statement-viewer>: could not load src ${url.href} (${err?.message || err}).`);
      }
      if (!res.ok) throw new Error(`<statement-viewer>: could not load src ${url.href} (HTTP ${res.status}).`);
      return res.text();
    }
    return this.#inline ?? '';
  }

  async #update() {
    const seq = ++this.#seq;
    const ui = this.#ui;
    this.#clearError();
    this.#applyPanels();
    const problems = this.#attributeProblems();
    let text;
    try {
      text = await this.#source();
    } catch (err) {
      if (seq !== this.#seq) return;
      this.#show(null, '');
      await this.#styled;
      ui.root.hidden = false;
      for (const m of [...problems, err.message]) this.#error(m);
      return;
    }
    if (seq !== this.#seq) return;

    let doc = null;
    let failure = null;
    const kinds = this.hasAttribute('kinds') ? list(this.getAttribute('kinds')) : null;
    const unknown = (kinds || []).filter((k) => !KINDS.includes(k));
    if (unknown.length) {
      failure = `<statement-viewer>: unknown kind${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} in kinds (expected any of ${KINDS.join(', ')}); the text is shown without highlighting.`;
    } else {
      try {
        await ready();
        doc = await annotate(text, kinds ? { kinds } : undefined);
      } catch (err) {
        failure = `<statement-viewer>: the text could not be analysed (${err?.message || err}); it is shown without highlighting.`;
      }
    }
    if (seq !== this.#seq) return;

    this.#show(doc, text);
    const styled = await this.#styled;
    const done = await this.#view.done;
    if (!done || seq !== this.#seq) return;
    ui.root.hidden = false;
    if (!styled) problems.push(`<statement-viewer>: its stylesheet ${CSS_URL} could not be loaded.`);
    for (const m of problems) this.#error(m);
    if (failure) {
      this.#error(failure);
      return;
    }
    emit(this, 'sv-ready', { document: doc });
  }

  #show(doc, text) {
    const ui = this.#ui;
    this.#view?.cancel();
    this.#doc = doc;
    this.#current = -1;
    this.#cursor.clear();
    ui.details.hidden = true;
    const empty = { meeting: null, statements: [], blocks: [], entities: [] };
    const d = doc || empty;
    ui.cards.replaceChildren(...renderCards(d, { heading: 3 }));
    this.#buildGroups(d);
    this.#renderLegend(d);
    this.#renderIndex();
    this.#view = renderDocument(ui.text, text, d, { progressive: text.length >= LARGE });
    ui.text.setAttribute('aria-label', this.#regionLabel(d, text));
    ui.text.classList.toggle('sv-inline-kinds', this.labels);
    for (const k of KINDS) ui.text.classList.toggle(`sv-hide-${k}`, this.#hidden.has(k));
    this.#view.done.then((ok) => {
      if (!ok) return;
      const first = this.#next(-1, 1);
      if (first >= 0) this.#view.marks[first].tabIndex = 0;
    });
  }

  // The text region's name, distinct between elements: the host's aria-label, else who speaks,
  // else the text's first words.
  #regionLabel(doc, text) {
    const own = this.getAttribute('aria-label');
    if (own) return own;
    const sts = doc.statements;
    if (doc.meeting?.symbol) return `Highlighted record ${doc.meeting.symbol}`;
    if (sts.length === 1) {
      const sp = sts[0].speaker;
      const who = [sp.honorific && sp.name ? sp.honorific : null, sp.name || sp.role, sp.country ? `(${sp.country})` : null]
        .filter(Boolean).join(' ');
      if (who) return `Highlighted statement by ${who}`;
    }
    const words = text.trim().split(/\s+/).slice(0, 8).join(' ');
    return words ? `Highlighted text: ${words}${text.trim().split(/\s+/).length > 8 ? '…' : ''}` : 'Highlighted text (empty)';
  }

  // ---- legend and index ----

  #buildGroups(doc) {
    this.#groups = new Map();
    doc.entities.forEach((e, i) => {
      const key = `${e.kind}\u0000${e.canonical || e.text}`;
      let g = this.#groups.get(key);
      if (!g) {
        g = { kind: e.kind, canonical: e.canonical || e.text, indices: [] };
        this.#groups.set(key, g);
      }
      g.indices.push(i);
    });
  }

  #renderLegend(doc) {
    const counts = new Map();
    for (const e of doc.entities) counts.set(e.kind, (counts.get(e.kind) || 0) + 1);
    const items = [];
    for (const kind of KINDS) {
      if (!counts.get(kind)) continue;
      const b = el('button', 'sv-legend-item');
      b.type = 'button';
      b.dataset.toggleKind = kind;
      b.setAttribute('aria-pressed', String(!this.#hidden.has(kind)));
      const sw = el('span', 'sv-swatch');
      sw.dataset.swatch = kind;
      sw.setAttribute('aria-hidden', 'true');
      b.append(sw, el('span', 'sv-legend-label', KIND_LABELS[kind]), ' ', el('span', 'sv-count', String(counts.get(kind))));
      const li = el('li');
      li.append(b);
      items.push(li);
    }
    this.#ui.legend.replaceChildren(...items);
  }

  #toggleKind(kind) {
    if (this.#hidden.has(kind)) this.#hidden.delete(kind); else this.#hidden.add(kind);
    const shown = !this.#hidden.has(kind);
    this.#ui.text.classList.toggle(`sv-hide-${kind}`, !shown);
    this.#ui.legend.querySelector(`[data-toggle-kind="${kind}"]`)?.setAttribute('aria-pressed', String(shown));
    if (!shown && this.#current >= 0 && this.#doc?.entities[this.#current]?.kind === kind) this.#ui.details.hidden = true;
  }

  #renderIndex() {
    const byKind = new Map();
    for (const [key, g] of this.#groups) {
      if (!byKind.has(g.kind)) byKind.set(g.kind, []);
      byKind.get(g.kind).push([key, g]);
    }
    const sections = [];
    for (const kind of KINDS) {
      const groups = byKind.get(kind);
      if (!groups) continue;
      groups.sort(([, a], [, b]) => b.indices.length - a.indices.length || a.canonical.localeCompare(b.canonical));
      const section = el('section', 'sv-index-group');
      const title = el('h3', 'sv-index-kind');
      const sw = el('span', 'sv-swatch');
      sw.dataset.swatch = kind;
      sw.setAttribute('aria-hidden', 'true');
      title.append(sw, `${KIND_LABELS[kind]} (${groups.length})`);
      const ul = el('ul');
      for (const [key, g] of groups) {
        const b = el('button', 'sv-index-item');
        b.type = 'button';
        b.dataset.group = key;
        const count = el('span', 'sv-count', String(g.indices.length));
        count.append(el('span', 'sv-visually-hidden', g.indices.length === 1 ? ' mention' : ' mentions'));
        b.append(el('span', 'sv-index-name', g.canonical), ' ', count);
        const li = el('li');
        li.append(b);
        ul.append(li);
      }
      section.append(title, ul);
      sections.push(section);
    }
    if (!sections.length) sections.push(el('p', 'sv-help', 'No entities found.'));
    this.#ui.index.replaceChildren(...sections);
  }

  #stepGroup(key) {
    const g = this.#groups.get(key);
    if (!g) return;
    const pos = ((this.#cursor.get(key) ?? -1) + 1) % g.indices.length;
    this.#cursor.set(key, pos);
    if (this.#hidden.has(g.kind)) this.#toggleKind(g.kind);
    const m = this.#focusEntity(g.indices[pos]);
    if (m) {
      m.classList.remove('sv-flash');
      void m.offsetWidth; // restart the animation
      m.classList.add('sv-flash');
    }
  }

  // ---- highlights: focus, keyboard, activation ----

  #markOf(target) {
    return target instanceof Element ? target.closest('mark[data-e]') : null;
  }

  #visible(i) {
    const e = this.#doc?.entities[i];
    return Boolean(e && this.#view?.marks[i] && !this.#hidden.has(e.kind));
  }

  #next(from, dir) {
    const n = this.#doc?.entities.length || 0;
    for (let i = from + dir; i >= 0 && i < n; i += dir) if (this.#visible(i)) return i;
    return -1;
  }

  #focusEntity(i) {
    const m = this.#view?.marks[i];
    if (!m) return null;
    const old = this.#view.marks[this.#current];
    if (old && old !== m) old.tabIndex = -1;
    for (const first of this.#ui.text.querySelectorAll('mark[tabindex="0"]')) if (first !== m) first.tabIndex = -1;
    m.tabIndex = 0;
    this.#current = i;
    m.focus({ preventScroll: true });
    m.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return m;
  }

  #activate(i) {
    const entity = this.#doc?.entities[i];
    if (!entity || !this.#visible(i)) return;
    const m = this.#focusEntity(i);
    if (this.#panels.has('details')) this.#showDetails(entity, m);
    emit(this, 'sv-entity', { entity, index: i });
  }

  #showDetails(e, anchor) {
    const d = this.#ui.details;
    d.replaceChildren();
    d.dataset.kind = e.kind;
    const close = el('button', 'sv-details-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close details');
    close.addEventListener('click', () => this.#hideDetails(true));
    d.append(close, el('p', 'sv-details-kind', KIND_LABELS[e.kind] || e.kind), el('p', 'sv-details-name', e.canonical || e.text));
    const dl = el('dl');
    if (e.text !== e.canonical) addRow(dl, 'In the text', e.text);
    addRow(dl, 'Code', e.code);
    if (e.expansion !== e.canonical) addRow(dl, 'Stands for', e.expansion);
    if (dl.children.length) d.append(dl);
    const link = entityLink(e, 'sv-details-link');
    if (link) d.append(link);
    d.hidden = false;
    // Position under the highlight, inside the element (CSSOM writes are allowed by a strict CSP).
    const root = this.#ui.root.getBoundingClientRect();
    const r = anchor.getBoundingClientRect();
    const maxLeft = Math.max(0, root.width - d.offsetWidth);
    d.style.left = `${Math.round(Math.min(Math.max(0, r.left - root.left), maxLeft))}px`;
    d.style.top = `${Math.round(r.bottom - root.top + 4)}px`;
  }

  #hideDetails(refocus) {
    const d = this.#ui.details;
    if (d.hidden) return;
    d.hidden = true;
    if (refocus) this.#view?.marks[this.#current]?.focus({ preventScroll: true });
  }

  #wire() {
    const ui = this.#ui;
    ui.text.addEventListener('click', (e) => {
      const m = this.#markOf(e.target);
      if (m) this.#activate(Number(m.dataset.e));
    });
    ui.text.addEventListener('keydown', (e) => {
      const m = this.#markOf(e.target);
      if (!m || e.ctrlKey || e.metaKey || e.altKey) return;
      const i = Number(m.dataset.e);
      let to = -2;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.#activate(i);
        return;
      }
      if (e.key === 'ArrowRight' || e.key === 'ArrowDown' || e.key === 'j' || e.key === 'n') to = this.#next(i, 1);
      else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp' || e.key === 'k' || e.key === 'p') to = this.#next(i, -1);
      else if (e.key === 'Home') to = this.#next(-1, 1);
      else if (e.key === 'End') to = this.#next(this.#doc.entities.length, -1);
      if (to === -2) return;
      e.preventDefault();
      if (to >= 0) {
        this.#hideDetails(false);
        this.#focusEntity(to);
      }
    });
    ui.legend.addEventListener('click', (e) => {
      const b = e.target instanceof Element ? e.target.closest('[data-toggle-kind]') : null;
      if (b) this.#toggleKind(b.dataset.toggleKind);
    });
    ui.index.addEventListener('click', (e) => {
      const b = e.target instanceof Element ? e.target.closest('.sv-index-item') : null;
      if (b) this.#stepGroup(b.dataset.group);
    });
    ui.root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !ui.details.hidden) {
        e.preventDefault();
        this.#hideDetails(true);
      }
    });
    // A click outside the highlight and the details box closes the box.
    ui.root.addEventListener('click', (e) => {
      if (ui.details.hidden || ui.details.contains(e.target) || this.#markOf(e.target)) return;
      this.#hideDetails(false);
    });
  }
}

if (!customElements.get('statement-viewer')) customElements.define('statement-viewer', StatementViewerElement);

// The API, so that one import gives both: import { annotate } from '.../element.js'.
export * from './api.js';
