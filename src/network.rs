//! Proxies and TLS trust: what the builder's `proxy`, `no_proxy` and
//! `add_root_certificate_pem` turn into, and which transport errors are TLS failures; and the
//! resolver of the API agent.

use std::fmt;

use crate::{Error, Result};

/// Whether this build can speak `https://` at all (feature `rustls` or `native-tls`).
pub(crate) const TLS_ENABLED: bool = cfg!(any(feature = "rustls", feature = "native-tls"));

/// Which proxy requests go through.
#[derive(Clone, Default)]
pub(crate) enum ProxyChoice {
    /// `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` (and `NO_PROXY`), except to loopback hosts.
    #[default]
    Env,
    /// No proxy, whatever the environment says.
    Off,
    /// This proxy for every request, loopback hosts included.
    Explicit(ureq::Proxy),
}

/// Proxy and TLS settings shared by the API and upload agents.
#[derive(Clone, Default)]
pub(crate) struct Network {
    pub(crate) proxy: ProxyChoice,
    /// Roots trusted on top of the default ones (DER, checked at `build()`).
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    pub(crate) extra_roots: Vec<ureq::tls::Certificate<'static>>,
}

impl fmt::Debug for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Network");
        match &self.proxy {
            ProxyChoice::Env => d.field("proxy", &"from the environment"),
            ProxyChoice::Off => d.field("proxy", &"none"),
            // Host and port only: the proxy's credentials are never printed.
            ProxyChoice::Explicit(p) => d.field("proxy", &format_args!("http://{}:{}", p.host(), p.port())),
        };
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        d.field("extra_roots", &self.extra_roots.len());
        d.finish()
    }
}

impl Network {
    /// The proxy for requests to a host (`loopback`: this machine).
    pub(crate) fn proxy_for(&self, loopback: bool) -> Option<ureq::Proxy> {
        match &self.proxy {
            ProxyChoice::Env if loopback => None,
            ProxyChoice::Env => ureq::Proxy::try_from_env(),
            ProxyChoice::Off => None,
            ProxyChoice::Explicit(proxy) => Some(proxy.clone()),
        }
    }

    /// TLS through the enabled library (`native-tls` when asked for, else rustls), trusting the
    /// default roots plus the builder's extra ones.
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    pub(crate) fn tls_config(&self) -> ureq::tls::TlsConfig {
        use ureq::tls::{Certificate, RootCerts, TlsConfig, TlsProvider};

        // ureq's default provider is rustls, even in a build that only has native-tls.
        let provider =
            if cfg!(feature = "native-tls") { TlsProvider::NativeTls } else { TlsProvider::Rustls };
        let config = TlsConfig::builder().provider(provider);
        if self.extra_roots.is_empty() {
            return config.build(); // ureq's default: the webpki roots
        }
        let defaults =
            webpki_root_certs::TLS_SERVER_ROOT_CERTS.iter().map(|c| Certificate::from_der(c.as_ref()));
        config.root_certs(RootCerts::from(defaults.chain(self.extra_roots.iter().cloned()))).build()
    }
}

/// Parses an `http://[user:password@]host[:port]` proxy URL.
pub(crate) fn parse_proxy(url: &str) -> Result<ureq::Proxy> {
    // Messages quote the URL as given, without its credentials or query.
    let shown = without_userinfo(url);
    let shown = crate::url::without_query(&shown);
    let url = url.trim();
    let proxy = ureq::Proxy::new(url).map_err(|e| {
        Error::invalid_input(format!("invalid proxy url {shown:?}: {e}; expected http://host:port"))
    })?;
    if proxy.protocol() != ureq::ProxyProtocol::Http {
        return Err(Error::invalid_input(format!(
            "unsupported proxy url {shown:?}: expected http://host:port (an HTTP proxy; https goes through CONNECT)"
        )));
    }
    if proxy.host().is_empty() {
        return Err(Error::invalid_input(format!("invalid proxy url {shown:?}: it has no host")));
    }
    Ok(proxy)
}

/// The URL with any `user:password@` replaced, for messages.
pub(crate) fn without_userinfo(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    let host = match authority.rsplit_once('@') {
        Some((_, host)) => format!("***@{host}"),
        None => authority.to_string(),
    };
    if scheme.is_empty() { format!("{host}{path}") } else { format!("{scheme}://{host}{path}") }
}

