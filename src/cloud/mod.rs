//! One view of both clouds: [`Cloud`], the calls a program that manages images on Linode and on
//! DigitalOcean makes the same way on both, and [`CloudImage`], an image of either in the same
//! words. Built on the one listing ([`Items`]) and the one wait ([`Wait`]) of the crate: a
//! neutral call sends what the provider's own call sends.
//!
//! Each provider's side is in its folder (`src/linode/cloud.rs`, `src/digitalocean/cloud.rs`);
//! the stand-ins hand out a `Box<dyn Cloud>` too (feature `testing`).

mod env;
mod image;
mod request;
pub(crate) mod units;

use std::fmt;
use std::path::Path;

pub use env::{Clouds, clouds_from_env};
pub(crate) use image::by_table;
pub use image::{CloudImage, CloudKind, CloudProvider, CloudRegion, CloudStatus, ProviderImage, Visibility};
pub use request::{ImageChanges, PublishFile};

use crate::error::ErrorKind;
use crate::{Error, Items, Result, Wait};

pub(crate) mod sealed {
    /// Only this crate's clients are clouds: a method can be added to [`Cloud`](super::Cloud)
    /// without breaking anyone.
    pub trait Sealed {}
}

/// The image calls both providers answer, the same way: implemented by
/// [`linode::Client`](crate::linode::Client), [`digitalocean::Client`](crate::digitalocean::Client)
/// and [`digitalocean::CloudWithSpaces`](crate::digitalocean::CloudWithSpaces) (a client that can
/// also publish a local file), and used as a trait object: `Vec<Box<dyn Cloud>>` holds every
/// configured cloud ([`clouds_from_env`]); it is `Send + Sync`. Sealed: only this crate's
/// clients implement it, so it can grow.
///
/// Each call sends what the provider's own call sends, with the same retries, timeouts and
/// errors; ids are the provider's (`private/123` on Linode, `7555620` on DigitalOcean, as in
/// [`CloudImage::id`]). What a provider cannot do is an [`ErrorKind::Unsupported`] error naming
/// the provider and the call, with nothing sent, never a silent no-op:
///
/// | call | Linode | DigitalOcean |
/// |---|---|---|
/// | [`own_images`](Cloud::own_images) | `GET /v4/images`, `X-Filter` `is_public` false and `type` not `shared` | `GET /v2/images?private=true` |
/// | [`public_images`](Cloud::public_images) | `GET /v4/images`, `X-Filter` `is_public` true | `GET /v2/images?type=distribution`, then `?type=application` |
/// | [`get`](Cloud::get) | `GET /v4/images/{id}` | `GET /v2/images/{id or slug}` |
/// | [`update`](Cloud::update) | `PUT /v4/images/{id}` (label, description, tags) | `PUT /v2/images/{id}` (name, description); tags: `Unsupported` |
/// | [`delete`](Cloud::delete) | `DELETE /v4/images/{id}` | `DELETE /v2/images/{id}` |
/// | [`wait_until_available`](Cloud::wait_until_available) | `images().wait_until_available` | `images().wait_until_available` |
/// | [`add_regions`](Cloud::add_regions) | `images().add_regions`, then `wait_until_replicated` | one `transfer` action per new region, each waited for |
/// | [`publish`](Cloud::publish) | `images().upload`, then `wait_until_available` | `images().publish` through Spaces (feature `spaces`, and a [`CloudWithSpaces`](crate::digitalocean::CloudWithSpaces)) |
///
/// ```no_run
/// use cloud_images::{Cloud, ImageChanges};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// // Every cloud whose token is set: LINODE_TOKEN, DIGITALOCEAN_ACCESS_TOKEN, ...
/// let clouds = cloud_images::clouds_from_env()?;
/// for cloud in &clouds.clouds {
///     for image in cloud.own_images() {
///         let image = image?;
///         println!("{} {} {:?} {:?}", cloud.provider(), image.id, image.name, image.status);
///     }
/// }
/// # Ok(())
/// # }
/// ```
///
/// A test of such code runs against both stand-ins (feature `testing`):
///
/// ```
/// use cloud_images::Cloud;
/// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
///
/// fn count_own(cloud: &dyn Cloud) -> Result<usize, cloud_images::Error> {
///     cloud.own_images().try_fold(0, |n, image| image.map(|_| n + 1))
/// }
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let (linode, digitalocean) = (LinodeStandIn::start()?, DigitalOceanStandIn::start()?);
/// let clouds = vec![linode.cloud()?, digitalocean.cloud()?];
/// let counts = clouds.iter().map(|c| count_own(c.as_ref())).collect::<Result<Vec<_>, _>>()?;
/// assert_eq!(counts, [1, 2]); // the seeded accounts' own images
/// # Ok(())
/// # }
/// ```
///
/// Sealed: a type of yours cannot be a `Cloud` (test against the stand-ins instead).
///
/// ```compile_fail
/// #[derive(Debug)]
/// struct MyCloud;
/// impl cloud_images::Cloud for MyCloud {
///     fn provider(&self) -> cloud_images::CloudProvider {
///         cloud_images::CloudProvider::Linode
///     }
///     # fn own_images(&self) -> cloud_images::Items<cloud_images::CloudImage> { unimplemented!() }
///     # fn public_images(&self) -> cloud_images::Items<cloud_images::CloudImage> { unimplemented!() }
///     # fn get(&self, id: &str) -> cloud_images::Result<cloud_images::CloudImage> { unimplemented!() }
///     # fn update(&self, id: &str, c: &cloud_images::ImageChanges) -> cloud_images::Result<cloud_images::CloudImage> { unimplemented!() }
///     # fn delete(&self, id: &str) -> cloud_images::Result<()> { unimplemented!() }
///     # fn wait_until_available(&self, id: &str) -> cloud_images::Wait<'_, cloud_images::CloudImage> { unimplemented!() }
///     # fn add_regions(&self, id: &str, r: &[&str]) -> cloud_images::Result<cloud_images::Wait<'_, cloud_images::CloudImage>> { unimplemented!() }
///     # fn publish(&self, i: &cloud_images::PublishFile, f: &std::path::Path) -> cloud_images::Result<cloud_images::CloudImage> { unimplemented!() }
/// }
/// ```
pub trait Cloud: Send + Sync + fmt::Debug + sealed::Sealed {
    /// Which provider this is.
    ///
    /// ```
    /// use cloud_images::{Cloud, CloudProvider};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn Cloud> = Box::new(cloud_images::linode::Client::builder().build()?);
    /// assert_eq!(cloud.provider(), CloudProvider::Linode);
    /// # Ok(())
    /// # }
    /// ```
    fn provider(&self) -> CloudProvider;

