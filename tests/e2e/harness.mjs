// Shared helpers for the browser tests (node:test + playwright-core driving Debian's chromium).
//
//   const server = await startServer();            // serves www/ on a free 127.0.0.1 port
//   const browser = await launchBrowser();
//   const { page, requests, errors } = await openPage(browser, server.url);
//   ...
//   await browser.close(); await server.close();
//
// or, in a test file, `const env = useServerAndBrowser();` for one of each around its tests.
//
// playwright-core is imported lazily, so Node-only tests may import repoRoot, corpusDir and
// readCorpus from here too.
import { after, before } from 'node:test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository (this file is tests/e2e/harness.mjs). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpus: $STATEMENT_VIEWER_CORPUS, else ../shared/corpus beside the checkout. */
export const corpusDir = process.env.STATEMENT_VIEWER_CORPUS
  ? path.resolve(process.env.STATEMENT_VIEWER_CORPUS)
  : path.resolve(repoRoot, '..', 'shared', 'corpus');

/** The text of a corpus file, by its path inside the corpus (e.g. 'seed/x.txt'). */
export function readCorpus(relPath) {
  return fs.readFileSync(path.join(corpusDir, relPath), 'utf8');
}

const SERVER_TIMEOUT_MS = 15_000;

/** A port that was free a moment ago: bind port 0 on loopback, read the port, release it. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Serves `dir` with `python3 -m http.server` on 127.0.0.1 and a free port, and resolves once a GET
 * of `/` succeeds. Returns { url, close }: url ends with '/', close() stops the server.
 */
export async function startServer(dir = path.join(repoRoot, 'www')) {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`startServer: ${dir} is not a directory`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn(
    'python3',
    ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // http.server logs each request to stderr: keep the tail (for error messages) and keep the pipe drained.
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => { log = (log + chunk).slice(-4000); });
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => {
    exited = signal ?? code;
    resolve();
  }));
  child.once('error', (err) => { exited = err.message; });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.removeListener('exit', killOnExit);
    if (exited === null) {
      child.kill('SIGTERM');
      await exit;
    }
  };

  const deadline = Date.now() + SERVER_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) {
      throw new Error(`http.server for ${dir} exited (${exited}) before serving ${url}:\n${log}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.ok) return { url, close };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`http.server for ${dir} did not answer at ${url} within ${SERVER_TIMEOUT_MS} ms:\n${log}`);
    }
    await sleep(100);
  }
}

/** Headless Debian chromium (/usr/bin/chromium, or $CHROMIUM_PATH), isolated from the network. */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Opens `url` in a new context (`opts` go to browser.newContext: colorScheme, viewport, ...) and
 * waits for the load event. Returns { page, context, requests, errors }:
 *   requests  URLs of every request made after the first load event (the page's own module and
 *             wasm fetches come before it); clear it with `requests.length = 0`.
 *   errors    uncaught page errors and console errors (with their URL), as strings; a 404 for
 *             /favicon.ico, which the browser asks for by itself, is left out.
 */
export async function openPage(browser, url, opts = {}) {
  const context = await browser.newContext(opts);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  let loaded = false;
  page.once('load', () => { loaded = true; });
  page.on('request', (req) => { if (loaded) requests.push(req.url()); });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    // The browser's own favicon probe is not the page's doing (a page without one gets a 404).
    if (/\/favicon\.ico$/.test(where) && / 404 /.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, requests, errors };
}

/** One server on `dir` (www/ by default) and one browser for the calling test file, started
 *  before its tests and closed after them: `env.server`, `env.browser`. */
export function useServerAndBrowser(dir) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer(dir);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Guards a page opened with openPage(): every request to a host other than `host` is aborted and
 * recorded in the returned list, and CSP violations are recorded in window.__csp.
 */
export async function guardPage({ context, page }, host) {
  const foreign = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol.startsWith('http') && u.host !== host) {
      foreign.push(u.href);
      return route.abort();
    }
    return route.continue();
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return foreign;
}
