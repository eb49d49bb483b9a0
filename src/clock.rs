//! The client's time source: every deadline, elapsed time and sleep of a client reads it. Real
//! time unless a test gives the client a `testing::Clock` (feature `testing`,
//! `ClientBuilder::clock`).

use std::time::{Duration, Instant, SystemTime};

/// How often a sleep that a cancel may end asks whether it has ([`Clock::sleep_unless`]).
pub(crate) const STOP_CHECK: Duration = Duration::from_millis(50);

/// Real time, or (feature `testing`) a test's clock. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub(crate) struct Clock {
    #[cfg(feature = "testing")]
    test: Option<crate::testing::Clock>,
}

impl Clock {
    /// Reads `clock`: with a manual one, sleeps advance it instead of sleeping.
    #[cfg(feature = "testing")]
    pub(crate) fn of(clock: crate::testing::Clock) -> Clock {
        Clock { test: Some(clock) }
    }

    /// Now, for deadlines and elapsed times.
    #[inline]
    pub(crate) fn now(&self) -> Instant {
        #[cfg(feature = "testing")]
        if let Some(clock) = &self.test {
            return clock.instant();
        }
        Instant::now()
    }

    /// The time of day, for a server's hints given as a date (`Retry-After`) or a Unix time
    /// (`ratelimit-reset`).
    pub(crate) fn system_now(&self) -> SystemTime {
        #[cfg(feature = "testing")]
        if let Some(clock) = &self.test {
            return clock.now();
        }
        SystemTime::now()
    }

    /// Waits `d`, or less once `stop` says so (asked every [`STOP_CHECK`] at most): a cancel
    /// is seen within a sleep, not after it. A manual clock is advanced by `d` instead (at least to
    /// the next millisecond, so a wait always moves it), unless `stop` already says so.
    pub(crate) fn sleep_unless(&self, d: Duration, stop: &dyn Fn() -> bool) {
        if stop() {
            return;
        }
        #[cfg(feature = "testing")]
        if let Some(clock) = self.test.as_ref().filter(|c| c.is_manual()) {
            return clock.sleep(d);
        }
        // Real time (a test's real clock too: it moves with real time).
        let end = Instant::now().checked_add(d);
        loop {
            let left = end.map_or(STOP_CHECK, |end| end.saturating_duration_since(Instant::now()));
            if left.is_zero() {
                return;
            }
            std::thread::sleep(left.min(STOP_CHECK));
            if stop() {
                return;
            }
        }
    }

    /// Whether time only moves when a test moves it. Real timeouts (ureq's, the socket's) cannot
    /// see such time pass, so the transport checks answers against it itself.
    #[inline]
    pub(crate) fn is_manual(&self) -> bool {
        #[cfg(feature = "testing")]
        if let Some(clock) = &self.test {
            return clock.is_manual();
        }
        false
    }

    /// Time since `start` (read from this clock).
    pub(crate) fn since(&self, start: Instant) -> Duration {
        self.now().saturating_duration_since(start)
    }
}

#[cfg(all(test, feature = "testing"))]
mod tests {
    use super::*;

    #[test]
    fn a_manual_clock_moves_only_when_slept_on_or_advanced() {
        let test = crate::testing::Clock::manual();
        let clock = Clock::of(test.clone());
        let start = clock.now();
        assert_eq!(clock.now(), start);
        clock.sleep_unless(Duration::from_secs(3), &|| false);
        assert_eq!(clock.since(start), Duration::from_secs(3));
        clock.sleep_unless(Duration::from_nanos(1), &|| false); // rounds up to a millisecond: a wait always moves it
        assert_eq!(clock.since(start), Duration::from_millis(3001));
        test.advance(Duration::from_secs(1));
        assert_eq!(clock.since(start), Duration::from_millis(4001));
        assert!(clock.is_manual());
        assert!(!Clock::default().is_manual());
        assert!(!Clock::of(crate::testing::Clock::real()).is_manual());
        // A stop already asked for: the clock does not move.
        clock.sleep_unless(Duration::from_secs(60), &|| true);
        assert_eq!(clock.since(start), Duration::from_millis(4001));
    }

    #[test]
    fn a_real_sleep_ends_when_stop_says_so() {
        // Stop is asked first, then after each slice: an hour's sleep ends after one slice.
        let asked = std::cell::Cell::new(0);
        let stop = || {
            asked.set(asked.get() + 1);
            asked.get() > 1
        };
        Clock::default().sleep_unless(Duration::from_secs(3600), &stop);
        assert_eq!(asked.get(), 2);
        // A test's real clock moves with real time: its sleeps end the same way.
        asked.set(0);
        Clock::of(crate::testing::Clock::real()).sleep_unless(Duration::from_secs(3600), &stop);
        assert_eq!(asked.get(), 2);
        // No stop: the whole (short) sleep, asked before it and after each slice.
        asked.set(0);
        Clock::default().sleep_unless(STOP_CHECK * 3, &|| {
            asked.set(asked.get() + 1);
            false
        });
        assert!(asked.get() >= 2, "{}", asked.get());
    }
}
