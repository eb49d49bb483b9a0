//! What a run works on: both stand-ins on one manual clock, a client for each on the same
//! clock, the snapshots of the stand-ins' state the invariants compare, and the secrets seen.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, UNIX_EPOCH};

use cloud_images::digitalocean::types as dot;
use cloud_images::linode::types as lt;
use cloud_images::testing::{Clock, DigitalOceanStandIn, LinodeStandIn, Request};
use cloud_images::{RetryPolicy, digitalocean, linode};

use super::faults::{CALL_TIMEOUT, MAX_RETRIES, MAX_WAIT};

/// The other account's group the Linode seed lets this one join.
pub const FOREIGN_GROUP: &str = "955860b2-60b3-4a48-ba1b-d51e85da5074";
/// The seeded membership token, accepted: the only one whose group and images a member sees.
pub const ACTIVE_TOKEN: &str = "4591075e-4ba8-43c9-a521-928c3d4a135d";
/// The team that accepts DigitalOcean transfers.
pub const TEAM: &str = "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10";
/// The header of every membership token (Linode's are JWTs).
pub const JWT_HEADER: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";

pub struct World {
    pub clock: Clock,
    pub linode: LinodeStandIn,
    pub digitalocean: DigitalOceanStandIn,
    pub lin: linode::Client,
    pub dig: digitalocean::Client,
    pub secrets: Secrets,
    /// DigitalOcean account transfers offered and not ended, as far as the client knows:
    /// `(image, transfer)`. (The stand-in has no reader for them: an offer whose answer was
    /// lost is not known, and one ended by a call whose answer was lost is forgotten.)
    pub transfers: Vec<(u64, u64)>,
    /// Membership tokens made (their secrets), to add members with.
    pub member_secrets: Vec<String>,
    /// The public images, which never change.
    pub linode_public: BTreeSet<String>,
    pub digitalocean_public: BTreeSet<u64>,
}

/// The retry policy of both clients: the kit's, with `max_wait` 10 s.
pub fn policy() -> RetryPolicy {
    RetryPolicy::default().base_delay(Duration::from_millis(1)).max_wait(MAX_WAIT).max_retries(MAX_RETRIES)
}

impl World {
    pub fn start() -> World {
        let clock = Clock::manual();
        let linode =
            LinodeStandIn::builder().clock(clock.clone()).start().expect("the Linode stand-in starts");
        // No hourly limit in the way: the simulation's 429s are its own.
        let digitalocean = DigitalOceanStandIn::builder()
            .clock(clock.clone())
            .rate_limit(u64::MAX)
            .start()
            .expect("the DigitalOcean stand-in starts");
        let lin = linode
            .client_builder()
            .clock(clock.clone())
            .timeout(CALL_TIMEOUT)
            .retry_policy(policy())
            .build()
            .expect("a Linode client");
        let dig = digitalocean
            .client_builder()
            .clock(clock.clone())
            .timeout(CALL_TIMEOUT)
            .retry_policy(policy())
            .build()
            .expect("a DigitalOcean client");
        let secrets = Secrets::new(vec![linode.token().to_string(), digitalocean.token().to_string()]);
        // The public images, read once through the facade (and checked against the stand-ins).
        let linode_public: BTreeSet<String> = lin
            .images()
            .list()
            .filter(linode::Filter::eq("is_public", true))
            .iter()
            .map(|i| i.expect("the public Linode images").id)
            .collect();
        assert_eq!(linode_public.len(), 57, "the Linode seed");
        assert!(linode_public.iter().all(|id| linode.image(id).is_some()));
        let digitalocean_public: BTreeSet<u64> =
            [digitalocean::ImageKind::Distribution, digitalocean::ImageKind::Application]
                .into_iter()
                .flat_map(|kind| {
                    dig.images()
                        .list()
                        .kind(kind)
                        .per_page(200)
                        .iter()
                        .map(|i| i.expect("public images").id)
                        .collect::<Vec<_>>()
                })
                .collect();
        assert_eq!(digitalocean_public.len(), 31, "the DigitalOcean seed");
        linode.take_requests();
        digitalocean.take_requests();
        World {
            clock,
            linode,
            digitalocean,
            lin,
            dig,
            secrets,
            transfers: Vec::new(),
            member_secrets: Vec::new(),
            linode_public,
            digitalocean_public,
        }
    }

