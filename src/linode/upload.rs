//! Uploading disk images: source checks, then the image, then gzip into a temporary file, one
//! streamed `PUT` with an exact `Content-Length` to the pre-signed `upload_to` URL, retried only
//! from a source that can be read again from the start; a failed or cancelled upload deletes
//! its image.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::types::{self, Image};
use super::{Client, Images};
use crate::error::ErrorKind;
use crate::retry::{self, Outcome, Try};
use crate::url::without_query;
use crate::{Error, Method, Result};

/// The largest compressed image Linode accepts: 5 GB.
///
/// ```
/// use cloud_images::linode::MAX_COMPRESSED_SIZE;
///
/// let gzip_len: u64 = 1_234_567_890; // e.g. std::fs::metadata("disk.img.gz")?.len()
/// assert!(gzip_len <= MAX_COMPRESSED_SIZE, "too large for Linode");
/// ```
pub const MAX_COMPRESSED_SIZE: u64 = 5_000_000_000;
/// The largest uncompressed image Linode accepts: 6 GB.
///
/// ```
/// use cloud_images::linode::{MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE};
///
/// assert_eq!(MAX_UNCOMPRESSED_SIZE, 6_000_000_000); // decimal gigabytes
/// assert!(MAX_COMPRESSED_SIZE < MAX_UNCOMPRESSED_SIZE);
/// ```
pub const MAX_UNCOMPRESSED_SIZE: u64 = 6_000_000_000;

/// The size of the buffers data moves through.
const CHUNK: usize = 64 * 1024;
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// A gzip member's fixed header: magic, method, flags, time, extra flags, OS.
const GZIP_HEADER: usize = 10;
/// Header and trailer (CRC-32 and ISIZE): the bytes of a member that hold no deflate data.
const GZIP_OVERHEAD: u64 = 18;
/// The shortest gzip stream: an empty member (its deflate data is at least 2 bytes).
const GZIP_MIN: u64 = GZIP_OVERHEAD + 2;
/// Deflate's largest expansion: a 258-byte match takes at least 2 bits, so one byte of deflate
/// data inflates to at most 1032 bytes.
const DEFLATE_MAX_RATIO: u64 = 1032;

/// What [`Images::upload`] and [`Images::create_upload`] create: an empty private image
/// waiting for its data, in a region with Object Storage.
///
/// ```
/// use cloud_images::linode::CreateUpload;
///
/// let request = CreateUpload::new("my-image", "us-east")
///     .description("built by CI")
///     .tags(["ci", "web"])
///     .cloud_init(true);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct CreateUpload {
    body: types::ImageUploadCreate,
}

impl CreateUpload {
    /// An image named `label`, uploaded into `region` (e.g. `us-east`); it can be deployed
    /// anywhere afterwards.
    ///
    /// ```
    /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
    ///
    /// let body = ImageUploadCreate::from(CreateUpload::new("my-image", "us-east"));
    /// assert_eq!((body.label.as_str(), body.region.as_str()), ("my-image", "us-east"));
    /// ```
    pub fn new(label: impl Into<String>, region: impl Into<String>) -> Self {
        CreateUpload {
            body: types::ImageUploadCreate {
                cloud_init: None,
                description: None,
                label: label.into(),
                region: region.into(),
                tags: None,
            },
        }
    }

    /// A longer description (1 to 65000 characters).
    ///
    /// ```
    /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
    ///
    /// let request = CreateUpload::new("my-image", "us-east").description("built by CI");
    /// assert_eq!(ImageUploadCreate::from(request).description.as_deref(), Some("built by CI"));
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// The image's tags (each 3 to 100 characters).
    ///
    /// ```
    /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
    ///
    /// let request = CreateUpload::new("my-image", "us-east").tags(["ci", "web"]);
    /// assert_eq!(ImageUploadCreate::from(request).tags, Some(vec!["ci".to_string(), "web".to_string()]));
    /// ```
    pub fn tags<I>(mut self, tags: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.body.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Marks the image as supporting cloud-init.
    ///
    /// ```
    /// use cloud_images::linode::{CreateUpload, types::ImageUploadCreate};
    ///
    /// let request = CreateUpload::new("my-image", "us-east").cloud_init(true);
    /// assert_eq!(ImageUploadCreate::from(request).cloud_init, Some(true));
    /// ```
    pub fn cloud_init(mut self, cloud_init: bool) -> Self {
        self.body.cloud_init = Some(cloud_init);
        self
    }

    pub(crate) fn into_body(self) -> types::ImageUploadCreate {
        self.body
    }
}

impl From<CreateUpload> for types::ImageUploadCreate {
    fn from(request: CreateUpload) -> Self {
        request.body
    }
}

/// Which step of an upload a [`UploadProgress`] is about.
///
/// ```
/// use cloud_images::linode::UploadPhase;
///
/// fn verb(phase: UploadPhase) -> &'static str {
///     match phase {
///         UploadPhase::Compressing => "compressing",
///         UploadPhase::Uploading => "uploading",
///         _ => "working", // the enum is non-exhaustive
///     }
/// }
/// assert_eq!(verb(UploadPhase::Compressing), "compressing");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UploadPhase {
    /// A raw image is being gzip-compressed into a temporary file: `done` and `total` count
    /// uncompressed bytes read.
    Compressing,
    /// The gzip data is being sent to object storage: `done` and `total` count bytes sent.
    /// A retried `PUT` starts again from 0.
    Uploading,
}

/// How far an upload is, as given to the callback of [`Upload::progress`].
///
/// Each phase is reported once at `done == 0`, then after every chunk read (64 KiB or less
/// while compressing; while sending, what the connection's buffer takes, up to 4 MiB), ending
/// at `done == total`. The callback may cancel the upload: see [`Upload::progress`].
///
/// ```no_run
/// use cloud_images::linode::{Client, CreateUpload, UploadPhase};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// client
///     .images()
///     .upload(CreateUpload::new("my-image", "us-east"))
///     .progress(|p| {
///         let verb = if p.phase == UploadPhase::Compressing { "compressed" } else { "sent" };
///         eprint!("\r{verb} {} of {} MB", p.done / 1_000_000, p.total / 1_000_000);
///     })
///     .file("disk.img")?;
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UploadProgress {
    /// Compressing or uploading.
    pub phase: UploadPhase,
    /// Bytes done so far in this phase.
    pub done: u64,
    /// Bytes this phase moves in all.
    pub total: u64,
}

/// What a [`progress`](Upload::progress) callback returns: `()` to go on (the callback only
/// reports), or a [`ControlFlow<()>`](std::ops::ControlFlow), whose `Break(())` cancels the
/// upload ([`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled)). Implemented for these two
/// types only.
///
/// ```
/// use std::ops::ControlFlow;
/// use cloud_images::linode::ProgressControl;
///
/// assert_eq!(().into_control_flow(), ControlFlow::Continue(()));
/// assert_eq!(ControlFlow::Break(()).into_control_flow(), ControlFlow::Break(()));
/// ```
pub trait ProgressControl: sealed::Sealed {
    /// `Continue(())` to go on, `Break(())` to cancel the upload.
    ///
    /// ```
    /// use cloud_images::linode::ProgressControl;
    ///
    /// assert!(().into_control_flow().is_continue());
    /// ```
    fn into_control_flow(self) -> ControlFlow<()>;
}

