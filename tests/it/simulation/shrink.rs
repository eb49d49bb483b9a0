//! Shrinking a failing run: the same seed-drawn steps, re-run from fresh stand-ins with some
//! removed, keeping a removal whenever the same invariant still breaks. First the shortest
//! tail of the run that still breaks it (1, 2, 4, ... last steps: most failures need little of
//! what came before), then delta debugging on that (Zeller's ddmin: chunks, then single
//! steps). What is left is a shortest sequence that reproduces the failure, as far as removing
//! steps can tell.

use std::time::{Duration, Instant};

use super::plan::Step;
use super::runner::{self, Failure};

/// At most this many re-runs (each starts fresh stand-ins and runs up to the failure), and at
/// most this long.
const MAX_RUNS: u32 = 600;
const MAX_TIME: Duration = Duration::from_secs(15 * 60);

/// The shortest list of steps found that still breaks `failure`'s invariant, its failure, and
/// how many re-runs it took. `steps` ends with the step that failed.
pub fn shrink(steps: &[Step], failure: Box<Failure>) -> (Vec<Step>, Box<Failure>, u32) {
    let invariant = failure.violation.invariant;
    let started = Instant::now();
    let mut runs = 0;
    let out_of_budget = |runs: u32| runs >= MAX_RUNS || started.elapsed() >= MAX_TIME;
    let fails = |candidate: &[Step], runs: &mut u32| -> Option<Box<Failure>> {
        *runs += 1;
        match runner::run(candidate) {
            Err(f) if f.violation.invariant == invariant => Some(f),
            _ => None,
        }
    };
    let mut current: Vec<Step> = steps.to_vec();
    let mut best = failure;

    // The shortest tail that still fails.
    let mut tail = 1;
    while tail < current.len() && !out_of_budget(runs) {
        let candidate = current[current.len() - tail..].to_vec();
        if let Some(f) = fails(&candidate, &mut runs) {
            current = candidate[..=f.at].to_vec();
            best = f;
            break;
        }
        tail *= 2;
    }

    // Delta debugging: remove chunks, halving them until single steps.
    let mut chunks = 2usize;
    while current.len() >= 2 && !out_of_budget(runs) {
        let size = current.len().div_ceil(chunks);
        let mut removed = false;
        let mut start = 0;
        while start < current.len() && !out_of_budget(runs) {
            let end = (start + size).min(current.len());
            let candidate: Vec<Step> = current[..start].iter().chain(&current[end..]).cloned().collect();
            if let Some(f) = (!candidate.is_empty()).then(|| fails(&candidate, &mut runs)).flatten() {
                // A failure comes at its step: what follows it is not needed.
                current = candidate[..=f.at].to_vec();
                best = f;
                removed = true;
                chunks = (chunks - 1).max(2);
                break;
            }
            start = end;
        }
        if !removed {
            if size == 1 {
                break;
            }
            chunks = (chunks * 2).min(current.len());
        }
    }
    (current, best, runs)
}
