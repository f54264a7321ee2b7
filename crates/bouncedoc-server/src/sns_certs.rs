//! Amazon SNS signing certificates fetched over HTTPS, for the webhooks of Amazon SES when
//! no certificate directory is configured. Only URLs that the SNS verifier accepted are
//! asked for (`https://sns.<region>.amazonaws.com/....pem`, checked again here); the
//! verifier keeps each certificate once read, so each is fetched once per process.

use std::time::Duration;

use bouncedoc_webhooks::verify::sns::{CertificateSource, is_sns_url};

/// The most bytes a certificate may have (SNS's are about 2 KB).
const MAX_CERTIFICATE: u64 = 64 * 1024;

/// Fetches certificates with a blocking HTTPS client (rustls, the Mozilla roots), ten
/// seconds at most each.
#[derive(Debug)]
pub struct HttpsCertificates {
    agent: ureq::Agent,
}

impl Default for HttpsCertificates {
    fn default() -> HttpsCertificates {
        let agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(10)))
            .max_redirects(0)
            .https_only(true)
            .build()
            .into();
        HttpsCertificates { agent }
    }
}

impl CertificateSource for HttpsCertificates {
    fn certificate(&self, url: &str) -> Result<Vec<u8>, String> {
        if !is_sns_url(url) {
            return Err(format!("{url} is not on sns.<region>.amazonaws.com"));
        }
        let mut answer = self
            .agent
            .get(url)
            .call()
            .map_err(|e| format!("fetching {url}: {e}"))?;
        answer
            .body_mut()
            .with_config()
            .limit(MAX_CERTIFICATE)
            .read_to_vec()
            .map_err(|e| format!("reading {url}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sns_urls_are_fetched() {
        // Refused before any connection is tried.
        let e = HttpsCertificates::default()
            .certificate("https://example.com/SimpleNotificationService-x.pem")
            .unwrap_err();
        assert!(e.contains("not on sns"), "{e}");
    }
}
