//! Times as the logs write them, read into seconds since the Unix epoch (UTC), and written
//! back as RFC 3339.
//!
//! A time without a zone (a classic syslog line, Exim's default) is taken as UTC; a syslog
//! line has no year either, and takes the one the reader is given.

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01: (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

/// Seconds since the epoch of a UTC date and time of day.
pub fn epoch(year: i64, month: u32, day: u32, hour: u32, min: u32, sec: u32) -> i64 {
    days_from_civil(year, month, day) * 86_400
        + i64::from(hour) * 3600
        + i64::from(min) * 60
        + i64::from(sec)
}

/// The number of a month's English abbreviation (`Jan` is 1).
pub fn month(name: &[u8]) -> Option<u32> {
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    MONTHS
        .iter()
        .position(|m| m.as_slice() == name)
        .map(|i| i as u32 + 1)
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `HH:MM:SS` at the start of `b`.
pub fn clock(b: &[u8]) -> Option<(u32, u32, u32)> {
    if b.len() < 8 || b[2] != b':' || b[5] != b':' {
        return None;
    }
    let (h, m, s) = (digits(&b[0..2])?, digits(&b[3..5])?, digits(&b[6..8])?);
    (h < 24 && m < 60 && s <= 60).then_some((h, m, s))
}

/// Reads `YYYY-MM-DD`, then `T` or a space, then `HH:MM:SS`, an optional fraction and an
/// optional zone (`Z`, `+09:00`, `+0900`, or ` +0900` after a space as Exim writes it) at the
/// start of `s`: the time, and how many bytes it took.
pub fn iso(s: &str) -> Option<(i64, usize)> {
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !(b[10] == b'T' || b[10] == b' ') {
        return None;
    }
    let year = i64::from(digits(&b[0..4])?);
    let (month, day) = (digits(&b[5..7])?, digits(&b[8..10])?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (h, m, sec) = clock(&b[11..19])?;
    let mut at = 19;
    if at < b.len() && (b[at] == b'.' || b[at] == b',') {
        at += 1;
        while at < b.len() && b[at].is_ascii_digit() {
            at += 1;
        }
    }
    let mut t = epoch(year, month, day, h, m, sec);
    let zone = |at: usize| -> Option<(i64, usize)> {
        let sign = match b.get(at)? {
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let hh = digits(b.get(at + 1..at + 3)?)?;
        let (mm, len) = if b.get(at + 3) == Some(&b':') {
            (digits(b.get(at + 4..at + 6)?)?, 6)
        } else {
            (digits(b.get(at + 3..at + 5)?)?, 5)
        };
        Some((sign * i64::from(hh * 3600 + mm * 60), len))
    };
    if b.get(at) == Some(&b'Z') {
        at += 1;
    } else if let Some((offset, len)) = zone(at) {
        t -= offset;
        at += len;
    } else if b.get(at) == Some(&b' ')
        && let Some((offset, len)) = zone(at + 1)
        && b.get(at + 1 + len).is_none_or(|c| *c == b' ')
    {
        t -= offset;
        at += 1 + len;
    }
    Some((t, at))
}

/// Reads decimal seconds since the epoch (`1705312800` or `1705312800.123456`).
pub fn unix(s: &str) -> Option<i64> {
    let whole = s.split('.').next()?;
    if whole.is_empty() || whole.len() > 12 {
        return None;
    }
    whole.parse().ok()
}

/// Reads a `--since`/`--until` value: a date (`2024-01-15`, midnight UTC), an RFC 3339 time,
/// or seconds since the epoch.
pub fn bound(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.len() == 10 && s.as_bytes()[4] == b'-' {
        return iso(&format!("{s}T00:00:00Z")).map(|(t, _)| t);
    }
    match iso(s) {
        Some((t, len)) if len == s.len() => Some(t),
        _ if s.bytes().all(|c| c.is_ascii_digit()) => unix(s),
        _ => None,
    }
}

/// A time as RFC 3339 in UTC (`2024-01-15T10:00:00Z`).
pub fn rfc3339(t: i64) -> String {
    let (y, mo, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// The current year (UTC), for syslog lines that do not say which.
pub fn this_year() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    civil_from_days(now.div_euclid(86_400)).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(epoch(2024, 1, 15, 10, 0, 0), 1_705_312_800);
        for days in [-1, 0, 59, 60, 11_016, 19_737, 20_000, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(rfc3339(1_705_312_800), "2024-01-15T10:00:00Z");
    }

    #[test]
    fn iso_times_with_zones() {
        assert_eq!(iso("2024-01-15T10:00:00Z x"), Some((1_705_312_800, 20)));
        assert_eq!(
            iso("2024-01-15T19:00:00.123456+09:00"),
            Some((1_705_312_800, 32))
        );
        assert_eq!(iso("2024-01-15 10:00:00 1rPq2x"), Some((1_705_312_800, 19)));
        assert_eq!(
            iso("2024-01-15 11:00:00 +0100 1rPq2x"),
            Some((1_705_312_800, 25))
        );
        assert_eq!(iso("2024-13-15 10:00:00"), None);
        assert_eq!(iso("Jan 15 10:00:00"), None);
    }

    #[test]
    fn bounds_take_dates_times_and_seconds() {
        assert_eq!(bound("2024-01-15"), Some(1_705_276_800));
        assert_eq!(bound("2024-01-15T10:00:00Z"), Some(1_705_312_800));
        assert_eq!(bound("1705312800"), Some(1_705_312_800));
        assert_eq!(bound("yesterday"), None);
    }
}
