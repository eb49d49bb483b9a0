//! A blocking, sync-only client for the Images APIs of Linode (API v4) and DigitalOcean (API v2).
//!
//! The crate guide grows with the facade; see `README.md`.

#![forbid(unsafe_code)]
// Temporary, until the provider facades use every runtime piece.
#![allow(dead_code)]
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

// Lets the generated code name this crate as `::cloud_images` from inside it.
extern crate self as cloud_images;

mod builder;
mod encode;
mod error;
mod operation;
mod pager;
mod retry;
mod secret;
mod transport;
mod wait;

pub mod digitalocean;
pub mod linode;

pub use builder::{ClientBuilder, Provider};
pub use error::{ApiError, Error, ErrorBody, ErrorKind, Result};
pub use operation::{Method, Operation};
pub use pager::Items;
pub use retry::RetryPolicy;
pub use transport::RateLimit;
