//! The token goes only to the configured API host, and is printed nowhere.

mod common;

use std::sync::{Mutex, OnceLock};

use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};

const TOKEN: &str = "dop_v1_5ecret5ecret5ecret";

fn get_linode(client: &linode::Client, id: &str) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::GetImage::new(id))
}

#[test]
fn credentials_are_not_carried_across_a_redirect() {
    let elsewhere = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let api = Server::start(vec![Reply::Full {
        status: 302,
        headers: vec![("location".into(), format!("{}/v4/images/private%2F12345", elsewhere.url()))],
        body: Vec::new(),
    }]);
    let client = linode::Client::builder().token(TOKEN).base_url(api.url()).build().unwrap();
    let err = get_linode(&client, "private/12345").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(302));
    assert_eq!(
        api.seen()[0].headers.get("authorization").map(String::as_str),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(elsewhere.count(), 0, "the redirect target must not be called, with or without the token");
}

#[test]
fn a_token_over_plain_http_is_refused_unless_loopback_or_allowed() {
    for host in ["http://api.example.com", "http://10.1.2.3:8080"] {
        let err = linode::Client::builder().token(TOKEN).base_url(host).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains("plain http"), "{err}");
        assert!(!err.to_string().contains(TOKEN));
        let err = digitalocean::Client::builder().token(TOKEN).base_url(host).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
    // Without a token there is nothing to leak; on loopback, nothing leaves the machine.
    assert!(linode::Client::builder().base_url("http://api.example.com").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://127.0.0.1:1").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://localhost:1").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://[::1]:1").build().is_ok());
    assert!(
        linode::Client::builder()
            .token(TOKEN)
            .base_url("http://api.example.com")
            .allow_insecure_http(true)
            .build()
            .is_ok()
    );
}

#[test]
fn the_token_is_in_no_debug_or_display() {
    let server = Server::start(vec![
        // A hostile server that echoes the credentials back in its error body.
        Reply::json(401, &format!(r#"{{"errors":[{{"reason":"Invalid token Bearer {TOKEN}"}}]}}"#)),
    ]);
    let builder =
        linode::Client::builder().token(TOKEN).base_url(server.url()).retry_policy(RetryPolicy::none());
    assert!(!format!("{builder:?}").contains(TOKEN));
    let client = builder.build().unwrap();
    let debug = format!("{client:?}");
    assert!(debug.contains("redacted"), "{debug}");
    assert!(!debug.contains(TOKEN), "{debug}");

    let err = get_linode(&client, "private/1").unwrap_err();
    assert_eq!(err.status(), Some(401));
    for shown in [err.to_string(), format!("{err:?}"), err.messages().join(" ")] {
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
    }

    let do_client = digitalocean::Client::builder().token(TOKEN).base_url(server.url()).build().unwrap();
    assert!(!format!("{do_client:?}").contains(TOKEN));
}

#[test]
fn the_token_is_sent_as_a_bearer_header_to_the_api_host() {
    let server = Server::start(vec![Reply::json(200, DO_IMAGE)]);
    let client = digitalocean::Client::builder()
        .token(format!("  '{TOKEN}'\n"))
        .base_url(server.url())
        .build()
        .unwrap();
    client.execute(&digitalocean::ops::ImagesGet::new("7555620")).unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.headers["authorization"], format!("Bearer {TOKEN}"));
    assert_eq!(seen.target, "/v2/images/7555620");
}

/// Collects every log record of this test binary.
struct Capture(Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        self.0.lock().unwrap().push(format!("{} {}", record.target(), record.args()));
    }
    fn flush(&self) {}
}

fn capture() -> &'static Capture {
    static LOGGER: OnceLock<&'static Capture> = OnceLock::new();
    LOGGER.get_or_init(|| {
        let logger: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(logger).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        logger
    })
}

#[test]
fn debug_logs_name_the_call_but_never_the_token_or_bodies() {
    let logs = capture();
    let server = Server::start(vec![
        Reply::json(503, r#"{"errors":[{"reason":"busy"}]}"#).with_header("retry-after", "0"),
        Reply::json(200, LINODE_IMAGE).with_header("x-request-id", "req-42"),
    ]);
    let client = linode::Client::builder().token(TOKEN).base_url(server.url()).build().unwrap();
    get_linode(&client, "private/777").unwrap();
    let all = logs.0.lock().unwrap().clone();
    assert!(all.iter().all(|l| !l.contains(TOKEN)), "{all:?}");
    let lines: Vec<String> = all
        .iter()
        .filter(|l| l.starts_with("cloud_images ") && l.contains("private%2F777"))
        .cloned()
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("GET /v4/images/private%2F777 -> 503 (attempt 1"), "{}", lines[0]);
    assert!(lines[1].contains("-> 200 (attempt 2"), "{}", lines[1]);
    assert!(lines[1].contains("request id req-42"), "{}", lines[1]);
    for line in &lines {
        assert!(!line.contains("gold-master") && !line.contains("busy"), "no bodies: {line}");
    }
}
