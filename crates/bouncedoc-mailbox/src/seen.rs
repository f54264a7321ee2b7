//! The POP3 messages already recorded, by UIDL, in a small state file, for a maildrop whose
//! messages are kept (`--after keep`). The file is rewritten whole, through a temporary file
//! and a rename, so a crash leaves the old list or the new one, never half of one; the
//! caller writes it only after the ledger has committed.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::MailboxError;

const HEADER: &str = "# bouncedoc: POP3 UIDLs already recorded from ";

/// The UIDLs already recorded from one maildrop.
#[derive(Debug)]
pub struct Seen {
    path: PathBuf,
    mailbox: String,
    uidls: BTreeSet<String>,
}

impl Seen {
    /// Reads the state file of `mailbox` (an empty list when the file does not exist yet).
    /// A file written for another maildrop is refused, so that two readers cannot share one
    /// by mistake.
    pub fn load(path: &Path, mailbox: &str) -> Result<Seen, MailboxError> {
        let state = |source| MailboxError::State {
            path: path.to_path_buf(),
            source,
        };
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(state(e)),
        };
        let mut lines = text.lines();
        let mut uidls = BTreeSet::new();
        if let Some(first) = lines.next() {
            if first.strip_prefix(HEADER) != Some(mailbox) {
                return Err(state(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("it is not the state file of {mailbox}"),
                )));
            }
            uidls.extend(
                lines
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
        }
        Ok(Seen {
            path: path.to_path_buf(),
            mailbox: mailbox.to_string(),
            uidls,
        })
    }

    /// Whether `uidl` was recorded.
    pub fn contains(&self, uidl: &str) -> bool {
        self.uidls.contains(uidl)
    }

    /// Remembers `new` and forgets the UIDLs not in `present` (messages gone from the
    /// maildrop), then writes the file.
    pub fn add_and_save<'a>(
        &mut self,
        new: impl IntoIterator<Item = &'a str>,
        present: &dyn Fn(&str) -> bool,
    ) -> Result<(), MailboxError> {
        self.uidls.extend(new.into_iter().map(String::from));
        self.uidls.retain(|u| present(u));
        self.save()
    }

    fn save(&self) -> Result<(), MailboxError> {
        let state = |source| MailboxError::State {
            path: self.path.clone(),
            source,
        };
        let mut text = format!("{HEADER}{}\n", self.mailbox);
        for u in &self.uidls {
            text.push_str(u);
            text.push('\n');
        }
        let mut name = self.path.file_name().unwrap_or_default().to_os_string();
        name.push(".tmp");
        let tmp = self.path.with_file_name(name);
        let mut file = std::fs::File::create(&tmp).map_err(state)?;
        file.write_all(text.as_bytes()).map_err(state)?;
        file.sync_all().map_err(state)?;
        std::fs::rename(&tmp, &self.path).map_err(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_across_loads_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pop3.state");
        let mut seen = Seen::load(&path, "pop3s://b@h:995").unwrap();
        assert!(!seen.contains("a1"));
        seen.add_and_save(["a1", "a2"], &|_| true).unwrap();
        let mut again = Seen::load(&path, "pop3s://b@h:995").unwrap();
        assert!(again.contains("a1") && again.contains("a2"));
        again.add_and_save(["a3"], &|u| u != "a1").unwrap();
        let third = Seen::load(&path, "pop3s://b@h:995").unwrap();
        assert!(!third.contains("a1") && third.contains("a2") && third.contains("a3"));
        assert!(matches!(
            Seen::load(&path, "pop3s://other@h:995"),
            Err(MailboxError::State { .. })
        ));
    }
}
