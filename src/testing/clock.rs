//! The time a stand-in goes by: real time, or a manual clock the test moves by hand.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Where [`Clock::manual`] starts: 2025-06-01T12:00:00Z.
const MANUAL_START: u64 = 1_748_779_200;
/// The latest time a clock shows, in Unix milliseconds: 9999-12-31T23:59:59.999Z (any later
/// time is shown as this one; every platform's `SystemTime` can hold it).
const LATEST_MS: u64 = 253_402_300_799_999;

/// The clock a stand-in reads to move its images and actions along (an upload is `creating`,
/// then `available`; an action is `in-progress`, then `completed`) and to write timestamps.
///
/// [`Clock::real`] follows the system clock. [`Clock::manual`] stands still until the test
/// calls [`advance`](Clock::advance): statuses change exactly when the test says, with no
/// sleeping and no timing in the test. Clones share the same time.
///
/// On a manual clock, a [`Fault::delay`](super::Fault::delay) does not sleep either: the
/// stand-in moves its clock forward by the delay and answers at once.
///
/// The clock counts whole milliseconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z:
/// it never goes outside them, however far it is moved (a time past the end shows as the end).
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use cloud_images::testing::Clock;
///
/// let clock = Clock::manual();
/// let start = clock.now();
/// assert_eq!(start.duration_since(UNIX_EPOCH).unwrap().as_secs(), 1_748_779_200); // 2025-06-01T12:00:00Z
/// clock.clone().advance(Duration::from_secs(90));
/// assert_eq!(clock.now().duration_since(start).unwrap(), Duration::from_secs(90));
/// ```
#[derive(Clone, Debug)]
pub struct Clock(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    /// Unix time in milliseconds when the clock was made.
    start_ms: u64,
    /// Set for a real clock: its time moves with this instant.
    real: Option<Instant>,
    /// When the clock was made, on the system's monotonic clock: what [`Clock::instant`] counts
    /// from.
    origin: Instant,
    /// What [`Clock::advance`] added, in milliseconds.
    advanced_ms: AtomicU64,
}

impl Default for Clock {
    /// A real clock.
    fn default() -> Self {
        Clock::real()
    }
}

