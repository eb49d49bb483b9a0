//! DigitalOcean's rules for the shared runtime: name, base URL, token variables, its error body
//! (`{"id", "message", "request_id"}`) and its rate-limit headers (`ratelimit-limit`,
//! `ratelimit-remaining`, `ratelimit-reset`), which also say how long a 429 asks to wait.

use std::time::{Duration, SystemTime};

use ureq::http::{self, HeaderMap};

use super::DigitalOcean;
use crate::error::{ErrorDetails, ErrorKind};
use crate::linode::Linode;
use crate::provider::{Provider, sealed};
use crate::transport::header;
use crate::{ApiMessage, RateLimit, retry};

/// The header of the rate limit's size, looked up first: an answer without it reports none.
const LIMIT: http::HeaderName = http::HeaderName::from_static("ratelimit-limit");

impl Provider for DigitalOcean {
    const NAME: &'static str = "digitalocean";
    const DEFAULT_BASE_URL: &'static str = "https://api.digitalocean.com";
    const TOKEN_VARS: &'static [&'static str] = &["DIGITALOCEAN_ACCESS_TOKEN", "DIGITALOCEAN_TOKEN"];
    const BASE_URL_VAR: &'static str = "DIGITALOCEAN_API_URL";
    /// The spec's paths start with `/v2` already.
    const API_VERSIONS: &'static [&'static str] = &["v2"];
}

impl sealed::Sealed for DigitalOcean {
    type Options = ();

    fn error_details(body: &serde_json::Value, _: sealed::Seal) -> Option<ErrorDetails> {
        let text = |key: &str| body.get(key).and_then(serde_json::Value::as_str);
        let (id, message) = (text("id")?, text("message")?);
        let mut details = ErrorDetails::new(vec![ApiMessage::new(None, message)]).error_id(id);
        if let Some(request_id) = text("request_id") {
            details = details.request_id(request_id);
        }
        Some(details)
    }

    /// Linode's maintenance answer, read the same way. DigitalOcean documents no such header;
    /// the rule stays because this crate has always read it for both providers (and the testing
    /// kit's `Fault::maintenance` sends it to both).
    fn own_kind(status: u16, headers: &HeaderMap, seal: sealed::Seal) -> Option<(ErrorKind, &'static str)> {
        <Linode as sealed::Sealed>::own_kind(status, headers, seal)
    }

    /// On a 429 without `Retry-After`: until `ratelimit-reset`, the Unix time at which a
    /// request slot frees up.
    fn wait_hint(status: u16, headers: &HeaderMap, now: SystemTime, _: sealed::Seal) -> Option<Duration> {
        if status != 429 {
            return None;
        }
        let reset = header(headers, "ratelimit-reset")?.trim().parse::<u64>().ok()?;
        retry::until_unix_time(reset, now)
    }

    /// `ratelimit-limit`, `ratelimit-remaining` and `ratelimit-reset`, sent on every answer.
    fn rate_limit(headers: &HeaderMap, _: sealed::Seal) -> Option<RateLimit> {
        if !headers.contains_key(LIMIT) {
            return None; // one lookup on the hot path when there are none
        }
        let num = |name| header(headers, name).and_then(|v| v.trim().parse::<u64>().ok());
        Some(RateLimit {
            limit: num("ratelimit-limit")?,
            remaining: num("ratelimit-remaining")?,
            reset: num("ratelimit-reset")?,
        })
    }
}
