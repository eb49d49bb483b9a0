//! The invariants, checked after every step. Each is stated where it is checked.
//!
//! The client under test: timeout 20 s per call, the kit's retry policy with `max_wait` 10 s
//! (4 retries, a 1 ms backoff base), on the stand-ins' manual clock (see `faults`).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use cloud_images::testing::Request;
use cloud_images::{Error, ErrorKind};

use super::faults::{CALL_TIMEOUT, FaultSpec, Kind, MAX_RETRIES, MAX_WAIT, survivable};
use super::operations::{Bound, Effects, Exec, Expect, Res};
use super::plan::Aimed;
use super::world::{Collection, Snap, World};

/// How much longer than its limit a call may take on the clock: the manual clock counts whole
/// milliseconds, and a client's sleep is rounded up to the next one.
pub const SLACK: Duration = Duration::from_millis(10);

/// The invariants, by name.
pub const NAMES: [&str; 6] = [
    "1 deadline",
    "2 no duplicate POST",
    "3 survivable faults end Ok; errors are the faults' kinds",
    "4 listings yield each item exactly once",
    "5 no secret in Debug or Display",
    "6 the stand-in's state and the client's view agree",
];

/// A broken invariant.
#[derive(Clone, Debug)]
pub struct Violation {
    pub invariant: &'static str,
    pub details: String,
}

fn broken(invariant: usize, details: impl Into<String>) -> Violation {
    Violation { invariant: NAMES[invariant - 1], details: details.into() }
}

/// What the invariants look at, for one step.
pub struct Seen<'a> {
    pub exec: &'a Exec,
    /// The faults injected for the step, each aimed at one of its operation ids.
    pub faults: &'a [Aimed],
    /// The requests the stand-ins received during the step, in order.
    pub log: &'a [Request],
    /// The time the step took on the clock.
    pub elapsed: Duration,
    pub before: &'a Snap,
    pub after: &'a Snap,
}

impl Seen<'_> {
    /// The kinds of the faults that fired (the request log names them).
    fn fired(&self) -> BTreeSet<Kind> {
        self.log.iter().filter_map(|r| r.fault.as_deref().and_then(Kind::of_logged)).collect()
    }

    /// Whether a request to operation `target` was acted on: answered 2xx (the stand-in logs
    /// the real status of an answer it then cut, slowed or mangled).
    fn acted(&self, target: &str) -> bool {
        self.log.iter().any(|r| {
            r.operation.as_deref() == Some(target) && r.status.is_some_and(|s| (200..300).contains(&s))
        })
    }
}

/// Checks every invariant; counts each check made in `checks` (by invariant).
pub fn check(world: &World, seen: &Seen<'_>, checks: &mut [u64; 6]) -> Result<(), Violation> {
    deadline(seen)?;
    checks[0] += 1;
    no_duplicate_post(seen)?;
    checks[1] += 1;
    survival(seen)?;
    checks[2] += 1;
    if seen.exec.listing.is_some() {
        listing(seen)?;
        checks[3] += 1;
    }
    secrets(world, seen)?;
    checks[4] += 1;
    agreement(world, seen)?;
    checks[5] += 1;
    Ok(())
}

