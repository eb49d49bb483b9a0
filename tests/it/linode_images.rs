//! The Linode facade, `client.images()`, as its users call it, against local servers: the exact
//! request each method sends (method, path, query, headers, body) and what it returns; lazy
//! pagination; X-Filter; streamed uploads (compression, exact Content-Length, no token, checked
//! status, retries only from rewindable sources, limits before any request); waiting.

use std::collections::HashMap;
use std::io::{self, BufRead, BufReader, Cursor, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use cloud_images::linode::types::{ApiVersion, ImageRegionStatus, ImageStatus};
use cloud_images::linode::{Client, CreateUpload, Filter, Order, UploadPhase, UploadProgress, UploadSource};
use cloud_images::{ErrorKind, RetryPolicy};
use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use httpmock::prelude::*;
use httpmock::{HttpMockRequest, HttpMockResponse};
use serde_json::{Value, json};

const TOKEN: &str = "linode-facade-token-0123456789abcdef";
const USER_AGENT: &str = concat!("cloud-images/", env!("CARGO_PKG_VERSION"));
const IMAGE: &str = include_str!("../fixtures/linode_facade/image_private.json");
const UPLOAD_CREATED: &str = include_str!("../fixtures/linode_facade/upload_created.json");
/// A pre-signed query, percent-encoding included: it must reach object storage unchanged.
const SIGNED_QUERY: &str =
    "Signature=bX1Jp2P6iBgJn3S8c%2Fq0RzP9S%2Fo%3D&Expires=1719914402&AccessKeyID=SANITIZED";
const UPLOAD_PATH: &str = "/linode-production-machine-images/uploads/private/34567";
const POLL: Duration = Duration::from_millis(10);

// ---------------------------------------------------------------------------------------------
// helpers

/// Retries on, but with millisecond waits.
fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).retry_policy(fast_retries(3)).build().unwrap()
}

fn fast_retries(n: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(n)
        .base_delay(Duration::from_millis(1))
        .max_wait(Duration::from_millis(5))
}

fn image_json(id: &str, status: &str) -> Value {
    let mut v: Value = serde_json::from_str(IMAGE).unwrap();
    v["id"] = json!(id);
    v["status"] = json!(status);
    v
}

fn with_regions(mut v: Value, regions: &[(&str, &str)]) -> Value {
    v["regions"] = regions.iter().map(|(r, s)| json!({"region": r, "status": s})).collect();
    v
}

fn page_json(page: u64, pages: u64, ids: &[&str]) -> Value {
    json!({
        "data": ids.iter().map(|id| image_json(id, "available")).collect::<Vec<_>>(),
        "page": page,
        "pages": pages,
        "results": pages * ids.len() as u64,
    })
}

fn reply(status: u16, body: &Value) -> HttpMockResponse {
    HttpMockResponse::builder()
        .status(status)
        .header("content-type", "application/json")
        .body(body.to_string())
        .build()
}

/// Answers the n-th call with `replies[n]`, then repeats the last one.
fn in_turn(replies: Vec<(u16, Value)>) -> impl Fn(&HttpMockRequest) -> HttpMockResponse + Send + Sync {
    let n = AtomicUsize::new(0);
    move |_| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        let (status, body) = replies.get(i).or(replies.last()).unwrap();
        reply(*status, body)
    }
}

fn not_found() -> Value {
    json!({"errors": [{"reason": "Not found"}]})
}

/// The headers of every API call.
fn api_call(when: httpmock::When) -> httpmock::When {
    when.header("authorization", format!("Bearer {TOKEN}"))
        .header("user-agent", USER_AGENT)
        .header("accept", "application/json")
}

fn ids(items: &[cloud_images::linode::types::Image]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    GzDecoder::new(bytes).read_to_end(&mut out).unwrap();
    out
}

fn gzip_best(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// A file in a directory of this test's own, removed on drop.
struct TestFile(PathBuf);

impl TestFile {
    fn new(name: &str, contents: &[u8]) -> TestFile {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "cloud-images-linode-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, contents).unwrap();
        TestFile(path)
    }
}

impl Drop for TestFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Deterministic disk-like data, generated as it is read (never held whole): every fourth
/// 4 KiB block is pseudo-random, the others repeat a line naming the block.
struct Pattern {
    len: u64,
    pos: u64,
    block: Vec<u8>,
}

const BLOCK: u64 = 4096;

impl Pattern {
    fn new(len: u64) -> Pattern {
        Pattern { len, pos: 0, block: Vec::with_capacity(BLOCK as usize) }
    }

    fn fill(index: u64, block: &mut Vec<u8>) {
        block.clear();
        if index.is_multiple_of(4) {
            let mut x = index.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
            while block.len() < BLOCK as usize {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                block.extend_from_slice(&x.to_le_bytes());
            }
        } else {
            let line = format!("block {index:010} of a deterministic disk image\n");
            while block.len() < BLOCK as usize {
                block.extend_from_slice(line.as_bytes());
            }
        }
        block.truncate(BLOCK as usize);
    }

    fn bytes(len: u64) -> Vec<u8> {
        let mut out = Vec::new();
        Pattern::new(len).read_to_end(&mut out).unwrap();
        out
    }
}

impl Read for Pattern {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len || buf.is_empty() {
            return Ok(0);
        }
        let index = self.pos / BLOCK;
        let offset = (self.pos % BLOCK) as usize;
        if offset == 0 || self.block.is_empty() {
            Pattern::fill(index, &mut self.block);
        }
        let n = buf.len().min(BLOCK as usize - offset).min((self.len - self.pos) as usize);
        buf[..n].copy_from_slice(&self.block[offset..offset + n]);
        self.pos += n as u64;
        Ok(n)
    }
}

/// A source that claims a huge length and counts the bytes taken from it (never allocated).
struct Huge {
    first: [u8; 2],
    taken: Arc<AtomicU64>,
}

impl Read for Huge {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let at = self.taken.load(Ordering::SeqCst);
        if at > 1024 * 1024 {
            // Fail fast, rather than stream gigabytes, if the client ignores the limits.
            return Err(io::Error::other("the huge source was read past its first MiB"));
        }
        for (i, b) in buf.iter_mut().enumerate() {
            *b = self.first.get(at as usize + i).copied().unwrap_or(0);
        }
        self.taken.fetch_add(buf.len() as u64, Ordering::SeqCst);
        Ok(buf.len())
    }
}

