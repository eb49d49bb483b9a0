//! The ids of both providers, made from one kit: a number ([`NumericId`]) or a text
//! ([`TextId`]), each kind of id its own type (a [`digitalocean::ImageId`](crate::digitalocean::ImageId)
//! is not an [`ActionId`](crate::digitalocean::ActionId)), and one UUID check.
//!
//! The providers name their ids with type aliases ([`linode::ImageId`](crate::linode::ImageId)
//! is `TextId<(Linode, role::Image)>`); a kind ([`IdKind`]) only tells the ids apart and names them in
//! messages. Each id converts from what it is written as (`"private/123"`, `7555620`), and the
//! call that takes it refuses one that would name another resource (empty, `.`, `..`, 0) with
//! an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error, before any request.
//!
//! ```
//! use cloud_images::{digitalocean, linode};
//!
//! let image = digitalocean::ImageId::from(7555620);
//! let action = digitalocean::ActionId::from(36805527);
//! assert_eq!((image.get(), action.to_string()), (7555620, "36805527".to_string()));
//! assert_eq!(format!("{image:?}"), "ImageId(7555620)");
//! let id = linode::ImageId::from("private/12345");
//! assert_eq!((id.as_str(), format!("{id:?}")), ("private/12345", r#"ImageId("private/12345")"#.to_string()));
//! ```

use std::fmt;
use std::marker::PhantomData;

use crate::{Error, Provider, Result};

/// What a kind of id is called: the hidden part of [`IdKind`] and [`Role`], in a private
/// module so that users can neither name it nor make kinds of their own.
pub(crate) mod sealed {
    /// The traits every kind of id has: they make every id of the kit `Copy` (numbers),
    /// `Clone`, comparable and hashable, in generic code too.
    pub trait Marker: Copy + Ord + std::hash::Hash + std::fmt::Debug + Send + Sync + 'static {}

    impl<T: Copy + Ord + std::hash::Hash + std::fmt::Debug + Send + Sync + 'static> Marker for T {}

    /// What an id of a role is called: its type's name, as `Debug` shows it (`ImageId`), and
    /// what a message calls it after the provider's name (`image id`).
    pub trait Role: Marker {
        const TYPE: &'static str;
        const WHAT: &'static str;
    }

    /// The names of a kind of id: a provider and a role.
    pub trait Named: Marker {
        const TYPE: &'static str;
        const PROVIDER: &'static str;
        const WHAT: &'static str;
    }
}

/// What an id names, whatever the provider: ids of the same provider and role are one type.
/// The roles are the aliases in [`role`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Role<const N: u8>(std::convert::Infallible);

/// The roles of ids: what they name.
pub mod role {
    /// An image.
    pub type Image = super::Role<0>;
    /// An action on an image.
    pub type Action = super::Role<1>;
    /// A share group (its numeric `id`).
    pub type ShareGroup = super::Role<2>;
    /// A transfer of an image to another account (`transfer_id`).
    pub type Transfer = super::Role<3>;
    /// A membership token's id (`token_uuid`).
    pub type TokenUuid = super::Role<4>;
}

/// A role's type name (as `Debug` shows it) and what a message calls it.
const fn role_names(n: u8) -> (&'static str, &'static str) {
    match n {
        0 => ("ImageId", "image id"),
        1 => ("ActionId", "action id"),
        2 => ("ShareGroupId", "share group id"),
        3 => ("TransferId", "transfer id"),
        4 => ("TokenUuid", "token_uuid"),
        _ => ("Id", "id"),
    }
}

impl<const N: u8> sealed::Role for Role<N> {
    const TYPE: &'static str = role_names(N).0;
    const WHAT: &'static str = role_names(N).1;
}

/// A kind of id: a provider and a [`role`] (`(Linode, role::Image)`). It tells ids of different
/// things apart (a `digitalocean::ImageId` is not a `digitalocean::ActionId`) and names them in
/// messages (`a digitalocean image id starts at 1, not 0`). Sealed.
///
/// ```
/// use cloud_images::digitalocean::DigitalOcean;
/// use cloud_images::ids::{IdKind, role};
///
/// fn kind<K: IdKind>() {}
/// kind::<(DigitalOcean, role::Image)>();
/// ```
pub trait IdKind: sealed::Named {}

impl<K: sealed::Named> IdKind for K {}

impl<P: Provider + sealed::Marker, R: sealed::Role> sealed::Named for (P, R) {
    const TYPE: &'static str = R::TYPE;
    const PROVIDER: &'static str = P::NAME;
    const WHAT: &'static str = R::WHAT;
}

/// An id that is a number, of the kind `K`. Any `u64` converts into one; 0 is refused by the
/// call that takes it, before any request: ids start at 1. See the providers' aliases
/// ([`digitalocean::ImageId`](crate::digitalocean::ImageId), ...).
///
/// ```
/// use cloud_images::digitalocean::ImageId;
///
/// assert_eq!(ImageId::from(7555620).to_string(), "7555620");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NumericId<K: IdKind>(u64, PhantomData<K>);

