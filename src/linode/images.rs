//! `client.images()`: every operation of the Linode Images API, in the API's words.

use std::time::Duration;

use super::types::{self, Image, ImagePage};
use super::upload::{self, CreateUpload, Upload, UploadSource};
use super::{Client, Filter, ops};
use crate::decode::Listing;
use crate::error::ErrorKind;
use crate::pager::Fetched;
use crate::wait::{self, Poll};
use crate::{Error, Items, Operation, Page, Result};

/// The smallest and largest `page_size` Linode accepts.
const PAGE_SIZES: std::ops::RangeInclusive<u64> = 25..=500;

/// The Images API of a Linode [`Client`]: get one from [`Client::images`].
///
/// Every call uses the client's API version, token, retries and timeouts.
///
/// ```no_run
/// use cloud_images::linode::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
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

    /// Lists images: [`send`](ListImages::send) fetches one page,
    /// [`iter`](ListImages::iter) every image, page by page as needed (`GET /images`).
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
        ListImages { client: self.client, page: None, page_size: None, filter: None }
    }

    /// One image by id: `linode/debian12`, `private/123`, `shared/456` (`GET /images/{id}`).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().get("linode/debian12")?;
    /// println!("{:?} ({:?} MB)", image.label, image.size);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get(&self, id: &str) -> Result<Image> {
        self.client.execute(&ops::GetImage::new(id))
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
        CreateImage {
            client: self.client,
            body: types::ImageCreate {
                cloud_init: None,
                description: None,
                disk_id,
                label: Some(label.into()),
                tags: None,
            },
        }
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
    pub fn update(&self, id: &str) -> UpdateImage<'a> {
        UpdateImage { client: self.client, id: id.to_string(), body: types::ImageUpdate::default() }
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
    pub fn delete(&self, id: &str) -> Result<()> {
        let op = ops::DeleteImage::new(id);
        self.client.transport().call(
            ops::DeleteImage::METHOD,
            ops::DeleteImage::OPERATION_ID,
            &self.client.versioned(&op).path(),
            &op.query(),
            &op.headers(),
            None,
        )?;
        Ok(())
    }

    /// Stores the image in exactly these regions (`POST /images/{id}/regions`). The list
    /// replaces the current one: a region left out loses its copy. An empty list is an
    /// [`ErrorKind::InvalidInput`] error, and nothing is sent.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let images = client.images();
    /// images.replicate("private/123", ["us-east", "us-mia"])?;
    /// let image = images.wait_for_replicas("private/123", ["us-east", "us-mia"], Duration::from_secs(1800))?;
    /// println!("{} regions", image.regions.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn replicate<I>(&self, id: &str, regions: I) -> Result<Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let regions = region_list(regions)?;
        if regions.is_empty() {
            return Err(Error::invalid_input(format!(
                "cannot replicate {id} to no region: the list replaces the current one; delete the image instead"
            )));
        }
        self.client.execute(&ops::PostReplicateImage::new(id, types::ImageReplicate { regions }))
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

    /// Sends an image's data to a pre-signed `upload_to` URL, as [`upload`](Images::upload)
    /// does after creating the image: a raw source is gzip-compressed into a temporary file
    /// first, a gzip source is sent as is; sizes are checked before anything is sent; then one
    /// `PUT` with an exact `Content-Length` and no `Authorization` header, retried only when
    /// the data can be read again from the start.
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
    pub fn upload_to(&self, url: &str, source: UploadSource<'_>) -> Result<()> {
        upload::upload_to(self.client, url, source)
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
    /// let image = client.images().wait_until_available(&image.id, Duration::from_secs(600))?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn upload(&self, request: CreateUpload) -> Upload<'a> {
        Upload::new(self.client, request)
    }

    /// Polls the image until its status is `available` (any case), with a poll interval of a
    /// tenth of `timeout` between 1 and 10 seconds.
    ///
    /// A 404 while waiting is an [`ErrorKind::WaitFailed`] error (a failed or expired upload is
    /// deleted); running out of time is an [`ErrorKind::Timeout`] error whose
    /// [`last_status`](Error::last_status) is the status seen last. The first look is
    /// immediate, so a zero `timeout` looks once; 100 years or more (up to `Duration::MAX`)
    /// waits without limit.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_until_available("private/123", Duration::from_secs(600))?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_available(&self, id: &str, timeout: Duration) -> Result<Image> {
        self.wait_until_available_with_interval(id, timeout, wait::default_interval(timeout))
    }

    /// [`wait_until_available`](Images::wait_until_available), polling every `interval`
    /// (which must be more than zero).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_until_available_with_interval(
    ///     "private/123",
    ///     Duration::from_secs(600),
    ///     Duration::from_secs(2),
    /// )?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_until_available_with_interval(
        &self,
        id: &str,
        timeout: Duration,
        interval: Duration,
    ) -> Result<Image> {
        check_interval(interval)?;
        let mut last: Option<String> = None;
        wait::poll(&format!("image {id} to be available"), timeout, interval, || {
            let image = self.get_while_waiting(id, &last)?;
            // No status in the answer: not available yet, as far as anyone can tell.
            let status = image.status.as_ref().map_or("unknown", |s| s.as_str()).to_string();
            if status.eq_ignore_ascii_case("available") {
                return Ok(Poll::Ready(image));
            }
            last = Some(status.clone());
            Ok(Poll::Pending(status))
        })
    }

    /// Polls the image until each of `regions` is listed in its `regions` with status
    /// `available` (any case); other regions are not looked at. Interval, 404 and timeout as
    /// in [`wait_until_available`](Images::wait_until_available); a region whose replica
    /// reports `timedout` is an [`ErrorKind::WaitFailed`] error. An empty list is an
    /// [`ErrorKind::InvalidInput`] error.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_for_replicas("private/123", ["us-mia"], Duration::from_secs(1800))?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_for_replicas<I>(&self, id: &str, regions: I, timeout: Duration) -> Result<Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        self.wait_for_replicas_with_interval(id, regions, timeout, wait::default_interval(timeout))
    }

    /// [`wait_for_replicas`](Images::wait_for_replicas), polling every `interval` (which must
    /// be more than zero).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().wait_for_replicas_with_interval(
    ///     "private/123",
    ///     ["us-east", "us-mia"],
    ///     Duration::from_secs(1800),
    ///     Duration::from_secs(10),
    /// )?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn wait_for_replicas_with_interval<I>(
        &self,
        id: &str,
        regions: I,
        timeout: Duration,
        interval: Duration,
    ) -> Result<Image>
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        let wanted = region_list(regions)?;
        if wanted.is_empty() {
            return Err(Error::invalid_input(format!("no region given to wait for the replicas of {id}")));
        }
        check_interval(interval)?;
        let mut last: Option<String> = None;
        let what = format!("the replicas of image {id} in {}", wanted.join(", "));
        wait::poll(&what, timeout, interval, || {
            let image = self.get_while_waiting(id, &last)?;
            let mut pending = Vec::new();
            for region in &wanted {
                let replica = image
                    .regions
                    .iter()
                    .find(|r| r.region.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(region)));
                match replica.map(|r| r.status.as_ref()) {
                    Some(None) => pending.push(format!("{region}: unknown")),
                    Some(Some(s)) if s.as_str().eq_ignore_ascii_case("available") => {}
                    Some(Some(s)) if s.as_str().eq_ignore_ascii_case("timedout") => {
                        return Err(Error::new(
                            ErrorKind::WaitFailed,
                            format!("the replication of image {id} to {region} timed out"),
                        )
                        .with_last_status(Some(format!("{region}: timedout"))));
                    }
                    Some(Some(s)) => pending.push(format!("{region}: {}", s.as_str())),
                    None => pending.push(format!("{region}: not listed")),
                }
            }
            if pending.is_empty() {
                return Ok(Poll::Ready(image));
            }
            let status = pending.join(", ");
            last = Some(status.clone());
            Ok(Poll::Pending(status))
        })
    }

    /// `GET` for a waiter: a 404 means the image is gone.
    fn get_while_waiting(&self, id: &str, last: &Option<String>) -> Result<Image> {
        self.get(id).map_err(|e| {
            if !e.is_not_found() {
                return e;
            }
            let mut failed = Error::new(
                ErrorKind::WaitFailed,
                format!("image {id} disappeared while waiting (404): the upload failed or expired, or it was deleted"),
            )
            .with_last_status(last.clone());
            if let Some(api) = e.api().cloned() {
                failed = failed.with_api(api);
            }
            failed.with_source(e)
        })
    }
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

