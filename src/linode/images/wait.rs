//! Waiting for a Linode image: until it is available, or until its replicas are.

use super::super::types::Image;
use super::super::{ImageId, ops};
use super::{Images, regions_of};
use crate::error::ErrorKind;
use crate::retry::Deadline;
use crate::wait::{Poll, Status, Wait};
use crate::{Error, Result};

/// Why an image may disappear while waited for.
const GONE: &str = "the upload failed or expired, or it was deleted";

impl<'a> Images<'a> {
    /// Waits until the image's status is `available` (any case): set the timeout, interval or
    /// `on_poll` callback, then [`send`](Wait::send). How a wait ends is the same for every
    /// provider (see [`Wait`]): a 404 after the image was seen (a failed or expired upload is
    /// deleted) is an [`ErrorKind::WaitFailed`] error; running out of time an
    /// [`ErrorKind::Timeout`] error with the last status.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_until_available("private/123").timeout(Duration::from_secs(600)).send()?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_available(&self, id: impl Into<ImageId>) -> Wait<'a, Image> {
        let images = *self;
        let id = id.into();
        if let Err(e) = id.check() {
            return Wait::failed(e);
        }
        let subject = format!("linode image {id}");
        let look = move |by: &Deadline| images.look(&id, by);
        let status: fn(&Image) -> Option<&str> = |image| image.status.as_ref().map(|s| s.as_str());
        Wait::for_status(subject, images.clock(), "available", look, status, |_, _| None).when_gone(GONE)
    }

    /// The clock waits sleep on: the client's.
    fn clock(&self) -> crate::clock::Clock {
        self.client.transport().settings.clock.clone()
    }

    /// A wait's look at the image: [`get`](Images::get), within the wait's deadline `by` too.
    fn look(&self, id: &ImageId, by: &Deadline) -> Result<Image> {
        let op = ops::GetImage::new(id.check()?.to_string());
        self.client.transport().execute_by(&self.client.versioned(&op), by)
    }

    /// Waits until each of `regions` is listed in the image's `regions` with status
    /// `available` (any case); other regions are not looked at. Ends as
    /// [`wait_until_available`](Images::wait_until_available) does; a region whose replica
    /// reports `timedout` is an [`ErrorKind::WaitFailed`] error, and so is a region the image
    /// is not in: one still not listed at the third look (Linode lists new regions as soon as
    /// [`replicate`](Images::replicate) answers) ends the wait with an error naming the
    /// image's regions, rather than waiting out the timeout. An empty list is an
    /// [`ErrorKind::InvalidInput`] error from `send`, with nothing sent.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_until_replicated("private/123", ["us-mia"]).timeout(Duration::from_secs(1800)).send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_replicated<I>(&self, id: impl Into<ImageId>, regions: I) -> Wait<'a, Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let none = |id: &ImageId| format!("no region given to wait for the replicas of {id}");
        let (id, wanted) = match regions_of(id.into(), regions, none) {
            Ok(checked) => checked,
            Err(e) => return Wait::failed(e),
        };
        let images = *self;
        let what = format!("the replicas of linode image {id} in {}", wanted.join(", "));
        let mut unlisted_looks: u32 = 0;
        Wait::new(what, self.clock(), move |by| {
            let image = images.look(&id, by)?;
            let mut pending = Vec::new();
            let mut unlisted = Vec::new();
            for region in &wanted {
                let replica = image
                    .regions
                    .iter()
                    .find(|r| r.region.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(region)));
                match replica.map(|r| Status::of(r.status.as_ref().map(|s| s.as_str()))) {
                    Some(s) if s.is("available") => {}
                    Some(s) if s.is("timedout") => {
                        return Err(Error::new(
                            ErrorKind::WaitFailed,
                            format!("the replication of image {id} to {region} timed out"),
                        )
                        .with_last_status(Some(format!("{region}: timedout"))));
                    }
                    Some(s) => pending.push(format!("{region}: {s}")),
                    None => {
                        pending.push(format!("{region}: not listed"));
                        unlisted.push(region.as_str());
                    }
                }
            }
            if !unlisted.is_empty() {
                unlisted_looks = unlisted_looks.saturating_add(1);
                if unlisted_looks >= NOT_LISTED_LOOKS {
                    return Err(not_replicated(&id, &unlisted, &image, pending.join(", ")));
                }
            }
            if pending.is_empty() {
                return Ok(Poll::Ready(image));
            }
            Ok(Poll::Pending(pending.join(", ")))
        })
        .when_gone(GONE)
    }
}

/// How many looks may find a waited-for region missing from the image's regions before the
/// wait gives up on it.
const NOT_LISTED_LOOKS: u32 = 3;

/// A wait for replicas in `regions`, which the image is not in.
fn not_replicated(id: &ImageId, regions: &[&str], image: &Image, last_status: String) -> Error {
    let has: Vec<&str> = image.regions.iter().filter_map(|r| r.region.as_deref()).collect();
    let has = if has.is_empty() { "none".to_string() } else { has.join(", ") };
    let regions = regions.join(", ");
    Error::new(
        ErrorKind::WaitFailed,
        format!(
            "linode image {id} is not replicated to {regions}: its regions are {has} (after {NOT_LISTED_LOOKS} \
             looks); replicate it there first (images().add_regions or replicate), then wait"
        ),
    )
    .with_last_status(Some(last_status))
}