    /// The account's own images, lazily: one request per page, only as the iterator needs it,
    /// as the provider's [`List::iter`](crate::List::iter) (the largest pages the API takes).
    /// Linode: private images that are not shared with the account by another
    /// (`is_public: false`, `type` not `shared`); DigitalOcean: `private=true` (snapshots,
    /// backups, custom images).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::digitalocean::Client::from_env()?);
    /// for image in cloud.own_images() {
    ///     let image = image?;
    ///     println!("{} {:?} {:?} bytes", image.id, image.name, image.size_bytes);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn own_images(&self) -> Items<CloudImage>;

    /// The provider's public images, lazily, as [`own_images`](Cloud::own_images). Linode:
    /// `is_public: true`; DigitalOcean: the distribution images, then the 1-Click application
    /// images (two listings, one after the other: [`Items::total`] is the first one's).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::linode::Client::anonymous()?);
    /// let debian: Vec<_> = cloud
    ///     .public_images()
    ///     .filter_map(Result::ok)
    ///     .filter(|i| i.distribution.as_deref() == Some("Debian"))
    ///     .collect();
    /// # Ok(())
    /// # }
    /// ```
    fn public_images(&self) -> Items<CloudImage>;

    /// One image by id (DigitalOcean: or a public image's slug).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::linode::Client::from_env()?);
    /// let image = cloud.get("private/12345")?;
    /// println!("{:?} is {:?}", image.name, image.status);
    /// # Ok(())
    /// # }
    /// ```
    fn get(&self, id: &str) -> Result<CloudImage>;

    /// Changes the name, description or tags; what is not set stays. Returns the image as the
    /// provider answers. An update with nothing set, or an empty name, is an
    /// [`ErrorKind::InvalidInput`] error; tags on DigitalOcean an [`ErrorKind::Unsupported`]
    /// one (its Tags API sets them); nothing is sent then.
    ///
    /// ```no_run
    /// use cloud_images::ImageChanges;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::linode::Client::from_env()?);
    /// let image = cloud.update("private/12345", &ImageChanges::new().name("web-2025-06").tags(["web"]))?;
    /// # Ok(())
    /// # }
    /// ```
    fn update(&self, id: &str, changes: &ImageChanges) -> Result<CloudImage>;

    /// Deletes an image. A `DELETE` whose answer was lost (the connection dropped, the time ran
    /// out, a gateway answered 502 or 504), retried, that then finds the image gone (404) was
    /// done by the first attempt: `Ok` (see the crate guide, "Errors and retries"). A 404 at the
    /// first attempt is a not-found error.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::digitalocean::Client::from_env()?);
    /// cloud.delete("7555620")?;
    /// # Ok(())
    /// # }
    /// ```
    fn delete(&self, id: &str) -> Result<()>;

