//! The day (`YYYY-MM-DD`) of a record's time: an RFC 3339 time from a log, or a bounce
//! message's RFC 5322 `Date:` (taken as written, without moving it to UTC).

/// The date part of an RFC 3339 time.
pub fn from_rfc3339(time: &str) -> Option<String> {
    let day = time.get(..10)?;
    let b = day.as_bytes();
    let shape = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shape.then(|| day.to_owned())
}

/// The date of an RFC 5322 date (`Wed, 23 Nov 2016 12:01:03 +0000`).
pub fn from_rfc2822(date: &str) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let rest = date.split_once(',').map_or(date, |(_, rest)| rest);
    let mut words = rest.split_whitespace();
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?.to_ascii_lowercase();
    let month = MONTHS.iter().position(|m| month.starts_with(m))? + 1;
    let year: u32 = words.next()?.parse().ok()?;
    ((1..=31).contains(&day) && (1970..=9999).contains(&year))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_shapes() {
        assert_eq!(
            from_rfc3339("2024-01-15T10:00:00Z").as_deref(),
            Some("2024-01-15")
        );
        assert_eq!(from_rfc3339("15 Jan"), None);
        assert_eq!(
            from_rfc2822("Wed, 3 Nov 2016 12:01:03 +0000").as_deref(),
            Some("2016-11-03")
        );
        assert_eq!(from_rfc2822("3 Nov 16 12:01").as_deref(), None);
        assert_eq!(from_rfc2822("garbage"), None);
    }
}
