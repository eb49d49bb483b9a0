//! The DigitalOcean Images API (v2): list, get by id or slug, import a custom image, update,
//! delete, image actions (transfer, convert), and waiting for imports and actions to finish.
//!
//! ```no_run
//! use std::time::Duration;
//! use cloud_images::digitalocean::{Client, CustomImage, Distribution, ImageKind};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?; // DIGITALOCEAN_ACCESS_TOKEN, else DIGITALOCEAN_TOKEN
//! let image = client.images().get("ubuntu-24-04-x64")?;
//! println!("{:?} {:?}", image.id, image.name);
//!
//! // Every public distribution image, 200 per request, fetched as the loop goes.
//! for image in client.images().list().kind(ImageKind::Distribution).per_page(200).iter() {
//!     println!("{:?}", image?.slug);
//! }
//!
//! // Import a custom image, then wait until Droplets can use it.
//! let url = "https://example.com/images/fedora-coreos.qcow2.gz";
//! let new = client
//!     .images()
//!     .import(CustomImage::new("fedora-coreos", url, "nyc3").distribution(Distribution::Fedora))?;
//! let ready = client.images().wait_until_available(new.id).timeout(Duration::from_secs(1800)).send()?;
//! let transfer = client.images().actions(new.id).transfer("sfo3")?;
//! client.images().actions(new.id).wait_until_completed(transfer.id).timeout(Duration::from_secs(1800)).send()?;
//! println!("{:?} is in {:?}", ready.name, ready.regions);
//! # Ok(())
//! # }
//! ```
//!
//! Listings follow `links.pages.next` by re-sending your own request with the next page number,
//! so filters are kept and the token only goes to the configured host. The `type` filter is
//! [`List::kind`](crate::List::kind) ([`ImageKind`]), not the image's own `type` ([`types::ImageType`]).

mod actions;
mod client;
mod cloud;
mod custom_image;
// The generated code: no docs of its own, and lints written for hand-written code.
#[allow(missing_docs, irrefutable_let_patterns, clippy::all, clippy::pedantic)]
mod generated;
mod ids;
mod images;
mod list;
mod provider;
mod publish;
mod spaces;
mod transfers;

pub use crate::upload::{CancelUpload, ProgressControl, UploadPhase, UploadProgress, UploadSource};
pub use actions::{ImageActions, ListImageActions};
pub use client::Client;
pub use cloud::{CloudWithSpaces, spaces_from_env};
pub use custom_image::{CustomImage, ImportUrl};
pub use generated::{ops, types};
pub use ids::{ActionId, ImageId, TransferId};
pub use images::{ImageRef, Images, ListImages, UpdateImage};
pub use publish::{LeftBehind, MAX_PUBLISH_SIZE, Publish, PublishImage, Published, STAGING_PREFIX};
pub use spaces::{Spaces, SpacesBuilder};
pub use transfers::{AccountTransfers, Offered, Recipient};
pub use types::{Distribution, ImageKind, RegionSlug};

/// The DigitalOcean provider, for [`ClientBuilder<DigitalOcean>`](crate::ClientBuilder).
///
/// ```
/// use cloud_images::{ClientBuilder, Provider, digitalocean::DigitalOcean};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = ClientBuilder::<DigitalOcean>::default().token("dop_v1_...").build()?;
/// assert_eq!(DigitalOcean::DEFAULT_BASE_URL, "https://api.digitalocean.com");
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DigitalOcean;

/// The builder of a DigitalOcean [`Client`].
///
/// ```
/// use cloud_images::digitalocean::{Client, ClientBuilder};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// fn my_settings(builder: ClientBuilder) -> ClientBuilder {
///     builder.user_agent("my-tool/1.2").no_retries()
/// }
/// let client = my_settings(Client::builder().token("dop_v1_...")).build()?;
/// # Ok(())
/// # }
/// ```
pub type ClientBuilder = crate::ClientBuilder<DigitalOcean>;
