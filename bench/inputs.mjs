// The benchmark inputs, built exactly as the native bench (src/bin/bench/inputs.rs) builds them:
// every *.txt of the corpus's seed/, dev/ and extra/ folders, in that order and by name within
// each, joined with a blank line (and one after the last), repeated until long enough, cut at the
// last line break at or before the size. Sizes are in UTF-8 bytes; MB = 10^6 bytes.
import fs from 'node:fs';
import path from 'node:path';

export const SIZES = [['10KB', 10_000], ['100KB', 100_000], ['1MB', 1_000_000], ['10MB', 10_000_000]];

/** The corpus statements in the documented order (absolute paths). */
export function corpusFiles(corpusDir) {
  const all = [];
  for (const dir of ['seed', 'dev', 'extra']) {
    const d = path.join(corpusDir, dir);
    const names = fs.readdirSync(d).filter((n) => n.endsWith('.txt')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    all.push(...names.map((n) => path.join(d, n)));
  }
  if (!all.length) throw new Error(`no *.txt statements in ${corpusDir}`);
  return all;
}

/** The seed statement: { name, file, text, bytes }. */
export function seedInput(corpusDir) {
  const file = corpusFiles(corpusDir).find((f) => path.basename(path.dirname(f)) === 'seed');
  if (!file) throw new Error(`no seed statement in ${corpusDir}/seed`);
  const buf = fs.readFileSync(file);
  return { name: 'seed', file: path.basename(file), text: buf.toString('utf8'), bytes: buf.length };
}

/** The corpus joined with blank lines, as one Buffer (one repetition unit). */
export function corpusUnit(corpusDir) {
  const parts = [];
  for (const f of corpusFiles(corpusDir)) {
    if (parts.length) parts.push(Buffer.from('\n\n'));
    parts.push(fs.readFileSync(f));
  }
  parts.push(Buffer.from('\n\n'));
  return Buffer.concat(parts);
}

/** Mixed corpus text of at most `size` bytes: { name, text, bytes }. */
export function mixedInput(unit, name, size) {
  const reps = Math.ceil(size / unit.length);
  const buf = Buffer.concat(Array(reps).fill(unit));
  const nl = buf.subarray(0, size).lastIndexOf(0x0a);
  const cut = nl < 0 ? size : nl + 1;
  return { name, text: buf.subarray(0, cut).toString('utf8'), bytes: cut };
}
