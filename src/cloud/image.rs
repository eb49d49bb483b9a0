//! The neutral view of an image: [`CloudImage`], the same fields for every provider, and the
//! provider's own model beside them.

use std::fmt;
use std::time::{Duration, SystemTime};

use crate::{digitalocean, linode};

/// Which provider a [`Cloud`](super::Cloud) or a [`CloudImage`] belongs to.
///
/// ```
/// use cloud_images::CloudProvider;
///
/// assert_eq!(CloudProvider::Linode.as_str(), "linode");
/// assert_eq!(CloudProvider::DigitalOcean.to_string(), "digitalocean");
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CloudProvider {
    /// Linode (Akamai), API v4.
    Linode,
    /// DigitalOcean, API v2.
    DigitalOcean,
}

impl CloudProvider {
    /// The provider's name as this crate writes it in messages: `linode`, `digitalocean` (the
    /// same as [`Provider::NAME`](crate::Provider::NAME)).
    ///
    /// ```
    /// assert_eq!(cloud_images::CloudProvider::DigitalOcean.as_str(), "digitalocean");
    /// ```
    pub fn as_str(self) -> &'static str {
        use crate::Provider;
        match self {
            CloudProvider::Linode => linode::Linode::NAME,
            CloudProvider::DigitalOcean => digitalocean::DigitalOcean::NAME,
        }
    }
}

impl fmt::Display for CloudProvider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where an image is in its life, in the same words for every provider. The provider's own word
/// is in [`CloudImage::model`]; how each of its words maps is in the README ("One view of both
/// clouds") and below.
///
/// | Linode `status` | DigitalOcean `status` | neutral |
/// |---|---|---|
/// | `creating`, `pending_upload` | `NEW`, `pending` | [`Pending`](CloudStatus::Pending) |
/// | `available` | `available` | [`Available`](CloudStatus::Available) |
/// | | `deleted` with an `error_message` (a failed import) | [`Failed`](CloudStatus::Failed) (the message) |
/// | | `deleted` without one | [`Deleted`](CloudStatus::Deleted) |
/// | | `retired` | [`Other`](CloudStatus::Other)`("retired")` |
/// | anything else | anything else | [`Other`](CloudStatus::Other) (the word as sent) |
///
/// A Linode image's regions each have a status too ([`CloudRegion::status`]): `available` is
/// `Available`; `creating`, `pending`, `pending replication` and `replicating` are `Pending`;
/// `pending deletion` is `Deleted` (the copy is going); `timedout` is `Failed("timedout")`;
/// anything else is `Other`. Words are compared ignoring case.
///
/// ```
/// use cloud_images::CloudStatus;
///
/// # fn main() -> Result<(), serde_json::Error> {
/// let image: cloud_images::digitalocean::types::Image = serde_json::from_value(serde_json::json!({
///     "id": 171002977, "status": "deleted", "error_message": "the URL answered 404",
/// }))?;
/// let neutral = cloud_images::CloudImage::from(image);
/// assert_eq!(neutral.status, Some(CloudStatus::Failed("the URL answered 404".into())));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CloudStatus {
    /// Being made: created, uploaded, imported or copied, not usable yet.
    Pending,
    /// Ready to use.
    Available,
    /// It failed and will not become available; the provider's reason.
    Failed(String),
    /// Deleted (or, for a region's copy, being deleted).
    Deleted,
    /// A word of the provider's that none of the above fits, as sent (`retired`, or a value this
    /// version of the crate does not know).
    Other(String),
}

impl CloudStatus {
    /// `pending`, `available`, `failed`, `deleted`, or the provider's own word.
    ///
    /// ```
    /// use cloud_images::CloudStatus;
    ///
    /// assert_eq!(CloudStatus::Failed("bad URL".into()).as_str(), "failed");
    /// assert_eq!(CloudStatus::Other("retired".into()).as_str(), "retired");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            CloudStatus::Pending => "pending",
            CloudStatus::Available => "available",
            CloudStatus::Failed(_) => "failed",
            CloudStatus::Deleted => "deleted",
            CloudStatus::Other(word) => word,
        }
    }
}

/// `failed: <reason>` for [`Failed`](CloudStatus::Failed); otherwise [`as_str`](CloudStatus::as_str).
impl fmt::Display for CloudStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CloudStatus::Failed(reason) => write!(f, "failed: {reason}"),
            other => f.write_str(other.as_str()),
        }
    }
}

