//! Sends requests over one shared `ureq::Agent`: base URL, token, headers, retries, body caps,
//! rate-limit headers and error mapping. Both providers' clients sit on top of it.

use std::io;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;
use ureq::http::{self, HeaderMap};

use crate::clock::Clock;
use crate::decode::{Listing, PageItems};
use crate::error::{ApiError, ErrorKind};
use crate::network::{self, Network, ProxyChoice};
use crate::provider::Rules;
use crate::retry::{Deadline, Outcome, Try};
use crate::secret::{self, Token};
use crate::url::without_query;
use crate::{Error, Method, Operation, Result, RetryPolicy, encode, retry, wait};

/// How much of an upload body is read and written to the socket at a time: ureq reads a
/// `Content-Length` body straight into its output buffer, so this is both the read size from the
/// file and the write size to the connection. ureq's default, 128 KiB, made a loopback upload
/// 0.8x linode-cli's (5 MiB chunks) and cost 40% more CPU; 1 MiB and 4 MiB both reach it, 4 MiB
/// a little more often (BENCHMARKS.md, benchmarks 3 and 6). The buffer lives with the
/// connection (one per upload agent). Over TLS, rustls cuts writes into records whatever the size.
const UPLOAD_WRITE_SIZE: usize = 4 * 1024 * 1024;

/// The rate-limit headers of the last response that carried them (DigitalOcean sends them on
/// every response: `ratelimit-limit`, `ratelimit-remaining`, `ratelimit-reset`).
///
/// ```no_run
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// client.images().get("ubuntu-24-04-x64")?;
/// if let Some(limit) = client.rate_limit() {
///     println!("{} of {} requests left; resets at {}", limit.remaining, limit.limit, limit.reset);
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window (`ratelimit-limit`).
    pub limit: u64,
    /// Requests left in the window (`ratelimit-remaining`).
    pub remaining: u64,
    /// Unix time (seconds) at which the oldest request stops counting (`ratelimit-reset`).
    pub reset: u64,
}

/// Everything a client is configured with; built by [`ClientBuilder`](crate::ClientBuilder).
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    /// The provider's rules: name, token variables, error bodies, extra retries.
    pub(crate) rules: Rules,
    pub(crate) base_url: String,
    pub(crate) token: Option<Token>,
    pub(crate) user_agent: String,
    pub(crate) retry: RetryPolicy,
    pub(crate) connect_timeout: Duration,
    pub(crate) timeout: Duration,
    /// The stall limit of object-storage uploads; `None`: this provider has none (no agent).
    pub(crate) upload_stall_timeout: Option<Duration>,
    pub(crate) max_response_size: u64,
    pub(crate) network: Network,
    /// The client's time source: real, or a test's clock.
    pub(crate) clock: Clock,
}

/// A listing's envelope (its items taken out) and its items.
pub(crate) type ListingPage<L> = (L, PageItems<<L as Listing>::Item>);

/// A response read in full (within the size cap).
pub(crate) struct Response {
    pub(crate) status: u16,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
    /// How many requests the call sent to get it (an error decoding it says so).
    pub(crate) attempts: u32,
}

pub(crate) struct Transport {
    pub(crate) settings: Settings,
    /// `Authorization: Bearer …`, made once and marked sensitive (ureq and `http` print it
    /// as `Sensitive`).
    authorization: Option<http::HeaderValue>,
    agent: ureq::Agent,
    /// Object storage: only for a provider with uploads.
    upload_agent: Option<ureq::Agent>,
    rate_limit: Mutex<Option<RateLimit>>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport").field("settings", &self.settings).finish_non_exhaustive()
    }
}

/// How one attempt ended.
enum Attempt {
    Done(Response),
    /// No response read in full: the connection failed, a time limit ran out, the body was cut.
    Failed(Failure),
}

/// An attempt without a (whole) answer.
struct Failure {
    error: Error,
    /// The request may have reached the server, and been acted on: anything but a failure to
    /// resolve the host, reach the proxy or connect.
    maybe_sent: bool,
    /// The attempt's own time limit ran out (the call's, or what was left of it), not the
    /// connect timeout.
    out_of_time: bool,
}

/// What both agents share: TLS roots, the proxy, no redirects, statuses as answers, the user
/// agent and the connect timeout.
fn agent_config(
    settings: &Settings,
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
        .timeout_connect(wait::finite(settings.connect_timeout))
}

