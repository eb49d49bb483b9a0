//! The members of a share group: [`Members`] (list, add, get, update, revoke).

use super::super::types::{self, Membership};
use super::super::{Client, MembershipToken, ShareGroupId, TokenUuid, ops};
use super::{list, send, send_empty};
use crate::{List, Result};

/// The members of one of this account's share groups, by their token's `token_uuid`: get one
/// from [`ShareGroups::members`](super::ShareGroups::members).
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
    pub(super) client: &'a Client,
    pub(super) group: ShareGroupId,
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
        list(self.client, ops::GetSharegroupMembers::new(self.group.get()), self.group.check())
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
        let body = types::MemberAdd::new(super::label("member", label.into())?, token);
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
        let body = types::MemberUpdate::new(super::label("member", label.into())?);
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
