//! DigitalOcean's side of the neutral view ([`Cloud`], [`CloudImage`]): its image in the neutral
//! words, the neutral calls made with its own, and [`CloudWithSpaces`], a client that can also
//! publish a local file.

use std::fmt;
use std::path::Path;

use super::types::Image;
use super::{Client, ImageId, ImageRef, Spaces, ops};
use crate::cloud::units::{self, GIB};
use crate::cloud::{
    self, Cloud, CloudImage, CloudKind, CloudProvider, CloudRegion, CloudStatus, ImageChanges, ProviderImage,
    PublishFile, Visibility,
};
use crate::error::ErrorKind;
use crate::wait::Poll;
use crate::{Error, Items, Result, Wait};

/// The variable [`spaces_from_env`] reads the bucket from.
const BUCKET_VAR: &str = "SPACES_BUCKET";
/// The variable [`spaces_from_env`] reads the bucket's region from.
const REGION_VAR: &str = "SPACES_REGION";
/// The variable [`spaces_from_env`] reads another endpoint from (the name DigitalOcean's
/// Terraform provider reads it from).
const ENDPOINT_VAR: &str = "SPACES_ENDPOINT_URL";

/// A DigitalOcean image in the neutral words (see [`CloudImage`] for what is read from where).
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, CloudStatus, digitalocean::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({"id": 171002977, "status": "NEW", "size_gigabytes": 2.36}))?;
/// let image = CloudImage::from(image);
/// assert_eq!((image.status, image.size_bytes), (Some(CloudStatus::Pending), Some(2_534_030_705)));
/// # Ok(())
/// # }
/// ```
impl From<Image> for CloudImage {
    fn from(image: Image) -> CloudImage {
        CloudImage {
            provider: CloudProvider::DigitalOcean,
            id: image.id.to_string(),
            name: image.name.clone(),
            description: image.description.clone(),
            status: status(&image),
            size_bytes: image.size_gigabytes.and_then(units::gib_fraction),
            min_disk_bytes: image.min_disk_size.and_then(|gb| units::bytes(gb, GIB)),
            // DigitalOcean lists region slugs, without a state per region.
            regions: image.regions.iter().map(|r| CloudRegion::new(r.as_str(), None)).collect(),
            distribution: image.distribution.as_ref().map(|d| d.as_str().to_string()),
            visibility: match image.public {
                Some(true) => Visibility::Public,
                Some(false) => Visibility::Own,
                // Only public images have a slug.
                None if image.slug.is_some() => Visibility::Public,
                None => Visibility::Own,
            },
            kind: image.type_.as_ref().map(|t| kind(t.as_str())),
            tags: image.tags.clone(),
            created: image.created_at.as_deref().and_then(units::timestamp),
            model: ProviderImage::DigitalOcean(Box::new(image)),
        }
    }
}

/// An image's `status`; `deleted` with an `error_message` is a failed import.
fn status(image: &Image) -> Option<CloudStatus> {
    const STATUSES: &[(&[&str], CloudStatus)] = &[
        (&["new", "pending"], CloudStatus::Pending),
        (&["available"], CloudStatus::Available),
        (&["deleted"], CloudStatus::Deleted),
    ];
    let word = image.status.as_ref()?.as_str();
    let reason = image.error_message.as_deref().map(str::trim).filter(|m| !m.is_empty());
    Some(match (cloud::by_table(word, STATUSES, CloudStatus::Other), reason) {
        (CloudStatus::Deleted, Some(reason)) => CloudStatus::Failed(reason.to_string()),
        (neutral, _) => neutral,
    })
}

/// An image's `type`.
const KINDS: &[(&[&str], CloudKind)] = &[
    (&["snapshot"], CloudKind::Manual),
    (&["backup"], CloudKind::Automatic),
    (&["custom"], CloudKind::Custom),
    (&["base"], CloudKind::Base),
    (&["admin"], CloudKind::Managed),
];

fn kind(word: &str) -> CloudKind {
    cloud::by_table(word, KINDS, CloudKind::Other)
}