impl ProgressControl for () {
    fn into_control_flow(self) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }
}

impl ProgressControl for ControlFlow<()> {
    fn into_control_flow(self) -> ControlFlow<()> {
        self
    }
}

mod sealed {
    /// Only this crate implements [`ProgressControl`](super::ProgressControl).
    pub trait Sealed {}
    impl Sealed for () {}
    impl Sealed for std::ops::ControlFlow<()> {}
}

/// Cancels an [`Upload`] from anywhere: another thread, a Ctrl-C handler. `Clone`, `Send` and
/// `Sync`; every clone cancels the same uploads. Get one from [`Upload::cancel_handle`], or make
/// one with [`new`](CancelUpload::new) and give it to as many uploads as you like with
/// [`Upload::cancel_with`] (a Ctrl-C handler can be set only once per process).
///
/// An upload looks at it before each step (creating the image, compressing, sending), and
/// before and after each chunk it reads while compressing (64 KiB) and while sending (a read of
/// the data into the connection's buffer, at most 4 MiB); the bytes of a chunk read when the
/// handle was used are not passed on. A cancel during a wait between two tries
/// of a `PUT` is seen when that wait ends (at most the retry policy's
/// [`max_wait`](crate::RetryPolicy::max_wait)). A cancel that comes after all the data was sent
/// is too late: the upload returns the image.
///
/// A cancelled upload fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled): it
/// removes its temporary file, deletes the image it had created (see
/// [`Upload::keep_on_failure`]), and sends nothing more when the image was not created yet.
///
/// ```
/// use cloud_images::ErrorKind;
/// use cloud_images::linode::{CancelUpload, CreateUpload};
/// use cloud_images::testing::LinodeStandIn;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let stand_in = LinodeStandIn::start()?; // or `Client::from_env()?`
/// let client = stand_in.client()?;
/// let cancel = CancelUpload::new();
/// let stopper = cancel.clone();
/// std::thread::spawn(move || stopper.cancel()).join().ok(); // e.g. from a Ctrl-C handler
/// let disk = std::io::Cursor::new(vec![0u8; 1 << 20]);
/// let upload = client.images().upload(CreateUpload::new("web", "us-east")).cancel_with(&cancel);
/// let e = upload.seekable(disk).unwrap_err();
/// assert_eq!((e.kind(), e.created_image()), (ErrorKind::Cancelled, None)); // nothing was created
/// assert!(cancel.is_cancelled());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, Default)]
pub struct CancelUpload {
    cancelled: Arc<AtomicBool>,
}

impl CancelUpload {
    /// A handle that has not cancelled anything yet.
    ///
    /// ```
    /// let cancel = cloud_images::linode::CancelUpload::new();
    /// assert!(!cancel.is_cancelled());
    /// ```
    pub fn new() -> Self {
        CancelUpload::default()
    }

    /// Cancels the uploads that use this handle (or a clone of it), now and from now on: it
    /// cannot be undone. Returns at once; the upload stops at its next check.
    ///
    /// ```
    /// let cancel = cloud_images::linode::CancelUpload::new();
    /// let from_elsewhere = cancel.clone();
    /// from_elsewhere.cancel();
    /// assert!(cancel.is_cancelled());
    /// ```
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Release);
    }

    /// Whether [`cancel`](Self::cancel) was called on this handle or a clone of it.
    ///
    /// ```
    /// let cancel = cloud_images::linode::CancelUpload::new();
    /// assert!(!cancel.is_cancelled());
    /// cancel.cancel();
    /// assert!(cancel.is_cancelled());
    /// ```
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Acquire)
    }
}

/// The pre-signed URL an image's data is sent to: `upload_to` in the answer to
/// [`Images::create_upload`], and what [`Images::upload_to`] takes (as does any `&str` or
/// `String`).
///
/// Its query carries a signature that lets anyone holding the URL write the image for 24 hours:
/// a credential. Its `Debug` and `Display` show the scheme, host and path only, never the
/// query (`https://us-east-1.linodeobjects.com/bucket/key?** redacted **`); read the whole URL
/// with [`expose`](Self::expose), explicitly. It is serialised as the plain string.
///
/// ```
/// use cloud_images::linode::UploadUrl;
///
/// let url = UploadUrl::from("https://us-east-1.linodeobjects.com/b/private/1?X-Amz-Signature=5ecr3t");
/// assert_eq!(url.to_string(), "https://us-east-1.linodeobjects.com/b/private/1?** redacted **");
/// assert!(!format!("{url:?}").contains("5ecr3t"));
/// assert!(url.expose().ends_with("X-Amz-Signature=5ecr3t"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct UploadUrl(String);

impl UploadUrl {
    /// The whole URL, signature included: to send the data yourself. Do not log it.
    ///
    /// ```
    /// let url = cloud_images::linode::UploadUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.expose(), "https://h/b/o?Signature=s");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL without its query (no signature): scheme, host and path.
    ///
    /// ```
    /// let url = cloud_images::linode::UploadUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.without_query(), "https://h/b/o");
    /// ```
    pub fn without_query(&self) -> &str {
        without_query(&self.0)
    }
}

impl fmt::Display for UploadUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.without_query())?;
        if self.0.contains('?') {
            write!(f, "?{}", crate::secret::REDACTED)?;
        }
        Ok(())
    }
}

impl fmt::Debug for UploadUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UploadUrl").field(&self.to_string()).finish()
    }
}

impl From<&str> for UploadUrl {
    fn from(url: &str) -> Self {
        UploadUrl(url.to_string())
    }
}

impl From<String> for UploadUrl {
    fn from(url: String) -> Self {
        UploadUrl(url)
    }
}

impl From<&String> for UploadUrl {
    fn from(url: &String) -> Self {
        UploadUrl(url.clone())
    }
}

impl From<&UploadUrl> for UploadUrl {
    fn from(url: &UploadUrl) -> Self {
        url.clone()
    }
}

trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// Where an upload's data comes from: a file, a reader of known length, or a reader that can
/// seek (so a failed `PUT` can be retried from the start).
///
/// The first two bytes decide the format, not the name: gzip data (`1f 8b`) is sent as is,
/// anything else is taken as a raw disk image and compressed first. Data is read in chunks;
/// it is never held in memory whole.
///
/// # What is checked before anything is sent
///
/// A raw image: its length, at most 6 GB ([`MAX_UNCOMPRESSED_SIZE`]). A gzip stream: its
/// length, at most 5 GB ([`MAX_COMPRESSED_SIZE`]) and at least 20 bytes (an empty member);
/// its header (compression method 8, deflate; no reserved flag set); and, for a file or a
/// seekable source, the uncompressed size its trailer gives (ISIZE, the last 4 bytes).
///
/// ISIZE is the size of the *last member* modulo 2<sup>32</sup> (4 GiB), so the real
/// uncompressed size `U` is only known to be `ISIZE + k × 2^32` for some `k ≥ 0` (plus any
/// earlier members). The compressed length `C` bounds `U` from above only: deflate inflates one
/// byte to at most 1032, so `U ≤ 1032 × (C − 18)`. It gives no lower bound (deflate allows
/// empty blocks, and a file may hold several members), so every candidate from `k = 0` on,
/// `ISIZE` itself, stays possible, and `ISIZE < 4.3 GB` is under the 6 GB limit. So the trailer
/// **cannot** prove that a gzip image is too large uncompressed: such an image is refused by
/// Linode after the upload. What it **can** prove is that the stream is broken: when even
/// `ISIZE` is more than `1032 × (C − 18)`, no gzip stream of that length could hold it (a
/// truncated or corrupt file), and the upload is refused before anything is created.
///
/// ```no_run
/// use std::fs::File;
/// use cloud_images::linode::UploadSource;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let from_path = UploadSource::file("disk.img.gz");
/// let from_pipe = UploadSource::reader(std::io::stdin(), 2_147_483_648);
/// let from_file = UploadSource::seekable(File::open("disk.img")?);
/// # Ok(())
/// # }
/// ```
pub struct UploadSource<'a> {
    kind: SourceKind<'a>,
}

