//! The Linode upload: [`Upload`], the builder of [`Images::upload`] (the crate's one upload
//! builder, with Linode's own settings), and its run: check the source, create the image,
//! compress a raw image, send the data, clean up after a failure; and [`Images::upload_to`], the
//! sending half alone.

use std::io::{Read, Seek};

use super::super::types::Image;
use super::super::{Client, Images, Linode};
use super::checks::{check, check_url};
use super::clean_up::clean_up;
use super::compress::compress_if_raw;
use super::request::CreateUpload;
use crate::error::ErrorKind;
use crate::operation::sealed::Seal;
use crate::upload::{self, Steering, UploadSource, Uploads, put};
use crate::{Error, Result};

/// Uploads a disk image: create the image, then stream its data. Get one from
/// [`Images::upload`]; end it with the source: [`file`](crate::Upload::file),
/// [`reader`](crate::Upload::reader), [`seekable`](crate::Upload::seekable) or
/// [`source`](crate::Upload::source). The crate's one upload builder ([`crate::Upload`], whose
/// [`progress`](crate::Upload::progress) and cancel handle serve both providers), with
/// Linode's own setting, [`keep_on_failure`](crate::Upload::keep_on_failure); it returns the
/// image as created (`pending_upload`).
///
/// In order, so that what can fail fast does:
///
/// 1. The source is checked: its type sniffed, its size against the limits, a gzip header and trailer (see
///    [`UploadSource`]). Nothing is compressed or sent yet; a source that fails here is an
///    [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) (or
///    [`ErrorKind::Io`](crate::ErrorKind::Io)) error.
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
/// 4. The data is sent in one `PUT` to the returned `upload_to` URL with `Content-Type:
///    application/octet-stream`, an exact `Content-Length`, and no `Authorization` header. A refused `PUT` is
///    an [`ErrorKind::Upload`](crate::ErrorKind::Upload) error with the status and body; one that failed on a
///    5xx, 408, 429 or a broken connection is retried as the client's [`RetryPolicy`](crate::RetryPolicy)
///    allows, when the data can be read again from the start (a file, a seekable reader, a temporary file),
///    never from a plain reader. A lost answer is not a failure: when an attempt got no answer (the
///    connection failed or was cut, or the time ran out) and the `PUT` then fails (a retry refused, as
///    object storage may refuse a second upload to the same URL, or no retry left), the image is read
///    (`GET /images/{id}`): if its status is no longer `pending_upload`, the data arrived, and the upload
///    succeeds.
///
/// When a step after 2 fails, the image is deleted again, unless
/// [`keep_on_failure`](crate::Upload::keep_on_failure) is set. The error then carries the image's id in
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
/// An upload stops when its [`progress`](crate::Upload::progress) callback returns
/// `ControlFlow::Break(())`, or when its [`CancelUpload`](crate::linode::CancelUpload) handle
/// ([`cancel_handle`](crate::Upload::cancel_handle)) is used from another thread or a Ctrl-C handler
/// (the crate installs no signal handler: `examples/upload_cancel.rs` sets one up with the
/// `ctrlc` crate). It fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled) after
/// cleaning up as for a failure: the temporary file is removed and the image it had created is
/// deleted (even with `keep_on_failure(true)`), so [`Error::created_image`] and
/// [`Error::created_image_deleted`] say what happened; cancelled before the image was created,
/// it sends nothing more. See [`CancelUpload`](crate::linode::CancelUpload) for when a cancel is seen.
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
pub type Upload<'a> = crate::Upload<'a, Linode>;

/// What a Linode upload holds besides its client and steering.
#[derive(Debug)]
pub struct UploadJob {
    request: CreateUpload,
    keep_on_failure: bool,
}

impl<'a> crate::Upload<'a, Linode> {
    /// The upload of `request`, sent with `client`.
    pub(crate) fn with_request(client: &'a Client, request: CreateUpload) -> Self {
        crate::Upload::new(client, UploadJob { request, keep_on_failure: false })
    }

    crate::setters::setters! {
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
        pub fn keep_on_failure(self, keep: bool) -> Self => job.keep_on_failure;
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
}

/// A Linode upload returns the image as created (`pending_upload`): checks the source, creates
/// the image, compresses a raw source, sends the data; on a failure after the image was
/// created, the image is deleted (see [`Upload`]).
impl Uploads for Linode {
    type Uploaded = Image;
}

impl upload::sealed::Job for Linode {
    type Client = Client;
    type Job = UploadJob;

    fn run(upload: Upload<'_>, source: UploadSource<'_>, _: Seal) -> Result<Image> {
        let crate::Upload { client, job: UploadJob { request, keep_on_failure }, mut steering } = upload;
        // Creating the image needs a token: say so before minutes of compression, not after.
        if client.transport().settings.token.is_none() {
            let no_token = crate::provider::Rules::of::<Linode>().no_token();
            return Err(Error::invalid_input(format!("uploading an image needs a linode token: {no_token}")));
        }
        let mut control = steering.control();
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
            .and_then(|mut prepared| put(client.transport(), url, &mut prepared, &mut control, &mut lost));
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

/// [`Images::upload_to`]: check the source, compress it if raw, then `PUT` it.
pub(crate) fn upload_to(client: &Client, url: &str, source: UploadSource<'_>) -> Result<()> {
    check_url(url)?;
    let mut steering = Steering::new();
    let mut control = steering.control();
    let mut prepared = compress_if_raw(check(source)?, &mut control)?;
    put(client.transport(), url, &mut prepared, &mut control, &mut false)
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
