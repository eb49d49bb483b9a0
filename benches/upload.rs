//! Benchmarks 3 and 4: streaming uploads and on-the-fly compression, against baselines measured
//! in the same run on the same files and the same local PUT sink.
//!
//! 3. Upload a pre-compressed file: the library (`images().upload_to`) vs raw ureq `PUT`s with
//!    several output buffer sizes (the size each body read and socket write takes) and vs
//!    `curl -T`; throughput and the process's peak resident memory, at 256 MiB and 1 GiB, over
//!    plain HTTP and (3b) over HTTPS to a rustls sink (`curl --cacert` with the same CA).
//! 4. Compress a raw disk image for upload: the library's compression phase vs `gzip -1`.
//!
//! `cargo bench --bench upload` (add `-- quick` for 256 MiB only and 3 rounds; add `plain`,
//! `tls` or `compress` to run only those sections).

mod support;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cloud_images::linode::{Client, CreateUpload, UploadPhase, UploadSource};
use flate2::{Compression, write::GzEncoder};
use support::tls::TlsSink;
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

/// ureq's output buffer sizes tried on the raw side (ureq's default is 128 KiB).
const BUFFERS: [usize; 4] = [128 << 10, 512 << 10, 1 << 20, 4 << 20];

/// A raw ureq agent set up as the library's upload agent (no redirects, a stall timeout on each
/// read and write), with a given output buffer, and the CA's roots for the TLS sink.
fn raw_agent(output_buffer: usize, ca_pem: Option<&str>) -> ureq::Agent {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_per_read(Some(Duration::from_secs(60)))
        .timeout_per_write(Some(Duration::from_secs(60)))
        .output_buffer_size(output_buffer);
    let config = match ca_pem {
        Some(pem) => {
            use ureq::tls::{Certificate, RootCerts, TlsConfig};
            let ca = Certificate::from_pem(pem.as_bytes()).unwrap().to_owned();
            config.tls_config(TlsConfig::builder().root_certs(RootCerts::from([ca])).build())
        }
        None => config,
    };
    config.build().new_agent()
}

fn raw_put(agent: &ureq::Agent, url: &str, path: &Path) {
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

fn curl_put(url: &str, path: &Path, ca: Option<&Path>) -> Option<Duration> {
    let start = Instant::now();
    let mut cmd = Command::new("curl");
    cmd.args(["-sS", "-o", "/dev/null", "-H", "Content-Type: application/octet-stream", "-T"]).arg(path);
    if let Some(ca) = ca {
        cmd.arg("--cacert").arg(ca);
    }
    let status = cmd.arg(url).status().ok()?;
    status.success().then(|| start.elapsed())
}

fn mbps(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / MIB as f64 / d.as_secs_f64()
}

/// One uploader in a comparison: its name and one timed upload (`None`: not available).
type Side<'a> = (String, Box<dyn Fn() -> Option<Duration> + 'a>);