/// The certificates of a PEM bundle (other sections, such as keys, are skipped). Anything that
/// is not PEM, holds no certificate, or holds one that cannot be an X.509 certificate is refused.
#[cfg(any(feature = "rustls", feature = "native-tls"))]
pub(crate) fn parse_roots(pem: &[u8]) -> Result<Vec<ureq::tls::Certificate<'static>>> {
    let mut certs = Vec::new();
    for item in ureq::tls::parse_pem(pem) {
        match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => {
                check_certificate(cert.der())
                    .map_err(|why| Error::invalid_input(format!("invalid root certificate: {why}")))?;
                certs.push(cert);
            }
            Ok(_) => {}
            Err(e) => {
                return Err(Error::invalid_input(format!("invalid root certificate PEM: {e}")).with_source(e));
            }
        }
    }
    if certs.is_empty() {
        return Err(Error::invalid_input(
            "invalid root certificate PEM: no -----BEGIN CERTIFICATE----- section found",
        ));
    }
    Ok(certs)
}

/// Checks that `der` is shaped as an X.509 certificate, `SEQUENCE { tbsCertificate SEQUENCE,
/// signatureAlgorithm SEQUENCE, signature BIT STRING }` covering all bytes, and with rustls,
/// that webpki can make a trust anchor of it (the TLS libraries skip bad roots silently).
#[cfg(any(feature = "rustls", feature = "native-tls"))]
fn check_certificate(der: &[u8]) -> std::result::Result<(), String> {
    let shape = der_element(der).and_then(|(tag, body, rest)| {
        let (tbs, _, body) = der_element(body)?;
        let (alg, _, body) = der_element(body)?;
        let (sig, _, body) = der_element(body)?;
        Some([tag, tbs, alg, sig] == [0x30, 0x30, 0x30, 0x03] && body.is_empty() && rest.is_empty())
    });
    if shape != Some(true) {
        return Err("not a DER-encoded X.509 certificate".into());
    }
    #[cfg(feature = "rustls")]
    rustls::RootCertStore::empty()
        .add(rustls::pki_types::CertificateDer::from(der.to_vec()))
        .map_err(|e| e.to_string())?;
    Ok(())
}

/// One DER element: (tag, contents, what follows). Definite lengths only.
#[cfg(any(feature = "rustls", feature = "native-tls"))]
fn der_element(bytes: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = bytes.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let (len_bytes, rest) = rest.split_at(n);
        (len_bytes.iter().fold(0usize, |acc, b| (acc << 8) | usize::from(*b)), rest)
    };
    if rest.len() < len {
        return None;
    }
    let (body, after) = rest.split_at(len);
    Some((tag, body, after))
}

/// Whether a ureq error is a TLS failure: an untrusted, expired or wrong-name certificate, or a
/// failed handshake. Such failures are not retried: the next attempt would meet the same
/// certificate.
pub(crate) fn is_tls_error(e: &ureq::Error) -> bool {
    match e {
        ureq::Error::Tls(_) | ureq::Error::TlsRequired => true,
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        ureq::Error::Pem(_) => true,
        #[cfg(feature = "rustls")]
        ureq::Error::Rustls(_) => true,
        #[cfg(feature = "native-tls")]
        ureq::Error::NativeTls(_) | ureq::Error::Der(_) => true,
        // rustls reports handshake failures as an `io::Error` holding a `rustls::Error`.
        #[cfg(feature = "rustls")]
        ureq::Error::Io(io) => io.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()),
        _ => false,
    }
}

/// The API agent's name resolver: an IP address (`127.0.0.1`, `[::1]`: a local stand-in) is
/// answered at once; a name goes to ureq's [`DefaultResolver`], which, the agent having a
/// deadline, looks it up on a new thread (to give up on time).
///
/// [`DefaultResolver`]: ureq::unversioned::resolver::DefaultResolver
#[derive(Debug, Default)]
pub(crate) struct Resolver(ureq::unversioned::resolver::DefaultResolver);

impl ureq::unversioned::resolver::Resolver for Resolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> std::result::Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        if let Some(addr) = ip_literal(uri) {
            let mut addrs = self.empty();
            if addrs.try_push(addr).is_ok() {
                return Ok(addrs);
            }
        }
        self.0.resolve(uri, config, timeout)
    }
}

/// The socket address of a URI whose host is an IP address, with its port or the scheme's
/// (`http` 80, `https` 443); `None` for a name or another scheme.
fn ip_literal(uri: &ureq::http::Uri) -> Option<std::net::SocketAddr> {
    let host = uri.host()?;
    let ip = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
    let ip = ip.parse::<std::net::IpAddr>().ok()?;
    let port = match (uri.port_u16(), uri.scheme_str()) {
        (Some(port), _) => port,
        (None, Some(s)) if s.eq_ignore_ascii_case("http") => 80,
        (None, Some(s)) if s.eq_ignore_ascii_case("https") => 443,
        _ => return None,
    };
    Some(std::net::SocketAddr::new(ip, port))
}

