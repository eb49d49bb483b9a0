//! [`Upload`], the one builder of an upload for every provider: how it reports and is
//! cancelled, and the source that ends it. What an upload does with the data (and the settings
//! only one provider has) is the provider's: [`Uploads`], implemented in each provider's folder.

use std::fmt;
use std::path::Path;

use super::{CancelUpload, ProgressControl, Steering, UploadProgress, UploadSource};
use crate::operation::sealed::Seal;
use crate::{Provider, Result};

/// What a provider's upload holds and does, which users do not see: a supertrait of
/// [`Uploads`] in a private module.
pub(crate) mod sealed {
    use std::fmt;

    use super::{Upload, UploadSource, Uploads};
    use crate::Result;
    use crate::operation::sealed::Seal;

    /// The hidden half of [`Uploads`].
    pub trait Job {
        /// The provider's client, which the upload is sent with.
        type Client: 'static;
        /// What the provider's upload holds besides the client and the steering: its request
        /// and its own settings. A type users cannot name.
        type Job: fmt::Debug;
        /// Runs `upload` from `source`.
        fn run(upload: Upload<'_, Self>, source: UploadSource<'_>, _: Seal) -> Result<Self::Uploaded>
        where
            Self: Uploads;
    }
}

/// A provider whose images are uploaded from a local source by an [`Upload`]: Linode
/// ([`linode::Upload`](crate::linode::Upload)) and DigitalOcean
/// ([`digitalocean::Publish`](crate::digitalocean::Publish)). Each says what its upload does
/// with the data; sealed, as [`Provider`] is.
///
/// ```
/// use cloud_images::{Result, Upload, Uploads};
///
/// // Either provider's upload of a file, reporting as it goes.
/// fn upload_file<P: Uploads>(upload: Upload<'_, P>, path: &str) -> Result<P::Uploaded> {
///     upload.progress(|p| eprint!("\r{} of {} bytes", p.done, p.total)).file(path)
/// }
/// # let _ = upload_file::<cloud_images::linode::Linode>;
/// # let _ = upload_file::<cloud_images::digitalocean::DigitalOcean>;
/// ```
pub trait Uploads: Provider + sealed::Job {
    /// What a finished upload returns: Linode's image as created (`pending_upload`),
    /// DigitalOcean's [`Published`](crate::digitalocean::Published) image.
    type Uploaded;
}

/// An upload from a local source: set how it reports ([`progress`](Upload::progress)) and is
/// cancelled ([`cancel_handle`](Upload::cancel_handle), [`cancel_with`](Upload::cancel_with)),
/// then end it with the source: [`file`](Upload::file) or [`source`](Upload::source). One
/// builder for both providers: [`linode::Upload`](crate::linode::Upload) (from
/// `client.images().upload(..)`: create the image, compress a raw one, send the data) and
/// [`digitalocean::Publish`](crate::digitalocean::Publish) (from
/// `client.images().publish(..)`: stage the file in a Spaces bucket, import it, wait). Each
/// says, step by step, what its upload does, how it cleans up after a failure or a cancel, and
/// which settings only it has.
///
/// ```no_run
/// use cloud_images::linode::{Client, CreateUpload};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let image = client
///     .images()
///     .upload(CreateUpload::new("my-image", "us-east"))
///     .progress(|p| eprint!("\r{:?}: {} of {} bytes", p.phase, p.done, p.total))
///     .file("disk.img")?;
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct Upload<'a, P: Uploads> {
    pub(crate) client: &'a P::Client,
    pub(crate) job: P::Job,
    pub(crate) steering: Steering<'a>,
}

impl<P: Uploads> fmt::Debug for Upload<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("provider", &P::NAME)
            .field("job", &self.job)
            .field("progress", &self.steering.reports)
            .field("cancelled", &self.steering.cancel.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl<'a, P: Uploads> Upload<'a, P> {
    /// The upload `job` with `client`: quiet, with a cancel handle of its own.
    pub(crate) fn new(client: &'a P::Client, job: P::Job) -> Self {
        Upload { client, job, steering: Steering::new() }
    }

    crate::setters::setters! {
        /// Calls `callback` as the upload moves (see [`UploadProgress`]: Linode reports
        /// compressing a raw image, then sending; DigitalOcean sending). Without one, nothing
        /// is reported. The callback returns `()`, or a [`ControlFlow<()>`](std::ops::ControlFlow)
        /// ([`ProgressControl`]): `Break(())` cancels the upload, as a [`CancelUpload`] does.
        ///
        /// ```
        /// use std::ops::ControlFlow;
        /// use cloud_images::digitalocean::{self, PublishImage, Spaces};
        /// use cloud_images::linode::{self, CreateUpload};
        ///
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = linode::Client::builder().token("my-token").build()?;
        /// let upload = client
        ///     .images()
        ///     .upload(CreateUpload::new("my-image", "us-east"))
        ///     .progress(|p| eprintln!("{:?}: {} of {} bytes", p.phase, p.done, p.total));
        /// // `upload.file("disk.img")` runs it, reporting as it goes.
        ///
        /// // Or stop an upload that turns out larger than 2 GB.
        /// let client = digitalocean::Client::builder().token("dop_v1_...").build()?;
        /// let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
        /// let publish = client
        ///     .images()
        ///     .publish(PublishImage::new("web", "nyc3"), &spaces)
        ///     .progress(|p| if p.total > 2_000_000_000 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) });
        /// # Ok(())
        /// # }
        /// ```
        pub fn progress<R>(self, callback: impl FnMut(UploadProgress) -> R + 'a) -> Self where R: ProgressControl => steering;
    }

    /// A handle that cancels this upload from another thread or a signal handler (see
    /// [`CancelUpload`] for when a cancel is seen); every call returns a clone of the same
    /// handle. A cancelled upload cleans up as after a failure (the provider's builder says
    /// what that deletes) and fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled).
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
        self.steering.cancel.clone()
    }

    crate::setters::setters! {
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
        pub fn cancel_with(self, handle: &CancelUpload) -> Self => steering.cancel;
    }

    /// Uploads the file at `path` ([`UploadSource::file`]): the same as
    /// [`source`](Upload::source) with that source.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{self, PublishImage, Spaces};
    /// use cloud_images::linode::{self, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = linode::Client::from_env()?;
    /// let image = client.images().upload(CreateUpload::new("my-image", "us-east")).file("disk.img.gz")?;
    /// let client = digitalocean::Client::from_env()?;
    /// let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.img.gz")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn file(self, path: impl AsRef<Path>) -> Result<P::Uploaded> {
        self.source(UploadSource::file(path.as_ref()))
    }

    /// Uploads from any [`UploadSource`]: a file, a reader of a known length, a seekable
    /// reader. What is done with it, step by step, is the provider's: see
    /// [`linode::Upload`](crate::linode::Upload) and
    /// [`digitalocean::Publish`](crate::digitalocean::Publish).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces, UploadSource};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let spaces = Spaces::from_env("my-images", "nyc3")?;
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    /// let published = publish.file_name("web.vmdk").source(UploadSource::seekable(std::fs::File::open("web.vmdk")?))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn source(self, source: UploadSource<'_>) -> Result<P::Uploaded> {
        P::run(self, source, Seal(()))
    }
}
