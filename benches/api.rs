//! Benchmarks 1 and 2: the library against a raw baseline (ureq + serde_json by hand, no facade,
//! no generated code), on the same local server in the same run.
//!
//! `cargo bench --bench api` (add `-- quick` for a short run).

mod support;

use std::sync::Arc;
use std::time::Duration;

use support::*;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn raw_agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().new_agent()
}

fn main() {
    let quick = std::env::args().any(|a| a == "quick");
    let calls = if quick { 2_000 } else { 10_000 };
    let round = 250;
    let pages: u64 = 200;
    let page_size = 500;

    // One body per page, built before any measurement.
    let image = Arc::new(linode_image_json("private/12345").into_bytes());
    let bodies: Arc<Vec<Arc<Vec<u8>>>> =
        Arc::new((1..=pages).map(|p| Arc::new(linode_page_json(p, pages, page_size))).collect());
    let routes = bodies.clone();
    let server = BenchServer::start(move |_, target| {
        if let Some(q) = target.split_once('?').map(|(_, q)| q) {
            let page: usize = q
                .split('&')
                .find_map(|kv| kv.strip_prefix("page="))
                .and_then(|p| p.parse().ok())
                .unwrap_or(1);
            return (200, routes[(page - 1).min(routes.len() - 1)].clone());
        }
        (200, image.clone())
    });
    let url = server.url();
    let client = cloud_images::linode::Client::builder().base_url(&url).build().unwrap();
    let agent = raw_agent();

    println!("machine: {} cores; server: keep-alive HTTP/1.1 on 127.0.0.1; release build", num_cpus());
    println!();
    println!("1. get-image round trip, {calls} calls per side on a warm connection");
    println!("   (alternating rounds of {round} calls, swapping which side goes first; medians)");
    let lib_get = |n: usize| {
        for i in 0..n {
            let img = client.images().get(format!("private/{i}")).unwrap();
            std::hint::black_box(img);
        }
    };
    let raw_get = |n: usize| {
        for i in 0..n {
            let mut resp = agent.get(format!("{url}/v4/images/private%2F{i}")).call().unwrap();
            let bytes = resp.body_mut().read_to_vec().unwrap();
            let img: RawImage = serde_json::from_slice(&bytes).unwrap();
            std::hint::black_box(img);
        }
    };
    lib_get(round);
    raw_get(round);
    let connections_before = server.connections.load(std::sync::atomic::Ordering::Relaxed);
    let (lib_times, raw_times) =
        alternate(calls / round, || timed(|| lib_get(round)).1, || timed(|| raw_get(round)).1);
    let connections = server.connections.load(std::sync::atomic::Ordering::Relaxed) - connections_before;
    let per = |d: Duration| d.as_secs_f64() * 1e6 / round as f64;
    report("   library: client.images().get(id), median", per(median(&lib_times)), "us/call");
    report(
        "   raw: ureq get + serde_json into a hand-written struct, median",
        per(median(&raw_times)),
        "us/call",
    );
    report(
        "   ratio library / raw (goal <= 1.05)",
        median(&lib_times).as_secs_f64() / median(&raw_times).as_secs_f64(),
        "",
    );
    report("   new connections opened while measuring (warm: 0)", connections as f64, "");

    println!();
    println!(
        "2. listing {} images through the pager ({pages} pages of {page_size})",
        pages as usize * page_size
    );
    let lib_list = |limit: u64| {
        let mut n = 0usize;
        for img in client.images().list().page_size(page_size as u64).iter() {
            std::hint::black_box(img.unwrap());
            n += 1;
            if n as u64 >= limit * page_size as u64 {
                break;
            }
        }
        n
    };
    let raw_list = |limit: u64| {
        let mut n = 0usize;
        let mut page = 1;
        loop {
            let mut resp =
                agent.get(format!("{url}/v4/images?page={page}&page_size={page_size}")).call().unwrap();
            let bytes = resp.body_mut().with_config().limit(64 << 20).read_to_vec().unwrap();
            let p: RawPage = serde_json::from_slice(&bytes).unwrap();
            for img in p.data {
                std::hint::black_box(img);
                n += 1;
            }
            if p.page >= p.pages || page >= limit {
                break n;
            }
            page += 1;
        }
    };
    lib_list(5);
    raw_list(5);
    let rounds = if quick { 2 } else { 5 };
    let (lib_times, raw_times) = alternate(
        rounds,
        || {
            let (n, d) = timed(|| lib_list(pages));
            assert_eq!(n, pages as usize * page_size);
            d
        },
        || {
            let (n, d) = timed(|| raw_list(pages));
            assert_eq!(n, pages as usize * page_size);
            d
        },
    );
    let items = (pages as usize * page_size) as f64;
    let (lib_mid, raw_mid) = (median(&lib_times), median(&raw_times));
    report(
        "   library: images().list().page_size(500).iter(), median",
        items / lib_mid.as_secs_f64(),
        "items/s",
    );
    report("   raw: ureq + serde_json page loop, median", items / raw_mid.as_secs_f64(), "items/s");
    report(
        "   ratio library / raw items per second (goal >= 0.95)",
        raw_mid.as_secs_f64() / lib_mid.as_secs_f64(),
        "",
    );
    for limit in [20, pages] {
        reset_heap_peak();
        let base = heap_peak();
        lib_list(limit);
        let lib_peak = heap_peak() - base;
        reset_heap_peak();
        let base = heap_peak();
        raw_list(limit);
        let raw_peak = heap_peak() - base;
        report(&format!("   heap peak while listing {limit:>3} pages: library"), mib(lib_peak as u64), "MiB");
        report(&format!("   heap peak while listing {limit:>3} pages: raw"), mib(raw_peak as u64), "MiB");
    }
}

/// Runs `rounds` rounds of `a` and `b`, swapping which goes first each round, so drift on a
/// noisy machine falls on both sides alike.
fn alternate(
    rounds: usize,
    mut a: impl FnMut() -> Duration,
    mut b: impl FnMut() -> Duration,
) -> (Vec<Duration>, Vec<Duration>) {
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for r in 0..rounds {
        if r % 2 == 0 {
            xs.push(a());
            ys.push(b());
        } else {
            ys.push(b());
            xs.push(a());
        }
    }
    (xs, ys)
}

fn median(xs: &[Duration]) -> Duration {
    let mut v = xs.to_vec();
    v.sort();
    v[v.len() / 2]
}

fn num_cpus() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
}