impl<K: IdKind> NumericId<K> {
    /// The id `id` (not checked yet).
    pub(crate) const fn new(id: u64) -> Self {
        NumericId(id, PhantomData)
    }

    /// The number.
    ///
    /// ```
    /// assert_eq!(cloud_images::digitalocean::ImageId::from(7555620).get(), 7555620);
    /// ```
    pub fn get(self) -> u64 {
        self.0
    }

    /// The id, or an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error for 0
    /// (`a digitalocean image id starts at 1, not 0`).
    pub(crate) fn check(self) -> Result<u64> {
        match self.0 {
            0 => Err(Error::invalid_input(format!("a {} {} starts at 1, not 0", K::PROVIDER, K::WHAT))),
            id => Ok(id),
        }
    }
}

impl<K: IdKind> From<u64> for NumericId<K> {
    fn from(id: u64) -> Self {
        NumericId::new(id)
    }
}

impl<K: IdKind> From<&u64> for NumericId<K> {
    fn from(id: &u64) -> Self {
        NumericId::new(*id)
    }
}

impl<K: IdKind> fmt::Display for NumericId<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// `ImageId(7555620)`, as a tuple struct of that name shows.
impl<K: IdKind> fmt::Debug for NumericId<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple(K::TYPE).field(&self.0).finish()
    }
}

/// An id that is a text, of the kind `K`. Any `&str` or `String` converts into one, so calls
/// take `"private/123"` as well as `&image.id`; an empty id (or only spaces), `.` or `..` is
/// refused by the call that takes it, before any request: sent as a path segment, it would name
/// another resource (`GET /v4/images/` is the listing). See the providers' aliases
/// ([`linode::ImageId`](crate::linode::ImageId), [`linode::TokenUuid`](crate::linode::TokenUuid)).
///
/// ```
/// use cloud_images::linode::ImageId;
///
/// assert_eq!(ImageId::from("private/12345").to_string(), "private/12345");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TextId<K: IdKind>(String, PhantomData<K>);

impl<K: IdKind> TextId<K> {
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
            "" => Err(Error::invalid_input(format!("a {} {} must not be empty", K::PROVIDER, K::WHAT))),
            "." | ".." => {
                Err(Error::invalid_input(format!("{:?} is not a {} {}", self.0, K::PROVIDER, K::WHAT)))
            }
            _ => Ok(&self.0),
        }
    }

    /// The id, checked as [`check`](Self::check) does, without a copy.
    pub(crate) fn into_checked(self) -> Result<String> {
        self.check()?;
        Ok(self.0)
    }
}

/// The id as text (`&str`, `String`, `&String`).
impl<K: IdKind, S: Into<String>> From<S> for TextId<K> {
    fn from(id: S) -> Self {
        TextId(id.into(), PhantomData)
    }
}

impl<K: IdKind> From<&TextId<K>> for TextId<K> {
    fn from(id: &TextId<K>) -> Self {
        TextId(id.0.clone(), PhantomData)
    }
}

impl<K: IdKind> AsRef<str> for TextId<K> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<K: IdKind> fmt::Display for TextId<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `ImageId("private/12345")`, as a tuple struct of that name shows.
impl<K: IdKind> fmt::Debug for TextId<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple(K::TYPE).field(&self.0).finish()
    }
}

/// Whether `s` has the shape of a UUID: 8-4-4-4-12 hexadecimal digits (either case). The
/// facade checks share group and team uuids with it before any request, and the Linode
/// stand-in checks what it is sent.
pub(crate) fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids() {
        assert!(is_uuid("e1d0e58b-f89f-4237-84AB-b82077342359"));
        for not in ["", "8306", "e1d0e58b-f89f-4237-84ab-b8207734235", "e1d0e58bf89f423784abb82077342359"] {
            assert!(!is_uuid(not), "{not:?}");
        }
        assert!(!is_uuid("e1d0e58b-f89f-4237-84ab-b8207734235g"));
        assert!(!is_uuid(" e1d0e58b-f89f-4237-84ab-b82077342359"));
    }

    #[test]
    fn messages_name_the_kind() {
        let zero = crate::digitalocean::TransferId::from(0).check().unwrap_err();
        assert_eq!(zero.to_string(), "a digitalocean transfer id starts at 1, not 0");
        let dots = crate::linode::TokenUuid::from("..").check().unwrap_err();
        assert_eq!(dots.to_string(), r#"".." is not a linode token_uuid"#);
        assert_eq!(format!("{:?}", crate::linode::ShareGroupId::from(8306)), "ShareGroupId(8306)");
    }
}
