//! What both stand-ins do with every request: route it, apply an injected fault, check it,
//! let the provider's API answer, log it.

use std::io::{self, Read};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use super::clock::Clock;
use super::faults::{Effect, Fault, Faults, On};
use super::requests::{Log, REDACTED, Request, Token};
use super::routes::{self, Endpoint};
use super::server::{Answer, Delivery, Head, Server, Service};

/// The largest JSON request body read (an upload's body is streamed, not read whole).
const MAX_JSON_BODY: u64 = 1024 * 1024;

/// Where a request goes. Public in a private module, as the kit's sealed traits name it: users cannot.
pub struct Route {
    pub(crate) operation: &'static str,
    /// The path's parameters, decoded (`private/123`).
    pub(crate) params: Vec<String>,
    /// The API reads the body itself, as a stream (uploads).
    pub(crate) streaming: bool,
}

impl Route {
    pub(crate) fn to(operation: &'static str, params: Vec<String>) -> Route {
        Route { operation, params, streaming: false }
    }
}

/// One request, as an API sees it. Public in a private module, as the kit's sealed traits name it: users cannot.
pub struct Call<'a> {
    pub(crate) head: &'a Head,
    pub(crate) operation: Option<&'static str>,
    /// The path's parameters, decoded (`private/123`).
    pub(crate) params: Vec<String>,
    pub(crate) token: Token,
    /// The JSON body (`Null` when there is none).
    pub(crate) json: Value,
    /// The body's length (for streaming routes, what the API reports it read).
    pub(crate) body_len: u64,
    pub(crate) now_ms: u64,
}

impl Call<'_> {
    /// The `n`-th path parameter (empty when there is none).
    pub(crate) fn param(&self, n: usize) -> &str {
        self.params.get(n).map_or("", String::as_str)
    }
}

/// What an API answers. Public in a private module, as the kit's sealed traits name it: users cannot.
pub struct Reply {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Body,
    pub(crate) note: String,
    /// For streaming routes: how many body bytes were read.
    pub(crate) body_len: Option<u64>,
}

pub(crate) enum Body {
    Json(Value),
    Text(&'static str, String),
    Empty,
}

impl Reply {
    pub(crate) fn json(status: u16, body: Value, note: impl Into<String>) -> Reply {
        Reply { status, headers: Vec::new(), body: Body::Json(body), note: note.into(), body_len: None }
    }

    pub(crate) fn empty(status: u16, note: impl Into<String>) -> Reply {
        Reply { status, headers: Vec::new(), body: Body::Empty, note: note.into(), body_len: None }
    }