/// The Spaces bucket the environment names for publishing, as [`clouds_from_env`](crate::clouds_from_env)
/// reads it: `None` when `SPACES_BUCKET` is not set (or blank); else the bucket in the region
/// `SPACES_REGION`, with the keys from `SPACES_ACCESS_KEY_ID` and `SPACES_SECRET_ACCESS_KEY`, at
/// `SPACES_ENDPOINT_URL` when that is set (else `https://{region}.digitaloceanspaces.com`).
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`], naming the variable, when `SPACES_BUCKET` is set but
/// `SPACES_REGION` or a key is not, or a value is not what Spaces takes (see
/// [`SpacesBuilder::build`](super::SpacesBuilder::build)).
///
/// ```
/// use cloud_images::digitalocean::{Client, spaces_from_env};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder().token("dop_v1_...").build()?;
/// if let Some(spaces) = spaces_from_env()? {
///     let cloud = client.with_spaces(spaces); // can publish local files
/// }
/// # Ok(())
/// # }
/// ```
pub fn spaces_from_env() -> Result<Option<Spaces>> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    let Some(bucket) = var(BUCKET_VAR) else { return Ok(None) };
    let Some(region) = var(REGION_VAR) else {
        return Err(Error::invalid_input(format!(
            "{BUCKET_VAR} is set but {REGION_VAR} is not: set the spaces region of bucket {:?} (nyc3, ams3, sfo3, \
             fra1, ...)",
            bucket.trim()
        )));
    };
    let mut builder = Spaces::builder(bucket, region).keys_from_env();
    if let Some(endpoint) = var(ENDPOINT_VAR) {
        builder = builder.endpoint(endpoint);
    }
    builder.build().map(Some).map_err(|e| e.context(format!("the spaces bucket from {BUCKET_VAR}")))
}

/// A DigitalOcean client with a Spaces bucket to stage local files in: a [`Cloud`] whose
/// [`publish`](Cloud::publish) works (feature `spaces`); every other call is the client's.
/// From [`Client::with_spaces`], [`clouds_from_env`](crate::clouds_from_env) (with
/// `SPACES_BUCKET` set), or the DigitalOcean stand-in's `cloud()`.
///
/// ```no_run
/// use cloud_images::{Cloud, PublishFile};
/// use cloud_images::digitalocean::{Client, Spaces};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let cloud = Client::from_env()?.with_spaces(Spaces::from_env("my-images", "nyc3")?);
/// let image = cloud.publish(&PublishFile::new("web", "nyc3"), "web.qcow2".as_ref())?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct CloudWithSpaces {
    client: Client,
    spaces: Spaces,
}

impl fmt::Debug for CloudWithSpaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CloudWithSpaces").field("client", &self.client).field("spaces", &self.spaces).finish()
    }
}

impl Client {
    /// This client with a Spaces bucket to stage local files in, so that it can
    /// [`publish`](Cloud::publish) them as a [`Cloud`]. Sends nothing.
    ///
    /// ```
    /// use cloud_images::digitalocean::{Client, Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = Spaces::builder("my-images", "nyc3").keys("DO00EXAMPLEKEY", "example-secret").build()?;
    /// let cloud = Client::builder().token("dop_v1_...").build()?.with_spaces(spaces);
    /// assert_eq!(cloud.spaces().bucket(), "my-images");
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_spaces(self, spaces: Spaces) -> CloudWithSpaces {
        CloudWithSpaces { client: self, spaces }
    }
}

impl CloudWithSpaces {
    /// The client, for DigitalOcean's own calls.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// let cloud = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?.with_spaces(spaces);
    /// let actions = cloud.client().images().actions(7555620);
    /// # Ok(())
    /// # }
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The Spaces bucket files are staged in.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// # let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// let cloud = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?.with_spaces(spaces);
    /// assert_eq!(cloud.spaces().region(), "nyc3");
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces(&self) -> &Spaces {
        &self.spaces
    }
}

/// A neutral id: DigitalOcean's are numbers.
fn image_id(id: &str) -> Result<ImageId> {
    match id.trim().parse::<u64>() {
        Ok(number) => {
            let id = ImageId::from(number);
            id.check()?;
            Ok(id)
        }
        Err(_) => Err(Error::invalid_input(format!("{id:?} is not a digitalocean image id (a number)"))),
    }
}

fn own_images(client: &Client) -> Items<CloudImage> {
    client.images().list().private(true).iter().map(CloudImage::from)
}