enum SourceKind<'a> {
    File(PathBuf),
    Reader(Box<dyn Read + 'a>, u64),
    Seekable(Box<dyn ReadSeek + 'a>),
}

impl<'a> UploadSource<'a> {
    /// The file at `path`, opened when the upload starts; a retried `PUT` reads it again.
    ///
    /// ```
    /// use cloud_images::linode::UploadSource;
    ///
    /// // Not opened yet: that happens when the upload starts.
    /// let source = UploadSource::file("disk.img");
    /// ```
    pub fn file(path: impl Into<PathBuf>) -> Self {
        UploadSource { kind: SourceKind::File(path.into()) }
    }

    /// Exactly `len` bytes from `reader`, read once. A source that ends early or goes on past
    /// `len` is an error. A gzip stream cannot be sent twice, so its `PUT` is never retried; a
    /// raw one is compressed into a temporary file first, which can be.
    ///
    /// ```
    /// use cloud_images::linode::UploadSource;
    ///
    /// // `xz -dc disk.img.xz | my-tool`: a raw image of a known size, on standard input.
    /// let source = UploadSource::reader(std::io::stdin(), 2_147_483_648);
    /// ```
    pub fn reader(reader: impl Read + 'a, len: u64) -> Self {
        UploadSource { kind: SourceKind::Reader(Box::new(reader), len) }
    }

    /// Everything from the reader's current position to its end; its length is found by
    /// seeking, and a retried `PUT` seeks back to the start position.
    ///
    /// ```
    /// use std::io::{Cursor, Seek, SeekFrom};
    /// use cloud_images::linode::UploadSource;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let mut disk = Cursor::new(vec![0u8; 4096]); // or a std::fs::File
    /// disk.seek(SeekFrom::Start(512))?; // the upload sends bytes 512 to 4096
    /// let source = UploadSource::seekable(disk);
    /// # Ok(())
    /// # }
    /// ```
    pub fn seekable(reader: impl Read + Seek + 'a) -> Self {
        UploadSource { kind: SourceKind::Seekable(Box::new(reader)) }
    }
}

impl fmt::Debug for UploadSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SourceKind::File(path) => f.debug_tuple("UploadSource::File").field(path).finish(),
            SourceKind::Reader(_, len) => f.debug_struct("UploadSource::Reader").field("len", len).finish(),
            SourceKind::Seekable(_) => f.write_str("UploadSource::Seekable"),
        }
    }
}

/// Uploads a disk image: create the image, then stream its data. Get one from
/// [`Images::upload`]; end it with the source: [`file`](Upload::file),
/// [`reader`](Upload::reader), [`seekable`](Upload::seekable) or [`source`](Upload::source).
///
/// In order, so that what can fail fast does:
///
/// 1. The source is checked: its type sniffed, its size against the limits, a gzip header and
///    trailer (see [`UploadSource`]). Nothing is compressed or sent yet; a source that fails
///    here is an [`ErrorKind::InvalidInput`] (or [`ErrorKind::Io`]) error.
/// 2. The image is created ([`Images::create_upload`]): a bad region or label fails here, in
///    milliseconds, before any compression.
/// 3. A raw image is gzip-compressed (fast level) into a temporary file, and the compressed size
///    checked (at most 5 GB). The file has no name left on disk while it is used (Unix: removed
///    right after it is opened; Windows: delete-on-close), so the system frees it even when the
///    process is killed. In a debug build of your program, compression runs unoptimized (about
///    30 MiB/s instead of 370) unless your `Cargo.toml` has this stanza, which Cargo reads only
///    from the top-level manifest (release builds need nothing):
///    ```toml
///    [profile.dev.package.miniz_oxide]
///    opt-level = 3
///
///    [profile.dev.package.crc32fast]
///    opt-level = 3
///    ```
/// 4. The data is sent in one `PUT` to the returned `upload_to` URL with
///    `Content-Type: application/octet-stream`, an exact `Content-Length`, and no
///    `Authorization` header. A refused `PUT` is an [`ErrorKind::Upload`] error with the status
///    and body; one that failed on a 5xx, 408, 429 or a broken connection is retried as the
///    client's [`RetryPolicy`](crate::RetryPolicy) allows, when the data can be read again from
///    the start (a file, a seekable reader, a temporary file), never from a plain reader.
///    A lost answer is not a failure: when an attempt got no answer (the connection failed or
///    was cut, or the time ran out) and the `PUT` then fails (a retry refused, as object
///    storage may refuse a second upload to the same URL, or no retry left), the image is
///    read (`GET /images/{id}`): if its status is no longer `pending_upload`, the data
///    arrived, and the upload succeeds.
///
/// When a step after 2 fails, the image is deleted again, unless
/// [`keep_on_failure`](Upload::keep_on_failure) is set. The error then carries the image's id in
/// [`Error::created_image`], says in its message whether it was deleted, kept, or could not be
/// deleted (then it stays `pending_upload` until Linode deletes it after 24 hours), and
/// [`Error::created_image_deleted`] tells which. A delete that got no answer (it timed out, or
/// the connection was lost) may have been done: the image is read, and if it is not found it
/// was deleted; if it cannot be read either, the message says that it may still be there.
///
/// ```no_run
/// use std::time::Duration;
/// use cloud_images::linode::{Client, CreateUpload};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let image = client.images().upload(CreateUpload::new("my-image", "us-east")).file("disk.img")?;
/// let image = client.images().wait_until_available(&image.id).timeout(Duration::from_secs(900)).send()?;
/// # Ok(())
/// # }
/// ```
///
/// # Cancelling
///
/// An upload stops when its [`progress`](Upload::progress) callback returns
/// `ControlFlow::Break(())`, or when its [`CancelUpload`] handle
/// ([`cancel_handle`](Upload::cancel_handle)) is used from another thread or a Ctrl-C handler
/// (the crate installs no signal handler: `examples/upload_cancel.rs` sets one up with the
/// `ctrlc` crate). It fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled) after
/// cleaning up as for a failure: the temporary file is removed and the image it had created is
/// deleted (even with `keep_on_failure(true)`), so [`Error::created_image`] and
/// [`Error::created_image_deleted`] say what happened; cancelled before the image was created,
/// it sends nothing more. See [`CancelUpload`] for when a cancel is seen.
///
/// # Images left by a killed process
///
/// A process killed outright (`SIGKILL`, the OOM killer, a power cut) runs no handler: the
/// temporary file goes with it (it has no name on disk), but an image it had created stays
/// `pending_upload` until Linode deletes it, 24 hours after it was created. To find and delete
/// such images sooner, list the account's private images whose `status` is `pending_upload`
/// (both fields are filterable). Another upload still running (in another process) is
/// `pending_upload` too: tag your uploads ([`CreateUpload::tags`]) so that only your own are
/// picked, and clean up when none of yours is running.
///
/// ```
/// use cloud_images::linode::{Client, CreateUpload, Filter};
/// # use cloud_images::testing::LinodeStandIn;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let stand_in = LinodeStandIn::start()?;
/// # let client = stand_in.client()?;
/// # let killed = client.images().create_upload(CreateUpload::new("web", "us-east").tags(["my-uploader"]))?;
/// // let client = Client::from_env()?;
/// let left_behind = Filter::and([
///     Filter::eq("is_public", false),
///     Filter::eq("status", "pending_upload"),
///     Filter::eq("tags", "my-uploader"), // the tag this program gives its uploads
/// ]);
/// for image in client.images().list().filter(left_behind) {
///     let image = image?;
///     eprintln!("deleting {} ({}), created {:?}", image.id, image.label.as_deref().unwrap_or("-"), image.created);
///     client.images().delete(&image.id)?;
/// }
/// # assert!(stand_in.image(&killed.image.id).is_none());
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct Upload<'a> {
    client: &'a Client,
    request: CreateUpload,
    progress: Option<Box<Callback<'a>>>,
    keep_on_failure: bool,
    cancel: CancelUpload,
}

