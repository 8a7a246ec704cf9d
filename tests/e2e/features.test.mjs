// Page features: legend, index, details, keyboard, export, permalink, storage, files, theme,
// print, phone width, right-to-left text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { openPage, readCorpus, useServerAndBrowser } from './harness.mjs';
import { KINDS, hasMark, marks, setInput, waitReady, waitView } from './page-helpers.mjs';

const seed = fs.readFileSync(new URL('../../www/examples/seed.txt', import.meta.url), 'utf8');
const env = useServerAndBrowser();

async function open(opts = {}) {
  const o = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 }, ...opts });
  await waitReady(o.page);
  return o;
}

async function download(page, format) {
  await page.selectOption('#export-format', format);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

test('legend counts every kind and toggles its highlighting', async () => {
  const { page, context, errors } = await open();
  const legend = await page.$$eval('#legend [data-toggle-kind]', (bs) => bs.map((b) => ({
    kind: b.dataset.toggleKind, count: Number(b.querySelector('.count').textContent), pressed: b.getAttribute('aria-pressed'),
  })));
  assert.deepEqual(legend.map((l) => l.kind), KINDS);
  const list = await marks(page);
  const distinct = new Set(list.map((m) => m.e)).size;
  assert.equal(legend.reduce((a, l) => a + l.count, 0), distinct);
  assert.equal(legend.find((l) => l.kind === 'country').count, new Set(list.filter((m) => m.kind === 'country').map((m) => m.e)).size);
  assert.ok(legend.every((l) => l.pressed === 'true'));

  const bg = () => page.$eval('#text-view mark[data-kind="country"]', (m) => getComputedStyle(m).backgroundColor);
  const before = await bg();
  await page.click('#legend [data-toggle-kind="country"]');
  assert.equal(await page.getAttribute('#legend [data-toggle-kind="country"]', 'aria-pressed'), 'false');
  assert.equal(await bg(), 'rgba(0, 0, 0, 0)');
  // Keyboard operable too.
  await page.focus('#legend [data-toggle-kind="country"]');
  await page.keyboard.press('Enter');
  assert.equal(await bg(), before);
  assert.equal(await page.getAttribute('#legend [data-toggle-kind="country"]', 'aria-pressed'), 'true');

  // "Show kinds inline" writes the kind after each mark for sighted users.
  await page.check('#inline-kinds');
  const after = await page.$eval('#text-view mark[data-kind="country"]', (m) => getComputedStyle(m, '::after').content);
  assert.match(after, /country/);
  await page.uncheck('#inline-kinds');
  assert.equal(await page.$eval('#text-view mark', (m) => getComputedStyle(m, '::after').content), 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('index groups entities, filters, and steps through mentions', async () => {
  const { page, context, errors } = await open();
  const item = page.locator('#index [data-group-kind="country"] .index-item', { has: page.locator('.index-name', { hasText: /^Japan$/ }) });
  const japan = parseInt(await item.locator('.count').textContent(), 10);
  const inText = (await marks(page)).filter((m) => m.kind === 'country' && m.text === 'Japan').length;
  assert.ok(japan >= 2);
  assert.equal(japan, inText);

  await page.fill('#filter', 'japan');
  const visible = await page.$$eval('#index .index-item', (bs) => bs.filter((b) => b.offsetParent !== null).map((b) => b.querySelector('.index-name').textContent));
  assert.ok(visible.includes('Japan'));
  assert.ok(!visible.includes('MINUSMA') && !visible.some((v) => /Mali/.test(v)), `filtered: ${visible}`);
  await page.fill('#filter', 'zzzz-nothing');
  assert.match(await page.textContent('#index'), /No entity matches/);
  await page.fill('#filter', '');

  await item.click();
  const first = await page.evaluate(() => document.querySelector('#text-view mark[tabindex="0"]')?.dataset.e);
  assert.ok(first != null);
  assert.equal(await page.isVisible('#details'), true);
  assert.match(await page.textContent('#details'), /Japan/);
  assert.match(await page.textContent('#details'), /JPN/);
  await item.click();
  const second = await page.evaluate(() => document.querySelector('#text-view mark[tabindex="0"]')?.dataset.e);
  assert.ok(Number(second) > Number(first), `${first} -> ${second}`);
  assert.ok(await page.$eval(`#text-view mark[data-e="${second}"]`, (m) => m.classList.contains('sv-flash')));
  assert.deepEqual(errors, []);
  await context.close();
});

test('details on hover and keyboard focus; j/k and n/p move between entities', async () => {
  const { page, context, errors } = await open();
  await page.hover('#text-view mark[data-kind="mission"]');
  await page.waitForSelector('#details:not([hidden])');
  const text = await page.textContent('#details');
  assert.match(text, /Mission/);
  assert.match(text, /MINUSMA/);

  // Documents link to their official text; the page itself never fetches it.
  await page.hover('#text-view mark[data-kind="document"]');
  await page.waitForFunction(() => /Document/.test(document.getElementById('details').textContent));
  const link = await page.$('#details a');
  if (link) {
    assert.match(await link.getAttribute('href'), /^https:\/\/undocs\.org\//);
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    // Keyboard: Enter on the focused mark moves to the link, Escape comes back.
    await page.click('#text-view mark[data-kind="document"]');
    const e = await page.evaluate(() => document.activeElement?.dataset.e);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'details-link');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.e), e);
    assert.equal(await page.isVisible('#details'), false);
  }

  await page.mouse.move(0, 0);
  await page.click('#text-heading');
  // j/n and k/p move from the current entity (the roving tab stop).
  const start = Number(await page.evaluate(() => document.querySelector('#text-view mark[tabindex="0"]')?.dataset.e ?? -1));
  const at = () => page.evaluate(() => Number(document.activeElement?.dataset.e));
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
  assert.equal(await at(), start + 1);
  assert.equal(await page.isVisible('#details'), true);
  await page.keyboard.press('n');
  await page.keyboard.press('j');
  assert.equal(await at(), start + 3);
  await page.keyboard.press('k');
  assert.equal(await at(), start + 2);
  await page.keyboard.press('p');
  assert.equal(await at(), start + 1);
  // Only the current mark is a tab stop.
  assert.equal(await page.$$eval('#text-view mark[tabindex="0"]', (ms) => ms.length), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.isVisible('#details'), false);

  // A hidden kind is skipped.
  const kind0 = await page.$eval('#text-view mark[data-e="0"]', (m) => m.dataset.kind);
  await page.click(`#legend [data-toggle-kind="${kind0}"]`);
  await page.click('#text-heading');
  await page.keyboard.press('j');
  assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.kind), kind0);

  // Typing in the text box is not taken as a shortcut.
  await page.focus('#input');
  await page.keyboard.press('End');
  await page.keyboard.type('j');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.deepEqual(errors, []);
  await context.close();
});

