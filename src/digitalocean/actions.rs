//! `client.images().actions(id)`: transfer, convert, get, list and wait for image actions.

use super::types::{ImageActionType, RegionSlug};
use super::{ActionId, Client, ImageId, ops, types};
use crate::error::ErrorKind;
use crate::retry::Deadline;
use crate::wait::{Status, Wait};
use crate::{Error, List, Result};

/// The actions of one image: from [`Images::actions`](super::Images::actions).
///
/// ```no_run
/// use std::time::Duration;
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let actions = client.images().actions(7555620);
/// let started = actions.convert()?;
/// let done = actions.wait_until_completed(started.id).timeout(Duration::from_secs(600)).send()?;
/// println!("{:?} {:?}", done.type_, done.status);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ImageActions<'a> {
    client: &'a Client,
    image_id: ImageId,
}

impl<'a> ImageActions<'a> {
    pub(crate) fn new(client: &'a Client, image_id: ImageId) -> Self {
        ImageActions { client, image_id }
    }

    /// The id of the image these actions work on.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// assert_eq!(client.images().actions(7555620).image_id().get(), 7555620);
    /// # Ok(())
    /// # }
    /// ```
    pub fn image_id(&self) -> ImageId {
        self.image_id
    }

    /// Starts copying the image to another region (`{"type": "transfer", "region": ...}`);
    /// returns the action, `in-progress`. An empty region is an
    /// [`ErrorKind::InvalidInput`] error and nothing is sent.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, RegionSlug};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let action = client.images().actions(7555620).transfer(RegionSlug::Sfo3)?;
    /// println!("action {} is {:?}", action.id, action.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn transfer(&self, region: impl Into<RegionSlug>) -> Result<types::Action> {
        let region = region.into();
        if region.as_str().trim().is_empty() {
            return Err(Error::invalid_input(format!(
                "digitalocean image {}: the region to transfer to must not be empty",
                self.image_id
            )));
        }
        self.post(types::ImageActionCreate::new(ImageActionType::Transfer).region(region))
    }

    /// Starts converting the image (a backup) into a snapshot (`{"type": "convert"}`).
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let action = client.images().actions(7555620).convert()?;
    /// println!("action {} is {:?}", action.id, action.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn convert(&self) -> Result<types::Action> {
        self.post(types::ImageActionCreate::new(ImageActionType::Convert))
    }

    fn post(&self, body: types::ImageActionCreate) -> Result<types::Action> {
        let op = ops::ImageActionsPost::new(self.image_id.check()?, body);
        Ok(self.client.execute(&op)?.action)
    }

    /// Gets one action of the image (`GET /v2/images/{image_id}/actions/{action_id}`).
    /// Action ids start at 1: 0 is an [`ErrorKind::InvalidInput`] error.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let action = client.images().actions(7555620).get(36805527)?;
    /// println!("{:?} since {:?}", action.status, action.started_at);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, action_id: impl Into<ActionId>) -> Result<types::Action> {
        let action_id = action_id.into().check()?;
        let op = ops::ImageActionsGet { image_id: self.image_id.check()?, action_id };
        Ok(self.client.execute(&op)?.action)
    }

    /// A wait's look at one action: [`get`](ImageActions::get), within the wait's deadline `by`
    /// too.
    fn look(&self, action_id: ActionId, by: &Deadline) -> Result<types::Action> {
        let op = ops::ImageActionsGet { image_id: self.image_id.check()?, action_id: action_id.check()? };
        Ok(self.client.inner.execute_by(&op, by)?.action)
    }

    /// Lists the image's actions (`GET /v2/images/{image_id}/actions`): one page
    /// ([`send`](List::send)) or all of them, lazily ([`iter`](List::iter)); see
    /// [`ListImageActions`]. An image id of 0 is an [`ErrorKind::InvalidInput`] error when
    /// sent, before any request.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// for action in client.images().actions(7555620).list().iter() {
    ///     let action = action?;
    ///     println!("{} {:?} {:?}", action.id, action.type_, action.status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> ListImageActions<'a> {
        super::list::list(self.client, ops::ImageActionsList::new(self.image_id.get()))
            .refuse_unless(self.image_id.check())
    }

    /// Waits until the action is `completed` (`in-progress` means not yet; statuses are
    /// compared ignoring case): set the timeout, interval or `on_poll` callback, then
    /// [`send`](Wait::send). It ends as every wait does (see [`Wait`]); an `errored` action is
    /// an [`ErrorKind::WaitFailed`] error.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let actions = client.images().actions(7555620);
    /// let action = actions.transfer("sfo3")?;
    /// let done = actions.wait_until_completed(action.id).timeout(Duration::from_secs(3600)).send()?;
    /// println!("completed at {:?}", done.completed_at);
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_completed(&self, action_id: impl Into<ActionId>) -> Wait<'a, types::Action> {
        let action_id = action_id.into();
        let actions = *self;
        let image_id = self.image_id;
        let clock = self.client.inner.settings.clock.clone();
        let look = move |by: &Deadline| actions.look(action_id, by);
        let status: fn(&types::Action) -> Option<&str> = |action| action.status.as_ref().map(|s| s.as_str());
        let failed = move |action: &types::Action, status: &Status<'_>| {
            let kind = action.type_.as_deref().unwrap_or("image");
            status.is("errored").then(|| {
                Error::new(
                    ErrorKind::WaitFailed,
                    format!("digitalocean {kind} action {action_id} on image {image_id} errored"),
                )
            })
        };
        let subject = format!("digitalocean action {action_id} on image {image_id}");
        Wait::for_status(subject, clock, "completed", look, status, failed)
    }
}

/// The listing of [`ImageActions::list`]: the one [`List`] of every listing, sending
/// [`imageActions_list`](ops::ImageActionsList). Set the page and the page size, then
/// [`send`](List::send) for one page or [`iter`](List::iter) for every action. The builder is
/// only read.
///
/// ```no_run
/// use cloud_images::digitalocean::{Client, ListImageActions};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let list: ListImageActions<'_> = client.images().actions(7555620).list().page_size(50);
/// println!("{:?} actions in all", list.send()?.total);
/// # Ok(())
/// # }
/// ```
pub type ListImageActions<'a> = List<'a, ops::ImageActionsList>;