/// A progress callback, whatever it returned, as [`ControlFlow`].
type Callback<'a> = dyn FnMut(UploadProgress) -> ControlFlow<()> + 'a;

impl fmt::Debug for Upload<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("request", &self.request)
            .field("progress", &self.progress.is_some())
            .field("keep_on_failure", &self.keep_on_failure)
            .field("cancelled", &self.cancel.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl<'a> Upload<'a> {
    pub(crate) fn new(client: &'a Client, request: CreateUpload) -> Self {
        Upload { client, request, progress: None, keep_on_failure: false, cancel: CancelUpload::new() }
    }

    /// Keeps the created image when the upload fails after creating it (default `false`: it is
    /// deleted again). Its id is in [`Error::created_image`] either way; a kept image stays
    /// `pending_upload` until Linode deletes it after 24 hours.
    ///
    /// A **cancelled** upload ([`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled)) deletes
    /// its image even so: keeping is for looking into a failure the program did not choose,
    /// while a cancel is the program's own decision to stop and clean up (a Ctrl-C would
    /// otherwise leave one `pending_upload` image behind each time), and a kept image can never
    /// get its data from this upload, whose `upload_to` URL is gone with it.
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let upload = client.images().upload(CreateUpload::new("my-image", "us-east"));
    /// if let Err(e) = upload.keep_on_failure(true).file("disk.img") {
    ///     eprintln!("failed; the image to look at: {:?}", e.created_image());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn keep_on_failure(mut self, keep: bool) -> Self {
        self.keep_on_failure = keep;
        self
    }

    /// Calls `callback` as the upload moves (see [`UploadProgress`]). Without one, nothing
    /// is reported. The callback returns `()`, or a [`ControlFlow<()>`](std::ops::ControlFlow)
    /// ([`ProgressControl`]): `Break(())` cancels the upload, as a [`CancelUpload`] does.
    ///
    /// ```
    /// use std::ops::ControlFlow;
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("my-token").build()?;
    /// let upload = client
    ///     .images()
    ///     .upload(CreateUpload::new("my-image", "us-east"))
    ///     .progress(|p| eprintln!("{:?}: {} of {} bytes", p.phase, p.done, p.total));
    /// // `upload.file("disk.img")` runs it, reporting as it goes.
    ///
    /// // Or stop an upload that turns out larger than 2 GB.
    /// let upload = client
    ///     .images()
    ///     .upload(CreateUpload::new("my-image", "us-east"))
    ///     .progress(|p| if p.total > 2_000_000_000 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) });
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

    /// A handle that cancels this upload from another thread or a signal handler (see
    /// [`CancelUpload`]); every call returns a clone of the same handle.
    ///
    /// ```no_run
    /// use cloud_images::{ErrorKind, linode::{Client, CreateUpload}};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let upload = client.images().upload(CreateUpload::new("my-image", "us-east"));
    /// let cancel = upload.cancel_handle();
    /// std::thread::spawn(move || {
    ///     std::thread::sleep(std::time::Duration::from_secs(600));
    ///     cancel.cancel(); // ten minutes is too long
    /// });
    /// match upload.file("disk.img") {
    ///     Err(e) if e.kind() == ErrorKind::Cancelled => eprintln!("gave up: {e}"),
    ///     other => println!("uploaded {}", other?.id),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn cancel_handle(&self) -> CancelUpload {
        self.cancel.clone()
    }

    /// Uses `handle` (a clone of it) to cancel this upload, instead of a handle of its own:
    /// one handle, for instance set up once for Ctrl-C, can cancel many uploads.
    ///
    /// ```no_run
    /// use cloud_images::linode::{CancelUpload, Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let cancel = CancelUpload::new(); // e.g. cancelled by a Ctrl-C handler
    /// for name in ["web", "db"] {
    ///     let upload = client.images().upload(CreateUpload::new(name, "us-east"));
    ///     upload.cancel_with(&cancel).file(format!("{name}.img"))?;
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn cancel_with(mut self, handle: &CancelUpload) -> Self {
        self.cancel = handle.clone();
        self
    }

    /// Uploads the file at `path` (see [`UploadSource::file`]); returns the image as created.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let request = cloud_images::linode::CreateUpload::new("my-image", "us-east");
    /// let image = client.images().upload(request).file("disk.img.gz")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn file(self, path: impl AsRef<Path>) -> Result<Image> {
        self.source(UploadSource::file(path.as_ref()))
    }

    /// Uploads exactly `len` bytes from `reader` (see [`UploadSource::reader`]).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let request = cloud_images::linode::CreateUpload::new("my-image", "us-east");
    /// let image = client.images().upload(request).reader(std::io::stdin().lock(), 2_147_483_648)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn reader(self, reader: impl Read, len: u64) -> Result<Image> {
        self.source(UploadSource::reader(reader, len))
    }

    /// Uploads from the reader's position to its end (see [`UploadSource::seekable`]); a
    /// failed `PUT` can be retried.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let request = cloud_images::linode::CreateUpload::new("my-image", "us-east");
    /// let image = client.images().upload(request).seekable(std::fs::File::open("disk.img")?)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn seekable(self, reader: impl Read + Seek) -> Result<Image> {
        self.source(UploadSource::seekable(reader))
    }

    /// Uploads from any [`UploadSource`]: checks it, creates the image, compresses a raw source,
    /// sends the data; returns the image from the create response (`pending_upload`). On a
    /// failure after the image was created, the image is deleted (see [`Upload`]).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload, UploadSource};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let image = client
    ///     .images()
    ///     .upload(CreateUpload::new("my-image", "us-east"))
    ///     .source(UploadSource::file("disk.img"))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn source(self, source: UploadSource<'_>) -> Result<Image> {
        let Upload { client, request, progress, keep_on_failure, cancel } = self;
        // Creating the image needs a token: say so before minutes of compression, not after.
        if client.transport().settings.token.is_none() {
            let no_token = crate::provider::Rules::of::<super::Linode>().no_token();
            return Err(Error::invalid_input(format!("uploading an image needs a linode token: {no_token}")));
        }
        let mut progress = progress;
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let report: &mut dyn FnMut(UploadProgress) -> ControlFlow<()> = match progress.as_deref_mut() {
            Some(callback) => callback,
            None => &mut quiet,
        };
        let mut control = Control { progress: report, cancel: &cancel };
        // Cheap checks first, then the create call (a bad region fails in milliseconds), and
        // only then the slow work: compression and the `PUT`. A cancel before the create sends
        // nothing.
        control.check_cancel("before it started")?;
        let checked = check(source)?;
        control.check_cancel("before the image was created")?;
        let created = Images::new(client).create_upload(request)?;
        let url = created.upload_to.expose();
        let mut lost = false;
        let sent = control
            .check_cancel("after the image was created")
            .and_then(|()| check_url(url))
            .and_then(|()| compress_if_raw(checked, &mut control))
            .and_then(|mut prepared| put(client, url, &mut prepared, &mut control, &mut lost));
        match sent {
            Ok(()) => Ok(created.image),
            // A `PUT` whose answer was lost may have delivered the data, and its retry then
            // refused (object storage may not take the same upload twice): the image says.
            Err(e) if lost && e.kind() != ErrorKind::Cancelled && data_arrived(client, &created.image.id) => {
                log::debug!(
                    target: "cloud_images",
                    "upload of {}: a PUT whose answer was lost delivered the data ({e}); done",
                    created.image.id
                );
                Ok(created.image)
            }
            Err(e) => Err(clean_up(client, &created.image.id, keep_on_failure, e)),
        }
    }
}

