//! [`Publish`], the builder of [`Images::publish`] (the crate's one upload builder, with
//! DigitalOcean's own settings), and what it does with its source.

use std::time::Duration;

use super::super::{Client, DigitalOcean, Images, Spaces};
use super::{PublishImage, Published};
use crate::Result;
use crate::operation::sealed::Seal;
use crate::upload::{self, UploadSource, Uploads};

/// The default of [`Publish::timeout`]: one hour.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// Publishes a local image file as a DigitalOcean custom image: from [`Images::publish`], ended
/// by the source: [`file`](crate::Upload::file), or [`source`](crate::Upload::source) for a
/// reader ([`UploadSource::reader`], [`UploadSource::seekable`]). The crate's one upload builder
/// ([`crate::Upload`], whose [`progress`](crate::Upload::progress) and cancel handle serve both
/// providers), with DigitalOcean's own settings: [`file_name`](crate::Upload::file_name),
/// [`timeout`](crate::Upload::timeout), [`interval`](crate::Upload::interval). Needs the cargo
/// feature `spaces`; without it, the source returns an
/// [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) error and nothing is sent.
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
///    [`timeout`](crate::Upload::timeout) plus one hour (at most 7 days): the object stays private.
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
/// A cancel ([`progress`](crate::Upload::progress) returning `Break(())`, or the
/// [`cancel_handle`](crate::Upload::cancel_handle)) is looked at before each step, while the
/// data is sent, and during the wait (a sleep between two looks ends within 50 ms, and no other
/// look is sent); a cancelled publish deletes its staging object
/// and the image it had made, and fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled).
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
pub type Publish<'a> = crate::Upload<'a, DigitalOcean>;

/// What a publish holds besides its client and steering.
#[derive(Debug)]
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub struct PublishJob {
    pub(super) request: PublishImage,
    pub(super) spaces: Spaces,
    pub(super) file_name: Option<String>,
    pub(super) timeout: Duration,
    pub(super) interval: Option<Duration>,
}

impl<'a> Images<'a> {
    /// Publishes a local image file as a custom image, through the Spaces bucket `spaces`:
    /// upload, import, wait, clean up (see [`Publish`]). Returns a builder; end it with the
    /// source ([`file`](crate::Upload::file), ...). Needs the cargo feature `spaces`.
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
        let job = PublishJob {
            request: image,
            spaces: spaces.clone(),
            file_name: None,
            timeout: DEFAULT_TIMEOUT,
            interval: None,
        };
        crate::Upload::new(self.client, job)
    }
}

impl crate::Upload<'_, DigitalOcean> {
    crate::setters::setters! {
        /// The file name the data is staged under; its ending tells DigitalOcean the format (see
        /// [`Publish`]). Taken from the path by [`file`](crate::Upload::file); needed with
        /// [`source`](crate::Upload::source) and a reader ([`UploadSource::reader`],
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
        pub fn file_name(self, name: impl Into<String>) -> Self => job.file_name;
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
        pub fn timeout(self, timeout: Duration) -> Self => job.timeout;

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
        pub fn interval(self, interval: Duration) -> Self => job.interval;
    }
}

/// A publish returns the [`Published`] image: see [`Publish`] for the steps. Without the cargo
/// feature `spaces`, an [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) error, and
/// nothing is sent.
impl Uploads for DigitalOcean {
    type Uploaded = Published;
}

impl upload::sealed::Job for DigitalOcean {
    type Client = Client;
    type Job = PublishJob;

    fn run(publish: Publish<'_>, source: UploadSource<'_>, _: Seal) -> Result<Published> {
        #[cfg(feature = "spaces")]
        return super::run::publish(publish, source);
        #[cfg(not(feature = "spaces"))]
        {
            let _ = (publish, source);
            Err(super::no_spaces_feature())
        }
    }
}
