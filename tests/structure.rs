//! The structure parser, shape by shape: headers of single statements, speeches without a
//! header, verbatim records, PDF text, salutations and closings, sentences, dates. Each case is an
//! input and the fields or (kind, text) blocks it must give.

use statement_viewer::dates::{find_dates, parse_date};
use statement_viewer::structure::parse;
use statement_viewer::{BlockKind, Document, Options};

fn doc(text: &str) -> Document {
    parse(text, &Options::default())
}

/// Every block of the document as (kind, covered text), in text order.
fn blocks<'a>(text: &'a str, d: &Document) -> Vec<(BlockKind, &'a str)> {
    d.all_blocks().into_iter().map(|b| (b.kind, &text[b.start..b.end])).collect()
}

use BlockKind::*;

/// What a single statement's header should give; `None` fields are not checked.
#[derive(Default)]
struct Want {
    name: Option<&'static str>,
    honorific: Option<&'static str>,
    role: Option<&'static str>,
    roles: Option<&'static [&'static str]>,
    country: Option<&'static str>,
    code: Option<&'static str>,
    body: Option<&'static str>,
    meeting: Option<&'static str>,
    topic: Option<&'static str>,
    place: Option<&'static str>,
    date: Option<&'static str>,
    notes: Option<&'static [&'static str]>,
}

fn check(text: &str, want: &Want) {
    let d = doc(text);
    let st = d.statements.first().unwrap_or_else(|| panic!("no statement in {text:?}"));
    let sp = &st.speaker;
    let pairs: [(&str, Option<&str>, Option<&str>); 10] = [
        ("name", want.name, sp.name.as_deref()),
        ("honorific", want.honorific, sp.honorific.as_deref()),
        ("role", want.role, sp.role.as_deref()),
        ("country", want.country, sp.country.as_deref()),
        ("code", want.code, sp.country_code.as_deref()),
        ("body", want.body, st.body.as_deref()),
        ("meeting", want.meeting, st.meeting.as_deref()),
        ("topic", want.topic, st.topic.as_deref()),
        ("place", want.place, st.place.as_deref()),
        ("date", want.date, st.date.as_deref()),
    ];
    for (field, w, got) in pairs {
        if let Some(w) = w {
            assert_eq!(got, Some(w), "{field} of {text:?}");
        }
    }
    if let Some(roles) = want.roles {
        assert_eq!(sp.roles, roles, "roles of {text:?}");
    }
    if let Some(notes) = want.notes {
        assert_eq!(st.notes, notes, "notes of {text:?}");
    }
}

