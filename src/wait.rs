//! Polling until an image or action reaches the state asked for, and the deadlines of every time
//! limit in the crate.

use std::fmt;
use std::ops::ControlFlow;
use std::time::{Duration, Instant};

use crate::clock::Clock;
use crate::error::ErrorKind;
use crate::retry::Deadline;
use crate::upload::CancelUpload;
use crate::{Error, Result};

mod map;

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
    /// Not yet; the status seen (shown to `on_poll`, kept for the timeout error).
    Pending(String),
}

/// One look at the resource, as [`Wait::on_poll`] sees it.
///
/// ```
/// use std::ops::ControlFlow;
/// use cloud_images::Polled;
///
/// fn show(p: &Polled<'_>) -> ControlFlow<()> {
///     eprintln!("look {}: {} after {:?}", p.attempt, p.status, p.elapsed);
///     ControlFlow::Continue(())
/// }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug)]
pub struct Polled<'a> {
    /// The status seen (`pending_upload`, `NEW`, `us-mia: replicating`, ...).
    pub status: &'a str,
    /// Which look this was, from 1.
    pub attempt: u32,
    /// Time since the wait began, on the client's clock (real time, unless a test set one with
    /// `ClientBuilder::clock`, feature `testing`).
    pub elapsed: std::time::Duration,
}

/// One look: an API call within the client's call timeout and the given deadline (the wait's),
/// marking the deadline reached when it cut the look short.
type Look<'a, T> = Box<dyn FnMut(&Deadline) -> Result<Poll<T>> + 'a>;
type OnPoll<'a> = Box<dyn FnMut(&Polled<'_>) -> ControlFlow<()> + 'a>;

/// Waiting for an image or an action, the same way for every provider: set what you need, then
/// [`send`](Wait::send), which polls until the resource is ready.
///
/// - The first look is immediate; then one every [`interval`](Wait::interval) (by default a
///   tenth of the timeout, between 1 and 10 seconds).
/// - The [`timeout`](Wait::timeout) (default 30 minutes) bounds the whole wait: the looks, the
///   retries within them and the sleeps between them. Each look is an API call limited by the
///   client's call timeout and by what is left of the wait, whichever ends first. Running out
///   of it (between looks, or during a look that it cut short) is an [`ErrorKind::Timeout`]
///   error ("gave up waiting for ... after N s") whose [`last_status`](Error::last_status) is
///   the status seen last; a look that runs out of the client's own call timeout first returns
///   that call's error.
/// - A 404 at the first look is the API's not-found error, as for a `get` (a wrong id); a 404
///   after the resource was seen is an [`ErrorKind::WaitFailed`] error: it disappeared (a failed
///   upload, a deleted image).
/// - A state the resource will not leave (an errored action, a deleted import) is an
///   [`ErrorKind::WaitFailed`] error with the provider's reason.
/// - [`on_poll`](Wait::on_poll) sees every look, and can stop the wait
///   ([`ErrorKind::Stopped`]).
///
/// ```no_run
/// use std::ops::ControlFlow;
/// use std::time::Duration;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client
///     .images()
///     .wait_until_available("private/123")
///     .timeout(Duration::from_secs(600))
///     .on_poll(|p| {
///         eprintln!("{} after {} s", p.status, p.elapsed.as_secs());
///         ControlFlow::Continue(())
///     })
///     .send()?;
/// # Ok(())
/// # }
/// ```
#[must_use = "a wait does nothing until `send` is called"]
pub struct Wait<'a, T> {
    what: String,
    clock: Clock,
    /// Why the resource may disappear, for the message of a 404 after it was seen.
    gone: &'static str,
    look: Result<Look<'a, T>>,
    timeout: Duration,
    interval: Option<Duration>,
    on_poll: Option<OnPoll<'a>>,
    /// A cancel that ends the sleep between two looks (an upload's, for the wait it ends with).
    cancel: Option<CancelUpload>,
}

/// The timeout of a wait when none is set.
pub(crate) const DEFAULT_WAIT: Duration = Duration::from_secs(30 * 60);

impl<'a, T> Wait<'a, T> {
    /// A wait for `what` (`image private/1 to be available`), looking with `look` (which sends
    /// its call within the deadline it is given), on `clock`.
    pub(crate) fn new(
        what: impl Into<String>,
        clock: Clock,
        look: impl FnMut(&Deadline) -> Result<Poll<T>> + 'a,
    ) -> Self {
        Wait {
            what: what.into(),
            clock,
            gone: "it was deleted",
            look: Ok(Box::new(look)),
            timeout: DEFAULT_WAIT,
            interval: None,
            on_poll: None,
            cancel: None,
        }
    }

