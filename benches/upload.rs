//! Benchmarks 3 and 4: streaming uploads and on-the-fly compression, against baselines measured
//! in the same run on the same files and the same local PUT sink.
//!
//! 3. Upload a pre-compressed file: the library (`images().upload_to`) vs a raw ureq `PUT` and
//!    vs `curl -T`; throughput and the process's peak resident memory, at 256 MiB and 1 GiB.
//! 4. Compress a raw disk image for upload: the library's compression phase vs `gzip -1`.
//!
//! `cargo bench --bench upload` (add `-- quick` for 64 MiB and 256 MiB files).

mod support;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cloud_images::linode::{Client, CreateUpload, UploadPhase, UploadSource};
use flate2::{Compression, write::GzEncoder};
use support::*;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

const MIB: u64 = 1024 * 1024;

/// A plausible raw disk: a boot sector, text-like blocks, random (already compressed) blocks and
/// long runs of zeros, in a deterministic pattern.
fn write_raw_image(path: &Path, size: u64) {
    let mut out = BufWriter::with_capacity(MIB as usize, File::create(path).unwrap());
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut block = vec![0u8; MIB as usize];
    let text = b"Welcome to Debian GNU/Linux 12 (bookworm)! /usr/lib/systemd/system/ssh.service ";
    for i in 0..size / MIB {
        match i % 4 {
            0 => block.fill(0),
            1 => block.iter_mut().enumerate().for_each(|(j, b)| *b = text[j % text.len()]),
            2 => block.iter_mut().for_each(|b| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                *b = seed as u8;
            }),
            _ => block
                .iter_mut()
                .enumerate()
                .for_each(|(j, b)| *b = if j % 4096 < 512 { (j / 7) as u8 } else { 0 }),
        }
        if i == 0 {
            block[510] = 0x55;
            block[511] = 0xAA;
        }
        out.write_all(&block).unwrap();
    }
    out.into_inner().unwrap().sync_all().unwrap();
}

/// A gzip file of exactly `size` bytes or a little more: random data at level 1 (incompressible).
fn write_gzip_file(path: &Path, size: u64) {
    let mut gz = GzEncoder::new(BufWriter::new(File::create(path).unwrap()), Compression::fast());
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut block = vec![0u8; MIB as usize];
    for _ in 0..size / MIB {
        for chunk in block.chunks_mut(8) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            chunk.copy_from_slice(&seed.to_le_bytes());
        }
        gz.write_all(&block).unwrap();
    }
    let out = gz.finish().unwrap();
    out.into_inner().unwrap().sync_all().unwrap(); // no writeback during the measurements
}

fn raw_put(url: &str, path: &Path) {
    let agent = ureq::Agent::config_builder().http_status_as_error(false).build().new_agent();
    let len = std::fs::metadata(path).unwrap().len();
    let mut file = File::open(path).unwrap();
    let resp = agent
        .put(url)
        .header("content-type", "application/octet-stream")
        .header("content-length", len.to_string())
        .send(ureq::SendBody::from_reader(&mut file))
        .unwrap();
    assert_eq!(resp.status(), 200);
}

fn curl_put(url: &str, path: &Path) -> Option<Duration> {
    let start = Instant::now();
    let status = Command::new("curl")
        .args(["-sS", "-o", "/dev/null", "-H", "Content-Type: application/octet-stream", "-T"])
        .arg(path)
        .arg(url)
        .status()
        .ok()?;
    status.success().then(|| start.elapsed())
}