#[test]
fn headers_of_single_statements() {
    let cases: Vec<(&str, Want)> = vec![
        (
            "Statement by H.E. Ambassador Koro Bessho\nPermanent Representative of Japan to the United Nations\n\
             At the Security Council Open Debate\nOn Peace Operations Facing Asymmetric Threats\n7 November 2016\n\
             Mr. President,\nI would like to thank the briefers.\nI thank you, Mr. President.",
            Want {
                name: Some("Koro Bessho"),
                honorific: Some("H.E."),
                role: Some("Permanent Representative"),
                roles: Some(&["Ambassador", "Permanent Representative"]),
                country: Some("Japan"),
                code: Some("JPN"),
                body: Some("Security Council"),
                meeting: Some("Security Council Open Debate"),
                topic: Some("Peace Operations Facing Asymmetric Threats"),
                date: Some("2016-11-07"),
                ..Want::default()
            },
        ),
        (
            "Statement by H.E. Ambassador Koro Bessho, Permanent Representative of Japan to the United Nations, \
             at the Security Council Open Debate on “Strengthening Multilateralism, and the Role of the United Nations\n\n\
             (As delivered)\nI would like to thank China for convening this meeting.",
            Want {
                name: Some("Koro Bessho"),
                role: Some("Permanent Representative"),
                country: Some("Japan"),
                meeting: Some("Security Council Open Debate"),
                topic: Some("Strengthening Multilateralism, and the Role of the United Nations"),
                notes: Some(&["As delivered"]),
                ..Want::default()
            },
        ),
        (
            "# Anförande av Olof Skoog, Sveriges ständige representant till Förenta Nationerna, vid FN:s säkerhetsråds \
             debatt om icke-spridning\n\nNew York, onsdagen den 18 januari 2017.\nEnligt det talade ordet.\n\n\
             Sweden warmly welcomed the agreement on the Joint Comprehensive Plan of Action.",
            Want {
                name: Some("Olof Skoog"),
                role: Some("ständige representant"),
                country: Some("Sweden"),
                body: Some("Security Council"),
                meeting: Some("FN:s säkerhetsråds debatt"),
                topic: Some("icke-spridning"),
                place: Some("New York"),
                date: Some("2017-01-18"),
                notes: Some(&["Enligt det talade ordet"]),
                ..Want::default()
            },
        ),
        (
            "---\ntitle: \"High-level meeting on the Sahel: speech, New York\"\ndate: \"2012-09-26\"\ncreators:\n  - \"Gillard, Julia\"\n\
             source: \"PRIME MINISTER\"\n---\n\n PRIME MINISTER   \n\n HIGH-LEVEL MEETING ON THE SAHEL   \n\n New York   \n\n\
             26 SEPTEMBER 2012 \n\n [ACKNOWLEDGEMENTS OMITTED]   \n\n The Sahel region is rich in ancient cultures.\n\n\
             Australia applauds the efforts of ECOWAS.\n\n Australia welcomes the appointment of the Government.\n",
            Want {
                name: Some("Julia Gillard"),
                role: Some("Prime Minister"),
                country: Some("Australia"),
                meeting: Some("HIGH-LEVEL MEETING ON THE SAHEL"),
                place: Some("New York"),
                date: Some("2012-09-26"),
                notes: Some(&["ACKNOWLEDGEMENTS OMITTED"]),
                ..Want::default()
            },
        ),
        (
            "Address by Mr. Jean Dupont, President of the Republic of Benin\nAt the General Assembly\n\
             Mr. President,\nBenin is honoured to take part in this debate.",
            Want {
                name: Some("Jean Dupont"),
                honorific: Some("Mr."),
                role: Some("President"),
                country: Some("Benin"),
                body: Some("General Assembly"),
                ..Want::default()
            },
        ),
        (
            "12 March 2019\nRemarks by Ms. Jane Roe\nDeputy Permanent Representative of New Zealand\nCheck against delivery\n\
             Madam Chair,\nNew Zealand supports the draft.",
            Want {
                name: Some("Jane Roe"),
                honorific: Some("Ms."),
                role: Some("Deputy Permanent Representative"),
                country: Some("New Zealand"),
                date: Some("2019-03-12"),
                notes: Some(&["Check against delivery"]),
                ..Want::default()
            },
        ),
        (
            "(Nueva York, 12 de noviembre de 2014)\n\nIntervención del señor Embajador Miguel Camilo Ruiz, Representante \
             Permanente Alterno de Colombia ante las Naciones Unidas\n\nSeñor Presidente,\n\nQuisiera comenzar agradeciendo.",
            Want {
                name: Some("Miguel Camilo Ruiz"),
                role: Some("Representante Permanente Alterno"),
                country: Some("Colombia"),
                place: Some("Nueva York"),
                date: Some("2014-11-12"),
                ..Want::default()
            },
        ),
    ];
    for (text, want) in &cases {
        check(text, want);
    }
}

#[test]
fn header_blocks_then_the_body() {
    let text = "Statement by H.E. Ambassador Koro Bessho\nPermanent Representative of Japan to the United Nations\n\
                7 November 2016\nCheck against delivery\nMr. President,\nJapan welcomes the report.\n\
                Japan will do its part.\nThank you.";
    assert_eq!(
        blocks(text, &doc(text)),
        [
            (Header, "Statement by H.E. Ambassador Koro Bessho"),
            (Header, "Permanent Representative of Japan to the United Nations"),
            (Header, "7 November 2016"),
            (Note, "Check against delivery"),
            (Salutation, "Mr. President,"),
            (Paragraph, "Japan welcomes the report."),
            (Paragraph, "Japan will do its part."),
            (Closing, "Thank you."),
        ]
    );
}

