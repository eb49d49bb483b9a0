//! `client.images()`: every operation of the Linode Images API, in the API's words.

use super::types::{self, Image};
use super::upload::{self, CreateUpload, Upload, UploadSource, UploadUrl};
use super::{Client, ImageId, ops};
use crate::error::ErrorKind;
use crate::retry::Deadline;
use crate::wait::{Poll, Status, Wait};
use crate::{Error, List, Result};

/// Why an image may disappear while waited for.
const GONE: &str = "the upload failed or expired, or it was deleted";

/// The Images API of a Linode [`Client`]: get one from [`Client::images`].
///
/// Every call uses the client's API version, token, retries and timeouts.
///
/// ```no_run
/// use cloud_images::linode::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::anonymous()?; // public images need no token
/// let images = client.images();
/// let debian = images.get("linode/debian12")?;
/// println!("{} is {:?}", debian.id, debian.status);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Images<'a> {
    client: &'a Client,
}

impl<'a> Images<'a> {
    pub(crate) fn new(client: &'a Client) -> Self {
        Images { client }
    }

    /// Lists images: [`send`](List::send) fetches one page, [`iter`](List::iter) every image,
    /// page by page as needed (`GET /images`; see [`ListImages`]).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, Filter};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// for image in client.images().list().page_size(500).filter(Filter::eq("is_public", false)).iter() {
    ///     let image = image?;
    ///     println!("{} {}", image.id, image.label.as_deref().unwrap_or("-"));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> ListImages<'a> {
        let client = self.client.clone();
        List::new(ops::GetImages::new(), move |op, page| {
            client.transport().list(&client.versioned(op), Some(page))
        })
    }

    /// One image by id: `linode/debian12`, `private/123`, `shared/456` (`GET /images/{id}`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let public = cloud_images::linode::Client::anonymous()?; // public images only
    /// let image = public.images().get("linode/debian12")?;
    /// println!("{:?} ({:?} MB)", image.label, image.size);
    /// let client = cloud_images::linode::Client::from_env()?; // with LINODE_TOKEN
    /// let mine = client.images().get("private/123")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, id: impl Into<ImageId>) -> Result<Image> {
        self.client.execute(&ops::GetImage::new(id.into().into_checked()?))
    }

    /// The share groups of this account that share the private image `id`, lazily
    /// (`GET /images/{id}/sharegroups`, sent to `v4beta` like every share-group call;
    /// filterable on `label`). Empty for public and `shared/…` images.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// for group in client.images().sharegroups("private/160700") {
    ///     let group = group?;
    ///     println!("shared in {} {:?}", group.id, group.label);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroups(&self, id: impl Into<ImageId>) -> List<'a, ops::GetImagesSharegroupsImage> {
        super::sharegroups::of_image(self.client, id.into())
    }

    /// Captures a private image from the disk `disk_id` of one of your Linodes
    /// (`POST /images`). The image starts as `creating`; see
    /// [`wait_until_available`](Images::wait_until_available).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client
    ///     .images()
    ///     .create(123_456, "gold-master")
    ///     .description("base image for web servers")
    ///     .tags(["prod"])
    ///     .cloud_init(true)
    ///     .send()?;
    /// println!("capturing {}", image.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(&self, disk_id: u64, label: impl Into<String>) -> CreateImage<'a> {
        CreateImage { client: self.client, body: types::ImageCreate::new(disk_id).label(label) }
    }

    /// Changes the label, description or tags of a private image (`PUT /images/{id}`);
    /// only what is set is sent.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// // A new label, and no tags at all (sends `"tags": []`).
    /// let image = client.images().update("private/123").label("new").tags(Vec::<String>::new()).send()?;
    /// assert!(image.tags.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self, id: impl Into<ImageId>) -> UpdateImage<'a> {
        UpdateImage { client: self.client, id: id.into(), body: types::ImageUpdate::default() }
    }

    /// Deletes a private image and all its replicas (`DELETE /images/{id}`). Whatever body a
    /// 2xx answer has (Linode sends `{}`) is ignored.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// client.images().delete("private/123")?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn delete(&self, id: impl Into<ImageId>) -> Result<()> {
        let id = id.into();
        let op = ops::DeleteImage::new(id.check()?);
        // Linode answers `{}`: whatever the body, it is not read.
        self.client.transport().send(&self.client.versioned(&op))?;
        Ok(())
    }

    /// Stores the image in exactly these regions (`POST /images/{id}/regions`). The list
    /// **replaces** the image's regions: a region left out loses its copy, the image's first
    /// region included (`replicate(id, ["us-ord", "fr-par"])` on an image in `us-east` removes
    /// it from `us-east`). To add regions and keep the current ones, use
    /// [`add_regions`](Images::add_regions). An empty list is an [`ErrorKind::InvalidInput`]
    /// error, and nothing is sent. The answer lists the new regions at once, `pending
    /// replication`: follow with [`wait_until_replicated`](Images::wait_until_replicated).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let images = client.images();
    /// // Names the image's own region (us-east) too, or its copy there would be removed.
    /// images.replicate("private/123", ["us-east", "us-mia"])?;
    /// let image = images.wait_until_replicated("private/123", ["us-east", "us-mia"]).timeout(Duration::from_secs(1800)).send()?;
    /// println!("{} regions", image.regions.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn replicate<I>(&self, id: impl Into<ImageId>, regions: I) -> Result<Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let id = id.into();
        id.check()?;
        let regions = region_list(regions)?;
        if regions.is_empty() {
            return Err(Error::invalid_input(format!(
                "cannot replicate {id} to no region: the list replaces the current one; delete the image instead"
            )));
        }
        self.client.execute(&ops::PostReplicateImage::new(id.as_str(), types::ImageReplicate::new(regions)))
    }

    /// Adds regions to the image and keeps the ones it has: reads the image
    /// (`GET /images/{id}`), then sends [`replicate`](Images::replicate) its regions, in their
    /// order, followed by those of `regions` it does not have yet, compared ignoring case
    /// (`POST /images/{id}/regions`). Returns the image as that answers, the new regions
    /// `pending replication`. A region the image is being removed from (`pending deletion`) is
    /// not kept. When the image is in every region already, nothing is sent after the read and
    /// the image is returned as read. An empty list or region is an
    /// [`ErrorKind::InvalidInput`] error, and nothing is sent.
    ///
    /// A read then a write: if someone else changes the image's regions in between, their
    /// change is overwritten (a region they added is removed again, one they removed is back).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// // In us-east: now in us-east, us-ord and fr-par.
    /// let image = client.images().add_regions("private/123", ["us-ord", "fr-par"])?;
    /// let image = client.images().wait_until_replicated(&image.id, ["us-ord", "fr-par"]).timeout(Duration::from_secs(1800)).send()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn add_regions<I>(&self, id: impl Into<ImageId>, regions: I) -> Result<Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let id = id.into();
        id.check()?;
        let added = region_list(regions)?;
        if added.is_empty() {
            return Err(Error::invalid_input(format!("no region given to add to {id}")));
        }
        let image = self.get(&id)?;
        let mut all: Vec<String> = Vec::new();
        let kept = image.regions.iter().filter(|r| {
            !r.status.as_ref().is_some_and(|s| s.as_str().eq_ignore_ascii_case("pending deletion"))
        });
        for region in kept.filter_map(|r| r.region.clone()).chain(added) {
            if !all.iter().any(|r| r.eq_ignore_ascii_case(&region)) {
                all.push(region);
            }
        }
        let has_all = all.iter().all(|wanted| {
            image.regions.iter().any(|r| r.region.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(wanted)))
        });
        if has_all {
            return Ok(image);
        }
        self.replicate(&id, all)
    }

    /// Creates an empty image waiting for its data (`POST /images/upload`): returns the image
    /// and the pre-signed `upload_to` URL, valid for 24 hours. The lower-level half of
    /// [`upload`](Images::upload); send the data with [`upload_to`](Images::upload_to).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload, UploadSource};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let created = client.images().create_upload(CreateUpload::new("my-image", "us-east"))?;
    /// client.images().upload_to(&created.upload_to, UploadSource::file("disk.img.gz"))?;
    /// println!("uploaded {}", created.image.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_upload(&self, request: CreateUpload) -> Result<types::ImageUpload> {
        self.client.execute(&ops::PostUploadImage::new(request.into_body()))
    }

    /// Sends an image's data to a pre-signed `upload_to` URL (an [`UploadUrl`], or any `&str`
    /// or `String`), as [`upload`](Images::upload) does after creating the image: a raw source
    /// is gzip-compressed into a temporary file first, a gzip source is sent as is; sizes are
    /// checked before anything is sent; then one `PUT` with an exact `Content-Length` and no
    /// `Authorization` header, retried only when the data can be read again from the start.
    /// Errors show the URL without its query (its signature).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, UploadSource};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let url = "https://us-east-1.linodeobjects.com/...";
    /// client.images().upload_to(url, UploadSource::file("disk.img"))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn upload_to(&self, url: impl Into<UploadUrl>, source: UploadSource<'_>) -> Result<()> {
        upload::upload_to(self.client, url.into().expose(), source)
    }

    /// Uploads a disk image: checks the source (type, sizes), creates the image
    /// ([`create_upload`](Images::create_upload): a bad region fails here, before any
    /// compression), compresses a raw image and streams the data to it
    /// ([`upload_to`](Images::upload_to)). If a step after the create fails, the image is
    /// deleted again (see [`Upload`]). Returns the image as created (`pending_upload`); follow
    /// with [`wait_until_available`](Images::wait_until_available).
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let image = client
    ///     .images()
    ///     .upload(CreateUpload::new("my-image", "us-east").description("built by CI"))
    ///     .progress(|p| eprintln!("{:?}: {} of {} bytes", p.phase, p.done, p.total))
    ///     .file("disk.img")?;
    /// let image = client.images().wait_until_available(&image.id).timeout(Duration::from_secs(600)).send()?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn upload(&self, request: CreateUpload) -> Upload<'a> {
        Upload::new(self.client, request)
    }

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
        let id = id.into();
        if let Err(e) = id.check() {
            return Wait::failed(e);
        }
        let wanted = match region_list(regions) {
            Ok(wanted) if !wanted.is_empty() => wanted,
            Ok(_) => {
                return Wait::failed(Error::invalid_input(format!(
                    "no region given to wait for the replicas of {id}"
                )));
            }
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

fn region_list<I>(regions: I) -> Result<Vec<String>>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    let regions: Vec<String> = regions.into_iter().map(Into::into).collect();
    if regions.iter().any(|r| r.trim().is_empty()) {
        return Err(Error::invalid_input("a region id is empty"));
    }
    Ok(regions)
}

