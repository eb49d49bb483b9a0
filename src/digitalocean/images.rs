//! `client.images()`: list, get, import, update, delete, wait.

use std::fmt;

use super::actions::ImageActions;
use super::paging;
use super::transfers::AccountTransfers;
use super::types::{Distribution, ImageKind, RegionSlug};
use super::{Client, ImageId, ops, types};
use crate::error::ErrorKind;
use crate::wait::{Poll, Wait};
use crate::{Error, Items, Page, Result};

/// The images of a DigitalOcean account, and the public ones: from [`Client::images`].
///
/// ```no_run
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let images = client.images();
/// let ubuntu = images.get("ubuntu-24-04-x64")?;
/// let mine = images.list().private(true).iter().collect::<Result<Vec<_>, _>>()?;
/// println!("{:?}; {} private images", ubuntu.id, mine.len());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Images<'a> {
    client: &'a Client,
}

/// An image to [`get`](Images::get): its numeric id, or the slug of a public image.
///
/// Built from a `u64` (an id), or from a `&str` / `String` (a slug). Private images (snapshots,
/// backups, custom images) have no slug and can only be fetched by id.
///
/// ```
/// use cloud_images::digitalocean::ImageRef;
///
/// assert_eq!(ImageRef::from(7555620), ImageRef::Id(7555620));
/// assert_eq!(ImageRef::from("ubuntu-24-04-x64"), ImageRef::Slug("ubuntu-24-04-x64".into()));
/// assert_eq!(ImageRef::from("ubuntu-24-04-x64").to_string(), "ubuntu-24-04-x64");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ImageRef {
    /// The image's numeric `id`.
    Id(u64),
    /// The `slug` of a public image (`ubuntu-24-04-x64`). An empty slug is refused.
    Slug(String),
}

impl From<u64> for ImageRef {
    fn from(id: u64) -> Self {
        ImageRef::Id(id)
    }
}

impl From<ImageId> for ImageRef {
    fn from(id: ImageId) -> Self {
        ImageRef::Id(id.get())
    }
}

impl From<&str> for ImageRef {
    fn from(slug: &str) -> Self {
        ImageRef::Slug(slug.to_string())
    }
}

impl From<String> for ImageRef {
    fn from(slug: String) -> Self {
        ImageRef::Slug(slug)
    }
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageRef::Id(id) => write!(f, "{id}"),
            ImageRef::Slug(slug) => f.write_str(slug),
        }
    }
}

