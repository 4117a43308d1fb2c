//! Lines of a stream read one at a time, each at most a set length: a
//! streamed load holds one line of JSON Lines, never the whole input, and
//! a line with no end in sight (a binary file, a runaway writer) costs
//! the limit, not all of memory.

use std::io::{self, BufRead};

/// One line read: its number (from 1) and its text without the line end
/// (`\n` or `\r\n`), invalid UTF-8 as U+FFFD; or, for a line over the
/// limit, only how long it was (its bytes are read past, not kept).
#[derive(Debug, PartialEq, Eq)]
pub struct Line {
    pub number: usize,
    pub text: Result<String, TooLong>,
}

/// A line longer than the limit, in bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLong(pub u64);

/// The lines of `input`, each at most `limit` bytes.
pub struct Lines<R> {
    input: R,
    limit: usize,
    number: usize,
}

impl<R: BufRead> Lines<R> {
    pub fn new(input: R, limit: usize) -> Self {
        Lines {
            input,
            limit,
            number: 0,
        }
    }

    /// The next line; None at the end of the input.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut bytes = Vec::new();
        let mut length: u64 = 0;
        let mut ended = false;
        // Past the limit: the rest of the line is counted, not kept.
        let mut over = false;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            let (take, found) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            length += take as u64;
            // Room for the line end past the limit: it is not the line's.
            if !over && bytes.len() + take <= self.limit + 2 {
                bytes.extend_from_slice(&buf[..take]);
            } else {
                over = true;
                bytes = Vec::new();
            }
            self.input.consume(take);
            if found {
                ended = true;
                break;
            }
        }
        if length == 0 && !ended {
            return Ok(None);
        }
        self.number += 1;
        if ended {
            length -= 1;
            bytes.pop();
            if bytes.ends_with(b"\r") {
                bytes.pop();
                length -= 1;
            }
        }
        let text = if over || length > self.limit as u64 {
            Err(TooLong(length))
        } else {
            Ok(match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            })
        };
        Ok(Some(Line {
            number: self.number,
            text,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(input: &[u8], limit: usize) -> Vec<Line> {
        let mut lines = Lines::new(io::BufReader::with_capacity(4, input), limit);
        std::iter::from_fn(|| lines.next_line().unwrap()).collect()
    }

    fn ok(number: usize, text: &str) -> Line {
        Line {
            number,
            text: Ok(text.to_string()),
        }
    }

    #[test]
    fn line_ends_go_and_the_last_line_needs_none() {
        assert_eq!(
            all(b"one\r\ntwo\n\nthree", 100),
            [ok(1, "one"), ok(2, "two"), ok(3, ""), ok(4, "three")]
        );
        assert_eq!(all(b"", 100), []);
        assert_eq!(all(b"\n", 100), [ok(1, "")]);
    }

    #[test]
    fn a_line_over_the_limit_is_measured_not_kept_and_the_next_is_read() {
        let mut input = vec![b'x'; 50];
        input.extend_from_slice(b"\nshort\n");
        assert_eq!(
            all(&input, 10),
            [
                Line {
                    number: 1,
                    text: Err(TooLong(50))
                },
                ok(2, "short")
            ]
        );
        // Exactly the limit is fine, with or without \r\n.
        assert_eq!(all(b"0123456789\r\n", 10), [ok(1, "0123456789")]);
    }

    #[test]
    fn invalid_utf8_is_replaced_not_refused() {
        assert_eq!(all(b"a\xffb\n", 10), [ok(1, "a\u{fffd}b")]);
    }
}
