//! The document as JSON text, byte for byte what `serde_json::to_string` writes for the same
//! types (compact, fields in declaration order, `None` as `null`). Written by hand so that the
//! wasm carries no serde or formatting code for its one output; the CLI's `--format json` uses
//! it too. The tests compare it with serde_json.

use crate::model::{Block, BlockKind, Document, Entity, EntityKind, Meeting, Sentence, Speaker, Statement};

/// `doc` as compact JSON.
pub fn to_string(doc: &Document) -> String {
    let mut out = String::with_capacity(4096);
    doc.write(&mut out);
    out
}

trait Json {
    fn write(&self, out: &mut String);
}

/// An object with the named fields, in this order (the order of the struct, as serde writes it).
macro_rules! object {
    ($ty:ty { $first:ident $(, $field:ident)* }) => {
        impl Json for $ty {
            fn write(&self, out: &mut String) {
                out.push_str(concat!("{\"", stringify!($first), "\":"));
                self.$first.write(out);
                $(
                    out.push_str(concat!(",\"", stringify!($field), "\":"));
                    self.$field.write(out);
                )*
                out.push('}');
            }
        }
    };
}

object!(Document { meeting, statements, blocks, entities });
object!(Meeting { symbol, body, number, date, time, place, president, members, agenda });
object!(Statement { start, end, speaker, body, meeting, topic, place, date, language, notes, blocks });
object!(Speaker { name, honorific, role, roles, country, country_code });
object!(Block { kind, start, end, number, sentences, soft_hyphens });
object!(Sentence { start, end });
object!(Entity { kind, start, end, text, canonical, code, expansion, link });

impl Json for BlockKind {
    fn write(&self, out: &mut String) {
        write_str(self.as_str(), out);
    }
}

impl Json for EntityKind {
    fn write(&self, out: &mut String) {
        write_str(self.as_str(), out);
    }
}

impl Json for String {
    fn write(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl Json for std::borrow::Cow<'_, str> {
    fn write(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl Json for usize {
    fn write(&self, out: &mut String) {
        write_uint(*self as u64, out);
    }
}

impl Json for u32 {
    fn write(&self, out: &mut String) {
        write_uint(u64::from(*self), out);
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, out: &mut String) {
        match self {
            Some(v) => v.write(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, out: &mut String) {
        out.push('[');
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            v.write(out);
        }
        out.push(']');
    }
}

fn write_uint(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits: always UTF-8.
    out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// A JSON string as serde_json escapes it: `"`, `\` and the control characters below U+0020
/// (`\b \t \n \f \r` short, the others as `\u00XX`); everything else as is.
pub(crate) fn write_str(s: &str, out: &mut String) {
    out.push('"');
    let mut from = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is an ASCII byte, so a character boundary.
        out.push_str(&s[from..i]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(short);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_doc() -> Document {
        let s = |t: &str| Some(t.to_string());
        let speaker = Speaker {
            name: s("Koro \"K\" Bessho"),
            honorific: s("H.E."),
            role: s("Permanent Representative"),
            roles: vec!["Ambassador".into(), "Permanent Representative".into()],
            country: s("Japan"),
            country_code: s("JPN"),
        };
        let block = Block {
            kind: BlockKind::Paragraph,
            start: 0,
            end: usize::MAX,
            number: Some(u32::MAX),
            sentences: vec![Sentence { start: 1, end: 10 }],
            soft_hyphens: vec![5, 1234567890],
        };
        Document {
            meeting: Some(Meeting {
                symbol: s("S/PV.8701"),
                body: s("Security Council"),
                number: None,
                date: s("2020-01-13"),
                time: s("10 a.m."),
                place: s("New York"),
                president: Some(speaker.clone()),
                members: vec!["Côte d’Ivoire".into()],
                agenda: vec![],
            }),
            statements: vec![Statement {
                start: 3,
                end: 99,
                speaker,
                notes: vec!["Check against delivery".into()],
                blocks: vec![block.clone(), Block::new(BlockKind::Furniture, crate::Span::new(7, 8))],
                ..Statement::default()
            }],
            blocks: vec![block],
            entities: vec![Entity {
                kind: EntityKind::Document,
                start: 0,
                end: 4,
                text: "a\\b\u{0}\u{1f}\u{7f}\u{8}\u{c}\n\r\t\u{1b}é😀\u{2028}".into(),
                canonical: "</script>".into(),
                code: None,
                expansion: Some("".into()),
                link: s("https://undocs.org/S/RES/2295(2016)"),
            }],
        }
    }

    #[test]
    fn same_as_serde_json() {
        for doc in [Document::default(), full_doc()] {
            assert_eq!(to_string(&doc), serde_json::to_string(&doc).unwrap());
        }
        use BlockKind::*;
        for kind in
            [Header, Note, Salutation, Paragraph, Closing, Speaker, Procedural, Heading, Cover, Furniture, Metadata]
        {
            let doc = Document { blocks: vec![Block::new(kind, crate::Span::new(0, 1))], ..Document::default() };
            assert_eq!(to_string(&doc), serde_json::to_string(&doc).unwrap());
        }
        for kind in EntityKind::ALL {
            let doc =
                Document { entities: vec![Entity { kind, ..full_doc().entities[0].clone() }], ..Document::default() };
            assert_eq!(to_string(&doc), serde_json::to_string(&doc).unwrap());
        }
    }

    #[test]
    fn every_control_character() {
        let text: String = (0u8..0x80).map(char::from).collect();
        let doc = Document { entities: vec![Entity { text, ..full_doc().entities[0].clone() }], ..Document::default() };
        assert_eq!(to_string(&doc), serde_json::to_string(&doc).unwrap());
    }

    /// The corpus (`$STATEMENT_VIEWER_CORPUS` or `../shared/corpus`), offsets as the doors give them.
    #[test]
    fn corpus_same_as_serde_json() {
        let root = std::env::var_os("STATEMENT_VIEWER_CORPUS")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
        let mut files = 0;
        for dir in ["seed", "dev", "extra"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                if path.extension().is_some_and(|x| x == "txt") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let mut doc = crate::annotate(&text);
                    let map = crate::span::OffsetMap::new(&text, crate::span::Unit::Utf16);
                    doc.map_offsets(|b| map.convert(b));
                    assert_eq!(to_string(&doc), serde_json::to_string(&doc).unwrap(), "{}", path.display());
                    files += 1;
                }
            }
        }
        assert!(files > 0, "no corpus under {}", root.display());
    }
}
