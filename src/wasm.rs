//! The only module that knows about JavaScript: `#[wasm_bindgen]` exports, options read from a JS
//! object, and byte offsets turned into UTF-16 code units so that `text.slice(start, end)` in
//! JavaScript gives each span's text.
//!
//! The document crosses into JavaScript packed ([`crate::packed`]): its outline as JSON for the
//! engine's `JSON.parse`, entities and sentences as numbers that `src/unpack.js` (imported here)
//! turns into objects — a few calls in all instead of one per field.
//!
//! Strings from JavaScript arrive as UTF-8; a lone surrogate becomes U+FFFD (one UTF-16 unit, as
//! the surrogate was), so no offset shifts.

use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Document, EntityKind, Options};
use crate::span::{OffsetMap, Unit};

#[wasm_bindgen(module = "/src/unpack.js")]
extern "C" {
    /// The Document object from `text` and the parts of [`crate::packed::Packed`].
    fn unpack(text: &JsString, outline: &str, strings: &str, numbers: &[u32]) -> JsValue;
}

/// `annotate(text, options?)`: the document, offsets in UTF-16 code units.
#[wasm_bindgen]
pub fn annotate(text: &JsString, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let own = text.as_string().ok_or_else(|| JsError::new("annotate(text, options?): text must be a string"))?;
    let p = crate::packed::pack(annotate_utf16(&own, &options));
    Ok(unpack(text, &p.outline, &p.strings, &p.numbers))
}

/// `renderHtml(text, options?)`: the highlighted document as an HTML fragment.
#[wasm_bindgen(js_name = renderHtml)]
pub fn render_html(text: &str, options: JsValue) -> Result<String, JsError> {
    let options = parse_options(options)?;
    let doc = crate::annotate_with(text, &options);
    Ok(crate::render::html::render(text, &doc))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

fn annotate_utf16(text: &str, options: &Options) -> Document {
    let mut doc = crate::annotate_with(text, options);
    let map = OffsetMap::new(text, Unit::Utf16);
    doc.map_offsets(|b| map.convert(b));
    doc
}

const KNOWN: &str = "expected one of `kinds`, `entities`, `sentences`";

/// `{ kinds?: string[], entities?: boolean, sentences?: boolean }`; anything else is an error
/// that names the field.
fn parse_options(value: JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    if !value.is_object() || Array::is_array(&value) {
        return Err(JsError::new("options must be an object, e.g. { kinds: [\"country\"] }"));
    }
    let object: &Object = value.unchecked_ref();
    for key in Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let field = Reflect::get(object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        if field.is_undefined() {
            continue;
        }
        match key.as_str() {
            "kinds" => options.kinds = Some(parse_kinds(&field)?),
            "entities" => options.entities = parse_bool("entities", &field)?,
            "sentences" => options.sentences = parse_bool("sentences", &field)?,
            _ => return Err(JsError::new(&format!("invalid options: unknown field `{key}`, {KNOWN}"))),
        }
    }
    Ok(options)
}

fn parse_bool(name: &str, value: &JsValue) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| JsError::new(&format!("invalid options: `{name}` must be true or false")))
}

fn parse_kinds(value: &JsValue) -> Result<Vec<EntityKind>, JsError> {
    let all = || EntityKind::ALL.map(|k| k.as_str()).join(", ");
    let not_names = || JsError::new(&format!("invalid options: `kinds` must be an array of kind names ({})", all()));
    if !Array::is_array(value) {
        return Err(not_names());
    }
    let mut kinds = Vec::new();
    for item in value.unchecked_ref::<Array>().iter() {
        let name = item.as_string().ok_or_else(not_names)?;
        let kind = EntityKind::parse(&name).ok_or_else(|| {
            JsError::new(&format!("invalid options: unknown kind `{name}` in `kinds`, expected one of {}", all()))
        })?;
        kinds.push(kind);
    }
    Ok(kinds)
}
