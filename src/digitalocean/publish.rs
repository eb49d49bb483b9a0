//! Publishing a local image file: DigitalOcean imports only from a URL, so the file goes into a
//! Spaces bucket first (one streamed `PUT`), is imported from a pre-signed `GET` URL (the object
//! stays private), waited for, and its staging object deleted again, also on failure or cancel.
//! What Packer's `digitalocean-import` post-processor does, in constant memory.

use std::fmt;
use std::io::{Read, Seek};
use std::ops::ControlFlow;
use std::path::Path;
use std::time::Duration;

use super::types::{self, Distribution, RegionSlug};
use super::{Client, Images, Spaces};
use crate::linode::{CancelUpload, ProgressControl, UploadProgress, UploadSource};
use crate::{Error, Result};

/// The largest file [`Images::publish`] sends: 5 GiB, the most one S3 `PUT` takes (Spaces
/// included). DigitalOcean imports images up to 100 GB *uncompressed*: compress a larger one
/// (gzip or bzip2, which DigitalOcean unpacks). A larger file is refused before anything is
/// sent; this crate does not do multipart uploads.
///
/// ```
/// use cloud_images::digitalocean::MAX_PUBLISH_SIZE;
///
/// assert_eq!(MAX_PUBLISH_SIZE, 5 * 1024 * 1024 * 1024);
/// ```
pub const MAX_PUBLISH_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// Where staging objects go in the bucket: `cloud-images-staging/{unique}-{file name}`.
pub const STAGING_PREFIX: &str = "cloud-images-staging/";

/// The default of [`Publish::timeout`]: one hour.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60 * 60);

/// The formats DigitalOcean imports, by the file name's ending: a raw disk (`.img`), qcow2,
/// VHDX, VDI or VMDK, each optionally compressed with gzip or bzip2.
const FORMATS: [&str; 5] = [".img", ".qcow2", ".vhdx", ".vdi", ".vmdk"];
const COMPRESSIONS: [&str; 3] = ["", ".gz", ".bz2"];

/// The custom image [`Images::publish`] makes from a local file: a `name` and the `region` to
/// import it into; optionally its distribution, description and tags.
///
/// ```
/// use cloud_images::digitalocean::{Distribution, PublishImage};
///
/// let image = PublishImage::new("web-2024-05", "nyc3")
///     .distribution(Distribution::Debian)
///     .description("nginx on Debian 12")
///     .tags(["web"]);
/// ```
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub struct PublishImage {
    name: String,
    region: RegionSlug,
    distribution: Option<Distribution>,
    description: Option<String>,
    tags: Option<Vec<String>>,
}

impl PublishImage {
    /// An image named `name`, imported into `region` (a DigitalOcean region slug; it need not
    /// be the bucket's).
    ///
    /// ```
    /// use cloud_images::digitalocean::{PublishImage, RegionSlug};
    ///
    /// assert_eq!(PublishImage::new("web", "nyc3"), PublishImage::new("web", RegionSlug::Nyc3));
    /// ```
    pub fn new(name: impl Into<String>, region: impl Into<RegionSlug>) -> Self {
        PublishImage {
            name: name.into(),
            region: region.into(),
            distribution: None,
            description: None,
            tags: None,
        }
    }

    /// The operating system family.
    ///
    /// ```
    /// use cloud_images::digitalocean::{Distribution, PublishImage};
    ///
    /// let image = PublishImage::new("web", "nyc3").distribution(Distribution::Ubuntu);
    /// ```
    pub fn distribution(mut self, distribution: Distribution) -> Self {
        self.distribution = Some(distribution);
        self
    }

    /// A free-text description.
    ///
    /// ```
    /// let image = cloud_images::digitalocean::PublishImage::new("web", "nyc3").description("built by CI");
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Tags for the new image (needs the `tag:create` scope).
    ///
    /// ```
    /// let image = cloud_images::digitalocean::PublishImage::new("web", "nyc3").tags(["ci", "web"]);
    /// ```
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// The name and region, checked before anything is sent.
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    fn check(&self) -> Result<()> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid_input("digitalocean publish: the image name must not be empty"));
        }
        if self.region.as_str().trim().is_empty() {
            return Err(Error::invalid_input("digitalocean publish: the region must not be empty"));
        }
        Ok(())
    }

    /// The import request, from the pre-signed `GET` URL.
    #[cfg(feature = "spaces")]
    fn into_import(self, url: String) -> super::CustomImage {
        let PublishImage { name, region, distribution, description, tags } = self;
        let mut image = super::CustomImage::new(name, url, region);
        if let Some(d) = distribution {
            image = image.distribution(d);
        }
        if let Some(d) = description {
            image = image.description(d);
        }
        if let Some(t) = tags {
            image = image.tags(t);
        }
        image
    }
}

