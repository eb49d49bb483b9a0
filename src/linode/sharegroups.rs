//! `client.sharegroups()`: Linode's image share groups (beta), in the API's words.
//!
//! Every call goes to `v4beta`, the only API version that serves share groups, whatever the
//! client's own version: see [`Client::execute_on`].

use super::types::{self, ApiVersion, Image, MemberShareGroup, Membership, ShareGroup, Token, TokenCreated};
use super::{Client, ImageId, MembershipToken, ShareGroupId, TokenUuid, ops};
use crate::list::Paged;
use crate::{Error, List, Operation, Page, Result};

/// The only API version that serves share groups.
fn beta() -> ApiVersion {
    ApiVersion::V4beta
}

/// Sends `op` to `v4beta` and decodes its answer.
fn send<O: Operation>(client: &Client, op: &O) -> Result<O::Response> {
    client.execute_on(&beta(), op)
}

/// The listing of `op`, each page sent to `v4beta`; refused before any request when `refused`
/// says why (an id that cannot be sent).
fn list<'a, O: Paged>(client: &'a Client, op: O, refused: Option<String>) -> List<'a, O> {
    let client = client.clone();
    let list = List::new(op, move |op: &O, page| {
        let version = beta();
        client.transport().list(&client.versioned_on(&version, op), Some(page))
    });
    list.refuse("id", refused)
}

/// Sends `op` to `v4beta`; whatever body a 2xx answer has (Linode sends `{}`) is ignored.
fn send_empty<O: Operation>(client: &Client, op: &O) -> Result<()> {
    let version = beta();
    client.transport().send(&client.versioned_on(&version, op))?;
    Ok(())
}

/// A label that must not be empty (Linode refuses `""`).
fn label(what: &str, label: String) -> Result<String> {
    if label.trim().is_empty() {
        return Err(Error::invalid_input(format!("the label of a {what} must not be empty")));
    }
    Ok(label)
}

/// Linode's image share groups (beta): get one from [`Client::sharegroups`].
///
/// The owner's side: the groups ([`list`](Self::list), [`get`](Self::get),
/// [`create`](Self::create), [`update`](Self::update), [`delete`](Self::delete)), their
/// [`images`](Self::images) and their [`members`](Self::members). The member's side:
/// [`tokens`](Self::tokens). Every call goes to `v4beta`, whatever the client's API version.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// for group in client.sharegroups().list() {
///     let group = group?;
///     println!("{} {:?}: {:?} images", group.id, group.label, group.images_count);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ShareGroups<'a> {
    client: &'a Client,
}

