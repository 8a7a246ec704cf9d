// Privacy and safety: no network request after loading, a strict CSP with no violation, and
// pasted text reaches the DOM only as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { guardPage, openPage, readCorpus, repoRoot, useServerAndBrowser } from './harness.mjs';
import { setInput, waitReady, waitView } from './page-helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
  + "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const env = useServerAndBrowser();

const network = (urls) => urls.filter((u) => !/^(blob|data):/.test(u));

/** A page that records CSP violations in window.__csp and every request to another host. */
async function open(opts = {}) {
  const o = await openPage(env.browser, 'about:blank', { viewport: { width: 1280, height: 900 }, ...opts });
  const foreign = await guardPage(o, new URL(env.server.url).host);
  await o.page.goto(env.server.url);
  await waitReady(o.page);
  return { ...o, foreign };
}

test('the page declares the strict CSP', () => {
  const html = fs.readFileSync(path.join(repoRoot, 'www', 'index.html'), 'utf8');
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(m, 'CSP meta tag');
  assert.equal(m[1], CSP);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style attribute');
  assert.doesNotMatch(html, /\son[a-z]+=/, 'no inline event handler');
});

test('after loading, no network request whatever the user does; no CSP violation', async () => {
  const { page, context, requests, errors, foreign } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  requests.length = 0;

  await setInput(page, readCorpus('dev/k3_UNSC_2020_SPV.8698_spch009.txt'));
  await page.type('#input', ' Japan and MINUSMA.');
  await page.click('#legend [data-toggle-kind="country"]');
  await page.check('#inline-kinds');
  await page.click('#text-heading');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.hover('#text-view mark');
  await page.locator('#index .index-item').first().click();
  for (const format of ['json', 'displacy', 'html', 'csv']) {
    await page.selectOption('#export-format', format);
    await page.click('#export-copy');
    await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  }
  await page.click('#permalink');
  await page.waitForSelector('#permalink-out:not([hidden])');
  await page.selectOption('#theme', 'dark');
  await page.selectOption('#theme', 'light');
  await page.setInputFiles('#file', { name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('Statement by Japan') });
  await waitView(page, 'Statement by Japan');
  await page.click('#clear');
  await page.click('#undo');
  await page.click('#load-example');
  await page.waitForFunction(() => !document.documentElement.dataset.busy);
  await page.waitForTimeout(300);

  assert.deepEqual(network(requests), [], 'no request after ready');
  assert.deepEqual(foreign, [], 'no request to another host, ever');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the CSP is in force (an injected inline script is refused and reported)', async () => {
  const { page, context } = await open();
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 50));
    return window.__inline;
  });
  assert.equal(ran, undefined);
  assert.ok((await page.evaluate(() => window.__csp)).some((v) => v.startsWith('script-src')));
  await context.close();
});

test('pasted markup is shown as text, never run', async () => {
  const { page, context, errors } = await open();
  const payload = [
    'Mr. President, <img src=x onerror="window.__pwned=1"> Japan',
    '<script>window.__pwned=1</script> supports MINUSMA & "quotes" \'single\'',
    '<svg onload="window.__pwned=1"></svg><a href="javascript:window.__pwned=1">x</a>',
    '<style>body{display:none}</style> &amp; &lt;b&gt; Resolution 2295',
  ].join('\n');
  await setInput(page, payload);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.textContent('#text-view'), payload);
  const injected = await page.$$eval('#text-view img, #text-view script, #text-view svg, #text-view a, #text-view style, #cards img, #index img', (n) => n.length);
  assert.equal(injected, 0);
  // Through every other way in: file name, permalink, details, index.
  await page.setInputFiles('#file', { name: '<img src=x onerror="window.__pwned=1">.txt', mimeType: 'text/plain', buffer: Buffer.from(`${payload}\n`) });
  await waitView(page, `${payload}\n`);
  assert.match(await page.textContent('#status'), /Opened <img src=x onerror="window.__pwned=1">\.txt/);
  await page.click('#permalink');
  await page.waitForFunction(() => /#t=/.test(document.getElementById('permalink-out').value));
  const url = await page.inputValue('#permalink-out');
  const other = await openPage(env.browser, url);
  await waitReady(other.page);
  await waitView(other.page, `${payload}\n`);
  assert.equal(await other.page.evaluate(() => window.__pwned), undefined);
  await other.context.close();
  await page.hover('#text-view mark');
  await page.locator('#index .index-item').first().click();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
  await context.close();
});
