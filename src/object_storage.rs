//! Object storage (S3 and the like), reached through pre-signed URLs: a body streamed in one
//! `PUT`, a `DELETE`, and how their answers count for the retry rules. Its own agent: no API
//! headers and never the token; a stall limit on each read and write instead of a total limit.

use std::io;
use std::time::Duration;

use ureq::http;

use crate::clock::Clock;
use crate::error::{ApiError, ErrorKind};
use crate::network::{self, ProxyChoice};
use crate::retry::{self, Outcome};
use crate::transport::{Settings, header, transport_error};
use crate::url::{check_tls, url_is_loopback, without_query};
use crate::{Error, Result, secret, wait};

/// How much of an upload body is read and written to the socket at a time: ureq reads a
/// `Content-Length` body straight into its output buffer, so this is both the read size from the
/// file and the write size to the connection. ureq's default, 128 KiB, made a loopback upload
/// 0.8x linode-cli's (5 MiB chunks) and cost 40% more CPU; 1 MiB and 4 MiB both reach it, 4 MiB
/// a little more often (BENCHMARKS.md, benchmarks 3 and 6). The buffer lives with the
/// connection (one per upload agent). Over TLS, rustls cuts writes into records whatever the size.
const UPLOAD_WRITE_SIZE: usize = 4 * 1024 * 1024;

/// How much of an object-storage answer's body is kept for the error.
const BODY_CAP: u64 = 64 * 1024;

/// A client's way to object storage.
#[derive(Debug)]
pub(crate) struct ObjectStorage {
    /// `None`: the provider has no object storage (no stall limit was set).
    agent: Option<ureq::Agent>,
    /// The provider's name, for messages.
    name: &'static str,
    /// Proxies come from the environment (they never apply to loopback).
    proxy_from_env: bool,
    /// The limit of a `DELETE`: the client's call timeout.
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    timeout: Duration,
    clock: Clock,
}

/// An object-storage answer: its status, its `Retry-After`, and its body as text.
struct Answer {
    status: u16,
    retry_after: Option<Duration>,
    text: String,
}

impl ObjectStorage {
    pub(crate) fn new(settings: &Settings) -> ObjectStorage {
        let agent = settings.upload_stall_timeout.map(|stall| {
            network::agent_config(settings, settings.network.proxy_for(false))
                .accept("")
                .timeout_per_read(wait::finite(stall))
                .timeout_per_write(wait::finite(stall))
                .output_buffer_size(UPLOAD_WRITE_SIZE)
                .build()
                .new_agent()
        });
        ObjectStorage {
            agent,
            name: settings.rules.name,
            proxy_from_env: matches!(settings.network.proxy, ProxyChoice::Env),
            timeout: settings.timeout,
            clock: settings.clock.clone(),
        }
    }

    /// Sends a body of exactly `len` bytes to a pre-signed URL: only `Content-Type`,
    /// `Content-Length` and `User-Agent`; never the token. No total limit: the stall limit only.
    pub(crate) fn put(&self, url: &str, len: u64, body: &mut dyn io::Read) -> Result<()> {
        let req = http::Request::builder()
            .method("PUT")
            .uri(url)
            .header("content-type", "application/octet-stream")
            .header("content-length", len.to_string())
            .body(ureq::SendBody::from_reader(body))
            .map_err(|e| {
                Error::invalid_input(format!("invalid upload url {}: {e}", without_query(url))).with_source(e)
            })?;
        let answer = self.run(req, url, None, "has no object-storage uploads")?;
        log::debug!(target: "cloud_images", "PUT {} ({len} bytes) -> {}", without_query(url), answer.status);
        let retry_after = answer.retry_after;
        answer.refused("upload").map_err(|e| e.with_retry_after(retry_after))
    }

    /// Sends one `DELETE` to a pre-signed URL (never the token), within the client's call
    /// timeout; a 2xx (S3 answers 204, also for a key that is not there) is done. Not retried
    /// here.
    #[cfg(feature = "spaces")]
    pub(crate) fn delete(&self, url: &str) -> Result<()> {
        let req = http::Request::builder().method("DELETE").uri(url).body(()).map_err(|e| {
            Error::invalid_input(format!("invalid url {}: {e}", without_query(url))).with_source(e)
        })?;
        let answer = self.run(req, url, wait::finite(self.timeout), "has no object storage")?;
        log::debug!(target: "cloud_images", "DELETE {} -> {}", without_query(url), answer.status);
        answer.refused("delete")
    }

    /// Sends `req` to `url` within `limit` (`None`: the agent's limits only) and reads the
    /// answer; `none` says what is missing when the provider has no object storage.
    fn run<B: ureq::AsSendBody>(
        &self,
        req: http::Request<B>,
        url: &str,
        limit: Option<Duration>,
        none: &str,
    ) -> Result<Answer> {
        check_tls(url)?;
        let Some(agent) = &self.agent else {
            return Err(Error::invalid_input(format!("{} {none}", self.name)));
        };
        let direct = url_is_loopback(url) && self.proxy_from_env;
        let req = if limit.is_some() || direct {
            let config = agent.configure_request(req).timeout_global(limit);
            if direct { config.proxy(None).build() } else { config.build() }
        } else {
            req
        };
        let mut resp = agent.run(req).map_err(|e| transport_error(e, url))?;
        let status = resp.status().as_u16();
        let retry_after = header(resp.headers(), "retry-after")
            .and_then(|v| retry::parse_retry_after(v, self.clock.system_now()));
        let text = resp
            .body_mut()
            .with_config()
            .limit(BODY_CAP)
            .lossy_utf8(true)
            .read_to_string()
            .unwrap_or_default();
        Ok(Answer { status, retry_after, text })
    }
}

impl Answer {
    /// Done on a 2xx; else an [`ErrorKind::Upload`] error saying that object storage refused
    /// the `what`, with the status and the body (signatures redacted: S3-style bodies can echo
    /// them, in `<SignatureProvided>` or the URL's query).
    fn refused(self, what: &str) -> Result<()> {
        let status = self.status;
        if (200..300).contains(&status) {
            return Ok(());
        }
        let text = secret::redact_signatures(self.text);
        Err(Error::new(ErrorKind::Upload, format!("object storage refused the {what} with status {status}"))
            .with_api(ApiError::new(status, None, text, None)))
    }
}

/// How a failed object-storage request counts for the retry rules: an answer by its status,
/// with S3's 500 (`InternalError`, which means "try again") asked to be retried; anything else
/// as no answer.
pub(crate) fn outcome(error: &Error) -> Outcome {
    match (error.kind(), error.status()) {
        (ErrorKind::Upload, Some(status)) => {
            Outcome::Answered { status, lasting: false, provider_asks: status == 500 }
        }
        (kind, _) => Outcome::NoAnswer(kind),
    }
}
