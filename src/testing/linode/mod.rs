//! The Linode stand-in: the Images API v4 and the object storage that takes uploads.

mod api;
mod filter;
mod seed;
mod sharing;
mod state;
mod storage;

use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;

use self::api::LinodeApi;
use self::state::{Disk, State, Timings};
use super::faults::Faults;
use super::stand_in::{StandIn, StandInBuilder, millis, sealed};
use super::{Clock, Seed, lock};
use crate::linode::{Client, Linode, types};
use crate::{ClientBuilder, Result};

pub use self::state::Received;

/// A local, stateful stand-in for the Linode Images API (v4) and for the object storage that
/// takes uploads, on 127.0.0.1 on a free port. It stops, and its port closes, when dropped.
///
/// It starts with Linode's 57 public images (in the shapes the live API sends: `regions: null`,
/// `image_sharing: null`), and an account that has an automatic image (`created_by` and
/// `updated` null, an `expiry`), an image shared with it (`shared/5854`), and one disk to
/// capture ([`DISK_ID`](LinodeStandIn::DISK_ID)); see [`Seed`] for less.
///
/// It answers every images operation as Linode does:
///
/// - `GET /v4/images`: public images, and the account's with the token; `page` (from 1) and
///   `page_size` (25 to 500, default 100) with `{data, page, pages, results}`; `X-Filter` on
///   `deprecated`, `is_public`, `is_shared`, `label`, `size`, `status`, `tags`, `type`,
///   `vendor`, with `+and`, `+or`, `+neq`, `+contains`, `+gt`, `+gte`, `+lt`, `+lte`,
///   `+order_by` and `+order`.
/// - `GET /v4/images/{id}`: public images without a token; the account's with it.
/// - `POST /v4/images`: captures a disk; `creating`, then `available`.
/// - `POST /v4/images/upload`: a `pending_upload` image and an `upload_to` URL on this same
///   server. The `PUT` there must carry no `Authorization` header, `Content-Type:
///   application/octet-stream` and a `Content-Length`, and a gzip body (at most 5 GB, 6 GB
///   unpacked); it is unpacked as it streams in, never held in memory. The image is then
///   `creating`, and `available` 1.5 s later. An image whose data never comes is gone after
///   24 h, as on Linode.
/// - `PUT /v4/images/{id}`: label, description, tags. `DELETE`: `200 {}`.
/// - `POST /v4/images/{id}/regions`: the complete region list, only regions with Object
///   Storage, only for an `available` image. New regions are `pending replication` (0.4 s),
///   `replicating` (0.6 s), then `available`; left-out ones `pending deletion`, then gone.
///
/// - Share groups (beta), under `/v4beta/images/sharegroups` only (`/v4/` answers 404, as
///   Linode does): the account's groups (create, list, get, update, delete; filter on
///   `label`); adding a private image makes a `shared/…` copy (`type: shared`,
///   `is_shared: null`, `image_sharing.shared_by` naming the group and the source) and marks
///   the source `is_shared: true` with its `sharegroup_count`; a rename reaches the shares;
///   members join with any JWT-shaped token (anything else: 500 `Invalid token format`) and
///   are revoked; `GET /images/{id}/sharegroups`. On the member's side the seed has one
///   accepted token (`4591075e-…`) for the group that shares `shared/5854`, whose group and
///   images it shows; new tokens stay `pending`, and one for a group of the account's own is
///   refused (400).
///
/// Errors come in Linode's format, `{"errors": [{"field", "reason"}]}`: 400 for a bad field,
/// region, page size or filter, 401 `Invalid Token` for a missing or wrong token (public reads
/// need none), 403 for changing a public image, 404 for an unknown image. Times run on the
/// stand-in's [`Clock`].
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use std::time::Duration;
/// use cloud_images::linode::CreateUpload;
/// use cloud_images::testing::{Clock, LinodeStandIn};
///
/// let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start()?;
/// let client = stand_in.client()?;
/// let disk = std::io::Cursor::new(vec![0u8; 1 << 20]);
/// let image = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk)?;
/// assert_eq!(stand_in.image(&image.id).and_then(|i| i.status).map(|s| s.to_string()).as_deref(), Some("creating"));
///
/// stand_in.clock().advance(Duration::from_secs(2));
/// let image = client.images().wait_until_available(&image.id).timeout(Duration::from_secs(5)).send()?;
/// assert_eq!(image.size, Some(1)); // MB
/// # Ok(())
/// # }
/// ```
pub type LinodeStandIn = StandIn<Linode>;

