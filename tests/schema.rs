//! Pins the JSON field names that the CLI prints and JavaScript reads: renaming one breaks
//! `www/` and other people's scripts, so it must show up here.

use serde_json::Value;
use statement_viewer::annotate;

fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().expect("object").keys().cloned().collect();
    k.sort();
    k
}

#[test]
fn document_field_names() {
    let text = "Statement by H.E. Ambassador Koro Bessho\nPermanent Representative of Japan to the United Nations\n7 November 2016\nMr. President,\nJapan supports MINUSMA under resolution 2295 (2016).\nI thank you, Mr. President.";
    let v = serde_json::to_value(annotate(text)).unwrap();
    assert_eq!(keys(&v), ["blocks", "entities", "meeting", "statements"]);
    let st = &v["statements"][0];
    assert_eq!(
        keys(st),
        ["blocks", "body", "date", "end", "language", "meeting", "notes", "place", "speaker", "start", "topic"]
    );
    assert_eq!(keys(&st["speaker"]), ["country", "country_code", "honorific", "name", "role", "roles"]);
    let block = &st["blocks"][0];
    assert_eq!(keys(block), ["end", "kind", "number", "sentences", "soft_hyphens", "start"]);
    let e = &v["entities"][0];
    assert_eq!(keys(e), ["canonical", "code", "end", "expansion", "kind", "link", "start", "text"]);
    let kinds: Vec<&str> = v["entities"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"person") && kinds.contains(&"mission") && kinds.contains(&"document"), "{kinds:?}");
}

#[test]
fn meeting_field_names() {
    let m = serde_json::to_value(statement_viewer::Meeting::default()).unwrap();
    assert_eq!(keys(&m), ["agenda", "body", "date", "members", "number", "place", "president", "symbol", "time"]);
}

#[test]
fn kind_names_are_the_twelve_of_the_guideline() {
    let names: Vec<&str> = statement_viewer::EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "person",
            "role",
            "country",
            "nationality",
            "place",
            "organization",
            "mission",
            "document",
            "event",
            "date",
            "number",
            "term"
        ]
    );
    for k in statement_viewer::EntityKind::ALL {
        assert_eq!(serde_json::to_value(k).unwrap(), Value::String(k.as_str().into()));
    }
}

#[test]
fn unknown_options_are_rejected_with_their_name() {
    let err = serde_json::from_str::<statement_viewer::Options>(r#"{"kindz": ["country"]}"#).unwrap_err();
    assert!(err.to_string().contains("kindz"), "{err}");
    let err = serde_json::from_str::<statement_viewer::Options>(r#"{"kinds": ["bogus"]}"#).unwrap_err();
    assert!(err.to_string().contains("bogus"), "{err}");
}
