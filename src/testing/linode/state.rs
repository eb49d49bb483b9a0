//! The Linode stand-in's account: its images, how their statuses move with the clock, and how
//! they look on the wire.

use serde_json::{Value, json};

use crate::testing::clock::timestamp;

/// How long things take on the stand-in's clock, in milliseconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timings {
    /// From the end of an upload's `PUT` to `available` (`creating` meanwhile).
    pub(crate) upload_processing: u64,
    /// From a capture (`POST /images`) to `available`.
    pub(crate) capture: u64,
    /// A new replica's time as `pending replication`, then as `replicating`; a removed
    /// region's time as `pending deletion`.
    pub(crate) replica_pending: u64,
    pub(crate) replica_copying: u64,
    /// How long an upload URL stays valid, and an image waits for its data.
    pub(crate) upload_window: u64,
}

impl Default for Timings {
    fn default() -> Self {
        Timings {
            upload_processing: 1500,
            capture: 1500,
            replica_pending: 400,
            replica_copying: 600,
            upload_window: 24 * 3600 * 1000,
        }
    }
}

/// What object storage received for one upload.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::io::Write;
/// use cloud_images::linode::CreateUpload;
/// use cloud_images::testing::LinodeStandIn;
///
/// let stand_in = LinodeStandIn::start()?;
/// let raw = vec![7u8; 100_000];
/// let image = stand_in.client()?.images().upload(CreateUpload::new("disk", "us-east")).reader(&raw[..], 100_000)?;
/// let received = stand_in.received(&image.id).ok_or("nothing received")?;
/// assert_eq!(received.raw_bytes, 100_000);
/// assert!(received.gzip_bytes < 1_000);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Received {
    /// The bytes of the `PUT` (gzip).
    pub gzip_bytes: u64,
    /// What they unpack to.
    pub raw_bytes: u64,
}

/// A disk of one of the account's Linodes, that `POST /images` can capture.
#[derive(Clone, Debug)]
pub(crate) struct Disk {
    pub(crate) id: u64,
    pub(crate) label: String,
    pub(crate) region: String,
    pub(crate) size_mb: u64,
}

/// Where an image's data comes from.
pub(crate) enum Source {
    /// An upload: its object-storage key and signature, and when and what arrived.
    Upload { key: String, signature: String, received: Option<(u64, Received)> },
    /// A capture from a disk, started at this time.
    Capture { started_ms: u64, size_mb: u64 },
    /// Seeded: available from the start.
    Ready { size_mb: u64 },
}

/// One region of an image.
pub(crate) struct Replica {
    pub(crate) region: String,
    /// When it was asked for by a replication (`None`: the image's first region).
    pub(crate) asked_ms: Option<u64>,
    /// When a replication left it out.
    pub(crate) removed_ms: Option<u64>,
}

/// An image of the account (`private/…`, or `shared/…` shared with it).
pub(crate) struct Own {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) description: Option<String>,
    pub(crate) tags: Vec<String>,
    pub(crate) cloud_init: bool,
    /// `manual`, `automatic` or `shared`.
    pub(crate) kind: &'static str,
    pub(crate) created_ms: u64,
    pub(crate) updated_ms: Option<u64>,
    pub(crate) created_by: Option<String>,
    pub(crate) expiry_ms: Option<u64>,
    pub(crate) source: Source,
    pub(crate) replicas: Vec<Replica>,
    /// For a `shared/` image: the `shared_by` object.
    pub(crate) shared_by: Option<Value>,
    /// In how many of the account's share groups the image is shared now.
    pub(crate) shared_in: u64,
    /// Whether it ever was (Linode's `is_shared` stays `true` after the last share is gone).
    pub(crate) ever_shared: bool,
}

impl Own {
    /// When the image is (or will be) available, if that is known yet.
    fn ready_at(&self, t: &Timings) -> Option<u64> {
        match &self.source {
            Source::Upload { received: Some((at, _)), .. } => Some(at.saturating_add(t.upload_processing)),
            Source::Upload { received: None, .. } => None,
            Source::Capture { started_ms, .. } => Some(started_ms.saturating_add(t.capture)),
            Source::Ready { .. } => Some(0),
        }
    }

    pub(crate) fn available(&self, now: u64, t: &Timings) -> bool {
        self.ready_at(t).is_some_and(|at| now >= at)
    }