impl Transport {
    /// Fails only on a token that cannot be sent in a header (a control character in it).
    pub(crate) fn new(settings: Settings) -> Result<Transport> {
        let authorization = match &settings.token {
            None => None,
            Some(token) => Some(token.header_value().ok_or_else(|| {
                Error::invalid_input(format!(
                    "the {} token has characters that cannot be sent in a header",
                    settings.rules.name
                ))
            })?),
        };
        // Proxies from the environment apply, except to a loopback API (a local stand-in); the
        // builder's proxy applies to everything.
        let proxy = settings.network.proxy_for(url_is_loopback(&settings.base_url));
        // One limit on the whole of a request, every phase and the body included: the call's
        // timeout. The first attempt starts as the call does, so it runs on the agent's limit
        // (no per-request settings, which cost ~2,000 instructions); a retry, or a look of a
        // wait, sets what is left on its request (`run`).
        let config = agent_config(&settings, proxy)
            .accept("application/json")
            .timeout_global(wait::finite(settings.timeout))
            .build();
        // ureq's own resolver looks a name up on a new thread whenever a deadline is set; ours
        // answers an IP address (a loopback stand-in) at once and hands names to it.
        let agent = ureq::Agent::with_parts(
            config,
            ureq::unversioned::transport::DefaultConnector::default(),
            network::Resolver::default(),
        );
        // Object storage: no API headers, no total limit, but a stall limit on each read/write.
        let upload_agent = settings.upload_stall_timeout.map(|stall| {
            agent_config(&settings, settings.network.proxy_for(false))
                .accept("")
                .timeout_per_read(wait::finite(stall))
                .timeout_per_write(wait::finite(stall))
                .output_buffer_size(UPLOAD_WRITE_SIZE)
                .build()
                .new_agent()
        });
        Ok(Transport { settings, authorization, agent, upload_agent, rate_limit: Mutex::new(None) })
    }

    pub(crate) fn rate_limit(&self) -> Option<RateLimit> {
        self.rate_limit.lock().map(|g| *g).unwrap_or(None)
    }

    /// Sends `op` (with retries) and decodes its 2xx response.
    pub(crate) fn execute<O: Operation>(&self, op: &O) -> Result<O::Response> {
        let response = self.send(op)?;
        decode(O::OPERATION_ID, &response)
    }

    /// Sends a listing `op` and decodes its page, item by item when the page does not decode
    /// whole (see [`decode::listing`]).
    pub(crate) fn list<O>(&self, op: &O, page: Option<u64>) -> Result<ListingPage<O::Response>>
    where
        O: Operation,
        O::Response: Listing,
    {
        let response = self.send(op)?;
        let what = format!("{} {}", self.settings.rules.name, O::OPERATION_ID);
        crate::decode::listing::<O::Response>(&response.body, &what, page, || {
            match decode::<O::Response>(O::OPERATION_ID, &response) {
                Err(e) => e,
                Ok(_) => Error::new(ErrorKind::Decode, format!("cannot decode the response to {what}"))
                    .with_attempts(response.attempts),
            }
        })
    }

    /// Sends `op` (with retries) within the call's timeout and, when it comes first, `outer`
    /// (a wait's deadline; [`Deadline::reached`] then tells whether it cut the call short), and
    /// decodes its 2xx response.
    pub(crate) fn execute_by<O: Operation>(&self, op: &O, outer: &Deadline) -> Result<O::Response> {
        let response = self.send_by(op, Some(outer))?;
        decode(O::OPERATION_ID, &response)
    }

    /// Sends `op` with retries: its 2xx response, undecoded (a delete's body is not read).
    pub(crate) fn send<O: Operation>(&self, op: &O) -> Result<Response> {
        self.send_by(op, None)
    }

    /// [`send`](Self::send), within `outer` too when it comes before the call's own deadline.
    fn send_by<O: Operation>(&self, op: &O, outer: Option<&Deadline>) -> Result<Response> {
        let body = match op.body() {
            Some(b) => Some(serde_json::to_vec(b).map_err(|e| {
                Error::invalid_input(format!("cannot encode the body of {}: {e}", O::OPERATION_ID))
                    .with_source(e)
            })?),
            None => None,
        };
        // The URL in one buffer: base, path, query.
        let base = &self.settings.base_url;
        let mut url = String::with_capacity(base.len() + 96);
        url.push_str(base);
        op.write_path(&mut url);
        let path_end = url.len();
        let query = op.query();
        if !query.is_empty() {
            url.push('?');
            encode::push_query(&mut url, &query);
        }
        let path = url.get(base.len()..path_end).unwrap_or_default();
        let name = CallName { operation: O::OPERATION_ID, template: O::PATH_TEMPLATE, path };
        self.call(O::METHOD, name, &url, &op.headers(), body, outer)
    }

