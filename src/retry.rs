//! Retries, all in one place: which failures are worth another try (for API calls and uploads
//! alike), how long to wait first, and the one loop that does it.

use std::cell::Cell;
use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::clock::Clock;
use crate::{Error, ErrorKind, Method, Result};

/// How failed calls are retried. On by default: 4 retries, each wait at most 30 s, all of it
/// within the client's call timeout.
///
/// Retried: 429 (any method: the server did not act), and for `GET`, `PUT` and `DELETE` only,
/// 408, 502, 503, 504, Linode's 400 "Linode busy." (and object storage's 500 for uploads),
/// connection failures before a response and timeouts (while the call's time allows). A `POST`
/// is never retried on anything but 429, so a retried create cannot make two images. A 503 with
/// `X-Maintenance-Mode` and a TLS failure are never retried. Upload `PUT`s follow the same
/// rules, when their data can be read again.
///
/// How long to wait before a retry:
///
/// - When the server says (`Retry-After`, in seconds or as an HTTP date; else, on a 429,
///   DigitalOcean's `ratelimit-reset`), exactly that long: the hint is a floor, never
///   shortened. A hint longer than [`max_wait`](Self::max_wait), or one that would end after
///   the call's timeout, is not waited at all: the call fails at once, and the error's
///   [`retry_after`](crate::Error::retry_after) is the hint, for the caller to decide.
/// - Otherwise, exponential backoff with full jitter (a random wait up to
///   [`base_delay`](Self::base_delay) × 2^(retry − 1), capped at `max_wait`). A backoff that
///   would end after the call's timeout is not waited: the call fails with the last error.
///
/// A `DELETE` retried after an attempt whose outcome is unknown (no answer: the connection
/// dropped or was reset, the time ran out, the answer was cut; or a gateway's 502 or 504) that
/// then gets 404 has done what was asked: the earlier attempt deleted it, and the call succeeds.
///
/// ```
/// use std::time::Duration;
/// use cloud_images::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_retries(8).max_wait(Duration::from_secs(60));
/// assert_eq!(patient.get_max_retries(), 8);
/// let never = RetryPolicy::none();
/// assert_eq!(never.get_max_retries(), 0);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_retries: u32,
    max_wait: Duration,
    base_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            max_wait: Duration::from_secs(30),
            base_delay: Duration::from_millis(500),
        }
    }
}

impl crate::setters::Plain for RetryPolicy {}

impl RetryPolicy {
    /// No retries at all.
    ///
    /// ```
    /// use cloud_images::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::none().get_max_retries(), 0);
    /// ```
    pub fn none() -> Self {
        RetryPolicy { max_retries: 0, ..Default::default() }
    }

    crate::setters::setters! {
        /// How many times a call may be sent again after the first attempt (default 4). Any count
        /// is accepted: however many, the retries stop when the client's call timeout runs out.
        ///
        /// ```
        /// use cloud_images::RetryPolicy;
        ///
        /// let policy = RetryPolicy::default().max_retries(2); // at most 3 attempts in all
        /// assert_eq!(policy.get_max_retries(), 2);
        /// ```
        pub fn max_retries(self, n: u32) -> Self => max_retries;

        /// The longest single wait between attempts (default 30 s). A backoff is capped at it; a
        /// server's hint (`Retry-After`, `ratelimit-reset`) is never shortened: a longer one ends
        /// the call at once, with [`retry_after`](crate::Error::retry_after) set to it. Zero retries
        /// at once when the server gives no hint (or a hint of 0); `Duration::MAX` accepts every
        /// hint (the call timeout still bounds them: a wait that would end after it is not waited).
        ///
        /// ```
        /// use std::time::Duration;
        /// use cloud_images::RetryPolicy;
        ///
        /// let policy = RetryPolicy::default().max_wait(Duration::from_secs(5));
        /// assert_eq!(policy.get_max_wait(), Duration::from_secs(5));
        /// ```
        pub fn max_wait(self, wait: Duration) -> Self => max_wait;

        /// The first backoff step when the server gives no hint (default 500 ms; doubles each time,
        /// saturating, and is capped by [`max_wait`](Self::max_wait)). Zero means no backoff.
        ///
        /// ```
        /// use std::time::Duration;
        /// use cloud_images::RetryPolicy;
        ///
        /// let policy = RetryPolicy::default().base_delay(Duration::from_millis(100)); // 100, 200, 400 ms, ...
        /// assert_eq!(policy.get_base_delay(), Duration::from_millis(100));
        /// ```
        pub fn base_delay(self, delay: Duration) -> Self => base_delay;
    }

