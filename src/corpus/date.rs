//! Publication dates as news sources write them, made one thing: a day,
//! and the instant when the source gives a time with its zone. Feeds
//! write RFC 2822, pages and APIs RFC 3339, archives unix seconds or
//! GDELT's `20230918T031500Z`, database exports "January 11, 2010 Monday";
//! each has a row in [`DAY_FORMATS`] or a parser of its own below.

use jiff::civil::{Date, DateTime};
use jiff::fmt::strtime;
use jiff::{Timestamp, ZonedDateTime as Zoned};

/// A publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct NewsDate {
    /// The day, as the source has it (in its own zone).
    pub day: Date,
    /// The instant, when the source gives a time and a zone (or UTC).
    pub at: Option<Timestamp>,
}

impl NewsDate {
    /// ISO 8601: `2024-07-15T20:24:59Z` with an instant, else `2024-07-15`.
    pub fn iso(&self) -> String {
        match self.at {
            Some(t) => t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
            None => self.day.to_string(),
        }
    }

    /// As the list shows it: `2024-07-15`.
    pub fn short(&self) -> String {
        self.day.to_string()
    }

    fn of_zoned(z: &Zoned) -> NewsDate {
        NewsDate {
            day: z.date(),
            at: Some(z.timestamp()),
        }
    }

    fn of_day(day: Date) -> NewsDate {
        NewsDate { day, at: None }
    }
}

/// Day formats with words, tried in order (strptime; month and weekday
/// names match in any case, full or abbreviated; a weekday must be the
/// date's own).
const DAY_FORMATS: &[&str] = &[
    // News databases append the weekday: "January 11, 2010 Monday".
    "%B %d, %Y %A",
    "%B %d, %Y, %A",
    "%B %d, %Y",
    "%b %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",
    "%a, %b %d, %Y",
    "%A, %d %B %Y",
    "%A %d %B %Y",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%d.%m.%Y",
];

/// Date-and-time formats without a zone (the day is kept, no instant).
const LOCAL_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y, %I:%M %p",
    "%b %d, %Y %I:%M %p",
    "%Y/%m/%d %H:%M:%S",
];

/// Formats with a zone or offset: an instant.
const ZONED_FORMATS: &[&str] = &[
    "%Y%m%dT%H%M%SZ",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S%z",
    "%a, %d %b %Y %H:%M %z",
    "%d %b %Y %H:%M:%S %z",
];

/// Years a news date can have: a number outside is not a date.
const YEARS: std::ops::RangeInclusive<i16> = 1800..=2200;

/// The date `raw` names, if it is one of the forms above.
pub fn parse(raw: &str) -> Option<NewsDate> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    let found = digits(s)
        .or_else(|| iso(s))
        .or_else(|| {
            jiff::fmt::rfc2822::parse(s)
                .ok()
                .map(|z| NewsDate::of_zoned(&z))
        })
        .or_else(|| with_zone(s))
        .or_else(|| local(s))
        .or_else(|| day(s));
    found.filter(|d| YEARS.contains(&d.day.year()))
}

/// Unix seconds (9–10 digits), milliseconds (12–13), or GDELT's
/// `YYYYMMDDhhmmss` (14) and `YYYYMMDD` (8).
fn digits(s: &str) -> Option<NewsDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let at = match s.len() {
        9 | 10 => Timestamp::from_second(n).ok()?,
        12 | 13 => Timestamp::from_millisecond(n).ok()?,
        14 => {
            let dt = strtime::parse("%Y%m%d%H%M%S", s).ok()?.to_datetime().ok()?;
            return dt
                .to_zoned_datetime(jiff::tz::TimeZone::UTC)
                .ok()
                .map(|z| NewsDate::of_zoned(&z));
        }
        8 => {
            return strtime::parse("%Y%m%d", s)
                .ok()?
                .to_date()
                .ok()
                .map(NewsDate::of_day);
        }
        _ => return None,
    };
    Some(NewsDate::of_zoned(
        &at.to_zoned_datetime(jiff::tz::TimeZone::UTC),
    ))
}

/// RFC 3339 and ISO 8601: with an offset or `Z` an instant, else a day.
fn iso(s: &str) -> Option<NewsDate> {
    if let Ok(z) = s.parse::<Zoned>() {
        return Some(NewsDate::of_zoned(&z));
    }
    if let Ok(t) = s.parse::<Timestamp>() {
        return Some(NewsDate::of_zoned(
            &t.to_zoned_datetime(jiff::tz::TimeZone::UTC),
        ));
    }
    if let Ok(dt) = s.parse::<DateTime>() {
        return Some(NewsDate::of_day(dt.date()));
    }
    s.parse::<Date>().ok().map(NewsDate::of_day)
}

fn with_zone(s: &str) -> Option<NewsDate> {
    ZONED_FORMATS.iter().find_map(|f| {
        let z = strtime::parse(f, s).ok()?;
        if let Ok(t) = z.to_timestamp() {
            return Some(NewsDate::of_zoned(
                &t.to_zoned_datetime(jiff::tz::TimeZone::UTC),
            ));
        }
        let dt = z.to_datetime().ok()?;
        dt.to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| NewsDate::of_zoned(&z))
    })
}

fn local(s: &str) -> Option<NewsDate> {
    LOCAL_FORMATS.iter().find_map(|f| {
        let dt = strtime::parse(f, s).ok()?.to_datetime().ok()?;
        Some(NewsDate::of_day(dt.date()))
    })
}

/// A day in words.
fn day(s: &str) -> Option<NewsDate> {
    DAY_FORMATS.iter().find_map(|f| {
        strtime::parse(f, s)
            .ok()?
            .to_date()
            .ok()
            .map(NewsDate::of_day)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso_of(raw: &str) -> Option<String> {
        parse(raw).map(|d| d.iso())
    }

    #[test]
    fn the_forms_news_sources_write() {
        let cases = [
            ("Mon, 15 Jul 2024 16:24:59 -0400", "2024-07-15T20:24:59Z"),
            ("Mon, 15 Jul 2024 16:24:59 GMT", "2024-07-15T16:24:59Z"),
            ("2024-07-15T16:24:59-04:00", "2024-07-15T20:24:59Z"),
            ("2024-07-15T16:24:59.123Z", "2024-07-15T16:24:59Z"),
            ("2024-07-15T16:24:59", "2024-07-15"),
            ("2024-07-15", "2024-07-15"),
            ("1721060699", "2024-07-15T16:24:59Z"),
            ("1721060699000", "2024-07-15T16:24:59Z"),
            ("20230918T031500Z", "2023-09-18T03:15:00Z"),
            ("20230918031500", "2023-09-18T03:15:00Z"),
            ("20230918", "2023-09-18"),
            ("January 11, 2010 Monday", "2010-01-11"),
            ("January 11, 2010", "2010-01-11"),
            ("Jan 11, 2010", "2010-01-11"),
            ("11 January 2010", "2010-01-11"),
            ("Monday, January 11, 2010", "2010-01-11"),
            ("2010/01/11", "2010-01-11"),
            ("March 19, 2022 3:05 PM", "2022-03-19"),
            ("2022-03-19 15:05:00", "2022-03-19"),
        ];
        for (raw, want) in cases {
            assert_eq!(iso_of(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn what_is_not_a_date_is_none() {
        for raw in [
            "",
            "yesterday",
            "Updated",
            "123",
            "99999999999999999999",
            "Page 2 of 10",
            "0000-01-01",
            "31 February 2020",
        ] {
            assert_eq!(iso_of(raw), None, "{raw}");
        }
    }
}