/// General Assembly speeches start with the speech: the country comes only from the speech's
/// own voice, and mentions of countries elsewhere do not count.
#[test]
fn speeches_without_a_header() {
    let cases: &[(&str, Option<&str>)] = &[
        (
            "I congratulate the President.\nBenin warmly welcomes the theme of this year’s session.\nWe must act.",
            Some("Benin"),
        ),
        ("My country Benin is committed to this approach.\nWe thank our partners.", Some("Benin")),
        ("The war opened a window for small nations in Europe, including Lithuania, to achieve their dreams.", None),
        ("We can no longer wait. Italy is proposing a major step, and Italy is right.", None),
        ("Iran continues to expand its nuclear activity. We condemn it.", None),
        ("Japan supports the report. Japan’s view is known. China welcomes it. China supports it.", Some("China")),
        ("Japan supports the report. China welcomes it.", None),
    ];
    for &(text, country) in cases {
        let d = doc(text);
        assert_eq!(d.statements.len(), 1, "{text:?}");
        assert!(d.statements[0].blocks.iter().all(|b| b.kind != Header), "{text:?}");
        assert_eq!(d.statements[0].speaker.country.as_deref(), country, "{text:?}");
    }
}

#[test]
fn turn_intros_of_verbatim_records() {
    // (line, name, country, role, language)
    type Row = (&'static str, Option<&'static str>, Option<&'static str>, Option<&'static str>, Option<&'static str>);
    let cases: &[Row] = &[
        ("Mr. Bessho (Japan): Japan supports the draft.", Some("Bessho"), Some("Japan"), None, None),
        (
            "Mrs. Craft (United States of America): We support it.",
            Some("Craft"),
            Some("United States of America"),
            None,
            None,
        ),
        ("The President (spoke in French): I thank him.", None, None, Some("President"), Some("French")),
        (
            "Mr. Ja'afari (Syrian Arab Republic) (spoke in Arabic): We thank the Council.",
            Some("Ja'afari"),
            Some("Syrian Arab Republic"),
            None,
            Some("Arabic"),
        ),
        ("The Secretary-General: I thank the Council.", None, None, Some("Secretary-General"), None),
        ("Ms. DiCarlo: I shall brief the Council.", Some("DiCarlo"), None, None, None),
        (
            "Mr. Singer Weisinger (Dominican Republic) (spoke in Spanish): First of all, we thank him.",
            Some("Singer Weisinger"),
            Some("Dominican Republic"),
            None,
            Some("Spanish"),
        ),
        (
            "Mr. Pecsteen de Buytswerve (Belgium) (spoke in\nFrench): At the outset, I thank you.",
            Some("Pecsteen de Buytswerve"),
            Some("Belgium"),
            None,
            Some("French"),
        ),
    ];
    for &(text, name, country, role, language) in cases {
        let d = doc(text);
        assert_eq!(d.statements.len(), 1, "{text:?}");
        let st = &d.statements[0];
        let got = (
            st.speaker.name.as_deref(),
            st.speaker.country.as_deref(),
            st.speaker.role.as_deref(),
            st.language.as_deref(),
        );
        assert_eq!(got, (name, country, role, language), "{text:?}");
        assert_eq!(st.blocks[0].kind, Speaker, "{text:?}");
        assert_eq!(st.blocks.iter().filter(|b| b.kind == Paragraph).count(), 1, "{text:?}");
    }
    // Not turns: an address, a sentence, a name followed by an apposition.
    for text in [
        "Mr. President: we are ready.",
        "Mr. Chambas said with regard to such an approach: nothing.",
        "Mr. Mohamed Ibn Chambas, Special Representative of the Secretary-General, spoke.",
    ] {
        assert!(doc(text).statements.iter().all(|s| s.blocks.iter().all(|b| b.kind != Speaker)), "{text:?}");
    }
}

const RECORD: &str = "S/PV.8701\n\nUnited Nations\n\nSecurity Council\nSeventy-fifth year\n\n8701st meeting\n\n\
Monday, 13 January 2020, 10 a.m.\nNew York\n\nPresident:\n\nMr. Dang. . . . . . . . . . . . . . .\n\n(Viet Nam)\n\n\
Members:\n\nBelgium. . . . . . . . . . . . . . . \nChina. . . . . . . . . . . . . . . . \n\nMr. Pecsteen de Buytswerve\nMr. Wu Haitao\n\n\
Agenda\nThe situation in the Middle East\nLetter dated 14 October 2019 from the Secretary-General addressed to the\n\
President of the Security Council (S/2019/823)\n\nThis record contains the text of speeches delivered in English.\n\n\
20-00899 (E)\n*2000899*\n\n\u{c}S/PV.8701\n\nThe situation in the Middle East\n\n\
The meeting was called to order at 10.20 a.m.\nAdoption of the agenda\nThe agenda was adopted.\n\
The situation in the Middle East\nLetter dated 14 October 2019 from the\nSecretary-General addressed to the President\n\
of the Security Council (S/2019/823)\n\
The President: The Security Council will now\nbegin its consideration of the item on its agenda.\n\
I wish to draw the attention of Council members to\ndocument S/2019/823, which contains the text of a letter\n\n\
2/2\u{8}\n\n13/01/2020\n\ndated 14 October 2019 from the Secretary-General.\n\
A vote was taken by show of hands.\nIn favour:\nBelgium, China, Dominican Republic, Estonia,\nFrance, Viet Nam\n\
The President: The draft resolution received 15\nvotes in favour.\nThe meeting rose at 10.25 a.m.\n\n20-00899\n\n\u{c}";

#[test]
fn a_verbatim_record() {
    let d = doc(RECORD);
    let m = d.meeting.as_ref().expect("meeting from the cover");
    assert_eq!(m.symbol.as_deref(), Some("S/PV.8701"));
    assert_eq!(m.body.as_deref(), Some("Security Council"));
    assert_eq!(m.number.as_deref(), Some("8701"));
    assert_eq!(m.date.as_deref(), Some("2020-01-13"));
    assert_eq!(m.time.as_deref(), Some("10 a.m."));
    assert_eq!(m.place.as_deref(), Some("New York"));
    let p = m.president.as_ref().expect("president");
    assert_eq!((p.name.as_deref(), p.country.as_deref()), (Some("Dang"), Some("Viet Nam")));
    assert_eq!(m.members, ["Belgium", "China"]);
    assert_eq!(m.agenda, [
        "The situation in the Middle East",
        "Letter dated 14 October 2019 from the Secretary-General addressed to the President of the Security Council (S/2019/823)"
    ]);

    assert_eq!(d.statements.len(), 2);
    for st in &d.statements {
        assert_eq!(st.speaker.name.as_deref(), Some("Dang"), "The President takes the cover's name");
        assert_eq!(st.speaker.country.as_deref(), Some("Viet Nam"));
        assert_eq!(st.speaker.role.as_deref(), Some("President"));
        assert_eq!(st.date.as_deref(), Some("2020-01-13"));
    }
    let got = blocks(RECORD, &d);
    let after_cover: Vec<(BlockKind, &str)> = got.into_iter().filter(|(k, _)| *k != Cover).collect();
    assert_eq!(after_cover, [
        (Furniture, "20-00899 (E)"),
        (Furniture, "*2000899*"),
        (Furniture, "S/PV.8701"),
        (Furniture, "The situation in the Middle East"),
        (Procedural, "The meeting was called to order at 10.20 a.m."),
        (Procedural, "Adoption of the agenda"),
        (Procedural, "The agenda was adopted."),
        (Heading, "The situation in the Middle East"),
        (Heading, "Letter dated 14 October 2019 from the\nSecretary-General addressed to the President\nof the Security Council (S/2019/823)"),
        (Speaker, "The President:"),
        (Paragraph, "The Security Council will now\nbegin its consideration of the item on its agenda."),
        (Paragraph, "I wish to draw the attention of Council members to\ndocument S/2019/823, which contains the text of a letter\n\n2/2\u{8}\n\n13/01/2020\n\ndated 14 October 2019 from the Secretary-General."),
        (Furniture, "2/2"),
        (Furniture, "13/01/2020"),
        (Procedural, "A vote was taken by show of hands."),
        (Procedural, "In favour:\nBelgium, China, Dominican Republic, Estonia,\nFrance, Viet Nam"),
        (Speaker, "The President:"),
        (Paragraph, "The draft resolution received 15\nvotes in favour."),
        (Procedural, "The meeting rose at 10.25 a.m."),
        (Furniture, "20-00899"),
    ]);
    // Procedure after a turn belongs to no statement.
    assert!(d.statements[0].blocks.iter().all(|b| b.kind != Procedural));
}

#[test]
fn a_flattened_turn_is_one_paragraph() {
    let text = "Ms. Norman-Chalet (United States of America): At the outset, I would like to join my colleagues. \
                We look forward to working with all Council members. I thank Special Representative Chambas.";
    let d = doc(text);
    assert_eq!(
        blocks(text, &d),
        [(Speaker, "Ms. Norman-Chalet (United States of America):"), (Paragraph, &text[46..]),]
    );
    assert_eq!(d.statements[0].blocks[1].sentences.len(), 3);
}

/// Text copied from a PDF: hard line breaks, indented paragraph starts, page furniture inside a
/// paragraph, hyphenated line ends.
#[test]
fn pdf_text_with_indented_paragraphs() {
    let text = "I bring \nyou greetings from Europe, which is \nconscious of its responsibilities. \n \
                At a time when the world is deeply troubled, the peace-\nkeeping operations of the troop-\n\
                contributing countries and the Secretary-\nGeneral say: “There is nothing we can \n \n \n13 08-51570 \n \n\
                do.” That is why we are here. \n We can wait no longer. We are beginning to \ngauge the tragic \n\
                consequences of having waited. \n";
    let d = doc(text);
    let paragraphs: Vec<&str> =
        d.all_blocks().iter().filter(|b| b.kind == Paragraph).map(|b| &text[b.start..b.end]).collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
    assert!(paragraphs[1].starts_with("At a time") && paragraphs[1].ends_with("we are here."));
    let furniture: Vec<&str> =
        d.all_blocks().iter().filter(|b| b.kind == Furniture).map(|b| &text[b.start..b.end]).collect();
    assert_eq!(furniture, ["13 08-51570"]);
    // Only `peace-` / `keeping` joins; the compound and the capitalised part keep their hyphens.
    let p = d.all_blocks().into_iter().find(|b| b.kind == Paragraph && b.number == Some(2)).unwrap();
    let hyphens: Vec<&str> = p.soft_hyphens.iter().map(|&h| &text[h - 5..h + 1]).collect();
    assert_eq!(hyphens, ["peace-"]);
}

#[test]
fn wrapped_lines_without_marks_break_at_sentence_ends() {
    let text = "The President: The Security Council will now\nbegin its consideration of the item on its agenda.\n\
                Members of the Council have before them document\nS/2020/27, which contains the text of a draft resolution\n\
                submitted by the United Kingdom of Great Britain and\nNorthern Ireland.\nI wish to draw the attention of\n\
                Council members to document S/2019/823.\nThe Council is ready to proceed to the vote on the\ndraft resolution.";
    let d = doc(text);
    let firsts: Vec<&str> = d
        .all_blocks()
        .iter()
        .filter(|b| b.kind == Paragraph)
        .map(|b| text[b.start..b.end].lines().next().unwrap_or(""))
        .collect();
    assert_eq!(
        firsts,
        [
            "The Security Council will now",
            "Members of the Council have before them document",
            "I wish to draw the attention of",
            "The Council is ready to proceed to the vote on the"
        ]
    );
}

#[test]
fn blank_lines_and_lowercase_continuations() {
    // One paragraph per line; a wrapped line going on in lowercase joins, across a blank line too.
    let text = "To prevent such a war, institutions were created. Yet those institutions\n \nfailed to act.\n\
                We must have a clear vision of what we want to build\ninstead. Otherwise we will fail.\nSo far we have been quiet.";
    let d = doc(text);
    let paragraphs: Vec<(BlockKind, &str)> = blocks(text, &d).into_iter().filter(|(k, _)| *k == Paragraph).collect();
    assert_eq!(
        paragraphs,
        [
            (Paragraph, "To prevent such a war, institutions were created. Yet those institutions\n \nfailed to act."),
            (Paragraph, "We must have a clear vision of what we want to build\ninstead. Otherwise we will fail."),
            (Paragraph, "So far we have been quiet."),
        ]
    );
}

#[test]
fn salutations_and_closings() {
    // (line, kind it gets between two paragraphs or at the end)
    let cases: &[(&str, BlockKind)] = &[
        ("Mr. President,", Salutation),
        ("Madam President,", Salutation),
        ("Mr. Chair,", Salutation),
        ("Excellencies, ladies and gentlemen,", Salutation),
        ("Mr. Secretary-General,", Salutation),
        ("Monsieur le Président,", Salutation),
        ("Señor Presidente,", Salutation),
        ("Mr. President, I thank you for convening us.", Paragraph),
    ];
    for &(line, kind) in cases {
        let text = format!("We support the draft.\n{line}\nWe will vote for it.");
        let d = doc(&text);
        assert_eq!(blocks(&text, &d)[1], (kind, line), "{line:?}");
    }
    let closings = [
        "I thank you, Mr. President.",
        "Thank you.",
        "Thank you, Mr. President.",
        "Je vous remercie.",
        "Muchas gracias.",
    ];
    for line in closings {
        let text = format!("Mr. President,\nWe support the draft.\n{line}\n");
        let d = doc(&text);
        assert_eq!(blocks(&text, &d).last(), Some(&(Closing, line)), "{line:?}");
    }
    // Thanks that are not last are a paragraph; the closing is the last one.
    let text = "Thank you.\nWe support the draft, thank you.\nWe will vote for it.\nThank you.";
    let kinds: Vec<BlockKind> = blocks(text, &doc(text)).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, [Salutation, Paragraph, Paragraph, Closing]);
}