    /// See [`max_retries`](Self::max_retries).
    ///
    /// ```
    /// assert_eq!(cloud_images::RetryPolicy::default().get_max_retries(), 4);
    /// ```
    pub fn get_max_retries(&self) -> u32 {
        self.max_retries
    }

    /// See [`max_wait`](Self::max_wait).
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// assert_eq!(cloud_images::RetryPolicy::default().get_max_wait(), Duration::from_secs(30));
    /// ```
    pub fn get_max_wait(&self) -> Duration {
        self.max_wait
    }

    /// See [`base_delay`](Self::base_delay).
    ///
    /// ```
    /// use std::time::Duration;
    ///
    /// assert_eq!(cloud_images::RetryPolicy::default().get_base_delay(), Duration::from_millis(500));
    /// ```
    pub fn get_base_delay(&self) -> Duration {
        self.base_delay
    }

    /// The wait before retry number `retry` (1-based): the server's hint if any, as it is
    /// (`None`: the hint is longer than `max_wait`, so no retry); else full jitter over
    /// `base * 2^(retry-1)`, capped at `max_wait`.
    pub(crate) fn wait(&self, retry: u32, hint: Option<Duration>) -> Option<Duration> {
        match hint {
            Some(hint) => (hint <= self.max_wait).then_some(hint),
            None => {
                let exp = self
                    .base_delay
                    .saturating_mul(1u32.checked_shl(retry.saturating_sub(1)).unwrap_or(u32::MAX));
                Some(jitter(exp.min(self.max_wait)))
            }
        }
    }
}

/// A uniformly random duration in `[0, max]` (full jitter), from std's random hasher keys.
fn jitter(max: Duration) -> Duration {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = max.as_nanos().min(u128::from(u64::MAX)) as u64;
    Duration::from_nanos(h.finish().checked_rem(nanos.saturating_add(1)).unwrap_or(0))
}

/// How one try of a request ended.
pub(crate) enum Outcome {
    /// The server answered with a status that is not 2xx.
    Answered {
        status: u16,
        /// The provider reads it as a kind of its own, one that lasts longer than any retry
        /// (Linode's 503 with `X-Maintenance-Mode`).
        lasting: bool,
        /// The provider's own rules ask for a retry (Linode's 400 "Linode busy.").
        provider_asks: bool,
    },
    /// No answer: the connection failed ([`ErrorKind::Transport`]), a time limit ran out, TLS
    /// failed, ...
    NoAnswer(ErrorKind),
}

/// The one rule: whether a request that ended so may be sent again.
///
/// A 429 means the server did not act: always. Anything else only for a request that is safe
/// to repeat (`GET`, `PUT`, `DELETE`; a `POST` may have been acted on): 408, 502, 503, 504, a
/// provider's "try again" (Linode's 400 "Linode busy.", object storage's 500), a connection
/// failure or a timeout. Never an answer the provider reads as lasting (Linode's maintenance
/// 503), a TLS failure (an untrusted, expired or wrong-name
/// certificate stays so), nor any other 4xx.
pub(crate) fn should_retry(method: Method, outcome: &Outcome) -> bool {
    match *outcome {
        Outcome::Answered { lasting: true, .. } => false,
        Outcome::Answered { status: 429, .. } => true,
        Outcome::Answered { status: 408 | 502 | 503 | 504, .. } => method.is_idempotent(),
        Outcome::Answered { provider_asks, .. } => provider_asks && method.is_idempotent(),
        Outcome::NoAnswer(ErrorKind::Transport | ErrorKind::Timeout) => method.is_idempotent(),
        Outcome::NoAnswer(_) => false,
    }
}