/// What a successful [`Images::publish`] returns: the image, `available`, and what became of
/// its staging object.
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

/// Publishes a local image file as a DigitalOcean custom image: from [`Images::publish`], ended
/// by the source: [`file`](Publish::file), [`reader`](Publish::reader),
/// [`seekable`](Publish::seekable) or [`source`](Publish::source). Needs the cargo feature
/// `spaces`; without it, these return an [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported)
/// error and send nothing.
///
/// In order:
///
/// 1. Checks, before anything is sent: the name and region; the file name's ending, which
///    tells DigitalOcean the format (`.img`, `.qcow2`, `.vhdx`, `.vdi` or `.vmdk`, optionally
///    followed by `.gz` or `.bz2`); the length (not empty, at most [`MAX_PUBLISH_SIZE`]). The
///    data is sent as it is: nothing is compressed.
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
/// When a step after 2 began fails (or is cancelled), the staging object is deleted before the
/// error is returned; [`Error::staging_object`] names it and
/// [`Error::staging_object_deleted`] says whether that delete worked. When the image was made,
/// [`Error::created_image`] has its id: a cancelled publish deletes it; an import that failed
/// (`deleted`) is gone already; one that was still importing at the timeout is kept (the
/// message says so). On success, a staging object that could not be deleted is in
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
    client: &'a Client,
    request: PublishImage,
    spaces: Spaces,
    file_name: Option<String>,
    progress: Option<Box<Callback<'a>>>,
    cancel: CancelUpload,
    timeout: Duration,
    interval: Option<Duration>,
}

/// A progress callback, whatever it returned, as [`ControlFlow`].
type Callback<'a> = dyn FnMut(UploadProgress) -> ControlFlow<()> + 'a;

impl fmt::Debug for Publish<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Publish")
            .field("request", &self.request)
            .field("spaces", &self.spaces)
            .field("file_name", &self.file_name)
            .field("progress", &self.progress.is_some())
            .field("cancelled", &self.cancel.is_cancelled())
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
            progress: None,
            cancel: CancelUpload::new(),
            timeout: DEFAULT_TIMEOUT,
            interval: None,
        }
    }
}

impl<'a> Publish<'a> {
    /// The file name the data is staged under; its ending tells DigitalOcean the format (see
    /// [`Publish`]). Taken from the path by [`file`](Publish::file); needed with
    /// [`reader`](Publish::reader) and [`seekable`](Publish::seekable), which have no name.
    ///
    /// ```no_run
    /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let client = Client::from_env()?;
    /// # let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let disk = std::fs::File::open("/dev/shm/build-output")?;
    /// let published = client
    ///     .images()
    ///     .publish(PublishImage::new("web", "nyc3"), &spaces)
    ///     .file_name("web.qcow2")
    ///     .seekable(disk)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = Some(name.into());
        self
    }

    /// Calls `callback` as the data is sent ([`UploadProgress`], phase
    /// [`Uploading`](super::UploadPhase::Uploading)); it returns `()`, or a
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
    pub fn progress<R: ProgressControl>(
        mut self,
        mut callback: impl FnMut(UploadProgress) -> R + 'a,
    ) -> Self {
        self.progress = Some(Box::new(move |p| callback(p).into_control_flow()));
        self
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
        self.cancel.clone()
    }

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
    pub fn cancel_with(mut self, handle: &CancelUpload) -> Self {
        self.cancel = handle.clone();
        self
    }

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
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

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
    pub fn interval(mut self, interval: Duration) -> Self {
        self.interval = Some(interval);
        self
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

    /// Publishes exactly `len` bytes from `reader`, read once (a failed `PUT` cannot be
    /// retried); needs [`file_name`](Publish::file_name).
    ///
    /// ```no_run
    /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let client = Client::from_env()?;
    /// # let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    /// let published = publish.file_name("web.img.bz2").reader(std::io::stdin().lock(), 812_345_678)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn reader(self, reader: impl Read, len: u64) -> Result<Published> {
        self.source(UploadSource::reader(reader, len))
    }

    /// Publishes from the reader's position to its end (a failed `PUT` can be retried); needs
    /// [`file_name`](Publish::file_name).
    ///
    /// ```no_run
    /// # use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let client = Client::from_env()?;
    /// # let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let disk = std::io::Cursor::new(std::fs::read("web.qcow2")?);
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    /// let published = publish.file_name("web.qcow2").seekable(disk)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn seekable(self, reader: impl Read + Seek) -> Result<Published> {
        self.source(UploadSource::seekable(reader))
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
        return run::publish(self, source);
        #[cfg(not(feature = "spaces"))]
        {
            let _ = source;
            Err(Error::new(
                crate::ErrorKind::Unsupported,
                "publishing a local file to digitalocean needs the cargo feature `spaces` of cloud-images \
                 (it signs the spaces requests); this build does not have it: nothing was sent",
            ))
        }
    }
}