/// One `PUT` as object storage saw it.
#[derive(Clone, Debug)]
struct Put {
    query: Option<String>,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

type Puts = Arc<Mutex<Vec<Put>>>;

type MakeSource<'a> = Box<dyn Fn() -> UploadSource<'static> + 'a>;

/// A `PUT` mock at `UPLOAD_PATH` that records each request and answers `statuses` in turn (the
/// last one repeats). It only matches what object storage accepts: the octet-stream type, a
/// Content-Length, no chunked encoding, and no Authorization header.
fn object_storage<'a>(server: &'a MockServer, statuses: Vec<u16>) -> (httpmock::Mock<'a>, Puts) {
    let puts: Puts = Arc::default();
    let seen = puts.clone();
    let n = AtomicUsize::new(0);
    let mock = server.mock(|when, then| {
        when.method(PUT)
            .path(UPLOAD_PATH)
            .header("content-type", "application/octet-stream")
            .header_exists("content-length")
            .header_missing("authorization")
            .header_missing("transfer-encoding");
        then.respond_with(move |req| {
            let headers = req
                .headers()
                .iter()
                .map(|(k, v)| (k.as_str().to_ascii_lowercase(), v.to_str().unwrap().to_string()))
                .collect();
            seen.lock().unwrap().push(Put {
                query: req.uri().query().map(str::to_string),
                headers,
                body: req.body_vec(),
            });
            let i = n.fetch_add(1, Ordering::SeqCst);
            let status = *statuses.get(i).or(statuses.last()).unwrap();
            let body =
                if status < 300 { String::new() } else { "<Error><Code>InternalError</Code></Error>".into() };
            HttpMockResponse::builder().status(status).body(body).build()
        });
    });
    (mock, puts)
}

/// The `POST /v4/images/upload` mock, whose `upload_to` points at `upload_to`.
fn create_upload_mock<'a>(server: &'a MockServer, upload_to: &str) -> httpmock::Mock<'a> {
    let mut created: Value = serde_json::from_str(UPLOAD_CREATED).unwrap();
    created["upload_to"] = json!(upload_to);
    server.mock(|when, then| {
        api_call(when)
            .method(POST)
            .path("/v4/images/upload")
            .header("content-type", "application/json")
            .json_body(json!({"label": "alpine-3-20-custom", "region": "us-east"}));
        then.status(200).header("content-type", "application/json").json_body(created);
    })
}

fn upload_url(server: &MockServer) -> String {
    format!("{}?{SIGNED_QUERY}", server.url(UPLOAD_PATH))
}

fn request() -> CreateUpload {
    CreateUpload::new("alpine-3-20-custom", "us-east")
}

/// Checks one recorded `PUT`: the signed query unchanged, the exact length, the user agent.
fn assert_put_headers(put: &Put) {
    assert_eq!(put.query.as_deref(), Some(SIGNED_QUERY));
    assert_eq!(put.headers.get("content-length"), Some(&put.body.len().to_string()));
    assert_eq!(put.headers.get("content-type").map(String::as_str), Some("application/octet-stream"));
    assert_eq!(put.headers.get("user-agent").map(String::as_str), Some(USER_AGENT));
    assert!(!put.headers.contains_key("authorization"), "{:?}", put.headers);
    assert!(!put.headers.contains_key("transfer-encoding"), "{:?}", put.headers);
}

// ---------------------------------------------------------------------------------------------
// get, create, update, delete, replicate

#[test]
fn get_sends_the_id_as_one_encoded_segment_and_decodes_the_image() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        api_call(when).method(GET).path("/v4/images/private%2F12345").is_true(|r| r.body_ref().is_empty());
        then.status(200).header("content-type", "application/json").body(IMAGE);
    });
    let image = client(&server).images().get("private/12345").unwrap();
    get.assert_calls(1);
    assert_eq!(image.id, "private/12345");
    assert_eq!(image.label.as_deref(), Some("gold-master"));
    assert_eq!(image.description.as_deref(), Some("nginx and the app user, sshd hardened"));
    assert_eq!(image.status, Some(ImageStatus::Available));
    assert_eq!(image.size, Some(2520));
    assert_eq!(image.total_size, Some(5_284_823_040));
    assert_eq!(image.tags, ["prod", "web"]);
    assert_eq!(image.regions.len(), 1);
    assert_eq!(image.regions[0].region.as_deref(), Some("us-east"));
    assert_eq!(image.regions[0].status, Some(ImageRegionStatus::Available));
}

#[test]
fn every_call_uses_the_client_api_version() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4beta/images/linode%2Fdebian12");
        then.status(200).json_body(image_json("linode/debian12", "available"));
    });
    let list = server.mock(|when, then| {
        when.method(GET).path("/v4beta/images");
        then.status(200).json_body(page_json(1, 1, &["linode/debian12"]));
    });
    let client =
        Client::builder().base_url(server.base_url()).api_version(ApiVersion::V4beta).build().unwrap();
    assert_eq!(client.images().get("linode/debian12").unwrap().id, "linode/debian12");
    assert_eq!(client.images().list().iter().count(), 1);
    let listing = client.images().list();
    assert_eq!((&listing).into_iter().count(), 1);
    assert_eq!(listing.into_iter().count(), 1);
    get.assert_calls(1);
    list.assert_calls(3);
}

#[test]
fn get_404_is_an_api_error() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F404");
        then.status(404).json_body(not_found());
    });
    let e = client(&server).images().get("private/404").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api);
    assert!(e.is_not_found());
    assert_eq!(e.messages(), ["Not found"]);
}

#[test]
fn create_sends_disk_label_and_options() {
    let server = MockServer::start();
    let full = server.mock(|when, then| {
        api_call(when).method(POST).path("/v4/images").header("content-type", "application/json").json_body(
            json!({
                "disk_id": 123456,
                "label": "gold-master",
                "description": "base image",
                "tags": ["prod", "web"],
                "cloud_init": true,
            }),
        );
        then.status(200).json_body(image_json("private/12345", "creating"));
    });
    let image = client(&server)
        .images()
        .create(123_456, "gold-master")
        .description("base image")
        .tags(["prod", "web"])
        .cloud_init(true)
        .send()
        .unwrap();
    full.assert_calls(1);
    assert_eq!(image.id, "private/12345");
    assert_eq!(image.status, Some(ImageStatus::Creating));

    let minimal = server.mock(|when, then| {
        when.method(POST).path("/v4/images").json_body(json!({"disk_id": 7, "label": "plain"}));
        then.status(200).json_body(image_json("private/7", "creating"));
    });
    assert_eq!(client(&server).images().create(7, "plain").send().unwrap().id, "private/7");
    minimal.assert_calls(1);
}

