//! The steps of a run, drawn from the seed before anything runs: an operation, a number that
//! picks its arguments among what exists when it runs, the faults injected for it, and how far
//! the clock moves after it. A list of steps is data: shrinking removes some and runs the rest.

use std::fmt;

use super::faults::FaultSpec;
use super::rng::Rng;

macro_rules! ops {
    ($($op:ident: $weight:expr, $call:expr, [$($target:expr),+];)*) => {
        /// Every call the simulation makes through the facade: the 41 operations (some by two
        /// calls, `replicate` and `add_regions`), and the waits.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Op { $($op),* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$op),*];

            /// How often it is drawn, relative to the others.
            pub fn weight(self) -> u64 {
                match self { $(Op::$op => $weight),* }
            }

            /// The facade call, as a user writes it.
            pub fn call(self) -> &'static str {
                match self { $(Op::$op => $call),* }
            }

            /// The operation ids (as the stand-ins name them) its requests go to: where its
            /// faults are injected.
            pub fn targets(self) -> &'static [&'static str] {
                match self { $(Op::$op => &[$($target),+]),* }
            }
        }
    };
}

ops! {
    // Linode images.
    LinodeList: 3, "linode images().list().page_size(25).iter()", ["get-images"];
    LinodeGet: 4, "linode images().get(id)", ["get-image"];
    LinodeCreate: 3, "linode images().create(disk, label).send()", ["post-image"];
    LinodeUpload: 3, "linode images().upload(request).seekable(disk)", ["post-upload-image", "object-storage-put", "delete-image"];
    LinodeCreateUpload: 1, "linode images().create_upload(request)", ["post-upload-image"];
    LinodeUpdate: 4, "linode images().update(id).label(..).send()", ["put-image"];
    LinodeDelete: 5, "linode images().delete(id)", ["delete-image"];
    LinodeReplicate: 3, "linode images().replicate(id, regions)", ["post-replicate-image"];
    LinodeAddRegions: 3, "linode images().add_regions(id, regions)", ["get-image", "post-replicate-image"];
    LinodeWaitAvailable: 2, "linode images().wait_until_available(id).timeout(t).send()", ["get-image"];
    LinodeWaitReplicated: 2, "linode images().wait_until_replicated(id, regions).timeout(t).send()", ["get-image"];
    // Linode share groups (v4beta).
    GroupList: 2, "linode sharegroups().list().iter()", ["get-sharegroups"];
    GroupCreate: 3, "linode sharegroups().create(label).images(..).send()", ["post-sharegroups"];
    GroupGet: 2, "linode sharegroups().get(id)", ["get-sharegroup"];
    GroupUpdate: 2, "linode sharegroups().update(id).label(..).send()", ["put-sharegroup"];
    GroupDelete: 3, "linode sharegroups().delete(id)", ["delete-sharegroup"];
    ShareList: 2, "linode sharegroups().images(group).list().iter()", ["get-sharegroup-images"];
    ShareAdd: 3, "linode sharegroups().images(group).add([image])", ["post-sharegroup-images"];
    ShareUpdate: 2, "linode sharegroups().images(group).update(shared).label(..).send()", ["put-sharegroup-imageshare"];
    ShareRemove: 3, "linode sharegroups().images(group).remove(shared)", ["delete-sharegroup-imageshare"];
    MemberList: 2, "linode sharegroups().members(group).list().iter()", ["get-sharegroup-members"];
    MemberAdd: 3, "linode sharegroups().members(group).add(token, label)", ["post-sharegroup-members"];
    MemberGet: 2, "linode sharegroups().members(group).get(uuid)", ["get-sharegroup-member-token"];
    MemberUpdate: 2, "linode sharegroups().members(group).update(uuid, label)", ["put-sharegroup-member-token"];
    MemberRevoke: 3, "linode sharegroups().members(group).revoke(uuid)", ["delete-sharegroup-member-token"];
    TokenCreate: 3, "linode sharegroups().tokens().create(group uuid).label(..).send()", ["post-sharegroup-tokens"];
    TokenList: 2, "linode sharegroups().tokens().list().iter()", ["get-user-tokens"];
    TokenGet: 2, "linode sharegroups().tokens().get(uuid)", ["get-sharegroup-token"];
    TokenUpdate: 2, "linode sharegroups().tokens().update(uuid, label)", ["put-sharegroup-token"];
    TokenDelete: 3, "linode sharegroups().tokens().delete(uuid)", ["delete-sharegroup-token"];
    TokenGroup: 2, "linode sharegroups().tokens().sharegroup(uuid)", ["get-sharegroup-by-token"];
    TokenImages: 2, "linode sharegroups().tokens().images(uuid).iter()", ["get-sharegroup-images-by-token"];
    ImageGroups: 2, "linode images().sharegroups(id).iter()", ["get-images-sharegroups-image"];
    // DigitalOcean images, image actions, account transfers.
    DoList: 3, "digitalocean images().list().per_page(n).iter()", ["images_list"];
    DoGet: 4, "digitalocean images().get(id)", ["images_get"];
    DoImport: 4, "digitalocean images().import(CustomImage::new(..))", ["images_create_custom"];
    DoUpdate: 3, "digitalocean images().update(id).name(..).send()", ["images_update"];
    DoDelete: 4, "digitalocean images().delete(id)", ["images_delete"];
    DoActionList: 2, "digitalocean images().actions(id).list().per_page(n).iter()", ["imageActions_list"];
    DoTransfer: 3, "digitalocean images().actions(id).transfer(region)", ["imageActions_post"];
    DoConvert: 3, "digitalocean images().actions(id).convert()", ["imageActions_post"];
    DoActionGet: 2, "digitalocean images().actions(id).get(action)", ["imageActions_get"];
    DoOffer: 3, "digitalocean images().account_transfers(id).offer(recipient)", ["images_post_account_transfer_create"];
    DoAccept: 2, "digitalocean images().account_transfers(id).accept(transfer, team)", ["images_post_account_transfer_accept"];
    DoCancel: 2, "digitalocean images().account_transfers(id).cancel(transfer)", ["images_post_account_transfer_cancel"];
    DoDecline: 2, "digitalocean images().account_transfers(id).decline(transfer)", ["images_post_account_transfer_decline"];
    DoWaitAvailable: 2, "digitalocean images().wait_until_available(id).timeout(t).send()", ["images_get"];
    DoWaitAction: 2, "digitalocean images().actions(id).wait_until_completed(action).timeout(t).send()", ["imageActions_get"];
}

