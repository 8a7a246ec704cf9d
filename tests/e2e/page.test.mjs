// The viewer page: opens with the seed highlighted, follows pasted text, keeps the text exact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { corpusDir, launchBrowser, openPage, readCorpus, repoRoot, startServer } from './harness.mjs';
import { KINDS, hasMark, marks, setInput, waitReady, waitView } from './page-helpers.mjs';

let server;
let browser;
let page;
let errors;
const seedName = fs.readdirSync(path.join(corpusDir, 'seed')).find((f) => f.endsWith('.txt'));
const seed = readCorpus(`seed/${seedName}`);

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 }, colorScheme: 'light' }));
  await waitReady(page);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('www/examples/seed.txt is the corpus seed statement', () => {
  assert.equal(fs.readFileSync(path.join(repoRoot, 'www', 'examples', 'seed.txt'), 'utf8'), seed);
});

test('opens with the seed statement shown and highlighted', async () => {
  await waitView(page, seed);
  assert.equal(await page.inputValue('#input'), seed);
  const list = await marks(page);
  assert.ok(hasMark(list, 'person', 'Koro Bessho'), 'Koro Bessho is a person');
  assert.ok(hasMark(list, 'mission', 'MINUSMA'), 'MINUSMA is a mission');
  assert.ok(hasMark(list, 'document', 'Resolution 2295'), 'Resolution 2295 is a document');
  assert.ok(hasMark(list, 'date', '7 November 2016'), '7 November 2016 is a date');
  assert.ok(hasMark(list, 'country', 'Japan'), 'Japan is a country');
  for (const m of list) assert.ok(KINDS.includes(m.kind), `known kind ${m.kind}`);
  // Every mark has a text alternative for its kind (meaning never rests on colour alone).
  const described = await page.$$eval('#text-view mark', (ms) => ms.every((m) => m.getAttribute('aria-description') === m.dataset.kind.replace(/^./, (c) => c.toUpperCase())));
  assert.ok(described);
  assert.deepEqual(errors, []);
});

test('the statement card: speaker, role, country flag, meeting, topic, date, language', async () => {
  // The seed's own card, once the core reads its date.
  const time = await page.$('#cards time');
  if (time) assert.equal(await time.textContent(), '7 November 2016');
  const card = await page.evaluate(async () => {
    const { renderCard, renderMeetingCard } = await import('./viewer.js');
    const c = renderCard({
      speaker: { name: 'Koro Bessho', honorific: 'H.E.', role: 'Permanent Representative', roles: ['Ambassador', 'Permanent Representative'], country: 'Japan', country_code: 'JPN' },
      meeting: 'Security Council Open Debate', topic: 'Peace operations facing asymmetric threats', date: '2016-11-07', language: 'English', notes: [],
    });
    const m = renderMeetingCard({ symbol: 'S/PV.8701', body: 'Security Council', number: '8701', date: '2020-01-13', time: '10 a.m.', place: 'New York', president: { name: 'Dang', honorific: 'Mr.', country: 'Viet Nam', country_code: 'VNM', roles: [] }, members: ['Belgium'], agenda: ['The situation in the Middle East'] });
    return { card: c.textContent, meeting: m.textContent };
  });
  for (const s of ['H.E. Koro Bessho', 'Ambassador, Permanent Representative', '\u{1F1EF}\u{1F1F5} Japan', 'Security Council Open Debate', 'Peace operations', '7 November 2016', 'English']) {
    assert.ok(card.card.includes(s), `card shows ${s}: ${card.card}`);
  }
  for (const s of ['Security Council, 8701st meeting', 'S/PV.8701', '13 January 2020', '\u{1F1FB}\u{1F1F3} Viet Nam', 'The situation in the Middle East']) {
    assert.ok(card.meeting.includes(s), `meeting card shows ${s}: ${card.meeting}`);
  }
});