/// Sets up a [`LinodeStandIn`] before it starts.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use std::time::Duration;
/// use cloud_images::testing::{Clock, LinodeStandIn, Seed};
///
/// let stand_in = LinodeStandIn::builder()
///     .clock(Clock::manual())
///     .token("my-test-token")
///     .seed(Seed::Empty)
///     .upload_processing(Duration::from_secs(60))
///     .start()?;
/// assert!(stand_in.account_images().is_empty());
/// # Ok(())
/// # }
/// ```
pub type LinodeStandInBuilder = StandInBuilder<Linode>;

/// The settings only the Linode stand-in has; set through [`LinodeStandInBuilder`]. Public in a
/// private module, as the sealed `Settings` of the kit must be: users cannot name it.
#[derive(Debug, Default)]
pub struct Settings {
    timings: Timings,
    disks: Vec<Disk>,
}

impl sealed::Kit for Linode {
    type Settings = Settings;
    type Client = Client;
    const NAMES: sealed::Names = sealed::Names { stand_in: "LinodeStandIn", token: "linode-stand-in-token" };
    const BUILD: fn(ClientBuilder<Linode>) -> Result<Client> = ClientBuilder::<Linode>::build;
}

impl sealed::Settings for Settings {
    type Api = LinodeApi;

    fn api(self, seed: Seed, clock: &Clock, base_url: String, _: &Arc<Faults>) -> LinodeApi {
        let Settings { timings, mut disks } = self;
        let (public, own, foreign, tokens) = match seed {
            Seed::Full => {
                disks.insert(0, seed::disk());
                (seed::public_images(), seed::account_images(), seed::foreign_groups(), seed::tokens())
            }
            Seed::Public => (seed::public_images(), Vec::new(), Vec::new(), Vec::new()),
            Seed::Empty => (Vec::new(), Vec::new(), Vec::new(), Vec::new()),
        };
        let state = State {
            public,
            own,
            disks,
            next_id: 24_187_701,
            timings,
            groups: Vec::new(),
            tokens,
            foreign,
            next_group: 9_101,
            next_share: 6_001,
            serial: 0,
        };
        LinodeApi {
            state: Mutex::new(state),
            clock: clock.clone(),
            base_url,
            username: "stand-in-user".to_string(),
            secret: RandomState::new().hash_one(std::process::id()),
        }
    }
}

impl StandIn<Linode> {
    /// The disk the seeded account has (`web-01 - Debian 12 Disk`, 3604 MB, in `us-east`), for
    /// `images().create(LinodeStandIn::DISK_ID, ..)`.
    pub const DISK_ID: u64 = 25_674_120;

    /// Where the object storage that takes uploads lives (on the same server, under
    /// `/object-storage`).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert_eq!(stand_in.storage_url(), format!("{}/object-storage", stand_in.base_url()));
    /// # Ok(())
    /// # }
    /// ```
    pub fn storage_url(&self) -> String {
        storage::url(&self.base_url())
    }