/// What steers an upload as it runs: the progress callback (which may cancel it) and the
/// cancel handle.
struct Control<'c> {
    progress: &'c mut dyn FnMut(UploadProgress) -> ControlFlow<()>,
    cancel: &'c CancelUpload,
}

impl Control<'_> {
    /// An [`ErrorKind::Cancelled`] error when the handle was used; `when` says at which step.
    fn check_cancel(&self, when: impl fmt::Display) -> Result<()> {
        if self.cancel.is_cancelled() {
            return Err(Error::new(ErrorKind::Cancelled, format!("the upload was cancelled {when}")));
        }
        Ok(())
    }

    /// Reports `p`: an [`ErrorKind::Cancelled`] error when the callback cancels.
    fn report(&mut self, p: UploadProgress) -> Result<()> {
        if (self.progress)(p).is_break() {
            let message = format!("the upload was cancelled by its progress callback {}", At(p));
            return Err(Error::new(ErrorKind::Cancelled, message));
        }
        Ok(())
    }
}

/// Where an upload was, for a message: `while sending (65536 of 1048576 bytes)`.
struct At(UploadProgress);

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.0.phase {
            UploadPhase::Compressing => "compressing",
            UploadPhase::Uploading => "sending",
        };
        write!(f, "while {verb} ({} of {} bytes)", self.0.done, self.0.total)
    }
}

/// After a failed upload: deletes the image it created (unless asked to keep it), and says in
/// the error which image it was and what became of it. A cancelled upload's image is deleted
/// whatever `keep` says (see [`Upload::keep_on_failure`]).
fn clean_up(client: &Client, id: &str, keep: bool, error: Error) -> Error {
    if error.kind() == ErrorKind::Cancelled {
        return match delete_created(client, id) {
            Deleted::Now => {
                error.context(format!("image {id} was deleted again")).with_created_image(id, true)
            }
            Deleted::Already => {
                error.context(format!("image {id} is gone already")).with_created_image(id, true)
            }
            Deleted::Failed(failed) => {
                log::debug!(target: "cloud_images", "cannot delete the cancelled upload's image {id}: {failed}");
                let what = format!(
                    "image {id} was created, and deleting it failed ({failed}); it stays pending_upload \
                     until Linode deletes it after 24 h"
                );
                error.context(what).with_created_image(id, false)
            }
            Deleted::Unknown(failed, read) => {
                let what = format!(
                    "image {id} was created, and deleting it got no answer ({failed}), nor could it be read \
                     ({read}): it may still be there, pending_upload until Linode deletes it after 24 h"
                );
                error.context(what).with_created_image(id, false)
            }
        };
    }
    if keep {
        let what = format!(
            "image {id} was created, but sending its data failed; it was kept (keep_on_failure), \
             and Linode deletes it after 24 h unless its data arrives"
        );
        return error.context(what).with_created_image(id, false);
    }
    match delete_created(client, id) {
        Deleted::Now => error
            .context(format!("image {id} was created, but sending its data failed, so it was deleted again"))
            .with_created_image(id, true),
        Deleted::Already => error
            .context(format!("image {id} was created, but sending its data failed; it is gone already"))
            .with_created_image(id, true),
        Deleted::Failed(failed) => {
            log::debug!(target: "cloud_images", "cannot delete the failed upload's image {id}: {failed}");
            let what = format!(
                "image {id} was created, but sending its data failed, and deleting it failed too \
                 ({failed}); it stays pending_upload until Linode deletes it after 24 h"
            );
            error.context(what).with_created_image(id, false)
        }
        Deleted::Unknown(failed, read) => {
            let what = format!(
                "image {id} was created, but sending its data failed, and deleting it got no answer \
                 ({failed}), nor could it be read ({read}): it may still be there, pending_upload until \
                 Linode deletes it after 24 h"
            );
            error.context(what).with_created_image(id, false)
        }
    }
}

/// What became of the image a failed upload deletes.
enum Deleted {
    /// Deleted now.
    Now,
    /// Not found: gone already.
    Already,
    /// The delete failed: it is still there.
    Failed(Error),
    /// The delete got no answer and the image could not be read: nobody knows.
    Unknown(Error, Error),
}

/// Deletes the image an upload made. A delete that got no answer (it timed out, the connection
/// was lost) may have been done all the same: the image is read, and one that is not found was
/// deleted.
fn delete_created(client: &Client, id: &str) -> Deleted {
    let failed = match Images::new(client).delete(id) {
        Ok(()) => return Deleted::Now,
        Err(gone) if gone.is_not_found() => return Deleted::Already,
        Err(failed) => failed,
    };
    if !matches!(failed.kind(), ErrorKind::Timeout | ErrorKind::Transport) {
        return Deleted::Failed(failed);
    }
    match Images::new(client).get(id) {
        Err(e) if e.is_not_found() => Deleted::Now,
        Ok(_) => Deleted::Failed(failed),
        Err(read) => Deleted::Unknown(failed, read),
    }
}

/// [`Images::upload_to`]: check the source, compress it if raw, then `PUT` it.
pub(crate) fn upload_to(client: &Client, url: &str, source: UploadSource<'_>) -> Result<()> {
    check_url(url)?;
    let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
    let never = CancelUpload::new();
    let mut control = Control { progress: &mut quiet, cancel: &never };
    let mut prepared = compress_if_raw(check(source)?, &mut control)?;
    put(client, url, &mut prepared, &mut control, &mut false)
}

