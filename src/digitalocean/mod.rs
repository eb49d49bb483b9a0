//! The DigitalOcean Images API (v2): list, get by id or slug, import a custom image, update,
//! delete, and image actions (transfer, convert).
//!
//! ```no_run
//! use cloud_images::digitalocean::Client;
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?; // DIGITALOCEAN_ACCESS_TOKEN, else DIGITALOCEAN_TOKEN
//! let image = client.images().get("ubuntu-24-04-x64")?;
//! println!("{:?} {:?}", image.id, image.name);
//! # Ok(())
//! # }
//! ```

mod client;
mod generated;

pub use client::Client;
pub use generated::{ops, types};

/// The DigitalOcean provider, for [`ClientBuilder<DigitalOcean>`](crate::ClientBuilder).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DigitalOcean;

/// The builder of a DigitalOcean [`Client`].
pub type ClientBuilder = crate::ClientBuilder<DigitalOcean>;