    /// The clock, in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> u64 {
        self.clock.now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
    }

    /// The requests both stand-ins received since last asked, Linode's first.
    pub fn take_requests(&self) -> Vec<Request> {
        let mut all = self.linode.take_requests();
        all.extend(self.digitalocean.take_requests());
        all
    }

    pub fn clear_faults(&self) {
        self.linode.clear_faults();
        self.digitalocean.clear_faults();
    }

    /// Before a step: an upload that never got its data is deleted by the Linode stand-in 24 h
    /// after it was made. Should that moment fall within the next 10 minutes, the clock is
    /// moved past it first, so that it never falls inside a step (a step takes at most a few
    /// minutes on the clock): the state a step starts from does not change under it.
    pub fn settle(&self) {
        let now = self.now_ms();
        let soon = self
            .linode
            .account_images()
            .into_iter()
            .filter(|i| i.status.as_ref().is_some_and(|s| s.as_str() == "pending_upload"))
            .filter_map(|i| i.created.as_deref().and_then(unix_ms))
            .map(|created| created + 24 * 3_600_000 + 1_000)
            .filter(|gone| *gone <= now + 600_000 && *gone > now)
            .max();
        if let Some(gone) = soon {
            self.clock.advance(Duration::from_millis(gone - now));
        }
    }
}

/// `2025-06-01T12:00:00` (Linode's timestamps, UTC) in Unix milliseconds.
pub fn unix_ms(stamp: &str) -> Option<u64> {
    let (date, time) = stamp.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.trim_end_matches('Z').split(':').map(|p| p.parse::<i64>().ok());
    let (h, min, s) = (t.next()??, t.next()??, t.next()??);
    // Days from civil (Howard Hinnant).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(((days * 86_400 + h * 3600 + min * 60 + s) * 1000) as i128).ok()
}

/// The secrets a run has seen: the API tokens, and the latest membership tokens and upload
/// URL queries (with their signatures). Older ones are still found by their shape: every
/// membership token is a JWT with the same header, every signature follows
/// `X-Amz-Signature=`.
pub struct Secrets {
    /// The API tokens: always looked for.
    pub tokens: Vec<String>,
    /// The latest others, at most [`RECENT`].
    pub recent: std::collections::VecDeque<String>,
}

/// How many of the latest secrets are looked for by value.
const RECENT: usize = 64;

impl Secrets {
    pub fn new(tokens: Vec<String>) -> Secrets {
        Secrets { tokens, recent: std::collections::VecDeque::new() }
    }

    pub fn add(&mut self, secret: &str) {
        if !secret.is_empty() && !self.recent.iter().any(|s| s == secret) {
            if self.recent.len() == RECENT {
                self.recent.pop_front();
            }
            self.recent.push_back(secret.to_string());
        }
    }

    /// Adds an upload URL's query, and each of its signature and credential values.
    pub fn add_upload_url(&mut self, url: &str) {
        if let Some((_, query)) = url.split_once('?') {
            self.add(query);
            for pair in query.split('&') {
                if let Some((name, value)) = pair.split_once('=')
                    && (name.eq_ignore_ascii_case("X-Amz-Signature")
                        || name.eq_ignore_ascii_case("X-Amz-Credential"))
                {
                    self.add(value);
                }
            }
        }
    }

    /// What in `text` is a secret: one of those seen, a signature after `X-Amz-Signature=`, or
    /// a membership token (a JWT: its header and a dot).
    pub fn leak(&self, text: &str) -> Option<String> {
        if let Some(secret) = self.tokens.iter().chain(&self.recent).find(|s| text.contains(s.as_str())) {
            return Some(format!("the secret {:?}", shorten(secret)));
        }
        let lower = text.to_ascii_lowercase();
        for marker in ["x-amz-signature=", "x-amz-credential="] {
            let mut from = 0;
            while let Some(at) = lower[from..].find(marker) {
                let value = &lower[from + at + marker.len()..];
                if value.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                    return Some(format!("a value after {marker}"));
                }
                from += at + marker.len();
            }
        }
        if text.contains(JWT_HEADER) {
            return Some("a membership token (a JWT)".to_string());
        }
        None
    }
}

fn shorten(s: &str) -> String {
    if s.len() > 24 { format!("{}…", &s[..24]) } else { s.to_string() }
}

