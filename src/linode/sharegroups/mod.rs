//! `client.sharegroups()`: Linode's image share groups (beta), in the API's words.
//!
//! Every call goes to `v4beta`, the only API version that serves share groups, whatever the
//! client's own version: see [`Client::execute_on`]. The owner's side: the groups (this file and
//! `groups.rs`), their images (`images.rs`) and members (`members.rs`); the member's side: its
//! tokens (`tokens.rs`).

use super::types::{self, ApiVersion, ShareGroup};
use super::{Client, ImageId, ShareGroupId, ops};
use crate::list::Paged;
use crate::{Error, List, Operation, Result};

mod groups;
mod images;
mod members;
mod tokens;

pub use groups::{CreateShareGroup, UpdateShareGroup};
pub use images::{GroupImages, ShareImage, UpdateImageShare};
pub use members::Members;
pub use tokens::{CreateToken, Tokens};

/// The only API version that serves share groups.
pub(super) fn beta() -> ApiVersion {
    ApiVersion::V4beta
}

/// Sends `op` to `v4beta` and decodes its answer.
pub(super) fn send<O: Operation>(client: &Client, op: &O) -> Result<O::Response> {
    client.execute_on(&beta(), op)
}

/// The listing of `op`, each page sent to `v4beta`; refused before any request when the id it
/// lists under did not pass its `check`.
pub(super) fn list<'a, O: Paged, T>(client: &'a Client, op: O, check: Result<T>) -> List<'a, O> {
    let client = client.clone();
    let list = List::new(op, move |op: &O, page| {
        let version = beta();
        client.transport().list(&client.versioned_on(&version, op), Some(page))
    });
    list.refuse_unless(check)
}

/// Sends `op` to `v4beta`; whatever body a 2xx answer has (Linode sends `{}`) is ignored.
pub(super) fn send_empty<O: Operation>(client: &Client, op: &O) -> Result<()> {
    let version = beta();
    client.transport().send(&client.versioned_on(&version, op))?;
    Ok(())
}

/// A label that must not be empty (Linode refuses `""`).
pub(super) fn label(what: &str, label: String) -> Result<String> {
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
        list(self.client, ops::GetSharegroups::new(), Ok(()))
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
        let id = id.into();
        UpdateShareGroup::new(
            self.client,
            ops::PutSharegroup::new(id.get(), types::ShareGroupUpdate::default()),
            id.check(),
        )
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
    list(client, ops::GetImagesSharegroupsImage::new(id.as_str()), id.check())
}
