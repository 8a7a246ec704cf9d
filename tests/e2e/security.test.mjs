// Security: no script from the input ever runs. The payload corpus (payloads.mjs) goes in every
// way a text gets in (paste, file open and drop, the permalink fragment, the <statement-viewer>
// element's content, `text` and same-origin `src`) and out (JSON, displaCy JSON, HTML snippet,
// CSV), including documents whose speaker names, meeting, topic and agenda carry payloads, and a
// forged analysis with payloads in every field. Each time: window.__pwned stays undefined, no
// dialog opens, no CSP violation is reported, no request leaves the page, nothing active (inline
// handler, script, frame, javascript: URL, ...) is in the DOM or in a shadow root, and the text
// is shown exactly as given. The CSP itself and the no-request rule for ordinary use are in
// privacy.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guardPage, launchBrowser, openPage, repoRoot, startServer } from './harness.mjs';
import { setInput, waitReady, waitView } from './page-helpers.mjs';
import { CSV_CELLS, DOCUMENTS, PAYLOADS, REACH, forgedDocument } from './payloads.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

let tmp; // served: www -> the repository's www/, fixtures/ (payload files and element pages)
let server;
let browser;
let viewer; // URL of the viewer page

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function elementsPage(csp) {
  const docs = Object.entries(DOCUMENTS).map(([k, t]) => [
    `<statement-viewer id="inline-${k}" panels="card legend index details">${esc(t)}</statement-viewer>`,
    `<statement-viewer id="src-${k}" src="/fixtures/${k}.txt" panels="card legend index details"></statement-viewer>`,
  ].join('\n')).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : ''}
