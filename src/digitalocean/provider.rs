//! DigitalOcean's rules for the shared runtime: name, base URL, token variables and its error
//! body (`{"id", "message", "request_id"}`).

use super::DigitalOcean;
use crate::ApiMessage;
use crate::error::ErrorDetails;
use crate::provider::{Provider, sealed};

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
}