/// How an image came to be, in the same words for every provider (the provider's `type`).
///
/// | Linode `type` | DigitalOcean `type` | neutral |
/// |---|---|---|
/// | `manual` (captured from a disk, or uploaded; Linode's public images too) | `snapshot` (DigitalOcean's distribution images too) | [`Manual`](CloudKind::Manual) |
/// | `automatic` | `backup` | [`Automatic`](CloudKind::Automatic) |
/// | | `custom` | [`Custom`](CloudKind::Custom) |
/// | | `base` | [`Base`](CloudKind::Base) |
/// | | `admin` | [`Managed`](CloudKind::Managed) |
/// | `shared` | | [`Shared`](CloudKind::Shared) |
/// | anything else | anything else | [`Other`](CloudKind::Other) (the word as sent) |
///
/// Whether an image is the provider's public one or the account's is
/// [`CloudImage::visibility`], not this.
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, CloudKind, linode::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({"id": "private/1", "type": "automatic"}))?;
/// assert_eq!(CloudImage::from(image).kind, Some(CloudKind::Automatic));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CloudKind {
    /// Made on request: a snapshot of a machine's disk, or (Linode) an upload.
    Manual,
    /// Made by the provider without being asked: Linode keeps one when a Linode is deleted;
    /// DigitalOcean's backups.
    Automatic,
    /// Imported from a file or a URL (DigitalOcean's custom images; Linode calls its uploads
    /// `manual`).
    Custom,
    /// A base image of the provider's (DigitalOcean).
    Base,
    /// An image the provider uses for its managed services, such as Kubernetes worker nodes
    /// (DigitalOcean's `admin`).
    Managed,
    /// Shared with the account by another one (Linode's share groups).
    Shared,
    /// A word of the provider's that none of the above fits, as sent.
    Other(String),
}

impl CloudKind {
    /// `manual`, `automatic`, `custom`, `base`, `managed`, `shared`, or the provider's own word.
    ///
    /// ```
    /// assert_eq!(cloud_images::CloudKind::Automatic.as_str(), "automatic");
    /// ```
    pub fn as_str(&self) -> &str {
        match self {
            CloudKind::Manual => "manual",
            CloudKind::Automatic => "automatic",
            CloudKind::Custom => "custom",
            CloudKind::Base => "base",
            CloudKind::Managed => "managed",
            CloudKind::Shared => "shared",
            CloudKind::Other(word) => word,
        }
    }
}

impl fmt::Display for CloudKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whose image it is: the provider's public one, the account's own, or one another account
/// shares with it.
///
/// - Linode: `is_public: true` is `Public`; `type: shared` (or an id `shared/…`) is `Shared`;
///   `is_public: false` is `Own`. Without `is_public`, the id says: `linode/…` is `Public`,
///   anything else `Own`.
/// - DigitalOcean: `public: true` is `Public`, `public: false` is `Own`. Without `public`, an
///   image with a `slug` (only public images have one) is `Public`, anything else `Own`.
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, Visibility, digitalocean::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({"id": 155690012, "slug": "ubuntu-24-04-x64"}))?;
/// assert_eq!(CloudImage::from(image).visibility, Visibility::Public);
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Visibility {
    /// One of the provider's public images.
    Public,
    /// The account's own image.
    Own,
    /// Another account's image, shared with this one (Linode's share groups).
    Shared,
}

impl fmt::Display for Visibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Visibility::Public => "public",
            Visibility::Own => "own",
            Visibility::Shared => "shared",
        })
    }
}

