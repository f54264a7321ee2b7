//! Reading the services' JSON: fields that may be strings or numbers, and their times.

use serde_json::Value;

/// A field's text, trimmed, when it is a non-empty string (or a number, written out).
pub(crate) fn text(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A field's integer value, whether the JSON writes it as a number or as a string.
pub(crate) fn int(v: &Value, key: &str) -> Option<i64> {
    match v.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<i64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().map(|f| f as i64))
        }
        _ => None,
    }
}

/// A field holding a time: seconds since 1970 (a number or a string of digits, fractions
/// allowed), or an RFC 3339 / ISO 8601 date-time.
pub(crate) fn time(v: &Value, key: &str) -> Option<i64> {
    match v.get(key)? {
        Value::String(s) => parse_time(s),
        _ => int(v, key),
    }
}

/// Seconds since 1970 from digits (with a fraction), or from an RFC 3339 date-time
/// (`2024-02-22T23:41:12.126Z`, `2014-08-01T13:28:10.2735393-04:00`, a space for the `T`).
pub(crate) fn parse_time(s: &str) -> Option<i64> {
    let s = s.trim();
    if let Ok(n) = s.parse::<f64>() {
        return Some(n as i64);
    }
    let b = s.as_bytes();
    if b.len() < 19 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &s[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        rest = &frac[digits..];
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let digits: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                return None;
            }
            let oh: i64 = digits[..2].parse().ok()?;
            let om: i64 = digits[2..].parse().ok()?;
            sign * (oh * 3600 + om * 60)
        }
    };
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The remote server's words without the `smtp;` type prefix of a DSN diagnostic
/// (`smtp; 550 5.1.1 ...`, `smtp;550 ...`).
pub(crate) fn strip_diagnostic_type(text: &str) -> &str {
    let t = text.trim();
    match t.split_once(';') {
        Some((kind, rest))
            if !kind.is_empty()
                && kind.len() <= 8
                && kind.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') =>
        {
            rest.trim()
        }
        _ => t,
    }
}

/// The first enhanced status code (`5.1.1`) at the start of a text, if any.
pub(crate) fn leading_status(text: &str) -> Option<String> {
    let token = text.split_whitespace().next()?;
    let token = token.trim_end_matches(['.', ',', ';']);
    let parts: Vec<&str> = token.split('.').collect();
    (parts.len() == 3
        && matches!(parts[0], "2" | "4" | "5")
        && parts[1..]
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit())))
    .then(|| token.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_in_every_documented_shape() {
        assert_eq!(parse_time("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_time("2024-02-22T23:41:12.126Z"), Some(1_708_645_272));
        assert_eq!(
            parse_time("2014-08-01T13:28:10.2735393-04:00"),
            Some(1_406_914_090)
        );
        assert_eq!(
            parse_time("2024-11-22T23:41:11.894719+00:00"),
            Some(1_732_318_871)
        );
        assert_eq!(parse_time("1454442600"), Some(1_454_442_600));
        assert_eq!(parse_time("1521243339.873676"), Some(1_521_243_339));
        assert_eq!(parse_time("yesterday"), None);
        assert_eq!(parse_time("2024-13-01T00:00:00Z"), None);
    }

    #[test]
    fn diagnostics_lose_their_type_only() {
        assert_eq!(
            strip_diagnostic_type("smtp; 550 5.1.1 user unknown"),
            "550 5.1.1 user unknown"
        );
        assert_eq!(strip_diagnostic_type("smtp;550 x"), "550 x");
        assert_eq!(
            strip_diagnostic_type("550 5.7.1 blocked; see https://x"),
            "550 5.7.1 blocked; see https://x"
        );
        assert_eq!(
            leading_status("5.1.1 (user unknown)").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(leading_status("5.1.1").as_deref(), Some("5.1.1"));
        assert_eq!(leading_status("550"), None);
    }
}
