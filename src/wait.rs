//! Polling until an image or action reaches the state asked for, and the deadlines of every time
//! limit in the crate.

use std::time::{Duration, Instant};

use crate::error::ErrorKind;
use crate::{Error, Result};

/// Time limits of this length or more mean "no limit": about 100 years. Below it, `Instant +
/// limit` is representable on every platform (also inside ureq, which adds limits to its own
/// clock); a longer limit could overflow it and panic.
pub(crate) const UNLIMITED: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

/// `limit` as a finite time limit, or `None` (no limit) when it is [`UNLIMITED`] or more.
pub(crate) fn finite(limit: Duration) -> Option<Duration> {
    (limit < UNLIMITED).then_some(limit)
}

/// The instant `limit` after `start`; `None` (no deadline) when the limit is unlimited or the
/// instant cannot be represented.
pub(crate) fn deadline(start: Instant, limit: Duration) -> Option<Instant> {
    finite(limit).and_then(|limit| start.checked_add(limit))
}

/// What one look at the resource found.
pub(crate) enum Poll<T> {
    /// Done: the value to return.
    Ready(T),
    /// Not yet; the status seen (kept for the timeout error).
    Pending(String),
}

/// Calls `check` every `interval` until it is ready, fails, or `timeout` has passed (then a
/// [`ErrorKind::Timeout`] error carrying the last status seen). The first look is immediate.
/// A timeout too large to be a deadline (see [`UNLIMITED`]) means no timeout.
pub(crate) fn poll<T>(
    what: &str,
    timeout: Duration,
    interval: Duration,
    mut check: impl FnMut() -> Result<Poll<T>>,
) -> Result<T> {
    let start = Instant::now();
    let deadline = deadline(start, timeout);
    loop {
        let last = match check()? {
            Poll::Ready(v) => return Ok(v),
            Poll::Pending(status) => status,
        };
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if left.is_some_and(|left| left.is_zero()) {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!("gave up waiting for {what} after {} s", start.elapsed().as_secs_f32().round()),
            )
            .with_last_status(Some(last)));
        }
        std::thread::sleep(left.map_or(interval, |left| interval.min(left)));
    }
}

/// The poll interval used when none is given: a tenth of the timeout, between 1 and 10 seconds.
pub(crate) fn default_interval(timeout: Duration) -> Duration {
    (timeout / 10).clamp(Duration::from_secs(1), Duration::from_secs(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_limits_mean_no_deadline() {
        let now = Instant::now();
        assert_eq!(deadline(now, Duration::MAX), None);
        assert_eq!(deadline(now, Duration::from_secs(u64::MAX)), None);
        assert_eq!(deadline(now, UNLIMITED), None);
        assert_eq!(finite(UNLIMITED - Duration::from_nanos(1)), Some(UNLIMITED - Duration::from_nanos(1)));
        assert_eq!(deadline(now, Duration::ZERO), Some(now));
        assert_eq!(deadline(now, Duration::from_secs(5)), Some(now + Duration::from_secs(5)));
        assert_eq!(default_interval(Duration::MAX), Duration::from_secs(10));
        assert_eq!(default_interval(Duration::ZERO), Duration::from_secs(1));
    }

    #[test]
    fn an_unlimited_poll_returns_when_ready() {
        let mut looks = 0;
        let got = poll("x", Duration::MAX, Duration::from_nanos(1), || {
            looks += 1;
            Ok(if looks < 3 { Poll::Pending("not yet".into()) } else { Poll::Ready(looks) })
        });
        assert_eq!(got.unwrap(), 3);
        let e = poll("x", Duration::ZERO, Duration::MAX, || Ok(Poll::<()>::Pending("creating".into())));
        assert_eq!(e.unwrap_err().last_status(), Some("creating"));
    }
}