/// A region an image is in, and the state of its copy there when the provider says (Linode
/// does, per region; DigitalOcean lists region slugs only: `status` is `None`).
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, CloudStatus, linode::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({
///     "id": "private/1", "regions": [{"region": "us-ord", "status": "pending replication"}],
/// }))?;
/// let region = &CloudImage::from(image).regions[0];
/// assert_eq!((region.region.as_str(), region.status.clone()), ("us-ord", Some(CloudStatus::Pending)));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CloudRegion {
    /// The provider's region id: `us-east`, `nyc3`.
    pub region: String,
    /// The state of the copy in this region, mapped as [`CloudStatus`] says; `None` when the
    /// provider does not say.
    pub status: Option<CloudStatus>,
}

impl CloudRegion {
    pub(crate) fn new(region: impl Into<String>, status: Option<CloudStatus>) -> Self {
        CloudRegion { region: region.into(), status }
    }
}

/// The provider's full model of an image, as it was decoded: every field the neutral view
/// leaves out (Linode's `total_size`, `eol`, `capabilities`; DigitalOcean's `slug`,
/// `error_message`, ...), and the raw text of each field the view reads (a timestamp that did
/// not parse is here as sent).
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, ProviderImage, linode::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({"id": "linode/debian12", "eol": "2028-06-30T04:00:00"}))?;
/// let neutral = CloudImage::from(image);
/// if let ProviderImage::Linode(image) = &neutral.model {
///     assert_eq!(image.eol.as_deref(), Some("2028-06-30T04:00:00"));
/// }
/// assert_eq!(neutral.model.as_linode().map(|i| i.id.as_str()), Some("linode/debian12"));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub enum ProviderImage {
    /// A Linode image.
    Linode(Box<linode::types::Image>),
    /// A DigitalOcean image.
    DigitalOcean(Box<digitalocean::types::Image>),
}

impl ProviderImage {
    /// The Linode image, when it is one.
    ///
    /// ```
    /// # fn main() -> Result<(), serde_json::Error> {
    /// let image: cloud_images::digitalocean::types::Image = serde_json::from_value(serde_json::json!({"id": 1}))?;
    /// assert!(cloud_images::CloudImage::from(image).model.as_linode().is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn as_linode(&self) -> Option<&linode::types::Image> {
        match self {
            ProviderImage::Linode(image) => Some(image),
            ProviderImage::DigitalOcean(_) => None,
        }
    }

    /// The DigitalOcean image, when it is one.
    ///
    /// ```
    /// # fn main() -> Result<(), serde_json::Error> {
    /// let image: cloud_images::digitalocean::types::Image = serde_json::from_value(serde_json::json!({"id": 7555620}))?;
    /// let neutral = cloud_images::CloudImage::from(image);
    /// assert_eq!(neutral.model.as_digitalocean().map(|i| i.id), Some(7555620));
    /// # Ok(())
    /// # }
    /// ```
    pub fn as_digitalocean(&self) -> Option<&digitalocean::types::Image> {
        match self {
            ProviderImage::DigitalOcean(image) => Some(image),
            ProviderImage::Linode(_) => None,
        }
    }
}