fn check_interval(interval: Duration) -> Result<()> {
    if interval.is_zero() {
        return Err(Error::invalid_input("the poll interval must be more than zero"));
    }
    Ok(())
}

/// A listing of images: set the page, page size and filter, then [`send`](ListImages::send)
/// for one page or [`iter`](ListImages::iter) for every image. Get one from
/// [`Images::list`].
///
/// `page_size` must be 25 to 500 and `page` at least 1: anything else is an
/// [`ErrorKind::InvalidInput`] error before any request is sent.
///
/// ```no_run
/// use cloud_images::linode::{Client, Filter, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::from_env()?;
/// let page = client
///     .images()
///     .list()
///     .page(2)
///     .page_size(25)
///     .filter(Filter::eq("is_public", true).order_by("label", Order::Asc))
///     .send()?;
/// println!("page {} of {:?}: {:?} images in all", page.page, page.pages, page.total);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct ListImages<'a> {
    client: &'a Client,
    page: Option<u64>,
    page_size: Option<u64>,
    filter: Option<Filter>,
}

impl ListImages<'_> {
    /// The 1-based page [`send`](ListImages::send) fetches, and the page
    /// [`iter`](ListImages::iter) starts from (default 1).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().build()?;
    /// let second = client.images().list().page(2); // `send()` fetches page 2; `iter()` starts there
    /// let zero = client.images().list().page(0).send();
    /// assert_eq!(zero.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn page(mut self, page: u64) -> Self {
        self.page = Some(page);
        self
    }

    /// Images per page, 25 to 500. Unset, both [`send`](ListImages::send) and
    /// [`iter`](ListImages::iter) ask for 500, the largest page (the API's own default is
    /// 100): fewer round trips, and page numbers count pages of that size.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().build()?;
    /// let fewer_requests = client.images().list().page_size(500);
    /// let too_small = client.images().list().page_size(10).send();
    /// assert_eq!(too_small.unwrap_err().kind(), ErrorKind::InvalidInput); // nothing sent
    /// # Ok(())
    /// # }
    /// ```
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = Some(page_size);
        self
    }

    /// A server-side filter and sort order, sent as the `X-Filter` header.
    ///
    /// ```
    /// use cloud_images::linode::{Client, Filter, Order};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("my-token").build()?;
    /// let mine = Filter::eq("is_public", false).order_by("label", Order::Asc);
    /// let list = client.images().list().filter(mine); // `list.iter()` sends it with every page
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }

    /// Fetches one page: its images, its number, the number of pages (`pages`) and of images
    /// (`total`, Linode's `results`). An image that cannot be decoded is reported in
    /// [`failed`](Page::failed), and the others are returned.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let page = client.images().list().page(2).send()?;
    /// for image in &page.items {
    ///     println!("{}", image.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<Page<Image>> {
        let (page_size, x_filter) = self.checked()?;
        let asked = self.page.unwrap_or(1);
        let op = ops::GetImages { page: self.page, page_size: Some(page_size), x_filter };
        let (envelope, items) = self.client.transport().list(&self.client.versioned(&op), Some(asked))?;
        Ok(Page::new(items, envelope.page.unwrap_or(asked), envelope.pages, envelope.results))
    }

    /// Every image, fetched page by page as the iterator advances: nothing is sent before the
    /// first `next`, and each page is one request. It starts at [`page`](ListImages::page)
    /// (default 1) and ends after the last page, on an empty page, when the server repeats a
    /// page, or after the first error (yielded, then `None` for good). It never asks for a page
    /// beyond the smallest `pages` the server reported. The builder is not changed: call `iter`
    /// again to start over.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let first_ten: Vec<_> = client.images().list().page_size(25).iter().take(10).collect::<Result<_, _>>()?;
    /// let everything = client.images().list().iter().collect::<Result<Vec<_>, _>>()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn iter(&self) -> Items<Image> {
        let mut cursor = match self.checked() {
            Ok((page_size, x_filter)) => Cursor {
                client: self.client.clone(),
                page_size,
                x_filter,
                next: self.page.unwrap_or(1),
                max_pages: None,
                last_seen: None,
                last_first: None,
            },
            Err(e) => return Items::failed(e),
        };
        Items::new(move || cursor.fetch())
    }

    /// Checks the settings: `(page_size, X-Filter)`.
    fn checked(&self) -> Result<(u64, Option<String>)> {
        if self.page == Some(0) {
            return Err(Error::invalid_input("page numbers start at 1"));
        }
        if let Some(size) = self.page_size
            && !PAGE_SIZES.contains(&size)
        {
            return Err(Error::invalid_input(format!(
                "page_size must be {} to {}, not {size}",
                PAGE_SIZES.start(),
                PAGE_SIZES.end()
            )));
        }
        let x_filter = self.filter.as_ref().map(Filter::to_header_value).transpose()?;
        // Unset: the largest page, so a listing takes as few round trips as it can.
        Ok((self.page_size.unwrap_or(*PAGE_SIZES.end()), x_filter))
    }
}

