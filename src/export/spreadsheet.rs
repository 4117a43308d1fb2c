//! CSV cells that are safe to open in a spreadsheet.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a
//! formula (and some treat a leading tab or carriage return the same way),
//! so a scraped article saying `=HYPERLINK(…)` could run when a user opens
//! the export. Such cells get a leading `'`, which spreadsheets read as
//! "this is text" and do not show. The cost: a program reading the CSV
//! sees the `'`, e.g. in a quotation that starts with a dash.

use std::borrow::Cow;

/// First characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '\t', '\r'];

/// `cell`, with a `'` in front when it would start a formula.
pub fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_the_rest_is_untouched() {
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(guard("+1"), "'+1");
        assert_eq!(guard("-2 degrees"), "'-2 degrees");
        assert_eq!(guard("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard("\tx"), "'\tx");
        assert_eq!(guard("Sergei Lavrov"), "Sergei Lavrov");
        assert_eq!(guard("a=b"), "a=b");
        assert_eq!(guard(""), "");
        assert!(matches!(guard("12"), Cow::Borrowed(_)));
    }
}
