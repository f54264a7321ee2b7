//! The `Origin` check of state-changing requests: a browser names the page that sent a
//! request in `Origin`; a request sent by another site's page is refused, so that no web page
//! can post to the server on its user's behalf (cross-site request forgery).

use super::host::host_name;

/// An origin, as compared: scheme, host name, port (the scheme's default when not written).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// The port written in an authority (`name:8025`, `[::1]:8025`), if one is.
fn written_port(authority: &str) -> Option<u16> {
    let after = match authority.rfind(']') {
        Some(end) => &authority[end + 1..],
        None => authority.rsplit_once(':').map_or("", |(_, p)| p),
    };
    after.trim_start_matches(':').parse().ok()
}

/// Parses `scheme://host[:port]` (what browsers send; `null` and anything else is `None`).
fn parse(origin: &str) -> Option<Origin> {
    let origin = origin.trim().trim_end_matches('/');
    let (scheme, authority) = origin.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default = default_port(&scheme)?;
    if authority.contains('/') {
        return None;
    }
    Some(Origin {
        host: host_name(authority)?,
        port: written_port(authority).unwrap_or(default),
        scheme,
    })
}

/// Whether `origin` (an `Origin` header) is the server's own, as the request's `Host` names
/// it (scheme `http`, or `https` behind a proxy that ends TLS), or one of `allowed`
/// (`serve --allowed-origin`, such as `https://bounces.example.com`).
pub(crate) fn is_allowed(origin: &str, host: &str, allowed: &[String]) -> bool {
    let Some(origin) = parse(origin) else {
        return false;
    };
    let same = host_name(host).is_some_and(|name| {
        name == origin.host
            && match written_port(host) {
                Some(port) => port == origin.port,
                None => default_port(&origin.scheme) == Some(origin.port),
            }
    });
    same || allowed.iter().any(|a| parse(a).as_ref() == Some(&origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_servers_own_origin_is_allowed() {
        assert!(is_allowed("http://127.0.0.1:8025", "127.0.0.1:8025", &[]));
        assert!(is_allowed("http://LOCALHOST:8025", "localhost:8025", &[]));
        assert!(is_allowed("http://[::1]:8025", "[::1]:8025", &[]));
        assert!(is_allowed("http://bounces.example", "bounces.example", &[]));
        assert!(is_allowed(
            "http://bounces.example",
            "bounces.example:80",
            &[]
        ));
        assert!(is_allowed(
            "https://bounces.example",
            "bounces.example",
            &[]
        ));
    }

    #[test]
    fn other_origins_are_refused() {
        for origin in [
            "http://evil.example",
            "http://127.0.0.1:8026",
            "http://localhost:8025",
            "null",
            "",
            "file://",
            "http://127.0.0.1:8025/path",
        ] {
            assert!(!is_allowed(origin, "127.0.0.1:8025", &[]), "{origin}");
        }
    }

    #[test]
    fn configured_origins_are_allowed() {
        let allowed = vec!["https://Admin.Example/".to_string()];
        assert!(is_allowed(
            "https://admin.example",
            "127.0.0.1:8025",
            &allowed
        ));
        assert!(is_allowed(
            "https://admin.example:443",
            "127.0.0.1:8025",
            &allowed
        ));
        assert!(!is_allowed(
            "http://admin.example",
            "127.0.0.1:8025",
            &allowed
        ));
        assert!(!is_allowed(
            "https://admin.example:8443",
            "127.0.0.1:8025",
            &allowed
        ));
    }
}
