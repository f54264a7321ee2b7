//! `bouncedoc serve`: the HTTP API and the web page (crate `bouncedoc-server`).

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::cli::ServeArgs;

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    bouncedoc_server::init_tracing(args.log_json);
    let config = bouncedoc_server::Config {
        max_body: args.max_body,
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..bouncedoc_server::Config::default()
    };
    bouncedoc_server::run(args.listen, config)
        .with_context(|| format!("serving on {}", args.listen))?;
    Ok(ExitCode::SUCCESS)
}