test('export: JSON, displaCy, HTML snippet and CSV downloads; copy to clipboard', async () => {
  const { page, context, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const text = `😀 Ambassador Koro Bessho of Japan met =HYPERLINK("x") on 7 November 2016 about MINUSMA, “quoted”.\n`;
  await setInput(page, text);

  const json = await download(page, 'json');
  assert.match(json.name, /\.json$/);
  const doc = JSON.parse(json.text);
  assert.equal(doc.text, text);
  assert.ok(Array.isArray(doc.entities) && doc.entities.length > 0);
  for (const e of doc.entities) assert.equal(text.slice(e.start, e.end), e.text);

  const dc = JSON.parse((await download(page, 'displacy')).text);
  assert.equal(dc.text, text);
  const cps = [...text];
  assert.ok(dc.ents.length > 0);
  for (const e of dc.ents) {
    assert.ok(KINDS.includes(e.label.toLowerCase()), e.label);
    assert.equal(e.label, e.label.toUpperCase());
  }
  const jp = dc.ents.find((e) => cps.slice(e.start, e.end).join('') === 'Japan');
  assert.ok(jp, 'code-point offsets select "Japan"');
  assert.equal(jp.label, 'COUNTRY');

  const html = await download(page, 'html');
  assert.match(html.name, /\.html$/);
  assert.match(html.text, /^<style>/);
  assert.match(html.text, /<mark[^>]*data-kind="country"[^>]*>Japan<\/mark>/);
  assert.doesNotMatch(html.text, /<script/i);

  const csv = await download(page, 'csv');
  assert.match(csv.name, /\.csv$/);
  const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines[0], '"kind","text","canonical","code","expansion","link","start","end"');
  assert.ok(lines.some((l) => l.startsWith('"country","Japan"')));
  const cells = await page.evaluate(async () => {
    const { csvCell } = await import('./export.js');
    return ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'say "hi"', 'plain'].map(csvCell);
  });
  assert.deepEqual(cells, [`"'=1+2"`, `"'+1"`, `"'-1"`, `"'@SUM(A1)"`, `"'\tx"`, `"'\rx"`, '"say ""hi"""', '"plain"']);

  await page.selectOption('#export-format', 'json');
  await page.click('#export-copy');
  await page.waitForFunction(() => /Copied/.test(document.getElementById('status').textContent));
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(JSON.parse(clip).text, text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('permalink restores the exact text (non-ASCII, emoji, RTL)', async () => {
  const { page, context, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  const text = 'Señor Presidente: «Türkiye» — 東京 😀👍🏽 مرحبا بالعالم\nZürich  tabs\tand\u00a0nbsp, lone tail ✓\n';
  await setInput(page, text);
  await page.click('#permalink');
  await page.waitForSelector('#permalink-out:not([hidden])');
  const url = await page.inputValue('#permalink-out');
  assert.match(url, /#t=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => location.href), url);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);

  const other = await openPage(env.browser, url);
  await waitReady(other.page);
  assert.equal(await other.page.inputValue('#input'), text);
  await waitView(other.page, text);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // Editing drops the stale fragment, so a reload shows the edit, not the link's text.
  await page.type('#input', 'x');
  assert.equal(await page.evaluate(() => location.hash), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the text is kept in localStorage and restored on reload', async () => {
  const { page, context, errors } = await open();
  const text = 'Draft: Mr. President, Japan supports MINUSMA. ✓';
  await setInput(page, text);
  await page.waitForFunction((t) => localStorage.getItem('statement-viewer:text') === t, text);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#input'), text);
  await waitView(page, text);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a storage failure shows a visible message', async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitReady(page);
  await setInput(page, 'Some text that cannot be stored.');
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert'), /could not be saved/);
  await context.close();
});

test('Clear empties the text and Undo brings it back; Load example restores the seed', async () => {
  const { page, context, errors } = await open();
  await page.click('#clear');
  await waitView(page, '');
  assert.equal(await page.isVisible('#undo'), true);
  await page.click('#undo');
  await waitView(page, seed);
  assert.equal(await page.inputValue('#input'), seed);
  await setInput(page, 'something else');
  await page.click('#load-example');
  await waitView(page, seed);
  assert.deepEqual(errors, []);
  await context.close();
});

test('opening and dropping files: UTF-8, binary and invalid UTF-8', async () => {
  const { page, context, errors } = await open();
  const text = readCorpus('dev/k2_UNGDC_LTU_73_2018.txt');
  await page.setInputFiles('#file', { name: 'ltu.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await waitView(page, text);
  assert.equal(await page.isVisible('#alert'), false);

  // UTF-16 (Windows "Unicode" text), with and without a byte order mark.
  const u16 = 'Señor Presidente, Japan 😀';
  await page.setInputFiles('#file', { name: 'bom.txt', mimeType: 'text/plain', buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(u16, 'utf16le')]) });
  await waitView(page, u16);
  await page.setInputFiles('#file', { name: 'nobom.txt', mimeType: 'text/plain', buffer: Buffer.from(`${u16}!`, 'utf16le') });
  await waitView(page, `${u16}!`);
  assert.equal(await page.isVisible('#alert'), false);

  // A PDF is not text: a clear message, and what can be read is still shown.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0), Buffer.from('Statement by Japan'), Buffer.from([0xff, 0xfe, 0x00])]);
  await page.setInputFiles('#file', { name: 'record.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.waitForSelector('#alert:not([hidden])');
  assert.match(await page.textContent('#alert'), /PDF/);
  await page.waitForFunction(() => document.getElementById('text-view').textContent.includes('Statement by Japan'));

  const latin1 = Buffer.from('Se\xf1or Presidente, Japan', 'latin1');
  await page.setInputFiles('#file', { name: 'old.txt', mimeType: 'text/plain', buffer: latin1 });
  await page.waitForFunction(() => /not valid UTF-8/.test(document.getElementById('alert').textContent));
  await waitView(page, 'Se\ufffdor Presidente, Japan');

  // Drag and drop onto the page.
  const dropped = 'Dropped statement about MINUSMA and Japan.';
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'drop.txt', { type: 'text/plain' }));
    const target = document.getElementById('text-view');
    target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, dropped);
  await waitView(page, dropped);
  assert.equal(await page.isVisible('#drop-overlay'), false);
  assert.equal(await page.isVisible('#alert'), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('theme: follows the system, toggles, and is remembered', async () => {
  const { page, context, errors } = await open({ colorScheme: 'dark' });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(await bg(), 'rgb(22, 24, 28)');
  await page.selectOption('#theme', 'light');
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.reload();
  await waitReady(page);
  assert.equal(await page.inputValue('#theme'), 'light');
  assert.equal(await bg(), 'rgb(255, 255, 255)');
  await page.selectOption('#theme', 'dark');
  assert.equal(await bg(), 'rgb(22, 24, 28)');
  await page.selectOption('#theme', 'auto');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('print shows only the card and the highlighted text', async () => {
  const { page, context } = await open();
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#input', '.side', '.topbar', '#legend', '#export-copy']) assert.equal(await page.isVisible(sel), false, sel);
  assert.equal(await page.isVisible('#text-view'), true);
  // The cards stay in print (the seed's card appears once the core reads its header).
  assert.notEqual(await page.$eval('#cards', (c) => getComputedStyle(c).display), 'none');
  if (await page.$('#cards .sv-card')) assert.equal(await page.isVisible('#cards .sv-card'), true);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.isVisible('#input'), true);
  await context.close();
});

test('usable at phone width (375 px): no horizontal scrolling', async () => {
  const { page, context } = await open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  await setInput(page, readCorpus('dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt'));
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px viewport`);
  for (const sel of ['#input', '#text-view', '#legend', '#export-download']) {
    const box = await page.locator(sel).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= client + 1, `${sel} fits: ${JSON.stringify(box)}`);
  }
  await context.close();
});

test('right-to-left text is shown right to left', async () => {
  const { page, context, errors } = await open();
  const text = 'السيد الرئيس،\nأود أن أشكر الأمين العام على تقريره.\nMr. President,\nJapan thanks you.';
  await setInput(page, text);
  const dirs = await page.$$eval('#text-view .sv-blk', (bs) => bs.map((b) => ({ dir: b.dir, css: getComputedStyle(b).direction, t: b.textContent })));
  assert.ok(dirs.length > 0);
  assert.ok(dirs.every((d) => d.dir === 'auto'));
  const arabic = dirs.filter((d) => /^[\u0600-\u06ff]/.test(d.t.trim()));
  assert.ok(arabic.length > 0 && arabic.every((d) => d.css === 'rtl'), JSON.stringify(dirs));
  assert.ok(dirs.filter((d) => /^[A-Z]/.test(d.t.trim())).every((d) => d.css === 'ltr'));
  assert.deepEqual(errors, []);
  await context.close();
});