    /// A wait that fails with `error` when sent, having sent nothing (invalid input).
    pub(crate) fn failed(error: Error) -> Self {
        Wait {
            what: String::new(),
            clock: Clock::default(),
            gone: "",
            look: Err(error),
            timeout: DEFAULT_WAIT,
            interval: None,
            on_poll: None,
            cancel: None,
        }
    }

    /// Stops the wait once `cancel` is used: a sleep between two looks ends early, and no other
    /// look is begun (an [`ErrorKind::Stopped`] error carrying the last status).
    pub(crate) fn stop_when_cancelled(mut self, cancel: &CancelUpload) -> Self {
        self.cancel = Some(cancel.clone());
        self
    }

    /// Says why the resource may disappear while waited for (default: "it was deleted").
    pub(crate) fn when_gone(mut self, why: &'static str) -> Self {
        self.gone = why;
        self
    }

    crate::setters::setters! {
        /// How long to wait in all (default 30 minutes): looks, their retries and the sleeps
        /// between them. Each look gets at most what is left of it (and at most the client's call
        /// timeout); a look it cuts short ends the wait with an [`ErrorKind::Timeout`] error. A look
        /// is not begun once it has run out: the wait ends instead. Zero looks once (that look
        /// limited by the call timeout alone); 100 years or more (up to `Duration::MAX`) means no
        /// limit.
        ///
        /// ```no_run
        /// use std::time::Duration;
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::digitalocean::Client::from_env()?;
        /// let image = client.images().wait_until_available(7555620).timeout(Duration::from_secs(3600)).send()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn timeout(self, timeout: Duration) -> Self => timeout;

        /// Time between looks (default: a tenth of the timeout, between 1 and 10 seconds). Zero is
        /// refused by [`send`](Wait::send), with nothing sent.
        ///
        /// ```no_run
        /// use std::time::Duration;
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::from_env()?;
        /// let image = client.images().wait_until_available("private/123").interval(Duration::from_secs(2)).send()?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn interval(self, interval: Duration) -> Self => interval;
    }
    /// Called after every look that found the resource not ready yet, in order; return
    /// `ControlFlow::Break(())` to stop waiting (an [`ErrorKind::Stopped`] error carrying the
    /// last status).
    ///
    /// ```no_run
    /// use std::ops::ControlFlow;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// let mut seen = Vec::new();
    /// let image = client
    ///     .images()
    ///     .wait_until_available(7555620)
    ///     .on_poll(|p| {
    ///         seen.push(p.status.to_string());
    ///         if p.status == "retired" { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    ///     })
    ///     .send();
    /// # Ok(())
    /// # }
    /// ```
    pub fn on_poll(mut self, callback: impl FnMut(&Polled<'_>) -> ControlFlow<()> + 'a) -> Self {
        self.on_poll = Some(Box::new(callback));
        self
    }

    /// Polls until the resource is ready; see [`Wait`] for how it ends.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_until_available("private/123").send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<T> {
        let Wait { what, clock, gone, look, timeout, interval, mut on_poll, cancel } = self;
        let cancelled = || cancel.as_ref().is_some_and(CancelUpload::is_cancelled);
        let mut look = look?;
        let interval = interval.unwrap_or_else(|| default_interval(timeout));
        if interval.is_zero() {
            return Err(Error::invalid_input("the poll interval must be more than zero"));
        }
        let start = clock.now();
        let deadline = deadline(start, timeout);
        // What bounds each look: the wait's deadline, except for a zero timeout ("look once"),
        // whose one look has the call's timeout.
        let bound = Deadline::new(if timeout.is_zero() { None } else { deadline });
        let gave_up = |last: Option<String>| {
            Error::new(
                ErrorKind::Timeout,
                format!("gave up waiting for {what} after {} s", clock.since(start).as_secs_f32().round()),
            )
            .with_last_status(last)
        };
        let mut last: Option<String> = None;
        let mut attempt: u32 = 0;
        loop {
            attempt = attempt.saturating_add(1);
            let status = match look(&bound) {
                Ok(Poll::Ready(v)) => return Ok(v),
                Ok(Poll::Pending(status)) => status,
                // The wait's time ran out during the look: the wait's own timeout.
                Err(e) if bound.reached() => return Err(gave_up(last).with_source(e)),
                Err(e) if e.is_not_found() && last.is_some() => {
                    return Err(disappeared(&what, gone, last, e));
                }
                Err(e) => return Err(e),
            };
            if let Some(callback) = on_poll.as_mut() {
                let polled = Polled { status: &status, attempt, elapsed: clock.since(start) };
                if callback(&polled).is_break() {
                    return Err(Error::new(ErrorKind::Stopped, format!("stopped waiting for {what}"))
                        .with_last_status(Some(status)));
                }
            }
            last = Some(status);
            let left = deadline.map(|d| d.saturating_duration_since(clock.now()));
            if left.is_some_and(|left| left.is_zero()) {
                return Err(gave_up(last));
            }
            clock.sleep_unless(left.map_or(interval, |left| interval.min(left)), &cancelled);
            if cancelled() {
                return Err(Error::new(ErrorKind::Stopped, format!("stopped waiting for {what}: cancelled"))
                    .with_last_status(last));
            }
            // A look begun with no time left could do nothing.
            if deadline.is_some_and(|d| clock.now() >= d) {
                return Err(gave_up(last));
            }
        }
    }
}

