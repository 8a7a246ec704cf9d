//! Inputs that broke something, or are likely to: each test is named for what it broke (or
//! would break) and keeps the smallest input that showed it. Every one is run through
//! `annotate_with` under the default options and a few others, and checked against every
//! invariant of `tests/invariants/mod.rs` (spans, options, HTML text content, UTF-16 offsets,
//! `map_offsets` round trip, JSON round trip).
//!
//! New cases come from `tests/properties.rs` (a shrunk proptest input) and from
//! `scripts/fuzz.sh` (a file under `fuzz/artifacts/`): add them here, named for what broke.

mod invariants;

use invariants::annotate_checked;
use statement_viewer::{EntityKind, Options};

/// Checks `text` under the default options and under a few others.
fn holds(text: &str) {
    annotate_checked(text, &Options::default());
    annotate_checked(text, &Options { kinds: None, entities: true, sentences: false });
    annotate_checked(text, &Options { kinds: None, entities: false, sentences: true });
    annotate_checked(
        text,
        &Options { kinds: Some(vec![EntityKind::Person, EntityKind::Document]), entities: true, sentences: true },
    );
}

// ---------------------------------------------------------------------------------------------
// Degenerate texts

#[test]
fn empty_text() {
    holds("");
    let doc = annotate_checked("", &Options::default());
    assert!(doc.entities.is_empty());
}

#[test]
fn whitespace_only() {
    for text in [" ", "\t", "\n", "  \n\t \r\n ", "\u{a0}", "\u{feff}", "\u{200b}\u{2028}\u{2029}\u{85}", "\u{c}"] {
        holds(text);
        let doc = annotate_checked(text, &Options::default());
        assert!(doc.entities.is_empty(), "{text:?}: {:?}", doc.entities);
    }
}

#[test]
fn a_single_carriage_return() {
    holds("\r");
    holds("\r\r");
    holds("\r\n");
    holds("\n\r");
    holds("Japan\r");
    holds("\rJapan");
}

#[test]
fn a_text_of_only_nul_bytes() {
    holds("\0");
    holds(&"\0".repeat(10_000));
    holds(&"\0\n".repeat(1_000));
    holds("Japan\0MINUSMA\0resolution 2295 (2016)\0");
}

#[test]
fn replacement_character_runs() {
    holds("\u{fffd}");
    holds(&"\u{fffd}".repeat(10_000));
    holds("Mr. \u{fffd}\u{fffd} (\u{fffd}):\n\u{fffd}");
}

#[test]
fn a_lone_surrogate_replaced_by_u_fffd() {
    // What wasm-bindgen gives for the JavaScript string "Japan \uD83C resolution 2295 (2016)":
    // the lone surrogate becomes one U+FFFD, one UTF-16 unit as the surrogate was.
    let js: Vec<u16> =
        "Japan \u{0} resolution 2295 (2016) 🇯🇵".encode_utf16().map(|u| if u == 0 { 0xD83C } else { u }).collect();
    let text = String::from_utf16_lossy(&js);
    assert_eq!(text.encode_utf16().count(), js.len(), "U+FFFD keeps the UTF-16 length");
    holds(&text);
    let lossy = String::from_utf8_lossy(b"Japan \xed\xa0\xbc and \xff\xfe S/PV.8701");
    holds(&lossy);
}

// ---------------------------------------------------------------------------------------------
// Texts that end (or stop) where a rule expects more

#[test]
fn honorific_alone_at_end_of_text() {
    for text in [
        "Mr.",
        "Mr",
        "Mr. ",
        "Thank you, Mr.",
        "Statement by H.E.",
        "H.",
        "Ms.\n",
        "The President",
        "The President:",
        "Mr. Bessho (",
        "Mr. Bessho (Japan",
        "Mr. Bessho (Japan)",
    ] {
        holds(text);
    }
}

#[test]
fn an_open_parenthesis_alone() {
    for text in ["(", ")", "()", "(\n", "((((", "))))", "(Japan", "Japan)", "(:", "():", "( ):"] {
        holds(text);
    }
}

#[test]
fn resolution_at_end_of_text() {
    for text in [
        "resolution",
        "resolution ",
        "resolution 2295",
        "resolution 2295 (",
        "resolution 2295 (2016",
        "resolutions 2295 and",
        "Security Council resolution\n",
        "resolution\u{a0}",
    ] {
        holds(text);
    }
}

