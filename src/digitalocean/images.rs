//! `client.images()`: list, get, import, update, delete, wait.

use std::fmt;

use super::CustomImage;
use super::actions::ImageActions;
use super::transfers::AccountTransfers;
use super::types::{Distribution, ImageKind};
use super::{Client, ImageId, ops, types};
use crate::error::ErrorKind;
use crate::retry::Deadline;
use crate::wait::{Status, Wait};
use crate::{Error, List, Result};

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
    pub(crate) client: &'a Client,
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
#[non_exhaustive]
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

    /// Lists images (`GET /v2/images`): a builder for the filters and the page size, then one
    /// page ([`send`](List::send)) or every page, lazily ([`iter`](List::iter)); see
    /// [`ListImages`].
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
        super::list::list(self.client, ops::ImagesList::new())
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
        let look = move |by: &Deadline| {
            Ok(client.inner.execute_by(&ops::ImagesGet { image_id: id.to_string() }, by)?.image)
        };
        let status: fn(&types::Image) -> Option<&str> = |image| image.status.as_ref().map(|s| s.as_str());
        // A failed import ends `deleted` or `retired`, with its reason.
        let failed = move |image: &types::Image, status: &Status<'_>| {
            let reason = image
                .error_message
                .as_deref()
                .map(str::trim)
                .filter(|m| !m.is_empty())
                .unwrap_or("no error message");
            (status.is("deleted") || status.is("retired")).then(|| {
                Error::new(
                    ErrorKind::WaitFailed,
                    format!("digitalocean image {id} is {status}, not available: {reason}"),
                )
            })
        };
        Wait::for_status(format!("digitalocean image {id}"), clock, "available", look, status, failed)
    }
}

/// The listing of [`Images::list`]: the one [`List`] of every listing, sending
/// [`images_list`](ops::ImagesList). Set the filters ([`kind`](List::kind),
/// [`private`](List::private), [`tag`](List::tag)), the page and the page size, then
/// [`send`](List::send) for one page or [`iter`](List::iter) for every image.
///
/// The builder is only read: `iter()` works on its own copy, so the same builder can be sent
/// again and gives the same pages.
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, ListImages};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let list: ListImages<'_> = client.images().list().private(true).tag("prod").page_size(50);
/// let first = list.send()?;
/// println!("{} of {:?} on the first page", first.items.len(), first.total);
/// for image in list.iter() {
///     println!("{:?}", image?.name);
/// }
/// # Ok(())
/// # }
/// ```
pub type ListImages<'a> = List<'a, ops::ImagesList>;

impl List<'_, ops::ImagesList> {
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
        self.op_mut().type_ = Some(kind);
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
        self.op_mut().private = Some(private);
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
        let name = name.into();
        let empty = name.trim().is_empty();
        self.op_mut().tag_name = Some(name);
        self.refuse("tag", empty.then(|| "digitalocean images_list: the tag must not be empty".to_string()))
    }
}

impl crate::setters::Plain for Distribution {}

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
    crate::setters::setters! {
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
        pub fn name(self, name: impl Into<String>) -> Self => body.name;

        /// The new description (custom images only).
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
        /// let update = client.images().update(7555620).description("nginx on Debian 12");
        /// # Ok(())
        /// # }
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => body.description;

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
        pub fn distribution(self, distribution: Distribution) -> Self => body.distribution;
    }

    /// Sends the changes and returns the updated image. Nothing to change, or an empty name,
    /// is an [`ErrorKind::InvalidInput`] error and nothing is sent. Takes the builder: its body
    /// moves into the request.
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
    pub fn send(self) -> Result<types::Image> {
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
        let op = ops::ImagesUpdate::new(self.id.check()?, self.body);
        Ok(self.client.execute(&op)?.image)
    }
}
