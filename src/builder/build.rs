//! What `build()` does with a [`ClientBuilder`]'s settings: reads the base URL, checks the proxy
//! and TLS roots, and makes the transport.

use std::fmt;
use std::time::Duration;

use super::ClientBuilder;
use crate::network::{self, Network, ProxyChoice};
use crate::provider::{Provider, Rules};
use crate::transport::{Settings, Transport};
use crate::url::is_loopback;
use crate::{Error, Result};

impl<P: Provider> ClientBuilder<P> {
    /// The base URL without its trailing `/` and API version, and that version (`v4beta`).
    pub(crate) fn base_url_version(&self) -> (&str, Option<&'static str>) {
        crate::url::split_version(&self.base_url, P::API_VERSIONS)
    }

    /// The base URL as given.
    pub(crate) fn base_url_text(&self) -> &str {
        &self.base_url
    }

    /// The base URL as messages name it: `the base url`, or `the base url from LINODE_URL`.
    pub(crate) fn base_url_what(&self) -> String {
        match self.base_url_var {
            Some(var) => format!("the base url from {var}"),
            None => "the base url".to_string(),
        }
    }

    /// The proxy and TLS settings, checked.
    fn network(&self) -> Result<Network> {
        let proxy = match &self.proxy {
            ProxySetting::Env => ProxyChoice::Env,
            ProxySetting::Off => ProxyChoice::Off,
            ProxySetting::Url(url) => ProxyChoice::Explicit(network::parse_proxy(url)?),
        };
        #[cfg(any(feature = "rustls", feature = "native-tls"))]
        {
            let mut extra_roots = Vec::new();
            for pem in &self.root_certificates_pem {
                extra_roots.extend(network::parse_roots(pem)?);
            }
            Ok(Network { proxy, extra_roots })
        }
        #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
        {
            if !self.root_certificates_pem.is_empty() {
                return Err(Error::invalid_input(
                    "root certificates need TLS: enable the `rustls` or `native-tls` feature",
                ));
            }
            Ok(Network { proxy })
        }
    }

    /// Checks the settings and makes the shared transport.
    /// Checks the shared settings and makes the transport. `upload_stall_timeout`: the stall
    /// limit of object-storage uploads, for a provider that has them (no upload agent without).
    /// Messages quote the base URL as given (without a query).
    pub(crate) fn transport(&self, upload_stall_timeout: Option<Duration>) -> Result<Transport> {
        let what = self.base_url_what();
        let shown = crate::url::without_query(&self.base_url);
        let uri = crate::url::http_url(&self.base_url, &what)?;
        let scheme = uri.scheme_str().unwrap_or_default().to_ascii_lowercase();
        let host = uri.host().unwrap_or_default();
        if uri.query().is_some() {
            return Err(Error::invalid_input(format!("{what} {shown:?} must not have a query")));
        }
        if scheme == "https" && !network::TLS_ENABLED {
            return Err(Error::invalid_input(format!(
                "{what} {shown:?} is https, which needs the `rustls` or `native-tls` feature"
            )));
        }
        let base = self.base_url_version().0.to_string();
        if scheme == "http" && self.token.is_some() && !is_loopback(host) && !self.allow_insecure_http {
            return Err(Error::invalid_input(format!(
                "refusing to send the {} token over plain http to {host}: use https, or allow_insecure_http(true)",
                P::NAME
            )));
        }
        for (name, d) in [("connect_timeout", self.connect_timeout), ("timeout", self.timeout)] {
            if d.is_zero() {
                return Err(Error::invalid_input(format!("{name} must be more than zero")));
            }
        }
        if self.max_response_size == 0 {
            return Err(Error::invalid_input("max_response_size must be more than zero"));
        }
        let own = concat!("cloud-images/", env!("CARGO_PKG_VERSION"));
        let user_agent = match self.user_agent.as_deref().map(str::trim) {
            Some(app) if !app.is_empty() => format!("{app} {own}"),
            _ => own.to_string(),
        };
        if ureq::http::HeaderValue::from_str(&user_agent).is_err() {
            return Err(Error::invalid_input(format!("invalid user agent {user_agent:?}")));
        }
        let network = self.network()?;
        Transport::new(Settings {
            rules: Rules::of::<P>(),
            base_url: base,
            token: self.token.clone(),
            user_agent,
            retry: self.retry.clone(),
            connect_timeout: self.connect_timeout,
            timeout: self.timeout,
            upload_stall_timeout,
            max_response_size: self.max_response_size,
            network,
            clock: self.clock.clone(),
        })
    }
}

/// The proxy asked for on the builder; checked at `build()`.
#[derive(Clone)]
pub(super) enum ProxySetting {
    Env,
    Off,
    Url(String),
}

impl fmt::Debug for ProxySetting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProxySetting::Env => f.write_str("Env"),
            ProxySetting::Off => f.write_str("Off"),
            ProxySetting::Url(url) => write!(f, "Url({:?})", network::without_userinfo(url)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::sealed;

    /// A third provider, to show that one plugs in without the core knowing it.
    struct Acme;
    impl sealed::Sealed for Acme {
        type Options = ();
        fn error_details(_: &serde_json::Value, _: sealed::Seal) -> Option<crate::error::ErrorDetails> {
            None
        }
    }
    impl Provider for Acme {
        const NAME: &'static str = "acme";
        const DEFAULT_BASE_URL: &'static str = "https://api.acme.example";
        const TOKEN_VARS: &'static [&'static str] = &["ACME_TOKEN"];
        const BASE_URL_VAR: &'static str = "ACME_URL";
        const API_VERSIONS: &'static [&'static str] = &["v1"];
    }

    #[test]
    fn loopback_hosts() {
        for h in ["localhost", "127.0.0.1", "127.8.9.1", "[::1]", "::1"] {
            assert!(is_loopback(h), "{h}");
        }
        for h in ["api.acme.example", "10.0.0.1", "localhost.evil.example"] {
            assert!(!is_loopback(h), "{h}");
        }
    }

    #[test]
    fn bad_base_urls_are_refused() {
        for url in ["", "api.acme.example", "ftp://x", "http://", "https://x/?a=b"] {
            let e = ClientBuilder::<Acme>::default().base_url(url).transport(None).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{url}");
        }
        let t = ClientBuilder::<Acme>::default().base_url("http://127.0.0.1:9/p/").transport(None).unwrap();
        assert_eq!(t.settings.base_url, "http://127.0.0.1:9/p");
        let t =
            ClientBuilder::<Acme>::default().base_url("http://127.0.0.1:9/p/v1/").transport(None).unwrap();
        assert_eq!(t.settings.base_url, "http://127.0.0.1:9/p");
    }

    #[test]
    fn base_url_messages_quote_it_as_given() {
        for (url, says) in [
            ("http://", r#"the base url "http://" is an invalid url"#),
            ("ftp://x/", r#"the base url "ftp://x/" must start with http:// or https://"#),
            ("https://x/?key=secret", r#"the base url "https://x/" must not have a query"#),
        ] {
            let e = ClientBuilder::<Acme>::default().base_url(url).transport(None).unwrap_err();
            assert!(e.to_string().starts_with(says), "{url}: {e}");
            assert!(!e.to_string().contains("secret"), "{e}");
        }
    }
}