/// One fault, aimed at one of the step's operation ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aimed {
    pub target: &'static str,
    pub fault: FaultSpec,
}

/// One step of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// Its place in the run as drawn (kept when shrinking removes others).
    pub index: usize,
    pub op: Op,
    /// Picks the arguments among what exists when the step runs.
    pub pick: u64,
    pub faults: Vec<Aimed>,
    /// How far the clock moves after the step, in milliseconds.
    pub advance_ms: u64,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{} {} (pick {})", self.index, self.op.call(), self.pick)?;
        if !self.faults.is_empty() {
            let faults: Vec<String> =
                self.faults.iter().map(|a| format!("{}: {}", a.target, a.fault)).collect();
            write!(f, " faults [{}]", faults.join("; "))?;
        }
        write!(f, " then +{} ms", self.advance_ms)
    }
}

/// The steps of a run of `count` steps from `seed`.
pub fn steps(seed: u64, count: usize) -> Vec<Step> {
    let mut rng = Rng::new(seed);
    let weights: Vec<u64> = Op::ALL.iter().map(|op| op.weight()).collect();
    (0..count)
        .map(|index| {
            let op = Op::ALL[rng.weighted(&weights)];
            let pick = rng.next_u64();
            // Most steps meet no fault; the others one to three.
            let n = if rng.chance(450) { [1, 1, 1, 2, 2, 3][rng.below(6) as usize] } else { 0 };
            let faults = (0..n)
                .map(|_| {
                    let targets = op.targets();
                    Aimed {
                        target: targets[rng.below(targets.len() as u64) as usize],
                        fault: FaultSpec::draw(&mut rng),
                    }
                })
                .collect();
            let advance_ms = match rng.below(1000) {
                0..=699 => rng.below(3_000),
                700..=949 => rng.between(3_000, 60_000),
                950..=998 => rng.between(3_600_000, 3 * 3_600_000),
                _ => 25 * 3_600_000,
            };
            Step { index, op, pick, faults, advance_ms }
        })
        .collect()
}
