//! One builder for both clients: token, base URL, user agent, retries, timeouts and caps (this
//! file); what `build()` does with them (`build.rs`).

use std::fmt;
use std::marker::PhantomData;
use std::time::Duration;

use crate::clock::Clock;
use crate::provider::{Provider, Rules};
use crate::secret::Token;
use crate::{Error, Result, RetryPolicy};

mod build;

use build::ProxySetting;

/// Configures a client; `build()` checks everything and never sends a request.
///
/// Get one from `linode::Client::builder()` or `digitalocean::Client::builder()`.
///
/// ```no_run
/// use std::time::Duration;
/// use cloud_images::{RetryPolicy, digitalocean::Client};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder()
///     .token("dop_v1_...")
///     .user_agent("my-tool/1.2")
///     .timeout(Duration::from_secs(30))
///     .retry_policy(RetryPolicy::default().max_retries(2))
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct ClientBuilder<P: Provider> {
    pub(crate) token: Option<Token>,
    base_url: String,
    /// The environment variable `base_url` was read from, for messages; `None` when it was set
    /// in code (or is the default).
    base_url_var: Option<&'static str>,
    user_agent: Option<String>,
    retry: RetryPolicy,
    connect_timeout: Duration,
    timeout: Duration,
    max_response_size: u64,
    allow_insecure_http: bool,
    proxy: ProxySetting,
    root_certificates_pem: Vec<Vec<u8>>,
    /// The client's time source: real unless a test sets one.
    clock: Clock,
    /// The settings only this provider has.
    pub(crate) options: P::Options,
    provider: PhantomData<P>,
}

impl<P: Provider> Default for ClientBuilder<P> {
    fn default() -> Self {
        ClientBuilder {
            token: None,
            base_url: P::DEFAULT_BASE_URL.to_string(),
            base_url_var: None,
            user_agent: None,
            retry: RetryPolicy::default(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_response_size: 32 * 1024 * 1024,
            allow_insecure_http: false,
            proxy: ProxySetting::Env,
            root_certificates_pem: Vec::new(),
            clock: Clock::default(),
            options: P::Options::default(),
            provider: PhantomData,
        }
    }
}

impl<P: Provider> fmt::Debug for ClientBuilder<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("token", &self.token)
            .field("base_url", &crate::url::without_query(&self.base_url))
            .field("base_url_var", &self.base_url_var)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("options", &self.options)
            .field("max_response_size", &self.max_response_size)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("proxy", &self.proxy)
            .field("root_certificates_pem", &self.root_certificates_pem.len())
            .field("clock", &self.clock)
            .field("provider", &P::NAME)
            .finish()
    }
}

impl<P: Provider> ClientBuilder<P> {
    /// What a client's `from_env` builds: the token and the base URL from the environment; an
    /// error naming the token variables when no token is set (followed by `otherwise`, what to
    /// use instead, when there is something).
    pub(crate) fn from_env_with_token(otherwise: Option<&str>) -> Result<Self> {
        let builder = Self::default().token_from_env().base_url_from_env();
        if builder.token.is_some() {
            return Ok(builder);
        }
        let no_token = Rules::of::<P>().no_token();
        Err(Error::invalid_input(match otherwise {
            Some(otherwise) => format!("{no_token}; {otherwise}"),
            None => no_token,
        }))
    }

    /// The API token. Spaces and surrounding quotes are trimmed; an empty token means none.
    /// Without a token only public data can be read (Linode's public images).
    ///
    /// ```
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token(" \"my-token\"\n").build()?; // sent as `my-token`
    /// assert!(!format!("{client:?}").contains("my-token")); // and never printed
    /// # Ok(())
    /// # }
    /// ```
    pub fn token(mut self, token: impl AsRef<str>) -> Self {
        self.token = Token::new(token.as_ref());
        self
    }