#[test]
fn document_symbol_prefix_at_end_of_text() {
    for text in
        ["S/", "S", "S/PV", "S/PV.", "S/PV. ", "A/", "A/71/", "A/71/PV.", "A/RES/", "see S/", "E/", "S/ PV.", "S/2020/"]
    {
        holds(text);
    }
}

#[test]
fn page_furniture_prefixes_at_end_of_text() {
    for text in [
        "20-",
        "20-00899",
        "20-00899 (",
        "20-00899 (E",
        "*",
        "**",
        "*2000899",
        "2/",
        "/28",
        "- 2",
        "Page 3 of",
        "13/01/",
        "\u{c}",
    ] {
        holds(text);
    }
}

#[test]
fn a_hyphen_at_a_line_end_with_nothing_after() {
    for text in [
        "peace-",
        "peace-\n",
        "peace-\r\n",
        "-\n",
        "-\n-\n-\n",
        "peace-\n\n",
        "peace-\nkeeping",
        "peace-\n-keeping",
        "\u{ad}\n",
    ] {
        holds(text);
    }
}

#[test]
fn dates_and_numbers_cut_short() {
    for text in [
        "7 November",
        "November 7,",
        "10.20 a.",
        "10.20 a.m",
        "1 000 ",
        "1 ",
        "2016-11-",
        "on 31 February 2016",
        "0 January 0",
        "99999999999999999999999999 January 2016",
        "1 000 000 000 000 000 000 000 000 000",
    ] {
        holds(text);
    }
}

// ---------------------------------------------------------------------------------------------
// Size

/// One line of 1 MB without a space: any rule that scans back or forward per character, or
/// retries at every position, turns quadratic here.
#[test]
fn a_one_megabyte_line_without_spaces() {
    holds(&"a".repeat(1 << 20));
    annotate_checked(&"Japan".repeat(200_000), &Options::default());
    annotate_checked(&"é".repeat(1 << 19), &Options::default());
}

#[test]
fn one_hundred_thousand_newlines() {
    holds(&"\n".repeat(100_000));
    annotate_checked(&"\r\n".repeat(100_000), &Options::default());
    annotate_checked(&format!("Mr. President,{}Japan supports MINUSMA.", "\n".repeat(100_000)), &Options::default());
}

#[test]
fn many_short_lines_and_turns() {
    annotate_checked(&"Japan.\n".repeat(20_000), &Options::default());
    annotate_checked(&"Mr. Bessho (Japan):\n".repeat(5_000), &Options::default());
    annotate_checked(&"The President: Japan.\n\n".repeat(5_000), &Options::default());
}

// ---------------------------------------------------------------------------------------------
// Unicode and HTML

#[test]
fn multibyte_characters_next_to_entities() {
    for text in [
        "éJapané",
        "🇯🇵Japan🇯🇵",
        "Japan\u{301}",
        "\u{301}Japan",
        "مصرJapanמצרים",
        "İstanbul, Türkiye",
        "MINUSMAß",
        "resolution 2295 (2016)\u{fe0f}",
        "S/PV.8701\u{200d}",
        "the Russian\u{a0}Federation",
        "the Russian\u{2028}Federation",
        "Côte d\u{2019}Ivoire",
        "ǅ ǈ ǋ Ǳ",
        "ẞ ß SS",
        "ﬁnancial ﬂows",
    ] {
        holds(text);
    }
}

#[test]
fn html_payloads_stay_text() {
    for text in [
        "<script>alert(1)</script>",
        "Japan <b>and</b> &amp; &lt;MINUSMA&gt; \"quoted\" 'single'",
        "Mr. <img src=x onerror=alert(1)> (Japan):",
        "</div></section></mark></span>",
        "\"><mark data-kind=\"x\">",
        "&#39;&quot;&amp;amp;",
    ] {
        holds(text);
    }
}

// ---------------------------------------------------------------------------------------------
// Found by the fuzzer or by proptest

/// The cover page of a record reads the meeting time from the 40 bytes after its date; a
/// multibyte character across byte 40 made `structure::record::cover` slice inside it (panic:
/// "end byte index … is not a char boundary"). Found by `scripts/fuzz.sh` (annotate).
#[test]
fn record_cover_time_window_ending_inside_a_character() {
    // The date ends at byte 45; `é` takes bytes 84..86, across 45 + 40 = 85.
    let text = format!("S/PV.8701\nPresident: Mr. Dang\n13 January 2020, {}é", "a".repeat(37));
    assert!(!text.is_char_boundary(text.find("2020").unwrap() + 4 + 40));
    holds(&text);
}

