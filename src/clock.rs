//! The client's time source: every deadline, elapsed time and sleep of a client reads it. Real
//! time unless a test gives the client a `testing::Clock` (feature `testing`,
//! `ClientBuilder::clock`).

use std::time::{Duration, Instant, SystemTime};

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

    /// Waits `d`; a manual clock is advanced by `d` instead (at least to the next millisecond,
    /// so a wait always moves it).
    pub(crate) fn sleep(&self, d: Duration) {
        #[cfg(feature = "testing")]
        if let Some(clock) = &self.test {
            return clock.sleep(d);
        }
        std::thread::sleep(d);
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
        clock.sleep(Duration::from_secs(3));
        assert_eq!(clock.since(start), Duration::from_secs(3));
        clock.sleep(Duration::from_nanos(1)); // rounds up to a millisecond: a wait always moves it
        assert_eq!(clock.since(start), Duration::from_millis(3001));
        test.advance(Duration::from_secs(1));
        assert_eq!(clock.since(start), Duration::from_millis(4001));
        assert!(clock.is_manual());
        assert!(!Clock::default().is_manual());
        assert!(!Clock::of(crate::testing::Clock::real()).is_manual());
    }
}