#[test]
fn update_sends_only_what_is_set_and_empty_tags_as_an_empty_list() {
    let server = MockServer::start();
    let mut updated = image_json("private/12345", "available");
    updated["label"] = json!("new");
    updated["tags"] = json!([]);
    let put = server.mock(|when, then| {
        api_call(when)
            .method(PUT)
            .path("/v4/images/private%2F12345")
            .header("content-type", "application/json")
            .body(r#"{"label":"new","tags":[]}"#);
        then.status(200).json_body(updated);
    });
    let image = client(&server)
        .images()
        .update("private/12345")
        .label("new")
        .tags(Vec::<String>::new())
        .send()
        .unwrap();
    put.assert_calls(1);
    assert_eq!(image.label.as_deref(), Some("new"));
    assert!(image.tags.is_empty());

    let described = server.mock(|when, then| {
        when.method(PUT).path("/v4/images/private%2F12345").body(r#"{"description":"golden"}"#);
        then.status(200).json_body(image_json("private/12345", "available"));
    });
    client(&server).images().update("private/12345").description("golden").send().unwrap();
    described.assert_calls(1);
}

#[test]
fn delete_sends_delete_and_accepts_an_empty_object() {
    let server = MockServer::start();
    let delete = server.mock(|when, then| {
        api_call(when).method(DELETE).path("/v4/images/private%2F12345").is_true(|r| r.body_ref().is_empty());
        then.status(200).header("content-type", "application/json").body("{}");
    });
    client(&server).images().delete("private/12345").unwrap();
    delete.assert_calls(1);

    // A 204 with no body is a success too, not a decoding error.
    let no_content = server.mock(|when, then| {
        when.method(DELETE).path("/v4/images/private%2F204");
        then.status(204);
    });
    client(&server).images().delete("private/204").unwrap();
    no_content.assert_calls(1);

    let gone = server.mock(|when, then| {
        when.method(DELETE).path("/v4/images/private%2F404");
        then.status(404).json_body(not_found());
    });
    assert!(client(&server).images().delete("private/404").unwrap_err().is_not_found());
    gone.assert_calls(1);
}

#[test]
fn replicate_sends_the_region_list() {
    let server = MockServer::start();
    let replicated = with_regions(
        image_json("private/12345", "available"),
        &[("us-east", "available"), ("us-mia", "pending replication")],
    );
    let post = server.mock(|when, then| {
        api_call(when)
            .method(POST)
            .path("/v4/images/private%2F12345/regions")
            .header("content-type", "application/json")
            .body(r#"{"regions":["us-east","us-mia"]}"#);
        then.status(200).json_body(replicated);
    });
    let image = client(&server).images().replicate("private/12345", ["us-east", "us-mia"]).unwrap();
    post.assert_calls(1);
    assert_eq!(image.regions[1].region.as_deref(), Some("us-mia"));
    assert_eq!(image.regions[1].status, Some(ImageRegionStatus::PendingReplication));
}

#[test]
fn replicate_to_no_region_is_refused_before_sending() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let e = client(&server).images().replicate("private/12345", Vec::<String>::new()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("no region"), "{e}");
    let e = client(&server).images().replicate("private/12345", [""]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

// ---------------------------------------------------------------------------------------------
// listing and filters

#[test]
fn list_send_fetches_one_page_with_its_query_and_filter() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        api_call(when)
            .method(GET)
            .path("/v4/images")
            .query_param("page", "2")
            .query_param("page_size", "25")
            .query_param_count(".*", ".*", 2)
            .header("x-filter", r#"{"is_public":false}"#)
            .is_true(|r| r.body_ref().is_empty());
        then.status(200).json_body(page_json(2, 3, &["private/3", "private/4"]));
    });
    let got = client(&server)
        .images()
        .list()
        .page(2)
        .page_size(25)
        .filter(Filter::eq("is_public", false))
        .send()
        .unwrap();
    page.assert_calls(1);
    assert_eq!((got.page, got.pages, got.total), (2, Some(3), Some(6)));
    assert_eq!(ids(&got.items), ["private/3", "private/4"]);

    // Nothing set: no page, no filter, and the largest page size.
    let bare = server.mock(|when, then| {
        when.method(GET)
            .path("/v4/images")
            .query_param_missing("page")
            .query_param("page_size", "500")
            .header_missing("x-filter");
        then.status(200).json_body(page_json(1, 1, &["linode/debian12"]));
    });
    assert_eq!(client(&server).images().list().send().unwrap().items.len(), 1);
    bare.assert_calls(1);
}

/// Three pages, each its own mock, all asserting the same page size and filter.
fn three_pages(server: &MockServer) -> [httpmock::Mock<'_>; 3] {
    let pages = [["private/1", "private/2"], ["private/3", "private/4"], ["private/5", "private/6"]];
    let mut mocks = Vec::new();
    for (i, page_ids) in pages.iter().enumerate() {
        let n = i as u64 + 1;
        mocks.push(server.mock(|when, then| {
            let when = api_call(when)
                .method(GET)
                .path("/v4/images")
                .query_param("page_size", "25")
                .header("x-filter", r#"{"label":{"+contains":"private"}}"#);
            // The first page is the request `send()` sends: no page number.
            match n {
                1 => when.query_param_missing("page"),
                n => when.query_param("page", n.to_string()),
            };
            then.status(200).json_body(page_json(n, 3, page_ids));
        }));
    }
    match mocks.try_into() {
        Ok(mocks) => mocks,
        Err(_) => unreachable!(),
    }
}

#[test]
fn iter_is_lazy_one_request_per_page_and_leaves_the_builder_alone() {
    let server = MockServer::start();
    let [p1, p2, p3] = three_pages(&server);
    let client = client(&server);
    let list = client.images().list().page_size(25).filter(Filter::contains("label", "private"));

    let mut items = list.iter();
    p1.assert_calls(0); // nothing sent before the first `next`
    let first_two: Vec<_> = items.by_ref().take(2).map(Result::unwrap).collect();
    assert_eq!(ids(&first_two), ["private/1", "private/2"]);
    p1.assert_calls(1);
    p2.assert_calls(0);
    p3.assert_calls(0);
    drop(items);

    // The same builder again: it starts over from page 1 and walks all three pages.
    let all: Vec<_> = list.iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), ["private/1", "private/2", "private/3", "private/4", "private/5", "private/6"]);
    p1.assert_calls(2);
    p2.assert_calls(1);
    p3.assert_calls(1);
}

#[test]
fn iter_take_two_sends_exactly_one_request() {
    let server = MockServer::start();
    let [p1, p2, p3] = three_pages(&server);
    let client = client(&server);
    let list = client.images().list().page_size(25).filter(Filter::contains("label", "private"));
    assert_eq!(list.iter().take(2).filter(Result::is_ok).count(), 2);
    assert_eq!(p1.calls() + p2.calls() + p3.calls(), 1);
    assert_eq!(list.iter().count(), 6);
    assert_eq!(p1.calls() + p2.calls() + p3.calls(), 4);
}

#[test]
fn iter_starts_at_the_page_set() {
    let server = MockServer::start();
    let [p1, p2, p3] = three_pages(&server);
    let client = client(&server);
    let rest: Vec<_> = client
        .images()
        .list()
        .page(2)
        .page_size(25)
        .filter(Filter::contains("label", "private"))
        .iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(ids(&rest), ["private/3", "private/4", "private/5", "private/6"]);
    p1.assert_calls(0);
    p2.assert_calls(1);
    p3.assert_calls(1);
}

#[test]
fn iter_stops_when_the_server_repeats_a_page() {
    let server = MockServer::start();
    // A server that ignores `page` and always answers page 1 of 3.
    let any_page = server.mock(|when, then| {
        when.method(GET).path("/v4/images");
        then.status(200).json_body(page_json(1, 3, &["private/1", "private/2"]));
    });
    let all: Vec<_> = client(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), ["private/1", "private/2"]);
    any_page.assert_calls(2);
}