    /// Reads the token from the provider's environment variables (see
    /// [`Provider::TOKEN_VARS`]); leaves it unset when none is set.
    ///
    /// ```
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // LINODE_TOKEN, else LINODE_CLI_TOKEN; anonymous when neither is set.
    /// let client = Client::builder().token_from_env().user_agent("my-tool/1.2").build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn token_from_env(mut self) -> Self {
        self.token =
            P::TOKEN_VARS.iter().find_map(|var| std::env::var(var).ok().and_then(|v| Token::new(&v)));
        self
    }

    /// The API's base URL (default: the provider's public API). A path prefix is kept
    /// (`http://127.0.0.1:8080/proxy`); a trailing `/` is dropped, and so is a trailing API
    /// version, which every path already starts with: `https://api.linode.com/v4` is
    /// `https://api.linode.com` with API version `v4` (Linode: `/v4` or `/v4beta`, which sets the
    /// version, and an [`api_version`](crate::linode::ClientBuilder::api_version) set to the
    /// other one is refused by `build`; DigitalOcean: `/v2`).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::{ApiVersion, Client}};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let local = Client::builder().base_url("http://127.0.0.1:8080/proxy/").build()?;
    /// let beta = Client::builder().base_url("https://api.linode.com/v4beta").build()?; // sends /v4beta/images
    /// assert_eq!(beta.api_version(), &ApiVersion::V4beta);
    /// let no_scheme = Client::builder().base_url("api.linode.com").build();
    /// assert_eq!(no_scheme.unwrap_err().kind(), ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// ```
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self.base_url_var = None;
        self
    }

    /// Reads the base URL from the provider's environment variable
    /// ([`Provider::BASE_URL_VAR`]: `LINODE_URL`, `DIGITALOCEAN_API_URL`) and, for Linode, the
    /// API version from `LINODE_API_VERSION` (`v4` or `v4beta`), as `from_env` does; what is
    /// unset or blank is left as it was. A value that is not a URL (or a version) is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error at `build()` that quotes
    /// it and names the variable. The base URL is read as by [`base_url`](Self::base_url).
    ///
    /// ```
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // `LINODE_URL=http://127.0.0.1:8041` sends every call to a local stand-in instead.
    /// let client = Client::builder().token_from_env().base_url_from_env().user_agent("my-tool/1.2").build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn base_url_from_env(mut self) -> Self {
        if let Some(url) = std::env::var_os(P::BASE_URL_VAR) {
            let url = url.to_string_lossy();
            if !url.trim().is_empty() {
                self.base_url = url.into_owned();
                self.base_url_var = Some(P::BASE_URL_VAR);
            }
        }
        P::options_from_env(&mut self.options, crate::provider::sealed::Seal(()));
        self
    }

    crate::setters::setters! {
        /// Your application's name and version, sent before `cloud-images/<version>` in
        /// `User-Agent`.
        ///
        /// ```
        /// use cloud_images::linode::Client;
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = Client::builder().user_agent("my-tool/1.2").build()?;
        /// // Sent as `User-Agent: my-tool/1.2 cloud-images/<version>`.
        /// assert!(format!("{client:?}").contains("my-tool/1.2 cloud-images/"));
        /// # Ok(())
        /// # }
        /// ```
        pub fn user_agent(self, product: impl Into<String>) -> Self => user_agent;

        /// How failed calls are retried (default [`RetryPolicy::default`]).
        ///
        /// ```
        /// use std::time::Duration;
        /// use cloud_images::{RetryPolicy, linode::Client};
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let policy = RetryPolicy::default().max_retries(2).max_wait(Duration::from_secs(10));
        /// let client = Client::builder().retry_policy(policy).build()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn retry_policy(self, policy: RetryPolicy) -> Self => retry;
    }

    /// Turns retries off.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // Fail fast (a health check, say): every call is sent once.
    /// let client = cloud_images::linode::Client::builder().no_retries().build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn no_retries(self) -> Self {
        self.retry_policy(RetryPolicy::none())
    }

    crate::setters::setters! {
        /// The limit for opening a connection (default 10 s). Zero is refused by `build`; 100 years
        /// or more (up to `Duration::MAX`) means no limit.
        ///
        /// ```
        /// use std::time::Duration;
        /// use cloud_images::{ErrorKind, linode::Client};
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = Client::builder().connect_timeout(Duration::from_secs(3)).build()?;
        /// let zero = Client::builder().connect_timeout(Duration::ZERO).build();
        /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput);
        /// # Ok(())
        /// # }
        /// ```
        pub fn connect_timeout(self, timeout: Duration) -> Self => connect_timeout;

        /// The limit for one API call in all (default 60 s): every attempt, each from connecting to
        /// the last byte of the answer, and every wait between attempts. Zero is refused by `build`;
        /// 100 years or more (up to `Duration::MAX`) means no limit.
        ///
        /// An attempt that runs out of it ends with an [`ErrorKind::Timeout`](crate::ErrorKind::Timeout)
        /// error, however the server stalls (a slow answer, a slow body, headers a byte at a time);
        /// a retry gets only what is left, and no wait is begun that would end after it (a
        /// `Retry-After` that would is not waited: the call fails at once with
        /// [`retry_after`](crate::Error::retry_after) set). Opening a connection is also limited by
        /// [`connect_timeout`](Self::connect_timeout). Within a [`Wait`](crate::Wait), each look is
        /// limited by this and by what is left of the wait's own timeout, whichever ends first.
        ///
        /// ```
        /// use std::time::Duration;
        /// use cloud_images::digitalocean::Client;
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// // Each call, with all its retries and waits, gives up after 20 s.
        /// let client = Client::builder().token("dop_v1_...").timeout(Duration::from_secs(20)).build()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn timeout(self, timeout: Duration) -> Self => timeout;

        /// The largest response body read (default 32 MiB); a larger one is an
        /// [`ErrorKind::ResponseTooLarge`](crate::ErrorKind::ResponseTooLarge) error. Zero is refused
        /// by `build` (no answer could be read); `u64::MAX` means no cap.
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// // Accept bodies up to 64 MiB.
        /// let client = cloud_images::linode::Client::builder().max_response_size(64 * 1024 * 1024).build()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn max_response_size(self, bytes: u64) -> Self => max_response_size;

        /// Allows sending the token over plain `http://` to a host that is not loopback
        /// (default: refused, as anyone on the path could read it).
        ///
        /// ```
        /// use cloud_images::{ErrorKind, linode::Client};
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let refused = Client::builder().token("my-token").base_url("http://api.example.com").build();
        /// assert_eq!(refused.unwrap_err().kind(), ErrorKind::InvalidInput);
        /// let client = Client::builder()
        ///     .token("my-token")
        ///     .base_url("http://api.example.com")
        ///     .allow_insecure_http(true)
        ///     .build()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn allow_insecure_http(self, allow: bool) -> Self => allow_insecure_http;
    }
    /// Sends every request, to the API and to object storage, through this HTTP proxy
    /// (`http://[user:password@]host:port`; `https://` calls go through a `CONNECT` tunnel, so
    /// the proxy never sees the token or the data). It wins over `HTTPS_PROXY`, `HTTP_PROXY` and
    /// `ALL_PROXY`, which apply otherwise (except to loopback hosts). A URL that is not an HTTP
    /// proxy's is an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error at
    /// `build()`; its credentials are never printed.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("my-token").proxy("http://proxy.corp.example:3128").build()?;
    /// let socks = Client::builder().proxy("socks5://127.0.0.1:1080").build();
    /// assert_eq!(socks.unwrap_err().kind(), ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// ```
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxySetting::Url(url.into());
        self
    }

    /// Uses no proxy at all, whatever `HTTPS_PROXY`, `HTTP_PROXY` or `ALL_PROXY` say (undoes
    /// [`proxy`](Self::proxy) too).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // Connect directly even where the environment sets a proxy.
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").no_proxy().build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxySetting::Off;
        self
    }

    /// Trusts the certificate authorities of this PEM bundle (one or more `-----BEGIN
    /// CERTIFICATE-----` sections) on top of the default roots (Mozilla's, from `webpki-roots`),
    /// for the API and object storage: a company CA, or a TLS-inspecting proxy's. May be called
    /// more than once. A bundle that is not PEM, has no certificate or holds one that is not a
    /// certificate is an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error at
    /// `build()`. A server whose certificate is still not trusted fails with
    /// [`ErrorKind::Tls`](crate::ErrorKind::Tls).
    ///
    /// ```no_run
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let company_ca = std::fs::read("/etc/ssl/certs/company-root-ca.pem")?;
    /// let client = Client::builder()
    ///     .token("my-token")
    ///     .proxy("http://proxy.corp.example:3128")
    ///     .add_root_certificate_pem(company_ca)
    ///     .build()?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// let not_pem = Client::builder().add_root_certificate_pem("hello").build();
    /// assert_eq!(not_pem.unwrap_err().kind(), ErrorKind::InvalidInput);
    /// ```
    pub fn add_root_certificate_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        self.root_certificates_pem.push(pem.as_ref().to_vec());
        self
    }

    /// The clock the client reads time from (feature `testing`), instead of real time. With a
    /// [manual](crate::testing::Clock::manual) clock, every sleep of the client (the wait
    /// before a retry, the interval between a wait's looks) advances that clock instead of
    /// sleeping, so a test of a `Retry-After` or a long wait takes no real time; timeouts,
    /// deadlines and [`Polled::elapsed`](crate::Polled::elapsed) are measured on it, and an
    /// answer that comes after its attempt's time limit on that clock (a server that advanced
    /// the clock before answering: a slow answer, in manual time) is an
    /// [`ErrorKind::Timeout`](crate::ErrorKind::Timeout) error, as it would be in real time. A
    /// [real](crate::testing::Clock::real) clock is real time.
    ///
    /// Give a client the stand-in's clock to share one time line with it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloud_images::testing::{Clock, Fault, LinodeStandIn};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start()?;
    /// let client = stand_in.client_builder().clock(stand_in.clock().clone()).build()?;
    /// stand_in.inject("get-image", Fault::too_many_requests(Duration::from_secs(5)));
    /// let before = stand_in.clock().now();
    /// client.images().get("linode/debian12")?; // the 429, then the image
    /// // The client waited the 5 s asked for, on the manual clock: no real time passed.
    /// assert!(stand_in.clock().now().duration_since(before).unwrap() >= Duration::from_secs(5));
    /// # Ok(())
    /// # }
    /// ```
    #[cfg(feature = "testing")]
    pub fn clock(mut self, clock: crate::testing::Clock) -> Self {
        self.clock = Clock::of(clock);
        self
    }
}