/// Invariant 1: **Deadline.** A call's time on the clock, less the delays the stand-in added to its
/// answers (on a manual clock a slow answer moves the clock; the client cannot stop the
/// server's clock, it can only stop waiting), is at most its limit plus [`SLACK`]: the call
/// timeout (20 s) for each call of the step (a listing: each page; `add_regions`: the read
/// and the write), a wait's own timeout for a wait, and for an upload the create and the
/// clean-up delete (20 s each) plus the retry waits of its `PUT`, which has no total deadline
/// (4 × `max_wait`). And an answer that came after the limit of a one-call step or a wait is
/// never taken: if the clock passed the limit, the step ended in a timeout error.
fn deadline(seen: &Seen<'_>) -> Result<(), Violation> {
    let delays: Duration =
        seen.log.iter().filter_map(|r| r.fault.as_deref().and_then(Kind::delay_of_logged)).sum();
    let client_time = seen.elapsed.saturating_sub(delays);
    let (bound, one_limit) = match seen.exec.bound {
        Bound::Calls(n) => (CALL_TIMEOUT * n, (n == 1).then_some(CALL_TIMEOUT)),
        Bound::Listing => {
            let pages: BTreeSet<(String, Option<String>)> = seen
                .log
                .iter()
                .map(|r| (r.path.clone(), r.query_param("page").map(str::to_string)))
                .collect();
            let pages = pages.len().max(1) as u32;
            (CALL_TIMEOUT * pages, (pages == 1).then_some(CALL_TIMEOUT))
        }
        Bound::Wait(timeout) => (timeout, Some(timeout)),
        Bound::Upload => (CALL_TIMEOUT * 2 + MAX_WAIT * MAX_RETRIES, None),
    };
    if client_time > bound + SLACK {
        return Err(broken(
            1,
            format!(
                "the step took {:?} on the clock, {delays:?} of it slow answers: {client_time:?} of its own, over its limit of {bound:?}",
                seen.elapsed
            ),
        ));
    }
    if let Some(limit) = one_limit
        && seen.elapsed > limit
        && seen.exec.error.as_ref().is_none_or(|e| e.kind() != ErrorKind::Timeout)
    {
        return Err(broken(
            1,
            format!(
                "the answer came {:?} after the call began, past its limit of {limit:?}, and the call ended {}",
                seen.elapsed,
                outcome(seen.exec)
            ),
        ));
    }
    Ok(())
}

