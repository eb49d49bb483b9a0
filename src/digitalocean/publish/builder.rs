//! [`Publish`], the builder of [`Images::publish`]: its settings, and the source that ends it.

use std::fmt;
use std::path::Path;
use std::time::Duration;

use super::super::{Client, Images, Spaces};
use super::{PublishImage, Published};
use crate::Result;
use crate::upload::{CancelUpload, ProgressControl, Steering, UploadProgress, UploadSource};

/// The default of [`Publish::timeout`]: one hour.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// Publishes a local image file as a DigitalOcean custom image: from [`Images::publish`], ended
/// by the source: [`file`](Publish::file), or [`source`](Publish::source) for a reader
/// ([`UploadSource::reader`], [`UploadSource::seekable`]). Needs the cargo feature
/// `spaces`; without it, these return an [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported)
/// error and send nothing.
///
/// In order:
///
/// 1. Checks, before anything is sent: the name and region; the file name's ending, which tells DigitalOcean
///    the format (`.img`, `.qcow2`, `.vhdx`, `.vdi` or `.vmdk`, optionally followed by `.gz` or `.bz2`); the
///    length (not empty, at most [`MAX_PUBLISH_SIZE`](super::MAX_PUBLISH_SIZE)). The data is sent as it is:
///    nothing is compressed.
/// 2. The file goes into the bucket as `cloud-images-staging/{unique}-{file name}`, in one
///    streamed `PUT` with an exact `Content-Length`, to a URL pre-signed for one hour (no
///    `Authorization` header, never the API token); memory stays flat whatever the size. A
///    failed `PUT` is retried as the client's [`RetryPolicy`](crate::RetryPolicy) allows when
///    the data can be read again from the start (a file, a seekable reader).
/// 3. DigitalOcean imports it ([`Images::import`]) from a pre-signed `GET` URL, valid for the
///    [`timeout`](Publish::timeout) plus one hour (at most 7 days): the object stays private.
/// 4. The image is waited for until `available` ([`Images::wait_until_available`], with this
///    builder's timeout and interval).
/// 5. The staging object is deleted (a pre-signed `DELETE`).
///
/// When a step after 2 began fails (or is cancelled), the staging object is deleted before the error is
/// returned; [`Error::staging_object`](crate::Error::staging_object) names it and
/// [`Error::staging_object_deleted`](crate::Error::staging_object_deleted) says whether that delete worked.
/// When the image was made, [`Error::created_image`](crate::Error::created_image) has its id: a cancelled
/// publish deletes it; an import that failed (`deleted`) is gone already; one that was still importing at the
/// timeout is kept (the message says so). On success, a staging object that could not be deleted is in
/// [`Published::left_behind`].
///
/// ```no_run
/// use std::time::Duration;
/// use cloud_images::digitalocean::{Client, Distribution, PublishImage, Spaces};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let spaces = Spaces::from_env("my-images", "nyc3")?; // SPACES_ACCESS_KEY_ID, SPACES_SECRET_ACCESS_KEY
/// let published = client
///     .images()
///     .publish(PublishImage::new("web-2024-05", "nyc3").distribution(Distribution::Debian), &spaces)
///     .timeout(Duration::from_secs(30 * 60))
///     .progress(|p| eprint!("\rsent {} of {} MB", p.done / 1_000_000, p.total / 1_000_000))
///     .file("web.qcow2.gz")?;
/// println!("image {} is available", published.image.id);
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct Publish<'a> {
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    pub(super) client: &'a Client,
    pub(super) request: PublishImage,
    pub(super) spaces: Spaces,
    pub(super) file_name: Option<String>,
    pub(super) steering: Steering<'a>,
    pub(super) timeout: Duration,
    pub(super) interval: Option<Duration>,
}

impl fmt::Debug for Publish<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Publish")
            .field("request", &self.request)
            .field("spaces", &self.spaces)
            .field("file_name", &self.file_name)
            .field("progress", &self.steering.reports)
            .field("cancelled", &self.steering.cancel.is_cancelled())
            .field("timeout", &self.timeout)
            .field("interval", &self.interval)
            .finish_non_exhaustive()
    }
}

impl<'a> Images<'a> {
    /// Publishes a local image file as a custom image, through the Spaces bucket `spaces`:
    /// upload, import, wait, clean up (see [`Publish`]). Returns a builder; end it with the
    /// source ([`file`](Publish::file), ...). Needs the cargo feature `spaces`.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("disk.img")?;
    /// println!("{:?}", published.image.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn publish(&self, image: PublishImage, spaces: &Spaces) -> Publish<'a> {
        Publish {
            client: self.client,
            request: image,
            spaces: spaces.clone(),
            file_name: None,
            steering: Steering::new(),
            timeout: DEFAULT_TIMEOUT,
            interval: None,
        }
    }
}

