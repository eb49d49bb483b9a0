//! What the two stand-ins share: a journal of the requests they answered (printed by the tour,
//! so it shows what was really sent), replies, and small request helpers.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use httpmock::{HttpMockRequest, HttpMockResponse};
use serde_json::Value;

/// One request a stand-in answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Exchange {
    pub method: String,
    /// The path and query for the API; the whole URL (without its query) for other hosts.
    pub target: String,
    pub status: u16,
    /// What the answer said, in a few words.
    pub note: String,
}

/// The requests answered since the tour last looked.
#[derive(Clone, Default)]
pub struct Journal(Arc<Mutex<Vec<Exchange>>>);

impl Journal {
    pub fn record(&self, exchange: Exchange) {
        lock(&self.0).push(exchange);
    }

    /// Everything recorded so far; the journal starts again empty.
    pub fn take(&self) -> Vec<Exchange> {
        std::mem::take(&mut *lock(&self.0))
    }
}

/// What a handler answers.
pub struct Reply {
    pub status: u16,
    pub body: Option<Value>,
    pub note: String,
}

impl Reply {
    pub fn json(status: u16, body: Value, note: impl Into<String>) -> Reply {
        Reply { status, body: Some(body), note: note.into() }
    }

    pub fn empty(status: u16, note: impl Into<String>) -> Reply {
        Reply { status, body: None, note: note.into() }
    }
}

/// Records the exchange and makes the response.
pub fn answer(
    journal: &Journal,
    req: &HttpMockRequest,
    target: String,
    reply: Reply,
    headers: Vec<(String, String)>,
) -> HttpMockResponse {
    journal.record(Exchange {
        method: req.method_str().to_string(),
        target,
        status: reply.status,
        note: reply.note,
    });
    let mut response = HttpMockResponse::builder().status(reply.status).headers(headers);
    if let Some(body) = reply.body {
        response = response.header("content-type", "application/json").body(body.to_string());
    }
    response.build()
}

/// The request's path and query, as sent.
pub fn path_and_query(req: &HttpMockRequest) -> String {
    let uri = req.uri();
    match uri.query() {
        Some(q) => format!("{}?{q}", uri.path()),
        None => uri.path().to_string(),
    }
}

pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

pub fn query(req: &HttpMockRequest, name: &str) -> Option<String> {
    req.query_params().into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

pub fn header(req: &HttpMockRequest, name: &str) -> Option<String> {
    req.headers_vec().iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.clone())
}

/// Whether the request carries a bearer token (any: the stand-ins take every token).
pub fn has_token(req: &HttpMockRequest) -> bool {
    header(req, "authorization").is_some_and(|v| v.starts_with("Bearer ") && v.len() > 7)
}

/// The JSON body, or `Null` when it is not JSON.
pub fn body_json(req: &HttpMockRequest) -> Value {
    serde_json::from_slice(req.body_ref()).unwrap_or(Value::Null)
}

/// The path's segments after `prefix`, percent-decoded (`private%2F123` is `private/123`).
pub fn segments(req: &HttpMockRequest, prefix: &str) -> Vec<String> {
    let uri = req.uri();
    let rest = uri.path().strip_prefix(prefix).unwrap_or_default();
    rest.split('/').filter(|s| !s.is_empty()).map(percent_decode).collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Seconds since the Unix epoch.
pub fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// `2025-01-31T12:34:56`: UTC, no offset (Linode's format).
pub fn timestamp(unix: u64) -> String {
    let (days, secs) = (unix / 86_400, unix % 86_400);
    // Howard Hinnant's days-to-civil.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// `2025-01-31T12:34:56Z` (DigitalOcean's format).
pub fn timestamp_z(unix: u64) -> String {
    format!("{}Z", timestamp(unix))
}