    /// Sends one API request to `url`, retrying as the policy allows; a non-2xx final answer
    /// is an error. Every attempt and every wait fits within the call's timeout, and within
    /// `outer` when that comes first.
    ///
    /// A `DELETE` that gets 404 after an attempt whose outcome is unknown (no answer, or a
    /// gateway's 502/504) was done by that attempt: it succeeds, with an empty 204 response.
    fn call(
        &self,
        method: Method,
        name: CallName<'_>,
        url: &str,
        headers: &[(&'static str, String)],
        body: Option<Vec<u8>>,
        outer: Option<&Deadline>,
    ) -> Result<Response> {
        let path = name.path;
        let uri = url.parse::<http::Uri>().map_err(|e| {
            Error::invalid_input(format!("cannot build the request to {}: {e}", without_query(url)))
                .with_source(e)
        })?;
        let mut extra = Vec::with_capacity(headers.len());
        for (header, value) in headers {
            let (Ok(header), Ok(value)) =
                (http::HeaderName::from_bytes(header.as_bytes()), http::HeaderValue::from_str(value))
            else {
                return Err(Error::invalid_input(format!("{name}: the header {header} cannot be {value:?}")));
            };
            extra.push((header, value));
        }
        let clock = &self.settings.clock;
        let start = clock.now();
        // `None`: a timeout too large to be a deadline, so none.
        let own = Deadline::new(wait::deadline(start, self.settings.timeout));
        // The deadline that comes first governs the attempts and the waits: a wait's, when it
        // ends before the call's own.
        let deadline = match outer {
            Some(o) if o.at().is_some_and(|at| own.at().is_none_or(|d| at < d)) => o,
            _ => &own,
        };
        // The agent's limit is the call's timeout from the moment an attempt starts: enough for
        // the first attempt on the call's own deadline.
        let agent_limit_holds = std::ptr::eq(deadline, &own);
        let what = format_args!("{} {method} {path}", self.settings.rules.name);
        // The send time only serves the debug log line.
        let logging = log::log_enabled!(target: "cloud_images", log::Level::Debug);
        // Whether an attempt may have been carried out without its answer reaching us.
        let mut outcome_unknown = false;
        retry::run(&self.settings.retry, clock, deadline, &what, |attempt| {
            // The first attempt on the call's own deadline runs on the agent's limit (no clock
            // reading); any other gets what is left.
            let limit = if attempt == 1 && agent_limit_holds {
                None
            } else {
                let left = deadline.left(clock.now());
                if left.is_some_and(|left| left.is_zero()) {
                    deadline.mark_reached();
                    return Try::Stop(self.timed_out(name, start).with_attempts(attempt.saturating_sub(1)));
                }
                left
            };
            let sent = logging.then(Instant::now);
            let ms = |sent: Option<Instant>| sent.map_or(0, |s| s.elapsed().as_millis());
            let mut result = self.send_once(method, &uri, url, &extra, body.as_deref(), limit);
            if clock.is_manual()
                && let Some(end) = deadline.at()
                && clock.now() > end
            {
                // On a manual clock, a slow answer is made by moving the clock (a stand-in's
                // delay): real time, which ureq's limits measure, barely passes. The answer came
                // after the attempt's limit, so it is the timeout ureq would have given.
                result = Attempt::Failed(Failure {
                    error: Error::new(
                        ErrorKind::Timeout,
                        format!("timed out talking to {}", without_query(url)),
                    ),
                    maybe_sent: true,
                    out_of_time: true,
                });
            }
            match result {
                Attempt::Done(mut resp) => {
                    resp.attempts = attempt;
                    self.note_rate_limit(&resp.headers);
                    log::debug!(
                        target: "cloud_images",
                        "{} {method} {path} -> {} (attempt {attempt}, {} ms, request id {})",
                        self.settings.rules.name,
                        resp.status,
                        ms(sent),
                        request_id(&resp.headers).unwrap_or_else(|| "-".into()),
                    );
                    if (200..300).contains(&resp.status) {
                        return Try::Done(resp);
                    }
                    if resp.status == 404 && method == Method::Delete && outcome_unknown {
                        log::debug!(
                            target: "cloud_images",
                            "{} {method} {path}: 404 after an attempt whose outcome is unknown: that attempt deleted it; done",
                            self.settings.rules.name,
                        );
                        return Try::Done(Response {
                            status: 204,
                            headers: resp.headers,
                            body: Vec::new(),
                            attempts: attempt,
                        });
                    }
                    // A gateway's 502 or 504: the API behind it may have acted.
                    outcome_unknown |= matches!(resp.status, 502 | 504);
                    let hint = self.wait_hint(&resp);
                    let maintenance = resp.status == 503 && resp.headers.contains_key("x-maintenance-mode");
                    let error = self.api_error(name, &resp, maintenance).with_retry_after(hint);
                    let provider_asks = error
                        .api()
                        .is_some_and(|api| (self.settings.rules.asks_for_retry)(resp.status, api.parsed()));
                    let outcome = Outcome::Answered { status: resp.status, maintenance, provider_asks };
                    Try::Failed { error, retry: retry::should_retry(method, &outcome), wait: hint }
                }
                Attempt::Failed(Failure { error, maybe_sent, out_of_time }) => {
                    log::debug!(
                        target: "cloud_images",
                        "{} {method} {path} failed (attempt {attempt}, {} ms): {error}",
                        self.settings.rules.name,
                        ms(sent),
                    );
                    outcome_unknown |= maybe_sent;
                    if out_of_time {
                        // The attempt's limit (the agent's, or `left`) is the governing deadline.
                        deadline.mark_reached();
                    }
                    let retry = retry::should_retry(method, &Outcome::NoAnswer(error.kind()));
                    Try::Failed { error, retry, wait: None }
                }
            }
        })
    }

    /// One attempt: the request built in place (no `http` builder), sent, its body read.
    fn send_once(
        &self,
        method: Method,
        uri: &http::Uri,
        url: &str,
        extra: &[(http::HeaderName, http::HeaderValue)],
        body: Option<&[u8]>,
        limit: Option<Duration>,
    ) -> Attempt {
        let mut head = http::Request::new(());
        *head.method_mut() = match method {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        };
        *head.uri_mut() = uri.clone();
        let fields = head.headers_mut();
        if let Some(authorization) = &self.authorization {
            fields.insert(http::header::AUTHORIZATION, authorization.clone());
        }
        for (header, value) in extra {
            fields.append(header.clone(), value.clone());
        }
        // A request without a body sends none: no `Content-Length: 0` on a GET or DELETE.
        let sent = match body {
            Some(bytes) => {
                fields.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
                let (parts, ()) = head.into_parts();
                self.run(http::Request::from_parts(parts, bytes.to_vec()), limit)
            }
            None => self.run(head, limit),
        };
        let mut resp = match sent {
            Ok(r) => r,
            Err(e) => return Attempt::Failed(failure(e, url)),
        };
        let status = resp.status().as_u16();
        let headers = std::mem::take(resp.headers_mut());
        let max = self.settings.max_response_size;
        match resp.body_mut().with_config().limit(max).read_to_vec() {
            Ok(body) => Attempt::Done(Response { status, headers, body, attempts: 1 }),
            Err(e) => {
                let Failure { error, maybe_sent, out_of_time } = failure(e, url);
                Attempt::Failed(Failure { error: error.with_status(status), maybe_sent, out_of_time })
            }
        }
    }

    /// Runs one request within `limit` in all (every phase, the body included) when there is
    /// one (a retry, or a wait's look: what is left), else within the agent's limit (the
    /// call's timeout). Setting a limit on a request costs ~2,000 instructions (ureq copies its
    /// whole configuration into the request), so the first attempt of a call sets none.
    fn run<B: ureq::AsSendBody>(
        &self,
        req: http::Request<B>,
        limit: Option<Duration>,
    ) -> std::result::Result<http::Response<ureq::Body>, ureq::Error> {
        let req = match limit {
            None => req,
            Some(left) => self.agent.configure_request(req).timeout_global(Some(left)).build(),
        };
        self.agent.run(req)
    }

    /// Sends a body of exactly `len` bytes to a pre-signed object-storage URL: only
    /// `Content-Type`, `Content-Length` and `User-Agent`; never the token.
    pub(crate) fn put_object(&self, url: &str, len: u64, body: &mut dyn io::Read) -> Result<()> {
        let req = http::Request::builder()
            .method("PUT")
            .uri(url)
            .header("content-type", "application/octet-stream")
            .header("content-length", len.to_string())
            .body(ureq::SendBody::from_reader(body))
            .map_err(|e| {
                Error::invalid_input(format!("invalid upload url {}: {e}", without_query(url))).with_source(e)
            })?;
        check_tls(url)?;
        let Some(upload_agent) = &self.upload_agent else {
            return Err(Error::invalid_input(format!(
                "{} has no object-storage uploads",
                self.settings.rules.name
            )));
        };
        let req = if url_is_loopback(url) && matches!(self.settings.network.proxy, ProxyChoice::Env) {
            upload_agent.configure_request(req).proxy(None).build()
        } else {
            req
        };
        let mut resp = upload_agent.run(req).map_err(|e| transport_error(e, url))?;
        let status = resp.status().as_u16();
        let retry_after = header(resp.headers(), "retry-after")
            .and_then(|v| retry::parse_retry_after(v, self.settings.clock.system_now()));
        let text = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024)
            .lossy_utf8(true)
            .read_to_string()
            .unwrap_or_default();
        log::debug!(target: "cloud_images", "PUT {} ({len} bytes) -> {status}", without_query(url));
        if (200..300).contains(&status) {
            return Ok(());
        }
        // S3-style bodies can echo the signature (`<SignatureProvided>`, the URL's query).
        let text = secret::redact_signatures(text);
        Err(Error::new(ErrorKind::Upload, format!("object storage refused the upload with status {status}"))
            .with_api(ApiError::new(status, None, text, None))
            .with_retry_after(retry_after))
    }

    fn timed_out(&self, name: CallName<'_>, start: Instant) -> Error {
        let ms = self.settings.clock.since(start).as_millis();
        Error::new(ErrorKind::Timeout, format!("{} {name} timed out after {ms} ms", self.settings.rules.name))
    }

    fn api_error(&self, name: CallName<'_>, resp: &Response, maintenance: bool) -> Error {
        let rules = &self.settings.rules;
        let api = self.api_body(resp);
        let (kind, what) = if maintenance {
            (ErrorKind::Maintenance, "is down for maintenance")
        } else {
            (ErrorKind::Api, "answered")
        };
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
    fn api_body(&self, resp: &Response) -> ApiError {
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

    /// How long the server asked to wait before retrying: `Retry-After`, else (on a 429)
    /// DigitalOcean's `ratelimit-reset`.
    fn wait_hint(&self, resp: &Response) -> Option<Duration> {
        let now = self.settings.clock.system_now();
        header(&resp.headers, "retry-after").and_then(|v| retry::parse_retry_after(v, now)).or_else(|| {
            (resp.status == 429)
                .then(|| header(&resp.headers, "ratelimit-reset")?.trim().parse::<u64>().ok())
                .flatten()
                .and_then(|reset| retry::until_unix_time(reset, now))
        })
    }

    fn note_rate_limit(&self, headers: &HeaderMap) {
        const LIMIT: http::HeaderName = http::HeaderName::from_static("ratelimit-limit");
        if !headers.contains_key(LIMIT) {
            return; // one lookup on the hot path when there are none
        }
        let num = |name| header(headers, name).and_then(|v| v.trim().parse::<u64>().ok());
        if let (Some(limit), Some(remaining), Some(reset)) =
            (num("ratelimit-limit"), num("ratelimit-remaining"), num("ratelimit-reset"))
            && let Ok(mut last) = self.rate_limit.lock()
        {
            *last = Some(RateLimit { limit, remaining, reset });
        }
    }
}

/// Names a call in its errors: the operation and the values of its path's parameters,
/// decoded (`get-image private/12345`, `get-image-action 7555620 36805527`). Written only when
/// an error or log line needs it: nothing is formatted on a call that succeeds.
#[derive(Clone, Copy)]
pub(crate) struct CallName<'a> {
    operation: &'static str,
    /// The spec's path template (`/images/{imageId}`).
    template: &'static str,
    /// The path sent, without the query; a client may put a prefix such as the API version in
    /// front, so the template's segments are matched from the end.
    path: &'a str,
}

impl std::fmt::Display for CallName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.operation)?;
        let (names, values) = (self.template.split('/').count(), self.path.split('/').count());
        let skip = |n: usize, of: usize| n.saturating_sub(of);
        let names_and_values = self
            .template
            .split('/')
            .skip(skip(names, values))
            .zip(self.path.split('/').skip(skip(values, names)));
        for (name, value) in names_and_values {
            if name.starts_with('{') {
                write!(f, " {}", percent_encoding::percent_decode_str(value).decode_utf8_lossy())?;
            }
        }
        Ok(())
    }
}

