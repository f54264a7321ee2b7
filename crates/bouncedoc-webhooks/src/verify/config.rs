//! The webhooks' configuration: a TOML file (`serve --webhooks-config PATH`) with one
//! table per service to accept. Secrets are read from files (`secret_file`, relative to
//! the configuration file) or environment variables (`secret_env`), never written in the
//! file or on the command line. A service without a table is not accepted (`404`).
//!
//! ```toml
//! max_age_seconds = 300            # signed timestamps further from now are refused
//!
//! [ses]
//! certificate_dir = "sns-certs"    # SNS signing certificates, by file name; without it
//!                                  # `serve` fetches them from sns.<region>.amazonaws.com
//! confirm_subscriptions = false    # SubscriptionConfirmation is refused unless true
//! topic_arns = ["arn:aws:sns:us-east-1:123456789012:ses-bounces"]   # empty: any topic
//!
//! [sendgrid]
//! secret_file = "sendgrid.key"     # the Signed Event Webhook's verification key
//!
//! [mailgun]
//! secret_env = "MAILGUN_WEBHOOK_SIGNING_KEY"
//!
//! [resend]
//! secret_file = "resend.secret"    # whsec_...
//!
//! [postmark]                       # also sparkpost, brevo, mailjet
//! auth = "basic"                   # basic, bearer, or header
//! username = "bouncedoc"           # basic only
//! # header = "X-Webhook-Token"     # header only
//! secret_file = "postmark.password"
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::mailgun::MailgunVerifier;
use super::sendgrid::SendgridVerifier;
use super::shared::SharedSecret;
use super::sns::{CertificateDir, CertificateSource, SnsVerifier};
use super::svix::SvixVerifier;
use super::{DEFAULT_MAX_AGE, Verifier};
use crate::WebhookError;
use crate::event::Service;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    max_age_seconds: Option<i64>,
    ses: Option<Table>,
    sendgrid: Option<Table>,
    mailgun: Option<Table>,
    postmark: Option<Table>,
    sparkpost: Option<Table>,
    brevo: Option<Table>,
    mailjet: Option<Table>,
    resend: Option<Table>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    secret_file: Option<PathBuf>,
    secret_env: Option<String>,
    auth: Option<String>,
    username: Option<String>,
    header: Option<String>,
    certificate_dir: Option<PathBuf>,
    #[serde(default)]
    confirm_subscriptions: bool,
    #[serde(default)]
    topic_arns: Vec<String>,
}

/// How one service is accepted.
#[derive(Debug)]
pub struct ServiceConfig {
    /// How its requests are verified.
    pub verifier: Verifier,
    /// SNS only: whether a signed SubscriptionConfirmation is accepted (its SubscribeURL
    /// logged for the operator to open); when false it is refused.
    pub confirm_subscriptions: bool,
}

/// Every service accepted.
#[derive(Debug, Default)]
pub struct WebhooksConfig {
    services: HashMap<Service, ServiceConfig>,
}

/// What the command line adds to the file (`serve --sns-cert-dir`,
/// `--sns-confirm-subscriptions`), and where SNS certificates come from without a
/// directory.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// Where SNS signing certificates are, over the file's `certificate_dir`.
    pub sns_cert_dir: Option<PathBuf>,
    /// Where SNS signing certificates come from when no directory is given (the server's
    /// HTTPS fetcher); without either, an `[ses]` table is an error.
    pub sns_certificates: Option<std::sync::Arc<dyn CertificateSource>>,
    /// Accept SNS subscription confirmations, whatever the file says.
    pub sns_confirm_subscriptions: bool,
}

impl WebhooksConfig {
    /// No service accepted.
    pub fn new() -> WebhooksConfig {
        WebhooksConfig::default()
    }

    /// Accepts a service, verified as given.
    pub fn with(mut self, service: Service, config: ServiceConfig) -> WebhooksConfig {
        self.services.insert(service, config);
        self
    }

    /// How a service is accepted; `None` when it is not.
    pub fn service(&self, service: Service) -> Option<&ServiceConfig> {
        self.services.get(&service)
    }

    /// The services accepted, in [`Service::ALL`] order.
    pub fn services(&self) -> Vec<Service> {
        Service::ALL
            .iter()
            .copied()
            .filter(|s| self.services.contains_key(s))
            .collect()
    }

    /// Reads the configuration file at `path`; secrets come from files beside it or from
    /// the environment.
    pub fn load(path: &Path, overrides: &Overrides) -> Result<WebhooksConfig, WebhookError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| WebhookError::Config(format!("reading {}: {e}", path.display())))?;
        let base = path.parent().unwrap_or(Path::new("."));
        WebhooksConfig::parse(&text, base, overrides, &|name| std::env::var(name).ok())
    }

    /// Reads a configuration from its text: relative paths are taken from `base`, and
    /// environment variables through `env`.
    pub fn parse(
        text: &str,
        base: &Path,
        overrides: &Overrides,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<WebhooksConfig, WebhookError> {
        let file: File = toml::from_str(text).map_err(|e| WebhookError::Config(e.to_string()))?;
        let max_age = file.max_age_seconds.unwrap_or(DEFAULT_MAX_AGE);
        if max_age <= 0 {
            return Err(WebhookError::Config(
                "max_age_seconds must be positive".into(),
            ));
        }
        let mut out = WebhooksConfig::new();
        let tables = [
            (Service::Ses, file.ses),
            (Service::Sendgrid, file.sendgrid),
            (Service::Mailgun, file.mailgun),
            (Service::Postmark, file.postmark),
            (Service::Sparkpost, file.sparkpost),
            (Service::Brevo, file.brevo),
            (Service::Mailjet, file.mailjet),
            (Service::Resend, file.resend),
        ];
        for (service, table) in tables {
            let Some(t) = table else { continue };
            let config = build(service, t, base, overrides, env, max_age)?;
            out.services.insert(service, config);
        }
        Ok(out)
    }
}

