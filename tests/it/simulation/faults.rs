//! The faults a step may meet, how they are drawn, what the kit makes of them, which of them
//! the client is documented to survive, and how the request log names them once they fired.

use std::fmt;
use std::time::Duration;

use cloud_images::testing::Fault;

use super::rng::Rng;

/// The clients' call timeout (`ClientBuilder::timeout`): short, so that slow answers and long
/// hints reach it.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(20);
/// The clients' retry policy: the kit's (`max_retries` 4, a 1 ms backoff base), with a
/// `max_wait` of 10 s, half the call timeout, so that a hint can be too long for `max_wait`
/// (more than 10 s) or, added to others, too long for the call (more than what is left of
/// 20 s).
pub const MAX_RETRIES: u32 = 4;
pub const MAX_WAIT: Duration = Duration::from_secs(10);
/// The backoffs of four retries without a hint add up to at most 1 + 2 + 4 + 8 ms.
const BACKOFF_TOTAL: Duration = Duration::from_millis(15);

/// One fault, as planned: what the kit's [`Fault`] will do to one request (a `503 × n`
/// catches `n` requests in a row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaultSpec {
    /// The connection closes before the server acts (`Fault::drop_connection`).
    Drop,
    /// The server acts, then the answer is cut (`Fault::cut_body`).
    Cut,
    /// `429` with `Retry-After: secs` (`Fault::too_many_requests`); the server does not act.
    TooMany(u64),
    /// `503`, this many requests in a row (`Fault::unavailable().times(n)`).
    Unavailable(u32),
    /// The server acts, and its answer comes this many milliseconds later on the manual clock
    /// (`Fault::delay`).
    Delay(u64),
    /// The server acts, and its answer's body is an HTML page (`Fault::not_json`).
    NotJson,
    /// The server acts, and its answer's body is `{}` (`Fault::empty_object`).
    EmptyObject,
    /// The server acts, and its answer's body is the first half of the real one
    /// (`Fault::truncated_json`).
    Truncated,
    /// `503` with `X-Maintenance-Mode` (`Fault::maintenance`): never retried.
    Maintenance,
}

impl FaultSpec {
    /// Draws one fault: every kind, with 429 hints within and beyond `max_wait`, 503 runs
    /// within and beyond `max_retries`, and delays below and above the call timeout.
    pub fn draw(rng: &mut Rng) -> FaultSpec {
        match rng.weighted(&[3, 3, 2, 1, 3, 1, 2, 1, 1, 1, 1, 1]) {
            0 => FaultSpec::Drop,
            1 => FaultSpec::Cut,
            2 => FaultSpec::TooMany(rng.between(1, 4)),
            3 => FaultSpec::TooMany(rng.between(MAX_WAIT.as_secs() + 1, 120)),
            4 => FaultSpec::Unavailable(rng.between(1, 3) as u32),
            5 => FaultSpec::Unavailable(rng.between(MAX_RETRIES as u64 + 1, 6) as u32),
            6 => FaultSpec::Delay(rng.between(50, 8_000)),
            7 => FaultSpec::Delay(rng.between(CALL_TIMEOUT.as_millis() as u64 + 1, 60_000)),
            8 => FaultSpec::NotJson,
            9 => FaultSpec::EmptyObject,
            10 => FaultSpec::Truncated,
            _ => FaultSpec::Maintenance,
        }
    }

    pub fn to_fault(&self) -> Fault {
        match *self {
            FaultSpec::Drop => Fault::drop_connection(),
            FaultSpec::Cut => Fault::cut_body(),
            FaultSpec::TooMany(secs) => Fault::too_many_requests(Duration::from_secs(secs)),
            FaultSpec::Unavailable(n) => Fault::unavailable().times(n),
            FaultSpec::Delay(ms) => Fault::delay(Duration::from_millis(ms)),
            FaultSpec::NotJson => Fault::not_json(),
            FaultSpec::EmptyObject => Fault::empty_object(),
            FaultSpec::Truncated => Fault::truncated_json(),
            FaultSpec::Maintenance => Fault::maintenance(),
        }
    }

    /// Its kind, as the request log will show it once it fired, and how many requests it is
    /// for.
    pub fn kind(&self) -> (Kind, u32) {
        match *self {
            FaultSpec::Drop => (Kind::Drop, 1),
            FaultSpec::Cut => (Kind::Cut, 1),
            FaultSpec::TooMany(s) if s <= MAX_WAIT.as_secs() => (Kind::HintWithin, 1),
            FaultSpec::TooMany(_) => (Kind::HintBeyond, 1),
            FaultSpec::Unavailable(n) => (Kind::Unavailable, n),
            FaultSpec::Delay(ms) if ms < CALL_TIMEOUT.as_millis() as u64 => (Kind::DelayBelow, 1),
            FaultSpec::Delay(_) => (Kind::DelayAbove, 1),
            FaultSpec::NotJson => (Kind::NotJson, 1),
            FaultSpec::EmptyObject => (Kind::EmptyObject, 1),
            FaultSpec::Truncated => (Kind::Truncated, 1),
            FaultSpec::Maintenance => (Kind::Maintenance, 1),
        }
    }

    /// How many requests it catches.
    fn requests(&self) -> u32 {
        match self {
            FaultSpec::Unavailable(n) => *n,
            _ => 1,
        }
    }
}

