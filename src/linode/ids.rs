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
/// # fn main() -> Result<(), cloud_images::Error> {
/// let id = ImageId::from("private/12345");
/// assert_eq!(id.as_str(), "private/12345");
/// assert_eq!(id.to_string(), "private/12345");
/// let client = cloud_images::linode::Client::builder().build()?;
/// let empty = client.images().get("").unwrap_err(); // nothing sent
/// assert_eq!(empty.kind(), cloud_images::ErrorKind::InvalidInput);
/// # Ok(())
/// # }
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
    pub(crate) fn check(&self) -> Result<&str> {
        match self.0.trim() {
            "" => Err(Error::invalid_input("a linode image id must not be empty")),
            "." | ".." => Err(Error::invalid_input(format!("{:?} is not a linode image id", self.0))),
            _ => Ok(&self.0),
        }
    }

    /// The id, checked as [`check`](Self::check) does, without a copy.
    pub(crate) fn into_checked(self) -> Result<String> {
        self.check()?;
        Ok(self.0)
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

/// The numeric id of a Linode share group (its `id`, not its `uuid`). Any `u64` converts into
/// one; 0 is refused by the call ([`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput))
/// before any request: ids start at 1.
///
/// ```
/// use cloud_images::linode::ShareGroupId;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let id = ShareGroupId::from(8306);
/// assert_eq!(id.get(), 8306);
/// assert_eq!(id.to_string(), "8306");
/// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
/// let zero = client.sharegroups().get(0).unwrap_err(); // nothing sent
/// assert_eq!(zero.kind(), cloud_images::ErrorKind::InvalidInput);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShareGroupId(u64);

impl ShareGroupId {
    /// The number.
    ///
    /// ```
    /// assert_eq!(cloud_images::linode::ShareGroupId::from(8306).get(), 8306);
    /// ```
    pub fn get(self) -> u64 {
        self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error for 0.
    pub(crate) fn check(self) -> Result<u64> {
        if self.0 == 0 {
            return Err(Error::invalid_input("a linode share group id starts at 1, not 0"));
        }
        Ok(self.0)
    }
}

impl From<u64> for ShareGroupId {
    fn from(id: u64) -> Self {
        ShareGroupId(id)
    }
}

impl From<&u64> for ShareGroupId {
    fn from(id: &u64) -> Self {
        ShareGroupId(*id)
    }
}

impl fmt::Display for ShareGroupId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The id of a membership token (`token_uuid`): the member sees it on its token, the owner on
/// the membership. It is not the secret [`MembershipToken`](super::MembershipToken). Any
/// `&str` or `String` converts into one; an empty id (or only spaces), `.` or `..` is refused
/// by the call before any request. Its shape is not checked further: Linode answers 404 for an
/// id that does not exist, whatever it looks like.
///
/// ```
/// use cloud_images::linode::TokenUuid;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let id = TokenUuid::from("13428362-5458-4dad-b14b-8d0d4d648f8c");
/// assert_eq!(id.as_str(), "13428362-5458-4dad-b14b-8d0d4d648f8c");
/// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
/// let dots = client.sharegroups().tokens().get("..").unwrap_err(); // nothing sent
/// assert_eq!(dots.kind(), cloud_images::ErrorKind::InvalidInput);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TokenUuid(String);

impl TokenUuid {
    /// The id as written.
    ///
    /// ```
    /// assert_eq!(cloud_images::linode::TokenUuid::from("abc").as_str(), "abc");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when it
    /// is empty (or only spaces), `.` or `..`.
    pub(crate) fn check(&self) -> Result<&str> {
        match self.0.trim() {
            "" => Err(Error::invalid_input("a linode token_uuid must not be empty")),
            "." | ".." => Err(Error::invalid_input(format!("{:?} is not a linode token_uuid", self.0))),
            _ => Ok(&self.0),
        }
    }
}

impl From<&str> for TokenUuid {
    fn from(id: &str) -> Self {
        TokenUuid(id.to_string())
    }
}

impl From<String> for TokenUuid {
    fn from(id: String) -> Self {
        TokenUuid(id)
    }
}

impl From<&String> for TokenUuid {
    fn from(id: &String) -> Self {
        TokenUuid(id.clone())
    }
}

impl From<&TokenUuid> for TokenUuid {
    fn from(id: &TokenUuid) -> Self {
        id.clone()
    }
}

impl AsRef<str> for TokenUuid {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TokenUuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The secret, single-use token a member creates to join a share group
/// ([`Tokens::create`](super::Tokens::create)), and that the group's owner uses to add it
/// ([`Members::add`](super::Members::add)).
///
/// **Linode returns it once**, in the answer to the create, and never again: keep it, and hand
/// it to the owner over a safe channel. Like the API token, it is kept out of `Debug` (which
/// prints `** redacted **`), and it has no `Display`: read it with [`expose`](Self::expose),
/// explicitly. It is serialised as the plain string (that is how it travels to the API).
///
/// ```
/// use cloud_images::linode::MembershipToken;
///
/// let token = MembershipToken::from("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
/// assert_eq!(format!("{token:?}"), "** redacted **");
/// assert_eq!(token.expose(), "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
/// ```
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct MembershipToken(String);

impl MembershipToken {
    /// The secret itself, to hand to the group's owner. Do not log it.
    ///
    /// ```
    /// let token = cloud_images::linode::MembershipToken::from("secret-jwt");
    /// assert_eq!(token.expose(), "secret-jwt");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The token, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when
    /// it is blank (the message does not show it).
    pub(crate) fn check(&self) -> Result<&Self> {
        if self.0.trim().is_empty() {
            return Err(Error::invalid_input("a share group membership token must not be blank"));
        }
        Ok(self)
    }
}

impl From<&str> for MembershipToken {
    fn from(token: &str) -> Self {
        MembershipToken(token.to_string())
    }
}

impl From<String> for MembershipToken {
    fn from(token: String) -> Self {
        MembershipToken(token)
    }
}

impl From<&MembershipToken> for MembershipToken {
    fn from(token: &MembershipToken) -> Self {
        token.clone()
    }
}

impl fmt::Debug for MembershipToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** redacted **")
    }
}
