//! One reader per server's log format. Each says what one line (or record) of its format
//! reports: a delivery attempt, a message leaving the queue, nothing of interest, or a
//! damaged line.

pub mod exim;
pub mod kumomta;
pub mod m365;
pub mod opensmtpd;
pub mod pmta;
pub mod postfix;
pub mod qmail;
pub mod sendmail;

/// What a line of a known format says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// It reported a delivery attempt or a message leaving the queue (pushed to the output).
    Entries,
    /// It is a line of the format that reports no delivery (a connection, a queued message).
    Other,
    /// It looked like a delivery line but could not be read: what is wrong with it.
    Damaged(String),
}
