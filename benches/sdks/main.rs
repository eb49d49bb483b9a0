//! The side-by-side with the official SDKs (`bash benches/sdks/run.sh`): one local stand-in
//! server for both APIs, the crate's side of every task, and a raw client that checks the server
//! is not the bottleneck. Not a `cargo bench` target by default (`bench = false`).
//!
//! - `sdks serve PORT_FILE`: serves Linode's and DigitalOcean's image list/get endpoints, the
//!   Linode upload create and an upload sink (`PUT /upload/..`), on 127.0.0.1 (std `TcpListener`,
//!   one thread per connection, keep-alive). Writes its port to `PORT_FILE`. Control:
//!   `GET /_bench/reset?delay_ms=50&images=2000` (sleep per request, images listed; clears the
//!   counters) and `GET /_bench/stats` (requests, page sizes asked for, the last upload's bytes,
//!   seconds and headers, as JSON).
//! - `sdks rust TASK URL [ARG]`: the crate's side (`linode-list`, `do-list` with an optional page
//!   size, `linode-get`, `do-get` with a call count, `linode-upload` with a file); prints
//!   `{"n":..,"seconds":..}`.
//! - `sdks check URL FILE`: a raw ureq client against the same server (no decoding): gets per
//!   second, listed images per second and a raw PUT of `FILE`, each with the server's own CPU
//!   time per unit (robust to the scheduler, unlike the wall time).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str).unwrap_or("");
    match arg(0) {
        "serve" => serve(arg(1)),
        "rust" => rust(arg(1), arg(2), arg(3)),
        "check" => check(arg(1), arg(2)),
        _ => {
            eprintln!("usage: sdks serve PORT_FILE | sdks rust TASK URL [ARG] | sdks check URL FILE");
            std::process::exit(2);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The stand-in server.

#[derive(Default)]
struct State {
    port: u16,
    delay_ms: AtomicU64,
    images: AtomicU64,
    requests: AtomicU64,
    /// The page sizes asked for by list requests since the last reset (`None`: not sent).
    page_sizes: Mutex<Vec<Option<u64>>>,
    last_put: Mutex<Option<Put>>,
    /// Page bodies by (provider, page, page size, images).
    pages: Mutex<HashMap<(bool, u64, u64, u64), Arc<Vec<u8>>>>,
}

struct Put {
    bytes: u64,
    seconds: f64,
    headers: Vec<(String, String)>,
}

fn serve(port_file: &str) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let state = Arc::new(State { port, ..State::default() });
    state.images.store(2000, Ordering::Relaxed);
    std::fs::write(port_file, port.to_string()).unwrap();
    for conn in listener.incoming().flatten() {
        let state = state.clone();
        std::thread::spawn(move || connection(conn, &state));
    }
}

struct Request {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn connection(conn: TcpStream, state: &State) {
    let _ = conn.set_nodelay(true);
    let mut reader = BufReader::with_capacity(256 * 1024, conn);
    loop {
        let Some(req) = read_head(&mut reader) else { return };
        if req.header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
            && reader.get_mut().write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err()
        {
            return;
        }
        let started = Instant::now();
        let Some(bytes) = read_body(&mut reader, &req) else { return };
        let seconds = started.elapsed().as_secs_f64();
        let (status, body) = route(state, &req, bytes, seconds);
        let close = req.header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"));
        let head = format!(
            "HTTP/1.1 {status} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n{}\r\n",
            if status == 200 { "OK" } else { "Not Found" },
            body.len(),
            if close { "connection: close\r\n" } else { "" }
        );
        let out = reader.get_mut();
        // One write (one segment, one system call) for small answers; a page is sent as it is.
        let sent = if body.len() <= 64 * 1024 {
            let mut whole = head.into_bytes();
            whole.extend_from_slice(&body);
            out.write_all(&whole)
        } else {
            out.write_all(head.as_bytes()).and_then(|()| out.write_all(&body))
        };
        if sent.is_err() || close {
            return;
        }
    }
}

fn read_head(reader: &mut impl BufRead) -> Option<Request> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next()?.to_string(), parts.next()?.to_string());
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            return Some(Request { method, target, headers });
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
}

