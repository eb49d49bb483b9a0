//! Linode's side of the neutral view ([`Cloud`], [`CloudImage`]): its image in the neutral
//! words, and the neutral calls made with its own.

use std::path::Path;

use super::types::Image;
use super::{Client, CreateUpload, Filter};
use crate::cloud::units::{self, MIB};
use crate::cloud::{
    self, Cloud, CloudImage, CloudKind, CloudProvider, CloudRegion, CloudStatus, ImageChanges, ProviderImage,
    PublishFile, Visibility,
};
use crate::error::ErrorKind;
use crate::{Error, Items, Result, Wait};

/// A Linode image in the neutral words (see [`CloudImage`] for what is read from where).
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use cloud_images::{CloudImage, CloudStatus, linode::types::Image};
///
/// let image: Image = serde_json::from_value(serde_json::json!({"id": "private/1", "status": "pending_upload"}))?;
/// assert_eq!(CloudImage::from(image).status, Some(CloudStatus::Pending));
/// # Ok(())
/// # }
/// ```
impl From<Image> for CloudImage {
    fn from(image: Image) -> CloudImage {
        let size = image.size.and_then(|mb| units::bytes(mb, MIB));
        CloudImage {
            provider: CloudProvider::Linode,
            id: image.id.clone(),
            name: image.label.clone(),
            description: image.description.clone(),
            status: image.status.as_ref().map(|s| status(s.as_str())),
            size_bytes: size,
            min_disk_bytes: size,
            regions: image
                .regions
                .iter()
                .filter_map(|r| {
                    let region = r.region.as_deref()?;
                    Some(CloudRegion::new(region, r.status.as_ref().map(|s| region_status(s.as_str()))))
                })
                .collect(),
            distribution: image.vendor.clone(),
            visibility: visibility(&image),
            kind: image.type_.as_ref().map(|t| kind(t.as_str())),
            tags: image.tags.clone(),
            created: image.created.as_deref().and_then(units::timestamp),
            model: ProviderImage::Linode(Box::new(image)),
        }
    }
}

/// An image's `status`: `creating` and `pending_upload` are pending.
const STATUSES: &[(&[&str], CloudStatus)] =
    &[(&["creating", "pending_upload"], CloudStatus::Pending), (&["available"], CloudStatus::Available)];

fn status(word: &str) -> CloudStatus {
    cloud::by_table(word, STATUSES, CloudStatus::Other)
}

/// The status of an image's copy in one region; a replication that timed out failed.
fn region_status(word: &str) -> CloudStatus {
    const REGION_STATUSES: &[(&[&str], CloudStatus)] = &[
        (&["available"], CloudStatus::Available),
        (&["creating", "pending", "pending replication", "replicating"], CloudStatus::Pending),
        (&["pending deletion"], CloudStatus::Deleted),
    ];
    if word.eq_ignore_ascii_case("timedout") {
        return CloudStatus::Failed(word.to_string());
    }
    cloud::by_table(word, REGION_STATUSES, CloudStatus::Other)
}

/// An image's `type`.
const KINDS: &[(&[&str], CloudKind)] = &[
    (&["manual"], CloudKind::Manual),
    (&["automatic"], CloudKind::Automatic),
    (&["shared"], CloudKind::Shared),
];

fn kind(word: &str) -> CloudKind {
    cloud::by_table(word, KINDS, CloudKind::Other)
}

/// Shared (`type: shared`, `shared/…`), else `is_public`, else what the id says.
fn visibility(image: &Image) -> Visibility {
    let shared = image.type_.as_ref().is_some_and(|t| t.as_str().eq_ignore_ascii_case("shared"));
    if shared || image.id.starts_with("shared/") {
        return Visibility::Shared;
    }
    match image.is_public {
        Some(true) => Visibility::Public,
        Some(false) => Visibility::Own,
        None if image.id.starts_with("linode/") => Visibility::Public,
        None => Visibility::Own,
    }
}

impl cloud::sealed::Sealed for Client {}

/// Linode through the neutral calls: see [`Cloud`] for what each sends.
///
/// ```
/// use cloud_images::{Cloud, CloudProvider};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let cloud: Box<dyn Cloud> = Box::new(cloud_images::linode::Client::builder().build()?);
/// assert_eq!(cloud.provider(), CloudProvider::Linode);
/// # Ok(())
/// # }
/// ```
impl Cloud for Client {
    fn provider(&self) -> CloudProvider {
        CloudProvider::Linode
    }

    fn own_images(&self) -> Items<CloudImage> {
        let own = Filter::and([Filter::eq("is_public", false), Filter::neq("type", "shared")]);
        self.images().list().filter(own).iter().map(CloudImage::from)
    }

    fn public_images(&self) -> Items<CloudImage> {
        self.images().list().filter(Filter::eq("is_public", true)).iter().map(CloudImage::from)
    }

    fn get(&self, id: &str) -> Result<CloudImage> {
        Ok(self.images().get(id)?.into())
    }

    fn update(&self, id: &str, changes: &ImageChanges) -> Result<CloudImage> {
        changes.check(&format!("linode image {id}"))?;
        let mut update = self.images().update(id);
        if let Some(name) = &changes.name {
            update = update.label(name.as_str());
        }
        if let Some(description) = &changes.description {
            update = update.description(description.as_str());
        }
        if let Some(tags) = &changes.tags {
            update = update.tags(tags.iter().cloned());
        }
        Ok(update.send()?.into())
    }

    fn delete(&self, id: &str) -> Result<()> {
        self.images().delete(id)
    }

    fn wait_until_available(&self, id: &str) -> Wait<'_, CloudImage> {
        self.images().wait_until_available(id).map(CloudImage::from)
    }

    fn add_regions(&self, id: &str, regions: &[&str]) -> Result<Wait<'_, CloudImage>> {
        let regions = cloud::region_list(CloudProvider::Linode, id, regions)?;
        self.images().add_regions(id, regions.iter().cloned())?;
        Ok(self.images().wait_until_replicated(id, regions).map(CloudImage::from))
    }

    fn publish(&self, image: &PublishFile, file: &Path) -> Result<CloudImage> {
        let mut request = CreateUpload::new(image.name.as_str(), image.region.as_str());
        if let Some(description) = &image.description {
            request = request.description(description.as_str());
        }
        if let Some(tags) = &image.tags {
            request = request.tags(tags.iter().cloned());
        }
        let cancel = image.cancel.clone().unwrap_or_default();
        let created = self.images().upload(request).cancel_with(&cancel).file(file)?;
        let id = created.id.as_str();
        let waited =
            self.images().wait_until_available(id).timeout(image.timeout).stop_when_cancelled(&cancel);
        match waited.send() {
            Ok(image) => Ok(image.into()),
            // A cancel while the image processes: it is deleted again, as a cancelled upload's.
            Err(e) if cancel.is_cancelled() && e.kind() == ErrorKind::Stopped => {
                let message = "the publish was cancelled while the image was processing";
                Err(super::upload::clean_up(self, id, false, Error::new(ErrorKind::Cancelled, message)))
            }
            // The upload is done: an image that does not become available is Linode's to clean
            // up (it deletes failed uploads), and the error names it.
            Err(e) => Err(e.with_created_image(id, false)),
        }
    }
}
