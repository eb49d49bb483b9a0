//! What an error carries for its kind besides the API's answer, each in a small type: a wait's
//! last status, the listing item that did not decode, and what a failed upload or publish left
//! (the image it created, the staging object it put), with their readers on [`Error`].

use std::fmt;

use super::Error;

/// A listing item that could not be decoded: its position on its page (0-based), and its `id`
/// when it had one.
pub(super) struct ListingItem {
    pub(super) index: usize,
    pub(super) id: Option<String>,
}

impl fmt::Debug for ListingItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("").field(&self.index).field(&self.id).finish()
    }
}

/// Something a failed call had made and then tried to remove: the id of an image it created, or
/// a staging object (`bucket/key`); `deleted` when it is gone again.
pub(super) struct Leftover {
    name: String,
    pub(super) deleted: bool,
}

impl Leftover {
    pub(super) fn name(&self) -> &str {
        &self.name
    }

    /// Shown in an error's `Debug` as `{what}` and `{what}_deleted`.
    pub(super) fn show(&self, what: &'static str, deleted: &'static str, d: &mut fmt::DebugStruct<'_, '_>) {
        d.field(what, &self.name).field(deleted, &self.deleted);
    }
}

impl Error {
    pub(crate) fn with_last_status(mut self, status: Option<String>) -> Self {
        self.inner.last_status = status;
        self
    }

    pub(crate) fn with_item(mut self, index: usize, id: Option<String>) -> Self {
        self.inner.item = Some(ListingItem { index, id });
        self
    }

    pub(crate) fn with_created_image(mut self, id: impl Into<String>, deleted: bool) -> Self {
        self.inner.created_image = Some(Leftover { name: id.into(), deleted });
        self
    }

    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    pub(crate) fn with_staging_object(mut self, object: impl Into<String>, deleted: bool) -> Self {
        self.inner.staging_object = Some(Leftover { name: object.into(), deleted });
        self
    }

    /// For a wait that failed or timed out: the last status seen (`creating`, `NEW`, ...).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().wait_until_available("private/123").timeout(Duration::from_secs(600)).send() {
    ///     Err(e) if e.is_timeout() => eprintln!("still {:?} after 10 minutes", e.last_status()),
    ///     other => println!("{:?}", other?.status),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn last_status(&self) -> Option<&str> {
        self.inner.last_status.as_deref()
    }

    /// For an item of a listing that could not be decoded: its position on its page (0-based).
    /// Such an error stands in the listing where the item stood; the iterator goes on with the
    /// next item, so a caller chooses to skip it or to stop (see the crate guide, "Decoding").
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// for image in client.images().list() {
    ///     match image {
    ///         Ok(image) => println!("{}", image.id),
    ///         // One odd image: say so and go on with the others.
    ///         Err(e) if e.item_index().is_some() => eprintln!("skipped: {e}"),
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn item_index(&self) -> Option<usize> {
        self.inner.item.as_ref().map(|item| item.index)
    }

    /// For an item of a listing that could not be decoded: its `id`, when the item had one.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let page = client.images().list().send()?;
    /// for e in &page.failed {
    ///     eprintln!("image {:?} at {:?} did not decode: {e}", e.item_id(), e.item_index());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn item_id(&self) -> Option<&str> {
        self.inner.item.as_ref().and_then(|item| item.id.as_deref())
    }

    /// For a failed Linode [`upload`](crate::linode::Images::upload) or DigitalOcean
    /// [`publish`](crate::digitalocean::Images::publish): the id of the image it had created
    /// before it failed (`None` when it failed before creating one). Whether that
    /// image was deleted again is [`created_image_deleted`](Error::created_image_deleted).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let request = CreateUpload::new("my-image", "us-east");
    /// match client.images().upload(request).keep_on_failure(true).file("disk.img") {
    ///     Ok(image) => println!("uploaded {}", image.id),
    ///     Err(e) => match e.created_image() {
    ///         Some(id) => eprintln!("{id} was kept for another try: {e}"),
    ///         None => return Err(e), // nothing was created
    ///     },
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn created_image(&self) -> Option<&str> {
        self.inner.created_image.as_ref().map(Leftover::name)
    }

    /// For a failed upload that had created an image ([`created_image`](Error::created_image)):
    /// `true` when that image was deleted again (a delete that got no answer counts when the
    /// image is then not found); `false` when it was kept
    /// ([`keep_on_failure`](crate::linode::Upload::keep_on_failure)), when the delete failed
    /// too, or got no answer and the image could not be read (the message says so; Linode
    /// removes a `pending_upload` image after 24 hours), for a
    /// publish whose import was still running when its wait ended (it is kept), or when no image
    /// was created.
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// if let Err(e) = client.images().upload(CreateUpload::new("my-image", "us-east")).file("disk.img")
    ///     && let Some(id) = e.created_image()
    ///     && !e.created_image_deleted()
    /// {
    ///     eprintln!("{e}; delete {id} by hand, or wait for Linode to remove it");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn created_image_deleted(&self) -> bool {
        self.inner.created_image.as_ref().is_some_and(|image| image.deleted)
    }

    /// For a failed DigitalOcean [`publish`](crate::digitalocean::Images::publish) that had put
    /// its staging object into Spaces: that object, as `bucket/key` (`None` when nothing was put
    /// there). Whether it was deleted again is
    /// [`staging_object_deleted`](Error::staging_object_deleted).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let spaces = Spaces::from_env("my-bucket", "nyc3")?;
    /// if let Err(e) = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.qcow2")
    ///     && let Some(object) = e.staging_object()
    ///     && !e.staging_object_deleted()
    /// {
    ///     eprintln!("{e}; delete {object} from Spaces by hand");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn staging_object(&self) -> Option<&str> {
        self.inner.staging_object.as_ref().map(Leftover::name)
    }

    /// For a failed publish that had put a staging object into Spaces
    /// ([`staging_object`](Error::staging_object)): `true` when it was deleted again; `false`
    /// when deleting it failed too (the message says why), or when there was none.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let spaces = Spaces::from_env("my-bucket", "nyc3")?;
    /// match client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.qcow2") {
    ///     Ok(published) => println!("image {}", published.image.id),
    ///     Err(e) if e.staging_object().is_some() && !e.staging_object_deleted() => {
    ///         eprintln!("{e}: the staging object is still in the bucket")
    ///     }
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn staging_object_deleted(&self) -> bool {
        self.inner.staging_object.as_ref().is_some_and(|object| object.deleted)
    }
}
