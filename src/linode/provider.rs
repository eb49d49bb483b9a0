//! Linode's rules for the shared runtime: name, base URL, token variables, its error body
//! (`{"errors": [{"field", "reason"}]}`), its "try again" answer, its maintenance answer, and
//! its own settings.

use std::time::{Duration, SystemTime};

use super::Linode;
use super::types::{self, ApiVersion};
use serde::Deserialize;
use ureq::http::HeaderMap;

use crate::digitalocean::DigitalOcean;
use crate::error::{ErrorDetails, ErrorKind};
use crate::provider::{Provider, sealed};
use crate::url::without_query;
use crate::{ApiMessage, Error, RateLimit, Result};

/// How a version is written in code: `ApiVersion::V4beta`.
fn variant(version: &ApiVersion) -> String {
    match version {
        ApiVersion::V4 => "ApiVersion::V4".to_string(),
        ApiVersion::V4beta => "ApiVersion::V4beta".to_string(),
        ApiVersion::Other(other) => format!("ApiVersion::Other({other:?})"),
    }
}

impl Provider for Linode {
    const NAME: &'static str = "linode";
    const DEFAULT_BASE_URL: &'static str = "https://api.linode.com";
    const TOKEN_VARS: &'static [&'static str] = &["LINODE_TOKEN", "LINODE_CLI_TOKEN"];
    const BASE_URL_VAR: &'static str = "LINODE_URL";
    const API_VERSIONS: &'static [&'static str] = &["v4", "v4beta"];
}

impl sealed::Sealed for Linode {
    type Options = Options;

    /// `LINODE_API_VERSION`, the name Linode's Terraform provider and linodego use.
    fn options_from_env(options: &mut Options, _: sealed::Seal) {
        if let Some(version) = std::env::var_os(API_VERSION_VAR) {
            let version = version.to_string_lossy();
            let version = version.trim();
            if !version.is_empty() {
                let known = [ApiVersion::V4, ApiVersion::V4beta]
                    .into_iter()
                    .find(|v| v.as_str().eq_ignore_ascii_case(version));
                options.api_version = Some(known.unwrap_or_else(|| ApiVersion::Other(version.to_string())));
                options.api_version_var = Some(API_VERSION_VAR);
            }
        }
    }

    fn error_details(body: &serde_json::Value, _: sealed::Seal) -> Option<ErrorDetails> {
        let body = types::ErrorResponse::deserialize(body).ok()?;
        let messages =
            body.errors.iter().map(|e| ApiMessage::new(e.field.as_deref(), e.reason.clone())).collect();
        Some(ErrorDetails::new(messages))
    }

    /// Linode answers 400 `{"errors": [{"reason": "Linode busy."}]}` when it wants a retry.
    fn asks_for_retry(status: u16, details: &ErrorDetails, _: sealed::Seal) -> bool {
        status == 400 && details.messages.iter().any(|m| m.reason.trim().eq_ignore_ascii_case("linode busy."))
    }

    /// A 503 with `X-Maintenance-Mode`: the API is down for maintenance, for longer than any
    /// retry.
    fn own_kind(status: u16, headers: &HeaderMap, _: sealed::Seal) -> Option<(ErrorKind, &'static str)> {
        (status == 503 && headers.contains_key("x-maintenance-mode"))
            .then_some((ErrorKind::Maintenance, "is down for maintenance"))
    }

    /// DigitalOcean's rate-limit headers, read the same way: Linode rarely sends them (it
    /// documents `X-RateLimit-*`, which this crate does not read); the rule stays because this
    /// crate has always read them for both providers.
    fn wait_hint(status: u16, headers: &HeaderMap, now: SystemTime, seal: sealed::Seal) -> Option<Duration> {
        <DigitalOcean as sealed::Sealed>::wait_hint(status, headers, now, seal)
    }

    /// As [`wait_hint`](Self::wait_hint): DigitalOcean's headers.
    fn rate_limit(headers: &HeaderMap, seal: sealed::Seal) -> Option<RateLimit> {
        <DigitalOcean as sealed::Sealed>::rate_limit(headers, seal)
    }
}

/// The variable `from_env` reads the API version from.
const API_VERSION_VAR: &str = "LINODE_API_VERSION";

/// The settings only a Linode client has; set through [`ClientBuilder`](super::ClientBuilder).
/// Public in a private module, as the sealed `Options` of the provider must be: users cannot
/// name it.
#[derive(Clone, Debug)]
pub struct Options {
    /// The version asked for; `None`: the base URL's, else `v4`.
    pub(crate) api_version: Option<ApiVersion>,
    /// The environment variable `api_version` was read from, for messages.
    pub(crate) api_version_var: Option<&'static str>,
    pub(crate) upload_stall_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options { api_version: None, api_version_var: None, upload_stall_timeout: Duration::from_secs(60) }
    }
}

impl crate::ClientBuilder<Linode> {
    /// The API version in every path: `v4` (default) or `v4beta`. A base URL that ends with a
    /// version (`https://api.linode.com/v4beta`) sets it too; set both, they must agree, or
    /// `build` refuses them.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::{ApiVersion, Client}};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().api_version(ApiVersion::V4beta).build()?;
    /// assert_eq!(client.api_version().as_str(), "v4beta"); // paths start with /v4beta/
    /// let mixed = Client::builder().base_url("https://api.linode.com/v4").api_version(ApiVersion::V4beta).build();
    /// assert_eq!(mixed.unwrap_err().kind(), ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// ```
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.options.api_version = Some(version);
        self.options.api_version_var = None;
        self
    }

    /// The API version to use: the one set (by `api_version` or `LINODE_API_VERSION`), which
    /// must agree with one the base URL ends with, else that one, else `v4`.
    pub(crate) fn checked_api_version(&self) -> Result<ApiVersion> {
        let set = &self.options.api_version;
        if let (Some(ApiVersion::Other(version)), Some(var)) = (set, self.options.api_version_var) {
            return Err(Error::invalid_input(format!(
                "{var} {version:?} is not a Linode API version: set it to v4 or v4beta, or unset it"
            )));
        }
        let (base, in_url) = self.base_url_version();
        match (set, in_url) {
            (None, None) => Ok(ApiVersion::V4),
            (None, Some(version)) => Ok(ApiVersion::from(version)),
            (Some(set), None) => Ok(set.clone()),
            (Some(set), Some(version)) if set.as_str() == version => Ok(set.clone()),
            (Some(set), Some(version)) => {
                let asked = match self.options.api_version_var {
                    Some(var) => format!("{var} asks for {set}"),
                    None => format!("api_version({}) asks for {set}", variant(set)),
                };
                let choose = match self.options.api_version_var {
                    Some(var) => var.to_string(),
                    None => "api_version(..)".to_string(),
                };
                Err(Error::invalid_input(format!(
                    "{} {:?} ends with API version {version}, but {asked}: pass the base url without a version \
                     ({base:?}) and choose the version with {choose} alone",
                    self.base_url_what(),
                    without_query(self.base_url_text()),
                )))
            }
        }
    }

    crate::setters::setters! {
        /// An upload has no total limit, but fails when no byte moves for this long (default 60 s).
        /// Zero is refused by `build`; 100 years or more (up to `Duration::MAX`) means no limit.
        ///
        /// ```
        /// use std::time::{Duration, SystemTime};
        /// use cloud_images::linode::Client;
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// // A slow uplink: allow two minutes without progress before giving up.
        /// let client =
        ///     Client::builder().token("my-token").upload_stall_timeout(Duration::from_secs(120)).build()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn upload_stall_timeout(self, timeout: Duration) -> Self => options.upload_stall_timeout;
    }
}
