//! What the ledger does, written once over [`Sql`](crate::sql::Sql), one job a module:
//! recording events ([`record`], or [`batched`] where writers run at once) and applying the
//! policy to them ([`apply`], over what an address stood at before: [`state`]), checking addresses ([`check`]), reading the ledger
//! back ([`read`], with the SQL of a [`Filter`] in [`filter`]), lifting suppressions
//! ([`unsuppress`]), every event a page at a time ([`scan`]), what a batch would do
//! ([`dry_run`]), the canonical dump ([`snapshot`]) and the consistency checks
//! ([`verify`]). [`rows`] maps rows to values; [`order`] names events by key and by place in
//! the policy's order.

mod apply;
mod batched;
mod check;
mod dry_run;
mod filter;
mod order;
mod read;
mod record;
mod rows;
mod scan;
mod snapshot;
mod state;
mod types;
mod unsuppress;
mod verify;

pub(crate) use check::check;
pub use dry_run::DryRun;
pub(crate) use dry_run::dry_run;
pub(crate) use read::{counts, history, suppressions};
pub(crate) use record::record;
pub(crate) use scan::events_page;
pub(crate) use snapshot::snapshot;
pub use types::{
    BatchOutcome, Check, Counts, Event, Filter, Suppression, Unsuppressed, Unsuppression, Verdict,
};
pub(crate) use unsuppress::unsuppress;
pub(crate) use verify::verify;