fn public_images(client: &Client) -> Items<CloudImage> {
    let distributions = client.images().list().kind(super::ImageKind::Distribution).iter();
    let applications = client.images().list().kind(super::ImageKind::Application).iter();
    distributions.chain(applications).map(CloudImage::from)
}

fn get(client: &Client, id: &str) -> Result<CloudImage> {
    // A number is an id; anything else a public image's slug.
    let image = match id.trim().parse::<u64>() {
        Ok(number) => ImageRef::Id(number),
        Err(_) => ImageRef::Slug(id.to_string()),
    };
    Ok(client.images().get(image)?.into())
}

fn update(client: &Client, id: &str, changes: &ImageChanges) -> Result<CloudImage> {
    changes.check(&format!("digitalocean image {id}"))?;
    if changes.tags.is_some() {
        return Err(cloud::unsupported(
            CloudProvider::DigitalOcean,
            "update an image's tags",
            "its Images API has no tags to update (tags are set through its Tags API, which this crate does not \
             cover)",
        ));
    }
    let mut update = client.images().update(image_id(id)?);
    if let Some(name) = &changes.name {
        update = update.name(name.as_str());
    }
    if let Some(description) = &changes.description {
        update = update.description(description.as_str());
    }
    Ok(update.send()?.into())
}

fn delete(client: &Client, id: &str) -> Result<()> {
    client.images().delete(image_id(id)?)
}

fn wait_until_available<'a>(client: &'a Client, id: &str) -> Wait<'a, CloudImage> {
    match image_id(id) {
        Ok(id) => client.images().wait_until_available(id).map(CloudImage::from),
        Err(e) => Wait::failed(e),
    }
}

/// A `transfer` action per region the image is not in yet, then a wait for all of them.
fn add_regions<'a>(client: &'a Client, id: &str, regions: &[&str]) -> Result<Wait<'a, CloudImage>> {
    let image_id = image_id(id)?;
    let wanted = cloud::region_list(CloudProvider::DigitalOcean, id, regions)?;
    let image = client.images().get(image_id)?;
    let mut transfers: Vec<(String, u64)> = Vec::new();
    for region in &wanted {
        let has = image.regions.iter().any(|r| r.as_str().eq_ignore_ascii_case(region));
        if has || transfers.iter().any(|(r, _)| r.eq_ignore_ascii_case(region)) {
            continue;
        }
        let action =
            client.images().actions(image_id).transfer(region.as_str()).map_err(|e| {
                match transfers.iter().map(|(r, _)| r.as_str()).collect::<Vec<_>>().join(", ") {
                    started if started.is_empty() => e,
                    started => e.context(format!("the transfers to {started} were started")),
                }
            })?;
        transfers.push((region.clone(), action.id));
    }
    let clock = client.inner.settings.clock.clone();
    let what = format!("digitalocean image {image_id} to be copied to {}", wanted.join(", "));
    Ok(Wait::new(what, clock, move |by| {
        let mut pending = Vec::new();
        for (region, action_id) in std::mem::take(&mut transfers) {
            let op = ops::ImageActionsGet { image_id: image_id.get(), action_id };
            let action = client.inner.execute_by(&op, by)?.action;
            // No status in the answer: not done yet, as far as anyone can tell.
            let status = action.status.as_ref().map_or("unknown", |s| s.as_str());
            if status.eq_ignore_ascii_case("completed") {
                continue;
            }
            if status.eq_ignore_ascii_case("errored") {
                return Err(Error::new(
                    ErrorKind::WaitFailed,
                    format!("the transfer of digitalocean image {image_id} to {region} (action {action_id}) errored"),
                )
                .with_last_status(Some(format!("{region}: errored"))));
            }
            pending.push(format!("{region}: {status}"));
            transfers.push((region, action_id));
        }
        if !pending.is_empty() {
            return Ok(Poll::Pending(pending.join(", ")));
        }
        let image = client.inner.execute_by(&ops::ImagesGet { image_id: image_id.to_string() }, by)?.image;
        Ok(Poll::Ready(CloudImage::from(image)))
    }))
}

impl cloud::sealed::Sealed for Client {}

