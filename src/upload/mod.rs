//! What every upload to object storage shares, whichever provider it is for: its builder
//! (`builder.rs`), where the data comes from (`source.rs`), how it reports and is cancelled
//! (`progress.rs`), the exact-length reader it is read through (`exact.rs`), the streamed `PUT`
//! with its retries (`put.rs`) and the temporary file a provider may compress into (`temp.rs`).
//! The builder is public at the crate's root; the other public types are re-exported by each
//! provider's module (`linode::UploadSource`, `digitalocean::UploadSource`, ...).

mod builder;
mod exact;
mod progress;
mod put;
mod source;
mod temp;

pub(crate) use builder::sealed;
pub use builder::{Upload, Uploads};
pub(crate) use exact::{Exact, io_error};
pub use progress::{CancelUpload, ProgressControl, UploadPhase, UploadProgress};
pub(crate) use progress::{Control, Steering};
pub(crate) use put::{Prepared, put};
pub use source::UploadSource;
pub(crate) use source::{Body, Opened};
pub(crate) use temp::TempFile;
#[cfg(test)]
pub(crate) use temp::{TEMP_FILES, leftovers};
