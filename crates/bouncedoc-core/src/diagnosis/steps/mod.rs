//! The decision, as a sequence of small steps: the codes, the cause, the context, the
//! outcome, who answered, the evidence, and whether the report is only a warning. [`super::decide`] runs them in that order.

pub(crate) mod cause;
pub(crate) mod codes;
pub(crate) mod context;
pub(crate) mod evidence;
pub(crate) mod origin;
pub(crate) mod outcome;
pub(crate) mod warning;