    /// `pending_upload`, `creating` or `available`.
    pub(crate) fn status(&self, now: u64, t: &Timings) -> &'static str {
        match (&self.source, self.available(now, t)) {
            (_, true) => "available",
            (Source::Upload { received: None, .. }, _) => "pending_upload",
            _ => "creating",
        }
    }

    /// An upload that got no data within its window is gone, as on Linode.
    pub(crate) fn expired(&self, now: u64, t: &Timings) -> bool {
        matches!(self.source, Source::Upload { received: None, .. })
            && now >= self.created_ms.saturating_add(t.upload_window)
    }

    /// The region's status; `None` once a removed region is gone.
    fn replica_status(&self, replica: &Replica, now: u64, t: &Timings) -> Option<&'static str> {
        if let Some(removed) = replica.removed_ms {
            return (now < removed.saturating_add(t.replica_pending)).then_some("pending deletion");
        }
        if !self.available(now, t) {
            return Some(if self.status(now, t) == "pending_upload" { "pending" } else { "creating" });
        }
        let Some(asked) = replica.asked_ms else { return Some("available") };
        let waited = now.saturating_sub(asked);
        Some(if waited < t.replica_pending {
            "pending replication"
        } else if waited < t.replica_pending.saturating_add(t.replica_copying) {
            "replicating"
        } else {
            "available"
        })
    }

    /// Drops the regions whose removal is over.
    pub(crate) fn prune(&mut self, now: u64, t: &Timings) {
        let gone: Vec<bool> =
            self.replicas.iter().map(|r| self.replica_status(r, now, t).is_none()).collect();
        let mut gone = gone.into_iter();
        self.replicas.retain(|_| !gone.next().unwrap_or(false));
    }

    /// The regions and their statuses.
    pub(crate) fn regions(&self, now: u64, t: &Timings) -> Vec<(String, &'static str)> {
        self.replicas
            .iter()
            .filter_map(|r| self.replica_status(r, now, t).map(|s| (r.region.clone(), s)))
            .collect()
    }

    /// The image's size in bytes, once known.
    fn bytes(&self, now: u64, t: &Timings) -> u64 {
        if !self.available(now, t) {
            return 0;
        }
        match &self.source {
            Source::Upload { received: Some((_, r)), .. } => r.raw_bytes,
            Source::Upload { received: None, .. } => 0,
            Source::Capture { size_mb, .. } | Source::Ready { size_mb } => {
                size_mb.saturating_mul(1024 * 1024)
            }
        }
    }

    pub(crate) fn received(&self) -> Option<Received> {
        match &self.source {
            Source::Upload { received: Some((_, r)), .. } => Some(*r),
            _ => None,
        }
    }

    /// The image as Linode sends it.
    pub(crate) fn to_json(&self, now: u64, t: &Timings) -> Value {
        let regions = self.regions(now, t);
        let stored = regions.iter().filter(|(_, s)| *s == "available").count() as u64;
        let bytes = self.bytes(now, t);
        let sharing = match &self.shared_by {
            Some(by) => json!({"shared_with": null, "shared_by": by}),
            None => {
                // The generated request type writes the path as the client sends it.
                let op = crate::linode::ops::GetImagesSharegroupsImage::new(self.id.clone());
                json!({
                    "shared_with": {
                        "sharegroup_count": self.shared_in,
                        "sharegroup_list_url": crate::Operation::path(&op),
                    },
                    "shared_by": null,
                })
            }
        };
        json!({
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "created": timestamp(self.created_ms),
            "updated": self.updated_ms.map(timestamp),
            "created_by": self.created_by,
            "deprecated": false,
            "is_public": false,
            "size": bytes.div_ceil(1024 * 1024),
            "total_size": bytes.saturating_mul(stored),
            "status": self.status(now, t),
            "type": self.kind,
            "vendor": null,
            "eol": null,
            "expiry": self.expiry_ms.map(timestamp),
            "capabilities": if self.cloud_init { vec!["cloud-init"] } else { Vec::new() },
            "tags": self.tags,
            "regions": regions.iter().map(|(region, status)| json!({"region": region, "status": status})).collect::<Vec<_>>(),
            "is_shared": if self.shared_by.is_some() { Value::Null } else { json!(self.ever_shared) },
            "image_sharing": sharing,
        })
    }

    /// `available; us-ord replicating, fr-par pending replication`
    pub(crate) fn summary(&self, now: u64, t: &Timings) -> String {
        let status = self.status(now, t);
        let busy: Vec<String> = self
            .regions(now, t)
            .into_iter()
            .filter(|(_, s)| *s != "available")
            .map(|(region, s)| format!("{region} {s}"))
            .collect();
        if status == "available" && !busy.is_empty() {
            format!("{status}; {}", busy.join(", "))
        } else {
            status.into()
        }
    }
}

/// The stand-in's state.
pub(crate) struct State {
    /// Linode's public images, as sent.
    pub(crate) public: Vec<Value>,
    /// The account's images, oldest first.
    pub(crate) own: Vec<Own>,
    pub(crate) disks: Vec<Disk>,
    pub(crate) next_id: u64,
    pub(crate) timings: Timings,
    /// The account's share groups, and its membership tokens for other accounts' groups.
    pub(crate) groups: Vec<super::sharing::Group>,
    pub(crate) tokens: Vec<super::sharing::MemberToken>,
    /// Other accounts' groups this account may join.
    pub(crate) foreign: Vec<super::sharing::Foreign>,
    pub(crate) next_group: u64,
    pub(crate) next_share: u64,
    /// Counts the UUIDs handed out.
    pub(crate) serial: u64,
}

impl State {
    /// Forgets expired uploads and finished region removals.
    pub(crate) fn prune(&mut self, now: u64) {
        let t = self.timings;
        self.own.retain(|image| !image.expired(now, &t));
        for image in &mut self.own {
            image.prune(now, &t);
        }
    }

    pub(crate) fn own(&self, id: &str) -> Option<&Own> {
        self.own.iter().find(|i| i.id == id)
    }

    pub(crate) fn own_mut(&mut self, id: &str) -> Option<&mut Own> {
        self.own.iter_mut().find(|i| i.id == id)
    }

    pub(crate) fn public(&self, id: &str) -> Option<&Value> {
        self.public.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))
    }

    /// Every image a request sees: the public ones, and the account's with a token.
    pub(crate) fn visible(&self, now: u64, with_account: bool) -> Vec<Value> {
        let mut images = self.public.clone();
        if with_account {
            images.extend(self.own.iter().map(|i| i.to_json(now, &self.timings)));
        }
        images
    }
}