impl<'a> ShareGroups<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        ShareGroups { client }
    }

    /// The share groups this account owns, lazily (`GET /images/sharegroups`; filterable on
    /// `label`). Groups it is a member of are seen through [`tokens`](Self::tokens).
    ///
    /// ```no_run
    /// use cloud_images::linode::Filter;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let golden = client.sharegroups().list().filter(Filter::contains("label", "golden")).send()?;
    /// println!("{:?} groups", golden.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> List<'a, ops::GetSharegroups> {
        list(self.client, ops::GetSharegroups::new(), None)
    }

    /// One share group this account owns (`GET /images/sharegroups/{id}`); another's is a 404.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client.sharegroups().get(8306)?;
    /// println!("{:?} has {:?} members", group.label, group.members_count);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, id: impl Into<ShareGroupId>) -> Result<ShareGroup> {
        send(self.client, &ops::GetSharegroup::new(id.into().check()?))
    }

    /// Creates a share group (`POST /images/sharegroups`), optionally sharing images in it at
    /// once; give its `uuid` to the accounts that should join. An empty label is refused
    /// before any request.
    ///
    /// ```no_run
    /// use cloud_images::linode::ShareImage;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client
    ///     .sharegroups()
    ///     .create("golden images")
    ///     .description("CI-built base images")
    ///     .image(ShareImage::new("private/160700").label("debian-base"))
    ///     .send()?;
    /// println!("give {:?} to the members", group.uuid);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(&self, label: impl Into<String>) -> CreateShareGroup<'a> {
        CreateShareGroup { client: self.client, label: label.into(), description: None, images: Vec::new() }
    }

    /// Changes a group's label or description (`PUT /images/sharegroups/{id}`); only what is
    /// set is sent. An empty label is refused before any request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client.sharegroups().update(8306).label("golden images v2").send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, id: impl Into<ShareGroupId>) -> UpdateShareGroup<'a> {
        UpdateShareGroup { client: self.client, id: id.into(), body: types::ShareGroupUpdate::default() }
    }

    /// Deletes a share group (`DELETE /images/sharegroups/{id}`): every member loses access to
    /// its images. Linode answers `{}`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// client.sharegroups().delete(8306)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete(&self, id: impl Into<ShareGroupId>) -> Result<()> {
        send_empty(self.client, &ops::DeleteSharegroup::new(id.into().check()?))
    }

    /// The images shared in one of this account's groups: list, add, update, remove.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let shared = client.sharegroups().images(8306).add(["private/160700"])?;
    /// println!("shared as {}", shared.items[0].id); // shared/5854
    /// # Ok(())
    /// # }
    /// ```
    pub fn images(&self, group: impl Into<ShareGroupId>) -> GroupImages<'a> {
        GroupImages { client: self.client, group: group.into() }
    }

    /// The members of one of this account's groups: list, add, get, update, revoke.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let secret = std::env::var("MEMBER_TOKEN").unwrap_or_default(); // handed over by the member
    /// let member = client.sharegroups().members(8306).add(secret, "team B")?;
    /// println!("{} is {:?}", member.token_uuid, member.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn members(&self, group: impl Into<ShareGroupId>) -> Members<'a> {
        Members { client: self.client, group: group.into() }
    }

    /// The member's side: this account's membership tokens for other accounts' groups, and
    /// those groups and their images.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// for token in client.sharegroups().tokens().list() {
    ///     let token = token?;
    ///     println!("{} {:?} {:?}", token.token_uuid, token.status, token.sharegroup_label);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn tokens(&self) -> Tokens<'a> {
        Tokens { client: self.client }
    }
}

/// The share groups of this account that share a private image:
/// [`Images::sharegroups`](super::Images::sharegroups).
pub(crate) fn of_image(client: &Client, id: ImageId) -> List<'_, ops::GetImagesSharegroupsImage> {
    let refused = id.check().err().map(|e| e.to_string());
    list(client, ops::GetImagesSharegroupsImage::new(id.as_str()), refused)
}

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

    /// The share's label (not empty).
    ///
    /// ```
    /// let image = cloud_images::linode::ShareImage::new("private/160700").label("debian-base");
    /// # let _ = image;
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// The share's description.
    ///
    /// ```
    /// let image = cloud_images::linode::ShareImage::new("private/160700").description("CIS level 1");
    /// # let _ = image;
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
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

impl From<&str> for ShareImage {
    fn from(id: &str) -> Self {
        ShareImage::new(id)
    }
}

impl From<String> for ShareImage {
    fn from(id: String) -> Self {
        ShareImage::new(id)
    }
}

impl From<&String> for ShareImage {
    fn from(id: &String) -> Self {
        ShareImage::new(id)
    }
}

impl From<ImageId> for ShareImage {
    fn from(id: ImageId) -> Self {
        ShareImage::new(id)
    }
}

impl From<&ImageId> for ShareImage {
    fn from(id: &ImageId) -> Self {
        ShareImage::new(id)
    }
}

fn image_list<I>(images: I) -> Result<Vec<types::ImageShareInput>>
where
    I: IntoIterator,
    I::Item: Into<ShareImage>,
{
    images.into_iter().map(|i| i.into().checked()).collect()
}

/// Creates a share group: set the optional parts, then [`send`](CreateShareGroup::send). Get
/// one from [`ShareGroups::create`].
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
    client: &'a Client,
    label: String,
    description: Option<String>,
    images: Vec<ShareImage>,
}

