//! The start-up check of `bouncedoc serve`: a ledger is never served on an address others can
//! reach without a token.

use std::net::SocketAddr;

use bouncedoc_core::{Knowledge, Lang};

use crate::Config;
use crate::labels::Labels;

/// The refusal to serve a ledger on a non-loopback address without a token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct Unprotected {
    /// The address asked for.
    pub listen: SocketAddr,
}

impl Unprotected {
    /// What is refused and how to fix it, in a language.
    pub fn message(&self, lang: Lang) -> String {
        let listen = self.listen.to_string();
        match Knowledge::shared()
            .ok()
            .and_then(|kb| Labels::load(kb).ok())
        {
            Some(labels) => labels
                .get("guard.unprotected", lang)
                .replace("{listen}", &listen),
            None => format!("refusing to serve the ledger on {listen} without a token"),
        }
    }
}

/// `Err` when `config` serves a ledger on `listen`, an address that is not a loopback one,
/// without a token ([`Config::token`]): anyone who reaches it could record bounces, lift
/// suppressions and read the address list.
pub fn check_exposure(listen: SocketAddr, config: &Config) -> Result<(), Unprotected> {
    if config.ledger.is_some() && config.token.is_none() && !listen.ip().is_loopback() {
        return Err(Unprotected { listen });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_names_the_address_and_the_fix_in_both_languages() {
        let e = Unprotected {
            listen: "0.0.0.0:8025".parse().unwrap(),
        };
        for lang in [Lang::En, Lang::Ja] {
            let text = e.message(lang);
            assert!(text.contains("0.0.0.0:8025"), "{text}");
            assert!(text.contains("--token-file"), "{text}");
            assert!(text.contains("BOUNCEDOC_TOKEN"), "{text}");
        }
        assert_ne!(e.message(Lang::En), e.message(Lang::Ja));
        assert_eq!(e.to_string(), e.message(Lang::En));
    }

    #[test]
    fn loopback_and_no_ledger_need_no_token() {
        let config = Config::default();
        assert!(check_exposure("0.0.0.0:8025".parse().unwrap(), &config).is_ok());
    }
}
