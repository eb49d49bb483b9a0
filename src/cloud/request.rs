//! What the neutral calls take: the changes of an update, and the image a local file becomes.

use std::time::Duration;

use crate::upload::CancelUpload;
use crate::{Error, Result};

/// What [`Cloud::update`](super::Cloud::update) changes: set what changes, leave the rest.
/// Nothing set is an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error, and so
/// is an empty name, before any request.
///
/// ```
/// use cloud_images::ImageChanges;
///
/// let changes = ImageChanges::new().name("web-2025-06").description("nginx").tags(["web"]);
/// let untag = ImageChanges::new().tags(Vec::<String>::new()); // removes every tag (Linode)
/// ```
#[must_use]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImageChanges {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) tags: Option<Vec<String>>,
}

impl ImageChanges {
    /// No change yet.
    ///
    /// ```
    /// assert_eq!(cloud_images::ImageChanges::new(), cloud_images::ImageChanges::default());
    /// ```
    pub fn new() -> Self {
        ImageChanges::default()
    }

    crate::setters::setters! {
        /// The new name (Linode's `label`).
        ///
        /// ```
        /// let changes = cloud_images::ImageChanges::new().name("web-2025-06");
        /// ```
        pub fn name(self, name: impl Into<String>) -> Self => name;

        /// The new description (DigitalOcean: custom images only).
        ///
        /// ```
        /// let changes = cloud_images::ImageChanges::new().description("nginx on Debian 12");
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => description;

        /// The new complete tag list, replacing the old one (an empty list removes them all).
        /// Linode only: DigitalOcean sets tags through its Tags API, not the Images API, so a
        /// DigitalOcean cloud answers an [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported)
        /// error, having sent nothing.
        ///
        /// ```
        /// let changes = cloud_images::ImageChanges::new().tags(["prod", "web"]);
        /// ```
        pub fn tags<I>(self, tags: I) -> Self where I: IntoIterator, I::Item: Into<String> => tags;
    }

    /// Refuses an update that changes nothing or empties the name: `what` names the image.
    pub(crate) fn check(&self, what: &str) -> Result<()> {
        if self.name.is_none() && self.description.is_none() && self.tags.is_none() {
            return Err(Error::invalid_input(format!(
                "{what}: nothing to update (set a name, description or tags)"
            )));
        }
        if self.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid_input(format!("{what}: the name must not be empty")));
        }
        Ok(())
    }
}

/// The image a local file becomes through [`Cloud::publish`](super::Cloud::publish): its name,
/// the region to make it in (the provider's region id: `us-east`, `nyc3`), and optionally a
/// description, tags and how long to wait for it.
///
/// ```
/// use std::time::Duration;
/// use cloud_images::PublishFile;
///
/// let image = PublishFile::new("web-2025-06", "us-east")
///     .description("built by CI")
///     .tags(["web"])
///     .timeout(Duration::from_secs(2 * 3600));
/// assert_eq!(image.region(), "us-east");
/// ```
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishFile {
    pub(crate) name: String,
    pub(crate) region: String,
    pub(crate) description: Option<String>,
    pub(crate) tags: Option<Vec<String>>,
    pub(crate) timeout: Duration,
    pub(crate) cancel: Option<CancelUpload>,
}

/// How long [`Cloud::publish`](super::Cloud::publish) waits for the image when not told.
const DEFAULT_PUBLISH_TIMEOUT: Duration = Duration::from_secs(60 * 60);

impl PublishFile {
    /// An image named `name`, made in `region`. It waits up to an hour for the image to be
    /// available unless [`timeout`](PublishFile::timeout) says otherwise.
    ///
    /// ```
    /// let image = cloud_images::PublishFile::new("web", "nyc3");
    /// assert_eq!(image.name(), "web");
    /// ```
    pub fn new(name: impl Into<String>, region: impl Into<String>) -> Self {
        PublishFile {
            name: name.into(),
            region: region.into(),
            description: None,
            tags: None,
            timeout: DEFAULT_PUBLISH_TIMEOUT,
            cancel: None,
        }
    }

    crate::setters::setters! {
        /// A description.
        ///
        /// ```
        /// let image = cloud_images::PublishFile::new("web", "nyc3").description("built by CI");
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => description;

        /// Tags for the new image (DigitalOcean: needs the `tag:create` scope).
        ///
        /// ```
        /// let image = cloud_images::PublishFile::new("web", "nyc3").tags(["ci", "web"]);
        /// ```
        pub fn tags<I>(self, tags: I) -> Self where I: IntoIterator, I::Item: Into<String> => tags;

        /// How long to wait, once the data is sent, for the image to become available
        /// (default one hour): the same deadline as [`Wait::timeout`](crate::Wait::timeout).
        ///
        /// ```
        /// let image = cloud_images::PublishFile::new("web", "nyc3").timeout(std::time::Duration::from_secs(1800));
        /// ```
        pub fn timeout(self, timeout: Duration) -> Self => timeout;

        /// Cancels the publish when `cancel` is used (from another thread, a Ctrl-C handler):
        /// while the file is compressed or sent, and while the image is waited for (a sleep
        /// between two looks ends within 50 ms). A cancelled publish deletes the image it made
        /// (and DigitalOcean's staging object) and fails with
        /// [`ErrorKind::Cancelled`](crate::ErrorKind::Cancelled); the error says what became of
        /// them. A cancel once the image is available is too late: the publish returns it.
        ///
        /// ```
        /// use cloud_images::PublishFile;
        /// use cloud_images::linode::CancelUpload;
        ///
        /// let cancel = CancelUpload::new();
        /// let image = PublishFile::new("web", "nyc3").cancel_with(&cancel);
        /// // later, from anywhere: cancel.cancel();
        /// ```
        pub fn cancel_with(self, cancel: &CancelUpload) -> Self => cancel;
    }

    /// The name.
    ///
    /// ```
    /// assert_eq!(cloud_images::PublishFile::new("web", "nyc3").name(), "web");
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The region.
    ///
    /// ```
    /// assert_eq!(cloud_images::PublishFile::new("web", "nyc3").region(), "nyc3");
    /// ```
    pub fn region(&self) -> &str {
        &self.region
    }
}