/// An image of either provider, in the same words: what a [`Cloud`](super::Cloud) returns.
/// Made from the provider's model (`CloudImage::from(image)`, for a `linode::types::Image` or a
/// `digitalocean::types::Image`), which it keeps in [`model`](CloudImage::model).
///
/// What each field is read from:
///
/// | field | Linode | DigitalOcean |
/// |---|---|---|
/// | `id` | `id` (`private/123`) | `id` (`7555620`) |
/// | `name` | `label` | `name` |
/// | `description` | `description` | `description` |
/// | `status` | `status` | `status`, `error_message` |
/// | `size_bytes` | `size` MB × 2^20 | `size_gigabytes` × 2^30, rounded |
/// | `min_disk_bytes` | `size` MB × 2^20 | `min_disk_size` × 2^30 |
/// | `regions` | `regions` (with each copy's status) | `regions` (slugs) |
/// | `distribution` | `vendor` | `distribution` |
/// | `visibility` | `is_public`, `type`, `id` | `public`, `slug` |
/// | `kind` | `type` | `type` |
/// | `tags` | `tags` | `tags` |
/// | `created` | `created`, UTC without an offset | `created_at`, RFC 3339 |
///
/// **Units.** Linode's `size` is in MB of 2^20 bytes (MiB): its live answers give a private
/// image of `size` 3604 a `total_size` of 3,779,067,904 bytes in its one region, which is
/// 3604 × 1,048,576. Linode describes `size` as the least disk the image needs, so it is both
/// `size_bytes` and `min_disk_bytes`; `total_size` (bytes, all regions together) is in the
/// model. DigitalOcean's GB are 2^30 bytes (GiB): its disks and volumes are sized in GiB
/// (a "25 GB" Droplet disk holds 26,843,545,600 bytes); `size_gigabytes` is a fraction (2.36 is
/// 2,534,030,705 bytes, rounded to the nearest byte) and `min_disk_size` whole GB. A size the
/// provider leaves out, or that is negative, not a number or too large for a `u64`, is `None`.
///
/// **Times** are [`SystemTime`]s (the standard library's, so no time crate's type is part of
/// this crate's API, and a new major version of one is not a breaking change here), parsed with
/// [`jiff`](https://docs.rs/jiff) rather than by hand: an RFC 3339 time with an offset
/// (DigitalOcean's `2024-11-20T16:22:09Z`), or a date and time without one, read as UTC
/// (Linode's `2021-08-14T22:44:02`). jiff parses both forms strictly, is maintained, and is
/// small here: without its default features it is two crates (no time-zone database, no
/// chrono), the same ones the `spaces` feature already signs with. A time that does not parse
/// is `None`, and its text is still in the model.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use cloud_images::{CloudImage, CloudProvider, CloudStatus, Visibility};
///
/// # fn main() -> Result<(), serde_json::Error> {
/// let image: cloud_images::linode::types::Image = serde_json::from_value(serde_json::json!({
///     "id": "private/24811540", "label": "web-01", "status": "available", "size": 3604,
///     "is_public": false, "created": "2025-09-02T07:11:40", "regions": null,
/// }))?;
/// let image = CloudImage::from(image);
/// assert_eq!((image.provider, image.id.as_str()), (CloudProvider::Linode, "private/24811540"));
/// assert_eq!(image.status, Some(CloudStatus::Available));
/// assert_eq!(image.size_bytes, Some(3604 * 1024 * 1024));
/// assert_eq!(image.visibility, Visibility::Own);
/// assert_eq!(image.created, Some(UNIX_EPOCH + Duration::from_secs(1_756_797_100)));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq)]
pub struct CloudImage {
    /// The provider.
    pub provider: CloudProvider,
    /// The image's id as the provider writes it (`private/123`, `7555620`): pass it to the
    /// [`Cloud`](super::Cloud) it came from to address the image again.
    pub id: String,
    /// Its name (Linode's `label`).
    pub name: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// Where it is in its life; `None` when the provider did not say.
    pub status: Option<CloudStatus>,
    /// Its size in bytes, when the provider says (see "Units").
    pub size_bytes: Option<u64>,
    /// The least disk, in bytes, a machine needs to boot it, when the provider says.
    pub min_disk_bytes: Option<u64>,
    /// The regions it is in, in the provider's order (a Linode region entry without its region
    /// id is left out here; the model keeps it).
    pub regions: Vec<CloudRegion>,
    /// The operating system: Linode's `vendor` (`Debian`), DigitalOcean's `distribution`
    /// (`Ubuntu`, `Unknown`).
    pub distribution: Option<String>,
    /// Whether it is a public image, the account's own, or shared with it.
    pub visibility: Visibility,
    /// How it came to be; `None` when the provider did not say.
    pub kind: Option<CloudKind>,
    /// Its tags.
    pub tags: Vec<String>,
    /// When it was created (see "Times"); `None` when the provider did not say or the time
    /// did not parse.
    pub created: Option<SystemTime>,
    /// The provider's full model.
    pub model: ProviderImage,
}

impl CloudImage {
    /// How old the image is at `now` (`SystemTime::now()`, or a test clock's time); `None` when
    /// its creation time is unknown or after `now`.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// # fn main() -> Result<(), serde_json::Error> {
    /// let image: cloud_images::digitalocean::types::Image =
    ///     serde_json::from_value(serde_json::json!({"id": 1, "created_at": "1970-01-01T00:00:10Z"}))?;
    /// let image = cloud_images::CloudImage::from(image);
    /// assert_eq!(image.age(UNIX_EPOCH + Duration::from_secs(70)), Some(Duration::from_secs(60)));
    /// # Ok(())
    /// # }
    /// ```
    pub fn age(&self, now: SystemTime) -> Option<Duration> {
        self.created.and_then(|created| now.duration_since(created).ok())
    }
}

/// A provider's word (a status, a type) in the neutral words: the first entry of `table` that
/// names it, compared ignoring case; a word the table does not name is the provider's own,
/// kept as sent (`other`). Each provider keeps its table; this is the one way they are read.
pub(crate) fn by_table<T: Clone>(word: &str, table: &[(&[&str], T)], other: fn(String) -> T) -> T {
    table
        .iter()
        .find(|(words, _)| words.iter().any(|w| w.eq_ignore_ascii_case(word)))
        .map_or_else(|| other(word.to_string()), |(_, neutral)| neutral.clone())
}