    pub(crate) fn text(
        status: u16,
        content_type: &'static str,
        text: String,
        note: impl Into<String>,
    ) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Text(content_type, text),
            note: note.into(),
            body_len: None,
        }
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Reply {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

/// A provider's API behind a stand-in. Public in a private module, as the sealed `Api` of the
/// kit must be: users cannot name it.
pub trait Api: Send + Sync + 'static {
    /// The stand-in's name, for messages (`the Linode stand-in`).
    const NAME: &'static str;
    /// Every operation the API has: the router's table, and the ids `inject` accepts.
    const OPERATIONS: &'static [&'static [Endpoint]];
    /// The operation for a method and path (as sent), or the answer when there is none.
    fn route(&self, method: &str, path: &str) -> Result<Route, Reply>;
    /// Refuses a call before it runs (token, rate limit), or lets it through.
    fn check(&self, call: &Call<'_>) -> Option<Reply>;
    /// Runs a call whose JSON body was read.
    fn handle(&self, call: &Call<'_>) -> Reply;
    /// Runs a streaming call, reading its body.
    fn stream(&self, call: &Call<'_>, body: &mut dyn Read) -> Reply {
        let _ = body;
        self.handle(call)
    }
    /// An error answer in the provider's format (for faults, refused bodies).
    fn error(&self, call: &Call<'_>, status: u16, message: &str) -> Reply;
    /// Adds what every answer carries (rate-limit headers, request ids).
    fn finish(&self, call: &Call<'_>, reply: &mut Reply);
}

/// The stand-in's shared parts: its API, the clock, the token, faults, and the log.
pub(crate) struct Core<A> {
    pub(crate) api: A,
    pub(crate) clock: Clock,
    pub(crate) token: String,
    /// Shared with the API, which may apply them to what it does itself (DigitalOcean's import
    /// reading its URL from the Spaces stand-in).
    pub(crate) faults: Arc<Faults>,
    pub(crate) log: Log,
}

impl<A: Api> Service for Core<A> {
    fn serve(&self, head: &Head, body: &mut dyn Read) -> Answer {
        let token = match head.header("authorization") {
            None => Token::None,
            Some(v) if v.strip_prefix("Bearer ").is_some_and(|t| t.trim() == self.token) => Token::Valid,
            Some(_) => Token::Invalid,
        };
        let route = self.api.route(&head.method, &head.path);
        let (operation, params, streaming) = match &route {
            Ok(r) => (Some(r.operation), r.params.clone(), r.streaming),
            Err(_) => (None, Vec::new(), false),
        };
        let now_ms = self.clock.now_ms();
        let mut call = Call { head, operation, params, token, json: Value::Null, body_len: 0, now_ms };
        let fault = self.faults.take(&head.method, &head.path, operation);

        // A JSON body is read whole (up to a limit); a streamed one is left to the API.
        let mut refused = None;
        if !streaming || matches!(fault.as_ref().map(|f| &f.effect), Some(Effect::Status(..) | Effect::Drop))
        {
            let mut bytes = Vec::new();
            match body.take(MAX_JSON_BODY + 1).read_to_end(&mut bytes) {
                Ok(n) if n as u64 > MAX_JSON_BODY => {
                    let drained = std::io::copy(body, &mut std::io::sink()).unwrap_or(0);
                    call.body_len = n as u64 + drained;
                    refused = Some(self.api.error(&call, 413, "The request body is too large."));
                }
                Ok(n) => {
                    call.body_len = n as u64;
                    if !bytes.is_empty() {
                        match serde_json::from_slice(&bytes) {
                            Ok(json) => call.json = json,
                            Err(_) if streaming => {}
                            Err(e) => {
                                refused = Some(self.api.error(&call, 400, &format!("Invalid JSON: {e}")));
                            }
                        }
                    }
                }
                Err(e) => {
                    refused =
                        Some(self.api.error(&call, 400, &format!("The request body could not be read: {e}")));
                }
            }
        }

        let (mut reply, delay, delivery) = match fault.as_ref().map(|f| &f.effect) {
            Some(Effect::Drop) => (Reply::empty(0, "connection dropped"), Duration::ZERO, Delivery::Drop),
            Some(Effect::Status(status, headers)) => {
                let mut reply = self.api.error(&call, *status, default_message(*status));
                reply.headers.extend(headers.iter().cloned());
                reply.note = format!("injected {}", reply.note);
                (reply, Duration::ZERO, Delivery::Whole)
            }
            other => {
                let reply = match (refused, route) {
                    (Some(reply), _) => reply,
                    (None, Err(reply)) => reply,
                    (None, Ok(route)) => match self.api.check(&call) {
                        Some(reply) => reply,
                        None if route.streaming => self.api.stream(&call, body),
                        None => self.api.handle(&call),
                    },
                };
                match other {
                    // On a manual clock a slow answer moves the clock, and nothing sleeps.
                    Some(Effect::Delay(by)) if self.clock.is_manual() => {
                        self.clock.advance(*by);
                        (reply, Duration::ZERO, Delivery::Whole)
                    }
                    Some(Effect::Delay(by)) => (reply, *by, Delivery::Whole),
                    Some(Effect::Cut) => (reply, Duration::ZERO, Delivery::Cut),
                    _ => (reply, Duration::ZERO, Delivery::Whole),
                }
            }
        };
        if let Some(len) = reply.body_len {
            call.body_len = len;
        }
        if delivery != Delivery::Drop {
            self.api.finish(&call, &mut reply);
        }
        self.log.push(Request {
            method: head.method.clone(),
            path: head.path.clone(),
            query: redacted_query(&head.query),
            headers: redacted(&head.headers),
            token,
            body: (!call.json.is_null()).then(|| redacted_body(&call.json)),
            body_len: call.body_len,
            operation: operation.map(str::to_string),
            status: (delivery != Delivery::Drop).then_some(reply.status),
            fault: fault.as_ref().map(|f| f.describe()),
            note: reply.note.clone(),
        });
        let mut answer = answer(reply, delay, delivery);
        if let Some(Effect::Malformed(malformed)) = fault.as_ref().map(|f| &f.effect) {
            malformed.apply(&mut answer.headers, &mut answer.body);
        }
        answer
    }
}

fn redacted(headers: &[(String, String)]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            let v = if k.eq_ignore_ascii_case("authorization") { REDACTED.to_string() } else { v.clone() };
            (k.clone(), v)
        })
        .collect()
}

/// The query as the log keeps it: the signature and credential of a pre-signed URL (the
/// object-storage `PUT`'s `X-Amz-Signature`, `X-Amz-Credential`) are [`REDACTED`].
fn redacted_query(query: &[(String, String)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| {
            let v = if crate::secret::is_secret_parameter(k) { REDACTED.to_string() } else { v.clone() };
            (k.clone(), v)
        })
        .collect()
}

/// A JSON body as the log keeps it: a share group membership token (the `token` that
/// `post-sharegroup-member` sends) is [`REDACTED`], and so is the signature of a pre-signed URL
/// in any text (DigitalOcean's import `url` may be one).
fn redacted_body(json: &Value) -> Value {
    match json {
        Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    Value::String(_) if k == "token" => Value::String(REDACTED.to_string()),
                    other => redacted_body(other),
                };
                (k.clone(), v)
            })
            .collect(),
        Value::Array(items) => items.iter().map(redacted_body).collect(),
        Value::String(text) => Value::String(crate::secret::redact_signatures_as(text.clone(), REDACTED)),
        other => other.clone(),
    }
}

