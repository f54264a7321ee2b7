//! `knowledge/webhooks.toml`: for each service, each label it writes, the kind of event it
//! is for bouncedoc, and the reason to give when the service passes on no words of the
//! remote server. The file is embedded and checked by [`Mapping::load`] (and a test).

use std::sync::LazyLock;

use bouncedoc_core::Reason;
use serde::Deserialize;

use crate::event::{EventKind, Service};

/// The embedded data file.
pub const WEBHOOKS_TOML: &str = include_str!("../knowledge/webhooks.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    service: Vec<ServiceDoc>,
}

/// One service's entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDoc {
    /// The service's id ([`Service::id`]).
    pub id: String,
    /// Its name, as people know it.
    pub name: String,
    /// The documentation page of its events.
    pub source: String,
    /// How its requests are verified, and the documentation page that specifies it.
    pub verification: String,
    /// Its labels.
    pub label: Vec<LabelDoc>,
}

/// One label of a service.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelDoc {
    /// The label, `/`-separated from coarse to fine, as the service's reader builds it
    /// (compared without regard to ASCII case; a label matches its longest listed prefix).
    pub label: String,
    /// The kind of event ([`EventKind::id`]).
    pub kind: String,
    /// The reason to give when the service passes on no words of the remote server (or
    /// words the engine recognizes nothing in).
    #[serde(default)]
    pub reason: Option<String>,
    /// The page documenting this label, when it is not the service's `source`.
    #[serde(default)]
    pub source: Option<String>,
    /// What the service says the label means, in a few words of ours.
    #[serde(default)]
    pub note: Option<String>,
}

/// What a label maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The kind of event.
    pub kind: EventKind,
    /// The fallback reason.
    pub reason: Option<Reason>,
}

/// The mapping, checked.
#[derive(Debug)]
pub struct Mapping {
    services: Vec<(Service, Vec<(String, Entry)>)>,
}

static SHARED: LazyLock<Result<Mapping, String>> = LazyLock::new(|| Mapping::load(WEBHOOKS_TOML));

impl Mapping {
    /// The embedded mapping, loaded once; an error names what is wrong in the file.
    pub fn shared() -> Result<&'static Mapping, &'static str> {
        SHARED.as_ref().map_err(String::as_str)
    }

    /// Reads and checks a mapping file: every service listed once with an https source,
    /// every kind and reason known, no label twice.
    pub fn load(text: &str) -> Result<Mapping, String> {
        let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut services = Vec::new();
        for doc in file.service {
            let service: Service = doc
                .id
                .parse()
                .map_err(|e: crate::WebhookError| e.to_string())?;
            if services.iter().any(|(s, _)| *s == service) {
                return Err(format!("service `{}` listed twice", doc.id));
            }
            if !doc.source.starts_with("https://") {
                return Err(format!("service `{}`: source must be an https URL", doc.id));
            }
            if !doc.verification.contains("https://") {
                return Err(format!(
                    "service `{}`: verification must name its documentation page",
                    doc.id
                ));
            }
            let mut labels: Vec<(String, Entry)> = Vec::new();
            for l in doc.label {
                let key = l.label.to_ascii_lowercase();
                let kind = EventKind::from_id(&l.kind).ok_or_else(|| {
                    format!("{}: label `{}`: unknown kind `{}`", doc.id, l.label, l.kind)
                })?;
                let reason = match &l.reason {
                    Some(r) => Some(
                        r.parse::<Reason>()
                            .map_err(|e| format!("{}: label `{}`: {e}", doc.id, l.label))?,
                    ),
                    None => None,
                };
                if let Some(src) = &l.source
                    && !src.starts_with("https://")
                {
                    return Err(format!(
                        "{}: label `{}`: source must be an https URL",
                        doc.id, l.label
                    ));
                }
                if labels.iter().any(|(k, _)| *k == key) {
                    return Err(format!("{}: label `{}` listed twice", doc.id, l.label));
                }
                labels.push((key, Entry { kind, reason }));
            }
            services.push((service, labels));
        }
        if let Some(missing) = Service::ALL
            .iter()
            .find(|s| !services.iter().any(|(x, _)| x == *s))
        {
            return Err(format!("service `{missing}` is not listed"));
        }
        Ok(Mapping { services })
    }

    /// What a service's label maps to: the entry of its longest listed prefix (whole
    /// `/`-separated segments); `None` when no prefix is listed (the event is ignored).
    pub fn lookup(&self, service: Service, label: &str) -> Option<Entry> {
        let labels = &self.services.iter().find(|(s, _)| *s == service)?.1;
        let mut key = label.to_ascii_lowercase();
        loop {
            if let Some((_, e)) = labels.iter().find(|(k, _)| *k == key) {
                return Some(*e);
            }
            let cut = key.rfind('/')?;
            key.truncate(cut);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::BounceClass;

    #[test]
    fn the_embedded_file_is_valid() {
        let m = Mapping::shared().unwrap();
        let e = m.lookup(Service::Ses, "Bounce/Permanent/NoEmail").unwrap();
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Hard));
        assert_eq!(e.reason, Some(Reason::UserUnknown));
        // An unlisted subtype falls back to its type.
        let e = m
            .lookup(Service::Ses, "bounce/transient/SomethingNew")
            .unwrap();
        assert_eq!(e.kind, EventKind::Bounce(BounceClass::Soft));
        assert_eq!(m.lookup(Service::Ses, "Open"), None);
    }

    #[test]
    fn a_broken_file_is_refused() {
        let base = "[[service]]\nid = \"ses\"\nname = \"x\"\nsource = \"https://x\"\nverification = \"https://y\"\n";
        let bad_kind = format!("{base}[[service.label]]\nlabel = \"a\"\nkind = \"nonsense\"\n");
        assert!(
            Mapping::load(&bad_kind)
                .unwrap_err()
                .contains("unknown kind")
        );
        let bad_reason = format!(
            "{base}[[service.label]]\nlabel = \"a\"\nkind = \"delay\"\nreason = \"nope\"\n"
        );
        assert!(Mapping::load(&bad_reason).is_err());
        let twice = format!(
            "{base}[[service.label]]\nlabel = \"a\"\nkind = \"delay\"\n[[service.label]]\nlabel = \"A\"\nkind = \"delay\"\n"
        );
        assert!(Mapping::load(&twice).unwrap_err().contains("twice"));
        let missing = format!("{base}[[service.label]]\nlabel = \"a\"\nkind = \"delay\"\n");
        assert!(Mapping::load(&missing).unwrap_err().contains("not listed"));
        assert!(Mapping::load(&base.replace("https://x", "http://x")).is_err());
    }
}