<title>Payloads in statement-viewer elements</title>
<script type="module" src="/www/element.js"></script>
</head>
<body>
${docs}
</body>
</html>
`;
}

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-security-'));
  fs.symlinkSync(path.join(repoRoot, 'www'), path.join(tmp, 'www'));
  fs.mkdirSync(path.join(tmp, 'fixtures'));
  for (const [k, t] of Object.entries(DOCUMENTS)) fs.writeFileSync(path.join(tmp, 'fixtures', `${k}.txt`), t);
  fs.writeFileSync(path.join(tmp, 'fixtures', 'elements-csp.html'), elementsPage(STRICT_CSP));
  fs.writeFileSync(path.join(tmp, 'fixtures', 'elements-nocsp.html'), elementsPage(null));
  [server, browser] = await Promise.all([startServer(tmp), launchBrowser()]);
  viewer = `${server.url}www/`;
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Helpers

const network = (urls) => urls.filter((u) => !/^(blob|data):/.test(u));

/**
 * Opens `url` with CSP violations recorded in window.__csp, dialogs and popups recorded (and
 * dismissed), requests to another host refused and recorded; `init` (a function, with `arg`)
 * runs before the page's scripts. For the viewer page, waits until it is ready and forgets the
 * requests of loading it (the harness's `requests` then holds only later ones).
 */
async function open(url, { init, arg, ready = true, ...opts } = {}) {
  const o = await openPage(browser, 'about:blank', { viewport: { width: 1280, height: 900 }, ...opts });
  const dialogs = [];
  const popups = [];
  o.page.on('dialog', (d) => { dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
  o.context.on('page', (p) => popups.push(p.url()));
  const foreign = await guardPage(o, new URL(server.url).host);
  if (init) await o.page.addInitScript(init, arg);
  await o.page.goto(url);
  if (ready) await waitReady(o.page);
  o.requests.length = 0;
  return { ...o, dialogs, popups, foreign };
}

/**
 * Runs in the page: everything active under `root` (default: the body) and in the shadow roots
 * below it: script, frame, object, form, img, svg, math, template, base, style and link elements
 * (bar the element's own stylesheet), on* attributes, style attributes that load anything, and
 * javascript:/data:/vbscript: URLs. Returns descriptions; [] when inert.
 */
function auditDom(selector) {
  const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'img', 'image',
    'svg', 'math', 'template', 'base', 'meta', 'style', 'video', 'audio', 'source', 'picture', 'portal', 'input']);
  const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href', 'background', 'poster', 'srcset', 'ping']);
  const bad = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.localName;
      const own = tag === 'link' && el.getRootNode() instanceof ShadowRoot && el.rel === 'stylesheet' && el.href.startsWith(`${location.origin}/`);
      const search = tag === 'input' && (el.id === 'filter' || el.id === 'permalink-out' || el.id === 'file' || el.id === 'inline-kinds');
      if ((ACTIVE.has(tag) || tag === 'link') && !own && !search) bad.push(`<${tag}>`);
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) bad.push(`<${tag} ${name}>`);
        if (URL_ATTRS.has(name) && !own && /^\s*(javascript|data|vbscript|blob):/i.test(a.value)) bad.push(`<${tag} ${name}="${a.value.slice(0, 40)}">`);
        if (name === 'href' && tag === 'a' && !/^(https:\/\/|#)/.test(a.value)) bad.push(`<a href="${a.value.slice(0, 40)}">`);
        if (name === 'style' && /url\(|expression|@import/i.test(a.value)) bad.push(`<${tag} style="${a.value.slice(0, 40)}">`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  const roots = selector ? [...document.querySelectorAll(selector)] : [document.body];
  for (const r of roots) {
    visit(r);
    if (r.shadowRoot) visit(r.shadowRoot);
  }
  return bad;
}

/** Nothing ran, opened, was reported or fetched, and nothing active is in the page. */
async function assertInert(o, label, { audit = true } = {}) {
  for (const f of o.page.frames()) {
    assert.equal(await f.evaluate(() => window.__pwned), undefined, `${label}: window.__pwned in ${f.url()}`);
  }
  assert.equal(o.page.frames().length, 1, `${label}: no frame was added`);
  assert.deepEqual(o.dialogs, [], `${label}: no dialog`);
  assert.deepEqual(o.popups, [], `${label}: no window opened`);
  assert.deepEqual(await o.page.evaluate(() => window.__csp), [], `${label}: no CSP violation`);
  assert.deepEqual(network(o.requests), [], `${label}: no request after load`);
  assert.deepEqual(o.foreign, [], `${label}: no request to another host`);
  assert.deepEqual(o.errors, [], `${label}: no error`);
  if (audit) assert.deepEqual(await o.page.evaluate(auditDom), [], `${label}: nothing active in the DOM`);
}

/**
 * In the viewer page: activates every highlight (which focuses it and opens its details
 * popover), auditing the popover each time, then steps once through every index entry and every
 * outline entry. Returns the popovers' texts and links, and what auditDom found.
 */
function visitViewer(page) {
  return page.evaluate(async (audit) => {
    const auditDom = new Function(`return (${audit})`)();
    const details = document.getElementById('details');
    const texts = [];
    const links = [];
    const bad = [];
    for (const m of document.querySelectorAll('#text-view mark[data-e]')) {
      m.click();
      if (document.activeElement !== m) bad.push(`mark ${m.dataset.e} not focused`);
      if (details.hidden) bad.push(`no details for mark ${m.dataset.e}`);
      texts.push(details.textContent);
      for (const a of details.querySelectorAll('a')) links.push(a.getAttribute('href'));
      bad.push(...auditDom('#details'));
    }
    for (const b of document.querySelectorAll('#index .index-item, #outline-list button')) b.click();
    bad.push(...auditDom());
    return { texts, links, bad };
  }, auditDom.toString());
}

async function download(page, format) {
  await page.selectOption('#export-format', format);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  return fs.readFileSync(await dl.path(), 'utf8');
}

/** RFC 4180 with every cell quoted (as the export writes it): rows of cells; throws otherwise. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] !== '"') throw new Error(`unquoted cell at ${i}: ${JSON.stringify(s.slice(i, i + 20))}`);
    let cell = '';
    for (i++; ; i++) {
      if (i >= s.length) throw new Error('unterminated quote');
      if (s[i] === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (s[i] === '"') break; else cell += s[i];
    }
    i++;
    row.push(cell);
    if (s[i] === ',') i++;
    else if (s.startsWith('\r\n', i)) { rows.push(row); row = []; i += 2; } else throw new Error(`after a cell at ${i}: ${JSON.stringify(s.slice(i, i + 20))}`);
  }
  if (row.length) throw new Error('the last row does not end with CRLF');
  return rows;
}

/** What a CSV cell must hold for `v` (quoted, quotes doubled): formula triggers behind an apostrophe. */
const neutral = (v) => {
  const s = v == null ? '' : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

// ---------------------------------------------------------------------------------------------
// In: paste

test('pasted payloads: shown exactly as text; cards, outline, index and every details popover stay inert', async () => {
  const o = await open(viewer);
  const { page } = o;
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    await setInput(page, text);
    assert.equal(await page.textContent('#text-view'), text, `${name}: the view shows the text as given`);
    assert.equal(await page.inputValue('#input'), text);
    for (const s of REACH[name] || []) {
      assert.ok((await page.textContent('#cards')).includes(s), `${name}: the card shows ${JSON.stringify(s)} as text`);
    }
    if (name === 'record') {
      const outline = await page.$$eval('#outline-list button', (bs) => bs.map((b) => b.textContent));
      assert.ok(outline.some((t) => t.includes('Dang<img src=x onerror=window')), `outline: ${outline}`);
      const labels = await page.$$eval('#text-view article', (as) => as.map((a) => a.getAttribute('aria-label')));
      assert.ok(labels.some((l) => l.includes('<img src=x')), `statement labels: ${labels}`);
    }
    const { texts, links, bad } = await visitViewer(page);
    assert.deepEqual(bad, [], name);
    assert.ok(texts.length >= 10 && texts.some((t) => /Security Council resolution|S\/2016\/1|S\/2019\/823/.test(t)), `${name}: details shown`);
    assert.ok(links.length > 0, `${name}: document links were rendered`);
    for (const href of links) assert.match(href, /^https:\/\/undocs\.org\/[\w/.()-]+$/, name);
    // Real pointer hovers over a few highlights: the tooltip opens under the pointer.
    for (const m of (await page.$$('#text-view mark')).slice(0, 3)) {
      await m.hover();
      await page.waitForSelector('#details:not([hidden])');
    }
    await assertInert(o, name);
  }
  // Each one-line payload on its own, as the whole text (a payload at the very start or end).
  for (const p of PAYLOADS) {
    await setInput(page, p);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, p);
  }
  await page.waitForTimeout(200); // timers a payload might have set
  await assertInert(o, 'one-line payloads');
  await o.context.close();
});

// ---------------------------------------------------------------------------------------------
// In: files

test('opened and dropped files: payload contents and payload file names stay text', async () => {
  const o = await open(viewer);
  const { page } = o;
  const names = ['"><svg onload="window.__pwned=1">.txt', 'javascript:window.__pwned=1.txt', '</textarea><script>window.__pwned=1</script>.txt'];
  const docs = Object.values(DOCUMENTS);
  for (let i = 0; i < names.length; i++) {
    const text = docs[i % docs.length];
    await page.setInputFiles('#file', { name: names[i], mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await waitView(page, text);
    assert.equal(await page.textContent('#status').then((s) => s.startsWith(`Opened ${names[i]}.`)), true, `status names ${names[i]} as text`);
  }
  // Dropped: UTF-8 with a byte order mark, and UTF-16 (the page decodes both).
  const dropped = [
    ['drop-"onmouseover="window.__pwned=1.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DOCUMENTS.record, 'utf8')]), DOCUMENTS.record],
    ['<img src=x onerror=alert(1)>.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOCUMENTS.statement, 'utf16le')]), DOCUMENTS.statement],
  ];
  for (const [name, bytes, text] of dropped) {
    await page.evaluate(({ name, bytes }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
      const target = document.getElementById('text-view');
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, { name, bytes: [...bytes] });
    await waitView(page, text);
    assert.match(await page.textContent('#status'), new RegExp(`^Opened ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.`));
    const { bad } = await visitViewer(page);
    assert.deepEqual(bad, [], name);
  }
  await assertInert(o, 'files');
  await o.context.close();
});

// ---------------------------------------------------------------------------------------------
// In: the permalink fragment

test('permalink fragments: payload texts come back exactly through real navigations; forged fragments are refused', async () => {
  const o = await open(viewer);
  const frags = await o.page.evaluate(async (docs) => {
    const { encodeFragment } = await import('./export.js');
    return Promise.all(docs.map((t) => encodeFragment(t)));
  }, Object.values(DOCUMENTS));
  await o.context.close();
  const texts = Object.values(DOCUMENTS);
  for (let i = 0; i < texts.length; i++) {
    const n = await open(`${viewer}#${frags[i]}`);
    await waitView(n.page, texts[i]);
    assert.equal(await n.page.inputValue('#input'), texts[i]);
    const { bad } = await visitViewer(n.page);
    assert.deepEqual(bad, []);
    await assertInert(n, `fragment ${i}`);
    await n.context.close();
  }
  // Fragments no permalink makes: not deflate, not base64, or no t= at all.
  const b64 = Buffer.from('<script>window.__pwned=1</script>').toString('base64url');
  for (const frag of [`t=${b64}`, 't=<script>window.__pwned=1</script>', 'javascript:window.__pwned=1', `t=${encodeURIComponent('<img src=x onerror=window.__pwned=1>')}`, '<svg onload=window.__pwned=1>']) {
    const n = await open(`${viewer}#${frag}`);
    if (frag.startsWith('t=')) {
      assert.match(await n.page.textContent('#alert'), /could not be read/, frag);
    }
    assert.doesNotMatch(await n.page.inputValue('#input'), /__pwned/, `${frag}: the draft or example is shown instead`);
    await n.page.waitForTimeout(100);
    await assertInert(n, frag);
    await n.context.close();
  }
});