fn secret(
    service: Service,
    t: &Table,
    base: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<String, WebhookError> {
    let err = |m: String| WebhookError::Config(format!("{service}: {m}"));
    let value = match (&t.secret_file, &t.secret_env) {
        (Some(file), None) => {
            let path = base.join(file);
            std::fs::read_to_string(&path)
                .map_err(|e| err(format!("reading the secret file {}: {e}", path.display())))?
        }
        (None, Some(name)) => {
            env(name).ok_or_else(|| err(format!("the environment variable {name} is not set")))?
        }
        (Some(_), Some(_)) => return Err(err("give secret_file or secret_env, not both".into())),
        (None, None) => return Err(err("needs secret_file or secret_env".into())),
    };
    let value = value.trim().to_string();
    if value.is_empty() {
        return Err(err("the secret is empty".into()));
    }
    Ok(value)
}

fn build(
    service: Service,
    t: Table,
    base: &Path,
    overrides: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
    max_age: i64,
) -> Result<ServiceConfig, WebhookError> {
    let err = |m: &str| WebhookError::Config(format!("{service}: {m}"));
    let verifier = match service {
        Service::Ses => {
            let dir = overrides
                .sns_cert_dir
                .clone()
                .or_else(|| t.certificate_dir.as_ref().map(|d| base.join(d)));
            let source: Box<dyn CertificateSource> = match (dir, &overrides.sns_certificates) {
                (Some(dir), _) => Box::new(CertificateDir::new(dir)),
                (None, Some(fetch)) => Box::new(fetch.clone()),
                (None, None) => {
                    return Err(err(
                        "needs certificate_dir (or serve --sns-cert-dir): no certificate fetcher is given",
                    ));
                }
            };
            Verifier::Sns(SnsVerifier::new(source, t.topic_arns.clone(), max_age))
        }
        Service::Sendgrid => Verifier::Sendgrid(SendgridVerifier::new(
            &secret(service, &t, base, env)?,
            max_age,
        )?),
        Service::Mailgun => Verifier::Mailgun(MailgunVerifier::new(
            &secret(service, &t, base, env)?,
            max_age,
        )),
        Service::Resend => Verifier::Svix(SvixVerifier::new(
            &secret(service, &t, base, env)?,
            max_age,
        )?),
        Service::Postmark | Service::Sparkpost | Service::Brevo | Service::Mailjet => {
            let value = secret(service, &t, base, env)?;
            Verifier::Shared(match t.auth.as_deref().unwrap_or("basic") {
                "basic" => SharedSecret::Basic {
                    username: t
                        .username
                        .clone()
                        .ok_or_else(|| err("auth = \"basic\" needs username"))?,
                    password: value,
                },
                "bearer" => SharedSecret::Bearer { token: value },
                "header" => SharedSecret::Header {
                    name: t
                        .header
                        .clone()
                        .ok_or_else(|| err("auth = \"header\" needs header"))?,
                    value,
                },
                other => {
                    return Err(err(&format!(
                        "unknown auth `{other}`: use basic, bearer or header"
                    )));
                }
            })
        }
    };
    Ok(ServiceConfig {
        verifier,
        confirm_subscriptions: service == Service::Ses
            && (t.confirm_subscriptions || overrides.sns_confirm_subscriptions),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_come_from_files_or_the_environment() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pm.pass"), "s3cret\n").unwrap();
        let text = r#"
            [postmark]
            username = "bouncedoc"
            secret_file = "pm.pass"
            [mailgun]
            secret_env = "MG_KEY"
            [ses]
            certificate_dir = "certs"
        "#;
        let env = |k: &str| (k == "MG_KEY").then(|| "key-1".to_string());
        let c = WebhooksConfig::parse(text, dir.path(), &Overrides::default(), &env).unwrap();
        assert_eq!(
            c.services(),
            [Service::Ses, Service::Mailgun, Service::Postmark]
        );
        assert!(matches!(
            &c.service(Service::Postmark).unwrap().verifier,
            Verifier::Shared(SharedSecret::Basic { password, .. }) if password == "s3cret"
        ));
        assert!(!c.service(Service::Ses).unwrap().confirm_subscriptions);
        let none = |_: &str| None;
        let e = WebhooksConfig::parse(text, dir.path(), &Overrides::default(), &none).unwrap_err();
        assert!(e.to_string().contains("MG_KEY"), "{e}");
        let e =
            WebhooksConfig::parse("[ses]\n", dir.path(), &Overrides::default(), &none).unwrap_err();
        assert!(e.to_string().contains("certificate_dir"), "{e}");
        let o = Overrides {
            sns_cert_dir: Some(dir.path().into()),
            sns_confirm_subscriptions: true,
            ..Overrides::default()
        };
        let c = WebhooksConfig::parse("[ses]\n", dir.path(), &o, &none).unwrap();
        assert!(c.service(Service::Ses).unwrap().confirm_subscriptions);
        assert!(
            WebhooksConfig::parse("[postmark]\nsecret = \"inline\"\n", dir.path(), &o, &none)
                .is_err()
        );
        // Without a directory, the fetcher given is used.
        let fetch = Overrides {
            sns_certificates: Some(std::sync::Arc::new(
                crate::testing::TestCertificate::default(),
            )),
            ..Overrides::default()
        };
        assert!(WebhooksConfig::parse("[ses]\n", dir.path(), &fetch, &none).is_ok());
    }
}
