//! The document as the wasm hands it to JavaScript: its outline as JSON, its many small pieces
//! (entities and sentences) as numbers. `src/unpack.js` builds from them the very object that
//! `JSON.parse` would give for the whole document's JSON ([`crate::json`]), taking each entity's
//! `text` from the caller's string. Parsing about 1.7 MB of JSON per MB of text was the largest
//! cost of `annotate()` in JavaScript after the analysis itself.

use crate::model::{Document, EntityKind};

/// A document in three parts; offsets as they were in the document (UTF-16 units in the wasm).
#[derive(Debug, PartialEq)]
pub struct Packed {
    /// The document's JSON with `[]` for its entities and for every block's sentences.
    pub outline: String,
    /// A JSON array of the strings that `numbers` refer to: `null`, the entity kinds (in
    /// [`EntityKind::ALL`] order), then the others in the order used.
    pub strings: String,
    /// The entity count; then per entity its kind, start, end, canonical name, code, expansion
    /// and link, each string by its index in `strings` or [`SAME_AS_TEXT`]; then per block (the
    /// document's blocks, then each statement's, in order) its sentence count and each
    /// sentence's start and end.
    pub numbers: Vec<u32>,
}

/// Entity fields in `numbers`.
pub const ENTITY_FIELDS: usize = 7;

/// The string index that stands for the entity's own text (most canonical names are).
pub const SAME_AS_TEXT: u32 = u32::MAX;

/// `doc` packed. Offsets must fit in 32 bits (a wasm32 memory holds less than 4 GiB).
pub fn pack(mut doc: Document) -> Packed {
    let entities = std::mem::take(&mut doc.entities);
    let mut numbers = Vec::with_capacity(1 + ENTITY_FIELDS * entities.len());
    let mut strings = Strings::new();
    numbers.push(entities.len() as u32);
    for e in &entities {
        let fields = [Some(&*e.canonical), e.code.as_deref(), e.expansion.as_deref(), e.link.as_deref()];
        numbers.extend_from_slice(&[1 + e.kind as u32, e.start as u32, e.end as u32]);
        for (i, s) in fields.into_iter().enumerate() {
            numbers.push(strings.id(i, s, &e.text));
        }
    }
    let blocks = doc.blocks.iter_mut().chain(doc.statements.iter_mut().flat_map(|s| s.blocks.iter_mut()));
    for b in blocks {
        numbers.push(b.sentences.len() as u32);
        for s in &b.sentences {
            numbers.extend_from_slice(&[s.start as u32, s.end as u32]);
        }
        b.sentences.clear();
    }
    Packed { outline: crate::json::to_string(&doc), strings: strings.json(), numbers }
}

/// The strings table as it is written: a JSON array, and its length.
struct Strings<'a> {
    json: String,
    len: u32,
    /// Per field (canonical, code, expansion, link): the last string added, which the next
    /// entity often names again.
    last: [Option<(&'a str, u32)>; 4],
}

impl<'a> Strings<'a> {
    fn new() -> Strings<'a> {
        let mut s = Strings { json: String::from("[null"), len: 1, last: [None; 4] };
        for kind in EntityKind::ALL {
            s.add(kind.as_str());
        }
        s
    }

    fn add(&mut self, s: &str) -> u32 {
        self.json.push(',');
        crate::json::write_str(s, &mut self.json);
        self.len += 1;
        self.len - 1
    }

    fn id(&mut self, field: usize, s: Option<&'a str>, text: &str) -> u32 {
        match (s, self.last[field]) {
            (None, _) => 0,
            (Some(s), _) if s == text => SAME_AS_TEXT,
            (Some(s), Some((last, id))) if s == last => id,
            (Some(s), _) => {
                let id = self.add(s);
                self.last[field] = Some((s, id));
                id
            }
        }
    }

    fn json(mut self) -> String {
        self.json.push(']');
        self.json
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Sentence};

    /// The reverse of `pack`, written plainly: the document back from its parts and its text.
    fn unpack(text: &str, p: &Packed) -> Document {
        let mut doc: Document = serde_json::from_str(&p.outline).unwrap();
        let strings: Vec<Option<String>> = serde_json::from_str(&p.strings).unwrap();
        let mut n = p.numbers.iter().copied();
        let mut next = || n.next().unwrap() as usize;
        for _ in 0..next() {
            let kind = strings[next()].clone().unwrap();
            let (start, end) = (next(), next());
            let own = &text[start..end];
            let mut string = || match next() {
                i if i == SAME_AS_TEXT as usize => Some(own.to_string()),
                i => strings[i].clone(),
            };
            let canonical = string().unwrap();
            let (code, expansion, link) = (string(), string(), string());
            doc.entities.push(Entity {
                kind: EntityKind::parse(&kind).unwrap(),
                start,
                end,
                text: own.to_string(),
                canonical: canonical.into(),
                code: code.map(Into::into),
                expansion: expansion.map(Into::into),
                link,
            });
        }
        let blocks = doc.blocks.iter_mut().chain(doc.statements.iter_mut().flat_map(|s| s.blocks.iter_mut()));
        for b in blocks {
            for _ in 0..next() {
                b.sentences.push(Sentence { start: next(), end: next() });
            }
        }
        assert_eq!(n.next(), None, "numbers left over");
        doc
    }

    #[test]
    fn corpus_round_trips() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut seen = 0;
        for sub in ["seed", "dev"] {
            let Ok(files) = std::fs::read_dir(dir.join(sub)) else { continue };
            for f in files.flatten().filter(|f| f.path().extension().is_some_and(|e| e == "txt")) {
                let text = std::fs::read_to_string(f.path()).unwrap();
                let doc = crate::annotate(&text);
                assert_eq!(unpack(&text, &pack(doc.clone())), doc, "{}", f.path().display());
                seen += 1;
            }
        }
        assert!(seen > 10, "the corpus at ../shared/corpus");
    }

    #[test]
    fn strings_are_shared_and_escaped() {
        let text = "Japan and \"Japan\"";
        let e = |start, end| Entity {
            kind: EntityKind::Country,
            start,
            end,
            text: text[start..end].to_string(),
            canonical: "Ja\"pan\n".into(),
            code: Some("JPN".into()),
            expansion: Some(text[start..end].into()),
            link: None,
        };
        let doc = Document { entities: vec![e(0, 5), e(11, 16)], ..Document::default() };
        let p = pack(doc.clone());
        let kinds: String = EntityKind::ALL.iter().map(|k| format!(",\"{}\"", k.as_str())).collect();
        assert_eq!(p.strings, format!(r#"[null{kinds},"Ja\"pan\n","JPN"]"#));
        let (c, j, same) = (13, 14, SAME_AS_TEXT);
        assert_eq!(p.numbers, [2, 3, 0, 5, c, j, same, 0, 3, 11, 16, c, j, same, 0]);
        assert_eq!(unpack(text, &p), doc);
    }

    #[test]
    fn kinds_are_numbered_as_listed() {
        for (i, k) in EntityKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i);
        }
    }
}