// ---------------------------------------------------------------------------------------------
// In: the <statement-viewer> element

for (const [variant, csp] of [['under a strict CSP', true], ['on a page without CSP, where an injection would run', false]]) {
  test(`<statement-viewer> ${variant}: payloads as content, text property and same-origin src stay text`, async () => {
    const o = await open(`${server.url}fixtures/elements-${csp ? 'csp' : 'nocsp'}.html`, {
      ready: false,
      init: () => {
        window.__ready = [];
        window.__errors = [];
        document.addEventListener('sv-ready', (e) => window.__ready.push(e.target.id));
        document.addEventListener('sv-error', (e) => window.__errors.push(e.detail.message));
      },
    });
    const { page } = o;
    const ids = Object.keys(DOCUMENTS).flatMap((k) => [`inline-${k}`, `src-${k}`, `prop-${k}`]);
    // The `text` property: elements made by script.
    await page.waitForFunction(() => customElements.get('statement-viewer'));
    await page.evaluate((docs) => {
      for (const [k, t] of Object.entries(docs)) {
        const el = document.createElement('statement-viewer');
        el.id = `prop-${k}`;
        el.panels = 'card legend index details';
        el.text = t;
        document.body.append(el);
      }
    }, DOCUMENTS);
    await page.waitForFunction((ids) => ids.every((id) => window.__ready.includes(id)), ids, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.__errors), []);

    const result = await page.evaluate(async ({ docs, audit }) => {
      const auditDom = new Function(`return (${audit})`)();
      const { dedent } = await import('/www/element.js');
      const out = {};
      for (const [k, t] of Object.entries(docs)) {
        for (const how of ['inline', 'src', 'prop']) {
          const el = document.getElementById(`${how}-${k}`);
          const root = el.shadowRoot;
          // Text content: what the HTML parser made of the escaped markup (it drops NUL), dedented.
          const expected = how === 'inline' ? dedent(t.replace(/\u0000/g, '')) : t;
          const details = [];
          for (const m of root.querySelectorAll('.sv-text mark[data-e]')) {
            m.click();
            details.push(root.querySelector('.sv-details').textContent);
          }
          for (const b of root.querySelectorAll('.sv-index-item, .sv-legend-item')) b.click();
          out[`${how}-${k}`] = {
            same: root.querySelector('.sv-text').textContent === expected,
            cards: root.querySelector('.sv-cards').textContent,
            marks: root.querySelectorAll('.sv-text mark').length,
            links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
            details,
            bad: auditDom(`#${how}-${k}`),
          };
        }
      }
      return out;
    }, { docs: DOCUMENTS, audit: auditDom.toString() });

    for (const [id, r] of Object.entries(result)) {
      assert.ok(r.same, `${id}: the element shows the text as given`);
      assert.ok(r.marks > 5, `${id}: highlighted (${r.marks} marks)`);
      assert.ok(r.details.length > 5 && r.details.every((d) => d.length > 0), `${id}: details opened`);
      assert.deepEqual(r.bad, [], id);
      for (const href of r.links) assert.match(href, /^https:\/\/undocs\.org\//, id);
      for (const s of REACH[id.replace(/^\w+-/, '')] || []) assert.ok(r.cards.includes(s), `${id}: the card shows ${JSON.stringify(s)} as text`);
    }
    await page.waitForTimeout(100);
    await assertInert(o, `elements ${variant}`);
    if (!csp) {
      // Control: on this page an injected handler does run, so the checks above could have failed.
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__pwned=1">'));
      await page.waitForFunction(() => window.__pwned === 1);
    }
    await o.context.close();
  });
}

