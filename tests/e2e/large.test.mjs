// Large inputs (1 MB+): analysed in the worker with a progress indicator, rendered in slices;
// the page keeps answering input meanwhile, and the text view still reproduces the input exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, readCorpus, useServerAndBrowser } from './harness.mjs';
import { waitReady } from './page-helpers.mjs';

const env = useServerAndBrowser();

test('a 1 MB verbatim record: progress, responsive page, exact text', async () => {
  const { page, context, errors } = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await waitReady(page);
  const unit = readCorpus('dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt');
  let big = '';
  while (big.length < 1_100_000) big += `${unit}\n`;

  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  await page.evaluate((t) => {
    const ta = document.getElementById('input');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, big);

  // A progress indicator shows while the worker analyses.
  await page.waitForSelector('#progress:not([hidden])', { timeout: 10_000 });
  // The page answers a click meanwhile (the analysis runs in the worker).
  const response = await page.evaluate(() => new Promise((resolve) => {
    const b = document.querySelector('#legend [data-toggle-kind="date"]');
    const t0 = performance.now();
    b.click();
    requestAnimationFrame(() => resolve({ ms: performance.now() - t0, pressed: b.getAttribute('aria-pressed') }));
  }));
  assert.equal(response.pressed, 'false');
  assert.ok(response.ms < 750, `a click was handled and painted in ${Math.round(response.ms)} ms`);

  await page.waitForFunction(() => !document.documentElement.dataset.busy && document.getElementById('progress').hidden, null, { timeout: 90_000, polling: 250 });
  const result = await page.evaluate(() => {
    const view = document.getElementById('text-view');
    return {
      same: view.textContent === document.getElementById('input').value,
      marks: view.querySelectorAll('mark').length,
      long: window.__long,
    };
  });
  assert.ok(result.same, 'text view reproduces the 1 MB input');
  assert.ok(result.marks > 1000, `marks: ${result.marks}`);
  // No task blocks the page for long (generous bound for a slow, shared CI machine).
  assert.ok(Math.max(0, ...result.long) < 1000, `long tasks: ${result.long.join(', ')}`);

  // Navigation still works on the big document.
  await page.click('#legend [data-toggle-kind="date"]');
  await page.click('#text-heading');
  await page.keyboard.press('j');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MARK');
  assert.deepEqual(errors, []);
  await context.close();
});
