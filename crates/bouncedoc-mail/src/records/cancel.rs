//! Stopping a job from outside it: a [`Cancel`] shared between the one who waits for a job
//! (an HTTP request with a deadline) and the job itself, which looks at it between messages
//! and between recipients, and a point of no return for a job that writes (a ledger
//! commit): once passed, the job is no longer cancelled, and the one waiting knows it.
//!
//! The job installs the [`Cancel`] on its thread with [`Cancel::scope`]; the records path
//! then asks [`requested`] at its checks, so that no signature in between carries it. A
//! thread with none installed (the command line) is never cancelled.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

const RUNNING: u8 = 0;
const CANCELLED: u8 = 1;
const COMMITTING: u8 = 2;

/// Whether a job should stop, shared between the job and the one waiting for it. Cheap to
/// clone (one shared atomic byte) and to ask.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicU8>);

/// Why a job stopped before its end: it was cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("cancelled: the request ended (timed out, or the client went away) before the work did")]
pub struct Cancelled;

thread_local! {
    static CURRENT: RefCell<Option<Cancel>> = const { RefCell::new(None) };
}

impl Cancel {
    /// A job not cancelled.
    pub fn new() -> Cancel {
        Cancel::default()
    }

    /// Asks the job to stop. True when it will (it had not passed its point of no return,
    /// [`Cancel::commit`]); false when it is committing and will finish its work.
    pub fn cancel(&self) -> bool {
        match self
            .0
            .compare_exchange(RUNNING, CANCELLED, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => true,
            Err(state) => state == CANCELLED,
        }
    }

    /// Whether the job was asked to stop before its point of no return.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Acquire) == CANCELLED
    }

    /// Whether the job passed its point of no return ([`Cancel::commit`]).
    pub fn is_committing(&self) -> bool {
        self.0.load(Ordering::Acquire) == COMMITTING
    }

    /// Passes the point of no return: from now on [`Cancel::cancel`] no longer stops the
    /// job. False (and nothing changes) when the job was cancelled first: then it must not
    /// commit.
    pub fn commit(&self) -> bool {
        match self
            .0
            .compare_exchange(RUNNING, COMMITTING, Ordering::AcqRel, Ordering::Acquire)
        {
            Ok(_) => true,
            Err(state) => state == COMMITTING,
        }
    }

    /// Runs `work` with this cancel installed on the current thread, where [`requested`]
    /// sees it; the one installed before is put back afterwards (a panic included).
    pub fn scope<T>(&self, work: impl FnOnce() -> T) -> T {
        struct Restore(Option<Cancel>);
        impl Drop for Restore {
            fn drop(&mut self) {
                let before = self.0.take();
                CURRENT.with(|c| *c.borrow_mut() = before);
            }
        }
        let before = CURRENT.with(|c| c.borrow_mut().replace(self.clone()));
        let _restore = Restore(before);
        work()
    }
}

/// Whether the job running on this thread was cancelled (never, when no [`Cancel`] is
/// installed by [`Cancel::scope`]).
pub fn requested() -> bool {
    CURRENT.with(|c| c.borrow().as_ref().is_some_and(Cancel::is_cancelled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cancel_before_the_commit_stops_the_job_and_after_it_does_not() {
        let before = Cancel::new();
        assert!(!before.is_cancelled());
        assert!(before.cancel());
        assert!(before.cancel(), "asking twice is the same answer");
        assert!(before.is_cancelled());
        assert!(!before.commit(), "a cancelled job must not commit");

        let after = Cancel::new();
        assert!(after.commit());
        assert!(!after.cancel(), "a committing job finishes");
        assert!(after.is_committing());
        assert!(!after.is_cancelled());
    }

    #[test]
    fn only_the_thread_in_the_scope_sees_its_cancel() {
        let cancel = Cancel::new();
        assert!(!requested());
        cancel.scope(|| {
            assert!(!requested());
            cancel.cancel();
            assert!(requested());
            let other = std::thread::spawn(requested).join().unwrap();
            assert!(!other, "another thread has none installed");
            Cancel::new().scope(|| assert!(!requested()));
            assert!(requested(), "the outer scope's cancel is back");
        });
        assert!(!requested(), "none once the scope ended");
    }
}
