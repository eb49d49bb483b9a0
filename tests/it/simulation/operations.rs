//! Each step's call through the facade: its arguments picked among what exists (from the
//! snapshot the step starts from), the call, and what the invariants need to judge it: the
//! time it may take, what it may change, the effect it must have had, what a listing yielded.

use std::io::Cursor;
use std::time::Duration;

use cloud_images::digitalocean::{CustomImage, Offered, Recipient};
use cloud_images::linode::{CreateUpload, Filter, MembershipToken, ShareImage};
use cloud_images::testing::LinodeStandIn;
use cloud_images::{Error, Items};

use super::plan::{Op, Step};
use super::rng::{Rng, choose};
use super::world::{ACTIVE_TOKEN, Collection, FOREIGN_GROUP, JWT_HEADER, Snap, TEAM, World};

/// Linode regions with Object Storage (uploads and replicas go there).
const LINODE_REGIONS: [&str; 6] = ["us-east", "us-ord", "us-iad", "fr-par", "nl-ams", "jp-osa"];
/// DigitalOcean regions.
const DO_REGIONS: [&str; 6] = ["nyc3", "sfo3", "ams3", "fra1", "lon1", "sgp1"];

/// How long a call may take on the clock, by what it is.
#[derive(Clone, Copy, Debug)]
pub enum Bound {
    /// This many calls, each within the call timeout.
    Calls(u32),
    /// A listing: one call per page requested.
    Listing,
    /// A wait, within its own timeout.
    Wait(Duration),
    /// An upload: the create and, after a failure, the delete, each within the call timeout;
    /// the `PUT` has no total deadline (only a stall limit, in real time), so its own retries'
    /// waits (at most `max_retries` × `max_wait`) are added.
    Upload,
}

/// What a step's result must be, when its faults are survivable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The request is valid and what it names exists: `Ok`.
    Ok,
    /// What it names does not exist: a not-found error.
    NotFound,
    /// A `DELETE` of something that may be gone: `Ok` or not found.
    Gone,
    /// Not predicted.
    Unknown,
}

/// One API call of a step: its method and operation id.
#[derive(Clone, Copy, Debug)]
pub struct Call {
    pub method: &'static str,
    pub target: &'static str,
}

/// A resource a step touched, for the client-against-stand-in comparison after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Res {
    LinodeImage(String),
    Group(u64),
    Share(u64, String),
    Member(u64, String),
    Token(String),
    DoImage(u64),
    Action(u64, u64),
}

/// What the effect check of a step sees.
pub struct Effects<'a> {
    pub before: &'a Snap,
    pub after: &'a Snap,
    /// Whether a request of the step to this operation id was acted on (answered 2xx, even if
    /// the answer was then cut, slowed or mangled).
    pub acted: &'a dyn Fn(&str) -> bool,
    /// Whether a slow answer moved the clock after the server answered.
    pub delayed: bool,
}