/// Whether the upload image `id` has its data: its status is no longer `pending_upload`
/// (`creating`, then `available`). A failed read says no.
fn data_arrived(client: &Client, id: &str) -> bool {
    match Images::new(client).get(id) {
        Ok(image) => image.status.is_some_and(|s| !s.as_str().eq_ignore_ascii_case("pending_upload")),
        Err(e) => {
            log::debug!(target: "cloud_images", "cannot tell whether the data of {id} arrived: {e}");
            false
        }
    }
}

/// `upload_to` must be an absolute http(s) URL (the crate's one URL check).
fn check_url(url: &str) -> Result<()> {
    crate::url::http_url(url, "the upload url").map(drop)
}

/// A source whose type and sizes were checked: nothing compressed or sent yet.
struct Checked<'a> {
    body: Body<'a>,
    len: u64,
    gzip: bool,
}

/// The data ready to send: gzip, of known length.
struct Prepared<'a> {
    body: Body<'a>,
    len: u64,
}

enum Body<'a> {
    /// A raw image compressed here.
    Temp(TempFile),
    /// A file given by path.
    File(File),
    /// A stream that can seek back to `start`.
    Seekable(Box<dyn ReadSeek + 'a>, u64),
    /// A stream read once (its first bytes already read, chained back in front).
    Once(Box<dyn Read + 'a>),
}

impl Body<'_> {
    fn reader(&mut self) -> &mut dyn Read {
        match self {
            Body::Temp(t) => &mut t.file,
            Body::File(f) => f,
            Body::Seekable(r, _) => r,
            Body::Once(r) => r,
        }
    }

    fn can_rewind(&self) -> bool {
        !matches!(self, Body::Once(_))
    }

    /// Back to the first byte, for a retry.
    fn rewind(&mut self) -> Result<()> {
        let done = match self {
            Body::Temp(t) => t.file.seek(SeekFrom::Start(0)),
            Body::File(f) => f.seek(SeekFrom::Start(0)),
            Body::Seekable(r, start) => r.seek(SeekFrom::Start(*start)),
            Body::Once(_) => return Err(Error::invalid_input("a plain reader cannot be read twice")),
        };
        done.map(drop).map_err(|e| io_error("cannot rewind the upload source", e))
    }
}

/// Opens the source, sniffs its type and checks its sizes (and a gzip header and trailer).
/// Reads at most the first 10 and the last 4 bytes.
fn check(source: UploadSource<'_>) -> Result<Checked<'_>> {
    let (body, len, head, isize) = match source.kind {
        SourceKind::File(path) => {
            let shown = path.display();
            let mut file = File::open(&path).map_err(|e| io_error(&format!("cannot open {shown}"), e))?;
            let meta = file.metadata().map_err(|e| io_error(&format!("cannot read {shown}"), e))?;
            if !meta.is_file() {
                return Err(Error::invalid_input(format!(
                    "{shown} is not a regular file: use UploadSource::reader with its length"
                )));
            }
            let failed = |e| io_error(&format!("cannot read {shown}"), e);
            let head = peek(&mut file).map_err(failed)?;
            let isize = trailer(&mut file, &head, 0, meta.len()).map_err(failed)?;
            file.seek(SeekFrom::Start(0)).map_err(failed)?;
            (Body::File(file), meta.len(), head, isize)
        }
        SourceKind::Seekable(mut reader) => {
            let failed = |e| io_error("cannot read the upload source", e);
            let start = reader.stream_position().map_err(failed)?;
            let end = reader.seek(SeekFrom::End(0)).map_err(failed)?;
            reader.seek(SeekFrom::Start(start)).map_err(failed)?;
            let head = peek(&mut reader).map_err(failed)?;
            let isize = trailer(&mut reader, &head, start, end).map_err(failed)?;
            reader.seek(SeekFrom::Start(start)).map_err(failed)?;
            (Body::Seekable(reader, start), end.saturating_sub(start), head, isize)
        }
        SourceKind::Reader(mut reader, len) => {
            let head = peek(&mut reader).map_err(|e| io_error("cannot read the upload source", e))?;
            let chained: Box<dyn Read + '_> = Box::new(io::Cursor::new(head.clone()).chain(reader));
            (Body::Once(chained), len, head, None)
        }
    };
    if len == 0 {
        return Err(Error::invalid_input("the image is empty: there is nothing to upload"));
    }
    if head.starts_with(&GZIP_MAGIC) {
        check_size(len, MAX_COMPRESSED_SIZE, "compressed")?;
        check_gzip(&head, len, isize)?;
        return Ok(Checked { body, len, gzip: true });
    }
    check_size(len, MAX_UNCOMPRESSED_SIZE, "uncompressed")?;
    Ok(Checked { body, len, gzip: false })
}

/// Compresses a raw source into a temporary file and checks the compressed size; a gzip source
/// is passed on as it is.
fn compress_if_raw<'a>(checked: Checked<'a>, control: &mut Control<'_>) -> Result<Prepared<'a>> {
    let Checked { mut body, len, gzip } = checked;
    if gzip {
        return Ok(Prepared { body, len });
    }
    control.check_cancel("before compressing")?;
    let temp = compress(body.reader(), len, control)?;
    let compressed = temp.len;
    check_size(compressed, MAX_COMPRESSED_SIZE, "compressed")?;
    Ok(Prepared { body: Body::Temp(temp), len: compressed })
}

fn check_size(len: u64, max: u64, what: &str) -> Result<()> {
    if len > max {
        return Err(Error::invalid_input(format!(
            "the image is {len} bytes {what}, over Linode's limit of {max} bytes ({} GB) {what}; no data was sent",
            max / 1_000_000_000
        )));
    }
    Ok(())
}

/// Checks what can be checked of a gzip stream of `len` bytes without inflating it: the header,
/// and the trailer's ISIZE when known (see [`UploadSource`] for what that can and cannot show).
fn check_gzip(head: &[u8], len: u64, isize: Option<u32>) -> Result<()> {
    let invalid =
        |why: String| Err(Error::invalid_input(format!("not a valid gzip stream: {why}; nothing was sent")));
    if len < GZIP_MIN || head.len() < GZIP_HEADER {
        return invalid(format!("{len} bytes is too short (an empty gzip stream has {GZIP_MIN})"));
    }
    match head.get(2).copied() {
        Some(8) => {}
        method => return invalid(format!("compression method {}, not 8 (deflate)", method.unwrap_or(0))),
    }
    if head.get(3).is_some_and(|flags| flags & 0xe0 != 0) {
        return invalid("reserved header flags are set".to_string());
    }
    let most = DEFLATE_MAX_RATIO.saturating_mul(len.saturating_sub(GZIP_OVERHEAD));
    if let Some(isize) = isize
        && u64::from(isize) > most
    {
        return invalid(format!(
            "its trailer gives an uncompressed size of {isize} bytes (modulo 4 GiB), more than the \
             {most} bytes {len} bytes of gzip can inflate to: the file is truncated or corrupt"
        ));
    }
    Ok(())
}

/// Reads up to the first 10 bytes (a gzip header).
fn peek(reader: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(GZIP_HEADER);
    reader.take(GZIP_HEADER as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// For gzip data from `start` to `end`: the trailer's last 4 bytes, ISIZE (little-endian).
/// `None` for data that is not gzip or too short to have a trailer.
fn trailer(
    reader: &mut (impl Read + Seek + ?Sized),
    head: &[u8],
    start: u64,
    end: u64,
) -> io::Result<Option<u32>> {
    if !head.starts_with(&GZIP_MAGIC) || end.saturating_sub(start) < GZIP_MIN {
        return Ok(None);
    }
    reader.seek(SeekFrom::Start(end.saturating_sub(4)))?;
    let mut isize = [0u8; 4];
    reader.read_exact(&mut isize)?;
    Ok(Some(u32::from_le_bytes(isize)))
}

/// Gzips exactly `len` bytes of `source` into a new temporary file, rewound. On any failure,
/// a cancel included, the file is gone when this returns.
fn compress(source: &mut dyn Read, len: u64, control: &mut Control<'_>) -> Result<TempFile> {
    let mut temp = TempFile::create()?;
    let path = temp.shown.display().to_string();
    let write_failed = |e| io_error(&format!("cannot write the temporary file {path}"), e);
    let mut input = Exact::new(source, len, UploadPhase::Compressing, control);
    if let Some(cancelled) = input.failure.take() {
        return Err(cancelled);
    }
    let mut gz = GzEncoder::new(BufWriter::with_capacity(CHUNK, &temp.file), Compression::fast());
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(input.take_failure(e)),
        };
        gz.write_all(buf.get(..n).unwrap_or_default()).map_err(write_failed)?;
    }
    let writer = gz.finish().map_err(write_failed)?;
    writer.into_inner().map_err(|e| write_failed(e.into_error()))?;
    temp.len = temp.file.stream_position().map_err(write_failed)?;
    temp.file.seek(SeekFrom::Start(0)).map_err(write_failed)?;
    Ok(temp)
}

/// One `PUT`, then retries by the crate's one retry loop and rules, while the body can be
/// read again from its first byte. An upload has no total deadline (only a stall limit).
/// `lost` is set when an attempt got no answer (the connection failed or was cut, or a time
/// limit ran out): object storage may have stored the data all the same.
fn put(
    client: &Client,
    url: &str,
    prepared: &mut Prepared<'_>,
    control: &mut Control<'_>,
    lost: &mut bool,
) -> Result<()> {
    let transport = client.transport();
    let what = format_args!("PUT {}", without_query(url));
    let (clock, no_deadline) = (&transport.settings.clock, retry::Deadline::default());
    retry::run(&transport.settings.retry, clock, &no_deadline, &what, |attempt| {
        let before = if attempt > 1 { "before sending again" } else { "before sending" };
        if let Err(cancelled) = control.check_cancel(before) {
            return Try::Stop(cancelled.with_attempts(attempt.saturating_sub(1).max(1)));
        }
        if attempt > 1
            && let Err(e) = prepared.body.rewind()
        {
            return Try::Stop(e.with_attempts(attempt));
        }
        let len = prepared.len;
        let mut body = Exact::new(prepared.body.reader(), len, UploadPhase::Uploading, control);
        if let Some(cancelled) = body.failure.take() {
            // Cancelled from the first report: no request is started.
            return Try::Stop(cancelled.with_attempts(attempt.saturating_sub(1).max(1)));
        }
        let result = transport.put_object(url, len, &mut body);
        if let Some(local) = body.failure.take() {
            // The source failed, not the network: sending it again would not help.
            return Try::Stop(local.with_attempts(attempt));
        }
        let error = match result {
            Ok(()) => return Try::Done(()),
            Err(e) => e,
        };
        let outcome = match (error.kind(), error.status()) {
            // Object storage (S3) answers 500 InternalError to mean "try again".
            (ErrorKind::Upload, Some(status)) => {
                Outcome::Answered { status, maintenance: false, provider_asks: status == 500 }
            }
            (kind, _) => Outcome::NoAnswer(kind),
        };
        *lost |= matches!(outcome, Outcome::NoAnswer(ErrorKind::Transport | ErrorKind::Timeout));
        let retry = prepared.body.can_rewind() && retry::should_retry(Method::Put, &outcome);
        if retry && let Err(cancelled) = control.check_cancel("before sending again") {
            // Cancelled while this try was under way: no wait, no other try.
            return Try::Stop(cancelled.with_attempts(attempt));
        }
        let wait = error.retry_after(); // object storage's Retry-After, if any
        Try::Failed { error, retry, wait }
    })
}

fn io_error(what: &str, e: io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}")).with_source(e)
}

