// Writes the viewer page (www/index.html and everything it loads) as ONE html file that works
// opened from disk (file://), with no server and no network:
//
//   node scripts/single-file.mjs OUT.html
//
// - style.css and theme-init.js are inlined as they are;
// - app.js and the modules it imports (viewer.js, export.js, iso3.js, the wasm-bindgen glue) are
//   joined into one inline module: each module becomes a block whose exports are collected in an
//   object and whose imports read from those objects (a minimal bundler for this code base's
//   plain `import … from './x.js'` / `export …` statements; anything else fails the build);
// - the files app.js fetches (the wasm, the example) are inlined (the wasm as base64) and a
//   prelude answers those fetches from memory; the Web Worker is declined (a page opened from
//   file:// may not start one), so app.js falls back to running the analysis on the main thread;
// - a Content-Security-Policy allows exactly these inline scripts and style (by hash), wasm
//   compilation, and no network at all (connect-src 'none').
// The page's own files are not modified: app.js runs unchanged.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(root, 'www');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/single-file.mjs OUT.html');
  process.exit(2);
}

function fail(message) {
  console.error(`single-file: ${message}`);
  process.exit(1);
}

const read = (rel) => {
  const p = path.join(www, rel);
  if (!fs.existsSync(p)) fail(`${path.relative(root, p)} is missing${rel.startsWith('pkg/') ? ' (run bash scripts/build-wasm.sh first)' : ''}`);
  return fs.readFileSync(p);
};

// Files the page fetches at run time (relative to www/), answered from memory.
const INLINED = {
  'pkg/statement_viewer_bg.wasm': 'application/wasm',
  'examples/seed.txt': 'text/plain; charset=utf-8',
};
// Files the page references that the single file does without.
const DECLINED = new Set(['worker.js']);

// ---------------------------------------------------------------------------------------------
// The bundler

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** `a, b as c, default as d` -> [[imported, local], …] */
function specifiers(list, where) {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => {
    const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(s);
    if (!m) fail(`${where}: cannot read the specifier "${s}"`);
    return [m[1], m[2] || m[1]];
  });
}

const modules = new Map(); // file (relative to www) -> { id, code }
const order = [];

