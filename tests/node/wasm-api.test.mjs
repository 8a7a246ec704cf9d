// Tests the built WebAssembly package (www/pkg, from scripts/build-wasm.sh) as JavaScript sees it:
// annotate(), renderHtml() and version(), with offsets in UTF-16 code units.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { corpusDir, readCorpus, repoRoot } from '../e2e/harness.mjs';

const pkgDir = path.join(repoRoot, 'www', 'pkg');
const KINDS = [
  'person', 'role', 'country', 'nationality', 'place', 'organization',
  'mission', 'document', 'event', 'date', 'number', 'term',
];

let wasm; // the module's exports, once initialised

before(async () => {
  const js = path.join(pkgDir, 'statement_viewer.js');
  const bin = path.join(pkgDir, 'statement_viewer_bg.wasm');
  if (!fs.existsSync(js) || !fs.existsSync(bin)) {
    throw new Error(`${pkgDir} has no built package: run 'bash scripts/build-wasm.sh' first`);
  }
  wasm = await import(pathToFileURL(js).href);
  wasm.initSync({ module: fs.readFileSync(bin) });
  for (const name of ['annotate', 'renderHtml', 'version']) {
    assert.equal(typeof wasm[name], 'function', `www/pkg exports no function ${name}()`);
  }
});

/** The .txt files of a corpus folder, as paths inside the corpus. */
function corpusTexts(sub) {
  const dir = path.join(corpusDir, sub);
  assert.ok(fs.existsSync(dir), `corpus folder ${dir} is missing (set STATEMENT_VIEWER_CORPUS)`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.ok(files.length > 0, `no .txt files in ${dir}`);
  return files.map((f) => `${sub}/${f}`);
}

/** Checks the shape of every entity and that its offsets slice back to its text. */
function checkEntities(text, entities, where) {
  assert.ok(Array.isArray(entities), `${where}: entities is not an array`);
  for (const e of entities) {
    const at = `${where}: ${JSON.stringify(e)}`;
    assert.ok(KINDS.includes(e.kind), `${at}: unknown kind`);
    assert.ok(Number.isInteger(e.start) && Number.isInteger(e.end), `${at}: offsets not integers`);
    assert.ok(e.start >= 0 && e.start < e.end && e.end <= text.length, `${at}: offsets out of range`);
    assert.equal(typeof e.text, 'string', `${at}: text not a string`);
    assert.equal(text.slice(e.start, e.end), e.text, `${at}: text.slice(start, end) differs`);
    for (const field of ['canonical', 'code', 'expansion', 'link']) {
      const v = e[field];
      assert.ok(v === undefined || v === null || typeof v === 'string', `${at}: ${field} not a string`);
    }
  }
}

/** The first entity with this surface text, asserting it exists with this kind. */
function expectEntity(text, entities, surface, kind) {
  const found = entities.filter((e) => e.text === surface);
  assert.ok(found.length > 0, `no entity ${JSON.stringify(surface)} among ${entities.map((e) => e.text).join(' | ')}`);
  assert.ok(found.some((e) => e.kind === kind),
    `${JSON.stringify(surface)} is ${found.map((e) => e.kind).join('/')}, expected ${kind}`);
  const e = found.find((x) => x.kind === kind);
  assert.equal(text.slice(e.start, e.end), surface);
  return e;
}

/** Text content of HTML: tags stripped, the escapes an HTML escaper uses undone. */
function textContent(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|#x27|#34|amp);/g, (_, name) => ({
      lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#34': '"', amp: '&',
    })[name]);
}

