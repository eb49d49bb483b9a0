//! Reading an answer that came back whole: an error answer as an [`Error`] (the provider's body,
//! the kind of its own a provider may read in it), how long it asks to wait, the rate limit it
//! reports, and its headers.

use std::time::Instant;

use ureq::http::{self, HeaderMap};

use super::{CallName, Response, Transport};
use crate::error::{ApiError, ErrorKind};
use crate::{Error, retry, secret};

impl Transport {
    pub(super) fn timed_out(&self, name: CallName<'_>, start: Instant) -> Error {
        let ms = self.settings.clock.since(start).as_millis();
        Error::new(ErrorKind::Timeout, format!("{} {name} timed out after {ms} ms", self.settings.rules.name))
    }

    /// The error of a final non-2xx answer: [`ErrorKind::Api`], or the kind of its own the
    /// provider reads in it (`own`, with what the API did in its words).
    pub(super) fn api_error(
        &self,
        name: CallName<'_>,
        resp: &Response,
        own: Option<(ErrorKind, &str)>,
    ) -> Error {
        let rules = &self.settings.rules;
        let api = self.api_body(resp);
        let (kind, what) = own.unwrap_or((ErrorKind::Api, "answered"));
        let reason = http::StatusCode::from_u16(resp.status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("error")
            .to_lowercase();
        let mut message = format!("{} {name}: the api {what} {} {reason}", rules.name, resp.status);
        if resp.status == 401 && self.settings.token.is_none() {
            message = format!("{message} ({})", rules.no_token());
        }
        Error::new(kind, message).with_api(api)
    }

    /// The error body of `resp`, read by the provider's rules. A hostile or buggy server may
    /// echo the token back, or a pre-signed URL's signature: neither reaches the error.
    pub(super) fn api_body(&self, resp: &Response) -> ApiError {
        let mut text = String::from_utf8_lossy(&resp.body).into_owned();
        if let Some(token) = &self.settings.token {
            text = token.scrub(&text);
        }
        let text = secret::redact_signatures(text);
        let details = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|json| (self.settings.rules.error_details)(&json));
        ApiError::new(resp.status, request_id(&resp.headers), text, details)
    }

    /// How long the server asked to wait before retrying: `Retry-After`, else what the
    /// provider's own headers ask for.
    pub(super) fn wait_hint(&self, resp: &Response) -> Option<std::time::Duration> {
        let now = self.settings.clock.system_now();
        header(&resp.headers, "retry-after")
            .and_then(|v| retry::parse_retry_after(v, now))
            .or_else(|| (self.settings.rules.wait_hint)(resp.status, &resp.headers, now))
    }

    /// Keeps the rate limit `headers` report, if the provider reports one.
    pub(super) fn note_rate_limit(&self, headers: &HeaderMap) {
        if let Some(limit) = (self.settings.rules.rate_limit)(headers)
            && let Ok(mut last) = self.rate_limit.lock()
        {
            *last = Some(limit);
        }
    }
}

/// The header `name` as text, when it is text.
pub(crate) fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

pub(super) fn request_id(headers: &HeaderMap) -> Option<String> {
    header(headers, "x-request-id").map(str::to_string)
}
