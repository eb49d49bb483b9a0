//! Linode's ids, from the crate's id kit ([`crate::ids`]): image ids (`linode/debian12`,
//! `private/12345`, `shared/5854`), share group ids, membership token ids; and the secret
//! membership token.

use std::fmt;

use super::Linode;
use crate::ids::{NumericId, TextId, role};
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
pub type ImageId = TextId<(Linode, role::Image)>;

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
pub type ShareGroupId = NumericId<(Linode, role::ShareGroup)>;

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
pub type TokenUuid = TextId<(Linode, role::TokenUuid)>;

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

/// The token as text (`&str`, `String`).
impl<S: Into<String>> From<S> for MembershipToken {
    fn from(token: S) -> Self {
        MembershipToken(token.into())
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