/// Reads exactly `len` bytes from `inner`, reporting progress, and stops when the upload is
/// cancelled (the handle is looked at before and after each chunk is read, the callback's
/// answer after it). A
/// source that ends early or has more than `len` bytes fails; the failure is kept to tell it
/// apart from a network error.
struct Exact<'r, 'p, 'c> {
    inner: &'r mut dyn Read,
    len: u64,
    done: u64,
    phase: UploadPhase,
    control: &'p mut Control<'c>,
    failure: Option<Error>,
}

impl<'r, 'p, 'c> Exact<'r, 'p, 'c> {
    /// Reports the phase at 0 bytes: a cancel there is kept in `failure` (and every read fails).
    fn new(inner: &'r mut dyn Read, len: u64, phase: UploadPhase, control: &'p mut Control<'c>) -> Self {
        let failure = control.report(UploadProgress { phase, done: 0, total: len }).err();
        Exact { inner, len, done: 0, phase, control, failure }
    }

    fn progress(&self) -> UploadProgress {
        UploadProgress { phase: self.phase, done: self.done, total: self.len }
    }

    /// Keeps `error` and returns an `io::Error` for the reader's caller.
    fn fail(&mut self, error: Error) -> io::Error {
        let message = error.to_string();
        self.failure = Some(error);
        io::Error::other(message)
    }

    /// The failure kept by `read`, else `e` as an I/O error.
    fn take_failure(&mut self, e: io::Error) -> Error {
        self.failure.take().unwrap_or_else(|| io_error("cannot read the upload source", e))
    }
}

impl Read for Exact<'_, '_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = &self.failure {
            return Err(io::Error::other(e.to_string()));
        }
        if let Err(cancelled) = self.control.check_cancel(At(self.progress())) {
            return Err(self.fail(cancelled));
        }
        let remaining = self.len.saturating_sub(self.done);
        if remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = usize::try_from(remaining).unwrap_or(usize::MAX).min(buf.len());
        let slice = buf.get_mut(..want).unwrap_or_default();
        let n = match self.inner.read(slice) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
            Err(e) => return Err(self.fail(io_error("cannot read the upload source", e))),
        };
        // Again after the read, which may have waited (a slow disk, a pipe): the bytes just read
        // are not passed on.
        if let Err(cancelled) = self.control.check_cancel(At(self.progress())) {
            return Err(self.fail(cancelled));
        }
        if n == 0 {
            let (done, len) = (self.done, self.len);
            return Err(self.fail(Error::invalid_input(format!(
                "the upload source ended after {done} bytes, but its length is {len}"
            ))));
        }
        self.done += n as u64;
        if self.done == self.len {
            // Hold back the last bytes of a source longer than it said: sending them would
            // complete a truncated image.
            let mut probe = [0u8; 1];
            loop {
                match self.inner.read(&mut probe) {
                    Ok(0) => break,
                    Ok(_) => {
                        let len = self.len;
                        return Err(self.fail(Error::invalid_input(format!(
                            "the upload source has more than its length of {len} bytes"
                        ))));
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.fail(io_error("cannot read the upload source", e))),
                }
            }
        }
        if let Err(cancelled) = self.control.report(self.progress()) {
            return Err(self.fail(cancelled));
        }
        Ok(n)
    }
}

