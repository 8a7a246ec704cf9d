//! The only module that knows about JavaScript: `#[wasm_bindgen]` exports, serde-wasm-bindgen
//! conversion, and byte offsets turned into UTF-16 code units so that `text.slice(start, end)` in
//! JavaScript gives each span's text.
//!
//! Strings from JavaScript arrive as UTF-8; a lone surrogate becomes U+FFFD (one UTF-16 unit, as
//! the surrogate was), so no offset shifts.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{Document, Options};
use crate::span::{OffsetMap, Unit};

/// `annotate(text, options?)`: the document, offsets in UTF-16 code units.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = parse_options(options)?;
    let doc = annotate_utf16(text, &options);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    doc.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
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

fn parse_options(value: JsValue) -> Result<Options, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) {
        return Err(JsError::new("options must be an object, e.g. { kinds: [\"country\"] }"));
    }
    // serde-wasm-bindgen skips fields it does not know, so unknown ones are named here.
    let known = ["kinds", "entities", "sentences"];
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(JsError::new(&format!(
                "invalid options: unknown field `{key}`, expected one of `kinds`, `entities`, `sentences`"
            )));
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}
