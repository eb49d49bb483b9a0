//! Polling until an image or action reaches the state asked for.

use std::time::{Duration, Instant};

use crate::error::ErrorKind;
use crate::{Error, Result};

/// What one look at the resource found.
pub(crate) enum Poll<T> {
    /// Done: the value to return.
    Ready(T),
    /// Not yet; the status seen (kept for the timeout error).
    Pending(String),
}

/// Calls `check` every `interval` until it is ready, fails, or `timeout` has passed (then a
/// [`ErrorKind::Timeout`] error carrying the last status seen). The first look is immediate.
pub(crate) fn poll<T>(
    what: &str,
    timeout: Duration,
    interval: Duration,
    mut check: impl FnMut() -> Result<Poll<T>>,
) -> Result<T> {
    let start = Instant::now();
    let deadline = start + timeout;
    loop {
        let last = match check()? {
            Poll::Ready(v) => return Ok(v),
            Poll::Pending(status) => status,
        };
        let now = Instant::now();
        if now >= deadline {
            return Err(Error::new(
                ErrorKind::Timeout,
                format!("gave up waiting for {what} after {} s", start.elapsed().as_secs_f32().round()),
            )
            .with_last_status(Some(last)));
        }
        std::thread::sleep(interval.min(deadline - now));
    }
}

/// The poll interval used when none is given: a tenth of the timeout, between 1 and 10 seconds.
pub(crate) fn default_interval(timeout: Duration) -> Duration {
    (timeout / 10).clamp(Duration::from_secs(1), Duration::from_secs(10))
}