#[test]
fn sentences_inside_paragraphs() {
    let cases: &[(&str, &[&str])] = &[
        (
            "H.E. Mr. Koro Bessho met Dr. Smith. The U.N. and the U.S. agreed.",
            &["H.E. Mr. Koro Bessho met Dr. Smith.", "The U.N. and the U.S. agreed."],
        ),
        (
            "The meeting was called to order at 10.20 a.m. and rose at 10.25 a.m. Next came the vote.",
            &["The meeting was called to order at 10.20 a.m. and rose at 10.25 a.m. Next came the vote."],
        ),
        (
            "The meeting rose at 10.25 a.m. The agenda was adopted.",
            &["The meeting rose at 10.25 a.m.", "The agenda was adopted."],
        ),
        ("See S/PV.8701 and A/71/PV.10. Both matter.", &["See S/PV.8701 and A/71/PV.10.", "Both matter."]),
        (
            "Resolution No. 5, e.g. Art. 2, i.e. the rule, etc. We agree!",
            &["Resolution No. 5, e.g. Art. 2, i.e. the rule, etc.", "We agree!"],
        ),
        ("“Is it so?” she asked. “Yes.” 2020 was hard.", &["“Is it so?” she asked.", "“Yes.”", "2020 was hard."]),
    ];
    for (text, want) in cases {
        let d = doc(text);
        let p = d.all_blocks().into_iter().find(|b| b.kind == Paragraph).expect("a paragraph");
        let got: Vec<&str> = p.sentences.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(&got, want, "{text:?}");
    }
    let off = parse("One. Two.", &Options { sentences: false, ..Options::default() });
    assert!(off.all_blocks().iter().all(|b| b.sentences.is_empty()));
}

