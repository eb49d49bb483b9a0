//! Local stand-ins of both Images APIs, for testing programs that use this crate (feature
//! `testing`, meant for `[dev-dependencies]`).
//!
//! [`LinodeStandIn`] and [`DigitalOceanStandIn`] each start an HTTP server on 127.0.0.1 on a
//! free port, give its base URL and a ready client, and stop when dropped. They have one shape,
//! [`StandIn`] (and [`StandInBuilder`]): what every stand-in has is written once there, what
//! only one provider has is on its own stand-in; code generic over [`Kit`] runs against either. They are stateful and
//! follow the real services: seeded with realistic public images in the shapes the live APIs
//! send (their `null`s included), they create, upload, update, delete, replicate, import and run
//! image actions; statuses move on a [`Clock`] the test controls; listings paginate and filter;
//! bad input gets each provider's error format; DigitalOcean answers carry rate-limit headers.
//!
//! - **Faults**: [`inject`](StandIn::inject) a [`Fault`] (429 with `Retry-After`, 503,
//!   maintenance, any status, a delay, a cut body, a dropped connection, a body that is not
//!   JSON, `{}` or a truncated document) into the next calls of an operation ([`On`]: best by
//!   its type, [`On::op::<ops::GetImage>()`](On::op), so that a typo does not compile), to test
//!   your retries and error handling. On a manual [`Clock`] a delay moves the clock instead of
//!   sleeping.
//! - **Inspection**: [`requests`](StandIn::requests) lists every [`Request`] received
//!   (method, path, query, headers with the token [`REDACTED`], JSON body, byte count, the
//!   answer's status), and the state can be read back as the crate's own types
//!   ([`account_images`](LinodeStandIn::account_images), [`image`](DigitalOceanStandIn::image)).
//!
//! **Operation ids**, as the APIs' specs name them: what [`On`] and the stand-ins'
//! [`inject`](StandIn::inject) take (an unknown one is refused with the list), and what
//! the request log's [`operation`](Request::operation) shows. The stand-ins route by a table
//! `build.rs` derives from the same specs as the client (one row per generated request type),
//! so they answer exactly the operations the client sends, at the same paths.
//!
//! - Linode images: `get-images`, `post-image`, `post-upload-image`, `get-image`, `put-image`,
//!   `delete-image`, `post-replicate-image`
//! - Linode share groups: `get-sharegroups`, `post-sharegroups`, `get-user-tokens`,
//!   `post-sharegroup-tokens`, `get-sharegroup-token`, `put-sharegroup-token`,
//!   `delete-sharegroup-token`, `get-sharegroup-by-token`, `get-sharegroup-images-by-token`,
//!   `get-sharegroup`, `put-sharegroup`, `delete-sharegroup`, `get-sharegroup-images`,
//!   `post-sharegroup-images`, `put-sharegroup-imageshare`, `delete-sharegroup-imageshare`,
//!   `get-sharegroup-members`, `post-sharegroup-members`, `get-sharegroup-member-token`,
//!   `put-sharegroup-member-token`, `delete-sharegroup-member-token`,
//!   `get-images-sharegroups-image`
//! - Linode object storage (an upload's data): `object-storage-put`
//! - DigitalOcean images and image actions: `images_list`, `images_create_custom`,
//!   `images_get`, `images_update`, `images_delete`, `imageActions_list`, `imageActions_post`,
//!   `imageActions_get`
//! - DigitalOcean account transfers: `images_post_account_transfer_create`,
//!   `images_post_account_transfer_accept`, `images_post_account_transfer_cancel`,
//!   `images_post_account_transfer_decline`
//! - Spaces, DigitalOcean's object storage (with the spaces feature): `spaces_put_object`,
//!   `spaces_get_object`, `spaces_delete_object`
//!
//! The kit uses only the standard library and the crate's own dependencies. The binary
//! `cloud-images-stand-in` (with this feature) serves both stand-ins on fixed ports, for
//! programs in other languages and tools with a configurable API URL.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use std::time::Duration;
//! use cloud_images::digitalocean::{CustomImage, ops};
//! use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, On};
//!
//! let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start()?;
//! // On the stand-in's clock, the client's waits (here the 1 s the 429 asks for) take no time.
//! let client = stand_in.client_builder().clock(stand_in.clock().clone()).build()?;
//! let import = On::op::<ops::ImagesCreateCustom>();
//! stand_in.inject(import, Fault::too_many_requests(Duration::from_secs(1)))?;
//!
//! let url = "https://example.com/fedora.qcow2.gz";
//! let image = client.images().import(CustomImage::new("fedora", url, "nyc3"))?; // retried once
//! let id = image.id;
//! assert_eq!(image.status.map(|s| s.to_string()).as_deref(), Some("NEW"));
//!
//! stand_in.clock().advance(Duration::from_secs(60));
//! let image = client.images().wait_until_available(id).timeout(Duration::from_secs(5)).send()?;
//! assert_eq!(image.regions.len(), 1);
//!
//! let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
//! assert_eq!(statuses, [Some(429), Some(202), Some(200)]);
//! # Ok(())
//! # }
//! ```

mod clock;
mod cloud;
mod core;
mod digitalocean;
mod faults;
mod linode;
mod requests;
mod routes;
mod server;
mod stand_in;

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

pub use self::clock::Clock;
#[cfg(feature = "spaces")]
pub use self::digitalocean::SpacesObject;
pub use self::digitalocean::{DigitalOceanStandIn, DigitalOceanStandInBuilder};
pub use self::faults::{Fault, On};
pub use self::linode::{LinodeStandIn, LinodeStandInBuilder, Received};
pub use self::requests::{REDACTED, Request, Token};
pub use self::stand_in::{Kit, StandIn, StandInBuilder};

/// What a stand-in starts with.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::testing::{DigitalOceanStandIn, Seed};
///
/// let stand_in = DigitalOceanStandIn::builder().seed(Seed::Public).start()?;
/// assert!(stand_in.account_images().is_empty());
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Seed {
    /// The provider's public images, and an account with a few images of its own in the shapes
    /// the live API sends (see each stand-in).
    #[default]
    Full,
    /// The public images only: the account has nothing.
    Public,
    /// Nothing at all.
    Empty,
}

/// The kit's clients retry as the default policy says, with a backoff from 1 ms (so at most
/// 8 ms between the 4 retries) when the server gives no hint; a hint is obeyed as by any client.
fn kit_retry_policy() -> crate::RetryPolicy {
    crate::RetryPolicy::default().base_delay(Duration::from_millis(1))
}

/// Locks `mutex`; a panic elsewhere while it was held does not make this one panic.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned: PoisonError<MutexGuard<'_, T>>| {
        ::log::warn!(target: "cloud_images::testing", "a stand-in lock was poisoned; going on with its state");
        poisoned.into_inner()
    })
}