impl CreateShareGroup<'_> {
    /// The group's description.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.sharegroups().create("golden images").description("CI-built");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
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

impl From<&ShareImage> for ShareImage {
    fn from(image: &ShareImage) -> Self {
        image.clone()
    }
}

/// Changes a share group: set what changes, then [`send`](UpdateShareGroup::send). Get one
/// from [`ShareGroups::update`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let group = client.sharegroups().update(8306).description("only CIS images").send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct UpdateShareGroup<'a> {
    client: &'a Client,
    id: ShareGroupId,
    body: types::ShareGroupUpdate,
}

impl UpdateShareGroup<'_> {
    /// The new label (not empty).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let rename = client.sharegroups().update(8306).label("golden v2");
    /// # Ok(())
    /// # }
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.body.label = Some(label.into());
        self
    }

    /// The new description.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let update = client.sharegroups().update(8306).description("CI-built");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Sends the request; returns the group after the change. Takes the builder: its body moves
    /// into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client.sharegroups().update(8306).label("renamed").send()?;
    /// assert!(group.updated.is_some());
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<ShareGroup> {
        let id = self.id.check()?;
        let mut body = self.body;
        body.label = body.label.map(|l| label("share group", l)).transpose()?;
        send(self.client, &ops::PutSharegroup::new(id, body))
    }
}

/// The images shared in one of this account's share groups: get one from
/// [`ShareGroups::images`]. Each share is an [`Image`] of its own: id `shared/…`,
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
    client: &'a Client,
    group: ShareGroupId,
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
        let refused = self.group.check().err().map(|e| e.to_string());
        list(self.client, ops::GetSharegroupImages::new(self.group.get()), refused)
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
        UpdateImageShare {
            client: self.client,
            group: self.group,
            image: image.into(),
            body: types::ImageShareUpdate::default(),
        }
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

/// Changes a shared image: set what changes, then [`send`](UpdateImageShare::send). Get one
/// from [`GroupImages::update`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.sharegroups().images(8306).update("shared/5854").description("CIS level 2").send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct UpdateImageShare<'a> {
    client: &'a Client,
    group: ShareGroupId,
    image: ImageId,
    body: types::ImageShareUpdate,
}

impl UpdateImageShare<'_> {
    /// The share's new label (not empty).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let rename = client.sharegroups().images(8306).update("shared/5854").label("debian-base v2");
    /// # Ok(())
    /// # }
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.body.label = Some(label.into());
        self
    }

    /// The share's new description.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let update = client.sharegroups().images(8306).update("shared/5854").description("CIS level 2");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Sends the request; returns the shared image after the change. Takes the builder: its body
    /// moves into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.sharegroups().images(8306).update("shared/5854").label("v2").send()?;
    /// println!("{} {:?}", image.id, image.label);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<Image> {
        let group = self.group.check()?;
        let image = self.image.check()?;
        let mut body = self.body;
        body.label = body.label.map(|l| label("shared image", l)).transpose()?;
        send(self.client, &ops::PutSharegroupImageshare::new(group, image, body))
    }
}

/// The members of one of this account's share groups, by their token's `token_uuid`: get one
/// from [`ShareGroups::members`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// for member in client.sharegroups().members(8306).list() {
///     let member = member?;
///     println!("{} {:?} {:?}", member.token_uuid, member.label, member.status);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Members<'a> {
    client: &'a Client,
    group: ShareGroupId,
}

