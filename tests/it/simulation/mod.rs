//! Invariants, not only examples (issue 18, item 9): seeded random sequences of operations,
//! all 41 through the facade (and the waits, and `add_regions`), on both stand-ins, under
//! random faults (answers dropped before and cut after the server acted, 429 with
//! `Retry-After` within and beyond `max_wait`, 503 runs within and beyond the retries, slow
//! answers below and above the call timeout, malformed bodies), on one manual clock; after
//! every step, every invariant of `invariants` is checked.
//!
//! `SIMULATION_SEED` picks the seed (decimal or `0x` hex; default a fixed one, so that
//! `cargo test` repeats itself), `SIMULATION_STEPS` the number of steps (default 2,000); to run
//! it alone: `cargo test --test it simulation::simulation -- --nocapture`. A
//! failure prints the seed, the step, the invariant and what broke it, then the shortest
//! sequence of steps found that still breaks it (one line per step: the call, its arguments,
//! its faults).
//!
//! Files: `rng` (the generator), `plan` (the steps drawn from the seed), `faults` (what can
//! go wrong and what the client survives), `world` (the stand-ins, the clients, snapshots of
//! the state, the secrets), `operations` (each call), `invariants` (the checks), `runner`
//! (one run), `shrink` (the shortest failing sequence).

mod faults;
mod invariants;
mod operations;
mod plan;
mod rng;
mod runner;
mod shrink;
mod world;

/// The seed of `cargo test`.
const DEFAULT_SEED: u64 = 0x5eed_0018_0009;
/// The steps of `cargo test`.
const DEFAULT_STEPS: usize = 2_000;

fn seed() -> u64 {
    match std::env::var("SIMULATION_SEED") {
        Ok(s) => {
            let s = s.trim();
            let parsed = match s.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => s.parse(),
            };
            parsed.unwrap_or_else(|e| panic!("SIMULATION_SEED={s:?} is not a number: {e}"))
        }
        Err(_) => DEFAULT_SEED,
    }
}

fn step_count() -> usize {
    match std::env::var("SIMULATION_STEPS") {
        Ok(s) => s.trim().parse().unwrap_or_else(|e| panic!("SIMULATION_STEPS={s:?} is not a number: {e}")),
        Err(_) => DEFAULT_STEPS,
    }
}

#[test]
fn simulation() {
    let (seed, count) = (seed(), step_count());
    println!("simulation: seed {seed:#x}, {count} steps (SIMULATION_SEED, SIMULATION_STEPS)");
    let steps = plan::steps(seed, count);
    let failure = match runner::run(&steps) {
        Ok(stats) => {
            println!("{}", stats.report());
            assert!(count == 0 || stats.steps == count as u64);
            return;
        }
        Err(failure) => failure,
    };
    let mut report = format!(
        "\nsimulation: seed {seed:#x} broke invariant \"{}\" at step {} (step {} of the list):\n  {}\n  {}\n\nthe last steps before it:\n",
        failure.violation.invariant, failure.step.index, failure.at, failure.step, failure.violation.details,
    );
    for line in failure.trace.iter().rev().take(6).rev() {
        report.push_str(&format!("  {line}\n"));
    }
    let ran = &steps[..=failure.at];
    let (shortest, last, runs) = shrink::shrink(ran, failure);
    report.push_str(&format!(
        "\nshortest sequence found that breaks it ({} of {} steps, {runs} re-runs; rerun with SIMULATION_SEED={seed:#x} SIMULATION_STEPS={}):\n",
        shortest.len(),
        ran.len(),
        ran.len(),
    ));
    for line in &last.trace {
        report.push_str(&format!("  {line}\n"));
    }
    report.push_str(&format!("  => {}\n", last.violation.details));
    panic!("{report}");
}
