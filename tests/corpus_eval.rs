//! Entity recognition measured against the gold annotations of `../shared/corpus/dev`
//! (or `$STATEMENT_VIEWER_CORPUS/dev`): prints precision, recall and F1 per kind and fails below
//! a micro-F1 of 0.90.

use std::path::PathBuf;

fn corpus() -> PathBuf {
    std::env::var_os("STATEMENT_VIEWER_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"))
}

#[test]
fn entity_f1_on_the_gold_corpus() {
    let dev = corpus().join("dev");
    if !dev.is_dir() {
        eprintln!("no corpus at {}: skipped (set STATEMENT_VIEWER_CORPUS)", dev.display());
        return;
    }
    let report = statement_viewer::eval::evaluate_dir(&dev).expect("corpus readable");
    println!("{}", report.to_text(true));
    assert!(report.files >= 5, "expected the dev gold files, found {}", report.files);
    let f1 = report.overall.f1();
    assert!(f1 >= 0.90, "micro-F1 {f1:.3} is below 0.90\n{}", report.to_text(true));
}
