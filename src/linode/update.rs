//! [`Update`], the one builder of Linode's changes to an object's label and description: an
//! image ([`UpdateImage`](super::UpdateImage)), a share group
//! ([`UpdateShareGroup`](super::UpdateShareGroup)) and an image shared in a group
//! ([`UpdateImageShare`](super::UpdateImageShare)); and [`Change`], the requests it sends.

use std::fmt;

use super::types::ApiVersion;
use super::{Client, ops};
use crate::setters::Set;
use crate::{Error, Operation, Result};

/// What a change is, which users do not see: a supertrait of [`Change`] in a private module.
pub(crate) mod sealed {
    use super::ApiVersion;

    /// The hidden half of [`Change`](super::Change).
    pub trait Change {
        /// The API version the request goes to; `None`: the client's own.
        const VERSION: Option<ApiVersion>;
        /// What the label is the label of, when Linode refuses an empty one (`share group`);
        /// `None`: the label is sent as it is.
        const NOT_EMPTY: Option<&'static str>;
        /// The body's label and description.
        fn texts(&mut self) -> (&mut Option<String>, &mut Option<String>);
    }
}

/// A Linode `PUT` that changes an object's label and description, and what an [`Update`]
/// sends: [`ops::PutImage`] (an image, to the client's API version; its tags too),
/// [`ops::PutSharegroup`] (a share group) and [`ops::PutSharegroupImageshare`] (an image shared
/// in a group; both to `v4beta`, with a label that must not be empty). Sealed.
///
/// ```
/// use cloud_images::linode::{Change, Update, ops};
///
/// // Any of the three changes, renamed by the same rule.
/// fn renamed<'a, O: Change>(update: Update<'a, O>, date: &str) -> Update<'a, O> {
///     update.label(format!("golden-{date}"))
/// }
/// # let _ = renamed::<ops::PutSharegroup>;
/// ```
pub trait Change: Operation + Clone + fmt::Debug + sealed::Change {}

impl Change for ops::PutImage {}
impl Change for ops::PutSharegroup {}
impl Change for ops::PutSharegroupImageshare {}

/// Each change's body has a `label` and a `description`; they differ in the API version they
/// go to and in whether an empty label is refused.
macro_rules! changes {
    ($($op:ident: $version:expr, $not_empty:expr;)*) => {$(
        impl sealed::Change for ops::$op {
            const VERSION: Option<ApiVersion> = $version;
            const NOT_EMPTY: Option<&'static str> = $not_empty;

            fn texts(&mut self) -> (&mut Option<String>, &mut Option<String>) {
                (&mut self.body.label, &mut self.body.description)
            }
        }
    )*};
}

changes! {
    PutImage: None, None;
    PutSharegroup: Some(ApiVersion::V4beta), Some("share group");
    PutSharegroupImageshare: Some(ApiVersion::V4beta), Some("shared image");
}

/// Changes an object: set what changes, then [`send`](Update::send). Fields not set are left
/// out of the request and stay as they are. One builder for every change
/// ([`Change`]); get one from `update(..)`: [`UpdateImage`](super::UpdateImage) from
/// [`Images::update`](super::Images::update), [`UpdateShareGroup`](super::UpdateShareGroup)
/// from [`ShareGroups::update`](super::ShareGroups::update),
/// [`UpdateImageShare`](super::UpdateImageShare) from
/// [`GroupImages::update`](super::GroupImages::update).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.images().update("private/123").label("golden").description("CIS level 1").send()?;
/// let group = client.sharegroups().update(8306).label("golden images v2").send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct Update<'a, O: Change> {
    client: &'a Client,
    /// The request: its ids as given, its body as set so far.
    pub(super) op: O,
    /// Why it cannot be sent (an id that did not pass its check): said by `send`, before any
    /// request.
    refused: Option<String>,
}

impl<'a, O: Change> Update<'a, O> {
    /// The change `op`, sent with `client`; refused by `send` when its ids did not pass their
    /// `check` (that error's message says why).
    pub(crate) fn new<T>(client: &'a Client, op: O, check: Result<T>) -> Self {
        Update { client, op, refused: check.err().map(|e| e.to_string()) }
    }

    /// The new label. A share group's and a share's must not be empty: an empty one is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when sent, before any
    /// request.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let rename = client.images().update("private/123").label("gold-master-v2"); // `send()` sends it
    /// let group = client.sharegroups().update(8306).label("golden v2");
    /// let share = client.sharegroups().images(8306).update("shared/5854").label("debian-base v2");
    /// # Ok(())
    /// # }
    /// ```
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.op.texts().0.set(label);
        self
    }

    /// The new description.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let update = client.images().update("private/123").description("nginx on Debian 12");
    /// let group = client.sharegroups().update(8306).description("CI-built");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.op.texts().1.set(description);
        self
    }

    /// Sends the request; returns the object after the change (the image, the share group,
    /// the shared image). Takes the builder: its body moves into the request. An id that
    /// cannot be sent, or an empty label where Linode refuses one, is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error first.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().update("private/123").label("renamed").send()?;
    /// assert_eq!(image.label.as_deref(), Some("renamed"));
    /// let group = client.sharegroups().update(8306).label("renamed").send()?;
    /// assert!(group.updated.is_some());
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<O::Response> {
        let Update { client, mut op, refused } = self;
        if let Some(why) = refused {
            return Err(Error::invalid_input(why));
        }
        if let Some(what) = O::NOT_EMPTY {
            let label = op.texts().0;
            *label = label.take().map(|l| super::sharegroups::label(what, l)).transpose()?;
        }
        match O::VERSION {
            Some(version) => client.execute_on(&version, &op),
            None => client.execute(&op),
        }
    }
}
