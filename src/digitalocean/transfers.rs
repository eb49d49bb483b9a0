//! `client.images().account_transfers(id)`: offering a snapshot to another account or team,
//! and accepting, withdrawing or declining such an offer.

use std::fmt;

use super::{Client, ImageId, TransferId, ops, types};
use crate::{Error, Result};

/// Who receives an image: an account, by email address, or a team, by uuid. The API takes
/// exactly one of the two; this type cannot hold both, nor neither.
///
/// ```
/// use cloud_images::digitalocean::Recipient;
///
/// let by_email = Recipient::email("ops@example.com");
/// let by_team = Recipient::team("4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10");
/// assert_eq!(by_team.to_string(), "team 4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10");
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Recipient {
    /// An account, by the email address it signs in with (`recipient_email`).
    Email(String),
    /// A team, by its uuid (`recipient_uuid`).
    Team(String),
}

impl Recipient {
    /// An account, by email address.
    ///
    /// ```
    /// let r = cloud_images::digitalocean::Recipient::email("ops@example.com");
    /// ```
    pub fn email(address: impl Into<String>) -> Self {
        Recipient::Email(address.into())
    }

    /// A team, by uuid.
    ///
    /// ```
    /// let r = cloud_images::digitalocean::Recipient::team("4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10");
    /// ```
    pub fn team(uuid: impl Into<String>) -> Self {
        Recipient::Team(uuid.into())
    }

    /// The request body, or the reason this recipient cannot be one.
    fn body(&self) -> Result<types::AccountTransferCreate> {
        match self {
            Recipient::Email(address) => {
                let address = address.trim();
                let looks_like_email = address
                    .split_once('@')
                    .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
                if !looks_like_email {
                    return Err(Error::invalid_input(format!(
                        "digitalocean account transfer: {address:?} is not an email address"
                    )));
                }
                Ok(types::AccountTransferCreate::new().recipient_email(address))
            }
            Recipient::Team(uuid) => {
                Ok(types::AccountTransferCreate::new()
                    .recipient_uuid(checked_uuid(uuid, "the recipient team")?))
            }
        }
    }
}

impl fmt::Display for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Recipient::Email(address) => write!(f, "account {address}"),
            Recipient::Team(uuid) => write!(f, "team {uuid}"),
        }
    }
}

/// `uuid` if it is one (`8-4-4-4-12` hexadecimal digits), else an input error naming `what`.
fn checked_uuid<'u>(uuid: &'u str, what: &str) -> Result<&'u str> {
    let uuid = uuid.trim();
    if !crate::ids::is_uuid(uuid) {
        return Err(Error::invalid_input(format!(
            "digitalocean account transfer: {what} {uuid:?} is not a uuid"
        )));
    }
    Ok(uuid)
}

/// What offering an image started.
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, Offered, Recipient};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// match client.images().account_transfers(7555620).offer(Recipient::email("ops@example.com"))? {
///     Offered::Pending(id) => println!("waiting for the recipient to accept transfer {id}"),
///     Offered::AlreadyAccepted => println!("the recipient has it already"),
///     _ => {} // the enum may grow
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offered {
    /// A transfer waits for the recipient to accept or decline it.
    Pending(TransferId),
    /// The recipient had already accepted: the API answered `transfer_id: 0`.
    AlreadyAccepted,
}

/// Account transfers of one image: get one from
/// [`Images::account_transfers`](super::Images::account_transfers). Only snapshots can be
/// offered: the API refuses other images with a 400 whose message says so (an
/// [`ErrorKind::Api`](crate::ErrorKind::Api) error).
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, Offered, Recipient};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let transfers = client.images().account_transfers(7555620);
/// if let Offered::Pending(id) = transfers.offer(Recipient::team("4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10"))? {
///     transfers.cancel(id)?; // changed our mind
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct AccountTransfers<'a> {
    client: &'a Client,
    image_id: ImageId,
}

impl<'a> AccountTransfers<'a> {
    pub(crate) fn new(client: &'a Client, image_id: ImageId) -> Self {
        AccountTransfers { client, image_id }
    }

    /// Offers the snapshot to `recipient` (`POST /v2/images/{id}/account_transfer`). An email
    /// without `@` and a domain, or a team id that is not a uuid, is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error with nothing sent.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, Recipient};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let offered = client.images().account_transfers(7555620).offer(Recipient::email("ops@example.com"))?;
    /// println!("{offered:?}");
    /// # Ok(())
    /// # }
    /// ```
    pub fn offer(&self, recipient: Recipient) -> Result<Offered> {
        let op = ops::ImagesPostAccountTransferCreate::new(self.image_id.check()?, recipient.body()?);
        Ok(match self.client.execute(&op)?.transfer_id {
            0 => Offered::AlreadyAccepted,
            id => Offered::Pending(TransferId::from(id)),
        })
    }

    /// Accepts an offered image into the team `recipient_team` (a uuid), as its recipient
    /// (`POST .../account_transfer/accept`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// client.images().account_transfers(7555620).accept(7734, "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn accept(&self, transfer: impl Into<TransferId>, recipient_team: &str) -> Result<()> {
        let transfer_id = transfer.into().check()?;
        let body = types::AccountTransferAccept::new(
            checked_uuid(recipient_team, "the recipient team")?,
            transfer_id,
        );
        self.client.execute(&ops::ImagesPostAccountTransferAccept::new(self.image_id.check()?, body))
    }

    /// Withdraws a pending offer, as its sender (`POST .../account_transfer/cancel`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// client.images().account_transfers(7555620).cancel(7734)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn cancel(&self, transfer: impl Into<TransferId>) -> Result<()> {
        let body = types::AccountTransferRef::new(transfer.into().check()?);
        self.client.execute(&ops::ImagesPostAccountTransferCancel::new(self.image_id.check()?, body))
    }

    /// Turns an offer down, as its recipient (`POST .../account_transfer/decline`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// client.images().account_transfers(7555620).decline(7734)?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn decline(&self, transfer: impl Into<TransferId>) -> Result<()> {
        let body = types::AccountTransferRef::new(transfer.into().check()?);
        self.client.execute(&ops::ImagesPostAccountTransferDecline::new(self.image_id.check()?, body))
    }
}