impl fmt::Display for FaultSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaultSpec::Drop => write!(f, "drop"),
            FaultSpec::Cut => write!(f, "cut"),
            FaultSpec::TooMany(s) => write!(f, "429 retry-after {s}s"),
            FaultSpec::Unavailable(n) => write!(f, "503x{n}"),
            FaultSpec::Delay(ms) => write!(f, "delay {ms}ms"),
            FaultSpec::NotJson => write!(f, "not-json"),
            FaultSpec::EmptyObject => write!(f, "{{}}"),
            FaultSpec::Truncated => write!(f, "truncated-json"),
            FaultSpec::Maintenance => write!(f, "503 maintenance"),
        }
    }
}

/// Whether the client is documented to come through these faults, all on the one request of
/// a call with method `method` (`GET`, `PUT`, `POST`, `DELETE`), with an `Ok` (README,
/// "Retries and time limits"; `RetryPolicy`):
///
/// - they catch at most `max_retries` (4) requests, so that one attempt is left for the
///   answer;
/// - each is one the rules retry for that method: for `GET`, `PUT` and `DELETE` a dropped
///   connection, a cut answer, a plain `503`, a `429` whose `Retry-After` is at most
///   `max_wait`, or a slow answer; for a `DELETE` also a malformed body (a delete's 2xx body is
///   not read); for a `POST` only a `429` within `max_wait` or a slow answer (anything else
///   may have been acted on, so it is never sent again);
/// - and what they cost fits in the time the call has (`budget`: the call timeout, or what a
///   wait has when that is less): the hints, the delays and at most 15 ms of backoff add up
///   to less than it (a wait that would end at or after the deadline is not waited).
pub fn survivable(method: &str, faults: &[FaultSpec], budget: Duration) -> bool {
    let caught: u32 = faults.iter().map(FaultSpec::requests).sum();
    if caught > MAX_RETRIES {
        return false;
    }
    let retried = |f: &FaultSpec| match (method, f) {
        (_, FaultSpec::TooMany(s)) => *s <= MAX_WAIT.as_secs(),
        (_, FaultSpec::Delay(_)) => true,
        ("POST", _) => false,
        (_, FaultSpec::Drop | FaultSpec::Cut | FaultSpec::Unavailable(_)) => true,
        ("DELETE", FaultSpec::NotJson | FaultSpec::EmptyObject | FaultSpec::Truncated) => true,
        _ => false,
    };
    if !faults.iter().all(retried) {
        return false;
    }
    let cost: Duration = faults
        .iter()
        .map(|f| match f {
            FaultSpec::TooMany(s) => Duration::from_secs(*s),
            FaultSpec::Delay(ms) => Duration::from_millis(*ms),
            _ => Duration::ZERO,
        })
        .sum();
    cost + BACKOFF_TOTAL < budget
}

/// The kinds of fault counted, as the request log shows a fault that fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The connection dropped before the server acted.
    Drop,
    /// The server acted, the answer was cut.
    Cut,
    /// 429 with a `Retry-After` within `max_wait`.
    HintWithin,
    /// 429 with a `Retry-After` beyond `max_wait`.
    HintBeyond,
    /// 503.
    Unavailable,
    /// A slow answer, slower than nothing but faster than the call timeout.
    DelayBelow,
    /// A slow answer, slower than the call timeout.
    DelayAbove,
    NotJson,
    EmptyObject,
    Truncated,
    /// 503 with `X-Maintenance-Mode`.
    Maintenance,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Drop,
        Kind::Cut,
        Kind::HintWithin,
        Kind::HintBeyond,
        Kind::Unavailable,
        Kind::DelayBelow,
        Kind::DelayAbove,
        Kind::NotJson,
        Kind::EmptyObject,
        Kind::Truncated,
        Kind::Maintenance,
    ];

    /// The kind of a fault as the request log names it (`Request::fault`).
    pub fn of_logged(text: &str) -> Option<Kind> {
        let number = |prefix: &str| {
            text.strip_prefix(prefix).and_then(|n| n.trim_end_matches(" ms").parse::<u64>().ok())
        };
        Some(match text {
            "dropped connection" => Kind::Drop,
            "cut body" => Kind::Cut,
            "status 503" => Kind::Unavailable,
            "not JSON" => Kind::NotJson,
            "empty object" => Kind::EmptyObject,
            "truncated JSON" => Kind::Truncated,
            "status 503 with x-maintenance-mode: 1" => Kind::Maintenance,
            _ => {
                if let Some(secs) = number("status 429 with retry-after: ") {
                    if secs <= MAX_WAIT.as_secs() { Kind::HintWithin } else { Kind::HintBeyond }
                } else if let Some(ms) = number("delay ") {
                    if ms < CALL_TIMEOUT.as_millis() as u64 { Kind::DelayBelow } else { Kind::DelayAbove }
                } else {
                    return None;
                }
            }
        })
    }

    /// The delay of a logged `delay N ms`.
    pub fn delay_of_logged(text: &str) -> Option<Duration> {
        let ms = text.strip_prefix("delay ")?.strip_suffix(" ms")?.parse::<u64>().ok()?;
        Some(Duration::from_millis(ms))
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Drop => "dropped before the server acted",
            Kind::Cut => "cut after the server acted",
            Kind::HintWithin => "429, Retry-After within max_wait",
            Kind::HintBeyond => "429, Retry-After beyond max_wait",
            Kind::Unavailable => "503",
            Kind::DelayBelow => "slow answer, below the call timeout",
            Kind::DelayAbove => "slow answer, above the call timeout",
            Kind::NotJson => "malformed body: not JSON",
            Kind::EmptyObject => "malformed body: {}",
            Kind::Truncated => "malformed body: truncated JSON",
            Kind::Maintenance => "503 with X-Maintenance-Mode",
        }
    }
}
