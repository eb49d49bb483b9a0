//! The DigitalOcean stand-in's account: its images and image actions, how their statuses move
//! with the clock, how they look on the wire, and the rate-limit window.

use std::collections::VecDeque;

use serde_json::{Value, json};

use crate::testing::clock::timestamp_z;

/// How long things take on the stand-in's clock, in milliseconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Timings {
    /// An import's time as `NEW`, then as `pending`.
    pub(crate) import_new: u64,
    pub(crate) import_pending: u64,
    /// An action's time `in-progress`.
    pub(crate) action: u64,
}

impl Default for Timings {
    fn default() -> Self {
        Timings { import_new: 500, import_pending: 1000, action: 1000 }
    }
}

/// An import from a URL: when it started, and why it will fail, if it will.
pub(crate) struct Import {
    pub(crate) started_ms: u64,
    pub(crate) error: Option<String>,
}

/// An image of the account.
pub(crate) struct Own {
    pub(crate) id: u64,
    pub(crate) name: String,
    pub(crate) description: String,
    pub(crate) distribution: String,
    /// Where it was imported or taken.
    pub(crate) region: String,
    pub(crate) tags: Vec<String>,
    pub(crate) created_ms: u64,
    /// `custom`, `snapshot` or `backup` (until converted).
    pub(crate) kind: &'static str,
    /// `None`: seeded, available from the start.
    pub(crate) import: Option<Import>,
    pub(crate) min_disk_size: u64,
    pub(crate) size_gigabytes: f64,
}

/// An account transfer of one of the account's snapshots, while it is pending.
pub(crate) struct Transfer {
    pub(crate) id: u64,
    pub(crate) image: u64,
    /// `account ops@example.com` or `team <uuid>`.
    pub(crate) recipient: String,
}

/// An image action.
pub(crate) struct Action {
    pub(crate) id: u64,
    pub(crate) image: u64,
    /// `transfer` or `convert`.
    pub(crate) kind: &'static str,
    pub(crate) region: String,
    pub(crate) started_ms: u64,
}

impl Action {
    pub(crate) fn done(&self, now: u64, t: &Timings) -> bool {
        now >= self.started_ms.saturating_add(t.action)
    }

    /// The action as DigitalOcean sends it.
    pub(crate) fn to_json(&self, now: u64, t: &Timings) -> Value {
        let done = self.done(now, t);
        json!({
            "id": self.id,
            "status": if done { "completed" } else { "in-progress" },
            "type": self.kind,
            "started_at": timestamp_z(self.started_ms),
            "completed_at": done.then(|| timestamp_z(self.started_ms.saturating_add(t.action))),
            "resource_id": self.image,
            "resource_type": "image",
            "region": region(&self.region),
            "region_slug": self.region,
        })
    }
}

/// A region object, as actions carry it.
fn region(slug: &str) -> Value {
    let digits = slug.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let city = match slug.trim_end_matches(|c: char| c.is_ascii_digit()) {
        "ams" => "Amsterdam",
        "atl" => "Atlanta",
        "blr" => "Bangalore",
        "fra" => "Frankfurt",
        "lon" => "London",
        "nyc" => "New York",
        "sfo" => "San Francisco",
        "sgp" => "Singapore",
        "syd" => "Sydney",
        "tor" => "Toronto",
        other => other,
    };
    json!({
        "name": format!("{city} {digits}"),
        "slug": slug,
        "features": ["backups", "ipv6", "metadata", "install_agent", "storage", "image_transfer"],
        "available": true,
        "sizes": ["s-1vcpu-512mb-10gb", "s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-2gb", "s-2vcpu-4gb", "s-4vcpu-8gb"],
    })
}

/// The stand-in's state.
pub(crate) struct State {
    /// DigitalOcean's public images, as sent: distributions and applications.
    pub(crate) distributions: Vec<Value>,
    pub(crate) applications: Vec<Value>,
    /// The account's images, oldest first.
    pub(crate) own: Vec<Own>,
    pub(crate) actions: Vec<Action>,
    /// Account transfers offered, by id.
    pub(crate) transfers: Vec<Transfer>,
    pub(crate) next_image: u64,
    pub(crate) next_action: u64,
    pub(crate) next_transfer: u64,
    pub(crate) timings: Timings,
    pub(crate) rate: RateWindow,
    /// Requests answered, for request ids.
    pub(crate) answered: u64,
}