#[test]
fn dates_as_statements_write_them() {
    let cases: &[(&str, Option<&str>)] = &[
        ("7 November 2016", Some("2016-11-07")),
        ("26 SEPTEMBER 2012", Some("2012-09-26")),
        ("Monday, 13 January 2020", Some("2020-01-13")),
        ("13/01/2020", Some("2020-01-13")),
        ("2012-09-26", Some("2012-09-26")),
        ("November 7, 2016", Some("2016-11-07")),
        ("onsdagen den 18 januari 2017", Some("2017-01-18")),
        ("14 septembre 2015", Some("2015-09-14")),
        ("12 de noviembre de 2014", Some("2014-11-12")),
        ("3 AOÛT 2019", Some("2019-08-03")),
        ("30 February 2019", None),
        ("on Monday", None),
    ];
    for &(s, iso) in cases {
        assert_eq!(parse_date(s).as_deref(), iso, "{s:?}");
    }
    let text = "Letter dated 14 October 2019 (S/2019/823), read on Monday, 13 January 2020, 10 a.m.";
    let dates = find_dates(text);
    let found: Vec<(&str, &str)> = dates.iter().map(|(sp, iso)| (&text[sp.start..sp.end], iso.as_str())).collect();
    assert_eq!(found, [("14 October 2019", "2019-10-14"), ("Monday, 13 January 2020", "2020-01-13")]);
}

