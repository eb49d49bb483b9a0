//! The DigitalOcean stand-in: the Images API v2 with image actions.

mod api;
mod seed;
#[cfg(feature = "spaces")]
mod spaces;
mod state;

use std::fmt::Display;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::Value;

use self::api::DigitalOceanApi;
#[cfg(feature = "spaces")]
pub use self::spaces::SpacesObject;
use self::state::{RateWindow, State, Timings};
use super::faults::Faults;
use super::stand_in::{StandIn, StandInBuilder, millis, sealed};
use super::{Clock, Seed, lock};
use crate::digitalocean::{Client, DigitalOcean, types};
use crate::{ClientBuilder, Result};

/// A local, stateful stand-in for the DigitalOcean Images API (v2), on 127.0.0.1 on a free port.
/// It stops, and its port closes, when dropped.
///
/// It starts with DigitalOcean's public images (26 distributions, 5 1-Click applications;
/// `tags: null` as the live API sends them) and an account with a snapshot (`171002281`) and a
/// backup (`171003090`); see [`Seed`] for less. It answers every images operation:
///
/// - `GET /v2/images`: `type=distribution|application`, `private=true`, `tag_name`,
///   `per_page` (1 to 200, default 20) and `page`, with `links.pages` (`first`, `prev`, `next`,
///   `last`: absolute URLs back to the stand-in) and `meta.total`.
/// - `GET /v2/images/{id or slug}` (slugs for public images only), `PUT` (name, description,
///   distribution; an unknown distribution becomes `Unknown`), `DELETE` (204).
/// - `POST /v2/images`: an import from a URL, answered 202 with status `NEW`; then `pending`
///   (after 0.5 s) and `available` (1 s later) in its region. A URL ending in `.iso`, `.zip`,
///   `.xz`, `.7z`, `.tar`, `.txt` or `.html` is accepted, then fails: `deleted`, with an
///   `error_message`.
/// - `POST /v2/images/{id}/actions`: `transfer` to a region, `convert` to a snapshot; 201, then
///   `in-progress` for 1 s and `completed` (the image is then in the new region, or a
///   snapshot). `GET` lists them (paginated) or gets one.
///
/// With the `spaces` feature, it also has a Spaces side on the same server, under
/// `/spaces/{bucket}/{key}` ([`spaces_url`](Self::spaces_url)): pre-signed `PUT`, `GET` and
/// `DELETE` requests signed with its own keys ([`SPACES_ACCESS_KEY_ID`](Self::SPACES_ACCESS_KEY_ID),
/// [`SPACES_SECRET_ACCESS_KEY`](Self::SPACES_SECRET_ACCESS_KEY); [`spaces`](Self::spaces) gives a
/// ready [`Spaces`](crate::digitalocean::Spaces)), each one's signature recomputed and its expiry
/// checked on the stand-in's clock; S3's XML errors otherwise (403 `SignatureDoesNotMatch`,
/// `InvalidAccessKeyId`, `AccessDenied` for an expired URL, 404 `NoSuchKey`, `NoSuchBucket`, 400
/// `IncompleteBody`, and 400 for a request that also carries an `Authorization` header). It keeps
/// each object's length and SHA-256, not its bytes ([`spaces_object`](Self::spaces_object),
/// [`spaces_objects`](Self::spaces_objects), [`spaces_uploads`](Self::spaces_uploads)); a `GET`
/// that passes the checks is answered 501. An import whose URL points at it reads the object
/// through the same checks as a `GET` (a fault injected on `spaces_get_object` applies there);
/// when that fails, the import is accepted and then ends `deleted` with an `error_message`, as
/// DigitalOcean does with a URL it cannot download. Spaces answers carry no rate-limit headers.
///
/// Every answer of the API carries `ratelimit-limit` (5000 an hour unless told), `ratelimit-remaining`,
/// `ratelimit-reset` and `x-request-id`; past the limit, requests get 429 `too_many_requests`.
/// Errors come in DigitalOcean's format, `{"id", "message", "request_id"}`: 401 for a missing or
/// wrong token, 404 for an unknown image, 403 for changing a public one, 422 for a bad body or
/// region, 400 for a bad page size or `type`. Times run on the stand-in's [`Clock`].
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::digitalocean::ImageKind;
/// use cloud_images::testing::DigitalOceanStandIn;
///
/// let stand_in = DigitalOceanStandIn::start()?;
/// let client = stand_in.client()?;
/// let page = client.images().list().kind(ImageKind::Distribution).per_page(10).send()?;
/// assert_eq!((page.items.len(), page.total), (10, Some(26)));
/// let limit = client.rate_limit().expect("ratelimit-* headers");
/// assert_eq!((limit.limit, limit.remaining), (5000, 4999));
/// # Ok(())
/// # }
/// ```
pub type DigitalOceanStandIn = StandIn<DigitalOcean>;