#[test]
fn iter_never_asks_beyond_the_smallest_page_count_seen() {
    // `pages` grows with every page: without a bound this would never end.
    let server = MockServer::start();
    let growing = server.mock(|when, then| {
        when.method(GET).path("/v4/images");
        then.respond_with(|req| {
            let page: u64 = req
                .query_params()
                .into_iter()
                .find(|(k, _)| k == "page")
                .map_or(Some(1), |(_, v)| v.parse().ok()) // the first page has no number
                .unwrap();
            // Capped, so that a client without the bound fails here instead of hanging.
            reply(200, &page_json(page, (page + 1).min(10), &[&format!("private/{page}")]))
        });
    });
    let all: Vec<_> = client(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), ["private/1", "private/2"]);
    growing.assert_calls(2);

    // `pages` shrinks: 5, then 2; page 3 is never asked for.
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param_missing("page"); // as `send()` sends it
        then.status(200).json_body(page_json(1, 5, &["private/1"]));
    });
    let p2 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "2");
        then.status(200).json_body(page_json(2, 2, &["private/2"]));
    });
    let p3 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "3");
        then.status(200).json_body(page_json(3, 5, &["private/3"]));
    });
    let all: Vec<_> = client(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), ["private/1", "private/2"]);
    p1.assert_calls(1);
    p2.assert_calls(1);
    p3.assert_calls(0);
}

#[test]
fn iter_stops_on_an_empty_page() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param_missing("page"); // as `send()` sends it
        then.status(200).json_body(page_json(1, 3, &["private/1"]));
    });
    let p2 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "2");
        then.status(200).json_body(page_json(2, 3, &[]));
    });
    let p3 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "3");
        then.status(200).json_body(page_json(3, 3, &["private/3"]));
    });
    let all: Vec<_> = client(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), ["private/1"]);
    p1.assert_calls(1);
    p2.assert_calls(1);
    p3.assert_calls(0);
}

#[test]
fn iter_yields_the_first_error_then_ends_for_good() {
    let server = MockServer::start();
    let p1 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param_missing("page"); // as `send()` sends it
        then.status(200).json_body(page_json(1, 3, &["private/1"]));
    });
    let p2 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "2");
        then.status(500).json_body(json!({"errors": [{"reason": "internal error"}]}));
    });
    let p3 = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "3");
        then.status(200).json_body(page_json(3, 3, &["private/3"]));
    });
    let client = client(&server);
    let mut items = client.images().list().iter();
    assert_eq!(items.next().unwrap().unwrap().id, "private/1");
    let e = items.next().unwrap().unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    assert!(items.next().is_none());
    assert!(items.next().is_none());
    p1.assert_calls(1);
    p2.assert_calls(1);
    p3.assert_calls(0);
}

#[test]
fn bad_page_size_or_page_is_refused_before_any_request() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).json_body(page_json(1, 1, &["private/1"]));
    });
    let client = client(&server);
    for size in [0, 24, 501, 10_000] {
        let list = client.images().list().page_size(size);
        let e = list.send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{size}");
        assert_eq!(
            e.to_string(),
            format!("linode get-images: page_size must be between 25 and 500, got {size}")
        );
        let mut items = list.iter();
        assert_eq!(items.next().unwrap().unwrap_err().kind(), ErrorKind::InvalidInput);
        assert!(items.next().is_none());
    }
    let e = client.images().list().page(0).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        client.images().list().page(0).iter().next().unwrap().unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    any.assert_calls(0);

    // The bounds themselves are fine.
    client.images().list().page_size(25).send().unwrap();
    client.images().list().page_size(500).send().unwrap();
    any.assert_calls(2);
}

#[test]
fn nested_filter_is_sent_as_the_exact_x_filter_header() {
    let header = concat!(
        r#"{"+and":[{"is_public":false},"#,
        r#"{"+or":[{"label":{"+contains":"web"}},{"tags":"prod"}]},"#,
        r#"{"size":{"+gte":2500}},{"size":{"+lt":10000}},"#,
        r#"{"total_size":{"+gt":0}},{"total_size":{"+lte":5000000000}},"#,
        r#"{"vendor":{"+neq":"Debian"}}],"#,
        r#""+order_by":"label","+order":"desc"}"#
    );
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        when.method(GET).path("/v4/images").header("x-filter", header);
        then.status(200).json_body(page_json(1, 1, &["private/1"]));
    });
    let filter = Filter::and([
        Filter::eq("is_public", false),
        Filter::or([Filter::contains("label", "web"), Filter::eq("tags", "prod")]),
        Filter::gte("size", 2500),
        Filter::lt("size", 10_000),
        Filter::gt("total_size", 0),
        Filter::lte("total_size", 5_000_000_000u64),
        Filter::neq("vendor", "Debian"),
    ])
    .order_by("label", Order::Desc);
    assert_eq!(filter.to_header_value().unwrap(), header);
    client(&server).images().list().filter(filter).send().unwrap();
    page.assert_calls(1);
}

#[test]
fn raw_filters_must_be_objects() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        when.method(GET)
            .path("/v4/images")
            .header("x-filter", r#"{"deprecated":true,"+order_by":"size","+order":"asc"}"#);
        then.status(200).json_body(page_json(1, 1, &["linode/debian9"]));
    });
    let client = client(&server);
    // Raw JSON, with the typed sort order appended.
    let raw = Filter::raw(json!({"deprecated": true})).order_by("size", Order::Asc);
    assert_eq!(client.images().list().filter(raw).send().unwrap().items[0].id, "linode/debian9");
    page.assert_calls(1);
    // Any object goes through as it is.
    let anything = json!({"deprecated": true, "+order": "asc", "+order_by": "size", "x": {"+gt": 1.5}});
    let sent = Filter::raw(anything.clone()).to_header_value().unwrap();
    assert_eq!(serde_json::from_str::<Value>(&sent).unwrap(), anything);

    let any_bad = server.mock(|when, then| {
        when.method(GET).path("/v4/images").header_exists("x-filter").header_missing("x-other");
        then.status(200).json_body(page_json(1, 1, &[]));
    });
    for not_an_object in [json!([1, 2]), json!("is_public"), json!(null), json!(3)] {
        let bad = client.images().list().filter(Filter::raw(not_an_object.clone()));
        let e = bad.send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{not_an_object}");
        assert!(e.to_string().contains("JSON object"), "{e}");
        let mut items = bad.iter();
        assert_eq!(items.next().unwrap().unwrap_err().kind(), ErrorKind::InvalidInput);
        assert!(items.next().is_none());
        // Nested, too.
        let nested = Filter::and([Filter::eq("is_public", true), Filter::raw(not_an_object)]);
        assert_eq!(nested.to_header_value().unwrap_err().kind(), ErrorKind::InvalidInput);
    }
    any_bad.assert_calls(0);
}

// ---------------------------------------------------------------------------------------------
// uploads