impl Clock {
    /// The system's time: statuses move on as time passes.
    ///
    /// ```
    /// use cloud_images::testing::Clock;
    ///
    /// let clock = Clock::real();
    /// assert!(!clock.is_manual());
    /// ```
    pub fn real() -> Clock {
        let start_ms = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, millis);
        Clock::new(start_ms, Some(Instant::now()))
    }

    /// A clock that stands still at 2025-06-01T12:00:00Z until [`advance`](Clock::advance)d.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloud_images::testing::Clock;
    ///
    /// let clock = Clock::manual();
    /// let before = clock.now();
    /// assert_eq!(clock.now(), before); // it does not move by itself
    /// clock.advance(Duration::from_secs(1));
    /// assert!(clock.now() > before);
    /// ```
    pub fn manual() -> Clock {
        Clock::manual_at(UNIX_EPOCH + Duration::from_secs(MANUAL_START))
    }

    /// A manual clock that starts at `time` (a time before 1970 starts it at
    /// 1970-01-01T00:00:00Z; one after 9999 shows as 9999-12-31T23:59:59.999Z).
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use cloud_images::testing::Clock;
    ///
    /// let clock = Clock::manual_at(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    /// assert_eq!(clock.now(), UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    /// ```
    pub fn manual_at(time: SystemTime) -> Clock {
        Clock::new(time.duration_since(UNIX_EPOCH).map_or(0, millis), None)
    }

    fn new(start_ms: u64, real: Option<Instant>) -> Clock {
        let origin = real.unwrap_or_else(Instant::now);
        Clock(Arc::new(Inner { start_ms, real, origin, advanced_ms: AtomicU64::new(0) }))
    }

    /// Moves the clock forward by `by`, in whole milliseconds (a real clock too: it then runs
    /// ahead of the system's). Any `by` is taken: past 9999 the clock stops at its end.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloud_images::testing::Clock;
    ///
    /// let clock = Clock::manual();
    /// let start = clock.now();
    /// clock.advance(Duration::from_millis(1500));
    /// assert_eq!(clock.now().duration_since(start).unwrap(), Duration::from_millis(1500));
    /// ```
    pub fn advance(&self, by: Duration) {
        let by = millis(by);
        let _ = self
            .0
            .advanced_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |ms| Some(ms.saturating_add(by)));
    }

    /// Whether the clock only moves when [`advance`](Clock::advance)d.
    ///
    /// ```
    /// assert!(cloud_images::testing::Clock::manual().is_manual());
    /// ```
    pub fn is_manual(&self) -> bool {
        self.0.real.is_none()
    }

    /// The clock's current time.
    ///
    /// ```
    /// use cloud_images::testing::Clock;
    ///
    /// let clock = Clock::real();
    /// assert!(clock.now() >= std::time::UNIX_EPOCH);
    /// ```
    pub fn now(&self) -> SystemTime {
        // `now_ms` is at most `LATEST_MS`, which every platform can add.
        UNIX_EPOCH.checked_add(Duration::from_millis(self.now_ms())).unwrap_or(UNIX_EPOCH)
    }

    /// The clock's time as a monotonic instant, for a client's deadlines: when the clock was
    /// made, plus the real time since (a real clock), plus what was advanced.
    pub(crate) fn instant(&self) -> Instant {
        let real = self.0.real.map_or(Duration::ZERO, |start| start.elapsed());
        let advanced = Duration::from_millis(self.0.advanced_ms.load(Ordering::SeqCst));
        let origin = self.0.origin;
        origin.checked_add(real.saturating_add(advanced)).unwrap_or(origin)
    }

    /// A client's sleep on this clock: a manual clock is advanced by `d`, rounded up to the
    /// next millisecond (it counts whole milliseconds, and a wait must move it); a real clock
    /// sleeps.
    pub(crate) fn sleep(&self, d: Duration) {
        if self.is_manual() {
            let ms = d.as_nanos().div_ceil(1_000_000);
            self.advance(Duration::from_millis(u64::try_from(ms).unwrap_or(u64::MAX)));
        } else {
            std::thread::sleep(d);
        }
    }

    /// The current time in milliseconds since the Unix epoch.
    pub(crate) fn now_ms(&self) -> u64 {
        let real = self.0.real.map_or(0, |start| millis(start.elapsed()));
        let ms =
            self.0.start_ms.saturating_add(real).saturating_add(self.0.advanced_ms.load(Ordering::SeqCst));
        ms.min(LATEST_MS)
    }
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// `2025-01-31T12:34:56`: UTC without an offset (Linode's format), from Unix milliseconds.
pub(crate) fn timestamp(unix_ms: u64) -> String {
    let unix = unix_ms / 1000;
    let (days, secs) = (unix / 86_400, unix % 86_400);
    // Howard Hinnant's days-to-civil.
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
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
pub(crate) fn timestamp_z(unix_ms: u64) -> String {
    format!("{}Z", timestamp(unix_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00");
        assert_eq!(timestamp(MANUAL_START * 1000 + 999), "2025-06-01T12:00:00");
        assert_eq!(timestamp_z(951_782_400_000), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn any_time_and_any_advance_stay_in_range() {
        let clock = Clock::manual();
        clock.advance(Duration::MAX);
        clock.advance(Duration::MAX);
        assert_eq!(clock.now_ms(), LATEST_MS);
        assert_eq!(timestamp_z(clock.now_ms()), "9999-12-31T23:59:59Z");
        assert_eq!(clock.now(), UNIX_EPOCH + Duration::from_millis(LATEST_MS));
        let far = UNIX_EPOCH + Duration::from_secs(1 << 40);
        assert_eq!(Clock::manual_at(far).now_ms(), LATEST_MS);
        let before_1970 = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(Clock::manual_at(before_1970).now(), UNIX_EPOCH);
        let real = Clock::real();
        real.advance(Duration::MAX);
        assert_eq!(real.now_ms(), LATEST_MS);
    }

    #[test]
    fn a_real_clock_moves_and_can_be_advanced() {
        let clock = Clock::real();
        let a = clock.now_ms();
        clock.advance(Duration::from_secs(3600));
        assert!(clock.now_ms() >= a + 3_600_000);
    }
}