/// Sets up a [`DigitalOceanStandIn`] before it starts.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use std::time::Duration;
/// use cloud_images::testing::{Clock, DigitalOceanStandIn};
///
/// let stand_in = DigitalOceanStandIn::builder()
///     .clock(Clock::manual())
///     .token("dop_v1_test")
///     .rate_limit(3)
///     .action_time(Duration::from_secs(120))
///     .start()?;
/// let client = stand_in.client_builder().no_retries().build()?;
/// for _ in 0..3 {
///     client.images().get("debian-12-x64")?;
/// }
/// assert_eq!(client.images().get("debian-12-x64").unwrap_err().status(), Some(429));
/// # Ok(())
/// # }
/// ```
pub type DigitalOceanStandInBuilder = StandInBuilder<DigitalOcean>;

/// The settings only the DigitalOcean stand-in has; set through [`DigitalOceanStandInBuilder`].
/// Public in a private module, as the sealed `Settings` of the kit must be: users cannot name it.
#[derive(Debug)]
pub struct Settings {
    timings: Timings,
    rate_limit: u64,
    #[cfg(feature = "spaces")]
    spaces_buckets: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            timings: Timings::default(),
            rate_limit: 5000,
            #[cfg(feature = "spaces")]
            spaces_buckets: vec![DigitalOceanStandIn::SPACES_BUCKET.to_string()],
        }
    }
}

impl sealed::Kit for DigitalOcean {
    type Settings = Settings;
    type Client = Client;
    const NAMES: sealed::Names =
        sealed::Names { stand_in: "DigitalOceanStandIn", token: "dop_v1_stand_in_token" };
    const BUILD: fn(ClientBuilder<DigitalOcean>) -> Result<Client> = ClientBuilder::<DigitalOcean>::build;
}

impl sealed::Settings for Settings {
    type Api = DigitalOceanApi;

    fn api(self, seed: Seed, _: &Clock, base_url: String, _faults: &Arc<Faults>) -> DigitalOceanApi {
        let (distributions, applications, own) = match seed {
            Seed::Full => (seed::distributions(), seed::applications(), seed::account_images()),
            Seed::Public => (seed::distributions(), seed::applications(), Vec::new()),
            Seed::Empty => (Vec::new(), Vec::new(), Vec::new()),
        };
        let state = State {
            distributions,
            applications,
            own,
            actions: Vec::new(),
            next_image: 171_400_118,
            next_action: 2_391_560_007,
            transfers: Vec::new(),
            next_transfer: 7734,
            timings: self.timings,
            rate: RateWindow::new(self.rate_limit),
            answered: 0,
        };
        DigitalOceanApi {
            state: Mutex::new(state),
            #[cfg(feature = "spaces")]
            spaces: spaces::Spaces::new(
                &base_url,
                DigitalOceanStandIn::SPACES_ACCESS_KEY_ID.to_string(),
                DigitalOceanStandIn::SPACES_SECRET_ACCESS_KEY.to_string(),
                self.spaces_buckets,
                _faults,
            ),
            base_url,
        }
    }
}

