//! The structure parser against the corpus gold (`dev/*.gold.json`, field `structure`).
//!
//! The corpus is `$STATEMENT_VIEWER_CORPUS`, else `<crate>/../shared/corpus`; without it these
//! tests print a notice and pass.
//!
//! How statements are compared: each gold speaker entry is one statement. The i-th gold speaker
//! is compared with the i-th parsed statement that has a speaker (a name, role or country); when
//! there is no such statement, its fields read as absent, so a gold entry whose fields are all
//! null matches "no speaker found". A statement passes when its speaker name, country and date
//! all equal the gold (null = absent). Countries are compared through the gazetteer's canonical
//! name, so `United States` equals `United States of America`. The gold date is the file's; it is
//! compared with the statement's date.
//!
//! A file passes the counts when its standalone salutation lines and body paragraphs (blocks of
//! kind `salutation` and `paragraph` anywhere in the document) equal the gold counts.
//!
//! The test fails unless ≥ 95% of statements and ≥ 90% of files pass.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use statement_viewer::entities::gazetteer::gazetteer;
use statement_viewer::structure::parse;
use statement_viewer::{BlockKind, Document, Options, Speaker};

fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("STATEMENT_VIEWER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    if dir.join("dev").is_dir() {
        Some(dir)
    } else {
        println!("corpus not found at {} (set STATEMENT_VIEWER_CORPUS): skipped", dir.display());
        None
    }
}

fn canonical_country(c: Option<&str>) -> Option<String> {
    c.map(|c| gazetteer().lookup(c).map_or_else(|| c.to_string(), |e| e.canonical.clone()))
}

fn field(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).map(str::to_string)
}

fn show(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_string())
}

fn has_speaker(s: &Speaker) -> bool {
    s.name.is_some() || s.role.is_some() || s.country.is_some()
}

fn count(doc: &Document, kind: BlockKind) -> usize {
    doc.all_blocks().iter().filter(|b| b.kind == kind).count()
}

#[test]
fn structure_matches_gold() {
    let Some(dir) = corpus() else { return };
    let mut files: Vec<PathBuf> = fs::read_dir(dir.join("dev"))
        .expect("dev folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    let (mut st_ok, mut st_all, mut f_ok, mut f_all) = (0, 0, 0, 0);
    // Role and language are reported, not required.
    let (mut role_ok, mut lang_ok) = (0, 0);
    println!(
        "{:<44} {:>2} {:<24} {:<24} {:<24} {:<24} {:<11} {:<11} {:>5} {:>5}  ok",
        "file",
        "#",
        "gold name",
        "found name",
        "gold country",
        "found country",
        "gold date",
        "found date",
        "sal",
        "par"
    );
    for gold_path in files {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&gold_path).expect("gold")).expect("gold json");
        let Some(st) = gold.get("structure").filter(|s| !s.is_null()) else { continue };
        let txt = gold_path.to_string_lossy().replace(".gold.json", ".txt");
        let text = fs::read_to_string(&txt).expect("text beside gold");
        let doc = parse(&text, &Options::default());
        let found: Vec<_> = doc.statements.iter().filter(|s| has_speaker(&s.speaker)).collect();
        let name = Path::new(&txt).file_stem().unwrap().to_string_lossy().chars().take(44).collect::<String>();
        let gold_date = field(st, "date");
        let (gs, gp) =
            (st["salutations"].as_u64().unwrap_or(0) as usize, st["paragraphs"].as_u64().unwrap_or(0) as usize);
        let (fs_, fp) = (count(&doc, BlockKind::Salutation), count(&doc, BlockKind::Paragraph));
        let counts_ok = gs == fs_ && gp == fp;
        f_all += 1;
        f_ok += counts_ok as usize;
        for (i, g) in st["speakers"].as_array().into_iter().flatten().enumerate() {
            let f = found.get(i);
            let (gname, fname) = (field(g, "name"), f.and_then(|s| s.speaker.name.clone()));
            let gcountry = canonical_country(field(g, "country").as_deref());
            let fcountry = canonical_country(f.and_then(|s| s.speaker.country.as_deref()));
            let fdate = f.and_then(|s| s.date.clone());
            let ok = gname == fname && gcountry == fcountry && gold_date == fdate;
            role_ok += (field(g, "role") == f.and_then(|s| s.speaker.role.clone())) as usize;
            lang_ok += (field(g, "language") == f.and_then(|s| s.language.clone())) as usize;
            st_all += 1;
            st_ok += ok as usize;
            println!(
                "{:<44} {:>2} {:<24} {:<24} {:<24} {:<24} {:<11} {:<11} {:>2}/{:<2} {:>2}/{:<2} {}{}",
                if i == 0 { name.as_str() } else { "" },
                i + 1,
                show(&gname),
                show(&fname),
                show(&gcountry),
                show(&fcountry),
                show(&gold_date),
                show(&fdate),
                gs,
                fs_,
                gp,
                fp,
                if ok { "✓" } else { "✗" },
                if counts_ok { "✓" } else { "✗" },
            );
        }
    }
    println!("statements: {st_ok}/{st_all} match; files: {f_ok}/{f_all} match the counts");
    println!("(not required) roles: {role_ok}/{st_all}; languages: {lang_ok}/{st_all}");
    assert!(st_all > 0, "no gold structure found");
    assert!(st_ok * 100 >= 95 * st_all, "speaker name, country and date: {st_ok}/{st_all} < 95%");
    assert!(f_ok * 100 >= 90 * f_all, "salutation and paragraph counts: {f_ok}/{f_all} < 90%");
}

/// Every corpus text parses into well-formed structure: spans inside the text and on character
/// boundaries, blocks inside their statement, paragraphs numbered 1, 2, 3 …
#[test]
fn every_corpus_text_is_well_formed() {
    let Some(dir) = corpus() else { return };
    for sub in ["seed", "dev", "extra"] {
        let Ok(entries) = fs::read_dir(dir.join(sub)) else { continue };
        for e in entries.flatten() {
            let p = e.path();
            if p.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = fs::read_to_string(&p).expect("text");
            let doc = parse(&text, &Options::default());
            let ok_span =
                |a: usize, b: usize| a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b);
            for b in doc.all_blocks() {
                assert!(ok_span(b.start, b.end), "{}: block {:?}", p.display(), b);
                for s in &b.sentences {
                    assert!(
                        ok_span(s.start, s.end) && b.start <= s.start && s.end <= b.end,
                        "{}: sentence {s:?}",
                        p.display()
                    );
                }
            }
            for st in &doc.statements {
                assert!(ok_span(st.start, st.end), "{}", p.display());
                let mut n = 0;
                for b in &st.blocks {
                    assert!(st.start <= b.start && b.end <= st.end, "{}: block outside its statement", p.display());
                    if b.kind == BlockKind::Paragraph {
                        n += 1;
                        assert_eq!(b.number, Some(n), "{}", p.display());
                    }
                }
            }
        }
    }
}
