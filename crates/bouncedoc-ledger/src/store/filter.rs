//! The SQL of a [`Filter`]: the `WHERE` clause over `suppressions s` and its parameters.

use crate::event::{normalize_address, normalize_domain};
use crate::sql::Param;

use super::types::Filter;

/// A filter as SQL.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct FilterSql {
    /// ` WHERE ...` (with its leading space), or nothing when the filter selects all.
    pub where_clause: String,
    /// The parameters of its placeholders, numbered from `$1`.
    pub params: Vec<Param>,
}

/// Conditions joined by `AND`, each with its parameter.
#[derive(Default)]
struct Conditions {
    clauses: Vec<String>,
    params: Vec<Param>,
}

impl Conditions {
    /// Adds a condition whose `?` is `value`, numbering placeholders from 1.
    fn with(&mut self, sql: &str, value: Param) {
        self.params.push(value);
        self.clauses
            .push(sql.replace('?', &format!("${}", self.params.len())));
    }
}

impl FilterSql {
    /// The SQL that selects what `filter` does.
    pub fn of(filter: &Filter) -> FilterSql {
        let mut c = Conditions::default();
        if let Some(a) = &filter.address {
            // An address that cannot be kept selects nothing (no kept address is empty).
            c.with(
                "s.address = ?",
                normalize_address(a).unwrap_or_default().into(),
            );
        }
        if let Some(d) = &filter.domain {
            let d = normalize_domain(d).unwrap_or_default();
            c.with("s.domain = ?", d.into());
        }
        if let Some(r) = filter.reason {
            c.with("s.reason = ?", r.as_str().into());
        }
        if let Some(r) = filter.rule {
            c.with("s.rule = ?", r.as_str().into());
        }
        if let Some(t) = filter.since {
            c.with("s.since >= ?", t.into());
        }
        if let Some(t) = filter.until {
            c.with("s.since < ?", t.into());
        }
        if !filter.include_lifted {
            c.clauses.push("s.lifted_at IS NULL".into());
        }
        let where_clause = if c.clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", c.clauses.join(" AND "))
        };
        FilterSql {
            where_clause,
            params: c.params,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bouncedoc_core::Reason;

    #[test]
    fn every_condition_gets_the_next_placeholder() {
        let f = FilterSql::of(&Filter {
            domain: Some(" @Example.JP".into()),
            reason: Some(Reason::UserUnknown),
            since: Some(5),
            ..Filter::default()
        });
        assert_eq!(
            f.where_clause,
            " WHERE s.domain = $1 AND s.reason = $2 AND s.since >= $3 AND s.lifted_at IS NULL"
        );
        assert_eq!(
            f.params,
            vec![
                Param::from("example.jp"),
                Param::from("userunknown"),
                Param::from(5)
            ]
        );
        let all = FilterSql::of(&Filter {
            include_lifted: true,
            ..Filter::default()
        });
        assert_eq!((all.where_clause.as_str(), all.params.len()), ("", 0));
    }
}
