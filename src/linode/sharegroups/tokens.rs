//! The member's side: [`Tokens`], this account's membership tokens, and [`CreateToken`].

use super::super::types::{self, MemberShareGroup, Token, TokenCreated};
use super::super::{Client, TokenUuid, ops};
use super::{label, list, send, send_empty};
use crate::ids::is_uuid;
use crate::{Error, List, Result};

/// The member's side: this account's membership tokens for other accounts' share groups. Get
/// one from [`ShareGroups::tokens`](super::ShareGroups::tokens).
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
    pub(super) client: &'a Client,
}

impl<'a> Tokens<'a> {
    /// Asks to join the share group whose `uuid` is `sharegroup_uuid` (its `uuid`, not its
    /// `id`): [`send`](CreateToken::send) returns the token with its secret
    /// ([`MembershipToken`](super::super::MembershipToken)), **the only time Linode shows
    /// it**. Hand the secret to the group's owner, who adds you with
    /// [`Members::add`](super::Members::add). A `sharegroup_uuid` that is not a UUID is refused
    /// before any request.
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
        list(self.client, ops::GetUserTokens::new(), Ok(()))
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
        let body = types::TokenUpdate::new(super::label("token", label.into())?);
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
        list(self.client, ops::GetSharegroupImagesByToken::new(uuid.as_str()), uuid.check())
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
    pub(super) client: &'a Client,
    pub(super) uuid: String,
    pub(super) label: Option<String>,
}

impl CreateToken<'_> {
    crate::setters::setters! {
        /// Your own label for the token (not empty).
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
        /// let create = client.sharegroups().tokens().create("e1d0e58b-f89f-4237-84ab-b82077342359").label("team B");
        /// # Ok(())
        /// # }
        /// ```
        pub fn label(self, label: impl Into<String>) -> Self => label;
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
        if !is_uuid(&self.uuid) {
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