/// The stand-ins' state at one moment, read with their own readers (never over HTTP).
#[derive(Clone, Debug, Default)]
pub struct Snap {
    pub linode_images: Vec<lt::Image>,
    pub groups: Vec<lt::ShareGroup>,
    pub shares: BTreeMap<u64, Vec<lt::Image>>,
    pub members: BTreeMap<u64, Vec<lt::Membership>>,
    pub tokens: Vec<lt::Token>,
    pub do_images: Vec<dot::Image>,
    pub actions: Vec<dot::Action>,
}

/// The collections of a [`Snap`], by their ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Collection {
    LinodeImages,
    Groups,
    Shares,
    Members,
    Tokens,
    DoImages,
    Actions,
}

impl Collection {
    pub const ALL: [Collection; 7] = [
        Collection::LinodeImages,
        Collection::Groups,
        Collection::Shares,
        Collection::Members,
        Collection::Tokens,
        Collection::DoImages,
        Collection::Actions,
    ];
}

impl Snap {
    pub fn take(world: &World) -> Snap {
        let groups = world.linode.sharegroups();
        let shares = groups.iter().map(|g| (g.id, world.linode.sharegroup_images(g.id))).collect();
        let members = groups.iter().map(|g| (g.id, world.linode.sharegroup_members(g.id))).collect();
        Snap {
            linode_images: world.linode.account_images(),
            groups,
            shares,
            members,
            tokens: world.linode.membership_tokens(),
            do_images: world.digitalocean.account_images(),
            actions: world.digitalocean.actions(),
        }
    }

    /// The ids in one collection (shares as `group/shared id`, members as `group/uuid`).
    pub fn ids(&self, c: Collection) -> BTreeSet<String> {
        match c {
            Collection::LinodeImages => self.linode_images.iter().map(|i| i.id.clone()).collect(),
            Collection::Groups => self.groups.iter().map(|g| g.id.to_string()).collect(),
            Collection::Shares => {
                self.shares.iter().flat_map(|(g, s)| s.iter().map(move |i| format!("{g}/{}", i.id))).collect()
            }
            Collection::Members => self
                .members
                .iter()
                .flat_map(|(g, m)| m.iter().map(move |m| format!("{g}/{}", m.token_uuid)))
                .collect(),
            Collection::Tokens => self.tokens.iter().map(|t| t.token_uuid.clone()).collect(),
            Collection::DoImages => self.do_images.iter().map(|i| i.id.to_string()).collect(),
            Collection::Actions => self.actions.iter().map(|a| a.id.to_string()).collect(),
        }
    }

    pub fn linode_image(&self, id: &str) -> Option<&lt::Image> {
        self.linode_images.iter().find(|i| i.id == id)
    }

    pub fn group(&self, id: u64) -> Option<&lt::ShareGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn share(&self, group: u64, id: &str) -> Option<&lt::Image> {
        self.shares.get(&group)?.iter().find(|s| s.id == id)
    }

    pub fn member(&self, group: u64, uuid: &str) -> Option<&lt::Membership> {
        self.members.get(&group)?.iter().find(|m| m.token_uuid == uuid)
    }

    pub fn token(&self, uuid: &str) -> Option<&lt::Token> {
        self.tokens.iter().find(|t| t.token_uuid == uuid)
    }

    pub fn do_image(&self, id: u64) -> Option<&dot::Image> {
        self.do_images.iter().find(|i| i.id == id)
    }

    pub fn action(&self, id: u64) -> Option<&dot::Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The account's private Linode images (not `shared/…`), available or not.
    pub fn private_images(&self) -> Vec<&lt::Image> {
        self.linode_images.iter().filter(|i| i.id.starts_with("private/")).collect()
    }

    pub fn linode_available(image: &lt::Image) -> bool {
        image.status.as_ref().is_some_and(|s| s.as_str() == "available")
    }

    pub fn do_available(image: &dot::Image) -> bool {
        image.status.as_ref().is_some_and(|s| s.as_str() == "available")
    }

    /// Whether a DigitalOcean image has an action in progress.
    pub fn do_busy(&self, image: u64) -> bool {
        self.actions.iter().any(|a| {
            a.resource_id == Some(image) && a.status.as_ref().is_some_and(|s| s.as_str() == "in-progress")
        })
    }
}