/// Runs every side once per round, in an order rotated each round (so load and drift fall on
/// all sides alike), and prints min / median / max throughput and peak RSS per side.
fn compare(title: &str, len: u64, rounds: usize, sides: &[Side<'_>]) {
    println!("{title}");
    println!("   ({rounds} rounds, each runs the {} sides in a rotated order)", sides.len());
    let mut times = vec![Vec::new(); sides.len()];
    let mut rss = vec![0u64; sides.len()];
    let mut cpu = vec![Vec::new(); sides.len()];
    for round in 0..rounds {
        for k in 0..sides.len() {
            let i = (k + round) % sides.len();
            reset_rss_peak();
            let cpu_before = thread_cpu();
            if let Some(d) = (sides[i].1)() {
                times[i].push(d);
                cpu[i].push(thread_cpu() - cpu_before);
                rss[i] = rss[i].max(rss_peak());
            }
        }
    }
    println!(
        "   {:<46} {:>27}   {:>12}   {:>14}",
        "side", "MiB/s min / median / max", "peak RSS", "MiB/CPU-second"
    );
    for (i, (name, _)) in sides.iter().enumerate() {
        let mut t = times[i].clone();
        if t.is_empty() {
            println!("   {name:<46} (not available)");
            continue;
        }
        t.sort();
        let (min, mid, max) = (mbps(len, t[t.len() - 1]), mbps(len, t[t.len() / 2]), mbps(len, t[0]));
        let child = name.starts_with("curl");
        let rss = if child { "(child)".to_string() } else { format!("{:.1} MiB", mib(rss[i])) };
        // The uploading thread's own CPU time (not the sink's): median over the rounds.
        let mut c = cpu[i].clone();
        c.sort();
        let per_cpu = match c.get(c.len() / 2) {
            Some(c) if !child && !c.is_zero() => format!("{:.0}", mbps(len, *c)),
            _ => "-".to_string(),
        };
        println!("   {name:<46} {min:>7.0} / {mid:>7.0} / {max:>7.0}   {rss:>12}   {per_cpu:>14}");
    }
    println!();
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "quick");
    let only = |section: &str| {
        let picked: Vec<&String> =
            args.iter().filter(|a| ["plain", "tls", "compress"].contains(&a.as_str())).collect();
        picked.is_empty() || picked.iter().any(|a| *a == section)
    };
    let sizes: Vec<u64> = if quick { vec![256 * MIB] } else { vec![256 * MIB, 1024 * MIB] };
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
    let tls = TlsSink::start();
    let ca_path = dir.join("ca.pem");
    std::fs::write(&ca_path, &tls.ca_pem).unwrap();
    let tls_client = Client::builder()
        .token("bench-token")
        .base_url(server.url())
        .add_root_certificate_pem(&tls.ca_pem)
        .build()
        .unwrap();

    println!(
        "machine: {} cores; local PUT sinks on 127.0.0.1 (keep-alive, discard bodies; TLS: rustls); release build",
        std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
    );
    println!();
    let kib = |b: usize| if b >= 1 << 20 { format!("{} MiB", b >> 20) } else { format!("{} KiB", b >> 10) };
    for &size in &sizes {
        let path = dir.join(format!("image-{}.img.gz", size / MIB));
        write_gzip_file(&path, size);
        let len = std::fs::metadata(&path).unwrap().len();
        let path = path.as_path();
        for (scheme, url, lib, ca) in [
            ("plain", sink.as_str(), &client, None),
            ("tls", tls.url().as_str(), &tls_client, Some(ca_path.as_path())),
        ] {
            if !only(scheme) {
                continue;
            }
            let counter = if ca.is_some() { tls.received.clone() } else { server.received.clone() };
            let mut sides: Vec<Side<'_>> = vec![(
                "library upload_to".to_string(),
                Box::new(|| {
                    let before = counter.load(std::sync::atomic::Ordering::Relaxed);
                    let (r, d) = timed(|| lib.images().upload_to(url, UploadSource::file(path)));
                    r.unwrap();
                    assert_eq!(counter.load(std::sync::atomic::Ordering::Relaxed) - before, len);
                    Some(d)
                }),
            )];
            for buffer in BUFFERS {
                let agent = raw_agent(buffer, ca.map(|_| tls.ca_pem.as_str()));
                sides.push((
                    format!("raw ureq PUT, output_buffer_size {}", kib(buffer)),
                    Box::new(move || Some(timed(|| raw_put(&agent, url, path)).1)),
                ));
            }
            sides.push((
                format!("curl -T{}", if ca.is_some() { " --cacert (OpenSSL)" } else { "" }),
                Box::new(move || curl_put(url, path, ca)),
            ));
            let title = match ca {
                None => format!("3. uploading a {} MiB gzip file to a local PUT sink over HTTP", size / MIB),
                Some(_) => format!("3b. the same over HTTPS (rustls sink, {} MiB)", size / MIB),
            };
            compare(&title, len, rounds, &sides);
        }
        std::fs::remove_file(path).unwrap();
    }

    if !only("compress") {
        return;
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

/// Removes the benchmark's files, however it ends.
struct Cleanup(PathBuf);

impl Drop for Cleanup {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