impl StandIn<DigitalOcean> {
    /// The account's images, oldest first, as the API would send them now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// let ids: Vec<_> = stand_in.account_images().into_iter().map(|i| i.id).collect();
    /// assert_eq!(ids, [171_002_281, 171_003_090]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn account_images(&self) -> Vec<types::Image> {
        let now = self.clock().now_ms();
        let state = lock(&self.api().state);
        state.own.iter().filter_map(|i| decode(state.image_json(i, now))).collect()
    }

    /// One image, by id or (public images) slug, as the API would send it now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// assert!(stand_in.image("debian-12-x64").is_some_and(|i| i.tags.is_empty())); // `tags: null`
    /// assert!(stand_in.image(171_003_090).is_some());
    /// assert!(stand_in.image(1).is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn image(&self, key: impl Display) -> Option<types::Image> {
        let key = key.to_string();
        let now = self.clock().now_ms();
        let state = lock(&self.api().state);
        let json = match state.public(&key) {
            Some(public) => public.clone(),
            None => state.image_json(key.parse::<u64>().ok().and_then(|id| state.own(id))?, now),
        };
        decode(json)
    }

    /// Every image action of the account, oldest first, as the API would send them now.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// let action = stand_in.client()?.images().actions(171_003_090).convert()?;
    /// let actions = stand_in.actions();
    /// assert_eq!(actions.len(), 1);
    /// assert_eq!(actions[0].id, action.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn actions(&self) -> Vec<types::Action> {
        let now = self.clock().now_ms();
        let state = lock(&self.api().state);
        state.actions.iter().filter_map(|a| decode(a.to_json(now, &state.timings))).collect()
    }
}

#[cfg(feature = "spaces")]
impl StandIn<DigitalOcean> {
    /// The access key id the Spaces side takes.
    pub const SPACES_ACCESS_KEY_ID: &'static str = "DO00STANDINSPACESKEY";
    /// The secret key the Spaces side signs with.
    pub const SPACES_SECRET_ACCESS_KEY: &'static str = "stand-in-spaces-secret-key";
    /// The bucket the Spaces side always has (more with
    /// [`DigitalOceanStandInBuilder::spaces_bucket`]).
    pub const SPACES_BUCKET: &'static str = "stand-in-images";
    /// The Spaces region [`spaces`](Self::spaces) signs for (any region is taken).
    pub const SPACES_REGION: &'static str = "nyc3";

    /// The Spaces endpoint (`http://127.0.0.1:PORT/spaces`): objects are at
    /// `{endpoint}/{bucket}/{key}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// assert_eq!(stand_in.spaces_url(), format!("{}/spaces", stand_in.base_url()));
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces_url(&self) -> String {
        format!("{}{}", self.base_url(), spaces::PREFIX.trim_end_matches('/'))
    }

