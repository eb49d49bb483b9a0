//! `client.images()`: every operation of the Linode Images API, in the API's words; the waits
//! are in `wait.rs`, the builders of a create and an update in `builders.rs`.

use super::types::{self, Image};
use super::upload::{self, CreateUpload, Upload, UploadSource, UploadUrl};
use super::{Client, ImageId, ops};
use crate::{Error, List, Result};

mod builders;
mod wait;

pub use builders::{CreateImage, ListImages, UpdateImage};

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
        let id = id.into();
        let op = ops::PutImage::new(id.as_str(), types::ImageUpdate::default());
        UpdateImage::new(self.client, op, id.check())
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

    /// Stores the image in exactly these regions (`POST /images/{id}/regions`). The list **replaces** the
    /// image's regions: a region left out loses its copy, the image's first region included (`replicate(id,
    /// ["us-ord", "fr-par"])` on an image in `us-east` removes it from `us-east`). To add regions and keep
    /// the current ones, use [`add_regions`](Images::add_regions). An empty list is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error, and nothing is sent. The answer
    /// lists the new regions at once, `pending replication`: follow with
    /// [`wait_until_replicated`](Images::wait_until_replicated).
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
        let (id, regions) = regions_of(id.into(), regions, |id| {
            format!(
                "cannot replicate {id} to no region: the list replaces the current one; delete the image instead"
            )
        })?;
        self.client.execute(&ops::PostReplicateImage::new(id.as_str(), types::ImageReplicate::new(regions)))
    }

    /// Adds regions to the image and keeps the ones it has: reads the image
    /// (`GET /images/{id}`), then sends [`replicate`](Images::replicate) its regions, in their
    /// order, followed by those of `regions` it does not have yet, compared ignoring case
    /// (`POST /images/{id}/regions`). Returns the image as that answers, the new regions
    /// `pending replication`. A region the image is being removed from (`pending deletion`) is
    /// not kept. When the image is in every region already, nothing is sent after the read and
    /// the image is returned as read. An empty list or region is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error, and nothing is sent.
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
        let (id, added) = regions_of(id.into(), regions, |id| format!("no region given to add to {id}"))?;
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
        Upload::with_request(self.client, request)
    }
}

/// A checked image id and a list of regions, none of them empty; no region at all is an error
/// that `none` words.
pub(super) fn regions_of<I>(
    id: ImageId,
    regions: I,
    none: impl FnOnce(&ImageId) -> String,
) -> Result<(ImageId, Vec<String>)>
where
    I: IntoIterator,
    I::Item: Into<String>,
{
    id.check()?;
    let regions: Vec<String> = regions.into_iter().map(Into::into).collect();
    if regions.iter().any(|r| r.trim().is_empty()) {
        return Err(Error::invalid_input("a region id is empty"));
    }
    if regions.is_empty() {
        return Err(Error::invalid_input(none(&id)));
    }
    Ok((id, regions))
}