/// The listing of [`Images::list`]: the one [`List`] of every listing, sending
/// [`get-images`](ops::GetImages). Set the page, page size and [`filter`](List::filter), then
/// [`send`](List::send) for one page or [`iter`](List::iter) for every image.
///
/// ```no_run
/// use cloud_images::linode::{Client, Filter, ListImages, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::anonymous()?; // public images need no token
/// let list: ListImages<'_> = client.images().list().page(2).page_size(25);
/// let page = list.filter(Filter::eq("is_public", true).order_by("label", Order::Asc)).send()?;
/// println!("page {} of {:?}: {:?} images in all", page.page, page.pages, page.total);
/// # Ok(())
/// # }
/// ```
pub type ListImages<'a> = List<'a, ops::GetImages>;

/// Captures an image from a Linode disk: set the optional fields, then
/// [`send`](CreateImage::send). Get one from [`Images::create`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.images().create(123_456, "gold-master").tags(["prod", "web"]).send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct CreateImage<'a> {
    client: &'a Client,
    body: types::ImageCreate,
}

impl CreateImage<'_> {
    /// A longer description (1 to 65000 characters).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.images().create(123_456, "gold-master").description("nginx on Debian 12");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// The image's tags (each 3 to 100 characters).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.images().create(123_456, "gold-master").tags(["prod", "web"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn tags<I>(mut self, tags: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.body.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Marks the image as supporting cloud-init.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let create = client.images().create(123_456, "gold-master").cloud_init(true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn cloud_init(mut self, cloud_init: bool) -> Self {
        self.body.cloud_init = Some(cloud_init);
        self
    }

    /// Sends the request (never retried but on a 429, so it cannot make two images); returns
    /// the new image, status `creating`. Takes the builder: its body moves into the request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().create(123_456, "gold-master").send()?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<Image> {
        self.client.execute(&ops::PostImage::new(self.body))
    }
}

/// Changes a private image: set what changes, then [`send`](UpdateImage::send). Fields not
/// set are left out of the request and stay as they are. Get one from [`Images::update`].
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// let image = client.images().update("private/123").description("golden").send()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct UpdateImage<'a> {
    client: &'a Client,
    id: ImageId,
    body: types::ImageUpdate,
}

impl UpdateImage<'_> {
    /// The new label.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let rename = client.images().update("private/123").label("gold-master-v2"); // `send()` sends it
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
    /// let update = client.images().update("private/123").description("nginx on Debian 12");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// The new complete tag list, replacing the old one; an empty list removes every tag.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// let retag = client.images().update("private/123").tags(["prod"]);
    /// let untag = client.images().update("private/123").tags(Vec::<String>::new()); // removes them all
    /// # Ok(())
    /// # }
    /// ```
    pub fn tags<I>(mut self, tags: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.body.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Sends the request; returns the updated image. Takes the builder: its body moves into the
    /// request.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().update("private/123").label("renamed").send()?;
    /// assert_eq!(image.label.as_deref(), Some("renamed"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(self) -> Result<Image> {
        self.client.execute(&ops::PutImage::new(self.id.check()?, self.body))
    }
}