/// The president line of a record's cover is searched for `(` in its first 300 bytes; a
/// multibyte character across byte 300 made `structure::record::president` slice inside it
/// (panic: "end byte index 300 is not a char boundary"). Found by `tests/properties.rs`
/// (the corpus file `k4_SPV.8698_2020-01-08_West_Africa_pdftotext.txt` with NBSP for spaces).
#[test]
fn record_president_window_ending_inside_a_character() {
    // `r` (after "President: ") holds 299 `a`, then `é` at bytes 299..301.
    let text = format!("S/PV.8701\nPresident: {}é (Viet Nam)", "a".repeat(299));
    holds(&text);
    // The dot leaders of a real cover, with an NBSP at bytes 299..301 of `r`.
    let text = format!("S/PV.8701\n8701st meeting\nPresident: Mr. Dang{} \u{a0}(Viet Nam)", " .".repeat(147));
    holds(&text);
}

/// A line-end hyphen that is not ASCII (`ini‑` / `ciativa` with U+2011, or a soft hyphen U+00AD
/// before a line break) was listed in `soft_hyphens`, but the renderer wraps `h..h + 1`, which
/// ends inside the character: the span was dropped and the hyphen stayed visible. Found by
/// `tests/properties.rs` (the Spanish corpus file with "ini‑\nciativa"). The structure parser
/// now lists ASCII hyphens only; whichever side changes next, a listed hyphen must be hidden.
#[test]
fn multibyte_soft_hyphen_hidden_in_html() {
    holds("esta ini\u{2011}\nciativa de la Presidencia");
    holds("peace\u{ad}\nkeeping operations");
    holds("peace\u{2010}\nkeeping operations");
    holds("é\u{ad}\ré");
}

/// `structure::speaker::parse_person` reads a person phrase in capitals in title case by
/// calling itself on `title_case(s)`; when title case changes nothing (`H.E.`, `AB`, `中文`,
/// `ΣΣ`: no word it lowercases) it recursed until the stack overflowed, which aborts the
/// process (no panic to catch). Found by `tests/regressions.rs` (`honorific_alone_at_end_of_text`).
#[test]
fn person_phrase_in_capitals_that_title_case_leaves_unchanged() {
    for text in [
        "Statement by H.E.",
        "Statement by AB",
        "Statement by 中文",
        "Statement by ΣΣ",
        "Statement by H.E. UN",
        "Statement by MR. JOHN SMITH",
    ] {
        holds(text);
    }
}

// ---------------------------------------------------------------------------------------------
// Options: the only input that can be wrong

/// Wrong options give an error that names what is wrong (and never a panic); right ones parse.
#[test]
fn options_errors_name_what_is_wrong() {
    let err = |json: &str| serde_json::from_str::<Options>(json).expect_err(json).to_string();
    assert!(err(r#"{"kinds": ["people"]}"#).contains("people"));
    assert!(err(r#"{"entites": false}"#).contains("entites"));
    assert!(err(r#"{"kinds": "country"}"#).contains("sequence"));
    assert!(err(r#"{"sentences": 1}"#).contains("boolean"));
    for json in ["", "null", "{", "{\"kinds\": [\"country\"", "\"\\ud800\"", "1e999", "{\"kinds\": [null]}"] {
        assert!(serde_json::from_str::<Options>(json).is_err(), "{json:?}");
    }
    let ok: Options = serde_json::from_str(r#"{"kinds": ["country", "person"], "sentences": false}"#).unwrap();
    assert_eq!(
        ok,
        Options { kinds: Some(vec![EntityKind::Country, EntityKind::Person]), entities: true, sentences: false }
    );
    assert_eq!(serde_json::from_str::<Options>("{}").unwrap(), Options::default());
}

/// A record's cover ends where "The meeting was called to order" stands; when that line came
/// before the record symbol, `structure::record::cover` made a `Cover` block of zero length
/// (0..0), and a meeting read from an empty cover. Found by `tests/properties.rs`
/// (`shaped_statements_and_records_keep_the_invariants`, 4000 cases).
#[test]
fn record_cover_after_the_call_to_order_is_not_empty() {
    holds("The meeting was called to order at 10 a.m.\nS/PV.1\nPresident: Mr. X (Japan)");
    holds("The meeting was called to order S/PV.1 President:");
}