    /// A [`Spaces`](crate::digitalocean::Spaces) builder for `bucket` on this stand-in: its
    /// endpoint, region and keys set (change the keys to see them refused).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::DigitalOceanStandIn;
    ///
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// let wrong = stand_in
    ///     .spaces_builder(DigitalOceanStandIn::SPACES_BUCKET)
    ///     .keys(DigitalOceanStandIn::SPACES_ACCESS_KEY_ID, "not-the-secret")
    ///     .build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces_builder(&self, bucket: &str) -> crate::digitalocean::SpacesBuilder {
        crate::digitalocean::Spaces::builder(bucket, Self::SPACES_REGION)
            .endpoint(self.spaces_url())
            .keys(Self::SPACES_ACCESS_KEY_ID, self.api().spaces.secret_access_key())
    }

    /// [`Spaces`](crate::digitalocean::Spaces) for the stand-in's bucket
    /// ([`SPACES_BUCKET`](Self::SPACES_BUCKET)), with its keys.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use cloud_images::digitalocean::{PublishImage, UploadSource};
    /// use cloud_images::testing::{Clock, DigitalOceanStandIn};
    ///
    /// let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start()?;
    /// let client = stand_in.client_builder().clock(stand_in.clock().clone()).build()?;
    /// let disk = std::io::Cursor::new(vec![1u8; 1 << 20]);
    /// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &stand_in.spaces()?);
    /// let published = publish.file_name("web.img").source(UploadSource::seekable(disk))?;
    /// assert!(published.left_behind.is_none());
    /// assert!(stand_in.spaces_objects(DigitalOceanStandIn::SPACES_BUCKET).is_empty()); // cleaned up
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces(&self) -> Result<crate::digitalocean::Spaces> {
        self.spaces_builder(Self::SPACES_BUCKET).build()
    }

    /// The object `key` of `bucket`, as it is now (`None` when there is none).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// assert!(stand_in.spaces_object("stand-in-images", "nothing.img").is_none());
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces_object(&self, bucket: &str, key: &str) -> Option<SpacesObject> {
        self.spaces_objects(bucket).into_iter().find(|o| o.key == key)
    }

    /// The objects of `bucket` now, by key (empty for a bucket the stand-in does not have).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::DigitalOceanStandIn;
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// assert!(stand_in.spaces_objects(DigitalOceanStandIn::SPACES_BUCKET).is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces_objects(&self, bucket: &str) -> Vec<SpacesObject> {
        self.api().spaces.objects(bucket)
    }

    /// Every object a `PUT` stored, oldest first, whether deleted since or not
    /// ([`SpacesObject::deleted`]): what the Spaces side received.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// assert!(stand_in.spaces_uploads().is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn spaces_uploads(&self) -> Vec<SpacesObject> {
        self.api().spaces.uploads()
    }
}

fn decode<T: DeserializeOwned>(json: Value) -> Option<T> {
    serde_json::from_value(json)
        .map_err(|e| log::warn!(target: "cloud_images::testing", "the stand-in's state does not decode: {e}"))
        .ok()
}

impl StandInBuilder<DigitalOcean> {
    /// How long an import is `NEW` (default 0.5 s), then `pending` (default 1 s).
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = cloud_images::testing::DigitalOceanStandIn::builder()
    ///     .import_time(Duration::from_secs(60), Duration::from_secs(600));
    /// # let _ = builder;
    /// ```
    pub fn import_time(mut self, new: Duration, pending: Duration) -> Self {
        self.settings.timings.import_new = millis(new);
        self.settings.timings.import_pending = millis(pending);
        self
    }

    /// How long an image action is `in-progress` (default 1 s).
    ///
    /// ```
    /// use std::time::Duration;
    /// let builder = cloud_images::testing::DigitalOceanStandIn::builder().action_time(Duration::from_secs(300));
    /// # let _ = builder;
    /// ```
    pub fn action_time(mut self, time: Duration) -> Self {
        self.settings.timings.action = millis(time);
        self
    }

    /// Requests allowed per hour (default 5000, as DigitalOcean); past it, 429.
    ///
    /// ```
    /// let builder = cloud_images::testing::DigitalOceanStandIn::builder().rate_limit(10);
    /// # let _ = builder;
    /// ```
    pub fn rate_limit(mut self, per_hour: u64) -> Self {
        self.settings.rate_limit = per_hour;
        self
    }

    /// Another bucket for the Spaces side (it always has
    /// [`DigitalOceanStandIn::SPACES_BUCKET`]); a request to a bucket it does not have gets 404
    /// `NoSuchBucket`.
    ///
    /// ```
    /// let builder = cloud_images::testing::DigitalOceanStandIn::builder().spaces_bucket("ci-images");
    /// # let _ = builder;
    /// ```
    #[cfg(feature = "spaces")]
    pub fn spaces_bucket(mut self, name: impl Into<String>) -> Self {
        self.settings.spaces_buckets.push(name.into());
        self
    }
}
