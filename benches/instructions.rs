//! Instructions per get-image call, library against the raw baseline: deterministic where wall
//! time on a shared machine is not. Run it with `bash benches/instructions.sh` (callgrind).

mod support;

use std::sync::Arc;

use support::{RawImage, RawPage};

#[inline(never)]
fn library_calls(client: &cloud_images::linode::Client, n: usize) {
    for i in 0..n {
        std::hint::black_box(client.images().get(format!("private/{i}")).unwrap());
    }
}

#[inline(never)]
fn raw_calls(agent: &ureq::Agent, url: &str, n: usize) {
    for i in 0..n {
        let mut resp = agent.get(format!("{url}/v4/images/private%2F{i}")).call().unwrap();
        let bytes = resp.body_mut().read_to_vec().unwrap();
        let image: RawImage = serde_json::from_slice(&bytes).unwrap();
        std::hint::black_box(image);
    }
}

#[inline(never)]
fn library_listing(client: &cloud_images::linode::Client) -> usize {
    let mut n = 0;
    for image in client.images().list().page_size(500).iter() {
        std::hint::black_box(image.unwrap());
        n += 1;
    }
    n
}

#[inline(never)]
fn raw_listing(agent: &ureq::Agent, url: &str) -> usize {
    let (mut n, mut page) = (0, 1);
    loop {
        let mut resp = agent.get(format!("{url}/v4/images?page={page}&page_size=500")).call().unwrap();
        let bytes = resp.body_mut().with_config().limit(64 << 20).read_to_vec().unwrap();
        let p: RawPage = serde_json::from_slice(&bytes).unwrap();
        for image in p.data {
            std::hint::black_box(image);
            n += 1;
        }
        if p.page >= p.pages {
            return n;
        }
        page += 1;
    }
}

fn main() {
    let body = Arc::new(support::linode_image_json("private/12345").into_bytes());
    let pages: Vec<Arc<Vec<u8>>> =
        (1..=10).map(|p| Arc::new(support::linode_page_json(p, 10, 500))).collect();
    let requests = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let seen = requests.clone();
    let server = support::BenchServer::start(move |_, target| {
        seen.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        match target.split_once("page=") {
            Some((_, rest)) => {
                let page: usize = rest.split('&').next().and_then(|p| p.parse().ok()).unwrap_or(1);
                (200, pages[page.clamp(1, pages.len()) - 1].clone())
            }
            None => (200, body.clone()),
        }
    });
    let client = cloud_images::linode::Client::builder().base_url(server.url()).build().unwrap();
    let agent = ureq::Agent::config_builder().http_status_as_error(false).build().new_agent();
    // Warm both connections, then the measured calls (callgrind counts per function).
    library_calls(&client, 10);
    raw_calls(&agent, &server.url(), 10);
    library_calls(&client, 2000);
    raw_calls(&agent, &server.url(), 2000);
    // One request per call on each side: no retry hides in the count.
    assert_eq!(requests.load(std::sync::atomic::Ordering::Relaxed), 4020);
    // 10 pages of 500 images each way.
    assert_eq!(library_listing(&client), 5000);
    assert_eq!(raw_listing(&agent, &server.url()), 5000);
}
