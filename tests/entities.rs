//! Table-driven entity tests: each case is a text and the (surface, kind) pairs expected in it,
//! in order. Cases are written for this project, in the style of real statements.

use statement_viewer::{annotate, Entity};

fn found(text: &str) -> Vec<(String, &'static str)> {
    annotate(text).entities.iter().map(|e| (e.text.clone(), e.kind.as_str())).collect()
}

fn check(cases: &[(&str, &[(&str, &str)])]) {
    for (text, want) in cases {
        let got = found(text);
        let want: Vec<(String, &str)> = want.iter().map(|(s, k)| (s.to_string(), *k)).collect();
        assert_eq!(got, want, "\nin: {text:?}");
    }
}

fn entity<'d>(doc: &'d [Entity], text: &str) -> &'d Entity {
    doc.iter().find(|e| e.text == text).unwrap_or_else(|| panic!("no entity {text:?} in {doc:#?}"))
}

#[test]
fn security_council_and_general_assembly_resolutions() {
    check(&[
        (
            "Japan co-sponsored Resolution 2295, which requested",
            &[("Japan", "country"), ("Resolution 2295", "document")],
        ),
        ("as set out in resolution 2480 (2019).", &[("resolution 2480 (2019)", "document")]),
        (
            "resolutions 1325 (2000) and 2242 (2015) matter",
            &[("resolutions 1325 (2000)", "document"), ("2242 (2015)", "document")],
        ),
        (
            "the 2030 Agenda, adopted in resolution 70/1,",
            &[("2030 Agenda", "document"), ("resolution 70/1", "document")],
        ),
    ]);
}

#[test]
fn document_symbols() {
    check(&[
        ("the report (S/2019/1005) and S/PV.8685", &[("S/2019/1005", "document"), ("S/PV.8685", "document")]),
        ("see A/71/PV.10 and S/PRST/2016/1", &[("A/71/PV.10", "document"), ("S/PRST/2016/1", "document")]),
        (
            "A/RES/70/1 and S/2016/1234/Add.1 and A/70/L.1/Rev.1",
            &[("A/RES/70/1", "document"), ("S/2016/1234/Add.1", "document"), ("A/70/L.1/Rev.1", "document")],
        ),
    ]);
}

#[test]
fn document_links() {
    let doc = annotate("under resolution 2295 (2016) and A/71/PV.10 and resolution 70/1").entities;
    assert_eq!(entity(&doc, "resolution 2295 (2016)").link.as_deref(), Some("https://undocs.org/S/RES/2295(2016)"));
    assert_eq!(entity(&doc, "A/71/PV.10").link.as_deref(), Some("https://undocs.org/A/71/PV.10"));
    assert_eq!(entity(&doc, "resolution 70/1").link.as_deref(), Some("https://undocs.org/A/RES/70/1"));
}

#[test]
fn dates() {
    check(&[
        ("On 7 November 2016 and on 25 May", &[("7 November 2016", "date"), ("25 May", "date")]),
        ("Monday, 13 January 2020, 10 a.m.", &[("Monday, 13 January 2020", "date"), ("10 a.m.", "number")]),
        ("in July 2015, since the 1990s, in 2012", &[("July 2015", "date"), ("1990s", "date"), ("2012", "date")]),
        ("26 SEPTEMBER 2012", &[("26 SEPTEMBER 2012", "date")]),
        ("the July Open Debate", &[("July", "date")]),
        ("May I thank you", &[]),
        ("13/01/2020", &[("13/01/2020", "date")]),
        ("The 21st century has", &[("21st century", "date")]),
        ("New York, onsdagen den 18 januari 2017.", &[("New York", "place"), ("18 januari 2017", "date")]),
    ]);
    let doc = annotate("On 7 November 2016.").entities;
    assert_eq!(doc[0].code.as_deref(), Some("2016-11-07"));
}

#[test]
fn numbers() {
    check(&[
        ("more than 20,000 police officers over the past 12 years", &[("20,000", "number"), ("12 years", "number")]),
        (
            "over 1 000 in total; 25 million people; 30 per cent",
            &[("1 000", "number"), ("25 million", "number"), ("30 per cent", "number")],
        ),
        (
            "AUD 30 million and $5 million and 1.5 billion dollars",
            &[("AUD 30 million", "number"), ("$5 million", "number"), ("1.5 billion dollars", "number")],
        ),
        ("called to order at 10.20 a.m. for the 8701st meeting", &[("10.20 a.m.", "number"), ("8701st", "number")]),
        ("received 15 votes; 125,000 kilometres", &[("15", "number"), ("125,000 kilometres", "number")]),
        ("two thirds of us, one third", &[]),
        ("the G20 and COP28", &[("G20", "organization"), ("COP28", "event")]),
    ]);
}

