//! Publishing a local image file: DigitalOcean imports only from a URL, so the file goes into a
//! Spaces bucket first (one streamed `PUT`), is imported from a pre-signed `GET` URL (the object
//! stays private), waited for, and its staging object deleted again, also on failure or cancel.
//! What Packer's `digitalocean-import` post-processor does, in constant memory.
//!
//! The request (`request.rs`), the builder (`builder.rs`), the staging object in Spaces
//! (`staging.rs`), the run step by step with its clean-up (`run.rs`, feature `spaces`) and what
//! it returns (`published.rs`).

mod builder;
mod published;
mod request;
#[cfg(feature = "spaces")]
mod run;
mod staging;

pub use builder::Publish;
pub use published::{LeftBehind, Published};
pub use request::{MAX_PUBLISH_SIZE, PublishImage};
pub use staging::STAGING_PREFIX;

/// A publish in a build without the cargo feature `spaces`: `Unsupported`, naming the feature.
/// The one message for it, whether asked through [`Publish`] or the neutral `Cloud::publish`;
/// `.ci/no-spaces` checks it in such a build.
#[cfg(not(feature = "spaces"))]
pub(super) fn no_spaces_feature() -> crate::Error {
    crate::cloud::unsupported(
        crate::CloudProvider::DigitalOcean,
        "publish a local file",
        "that needs the cargo feature `spaces` of cloud-images (it signs the spaces requests), which this build \
         does not have",
    )
}
