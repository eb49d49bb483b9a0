//! Shrinking a failing run: the same seed-drawn steps, re-run from fresh stand-ins with some
//! removed (delta debugging, Zeller's ddmin, removing chunks then single steps), keeping a
//! removal whenever the same invariant still breaks. What is left is a shortest sequence that
//! reproduces it, as far as removal of steps can tell.

use crate::plan::Step;
use crate::runner::{self, Failure};

/// At most this many re-runs (each starts fresh stand-ins and runs up to the failure).
const MAX_RUNS: u32 = 600;

/// The shortest list of steps found that still breaks `failure`'s invariant, and its
/// failure. `steps` ends with the step that failed.
pub fn shrink(steps: &[Step], failure: Box<Failure>) -> (Vec<Step>, Box<Failure>, u32) {
    let invariant = failure.violation.invariant;
    let mut runs = 0;
    let fails = |candidate: &[Step], runs: &mut u32| -> Option<Box<Failure>> {
        *runs += 1;
        match runner::run(candidate) {
            Err(f) if f.violation.invariant == invariant => Some(f),
            _ => None,
        }
    };
    let mut current: Vec<Step> = steps.to_vec();
    let mut best = failure;
    let mut chunks = 2usize;
    while current.len() >= 2 && runs < MAX_RUNS {
        let size = current.len().div_ceil(chunks);
        let mut removed = false;
        let mut start = 0;
        while start < current.len() && runs < MAX_RUNS {
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
