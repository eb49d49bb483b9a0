//! How the tour prints: sections, numbered steps with their time, the requests a stand-in
//! answered, and aligned tables.

use std::fmt::Display;
use std::time::{Duration, Instant};

use cloud_images::testing::Request;

const INDENT: &str = "      ";

/// The tour's title.
pub fn title(text: &str, detail: &str) {
    println!("{text}");
    println!("{}", "═".repeat(text.chars().count()));
    println!("{detail}");
}

/// A provider's part of the tour.
pub fn section(name: &str, detail: &str) {
    let rule = 96usize.saturating_sub(name.chars().count() + 4);
    println!("\n━━ {name} {}", "━".repeat(rule));
    for line in detail.lines() {
        println!("   {line}");
    }
}

/// Numbered steps: `[3/8] Upload the image`.
pub struct Steps {
    done: usize,
    total: usize,
}

impl Steps {
    pub fn new(total: usize) -> Steps {
        Steps { done: 0, total }
    }

    /// Prints the step's title and starts its clock.
    pub fn start(&mut self, title: &str) -> Step {
        self.done += 1;
        println!("\n  [{}/{}] {title}", self.done, self.total);
        Step { started: Instant::now() }
    }
}

/// A step under way.
pub struct Step {
    started: Instant,
}

impl Step {
    /// Prints the outcome and how long the step took.
    pub fn done(self, outcome: impl Display) {
        println!("{INDENT}✓ {outcome}  ({})", elapsed(self.started.elapsed()));
    }
}

/// A line of a step.
pub fn say(text: impl Display) {
    println!("{INDENT}{text}");
}

/// One request a stand-in answered, as the tour shows it.
#[derive(Clone, Debug, PartialEq)]
struct Exchange {
    method: String,
    /// The path and query.
    target: String,
    status: String,
    /// What the answer said, in a few words.
    note: String,
}

impl From<Request> for Exchange {
    fn from(r: Request) -> Exchange {
        let query: Vec<String> = r.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let upload = r.operation.as_deref() == Some("object-storage-put");
        let target =
            if query.is_empty() || upload { r.path } else { format!("{}?{}", r.path, query.join("&")) };
        let status = r.status.map_or_else(|| "-".to_string(), |s| s.to_string());
        Exchange { method: r.method, target, status, note: r.note }
    }
}

/// The requests a stand-in answered (its request log), one a line; repeated identical answers
/// (polls) are counted rather than repeated.
pub fn exchanges(list: Vec<Request>) {
    let mut runs: Vec<(Exchange, usize)> = Vec::new();
    for exchange in list.into_iter().map(Exchange::from) {
        match runs.last_mut() {
            Some((last, n)) if *last == exchange => *n += 1,
            _ => runs.push((exchange, 1)),
        }
    }
    let method = runs.iter().map(|(e, _)| e.method.len()).max().unwrap_or(0);
    let target = runs.iter().map(|(e, _)| e.target.chars().count()).max().unwrap_or(0).min(64);
    for (e, n) in runs {
        let times = if n > 1 { format!("  (×{n})") } else { String::new() };
        println!(
            "{INDENT}→ {:<method$} {:<target$}  ← {} {}{times}",
            e.method,
            shorten(&e.target, 64),
            e.status,
            e.note
        );
    }
}

/// An aligned table; columns named in `right` are right-aligned.
pub fn table(headers: &[&str], rows: &[Vec<String>], right: &[&str]) {
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| rows.iter().map(|r| r[i].chars().count()).chain([h.chars().count()]).max().unwrap_or(0))
        .collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(headers)
            .map(
                |((cell, &w), h)| {
                    if right.contains(h) { format!("{cell:>w$}") } else { format!("{cell:<w$}") }
                },
            )
            .collect();
        println!("{INDENT}{}", padded.join("  ").trim_end());
    };
    line(headers.iter().map(|h| h.to_string()).collect());
    line(widths.iter().map(|&w| "─".repeat(w)).collect());
    for row in rows {
        line(row.clone());
    }
}

/// A value the server may leave out: the value, or `-` when it is missing.
pub fn or_dash<T: Display>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "-".to_string(), ToString::to_string)
}

/// `64.0 MiB`, `812 KiB`, `120 B`.
pub fn bytes(n: u64) -> String {
    const KIB: f64 = 1024.0;
    let f = n as f64;
    if f >= KIB * KIB * KIB {
        format!("{:.2} GiB", f / (KIB * KIB * KIB))
    } else if f >= KIB * KIB {
        format!("{:.1} MiB", f / (KIB * KIB))
    } else if f >= KIB {
        format!("{:.0} KiB", f / KIB)
    } else {
        format!("{n} B")
    }
}

/// `41 ms`, `1.52 s`.
pub fn elapsed(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let head: String = s.chars().take(max - 1).collect();
    format!("{head}…")
}