impl<'a> Publish<'a> {
    crate::setters::setters! {
        /// The file name the data is staged under; its ending tells DigitalOcean the format (see
        /// [`Publish`]). Taken from the path by [`file`](Publish::file); needed with
        /// [`source`](Publish::source) and a reader ([`UploadSource::reader`],
        /// [`UploadSource::seekable`]), which has no name.
        ///
        /// ```no_run
        /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces, UploadSource};
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// # let client = Client::from_env()?;
        /// # let spaces = Spaces::from_env("my-images", "nyc3")?;
        /// let disk = std::fs::File::open("/dev/shm/build-output")?;
        /// let published = client
        ///     .images()
        ///     .publish(PublishImage::new("web", "nyc3"), &spaces)
        ///     .file_name("web.qcow2")
        ///     .source(UploadSource::seekable(disk))?;
        /// # Ok(())
        /// # }
        /// ```
        pub fn file_name(self, name: impl Into<String>) -> Self => file_name;
    }
    crate::setters::setters! {
        /// Calls `callback` as the data is sent ([`UploadProgress`], phase
        /// [`Uploading`](crate::digitalocean::UploadPhase::Uploading)); it returns `()`, or a
        /// [`ControlFlow<()>`](std::ops::ControlFlow) whose `Break(())` cancels the publish, as a
        /// [`CancelUpload`] does.
        ///
        /// ```
        /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// # let client = Client::builder().token("dop_v1_...").build()?;
        /// # let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
        /// let publish = client
        ///     .images()
        ///     .publish(PublishImage::new("web", "nyc3"), &spaces)
        ///     .progress(|p| eprint!("\r{} of {} bytes", p.done, p.total));
        /// # Ok(())
        /// # }
        /// ```
        pub fn progress<R>(self, callback: impl FnMut(UploadProgress) -> R + 'a) -> Self where R: ProgressControl => steering;
    }

    /// A handle that cancels this publish from another thread or a signal handler; every call
    /// returns a clone of the same handle. It is looked at before each step, while the data is
    /// sent (see [`CancelUpload`]), and at every look of the wait. A cancelled publish deletes
    /// its staging object and the image it had made, and fails with
    /// [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled).
    ///
    /// ```
    /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let client = Client::builder().token("dop_v1_...").build()?;
    /// # let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    /// let cancel = publish.cancel_handle();
    /// std::thread::spawn(move || cancel.cancel()); // e.g. on Ctrl-C
    /// # Ok(())
    /// # }
    /// ```
    pub fn cancel_handle(&self) -> CancelUpload {
        self.steering.cancel.clone()
    }

    crate::setters::setters! {
        /// Uses `handle` (a clone of it) to cancel this publish, instead of a handle of its own.
        ///
        /// ```
        /// # use cloud_images::digitalocean::{CancelUpload, Client, PublishImage, Spaces};
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// # let client = Client::builder().token("dop_v1_...").build()?;
        /// # let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
        /// let ctrl_c = CancelUpload::new();
        /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).cancel_with(&ctrl_c);
        /// # Ok(())
        /// # }
        /// ```
        pub fn cancel_with(self, handle: &CancelUpload) -> Self => steering.cancel;
    }

    crate::setters::setters! {
        /// How long to wait for the import to be `available` (default one hour): see
        /// [`Wait::timeout`](crate::Wait::timeout). The import's `GET` URL is valid for this plus one
        /// hour.
        ///
        /// ```
        /// # use std::time::Duration;
        /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// # let client = Client::builder().token("dop_v1_...").build()?;
        /// # let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
        /// let publish = client
        ///     .images()
        ///     .publish(PublishImage::new("web", "nyc3"), &spaces)
        ///     .timeout(Duration::from_secs(3 * 3600));
        /// # Ok(())
        /// # }
        /// ```
        pub fn timeout(self, timeout: Duration) -> Self => timeout;

        /// Time between looks while waiting (see [`Wait::interval`](crate::Wait::interval)).
        ///
        /// ```
        /// # use std::time::Duration;
        /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// # let client = Client::builder().token("dop_v1_...").build()?;
        /// # let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
        /// let publish =
        ///     client.images().publish(PublishImage::new("web", "nyc3"), &spaces).interval(Duration::from_secs(15));
        /// # Ok(())
        /// # }
        /// ```
        pub fn interval(self, interval: Duration) -> Self => interval;
    }

    /// Publishes the file at `path`, staged under its file name.
    ///
    /// ```no_run
    /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let client = Client::from_env()?;
    /// # let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.img.gz")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn file(self, path: impl AsRef<Path>) -> Result<Published> {
        self.source(UploadSource::file(path.as_ref()))
    }

    /// Publishes from any [`UploadSource`]: see [`Publish`] for the steps. Without the cargo
    /// feature `spaces`, an [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) error,
    /// and nothing is sent.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces, UploadSource};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    /// let published = publish.source(UploadSource::file("web.vmdk"))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn source(self, source: UploadSource<'_>) -> Result<Published> {
        #[cfg(feature = "spaces")]
        return super::run::publish(self, source);
        #[cfg(not(feature = "spaces"))]
        {
            let _ = source;
            Err(crate::Error::new(
                crate::ErrorKind::Unsupported,
                "publishing a local file to digitalocean needs the cargo feature `spaces` of cloud-images \
                 (it signs the spaces requests); this build does not have it: nothing was sent",
            ))
        }
    }
}

#[cfg(all(test, not(feature = "spaces")))]
mod tests {
    use super::*;

    #[test]
    fn without_the_feature_publish_says_which_feature_and_sends_nothing() {
        // A base URL where nothing listens: a request would fail with a transport error.
        let client = Client::builder().token("dop_v1_x").base_url("http://127.0.0.1:9").build().unwrap();
        let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build().unwrap();
        let e =
            client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.img").unwrap_err();
        assert_eq!(e.kind(), crate::ErrorKind::Unsupported);
        assert!(e.to_string().contains("cargo feature `spaces`"), "{e}");
    }
}
