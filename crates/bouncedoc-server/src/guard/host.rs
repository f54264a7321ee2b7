//! The `Host` check: the server answers only for the names it was configured for, so that a
//! web page whose own name was made to point at this server (DNS rebinding) cannot read it.

use std::net::{IpAddr, SocketAddr};

/// The names every server answers for: its loopback names.
const LOOPBACK: [&str; 3] = ["localhost", "127.0.0.1", "[::1]"];

/// The host name of an authority (`name`, `name:port`, `[v6]`, `[v6]:port`), lower-cased,
/// without its port and without a final dot; `None` when it is not one.
pub(crate) fn host_name(authority: &str) -> Option<String> {
    let authority = authority.trim();
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let end = rest.find(']')?;
        (&authority[..end + 2], &rest[end + 1..])
    } else {
        match authority.rsplit_once(':') {
            Some((host, _)) => (host, &authority[host.len()..]),
            None => (authority, ""),
        }
    };
    let port_ok = port.is_empty()
        || port.strip_prefix(':').is_some_and(|p| {
            !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
        });
    let host = host.strip_suffix('.').unwrap_or(host);
    if !port_ok
        || host.is_empty()
        || (host.contains(['/', '@', ' ', ':']) && !host.starts_with('['))
    {
        return None;
    }
    Some(host.to_ascii_lowercase())
}

/// How an IP address is written as a host name (`[::1]` for IPv6).
fn ip_name(ip: IpAddr) -> String {
    // An IPv4 client of a dual-stack socket reached `::ffff:a.b.c.d`, and names `a.b.c.d`.
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    }
}

/// The host name a configured name stands for: `example.com`, `example.com:8025`, `[::1]`, or
/// an IPv6 address without brackets (`::1`).
pub(crate) fn configured_name(name: &str) -> Option<String> {
    match name.trim().parse::<IpAddr>() {
        Ok(ip) => Some(ip_name(ip)),
        Err(_) => host_name(name),
    }
}

/// Whether a request's host (its `Host` header) is one the server answers for: a loopback
/// name, the address the client reached (`local`), or one of `allowed`; any port.
pub(crate) fn is_allowed(host: &str, local: Option<SocketAddr>, allowed: &[String]) -> bool {
    let Some(name) = host_name(host) else {
        return false;
    };
    LOOPBACK.contains(&name.as_str())
        || local.is_some_and(|l| ip_name(l.ip()) == name)
        || allowed
            .iter()
            .any(|a| configured_name(a).is_some_and(|a| a == name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_host_names() {
        assert_eq!(host_name("LocalHost:8025").as_deref(), Some("localhost"));
        assert_eq!(host_name("example.com.").as_deref(), Some("example.com"));
        assert_eq!(host_name("[::1]:80").as_deref(), Some("[::1]"));
        assert_eq!(host_name("[::1]").as_deref(), Some("[::1]"));
        assert_eq!(host_name("127.0.0.1").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_name("a.example:"), None);
        assert_eq!(host_name("a.example:80x"), None);
        assert_eq!(host_name("[::1]x"), None);
        assert_eq!(host_name(""), None);
        assert_eq!(host_name("user@evil.example"), None);
    }

    #[test]
    fn allows_loopback_the_local_address_and_the_configured_names() {
        let local: SocketAddr = "192.0.2.7:8025".parse().unwrap();
        let allowed = vec!["Bounces.Example.com".to_string(), "::2".to_string()];
        for host in [
            "localhost:8025",
            "127.0.0.1:1",
            "[::1]:8025",
            "192.0.2.7:8025",
            "bounces.example.com",
            "bounces.example.com:443",
            "[::2]:8025",
        ] {
            assert!(is_allowed(host, Some(local), &allowed), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8025",
            "localhost.evil.example",
            "192.0.2.8:8025",
            "bounces.example.com.evil.example",
            "",
        ] {
            assert!(!is_allowed(host, Some(local), &allowed), "{host}");
        }
        assert!(!is_allowed("192.0.2.7:8025", None, &[]));
        let mapped: SocketAddr = "[::ffff:192.0.2.7]:8025".parse().unwrap();
        assert!(is_allowed("192.0.2.7:8025", Some(mapped), &[]));
    }
}