impl<'a> Members<'a> {
    /// The group's members, lazily (`GET /images/sharegroups/{id}/members`; filterable on
    /// `label`, `status`, `token_uuid`). Revoked ones stay listed for a while.
    ///
    /// ```no_run
    /// use cloud_images::linode::Filter;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let active = client.sharegroups().members(8306).list().filter(Filter::eq("status", "active")).send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> List<'a, ops::GetSharegroupMembers> {
        let refused = self.group.check().err().map(|e| e.to_string());
        list(self.client, ops::GetSharegroupMembers::new(self.group.get()), refused)
    }

    /// Adds the account whose secret membership `token` you were handed, under your own
    /// `label` for it (`POST /images/sharegroups/{id}/members`). A token works once. A blank
    /// token or an empty label is refused before any request; Linode answers a malformed
    /// token with a 500 `Invalid token format`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let token = std::fs::read_to_string("member-token.txt")?; // from the member
    /// let member = client.sharegroups().members(8306).add(token.trim(), "team B")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn add(&self, token: impl Into<MembershipToken>, label: impl Into<String>) -> Result<Membership> {
        let group = self.group.check()?;
        let token = token.into();
        token.check()?;
        let body = types::MemberAdd::new(self::label("member", label.into())?, token);
        send(self.client, &ops::PostSharegroupMembers::new(group, body))
    }

    /// One member, by its token's `token_uuid` (`GET /images/sharegroups/{id}/members/{uuid}`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let member = client.sharegroups().members(8306).get("4591075e-4ba8-43c9-a521-928c3d4a135d")?;
    /// println!("{:?}", member.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, token_uuid: impl Into<TokenUuid>) -> Result<Membership> {
        let uuid = token_uuid.into();
        send(self.client, &ops::GetSharegroupMemberToken::new(self.group.check()?, uuid.check()?))
    }

    /// Changes your label for a member (`PUT /images/sharegroups/{id}/members/{uuid}`); an
    /// empty label is refused before any request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let member = client.sharegroups().members(8306).update("4591075e-4ba8-43c9-a521-928c3d4a135d", "team C")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, token_uuid: impl Into<TokenUuid>, label: impl Into<String>) -> Result<Membership> {
        let uuid = token_uuid.into();
        let group = self.group.check()?;
        let body = types::MemberUpdate::new(self::label("member", label.into())?);
        send(self.client, &ops::PutSharegroupMemberToken::new(group, uuid.check()?, body))
    }

    /// Revokes a member (`DELETE /images/sharegroups/{id}/members/{uuid}`): it loses access to
    /// the group's images at once; the membership stays readable, `revoked`. Linode answers
    /// `{}`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// client.sharegroups().members(8306).revoke("4591075e-4ba8-43c9-a521-928c3d4a135d")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn revoke(&self, token_uuid: impl Into<TokenUuid>) -> Result<()> {
        let uuid = token_uuid.into();
        send_empty(self.client, &ops::DeleteSharegroupMemberToken::new(self.group.check()?, uuid.check()?))
    }
}

/// The member's side: this account's membership tokens for other accounts' share groups. Get
/// one from [`ShareGroups::tokens`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let created = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").send()?;
/// let secret = created.token.expose(); // once: Linode never shows it again
/// # let _ = secret;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Tokens<'a> {
    client: &'a Client,
}

