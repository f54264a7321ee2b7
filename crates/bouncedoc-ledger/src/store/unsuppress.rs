//! Lifting the suppression of an address by hand, kept in the history.

use crate::LedgerError;
use crate::event::{normalize_address, storable};
use crate::sql::Sql;

use super::read::active_suppression;
use super::types::{Unsuppressed, Unsuppression};

/// Lifts the suppression of an address, and keeps the act in the history. An address the
/// ledger has never heard of (no event, no suppression) is refused with
/// [`LedgerError::UnknownAddress`] and nothing is written.
pub(crate) fn unsuppress(
    db: &mut dyn Sql,
    address: &str,
    reason: &str,
    who: &str,
    now: i64,
) -> Result<Unsuppressed, LedgerError> {
    let address = normalize_address(address)?;
    let (reason, who) = (storable(reason), storable(who));
    // Before anything of the address is read: a writer recording its events waits.
    db.lock_addresses(&[&address])?;
    let lifted = active_suppression(db, &address)?;
    if lifted.is_none()
        && db
            .query_opt(
                "SELECT 1 FROM events WHERE address = $1 UNION ALL SELECT 1 FROM suppressions \
                 WHERE address = $1 LIMIT 1",
                &[address.as_str().into()],
            )?
            .is_none()
    {
        return Err(LedgerError::UnknownAddress(address));
    }
    if let Some(s) = &lifted {
        db.execute(
            "UPDATE suppressions SET lifted_at = $1 WHERE id = $2",
            &[now.into(), s.id.into()],
        )?;
    }
    let suppression_id = lifted.as_ref().map(|s| s.id);
    let row = db.query(
        "INSERT INTO unsuppressions (address, at, reason, who, suppression_id) VALUES ($1, $2, \
         $3, $4, $5) RETURNING id",
        &[
            address.as_str().into(),
            now.into(),
            reason.as_str().into(),
            who.as_str().into(),
            suppression_id.into(),
        ],
    )?;
    let id = row
        .first()
        .ok_or_else(|| LedgerError::Corrupt("INSERT returned no id".into()))?
        .int(0)?;
    Ok(Unsuppressed {
        record: Unsuppression {
            id,
            address,
            at: now,
            reason,
            who,
            suppression_id,
        },
        lifted,
    })
}
