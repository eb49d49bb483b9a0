//! Proxies: set on the builder or taken from the environment, through a local recording proxy.
//! Clients read the environment when they are built, and the tests here change it: each runs in
//! its own process (`alone::in_own_process`), with no proxy variable set to begin with.

use crate::{alone, common, tls_support};

use cloud_images::{ErrorKind, RetryPolicy, linode};
use common::{LINODE_IMAGE, Reply, Server};
use tls_support::{Ca, RecordingProxy, TlsServer};

const TOKEN: &str = "tok-proxy-5ecret-5ecret";
const PROXY_VARS: [&str; 6] =
    ["ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];

/// Removes every proxy variable from this process's environment.
fn no_proxy_vars() {
    for var in PROXY_VARS {
        set(var, None);
    }
}

fn set(name: &str, value: Option<&str>) {
    // SAFETY: every test here runs alone in its own process, so no other thread reads the
    // environment.
    unsafe {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
}

fn get_image(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::GetImage::new("private/12345"))
}

/// A TLS server for `api.example.test`, and a proxy that sends every tunnel to it: the client
/// asks for a name no resolver knows, so only the proxy can have reached it.
fn example_test_api() -> (Ca, TlsServer, RecordingProxy) {
    let ca = Ca::new("cloud-images test CA");
    let server =
        TlsServer::start(&ca.server_cert(&["api.example.test"]), |_| (200, LINODE_IMAGE.to_string()));
    let port = server.port;
    let proxy = RecordingProxy::start(move |_| format!("127.0.0.1:{port}"));
    (ca, server, proxy)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn https_through_the_builder_proxy_is_a_connect_tunnel_the_proxy_cannot_read() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let ca = Ca::new("cloud-images test CA");
    let server = TlsServer::start(&ca.server_cert(&["127.0.0.1"]), |_| (200, LINODE_IMAGE.to_string()));
    let proxy = RecordingProxy::start(|target| target.to_string());
    let client = linode::Client::builder()
        .token(TOKEN)
        .base_url(server.url())
        .add_root_certificate_pem(&ca.pem)
        .proxy(proxy.url())
        .build()
        .unwrap();
    assert_eq!(get_image(&client).unwrap().id, "private/12345");

    let log = proxy.log();
    assert_eq!(log.requests, [format!("CONNECT 127.0.0.1:{} HTTP/1.1", server.port)]);
    assert!(log.bytes.len() > 1000, "the handshake and the request went through the tunnel");
    assert!(!contains(&log.bytes, TOKEN), "the token crossed the proxy in clear");
    assert!(!contains(&log.bytes, "private%2F12345") && !contains(&log.bytes, "gold-master"));
    let seen = server.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].target, "/v4/images/private%2F12345");
    assert_eq!(seen[0].headers["authorization"], format!("Bearer {TOKEN}"), "the API did get it");
}

#[test]
fn plain_http_goes_through_the_same_tunnel_where_the_proxy_sees_everything() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let server = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let proxy = RecordingProxy::start(|target| target.to_string());
    let client =
        linode::Client::builder().token(TOKEN).base_url(server.url()).proxy(proxy.url()).build().unwrap();
    assert_eq!(get_image(&client).unwrap().label.as_deref(), Some("gold-master"));
    let log = proxy.log();
    assert_eq!(log.requests, [format!("CONNECT 127.0.0.1:{} HTTP/1.1", server.port)]);
    // What the https test asserts absent is really there when nothing encrypts it.
    assert!(contains(&log.bytes, "GET /v4/images/private%2F12345 HTTP/1.1"));
    assert!(contains(&log.bytes, TOKEN));
    assert_eq!(server.seen()[0].target, "/v4/images/private%2F12345");
}

#[test]
fn the_builder_proxy_wins_over_the_environment_and_carries_uploads_too() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let (ca, server, proxy) = example_test_api();
    for var in ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY"] {
        set(var, Some("http://127.0.0.1:9")); // nothing listens there
    }
    let client = linode::Client::builder()
        .token(TOKEN)
        .base_url("https://api.example.test")
        .add_root_certificate_pem(&ca.pem)
        .proxy(proxy.url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    assert_eq!(get_image(&client).unwrap().id, "private/12345");
    // An empty gzip stream: header, one empty final block, CRC and size 0.
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let url = "https://api.example.test/bucket/image.gz?X-Amz-Signature=s";
    client.images().upload_to(url, linode::UploadSource::reader(&gz[..], gz.len() as u64)).unwrap();

    let log = proxy.log();
    assert_eq!(log.requests, ["CONNECT api.example.test:443 HTTP/1.1"; 2]);
    assert!(!contains(&log.bytes, TOKEN));
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!((seen[0].method.as_str(), seen[0].headers["host"].as_str()), ("GET", "api.example.test"));
    assert_eq!(
        (seen[1].method.as_str(), seen[1].target.as_str()),
        ("PUT", "/bucket/image.gz?X-Amz-Signature=s")
    );
    assert_eq!(seen[1].body, gz);
    assert_eq!(seen[1].headers.get("authorization"), None);
}

#[test]
fn proxies_from_the_environment_still_apply_to_remote_hosts() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let (ca, server, proxy) = example_test_api();
    set("HTTPS_PROXY", Some(&proxy.url()));
    let client = linode::Client::builder()
        .token(TOKEN)
        .base_url("https://api.example.test")
        .add_root_certificate_pem(&ca.pem)
        .build()
        .unwrap();
    assert_eq!(get_image(&client).unwrap().id, "private/12345");
    assert_eq!(proxy.log().requests, ["CONNECT api.example.test:443 HTTP/1.1"]);
    assert_eq!(server.seen().len(), 1);
}

#[test]
fn no_proxy_connects_directly() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let server = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let proxy = RecordingProxy::start(|target| target.to_string());
    let client =
        linode::Client::builder().base_url(server.url()).proxy(proxy.url()).no_proxy().build().unwrap();
    get_image(&client).unwrap();
    assert!(proxy.log().requests.is_empty());
    assert_eq!(server.count(), 1);
}

#[test]
fn a_dead_builder_proxy_is_a_transport_error_and_a_bad_url_fails_at_build() {
    if !alone::in_own_process() {
        return;
    }
    no_proxy_vars();
    let server = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let client = linode::Client::builder()
        .base_url(server.url())
        .proxy("http://127.0.0.1:9")
        .no_retries()
        .build()
        .unwrap();
    let err = get_image(&client).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err:?}");
    assert_eq!(server.count(), 0, "never around the proxy it was told to use");

    for bad in ["not a url", "ftp://proxy:21", "socks5://proxy:1080", "https://proxy:443", "http://"] {
        let err = linode::Client::builder().proxy(bad).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}");
        assert!(err.to_string().contains("proxy url"), "{err}");
    }
    let builder = linode::Client::builder().proxy("ftp://alice:pa55word@proxy:21");
    assert!(!format!("{builder:?}").contains("pa55word"), "{builder:?}");
    let err = builder.build().unwrap_err();
    assert!(!err.to_string().contains("pa55word"), "{err}");
}