impl<'a> Tokens<'a> {
    /// Asks to join the share group whose `uuid` is `sharegroup_uuid` (its `uuid`, not its
    /// `id`): [`send`](CreateToken::send) returns the token with its secret
    /// ([`MembershipToken`]), **the only time Linode shows it**. Hand the secret to the group's
    /// owner, who adds you with [`Members::add`]. A `sharegroup_uuid` that is not a UUID is
    /// refused before any request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let created = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").label("from team B").send()?;
    /// std::fs::write("member-token.txt", created.token.expose())?;
    /// println!("token {} is {:?}", created.token_uuid, created.status); // pending
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(&self, sharegroup_uuid: impl Into<String>) -> CreateToken<'a> {
        CreateToken { client: self.client, uuid: sharegroup_uuid.into(), label: None }
    }

    /// This account's membership tokens, lazily (`GET /images/sharegroups/tokens`; filterable
    /// on `label`, `status`, `valid_for_sharegroup_uuid`, `sharegroup_uuid`,
    /// `sharegroup_label`). The secrets are never listed.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let tokens = client.sharegroups().tokens().list().iter().collect::<Result<Vec<_>, _>>()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> List<'a, ops::GetUserTokens> {
        list(self.client, ops::GetUserTokens::new(), None)
    }

    /// One of this account's tokens (`GET /images/sharegroups/tokens/{uuid}`), e.g. to see
    /// whether the owner accepted it (`pending`, then `active`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let token = client.sharegroups().tokens().get("13428362-5458-4dad-b14b-8d0d4d648f8c")?;
    /// println!("{:?}", token.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, token_uuid: impl Into<TokenUuid>) -> Result<Token> {
        send(self.client, &ops::GetSharegroupToken::new(token_uuid.into().check()?))
    }

    /// Changes the label of one of this account's tokens
    /// (`PUT /images/sharegroups/tokens/{uuid}`); an empty label is refused first.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let token = client.sharegroups().tokens().update("13428362-5458-4dad-b14b-8d0d4d648f8c", "golden images")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, token_uuid: impl Into<TokenUuid>, label: impl Into<String>) -> Result<Token> {
        let uuid = token_uuid.into();
        let body = types::TokenUpdate::new(self::label("token", label.into())?);
        send(self.client, &ops::PutSharegroupToken::new(uuid.check()?, body))
    }

    /// Deletes one of this account's tokens, leaving its group (or withdrawing the request)
    /// (`DELETE /images/sharegroups/tokens/{uuid}`). Linode answers `{}`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// client.sharegroups().tokens().delete("13428362-5458-4dad-b14b-8d0d4d648f8c")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete(&self, token_uuid: impl Into<TokenUuid>) -> Result<()> {
        send_empty(self.client, &ops::DeleteSharegroupToken::new(token_uuid.into().check()?))
    }

    /// The share group a token belongs to, as a member sees it
    /// (`GET /images/sharegroups/tokens/{uuid}/sharegroup`); once the owner accepted it.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let group = client.sharegroups().tokens().sharegroup("13428362-5458-4dad-b14b-8d0d4d648f8c")?;
    /// println!("{} {:?}", group.id, group.label);
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroup(&self, token_uuid: impl Into<TokenUuid>) -> Result<MemberShareGroup> {
        send(self.client, &ops::GetSharegroupByToken::new(token_uuid.into().check()?))
    }

    /// The images shared in a token's share group, lazily
    /// (`GET /images/sharegroups/tokens/{uuid}/sharegroup/images`; filterable on `label`,
    /// `tags`, `type`). Deploy them by their `shared/…` id.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// for image in client.sharegroups().tokens().images("13428362-5458-4dad-b14b-8d0d4d648f8c") {
    ///     println!("{}", image?.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn images(&self, token_uuid: impl Into<TokenUuid>) -> List<'a, ops::GetSharegroupImagesByToken> {
        let uuid = token_uuid.into();
        let refused = uuid.check().err().map(|e| e.to_string());
        list(self.client, ops::GetSharegroupImagesByToken::new(uuid.as_str()), refused)
    }
}

/// Creates a membership token: set the label if you like, then [`send`](CreateToken::send).
/// Get one from [`Tokens::create`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let created = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct CreateToken<'a> {
    client: &'a Client,
    uuid: String,
    label: Option<String>,
}

impl CreateToken<'_> {
    /// Your own label for the token (not empty).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").label("team B");
    /// # Ok(())
    /// # }
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Sends the request (never retried but on a 429); returns the token with its secret
    /// `token`, which Linode never shows again. A token for a group this account owns is
    /// refused by Linode (400). Takes the builder: what it holds moves into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let created = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").send()?;
    /// println!("{:?}", created.token); // ** redacted **: use `created.token.expose()`
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<TokenCreated> {
        if !crate::ids::is_uuid(&self.uuid) {
            return Err(Error::invalid_input(format!(
                "{:?} is not a share group uuid (8-4-4-4-12 hexadecimal digits; not the group's numeric id)",
                self.uuid
            )));
        }
        let mut body = types::TokenCreate::new(self.uuid);
        if let Some(l) = self.label {
            body = body.label(label("token", l)?);
        }
        send(self.client, &ops::PostSharegroupTokens::new(body))
    }
}
