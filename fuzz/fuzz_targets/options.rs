//! Options from untrusted input, two ways. The bytes as JSON: `serde_json::from_str::<Options>`
//! returns (an error names what is wrong), and options it accepts survive a JSON round trip and
//! annotate a sample statement keeping every invariant. The bytes as structured data: arbitrary
//! `Options` (kinds, entities, sentences) with an arbitrary text keep every invariant of
//! `tests/invariants/mod.rs`.

#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use statement_viewer::{EntityKind, Options};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

const SAMPLE: &str = "Statement by H.E. Ambassador Koro Bessho\nPermanent Representative of Japan\n7 November 2016\n\nMr. President,\nJapan supports MINUSMA under resolution 2295 (2016), with 1 000 peace-\nkeepers.\n\nMr. Nebenzia (Russian Federation) (spoke in Russian): The meeting rose at 1 p.m.\n20-00899 (E)\n*2000899*\n";

fn structured(data: &[u8]) -> Result<(Options, String)> {
    let mut u = Unstructured::new(data);
    let kinds = if u.arbitrary()? {
        let n = u.int_in_range(0..=16)?;
        let mut kinds = Vec::with_capacity(n);
        for _ in 0..n {
            kinds.push(EntityKind::ALL[u.int_in_range(0..=EntityKind::ALL.len() - 1)?]);
        }
        Some(kinds)
    } else {
        None
    };
    let options = Options { kinds, entities: u.arbitrary()?, sentences: u.arbitrary()? };
    let text = String::from_utf8_lossy(u.take_rest()).into_owned();
    Ok((options, text))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(json) = std::str::from_utf8(data) {
        match serde_json::from_str::<Options>(json) {
            Ok(options) => {
                let again = serde_json::to_string(&options).expect("options serialize");
                let back: Options = serde_json::from_str(&again).expect("serialized options parse");
                assert_eq!(back, options, "options changed in a JSON round trip");
                invariants::annotate_checked(SAMPLE, &options);
            }
            Err(e) => assert!(!e.to_string().is_empty(), "an options error says nothing"),
        }
    }
    if let Ok((options, text)) = structured(data) {
        invariants::annotate_checked(&text, &options);
    }
});
