//! Linode image ids as a type: `linode/debian12`, `private/12345`, `shared/5854`.

use std::fmt;

use crate::{Error, Result};

/// A Linode image id. Any `&str` or `String` converts into one, so calls take
/// `"private/123"` as well as `&image.id`; an empty id, `.` or `..` is refused by the call
/// ([`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)) before any request: sent as a
/// path segment it would name another resource (`GET /v4/images/` is the listing).
///
/// ```
/// use cloud_images::linode::ImageId;
///
/// let id = ImageId::from("private/12345");
/// assert_eq!(id.as_str(), "private/12345");
/// assert_eq!(id.to_string(), "private/12345");
/// assert!(ImageId::from("").check().is_err());
/// assert!(ImageId::from("..").check().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ImageId(String);

impl ImageId {
    /// The id as written (`private/12345`).
    ///
    /// ```
    /// assert_eq!(cloud_images::linode::ImageId::from("linode/debian12").as_str(), "linode/debian12");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when it
    /// is empty (or only spaces), `.` or `..`.
    ///
    /// ```
    /// use cloud_images::linode::ImageId;
    ///
    /// assert_eq!(ImageId::from("shared/5854").check()?, "shared/5854");
    /// assert!(ImageId::from("  ").check().is_err());
    /// # Ok::<(), cloud_images::Error>(())
    /// ```
    pub fn check(&self) -> Result<&str> {
        match self.0.trim() {
            "" => Err(Error::invalid_input("a linode image id must not be empty")),
            "." | ".." => Err(Error::invalid_input(format!("{:?} is not a linode image id", self.0))),
            _ => Ok(&self.0),
        }
    }
}

impl From<&str> for ImageId {
    fn from(id: &str) -> Self {
        ImageId(id.to_string())
    }
}

impl From<String> for ImageId {
    fn from(id: String) -> Self {
        ImageId(id)
    }
}

impl From<&String> for ImageId {
    fn from(id: &String) -> Self {
        ImageId(id.clone())
    }
}

impl From<&ImageId> for ImageId {
    fn from(id: &ImageId) -> Self {
        id.clone()
    }
}

impl AsRef<str> for ImageId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ImageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