/// How one try went, for [`run`].
pub(crate) enum Try<T> {
    Done(T),
    /// Stop now with this error, as it is (its attempt count included).
    Stop(Error),
    /// Failed; `retry`: whether the rules (and the caller: can the body be sent again?) allow
    /// another try; `wait`: how long the server asked to wait first.
    Failed {
        error: Error,
        retry: bool,
        wait: Option<Duration>,
    },
}

/// A point in time by which something must be done (`None`: no limit), and whether it was what
/// stopped it: an attempt ran out of time at it, or a wait before a retry would have passed it.
#[derive(Debug, Default)]
pub(crate) struct Deadline {
    at: Option<Instant>,
    reached: Cell<bool>,
}

impl Deadline {
    pub(crate) fn new(at: Option<Instant>) -> Deadline {
        Deadline { at, reached: Cell::new(false) }
    }

    pub(crate) fn at(&self) -> Option<Instant> {
        self.at
    }

    /// Whether the deadline stopped the work (see [`Deadline`]).
    pub(crate) fn reached(&self) -> bool {
        self.reached.get()
    }

    pub(crate) fn mark_reached(&self) {
        self.reached.set(true);
    }

    /// Time left at `now`; `None`: no limit.
    pub(crate) fn left(&self, now: Instant) -> Option<Duration> {
        self.at.map(|d| d.saturating_duration_since(now))
    }
}

/// The one retry loop, for API calls and uploads: tries until done, a failure that may not be
/// retried, the policy's count, a server's hint longer than `max_wait`, or a wait that would
/// end at or after `deadline` (then marked reached). It never sleeps past the deadline, and
/// sleeps on `clock`. The error says how many attempts were made.
pub(crate) fn run<T>(
    policy: &RetryPolicy,
    clock: &Clock,
    deadline: &Deadline,
    what: &dyn std::fmt::Display,
    attempt: impl FnMut(u32) -> Try<T>,
) -> Result<T> {
    run_until(policy, clock, deadline, what, &|| false, attempt)
}

/// [`run`], whose sleeps between attempts end early once `stop` says so (an upload's cancel):
/// the next attempt is then asked to begin, and is expected to stop at once.
pub(crate) fn run_until<T>(
    policy: &RetryPolicy,
    clock: &Clock,
    deadline: &Deadline,
    what: &dyn std::fmt::Display,
    stop: &dyn Fn() -> bool,
    mut attempt: impl FnMut(u32) -> Try<T>,
) -> Result<T> {
    let mut n: u32 = 0;
    loop {
        n = n.saturating_add(1);
        let (error, retry, hint) = match attempt(n) {
            Try::Done(value) => return Ok(value),
            Try::Stop(error) => return Err(error),
            Try::Failed { error, retry, wait } => (error, retry, wait),
        };
        if !retry || n > policy.get_max_retries() {
            return Err(error.with_attempts(n));
        }
        // Kind and status only: an error's text may quote the server's body.
        let status = error.status().map(|s| format!(", status {s}")).unwrap_or_default();
        let Some(wait) = policy.wait(n, hint) else {
            log::debug!(
                target: "cloud_images::retry",
                "{what}: attempt {n} failed ({:?}{status}); the server asks to wait {} s, more than max_wait: not retried",
                error.kind(),
                hint.unwrap_or_default().as_secs_f32()
            );
            return Err(error.with_attempts(n));
        };
        if deadline.at().is_some_and(|d| clock.now().checked_add(wait).is_none_or(|then| then >= d)) {
            deadline.mark_reached();
            log::debug!(
                target: "cloud_images::retry",
                "{what}: attempt {n} failed ({:?}{status}); a wait of {} ms would pass the deadline: not retried",
                error.kind(),
                wait.as_millis()
            );
            return Err(error.with_attempts(n));
        }
        log::debug!(
            target: "cloud_images::retry",
            "{what}: attempt {n} failed ({:?}{status}); retrying in {} ms",
            error.kind(),
            wait.as_millis()
        );
        clock.sleep_unless(wait, stop);
    }
}

