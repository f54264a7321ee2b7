//! Times in the ledger: Unix seconds (UTC), written as RFC 3339, read from dates a person
//! types (`2024-05-01`, `2024-05-01T09:00:00+09:00`, `30d`).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds in a day.
pub const DAY: i64 = 86_400;

/// The current time in Unix seconds.
pub fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a count of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `2024-05-01T09:30:00Z`.
pub fn format_rfc3339(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(DAY));
    let s = secs.rem_euclid(DAY);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `2024-05-01` (UTC).
pub fn format_date(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(DAY));
    format!("{y:04}-{m:02}-{d:02}")
}

/// A date or time that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a date: write 2024-05-01, 2024-05-01T09:00:00Z, 2024-05-01T09:00:00+09:00, or 30d (30 days ago)"
)]
pub struct BadTime(pub String);

fn number(s: &str, digits: usize) -> Option<i64> {
    (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Reads a date a person typed: `YYYY-MM-DD` (midnight UTC), `YYYY-MM-DDTHH:MM[:SS]` with
/// `Z` or an offset (`+09:00`), or `Nd` for N days before `now`.
pub fn parse_when(text: &str, now: i64) -> Result<i64, BadTime> {
    let bad = || BadTime(text.to_string());
    let t = text.trim();
    if let Some(n) = t.strip_suffix('d').and_then(|n| n.parse::<i64>().ok()) {
        return Ok(now - n * DAY);
    }
    let (date, rest) = t.split_at(t.len().min(10));
    let mut parts = date.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let (y, m, d) = (
        number(y, 4).ok_or_else(bad)?,
        number(m, 2).ok_or_else(bad)?,
        number(d, 2).ok_or_else(bad)?,
    );
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(bad());
    }
    let day = days_from_civil(y, m, d) * DAY;
    if rest.is_empty() {
        return Ok(day);
    }
    let rest = rest
        .strip_prefix(['T', 't', ' '])
        .ok_or_else(bad)?
        .to_ascii_uppercase();
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
        (c.to_string(), 0)
    } else if let Some(i) = rest.rfind(['+', '-']) {
        let (c, o) = rest.split_at(i);
        let sign = if o.starts_with('-') { -1 } else { 1 };
        let (oh, om) = o[1..].split_once(':').ok_or_else(bad)?;
        let off = number(oh, 2).ok_or_else(bad)? * 3600 + number(om, 2).ok_or_else(bad)? * 60;
        (c.to_string(), sign * off)
    } else {
        (rest.clone(), 0)
    };
    let mut hms = clock.split(':');
    let h = number(hms.next().unwrap_or(""), 2).ok_or_else(bad)?;
    let mi = number(hms.next().unwrap_or(""), 2).ok_or_else(bad)?;
    let s = match hms.next() {
        Some(s) => number(s, 2).ok_or_else(bad)?,
        None => 0,
    };
    if hms.next().is_some() || h > 23 || mi > 59 || s > 60 {
        return Err(bad());
    }
    Ok(day + h * 3600 + mi * 60 + s - offset)
}

/// Reads the `Date:` of a message (RFC 5322), when it can be read.
pub fn parse_mail_date(text: &str) -> Option<i64> {
    // `dateparse` answers 0 for text with no day, month and year in it.
    mailparse::dateparse(text).ok().filter(|&t| t > 0)
}

/// Serializes Unix seconds as RFC 3339 (`#[serde(serialize_with = ...)]`).
pub fn serialize<S: serde::Serializer>(secs: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format_rfc3339(*secs))
}

/// Serializes optional Unix seconds as RFC 3339 or null.
pub fn serialize_opt<S: serde::Serializer>(secs: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match secs {
        Some(v) => s.serialize_str(&format_rfc3339(*v)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_the_calendar() {
        assert_eq!(format_rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_rfc3339(1_714_555_800), "2024-05-01T09:30:00Z");
        for days in [-800_000, -1, 0, 59, 365 * 30, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn reads_what_people_type() {
        let now = 1_714_555_800;
        assert_eq!(parse_when("2024-05-01", now), Ok(1_714_521_600));
        assert_eq!(parse_when("2024-05-01T09:30:00Z", now), Ok(now));
        assert_eq!(parse_when("2024-05-01T18:30:00+09:00", now), Ok(now));
        assert_eq!(parse_when("2024-05-01 09:30", now), Ok(now));
        assert_eq!(parse_when("30d", now), Ok(now - 30 * DAY));
        assert!(parse_when("yesterday", now).is_err());
        assert!(parse_when("2024-13-01", now).is_err());
        assert!(parse_when("2024-05-01T25:00Z", now).is_err());
    }

    #[test]
    fn reads_mail_dates() {
        assert_eq!(
            parse_mail_date("Wed, 1 May 2024 18:30:00 +0900"),
            Some(1_714_555_800)
        );
        assert_eq!(parse_mail_date("not a date"), None);
    }
}
