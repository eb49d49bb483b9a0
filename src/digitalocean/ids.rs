//! DigitalOcean's ids, from the crate's id kit ([`crate::ids`]): image, action and transfer ids
//! are numbers, each its own type, so one cannot stand in for another.

use super::DigitalOcean;
use crate::ids::{NumericId, role};

/// A DigitalOcean image id. Any `u64` converts into one; 0 is refused by the call, before
/// any request.
///
/// ```
/// use cloud_images::digitalocean::ImageId;
///
/// assert_eq!(ImageId::from(7555620).to_string(), "7555620");
/// ```
pub type ImageId = NumericId<(DigitalOcean, role::Image)>;

/// A DigitalOcean action id, never to be confused with an image id. Any `u64` converts into
/// one; 0 is refused by the call, before any request.
///
/// ```
/// use cloud_images::digitalocean::ActionId;
///
/// assert_eq!(ActionId::from(36805527).to_string(), "36805527");
/// ```
pub type ActionId = NumericId<(DigitalOcean, role::Action)>;

/// A transfer's id (`transfer_id`). Ids start at 1: 0 is refused by the calls that take one.
///
/// ```
/// use cloud_images::digitalocean::TransferId;
///
/// assert_eq!(TransferId::from(7734).get(), 7734);
/// ```
pub type TransferId = NumericId<(DigitalOcean, role::Transfer)>;
