//! How an upload reports and is stopped: its phases and progress, what a progress callback
//! returns, the handle that cancels it, and what steers it as it runs.

use std::fmt;
use std::ops::ControlFlow;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::ErrorKind;
use crate::{Error, Result};

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

/// How far an upload is, as given to the callback of [`Upload::progress`](crate::linode::Upload::progress).
///
/// Each phase is reported once at `done == 0`, then after every chunk read (64 KiB or less while compressing;
/// while sending, what the connection's buffer takes, up to 4 MiB), ending at `done == total`. The callback
/// may cancel the upload: see [`Upload::progress`](crate::linode::Upload::progress).
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

/// What a [`progress`](crate::linode::Upload::progress) callback returns: `()` to go on (the callback only
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

/// Cancels an [`Upload`](crate::linode::Upload) from anywhere: another thread, a Ctrl-C handler. `Clone`,
/// `Send` and `Sync`; every clone cancels the same uploads. Get one from
/// [`Upload::cancel_handle`](crate::linode::Upload::cancel_handle), or make one with
/// [`new`](CancelUpload::new) and give it to as many uploads as you like with
/// [`Upload::cancel_with`](crate::linode::Upload::cancel_with) (a Ctrl-C handler can be set only once per
/// process).
///
/// An upload looks at it before each step (creating the image, compressing, sending), and
/// before and after each chunk it reads while compressing (64 KiB) and while sending (a read of
/// the data into the connection's buffer, at most 4 MiB); the bytes of a chunk read when the
/// handle was used are not passed on. A cancel during the sleep between two tries of a `PUT`
/// ends that sleep within 50 ms, and no other try is sent. A cancel that comes after all the
/// data was sent is too late: the upload returns the image.
///
/// A cancelled upload fails with [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled): it removes its
/// temporary file, deletes the image it had created (see
/// [`Upload::keep_on_failure`](crate::linode::Upload::keep_on_failure)), and sends nothing more when the
/// image was not created yet.
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

/// A progress callback, whatever it returned, as [`ControlFlow`].
pub(crate) type Callback<'a> = dyn FnMut(UploadProgress) -> ControlFlow<()> + 'a;

/// What steers an upload as it runs: the progress callback (which may cancel it) and the
/// cancel handle.
pub(crate) struct Control<'c> {
    pub(crate) progress: &'c mut dyn FnMut(UploadProgress) -> ControlFlow<()>,
    pub(crate) cancel: &'c CancelUpload,
}

impl Control<'_> {
    /// An [`ErrorKind::Cancelled`] error when the handle was used; `when` says at which step.
    pub(crate) fn check_cancel(&self, when: impl fmt::Display) -> Result<()> {
        if self.cancel.is_cancelled() {
            return Err(Error::new(ErrorKind::Cancelled, format!("the upload was cancelled {when}")));
        }
        Ok(())
    }

    /// Reports `p`: an [`ErrorKind::Cancelled`] error when the callback cancels.
    pub(crate) fn report(&mut self, p: UploadProgress) -> Result<()> {
        if (self.progress)(p).is_break() {
            let message = format!("the upload was cancelled by its progress callback {}", At(p));
            return Err(Error::new(ErrorKind::Cancelled, message));
        }
        Ok(())
    }
}

/// Where an upload was, for a message: `while sending (65536 of 1048576 bytes)`.
pub(crate) struct At(pub(crate) UploadProgress);

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = match self.0.phase {
            UploadPhase::Compressing => "compressing",
            UploadPhase::Uploading => "sending",
        };
        write!(f, "while {verb} ({} of {} bytes)", self.0.done, self.0.total)
    }
}

/// What the builder of an upload keeps to steer it: the progress callback (a quiet one until one
/// is given) and the cancel handle.
pub(crate) struct Steering<'a> {
    pub(crate) progress: Box<Callback<'a>>,
    /// Whether a callback was given.
    pub(crate) reports: bool,
    pub(crate) cancel: CancelUpload,
}

impl<'a> Steering<'a> {
    pub(crate) fn new() -> Self {
        Steering {
            progress: Box::new(|_| ControlFlow::Continue(())),
            reports: false,
            cancel: CancelUpload::new(),
        }
    }

    /// Reports to `callback`, whatever it returns ([`ProgressControl`]).
    pub(crate) fn set_progress<R: ProgressControl>(
        &mut self,
        mut callback: impl FnMut(UploadProgress) -> R + 'a,
    ) {
        self.progress = Box::new(move |p| callback(p).into_control_flow());
        self.reports = true;
    }

    /// The callback and the handle, as the upload runs.
    pub(crate) fn control(&mut self) -> Control<'_> {
        Control { progress: &mut *self.progress, cancel: &self.cancel }
    }
}

/// A builder's `progress` setter: reports to the callback, whatever it returns.
impl<'a, F, R> crate::setters::Set<F> for Steering<'a>
where
    F: FnMut(UploadProgress) -> R + 'a,
    R: ProgressControl,
{
    fn set(&mut self, callback: F) {
        self.set_progress(callback);
    }
}

/// A builder's `cancel_with` setter: a clone of the caller's handle.
impl crate::setters::Set<&CancelUpload> for CancelUpload {
    fn set(&mut self, handle: &CancelUpload) {
        *self = handle.clone();
    }
}

/// A request's `cancel_with` setter ([`PublishFile`](crate::PublishFile)): a clone of the
/// caller's handle.
impl crate::setters::Set<&CancelUpload> for Option<CancelUpload> {
    fn set(&mut self, handle: &CancelUpload) {
        *self = Some(handle.clone());
    }
}

/// Two handles are equal when they are clones of one another: they cancel the same uploads.
///
/// ```
/// use cloud_images::linode::CancelUpload;
///
/// let cancel = CancelUpload::new();
/// assert_eq!(cancel, cancel.clone());
/// assert_ne!(cancel, CancelUpload::new());
/// ```
impl PartialEq for CancelUpload {
    fn eq(&self, other: &CancelUpload) -> bool {
        Arc::ptr_eq(&self.cancelled, &other.cancelled)
    }
}

impl Eq for CancelUpload {}
