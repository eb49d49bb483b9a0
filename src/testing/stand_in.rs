//! One stand-in shape for both providers: [`StandIn`] and [`StandInBuilder`], with what every
//! stand-in has (its URL, token, clock, clients, faults, request log) written once. What only
//! one provider has is in its folder, as inherent methods of `StandIn<Linode>`
//! ([`LinodeStandIn`](super::LinodeStandIn)) or `StandIn<DigitalOcean>`
//! ([`DigitalOceanStandIn`](super::DigitalOceanStandIn)), and of their builders.

use std::fmt;
use std::sync::Arc;

use super::core::{Api, Running};
use super::faults::Faults;
use super::{Clock, Fault, On, Request, Seed, kit_retry_policy, routes};
use crate::{ClientBuilder, Result};

/// What a provider plugs into the kit that users do not see: a supertrait of [`Kit`] in a
/// private module, so that users can neither name its items nor add a provider.
pub(crate) mod sealed {
    use std::fmt;
    use std::sync::Arc;

    use crate::testing::core::Api;
    use crate::testing::faults::Faults;
    use crate::testing::{Clock, Seed};
    use crate::{ClientBuilder, Provider, Result};

    /// A provider's stand-in: its own settings (which make its API), its names, its client.
    pub trait Kit: Provider + fmt::Debug {
        /// The builder settings only this provider's stand-in has (timings, disks, rate limit,
        /// Spaces buckets), set through its own builder methods.
        type Settings: Settings;
        /// The provider's client.
        type Client;
        /// The stand-in's names.
        const NAMES: Names;
        /// Builds the provider's client (its `ClientBuilder::build`).
        const BUILD: fn(ClientBuilder<Self>) -> Result<Self::Client>;
    }

    /// What a stand-in is called.
    pub struct Names {
        /// Its type, as `Debug` shows it (`LinodeStandIn`).
        pub(crate) stand_in: &'static str,
        /// The token it takes unless told otherwise.
        pub(crate) token: &'static str,
    }

    /// A provider's own stand-in settings, as its builder set them: they make its API.
    pub trait Settings: fmt::Debug + Default {
        /// The API the stand-in answers.
        type Api: Api;
        /// Makes the API of a stand-in serving at `base_url`, with `faults` (which the API may
        /// apply to what it does itself).
        fn api(self, seed: Seed, clock: &Clock, base_url: String, faults: &Arc<Faults>) -> Self::Api;
    }
}

/// The API behind the stand-ins of `P`.
type ApiOf<P> = <<P as sealed::Kit>::Settings as sealed::Settings>::Api;

/// A provider the kit has a stand-in of: [`Linode`](crate::linode::Linode)
/// ([`LinodeStandIn`](super::LinodeStandIn)) and [`DigitalOcean`](crate::digitalocean::DigitalOcean)
/// ([`DigitalOceanStandIn`](super::DigitalOceanStandIn)). Sealed. Code generic over it runs
/// against either stand-in:
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::testing::{DigitalOceanStandIn, Fault, Kit, LinodeStandIn, On, StandIn};
///
/// /// Makes every request of `stand_in` fail once with a 503.
/// fn flaky<P: Kit>(stand_in: &StandIn<P>) -> Result<(), cloud_images::Error> {
///     stand_in.inject(On::any(), Fault::unavailable())
/// }
/// flaky(&LinodeStandIn::start()?)?;
/// flaky(&DigitalOceanStandIn::start()?)?;
/// # Ok(())
/// # }
/// ```
pub trait Kit: sealed::Kit {}

impl<P: sealed::Kit> Kit for P {}

