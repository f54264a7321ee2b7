//! The decision, as a sequence of small steps: the codes, the cause, the context, the
//! outcome, who answered, the evidence. [`super::decide`] runs them in that order.

pub(crate) mod cause;
pub(crate) mod codes;
pub(crate) mod context;
pub(crate) mod evidence;
pub(crate) mod origin;
pub(crate) mod outcome;