#[test]
fn create_upload_posts_the_request_and_decodes_the_url() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        api_call(when)
            .method(POST)
            .path("/v4/images/upload")
            .header("content-type", "application/json")
            .json_body(json!({
                "label": "alpine-3-20-custom",
                "region": "us-east",
                "description": "Alpine 3.20, built with packer",
                "tags": ["alpine"],
                "cloud_init": true,
            }));
        then.status(200).header("content-type", "application/json").body(UPLOAD_CREATED);
    });
    let created = client(&server)
        .images()
        .create_upload(
            request().description("Alpine 3.20, built with packer").tags(["alpine"]).cloud_init(true),
        )
        .unwrap();
    post.assert_calls(1);
    assert_eq!(created.image.id, "private/34567");
    assert_eq!(created.image.status, Some(ImageStatus::PendingUpload));
    assert!(created.upload_to.expose().starts_with("https://us-east-1.linodeobjects.com:443/"));
    assert!(created.upload_to.expose().ends_with(SIGNED_QUERY));
}

#[test]
fn a_raw_image_is_compressed_and_put_with_an_exact_length_and_no_token() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let (put, puts) = object_storage(&server, vec![200]);
    // Raw data behind a `.gz` name: the magic decides, not the name.
    let raw = Pattern::bytes(300_000 + 17);
    let file = TestFile::new("disk.img.gz", &raw);
    let events = Arc::new(Mutex::new(Vec::<UploadProgress>::new()));
    let seen = events.clone();

    let image = client(&server)
        .images()
        .upload(request())
        .progress(move |p| seen.lock().unwrap().push(p))
        .file(&file.0)
        .unwrap();

    assert_eq!(image.id, "private/34567");
    assert_eq!(image.status, Some(ImageStatus::PendingUpload));
    create.assert_calls(1);
    put.assert_calls(1);
    let puts = puts.lock().unwrap();
    assert_put_headers(&puts[0]);
    assert_eq!(&puts[0].body[..2], [0x1f, 0x8b]);
    assert!(puts[0].body.len() < raw.len());
    assert_eq!(gunzip(&puts[0].body), raw);

    // Progress: compressing from 0 to the raw size, then uploading from 0 to the gzip size.
    let events = events.lock().unwrap();
    let compressing: Vec<_> = events.iter().filter(|p| p.phase == UploadPhase::Compressing).collect();
    let uploading: Vec<_> = events.iter().filter(|p| p.phase == UploadPhase::Uploading).collect();
    assert_eq!(events.iter().position(|p| p.phase == UploadPhase::Uploading), Some(compressing.len()));
    assert_eq!((compressing[0].done, compressing[0].total), (0, raw.len() as u64));
    assert_eq!(compressing.last().unwrap().done, raw.len() as u64);
    assert!(compressing.windows(2).all(|w| w[0].done <= w[1].done));
    let sent = puts[0].body.len() as u64;
    assert_eq!((uploading[0].done, uploading[0].total), (0, sent));
    assert_eq!((uploading.last().unwrap().done, uploading.last().unwrap().total), (sent, sent));
}

#[test]
fn a_gzip_source_is_sent_byte_for_byte() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let (put, puts) = object_storage(&server, vec![200]);
    let raw = Pattern::bytes(200_000);
    let gz = gzip_best(&raw); // not what the client's fast level would make
    // Gzip data without a `.gz` name: still not recompressed.
    let file = TestFile::new("disk.img", &gz);

    client(&server).images().upload(request()).file(&file.0).unwrap();
    client(&server).images().upload(request()).reader(Cursor::new(gz.clone()), gz.len() as u64).unwrap();
    client(&server).images().upload(request()).seekable(Cursor::new(gz.clone())).unwrap();

    create.assert_calls(3);
    put.assert_calls(3);
    for put in puts.lock().unwrap().iter() {
        assert_put_headers(put);
        assert_eq!(put.body, gz);
    }
}

#[test]
fn upload_to_prepares_and_puts_without_creating() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let (put, puts) = object_storage(&server, vec![200]);
    let raw = Pattern::bytes(100_000);
    // A seekable source read from its current position on.
    let mut cursor = Cursor::new([b"skip me".as_slice(), &raw].concat());
    cursor.set_position(7);
    client(&server).images().upload_to(upload_url(&server), UploadSource::seekable(cursor)).unwrap();
    create.assert_calls(0);
    put.assert_calls(1);
    let puts = puts.lock().unwrap();
    assert_put_headers(&puts[0]);
    assert_eq!(gunzip(&puts[0].body), raw);
}

#[test]
fn a_refused_put_is_an_upload_error_with_status_and_body() {
    let server = MockServer::start();
    create_upload_mock(&server, &upload_url(&server));
    let (put, _) = object_storage(&server, vec![500]);
    let client = Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap();
    let delete = delete_mock(&server, 200);
    let raw = Pattern::bytes(50_000);
    let e = client.images().upload(request()).reader(raw.as_slice(), raw.len() as u64).unwrap_err();
    put.assert_calls(1);
    assert_eq!(e.kind(), ErrorKind::Upload);
    assert_eq!(e.status(), Some(500));
    let api = e.api().unwrap();
    assert!(api.text().contains("InternalError") && api.details().is_empty(), "{e:?}");
    let message = e.to_string();
    assert!(message.contains("private/34567"), "{message}");
    assert!(message.contains("500"), "{message}");
    assert!(!message.contains("Signature"), "the signed query stays out of messages: {message}");
    // The image it created is deleted again, and the error says which it was.
    delete.assert_calls(1);
    assert_eq!(e.created_image(), Some("private/34567"));
    assert!(e.created_image_deleted());
    assert!(message.contains("so it was deleted again"), "{message}");

    // Not retried either: a 403 is final, whatever the policy.
    let server = MockServer::start();
    create_upload_mock(&server, &upload_url(&server));
    let (put, _) = object_storage(&server, vec![403]);
    let e = self::client(&server)
        .images()
        .upload(request())
        .reader(raw.as_slice(), raw.len() as u64)
        .unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Upload, Some(403), 1));
    put.assert_calls(1);
}

#[test]
fn a_failed_put_is_retried_from_a_file_or_a_seekable_source() {
    let raw = Pattern::bytes(80_000);
    let gz = gzip_best(&raw);
    let file = TestFile::new("disk.img.gz", &gz);
    let raw_file = TestFile::new("disk.img", &raw);
    let sources: Vec<(&str, MakeSource)> = vec![
        ("gzip file", Box::new(|| UploadSource::file(file.0.clone()))),
        ("raw file (temporary gzip file)", Box::new(|| UploadSource::file(raw_file.0.clone()))),
        ("seekable gzip", Box::new(|| UploadSource::seekable(Cursor::new(gz.clone())))),
        (
            "raw plain reader (temporary gzip file)",
            Box::new(|| UploadSource::reader(Cursor::new(raw.clone()), raw.len() as u64)),
        ),
    ];
    for (what, source) in sources {
        let server = MockServer::start();
        create_upload_mock(&server, &upload_url(&server));
        let (put, puts) = object_storage(&server, vec![503, 500, 200]);
        client(&server).images().upload(request()).source(source()).unwrap();
        put.assert_calls(3);
        let puts = puts.lock().unwrap();
        for p in puts.iter() {
            assert_put_headers(p);
            assert_eq!(p.body, puts[0].body, "{what}: every attempt sends the same bytes");
            assert_eq!(gunzip(&p.body), raw, "{what}");
        }
    }
}

