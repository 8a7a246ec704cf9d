// Export formats and the permalink codec. Pure functions, no DOM.

/** The document as JSON: the annotate() result plus the text. Offsets are UTF-16 code units. */
export function toJson(text, doc, version) {
  const out = { generator: `statement-viewer ${version || ''}`.trim(), offsets: 'utf-16', text, ...doc };
  return JSON.stringify(out, null, 2);
}

/** Converts sorted UTF-16 offsets to code-point offsets in one pass over the text. */
export function codePointOffsets(text, offsets) {
  const order = offsets.map((o, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const out = new Array(offsets.length);
  let u = 0;
  let cp = 0;
  for (const i of order) {
    const target = offsets[i];
    while (u < target && u < text.length) {
      const c = text.charCodeAt(u);
      const pair = c >= 0xd800 && c <= 0xdbff && u + 1 < text.length
        && (text.charCodeAt(u + 1) & 0xfc00) === 0xdc00;
      u += pair ? 2 : 1;
      cp += 1;
    }
    out[i] = cp;
  }
  return out;
}

/**
 * displaCy "manual" format: {"text", "ents": [{"start", "end", "label"}]}. Offsets are Unicode
 * code points (Python string indices); labels are the entity kind in upper case (COUNTRY, ...).
 */
export function toDisplacy(text, doc) {
  const ents = doc.entities || [];
  const flat = [];
  for (const e of ents) flat.push(e.start, e.end);
  const cps = codePointOffsets(text, flat);
  return JSON.stringify({
    text,
    ents: ents.map((e, i) => ({ start: cps[2 * i], end: cps[2 * i + 1], label: String(e.kind).toUpperCase() })),
  }, null, 2);
}

/** A spreadsheet cell: quoted, quotes doubled, formula triggers neutralised with a leading quote. */
export function csvCell(v) {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export const CSV_COLUMNS = ['kind', 'text', 'canonical', 'code', 'expansion', 'link', 'start', 'end'];

/** The entity list as CSV (RFC 4180, CRLF). start/end are UTF-16 offsets. */
export function toCsv(doc) {
  const rows = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const e of doc.entities || []) rows.push(CSV_COLUMNS.map((c) => csvCell(e[c])).join(','));
  return `${rows.join('\r\n')}\r\n`;
}

/** A self-contained HTML snippet: the core's highlighted HTML with an inline stylesheet. */
export function toHtmlSnippet(html, css) {
  return `<style>\n${css}\n</style>\n${html}\n`;
}

// ---- permalink: text -> deflate-raw -> base64url in the URL fragment ----

export const FRAGMENT_KEY = 't';

function bytesToBase64url(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlToBytes(s) {
  const b64 = s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes, stream) {
  const res = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await res.arrayBuffer());
}

/** The fragment (without '#') that carries `text`. */
export async function encodeFragment(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return `${FRAGMENT_KEY}=${bytesToBase64url(packed)}`;
}

/** The text carried by a fragment ('#t=...' or 't=...'), or null when it carries none. */
export async function decodeFragment(fragment) {
  const f = String(fragment || '').replace(/^#/, '');
  const params = new URLSearchParams(f);
  const v = params.get(FRAGMENT_KEY);
  if (!v) return null;
  const bytes = await pipe(base64urlToBytes(v), new DecompressionStream('deflate-raw'));
  // ignoreBOM: a text that starts with U+FEFF keeps it (the decoder would drop it as a mark).
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

// ---- file decoding ----

// UTF-16 without a byte order mark: mostly-ASCII text has a zero in every other byte
// (the odd bytes for little-endian, textAt 0; the even bytes for big-endian, textAt 1).
function looksUtf16(bytes, textAt) {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return false;
  let zeros = 0;
  let other = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i + 1 - textAt] === 0) zeros++;
    if (bytes[i + textAt] === 0) other++;
  }
  return zeros > 0.4 * (n / 2) && other * 10 < zeros;
}

// UTF-16 as it is, or, when it is not valid (a lone surrogate, an odd byte), with U+FFFD for
// what cannot be read, and a message saying so.
function decodeUtf16(bytes, label, name) {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), message: null };
  } catch {
    return {
      text: new TextDecoder(label).decode(bytes),
      message: `“${name}” is not valid UTF-16 text; characters that could not be read are shown as �. `
        + 'Save it as UTF-8 text and open it again for an exact copy.',
    };
  }
}

/**
 * Decodes a dropped or opened file as text. Returns { text, message, binary } where message
 * explains a problem (binary file, invalid UTF-8 or UTF-16) or is null, and binary is true when
 * the text is the readable fragments of a file that is not text.
 */
export function decodeFile(buffer, name = 'file') {
  const bytes = new Uint8Array(buffer);
  const head = String.fromCharCode(...bytes.subarray(0, 8));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le', name);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be', name);
  if (looksUtf16(bytes, 0)) return decodeUtf16(bytes, 'utf-16le', name);
  if (looksUtf16(bytes, 1)) return decodeUtf16(bytes, 'utf-16be', name);
  let kind = null;
  if (head.startsWith('%PDF')) kind = 'a PDF file';
  else if (head.startsWith('PK\u0003\u0004')) kind = 'a Word, ODF or ZIP file';
  else if (head.startsWith('\u00d0\u00cf\u0011\u00e0')) kind = 'an old Word (.doc) file';
  else if (head.startsWith('\u0089PNG') || head.startsWith('GIF8') || head.startsWith('\u00ff\u00d8\u00ff')) kind = 'an image';
  let nul = 0;
  let ctl = 0; // control bytes that text does not use (tab, line ends, form feed and escape aside)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) ctl++;
  }
  let text;
  let valid = true;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    valid = false;
    text = new TextDecoder('utf-8').decode(bytes);
  }
  const binary = kind || nul > Math.max(1, bytes.length / 100) || ctl > Math.max(8, bytes.length / 50);
  if (binary) {
    // Keep the readable runs of a binary file: drop control characters and replacement chars.
    text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]+/g, ' ');
    const what = kind || 'a binary file';
    return {
      text,
      binary: true,
      message: `“${name}” looks like ${what}, not plain text. Only readable fragments are shown; `
        + 'for best results copy the text from the document and paste it here.',
    };
  }
  if (!valid) {
    return {
      text,
      message: `“${name}” is not valid UTF-8 text; characters that could not be read are shown as �. `
        + 'Save it as UTF-8 text and open it again for an exact copy.',
    };
  }
  return { text: text.replace(/^\ufeff/, ''), message: null };
}