/// A file in the system's temporary directory, readable only by its owner, that the system
/// removes even when this process is killed: on Unix its name is removed right after it is
/// created (the open handle keeps the data until it is closed, and a retried `PUT` seeks that
/// handle back instead of opening the path again); on Windows it is opened delete-on-close.
/// Only on Unix, between creating and removing the name (microseconds), could a kill leave an
/// empty file behind.
struct TempFile {
    file: File,
    len: u64,
    /// Where it was created, for messages.
    shown: PathBuf,
    /// Declared after `file`, so the file is closed first: the path, if removing it right after
    /// creating it failed (it is tried again on drop).
    _leftover: Option<RemoveOnDrop>,
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_file(&self.0) {
            log::debug!(target: "cloud_images", "cannot remove {}: {e}", self.0.display());
        }
    }
}

impl TempFile {
    fn create() -> Result<TempFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir();
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let mut last = None;
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("cloud-images-upload-{}-{nanos}-{n}.img.gz", std::process::id()));
            let mut options = OpenOptions::new();
            options.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            #[cfg(windows)]
            {
                use std::os::windows::fs::OpenOptionsExt;
                const FILE_ATTRIBUTE_TEMPORARY: u32 = 0x0000_0100;
                const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
                // Not shared: no other process opens it while it exists.
                options
                    .share_mode(0)
                    .attributes(FILE_ATTRIBUTE_TEMPORARY)
                    .custom_flags(FILE_FLAG_DELETE_ON_CLOSE);
            }
            match options.open(&path) {
                Ok(file) => {
                    let leftover = if cfg!(windows) { None } else { Self::unlink(&path) };
                    return Ok(TempFile { file, len: 0, shown: path, _leftover: leftover });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    return Err(io_error(&format!("cannot create a temporary file in {}", dir.display()), e));
                }
            }
        }
        let e = last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists));
        Err(io_error(&format!("cannot create a temporary file in {}", dir.display()), e))
    }

    /// Removes the name of the file just created; on failure, keeps the path to remove on drop.
    fn unlink(path: &Path) -> Option<RemoveOnDrop> {
        match std::fs::remove_file(path) {
            Ok(()) => None,
            Err(e) => {
                log::debug!(target: "cloud_images", "cannot remove {} while open: {e}", path.display());
                Some(RemoveOnDrop(path.to_path_buf()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tests that create temporary files run one at a time, so they can count them.
    static TEMP_FILES: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn temporary_files_are_private_and_have_no_name_while_open() {
        let _one_at_a_time = TEMP_FILES.lock().unwrap();
        let mut temp = TempFile::create().unwrap();
        let path = temp.shown.clone();
        assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Already gone from the directory, but the handle still reads and writes.
            assert!(!path.exists(), "{} still has a name", path.display());
            assert!(temp._leftover.is_none());
            assert_eq!(temp.file.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        }
        temp.file.write_all(b"data").unwrap();
        temp.file.seek(SeekFrom::Start(0)).unwrap();
        let mut back = String::new();
        temp.file.read_to_string(&mut back).unwrap();
        assert_eq!(back, "data");
        drop(temp);
        assert!(!path.exists());
    }

    #[test]
    fn compressing_rewinds_and_a_failed_compression_leaves_no_file() {
        let _one_at_a_time = TEMP_FILES.lock().unwrap();
        let data = b"not gzip, a raw disk image".repeat(1000);
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let never = CancelUpload::new();
        let mut quiet = Control { progress: &mut quiet, cancel: &never };
        let mut temp = compress(&mut data.as_slice(), data.len() as u64, &mut quiet).unwrap();
        let mut gz = Vec::new();
        temp.file.read_to_end(&mut gz).unwrap();
        assert_eq!(gz.len() as u64, temp.len);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);

        let before = leftovers();
        let e = compress(&mut data.as_slice(), data.len() as u64 + 1, &mut quiet).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(leftovers(), before, "a temporary file was left behind");
        drop(temp);
        assert!(leftovers().is_empty());
    }

    /// This process's temporary upload files.
    fn leftovers() -> std::collections::HashSet<PathBuf> {
        let prefix = format!("cloud-images-upload-{}-", std::process::id());
        std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
            .collect()
    }

    #[test]
    fn exact_reads_refuse_short_and_long_sources() {
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let never = CancelUpload::new();
        let mut quiet = Control { progress: &mut quiet, cancel: &never };
        let mut out = Vec::new();
        let mut src: &[u8] = b"12345";
        assert!(Exact::new(&mut src, 5, UploadPhase::Uploading, &mut quiet).read_to_end(&mut out).is_ok());
        assert_eq!(out, b"12345");
        for len in [4, 6] {
            let mut src: &[u8] = b"12345";
            let mut exact = Exact::new(&mut src, len, UploadPhase::Uploading, &mut quiet);
            assert!(exact.read_to_end(&mut Vec::new()).is_err(), "{len}");
            assert_eq!(exact.failure.take().map(|e| e.kind()), Some(ErrorKind::InvalidInput));
        }
    }

    #[test]
    fn gzip_checks_refuse_only_what_cannot_be_gzip() {
        let head = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        let ok = |head: &[u8], len, isize| check_gzip(head, len, isize).is_ok();
        assert!(ok(&head, 20, None) && ok(&head, 20, Some(0)));
        // 20 bytes hold 2 bytes of deflate data: at most 2064 bytes inflated.
        assert!(ok(&head, 20, Some(2064)));
        assert!(!ok(&head, 20, Some(2065)));
        assert!(!ok(&head, 19, None));
        assert!(!ok(&head[..9], 20, None));
        // Long enough, any ISIZE is possible: the trailer alone never shows "too big".
        assert!(ok(&head, 4_200_000, Some(u32::MAX)));
        assert!(ok(&head, MAX_COMPRESSED_SIZE, Some(u32::MAX)));
        let mut deflate64 = head;
        deflate64[2] = 9;
        assert!(!ok(&deflate64, 20, None));
        let mut reserved = head;
        reserved[3] = 0x80;
        assert!(!ok(&reserved, 20, None));
        let mut named = head;
        named[3] = 0x08; // FNAME: a valid flag
        assert!(ok(&named, 20, None));
    }

    #[test]
    fn upload_urls_must_be_http() {
        assert!(check_url("https://us-east-1.linodeobjects.com/b/o?Signature=x").is_ok());
        assert!(check_url("http://127.0.0.1:9000/b/o").is_ok());
        for bad in ["ftp://x/y", "file:///etc/passwd", "/relative", "", "https://"] {
            assert_eq!(check_url(bad).unwrap_err().kind(), ErrorKind::InvalidInput, "{bad}");
        }
    }
}