/// Decodes a 2xx body into `T`, naming the JSON path that failed. An empty body reads as `null`
/// (so `()` decodes from a 204), or as `{}` for a type that needs an object (Linode's empty
/// answers).
pub(crate) fn decode<T: DeserializeOwned>(op_id: &str, resp: &Response) -> Result<T> {
    let empty = resp.body.iter().all(u8::is_ascii_whitespace);
    if empty
        && let Ok(value) = serde_json::from_slice::<T>(b"null").or_else(|_| serde_json::from_slice(b"{}"))
    {
        return Ok(value);
    }
    let bytes: &[u8] = if empty { b"null" } else { &resp.body };
    let failed = |path: String, e: serde_json::Error| {
        Error::new(
            ErrorKind::Decode,
            format!("cannot decode the response to {op_id} (status {}) at `{path}`: {e}", resp.status),
        )
        .with_status(resp.status)
        .with_attempts(resp.attempts)
        .with_source(e)
    };
    // The fast path: plain serde_json. Only a failure is decoded again, tracking the JSON path
    // for the message (path tracking costs as much as the decoding itself).
    match serde_json::from_slice(bytes) {
        Ok(value) => Ok(value),
        Err(plain) => {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let path = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => e.path().to_string(),
                Ok(_) => ".".to_string(), // trailing characters after a valid value
            };
            Err(failed(path, plain))
        }
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn request_id(headers: &HeaderMap) -> Option<String> {
    header(headers, "x-request-id").map(str::to_string)
}

/// Whether `host` is this machine (`localhost`, `127.0.0.0/8`, `::1`).
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().map(|ip| ip.is_loopback()).unwrap_or(false)
}