fn mbps(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / MIB as f64 / d.as_secs_f64()
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let sizes: Vec<u64> = if quick { vec![64 * MIB, 256 * MIB] } else { vec![256 * MIB, 1024 * MIB] };
    let rounds = if quick { 3 } else { 5 };
    let dir = std::env::temp_dir().join(format!("cloud-images-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = Cleanup(dir.clone());

    // One local server: the API stand-in answers the upload create; every PUT goes to the sink.
    let slot: Arc<Mutex<String>> = Arc::new(Mutex::new(String::new()));
    let sink_url = slot.clone();
    let image = linode_image_json("private/7000001")
        .replace(r#""status":"available""#, r#""status":"pending_upload""#);
    let server = BenchServer::start(move |method, _| match method {
        "POST" => {
            let body = format!(
                r#"{{"image":{image},"upload_to":"{}/sink?signature=bench"}}"#,
                sink_url.lock().unwrap()
            );
            (200, Arc::new(body.into_bytes()))
        }
        _ => (200, Arc::new(b"{}".to_vec())),
    });
    *slot.lock().unwrap() = server.url();
    let sink = format!("{}/sink?signature=bench", server.url());
    let client = Client::builder().token("bench-token").base_url(server.url()).build().unwrap();

    println!(
        "machine: {} cores; local PUT sink on 127.0.0.1 (keep-alive, discards bodies); release build",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    println!();
    println!("3. uploading a pre-compressed file to a local PUT sink");
    println!("   ({rounds} rounds; each round runs the three in a rotated order; medians)");
    for &size in &sizes {
        let path = dir.join(format!("image-{}.img.gz", size / MIB));
        write_gzip_file(&path, size);
        let len = std::fs::metadata(&path).unwrap().len();
        let mut times: [Vec<Duration>; 3] = Default::default();
        let (mut lib_rss, mut raw_rss) = (0u64, 0u64);
        for round in 0..rounds {
            for k in 0..3 {
                match (k + round) % 3 {
                    0 => {
                        reset_rss_peak();
                        let before = server.received.load(std::sync::atomic::Ordering::Relaxed);
                        let (r, d) = timed(|| client.images().upload_to(&sink, UploadSource::file(&path)));
                        r.unwrap();
                        assert_eq!(server.received.load(std::sync::atomic::Ordering::Relaxed) - before, len);
                        times[0].push(d);
                        lib_rss = lib_rss.max(rss_peak());
                    }
                    1 => {
                        reset_rss_peak();
                        times[1].push(timed(|| raw_put(&sink, &path)).1);
                        raw_rss = raw_rss.max(rss_peak());
                    }
                    _ => {
                        if let Some(d) = curl_put(&sink, &path) {
                            times[2].push(d);
                        }
                    }
                }
            }
        }
        let [lib, raw, curl] = times.map(|t| median(&t));
        let (lib, raw) = (lib.unwrap(), raw.unwrap());
        let label = format!("{} MiB file", size / MIB);
        report(&format!("   {label}: library upload_to"), mbps(len, lib), "MiB/s");
        report(&format!("   {label}: raw ureq PUT"), mbps(len, raw), "MiB/s");
        if let Some(curl) = curl {
            report(&format!("   {label}: curl -T"), mbps(len, curl), "MiB/s");
        }
        let faster = curl.map_or(raw, |c| c.min(raw));
        report(
            &format!("   {label}: ratio library / faster baseline (goal >= 0.9)"),
            faster.as_secs_f64() / lib.as_secs_f64(),
            "",
        );
        report(&format!("   {label}: peak RSS of this process, library upload"), mib(lib_rss), "MiB");
        report(&format!("   {label}: peak RSS of this process, raw PUT"), mib(raw_rss), "MiB");
        std::fs::remove_file(&path).unwrap();
    }

    println!();
    let size = *sizes.last().unwrap();
    println!("4. compressing a raw {} MiB disk image for upload", size / MIB);
    let raw_path = dir.join("disk.img");
    write_raw_image(&raw_path, size);
    // The library: time of its compression phase, from the progress callback, in a real upload.
    let marks: Arc<Mutex<Vec<(UploadPhase, u64, Instant)>>> = Arc::new(Mutex::new(Vec::new()));
    let seen = marks.clone();
    reset_rss_peak();
    let started = Instant::now();
    client
        .images()
        .upload(CreateUpload::new("bench", "us-east"))
        .progress(move |p| seen.lock().unwrap().push((p.phase, p.done, Instant::now())))
        .file(&raw_path)
        .unwrap();
    let upload_rss = rss_peak();
    let marks = marks.lock().unwrap();
    let compressing: Vec<_> = marks.iter().filter(|m| m.0 == UploadPhase::Compressing).collect();
    let compressed_at = compressing.last().unwrap().2;
    let lib = compressed_at - started;
    let sent = marks.iter().filter(|m| m.0 == UploadPhase::Uploading).map(|m| m.1).max().unwrap_or(0);
    // The baseline: gzip -1 on the same file.
    let gz_out = dir.join("disk.img.gz");
    let gzip = {
        let start = Instant::now();
        let out = File::create(&gz_out).unwrap();
        let ok =
            Command::new("gzip").args(["-1", "-c"]).arg(&raw_path).stdout(out).status().map(|s| s.success());
        ok.ok().filter(|ok| *ok).map(|_| start.elapsed())
    };
    report("   library (flate2 fast, into a temp file): throughput", mbps(size, lib), "MiB/s of raw input");
    report("   library: compressed size / raw size", sent as f64 / size as f64, "");
    if let Some(g) = gzip {
        let gz_len = std::fs::metadata(&gz_out).unwrap().len();
        report("   gzip -1 -c: throughput", mbps(size, g), "MiB/s of raw input");
        report("   gzip -1: compressed size / raw size", gz_len as f64 / size as f64, "");
        report("   ratio library / gzip -1 throughput", g.as_secs_f64() / lib.as_secs_f64(), "");
    }
    report("   peak RSS of this process during compress + upload", mib(upload_rss), "MiB");
}

fn median(xs: &[Duration]) -> Option<Duration> {
    let mut v = xs.to_vec();
    v.sort();
    v.get(v.len() / 2).copied()
}

/// Removes the benchmark's files, however it ends.
struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
