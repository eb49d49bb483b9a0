//! Uploading disk images to Linode: the request (`request.rs`) and its pre-signed URL
//! ([`UploadUrl`]); Linode's limits and the checks of a source before anything is sent
//! (`checks.rs`); gzip compression of a raw image (`compress.rs`); the upload itself, create then
//! send (`builder.rs`), and the clean-up after a failure (`clean_up.rs`). What every upload shares
//! (sources, progress, cancel, the streamed `PUT`, the temporary file) is in `crate::upload`.

mod builder;
mod checks;
mod clean_up;
pub(super) use clean_up::clean_up;
mod compress;
mod request;

pub use crate::upload::{CancelUpload, ProgressControl, UploadPhase, UploadProgress, UploadSource};
pub use builder::Upload;
pub(crate) use builder::upload_to;
pub use checks::{MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE};
pub use request::CreateUpload;

/// The pre-signed `upload_to` URL an image's data is sent to: in the answer to
/// [`Images::create_upload`](super::Images::create_upload), and what
/// [`Images::upload_to`](super::Images::upload_to) takes (as does any `&str` or `String`).
/// A [`SignedUrl`](crate::SignedUrl): its `Debug` and `Display` never show the signature.
///
/// ```
/// use cloud_images::linode::UploadUrl;
///
/// let url = UploadUrl::from("https://us-east-1.linodeobjects.com/b/private/1?X-Amz-Signature=5ecr3t");
/// assert_eq!(url.to_string(), "https://us-east-1.linodeobjects.com/b/private/1?** redacted **");
/// assert!(url.expose().ends_with("X-Amz-Signature=5ecr3t"));
/// ```
pub type UploadUrl = crate::SignedUrl;
