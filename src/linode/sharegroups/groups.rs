//! Creating and changing a share group: [`CreateShareGroup`] and [`UpdateShareGroup`].

use super::super::types::{self, ShareGroup};
use super::super::{Client, Update, ops};
use super::images::{ShareImage, image_list};
use super::{label, send};
use crate::Result;

/// Creates a share group: set the optional parts, then [`send`](CreateShareGroup::send). Get
/// one from [`ShareGroups::create`](super::ShareGroups::create).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let group = client.sharegroups().create("golden images").images(["private/1", "private/2"]).send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct CreateShareGroup<'a> {
    pub(super) client: &'a Client,
    pub(super) label: String,
    pub(super) description: Option<String>,
    pub(super) images: Vec<ShareImage>,
}

impl CreateShareGroup<'_> {
    crate::setters::setters! {
        /// The group's description.
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let create = client.sharegroups().create("golden images").description("CI-built");
        /// # Ok(())
        /// # }
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => description;
    }
    /// One more private image to share in the new group.
    ///
    /// ```
    /// use cloud_images::linode::ShareImage;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.sharegroups().create("golden").image("private/1").image(ShareImage::new("private/2").label("b"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn image(mut self, image: impl Into<ShareImage>) -> Self {
        self.images.push(image.into());
        self
    }

    /// More private images to share in the new group.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.sharegroups().create("golden").images(["private/1", "private/2"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn images<I>(mut self, images: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<ShareImage>,
    {
        self.images.extend(images.into_iter().map(Into::into));
        self
    }

    /// Sends the request (never retried but on a 429, so it cannot make two groups); returns
    /// the new group. An empty label, image id or share label is refused first. Takes the
    /// builder: what it holds moves into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client.sharegroups().create("golden images").send()?;
    /// println!("{} {:?}", group.id, group.uuid);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<ShareGroup> {
        let images = image_list(self.images)?;
        let mut body = types::ShareGroupCreate::new(label("share group", self.label)?).images(images);
        if let Some(description) = self.description {
            body = body.description(description);
        }
        send(self.client, &ops::PostSharegroups::new(body))
    }
}

/// Changes a share group: set what changes ([`label`](Update::label), not empty;
/// [`description`](Update::description)), then [`send`](Update::send), which returns the group
/// after the change (`PUT /images/sharegroups/{id}`, to `v4beta`). Get one from
/// [`ShareGroups::update`](super::ShareGroups::update); the one [`Update`] of every change.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let group = client.sharegroups().update(8306).description("only CIS images").send()?;
/// # Ok(())
/// # }
/// ```
pub type UpdateShareGroup<'a> = Update<'a, ops::PutSharegroup>;
