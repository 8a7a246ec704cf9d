// The JavaScript half of src/wasm.rs's annotate(): builds the Document from the parts the wasm
// hands over (src/packed.rs) — the same object JSON.parse would give for the whole document's
// JSON, each entity's text sliced from the caller's string. wasm-bindgen copies this file into
// www/pkg/snippets/ and the generated glue imports it from there.

// A string index that stands for the entity's own text (packed::SAME_AS_TEXT).
const SAME_AS_TEXT = 0xffffffff;

/**
 * text: the string annotated; outline: the document's JSON without entities and sentences;
 * strings: a JSON array of the strings `numbers` refer to; numbers: a Uint32Array view into
 * the wasm memory, valid only during this call (read here, never kept).
 */
export function unpack(text, outline, strings, numbers) {
  const doc = JSON.parse(outline);
  const s = JSON.parse(strings);
  const n = numbers;
  const count = n[0];
  const entities = new Array(count);
  let k = 1;
  for (let i = 0; i < count; i++, k += 7) {
    const start = n[k + 1];
    const end = n[k + 2];
    const own = text.slice(start, end);
    const str = (i) => (i === SAME_AS_TEXT ? own : s[i]);
    entities[i] = {
      kind: s[n[k]], start, end, text: own,
      canonical: str(n[k + 3]), code: str(n[k + 4]), expansion: str(n[k + 5]), link: str(n[k + 6]),
    };
  }
  const sentences = (blocks) => {
    for (const b of blocks) {
      const m = n[k++];
      const list = new Array(m);
      for (let j = 0; j < m; j++, k += 2) list[j] = { start: n[k], end: n[k + 1] };
      b.sentences = list;
    }
  };
  sentences(doc.blocks);
  for (const st of doc.statements) sentences(st.blocks);
  doc.entities = entities;
  return doc;
}