#[test]
fn countries_and_nationalities() {
    check(&[
        ("the Sudan, the Niger and Türkiye", &[("Sudan", "country"), ("Niger", "country"), ("Türkiye", "country")]),
        ("Japan’s policy", &[("Japan", "country")]),
        ("the DRC, the UK and the U.S.", &[("DRC", "country"), ("UK", "country"), ("U.S.", "country")]),
        ("Côte d’Ivoire and Cote d'Ivoire", &[("Côte d’Ivoire", "country"), ("Cote d'Ivoire", "country")]),
        ("the Russian\nFederation", &[("Russian\nFederation", "country")]),
        (
            "Malian and Congolese troops, Japanese police, Palestinians",
            &[
                ("Malian", "nationality"),
                ("Congolese", "nationality"),
                ("Japanese", "nationality"),
                ("Palestinians", "nationality"),
            ],
        ),
        ("help us now", &[]),
    ]);
    let doc = annotate("the Democratic Republic of the Congo and Swaziland").entities;
    assert_eq!(entity(&doc, "Democratic Republic of the Congo").code.as_deref(), Some("COD"));
    assert_eq!(entity(&doc, "Swaziland").code.as_deref(), Some("SWZ"));
}

#[test]
fn organizations_missions_and_terms() {
    check(&[
        ("the UN Signals Academy in Uganda", &[("UN Signals Academy", "organization"), ("Uganda", "country")]),
        ("MINUSMA, MONUSCO and UNMISS", &[("MINUSMA", "mission"), ("MONUSCO", "mission"), ("UNMISS", "mission")]),
        (
            "the African Union, ECOWAS and the G-5 Sahel",
            &[("African Union", "organization"), ("ECOWAS", "organization"), ("G-5 Sahel", "organization")],
        ),
        ("one of the TCC; PKOs and IEDs", &[("TCC", "term"), ("PKOs", "term"), ("IEDs", "term")]),
        ("the Sustainable Development Goals", &[("Sustainable Development Goals", "term")]),
        ("UN peacekeeping under the UN Charter", &[("UN", "organization"), ("UN Charter", "document")]),
        ("the Charter alone, the Council, the Mission", &[]),
    ]);
    let doc = annotate("MINUSMA").entities;
    assert_eq!(doc[0].code.as_deref(), Some("MINUSMA"));
    assert!(doc[0].expansion.as_deref().unwrap_or("").contains("Mali"), "{:?}", doc[0]);
}

#[test]
fn roles_and_offices_split_around_their_tail() {
    check(&[
        (
            "Permanent Representative of Japan to the United Nations",
            &[("Permanent Representative", "role"), ("Japan", "country"), ("United Nations", "organization")],
        ),
        ("President of the General Assembly", &[("President", "role"), ("General Assembly", "organization")]),
        ("Mr. President, the Secretary-General’s report", &[("President", "role"), ("Secretary-General", "role")]),
        ("At the Security Council Open Debate", &[("Security Council", "organization")]),
    ]);
}

#[test]
fn person_names() {
    check(&[
        ("Statement by H.E. Ambassador Koro Bessho", &[("Ambassador", "role"), ("Koro Bessho", "person")]),
        ("As Foreign Minister Fumio Kishida said", &[("Foreign Minister", "role"), ("Fumio Kishida", "person")]),
        ("Mr. Bessho (Japan): I thank", &[("Bessho", "person"), ("Japan", "country")]),
        (
            "Mr. Ja'afari (Syrian Arab Republic) (spoke in Arabic):",
            &[("Ja'afari", "person"), ("Syrian Arab Republic", "country")],
        ),
        ("Ms. DiCarlo and Mr. Pecsteen de Buytswerve", &[("DiCarlo", "person"), ("Pecsteen de Buytswerve", "person")]),
        (
            "Secretary-General António Guterres; Mr. Ban Ki-moon",
            &[("Secretary-General", "role"), ("António Guterres", "person"), ("Ban Ki-moon", "person")],
        ),
        (
            "We thank Mr. Mohamed Ibn Chambas. Mr. Chambas said",
            &[("Mohamed Ibn Chambas", "person"), ("Chambas", "person")],
        ),
        ("Ms. King\nMrs. Craft", &[("King", "person"), ("Craft", "person")]),
    ]);
}

#[test]
fn languages_and_honorifics_are_not_tagged() {
    check(&[("The President (spoke in French): I thank", &[("President", "role")])]);
}

#[test]
fn acronyms_defined_in_the_text() {
    let text =
        "the Multinational Joint Task Force and the Regional Stabilization Facilities (RSFs) fund. Later, RSFs grew.";
    let doc = annotate(text).entities;
    let qips: Vec<&Entity> = doc.iter().filter(|e| e.text == "RSFs").collect();
    assert_eq!(qips.len(), 2, "{doc:#?}");
    assert!(qips
        .iter()
        .all(|e| e.kind.as_str() == "term" && e.expansion.as_deref() == Some("Regional Stabilization Facilities")));
    let text = "the Group of Friends of Mediation (GFM). The GFM met.";
    let doc = annotate(text).entities;
    assert_eq!(doc.iter().filter(|e| e.text == "GFM").count(), 2, "{doc:#?}");
}

#[test]
fn spans_never_overlap_and_slice_back() {
    let text = "Mr. Bessho (Japan): the UN Security Council, the Secretary-General and MINUSMA, 7 November 2016.";
    let doc = annotate(text);
    let mut last = 0;
    for e in &doc.entities {
        assert!(e.start >= last, "overlap at {e:?}");
        assert_eq!(&text[e.start..e.end], e.text);
        last = e.end;
    }
}
