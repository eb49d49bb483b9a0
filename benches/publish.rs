//! Issue 20, item 3: publishing a local file to DigitalOcean through Spaces runs in constant
//! memory. Publishes a 64 MiB and a 1 GiB file (sparse, with 1 MiB of generated data in front)
//! against the DigitalOcean stand-in and its Spaces side (in this process: the stand-in's
//! reading and hashing count too), and prints the process's peak resident memory (`VmHWM`,
//! reset between the two) and the peak live heap for each, and their ratios.
//!
//! `cargo bench --bench publish` (not run by `cargo test`).

mod support;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloud_images::digitalocean::PublishImage;
use cloud_images::testing::{Clock, DigitalOceanStandIn, Seed};
use support::*;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const MIB: u64 = 1024 * 1024;

/// A file of `size` bytes: 1 MiB of generated data, then a hole (zeros, no disk blocks).
fn write_disk(path: &Path, size: u64) {
    let mut file = File::create(path).unwrap();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let head: Vec<u8> = (0..MIB)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    file.write_all(&head).unwrap();
    file.set_len(size).unwrap();
}

/// Publishes `path` once: the peak RSS, the peak heap, and the time it took.
fn publish(path: &Path) -> (u64, usize, Duration) {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    let spaces = stand_in.spaces().unwrap();
    reset_rss_peak();
    reset_heap_peak();
    let start = Instant::now();
    let published = client.images().publish(PublishImage::new("bench", "nyc3"), &spaces).file(path).unwrap();
    let took = start.elapsed();
    let (rss, heap) = (rss_peak(), heap_peak());
    let upload = &stand_in.spaces_uploads()[0];
    assert_eq!(upload.len, std::fs::metadata(path).unwrap().len());
    assert!(upload.deleted && published.left_behind.is_none());
    (rss, heap, took)
}

fn main() {
    let dir = std::env::temp_dir().join(format!("cloud-images-bench-publish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let files: Vec<(u64, PathBuf)> = [64 * MIB, 1024 * MIB]
        .into_iter()
        .map(|size| {
            let path = dir.join(format!("disk-{}m.img", size / MIB));
            write_disk(&path, size);
            (size, path)
        })
        .collect();
    println!("publish (issue 20.3): one streamed PUT to the Spaces stand-in, import, wait, delete");
    let mut results = Vec::new();
    for (size, path) in &files {
        let (rss, heap, took) = publish(path);
        let name = format!("{} MiB", size / MIB);
        report(&format!("publish {name}: peak RSS (VmHWM)"), mib(rss), "MiB");
        report(&format!("publish {name}: peak heap"), mib(heap as u64), "MiB");
        report(&format!("publish {name}: throughput"), mib(*size) / took.as_secs_f64(), "MiB/s");
        results.push((rss, heap));
    }
    if let [(rss_small, heap_small), (rss_big, heap_big)] = results[..] {
        report("peak RSS, 1 GiB / 64 MiB (16x the data)", rss_big as f64 / rss_small.max(1) as f64, "x");
        report("peak heap, 1 GiB / 64 MiB", heap_big as f64 / heap_small.max(1) as f64, "x");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
