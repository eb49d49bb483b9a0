//! Runs a list of steps on fresh stand-ins: before each, the state is read; the step's faults
//! are injected, its call made, its requests taken from the log; then every invariant is
//! checked and the clock moves on.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use cloud_images::testing::On;

use super::faults::Kind;
use super::invariants::{self, NAMES, Seen, Violation};
use super::operations;
use super::plan::{Aimed, Op, Step};
use super::world::{Collection, Snap, World};

/// What a run counted.
#[derive(Debug, Default)]
pub struct Stats {
    pub steps: u64,
    /// Operations run, by what ran (a step whose target did not exist ran the call that
    /// makes one).
    pub ops: BTreeMap<Op, u64>,
    /// Faults injected (each for one request; a `503 × n` counts `n`), by kind.
    pub planned: BTreeMap<Kind, u64>,
    /// Faults that fired (caught a request), by kind.
    pub fired: BTreeMap<Kind, u64>,
    /// Checks made, by invariant.
    pub checks: [u64; 6],
    /// Steps that ended in an error, by kind.
    pub errors: BTreeMap<String, u64>,
    /// Requests sent by the steps (not the checks).
    pub requests: u64,
    pub clock: Duration,
    pub real: Duration,
    /// Real time spent per operation (the step and its checks).
    pub op_time: BTreeMap<Op, Duration>,
    /// How many of each resource the stand-ins held at the end.
    pub sizes: Vec<(Collection, usize)>,
}

/// A run that broke an invariant.
#[derive(Debug)]
pub struct Failure {
    /// The position in the list run, and the step.
    pub at: usize,
    pub step: Step,
    pub violation: Violation,
    /// One line per step run: the step as drawn, the call as it ran, how it ended.
    pub trace: Vec<String>,
}

/// Runs `steps` on fresh stand-ins.
pub fn run(steps: &[Step]) -> Result<Stats, Box<Failure>> {
    let started = Instant::now();
    let mut world = World::start();
    let start_ms = world.now_ms();
    let mut stats = Stats::default();
    let mut trace = Vec::new();
    for (at, step) in steps.iter().enumerate() {
        let step_started = Instant::now();
        world.settle();
        world.take_requests();
        let before = Snap::take(&world);
        let op = operations::resolve(step.op, &before, &world);
        // Faults aimed at the operation ids of the call that runs (the same ones, unless the
        // step had nothing to act on and makes it instead).
        let faults: Vec<Aimed> = step
            .faults
            .iter()
            .map(|a| {
                let k = step.op.targets().iter().position(|t| *t == a.target).unwrap_or(0);
                let targets = op.targets();
                Aimed { target: targets[k % targets.len()], fault: a.fault.clone() }
            })
            .collect();
        for a in &faults {
            let injected = if a.target.contains('-') {
                world.linode.inject(On::operation(a.target), a.fault.to_fault())
            } else {
                world.digitalocean.inject(On::operation(a.target), a.fault.to_fault())
            };
            injected.expect("a known operation id");
        }
        for a in &faults {
            let (kind, n) = a.fault.kind();
            *stats.planned.entry(kind).or_default() += u64::from(n);
        }
        let t0 = world.clock.now();
        let exec = operations::run(&mut world, step, op, &before);
        let elapsed = world.clock.now().duration_since(t0).unwrap_or_default();
        let log = world.take_requests();
        world.clear_faults();
        let after = Snap::take(&world);
        if let Some((image, transfer, target)) = exec.transfer {
            let acted = log.iter().any(|r| {
                r.operation.as_deref() == Some(target) && r.status.is_some_and(|s| (200..300).contains(&s))
            });
            if exec.error.is_none() || acted {
                world.transfers.retain(|t| *t != (image, transfer));
            }
        }
        trace.push(format!("{step}\n      ran {} -> {}", exec.line, invariants::outcome(&exec)));
        *stats.ops.entry(op).or_default() += 1;
        for kind in log.iter().filter_map(|r| r.fault.as_deref().and_then(Kind::of_logged)) {
            *stats.fired.entry(kind).or_default() += 1;
        }
        if let Some(e) = &exec.error {
            *stats.errors.entry(format!("{:?}", e.kind())).or_default() += 1;
        }
        stats.requests += log.len() as u64;
        let seen = Seen { exec: &exec, faults: &faults, log: &log, elapsed, before: &before, after: &after };
        if let Err(violation) = invariants::check(&world, &seen, &mut stats.checks) {
            let requests: Vec<String> = log
                .iter()
                .map(|r| {
                    let page = r.query_param("page").map(|p| format!("?page={p}")).unwrap_or_default();
                    format!(
                        "{} {}{page} -> {:?} {}",
                        r.method,
                        r.path,
                        r.status,
                        r.fault.as_deref().unwrap_or("")
                    )
                })
                .collect();
            trace.push(format!("      its requests: {}", requests.join("; ")));
            return Err(Box::new(Failure { at, step: step.clone(), violation, trace }));
        }
        world.clock.advance(Duration::from_millis(step.advance_ms));
        stats.steps += 1;
        if stats.steps.is_multiple_of(10_000) {
            let held: Vec<String> =
                Collection::ALL.iter().map(|c| format!("{} {c:?}", after.ids(*c).len())).collect();
            eprintln!(
                "  ... {} steps, {:.0} s; held: {}",
                stats.steps,
                started.elapsed().as_secs_f64(),
                held.join(", ")
            );
        }
        *stats.op_time.entry(op).or_default() += step_started.elapsed();
    }
    stats.clock = Duration::from_millis(world.now_ms() - start_ms);
    let last = Snap::take(&world);
    stats.sizes = Collection::ALL.iter().map(|c| (*c, last.ids(*c).len())).collect();
    stats.real = started.elapsed();
    Ok(stats)
}

