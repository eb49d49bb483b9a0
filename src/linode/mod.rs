//! The Linode Images API (v4): list, get, create from a disk, upload, update, delete, replicate;
//! and image share groups (beta, always sent to `v4beta`: see [`Client::sharegroups`]).
//!
//! ```no_run
//! use cloud_images::linode::Client;
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let public = Client::anonymous()?; // no token: public images only
//! let image = public.images().get("linode/debian12")?;
//! println!("{:?} ({:?} MB)", image.label, image.size);
//! let client = Client::from_env()?; // LINODE_TOKEN, else LINODE_CLI_TOKEN; an error without one
//! let mine = client.images().get("private/12345")?;
//! # Ok(())
//! # }
//! ```

mod client;
mod cloud;
mod filter;
// The generated code: no docs of its own, and lints written for hand-written code.
#[allow(missing_docs, irrefutable_let_patterns, clippy::all, clippy::pedantic)]
mod generated;
mod ids;
mod images;
mod is_shared;
mod list;
mod provider;
mod sharegroups;
mod update;
mod upload;

pub use client::Client;
pub use filter::{Filter, Order};
pub use generated::{ops, types};
pub use ids::{ImageId, MembershipToken, ShareGroupId, TokenUuid};
pub use images::{CreateImage, Images, ListImages, UpdateImage};
pub use is_shared::IsShared;
pub use sharegroups::{
    CreateShareGroup, CreateToken, GroupImages, Members, ShareGroups, ShareImage, Tokens, UpdateImageShare,
    UpdateShareGroup,
};
pub use types::ApiVersion;
pub use update::{Change, Update};
pub use upload::{
    CancelUpload, CreateUpload, MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE, ProgressControl, Upload,
    UploadPhase, UploadProgress, UploadSource, UploadUrl,
};

/// The Linode provider, for [`ClientBuilder<Linode>`](crate::ClientBuilder).
///
/// ```
/// use cloud_images::{ClientBuilder, Provider, linode::Linode};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = ClientBuilder::<Linode>::default().build()?; // as linode::Client::builder()
/// assert_eq!(Linode::TOKEN_VARS, ["LINODE_TOKEN", "LINODE_CLI_TOKEN"]);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Linode;

/// The builder of a Linode [`Client`].
///
/// ```
/// use cloud_images::linode::{Client, ClientBuilder};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// fn my_settings(builder: ClientBuilder) -> ClientBuilder {
///     builder.user_agent("my-tool/1.2").no_retries()
/// }
/// let client = my_settings(Client::builder().token_from_env()).build()?;
/// # Ok(())
/// # }
/// ```
pub type ClientBuilder = crate::ClientBuilder<Linode>;
