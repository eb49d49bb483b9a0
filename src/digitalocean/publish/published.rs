//! What a successful publish returns: the image, and what became of its staging object.

use std::fmt;

use super::super::types;
use crate::Error;

/// What a successful [`Images::publish`](super::super::Images::publish) returns: the image, `available`, and
/// what became of its staging object.
///
/// The staging object is deleted once the image is available. When that delete fails, the
/// image is still returned (it is usable, and publishing again would make a second one), the
/// object stays in the bucket (private) and [`left_behind`](Published::left_behind) says which
/// and why; a warning is logged too (target `cloud_images`). Check it: it costs storage until
/// deleted.
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, PublishImage, Spaces};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let spaces = Spaces::from_env("my-images", "nyc3")?;
/// let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.qcow2")?;
/// if let Some(left) = &published.left_behind {
///     eprintln!("delete {}/{} by hand: {}", left.bucket, left.key, left.error);
/// }
/// println!("image {} is {:?}", published.image.id, published.image.status);
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug)]
pub struct Published {
    /// The image, as the wait last saw it: `available`.
    pub image: types::Image,
    /// The staging object, `bucket/key` (deleted, unless [`left_behind`](Published::left_behind)
    /// says otherwise).
    pub staging_object: String,
    /// `Some` when deleting the staging object failed: it is still in the bucket.
    pub left_behind: Option<LeftBehind>,
}

/// A staging object that could not be deleted (see [`Published::left_behind`]).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// # let client = cloud_images::digitalocean::Client::from_env()?;
/// # let spaces = cloud_images::digitalocean::Spaces::from_env("my-images", "nyc3")?;
/// # let published = client.images().publish(cloud_images::digitalocean::PublishImage::new("w", "nyc3"), &spaces).file("w.img")?;
/// if let Some(left) = published.left_behind {
///     eprintln!("{left}"); // staging object my-images/cloud-images-staging/… was not deleted: …
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Debug)]
pub struct LeftBehind {
    /// The bucket.
    pub bucket: String,
    /// The object's key.
    pub key: String,
    /// Why deleting it failed.
    pub error: Error,
}

impl fmt::Display for LeftBehind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "staging object {}/{} was not deleted: {}", self.bucket, self.key, self.error)
    }
}