impl<'a> Images<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Images { client }
    }

    /// Lists images: a builder for the filters and the page size, then one page
    /// ([`send`](ListImages::send)) or every page, lazily ([`iter`](ListImages::iter)).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, ImageKind};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// for image in client.images().list().kind(ImageKind::Distribution).per_page(200).iter() {
    ///     let image = image?;
    ///     println!("{:?} {:?}", image.slug, image.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> ListImages<'a> {
        ListImages { client: self.client, kind: None, private: None, tag: None, per_page: None, page: None }
    }

    /// Gets one image by id, or a public image by slug (`GET /v2/images/{image_id}`).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let by_id = client.images().get(7555620)?;
    /// let by_slug = client.images().get("ubuntu-24-04-x64")?;
    /// println!("{:?} {:?}", by_id.status, by_slug.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, image: impl Into<ImageRef>) -> Result<types::Image> {
        let image = image.into();
        match &image {
            ImageRef::Slug(slug) if slug.trim().is_empty() => {
                return Err(Error::invalid_input("digitalocean image slug must not be empty"));
            }
            ImageRef::Slug(slug) if matches!(slug.trim(), "." | "..") => {
                return Err(Error::invalid_input(format!("{slug:?} is not a digitalocean image slug")));
            }
            ImageRef::Id(id) => {
                ImageId::from(*id).check()?;
            }
            ImageRef::Slug(_) => {}
        }
        let op = ops::ImagesGet { image_id: image.to_string() };
        Ok(self.client.execute(&op)?.image)
    }

    /// Starts importing a custom image from a URL (`POST /v2/images`). DigitalOcean answers at
    /// once (202) with an image whose status is `NEW` and some fields possibly missing; wait for
    /// it with [`wait_until_available`](Images::wait_until_available).
    ///
    /// The answer must carry the image's `id` (the decoding rule keeps it required, see the
    /// crate guide's "Decoding"): an answer without one is an [`ErrorKind::Decode`] error,
    /// although the import may have started.
    ///
    /// The name, URL and region are checked first: an empty one, or a URL that is not
    /// `http(s)://host/...`, is an [`ErrorKind::InvalidInput`] error and nothing is sent.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use cloud_images::digitalocean::{Client, CustomImage, Distribution};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let url = "https://builds.coreos.fedoraproject.org/fedora-coreos-digitalocean.qcow2.gz";
    /// let image = client.images().import(
    ///     CustomImage::new("fedora-coreos", url, "nyc3")
    ///         .distribution(Distribution::Fedora)
    ///         .description("Fedora CoreOS stable")
    ///         .tags(["base"]),
    /// )?;
    /// client.images().wait_until_available(image.id).timeout(Duration::from_secs(1800)).send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn import(&self, image: CustomImage) -> Result<types::Image> {
        let body = image.into_body()?;
        Ok(self.client.execute(&ops::ImagesCreateCustom { body })?.image)
    }

    /// Changes an image's name and, for custom images, its description and distribution
    /// (`PUT /v2/images/{image_id}`): a builder ending in [`send`](UpdateImage::send).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let image = client.images().update(7555620).name("web-2024-05").description("nginx").send()?;
    /// println!("{:?}", image.name);
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, id: impl Into<ImageId>) -> UpdateImage<'a> {
        UpdateImage { client: self.client, id: id.into(), body: types::ImageUpdate::default() }
    }

    /// Deletes a snapshot or custom image (`DELETE /v2/images/{image_id}`, 204).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// client.images().delete(7555620)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete(&self, id: impl Into<ImageId>) -> Result<()> {
        self.client.execute(&ops::ImagesDelete { image_id: id.into().check()? })
    }

    /// Offering this snapshot to another account or team, and answering such offers: see
    /// [`AccountTransfers`].
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, Recipient};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// client.images().account_transfers(7555620).offer(Recipient::email("ops@example.com"))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn account_transfers(&self, id: impl Into<ImageId>) -> AccountTransfers<'a> {
        AccountTransfers::new(self.client, id.into())
    }

    /// The actions of one image: transfer to another region, convert to a snapshot, and look
    /// at them.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let actions = client.images().actions(7555620);
    /// let action = actions.transfer("sfo3")?;
    /// let done = actions.wait_until_completed(action.id).timeout(Duration::from_secs(1800)).send()?;
    /// println!("{:?}", done.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn actions(&self, id: impl Into<ImageId>) -> ImageActions<'a> {
        ImageActions::new(self.client, id.into())
    }

    /// Waits until the image's status is `available` (`NEW` and `pending` mean not yet;
    /// statuses are compared ignoring case): set the timeout, interval or `on_poll` callback,
    /// then [`send`](Wait::send). It ends as every wait does (see [`Wait`]); an image that
    /// becomes `deleted` or `retired` (a failed import: the message carries its
    /// `error_message`) is an [`ErrorKind::WaitFailed`] error.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let waited = client
    ///     .images()
    ///     .wait_until_available(7555620)
    ///     .timeout(Duration::from_secs(1800))
    ///     .interval(Duration::from_secs(30))
    ///     .send();
    /// match waited {
    ///     Ok(image) => println!("ready: {:?}", image.id),
    ///     Err(e) if e.kind() == ErrorKind::WaitFailed => println!("import failed: {e}"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_available(&self, id: impl Into<ImageId>) -> Wait<'a, types::Image> {
        let client = self.client;
        let id = match id.into().check() {
            Ok(id) => id,
            Err(e) => return Wait::failed(e),
        };
        let clock = client.inner.settings.clock.clone();
        Wait::new(format!("digitalocean image {id} to become available"), clock, move |by| {
            let image = client.inner.execute_by(&ops::ImagesGet { image_id: id.to_string() }, by)?.image;
            let status = image.status.as_ref().map_or("unknown", |s| s.as_str()).to_string();
            if status.eq_ignore_ascii_case("available") {
                return Ok(Poll::Ready(image));
            }
            if status.eq_ignore_ascii_case("deleted") || status.eq_ignore_ascii_case("retired") {
                let reason = image
                    .error_message
                    .as_deref()
                    .map(str::trim)
                    .filter(|m| !m.is_empty())
                    .unwrap_or("no error message");
                return Err(Error::new(
                    ErrorKind::WaitFailed,
                    format!("digitalocean image {id} is {status}, not available: {reason}"),
                )
                .with_last_status(Some(status)));
            }
            Ok(Poll::Pending(status))
        })
    }
}

