//! The standard report formats: RFC 3464 delivery status notifications, RFC 5965 feedback
//! reports and RFC 3834 auto-replies.

pub mod arf;
pub mod autoreply;
pub mod dsn;