impl Stats {
    pub fn report(&self) -> String {
        let mut out = format!(
            "{} steps in {:.1} s ({:.1} days on the clock), {} requests by the steps\n",
            self.steps,
            self.real.as_secs_f64(),
            self.clock.as_secs_f64() / 86_400.0,
            self.requests
        );
        let sizes: Vec<String> = self.sizes.iter().map(|(c, n)| format!("{n} {c:?}")).collect();
        out.push_str(&format!("held at the end: {}\n", sizes.join(", ")));
        out.push_str("operations run:\n");
        for (op, n) in &self.ops {
            out.push_str(&format!("  {n:>7}  {}\n", op.call()));
        }
        let fired: u64 = self.fired.values().sum();
        let planned: u64 = self.planned.values().sum();
        out.push_str(&format!(
            "faults: {planned} injected, {fired} fired (caught a request; the others were aimed at a request the call did not make):\n  injected    fired\n"
        ));
        for kind in Kind::ALL {
            let n = |m: &BTreeMap<Kind, u64>| m.get(&kind).copied().unwrap_or(0);
            out.push_str(&format!("  {:>8}  {:>7}  {}\n", n(&self.planned), n(&self.fired), kind.name()));
        }
        out.push_str("steps that ended in an error, by kind:\n");
        for (kind, n) in &self.errors {
            out.push_str(&format!("  {n:>7}  {kind}\n"));
        }
        if std::env::var_os("SIMULATION_PROFILE").is_some() {
            let mut by_time: Vec<(&Op, &Duration)> = self.op_time.iter().collect();
            by_time.sort_by_key(|(_, d)| std::cmp::Reverse(**d));
            for (op, d) in by_time {
                out.push_str(&format!("  {:>8.1} ms  {}\n", d.as_secs_f64() * 1000.0, op.call()));
            }
        }
        let total: u64 = self.checks.iter().sum();
        out.push_str(&format!("invariant checks made: {total}\n"));
        for (name, n) in NAMES.iter().zip(self.checks) {
            out.push_str(&format!("  {n:>7}  {name}\n"));
        }
        out
    }
}