fn answer(reply: Reply, delay: Duration, delivery: Delivery) -> Answer {
    let mut headers = reply.headers;
    let body = match reply.body {
        Body::Json(value) => {
            headers.push(("content-type".into(), "application/json".into()));
            value.to_string().into_bytes()
        }
        Body::Text(content_type, text) => {
            headers.push(("content-type".into(), content_type.into()));
            text.into_bytes()
        }
        Body::Empty => Vec::new(),
    };
    Answer { status: reply.status, headers, body, delay, delivery }
}

/// Page `page` (from 1) of `items`, `size` items a page, and how many pages there are (at least
/// 1, as both APIs count them): how both stand-ins' listings cut theirs.
pub(crate) fn page<T>(items: Vec<T>, page: u64, size: u64) -> (Vec<T>, u64) {
    let size = size.max(1);
    let pages = (items.len() as u64).div_ceil(size).max(1);
    let to_usize = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let skip = to_usize(page.saturating_sub(1).saturating_mul(size));
    (items.into_iter().skip(skip).take(to_usize(size)).collect(), pages)
}

/// The message of an injected error answer.
fn default_message(status: u16) -> &'static str {
    match status {
        400 => "Bad request",
        401 => "Invalid Token",
        403 => "Unauthorized",
        404 => "Not found",
        408 => "Request timed out",
        429 => "Too many requests",
        500 => "Internal server error",
        502 => "Bad gateway",
        503 => "Service unavailable",
        504 => "Gateway timeout",
        _ => "Injected error",
    }
}

/// A stand-in's server and the core behind it; dropping it stops the server.
pub(crate) struct Running<A: Api> {
    pub(crate) core: Arc<Core<A>>,
    server: Server,
}

impl<A: Api> Running<A> {
    /// Binds `port` (0: a free one) on 127.0.0.1, makes the API (it is told its base URL and
    /// given the faults), and serves.
    pub(crate) fn start(
        port: u16,
        clock: Clock,
        token: String,
        api: impl FnOnce(String, &Arc<Faults>) -> A,
    ) -> io::Result<Running<A>> {
        let listener = Server::bind(port)?;
        let base_url = format!("http://{}", listener.local_addr()?);
        let faults = Arc::new(Faults::default());
        let core = Arc::new(Core { api: api(base_url, &faults), clock, token, faults, log: Log::default() });
        let server = Server::start(listener, core.clone())?;
        Ok(Running { core, server })
    }

    pub(crate) fn base_url(&self) -> String {
        format!("http://{}", self.server.addr())
    }

    /// Adds a fault; an operation id the API does not have is refused, with the ones it has.
    pub(crate) fn inject(&self, on: On, fault: Fault) -> crate::Result<()> {
        let known = routes::operations(A::OPERATIONS);
        if let On::Operation(id) = &on
            && !known.contains(&id.as_str())
        {
            return Err(crate::Error::invalid_input(format!(
                "{} has no operation {id:?}; its operation ids are: {}",
                A::NAME,
                known.join(", ")
            )));
        }
        self.core.faults.add(on, fault);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn pages_are_counted_from_one_and_there_is_always_one() {
        assert_eq!(page((1..=5).collect(), 1, 2), (vec![1, 2], 3));
        assert_eq!(page((1..=5).collect(), 3, 2), (vec![5], 3));
        assert_eq!(page((1..=5).collect(), 9, 2), (vec![], 3));
        assert_eq!(page(Vec::<u8>::new(), 1, 25), (vec![], 1));
        assert_eq!(page(vec![1, 2], 0, 1), (vec![1], 2)); // page 0 is read as 1
        assert_eq!(page(vec![1, 2], u64::MAX, u64::MAX), (vec![], 1));
    }
}
