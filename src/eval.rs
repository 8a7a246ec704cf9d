//! Evaluation against gold annotations (`NAME.gold.json` beside `NAME.txt`): precision, recall
//! and F1 per kind and overall, exact span and kind, offsets in Unicode scalar values.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::EntityKind;
use crate::span::{OffsetMap, Unit};

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub entities: Vec<GoldEntity>,
    pub structure: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoldEntity {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub text: String,
}

/// Counts for one kind (or overall).
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A miss or a false hit, for the report.
#[derive(Clone, Debug)]
pub struct Diff {
    pub file: String,
    pub missed: bool,
    pub entity: GoldEntity,
}

#[derive(Debug, Default)]
pub struct Report {
    pub per_kind: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub diffs: Vec<Diff>,
    pub files: usize,
}

/// The predicted entities of `text`, as gold-style records (char offsets).
pub fn predict(text: &str) -> Vec<GoldEntity> {
    let doc = crate::annotate(text);
    let map = OffsetMap::new(text, Unit::Char);
    doc.entities
        .iter()
        .map(|e| GoldEntity {
            start: map.convert(e.start),
            end: map.convert(e.end),
            kind: e.kind.as_str().to_string(),
            text: e.text.clone(),
        })
        .collect()
}

/// The `.gold.json` files of `dir` (not recursive), sorted.
pub fn gold_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    v.sort();
    Ok(v)
}

/// Evaluates every gold file of `dir` whose text is beside it.
pub fn evaluate_dir(dir: &Path) -> Result<Report, String> {
    let mut report = Report::default();
    for kind in EntityKind::ALL {
        report.per_kind.insert(kind.as_str().to_string(), Counts::default());
    }
    for gold_path in gold_files(dir).map_err(|e| format!("{}: {e}", dir.display()))? {
        let txt_path = PathBuf::from(gold_path.to_string_lossy().replace(".gold.json", ".txt"));
        let text = std::fs::read_to_string(&txt_path).map_err(|e| format!("{}: {e}", txt_path.display()))?;
        let gold: Gold = serde_json::from_str(
            &std::fs::read_to_string(&gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?,
        )
        .map_err(|e| format!("{}: {e}", gold_path.display()))?;
        let name = txt_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        compare(&name, &gold.entities, &predict(&text), &mut report);
        report.files += 1;
    }
    Ok(report)
}

fn compare(file: &str, gold: &[GoldEntity], pred: &[GoldEntity], report: &mut Report) {
    let key = |e: &GoldEntity| (e.start, e.end, e.kind.clone());
    let gold_keys: std::collections::HashSet<_> = gold.iter().map(key).collect();
    let pred_keys: std::collections::HashSet<_> = pred.iter().map(key).collect();
    for g in gold {
        let c = report.per_kind.entry(g.kind.clone()).or_default();
        if pred_keys.contains(&key(g)) {
            c.tp += 1;
            report.overall.tp += 1;
        } else {
            c.fn_ += 1;
            report.overall.fn_ += 1;
            report.diffs.push(Diff { file: file.to_string(), missed: true, entity: g.clone() });
        }
    }
    for p in pred {
        if !gold_keys.contains(&key(p)) {
            report.per_kind.entry(p.kind.clone()).or_default().fp += 1;
            report.overall.fp += 1;
            report.diffs.push(Diff { file: file.to_string(), missed: false, entity: p.clone() });
        }
    }
}

impl Report {
    /// The table and the list of misses and false hits, as text.
    pub fn to_text(&self, with_diffs: bool) -> String {
        let mut s = format!("{:<14} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6}\n", "kind", "tp", "fp", "fn", "P", "R", "F1");
        let row = |name: &str, c: &Counts| {
            format!(
                "{:<14} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}\n",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for (k, c) in &self.per_kind {
            s += &row(k, c);
        }
        s += &row("overall (micro)", &self.overall);
        s += &format!("{} files\n", self.files);
        if with_diffs {
            for d in &self.diffs {
                s += &format!(
                    "{} {:<13} {:<12} {:?} @{}\n",
                    if d.missed { "MISS " } else { "FALSE" },
                    d.file.chars().take(13).collect::<String>(),
                    d.entity.kind,
                    d.entity.text,
                    d.entity.start
                );
            }
        }
        s
    }
}