/// Reads and discards the body (`Content-Length` or chunked): its length.
fn read_body(reader: &mut impl BufRead, req: &Request) -> Option<u64> {
    let chunked = req.header("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked"));
    if !chunked {
        let len: u64 = req.header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        return (skip(reader, len)? == len).then_some(len);
    }
    let mut total = 0;
    loop {
        let mut size = String::new();
        reader.read_line(&mut size).ok()?;
        let size = u64::from_str_radix(size.trim().split(';').next()?, 16).ok()?;
        skip(reader, size)?;
        let mut crlf = String::new();
        reader.read_line(&mut crlf).ok()?;
        total += size;
        if size == 0 {
            return Some(total);
        }
    }
}

/// Reads and discards `len` bytes: what is buffered, then straight from the socket in reads of
/// up to 1 MiB (`BufReader` passes reads larger than its buffer through).
fn skip(reader: &mut impl BufRead, len: u64) -> Option<u64> {
    let mut left = len;
    let mut scratch = Vec::new();
    while left > 0 {
        let buffered = reader.fill_buf().ok()?.len();
        if buffered == 0 {
            return None;
        }
        let n = buffered.min(usize::try_from(left).unwrap_or(usize::MAX));
        reader.consume(n);
        left -= n as u64;
        if left > 0 {
            scratch.resize(1 << 20, 0);
            let want = scratch.len().min(usize::try_from(left).unwrap_or(usize::MAX));
            match reader.read(&mut scratch[..want]) {
                Ok(0) | Err(_) => return None,
                Ok(n) => left -= n as u64,
            }
        }
    }
    Some(len)
}

fn query(target: &str, name: &str) -> Option<u64> {
    let q = target.split_once('?')?.1;
    q.split('&').find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')).and_then(|v| v.parse().ok())
}