/// What both agents share: TLS roots, the proxy, no redirects, statuses as answers, the user
/// agent and the connect timeout.
pub(crate) fn agent_config(
    settings: &crate::transport::Settings,
    proxy: Option<ureq::Proxy>,
) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
    let config = ureq::Agent::config_builder();
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    let config = config.tls_config(settings.network.tls_config());
    config
        .proxy(proxy)
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(settings.user_agent.as_str())
        .timeout_connect(crate::wait::finite(settings.connect_timeout))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proxy_urls_are_checked_and_their_credentials_never_shown() {
        for ok in
            ["http://127.0.0.1:3128", "http://proxy.corp:8080/", "proxy.corp:3128", "http://u:p@proxy:1"]
        {
            assert!(parse_proxy(ok).is_ok(), "{ok}");
        }
        assert_eq!(parse_proxy("http://u:p@proxy:1").unwrap().username(), Some("u"));
        for bad in ["", "not a url", "ftp://proxy:21", "socks5://proxy:1080", "https://proxy:443", "http://"]
        {
            let e = parse_proxy(bad).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
            assert!(e.to_string().contains("proxy url"), "{e}");
        }
        let e = parse_proxy("socks5://alice:s3cret@proxy:1080").unwrap_err();
        assert!(!e.to_string().contains("s3cret") && e.to_string().contains("***@proxy:1080"), "{e}");
        assert_eq!(without_userinfo("http://a:b@h:1/p@q"), "http://***@h:1/p@q");
        assert_eq!(without_userinfo("h:1"), "h:1");
        let e = parse_proxy("ftp://u:p?ss@proxy:21/?x=q").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid proxy url \"ftp://***@proxy:21/\": invalid proxy url; expected http://host:port"
        );
        let e = parse_proxy(" http:// ").unwrap_err();
        assert!(e.to_string().starts_with("invalid proxy url \" http:// \""), "{e}");
        let network = Network {
            proxy: ProxyChoice::Explicit(parse_proxy("http://a:s3cret@h:1").unwrap()),
            ..Default::default()
        };
        let shown = format!("{network:?}");
        assert!(shown.contains("http://h:1") && !shown.contains("s3cret"), "{shown}");
    }

    #[test]
    fn der_elements_are_bounded() {
        assert_eq!(der_element(&[0x30, 0x01, 0xaa, 0xbb]), Some((0x30, &[0xaa][..], &[0xbb][..])));
        assert_eq!(der_element(&[0x30, 0x82, 0x00, 0x01, 0xaa]), Some((0x30, &[0xaa][..], &[][..])));
        for bad in [
            &[][..],
            &[0x30],
            &[0x30, 0x05, 0x00],
            &[0x30, 0x80],
            &[0x30, 0x85, 1, 1, 1, 1, 1],
            &[0x30, 0x84, 0xff, 0xff, 0xff, 0xff],
        ] {
            assert_eq!(der_element(bad), None, "{bad:?}");
        }
    }

    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    #[test]
    fn root_pem_that_is_not_a_certificate_is_refused() {
        let block = |b64: &str| format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n");
        let mut cases = vec![
            String::new(),
            "hello".to_string(),
            block("not base64 !!"),
            block("AAAA"),     // three zero bytes
            block("MAMCAQE="), // SEQUENCE { INTEGER 1 }
            block("MAQwAgUA"), // SEQUENCE { SEQUENCE { NULL } }
            "-----BEGIN PRIVATE KEY-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n".to_string(),
        ];
        if cfg!(feature = "rustls") {
            cases.push(block("MAwwAgUAMAIFAAMCAAA=")); // the shape of a certificate, empty inside
        }
        for bad in cases {
            let e = parse_roots(bad.as_bytes()).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
            assert!(e.to_string().contains("root certificate"), "{e}");
        }
    }

    #[test]
    fn ip_addresses_are_resolved_without_a_lookup() {
        let addr = |uri: &str| ip_literal(&uri.parse().unwrap());
        assert_eq!(addr("http://127.0.0.1:8041/v4"), Some("127.0.0.1:8041".parse().unwrap()));
        assert_eq!(addr("http://[::1]:9/x"), Some("[::1]:9".parse().unwrap()));
        assert_eq!(addr("https://10.1.2.3/"), Some("10.1.2.3:443".parse().unwrap()));
        assert_eq!(addr("http://10.1.2.3"), Some("10.1.2.3:80".parse().unwrap()));
        assert_eq!(addr("http://localhost:8041"), None);
        assert_eq!(addr("https://api.linode.com"), None);
    }
}
