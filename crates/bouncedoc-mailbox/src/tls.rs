//! TLS for the mailbox connections: rustls with the system's trusted roots, or with the
//! certificates of one CA file instead; the handshake is finished before anything is sent, so
//! that a certificate the roots do not vouch for stops the connection with its own error.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

/// Why a TLS connection could not be made.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    /// The CA file could not be read or holds no certificate.
    #[error("the CA file {path} could not be read: {reason}")]
    CaFile { path: PathBuf, reason: String },
    /// The system's trusted roots could not be loaded.
    #[error("the system's trusted certificates could not be loaded: {0}")]
    NativeRoots(String),
    /// The host name cannot be checked against a certificate.
    #[error("`{0}` is not a host name a certificate can be checked against")]
    ServerName(String),
    /// The handshake failed: most often a certificate the trusted roots do not vouch for.
    #[error("TLS with {host} failed: {source}")]
    Handshake { host: String, source: io::Error },
    /// rustls refused the configuration.
    #[error("TLS could not be set up: {0}")]
    Setup(#[from] rustls::Error),
}

/// Which certificates are trusted.
#[derive(Debug, Clone)]
pub struct Trust {
    config: Arc<ClientConfig>,
}

impl Trust {
    /// The system's trusted roots (`ca_file` = `None`), or only the certificates in the PEM
    /// file `ca_file`.
    pub fn new(ca_file: Option<&Path>) -> Result<Trust, TlsError> {
        let mut roots = RootCertStore::empty();
        match ca_file {
            Some(path) => {
                let fail = |reason: String| TlsError::CaFile {
                    path: path.to_path_buf(),
                    reason,
                };
                let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
                    .map_err(|e| fail(e.to_string()))?
                    .collect::<Result<_, _>>()
                    .map_err(|e| fail(e.to_string()))?;
                if certs.is_empty() {
                    return Err(fail("it holds no PEM certificate".into()));
                }
                for cert in certs {
                    roots.add(cert).map_err(|e| fail(e.to_string()))?;
                }
            }
            None => {
                let found = rustls_native_certs::load_native_certs();
                if found.certs.is_empty() {
                    let why = found
                        .errors
                        .first()
                        .map_or("none found".to_string(), |e| e.to_string());
                    return Err(TlsError::NativeRoots(why));
                }
                // A certificate of the system's store that rustls cannot use is left out,
                // as the other TLS clients of the system do.
                roots.add_parsable_certificates(found.certs);
            }
        }
        // ring rather than aws-lc-rs (which needs cmake and a long C build); ring has no
        // post-quantum key exchange, hence its deprecation, which is no loss against today's
        // mail servers.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(Trust {
            config: Arc::new(config),
        })
    }

    /// Starts TLS on `tcp` with `host` and finishes the handshake.
    pub fn connect(&self, host: &str, mut tcp: TcpStream) -> Result<TlsStream, TlsError> {
        let name = ServerName::try_from(host.to_string())
            .map_err(|_| TlsError::ServerName(host.to_string()))?;
        let mut conn = ClientConnection::new(self.config.clone(), name)?;
        while conn.is_handshaking() {
            conn.complete_io(&mut tcp)
                .map_err(|source| TlsError::Handshake {
                    host: host.to_string(),
                    source,
                })?;
        }
        Ok(TlsStream(StreamOwned::new(conn, tcp)))
    }
}

/// A TLS connection over TCP.
#[derive(Debug)]
pub struct TlsStream(StreamOwned<ClientConnection, TcpStream>);

impl TlsStream {
    /// Sets how long a read may wait (`None`: for ever).
    pub fn set_read_timeout(&self, timeout: Option<Duration>) -> io::Result<()> {
        self.0.sock.set_read_timeout(timeout)
    }

    /// Another handle on the TCP socket (to change its timeouts once the stream is lent).
    pub fn socket(&self) -> io::Result<TcpStream> {
        self.0.sock.try_clone()
    }

    /// Says goodbye to the TLS peer (the TCP connection closes when this is dropped).
    pub fn close(&mut self) {
        self.0.conn.send_close_notify();
        let _ = self.0.conn.complete_io(&mut self.0.sock);
    }
}

impl Read for TlsStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf)
    }
}

impl Write for TlsStream {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ca_file_without_a_certificate_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate\n").unwrap();
        let err = Trust::new(Some(&path)).unwrap_err();
        assert!(matches!(err, TlsError::CaFile { .. }), "{err}");
        let missing = dir.path().join("missing.pem");
        assert!(matches!(
            Trust::new(Some(&missing)).unwrap_err(),
            TlsError::CaFile { .. }
        ));
    }
}
