//! What a provider plugs into the shared runtime: its name, where its API lives, where its token
//! comes from, how its error bodies read, which of its answers are worth another try, what its
//! own headers say (an answer of a kind of its own, how long to wait, its rate limit), and the
//! settings only it has. Everything else (transport, retries, pages, waits) is the same code for
//! every provider.

use std::fmt;
use std::time::{Duration, SystemTime};

use ureq::http::HeaderMap;

use crate::error::{ErrorDetails, ErrorKind};
use crate::transport::RateLimit;

/// What a provider plugs into the runtime that users do not see: a supertrait of [`Provider`]
/// in a private module, so that users can neither name its items nor implement `Provider`.
pub(crate) mod sealed {
    use std::fmt;
    use std::time::{Duration, SystemTime};

    use ureq::http::HeaderMap;

    use crate::error::{ErrorDetails, ErrorKind};
    pub use crate::operation::sealed::Seal;
    use crate::transport::RateLimit;

    /// A provider's hidden rules and settings. The methods take a [`Seal`], which only this
    /// crate can make: not even generic code over `P: Provider` can call them outside.
    pub trait Sealed {
        /// The builder settings only this provider has (Linode: the API version, the upload
        /// stall limit), set through its own `ClientBuilder` methods. A type users cannot name,
        /// with nothing public in it.
        type Options: Clone + fmt::Debug + Default + Send + Sync + 'static;
        /// Reads the provider's own settings from the environment (Linode:
        /// `LINODE_API_VERSION`), for
        /// [`ClientBuilder::base_url_from_env`](crate::ClientBuilder::base_url_from_env).
        fn options_from_env(_options: &mut Self::Options, _: Seal) {}
        /// Reads an error body in the provider's format; `None` when it is not.
        fn error_details(body: &serde_json::Value, _: Seal) -> Option<ErrorDetails>;
        /// Whether an error answer the general rules would not retry is one the provider wants
        /// retried (Linode's 400 "Linode busy.").
        fn asks_for_retry(_status: u16, _details: &ErrorDetails, _: Seal) -> bool {
            false
        }
        /// An error answer of a kind of the provider's own instead of [`ErrorKind::Api`], and
        /// what its message says the API did (`is down for maintenance`). Such an answer lasts
        /// longer than any retry: it is not retried.
        fn own_kind(_status: u16, _headers: &HeaderMap, _: Seal) -> Option<(ErrorKind, &'static str)> {
            None
        }
        /// How long an answer without `Retry-After` asks to wait before the next try, at `now`.
        fn wait_hint(_status: u16, _headers: &HeaderMap, _now: SystemTime, _: Seal) -> Option<Duration> {
            None
        }
        /// The rate limit an answer reports, if the provider reports one.
        fn rate_limit(_headers: &HeaderMap, _: Seal) -> Option<RateLimit> {
            None
        }
    }
}

/// A provider whose Images API this crate speaks: [`Linode`](crate::linode::Linode) or
/// [`DigitalOcean`](crate::digitalocean::DigitalOcean). Sealed: each lives in its own folder
/// (`src/linode/provider.rs`, `src/digitalocean/provider.rs`), and its rules for the runtime
/// (error bodies, retries, its own settings) are not public API.
///
/// ```
/// use cloud_images::{Provider, digitalocean::DigitalOcean, linode::Linode};
///
/// fn describe<P: Provider>() -> String {
///     format!("{} at {}", P::NAME, P::DEFAULT_BASE_URL)
/// }
/// assert_eq!(describe::<Linode>(), "linode at https://api.linode.com");
/// assert_eq!(DigitalOcean::TOKEN_VARS, ["DIGITALOCEAN_ACCESS_TOKEN", "DIGITALOCEAN_TOKEN"]);
/// assert_eq!(Linode::BASE_URL_VAR, "LINODE_URL");
/// ```
pub trait Provider: sealed::Sealed + Sized + 'static {
    /// The provider's name in messages (`"linode"`).
    const NAME: &'static str;
    /// The API's base URL (`"https://api.linode.com"`).
    const DEFAULT_BASE_URL: &'static str;
    /// The environment variables read for a token, in order.
    const TOKEN_VARS: &'static [&'static str];
    /// The environment variable the base URL is read from (`LINODE_URL`,
    /// `DIGITALOCEAN_API_URL`: the names the providers' Terraform providers use).
    const BASE_URL_VAR: &'static str;
    /// The API versions a base URL may end with (`/v4`, `/v4beta`; `/v2`): such an ending is
    /// taken off the base URL, as every path already starts with the version.
    const API_VERSIONS: &'static [&'static str];
}

/// A provider's rules, as the runtime keeps them (the transport is not generic).
#[derive(Clone, Copy)]
pub(crate) struct Rules {
    pub(crate) name: &'static str,
    pub(crate) token_vars: &'static [&'static str],
    pub(crate) error_details: fn(&serde_json::Value) -> Option<ErrorDetails>,
    pub(crate) asks_for_retry: fn(u16, &ErrorDetails) -> bool,
    pub(crate) own_kind: fn(u16, &HeaderMap) -> Option<(ErrorKind, &'static str)>,
    pub(crate) wait_hint: fn(u16, &HeaderMap, SystemTime) -> Option<Duration>,
    pub(crate) rate_limit: fn(&HeaderMap) -> Option<RateLimit>,
}

impl Rules {
    pub(crate) fn of<P: Provider>() -> Rules {
        Rules {
            name: P::NAME,
            token_vars: P::TOKEN_VARS,
            error_details: |body| P::error_details(body, sealed::Seal(())),
            asks_for_retry: |status, details| P::asks_for_retry(status, details, sealed::Seal(())),
            own_kind: |status, headers| P::own_kind(status, headers, sealed::Seal(())),
            wait_hint: |status, headers, now| P::wait_hint(status, headers, now, sealed::Seal(())),
            rate_limit: |headers| P::rate_limit(headers, sealed::Seal(())),
        }
    }

    /// Says that no token was set, and where one is read from (the same words for every
    /// provider).
    pub(crate) fn no_token(&self) -> String {
        format!(
            "no {} token was set: set {}, or use ClientBuilder::token",
            self.name,
            self.token_vars.join(" or ")
        )
    }
}

impl fmt::Debug for Rules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}