/// Inputs that must not break the parser: spans stay inside the text and on char boundaries.
#[test]
fn odd_inputs_never_panic() {
    let long_line = "Mr. President, peace-keeping. ".repeat(20_000);
    let inputs = [
        "",
        " ",
        "\n\n\n",
        "\r",
        "a\rb\rc",
        "\0\0\0",
        "\u{FEFF}Mr. President,\r\nThank you.",
        "Mr. (",
        "Mr. Bessho (Japan",
        "The President (spoke in",
        "---\n---",
        "---\ndate: \"x\"\n",
        "S/PV.1 1st meeting President: Mr. (",
        "\u{c}\u{8}\u{c}",
        "‑\n‑\n-\n-",
        "é-\né",
        "🇯🇵 Japan welcomes 🇯🇵.\n🇯🇵",
        "Statement by , , ,\nAt the \nOn \n",
        long_line.as_str(),
    ];
    for text in inputs {
        let d = doc(text);
        for b in d.all_blocks() {
            assert!(b.start <= b.end && b.end <= text.len(), "{text:?}: {b:?}");
            assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end), "{text:?}: {b:?}");
        }
    }
}

#[test]
fn big_inputs_stay_linear() {
    let paragraph = "Japan supports the report of the Secretary-General (S/2019/823). Mr. President, we agree.\n";
    let small = paragraph.repeat(10_000);
    let big = paragraph.repeat(40_000);
    let time = |t: &str| {
        let start = std::time::Instant::now();
        let d = doc(t);
        (start.elapsed(), d.all_blocks().len())
    };
    let _ = time("warm up");
    let (ts, ns) = time(&small);
    let (tb, nb) = time(&big);
    assert_eq!(nb, 4 * ns);
    // Four times the text in well under sixteen times the time (quadratic would be sixteen).
    assert!(tb.as_secs_f64() < 8.0 * ts.as_secs_f64() + 0.05, "{ts:?} for 1 MB, {tb:?} for 4 MB");
}