    /// The account's images (`private/…` and `shared/…`), oldest first, as the API would
    /// send them now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// let ids: Vec<String> = stand_in.account_images().into_iter().map(|i| i.id).collect();
    /// assert_eq!(ids, ["private/24811540", "shared/5854"]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn account_images(&self) -> Vec<types::Image> {
        let now = self.clock().now_ms();
        let mut state = lock(&self.api().state);
        state.prune(now);
        let timings = state.timings;
        state.own.iter().filter_map(|i| decode(i.to_json(now, &timings))).collect()
    }

    /// One image, public or the account's, as the API would send it now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert!(stand_in.image("linode/debian12").is_some_and(|i| i.regions.is_empty())); // `regions: null`
    /// assert!(stand_in.image("private/1").is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn image(&self, id: &str) -> Option<types::Image> {
        let now = self.clock().now_ms();
        let mut state = lock(&self.api().state);
        state.prune(now);
        let json = match state.public(id) {
            Some(public) => public.clone(),
            None => state.own(id)?.to_json(now, &state.timings),
        };
        decode(json)
    }

    /// What object storage received for the upload of image `id`, once its `PUT` succeeded.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert_eq!(stand_in.received("private/24811540"), None); // not an upload
    /// # Ok(())
    /// # }
    /// ```
    pub fn received(&self, id: &str) -> Option<Received> {
        lock(&self.api().state).own(id)?.received()
    }

    /// The account's share groups, oldest first, as the API would send them now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert!(stand_in.sharegroups().is_empty());
    /// let group = stand_in.client()?.sharegroups().create("golden").send()?;
    /// let ids: Vec<u64> = stand_in.sharegroups().into_iter().map(|g| g.id).collect();
    /// assert_eq!(ids, [group.id]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroups(&self) -> Vec<types::ShareGroup> {
        let state = lock(&self.api().state);
        state.groups.iter().filter_map(|g| decode(sharing::group_json(g))).collect()
    }

    /// The images shared in the account's share group `id` (its `shared/…` copies), oldest
    /// first, as the API would send them now; empty for a group the account does not have.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// let group = stand_in.client()?.sharegroups().create("golden").image("private/24811540").send()?;
    /// let shares = stand_in.sharegroup_images(group.id);
    /// assert_eq!(shares.len(), 1);
    /// assert!(shares[0].id.starts_with("shared/"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroup_images(&self, id: u64) -> Vec<types::Image> {
        let now = self.clock().now_ms();
        let state = lock(&self.api().state);
        let Some(group) = state.groups.iter().find(|g| g.id == id) else { return Vec::new() };
        group.shares.iter().filter_map(|s| decode(s.to_json(now, &state.timings))).collect()
    }

    /// The members of the account's share group `id`, revoked ones included, oldest first;
    /// empty for a group the account does not have.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// let client = stand_in.client()?;
    /// let group = client.sharegroups().create("golden").send()?;
    /// let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJtZW1iZXIiOiJiIn0.c2lnbmF0dXJl";
    /// let member = client.sharegroups().members(group.id).add(jwt, "team B")?;
    /// let members = stand_in.sharegroup_members(group.id);
    /// assert_eq!(members[0].token_uuid, member.token_uuid);
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroup_members(&self, id: u64) -> Vec<types::Membership> {
        let state = lock(&self.api().state);
        let Some(group) = state.groups.iter().find(|g| g.id == id) else { return Vec::new() };
        group.members.iter().filter_map(|m| decode(sharing::member_json(m))).collect()
    }

    /// The account's membership tokens for other accounts' share groups, oldest first, as
    /// the API lists them (without their secrets).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// let uuids: Vec<String> = stand_in.membership_tokens().into_iter().map(|t| t.token_uuid).collect();
    /// assert_eq!(uuids, ["4591075e-4ba8-43c9-a521-928c3d4a135d"]); // the seeded, accepted one
    /// # Ok(())
    /// # }
    /// ```
    pub fn membership_tokens(&self) -> Vec<types::Token> {
        let state = lock(&self.api().state);
        state.tokens.iter().filter_map(|t| decode(sharing::token_json(t, &state.foreign))).collect()
    }
}

fn decode<T: serde::de::DeserializeOwned>(json: Value) -> Option<T> {
    serde_json::from_value(json)
        .map_err(
            |e| log::warn!(target: "cloud_images::testing", "an image of the stand-in does not decode: {e}"),
        )
        .ok()
}

impl StandInBuilder<Linode> {
    /// How long an upload is `creating` after its data arrived (default 1.5 s).
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = cloud_images::testing::LinodeStandIn::builder().upload_processing(Duration::from_secs(30));
    /// # let _ = builder;
    /// ```
    pub fn upload_processing(mut self, time: Duration) -> Self {
        self.settings.timings.upload_processing = millis(time);
        self
    }

    /// How long a capture (`POST /images`) is `creating` (default 1.5 s).
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = cloud_images::testing::LinodeStandIn::builder().capture_time(Duration::from_secs(30));
    /// # let _ = builder;
    /// ```
    pub fn capture_time(mut self, time: Duration) -> Self {
        self.settings.timings.capture = millis(time);
        self
    }

    /// How long a new replica is `pending replication` (default 0.4 s), then `replicating`
    /// (default 0.6 s); a removed region is `pending deletion` for `pending`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = cloud_images::testing::LinodeStandIn::builder()
    ///     .replication(Duration::from_secs(10), Duration::from_secs(50));
    /// # let _ = builder;
    /// ```
    pub fn replication(mut self, pending: Duration, copying: Duration) -> Self {
        self.settings.timings.replica_pending = millis(pending);
        self.settings.timings.replica_copying = millis(copying);
        self
    }

    /// Adds a disk the account can capture an image from.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::LinodeStandIn;
    ///
    /// let stand_in = LinodeStandIn::builder().disk(42, "db-01 disk", "us-ord", 8000).start()?;
    /// let image = stand_in.client()?.images().create(42, "db-golden").send()?;
    /// assert_eq!(image.regions[0].region.as_deref(), Some("us-ord"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn disk(
        mut self,
        id: u64,
        label: impl Into<String>,
        region: impl Into<String>,
        size_mb: u64,
    ) -> Self {
        self.settings.disks.push(Disk { id, label: label.into(), region: region.into(), size_mb });
        self
    }
}