#[test]
fn a_failed_put_is_not_retried_from_a_plain_gzip_reader() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let (put, _) = object_storage(&server, vec![503, 200]);
    let gz = gzip_best(&Pattern::bytes(80_000));
    let e = client(&server).images().upload(request()).reader(gz.as_slice(), gz.len() as u64).unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Upload, Some(503), 1));
    create.assert_calls(1);
    put.assert_calls(1);
}

#[test]
fn retries_stop_at_the_policy_limit() {
    let server = MockServer::start();
    create_upload_mock(&server, &upload_url(&server));
    let (put, _) = object_storage(&server, vec![502]);
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(fast_retries(2))
        .build()
        .unwrap();
    let raw = Pattern::bytes(10_000);
    let e = client.images().upload(request()).seekable(Cursor::new(raw)).unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Upload, Some(502), 3));
    put.assert_calls(3);
}

#[test]
fn sources_over_the_limits_are_refused_before_any_request() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body(UPLOAD_CREATED);
    });
    let client = client(&server);
    let cases = [
        ([0x00, 0x00], 6_000_000_001u64, "6000000000"), // raw: over 6 GB uncompressed
        ([0x1f, 0x8b], 5_000_000_001u64, "5000000000"), // gzip: over 5 GB compressed
    ];
    for (first, len, limit) in cases {
        let taken = Arc::new(AtomicU64::new(0));
        let huge = Huge { first, taken: taken.clone() };
        let e = client.images().upload(request()).reader(huge, len).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        let message = e.to_string();
        assert!(message.contains(&len.to_string()) && message.contains(limit), "{message}");
        // Only the header bytes were read: nothing was compressed.
        assert!(taken.load(Ordering::SeqCst) <= 10, "{}", taken.load(Ordering::SeqCst));
    }
    let e =
        client.images().upload_to(upload_url(&server), UploadSource::reader(io::repeat(7), 6_000_000_001));
    assert_eq!(e.unwrap_err().kind(), ErrorKind::InvalidInput);
    let e = client.images().upload(request()).reader(io::empty(), 0).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn a_source_whose_length_is_wrong_fails() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let delete = delete_mock(&server, 200);
    let (put, _) = object_storage(&server, vec![200]);
    let client = client(&server);
    let raw = Pattern::bytes(10_000);

    // Raw: found while compressing, after the image was created (which is deleted again).
    for len in [9_999, 10_001] {
        let e = client.images().upload(request()).reader(raw.as_slice(), len).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{len}: {e}");
        assert_eq!((e.created_image(), e.created_image_deleted()), (Some("private/34567"), true));
    }
    create.assert_calls(2);
    delete.assert_calls(2);

    // Gzip: found while sending; the PUT never completes.
    let gz = gzip_best(&raw);
    for len in [gz.len() as u64 - 1, gz.len() as u64 + 1] {
        let e = client.images().upload(request()).reader(gz.as_slice(), len).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{len}: {e}");
        assert_eq!(e.created_image(), Some("private/34567"));
    }
    put.assert_calls(0);
    delete.assert_calls(4);
}

#[test]
fn upload_to_must_be_an_http_url() {
    let server = MockServer::start();
    let create =
        create_upload_mock(&server, "ftp://us-east-1.linodeobjects.com/bucket/private-34567?Signature=x");
    let raw = Pattern::bytes(1_000);
    let e = client(&server).images().upload(request()).reader(raw.as_slice(), 1_000).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("private/34567"), "{e}");
    assert!(!e.to_string().contains("Signature"), "{e}");
    create.assert_calls(1);

    for url in ["file:///etc/passwd", "not a url", "/relative/path"] {
        let e =
            client(&server).images().upload_to(url, UploadSource::reader(raw.as_slice(), 1_000)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{url}");
    }
}

#[test]
fn a_missing_file_is_an_io_error_before_any_request() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(200).body(UPLOAD_CREATED);
    });
    let e = client(&server).images().upload(request()).file("/nonexistent/disk.img").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Io);
    assert!(e.to_string().contains("/nonexistent/disk.img"), "{e}");
    any.assert_calls(0);
}

/// The `DELETE /v4/images/private%2F34567` mock a failed upload sends, answering `status`.
fn delete_mock(server: &MockServer, status: u16) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        api_call(when).method(DELETE).path("/v4/images/private%2F34567").is_true(|r| r.body_ref().is_empty());
        then.status(status).header("content-type", "application/json").body(if status == 200 {
            "{}"
        } else {
            r#"{"errors":[{"reason":"Please try again later"}]}"#
        });
    })
}

/// A source that counts the bytes read from it.
struct Recording<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Recording<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::SeqCst);
        Ok(n)
    }
}

#[test]
fn a_bad_region_fails_at_the_create_step_before_anything_is_compressed() {
    let server = MockServer::start();
    let create = server.mock(|when, then| {
        api_call(when)
            .method(POST)
            .path("/v4/images/upload")
            .json_body(json!({"label": "ci", "region": "mars-1"}));
        then.status(400)
            .header("content-type", "application/json")
            .body(r#"{"errors":[{"field":"region","reason":"region is not valid"}]}"#);
    });
    let others = server.mock(|when, then| {
        when.is_true(|r| r.method() != "POST");
        then.status(599);
    });
    let read = Arc::new(AtomicU64::new(0));
    let phases = Arc::new(Mutex::new(Vec::new()));
    let seen = phases.clone();
    let len = 200 * 1024 * 1024; // never read: generating it would take a while
    let source = Recording { inner: Pattern::new(len), read: read.clone() };

    let e = client(&server)
        .images()
        .upload(CreateUpload::new("ci", "mars-1"))
        .progress(move |p| seen.lock().unwrap().push(p.phase))
        .reader(source, len)
        .unwrap_err();

    create.assert_calls(1);
    others.assert_calls(0); // no PUT, no DELETE
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(400)));
    assert_eq!(e.messages(), ["region: region is not valid"]);
    assert_eq!(e.created_image(), None);
    assert!(phases.lock().unwrap().is_empty(), "{:?}", phases.lock().unwrap());
    assert!(read.load(Ordering::SeqCst) <= 10, "{} bytes read", read.load(Ordering::SeqCst));
}

