// Accessibility: axe-core finds no serious or critical violation, in both themes and in the
// states a user reaches (details open, kinds inline, a verbatim record, phone width).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openPage, readCorpus, repoRoot, useServerAndBrowser } from './harness.mjs';
import { setInput, waitReady } from './page-helpers.mjs';

const AXE = path.join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js');
const env = useServerAndBrowser();

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
}

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical axe violation: ${scheme} theme`, async () => {
    // axe is injected as an inline script, which the page's CSP forbids: bypass it for this test.
    const { page, context, errors } = await openPage(env.browser, env.server.url, { colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await waitReady(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(255, 255, 255)');
    assert.deepEqual(await axe(page), [], 'seed statement');

    // Details popover open and kinds written inline.
    await page.check('#inline-kinds');
    await page.click('#text-heading');
    await page.keyboard.press('j');
    await page.waitForSelector('#details:not([hidden])');
    assert.deepEqual(await axe(page), [], 'details open, kinds inline');

    // The explicit theme control gives the same result as the system setting.
    await page.selectOption('#theme', scheme);
    await page.keyboard.press('Escape');
    await setInput(page, readCorpus('dev/k4_SPV.8701_2020-01-13_Middle_East_vote_pdftotext.txt'));
    await page.fill('#filter', 'secur');
    assert.deepEqual(await axe(page), [], 'verbatim record, filtered index');

    await page.setViewportSize({ width: 375, height: 740 });
    assert.deepEqual(await axe(page), [], 'phone width');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('controls are keyboard operable with a visible focus indicator', async () => {
  const { page, context } = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await waitReady(page);
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      return { id: el.id || el.className || el.tagName, tag: el.tagName, outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    });
    seen.push(info);
    assert.ok(info.outline, `visible focus on ${info.id}`);
  }
  const ids = seen.map((s) => s.id);
  for (const id of ['theme', 'input', 'open-file', 'load-example', 'clear', 'filter']) assert.ok(ids.includes(id), `${id} reachable by Tab: ${ids.join(', ')}`);
  assert.ok(seen.some((s) => s.tag === 'MARK'), 'the current entity is one tab stop');
  assert.ok(seen.filter((s) => s.tag === 'MARK').length === 1, 'and only one');
  await context.close();
});
