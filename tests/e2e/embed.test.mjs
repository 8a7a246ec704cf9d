// Embedding: the <statement-viewer> element (hostile page CSS, two elements, events, errors), the
// npm package installed from its tarball, the single-file viewer from file://, the static site,
// and the viewer page, the element and the example page under a strict CSP.
// Needs the wasm package: bash scripts/build-wasm.sh. Builds dist into a temporary folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { launchBrowser, openPage, repoRoot, startServer } from './harness.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const LIGHT = { person: 'rgb(255, 224, 230)', country: 'rgb(215, 236, 255)', organization: 'rgb(232, 225, 251)' };
const DARK = { person: 'rgb(92, 31, 51)', date: 'rgb(52, 70, 28)' };

let tmp;
let dist;
let rootServer; // serves the repository: /www/… and /tests/e2e/fixtures/…
let browser;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sv-embed-'));
  dist = path.join(tmp, 'dist');
  execFileSync('bash', [path.join(repoRoot, 'scripts', 'build-dist.sh'), dist], { cwd: repoRoot, stdio: 'pipe' });
  [rootServer, browser] = await Promise.all([startServer(repoRoot), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await rootServer?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Records, from the first script on, sv-* events and CSP violations in window.__sv / __csp. */
async function instrument(page) {
  await page.addInitScript(() => {
    window.__sv = [];
    window.__csp = [];
    for (const type of ['sv-ready', 'sv-entity', 'sv-error']) {
      document.addEventListener(type, (e) => {
        const d = e.detail || {};
        window.__sv.push({
          type,
          id: e.target.id,
          composed: e.composed,
          bubbles: e.bubbles,
          kinds: d.document ? [...new Set(d.document.entities.map((x) => x.kind))].sort() : undefined,
          entity: d.entity,
          message: d.message,
        });
      });
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
}

const events = (page) => page.evaluate(() => window.__sv);
const violations = (page) => page.evaluate(() => window.__csp);

async function waitEvents(page, pred, what, timeout = 20_000) {
  try {
    await page.waitForFunction(pred, null, { timeout });
  } catch (err) {
    throw new Error(`${what}: ${err.message}\nevents: ${JSON.stringify(await events(page))}`);
  }
}

/** Marks of one element's shadow root: kind, text, computed colours, size. */
function shadowMarks(page, id) {
  return page.evaluate((id) => {
    const el = document.getElementById(id);
    return [...el.shadowRoot.querySelectorAll('mark')].map((m) => {
      const cs = getComputedStyle(m);
      const r = m.getBoundingClientRect();
      return {
        kind: m.dataset.kind,
        text: m.textContent,
        bg: cs.backgroundColor,
        color: cs.color,
        line: cs.borderBottomColor,
        after: getComputedStyle(m, '::after').content,
        visible: r.width > 0 && r.height > 0 && cs.visibility === 'visible' && cs.display !== 'none',
      };
    });
  }, id);
}

async function openFixture() {
  const context = await browser.newContext({ colorScheme: 'light', viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon/.test(m.location()?.url ?? '')) errors.push(m.text()); });
  await instrument(page);
  await page.goto(`${rootServer.url}tests/e2e/fixtures/elements.html`);
  await waitEvents(page, () => ['inline', 'fetched', 'themed'].every((id) => window.__sv.some((e) => e.type === 'sv-ready' && e.id === id))
    && window.__sv.filter((e) => e.type === 'sv-error').length >= 4, 'fixture elements ready');
  return { context, page, requests, errors };
}

test('the element renders under hostile page CSS, with its own styles, and its light DOM is not shown', async () => {
  const { context, page, errors, requests } = await openFixture();
  try {
    assert.deepEqual(requests.filter((u) => u.endsWith('.wasm')), [`${rootServer.url}www/pkg/statement_viewer_bg.wasm`],
      'one wasm load for all the elements of the page, found beside element.js');
    const hosts = await page.evaluate(() => [...document.querySelectorAll('statement-viewer')].map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const root = el.shadowRoot.querySelector('.sv-root');
      return {
        id: el.id,
        display: getComputedStyle(el).display,
        rootVisible: !root.hidden && root.getBoundingClientRect().height > 0,
        lightBoxes: range.getClientRects().length,
        slots: el.shadowRoot.querySelectorAll('slot').length,
        stylesheet: el.shadowRoot.querySelector('link[rel="stylesheet"]')?.href,
        rootFont: getComputedStyle(root).fontSize,
        text: el.shadowRoot.querySelector('.sv-text').textContent,
      };
    }));
    for (const h of hosts) {
      assert.equal(h.display, 'block', `${h.id}: the page's display:none !important does not hide it`);
      assert.ok(h.rootVisible, `${h.id}: its content is visible`);
      assert.equal(h.lightBoxes, 0, `${h.id}: the light DOM text is not rendered`);
      assert.equal(h.slots, 0, `${h.id}: no slot`);
      assert.equal(h.stylesheet, `${rootServer.url}www/element.css`, `${h.id}: stylesheet resolved beside element.js`);
      // (--sv-font: monospace on #themed makes medium 13px, as the generic monospace family does.)
      assert.equal(h.rootFont, h.id === 'themed' ? '13px' : '16px', `${h.id}: the page's font rules do not reach inside`);
    }
    const inline = hosts.find((h) => h.id === 'inline');
    assert.ok(inline.text.startsWith('Statement by H.E. Ambassador Koro Bessho\nPermanent Representative'), `dedented: ${JSON.stringify(inline.text.slice(0, 60))}`);

    const marks = await shadowMarks(page, 'inline');
    assert.deepEqual(marks.map((m) => `${m.kind}:${m.text}`), ['country:Japan', 'country:Japan', 'country:France', 'country:Mali']);
    for (const m of marks) {
      assert.ok(m.visible, `${m.text} visible`);
      assert.equal(m.bg, LIGHT.country, `${m.text}: the element's own highlight colour, not the page's red`);
      assert.equal(m.line, 'rgb(21, 101, 192)');
      assert.equal(m.color, 'rgb(27, 27, 27)');
    }
    // The custom properties are the way to theme it.
    const themed = await shadowMarks(page, 'themed');
    assert.deepEqual(themed.map((m) => [m.text, m.bg, m.line]), [['Japan', 'rgb(1, 2, 3)', 'rgb(4, 5, 6)'], ['Sweden', 'rgb(1, 2, 3)', 'rgb(4, 5, 6)']]);
    const themedRoot = await page.evaluate(() => {
      const r = document.getElementById('themed').shadowRoot;
      return { font: getComputedStyle(r.querySelector('.sv-root')).fontFamily, legend: r.querySelector('.sv-legend').hidden, cards: r.querySelector('.sv-cards').hidden };
    });
    assert.equal(themedRoot.font, 'monospace');
    assert.ok(themedRoot.legend && themedRoot.cards, 'panels="" shows the text alone');
    // Its styles do not leak: a page <mark data-kind> outside the elements keeps the page's rules.
    assert.deepEqual(await page.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('page-mark'));
      return [cs.backgroundColor, cs.borderBottomColor, cs.cursor];
    }), ['rgb(255, 0, 0)', 'rgb(255, 0, 0)', 'auto']);
    // index.html's <link rel="icon" href="data:,"> stops the browser fetching /favicon.ico after
    // load (the page allows img-src data:); this stricter policy refuses that image, and nothing else.
    const other = (await violations(page)).filter((v) => !/^img-src data /.test(v));
    assert.deepEqual(other, []);
    assert.deepEqual(errors.filter((e) => !/Loading the image 'data:,' violates/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('two elements on one page work independently: texts, kinds, theme, labels, panels', async () => {
  const { context, page } = await openFixture();
  try {
    const ev = await events(page);
    const ready = (id) => ev.filter((e) => e.type === 'sv-ready' && e.id === id);
    assert.equal(ready('inline').length, 1);
    assert.deepEqual(ready('inline')[0].kinds, ['country']);
    assert.deepEqual(ready('fetched')[0].kinds, ['date', 'person']);
    for (const e of ev) assert.ok(e.bubbles && e.composed, `${e.type} bubbles out of the shadow root`);

    const fetched = await shadowMarks(page, 'fetched');
    assert.ok(fetched.some((m) => m.kind === 'person' && m.text === 'Koro Bessho'), 'person from src');
    assert.ok(fetched.some((m) => m.kind === 'date' && m.text === '7 November 2016'), 'date from src');
    assert.ok(fetched.every((m) => m.kind === 'person' || m.kind === 'date'));
    for (const m of fetched) {
      assert.equal(m.bg, DARK[m.kind], `theme="dark": ${m.text}`);
      assert.match(m.after, new RegExp(m.kind), `labels: the kind written after ${m.text}`);
    }
    assert.ok((await shadowMarks(page, 'inline')).every((m) => m.after === 'none'), 'no labels without the attribute');

    const panels = await page.evaluate(() => Object.fromEntries(['inline', 'fetched'].map((id) => {
      const r = document.getElementById(id).shadowRoot;
      return [id, {
        legend: [...r.querySelectorAll('.sv-legend [data-toggle-kind]')].map((b) => b.dataset.toggleKind),
        index: !r.querySelector('.sv-index').hidden,
        card: r.querySelector('.sv-card .sv-card-name')?.textContent,
        seedText: r.querySelector('.sv-text').textContent.length,
      }];
    })));
    assert.deepEqual(panels.inline.legend, ['country']);
    assert.deepEqual(panels.fetched.legend, ['person', 'date']);
    assert.equal(panels.inline.index, false, 'index panel off by default');
    assert.equal(panels.fetched.index, true);
    assert.match(panels.fetched.card, /Koro Bessho/);
    const seed = fs.readFileSync(path.join(repoRoot, 'www', 'examples', 'seed.txt'), 'utf8');
    assert.equal(panels.fetched.seedText, seed.length, 'src text shown whole');

    // Changing one element's kinds re-renders it alone; setting text replaces its text.
    await page.evaluate(() => {
      window.__sv.length = 0;
      document.getElementById('inline').kinds = ['organization', 'role'];
      document.getElementById('themed').text = 'The Secretary-General visited Mali.';
    });
    await waitEvents(page, () => window.__sv.filter((e) => e.type === 'sv-ready').length >= 2, 're-render');
    const again = await events(page);
    assert.deepEqual(again.map((e) => e.id).sort(), ['inline', 'themed']);
    assert.deepEqual((await shadowMarks(page, 'inline')).map((m) => `${m.kind}:${m.text}`),
      ['role:Ambassador', 'role:Permanent Representative', 'organization:United Nations', 'role:Ambassador', 'role:Secretary-General']);
    assert.deepEqual((await shadowMarks(page, 'themed')).map((m) => `${m.kind}:${m.text}`), ['role:Secretary-General', 'country:Mali']);
    assert.equal((await shadowMarks(page, 'fetched')).length, fetched.length, 'the other element is untouched');

    // The legend hides one kind in its own element only.
    await page.evaluate(() => document.getElementById('fetched').shadowRoot.querySelector('[data-toggle-kind="date"]').click());
    const hidden = await shadowMarks(page, 'fetched');
    assert.ok(hidden.filter((m) => m.kind === 'date').every((m) => m.bg === 'rgba(0, 0, 0, 0)'));
    assert.ok(hidden.filter((m) => m.kind === 'person').every((m) => m.bg === DARK.person));
  } finally {
    await context.close();
  }
});

test('sv-entity on click and on Enter; sv-error for a refused src and for wrong attributes', async () => {
  const { context, page, requests } = await openFixture();
  try {
    const errs = (await events(page)).filter((e) => e.type === 'sv-error');
    const foreign = errs.filter((e) => e.id === 'foreign');
    assert.equal(foreign.length, 1);
    assert.match(foreign[0].message, /src must be on this page's own site .*refused http:\/\/localhost:9\/statement\.txt/);
    assert.ok(!requests.some((u) => u.includes('localhost:9')), 'the cross-origin src is never requested');
    const shown = await page.evaluate(() => document.getElementById('foreign').shadowRoot.querySelector('.sv-message').textContent);
    assert.match(shown, /refused/, 'the refusal is shown in the element too');
    const wrong = errs.filter((e) => e.id === 'wrong').map((e) => e.message).join('\n');
    assert.match(wrong, /unknown theme "sepia"/);
    assert.match(wrong, /unknown panel "sidebar"/);
    assert.match(wrong, /unknown kind "contry"/);

    await page.evaluate(() => { window.__sv.length = 0; });
    // Click: the first highlight of the first element.
    await page.locator('#inline mark').nth(2).click();
    await waitEvents(page, () => window.__sv.some((e) => e.type === 'sv-entity'), 'sv-entity on click');
    let ent = (await events(page)).find((e) => e.type === 'sv-entity');
    assert.equal(ent.id, 'inline');
    assert.deepEqual([ent.entity.kind, ent.entity.text, ent.entity.code], ['country', 'France', 'FRA']);
    const details = await page.evaluate(() => {
      const d = document.getElementById('inline').shadowRoot.querySelector('.sv-details');
      return { hidden: d.hidden, text: d.textContent };
    });
    assert.equal(details.hidden, false);
    assert.match(details.text, /France/);
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.getElementById('inline').shadowRoot.querySelector('.sv-details').hidden), true);

    // Keyboard: the first highlight of the second element is a tab stop; arrows move; Enter activates.
    await page.evaluate(() => {
      window.__sv.length = 0;
      document.getElementById('fetched').shadowRoot.querySelector('mark[tabindex="0"]').focus();
    });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await waitEvents(page, () => window.__sv.some((e) => e.type === 'sv-entity'), 'sv-entity on Enter');
    ent = (await events(page)).find((e) => e.type === 'sv-entity');
    assert.equal(ent.id, 'fetched');
    assert.deepEqual([ent.entity.kind, ent.entity.text], ['date', '7 November 2016']);
  } finally {
    await context.close();
  }
});

test('the npm package installs from its tarball; its element and API work from node_modules', async () => {
  const tgz = fs.readdirSync(dist).find((f) => /^statement-viewer-\d+\.\d+\.\d+\.tgz$/.test(f));
  assert.ok(tgz, 'npm pack wrote the tarball');
  const cargo = /^version\s*=\s*"([^"]+)"/m.exec(fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(tgz, `statement-viewer-${cargo}.tgz`, 'package version = crate version');

  const app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  execFileSync('npm', ['install', path.join(dist, tgz), '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app, stdio: 'pipe' });
  const pkgDir = path.join(app, 'node_modules', 'statement-viewer');
  for (const f of ['www/api.js', 'www/element.js', 'www/element.css', 'www/viewer.js', 'www/iso3.js', 'www/statement-viewer.d.ts',
    'www/element.d.ts', 'www/pkg/statement_viewer.js', 'www/pkg/statement_viewer_bg.wasm']) {
    assert.ok(fs.existsSync(path.join(pkgDir, f)), `the package ships ${f}`);
  }
  assert.ok(!fs.existsSync(path.join(pkgDir, 'www', 'app.js')), 'the viewer page is not in the package');

  // Node: the exports map resolves, and the API runs with the wasm bytes handed to ready().
  fs.writeFileSync(path.join(app, 'node-check.mjs'), `
    import fs from 'node:fs';
    import { fileURLToPath } from 'node:url';
    const api = await import('statement-viewer');
    const wasm = fileURLToPath(new URL('./pkg/statement_viewer_bg.wasm', import.meta.resolve('statement-viewer')));
    await api.ready(fs.readFileSync(wasm));
    const doc = await api.annotate('Japan thanked the Secretary-General.', { kinds: ['country'] });
    let err = null;
    try { await api.annotate('x', { colour: 1 }); } catch (e) { err = e.message; }
    console.log(JSON.stringify({
      element: import.meta.resolve('statement-viewer/element'),
      css: import.meta.resolve('statement-viewer/element.css'),
      version: await api.version(),
      entities: doc.entities.map((e) => e.kind + ':' + e.text),
      err,
    }));
  `);
  const node = JSON.parse(execFileSync('node', ['node-check.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.match(node.element, /node_modules\/statement-viewer\/www\/element\.js$/);
  assert.match(node.css, /node_modules\/statement-viewer\/www\/element\.css$/);
  assert.equal(node.version, cargo);
  assert.deepEqual(node.entities, ['country:Japan']);
  assert.match(node.err, /colour/, 'an unknown option is named');

  // Browser: a page with an import map, as a site without a bundler would use the package.
  fs.writeFileSync(path.join(app, 'index.html'), `<!doctype html><meta charset="utf-8"><title>scratch</title>
<link rel="icon" href="data:,">
<script type="importmap">{"imports": {
  "statement-viewer": "./node_modules/statement-viewer/www/api.js",
  "statement-viewer/element": "./node_modules/statement-viewer/www/element.js"}}</script>
<script type="module" src="page.js"></script>
<statement-viewer id="el" kinds="country">Sweden and Japan welcomed the agreement.</statement-viewer>
<div id="out"></div>`);
  fs.writeFileSync(path.join(app, 'page.js'), `
import { annotate, render } from 'statement-viewer';
import 'statement-viewer/element';
const doc = await annotate('Mr. Olof Skoog spoke in New York on 18 January 2017.');
const rendered = await render(document.getElementById('out'), 'The Security Council met.', { kinds: ['organization'] });
window.__api = { kinds: doc.entities.map((e) => e.kind), rendered: rendered.entities.length };
`);
  const server = await startServer(app);
  try {
    const { page, context, errors } = await openPage(browser, 'about:blank');
    await instrument(page);
    await page.goto(`${server.url}index.html`);
    await waitEvents(page, () => window.__sv.some((e) => e.type === 'sv-ready') && window.__api, 'package page');
    assert.deepEqual(await shadowMarks(page, 'el').then((ms) => ms.map((m) => `${m.kind}:${m.text}:${m.bg}`)),
      [`country:Sweden:${LIGHT.country}`, `country:Japan:${LIGHT.country}`]);
    const api = await page.evaluate(() => window.__api);
    assert.deepEqual(api.kinds, ['person', 'place', 'date']);
    assert.equal(api.rendered, 1);
    const out = await page.evaluate(() => {
      const el = document.getElementById('out');
      return { marks: [...el.querySelectorAll('.sv-text mark')].map((m) => `${m.dataset.kind}:${m.textContent}`), text: el.querySelector('.sv-text').textContent };
    });
    assert.deepEqual(out.marks, ['organization:Security Council']);
    assert.equal(out.text, 'The Security Council met.');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await server.close();
  }
});

test('the single file opens from file:// and highlights the seed, requesting nothing but itself', async () => {
  const file = path.join(dist, 'statement-viewer.html');
  const html = fs.readFileSync(file, 'utf8');
  assert.doesNotMatch(html, /<script[^>]*\ssrc=/, 'no external script');
  assert.doesNotMatch(html, /<link[^>]*rel="stylesheet"/, 'no external stylesheet');
  assert.match(html, /connect-src 'none'/, 'its CSP forbids network access');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await instrument(page);
  const url = pathToFileURL(file).href;
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    const seed = fs.readFileSync(path.join(repoRoot, 'www', 'examples', 'seed.txt'), 'utf8');
    const view = await page.evaluate(() => ({
      text: document.getElementById('text-view').textContent,
      input: document.getElementById('input').value,
      marks: [...document.querySelectorAll('#text-view mark')].map((m) => `${m.dataset.kind}:${m.textContent}`),
      bg: getComputedStyle(document.querySelector('#text-view mark[data-kind="person"]')).backgroundColor,
      card: document.querySelector('#cards .sv-card-name')?.textContent,
      legend: document.querySelectorAll('#legend [data-toggle-kind]').length,
      version: document.getElementById('version').textContent,
      alert: document.getElementById('alert').textContent,
    }));
    assert.equal(view.input, seed);
    assert.equal(view.text, seed);
    assert.ok(view.marks.includes('person:Koro Bessho') && view.marks.includes('country:Japan') && view.marks.includes('mission:MINUSMA'),
      `highlights: ${view.marks.slice(0, 8)}`);
    assert.equal(view.bg, LIGHT.person, 'the page styles are inlined');
    assert.match(view.card, /Koro Bessho/);
    assert.equal(view.legend, 12);
    assert.match(view.version, /^\d+\.\d+\.\d+$/);
    assert.equal(view.alert, '');

    // Typing a new text analyses it in place.
    await page.fill('#input', 'Sweden and Mali thanked the Secretary-General.');
    await page.waitForFunction(() => document.getElementById('text-view').textContent.startsWith('Sweden') && !document.documentElement.dataset.busy);
    const marks = await page.$$eval('#text-view mark', (ms) => ms.map((m) => `${m.dataset.kind}:${m.textContent}`));
    assert.deepEqual(marks, ['country:Sweden', 'country:Mali', 'role:Secretary-General']);

    assert.deepEqual(requests.filter((u) => !u.startsWith('data:')), [url], 'no request but the file itself');
    // index.html's <link rel="icon" href="data:,"> stops the browser fetching /favicon.ico after
    // load (the page allows img-src data:); this stricter policy refuses that image, and nothing else.
    const other = (await violations(page)).filter((v) => !/^img-src data /.test(v));
    assert.deepEqual(other, []);
    assert.deepEqual(errors.filter((e) => !/Loading the image 'data:,' violates/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('dist/site is the static site: page, element, example and wasm, without types or tests', () => {
  const site = path.join(dist, 'site');
  const files = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p); else files.push(path.relative(site, p).split(path.sep).join('/'));
    }
  };
  walk(site);
  for (const f of ['index.html', 'app.js', 'viewer.js', 'worker.js', 'style.css', 'element.js', 'element.css', 'api.js',
    'embed.html', 'examples/seed.txt', 'pkg/statement_viewer.js', 'pkg/statement_viewer_bg.wasm']) {
    assert.ok(files.includes(f), `site has ${f}`);
  }
  assert.deepEqual(files.filter((f) => f.endsWith('.d.ts') || f.includes('test') || f.includes('fixture')), []);
});

test('the viewer page works under the strict CSP with no violation', async () => {
  const { page, context, errors } = await openPage(browser, 'about:blank', { viewport: { width: 1280, height: 900 } });
  try {
    await instrument(page);
    // The page's own <meta> policy stays; this header adds the strict one on top.
    await page.route(`${rootServer.url}www/index.html`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': STRICT_CSP } });
    });
    await page.goto(`${rootServer.url}www/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    const n = await page.$$eval('#text-view mark', (ms) => ms.length);
    assert.ok(n > 10, `highlighted (${n} marks)`);
    // index.html's <link rel="icon" href="data:,"> stops the browser fetching /favicon.ico after
    // load (the page allows img-src data:); this stricter policy refuses that image, and nothing else.
    const other = (await violations(page)).filter((v) => !/^img-src data /.test(v));
    assert.deepEqual(other, []);
    assert.deepEqual(errors.filter((e) => !/Loading the image 'data:,' violates/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('embed.html: both elements and the iframe (text in the fragment) work under its strict CSP', async () => {
  const html = fs.readFileSync(path.join(repoRoot, 'www', 'embed.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
  assert.match(csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style');
  const frag = /<iframe[^>]*\ssrc="index\.html#t=([\w-]+)"/.exec(html)?.[1];
  assert.ok(frag, 'the iframe carries its text in the fragment');
  const expected = zlib.inflateRawSync(Buffer.from(frag, 'base64url')).toString('utf8');

  const { page, context, errors } = await openPage(browser, 'about:blank', { viewport: { width: 1100, height: 900 } });
  try {
    await instrument(page);
    await page.goto(`${rootServer.url}www/embed.html`);
    await waitEvents(page, () => ['inline-example', 'src-example'].every((id) => window.__sv.some((e) => e.type === 'sv-ready' && e.id === id)), 'embed.html elements');
    const frame = page.frames().find((f) => f.url().includes('index.html'));
    assert.ok(frame, 'the iframe loaded');
    await frame.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20_000 });
    const shown = await frame.evaluate(() => ({
      text: document.getElementById('text-view').textContent,
      marks: document.querySelectorAll('#text-view mark').length,
    }));
    assert.equal(shown.text, expected, 'the viewer page decodes the fragment to the text');
    assert.ok(shown.marks > 0);
    const ev = await events(page);
    assert.ok(ev.filter((e) => e.type === 'sv-ready' && e.id === 'inline-example')[0].kinds.every((k) => ['country', 'organization', 'person', 'role'].includes(k)));
    assert.equal(ev.filter((e) => e.type === 'sv-error').length, 0);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(await frame.evaluate(() => window.__csp), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('statement-viewer.d.ts mirrors src/model.rs: every struct field and enum variant', () => {
  const rust = fs.readFileSync(path.join(repoRoot, 'src', 'model.rs'), 'utf8');
  const ts = fs.readFileSync(path.join(repoRoot, 'www', 'statement-viewer.d.ts'), 'utf8');
  const structs = {};
  for (const m of rust.matchAll(/pub struct (\w+) \{([\s\S]*?)\n\}/g)) {
    structs[m[1]] = [...m[2].matchAll(/^\s*pub (\w+): ([^\n]+),$/gm)].map((f) => [f[1], f[2]]);
  }
  const enums = {};
  for (const m of rust.matchAll(/pub enum (\w+) \{([\s\S]*?)\n\}/g)) {
    enums[m[1]] = [...m[2].matchAll(/^\s*([A-Z]\w*),$/gm)].map((v) => v[1].toLowerCase());
  }
  assert.ok(Object.keys(structs).length >= 7 && enums.EntityKind?.length === 12, 'model.rs parsed');
  const tsType = (rustType) => {
    const opt = /^Option<(.+)>$/.exec(rustType);
    if (opt) return `${tsType(opt[1])} | null`;
    const vec = /^Vec<(.+)>$/.exec(rustType);
    if (vec) return `${tsType(vec[1])}[]`;
    if (/^(usize|u32|u64|i32|f64)$/.test(rustType)) return 'number';
    // Cow<str> (borrowed from the gazetteers, or owned) serializes as a string.
    if (/^(String|Cow<'static, str>)$/.test(rustType)) return 'string';
    if (rustType === 'bool') return 'boolean';
    return rustType;
  };
  for (const [name, fields] of Object.entries(structs)) {
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(ts)?.[1];
    assert.ok(body, `interface ${name}`);
    const tsFields = [...body.matchAll(/^\s*(\w+)(\??): ([^;]+);$/gm)].map((f) => [f[1], f[3]]);
    if (name === 'Options') {
      // Every field optional on input; kinds accepts null for None.
      assert.deepEqual(tsFields.map((f) => f[0]), fields.map((f) => f[0]), 'Options fields');
      continue;
    }
    assert.deepEqual(tsFields, fields.map(([f, t]) => [f, tsType(t)]), `interface ${name} = struct ${name}`);
  }
  for (const [name, variants] of Object.entries(enums)) {
    const body = new RegExp(`export type ${name} =([\\s\\S]*?);`).exec(ts)?.[1];
    assert.ok(body, `type ${name}`);
    assert.deepEqual([...body.matchAll(/'(\w+)'/g)].map((v) => v[1]), variants, `type ${name} = enum ${name}`);
  }
});

test('embed.html and its elements have no serious or critical axe violation, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    // axe is injected as an inline script, which the page's CSP forbids: bypass it for this test.
    const { page, context } = await openPage(browser, 'about:blank', { colorScheme, bypassCSP: true, viewport: { width: 1100, height: 900 } });
    try {
      await instrument(page);
      await page.goto(`${rootServer.url}www/embed.html`);
      await waitEvents(page, () => window.__sv.filter((e) => e.type === 'sv-ready').length >= 2, 'embed.html elements');
      await page.locator('#src-example mark').nth(3).click(); // details open
      await page.addScriptTag({ path: path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js') });
      const found = await page.evaluate(async () => {
        const r = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
      });
      assert.deepEqual(found, [], colorScheme);
    } finally {
      await context.close();
    }
  }
});