/// `for image in client.images().list().page_size(500) { .. }`: the same as
/// [`iter`](ListImages::iter).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// for image in client.images().list().page_size(500) {
///     println!("{}", image?.id);
/// }
/// # Ok(())
/// # }
/// ```
impl IntoIterator for ListImages<'_> {
    type Item = Result<Image>;
    type IntoIter = Items<Image>;

    fn into_iter(self) -> Items<Image> {
        self.iter()
    }
}

/// `for image in &list { .. }`: the same as [`iter`](ListImages::iter); the builder is kept.
impl IntoIterator for &ListImages<'_> {
    type Item = Result<Image>;
    type IntoIter = Items<Image>;

    fn into_iter(self) -> Items<Image> {
        self.iter()
    }
}

/// Linode's listing envelope: `{data, page, pages, results}`.
impl Listing for ImagePage {
    type Item = Image;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> Vec<Image> {
        std::mem::take(&mut self.data)
    }
}

/// The iterator's own copy of the listing, and where it is.
struct Cursor {
    client: Client,
    page_size: u64,
    x_filter: Option<String>,
    /// The page to ask for next.
    next: u64,
    /// The smallest `pages` the server reported: never ask beyond it.
    max_pages: Option<u64>,
    /// The largest page number the server answered with.
    last_seen: Option<u64>,
    /// The id of the first image of the last page, to notice a repeated page when the server
    /// sends no page numbers.
    last_first: Option<Option<String>>,
}