fn route(state: &State, req: &Request, bytes: u64, seconds: f64) -> (u16, Arc<Vec<u8>>) {
    let path = req.target.split('?').next().unwrap_or("");
    if let Some(control) = path.strip_prefix("/_bench/") {
        return (200, Arc::new(control_answer(state, control, &req.target).into_bytes()));
    }
    state.requests.fetch_add(1, Ordering::Relaxed);
    let delay = state.delay_ms.load(Ordering::Relaxed);
    if delay > 0 {
        std::thread::sleep(Duration::from_millis(delay));
    }
    let images = state.images.load(Ordering::Relaxed);
    let port = state.port;
    let json = |s: String| (200, Arc::new(s.into_bytes()));
    match (req.method.as_str(), path) {
        ("GET", "/v4/images") => {
            let asked = query(&req.target, "page_size");
            state.page_sizes.lock().unwrap().push(asked);
            let size = asked.unwrap_or(100).clamp(25, 500);
            let page = query(&req.target, "page").unwrap_or(1).max(1);
            (200, page_body(state, true, page, size, images))
        }
        ("GET", "/v2/images") => {
            let asked = query(&req.target, "per_page");
            state.page_sizes.lock().unwrap().push(asked);
            let size = asked.unwrap_or(20).clamp(1, 200);
            let page = query(&req.target, "page").unwrap_or(1).max(1);
            (200, page_body(state, false, page, size, images))
        }
        ("POST", "/v4/images/upload") => json(format!(
            r#"{{"image":{},"upload_to":"http://127.0.0.1:{port}/upload/bucket/image?signature=bench"}}"#,
            linode_image("private/7000001", "pending_upload")
        )),
        ("PUT", p) if p.starts_with("/upload/") => {
            *state.last_put.lock().unwrap() = Some(Put { bytes, seconds, headers: req.headers.clone() });
            (200, Arc::new(Vec::new()))
        }
        ("GET", p) if p.starts_with("/v4/images/") => {
            let id = p.trim_start_matches("/v4/images/").replace("%2F", "/").replace("%2f", "/");
            json(linode_image(&id, "available"))
        }
        ("GET", p) if p.starts_with("/v2/images/") => {
            let id = p.trim_start_matches("/v2/images/").parse().unwrap_or(1);
            json(format!(r#"{{"image":{}}}"#, do_image(id)))
        }
        _ => (404, Arc::new(br#"{"errors":[{"reason":"Not found"}]}"#.to_vec())),
    }
}

fn control_answer(state: &State, control: &str, target: &str) -> String {
    if control == "reset" {
        state.delay_ms.store(query(target, "delay_ms").unwrap_or(0), Ordering::Relaxed);
        state.images.store(query(target, "images").unwrap_or(2000), Ordering::Relaxed);
        state.requests.store(0, Ordering::Relaxed);
        state.page_sizes.lock().unwrap().clear();
        *state.last_put.lock().unwrap() = None;
        return "{}".to_string();
    }
    let mut sizes = state.page_sizes.lock().unwrap().clone();
    sizes.dedup();
    let sizes: Vec<String> = sizes.iter().map(|s| s.map_or("null".to_string(), |n| n.to_string())).collect();
    let put = match &*state.last_put.lock().unwrap() {
        None => "null".to_string(),
        Some(p) => {
            let headers: Vec<String> =
                p.headers.iter().map(|(k, v)| format!("[{},{}]", json_string(k), json_string(v))).collect();
            format!(r#"{{"bytes":{},"seconds":{},"headers":[{}]}}"#, p.bytes, p.seconds, headers.join(","))
        }
    };
    format!(
        r#"{{"requests":{},"page_sizes":[{}],"put":{put},"cpu_seconds":{}}}"#,
        state.requests.load(Ordering::Relaxed),
        sizes.join(","),
        process_cpu_seconds()
    )
}

/// CPU time (user + system) of this server process so far, from `/proc/self/stat` (ticks of
/// 10 ms); 0 where unknown.
fn process_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<u64> = rest.split_whitespace().map(|f| f.parse().unwrap_or(0)).collect();
    (fields.get(11).copied().unwrap_or(0) + fields.get(12).copied().unwrap_or(0)) as f64 / 100.0
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One page (built once, then kept): Linode's `{data,page,pages,results}` or DigitalOcean's
/// `{images,links,meta}`.
fn page_body(state: &State, linode: bool, page: u64, size: u64, images: u64) -> Arc<Vec<u8>> {
    let key = (linode, page, size, images);
    if let Some(body) = state.pages.lock().unwrap().get(&key) {
        return body.clone();
    }
    let pages = images.div_ceil(size).max(1);
    let first = (page - 1) * size;
    let last = (first + size).min(images);
    let body = if linode {
        let items: Vec<String> =
            (first..last).map(|i| linode_image(&format!("private/{}", 1_000_000 + i), "available")).collect();
        format!(r#"{{"data":[{}],"page":{page},"pages":{pages},"results":{images}}}"#, items.join(","))
    } else {
        let items: Vec<String> = (first..last).map(|i| do_image(100_000_000 + i)).collect();
        let link =
            |p: u64| format!(r#""http://127.0.0.1:{}/v2/images?page={p}&per_page={size}""#, state.port);
        let mut links = Vec::new();
        if page > 1 {
            links.push(format!(r#""first":{},"prev":{}"#, link(1), link(page - 1)));
        }
        if page < pages {
            links.push(format!(r#""next":{},"last":{}"#, link(page + 1), link(pages)));
        }
        format!(
            r#"{{"images":[{}],"links":{{"pages":{{{}}}}},"meta":{{"total":{images}}}}}"#,
            items.join(","),
            links.join(",")
        )
    };
    let body = Arc::new(body.into_bytes());
    state.pages.lock().unwrap().insert(key, body.clone());
    body
}

fn linode_image(id: &str, status: &str) -> String {
    format!(
        r#"{{"id":"{id}","label":"Debian 12","description":"Debian 12 (bookworm) with cloud-init","created":"2023-06-12T15:18:25","updated":"2023-06-12T15:18:25","created_by":"linode","deprecated":false,"is_public":false,"size":1300,"total_size":2726297600,"status":"{status}","type":"manual","vendor":"Debian","eol":"2028-06-30T04:00:00","expiry":null,"capabilities":["cloud-init","distributed-sites"],"tags":[],"regions":[{{"region":"us-east","status":"available"}},{{"region":"us-mia","status":"available"}}],"is_shared":false,"image_sharing":null}}"#
    )
}

fn do_image(id: u64) -> String {
    format!(
        r#"{{"id":{id},"name":"24.04 (LTS) x64","distribution":"Ubuntu","slug":"ubuntu-24-04-x64","public":true,"regions":["ams3","blr1","fra1","lon1","nyc1","nyc3","sfo3","sgp1","syd1","tor1"],"created_at":"2024-09-02T14:05:10Z","min_disk_size":7,"type":"base","size_gigabytes":2.44,"description":"Ubuntu 24.04 x64","tags":[],"status":"available","error_message":""}}"#
    )
}

// ---------------------------------------------------------------------------------------------
// The crate's side.

fn rust(task: &str, url: &str, arg: &str) {
    use cloud_images::{digitalocean, linode};
    let number = arg.parse::<u64>().ok();
    let linode = || linode::Client::builder().token("bench-token").base_url(url).build().unwrap();
    let digitalocean = || digitalocean::Client::builder().token("bench-token").base_url(url).build().unwrap();
    let start = Instant::now();
    let n = match task {
        "linode-list" => {
            let client = linode();
            let list = client.images().list();
            let list = match number {
                Some(size) => list.page_size(size),
                None => list,
            };
            list.iter().map(|image| std::hint::black_box(image.unwrap())).count() as u64
        }
        "do-list" => {
            let client = digitalocean();
            let list = client.images().list();
            let list = match number {
                Some(size) => list.per_page(size),
                None => list,
            };
            list.iter().map(|image| std::hint::black_box(image.unwrap())).count() as u64
        }
        "linode-get" => {
            let client = linode();
            let calls = number.unwrap_or(1000);
            for i in 0..calls {
                std::hint::black_box(client.images().get(format!("private/{}", 1_000_000 + i)).unwrap());
            }
            calls
        }
        "do-get" => {
            let client = digitalocean();
            let calls = number.unwrap_or(1000);
            for i in 0..calls {
                std::hint::black_box(client.images().get(100_000_000 + i).unwrap());
            }
            calls
        }
        "linode-upload" => {
            let client = linode();
            let request = linode::CreateUpload::new("bench", "us-east");
            client.images().upload(request).file(arg).unwrap();
            1
        }
        _ => panic!("unknown task {task}"),
    };
    println!(r#"{{"n":{n},"seconds":{}}}"#, start.elapsed().as_secs_f64());
}

// ---------------------------------------------------------------------------------------------
// The raw check of the server.

fn check(url: &str, file: &str) {
    let agent: ureq::Agent = ureq::Agent::config_builder().http_status_as_error(false).build().new_agent();
    let reset = |q: &str| agent.get(format!("{url}/_bench/reset?{q}")).call().unwrap();
    let server_cpu = || {
        let stats: serde_json::Value = serde_json::from_slice(
            &agent.get(format!("{url}/_bench/stats")).call().unwrap().body_mut().read_to_vec().unwrap(),
        )
        .unwrap();
        stats["cpu_seconds"].as_f64().unwrap_or(0.0)
    };
    reset("images=100000");
    // The server's own CPU time per unit of work: what it costs whatever the scheduler does
    // with the wall time (a loopback round trip here is ~20 or ~110 us depending on placement).
    let cpu = server_cpu();
    let calls = 20_000;
    let start = Instant::now();
    for i in 0..calls {
        let mut resp = agent.get(format!("{url}/v2/images/{}", 100_000_000 + i)).call().unwrap();
        std::hint::black_box(resp.body_mut().read_to_vec().unwrap());
    }
    let gets = calls as f64 / start.elapsed().as_secs_f64();
    let get_cpu_us = (server_cpu() - cpu) * 1e6 / calls as f64;
    let cpu = server_cpu();
    let start = Instant::now();
    for _ in 0..5 {
        for page in 1..=200 {
            let mut resp = agent.get(format!("{url}/v4/images?page={page}&page_size=500")).call().unwrap();
            std::hint::black_box(resp.body_mut().with_config().limit(64 << 20).read_to_vec().unwrap());
        }
    }
    let listed = 500_000.0 / start.elapsed().as_secs_f64();
    let image_cpu_us = (server_cpu() - cpu) * 1e6 / 500_000.0;
    let len = std::fs::metadata(file).unwrap().len();
    let mut source = std::fs::File::open(file).unwrap();
    let cpu = server_cpu();
    let start = Instant::now();
    let resp = agent
        .put(format!("{url}/upload/bucket/check"))
        .header("content-length", len.to_string())
        .send(ureq::SendBody::from_reader(&mut source))
        .unwrap();
    assert_eq!(resp.status(), 200);
    let mib = len as f64 / (1 << 20) as f64;
    let put = mib / start.elapsed().as_secs_f64();
    let put_cpu = mib / (server_cpu() - cpu).max(0.01);
    println!(
        r#"{{"gets_per_s":{gets:.0},"get_cpu_us":{get_cpu_us:.1},"listed_per_s":{listed:.0},"image_cpu_us":{image_cpu_us:.2},"put_mib_per_s":{put:.0},"put_mib_per_cpu_s":{put_cpu:.0}}}"#
    );
    reset("");
}
