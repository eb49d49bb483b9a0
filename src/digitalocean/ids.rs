//! DigitalOcean image and action ids as types, so one cannot stand in for the other.
//!
//! Written out rather than made by a macro: the public API check (`tests/public_api.rs`) reads
//! the source, and sees no macro's output.

use std::fmt;

use crate::{Error, Result};

/// A DigitalOcean image id. Any `u64` converts into one; 0 is refused by the call, before
/// any request.
///
/// ```
/// use cloud_images::digitalocean::ImageId;
///
/// assert_eq!(ImageId::from(7555620).to_string(), "7555620");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImageId(u64);

impl ImageId {
    /// The number.
    ///
    /// ```
    /// assert_eq!(cloud_images::digitalocean::ImageId::from(7555620).get(), 7555620);
    /// ```
    pub fn get(self) -> u64 {
        self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error for 0
    /// (ids start at 1).
    pub(crate) fn check(self) -> Result<u64> {
        checked(self.0, "a digitalocean image id starts at 1, not 0")
    }
}

impl From<u64> for ImageId {
    fn from(id: u64) -> Self {
        ImageId(id)
    }
}

impl From<&u64> for ImageId {
    fn from(id: &u64) -> Self {
        ImageId(*id)
    }
}

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A DigitalOcean action id, never to be confused with an image id. Any `u64` converts into
/// one; 0 is refused by the call, before any request.
///
/// ```
/// use cloud_images::digitalocean::ActionId;
///
/// assert_eq!(ActionId::from(36805527).to_string(), "36805527");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionId(u64);

impl ActionId {
    /// The number.
    ///
    /// ```
    /// assert_eq!(cloud_images::digitalocean::ActionId::from(36805527).get(), 36805527);
    /// ```
    pub fn get(self) -> u64 {
        self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error for 0
    /// (ids start at 1).
    pub(crate) fn check(self) -> Result<u64> {
        checked(self.0, "a digitalocean action id starts at 1, not 0")
    }
}

impl From<u64> for ActionId {
    fn from(id: u64) -> Self {
        ActionId(id)
    }
}

impl From<&u64> for ActionId {
    fn from(id: &u64) -> Self {
        ActionId(*id)
    }
}

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `id`, or an input error saying `zero` when it is 0.
fn checked(id: u64, zero: &'static str) -> Result<u64> {
    if id == 0 {
        return Err(Error::invalid_input(zero));
    }
    Ok(id)
}
