//! `bouncedoc serve`: the HTTP API and the web page (crate `bouncedoc-server`).

use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use bouncedoc_ledger::Policy;
use bouncedoc_ledger::service::LedgerService;
use bouncedoc_server::Token;

use super::EXIT_USAGE;
use crate::cli::ServeArgs;

/// The environment variable that may hold the token itself.
///
/// Read here rather than through clap's `env`: clap ties a variable to a flag or a position,
/// and either would also take the token on the command line, where every user of the machine
/// sees it (`ps`).
const TOKEN_VAR: &str = "BOUNCEDOC_TOKEN";

/// The token of `--token-file`, else of `BOUNCEDOC_TOKEN`; none when neither is given.
fn token(args: &ServeArgs) -> Result<Option<Token>> {
    if let Some(path) = &args.token_file {
        return Ok(Some(Token::read_file(path).context("--token-file")?));
    }
    match std::env::var(TOKEN_VAR) {
        Ok(text) => Ok(Some(Token::new(&text).context(TOKEN_VAR)?)),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(e) => Err(anyhow::anyhow!("{TOKEN_VAR}: {e}")),
    }
}

pub fn run(args: &ServeArgs) -> Result<ExitCode> {
    bouncedoc_server::init_tracing(args.log_json);
    let token = token(args)?;
    if args.database.is_some() && token.is_none() && !args.listen.ip().is_loopback() {
        // Refused before the ledger is opened or a port is bound.
        let refusal = bouncedoc_server::Unprotected {
            listen: args.listen,
        };
        eprintln!("bouncedoc: {}", refusal.message(crate::cli::locale_lang()));
        return Ok(ExitCode::from(EXIT_USAGE));
    }
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
        token,
        ledger_public_reads: args.ledger_public_reads,
        allowed_hosts: args.allowed_host.clone(),
        allowed_origins: args.allowed_origin.clone(),
        max_message_bytes: args.max_message_bytes,
        ledger,
        webhooks,
        ..bouncedoc_server::Config::default()
    };
    let config = bouncedoc_server::Config {
        max_jobs: args.max_jobs.unwrap_or(config.max_jobs),
        ..config
    };
    let target = match (&args.publish_nats, &args.publish_stream) {
        (Some(nats), Some(stream)) => {
            bouncedoc_queue::check_stream_name(stream)?;
            Some(bouncedoc_server::StreamTarget {
                nats: nats.clone(),
                stream: stream.clone(),
            })
        }
        _ => None,
    };
    bouncedoc_server::run_with_stream(args.listen, config, target)
        .with_context(|| format!("serving on {}", args.listen))?;
    Ok(ExitCode::SUCCESS)
}
