//! Uploading disk images to Linode: the request (`request.rs`) and its pre-signed URL
//! (`upload_url.rs`); Linode's limits and the checks of a source before anything is sent
//! (`checks.rs`); gzip compression of a raw image (`compress.rs`); the upload itself, create then
//! send (`builder.rs`), and the clean-up after a failure (`clean_up.rs`). What every upload shares
//! (sources, progress, cancel, the streamed `PUT`, the temporary file) is in `crate::upload`.

mod builder;
mod checks;
mod clean_up;
mod compress;
mod request;
mod upload_url;

pub use crate::upload::{CancelUpload, ProgressControl, UploadPhase, UploadProgress, UploadSource};
pub use builder::Upload;
pub(crate) use builder::upload_to;
pub use checks::{MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE};
pub use request::CreateUpload;
pub use upload_url::UploadUrl;