test('writes docs/screenshot.png', async () => {
  fs.mkdirSync(path.join(repoRoot, 'docs'), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshot.png') });
  assert.ok(fs.statSync(path.join(repoRoot, 'docs', 'screenshot.png')).size > 10_000);
});

test('pasting another statement updates the view', async () => {
  const text = readCorpus('dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt');
  await setInput(page, text);
  const list = await marks(page);
  assert.ok(list.length > 10, `marks: ${list.length}`);
  assert.ok(!hasMark(list, 'mission', 'MINUSMA'), 'the seed highlighting is gone');
  // Cards and outline follow the new document: an outline entry per statement when there are several.
  const { articles, outline, outlineHidden } = await page.evaluate(() => ({
    articles: document.querySelectorAll('#text-view article.sv-statement').length,
    outline: document.querySelectorAll('#outline-list button').length,
    outlineHidden: document.getElementById('outline').hidden,
  }));
  if (articles > 1) {
    assert.equal(outline, articles);
    assert.equal(outlineHidden, false);
    await page.click('#outline-list li:nth-child(2) button');
    const focused = await page.evaluate(() => document.activeElement?.dataset.statement);
    assert.equal(focused, '1');
  } else {
    assert.equal(outlineHidden, true);
  }
  assert.deepEqual(errors, []);
});

test('typing re-highlights without a reload', async () => {
  await setInput(page, '');
  await page.type('#input', 'Japan thanks MINUSMA.', { delay: 5 });
  await waitView(page, 'Japan thanks MINUSMA.');
  assert.ok(hasMark(await marks(page), 'country', 'Japan'));
});

test('the text view reproduces every corpus file exactly', async () => {
  const files = [];
  for (const dir of ['seed', 'dev', 'extra']) {
    for (const f of fs.readdirSync(path.join(corpusDir, dir)).sort()) if (f.endsWith('.txt')) files.push(`${dir}/${f}`);
  }
  // All of seed and dev, and a spread of extra (Spanish, French, PDF copies, cover pages).
  const picked = files.filter((f, i) => !f.startsWith('extra/') || i % 4 === 0 || /_es|_fr|pdf|cover/.test(f));
  for (const f of picked) {
    const text = readCorpus(f);
    await setInput(page, text);
    const ok = await page.evaluate(() => {
      const view = document.getElementById('text-view');
      // Blocks nest only as the contract allows: marks hold text only.
      return [...view.querySelectorAll('mark')].every((m) => [...m.childNodes].every((n) => n.nodeType === 3 || n.classList?.contains('sv-shy') || n.classList?.contains('sv-ctl')));
    });
    assert.ok(ok, `${f}: marks hold only text`);
  }
  assert.deepEqual(errors, []);
});

test('renderDocument: nesting, clipping, soft hyphens, surrogates', async () => {
  const result = await page.evaluate(async () => {
    const { renderDocument } = await import('./viewer.js');
    const text = 'Intro 😀 line\nThe peace-\nkeeping force of Japan\nS/PV.1 page 2\f\ncontinues here.\nTail';
    const at = (s) => text.indexOf(s);
    const para = { kind: 'paragraph', start: at('The'), end: at('Tail') - 1, number: 1, sentences: [], soft_hyphens: [at('-\nkeeping')] };
    const furn = { kind: 'furniture', start: at('S/PV.1'), end: at('continues'), number: null, sentences: [], soft_hyphens: [] };
    const doc = {
      meeting: null,
      statements: [{ start: at('The'), end: text.length, speaker: {}, blocks: [para, furn, { kind: 'closing', start: at('Tail'), end: text.length + 50, number: null, sentences: [], soft_hyphens: [] }] }],
      blocks: [{ kind: 'header', start: 0, end: at('\nThe'), number: null, sentences: [], soft_hyphens: [] }],
      entities: [
        { kind: 'place', start: at('😀'), end: at('😀') + 2, text: '😀', canonical: '😀' },
        { kind: 'country', start: at('Japan'), end: at('Japan') + 5, text: 'Japan', canonical: 'Japan', code: 'JPN' },
        // Crosses from the paragraph into the furniture block: clipped into two marks.
        { kind: 'term', start: at('Japan') + 5, end: at('page'), text: 'x', canonical: 'x' },
        { kind: 'number', start: text.length - 2, end: text.length + 10, text: 'il', canonical: 'il' },
      ],
    };
    const box = document.createElement('div');
    document.body.append(box);
    const r = renderDocument(box, text, doc);
    await r.done;
    const out = {
      same: box.textContent === text,
      shown: box.innerText.includes('peacekeeping force') && !box.innerText.includes('\f'),
      furnitureInParagraph: !!box.querySelector('p.sv-paragraph > span.sv-furniture'),
      termParts: box.querySelectorAll('mark[data-kind="term"]').length,
      numberText: box.querySelector('mark[data-kind="number"]')?.textContent,
      dirAuto: [...box.querySelectorAll('.sv-blk')].every((b) => b.dir === 'auto'),
      first: r.marks[1]?.textContent,
    };
    box.remove();
    return out;
  });
  assert.deepEqual(result, {
    same: true, shown: true, furnitureInParagraph: true, termParts: 2, numberText: 'il', dirAuto: true, first: 'Japan',
  });
});
