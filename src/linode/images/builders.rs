//! The listing of Linode images, and the builders of a capture and an update.

use super::super::types::{self, Image};
use super::super::{Client, Update, ops};
use crate::{List, Result};

/// The listing of [`Images::list`](super::Images::list): the one [`List`] of every listing, sending
/// [`get-images`](ops::GetImages). Set the page, page size and [`filter`](List::filter), then
/// [`send`](List::send) for one page or [`iter`](List::iter) for every image.
///
/// ```no_run
/// use cloud_images::linode::{Client, Filter, ListImages, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::anonymous()?; // public images need no token
/// let list: ListImages<'_> = client.images().list().page(2).page_size(25);
/// let page = list.filter(Filter::eq("is_public", true).order_by("label", Order::Asc)).send()?;
/// println!("page {} of {:?}: {:?} images in all", page.page, page.pages, page.total);
/// # Ok(())
/// # }
/// ```
pub type ListImages<'a> = List<'a, ops::GetImages>;

/// Captures an image from a Linode disk: set the optional fields, then
/// [`send`](CreateImage::send). Get one from [`Images::create`](super::Images::create).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.images().create(123_456, "gold-master").tags(["prod", "web"]).send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct CreateImage<'a> {
    pub(super) client: &'a Client,
    pub(super) body: types::ImageCreate,
}

impl CreateImage<'_> {
    crate::setters::setters! {
        /// A longer description (1 to 65000 characters).
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let create = client.images().create(123_456, "gold-master").description("nginx on Debian 12");
        /// # Ok(())
        /// # }
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => body.description;

        /// The image's tags (each 3 to 100 characters).
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let create = client.images().create(123_456, "gold-master").tags(["prod", "web"]);
        /// # Ok(())
        /// # }
        /// ```
        pub fn tags<I>(self, tags: I) -> Self where I: IntoIterator, I::Item: Into<String> => body.tags;

        /// Marks the image as supporting cloud-init.
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let create = client.images().create(123_456, "gold-master").cloud_init(true);
        /// # Ok(())
        /// # }
        /// ```
        pub fn cloud_init(self, cloud_init: bool) -> Self => body.cloud_init;
    }

    /// Sends the request (never retried but on a 429, so it cannot make two images); returns
    /// the new image, status `creating`. Takes the builder: its body moves into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().create(123_456, "gold-master").send()?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<Image> {
        self.client.execute(&ops::PostImage::new(self.body))
    }
}

/// Changes a private image: set what changes ([`label`](Update::label),
/// [`description`](Update::description), [`tags`](Update::tags)), then [`send`](Update::send),
/// which returns the image (`PUT /images/{id}`, to the client's API version). Fields not set are
/// left out of the request and stay as they are. Get one from
/// [`Images::update`](super::Images::update); the one [`Update`] of every change.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.images().update("private/123").description("golden").send()?;
/// # Ok(())
/// # }
/// ```
pub type UpdateImage<'a> = Update<'a, ops::PutImage>;

impl Update<'_, ops::PutImage> {
    crate::setters::setters! {
        /// The new complete tag list, replacing the old one; an empty list removes every tag.
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let retag = client.images().update("private/123").tags(["prod"]);
        /// let untag = client.images().update("private/123").tags(Vec::<String>::new()); // removes them all
        /// # Ok(())
        /// # }
        /// ```
        pub fn tags<I>(self, tags: I) -> Self where I: IntoIterator, I::Item: Into<String> => op.body.tags;
    }
}