/// A local, stateful stand-in of a provider's Images API, on 127.0.0.1 on a free port: a
/// [`LinodeStandIn`](super::LinodeStandIn) or a [`DigitalOceanStandIn`](super::DigitalOceanStandIn)
/// (whose pages say what each answers). It stops, and its port closes, when dropped.
///
/// What every stand-in has is here, written once: its [`base_url`](Self::base_url),
/// [`token`](Self::token) and [`clock`](Self::clock), a ready [`client`](Self::client), faults
/// to [`inject`](Self::inject), and the [`requests`](Self::requests) it received.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
///
/// let linode = LinodeStandIn::start()?;
/// let digitalocean = DigitalOceanStandIn::start()?;
/// linode.client()?.images().get("linode/debian12")?;
/// digitalocean.client()?.images().get("debian-12-x64")?;
/// assert_eq!((linode.requests().len(), digitalocean.requests().len()), (1, 1));
/// # Ok(())
/// # }
/// ```
pub struct StandIn<P: Kit> {
    running: Running<ApiOf<P>>,
}

/// Sets up a [`StandIn`] before it starts: the clock, token, seed and port every stand-in has
/// (here), and each provider's own settings
/// ([`LinodeStandInBuilder`](super::LinodeStandInBuilder),
/// [`DigitalOceanStandInBuilder`](super::DigitalOceanStandInBuilder)).
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::testing::{Clock, LinodeStandIn, Seed};
///
/// let stand_in = LinodeStandIn::builder().clock(Clock::manual()).token("my-test-token").seed(Seed::Empty).start()?;
/// assert!(stand_in.account_images().is_empty());
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
#[must_use]
pub struct StandInBuilder<P: Kit> {
    clock: Clock,
    token: String,
    seed: Seed,
    port: u16,
    /// The settings only this provider's stand-in has.
    pub(super) settings: P::Settings,
}

impl<P: Kit> StandIn<P> {
    /// The token a stand-in takes unless [`StandInBuilder::token`] says otherwise:
    /// `linode-stand-in-token` for Linode, `dop_v1_stand_in_token` for DigitalOcean.
    ///
    /// ```
    /// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
    ///
    /// assert_eq!(LinodeStandIn::TOKEN, "linode-stand-in-token");
    /// assert_eq!(DigitalOceanStandIn::TOKEN, "dop_v1_stand_in_token");
    /// ```
    pub const TOKEN: &'static str = P::NAMES.token;

    /// Starts a stand-in with the default seed, a real clock and the default token.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// let page = stand_in.client()?.images().list().send()?;
    /// assert_eq!(page.total, Some(59)); // 57 public images, and the account's 2
    /// # Ok(())
    /// # }
    /// ```
    pub fn start() -> Result<StandIn<P>> {
        Self::builder().start()
    }

    /// A builder, to choose the clock, token, seed and port, and the provider's own settings.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::{Clock, DigitalOceanStandIn};
    ///
    /// let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start()?;
    /// assert!(stand_in.clock().is_manual());
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder() -> StandInBuilder<P> {
        StandInBuilder {
            clock: Clock::real(),
            token: P::NAMES.token.to_string(),
            seed: Seed::Full,
            port: 0,
            settings: P::Settings::default(),
        }
    }

