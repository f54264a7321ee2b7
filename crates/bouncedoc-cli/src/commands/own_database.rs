//! `ingest` never reads its own ledger: an SQLite database (and its `-wal`, `-shm` and
//! `-journal` files) inside a folder being ingested is skipped, with one note saying so.

use std::path::{Path, PathBuf};

use bouncedoc_core::Lang;
use bouncedoc_mail::input::{Input, InputError};

use crate::render::safe::for_person;
use crate::texts;

/// The files of an SQLite database: itself and the files SQLite keeps beside it.
const SUFFIXES: &[&str] = &["", "-wal", "-shm", "-journal"];

/// Whether `file` is one of the files of the database at `database` (both canonical).
fn is_database_file(file: &Path, database: &Path) -> bool {
    let db = database.as_os_str();
    SUFFIXES.iter().any(|s| {
        let mut name = db.to_os_string();
        name.push(s);
        file.as_os_str() == name
    })
}

/// The inputs without the files of the ledger `database` (a path, or a PostgreSQL URL,
/// which has none); says once, on standard error, that they were skipped.
pub fn skip(
    inputs: Vec<Result<Input, InputError>>,
    database: &str,
    lang: Lang,
    quiet: bool,
) -> Vec<Result<Input, InputError>> {
    if bouncedoc_ledger::is_postgres(database) {
        return inputs;
    }
    let Ok(db) = std::fs::canonicalize(database) else {
        return inputs;
    };
    let Some(db_name) = db.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return inputs;
    };
    let mut skipped = false;
    let kept = inputs
        .into_iter()
        .filter(|input| {
            let Ok(Input::File(path)) = input else {
                return true;
            };
            // Only a file whose name starts like the database's is looked at more closely.
            let named_alike = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&db_name));
            let own = named_alike
                && std::fs::canonicalize(path).is_ok_and(|p: PathBuf| is_database_file(&p, &db));
            skipped |= own;
            !own
        })
        .collect();
    if skipped && !quiet {
        eprintln!(
            "bouncedoc: {}",
            for_person(&texts::skipping_own_database(lang, Path::new(database)))
        );
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_the_files_beside_it_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("ledger.db");
        for name in [
            "ledger.db",
            "ledger.db-wal",
            "ledger.db-shm",
            "ledger.db.eml",
            "a.eml",
        ] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let inputs = bouncedoc_mail::input::expand(&[dir.path().to_path_buf()]);
        let kept = skip(inputs, db.to_str().unwrap(), Lang::En, true);
        let names: Vec<String> = kept
            .iter()
            .filter_map(|i| match i {
                Ok(Input::File(p)) => Some(p.file_name().unwrap().to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["a.eml", "ledger.db.eml"]);
    }
}