// ---------------------------------------------------------------------------------------------
// Out: exports

test('exports of payload texts: JSON and displaCy keep the text; the HTML snippet runs nothing without a CSP; CSV cells cannot start a formula', async () => {
  const o = await open(viewer, { acceptDownloads: true });
  const { page } = o;
  const sandbox = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const sandboxRequests = [];
  await sandbox.route('**/*', (route) => { sandboxRequests.push(route.request().url()); return route.abort(); });
  const sandboxDialogs = [];
  const box = await sandbox.newPage();
  box.on('dialog', (d) => { sandboxDialogs.push(d.message()); d.dismiss().catch(() => {}); });

  for (const [name, text] of Object.entries(DOCUMENTS)) {
    await setInput(page, text);
    const doc = JSON.parse(await download(page, 'json'));
    assert.equal(doc.text, text, `${name}: JSON text`);
    for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text, `${name}: JSON offsets`);
    assert.equal(JSON.parse(await download(page, 'displacy')).text, text, `${name}: displaCy text`);

    // The HTML snippet in a page with no CSP at all: any script or handler in it would run.
    const html = await download(page, 'html');
    await box.setContent(`<!doctype html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
    const sb = await box.evaluate(async (audit) => {
      const auditDom = new Function(`return (${audit})`)();
      // Fire the events inline handlers listen to, on every element.
      for (const el of document.body.querySelectorAll('*')) {
        for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'click', 'load', 'error', 'toggle', 'animationstart']) {
          el.dispatchEvent(new Event(type, { bubbles: false }));
        }
      }
      await new Promise((r) => setTimeout(r, 50));
      const bad = auditDom().filter((b) => b !== '<style>' || document.querySelectorAll('style').length !== 1);
      return {
        pwned: window.__pwned,
        bad,
        text: document.querySelector('.sv-document')?.textContent,
        marks: document.querySelectorAll('mark').length,
        titles: [...document.querySelectorAll('[title]')].map((e) => e.title),
      };
    }, auditDom.toString());
    for (const m of (await box.$$('mark')).slice(0, 5)) await m.hover();
    assert.equal(sb.pwned, undefined, `${name}: HTML snippet`);
    assert.equal(await box.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(sb.bad, [], `${name}: HTML snippet is inert`);
    assert.ok(sb.marks > 5);
    // The text, but for NUL characters, which HTML cannot carry (a parser drops them).
    assert.equal(sb.text, text.replace(/\u0000/g, ''), `${name}: the HTML snippet's text is the input`);

    // CSV: every cell is the entity's field, quoted, formula triggers behind an apostrophe.
    const csv = await download(page, 'csv');
    const rows = parseCsv(csv.replace(/^\ufeff/, ''));
    const cols = rows[0];
    assert.deepEqual(cols, ['kind', 'text', 'canonical', 'code', 'expansion', 'link', 'start', 'end']);
    assert.equal(rows.length - 1, doc.entities.length);
    doc.entities.forEach((e, i) => assert.deepEqual(rows[i + 1], cols.map((c) => neutral(e[c])), `${name}: CSV row ${i}`));
  }
  // Hostile cells (the core does not produce them today; the export must hold anyway).
  const csv = await page.evaluate(async (cells) => {
    const { toCsv } = await import('./export.js');
    return toCsv({ entities: cells.map((c) => ({ kind: c, text: c, canonical: c, code: c, expansion: c, link: c, start: c, end: c })) });
  }, CSV_CELLS);
  const rows = parseCsv(csv).slice(1);
  assert.equal(rows.length, CSV_CELLS.length);
  rows.forEach((r, i) => {
    assert.deepEqual(r, Array(8).fill(neutral(CSV_CELLS[i])), JSON.stringify(CSV_CELLS[i]));
    for (const cell of r) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, 'no cell starts a formula');
  });

  assert.deepEqual(sandboxDialogs, []);
  assert.deepEqual(sandboxRequests.filter((u) => !u.startsWith('about:')), [], 'the HTML snippet loads nothing');
  // Control: this sandbox does run an injected handler, so the checks above could have failed.
  await box.setContent('<img src=x onerror="window.__pwned=1">');
  await box.waitForFunction(() => window.__pwned === 1);
  await sandbox.close();
  await assertInert(o, 'exports');
  await o.context.close();
});