#[test]
fn the_image_is_created_before_compression_starts() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let (put, _) = object_storage(&server, vec![200]);
    let creates_at_first_compression = Arc::new(Mutex::new(None));
    let seen = creates_at_first_compression.clone();
    let raw = Pattern::bytes(100_000);
    let client = client(&server);
    client
        .images()
        .upload(request())
        .progress(|p| {
            if p.phase == UploadPhase::Compressing {
                seen.lock().unwrap().get_or_insert(create.calls());
            }
        })
        .reader(raw.as_slice(), raw.len() as u64)
        .unwrap();
    assert_eq!(*creates_at_first_compression.lock().unwrap(), Some(1));
    put.assert_calls(1);
}

#[test]
fn a_failed_upload_keeps_its_image_when_asked_to() {
    let server = MockServer::start();
    let create = create_upload_mock(&server, &upload_url(&server));
    let delete = delete_mock(&server, 200);
    let (put, _) = object_storage(&server, vec![403]);
    let raw = Pattern::bytes(20_000);
    let e = client(&server)
        .images()
        .upload(request())
        .keep_on_failure(true)
        .reader(raw.as_slice(), raw.len() as u64)
        .unwrap_err();
    create.assert_calls(1);
    put.assert_calls(1);
    delete.assert_calls(0);
    assert_eq!((e.kind(), e.status()), (ErrorKind::Upload, Some(403)));
    assert_eq!((e.created_image(), e.created_image_deleted()), (Some("private/34567"), false));
    assert!(
        e.to_string().contains("image private/34567 was created, but sending its data failed; it was kept"),
        "{e}"
    );
}

#[test]
fn a_failed_cleanup_delete_is_reported() {
    let server = MockServer::start();
    create_upload_mock(&server, &upload_url(&server));
    let delete = delete_mock(&server, 500);
    let (put, _) = object_storage(&server, vec![403]);
    let raw = Pattern::bytes(20_000);
    let e = client(&server).images().upload(request()).reader(raw.as_slice(), raw.len() as u64).unwrap_err();
    put.assert_calls(1);
    delete.assert_calls(1); // a 500 on DELETE is not retried
    // The error is the upload's; the failed delete is told in its message.
    assert_eq!((e.kind(), e.status()), (ErrorKind::Upload, Some(403)));
    assert_eq!((e.created_image(), e.created_image_deleted()), (Some("private/34567"), false));
    let message = e.to_string();
    assert!(
        message.contains("deleting it failed too") && message.contains("Please try again later"),
        "{message}"
    );
    assert!(message.contains("pending_upload until Linode deletes it after 24 h"), "{message}");
}

/// `gz` with its trailer's ISIZE replaced.
fn with_isize(gz: &[u8], isize: u32) -> Vec<u8> {
    let mut out = gz.to_vec();
    let at = out.len() - 4;
    out[at..].copy_from_slice(&isize.to_le_bytes());
    out
}

#[test]
fn a_gzip_whose_trailer_cannot_be_true_is_refused_with_no_request() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(599);
    });
    let gz = gzip_best(&Pattern::bytes(1_000));
    // 4 GiB - 1 bytes claimed by a stream whose deflate data can hold at most 1032 times its size.
    let bad = with_isize(&gz, u32::MAX);
    let file = TestFile::new("disk.img.gz", &bad);
    let client = client(&server);
    for source in [UploadSource::file(&file.0), UploadSource::seekable(Cursor::new(bad.clone()))] {
        let e = client.images().upload(request()).source(source).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        let message = e.to_string();
        assert!(message.contains("not a valid gzip stream") && message.contains("4294967295"), "{message}");
        assert!(message.contains(&(1032 * (bad.len() as u64 - 18)).to_string()), "{message}");
    }
    let e = client.images().upload_to(upload_url(&server), UploadSource::seekable(Cursor::new(bad)));
    assert_eq!(e.unwrap_err().kind(), ErrorKind::InvalidInput);

    // A header that is not gzip's, or a stream too short to be one.
    let mut method_7 = gz.clone();
    method_7[2] = 7;
    let mut reserved_flag = gz.clone();
    reserved_flag[3] = 0x20;
    for (what, bytes) in [("method", method_7), ("flags", reserved_flag), ("short", gz[..19].to_vec())] {
        let len = bytes.len() as u64;
        let e = client.images().upload(request()).reader(bytes.as_slice(), len).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{what}: {e}");
        assert!(e.to_string().contains("not a valid gzip stream"), "{what}: {e}");
    }
    any.assert_calls(0);
}

#[test]
fn the_trailer_check_passes_the_most_compressible_data() {
    let server = MockServer::start();
    create_upload_mock(&server, &upload_url(&server));
    let (put, puts) = object_storage(&server, vec![200]);
    // 64 MiB of zeros: gzip's best ratio, close to deflate's limit of 1032:1.
    let zeros = vec![0u8; 64 * 1024 * 1024];
    let gz = gzip_best(&zeros);
    assert!(zeros.len() as u64 > 1000 * gz.len() as u64, "ratio {}", zeros.len() / gz.len());
    client(&server).images().upload(request()).seekable(Cursor::new(gz.clone())).unwrap();
    put.assert_calls(1);
    assert_eq!(puts.lock().unwrap()[0].body, gz);
    // One byte more in the trailer than the bound allows is refused; the bound itself is not.
    let most = 1032 * (gz.len() as u64 - 18);
    let at_bound = with_isize(&gz, most as u32);
    client(&server).images().upload(request()).seekable(Cursor::new(at_bound)).unwrap();
    let over = with_isize(&gz, most as u32 + 1);
    let e = client(&server).images().upload(request()).seekable(Cursor::new(over)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    put.assert_calls(2);
}

/// What the streaming sink saw.
struct Sunk {
    request_line: String,
    headers: HashMap<String, String>,
    received: u64,
    inflated_len: u64,
    inflated_crc: u32,
}

/// A one-request object-storage stand-in that never holds the body: it inflates the gzip
/// stream as it arrives and keeps only its length and CRC-32.
fn streaming_sink() -> (String, JoinHandle<Sunk>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}/bucket/big?{SIGNED_QUERY}", listener.local_addr().unwrap().port());
    let handle = thread::spawn(move || {
        let (conn, _) = listener.accept().unwrap();
        conn.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
        let mut writer = conn.try_clone().unwrap();
        let mut reader = BufReader::with_capacity(64 * 1024, conn);
        let mut request_line = String::new();
        reader.read_line(&mut request_line).unwrap();
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (k, v) = line.split_once(':').unwrap();
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
        let len: u64 = headers["content-length"].parse().unwrap();
        let mut body = Counting { inner: reader.take(len), n: 0 };
        let (mut inflated_len, mut crc) = (0u64, flate2::Crc::new());
        {
            let mut gz = GzDecoder::new(&mut body);
            let mut buf = vec![0u8; 64 * 1024];
            loop {
                let n = gz.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                crc.update(&buf[..n]);
                inflated_len += n as u64;
            }
        }
        io::copy(&mut body, &mut io::sink()).unwrap();
        writer.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n").unwrap();
        Sunk { request_line, headers, received: body.n, inflated_len, inflated_crc: crc.sum() }
    });
    (url, handle)
}

struct Counting<R> {
    inner: R,
    n: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.n += n as u64;
        Ok(n)
    }
}