/// The file name's ending, checked: one DigitalOcean imports.
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
fn check_format(name: &str) -> Result<()> {
    let lower = name.to_ascii_lowercase();
    let known = FORMATS.iter().any(|format| {
        COMPRESSIONS.iter().any(|compression| lower.ends_with(&format!("{format}{compression}")))
    });
    if !known {
        return Err(Error::invalid_input(format!(
            "digitalocean imports raw (.img), qcow2, vhdx, vdi and vmdk images, optionally gzip (.gz) or bzip2 \
             (.bz2) compressed, told apart by the file name's ending; {name:?} has none of them: rename it, or \
             set file_name(..); nothing was sent"
        )));
    }
    Ok(())
}

/// A unique key under [`STAGING_PREFIX`] that ends with (a safe form of) `name`.
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
fn staging_key(name: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let safe: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '-' })
        .collect();
    // At most 200 characters of the name, its end (the format) kept.
    let skip = safe.chars().count().saturating_sub(200);
    let safe: String = safe.chars().skip(skip).collect();
    format!("{STAGING_PREFIX}{nanos:x}-{}-{n}-{safe}", std::process::id())
}

#[cfg(feature = "spaces")]
mod run {
    use std::cell::Cell;
    use std::fs::File;
    use std::io::{Seek, SeekFrom};
    use std::ops::ControlFlow;
    use std::time::Duration;

    use super::{LeftBehind, MAX_PUBLISH_SIZE, Publish, Published, check_format, staging_key};
    use crate::digitalocean::{Client, Images, Spaces};
    use crate::error::ErrorKind;
    use crate::linode::upload::{self, Body, Control, Prepared, SourceKind, io_error};
    use crate::linode::{UploadProgress, UploadSource};
    use crate::object_storage;
    use crate::retry::{self, Try};
    use crate::{Error, Method, Result};

    /// How long the `PUT` URL is valid (checked when a try starts).
    const PUT_EXPIRY: Duration = Duration::from_secs(60 * 60);
    /// How long the `DELETE` URL is valid (signed just before it is used).
    const DELETE_EXPIRY: Duration = Duration::from_secs(15 * 60);
    /// What the `GET` URL is valid for beyond the wait's timeout.
    const GET_MARGIN: Duration = Duration::from_secs(60 * 60);

