//! Sizes and times of the neutral view: the providers' units in bytes, their timestamps as
//! `SystemTime` (parsed by jiff, never by hand).

use std::time::{SystemTime, UNIX_EPOCH};

/// Linode's MB: 2^20 bytes.
pub(crate) const MIB: u64 = 1 << 20;
/// DigitalOcean's GB: 2^30 bytes.
pub(crate) const GIB: u64 = 1 << 30;

/// `count` units of `unit` bytes; `None` when it does not fit a `u64`.
pub(crate) fn bytes(count: u64, unit: u64) -> Option<u64> {
    count.checked_mul(unit)
}

/// A fractional number of GiB in bytes, rounded to the nearest byte; `None` for a negative
/// number, one that is not a number, or one too large for a `u64`.
pub(crate) fn gib_fraction(gib: f64) -> Option<u64> {
    let bytes = (gib * GIB as f64).round();
    // 2^64 as a float: every whole float from 0 below it converts exactly to a u64 (NaN and the
    // infinities are not in the range).
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    if !(0.0..LIMIT).contains(&bytes) {
        return None;
    }
    // In range and whole: the conversion is exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    Some(bytes as u64)
}

/// A provider's timestamp: RFC 3339 with an offset (`2024-11-20T16:22:09Z`), or a date and time
/// without one, taken as UTC (Linode's `2021-08-14T22:44:02`). `None` when it is neither, or
/// when `SystemTime` cannot hold the time on this platform.
pub(crate) fn timestamp(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let at = match text.parse::<jiff::Timestamp>() {
        Ok(at) => at,
        Err(_) => {
            let civil = text.parse::<jiff::civil::DateTime>().ok()?;
            jiff::tz::TimeZone::UTC.to_timestamp(civil).ok()?
        }
    };
    let since_epoch = at.as_duration();
    if since_epoch.is_negative() {
        UNIX_EPOCH.checked_sub(since_epoch.unsigned_abs())
    } else {
        UNIX_EPOCH.checked_add(since_epoch.unsigned_abs())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn both_providers_timestamps_parse_to_the_same_instant() {
        let at = UNIX_EPOCH + Duration::from_secs(1_629_002_642);
        assert_eq!(timestamp("2021-08-15T04:44:02"), Some(at));
        assert_eq!(timestamp("2021-08-15T04:44:02Z"), Some(at));
        assert_eq!(timestamp("2021-08-15T06:44:02+02:00"), Some(at));
        assert_eq!(timestamp("2021-08-15T04:44:02.5Z"), Some(at + Duration::from_millis(500)));
        assert_eq!(timestamp("1969-12-31T23:59:59Z"), UNIX_EPOCH.checked_sub(Duration::from_secs(1)));
        for bad in ["", "yesterday", "2021-13-01T00:00:00", "15/08/2021", "2021-08-15T04:44:02Q"] {
            assert_eq!(timestamp(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn sizes_convert_exactly_or_not_at_all() {
        assert_eq!(bytes(3604, MIB), Some(3_779_067_904));
        assert_eq!(bytes(u64::MAX, GIB), None);
        assert_eq!(gib_fraction(2.36), Some(2_534_030_705));
        assert_eq!(gib_fraction(0.0), Some(0));
        for bad in [-1.0, f64::NAN, f64::INFINITY, 1e12] {
            assert_eq!(gib_fraction(bad), None, "{bad}");
        }
    }
}
