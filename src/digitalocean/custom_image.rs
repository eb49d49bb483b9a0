//! A custom image to import from a URL: [`CustomImage`], the request of
//! [`Images::import`](super::Images::import).

use super::types::{self, Distribution, RegionSlug};
use crate::{Error, Result};

/// A custom image to [`import`](super::Images::import): `name`, `url` and `region` are required.
///
/// The URL may be a pre-signed one (a Spaces or S3 object shared for the import), whose query
/// holds a signature: its `Debug` shows the URL without its query.
///
/// ```
/// use cloud_images::digitalocean::CustomImage;
///
/// let url = "https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?X-Amz-Signature=5ecr3t";
/// let shown = format!("{:?}", CustomImage::new("disk", url, "nyc3"));
/// assert!(shown.contains("https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?** redacted **"));
/// assert!(!shown.contains("5ecr3t"));
/// ```
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, CustomImage, Distribution};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let image = CustomImage::new("debian-12-custom", "https://example.com/debian-12.qcow2", "fra1")
///     .distribution(Distribution::Debian)
///     .tags(["base", "debian"]);
/// let imported = Client::from_env()?.images().import(image)?;
/// println!("{:?} is {:?}", imported.id, imported.status);
/// # Ok(())
/// # }
/// ```
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub struct CustomImage {
    pub(in crate::digitalocean) name: String,
    /// Empty in a [`PublishImage`](super::PublishImage) until its import is asked for.
    pub(in crate::digitalocean) url: ImportUrl,
    pub(in crate::digitalocean) region: RegionSlug,
    pub(in crate::digitalocean) distribution: Option<Distribution>,
    pub(in crate::digitalocean) description: Option<String>,
    pub(in crate::digitalocean) tags: Option<Vec<String>>,
}

/// The URL a custom image is imported from (`url` of [`CustomImage`] and of the generated
/// [`types::CustomImageCreate`]). It may be a pre-signed one (a Spaces or S3 object shared for
/// the import, as [`Images::publish`](super::Images::publish) makes), whose query is a
/// credential: a [`SignedUrl`](crate::SignedUrl), whose `Debug` and `Display` never show it.
///
/// ```
/// use cloud_images::digitalocean::{ImportUrl, types::CustomImageCreate};
///
/// let url = "https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?X-Amz-Signature=5ecr3t";
/// let body = CustomImageCreate::new("disk", "nyc3", url);
/// assert!(!format!("{body:?}").contains("5ecr3t"));
/// assert_eq!(body.url, ImportUrl::from(url));
/// ```
pub type ImportUrl = crate::SignedUrl;

impl CustomImage {
    /// The image's `name`, the http(s) `url` DigitalOcean downloads it from (raw, qcow2, vhdx,
    /// vdi or vmdk, optionally gzip or bzip2 compressed, under 100 GB uncompressed), and the
    /// `region` slug to store it in.
    ///
    /// ```
    /// use cloud_images::digitalocean::{CustomImage, RegionSlug};
    ///
    /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
    /// let image = CustomImage::new("fedora-coreos", url, "nyc3");
    /// assert_eq!(image, CustomImage::new("fedora-coreos", url, RegionSlug::Nyc3));
    /// ```
    pub fn new(name: impl Into<String>, url: impl Into<ImportUrl>, region: impl Into<RegionSlug>) -> Self {
        CustomImage {
            name: name.into(),
            url: url.into(),
            region: region.into(),
            distribution: None,
            description: None,
            tags: None,
        }
    }

    crate::setters::setters! {
        /// The operating system family (unknown values are stored as `Unknown` by the server).
        ///
        /// ```
        /// use cloud_images::digitalocean::{CustomImage, Distribution};
        ///
        /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
        /// let image = CustomImage::new("fedora-coreos", url, "nyc3").distribution(Distribution::Fedora);
        /// ```
        pub fn distribution(self, distribution: Distribution) -> Self => distribution;

        /// A free-text description.
        ///
        /// ```
        /// use cloud_images::digitalocean::CustomImage;
        ///
        /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
        /// let image = CustomImage::new("fedora-coreos", url, "nyc3").description("Fedora CoreOS stable");
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => description;

        /// Tags for the new image (needs the `tag:create` scope).
        ///
        /// ```
        /// use cloud_images::digitalocean::CustomImage;
        ///
        /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
        /// let image = CustomImage::new("fedora-coreos", url, "nyc3").tags(["base", "coreos"]);
        /// ```
        pub fn tags<I, S>(self, tags: I) -> Self where I: IntoIterator<Item = S>, S: Into<String> => tags;
    }

    /// Checks the required fields and makes the request body.
    pub(crate) fn into_body(self) -> Result<types::CustomImageCreate> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid_input("digitalocean custom image: the name must not be empty"));
        }
        check_import_url(self.url.expose())?;
        if self.region.as_str().trim().is_empty() {
            return Err(Error::invalid_input("digitalocean custom image: the region must not be empty"));
        }
        let mut body = types::CustomImageCreate::new(self.name, self.region, self.url);
        body.distribution = self.distribution;
        body.description = self.description;
        body.tags = self.tags;
        Ok(body)
    }
}

/// The URL must be `http(s)://host/...` (the crate's one URL check).
fn check_import_url(url: &str) -> Result<()> {
    crate::url::http_url(url, "digitalocean custom image: the url").map(drop)
}