/// An all-caps header made only of honorifics (`H.E. MR.`) once sent the title-casing of names
/// into endless recursion.
#[test]
fn regression_all_caps_header_of_honorifics_only() {
    let text = "STATEMENT BY H.E. MR.\nMr. President,\nWe agree.";
    let d = doc(text);
    assert_eq!(d.statements[0].speaker.honorific.as_deref(), Some("H.E."));
    assert_eq!(d.statements[0].speaker.name, None);
}

/// A cover page whose `President:` line runs into multi-byte text once sliced inside a character.
#[test]
fn regression_cover_president_cut_inside_a_character() {
    let text = format!("S/PV.1\n1st meeting\nPresident: Mr. X {}\u{200d}(Viet Nam)", "é".repeat(150));
    let d = doc(&text);
    assert_eq!(d.meeting.and_then(|m| m.symbol).as_deref(), Some("S/PV.1"));
}

/// Procedure written inside a line (`data/procedural.txt`: `… took the Chair`) in a record.
#[test]
fn procedure_written_inside_a_line() {
    let text = "Mr. Bessho (Japan): I thank you.\n\nMr. Dang (Viet Nam), Vice-President, took the Chair.\n\n\
                The President: We continue.\n";
    let got = blocks(text, &doc(text));
    assert!(got.contains(&(Procedural, "Mr. Dang (Viet Nam), Vice-President, took the Chair.")), "{got:?}");
}
