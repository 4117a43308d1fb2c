//! Pairing classified marks into quotation spans, one paragraph at a time.
//!
//! Only outermost quotations become spans: a quotation nested inside
//! another (‘Yes, sir,’ inside Lavrov's words) belongs to it. A mark left
//! open at the end of a paragraph does not swallow the rest of the article:
//! the span stops at the paragraph end, and news convention (a quotation
//! that runs over paragraphs reopens each one and closes only at the end)
//! is settled by the caller, which sees consecutive paragraphs.

use std::ops::Range;

use super::marks::{Family, Mark, Side};

/// A quotation span in one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The opening mark.
    pub open: Range<usize>,
    /// The closing mark; `None` when the paragraph ended first.
    pub close: Option<Range<usize>>,
    /// The words between the marks, trimmed of surrounding space.
    pub inner: Range<usize>,
    pub family: Family,
}

impl Span {
    /// The whole span, marks included.
    pub fn outer(&self) -> Range<usize> {
        self.open.start..self.close.as_ref().map_or(self.inner.end, |c| c.end)
    }
}

/// An open mark on the pairing stack.
#[derive(Debug, Clone)]
struct Opened {
    mark: Range<usize>,
    family: Family,
    /// A single mark that may yet turn out to be an apostrophe.
    tentative: bool,
    /// A straight double mark opening the paragraph: a quoted block, whose
    /// curly marks are quotations inside it ("PENCE: … an episode of
    /// “Shark Tank.” …), not a sign that it was left open.
    block: bool,
}

/// Pair the marks of one paragraph (`para` is its byte range in `text`)
/// into outermost spans, appended to `out` in order.
pub fn pair(text: &str, para: Range<usize>, marks: &[Mark], out: &mut Vec<Span>) {
    let mut stack: Vec<Opened> = Vec::new();
    for m in marks {
        match (m.family, m.side) {
            (_, Side::Apostrophe) => {}
            (Family::Double, Side::Either) => {
                if stack.iter().any(|o| o.family == Family::Double) {
                    close(text, &mut stack, m, Family::Double, out);
                } else {
                    open(text, para.start, &mut stack, m, false, out);
                }
            }
            (Family::Double, Side::Open | Side::OpenOrApostrophe) => {
                open(text, para.start, &mut stack, m, false, out)
            }
            (Family::Double, Side::Close | Side::CloseOrApostrophe) => {
                close(text, &mut stack, m, Family::Double, out)
            }
            (Family::Single, Side::Open) => open(text, para.start, &mut stack, m, false, out),
            (Family::Single, Side::OpenOrApostrophe | Side::Either) => {
                open(text, para.start, &mut stack, m, true, out)
            }
            (Family::Single, Side::Close | Side::CloseOrApostrophe) => {
                close(text, &mut stack, m, Family::Single, out)
            }
        }
    }
    // Whatever is still open ends with the paragraph. Tentative single
    // marks at the bottom were apostrophes; an outer single quotation left
    // open is kept only as a candidate that the caller confirms when the
    // next paragraph reopens it.
    if let Some(first) = stack.iter().find(|o| !o.tentative) {
        let inner = trim(text, first.mark.end..para.end);
        if has_words(&text[inner.clone()]) {
            out.push(Span {
                open: first.mark.clone(),
                close: None,
                inner,
                family: first.family,
            });
        }
    }
}

/// Push an opening mark. A double mark opening while another double is
/// open means the earlier one was never closed (sloppy copy): it ends here,
/// unless the open one is a quoted block and the new mark a curly one.
fn open(
    text: &str,
    para_start: usize,
    stack: &mut Vec<Opened>,
    m: &Mark,
    tentative: bool,
    out: &mut Vec<Span>,
) {
    let straight = &text[m.range.clone()] == "\"";
    if m.family == Family::Double
        && let Some(p) = stack.iter().rposition(|o| o.family == Family::Double)
        && (straight || !stack[p].block)
    {
        if is_outer(stack, p) {
            let o = &stack[p];
            let inner = trim(text, o.mark.end..m.range.start);
            if has_words(&text[inner.clone()]) {
                out.push(Span {
                    open: o.mark.clone(),
                    close: None,
                    inner,
                    family: o.family,
                });
            }
            stack.clear();
        } else {
            stack.truncate(p);
        }
    }
    let block = straight && text[para_start..m.range.start].trim().is_empty();
    stack.push(Opened {
        mark: m.range.clone(),
        family: m.family,
        tentative,
        block,
    });
}