/// The listing of [`Images::list`]: filters and page size, then [`send`](ListImages::send) for
/// one page or [`iter`](ListImages::iter) for every item.
///
/// The builder is only read: `iter()` works on its own copy, so the same builder can be sent
/// again and gives the same pages.
///
/// ```no_run
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let list = client.images().list().private(true).tag("prod").per_page(50);
/// let first = list.send()?;
/// println!("{} of {:?} on the first page", first.items.len(), first.total);
/// for image in list.iter() {
///     println!("{:?}", image?.name);
/// }
/// # Ok(())
/// # }
/// ```
#[must_use]
#[derive(Clone, Debug)]
pub struct ListImages<'a> {
    client: &'a Client,
    kind: Option<ImageKind>,
    private: Option<bool>,
    tag: Option<String>,
    per_page: Option<u64>,
    page: Option<u64>,
}

impl ListImages<'_> {
    /// Only public distribution images or only 1-Click application images (the `type` query
    /// parameter). This is not the image's own [`type_`](types::Image::type_) attribute
    /// (`snapshot`, `backup`, `custom`, ...): distribution images report `snapshot` there.
    ///
    /// ```
    /// use cloud_images::digitalocean::{Client, ImageKind};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let distributions = client.images().list().kind(ImageKind::Distribution);
    /// let one_clicks = client.images().list().kind(ImageKind::Application);
    /// # Ok(())
    /// # }
    /// ```
    pub fn kind(mut self, kind: ImageKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// `true`: only the account's own images (snapshots, backups, custom images).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// let mine = client.images().list().private(true); // `mine.iter()` fetches them
    /// # Ok(())
    /// # }
    /// ```
    pub fn private(mut self, private: bool) -> Self {
        self.private = Some(private);
        self
    }

    /// Only images with this tag (`tag_name`). An empty tag is an
    /// [`ErrorKind::InvalidInput`] error when sent.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let prod = client.images().list().tag("prod");
    /// let empty = client.images().list().tag(" ").send();
    /// assert_eq!(empty.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn tag(mut self, name: impl Into<String>) -> Self {
        self.tag = Some(name.into());
        self
    }

    /// Images per page, 1 to 200. Unset, both [`send`](ListImages::send) and
    /// [`iter`](ListImages::iter) ask for 200, the largest page (the API's own default is 20):
    /// fewer round trips, and page numbers count pages of that size. Anything outside 1 to 200
    /// is an [`ErrorKind::InvalidInput`] error when sent, before any request.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let big_pages = client.images().list().per_page(200);
    /// let zero = client.images().list().per_page(0).send();
    /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn per_page(mut self, per_page: u64) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// The page to fetch (from 1; default 1); [`iter`](ListImages::iter) starts there. Page 0
    /// is an [`ErrorKind::InvalidInput`] error when sent.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let third = client.images().list().per_page(50).page(3);
    /// let zero = client.images().list().page(0).send();
    /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    fn op(&self) -> Result<ops::ImagesList> {
        paging::check_paging("images list", self.per_page, self.page)?;
        if self.tag.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err(Error::invalid_input("digitalocean images list: the tag must not be empty"));
        }
        Ok(ops::ImagesList {
            type_: self.kind.clone(),
            private: self.private,
            tag_name: self.tag.clone(),
            per_page: Some(self.per_page.unwrap_or(paging::MAX_PER_PAGE)),
            page: self.page,
        })
    }

    /// Fetches one page (`GET /v2/images`): its images, `meta.total` as [`Page::total`], and the
    /// page count as [`Page::pages`] (`meta.total` divided by the `per_page` asked for: see
    /// there). An image that cannot be decoded is reported in
    /// [`Page::failed`], and the others are returned; an answer without `images` is an
    /// [`ErrorKind::Decode`] error.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let page = client.images().list().per_page(10).page(2).send()?;
    /// println!("{:?} images in all", page.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<Page<types::Image>> {
        paging::page(self.client, &self.op()?)
    }

    /// Every image from the requested page on, fetched lazily page by page (see [`Items`]).
    ///
    /// Each next page is the same request with the `page` number taken from
    /// `links.pages.next`, so the filters are kept and the token never leaves the configured
    /// host. It stops after the last page, on an empty page, when a next link does not move
    /// forward, when a page starts with the same image as the page before (a server that
    /// answers every page number with the same page), beyond the page count ([`Page::pages`])
    /// of the pages before, or after the first error. Invalid input is yielded as the first
    /// item, with nothing sent.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let first_two = client.images().list().per_page(2).iter().take(2); // one request
    /// for image in first_two {
    ///     println!("{:?}", image?.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn iter(&self) -> Items<types::Image> {
        match self.op() {
            Ok(op) => paging::items(self.client.clone(), op),
            Err(e) => Items::failed(e),
        }
    }
}

