//! What a publish makes: [`PublishImage`], the custom image's name, region and details; the
//! largest file it sends; and the file names whose ending tells DigitalOcean the format.

use super::super::CustomImage;
use super::super::types::{Distribution, RegionSlug};
use crate::{Error, Result};

/// The largest file [`Images::publish`](super::super::Images::publish) sends: 5 GiB, the most one S3 `PUT`
/// takes (Spaces included). DigitalOcean imports images up to 100 GB *uncompressed*: compress a larger one
/// (gzip or bzip2, which DigitalOcean unpacks). A larger file is refused before anything is sent; this crate
/// does not do multipart uploads.
///
/// ```
/// use cloud_images::digitalocean::MAX_PUBLISH_SIZE;
///
/// assert_eq!(MAX_PUBLISH_SIZE, 5 * 1024 * 1024 * 1024);
/// ```
pub const MAX_PUBLISH_SIZE: u64 = 5 * 1024 * 1024 * 1024;

/// The formats DigitalOcean imports, by the file name's ending: a raw disk (`.img`), qcow2,
/// VHDX, VDI or VMDK, each optionally compressed with gzip or bzip2.
const FORMATS: [&str; 5] = [".img", ".qcow2", ".vhdx", ".vdi", ".vmdk"];
const COMPRESSIONS: [&str; 3] = ["", ".gz", ".bz2"];

/// The custom image [`Images::publish`](super::super::Images::publish) makes from a local file: a `name` and
/// the `region` to import it into; optionally its distribution, description and tags.
///
/// ```
/// use cloud_images::digitalocean::{Distribution, PublishImage};
///
/// let image = PublishImage::new("web-2024-05", "nyc3")
///     .distribution(Distribution::Debian)
///     .description("nginx on Debian 12")
///     .tags(["web"]);
/// ```
#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub struct PublishImage {
    /// The import request, its URL left empty until the file is staged.
    image: CustomImage,
}

impl PublishImage {
    /// An image named `name`, imported into `region` (a DigitalOcean region slug; it need not
    /// be the bucket's).
    ///
    /// ```
    /// use cloud_images::digitalocean::{PublishImage, RegionSlug};
    ///
    /// assert_eq!(PublishImage::new("web", "nyc3"), PublishImage::new("web", RegionSlug::Nyc3));
    /// ```
    pub fn new(name: impl Into<String>, region: impl Into<RegionSlug>) -> Self {
        PublishImage { image: CustomImage::new(name, String::new(), region) }
    }

    crate::setters::setters! {
        /// The operating system family.
        ///
        /// ```
        /// use cloud_images::digitalocean::{Distribution, PublishImage};
        ///
        /// let image = PublishImage::new("web", "nyc3").distribution(Distribution::Ubuntu);
        /// ```
        pub fn distribution(self, distribution: Distribution) -> Self => image.distribution;

        /// A free-text description.
        ///
        /// ```
        /// let image = cloud_images::digitalocean::PublishImage::new("web", "nyc3").description("built by CI");
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => image.description;

        /// Tags for the new image (needs the `tag:create` scope).
        ///
        /// ```
        /// let image = cloud_images::digitalocean::PublishImage::new("web", "nyc3").tags(["ci", "web"]);
        /// ```
        pub fn tags<I, S>(self, tags: I) -> Self
        where I: IntoIterator<Item = S>, S: Into<String>
        => image.tags;
    }

    /// The name and region, checked before anything is sent.
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    pub(super) fn check(&self) -> Result<()> {
        if self.image.name.trim().is_empty() {
            return Err(Error::invalid_input("digitalocean publish: the image name must not be empty"));
        }
        if self.image.region.as_str().trim().is_empty() {
            return Err(Error::invalid_input("digitalocean publish: the region must not be empty"));
        }
        Ok(())
    }

    /// The import request, from the pre-signed `GET` URL.
    #[cfg(feature = "spaces")]
    pub(super) fn into_import(self, url: String) -> CustomImage {
        CustomImage { url: url.into(), ..self.image }
    }
}

/// The file name's ending, checked: one DigitalOcean imports.
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub(super) fn check_format(name: &str) -> Result<()> {
    let lower = name.to_ascii_lowercase();
    let known = FORMATS.iter().any(|format| {
        COMPRESSIONS.iter().any(|compression| lower.ends_with(&format!("{format}{compression}")))
    });
    if !known {
        return Err(Error::invalid_input(format!(
            "digitalocean imports raw (.img), qcow2, vhdx, vdi and vmdk images, optionally gzip (.gz) or bzip2 \
             (.bz2) compressed, told apart by the file name's ending; {name:?} has none of them: rename it, or \
             set file_name(..); nothing was sent"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_the_name() {
        for good in ["disk.img", "a.QCOW2", "b.vhdx.gz", "c.vdi.bz2", "d.vmdk", "e.img.gz"] {
            assert!(check_format(good).is_ok(), "{good}");
        }
        for bad in ["disk.raw", "x.iso", "y.tar.gz", "z.img.xz", "img", ""] {
            assert_eq!(check_format(bad).unwrap_err().kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
    }
}
