//! DigitalOcean's ids, from the crate's id kit ([`crate::ids`]): image, action and transfer ids
//! are numbers, each its own type, so one cannot stand in for another.

use crate::ids::NumericId;

/// The kinds of this provider's ids (see [`crate::ids::IdKind`]): they tell its ids apart, and
/// name them in messages. Nothing to build or call: only the aliases below use them.
pub mod id_kind {
    /// The kind of [`ImageId`](super::ImageId).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Image {}

    impl crate::ids::sealed::Named for Image {
        const NAMES: (&'static str, &'static str) = ("ImageId", "digitalocean image id");
    }

    /// The kind of [`ActionId`](super::ActionId).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Action {}

    impl crate::ids::sealed::Named for Action {
        const NAMES: (&'static str, &'static str) = ("ActionId", "digitalocean action id");
    }

    /// The kind of [`TransferId`](super::TransferId) (`transfer_id`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Transfer {}

    impl crate::ids::sealed::Named for Transfer {
        const NAMES: (&'static str, &'static str) = ("TransferId", "digitalocean transfer id");
    }
}

/// A DigitalOcean image id. Any `u64` converts into one; 0 is refused by the call, before
/// any request.
///
/// ```
/// use cloud_images::digitalocean::ImageId;
///
/// assert_eq!(ImageId::from(7555620).to_string(), "7555620");
/// ```
pub type ImageId = NumericId<id_kind::Image>;

/// A DigitalOcean action id, never to be confused with an image id. Any `u64` converts into
/// one; 0 is refused by the call, before any request.
///
/// ```
/// use cloud_images::digitalocean::ActionId;
///
/// assert_eq!(ActionId::from(36805527).to_string(), "36805527");
/// ```
pub type ActionId = NumericId<id_kind::Action>;

/// A transfer's id (`transfer_id`). Ids start at 1: 0 is refused by the calls that take one.
///
/// ```
/// use cloud_images::digitalocean::TransferId;
///
/// assert_eq!(TransferId::from(7734).get(), 7734);
/// ```
pub type TransferId = NumericId<id_kind::Transfer>;