    /// Waits until the image is available: the provider's own wait (see [`Wait`]: the same
    /// timeout, interval, `on_poll` and errors), its image in the neutral view. A DigitalOcean
    /// import that failed is an [`ErrorKind::WaitFailed`] error with the provider's reason.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::linode::Client::from_env()?);
    /// let image = cloud.wait_until_available("private/12345").timeout(Duration::from_secs(600)).send()?;
    /// # Ok(())
    /// # }
    /// ```
    fn wait_until_available(&self, id: &str) -> Wait<'_, CloudImage>;

    /// Puts the image into more regions, keeping those it is in, and returns the wait for the
    /// copies: the requests that start them are sent now; [`send`](Wait::send) waits until the
    /// image is in every one of `regions` (Linode: each copy `available`; DigitalOcean: each
    /// transfer `completed`), within the wait's timeout, and returns the image then.
    ///
    /// - Linode: [`images().add_regions`](crate::linode::Images::add_regions) (a read, then the
    ///   complete region list), then
    ///   [`wait_until_replicated`](crate::linode::Images::wait_until_replicated).
    /// - DigitalOcean: reads the image, then starts one `transfer` action per region it is not
    ///   in yet; the wait follows every action (an `errored` one is an
    ///   [`ErrorKind::WaitFailed`] error naming its region), then reads the image.
    ///
    /// Regions the image is in already start nothing. No region, or an empty one, is an
    /// [`ErrorKind::InvalidInput`] error, with nothing sent.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let cloud: Box<dyn cloud_images::Cloud> = Box::new(cloud_images::digitalocean::Client::from_env()?);
    /// let image = cloud.add_regions("7555620", &["sfo3", "ams3"])?.timeout(Duration::from_secs(3600)).send()?;
    /// println!("now in {} regions", image.regions.len());
    /// # Ok(())
    /// # }
    /// ```
    fn add_regions(&self, id: &str, regions: &[&str]) -> Result<Wait<'_, CloudImage>>;

    /// Makes an image of the local file at `file` and waits until it is available (within
    /// [`PublishFile::timeout`]); returns it. Memory stays flat whatever the file's size.
    ///
    /// - Linode: an [upload](crate::linode::Images::upload) (a raw disk image is compressed on
    ///   the way; a `.gz` one is sent as is), then
    ///   [`wait_until_available`](crate::linode::Images::wait_until_available).
    /// - DigitalOcean imports only from a URL: the file goes into a Spaces bucket, is imported
    ///   from a pre-signed URL, waited for, and its staging object deleted, also on failure
    ///   ([`digitalocean::Images::publish`](crate::digitalocean::Images::publish); the file name
    ///   must end in a format DigitalOcean takes, `.img`, `.qcow2`, ...). That needs the cargo
    ///   feature `spaces` (else an [`ErrorKind::Unsupported`] error) and a bucket: a
    ///   [`CloudWithSpaces`](crate::digitalocean::CloudWithSpaces), from
    ///   [`digitalocean::Client::with_spaces`](crate::digitalocean::Client::with_spaces) or
    ///   [`clouds_from_env`] (`SPACES_BUCKET`, ...); a plain `digitalocean::Client` answers an
    ///   [`ErrorKind::InvalidInput`] error naming what to set. Nothing is sent then. A staging
    ///   object that could not be deleted after a success is logged (a warning, target
    ///   `cloud_images`); `digitalocean::Images::publish` returns it.
    ///
    /// A publish can be cancelled from another thread ([`PublishFile::cancel_with`]): it then
    /// deletes what it made and fails with [`ErrorKind::Cancelled`].
    ///
    /// ```no_run
    /// use cloud_images::{CloudProvider, PublishFile};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// for cloud in cloud_images::clouds_from_env()? {
    ///     let region = match cloud.provider() {
    ///         CloudProvider::Linode => "us-east",
    ///         _ => "nyc3",
    ///     };
    ///     let image = cloud.publish(&PublishFile::new("web-2025-06", region), "web.img".as_ref())?;
    ///     println!("{}: {} is {:?}", cloud.provider(), image.id, image.status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    fn publish(&self, image: &PublishFile, file: &Path) -> Result<CloudImage>;
}

/// What a provider cannot do: an [`ErrorKind::Unsupported`] error naming it and the call.
pub(crate) fn unsupported(provider: CloudProvider, call: &str, why: &str) -> Error {
    Error::new(ErrorKind::Unsupported, format!("{provider} cannot {call}: {why}; nothing was sent"))
}

/// The region list of [`Cloud::add_regions`], checked: at least one, none empty.
pub(crate) fn region_list(provider: CloudProvider, id: &str, regions: &[&str]) -> Result<Vec<String>> {
    if regions.is_empty() {
        return Err(Error::invalid_input(format!("no region given to add {provider} image {id} to")));
    }
    if regions.iter().any(|r| r.trim().is_empty()) {
        return Err(Error::invalid_input(format!("{provider} image {id}: a region id is empty")));
    }
    Ok(regions.iter().map(|r| r.trim().to_string()).collect())
}