impl State {
    pub(crate) fn own(&self, id: u64) -> Option<&Own> {
        self.own.iter().find(|i| i.id == id)
    }

    /// A public image by id or slug.
    pub(crate) fn public(&self, key: &str) -> Option<&Value> {
        let id = key.parse::<u64>().ok();
        self.distributions.iter().chain(&self.applications).find(|i| {
            i.get("slug").and_then(Value::as_str) == Some(key)
                || id.is_some_and(|id| i.get("id").and_then(Value::as_u64) == Some(id))
        })
    }

    /// `NEW`, `pending`, `available`, or `deleted` for a failed import.
    pub(crate) fn status(&self, image: &Own, now: u64) -> &'static str {
        let Some(import) = &image.import else { return "available" };
        let age = now.saturating_sub(import.started_ms);
        let t = &self.timings;
        if age < t.import_new {
            "NEW"
        } else if age < t.import_new.saturating_add(t.import_pending) {
            "pending"
        } else if import.error.is_some() {
            "deleted"
        } else {
            "available"
        }
    }

    fn completed<'a>(&'a self, image: u64, now: u64) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions.iter().filter(move |a| a.image == image && a.done(now, &self.timings))
    }

    /// The regions the image is in now.
    pub(crate) fn regions(&self, image: &Own, now: u64) -> Vec<String> {
        if self.status(image, now) != "available" {
            return Vec::new();
        }
        let mut regions = vec![image.region.clone()];
        for action in self.completed(image.id, now).filter(|a| a.kind == "transfer") {
            if !regions.contains(&action.region) {
                regions.push(action.region.clone());
            }
        }
        regions
    }

    /// The image's type now: a completed `convert` makes it a snapshot.
    pub(crate) fn kind(&self, image: &Own, now: u64) -> &'static str {
        if self.completed(image.id, now).any(|a| a.kind == "convert") { "snapshot" } else { image.kind }
    }

    /// The image as DigitalOcean sends it.
    pub(crate) fn image_json(&self, image: &Own, now: u64) -> Value {
        let status = self.status(image, now);
        let ready = status == "available";
        let error = image.import.as_ref().and_then(|i| i.error.clone()).filter(|_| status == "deleted");
        json!({
            "id": image.id,
            "name": image.name,
            "distribution": image.distribution,
            "slug": null,
            "public": false,
            "regions": self.regions(image, now),
            "created_at": timestamp_z(image.created_ms),
            "type": self.kind(image, now),
            "min_disk_size": ready.then_some(image.min_disk_size),
            "size_gigabytes": ready.then_some(image.size_gigabytes),
            "description": image.description,
            "tags": image.tags,
            "status": status,
            "error_message": error.unwrap_or_default(),
        })
    }
}

/// DigitalOcean's hourly request window: each request counts for one hour.
pub(crate) struct RateWindow {
    pub(crate) limit: u64,
    hits: VecDeque<u64>,
}

const HOUR_MS: u64 = 3600 * 1000;

impl RateWindow {
    pub(crate) fn new(limit: u64) -> RateWindow {
        RateWindow { limit, hits: VecDeque::new() }
    }

    fn forget(&mut self, now: u64) {
        while self.hits.front().is_some_and(|&at| at.saturating_add(HOUR_MS) <= now) {
            self.hits.pop_front();
        }
    }

    /// Whether the window is full.
    pub(crate) fn exhausted(&mut self, now: u64) -> bool {
        self.forget(now);
        self.hits.len() as u64 >= self.limit
    }

    /// Counts a request.
    pub(crate) fn hit(&mut self, now: u64) {
        self.forget(now);
        self.hits.push_back(now);
    }

    pub(crate) fn remaining(&self) -> u64 {
        self.limit.saturating_sub(self.hits.len() as u64)
    }

    /// When the oldest request stops counting, in Unix seconds.
    pub(crate) fn reset(&self, now: u64) -> u64 {
        self.hits.front().copied().unwrap_or(now).saturating_add(HOUR_MS).div_ceil(1000)
    }
}
