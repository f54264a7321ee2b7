//! `bouncedoc serve`: the HTTP API and the web page (crate `bouncedoc-server`).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use bouncedoc_ledger::Policy;
use bouncedoc_ledger::service::LedgerService;

use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    bouncedoc_server::init_tracing(args.log_json);
    let ledger = match &args.database {
        Some(database) => {
            let policy = match &args.policy {
                Some(path) => Policy::load(path)?,
                None => Policy::default(),
            };
            let service = LedgerService::open(database, policy)
                .context("opening the ledger for /api/v1/ledger")?;
            Some(Arc::new(service))
        }
        None => None,
    };
    let config = bouncedoc_server::Config {
        max_body: args.max_body,
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_message_bytes: args.max_message_bytes,
        ledger,
        ..bouncedoc_server::Config::default()
    };
    let config = bouncedoc_server::Config {
        max_jobs: args.max_jobs.unwrap_or(config.max_jobs),
        ..config
    };
    bouncedoc_server::run(args.listen, config)
        .with_context(|| format!("serving on {}", args.listen))?;
    Ok(ExitCode::SUCCESS)
}
