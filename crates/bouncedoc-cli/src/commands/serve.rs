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
    let webhooks = match &args.webhooks_config {
        Some(path) => {
            let overrides = bouncedoc_webhooks::verify::config::Overrides {
                sns_cert_dir: args.sns_cert_dir.clone(),
                sns_confirm_subscriptions: args.sns_confirm_subscriptions,
                sns_certificates: Some(Arc::new(bouncedoc_server::HttpsCertificates::default())),
            };
            let config = bouncedoc_webhooks::verify::WebhooksConfig::load(path, &overrides)
                .with_context(|| {
                    format!("reading the webhooks configuration {}", path.display())
                })?;
            Some(Arc::new(config))
        }
        None => None,
    };
    let config = bouncedoc_server::Config {
        max_body: args.max_body,
        timeout: Duration::from_secs(args.timeout.max(1)),
        ledger,
        webhooks,
        ..bouncedoc_server::Config::default()
    };
    bouncedoc_server::run(args.listen, config)
        .with_context(|| format!("serving on {}", args.listen))?;
    Ok(ExitCode::SUCCESS)
}