    /// The API's base URL (`http://127.0.0.1:PORT`), for `Client::builder().base_url(..)`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert!(stand_in.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn base_url(&self) -> String {
        self.running.base_url()
    }

    /// The token the stand-in takes.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::DigitalOceanStandIn;
    /// assert_eq!(DigitalOceanStandIn::start()?.token(), DigitalOceanStandIn::TOKEN);
    /// # Ok(())
    /// # }
    /// ```
    pub fn token(&self) -> &str {
        &self.running.core.token
    }

    /// The clock statuses move on.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// assert!(!stand_in.clock().is_manual());
    /// # Ok(())
    /// # }
    /// ```
    pub fn clock(&self) -> &Clock {
        &self.running.core.clock
    }

    /// A client builder set up for this stand-in: its base URL, its token, and retries whose
    /// backoff starts at 1 ms, so tests stay fast. A `Retry-After` is obeyed as by any client
    /// (a 1 s hint is a 1 s wait): give the client the stand-in's manual clock,
    /// `.clock(stand_in.clock().clone())`, to make such waits advance it instead of taking time.
    /// Change what you like before `build()`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
    ///
    /// let linode = LinodeStandIn::start()?;
    /// let anonymous = linode.client_builder().token("").build()?;
    /// let debian = anonymous.images().get("linode/debian12")?; // public images need no token
    /// assert_eq!(debian.vendor.as_deref(), Some("Debian"));
    ///
    /// let digitalocean = DigitalOceanStandIn::start()?;
    /// let wrong = digitalocean.client_builder().token("dop_v1_wrong").build()?;
    /// assert_eq!(wrong.images().get("debian-12-x64").unwrap_err().status(), Some(401));
    /// # Ok(())
    /// # }
    /// ```
    pub fn client_builder(&self) -> ClientBuilder<P> {
        ClientBuilder::default()
            .base_url(self.base_url())
            .token(self.token())
            .retry_policy(kit_retry_policy())
    }

    /// A client for this stand-in ([`linode::Client`](crate::linode::Client),
    /// [`digitalocean::Client`](crate::digitalocean::Client)): [`client_builder`](Self::client_builder),
    /// built.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
    ///
    /// let image = LinodeStandIn::start()?.client()?.images().get("private/24811540")?;
    /// assert_eq!(image.created_by, None); // an automatic image
    /// let snapshot = DigitalOceanStandIn::start()?.client()?.images().get(171_002_281)?;
    /// assert_eq!(snapshot.slug, None);
    /// # Ok(())
    /// # }
    /// ```
    pub fn client(&self) -> Result<P::Client> {
        P::BUILD(self.client_builder())
    }

    /// Makes the next requests that match `on` fail, wait or break: see [`Fault`]. Name the
    /// operation by its type ([`On::op`]) or a constant ([`On::OBJECT_STORAGE_PUT`]) where you
    /// can: a typo then does not compile.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an operation id the
    /// stand-in does not have (its message lists those it has: see
    /// [`operations`](Self::operations)); nothing is injected then.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::ErrorKind;
    /// use cloud_images::linode::ops;
    /// use cloud_images::testing::{Fault, LinodeStandIn, On};
    ///
    /// let stand_in = LinodeStandIn::start()?;
    /// stand_in.inject(On::op::<ops::GetImage>(), Fault::maintenance())?;
    /// let e = stand_in.client()?.images().get("linode/debian12").unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::Maintenance); // never retried
    ///
    /// let typo = stand_in.inject("get-imgae", Fault::maintenance()).unwrap_err();
    /// assert_eq!(typo.kind(), ErrorKind::InvalidInput);
    /// assert!(typo.to_string().contains("get-images, post-image, post-upload-image, get-image"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn inject(&self, on: impl Into<On>, fault: Fault) -> Result<()> {
        self.running.inject(on.into(), fault)
    }

    /// The operation ids the stand-in answers, and all that [`inject`](Self::inject) takes (they
    /// are listed at [`On`]): Linode's 7 images operations, its 22 share-group operations (under
    /// `/v4beta/` only), and `object-storage-put` (an upload's `PUT` of its data); DigitalOcean's
    /// 8 images and image actions operations and its 4 account transfer operations, and with the
    /// `spaces` feature the 3 of its Spaces side.
    ///
    /// ```
    /// use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};
    ///
    /// let ids = LinodeStandIn::operations();
    /// assert_eq!(ids.len(), 30);
    /// assert!(ids.contains(&"post-replicate-image") && ids.contains(&"object-storage-put"));
    /// let ids = DigitalOceanStandIn::operations();
    /// assert_eq!(ids.len(), if cfg!(feature = "spaces") { 15 } else { 12 });
    /// assert_eq!(ids[0], "images_list");
    /// ```
    pub fn operations() -> Vec<&'static str> {
        routes::operations(ApiOf::<P>::OPERATIONS)
    }

    /// Forgets the faults not used yet.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::testing::{Fault, LinodeStandIn, On};
    ///
    /// let stand_in = LinodeStandIn::start()?;
    /// stand_in.inject(On::any(), Fault::unavailable().times(100))?;
    /// stand_in.clear_faults();
    /// assert_eq!(stand_in.pending_faults(), 0);
    /// # Ok(())
    /// # }
    /// ```
    pub fn clear_faults(&self) {
        self.running.core.faults.clear();
    }

    /// How many more requests the injected faults will catch.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::digitalocean::ops;
    /// use cloud_images::testing::{DigitalOceanStandIn, Fault, On};
    ///
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// stand_in.inject(On::op::<ops::ImagesGet>(), Fault::unavailable().times(3))?;
    /// assert_eq!(stand_in.pending_faults(), 3);
    /// stand_in.client()?.images().get("debian-12-x64")?; // retried three times
    /// assert_eq!(stand_in.pending_faults(), 0);
    /// # Ok(())
    /// # }
    /// ```
    pub fn pending_faults(&self) -> u64 {
        self.running.core.faults.pending()
    }

    /// Every request received so far, oldest first (see [`Request`]).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// stand_in.client()?.images().update("private/24811540").label("kept").send()?;
    /// let put = &stand_in.requests()[0];
    /// assert_eq!(put.operation.as_deref(), Some("put-image"));
    /// assert_eq!(put.body, Some(serde_json::json!({"label": "kept"})));
    /// # Ok(())
    /// # }
    /// ```
    pub fn requests(&self) -> Vec<Request> {
        self.running.core.log.all()
    }

    /// The requests received since the log was last taken; the log starts again empty.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// stand_in.client()?.images().get("debian-12-x64")?;
    /// assert_eq!(stand_in.take_requests().len(), 1);
    /// assert!(stand_in.requests().is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn take_requests(&self) -> Vec<Request> {
        self.running.core.log.take()
    }

    /// The API behind the stand-in, for the provider's own readers.
    pub(super) fn api(&self) -> &ApiOf<P> {
        &self.running.core.api
    }
}