/// `Retry-After`: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = http_date(value)?;
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// How long until the Unix time `at` (in seconds): a rate limit's reset, say.
pub(crate) fn until_unix_time(at: u64, now: SystemTime) -> Option<Duration> {
    let now = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    Some(Duration::from_secs(at.saturating_sub(now)))
}

/// Seconds since the Unix epoch of an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
fn http_date(s: &str) -> Option<u64> {
    let (_, rest) = s.split_once(", ")?;
    let mut parts = rest.split(' ');
    let day: u64 = parts.next()?.parse().ok()?;
    let month = match parts.next()? {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    let year: i64 = parts.next()?.parse().ok()?;
    let mut hms = parts.next()?.split(':').map(|p| p.parse::<u64>().ok());
    let (h, m, sec) = (hms.next()??, hms.next()??, hms.next()??);
    if parts.next()? != "GMT" || !(1..=31).contains(&day) || h > 23 || m > 59 || sec > 60 {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days).ok().map(|d| d * 86_400 + h * 3600 + m * 60 + sec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = UNIX_EPOCH + Duration::from_secs(784_111_767); // Sun, 06 Nov 1994 08:49:27 GMT
        assert_eq!(parse_retry_after("1", now), Some(Duration::from_secs(1)));
        assert_eq!(parse_retry_after(" 120 ", now), Some(Duration::from_secs(120)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now), Some(Duration::from_secs(10)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(http_date("Sat, 29 Feb 2020 12:00:00 GMT"), Some(1_582_977_600));
        for bad in ["soon", "-1", "Sun, 06 Nov 1994 25:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", ""] {
            assert_eq!(parse_retry_after(bad, now), None, "{bad}");
        }
    }

    #[test]
    fn hints_are_floors_and_backoff_is_capped_and_jittered_within_bounds() {
        let p = RetryPolicy::default();
        assert_eq!(p.wait(1, Some(Duration::from_secs(3600))), None, "a hint is never shortened");
        assert_eq!(p.wait(1, Some(Duration::from_secs(30))), Some(Duration::from_secs(30)));
        assert_eq!(p.wait(1, Some(Duration::from_secs(2))), Some(Duration::from_secs(2)));
        assert_eq!(p.wait(1, Some(Duration::ZERO)), Some(Duration::ZERO));
        for retry in 1..40 {
            let w = p.wait(retry, None).unwrap();
            let bound =
                Duration::from_millis(500).saturating_mul(1 << (retry - 1).min(20)).min(p.get_max_wait());
            assert!(w <= bound, "retry {retry}: {w:?} > {bound:?}");
        }
    }

    #[test]
    fn only_safe_methods_are_retried_on_server_errors() {
        let answered = |status, provider_asks| Outcome::Answered { status, lasting: false, provider_asks };
        assert!(should_retry(Method::Post, &answered(429, false)));
        assert!(!should_retry(Method::Post, &answered(503, false)));
        assert!(should_retry(Method::Get, &answered(503, false)));
        assert!(should_retry(Method::Delete, &answered(408, false)));
        assert!(!should_retry(Method::Get, &answered(500, false)));
        assert!(should_retry(Method::Put, &answered(500, true)));
        assert!(should_retry(Method::Put, &answered(400, true)));
        assert!(!should_retry(Method::Post, &answered(400, true)));
        assert!(!should_retry(Method::Get, &answered(400, false)));
        assert!(!should_retry(Method::Get, &answered(404, false)));
        assert!(!should_retry(Method::Get, &answered(501, false)));
        let lasting = Outcome::Answered { status: 503, lasting: true, provider_asks: false };
        assert!(!should_retry(Method::Get, &lasting));
        assert!(should_retry(Method::Get, &Outcome::NoAnswer(ErrorKind::Transport)));
        assert!(should_retry(Method::Put, &Outcome::NoAnswer(ErrorKind::Timeout)));
        assert!(!should_retry(Method::Post, &Outcome::NoAnswer(ErrorKind::Transport)));
        assert!(!should_retry(Method::Get, &Outcome::NoAnswer(ErrorKind::Tls)));
    }

    #[test]
    fn without_an_answer_only_connection_failures_and_timeouts_of_safe_methods_are_retried() {
        let no_answer = |kind| Outcome::NoAnswer(kind);
        assert!(should_retry(Method::Get, &no_answer(ErrorKind::Transport)));
        assert!(should_retry(Method::Delete, &no_answer(ErrorKind::Transport)));
        assert!(!should_retry(Method::Post, &no_answer(ErrorKind::Transport)));
        assert!(!should_retry(Method::Post, &no_answer(ErrorKind::Timeout)));
        for kind in [ErrorKind::Tls, ErrorKind::ResponseTooLarge, ErrorKind::InvalidInput, ErrorKind::Decode]
        {
            assert!(!should_retry(Method::Get, &no_answer(kind)), "{kind:?}");
        }
    }

    #[test]
    fn the_loop_stops_at_the_count_and_on_a_final_failure() {
        let policy = RetryPolicy::default()
            .max_retries(2)
            .base_delay(Duration::from_millis(1))
            .max_wait(Duration::from_millis(1));
        fn fail<T>(retry: bool) -> Try<T> {
            Try::Failed { error: Error::new(ErrorKind::Transport, "x"), retry, wait: None }
        }
        // How many tries the loop makes of `attempt`, and how it ends.
        let count = |mut attempt: Box<dyn FnMut(u32) -> Try<u32>>| {
            let mut tries = 0;
            let ended = run(&policy, &Clock::default(), &Deadline::default(), &"t", |n| {
                tries += 1;
                attempt(n)
            });
            (tries, ended.map_err(|e| e.attempts()))
        };
        assert_eq!(count(Box::new(|_| fail(true))), (3, Err(3)));
        assert_eq!(count(Box::new(|_| fail(false))), (1, Err(1)));
        assert_eq!(count(Box::new(|n| if n < 3 { fail(true) } else { Try::Done(n) })), (3, Ok(3)));
    }

    #[test]
    fn a_hint_longer_than_max_wait_or_past_the_deadline_ends_the_loop_at_once() {
        let clock = Clock::default();
        let asks = |secs| {
            move |_| Try::<()>::Failed {
                error: Error::new(ErrorKind::Api, "429"),
                retry: true,
                wait: Some(Duration::from_secs(secs)),
            }
        };
        let policy = RetryPolicy::default().max_wait(Duration::from_millis(50));
        let none = Deadline::default();
        let mut tries = 0;
        let e = run(&policy, &clock, &none, &"t", |n| {
            tries += 1;
            asks(3600)(n)
        })
        .unwrap_err();
        assert_eq!((tries, e.attempts(), none.reached()), (1, 1, false));

        let deadline = Deadline::new(Instant::now().checked_add(Duration::from_secs(10)));
        let mut tries = 0;
        let e = run(&RetryPolicy::default(), &clock, &deadline, &"t", |n| {
            tries += 1;
            asks(20)(n)
        })
        .unwrap_err();
        assert_eq!((tries, e.attempts(), deadline.reached()), (1, 1, true));
    }
}
