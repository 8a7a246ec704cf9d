// Keeps the benchmark from rotting (make bench is not part of make test): the browser benchmark
// runs on the seed alone, once or twice per figure, and must report numbers. Speeds are not
// checked here; bench/RESULTS.md reports them.
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserBench, machineInfo, renderTable } from '../../bench/run.mjs';
import { corpusDir } from './harness.mjs';

const hasCorpus = fs.existsSync(path.join(corpusDir, 'seed'));

const finite = (x, what) => assert.ok(Number.isFinite(x) && x > 0, `${what}: ${x}`);

test('the browser benchmark reports figures for the seed', { skip: !hasCorpus && `no corpus at ${corpusDir}` }, async () => {
  const r = await browserBench({ seedOnly: true });
  const api = r.api.find((x) => x.name === 'seed');
  finite(api?.mb_per_s, 'annotate() MB/s');
  assert.ok(api.entities > 0, 'annotate() found entities');
  finite(r.wasm_memory_after, 'wasm memory');
  const c = r.compromise.find((x) => x.name === 'seed');
  finite(c?.mb_per_s, 'compromise MB/s');
  assert.ok(c.entities > 0, 'compromise found people, places or organizations');
  const v = r.viewer.find((x) => x.name === 'seed');
  finite(v?.whole_view_ms, 'viewer whole view');
  finite(v?.first_screen_ms, 'viewer first screen');
  assert.ok(v.same_text && v.marks > 0, 'the viewer painted the seed highlighted');
  assert.deepEqual([...r.bench_page_errors, ...v.errors], []);
  const files = r.transfer.files.map((f) => f.path);
  for (const f of ['www/index.html', 'www/app.js', 'www/pkg/statement_viewer_bg.wasm', 'www/worker.js']) {
    assert.ok(files.includes(f), `transfer sizes list ${f} (got ${files.join(', ')})`);
  }
  finite(r.transfer.total_gzip, 'gzip total');
  const md = renderTable(null, r, machineInfo(r.chromium));
  assert.match(md, /\| Chromium annotate\(\) via the JS API, seed/);
  assert.doesNotMatch(md, /NaN|undefined/);
});
