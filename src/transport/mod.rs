//! Sends API requests over one shared `ureq::Agent`: base URL, token, headers, and the call loop
//! with its retries and deadlines (this file); one attempt on the wire (`attempt.rs`); reading
//! an answer (`answer.rs`); the rate limit (`rate_limit.rs`). Both providers' clients sit on top
//! of it; object storage has its own agent (`crate::object_storage`).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::http::{self, HeaderMap};

use crate::clock::Clock;
use crate::decode::{Listing, PageItems, decode};
use crate::error::ErrorKind;
use crate::network::{self, Network};
use crate::object_storage::ObjectStorage;
use crate::provider::Rules;
use crate::retry::{Deadline, Outcome, Try};
use crate::secret::Token;
use crate::url::{url_is_loopback, without_query};
use crate::{Error, Method, Operation, Result, RetryPolicy, encode, retry, wait};

mod answer;
mod attempt;
mod rate_limit;

pub(crate) use answer::header;
use answer::request_id;
pub(crate) use attempt::transport_error;
use attempt::{Attempt, Failure};
pub use rate_limit::RateLimit;

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
    /// Object storage: its own agent, for a provider with uploads.
    pub(crate) objects: ObjectStorage,
    rate_limit: Mutex<Option<RateLimit>>,
}

impl std::fmt::Debug for Transport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transport").field("settings", &self.settings).finish_non_exhaustive()
    }
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
        let config = network::agent_config(&settings, proxy)
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
        let objects = ObjectStorage::new(&settings);
        Ok(Transport { settings, authorization, agent, objects, rate_limit: Mutex::new(None) })
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
        op.write_path(&mut url, crate::operation::sealed::Seal(()));
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
                    let own = (self.settings.rules.own_kind)(resp.status, &resp.headers);
                    let error = self.api_error(name, &resp, own).with_retry_after(hint);
                    let provider_asks = error
                        .api()
                        .is_some_and(|api| (self.settings.rules.asks_for_retry)(resp.status, api.parsed()));
                    let outcome =
                        Outcome::Answered { status: resp.status, lasting: own.is_some(), provider_asks };
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