/// `LinodeStandIn { base_url: "http://127.0.0.1:PORT", .. }`.
impl<P: Kit> fmt::Debug for StandIn<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(P::NAMES.stand_in).field("base_url", &self.base_url()).finish_non_exhaustive()
    }
}

impl<P: Kit> StandInBuilder<P> {
    /// The clock statuses move on (default [`Clock::real`]).
    ///
    /// ```
    /// use cloud_images::testing::{Clock, DigitalOceanStandIn};
    /// let builder = DigitalOceanStandIn::builder().clock(Clock::manual());
    /// # let _ = builder;
    /// ```
    pub fn clock(self, clock: Clock) -> Self {
        StandInBuilder { clock, ..self }
    }

    /// The token the stand-in takes (default [`StandIn::TOKEN`]); any other is refused with
    /// 401.
    ///
    /// ```
    /// let builder = cloud_images::testing::LinodeStandIn::builder().token("secret");
    /// # let _ = builder;
    /// ```
    pub fn token(self, token: impl Into<String>) -> Self {
        StandInBuilder { token: token.into(), ..self }
    }

    /// What the stand-in starts with (default [`Seed::Full`]).
    ///
    /// ```
    /// let builder = cloud_images::testing::DigitalOceanStandIn::builder().seed(cloud_images::testing::Seed::Empty);
    /// # let _ = builder;
    /// ```
    pub fn seed(self, seed: Seed) -> Self {
        StandInBuilder { seed, ..self }
    }

    /// The port to listen on, on 127.0.0.1 (default 0: a free port, as tests want).
    ///
    /// ```
    /// let builder = cloud_images::testing::LinodeStandIn::builder().port(8080);
    /// # let _ = builder;
    /// ```
    pub fn port(self, port: u16) -> Self {
        StandInBuilder { port, ..self }
    }

    /// Starts the stand-in on 127.0.0.1 on its port (a free one unless [`port`](Self::port) says).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::builder().start()?;
    /// # let _ = stand_in;
    /// # Ok(())
    /// # }
    /// ```
    pub fn start(self) -> Result<StandIn<P>> {
        let StandInBuilder { clock, token, seed, port, settings } = self;
        let api_clock = clock.clone();
        let running = Running::start(port, clock, token, move |base_url, faults: &Arc<Faults>| {
            sealed::Settings::api(settings, seed, &api_clock, base_url, faults)
        })?;
        Ok(StandIn { running })
    }
}

/// A stand-in's setting in milliseconds: `d`, or `u64::MAX` for a longer one.
pub(super) fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