/// Close the innermost open mark of `family`; emit a span when it was the
/// outermost one. A closing mark with nothing to close is ignored (for
/// single marks: an apostrophe after a plural).
fn close(text: &str, stack: &mut Vec<Opened>, m: &Mark, family: Family, out: &mut Vec<Span>) {
    // A single mark closes only a single quotation opened inside the
    // innermost double one, never one outside it.
    let found = stack.iter().rposition(|o| o.family == family);
    let Some(p) = found else { return };
    if family == Family::Single && stack[p + 1..].iter().any(|o| o.family == Family::Double) {
        return;
    }
    if is_outer(stack, p) {
        let o = &stack[p];
        let inner = trim(text, o.mark.end..m.range.start);
        if has_words(&text[inner.clone()]) {
            out.push(Span {
                open: o.mark.clone(),
                close: Some(m.range.clone()),
                inner,
                family,
            });
        }
        stack.clear();
    } else {
        stack.truncate(p);
    }
}

/// An entry is outermost when everything below it is a tentative single
/// mark (an apostrophe that happened to look like an opening mark).
fn is_outer(stack: &[Opened], p: usize) -> bool {
    stack[..p].iter().all(|o| o.tentative)
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// A quotation holds at least one letter or digit.
fn has_words(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::super::marks::classify;
    use super::*;

    fn spans(text: &str) -> Vec<(String, bool)> {
        let mut marks = Vec::new();
        classify(text, 0..text.len(), &mut marks);
        let mut out = Vec::new();
        pair(text, 0..text.len(), &marks, &mut out);
        out.into_iter()
            .map(|s| (text[s.inner].to_string(), s.close.is_some()))
            .collect()
    }

    fn closed(texts: &[&str]) -> Vec<(String, bool)> {
        texts.iter().map(|t| (t.to_string(), true)).collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        assert_eq!(
            spans("“Yes,” he said. \"No,\" she said."),
            closed(&["Yes,", "No,"])
        );
    }

    #[test]
    fn mixed_pairs_close_each_other() {
        assert_eq!(
            spans("Lavrov said “grateful to friends.\" Then"),
            closed(&["grateful to friends."])
        );
    }

    #[test]
    fn nested_quotations_belong_to_the_outer_one() {
        assert_eq!(
            spans("“they say ‘Yes, sir,’” he said."),
            closed(&["they say ‘Yes, sir,’"])
        );
        assert_eq!(
            spans("\"they say 'Yes, sir,'\" he said."),
            closed(&["they say 'Yes, sir,'"])
        );
    }

    #[test]
    fn apostrophes_do_not_open_quotations() {
        assert_eq!(
            spans("Lavrov's view: the students' union said “no.”"),
            closed(&["no."])
        );
        assert_eq!(spans("In the '90s, rock 'n' roll"), closed(&[]));
    }

    #[test]
    fn single_quotation_marks_make_spans() {
        assert_eq!(
            spans("Russia says ties will ‘get stronger’"),
            closed(&["get stronger"])
        );
        assert_eq!(
            spans("the so-called 'no limits' partnership"),
            closed(&["no limits"])
        );
    }

    #[test]
    fn an_unclosed_mark_stops_at_the_paragraph_end() {
        assert_eq!(
            spans("He said: “We will go on. And on."),
            vec![("We will go on. And on.".to_string(), false)]
        );
    }

    #[test]
    fn a_second_opening_mark_ends_an_unclosed_one() {
        let s = spans("“First part, he said. “Second,” she said.");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], ("First part, he said.".to_string(), false));
        assert_eq!(s[1], ("Second,".to_string(), true));
    }

    #[test]
    fn curly_marks_nest_inside_a_straight_quoted_block() {
        let s = spans("\"HOST: You called it “a circus” on air. Why?");
        assert_eq!(
            s,
            vec![(
                "HOST: You called it “a circus” on air. Why?".to_string(),
                false
            )]
        );
        assert_eq!(
            spans("\"It reads “stop here,” so we stopped.\" Lee said."),
            closed(&["It reads “stop here,” so we stopped."])
        );
    }

    #[test]
    fn empty_and_mark_only_quotations_are_dropped() {
        assert_eq!(spans("“” \"\" ‘’ “ , ”"), closed(&[]));
    }
}
