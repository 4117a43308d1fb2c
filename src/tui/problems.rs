//! What the problems overlay lists: every file that did not load or
//! loaded repaired, files skipped for their extension, and the reading
//! state's problems. Plain lines, so the update can page through them
//! without the drawing code.

use crate::corpus::Severity;

use super::app::App;
use super::text::count;

/// The overlay's lines: (text, drawn as a heading).
pub fn lines(app: &App) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let skipped = app
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Skipped)
        .count();
    // Articles, not lines: one article may have several repairs.
    let articles_with = |severity: Severity| {
        let mut paths: Vec<&str> = app
            .problems
            .iter()
            .filter(|p| p.severity == severity)
            .map(|p| p.path.as_str())
            .collect();
        paths.dedup();
        paths.len()
    };
    let repaired = articles_with(Severity::Repaired);
    let noted = articles_with(Severity::Noted);
    let mut summary = format!(
        "{} loaded · {skipped} not loaded · {repaired} repaired",
        count(app.articles.len(), "article")
    );
    if noted > 0 {
        summary.push_str(&format!(" · {noted} with notes"));
    }
    out.push((summary, true));
    if app.skipped_files > 0 {
        out.push((
            format!(
                "{} in directories skipped for their extension",
                count(app.skipped_files, "file")
            ),
            true,
        ));
    }
    if app.problems.is_empty() {
        out.push(("Every file loaded cleanly.".to_string(), false));
    }
    // Grouped by file, in the order files were reported.
    let mut last_path: Option<&str> = None;
    for p in &app.problems {
        if last_path != Some(p.path.as_str()) {
            out.push((String::new(), false));
            out.push((p.path.clone(), true));
            last_path = Some(&p.path);
        }
        let tag = match p.severity {
            Severity::Skipped => "not loaded",
            Severity::Repaired => "repaired",
            Severity::Noted => "note",
        };
        out.push((format!("  {tag}: {}", p.problem), false));
    }
    // Problems with the files saidso keeps: the file, then one clause a
    // line.
    for w in &app.reading.warnings {
        out.push((String::new(), false));
        out.push((w.path.display().to_string(), true));
        for (i, clause) in w.problem.split("; ").enumerate() {
            let lead = if i == 0 {
                format!("  {}: ", w.topic)
            } else {
                "    ".into()
            };
            out.push((format!("{lead}{clause}"), false));
        }
    }
    out
}

/// Lines in the overlay, for scrolling.
pub fn line_count(app: &App) -> usize {
    lines(app).len()
}