/// Invariant 2: **No duplicate `POST`.** Within a step, a `POST` (same path, same body) is sent again
/// only when every earlier send of it was answered 429: a create is never sent twice.
fn no_duplicate_post(seen: &Seen<'_>) -> Result<(), Violation> {
    for (j, later) in seen.log.iter().enumerate().filter(|(_, r)| r.method == "POST") {
        for earlier in seen.log.iter().take(j).filter(|r| r.method == "POST") {
            if earlier.path == later.path && earlier.body == later.body && earlier.status != Some(429) {
                return Err(broken(
                    2,
                    format!(
                        "POST {} was sent again after an answer {:?} (fault {:?})",
                        later.path, earlier.status, earlier.fault
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Invariant 3: **Survivable faults end `Ok`; every error is one the faults explain.** When every call
/// of a step meets only faults it is documented to survive (`faults::survivable`: at most
/// `max_retries` of them, each retried for its method, hints within `max_wait`, all within
/// the timeout) and its request is valid on what exists, it ends `Ok` (a `DELETE` of an
/// existing resource above all), or a not-found error when what it names does not exist (a
/// `DELETE` of something gone: `Ok` or not found). And whatever the faults, an error is of a
/// kind they explain: `Transport` for a dropped or cut answer, `Timeout` for a slow one (or
/// a wait that ran out), an API error 503 for a 503, a rate-limit error carrying its
/// `retry_after` for a 429, `Maintenance` for a maintenance 503, `Decode` for a malformed
/// body, `WaitFailed` from a wait for a region the image is not in or an import that may fail,
/// `Upload`
/// from an upload's `PUT`; any other status only from a request not predicted valid. An
/// error's `attempts()` is the number of requests its call sent. With survivable faults, a
/// call sends one request more than the faults that left it without a usable answer.
fn survival(seen: &Seen<'_>) -> Result<(), Violation> {
    let exec = seen.exec;
    let fired = seen.fired();
    if let Some(e) = &exec.error {
        let explained = match e.kind() {
            ErrorKind::Transport => fired.contains(&Kind::Drop) || fired.contains(&Kind::Cut),
            ErrorKind::Timeout => {
                exec.wait || fired.contains(&Kind::DelayBelow) || fired.contains(&Kind::DelayAbove)
            }
            ErrorKind::Decode => {
                fired.contains(&Kind::NotJson)
                    || fired.contains(&Kind::EmptyObject)
                    || fired.contains(&Kind::Truncated)
            }
            ErrorKind::WaitFailed => exec.wait_fails,
            ErrorKind::Upload => exec.upload,
            ErrorKind::Maintenance => fired.contains(&Kind::Maintenance),
            ErrorKind::Api => match e.status() {
                Some(429) => {
                    (fired.contains(&Kind::HintWithin) || fired.contains(&Kind::HintBeyond))
                        && e.retry_after().is_some()
                }
                Some(503) => fired.contains(&Kind::Unavailable),
                Some(_) => !exec.wait && exec.expect != Expect::Ok,
                None => false,
            },
            _ => false,
        };
        if !explained {
            return Err(broken(
                3,
                format!(
                    "the error {e} ({:?}, status {:?}) is not explained by the faults that fired: {fired:?}",
                    e.kind(),
                    e.status()
                ),
            ));
        }
        if e.attempts() > MAX_RETRIES + 1 {
            return Err(broken(3, format!("{} attempts, more than 1 + max_retries", e.attempts())));
        }
        // `Error::attempts`: "how many requests were sent for this call".
        if matches!(exec.bound, Bound::Calls(1)) && e.attempts() as usize != seen.log.len() {
            return Err(broken(
                3,
                format!(
                    "the error says {} attempts, and the call sent {} requests: {e}",
                    e.attempts(),
                    seen.log.len()
                ),
            ));
        }
    }
    if exec.calls.is_empty() || exec.expect == Expect::Unknown {
        return Ok(());
    }
    let budget = match exec.bound {
        Bound::Wait(timeout) => timeout.min(CALL_TIMEOUT),
        _ => CALL_TIMEOUT,
    };
    let aimed = |target: &str| -> Vec<FaultSpec> {
        seen.faults.iter().filter(|a| a.target == target).map(|a| a.fault.clone()).collect()
    };
    if !exec.calls.iter().all(|call| survivable(call.method, &aimed(call.target), budget)) {
        return Ok(());
    }
    let fine = match (&exec.error, exec.expect) {
        (None, Expect::Ok | Expect::Gone) => true,
        (Some(e), Expect::NotFound | Expect::Gone) => e.is_not_found(),
        _ => false,
    };
    if !fine {
        return Err(broken(
            3,
            format!(
                "with faults it is documented to survive, expecting {:?}, it ended {}",
                exec.expect,
                outcome(exec)
            ),
        ));
    }
    // One call, and each fault that left it without a usable answer (dropped, cut, 429, 503;
    // not a slow answer, nor a delete's mangled body, which is not read) cost it exactly one
    // more request: nothing sent for nothing.
    if let ([call], Bound::Calls(1)) = (exec.calls.as_slice(), exec.bound) {
        let caught = seen
            .log
            .iter()
            .filter_map(|r| r.fault.as_deref().and_then(Kind::of_logged))
            .filter(|k| {
                matches!(k, Kind::Drop | Kind::Cut | Kind::HintWithin | Kind::HintBeyond | Kind::Unavailable)
            })
            .count();
        let sent = seen.log.iter().filter(|r| r.operation.as_deref() == Some(call.target)).count();
        if sent != caught + 1 || sent != seen.log.len() {
            return Err(broken(
                3,
                format!(
                    "{} requests ({sent} to {}) for {caught} faults that each cost a request: one more is due",
                    seen.log.len(),
                    call.target
                ),
            ));
        }
    }
    Ok(())
}

/// Invariant 4: **Listings yield each item exactly once.** A listing (small pages: 25 on Linode, 1 to
/// 8 on DigitalOcean, so that it spans pages) never yields an item twice, nor one the
/// stand-in does not have; and when the set is stable (the same before and after the step,
/// in the stand-in's own state) a listing that ran to its end yielded each of its items.
fn listing(seen: &Seen<'_>) -> Result<(), Violation> {
    let Some(listing) = &seen.exec.listing else { return Ok(()) };
    let mut count: BTreeMap<&str, u32> = BTreeMap::new();
    for id in &listing.got {
        *count.entry(id).or_default() += 1;
    }
    if let Some((id, n)) = count.iter().find(|(_, n)| **n > 1) {
        return Err(broken(4, format!("{id} was yielded {n} times")));
    }
    let (before, after) = ((listing.expected)(seen.before), (listing.expected)(seen.after));
    let known: BTreeSet<&String> = before.iter().chain(&after).collect();
    if let Some(stray) = listing.got.iter().find(|id| !known.contains(id)) {
        return Err(broken(4, format!("{stray} was yielded, and the stand-in does not have it")));
    }
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    if listing.complete && sorted(&before) == sorted(&after) && sorted(&listing.got) != sorted(&before) {
        let got: BTreeSet<&String> = listing.got.iter().collect();
        let missing: Vec<&String> = before.iter().filter(|id| !got.contains(id)).collect();
        return Err(broken(4, format!("the listing ended without an error, and missed {missing:?}")));
    }
    Ok(())
}

/// Invariant 5: **No secret in `Debug` or `Display`.** Nothing the step returned or built (values,
/// pages, builders, errors: their `Debug` and `Display`), nor the clients' `Debug`, holds the
/// API tokens, a membership token seen so far (or any JWT), an upload URL's query, or a value
/// after `X-Amz-Signature=` or `X-Amz-Credential=`.
fn secrets(world: &World, seen: &Seen<'_>) -> Result<(), Violation> {
    let mut texts: Vec<String> = seen.exec.shown.clone();
    if let Some(e) = &seen.exec.error {
        texts.push(e.to_string());
        texts.push(format!("{e:?}"));
    }
    texts.push(format!("{:?}", world.lin));
    texts.push(format!("{:?}", world.dig));
    for text in &texts {
        if let Some(leak) = world.secrets.leak(text) {
            return Err(broken(5, format!("{leak} in: {}", clip(text))));
        }
    }
    Ok(())
}

/// Invariant 6: **The stand-in's state and the client's view agree.** The step changed only what it
/// may change (the ids of every other collection are the same before and after); its effect
/// is the one its result says (a create that returned `Ok` made exactly that resource, an
/// update set the value it returned, a delete removed it, a read returned what the stand-in
/// has); one that failed had its effect or not, as its faults allow: none when no request of
/// it was acted on, at most one when one was (a lost answer). And afterwards, with no faults,
/// the client reads everything the step touched or made or removed (through the facade)
/// exactly as the stand-in's own readers show it.
fn agreement(world: &World, seen: &Seen<'_>) -> Result<(), Violation> {
    let exec = seen.exec;
    for c in Collection::ALL {
        if !exec.frame.contains(&c) && seen.before.ids(c) != seen.after.ids(c) {
            let (b, a) = (seen.before.ids(c), seen.after.ids(c));
            let gone: Vec<&String> = b.difference(&a).collect();
            let new: Vec<&String> = a.difference(&b).collect();
            return Err(broken(
                6,
                format!("the step changed {c:?}, which it may not: gone {gone:?}, new {new:?}"),
            ));
        }
    }
    if let Some(effect) = &exec.effect {
        let acted = |target: &str| seen.acted(target);
        let delayed = seen.fired().iter().any(|k| matches!(k, Kind::DelayBelow | Kind::DelayAbove));
        let e = Effects { before: seen.before, after: seen.after, acted: &acted, delayed };
        effect(&e).map_err(|d| broken(6, format!("{d} (it ended {})", outcome(exec))))?;
    }
    let mut touched = exec.touched.clone();
    for c in &exec.frame {
        let (b, a) = (seen.before.ids(*c), seen.after.ids(*c));
        for id in b.symmetric_difference(&a) {
            let res = match c {
                Collection::LinodeImages => Res::LinodeImage(id.clone()),
                Collection::Groups => Res::Group(id.parse().unwrap_or(0)),
                Collection::Shares | Collection::Members => {
                    let (g, rest) = id.split_once('/').unwrap_or(("0", id));
                    let g = g.parse().unwrap_or(0);
                    if *c == Collection::Shares {
                        Res::Share(g, rest.to_string())
                    } else {
                        Res::Member(g, rest.to_string())
                    }
                }
                Collection::Tokens => Res::Token(id.clone()),
                Collection::DoImages => Res::DoImage(id.parse().unwrap_or(0)),
                Collection::Actions => {
                    let action: u64 = id.parse().unwrap_or(0);
                    let image =
                        seen.before.action(action).or(seen.after.action(action)).and_then(|a| a.resource_id);
                    Res::Action(image.unwrap_or(0), action)
                }
            };
            if !touched.contains(&res) {
                touched.push(res);
            }
        }
    }
    for res in &touched {
        agree(world, res).map_err(|d| broken(6, format!("{res:?}: {d}")))?;
    }
    Ok(())
}

/// One resource, read through the facade (no faults now) and by the stand-in's reader.
fn agree(world: &World, res: &Res) -> Result<(), String> {
    fn same<T: PartialEq + std::fmt::Debug>(api: Result<T, Error>, reader: Option<T>) -> Result<(), String> {
        match (api, reader) {
            (Ok(a), Some(b)) if a == b => Ok(()),
            (Ok(a), Some(b)) => Err(format!("the client reads {a:?}, the stand-in has {b:?}")),
            (Ok(a), None) => Err(format!("the client reads {a:?}, the stand-in has nothing")),
            (Err(e), None) if e.is_not_found() => Ok(()),
            (Err(e), b) => Err(format!("the client's read failed ({e}); the stand-in has {b:?}")),
        }
    }
    let (lin, dig) = (&world.lin, &world.dig);
    match res {
        Res::LinodeImage(id) => same(lin.images().get(id), world.linode.image(id)),
        Res::Group(id) => {
            same(lin.sharegroups().get(*id), world.linode.sharegroups().into_iter().find(|g| g.id == *id))
        }
        Res::Share(group, _) => {
            let listed: Result<Vec<_>, Error> = lin.sharegroups().images(*group).list().iter().collect();
            let exists = world.linode.sharegroups().iter().any(|g| g.id == *group);
            same(listed, exists.then(|| world.linode.sharegroup_images(*group)))
        }
        Res::Member(group, uuid) => same(
            lin.sharegroups().members(*group).get(uuid.as_str()),
            world.linode.sharegroup_members(*group).into_iter().find(|m| m.token_uuid == *uuid),
        ),
        Res::Token(uuid) => same(
            lin.sharegroups().tokens().get(uuid.as_str()),
            world.linode.membership_tokens().into_iter().find(|t| t.token_uuid == *uuid),
        ),
        Res::DoImage(id) => same(dig.images().get(*id), world.digitalocean.image(id)),
        Res::Action(image, action) => same(
            dig.images().actions(*image).get(*action),
            world
                .digitalocean
                .actions()
                .into_iter()
                .find(|a| a.id == *action && a.resource_id == Some(*image)),
        ),
    }
}

/// `Ok`, or the error with its kind and status.
pub fn outcome(exec: &Exec) -> String {
    match &exec.error {
        None => "Ok".to_string(),
        Some(e) => format!(
            "Err({:?}, status {:?}, {} attempts: {})",
            e.kind(),
            e.status(),
            e.attempts(),
            clip(&e.to_string())
        ),
    }
}

fn clip(text: &str) -> String {
    if text.chars().count() > 300 {
        format!("{}…", text.chars().take(300).collect::<String>())
    } else {
        text.to_string()
    }
}
