//! What kind of failure an [`Error`](super::Error) is.

/// What kind of failure an [`Error`](crate::Error) is.
///
/// ```
/// use cloud_images::{ErrorKind, linode::Client};
///
/// let error = Client::builder().base_url("ftp://example.com").build().unwrap_err();
/// match error.kind() {
///     ErrorKind::InvalidInput => println!("fix the settings: {error}"),
///     other => println!("{other:?}: {error}"), // the enum is non-exhaustive
/// }
/// assert_eq!(error.kind(), ErrorKind::InvalidInput);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The API answered with a 4xx or 5xx status; [`Error::api`](crate::Error::api) has the details.
    Api,
    /// The API is down for maintenance (a 503 with `X-Maintenance-Mode`): not retried.
    Maintenance,
    /// A 2xx response whose body does not match the expected shape.
    Decode,
    /// The connection failed or was cut (DNS, refused, reset, truncated body).
    Transport,
    /// A time limit ran out: connecting, an API call, an upload stall, or a wait.
    Timeout,
    /// The caller's input was refused before any request was sent.
    InvalidInput,
    /// A response body was larger than the configured cap.
    ResponseTooLarge,
    /// Reading or writing a local file or stream failed.
    Io,
    /// Object storage refused the upload (the `PUT` to `upload_to`).
    Upload,
    /// A waited-for image or action failed, or disappeared.
    WaitFailed,
    /// The caller stopped a wait from its [`on_poll`](crate::Wait::on_poll) callback.
    Stopped,
    /// TLS failed: the server's certificate is not trusted, has expired or is for another
    /// name, or the handshake failed. Not retried (see
    /// [`ClientBuilder::add_root_certificate_pem`](crate::ClientBuilder::add_root_certificate_pem)).
    Tls,
    /// The caller cancelled an upload (or a DigitalOcean [`publish`](crate::digitalocean::Images::publish)):
    /// its [`progress`](crate::linode::Upload::progress) callback returned `ControlFlow::Break(())`, or a
    /// [`CancelUpload`](crate::linode::CancelUpload) handle was used. The image it had created, if any, was
    /// deleted again ([`Error::created_image`](crate::Error::created_image),
    /// [`Error::created_image_deleted`](crate::Error::created_image_deleted)), and so was a publish's staging
    /// object ([`Error::staging_object`](crate::Error::staging_object)).
    ///
    /// ```no_run
    /// use std::ops::ControlFlow;
    /// use cloud_images::{ErrorKind, linode::{Client, CreateUpload}};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let upload = client.images().upload(CreateUpload::new("my-image", "us-east"));
    /// // Give up when the image is larger than expected.
    /// let upload = upload.progress(|p| if p.total > 4_000_000_000 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) });
    /// match upload.file("disk.img") {
    ///     Err(e) if e.kind() == ErrorKind::Cancelled => eprintln!("stopped: {e}"),
    ///     other => println!("uploaded {}", other?.id),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    Cancelled,
    /// The call cannot be done, and nothing was sent: this build of the crate lacks a cargo
    /// feature it needs (the message names it: for instance `spaces`, for
    /// [`Images::publish`](crate::digitalocean::Images::publish)), or the provider cannot do what
    /// a neutral [`Cloud`](crate::Cloud) call asks (the message names the provider and the call:
    /// DigitalOcean's Images API cannot update tags).
    ///
    /// ```
    /// use cloud_images::ErrorKind;
    /// use cloud_images::digitalocean::{Client, PublishImage, Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let spaces = Spaces::builder("my-bucket", "nyc3").keys("DO00EXAMPLE", "secret").build()?;
    /// let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.qcow2");
    /// if let Err(e) = published
    ///     && e.kind() == ErrorKind::Unsupported
    /// {
    ///     eprintln!("rebuild with the feature: {e}"); // `cloud-images` built without `spaces`
    /// }
    /// # Ok(())
    /// # }
    /// ```
    Unsupported,
}