/// A custom image to [`import`](Images::import): `name`, `url` and `region` are required.
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
#[derive(Clone, PartialEq)]
pub struct CustomImage {
    name: String,
    url: String,
    region: RegionSlug,
    distribution: Option<Distribution>,
    description: Option<String>,
    tags: Option<Vec<String>>,
}

impl fmt::Debug for CustomImage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A pre-signed URL's query holds its signature: never shown.
        let mut url = crate::url::without_query(&self.url).to_string();
        if self.url.contains('?') {
            url = format!("{url}?{}", crate::secret::REDACTED);
        }
        f.debug_struct("CustomImage")
            .field("name", &self.name)
            .field("url", &url)
            .field("region", &self.region)
            .field("distribution", &self.distribution)
            .field("description", &self.description)
            .field("tags", &self.tags)
            .finish()
    }
}

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
    pub fn new(name: impl Into<String>, url: impl Into<String>, region: impl Into<RegionSlug>) -> Self {
        CustomImage {
            name: name.into(),
            url: url.into(),
            region: region.into(),
            distribution: None,
            description: None,
            tags: None,
        }
    }

    /// The operating system family (unknown values are stored as `Unknown` by the server).
    ///
    /// ```
    /// use cloud_images::digitalocean::{CustomImage, Distribution};
    ///
    /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
    /// let image = CustomImage::new("fedora-coreos", url, "nyc3").distribution(Distribution::Fedora);
    /// ```
    pub fn distribution(mut self, distribution: Distribution) -> Self {
        self.distribution = Some(distribution);
        self
    }

    /// A free-text description.
    ///
    /// ```
    /// use cloud_images::digitalocean::CustomImage;
    ///
    /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
    /// let image = CustomImage::new("fedora-coreos", url, "nyc3").description("Fedora CoreOS stable");
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Tags for the new image (needs the `tag:create` scope).
    ///
    /// ```
    /// use cloud_images::digitalocean::CustomImage;
    ///
    /// let url = "https://example.com/images/fedora-coreos.qcow2.gz";
    /// let image = CustomImage::new("fedora-coreos", url, "nyc3").tags(["base", "coreos"]);
    /// ```
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Checks the required fields and makes the request body.
    fn into_body(self) -> Result<types::CustomImageCreate> {
        if self.name.trim().is_empty() {
            return Err(Error::invalid_input("digitalocean custom image: the name must not be empty"));
        }
        check_import_url(&self.url)?;
        if self.region.as_str().trim().is_empty() {
            return Err(Error::invalid_input("digitalocean custom image: the region must not be empty"));
        }
        Ok(types::CustomImageCreate {
            name: self.name,
            url: self.url,
            region: self.region,
            distribution: self.distribution,
            description: self.description,
            tags: self.tags,
        })
    }
}