describe('annotate', () => {
  test('returns a plain object with meeting, statements, blocks and entities', () => {
    const doc = wasm.annotate('Japan welcomes Resolution 2295.');
    assert.equal(Object.getPrototypeOf(doc), Object.prototype, 'annotate() should return a plain object');
    for (const key of ['meeting', 'statements', 'blocks', 'entities']) {
      assert.ok(key in doc, `result has no ${key}`);
    }
    checkEntities('Japan welcomes Resolution 2295.', doc.entities, 'short text');
  });

  test('finds the named entities of the seed statement', () => {
    const [file] = corpusTexts('seed');
    const text = readCorpus(file);
    const { entities } = wasm.annotate(text);
    checkEntities(text, entities, file);
    expectEntity(text, entities, 'Koro Bessho', 'person');
    expectEntity(text, entities, 'MINUSMA', 'mission');
    expectEntity(text, entities, 'Resolution 2295', 'document');
    expectEntity(text, entities, '7 November 2016', 'date');
    expectEntity(text, entities, 'Japan', 'country');
  });

  for (const sub of ['dev', 'extra']) {
    test(`every entity slices back to its text in corpus/${sub}`, () => {
      for (const file of corpusTexts(sub)) {
        const text = readCorpus(file);
        checkEntities(text, wasm.annotate(text).entities, file);
      }
    });
  }

  test('offsets are UTF-16 code units on non-ASCII text', () => {
    const text = "Mr. Çavuşoğlu of Türkiye spoke after 🇯🇵 Japan and Côte d'Ivoire (مصر) on 7 November 2016.";
    const { entities } = wasm.annotate(text);
    checkEntities(text, entities, 'non-ASCII text');
    for (const [surface, kind] of [
      ['Türkiye', 'country'], ['Japan', 'country'], ["Côte d'Ivoire", 'country'], ['7 November 2016', 'date'],
    ]) {
      const e = expectEntity(text, entities, surface, kind);
      assert.equal(e.start, text.indexOf(surface), `${surface}: start`);
      assert.equal(e.end, text.indexOf(surface) + surface.length, `${surface}: end`);
    }
  });

  test('options.kinds keeps only the kinds named', () => {
    const text = 'Japan co-sponsored Resolution 2295 on MINUSMA.';
    const { entities } = wasm.annotate(text, { kinds: ['country'] });
    assert.ok(entities.length > 0, 'no country found');
    assert.ok(entities.every((e) => e.kind === 'country'), JSON.stringify(entities));
  });

  test('the empty string gives no entities', () => {
    const doc = wasm.annotate('');
    assert.deepEqual(doc.entities, []);
    assert.equal(typeof wasm.renderHtml(''), 'string');
  });

  test('bad options throw an Error naming what is wrong, and the module keeps working', () => {
    const cases = [
      [{ kinds: ['bogus'] }, /bogus/],
      [{ kinds: [7] }, /`kinds` must be an array of kind names/],
      [{ nope: 1 }, /nope/],
      [42, /./],
      ['person', /./],
      [true, /./],
    ];
    for (const fn of ['annotate', 'renderHtml']) {
      for (const [options, message] of cases) {
        assert.throws(
          () => wasm[fn]('Japan', options),
          (err) => err instanceof Error && message.test(err.message),
          `${fn}('Japan', ${JSON.stringify(options)}) should throw an Error matching ${message}`,
        );
      }
    }
    assert.throws(() => wasm.annotate(42), /text must be a string/);
    const { entities } = wasm.annotate('Japan spoke.');
    expectEntity('Japan spoke.', entities, 'Japan', 'country');
  });

  // The document crosses into JavaScript packed (src/packed.rs, src/unpack.js): it must arrive
  // as the very object the CLI's JSON (same core, UTF-16 offsets) parses to, key order included.
  test('gives what JSON.parse gives for the CLI\'s JSON of the same text', () => {
    const files = [...corpusTexts('seed'), ...corpusTexts('dev'), ...corpusTexts('extra')];
    const cli = execFileSync('cargo', ['run', '--quiet', '--bin', 'statement-viewer', '--', 'annotate', '--format', 'json',
      ...files.map((f) => path.join(corpusDir, f))], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 28 });
    const lines = cli.trimEnd().split('\n');
    assert.equal(lines.length, files.length, 'one document per file');
    files.forEach((file, i) => {
      const got = JSON.stringify(wasm.annotate(readCorpus(file)));
      assert.ok(got === lines[i], `${file}: annotate() differs from the CLI's JSON`);
    });
  });
});

describe('renderHtml', () => {
  test('marks entities with their kind', () => {
    const text = 'Japan co-sponsored Resolution 2295 on MINUSMA.';
    const html = wasm.renderHtml(text);
    assert.match(html, /<mark data-kind="country"[^>]*>Japan<\/mark>/);
    for (const [, kind] of html.matchAll(/<mark data-kind="([^"]*)"/g)) {
      assert.ok(KINDS.includes(kind), `unknown data-kind ${kind}`);
    }
    assert.equal(textContent(html), text);
  });

  test('escapes markup in the text and keeps its text content', () => {
    for (const text of [
      '<script>alert(1)</script>',
      `Japan <script>alert("x") & 'y'</script> on MINUSMA <img src=x onerror=alert(1)>`,
    ]) {
      const html = wasm.renderHtml(text);
      assert.doesNotMatch(html, /<script/i, `raw <script in ${html}`);
      assert.doesNotMatch(html, /<img/i, `raw <img in ${html}`);
      assert.equal(textContent(html), text);
    }
  });

  test('renders the whole seed statement', () => {
    const [file] = corpusTexts('seed');
    const html = wasm.renderHtml(readCorpus(file));
    assert.match(html, /<mark data-kind="mission"[^>]*>MINUSMA<\/mark>/);
  });
});

test('version() is the crate version', () => {
  const toml = fs.readFileSync(path.join(repoRoot, 'Cargo.toml'), 'utf8');
  const [, expected] = toml.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m);
  assert.equal(wasm.version(), expected);
});
