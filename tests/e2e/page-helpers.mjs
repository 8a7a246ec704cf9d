// Helpers for the viewer page tests (the page in www/; see harness.mjs for server and browser).

export const KINDS = [
  'person', 'role', 'country', 'nationality', 'place', 'organization',
  'mission', 'document', 'event', 'date', 'number', 'term',
];

/** Waits until the page has initialised the wasm and painted its first view. */
export async function waitReady(page, timeout = 30_000) {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout });
}

/** Waits until the text view shows `text` and no analysis is pending. */
export async function waitView(page, text, timeout = 30_000) {
  await page.waitForFunction(
    (t) => !document.documentElement.dataset.busy && document.getElementById('text-view').textContent === t,
    text,
    { timeout },
  );
}

/** Replaces the textarea's content (as a paste would) and waits for the view to show it. */
export async function setInput(page, text, timeout) {
  await page.evaluate((t) => {
    const ta = document.getElementById('input');
    ta.focus();
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await waitView(page, text, timeout);
}

/** The marks of the text view as {kind, text, e}. */
export async function marks(page) {
  return page.$$eval('#text-view mark', (ms) => ms.map((m) => ({ kind: m.dataset.kind, text: m.textContent, e: m.dataset.e })));
}

/** Whether some mark of `kind` covers exactly `text`. */
export function hasMark(list, kind, text) {
  return list.some((m) => m.kind === kind && m.text === text);
}