function bundle(rel, stack = []) {
  if (modules.has(rel)) return modules.get(rel).id;
  if (stack.includes(rel)) fail(`import cycle: ${[...stack, rel].join(' -> ')}`);
  let src = read(rel).toString('utf8');
  const exports = []; // [exported name, local name]
  const deps = [];
  const resolveDep = (spec, where) => {
    if (!spec.startsWith('./') && !spec.startsWith('../')) fail(`${where}: only relative imports can be bundled ("${spec}")`);
    const dep = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
    const id = bundle(dep, [...stack, rel]);
    deps.push(dep);
    return `__sv_modules[${id}]`;
  };

  // import … from '…';   (possibly over several lines)
  src = src.replace(/^import\s+([^'";]*?)\s+from\s+(['"])([^'"]+)\2;?/gm, (m, clause, q, spec) => {
    const obj = resolveDep(spec, rel);
    const parts = [];
    let rest = clause.trim();
    let m2 = /^([\w$]+)\s*(?:,\s*|$)/.exec(rest);
    if (m2 && !rest.startsWith('{') && !rest.startsWith('*')) {
      parts.push(`const ${m2[1]} = ${obj}.default;`);
      rest = rest.slice(m2[0].length).trim();
    }
    if (rest.startsWith('*')) {
      m2 = /^\*\s+as\s+([\w$]+)$/.exec(rest);
      if (!m2) fail(`${rel}: cannot read "${m}"`);
      parts.push(`const ${m2[1]} = ${obj};`);
    } else if (rest.startsWith('{')) {
      m2 = /^\{([\s\S]*)\}$/.exec(rest);
      if (!m2) fail(`${rel}: cannot read "${m}"`);
      const names = specifiers(m2[1], rel).map(([imp, local]) => (imp === local ? local : `${imp}: ${local}`));
      parts.push(`const { ${names.join(', ')} } = ${obj};`);
    } else if (rest) {
      fail(`${rel}: cannot read "${m}"`);
    }
    return parts.join(' ');
  });
  // import '…';
  src = src.replace(/^import\s+(['"])([^'"]+)\1;?/gm, (m, q, spec) => {
    resolveDep(spec, rel);
    return '';
  });
  // export { a, b as c } from '…';
  src = src.replace(/^export\s*\{([^}]*)\}\s*from\s*(['"])([^'"]+)\2;?/gm, (m, list, q, spec) => {
    const obj = resolveDep(spec, rel);
    return specifiers(list, rel).map(([imp, exp]) => {
      const local = `__sv_reexport_${exp}`;
      exports.push([exp, local]);
      return `const ${local} = ${obj}[${JSON.stringify(imp)}];`;
    }).join(' ');
  });
  // export { a, b as c };
  src = src.replace(/^export\s*\{([^}]*)\};?/gm, (m, list) => {
    for (const [local, exp] of specifiers(list, rel)) exports.push([exp, local]);
    return '';
  });
  // export [async] function [*] name / class name / const|let|var name
  src = src.replace(/^export\s+((?:async\s+)?function\s*\*?\s*([\w$]+)|class\s+([\w$]+)|(?:const|let|var)\s+([\w$]+))/gm,
    (m, decl, fn, cls, v) => {
      const name = fn || cls || v;
      exports.push([name, name]);
      return decl;
    });
  // export default …
  src = src.replace(/^export\s+default\s+/gm, () => {
    exports.push(['default', '__sv_default']);
    return 'const __sv_default = ';
  });
  const left = /^\s*(import|export)\b(?!\s*\.|\s*\()/m.exec(src);
  if (left) fail(`${rel}: an ${left[1]} statement the bundler cannot read: "${src.slice(left.index, left.index + 80).trim()}"`);
  for (const [exp, local] of exports) {
    if (!IDENT.test(exp) && exp !== 'default') fail(`${rel}: export name "${exp}"`);
  }
  const id = order.length;
  const getters = exports.map(([exp, local]) => `get ${exp}() { return ${local}; }`).join(', ');
  const code = `// ---- ${rel}\n{\n${src.trimEnd()}\n__sv_modules[${id}] = Object.freeze({ ${getters} });\n}\n`;
  const mod = { id, code };
  modules.set(rel, mod);
  order.push(mod);
  return id;
}

// ---------------------------------------------------------------------------------------------
// The page

let html = read('index.html').toString('utf8');
const appRefs = [...read('app.js').toString('utf8').matchAll(/new URL\((['"])\.\/([^'"]+)\1,\s*import\.meta\.url\)/g)].map((m) => m[2]);
for (const ref of appRefs) {
  if (!(ref in INLINED) && !DECLINED.has(ref)) {
    fail(`app.js loads ./${ref}, which the single file neither inlines nor declines: add it to INLINED in scripts/single-file.mjs`);
  }
}

const scripts = []; // inline script bodies, for the CSP hashes
const styles = [];
const noScriptEnd = (s, what) => {
  if (/<\/script/i.test(s)) fail(`${what} contains "</script", which would end the inline script`);
  return s;
};
const noStyleEnd = (s, what) => {
  if (/<\/style/i.test(s)) fail(`${what} contains "</style"`);
  if (/url\(\s*(?!['"]?data:)/i.test(s)) fail(`${what} loads a url(); the single file cannot follow it`);
  return s;
};

// Stylesheets
html = html.replace(/<link\s+rel="stylesheet"\s+href="([^"]+)"\s*\/?>/g, (m, href) => {
  const css = noStyleEnd(read(href).toString('utf8'), href);
  styles.push(css);
  return `<style>${css}</style>`;
});

// Classic scripts
html = html.replace(/<script\s+src="([^"]+)"\s*><\/script>/g, (m, src) => {
  const js = noScriptEnd(read(src).toString('utf8'), src);
  scripts.push(js);
  return `<script>${js}</script>`;
});

// The module script: prelude + bundled modules
html = html.replace(/<script\s+type="module"\s+src="([^"]+)"\s*><\/script>/g, (m, src) => {
  bundle(src);
  const data = Object.fromEntries(Object.entries(INLINED).map(([rel, type]) => {
    const bytes = read(rel);
    return [rel, { type, base64: bytes.toString('base64') }];
  }));
  const prelude = `// statement-viewer, single-file build: the viewer page, its modules and its data in one file.
// The page's fetches are answered from the data inlined here; there is no network access, and
// the analysis runs on the main thread (a page opened from disk may not start a Web Worker).
const __sv_modules = [];
{
  const inlined = ${JSON.stringify(data).replace(/</g, '\\u003c')};
  const files = new Map();
  for (const [rel, { type, base64 }] of Object.entries(inlined)) {
    files.set(new URL(rel, document.baseURI).href, { type, base64 });
  }
  const bytesOf = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
    const file = files.get(url);
    if (!file) throw new TypeError(\`statement-viewer single file: no network access (\${url})\`);
    return new Response(bytesOf(file.base64), { status: 200, headers: { 'Content-Type': file.type } });
  };
  globalThis.Worker = class {
    constructor() { throw new Error('the single file runs the analysis on the main thread'); }
  };
}
`;
  const js = noScriptEnd(prelude + order.map((mod) => mod.code).join('\n'), 'the bundled modules');
  scripts.push(js);
  return `<script type="module">${js}</script>`;
});

// Nothing else may be loaded: every src/href left must be data: or an in-page #anchor.
for (const m of html.matchAll(/\s(src|href)="([^"]*)"/g)) {
  if (!/^(data:|#)/.test(m[2])) fail(`index.html still refers to ${m[2]} (${m[1]}); the single file cannot load it`);
}

const hash = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = [
  "default-src 'none'",
  `script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'`,
  `style-src ${styles.map(hash).join(' ')}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const meta = `<meta http-equiv="Content-Security-Policy" content="${csp}">`;
if (/<meta http-equiv="Content-Security-Policy"[^>]*>/.test(html)) {
  html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, meta);
} else {
  html = html.replace(/<meta charset="utf-8">/, (m) => `${m}\n${meta}`);
}

fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
fs.writeFileSync(out, html);
console.log(`single-file: ${out} (${Math.round(html.length / 1024)} KiB; modules: ${order.length})`);