    pub(super) fn publish(publish: Publish<'_>, source: UploadSource<'_>) -> Result<Published> {
        let Publish { client, request, spaces, file_name, mut progress, cancel, timeout, interval } = publish;
        let transport = &client.inner;
        if transport.settings.token.is_none() {
            let no_token = crate::provider::Rules::of::<super::super::DigitalOcean>().no_token();
            return Err(Error::invalid_input(format!(
                "publishing an image needs a digitalocean token: {no_token}"
            )));
        }
        // Whether a `PUT` was begun: only then can there be an object to delete.
        let began = Cell::new(false);
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let user: &mut dyn FnMut(UploadProgress) -> ControlFlow<()> = match progress.as_deref_mut() {
            Some(callback) => callback,
            None => &mut quiet,
        };
        let mut report = |p: UploadProgress| {
            let flow = user(p);
            if flow.is_continue() {
                began.set(true);
            }
            flow
        };
        let mut control = Control { progress: &mut report, cancel: &cancel };

        // 1. Checks: nothing is sent before they pass.
        control.check_cancel("before it started")?;
        request.check()?;
        let (body, len, path_name) = open(source)?;
        let Some(name) = file_name.or(path_name) else {
            return Err(Error::invalid_input(
                "publishing from a reader needs file_name(..): its ending tells digitalocean the format \
                 (.img, .qcow2, .vhdx, .vdi, .vmdk, optionally .gz or .bz2); nothing was sent",
            ));
        };
        check_format(&name)?;
        if len == 0 {
            return Err(Error::invalid_input("the image is empty: there is nothing to publish"));
        }
        if len > MAX_PUBLISH_SIZE {
            return Err(Error::invalid_input(format!(
                "the image is {len} bytes, over the {MAX_PUBLISH_SIZE} bytes (5 GiB) one spaces upload takes \
                 (this crate does not do multipart uploads): compress it with gzip or bzip2, which digitalocean \
                 unpacks; nothing was sent"
            )));
        }
        let key = staging_key(&name);
        let object = format!("{}/{key}", spaces.bucket());
        let clock = &transport.settings.clock;

        // 2. The `PUT`.
        control.check_cancel("before sending")?;
        let put_url = spaces.presign(Method::Put, &key, PUT_EXPIRY, clock.system_now())?;
        let mut prepared = Prepared { body, len };
        let sent = upload::put(transport, &put_url, &mut prepared, &mut control)
            .map_err(|e| refused(e, &spaces, "the upload"))
            .and_then(|()| control.check_cancel("after the file was sent"));
        if let Err(e) = sent {
            if !began.get() && e.kind() == ErrorKind::Cancelled {
                return Err(e); // no request was begun: there is nothing to delete
            }
            if e.kind() == ErrorKind::Upload && e.attempts() == 1 {
                // Refused at its one try: S3 stores nothing from a refused `PUT`.
                return Err(e.context(format!("nothing was stored at {object}")));
            }
            return Err(clean_up(client, &spaces, &key, None, e));
        }
        drop(prepared);

        // 3. The import, from a pre-signed `GET`.
        let get_expiry = timeout.saturating_add(GET_MARGIN);
        let imported = spaces
            .presign(Method::Get, &key, get_expiry, clock.system_now())
            .and_then(|url| Images::new(client).import(request.into_import(url)));
        let image = match imported {
            Ok(image) => image,
            Err(e) => {
                let e = e.context(format!("digitalocean did not take the import of {object}"));
                return Err(clean_up(client, &spaces, &key, None, e));
            }
        };
        let id = image.id;

        // 4. The wait; a cancel is seen at each look.
        let stop = cancel.clone();
        let mut wait = Images::new(client).wait_until_available(id).timeout(timeout).on_poll(move |_| {
            if stop.is_cancelled() { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        if let Some(interval) = interval {
            wait = wait.interval(interval);
        }
        let waited = control.check_cancel("after the import began").and_then(|()| wait.send());
        let image = match waited {
            Ok(image) => image,
            Err(e) => {
                let cancelled =
                    cancel.is_cancelled() && matches!(e.kind(), ErrorKind::Stopped | ErrorKind::Cancelled);
                let e = if cancelled {
                    Error::new(
                        ErrorKind::Cancelled,
                        format!("the publish was cancelled while image {id} was importing"),
                    )
                } else {
                    e
                };
                return Err(clean_up(client, &spaces, &key, Some(id), e));
            }
        };

        // 5. The staging object goes.
        let left_behind = match delete_object(client, &spaces, &key) {
            Ok(()) => None,
            Err(error) => {
                log::warn!(
                    target: "cloud_images",
                    "image {id} is available, but its staging object {object} could not be deleted: {error}"
                );
                Some(LeftBehind { bucket: spaces.bucket().to_string(), key: key.clone(), error })
            }
        };
        Ok(Published { image, staging_object: object, left_behind })
    }

    /// Opens the source: its body, length, and (a file) its name.
    fn open(source: UploadSource<'_>) -> Result<(Body<'_>, u64, Option<String>)> {
        match source.kind {
            SourceKind::File(path) => {
                let shown = path.display();
                let file = File::open(&path).map_err(|e| io_error(&format!("cannot open {shown}"), e))?;
                let meta = file.metadata().map_err(|e| io_error(&format!("cannot read {shown}"), e))?;
                if !meta.is_file() {
                    return Err(Error::invalid_input(format!(
                        "{shown} is not a regular file: use reader(..) with its length and file_name(..)"
                    )));
                }
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                Ok((Body::File(file), meta.len(), name))
            }
            SourceKind::Seekable(mut reader) => {
                let failed = |e| io_error("cannot read the upload source", e);
                let start = reader.stream_position().map_err(failed)?;
                let end = reader.seek(SeekFrom::End(0)).map_err(failed)?;
                reader.seek(SeekFrom::Start(start)).map_err(failed)?;
                Ok((Body::Seekable(reader, start), end.saturating_sub(start), None))
            }
            SourceKind::Reader(reader, len) => Ok((Body::Once(reader), len, None)),
        }
    }

    /// A refused Spaces request, with the S3 error code in the message and, for a signature or
    /// key problem, which keys to check.
    fn refused(e: Error, spaces: &Spaces, what: &str) -> Error {
        if e.kind() != ErrorKind::Upload {
            return e;
        }
        let code = e.api().and_then(|api| s3_code(api.text())).unwrap_or_default();
        let hint = match code.as_str() {
            "SignatureDoesNotMatch" | "InvalidAccessKeyId" | "AccessDenied" => {
                "; check SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY (or the keys given), and that they may \
                 write to the bucket"
            }
            "NoSuchBucket" => "; the bucket must exist (in the spaces region given)",
            _ => "",
        };
        let code = if code.is_empty() { String::new() } else { format!(" ({code})") };
        e.context(format!("spaces bucket {} refused {what}{code}{hint}", spaces.bucket()))
    }

    /// The `<Code>` of an S3 error body.
    pub(super) fn s3_code(text: &str) -> Option<String> {
        let (_, rest) = text.split_once("<Code>")?;
        let (code, _) = rest.split_once("</Code>")?;
        Some(code.trim().to_string())
    }

    /// Deletes the staging object with a pre-signed `DELETE`, retried as the client's policy
    /// allows (S3 answers 204 also when the object is not there).
    pub(super) fn delete_object(client: &Client, spaces: &Spaces, key: &str) -> Result<()> {
        let transport = &client.inner;
        let clock = &transport.settings.clock;
        let url = spaces.presign(Method::Delete, key, DELETE_EXPIRY, clock.system_now())?;
        let what = format_args!("DELETE {}", crate::url::without_query(&url));
        retry::run(&transport.settings.retry, clock, &retry::Deadline::default(), &what, |_| {
            let error = match transport.objects.delete(&url) {
                Ok(()) => return Try::Done(()),
                Err(e) => refused(e, spaces, "the delete"),
            };
            let retry = retry::should_retry(Method::Delete, &object_storage::outcome(&error));
            Try::Failed { error, retry, wait: None }
        })
    }

    /// After a failure: deletes the staging object (and, for a cancel, the image the import had
    /// made), and says in the error what became of them.
    fn clean_up(client: &Client, spaces: &Spaces, key: &str, image: Option<u64>, error: Error) -> Error {
        let object = format!("{}/{key}", spaces.bucket());
        let mut error = match image {
            None => error,
            Some(id) if error.kind() == ErrorKind::Cancelled => match Images::new(client).delete(id) {
                Ok(()) => error
                    .context(format!("image {id} was deleted again"))
                    .with_created_image(id.to_string(), true),
                Err(gone) if gone.is_not_found() => error
                    .context(format!("image {id} is gone already"))
                    .with_created_image(id.to_string(), true),
                Err(failed) => error
                    .context(format!("image {id} was created, and deleting it failed ({failed})"))
                    .with_created_image(id.to_string(), false),
            },
            Some(id) if error.kind() == ErrorKind::WaitFailed => error
                .context(format!("the import of image {id} failed, and digitalocean removed it"))
                .with_created_image(id.to_string(), true),
            Some(id) => error
                .context(format!("image {id} was created and may still be importing; it was not deleted"))
                .with_created_image(id.to_string(), false),
        };
        error = match delete_object(client, spaces, key) {
            Ok(()) => error
                .context(format!("staging object {object} was deleted"))
                .with_staging_object(&object, true),
            Err(failed) => {
                log::warn!(target: "cloud_images", "cannot delete the staging object {object}: {failed}");
                error
                    .context(format!(
                        "staging object {object} could not be deleted ({failed}); delete it by hand"
                    ))
                    .with_staging_object(&object, false)
            }
        };
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_the_name_and_keys_keep_it() {
        for good in ["disk.img", "a.QCOW2", "b.vhdx.gz", "c.vdi.bz2", "d.vmdk", "e.img.gz"] {
            assert!(check_format(good).is_ok(), "{good}");
        }
        for bad in ["disk.raw", "x.iso", "y.tar.gz", "z.img.xz", "img", ""] {
            assert_eq!(check_format(bad).unwrap_err().kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
        let (a, b) = (staging_key("my disk.qcow2.gz"), staging_key("my disk.qcow2.gz"));
        assert_ne!(a, b);
        assert!(a.starts_with(STAGING_PREFIX) && a.ends_with("-my-disk.qcow2.gz"), "{a}");
        let long = staging_key(&format!("{}.img", "x".repeat(500)));
        assert!(long.ends_with(".img") && long.len() < 300, "{long}");
    }

    #[cfg(not(feature = "spaces"))]
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