/// Whether `url` points at this machine: such requests never go through a proxy from the
/// environment (`HTTP_PROXY` and friends), which could not reach them.
fn url_is_loopback(url: &str) -> bool {
    url.parse::<http::Uri>().ok().and_then(|u| u.host().map(is_loopback)).unwrap_or(false)
}

/// An `https://` URL in a build without TLS is refused (ureq would panic on it).
fn check_tls(url: &str) -> Result<()> {
    if !network::TLS_ENABLED && url.trim_start().get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        return Err(Error::invalid_input(format!(
            "cannot reach {}: https needs the `rustls` or `native-tls` feature",
            without_query(url)
        )));
    }
    Ok(())
}

/// An attempt's failure, with what it says about the request: whether it may have reached the
/// server, and whether the attempt's time limit ran out.
fn failure(e: ureq::Error, url: &str) -> Failure {
    use ureq::Timeout as T;
    let before_sending = matches!(
        &e,
        ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::ConnectProxyFailed(_)
            | ureq::Error::Timeout(T::Resolve | T::Connect)
    ) || matches!(&e, ureq::Error::Io(io) if io.kind() == io::ErrorKind::ConnectionRefused);
    let out_of_time = match &e {
        ureq::Error::Timeout(reason) => !matches!(reason, T::Resolve | T::Connect),
        ureq::Error::Io(io) => matches!(io.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock),
        _ => false,
    };
    Failure { error: transport_error(e, url), maybe_sent: !before_sending, out_of_time }
}

fn transport_error(e: ureq::Error, url: &str) -> Error {
    let where_ = without_query(url).to_string();
    match e {
        ureq::Error::Timeout(t) => {
            Error::new(ErrorKind::Timeout, format!("timed out ({t}) talking to {where_}"))
                .with_source(ureq::Error::Timeout(t))
        }
        ureq::Error::Io(io) if matches!(io.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) => {
            Error::new(ErrorKind::Timeout, format!("timed out talking to {where_}")).with_source(io)
        }
        ureq::Error::BodyExceedsLimit(max) => Error::new(
            ErrorKind::ResponseTooLarge,
            format!("the response from {where_} is larger than the {max}-byte cap"),
        )
        .with_source(ureq::Error::BodyExceedsLimit(max)),
        other if network::is_tls_error(&other) => {
            Error::new(ErrorKind::Tls, format!("tls failure talking to {where_}: {other}")).with_source(other)
        }
        other => {
            let message = format!("connection to {where_} failed: {other}");
            Error::new(ErrorKind::Transport, message).with_source(other)
        }
    }
}
