//! DigitalOcean image and action ids as types, so one cannot stand in for the other.

use std::fmt;

use crate::{Error, Result};

macro_rules! numeric_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u64);

        impl $name {
            /// The number.
            ///
            /// ```
            #[doc = concat!("assert_eq!(cloud_images::digitalocean::", stringify!($name), "::from(7555620).get(), 7555620);")]
            /// ```
            pub fn get(self) -> u64 {
                self.0
            }

            /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error
            /// for 0 (ids start at 1).
            ///
            /// ```
            #[doc = concat!("use cloud_images::digitalocean::", stringify!($name), ";")]
            ///
            #[doc = concat!("assert_eq!(", stringify!($name), "::from(36805527).check()?, 36805527);")]
            #[doc = concat!("assert!(", stringify!($name), "::from(0).check().is_err());")]
            /// # Ok::<(), cloud_images::Error>(())
            /// ```
            pub fn check(self) -> Result<u64> {
                if self.0 == 0 {
                    return Err(Error::invalid_input(concat!("a digitalocean ", $what, " id starts at 1, not 0")));
                }
                Ok(self.0)
            }
        }

        impl From<u64> for $name {
            fn from(id: u64) -> Self {
                $name(id)
            }
        }

        impl From<&u64> for $name {
            fn from(id: &u64) -> Self {
                $name(*id)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

numeric_id!(
    /// A DigitalOcean image id. Any `u64` converts into one; 0 is refused by the call, before
    /// any request.
    ///
    /// ```
    /// use cloud_images::digitalocean::ImageId;
    ///
    /// assert_eq!(ImageId::from(7555620).to_string(), "7555620");
    /// ```
    ImageId,
    "image"
);

numeric_id!(
    /// A DigitalOcean action id, never to be confused with an image id. Any `u64` converts into
    /// one; 0 is refused by the call, before any request.
    ///
    /// ```
    /// use cloud_images::digitalocean::ActionId;
    ///
    /// assert_eq!(ActionId::from(36805527).to_string(), "36805527");
    /// ```
    ActionId,
    "action"
);
