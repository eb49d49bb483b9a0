//! The images shared in a group: [`ShareImage`] (one to share), [`GroupImages`] (list, add,
//! update, remove) and [`UpdateImageShare`].

use super::super::types::{self, Image};
use super::super::{Client, ImageId, ShareGroupId, Update, ops};
use super::{beta, label, list, send_empty};
use crate::{Error, List, Page, Result};

/// A private image to share, with the share's own label and description (by default the
/// image's). A `&str`, `String` or [`ImageId`] converts into one, with neither.
///
/// ```
/// use cloud_images::linode::ShareImage;
///
/// let plain = ShareImage::from("private/160700");
/// let named = ShareImage::new("private/160700").label("debian-base").description("CIS level 1");
/// assert_ne!(plain, named);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareImage {
    id: ImageId,
    label: Option<String>,
    description: Option<String>,
}

impl ShareImage {
    /// The private image `id` (`private/160700`), shared under its own label and description.
    ///
    /// ```
    /// let image = cloud_images::linode::ShareImage::new("private/160700");
    /// # let _ = image;
    /// ```
    pub fn new(id: impl Into<ImageId>) -> Self {
        ShareImage { id: id.into(), label: None, description: None }
    }

    crate::setters::setters! {
        /// The share's label (not empty).
        ///
        /// ```
        /// let image = cloud_images::linode::ShareImage::new("private/160700").label("debian-base");
        /// # let _ = image;
        /// ```
        pub fn label(self, label: impl Into<String>) -> Self => label;

        /// The share's description.
        ///
        /// ```
        /// let image = cloud_images::linode::ShareImage::new("private/160700").description("CIS level 1");
        /// # let _ = image;
        /// ```
        pub fn description(self, description: impl Into<String>) -> Self => description;
    }

    /// The request body's item, checked: a usable id, a label that is not empty.
    fn checked(&self) -> Result<types::ImageShareInput> {
        let mut input = types::ImageShareInput::new(self.id.check()?);
        if let Some(l) = &self.label {
            input = input.label(label("shared image", l.clone())?);
        }
        if let Some(description) = &self.description {
            input = input.description(description.clone());
        }
        Ok(input)
    }
}

/// From anything that names an image: `&str`, `String`, [`ImageId`], ...
impl<T: Into<ImageId>> From<T> for ShareImage {
    fn from(id: T) -> Self {
        ShareImage::new(id)
    }
}

pub(super) fn image_list<I>(images: I) -> Result<Vec<types::ImageShareInput>>
where
    I: IntoIterator,
    I::Item: Into<ShareImage>,
{
    images.into_iter().map(|i| i.into().checked()).collect()
}

impl From<&ShareImage> for ShareImage {
    fn from(image: &ShareImage) -> Self {
        image.clone()
    }
}

/// The images shared in one of this account's share groups: get one from
/// [`ShareGroups::images`](super::ShareGroups::images). Each share is an [`Image`] of its own: id `shared/…`,
/// `type: shared`, `is_shared: null`, and `image_sharing.shared_by` naming the group and the
/// source image.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// for image in client.sharegroups().images(8306).list() {
///     let image = image?;
///     println!("{} {:?}", image.id, image.label);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct GroupImages<'a> {
    pub(super) client: &'a Client,
    pub(super) group: ShareGroupId,
}

impl<'a> GroupImages<'a> {
    /// The images shared in the group, lazily (`GET /images/sharegroups/{id}/images`;
    /// filterable on `label`, `tags`, `type`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let shared = client.sharegroups().images(8306).list().send()?;
    /// println!("{:?} images shared", shared.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> List<'a, ops::GetSharegroupImages> {
        list(self.client, ops::GetSharegroupImages::new(self.group.get()), self.group.check())
    }

    /// Shares private images in the group (`POST /images/sharegroups/{id}/images`): each
    /// becomes a new `shared/…` image. Linode answers with a page of the shares made (its
    /// published spec says one image; the live API sends a page), returned as it came. An
    /// empty list, an empty id or an empty share label is refused before any request.
    ///
    /// ```no_run
    /// use cloud_images::linode::ShareImage;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let page = client.sharegroups().images(8306).add([ShareImage::new("private/160700").label("debian-base")])?;
    /// for share in &page.items {
    ///     println!("{} from {:?}", share.id, share.image_sharing.as_ref().and_then(|s| s.shared_by.as_ref()));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn add<I>(&self, images: I) -> Result<Page<Image>>
    where
        I: IntoIterator,
        I::Item: Into<ShareImage>,
    {
        let id = self.group.check()?;
        let images = image_list(images)?;
        if images.is_empty() {
            return Err(Error::invalid_input(format!(
                "no image given to share in share group {id}: give at least one"
            )));
        }
        let op = ops::PostSharegroupImages::new(id, types::ShareGroupImagesAdd::new(images));
        let version = beta();
        let (envelope, items) =
            self.client.transport().list(&self.client.versioned_on(&version, &op), None)?;
        Ok(Page::new(items, envelope.page.unwrap_or(1), envelope.pages, envelope.results))
    }

    /// Changes the label or description of a shared image (`shared/…`) in the group
    /// (`PUT /images/sharegroups/{id}/images/{imageId}`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.sharegroups().images(8306).update("shared/5854").label("debian-base v2").send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, image: impl Into<ImageId>) -> UpdateImageShare<'a> {
        let image = image.into();
        let op = ops::PutSharegroupImageshare::new(
            self.group.get(),
            image.as_str(),
            types::ImageShareUpdate::default(),
        );
        UpdateImageShare::new(self.client, op, self.group.check().and_then(|_| image.check()))
    }

    /// Stops sharing a shared image (`shared/…`): no member can use it any more
    /// (`DELETE /images/sharegroups/{id}/images/{imageId}`). Linode answers `{}`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// client.sharegroups().images(8306).remove("shared/5854")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn remove(&self, image: impl Into<ImageId>) -> Result<()> {
        let image = image.into();
        let op = ops::DeleteSharegroupImageshare::new(self.group.check()?, image.check()?);
        send_empty(self.client, &op)
    }
}

/// Changes a shared image: set what changes ([`label`](Update::label), not empty;
/// [`description`](Update::description)), then [`send`](Update::send), which returns the shared
/// image after the change (`PUT /images/sharegroups/{id}/images/{imageId}`, to `v4beta`). Get
/// one from [`GroupImages::update`]; the one [`Update`] of every change.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.sharegroups().images(8306).update("shared/5854").description("CIS level 2").send()?;
/// # Ok(())
/// # }
/// ```
pub type UpdateImageShare<'a> = Update<'a, ops::PutSharegroupImageshare>;