/// DigitalOcean through the neutral calls: see [`Cloud`] for what each sends. Without a Spaces
/// bucket, [`publish`](Cloud::publish) is an error: use [`Client::with_spaces`].
///
/// ```
/// use cloud_images::{Cloud, CloudProvider, ErrorKind, ImageChanges};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let cloud: Box<dyn Cloud> = Box::new(cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?);
/// let tags = cloud.update("7555620", &ImageChanges::new().tags(["web"]));
/// assert_eq!(tags.unwrap_err().kind(), ErrorKind::Unsupported); // nothing sent
/// # Ok(())
/// # }
/// ```
impl Cloud for Client {
    fn provider(&self) -> CloudProvider {
        CloudProvider::DigitalOcean
    }

    fn own_images(&self) -> Items<CloudImage> {
        own_images(self)
    }

    fn public_images(&self) -> Items<CloudImage> {
        public_images(self)
    }

    fn get(&self, id: &str) -> Result<CloudImage> {
        get(self, id)
    }

    fn update(&self, id: &str, changes: &ImageChanges) -> Result<CloudImage> {
        update(self, id, changes)
    }

    fn delete(&self, id: &str) -> Result<()> {
        delete(self, id)
    }

    fn wait_until_available(&self, id: &str) -> Wait<'_, CloudImage> {
        wait_until_available(self, id)
    }

    fn add_regions(&self, id: &str, regions: &[&str]) -> Result<Wait<'_, CloudImage>> {
        add_regions(self, id, regions)
    }

    fn publish(&self, _image: &PublishFile, _file: &Path) -> Result<CloudImage> {
        #[cfg(not(feature = "spaces"))]
        return Err(super::publish::no_spaces_feature());
        #[cfg(feature = "spaces")]
        Err(Error::invalid_input(format!(
            "digitalocean imports images only from a url: publishing a local file needs a spaces bucket to stage \
             it in; use digitalocean::Client::with_spaces, or set {BUCKET_VAR}, {REGION_VAR}, \
             SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY for clouds_from_env; nothing was sent"
        )))
    }
}

impl cloud::sealed::Sealed for CloudWithSpaces {}

/// DigitalOcean through the neutral calls, publishing through its Spaces bucket: see [`Cloud`].
///
/// ```
/// use cloud_images::{Cloud, CloudProvider};
/// use cloud_images::digitalocean::{Client, Spaces};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let spaces = Spaces::builder("my-images", "nyc3").keys("DO00EXAMPLEKEY", "example-secret").build()?;
/// let cloud: Box<dyn Cloud> = Box::new(Client::builder().token("dop_v1_...").build()?.with_spaces(spaces));
/// assert_eq!(cloud.provider(), CloudProvider::DigitalOcean);
/// # Ok(())
/// # }
/// ```
impl Cloud for CloudWithSpaces {
    fn provider(&self) -> CloudProvider {
        CloudProvider::DigitalOcean
    }

    fn own_images(&self) -> Items<CloudImage> {
        own_images(&self.client)
    }

    fn public_images(&self) -> Items<CloudImage> {
        public_images(&self.client)
    }

    fn get(&self, id: &str) -> Result<CloudImage> {
        get(&self.client, id)
    }

    fn update(&self, id: &str, changes: &ImageChanges) -> Result<CloudImage> {
        update(&self.client, id, changes)
    }

    fn delete(&self, id: &str) -> Result<()> {
        delete(&self.client, id)
    }

    fn wait_until_available(&self, id: &str) -> Wait<'_, CloudImage> {
        wait_until_available(&self.client, id)
    }

    fn add_regions(&self, id: &str, regions: &[&str]) -> Result<Wait<'_, CloudImage>> {
        add_regions(&self.client, id, regions)
    }

    fn publish(&self, image: &PublishFile, file: &Path) -> Result<CloudImage> {
        let mut request = super::PublishImage::new(image.name.as_str(), image.region.as_str());
        if let Some(description) = &image.description {
            request = request.description(description.as_str());
        }
        if let Some(tags) = &image.tags {
            request = request.tags(tags.iter().cloned());
        }
        // Without the feature, `publish` answers `Unsupported` and sends nothing.
        let mut publish = self.client.images().publish(request, &self.spaces).timeout(image.timeout);
        if let Some(cancel) = &image.cancel {
            publish = publish.cancel_with(cancel);
        }
        let published = publish.file(file)?;
        // A staging object left behind was logged by `publish` (a warning): the image is usable.
        Ok(published.image.into())
    }
}