impl Cursor {
    fn fetch(&mut self) -> Result<Option<Fetched<Image>>> {
        if self.max_pages.is_some_and(|max| self.next > max) {
            return Ok(None);
        }
        let asked = self.next;
        let op = ops::GetImages {
            page: Some(asked),
            page_size: Some(self.page_size),
            x_filter: self.x_filter.clone(),
        };
        let (envelope, items) = self.client.transport().list(&self.client.versioned(&op), Some(asked))?;
        let first = items.first_ok().map(|i| i.id.clone());
        let repeated = match envelope.page {
            Some(page) => self.last_seen.is_some_and(|seen| page <= seen),
            None => first.is_some() && self.last_first.as_ref() == Some(&first),
        };
        if repeated {
            log::debug!(
                target: "cloud_images",
                "linode get-images: asked for page {asked}, the server repeated page {:?}; stopping",
                envelope.page
            );
            self.max_pages = Some(0);
            return Ok(None);
        }
        let page = envelope.page.unwrap_or(asked);
        self.last_seen = Some(page);
        self.last_first = Some(first);
        self.max_pages = Some(match envelope.pages {
            // Stop after this page if it is the last one, by either count.
            Some(pages) if page >= pages => 0,
            Some(pages) => self.max_pages.map_or(pages, |m| m.min(pages)),
            // No count: a page shorter than asked is the last one.
            None if (items.len() as u64) < self.page_size => 0,
            None => self.max_pages.unwrap_or(u64::MAX),
        });
        self.next = asked.saturating_add(1);
        Ok(Some(Fetched { items, total: envelope.results }))
    }
}

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
    /// the new image, status `creating`.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().create(123_456, "gold-master").send()?;
    /// println!("{} is {:?}", image.id, image.status);
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<Image> {
        self.client.execute(&ops::PostImage::new(self.body.clone()))
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
    id: String,
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

    /// Sends the request; returns the updated image.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let image = client.images().update("private/123").label("renamed").send()?;
    /// assert_eq!(image.label.as_deref(), Some("renamed"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn send(&self) -> Result<Image> {
        self.client.execute(&ops::PutImage::new(self.id.clone(), self.body.clone()))
    }
}
