//! The HTML renderer: balanced tags, escaping, and text content equal to the input.

use statement_viewer::{annotate, render::html};

/// Text content of renderer output: tags removed, the five escapes undone.
fn text_content(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match (c, in_tag) {
            ('<', false) => in_tag = true,
            ('>', true) => in_tag = false,
            (_, false) => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

#[test]
fn text_content_equals_input() {
    let cases = [
        "Statement by H.E. Ambassador Koro Bessho\nPermanent Representative of Japan\n\nMr. President,\nJapan supports MINUSMA.",
        "<script>alert(1)</script> Japan & the \"UN\" <img src=x onerror=alert(1)>",
        "peace-\nkeeping in the Russian\nFederation, 🇯🇵 Japan, مصر",
        "",
        "\r\n\r\n  \u{0}\u{feff}",
    ];
    for text in cases {
        let doc = annotate(text);
        let out = html::render(text, &doc);
        assert_eq!(text_content(&out), text, "{out}");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
    }
}

#[test]
fn marks_carry_kind_and_escaped_title() {
    let text = "MINUSMA";
    let out = html::render(text, &annotate(text));
    assert!(out.contains("<mark data-kind=\"mission\" title=\"mission: United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)\">MINUSMA</mark>"), "{out}");
}

#[test]
fn tags_are_balanced() {
    let text =
        "Mr. Bessho (Japan): Japan and the Security Council.\n\nThe President: I thank the representative of Japan.";
    let out = html::render(text, &annotate(text));
    for tag in ["div", "mark", "section", "span"] {
        let opens = out.matches(&format!("<{tag}")).count();
        let closes = out.matches(&format!("</{tag}>")).count();
        assert_eq!(opens, closes, "{tag} in {out}");
    }
}
