//! Linode's rules for the shared runtime: name, base URL, token variables, its error body
//! (`{"errors": [{"field", "reason"}]}`), its "try again" answer, and its own settings.

use std::time::Duration;

use super::Linode;
use super::types::{self, ApiVersion};
use serde::Deserialize;

use crate::provider::{Provider, sealed};
use crate::{ApiMessage, ErrorDetails};

impl sealed::Sealed for Linode {}

impl Provider for Linode {
    const NAME: &'static str = "linode";
    const DEFAULT_BASE_URL: &'static str = "https://api.linode.com";
    const TOKEN_VARS: &'static [&'static str] = &["LINODE_TOKEN", "LINODE_CLI_TOKEN"];
    type Options = Options;

    fn error_details(body: &serde_json::Value) -> Option<ErrorDetails> {
        let body = types::ErrorResponse::deserialize(body).ok()?;
        let messages =
            body.errors.iter().map(|e| ApiMessage::new(e.field.as_deref(), e.reason.clone())).collect();
        Some(ErrorDetails::new(messages))
    }

    /// Linode answers 400 `{"errors": [{"reason": "Linode busy."}]}` when it wants a retry.
    fn asks_for_retry(status: u16, details: &ErrorDetails) -> bool {
        status == 400 && details.messages.iter().any(|m| m.reason.trim().eq_ignore_ascii_case("linode busy."))
    }
}

/// The settings only a Linode client has; set through [`ClientBuilder`](super::ClientBuilder).
#[doc(hidden)]
#[derive(Clone, Debug)]
pub struct Options {
    pub(crate) api_version: ApiVersion,
    pub(crate) upload_stall_timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options { api_version: ApiVersion::V4, upload_stall_timeout: Duration::from_secs(60) }
    }
}

impl crate::ClientBuilder<Linode> {
    /// The API version in every path: `v4` (default) or `v4beta`.
    ///
    /// ```
    /// use cloud_images::linode::{ApiVersion, Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().api_version(ApiVersion::V4beta).build()?;
    /// assert_eq!(client.api_version().as_str(), "v4beta"); // paths start with /v4beta/
    /// # Ok(())
    /// # }
    /// ```
    pub fn api_version(mut self, version: ApiVersion) -> Self {
        self.options.api_version = version;
        self
    }

    /// An upload has no total limit, but fails when no byte moves for this long (default 60 s).
    /// Zero is refused by `build`; 100 years or more (up to `Duration::MAX`) means no limit.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // A slow uplink: allow two minutes without progress before giving up.
    /// let client =
    ///     Client::builder().token("my-token").upload_stall_timeout(Duration::from_secs(120)).build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn upload_stall_timeout(mut self, timeout: Duration) -> Self {
        self.options.upload_stall_timeout = timeout;
        self
    }
}