#[test]
fn a_64_mib_image_is_streamed() {
    const LEN: u64 = 64 * 1024 * 1024 + 12_345;
    let server = MockServer::start();
    let (url, sink) = streaming_sink();
    let create = create_upload_mock(&server, &url);
    let last = Arc::new(Mutex::new(HashMap::<&'static str, UploadProgress>::new()));
    let seen = last.clone();

    let image = client(&server)
        .images()
        .upload(request())
        .progress(move |p| {
            let phase = if p.phase == UploadPhase::Compressing { "compressing" } else { "uploading" };
            seen.lock().unwrap().insert(phase, p);
        })
        .reader(Pattern::new(LEN), LEN)
        .unwrap();
    assert_eq!(image.id, "private/34567");
    create.assert_calls(1);

    let sunk = sink.join().unwrap();
    assert_eq!(sunk.request_line.trim_end(), format!("PUT /bucket/big?{SIGNED_QUERY} HTTP/1.1"));
    assert_eq!(sunk.headers.get("content-length"), Some(&sunk.received.to_string()));
    assert_eq!(sunk.headers.get("content-type").map(String::as_str), Some("application/octet-stream"));
    assert!(!sunk.headers.contains_key("authorization"));
    assert!(!sunk.headers.contains_key("transfer-encoding"));
    let mut expected = flate2::Crc::new();
    let mut pattern = Pattern::new(LEN);
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = pattern.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        expected.update(&buf[..n]);
    }
    assert_eq!(sunk.inflated_len, LEN);
    assert_eq!(sunk.inflated_crc, expected.sum());
    assert!(sunk.received < LEN, "compressed: {} bytes", sunk.received);

    let last = last.lock().unwrap();
    assert_eq!((last["compressing"].done, last["compressing"].total), (LEN, LEN));
    assert_eq!((last["uploading"].done, last["uploading"].total), (sunk.received, sunk.received));
}

// ---------------------------------------------------------------------------------------------
// waiting

#[test]
fn wait_until_available_polls_until_the_image_is_available() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        api_call(when).method(GET).path("/v4/images/private%2F34567");
        then.respond_with(in_turn(vec![
            (200, image_json("private/34567", "pending_upload")),
            (200, image_json("private/34567", "creating")),
            (200, image_json("private/34567", "Available")), // any case
        ]));
    });
    let image = client(&server)
        .images()
        .wait_until_available("private/34567")
        .timeout(Duration::from_secs(30))
        .interval(POLL)
        .send()
        .unwrap();
    assert_eq!(image.status.as_ref().map(ImageStatus::as_str), Some("Available"));
    get.assert_calls(3);
}

#[test]
fn a_404_while_waiting_means_the_upload_failed() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F34567");
        then.respond_with(in_turn(vec![
            (200, image_json("private/34567", "pending_upload")),
            (404, not_found()),
        ]));
    });
    let e = client(&server)
        .images()
        .wait_until_available("private/34567")
        .timeout(Duration::from_secs(30))
        .interval(POLL)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.status(), Some(404));
    assert_eq!(e.last_status(), Some("pending_upload"));
    let message = e.to_string();
    assert!(message.contains("private/34567") && message.contains("upload failed or expired"), "{message}");
    get.assert_calls(2);
}

#[test]
fn waiting_times_out_with_the_last_status() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F34567");
        then.status(200).json_body(image_json("private/34567", "pending_upload"));
    });
    let e = client(&server)
        .images()
        .wait_until_available("private/34567")
        .timeout(Duration::from_millis(60))
        .interval(POLL)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(e.is_timeout());
    assert_eq!(e.last_status(), Some("pending_upload"));
    assert!(get.calls() >= 2, "{}", get.calls());

    let e = client(&server)
        .images()
        .wait_until_available("private/34567")
        .timeout(Duration::from_secs(1))
        .interval(Duration::ZERO)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[test]
fn other_errors_while_waiting_are_returned_as_they_are() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F34567");
        then.status(403).json_body(json!({"errors": [{"reason": "Unauthorized"}]}));
    });
    let e = client(&server)
        .images()
        .wait_until_available("private/34567")
        .timeout(Duration::from_secs(30))
        .interval(POLL)
        .send()
        .unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(403)));
}

#[test]
fn wait_for_replicas_waits_for_each_named_region() {
    let server = MockServer::start();
    let base = image_json("private/12345", "available");
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345");
        then.respond_with(in_turn(vec![
            (200, with_regions(base.clone(), &[("us-east", "available")])),
            (200, with_regions(base.clone(), &[("us-east", "available"), ("us-mia", "pending replication")])),
            (200, with_regions(base.clone(), &[("us-east", "available"), ("us-mia", "replicating")])),
            (
                200,
                with_regions(
                    base.clone(),
                    &[("us-east", "available"), ("us-mia", "available"), ("eu-central", "pending")],
                ),
            ),
        ]));
    });
    let image = client(&server)
        .images()
        .wait_until_replicated("private/12345", ["us-east", "us-mia"])
        .timeout(Duration::from_secs(30))
        .interval(POLL)
        .send()
        .unwrap();
    get.assert_calls(4);
    assert_eq!(image.regions.len(), 3);
    assert_eq!(image.regions[1].status, Some(ImageRegionStatus::Available));
}

#[test]
fn wait_for_replicas_times_out_or_fails_with_the_regions_status() {
    let server = MockServer::start();
    let base = image_json("private/12345", "available");
    server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345");
        then.status(200)
            .json_body(with_regions(base.clone(), &[("us-east", "available"), ("us-mia", "replicating")]));
    });
    let e = client(&server)
        .images()
        .wait_until_replicated("private/12345", ["us-east", "us-mia"])
        .timeout(Duration::from_millis(50))
        .interval(POLL)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(e.last_status(), Some("us-mia: replicating"));
    // A region the image is not in at all ends the wait sooner: tests/it/traps.rs.

    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345");
        then.status(200).json_body(with_regions(base.clone(), &[("us-mia", "timedout")]));
    });
    let e = client(&server)
        .images()
        .wait_until_replicated("private/12345", ["us-mia"])
        .timeout(Duration::from_secs(30))
        .interval(POLL)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert!(e.to_string().contains("us-mia"), "{e}");

    let e = client(&server)
        .images()
        .wait_until_replicated("private/12345", Vec::<String>::new())
        .timeout(Duration::from_secs(1))
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[test]
fn an_upload_without_a_token_is_refused_before_reading_the_source() {
    struct Untouchable;
    impl Read for Untouchable {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            panic!("the source must not be read without a token");
        }
    }
    let server = MockServer::start();
    let any = server.mock(|_, then| {
        then.status(500);
    });
    let client = Client::builder().base_url(server.base_url()).build().unwrap();
    let err = client
        .images()
        .upload(CreateUpload::new("my-image", "us-east"))
        .reader(Untouchable, 1 << 30)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("needs a linode token"), "{err}");
    any.assert_calls(0);
}