// ---------------------------------------------------------------------------------------------
// Defence in depth: a forged analysis

test('a forged analysis with payloads in every field renders as text; only https links become links', async () => {
  const forged = forgedDocument();
  const { doc, badLinks } = forged;
  // Padded past the length that the page analyses itself (www/app.js SMALL): for the worker.
  const text = `${forged.text}${' '.repeat(20_000)}`;
  // Stands in for the worker: answers the page's protocol (worker.js) with the forged document.
  const fakeWorker = ({ text, json }) => {
    window.Worker = class {
      postMessage(msg) {
        setTimeout(() => {
          let data;
          if (msg.type === 'init') data = { type: 'ready', version: 'forged' };
          else if (msg.type === 'annotate') data = { type: 'result', id: msg.id, json: msg.text === text ? json : '{"meeting":null,"statements":[],"blocks":[],"entities":[]}' };
          else data = { type: 'error', id: msg.id, message: 'not part of this test' };
          this.onmessage?.({ data });
        }, 0);
      }

      terminate() {}
    };
  };
  const o = await open(viewer, { init: fakeWorker, arg: { text, json: JSON.stringify(doc) } });
  const { page } = o;
  await setInput(page, text);
  const cards = await page.textContent('#cards');
  for (const field of ['symbol', 'agenda0', 'agenda1', 'member', 'name', 'time']) {
    assert.ok(cards.includes(`${field}"><img src=x onerror="window.__pwned=1">'<script>window.__pwned=1</script>`), `meeting card shows ${field} as text`);
  }
  const outline = await page.$$eval('#outline-list button', (bs) => bs.map((b) => b.textContent));
  assert.equal(outline.length, 3);
  assert.ok(outline.every((t) => t.includes('name"><img src=x onerror="window.__pwned=1">')), outline.join('\n'));
  const index = await page.textContent('#index');
  assert.ok(index.includes('canonical Japan"><img src=x'), 'the index shows canonical names as text');
  assert.ok(index.includes('"><img src=x onerror=window.__pwned=1>'), 'an unknown kind is shown as text');

  const { texts, bad } = await visitViewer(page);
  assert.deepEqual(bad, []);
  assert.equal(texts.length, doc.entities.length);
  for (let i = 0; i < texts.length; i++) assert.ok(texts[i].includes(doc.entities[i].canonical), `details ${i} show the canonical name as text`);
  // Links: only the https one became a link (its quotes and brackets percent-encoded in href).
  const links = await page.evaluate(() => {
    const out = [];
    for (const m of document.querySelectorAll('#text-view mark[data-e]')) {
      m.click();
      const a = document.querySelector('#details a');
      out.push(a && { href: a.href, rel: a.rel, target: a.target, referrer: a.referrerPolicy });
    }
    return out;
  });
  const withLink = links.filter(Boolean);
  assert.equal(withLink.length, 1, JSON.stringify(links));
  assert.match(withLink[0].href, /^https:\/\/undocs\.org\/S\/2016\/1%22%3E%3Cscript%3E/);
  assert.deepEqual([withLink[0].rel, withLink[0].target, withLink[0].referrer], ['noopener noreferrer', '_blank', 'no-referrer']);
  assert.ok(badLinks.length >= 3);
  await page.waitForTimeout(100);
  await assertInert(o, 'forged document');
  await o.context.close();
});
