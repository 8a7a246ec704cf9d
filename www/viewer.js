// DOM building for an annotated statement: the highlighted text view and the statement cards.
// Pure functions of (text, document); no page globals, so a custom element can reuse them.
// Text reaches the DOM only through text nodes, never through HTML strings.

import { ISO3_TO_ISO2 } from './iso3.js';

/** The twelve entity kinds, in legend order. */
export const KINDS = [
  'person', 'role', 'country', 'nationality', 'place', 'organization',
  'mission', 'document', 'event', 'date', 'number', 'term',
];

export const KIND_LABELS = {
  person: 'Person', role: 'Role', country: 'Country', nationality: 'Nationality',
  place: 'Place', organization: 'Organization', mission: 'Mission', document: 'Document',
  event: 'Event', date: 'Date', number: 'Number', term: 'Term',
};

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Regional-indicator flag emoji for an ISO 3166 alpha-3 code, or '' when unknown. */
export function flagEmoji(alpha3) {
  if (typeof alpha3 !== 'string') return '';
  const a2 = ISO3_TO_ISO2.get(alpha3.toUpperCase());
  if (!a2) return '';
  return String.fromCodePoint(...[...a2].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

/** 'YYYY-MM-DD' -> '7 November 2016'; 'YYYY-MM' -> 'November 2016'; 'YYYY' stays; else as given. */
export function formatDate(iso) {
  if (typeof iso !== 'string') return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : null;
  if (m[2] && !month) return iso;
  if (m[3]) return `${Number(m[3])} ${month} ${m[1]}`;
  if (month) return `${month} ${m[1]}`;
  return m[1];
}

/** A new element with an optional class and text. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

const present = (v) => v != null && v !== '';

/** "H.E. Koro Bessho", or a fallback when the speaker has no name. */
export function speakerLabel(speaker) {
  if (!speaker) return 'Unknown speaker';
  const name = present(speaker.name) ? speaker.name : (present(speaker.role) ? speaker.role : 'Unknown speaker');
  return present(speaker.honorific) && present(speaker.name) ? `${speaker.honorific} ${name}` : name;
}

/** Prepends the flag of `code` (ISO alpha-3), if any, and a space to `parent`. */
export function prependFlag(parent, code) {
  const flag = flagEmoji(code);
  if (!flag) return;
  const f = el('span', 'sv-flag', flag);
  f.setAttribute('aria-hidden', 'true');
  parent.prepend(f, ' ');
}

function countryNode(country, code) {
  const span = el('span', 'sv-country', present(country) ? country : code);
  prependFlag(span, code);
  return span;
}

/** Appends <dt>label</dt><dd>value</dd> to `dl`, unless value is null or ''. */
export function addRow(dl, label, value) {
  if (value == null || value === '') return;
  dl.append(el('dt', null, label));
  const dd = el('dd');
  dd.append(value);
  dl.append(dd);
}

/** A link that opens an entity's document in a new tab, sending nothing about this page; null
 *  unless the entity has an https link. */
export function entityLink(e, className) {
  if (typeof e.link !== 'string' || !/^https:\/\//i.test(e.link)) return null;
  const a = el('a', className, `Open ${e.code || e.canonical || 'document'} (new tab)`);
  a.href = e.link;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.referrerPolicy = 'no-referrer';
  return a;
}

function dateNode(iso) {
  const t = el('time', null, formatDate(iso));
  t.dateTime = iso;
  return t;
}

/**
 * A card for one statement: speaker, role, country with flag, meeting, topic, date, language.
 * opts.heading: heading level (default 2); opts.compact: name, country and role only.
 */
export function renderCard(statement, opts = {}) {
  const sp = statement.speaker || {};
  const card = el('section', 'sv-card');
  const level = Math.min(6, Math.max(1, opts.heading || 2));
  const h = el(`h${level}`, 'sv-card-name', speakerLabel(sp));
  prependFlag(h, sp.country_code);
  card.append(h);
  const dl = el('dl', 'sv-card-fields');
  const roles = Array.isArray(sp.roles) && sp.roles.length ? sp.roles.join(', ') : sp.role;
  addRow(dl, 'Role', present(roles) ? roles : null);
  if (present(sp.country) || present(sp.country_code)) addRow(dl, 'Country', countryNode(sp.country, sp.country_code));
  if (!opts.compact) {
    addRow(dl, 'Meeting', present(statement.meeting) ? statement.meeting : statement.body);
    addRow(dl, 'Topic', statement.topic);
    addRow(dl, 'Place', statement.place);
    if (present(statement.date)) addRow(dl, 'Date', dateNode(statement.date));
    addRow(dl, 'Original language', statement.language);
    if (Array.isArray(statement.notes) && statement.notes.length) addRow(dl, 'Notes', statement.notes.join('; '));
  }
  if (dl.children.length) card.append(dl);
  return card;
}

/** A card for a meeting record's cover page (symbol, body, date, president, members, agenda). */
export function renderMeetingCard(meeting, opts = {}) {
  const card = el('section', 'sv-card sv-meeting');
  const level = Math.min(6, Math.max(1, opts.heading || 2));
  const title = [meeting.body, present(meeting.number) ? `${ordinal(meeting.number)} meeting` : null]
    .filter(present).join(', ');
  card.append(el(`h${level}`, 'sv-card-name', title || meeting.symbol || 'Meeting record'));
  const dl = el('dl', 'sv-card-fields');
  addRow(dl, 'Symbol', meeting.symbol);
  if (present(meeting.date)) addRow(dl, 'Date', dateNode(meeting.date));
  addRow(dl, 'Time', meeting.time);
  addRow(dl, 'Place', meeting.place);
  const p = meeting.president;
  if (p) {
    const span = el('span');
    span.append(speakerLabel(p));
    if (present(p.country) || present(p.country_code)) span.append(' (', countryNode(p.country, p.country_code), ')');
    addRow(dl, 'President', span);
  }
  if (Array.isArray(meeting.members) && meeting.members.length) {
    addRow(dl, 'Members', `${meeting.members.length}: ${meeting.members.join(', ')}`);
  }
  if (Array.isArray(meeting.agenda) && meeting.agenda.length) {
    const ul = el('ul', 'sv-agenda');
    for (const a of meeting.agenda) ul.append(el('li', null, a));
    addRow(dl, 'Agenda', ul);
  }
  card.append(dl);
  return card;
}

/** '8701' -> '8701st', '8712' -> '8712th'. */
export function ordinal(n) {
  const s = String(n);
  if (!/^\d+$/.test(s)) return s;
  const d2 = Number(s.slice(-2));
  const d1 = Number(s.slice(-1));
  if (d2 >= 11 && d2 <= 13) return `${s}th`;
  return s + (d1 === 1 ? 'st' : d1 === 2 ? 'nd' : d1 === 3 ? 'rd' : 'th');
}

// ---------------------------------------------------------------------------------------------
// Text view

/** All blocks of a document (statements' and top-level), in text order. */
export function allBlocks(doc) {
  const out = [...(doc.blocks || [])];
  for (const st of doc.statements || []) out.push(...(st.blocks || []));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

// Nest statements and blocks into a tree over [0, len). Partial overlaps are clipped.
function buildTree(text, doc) {
  const len = text.length;
  const items = [];
  (doc.statements || []).forEach((st, i) => {
    items.push({ type: 'statement', index: i, start: st.start, end: st.end, rank: 0 });
    for (const b of st.blocks || []) items.push({ type: 'block', block: b, start: b.start, end: b.end, rank: 1 });
  });
  for (const b of doc.blocks || []) items.push({ type: 'block', block: b, start: b.start, end: b.end, rank: 1 });
  items.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const root = { type: 'root', start: 0, end: len, children: [], depth: 0 };
  const stack = [root];
  for (const it of items) {
    let s = Math.max(0, Math.min(len, it.start | 0));
    let e = Math.max(0, Math.min(len, it.end | 0));
    if (e <= s) continue;
    while (stack.length > 1 && s >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    const last = parent.children[parent.children.length - 1];
    if (last && s < last.end) s = last.end; // overlaps a closed sibling: clip
    if (e > parent.end) e = parent.end;
    if (e <= s) continue;
    const node = { ...it, start: s, end: e, children: [], parent };
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

// Ranges shown as nothing: line-end soft hyphens with the line break after them ('sv-shy'),
// and control characters such as the form feeds of PDF page breaks ('sv-ctl').
function hiddenRanges(text, doc) {
  const rs = [];
  for (const b of allBlocks(doc)) {
    for (const h of b.soft_hyphens || []) {
      if (h < 0 || h >= text.length) continue;
      let e = h + 1;
      while (e < text.length && /[ \t\r\n]/.test(text[e])) e++;
      rs.push([h, e, 'sv-shy']);
    }
  }
  const ctl = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/g;
  for (let m = ctl.exec(text); m; m = ctl.exec(text)) rs.push([m.index, m.index + m[0].length, 'sv-ctl']);
  rs.sort((a, b) => a[0] - b[0]);
  const out = [];
  for (const r of rs) {
    if (out.length && r[0] < out[out.length - 1][1]) continue;
    out.push(r);
  }
  return out;
}

// First index i in sorted arr with key(arr[i]) > x.
function upperBound(arr, x, key) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) > x) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/**
 * Render `text` annotated by `doc` into `container`. The container's textContent equals `text`.
 * Marks: <mark data-kind=KIND data-e=INDEX aria-description=LABEL>. Statements: <article
 * class="sv-statement" data-statement=INDEX>. Blocks: class "sv-blk sv-KIND", dir="auto".
 *
 * opts.progressive: render in time slices (opts.sliceMs, default 12) between animation frames,
 * the first one (opts.firstSliceMs, default 30) ending early once opts.firstChars are rendered;
 * opts.onProgress(doneChars, totalChars). Returns { marks, statements, done, cancel }, where
 * marks[i] is the first element of entity i (filled as rendering proceeds) and done resolves
 * to true when finished (false when cancelled).
 */
export function renderDocument(container, text, doc, opts = {}) {
  const entities = Array.isArray(doc?.entities) ? doc.entities : [];
  const marks = new Array(entities.length);
  const statementEls = [];
  const shy = hiddenRanges(text, doc || {});
  const tree = buildTree(text, doc || {});
  container.textContent = '';
  container.classList.add('sv-text');

  const appendText = (parent, s, t) => {
    if (t <= s) return;
    let i = upperBound(shy, s, (r) => r[1]);
    let pos = s;
    while (pos < t && i < shy.length && shy[i][0] < t) {
      const [h0, h1, cls] = shy[i];
      const a = Math.max(h0, pos);
      const b = Math.min(h1, t);
      if (a > pos) parent.append(text.slice(pos, a));
      if (b > a) {
        const span = el('span', cls, text.slice(a, b));
        span.setAttribute('aria-hidden', 'true');
        parent.append(span);
      }
      pos = Math.max(pos, b);
      if (h1 <= t) i++; else break;
    }
    if (pos < t) parent.append(text.slice(pos, t));
  };

  const appendInline = (parent, s, t) => {
    if (t <= s) return;
    let i = upperBound(entities, s, (e) => e.end);
    let pos = s;
    while (pos < t) {
      const e = entities[i];
      if (!e || e.start >= t) break;
      i++;
      const a = Math.max(e.start, pos);
      const b = Math.min(e.end, t);
      if (b <= a) continue;
      if (a > pos) appendText(parent, pos, a);
      const m = document.createElement('mark');
      m.dataset.kind = e.kind;
      m.dataset.e = String(i - 1);
      m.setAttribute('aria-description', KIND_LABELS[e.kind] || String(e.kind));
      appendText(m, a, b);
      parent.append(m);
      if (!marks[i - 1]) marks[i - 1] = m;
      pos = b;
    }
    if (pos < t) appendText(parent, pos, t);
  };

  // Text between structural nodes at the top or statement level: whitespace stays a bare text
  // node; anything else gets its own line box so it is not run into its neighbours.
  const appendGap = (parent, s, t) => {
    if (t <= s) return;
    const seg = text.slice(s, t);
    const lead = seg.length - seg.trimStart().length;
    const trail = seg.length - seg.trimEnd().length;
    if (lead === seg.length) { appendText(parent, s, t); return; }
    appendText(parent, s, s + lead);
    const div = el('div', 'sv-blk sv-plain');
    div.dir = 'auto';
    appendInline(div, s + lead, t - trail);
    parent.append(div);
    appendText(parent, t - trail, t);
  };

  const makeElement = (node, inBlock) => {
    if (node.type === 'statement') {
      const art = el('article', 'sv-statement');
      art.dataset.statement = String(node.index);
      art.tabIndex = -1;
      const st = doc.statements[node.index];
      const sp = st?.speaker;
      const who = speakerLabel(sp) + (sp && present(sp.country) ? ` (${sp.country})` : '');
      art.setAttribute('aria-label', `Statement by ${who}`);
      statementEls[node.index] = art;
      return art;
    }
    const b = node.block;
    const kind = String(b.kind);
    let tag = 'div';
    if (inBlock) tag = 'span';
    else if (kind === 'paragraph' || kind === 'closing') tag = 'p';
    const e = el(tag, `sv-blk sv-${kind}`);
    e.dataset.block = kind;
    e.dir = 'auto';
    if (b.number != null) e.dataset.num = String(b.number);
    if (kind === 'furniture') e.dataset.label = 'page furniture';
    return e;
  };

  // Progressive rendering groups the children of long statements (and of the root) into
  // chunks of about CHUNK characters; CSS gives chunks content-visibility:auto, so the browser
  // lays out and paints only the chunks on screen.
  const CHUNK = 8000;
  const chunked = (node) => opts.progressive && node.type !== 'block' && node.end - node.start > 2 * CHUNK;

  // Generator: yields after each structural node so rendering can be sliced.
  function* renderChildren(node, nodeEl) {
    const isBlock = node.type === 'block';
    const chunk = chunked(node);
    let parentEl = nodeEl;
    let chunkStart = -Infinity;
    let pos = node.start;
    for (const child of node.children) {
      if (chunk && child.start - chunkStart >= CHUNK) {
        parentEl = el('div', 'sv-chunk');
        nodeEl.append(parentEl);
        chunkStart = pos;
      }
      if (isBlock) appendInline(parentEl, pos, child.start); else appendGap(parentEl, pos, child.start);
      const childEl = makeElement(child, isBlock);
      parentEl.append(childEl);
      if (child.type === 'block' && !child.children.length) {
        appendInline(childEl, child.start, child.end);
      } else {
        yield* renderChildren(child, childEl);
      }
      pos = child.end;
      yield pos;
    }
    if (isBlock) appendInline(parentEl, pos, node.end); else appendGap(parentEl, pos, node.end);
  }

  let cancelled = false;
  const result = { marks, statements: statementEls, done: null, cancel: () => { cancelled = true; } };
  const it = renderChildren(tree, container);
  const total = text.length;
  const progress = typeof opts.onProgress === 'function' ? opts.onProgress : null;

  if (!opts.progressive) {
    while (!it.next().done);
    result.done = Promise.resolve(true);
    return result;
  }
  const slice = opts.sliceMs || 12;
  result.done = new Promise((resolve) => {
    const step = (budget, chars = Infinity) => {
      if (cancelled) { resolve(false); return; }
      const t0 = performance.now();
      for (;;) {
        const r = it.next();
        if (r.done) { if (progress) progress(total, total); resolve(true); return; }
        if (r.value >= chars || performance.now() - t0 > budget) {
          if (progress) progress(r.value, total);
          break;
        }
      }
      requestAnimationFrame(() => setTimeout(() => step(slice), 0));
    };
    step(opts.firstSliceMs || 30, opts.firstChars);
  });
  return result;
}