/// The URL must be `http(s)://host/...` (the crate's one URL check).
fn check_import_url(url: &str) -> Result<()> {
    crate::url::http_url(url, "digitalocean custom image: the url").map(drop)
}

/// The changes of [`Images::update`]; [`send`](UpdateImage::send) sends them.
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, Distribution};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let image = client.images().update(7555620).distribution(Distribution::Debian).send()?;
/// println!("{:?}", image.distribution);
/// # Ok(())
/// # }
/// ```
#[must_use]
#[derive(Clone, Debug)]
pub struct UpdateImage<'a> {
    client: &'a Client,
    id: ImageId,
    body: types::ImageUpdate,
}

impl UpdateImage<'_> {
    /// The new name (must not be empty).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let rename = client.images().update(7555620).name("web-2024-05"); // `rename.send()` sends it
    /// let empty = client.images().update(7555620).name("").send();
    /// assert_eq!(empty.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The new description (custom images only).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// let update = client.images().update(7555620).description("nginx on Debian 12");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// The new distribution (custom images only).
    ///
    /// ```
    /// use cloud_images::digitalocean::{Client, Distribution};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").build()?;
    /// let update = client.images().update(7555620).distribution(Distribution::Debian);
    /// # Ok(())
    /// # }
    /// ```
    pub fn distribution(mut self, distribution: Distribution) -> Self {
        self.body.distribution = Some(distribution);
        self
    }

    /// Sends the changes and returns the updated image. Nothing to change, or an empty name,
    /// is an [`ErrorKind::InvalidInput`] error and nothing is sent.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let image = client.images().update(7555620).name("renamed").send()?;
    /// assert_eq!(image.name.as_deref(), Some("renamed"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<types::Image> {
        let b = &self.body;
        if b.name.is_none() && b.description.is_none() && b.distribution.is_none() {
            return Err(Error::invalid_input(format!(
                "digitalocean image {}: nothing to update (set a name, description or distribution)",
                self.id
            )));
        }
        if b.name.as_deref().is_some_and(|n| n.trim().is_empty()) {
            return Err(Error::invalid_input(format!(
                "digitalocean image {}: the name must not be empty",
                self.id
            )));
        }
        let op = ops::ImagesUpdate { image_id: self.id.check()?, body: self.body.clone() };
        Ok(self.client.execute(&op)?.image)
    }
}

/// `for item in list { .. }`: the same as [`iter`](ListImages::iter).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::digitalocean::Client::from_env()?;
/// for image in client.images().list().private(true) {
///     println!("{:?}", image?.name);
/// }
/// # Ok(())
/// # }
/// ```
impl IntoIterator for ListImages<'_> {
    type Item = Result<types::Image>;
    type IntoIter = Items<types::Image>;

    fn into_iter(self) -> Items<types::Image> {
        self.iter()
    }
}

/// `for item in &list { .. }`: the same as [`iter`](ListImages::iter); the builder is kept.
impl IntoIterator for &ListImages<'_> {
    type Item = Result<types::Image>;
    type IntoIter = Items<types::Image>;

    fn into_iter(self) -> Items<types::Image> {
        self.iter()
    }
}
