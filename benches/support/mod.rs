//! Shared pieces of the benchmarks: a fast keep-alive HTTP/1.1 server on 127.0.0.1 serving canned
//! bodies (and a PUT sink that counts and discards), a counting allocator, and peak RSS.
//!
//! The server is the same for the library and for the raw baseline, so their ratio is fair.

#![allow(dead_code)]

pub mod tls;

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their peak.
pub struct CountingAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator; only adds bookkeeping.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

/// Starts a new peak measurement at the current live size.
pub fn reset_heap_peak() {
    PEAK.store(LIVE.load(Ordering::Relaxed), Ordering::Relaxed);
}

/// The peak of live heap bytes since the last reset.
pub fn heap_peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// Resets the kernel's peak resident set size of this process (Linux `clear_refs` 5).
pub fn reset_rss_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident set size in bytes (`VmHWM`), 0 where unknown.
pub fn rss_peak() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or(0, |kb| kb * 1024)
}

pub fn mib(bytes: impl Into<u64>) -> f64 {
    bytes.into() as f64 / (1024.0 * 1024.0)
}

/// CPU time (user + system) of the calling thread so far, from `/proc/thread-self/stat` (clock
/// ticks of 10 ms); zero where unknown.
pub fn thread_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // The fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0)).collect();
    let ticks = fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Runs `f` and returns its result with the elapsed time.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let out = f();
    (out, start.elapsed())
}

/// What the server answers: `(status, body)` for a method and request target.
pub type Route = dyn Fn(&str, &str) -> (u16, Arc<Vec<u8>>) + Send + Sync;

pub struct BenchServer {
    pub port: u16,
    /// Bytes of request bodies received (the PUT sink).
    pub received: Arc<AtomicU64>,
    /// TCP connections accepted (a warm client opens one and keeps it).
    pub connections: Arc<AtomicU64>,
}

impl BenchServer {
    pub fn start(route: impl Fn(&str, &str) -> (u16, Arc<Vec<u8>>) + Send + Sync + 'static) -> BenchServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(AtomicU64::new(0));
        let connections = Arc::new(AtomicU64::new(0));
        let route: Arc<Route> = Arc::new(route);
        let (counter, accepted) = (received.clone(), connections.clone());
        std::thread::spawn(move || {
            for conn in listener.incoming().flatten() {
                accepted.fetch_add(1, Ordering::Relaxed);
                let (route, counter) = (route.clone(), counter.clone());
                std::thread::spawn(move || {
                    let _ = conn.set_nodelay(true);
                    serve(BufReader::with_capacity(256 * 1024, conn), &*route, &counter)
                });
            }
        });
        BenchServer { port, received, connections }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

/// Answers requests on one connection until it closes: bodies are counted and discarded.
pub fn serve<S: Read + Write>(mut reader: BufReader<S>, route: &Route, received: &AtomicU64) {
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let (method, target) =
            (parts.next().unwrap_or("").to_string(), parts.next().unwrap_or("").to_string());
        let mut len = 0u64;
        let mut expect_continue = false;
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                len = v.trim().parse().unwrap_or(0);
            }
            if let Some((k, v)) = h.split_once(':')
                && k.eq_ignore_ascii_case("expect")
            {
                // curl -T asks, then waits a second for an answer before sending anyway.
                expect_continue = v.trim().eq_ignore_ascii_case("100-continue");
            }
        }
        if expect_continue {
            let w = reader.get_mut();
            if w.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").and_then(|()| w.flush()).is_err() {
                return;
            }
        }
        // Discard the body, counting it.
        let mut left = len;
        while left > 0 {
            let buf = match reader.fill_buf() {
                Ok(b) if !b.is_empty() => b,
                _ => return,
            };
            let n = buf.len().min(left as usize);
            reader.consume(n);
            left -= n as u64;
        }
        received.fetch_add(len, Ordering::Relaxed);
        let (status, body) = route(&method, &target);
        let head = format!(
            "HTTP/1.1 {status} OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        // Two writes (no copy of the body: it would count in the heap figures); no Nagle delay.
        let writer = reader.get_mut();
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(&body))
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}

/// The raw baseline's own model of a Linode image: the same fields, written by hand (no
/// generated code), as a user of plain ureq + serde_json would.
#[allow(dead_code)]
#[derive(serde::Deserialize)]
pub struct RawImage {
    id: String,
    label: String,
    description: Option<String>,
    created: String,
    updated: Option<String>,
    created_by: String,
    deprecated: bool,
    is_public: bool,
    size: u64,
    total_size: Option<u64>,
    status: String,
    #[serde(rename = "type")]
    type_: String,
    vendor: Option<String>,
    eol: Option<String>,
    expiry: Option<String>,
    #[serde(default)]
    capabilities: Vec<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    regions: Vec<RawRegion>,
    is_shared: Option<serde_json::Value>,
    image_sharing: Option<serde_json::Value>,
}

#[allow(dead_code)]
#[derive(serde::Deserialize)]
pub struct RawRegion {
    region: String,
    status: String,
}

/// A Linode list page, for the raw baseline.
#[allow(dead_code)]
#[derive(serde::Deserialize)]
pub struct RawPage {
    pub data: Vec<RawImage>,
    pub page: u64,
    pub pages: u64,
    results: u64,
}

/// A realistic Linode image object with a given id.
pub fn linode_image_json(id: &str) -> String {
    format!(
        r#"{{"id":"{id}","label":"Debian 12","description":"Debian 12 (bookworm) with cloud-init","created":"2023-06-12T15:18:25","updated":"2023-06-12T15:18:25","created_by":"linode","deprecated":false,"is_public":true,"size":1300,"total_size":2726297600,"status":"available","type":"manual","vendor":"Debian","eol":"2028-06-30T04:00:00","expiry":null,"capabilities":["cloud-init","distributed-sites"],"tags":[],"regions":[{{"region":"us-east","status":"available"}},{{"region":"us-mia","status":"available"}}],"is_shared":false,"image_sharing":null}}"#
    )
}

/// A Linode list page of `size` images.
pub fn linode_page_json(page: u64, pages: u64, size: usize) -> Vec<u8> {
    let items: Vec<String> =
        (0..size).map(|i| linode_image_json(&format!("linode/img-{page}-{i}"))).collect();
    format!(
        r#"{{"data":[{}],"page":{page},"pages":{pages},"results":{}}}"#,
        items.join(","),
        pages as usize * size
    )
    .into_bytes()
}

/// Reads all of `r`, returning the byte count (for sinks).
pub fn drain(mut r: impl Read) -> u64 {
    std::io::copy(&mut r, &mut std::io::sink()).unwrap_or(0)
}

/// Prints one result line: name, value, unit.
pub fn report(name: &str, value: f64, unit: &str) {
    println!("{name:<58} {value:>14.2} {unit}");
}
