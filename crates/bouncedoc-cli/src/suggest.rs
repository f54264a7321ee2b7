//! "Did you mean": the known names nearest to a mistyped one.

/// At most this many suggestions are made.
const MAX: usize = 3;

/// The known names nearest to `query` by edit distance (case-insensitive; a swap of two
/// neighbouring letters counts as one edit), nearest first; none when every name is too far
/// to be what was meant (more than a third of the query's length, and at least one edit).
pub fn nearest<'a>(query: &str, known: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let q = query.trim().to_lowercase();
    let limit = (q.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (strsim::damerau_levenshtein(&q, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort_by_key(|(d, _)| *d);
    let mut out: Vec<String> = Vec::new();
    for (_, k) in scored {
        if !out.iter().any(|o| o == k) {
            out.push(k.to_string());
        }
        if out.len() == MAX {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_nearest_first() {
        let reasons = ["mailboxfull", "mailererror", "blocked", "filtered"];
        assert_eq!(nearest("mailboxful", reasons), ["mailboxfull"]);
        assert_eq!(nearest("MailBoxFull", reasons), ["mailboxfull"]);
        assert_eq!(nearest("filterd", reasons), ["filtered"]);
        assert!(nearest("spam", reasons).is_empty());
        let codes = ["5.1.1", "5.1.2", "5.2.1", "550"];
        assert_eq!(nearest("5.1.l", codes), ["5.1.1", "5.1.2"]);
    }
}