impl<T> fmt::Debug for Wait<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wait")
            .field("what", &self.what)
            .field("timeout", &self.timeout)
            .field("interval", &self.interval)
            .field("on_poll", &self.on_poll.is_some())
            .finish_non_exhaustive()
    }
}

impl<'a, T: 'a> Wait<'a, T> {
    /// The one shape of a wait on a status: a wait for "`{subject}` to be `{ready}`" whose looks
    /// get the resource with `look` (within the deadline it is given) and read its [`Status`]
    /// with `status`. It is ready at `ready`; `failed` says whether a status is one the resource
    /// will not leave, with the error to end with (its last status is set here).
    pub(crate) fn for_status(
        subject: impl fmt::Display,
        clock: Clock,
        ready: &'static str,
        mut look: impl FnMut(&Deadline) -> Result<T> + 'a,
        status: fn(&T) -> Option<&str>,
        mut failed: impl FnMut(&T, &Status<'_>) -> Option<Error> + 'a,
    ) -> Self {
        Wait::new(format!("{subject} to be {ready}"), clock, move |by| {
            let resource = look(by)?;
            let seen = Status::of(status(&resource));
            if seen.is(ready) {
                return Ok(Poll::Ready(resource));
            }
            if let Some(error) = failed(&resource, &seen) {
                return Err(error.with_last_status(Some(seen.to_string())));
            }
            Ok(Poll::Pending(seen.to_string()))
        })
    }
}

/// A status as a wait reads it: the one in the answer, or `unknown` when it has none (not
/// ready, as far as anyone can tell); compared ignoring case.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Status<'s>(&'s str);

impl<'s> Status<'s> {
    pub(crate) fn of(status: Option<&'s str>) -> Self {
        Status(status.unwrap_or("unknown"))
    }

    /// Whether it is `wanted`, ignoring case.
    pub(crate) fn is(&self, wanted: &str) -> bool {
        self.0.eq_ignore_ascii_case(wanted)
    }
}

impl fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// A 404 after the resource was seen: it is gone.
fn disappeared(what: &str, gone: &str, last: Option<String>, e: Error) -> Error {
    let mut failed = Error::new(
        ErrorKind::WaitFailed,
        format!("gave up waiting for {what}: it disappeared (404): {gone}"),
    )
    .with_last_status(last);
    if let Some(api) = e.api().cloned() {
        failed = failed.with_api(api);
    }
    failed.with_source(e)
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
    fn an_unlimited_wait_returns_when_ready() {
        let mut looks = 0;
        let got = Wait::new("x", Clock::default(), |_| {
            looks += 1;
            Ok(if looks < 3 { Poll::Pending("not yet".into()) } else { Poll::Ready(looks) })
        })
        .timeout(Duration::MAX)
        .interval(Duration::from_nanos(1))
        .send();
        assert_eq!(got.unwrap(), 3);
        let e = Wait::new("x", Clock::default(), |_| Ok(Poll::<()>::Pending("creating".into())))
            .timeout(Duration::ZERO)
            .interval(Duration::MAX)
            .send();
        assert_eq!(e.unwrap_err().last_status(), Some("creating"));
    }
}
