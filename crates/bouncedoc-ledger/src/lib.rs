//! The bounce ledger (being written).