type EffectCheck = Box<dyn Fn(&Effects<'_>) -> Result<(), String>>;

/// The ids a listing must yield, from a snapshot of the stand-in.
pub type Expected = Box<dyn Fn(&Snap) -> Vec<String>>;

/// A listing's items, for the exactly-once check.
pub struct Listing {
    pub got: Vec<String>,
    /// It ran to its end without an error.
    pub complete: bool,
    /// The ids it must yield, from a snapshot of the stand-in.
    pub expected: Expected,
}

/// A step as it ran.
pub struct Exec {
    /// The call with its arguments, for a report.
    pub line: String,
    pub error: Option<Error>,
    /// The `Debug` and `Display` of everything the call returned or built.
    pub shown: Vec<String>,
    pub bound: Bound,
    /// Its API calls (empty: not judged by invariant 3).
    pub calls: Vec<Call>,
    pub expect: Expect,
    /// The collections it may add to or remove from.
    pub frame: Vec<Collection>,
    pub touched: Vec<Res>,
    pub effect: Option<EffectCheck>,
    pub listing: Option<Listing>,
    /// A wait: timing out is one of its outcomes.
    pub wait: bool,
    /// A wait that may end `WaitFailed`: for a region the image is not in, or an import that
    /// may fail.
    pub wait_fails: bool,
    /// An upload: the object-storage `PUT`'s refusals are among its outcomes.
    pub upload: bool,
    /// An account transfer it ended, if it was one: `(image, transfer, operation id)`.
    pub transfer: Option<(u64, u64, &'static str)>,
}

impl Exec {
    fn new(_op: Op, line: String) -> Exec {
        Exec {
            line,
            error: None,
            shown: Vec::new(),
            bound: Bound::Calls(1),
            calls: Vec::new(),
            expect: Expect::Unknown,
            frame: Vec::new(),
            touched: Vec::new(),
            effect: None,
            listing: None,
            wait: false,
            wait_fails: false,
            upload: false,
            transfer: None,
        }
    }

    /// A listing of `target`'s pages (GETs), each within the call timeout; with survivable
    /// faults it runs to its end.
    fn listing(mut self, target: &'static str) -> Exec {
        self.bound = Bound::Listing;
        self.calls = vec![Call { method: "GET", target }];
        self.expect = Expect::Ok;
        self
    }

    /// A wait looking with `target`, within `timeout`; `ready`: what it waits for is ready
    /// already, so that with survivable faults it ends `Ok`.
    fn waiting(mut self, target: &'static str, timeout: Duration, ready: bool) -> Exec {
        self.bound = Bound::Wait(timeout);
        self.wait = true;
        self.calls = vec![Call { method: "GET", target }];
        self.expect = if ready { Expect::Ok } else { Expect::Unknown };
        self
    }

    /// One call of `method` to `target`, expecting `expect`.
    fn single(mut self, method: &'static str, target: &'static str, expect: Expect) -> Exec {
        self.calls = vec![Call { method, target }];
        self.expect = expect;
        self
    }

    /// Keeps what came back: its `Debug`, or the error.
    fn result<T: std::fmt::Debug>(&mut self, result: Result<T, Error>) -> Option<T> {
        match result {
            Ok(value) => {
                self.shown.push(format!("{value:?}"));
                Some(value)
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }
}

/// How many of a kind of resource a run keeps at most: beyond it, a step that would make one
/// more deletes one instead, so that long runs stay as fast as short ones.
const MOST: usize = 24;

/// The operation that runs for `op`: `op` itself when what it needs exists, else the one that
/// makes it (a get with nothing to get creates instead), so that every step does something;
/// and a delete instead of a create when there are [`MOST`] of its kind already.
pub fn resolve(op: Op, s: &Snap, world: &World) -> Op {
    let full = match op {
        Op::LinodeCreate | Op::LinodeUpload | Op::LinodeCreateUpload => {
            (s.linode_images.len() >= MOST).then_some(Op::LinodeDelete)
        }
        Op::GroupCreate => (s.groups.len() >= MOST).then_some(Op::GroupDelete),
        Op::ShareAdd => (s.shares.values().map(Vec::len).sum::<usize>() >= MOST).then_some(Op::ShareRemove),
        Op::MemberAdd => (s.members.values().map(Vec::len).sum::<usize>() >= MOST).then_some(Op::GroupDelete),
        Op::TokenCreate => (s.tokens.len() >= MOST).then_some(Op::TokenDelete),
        Op::DoImport => (s.do_images.len() >= MOST).then_some(Op::DoDelete),
        Op::DoOffer => (world.transfers.len() >= MOST).then_some(Op::DoCancel),
        _ => None,
    };
    if let Some(instead) = full {
        return instead;
    }
    let private = !s.private_images().is_empty();
    let available = s.private_images().iter().any(|i| Snap::linode_available(i));
    let group = !s.groups.is_empty();
    let share = s.shares.values().any(|v| !v.is_empty());
    let member = s.members.values().any(|v| !v.is_empty());
    let do_image = !s.do_images.is_empty();
    let transferable = s.do_images.iter().any(|i| transfer_region(s, i.id, 0).is_some());
    let convertible = s.do_images.iter().any(|i| convertible(s, i.id));
    let snapshot = s.do_images.iter().any(is_snapshot);
    let next = match op {
        Op::LinodeUpdate | Op::LinodeWaitAvailable | Op::LinodeWaitReplicated if !private => Op::LinodeCreate,
        Op::LinodeDelete if s.linode_images.is_empty() => Op::LinodeCreate,
        Op::LinodeReplicate | Op::LinodeAddRegions if !available => Op::LinodeCreate,
        Op::GroupGet | Op::GroupUpdate | Op::GroupDelete | Op::ShareList | Op::MemberList | Op::MemberAdd
            if !group =>
        {
            Op::GroupCreate
        }
        Op::ShareAdd if !group => Op::GroupCreate,
        Op::ShareAdd if !available => Op::LinodeCreate,
        Op::ShareUpdate | Op::ShareRemove if !share => Op::ShareAdd,
        Op::MemberGet | Op::MemberUpdate | Op::MemberRevoke if !member => Op::MemberAdd,
        Op::TokenDelete if !s.tokens.iter().any(|t| t.token_uuid != ACTIVE_TOKEN) => Op::TokenCreate,
        Op::TokenGet | Op::TokenUpdate if s.tokens.is_empty() => Op::TokenCreate,
        Op::DoUpdate | Op::DoDelete | Op::DoActionList | Op::DoWaitAvailable if !do_image => Op::DoImport,
        Op::DoConvert if !convertible => Op::DoTransfer,
        Op::DoTransfer if !transferable => Op::DoImport,
        Op::DoActionGet | Op::DoWaitAction if s.actions.is_empty() => Op::DoConvert,
        Op::DoOffer if !snapshot => Op::DoConvert,
        Op::DoAccept | Op::DoCancel | Op::DoDecline if world.transfers.is_empty() => Op::DoOffer,
        other => other,
    };
    if next == op { op } else { resolve(next, s, world) }
}

/// A region a DigitalOcean image could be transferred to now (available, no action under
/// way, not there yet), picked by `pick`.
fn transfer_region(s: &Snap, id: u64, pick: u64) -> Option<&'static str> {
    let image = s.do_image(id)?;
    if !Snap::do_available(image) || s.do_busy(id) {
        return None;
    }
    let missing: Vec<&'static str> = DO_REGIONS
        .iter()
        .copied()
        .filter(|r| !image.regions.iter().any(|have| have.as_str() == *r))
        .collect();
    choose(&missing, pick).copied()
}

fn convertible(s: &Snap, id: u64) -> bool {
    s.do_image(id).is_some_and(|i| Snap::do_available(i) && !is_snapshot(i)) && !s.do_busy(id)
}

fn is_snapshot(i: &cloud_images::digitalocean::types::Image) -> bool {
    i.type_.as_ref().is_some_and(|t| t.as_str() == "snapshot")
}

/// The regions an image is in or on its way to (not those it is leaving).
pub fn linode_regions(image: &cloud_images::linode::types::Image) -> Vec<String> {
    let mut regions: Vec<String> = image
        .regions
        .iter()
        .filter(|r| r.status.as_ref().is_none_or(|s| s.as_str() != "pending deletion"))
        .filter_map(|r| r.region.clone())
        .collect();
    regions.sort();
    regions
}

/// The fields of a Linode image that time does not change.
pub fn linode_stable(i: &cloud_images::linode::types::Image) -> String {
    format!("{} {:?} {:?} {:?} {:?}", i.id, i.label, i.description, i.tags, i.type_)
}

/// The fields of a DigitalOcean image that time does not change.
pub fn do_stable(i: &cloud_images::digitalocean::types::Image) -> String {
    format!("{} {:?} {:?} {:?}", i.id, i.name, i.description, i.distribution)
}

/// Drains a listing: the ids of its items, in order, and its first error.
fn drain<T: std::fmt::Debug>(
    items: Items<T>,
    id: impl Fn(&T) -> String,
    exec: &mut Exec,
) -> (Vec<String>, bool) {
    let mut got = Vec::new();
    let mut complete = true;
    for item in items {
        match item {
            Ok(item) => {
                exec.shown.push(format!("{item:?}"));
                got.push(id(&item));
            }
            Err(e) => {
                complete = false;
                if exec.error.is_none() {
                    exec.error = Some(e);
                }
            }
        }
    }
    (got, complete)
}

/// A membership token in Linode's shape (a JWT), made up here.
fn made_up_token(rng: &mut Rng) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut part =
        |n: usize| -> String { (0..n).map(|_| ALPHABET[rng.below(64) as usize] as char).collect() };
    format!("{JWT_HEADER}{}.{}", part(40), part(43))
}

/// A version-4 UUID drawn from `rng`.
fn uuid(rng: &mut Rng) -> String {
    let (a, b) = (rng.next_u64(), rng.next_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | ((b >> 48) & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// The new ids of collection `c` between two snapshots.
fn added(e: &Effects<'_>, c: Collection) -> Vec<String> {
    let before = e.before.ids(c);
    e.after.ids(c).difference(&before).cloned().collect()
}

/// A create: `Ok(id)` made exactly `id`; a failure made nothing unless its request was acted
/// on, and then at most one.
fn created(e: &Effects<'_>, c: Collection, target: &str, ok: Option<&str>) -> Result<(), String> {
    let new = added(e, c);
    match ok {
        Some(id) if new == [id.to_string()] => Ok(()),
        Some(id) => Err(format!("it returned {id}, and the stand-in's new {c:?} are {new:?}")),
        None if new.is_empty() => Ok(()),
        None if !(e.acted)(target) => Err(format!("it failed before the server acted, yet made {new:?}")),
        None if new.len() == 1 => Ok(()),
        None => Err(format!("one failed create made {new:?}")),
    }
}

/// A delete: `Ok` removed it; a failure left it unless its request was acted on.
fn deleted(e: &Effects<'_>, target: &str, ok: bool, there: impl Fn(&Snap) -> bool) -> Result<(), String> {
    match (ok, there(e.after)) {
        (true, true) => Err("it returned Ok, and the stand-in still has it".into()),
        (false, false) if there(e.before) && !(e.acted)(target) => {
            Err("it failed before the server acted, yet it is gone".into())
        }
        _ => Ok(()),
    }
}

/// An update of one text field: `Ok(shown)` set it (and returned it); a failure left the old
/// value unless its request was acted on, and then the old or the new.
fn updated(
    e: &Effects<'_>,
    target: &str,
    returned: Option<Option<String>>,
    new: &str,
    field: impl Fn(&Snap) -> Option<Option<String>>,
) -> Result<(), String> {
    let (before, after) = (field(e.before), field(e.after));
    let new = Some(Some(new.to_string()));
    match returned {
        Some(value) if Some(value.clone()) != new => Err(format!("it returned {value:?}, not {new:?}")),
        Some(_) if after != new => Err(format!("it returned Ok, and the stand-in has {after:?}")),
        Some(_) => Ok(()),
        None if after == before => Ok(()),
        None if !(e.acted)(target) => {
            Err(format!("it failed before the server acted, yet {before:?} is now {after:?}"))
        }
        None if after == new => Ok(()),
        None => Err(format!("a failed update left {after:?}, neither {before:?} nor {new:?}")),
    }
}

/// Runs `step` (already resolved to `op`) through the facade.
pub fn run(world: &mut World, step: &Step, op: Op, s: &Snap) -> Exec {
    let pick = step.pick;
    let mut rng = Rng::new(pick);
    let n = step.index;
    let lin = world.lin.clone();
    let dig = world.dig.clone();
    match op {
        // ------------------------------------------------------------------ Linode images
        Op::LinodeList => {
            let own_only = pick.is_multiple_of(4);
            let mut exec = Exec::new(
                op,
                format!("images().list().page_size(25){}", if own_only { " is_public=false" } else { "" }),
            )
            .listing("get-images");
            let mut list = lin.images().list().page_size(25);
            if own_only {
                list = list.filter(Filter::eq("is_public", false));
            }
            exec.shown.push(format!("{list:?}"));
            let (got, complete) = drain(list.iter(), |i| i.id.clone(), &mut exec);
            let public = world.linode_public.clone();
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(move |s| {
                    let own = s.linode_images.iter().map(|i| i.id.clone());
                    if own_only { own.collect() } else { public.iter().cloned().chain(own).collect() }
                }),
            });
            exec
        }
        Op::LinodeGet => {
            let own: Vec<String> = s.linode_images.iter().map(|i| i.id.clone()).collect();
            let public: Vec<String> = world.linode_public.iter().cloned().collect();
            let (id, expect) = match pick % 10 {
                0 => ("private/1".to_string(), Expect::NotFound),
                1..=3 => (choose(&public, pick / 10).cloned().unwrap_or_default(), Expect::Ok),
                _ => match choose(&own, pick / 10) {
                    Some(id) => (id.clone(), Expect::Ok),
                    None => (choose(&public, pick / 10).cloned().unwrap_or_default(), Expect::Ok),
                },
            };
            let mut exec = Exec::new(op, format!("images().get({id})")).single("GET", "get-image", expect);
            let got = exec.result(lin.images().get(&id));
            let public_image = world.linode.image(&id).filter(|_| world.linode_public.contains(&id));
            exec.touched.push(Res::LinodeImage(id.clone()));
            exec.effect = Some(Box::new(move |e| {
                let Some(got) = &got else { return Ok(()) };
                let now = e.after.linode_image(&id).or(public_image.as_ref());
                match now {
                    None => Err(format!("it returned {}, which the stand-in does not have", got.id)),
                    Some(now) if !e.delayed && now != got => {
                        Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                    }
                    Some(now) if linode_stable(now) != linode_stable(got) => Err(format!(
                        "it returned {}, the stand-in has {}",
                        linode_stable(got),
                        linode_stable(now)
                    )),
                    Some(_) => Ok(()),
                }
            }));
            exec
        }
        Op::LinodeCreate => {
            let label = format!("capture-{n}");
            let request =
                lin.images().create(LinodeStandIn::DISK_ID, &label).description("made by the simulation");
            let mut exec =
                Exec::new(op, format!("images().create({}, {label:?}).send()", LinodeStandIn::DISK_ID))
                    .single("POST", "post-image", Expect::Ok);
            exec.shown.push(format!("{request:?}"));
            exec.frame = vec![Collection::LinodeImages];
            let got = exec.result(request.send());
            let id = got.as_ref().map(|i| i.id.clone());
            if let Some(id) = &id {
                exec.touched.push(Res::LinodeImage(id.clone()));
            }
            exec.effect = Some(Box::new(move |e| {
                created(e, Collection::LinodeImages, "post-image", id.as_deref())?;
                for new in added(e, Collection::LinodeImages) {
                    let label_now = e.after.linode_image(&new).and_then(|i| i.label.clone());
                    if label_now.as_deref() != Some(label.as_str()) {
                        return Err(format!("the new image {new} is labelled {label_now:?}, not {label:?}"));
                    }
                }
                Ok(())
            }));
            exec
        }
        Op::LinodeUpload | Op::LinodeCreateUpload => {
            let label = format!("upload-{n}");
            let region = *choose(&LINODE_REGIONS, pick).unwrap_or(&"us-east");
            let request = CreateUpload::new(&label, region).tags(["simulation"]);
            let upload_only = op == Op::LinodeCreateUpload;
            let line = if upload_only {
                format!("images().create_upload({label:?}, {region})")
            } else {
                format!("images().upload({label:?}, {region}).seekable(4 KiB raw)")
            };
            let mut exec = Exec::new(op, line);
            exec.shown.push(format!("{request:?}"));
            exec.frame = vec![Collection::LinodeImages];
            let id;
            if upload_only {
                exec = exec.single("POST", "post-upload-image", Expect::Ok);
                let got = exec.result(lin.images().create_upload(request));
                if let Some(created) = &got {
                    world.secrets.add_upload_url(created.upload_to.expose());
                    exec.shown.push(format!("{}", created.upload_to));
                }
                id = got.map(|c| c.image.id);
            } else {
                exec.bound = Bound::Upload;
                exec.upload = true;
                exec.calls = vec![
                    Call { method: "POST", target: "post-upload-image" },
                    Call { method: "PUT", target: "object-storage-put" },
                ];
                exec.expect = Expect::Ok;
                let disk: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
                let upload = lin.images().upload(request);
                exec.shown.push(format!("{upload:?}"));
                id = exec.result(upload.seekable(Cursor::new(disk))).map(|i| i.id);
            }
            let failed = exec
                .error
                .as_ref()
                .and_then(|e| e.created_image().map(|i| (i.to_string(), e.created_image_deleted())));
            if let Some(id) = id.as_ref().or(failed.as_ref().map(|(i, _)| i)) {
                exec.touched.push(Res::LinodeImage(id.clone()));
            }
            let received = id.as_ref().map(|id| world.linode.received(id).is_some());
            exec.effect = Some(Box::new(move |e| {
                let new = added(e, Collection::LinodeImages);
                if let Some((made, deleted)) = &failed {
                    // The upload failed after creating its image: the error says what became of it.
                    let there = e.after.linode_image(made).is_some();
                    if there == *deleted {
                        return Err(format!(
                            "the error says image {made} was deleted: {deleted}; the stand-in has it: {there}"
                        ));
                    }
                    if new.iter().any(|i| i != made) {
                        return Err(format!("the failed upload made {new:?}, its error names {made}"));
                    }
                    return Ok(());
                }
                created(e, Collection::LinodeImages, "post-upload-image", id.as_deref())?;
                if let Some(id) = &id {
                    let status = e
                        .after
                        .linode_image(id)
                        .and_then(|i| i.status.as_ref().map(|s| s.as_str().to_string()));
                    let want_data = !upload_only;
                    if received != Some(want_data) {
                        return Err(format!("image {id}: data received {received:?}, status {status:?}"));
                    }
                }
                Ok(())
            }));
            exec
        }
        Op::LinodeUpdate => {
            let images: Vec<String> = s.private_images().iter().map(|i| i.id.clone()).collect();
            let id = choose(&images, pick).cloned().unwrap_or_default();
            let label = format!("label-{n}");
            let request = lin.images().update(&id).label(&label);
            let mut exec = Exec::new(op, format!("images().update({id}).label({label:?}).send()")).single(
                "PUT",
                "put-image",
                Expect::Ok,
            );
            exec.shown.push(format!("{request:?}"));
            let got = exec.result(request.send()).map(|i| i.label);
            exec.touched.push(Res::LinodeImage(id.clone()));
            exec.effect = Some(Box::new(move |e| {
                updated(e, "put-image", got.clone(), &label, |s| s.linode_image(&id).map(|i| i.label.clone()))
            }));
            exec
        }
        Op::LinodeDelete => {
            let images: Vec<String> = s.linode_images.iter().map(|i| i.id.clone()).collect();
            let (id, expect) = match pick % 12 {
                0 => ("private/2".to_string(), Expect::Gone),
                _ => (choose(&images, pick / 12).cloned().unwrap_or_default(), Expect::Ok),
            };
            let mut exec =
                Exec::new(op, format!("images().delete({id})")).single("DELETE", "delete-image", expect);
            exec.frame = vec![Collection::LinodeImages];
            let ok = exec.result(lin.images().delete(&id)).is_some();
            exec.touched.push(Res::LinodeImage(id.clone()));
            exec.effect =
                Some(Box::new(move |e| deleted(e, "delete-image", ok, |s| s.linode_image(&id).is_some())));
            exec
        }
        Op::LinodeReplicate | Op::LinodeAddRegions => {
            let images: Vec<&cloud_images::linode::types::Image> =
                s.private_images().into_iter().filter(|i| Snap::linode_available(i)).collect();
            let image = choose(&images, pick).copied();
            let id = image.map(|i| i.id.clone()).unwrap_or_default();
            let before = image.map(linode_regions).unwrap_or_default();
            let count = 1 + (pick / 7 % 3) as usize;
            let mut regions: Vec<String> = Vec::new();
            for k in 0..count as u64 {
                let r =
                    LINODE_REGIONS[((pick / 31 + k * 5) % LINODE_REGIONS.len() as u64) as usize].to_string();
                if !regions.contains(&r) {
                    regions.push(r);
                }
            }
            let add = op == Op::LinodeAddRegions;
            let mut exec = Exec::new(
                op,
                format!("images().{}({id}, {regions:?})", if add { "add_regions" } else { "replicate" }),
            );
            let result = if add {
                exec.bound = Bound::Calls(2);
                exec.calls = vec![
                    Call { method: "GET", target: "get-image" },
                    Call { method: "POST", target: "post-replicate-image" },
                ];
                exec.expect = Expect::Ok;
                lin.images().add_regions(&id, regions.clone())
            } else {
                exec = exec.single("POST", "post-replicate-image", Expect::Ok);
                lin.images().replicate(&id, regions.clone())
            };
            let got = exec.result(result).map(|i| linode_regions(&i));
            exec.touched.push(Res::LinodeImage(id.clone()));
            let mut want: Vec<String> =
                if add { before.iter().cloned().chain(regions).collect() } else { regions };
            want.sort();
            want.dedup();
            exec.effect = Some(Box::new(move |e| {
                let now = e.after.linode_image(&id).map(linode_regions).unwrap_or_default();
                match &got {
                    Some(got) if *got != want => Err(format!("it returned regions {got:?}, not {want:?}")),
                    Some(_) if now != want => {
                        Err(format!("it returned Ok, and the stand-in has regions {now:?}, not {want:?}"))
                    }
                    None if now != before && !(e.acted)("post-replicate-image") => Err(format!(
                        "it failed before the server acted, yet the regions went from {before:?} to {now:?}"
                    )),
                    None if now != before && now != want => Err(format!("a failed replication left {now:?}")),
                    _ => Ok(()),
                }
            }));
            exec
        }
        Op::LinodeWaitAvailable | Op::LinodeWaitReplicated => {
            let images: Vec<&cloud_images::linode::types::Image> = s.private_images();
            let image = choose(&images, pick).copied();
            let id = image.map(|i| i.id.clone()).unwrap_or_default();
            let timeout = Duration::from_millis(1_000 + (pick / 3) % 59_000);
            let mut exec;
            let available = image.is_some_and(Snap::linode_available);
            let mut exec_fails = false;
            let result = if op == Op::LinodeWaitAvailable {
                exec = Exec::new(op, format!("images().wait_until_available({id}).timeout({timeout:?})"))
                    .waiting("get-image", timeout, available);
                let wait = lin.images().wait_until_available(&id).timeout(timeout);
                exec.shown.push(format!("{wait:?}"));
                wait.send()
            } else {
                let mut regions = image.map(linode_regions).unwrap_or_default();
                regions.truncate(1 + (pick / 11 % 3) as usize);
                let replicated = |r: &String| {
                    image.is_some_and(|i| {
                        i.regions.iter().any(|have| {
                            have.region.as_ref() == Some(r)
                                && have.status.as_ref().is_some_and(|s| s.as_str() == "available")
                        })
                    })
                };
                let mut ready = available && !regions.is_empty() && regions.iter().all(replicated);
                if pick.is_multiple_of(5) {
                    ready = false;
                    exec_fails = true;
                    // One it is not in: the wait says so after three looks.
                    if let Some(r) = LINODE_REGIONS.iter().find(|r| !regions.iter().any(|h| h == *r)) {
                        regions.push(r.to_string());
                    }
                }
                exec = Exec::new(
                    op,
                    format!("images().wait_until_replicated({id}, {regions:?}).timeout({timeout:?})"),
                )
                .waiting("get-image", timeout, ready);
                let wait = lin.images().wait_until_replicated(&id, regions).timeout(timeout);
                exec.shown.push(format!("{wait:?}"));
                wait.send()
            };
            exec.wait_fails = exec_fails;
            let got = exec.result(result);
            exec.touched.push(Res::LinodeImage(id.clone()));
            exec.effect = Some(Box::new(move |e| {
                let Some(got) = &got else { return Ok(()) };
                if !Snap::linode_available(got) {
                    return Err(format!("the wait returned an image that is {:?}", got.status));
                }
                match e.after.linode_image(&id) {
                    Some(now) if linode_stable(now) == linode_stable(got) => Ok(()),
                    now => Err(format!(
                        "the wait returned {}, the stand-in has {:?}",
                        linode_stable(got),
                        now.map(linode_stable)
                    )),
                }
            }));
            exec
        }
        // ------------------------------------------------------------ Linode share groups
        Op::GroupList => {
            let mut exec =
                Exec::new(op, "sharegroups().list().page_size(25)".into()).listing("get-sharegroups");
            let (got, complete) =
                drain(lin.sharegroups().list().page_size(25).iter(), |g| g.id.to_string(), &mut exec);
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(|s| s.groups.iter().map(|g| g.id.to_string()).collect()),
            });
            exec
        }
        Op::GroupCreate => {
            let available: Vec<String> = s
                .private_images()
                .into_iter()
                .filter(|i| Snap::linode_available(i))
                .map(|i| i.id.clone())
                .collect();
            let count = if available.is_empty() { 0 } else { (pick % 3) as usize };
            let images: Vec<String> =
                (0..count).filter_map(|k| choose(&available, pick / 3 + k as u64).cloned()).collect();
            let label = format!("group-{n}");
            let request = lin.sharegroups().create(&label).description("simulated").images(images.clone());
            let mut exec = Exec::new(
                op,
                format!("sharegroups().create({label:?}).images({images:?}).send()"),
            )
            .single("POST", "post-sharegroups", Expect::Ok);
            exec.shown.push(format!("{request:?}"));
            exec.frame = vec![Collection::Groups, Collection::Shares];
            let got = exec.result(request.send()).map(|g| g.id);
            if let Some(id) = got {
                exec.touched.push(Res::Group(id));
            }
            exec.effect = Some(Box::new(move |e| {
                created(e, Collection::Groups, "post-sharegroups", got.map(|g| g.to_string()).as_deref())?;
                for new in added(e, Collection::Groups) {
                    let id: u64 = new.parse().unwrap_or(0);
                    let shares = e.after.shares.get(&id).map_or(0, Vec::len);
                    let label_now = e.after.group(id).and_then(|g| g.label.clone());
                    if shares != images.len() || label_now.as_deref() != Some(label.as_str()) {
                        return Err(format!("group {id} has {shares} images and label {label_now:?}"));
                    }
                }
                Ok(())
            }));
            exec
        }
        Op::GroupGet | Op::GroupUpdate | Op::GroupDelete => {
            let ids: Vec<u64> = s.groups.iter().map(|g| g.id).collect();
            let missing = op != Op::GroupUpdate && pick.is_multiple_of(10);
            let id = if missing { 1 } else { choose(&ids, pick / 10).copied().unwrap_or(1) };
            let mut exec;
            match op {
                Op::GroupGet => {
                    exec = Exec::new(op, format!("sharegroups().get({id})")).single(
                        "GET",
                        "get-sharegroup",
                        if missing { Expect::NotFound } else { Expect::Ok },
                    );
                    let got = exec.result(lin.sharegroups().get(id));
                    exec.effect = Some(Box::new(move |e| match (&got, e.after.group(id)) {
                        (Some(got), Some(now)) if got != now => {
                            Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                        }
                        (Some(_), None) => Err("it returned a group the stand-in does not have".into()),
                        _ => Ok(()),
                    }));
                }
                Op::GroupUpdate => {
                    let label = format!("group-{n}-renamed");
                    let request = lin.sharegroups().update(id).label(&label);
                    exec = Exec::new(op, format!("sharegroups().update({id}).label({label:?}).send()"))
                        .single("PUT", "put-sharegroup", Expect::Ok);
                    exec.shown.push(format!("{request:?}"));
                    let got = exec.result(request.send()).map(|g| g.label);
                    exec.effect = Some(Box::new(move |e| {
                        updated(e, "put-sharegroup", got.clone(), &label, |s| {
                            s.group(id).map(|g| g.label.clone())
                        })
                    }));
                }
                _ => {
                    exec = Exec::new(op, format!("sharegroups().delete({id})")).single(
                        "DELETE",
                        "delete-sharegroup",
                        if missing { Expect::Gone } else { Expect::Ok },
                    );
                    exec.frame = vec![Collection::Groups, Collection::Shares, Collection::Members];
                    let ok = exec.result(lin.sharegroups().delete(id)).is_some();
                    exec.effect = Some(Box::new(move |e| {
                        deleted(e, "delete-sharegroup", ok, |s| s.group(id).is_some())
                    }));
                }
            }
            exec.touched.push(Res::Group(id));
            exec
        }
        Op::ShareList | Op::MemberList => {
            let ids: Vec<u64> = s.groups.iter().map(|g| g.id).collect();
            let id = choose(&ids, pick).copied().unwrap_or(1);
            let mut exec;
            if op == Op::ShareList {
                exec = Exec::new(op, format!("sharegroups().images({id}).list()"))
                    .listing("get-sharegroup-images");
                let (got, complete) =
                    drain(lin.sharegroups().images(id).list().iter(), |i| i.id.clone(), &mut exec);
                exec.listing = Some(Listing {
                    got,
                    complete,
                    expected: Box::new(move |s| {
                        s.shares
                            .get(&id)
                            .map(|v| v.iter().map(|i| i.id.clone()).collect())
                            .unwrap_or_default()
                    }),
                });
            } else {
                exec = Exec::new(op, format!("sharegroups().members({id}).list()"))
                    .listing("get-sharegroup-members");
                let (got, complete) =
                    drain(lin.sharegroups().members(id).list().iter(), |m| m.token_uuid.clone(), &mut exec);
                exec.listing = Some(Listing {
                    got,
                    complete,
                    expected: Box::new(move |s| {
                        s.members
                            .get(&id)
                            .map(|v| v.iter().map(|m| m.token_uuid.clone()).collect())
                            .unwrap_or_default()
                    }),
                });
            }
            exec
        }
        Op::ShareAdd => {
            let ids: Vec<u64> = s.groups.iter().map(|g| g.id).collect();
            let group = choose(&ids, pick).copied().unwrap_or(1);
            let available: Vec<String> = s
                .private_images()
                .into_iter()
                .filter(|i| Snap::linode_available(i))
                .map(|i| i.id.clone())
                .collect();
            let image = choose(&available, pick / 7).cloned().unwrap_or_default();
            let share = ShareImage::new(&image).label(format!("share-{n}"));
            let mut exec = Exec::new(op, format!("sharegroups().images({group}).add([{image}])")).single(
                "POST",
                "post-sharegroup-images",
                Expect::Ok,
            );
            exec.shown.push(format!("{share:?}"));
            exec.frame = vec![Collection::Shares];
            let got = exec.result(lin.sharegroups().images(group).add([share]));
            let made: Option<Vec<String>> =
                got.map(|page| page.items.iter().map(|i| format!("{group}/{}", i.id)).collect());
            if let Some(made) = &made {
                for m in made {
                    exec.touched
                        .push(Res::Share(group, m.split_once('/').map_or("", |(_, id)| id).to_string()));
                }
            }
            exec.touched.push(Res::Group(group));
            exec.effect = Some(Box::new(move |e| {
                let new = added(e, Collection::Shares);
                match &made {
                    Some(made) if *made != new => {
                        Err(format!("it returned {made:?}, the stand-in's new shares are {new:?}"))
                    }
                    None if !new.is_empty() && !(e.acted)("post-sharegroup-images") => {
                        Err(format!("it failed before the server acted, yet shared {new:?}"))
                    }
                    None if new.len() > 1 => Err(format!("one failed call shared {new:?}")),
                    _ => Ok(()),
                }
            }));
            exec
        }
        Op::ShareUpdate | Op::ShareRemove => {
            let all: Vec<(u64, String)> =
                s.shares.iter().flat_map(|(g, v)| v.iter().map(move |i| (*g, i.id.clone()))).collect();
            let (group, id) = choose(&all, pick).cloned().unwrap_or((1, "shared/1".into()));
            let mut exec;
            if op == Op::ShareUpdate {
                let label = format!("share-{n}-renamed");
                let request = lin.sharegroups().images(group).update(&id).label(&label);
                exec = Exec::new(
                    op,
                    format!("sharegroups().images({group}).update({id}).label({label:?}).send()"),
                )
                .single("PUT", "put-sharegroup-imageshare", Expect::Ok);
                exec.shown.push(format!("{request:?}"));
                let got = exec.result(request.send()).map(|i| i.label);
                let key = id.clone();
                exec.effect = Some(Box::new(move |e| {
                    updated(e, "put-sharegroup-imageshare", got.clone(), &label, |s| {
                        s.share(group, &key).map(|i| i.label.clone())
                    })
                }));
            } else {
                exec = Exec::new(op, format!("sharegroups().images({group}).remove({id})")).single(
                    "DELETE",
                    "delete-sharegroup-imageshare",
                    Expect::Ok,
                );
                exec.frame = vec![Collection::Shares];
                let ok = exec.result(lin.sharegroups().images(group).remove(&id)).is_some();
                let key = id.clone();
                exec.effect = Some(Box::new(move |e| {
                    deleted(e, "delete-sharegroup-imageshare", ok, |s| s.share(group, &key).is_some())
                }));
            }
            exec.touched.push(Res::Share(group, id));
            exec
        }
        Op::MemberAdd => {
            let ids: Vec<u64> = s.groups.iter().map(|g| g.id).collect();
            let group = choose(&ids, pick).copied().unwrap_or(1);
            let token = match choose(&world.member_secrets, pick / 3) {
                Some(secret) if pick.is_multiple_of(2) => secret.clone(),
                _ => made_up_token(&mut rng),
            };
            world.secrets.add(&token);
            let label = format!("member-{n}");
            let mut exec =
                Exec::new(op, format!("sharegroups().members({group}).add(<a membership token>, {label:?})"))
                    .single("POST", "post-sharegroup-members", Expect::Ok);
            exec.shown.push(format!("{:?}", MembershipToken::from(token.as_str())));
            exec.frame = vec![Collection::Members];
            let got = exec.result(lin.sharegroups().members(group).add(token.as_str(), &label));
            let made = got.map(|m| format!("{group}/{}", m.token_uuid));
            if let Some(made) = &made {
                exec.touched
                    .push(Res::Member(group, made.split_once('/').map_or("", |(_, u)| u).to_string()));
            }
            exec.effect = Some(Box::new(move |e| {
                created(e, Collection::Members, "post-sharegroup-members", made.as_deref())
            }));
            exec
        }
        Op::MemberGet | Op::MemberUpdate | Op::MemberRevoke => {
            let all: Vec<(u64, String)> = s
                .members
                .iter()
                .flat_map(|(g, v)| v.iter().map(move |m| (*g, m.token_uuid.clone())))
                .collect();
            let (group, uuid) = choose(&all, pick).cloned().unwrap_or((1, ACTIVE_TOKEN.into()));
            let members = lin.sharegroups().members(group);
            let mut exec;
            match op {
                Op::MemberGet => {
                    exec = Exec::new(op, format!("sharegroups().members({group}).get({uuid})")).single(
                        "GET",
                        "get-sharegroup-member-token",
                        Expect::Ok,
                    );
                    let got = exec.result(members.get(&uuid));
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| match (&got, e.after.member(group, &key)) {
                        (Some(got), Some(now)) if got != now => {
                            Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                        }
                        (Some(_), None) => Err("it returned a member the stand-in does not have".into()),
                        _ => Ok(()),
                    }));
                }
                Op::MemberUpdate => {
                    let label = format!("member-{n}-renamed");
                    exec = Exec::new(op, format!("sharegroups().members({group}).update({uuid}, {label:?})"))
                        .single("PUT", "put-sharegroup-member-token", Expect::Ok);
                    let got = exec.result(members.update(&uuid, &label)).map(|m| m.label);
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| {
                        updated(e, "put-sharegroup-member-token", got.clone(), &label, |s| {
                            s.member(group, &key).map(|m| m.label.clone())
                        })
                    }));
                }
                _ => {
                    exec = Exec::new(op, format!("sharegroups().members({group}).revoke({uuid})")).single(
                        "DELETE",
                        "delete-sharegroup-member-token",
                        Expect::Ok,
                    );
                    let ok = exec.result(members.revoke(&uuid)).is_some();
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| {
                        let status = |s: &Snap| {
                            s.member(group, &key)
                                .and_then(|m| m.status.as_ref().map(|s| s.as_str().to_string()))
                        };
                        let (before, after) = (status(e.before), status(e.after));
                        match (ok, after.as_deref()) {
                            (true, Some("revoked")) => Ok(()),
                            (true, other) => Err(format!("it returned Ok, and the member is {other:?}")),
                            (false, _) if after != before && !(e.acted)("delete-sharegroup-member-token") => {
                                Err(format!(
                                    "it failed before the server acted, yet the member went from {before:?} to {after:?}"
                                ))
                            }
                            _ => Ok(()),
                        }
                    }));
                }
            }
            exec.touched.push(Res::Member(group, uuid));
            exec
        }
        Op::TokenCreate => {
            let group = if pick.is_multiple_of(3) { uuid(&mut rng) } else { FOREIGN_GROUP.to_string() };
            let label = format!("token-{n}");
            let request = lin.sharegroups().tokens().create(&group).label(&label);
            let mut exec =
                Exec::new(op, format!("sharegroups().tokens().create({group}).label({label:?}).send()"))
                    .single("POST", "post-sharegroup-tokens", Expect::Ok);
            exec.shown.push(format!("{request:?}"));
            exec.frame = vec![Collection::Tokens];
            let got = exec.result(request.send());
            let made = got.map(|t| {
                let secret = t.token.expose().to_string();
                world.secrets.add(&secret);
                world.member_secrets.push(secret);
                t.token_uuid
            });
            if let Some(made) = &made {
                exec.touched.push(Res::Token(made.clone()));
            }
            exec.effect = Some(Box::new(move |e| {
                created(e, Collection::Tokens, "post-sharegroup-tokens", made.as_deref())
            }));
            exec
        }
        Op::TokenList => {
            let mut exec = Exec::new(op, "sharegroups().tokens().list()".into()).listing("get-user-tokens");
            let (got, complete) =
                drain(lin.sharegroups().tokens().list().iter(), |t| t.token_uuid.clone(), &mut exec);
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(|s| s.tokens.iter().map(|t| t.token_uuid.clone()).collect()),
            });
            exec
        }
        Op::TokenGet | Op::TokenUpdate | Op::TokenDelete => {
            let candidates: Vec<String> = s
                .tokens
                .iter()
                .map(|t| t.token_uuid.clone())
                .filter(|u| op != Op::TokenDelete || u != ACTIVE_TOKEN)
                .collect();
            let uuid = choose(&candidates, pick).cloned().unwrap_or_default();
            let tokens = lin.sharegroups().tokens();
            let mut exec;
            match op {
                Op::TokenGet => {
                    exec = Exec::new(op, format!("sharegroups().tokens().get({uuid})")).single(
                        "GET",
                        "get-sharegroup-token",
                        Expect::Ok,
                    );
                    let got = exec.result(tokens.get(&uuid));
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| match (&got, e.after.token(&key)) {
                        (Some(got), Some(now)) if got != now => {
                            Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                        }
                        (Some(_), None) => Err("it returned a token the stand-in does not have".into()),
                        _ => Ok(()),
                    }));
                }
                Op::TokenUpdate => {
                    let label = format!("token-{n}-renamed");
                    exec = Exec::new(op, format!("sharegroups().tokens().update({uuid}, {label:?})")).single(
                        "PUT",
                        "put-sharegroup-token",
                        Expect::Ok,
                    );
                    let got = exec.result(tokens.update(&uuid, &label)).map(|t| t.label);
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| {
                        updated(e, "put-sharegroup-token", got.clone(), &label, |s| {
                            s.token(&key).map(|t| t.label.clone())
                        })
                    }));
                }
                _ => {
                    exec = Exec::new(op, format!("sharegroups().tokens().delete({uuid})")).single(
                        "DELETE",
                        "delete-sharegroup-token",
                        Expect::Ok,
                    );
                    exec.frame = vec![Collection::Tokens];
                    let ok = exec.result(tokens.delete(&uuid)).is_some();
                    let key = uuid.clone();
                    exec.effect = Some(Box::new(move |e| {
                        deleted(e, "delete-sharegroup-token", ok, |s| s.token(&key).is_some())
                    }));
                }
            }
            exec.touched.push(Res::Token(uuid));
            exec
        }
        Op::TokenGroup => {
            let pending: Vec<String> = s
                .tokens
                .iter()
                .filter(|t| t.token_uuid != ACTIVE_TOKEN)
                .map(|t| t.token_uuid.clone())
                .collect();
            let (uuid, expect) = match choose(&pending, pick / 4) {
                Some(p) if pick.is_multiple_of(4) => (p.clone(), Expect::NotFound),
                _ => (ACTIVE_TOKEN.to_string(), Expect::Ok),
            };
            let mut exec = Exec::new(op, format!("sharegroups().tokens().sharegroup({uuid})")).single(
                "GET",
                "get-sharegroup-by-token",
                expect,
            );
            let got = exec.result(lin.sharegroups().tokens().sharegroup(&uuid)).map(|g| g.uuid);
            exec.effect = Some(Box::new(move |_| match &got {
                Some(group) if group.as_deref() != Some(FOREIGN_GROUP) => {
                    Err(format!("the token's group is {group:?}"))
                }
                _ => Ok(()),
            }));
            exec
        }
        Op::TokenImages => {
            let mut exec = Exec::new(op, format!("sharegroups().tokens().images({ACTIVE_TOKEN})"))
                .listing("get-sharegroup-images-by-token");
            let (got, complete) =
                drain(lin.sharegroups().tokens().images(ACTIVE_TOKEN).iter(), |i| i.id.clone(), &mut exec);
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(|s| {
                    s.linode_images
                        .iter()
                        .filter(|i| {
                            i.image_sharing
                                .as_ref()
                                .and_then(|x| x.shared_by.as_ref())
                                .and_then(|b| b.sharegroup_uuid.as_deref())
                                == Some(FOREIGN_GROUP)
                        })
                        .map(|i| i.id.clone())
                        .collect()
                }),
            });
            exec
        }
        Op::ImageGroups => {
            let images: Vec<String> = s.private_images().iter().map(|i| i.id.clone()).collect();
            let id = choose(&images, pick).cloned().unwrap_or_else(|| "linode/debian12".into());
            let mut exec =
                Exec::new(op, format!("images().sharegroups({id})")).listing("get-images-sharegroups-image");
            let (got, complete) =
                drain(lin.images().sharegroups(&id).iter(), |g| g.id.to_string(), &mut exec);
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(move |s| {
                    s.shares
                        .iter()
                        .filter(|(_, shares)| {
                            shares.iter().any(|sh| {
                                sh.image_sharing
                                    .as_ref()
                                    .and_then(|x| x.shared_by.as_ref())
                                    .and_then(|b| b.source_image_id.as_deref())
                                    == Some(id.as_str())
                            })
                        })
                        .map(|(g, _)| g.to_string())
                        .collect()
                }),
            });
            exec
        }
        // ------------------------------------------------------------------- DigitalOcean
        Op::DoList => {
            let per_page = 1 + pick % 8;
            let private = pick.is_multiple_of(3);
            let list = dig.images().list().per_page(per_page).private(private);
            let mut exec = Exec::new(op, format!("images().list().per_page({per_page}).private({private})"))
                .listing("images_list");
            exec.shown.push(format!("{list:?}"));
            let (got, complete) = drain(list.iter(), |i| i.id.to_string(), &mut exec);
            let public = world.digitalocean_public.clone();
            exec.listing = Some(Listing {
                got,
                complete,
                expected: Box::new(move |s| {
                    let own = s.do_images.iter().map(|i| i.id.to_string());
                    if private {
                        own.collect()
                    } else {
                        public.iter().map(u64::to_string).chain(own).collect()
                    }
                }),
            });
            exec
        }
        Op::DoGet => {
            let own: Vec<u64> = s.do_images.iter().map(|i| i.id).collect();
            let public: Vec<u64> = world.digitalocean_public.iter().copied().collect();
            if pick % 10 == 1 {
                // A public image by its slug.
                let slug = choose(&public, pick / 10)
                    .and_then(|id| world.digitalocean.image(id))
                    .and_then(|i| i.slug)
                    .unwrap_or_else(|| "debian-12-x64".into());
                let mut exec =
                    Exec::new(op, format!("images().get({slug:?})")).single("GET", "images_get", Expect::Ok);
                let got = exec.result(dig.images().get(slug.as_str()));
                let now = world.digitalocean.image(&slug);
                exec.effect = Some(Box::new(move |_| match (&got, &now) {
                    (Some(got), Some(now)) if got != now => {
                        Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                    }
                    (Some(_), None) => Err("it returned an image the stand-in does not have".into()),
                    _ => Ok(()),
                }));
                return exec;
            }
            let (id, expect) = match pick % 10 {
                0 => (1, Expect::NotFound),
                1..=3 => (choose(&public, pick / 10).copied().unwrap_or(1), Expect::Ok),
                _ => match choose(&own, pick / 10) {
                    Some(id) => (*id, Expect::Ok),
                    None => (choose(&public, pick / 10).copied().unwrap_or(1), Expect::Ok),
                },
            };
            let mut exec = Exec::new(op, format!("images().get({id})")).single("GET", "images_get", expect);
            let got = exec.result(dig.images().get(id));
            let public_image =
                world.digitalocean.image(id).filter(|_| world.digitalocean_public.contains(&id));
            exec.touched.push(Res::DoImage(id));
            exec.effect = Some(Box::new(move |e| {
                let Some(got) = &got else { return Ok(()) };
                match e.after.do_image(id).or(public_image.as_ref()) {
                    None => Err(format!("it returned image {}, which the stand-in does not have", got.id)),
                    Some(now) if !e.delayed && now != got => {
                        Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                    }
                    Some(now) if do_stable(now) != do_stable(got) => {
                        Err(format!("it returned {}, the stand-in has {}", do_stable(got), do_stable(now)))
                    }
                    Some(_) => Ok(()),
                }
            }));
            exec
        }
        Op::DoImport => {
            let name = format!("import-{n}");
            let ext = if pick.is_multiple_of(20) { "iso" } else { "qcow2" };
            let url = if pick.is_multiple_of(3) {
                // A pre-signed URL (a Spaces object shared for the import): its query is secret.
                let signature: String = (0..4).map(|_| format!("{:016x}", rng.next_u64())).collect();
                let url = format!(
                    "https://sim-bucket.nyc3.digitaloceanspaces.com/sim-{n}.{ext}?X-Amz-Algorithm=AWS4-HMAC-SHA256\
                     &X-Amz-Credential=DO00SIMULATION%2F20250601%2Fnyc3%2Fs3%2Faws4_request&X-Amz-Date=20250601T120000Z\
                     &X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature={signature}"
                );
                world.secrets.add_upload_url(&url);
                url
            } else {
                format!("https://images.example.com/sim-{n}.{ext}")
            };
            let region = *choose(&DO_REGIONS, pick).unwrap_or(&"nyc3");
            let request =
                CustomImage::new(&name, &url, region).description("simulated import").tags(["simulation"]);
            let shown_url = url.split('?').next().unwrap_or_default().to_string();
            let mut exec = Exec::new(op, format!("images().import({name:?}, {shown_url}, {region})")).single(
                "POST",
                "images_create_custom",
                Expect::Ok,
            );
            exec.shown.push(format!("{request:?}"));
            exec.frame = vec![Collection::DoImages];
            let got = exec.result(dig.images().import(request)).map(|i| i.id);
            if let Some(id) = got {
                exec.touched.push(Res::DoImage(id));
            }
            exec.effect = Some(Box::new(move |e| {
                created(
                    e,
                    Collection::DoImages,
                    "images_create_custom",
                    got.map(|i| i.to_string()).as_deref(),
                )
            }));
            exec
        }
        Op::DoUpdate | Op::DoDelete | Op::DoWaitAvailable | Op::DoActionList => {
            let own: Vec<u64> = s.do_images.iter().map(|i| i.id).collect();
            let id = choose(&own, pick).copied().unwrap_or(1);
            let mut exec;
            match op {
                Op::DoUpdate => {
                    let name = format!("renamed-{n}");
                    let request = dig.images().update(id).name(&name);
                    exec = Exec::new(op, format!("images().update({id}).name({name:?}).send()")).single(
                        "PUT",
                        "images_update",
                        Expect::Ok,
                    );
                    exec.shown.push(format!("{request:?}"));
                    let got = exec.result(request.send()).map(|i| i.name);
                    exec.effect = Some(Box::new(move |e| {
                        updated(e, "images_update", got.clone(), &name, |s| {
                            s.do_image(id).map(|i| i.name.clone())
                        })
                    }));
                }
                Op::DoDelete => {
                    exec = Exec::new(op, format!("images().delete({id})")).single(
                        "DELETE",
                        "images_delete",
                        Expect::Ok,
                    );
                    exec.frame = vec![Collection::DoImages, Collection::Actions];
                    let ok = exec.result(dig.images().delete(id)).is_some();
                    exec.effect = Some(Box::new(move |e| {
                        deleted(e, "images_delete", ok, |s| s.do_image(id).is_some())
                    }));
                }
                Op::DoWaitAvailable => {
                    let timeout = Duration::from_millis(1_000 + (pick / 3) % 59_000);
                    let ready = s.do_image(id).is_some_and(Snap::do_available);
                    exec = Exec::new(op, format!("images().wait_until_available({id}).timeout({timeout:?})"))
                        .waiting("images_get", timeout, ready);
                    // An import of a format DigitalOcean cannot read ends `deleted`.
                    exec.wait_fails = !ready;
                    let got = exec.result(dig.images().wait_until_available(id).timeout(timeout).send());
                    exec.effect = Some(Box::new(move |e| {
                        let Some(got) = &got else { return Ok(()) };
                        match e.after.do_image(id) {
                            Some(now) if Snap::do_available(got) && do_stable(now) == do_stable(got) => {
                                Ok(())
                            }
                            now => Err(format!("the wait returned {got:?}, the stand-in has {now:?}")),
                        }
                    }));
                }
                _ => {
                    let per_page = 1 + pick % 3;
                    exec = Exec::new(op, format!("images().actions({id}).list().per_page({per_page})"))
                        .listing("imageActions_list");
                    let (got, complete) = drain(
                        dig.images().actions(id).list().per_page(per_page).iter(),
                        |a| a.id.to_string(),
                        &mut exec,
                    );
                    exec.listing = Some(Listing {
                        got,
                        complete,
                        expected: Box::new(move |s| {
                            s.actions
                                .iter()
                                .filter(|a| a.resource_id == Some(id))
                                .map(|a| a.id.to_string())
                                .collect()
                        }),
                    });
                }
            }
            exec.touched.push(Res::DoImage(id));
            exec
        }
        Op::DoTransfer | Op::DoConvert => {
            let candidates: Vec<u64> = s
                .do_images
                .iter()
                .map(|i| i.id)
                .filter(|id| {
                    if op == Op::DoConvert {
                        convertible(s, *id)
                    } else {
                        transfer_region(s, *id, 0).is_some()
                    }
                })
                .collect();
            let id = choose(&candidates, pick).copied().unwrap_or(1);
            let actions = dig.images().actions(id);
            let mut exec;
            let result = if op == Op::DoConvert {
                exec = Exec::new(op, format!("images().actions({id}).convert()"));
                actions.convert()
            } else {
                let region = transfer_region(s, id, pick / 5).unwrap_or("nyc3");
                exec = Exec::new(op, format!("images().actions({id}).transfer({region})"));
                actions.transfer(region)
            };
            exec = exec.single("POST", "imageActions_post", Expect::Ok);
            exec.frame = vec![Collection::Actions];
            let got = exec.result(result).map(|a| a.id);
            exec.touched.push(Res::DoImage(id));
            if let Some(action) = got {
                exec.touched.push(Res::Action(id, action));
            }
            exec.effect = Some(Box::new(move |e| {
                created(e, Collection::Actions, "imageActions_post", got.map(|a| a.to_string()).as_deref())
            }));
            exec
        }
        Op::DoActionGet | Op::DoWaitAction => {
            let all: Vec<(u64, u64)> = s.actions.iter().map(|a| (a.resource_id.unwrap_or(0), a.id)).collect();
            let (image, action) = choose(&all, pick).copied().unwrap_or((1, 1));
            let mut exec;
            let got = if op == Op::DoActionGet {
                exec = Exec::new(op, format!("images().actions({image}).get({action})")).single(
                    "GET",
                    "imageActions_get",
                    Expect::Ok,
                );
                exec.result(dig.images().actions(image).get(action))
            } else {
                let timeout = Duration::from_millis(1_000 + (pick / 3) % 59_000);
                let ready = s
                    .action(action)
                    .is_some_and(|a| a.status.as_ref().is_some_and(|st| st.as_str() == "completed"));
                exec = Exec::new(
                    op,
                    format!("images().actions({image}).wait_until_completed({action}).timeout({timeout:?})"),
                )
                .waiting("imageActions_get", timeout, ready);
                let wait = dig.images().actions(image).wait_until_completed(action).timeout(timeout);
                exec.shown.push(format!("{wait:?}"));
                exec.result(wait.send())
            };
            let waited = op == Op::DoWaitAction;
            exec.touched.push(Res::Action(image, action));
            exec.effect = Some(Box::new(move |e| {
                let Some(got) = &got else { return Ok(()) };
                let done = got.status.as_ref().is_some_and(|s| s.as_str() == "completed");
                match e.after.action(action) {
                    Some(_) if waited && !done => {
                        Err(format!("the wait returned an action that is {:?}", got.status))
                    }
                    Some(now) if !e.delayed && now != got => {
                        Err(format!("it returned {got:?}, the stand-in has {now:?}"))
                    }
                    Some(_) => Ok(()),
                    None => Err("it returned an action the stand-in does not have".into()),
                }
            }));
            exec
        }
        Op::DoOffer => {
            let snapshots: Vec<u64> = s.do_images.iter().filter(|i| is_snapshot(i)).map(|i| i.id).collect();
            let id = choose(&snapshots, pick).copied().unwrap_or(1);
            let recipient = if pick.is_multiple_of(2) {
                Recipient::email(format!("ops-{n}@example.com"))
            } else {
                Recipient::team(TEAM)
            };
            let mut exec = Exec::new(op, format!("images().account_transfers({id}).offer({recipient})"))
                .single("POST", "images_post_account_transfer_create", Expect::Ok);
            exec.shown.push(format!("{recipient:?}"));
            let got = exec.result(dig.images().account_transfers(id).offer(recipient));
            if let Some(Offered::Pending(transfer)) = got {
                world.transfers.push((id, transfer.get()));
            }
            exec.touched.push(Res::DoImage(id));
            exec
        }
        Op::DoAccept | Op::DoCancel | Op::DoDecline => {
            let at = (pick % world.transfers.len().max(1) as u64) as usize;
            let (image, transfer) = world.transfers.get(at).copied().unwrap_or((1, 1));
            let transfers = dig.images().account_transfers(image);
            let (verb, target, result) = match op {
                Op::DoAccept => {
                    ("accept", "images_post_account_transfer_accept", transfers.accept(transfer, TEAM))
                }
                Op::DoCancel => ("cancel", "images_post_account_transfer_cancel", transfers.cancel(transfer)),
                _ => ("decline", "images_post_account_transfer_decline", transfers.decline(transfer)),
            };
            let mut exec = Exec::new(op, format!("images().account_transfers({image}).{verb}({transfer})"))
                .single("POST", target, Expect::Ok);
            let ok = exec.result(result).is_some();
            // Ended, or maybe ended (a lost answer): either way no longer known to be pending.
            // One refused before the server acted stays pending; that is checked below.
            exec.touched.push(Res::DoImage(image));
            if op == Op::DoAccept {
                // The image leaves the account, with its actions.
                exec.frame = vec![Collection::DoImages, Collection::Actions];
            }
            let accept = op == Op::DoAccept;
            exec.effect = Some(Box::new(move |e| {
                if accept && ok && e.after.do_image(image).is_some() {
                    return Err(format!(
                        "the transfer was accepted, and image {image} is still in the account"
                    ));
                }
                Ok(())
            }));
            exec.transfer = Some((image, transfer, target));
            exec
        }
    }
}
