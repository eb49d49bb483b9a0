//! What the client does when servers and networks misbehave (issue: reliability).
//! Every server here is a scripted `TcpListener` on 127.0.0.1.

use crate::common;

use std::time::Duration;

use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};

/// Retries with tiny waits, so tests stay quick when the server gives no `Retry-After`.
fn quick_retries(n: u32) -> RetryPolicy {
    RetryPolicy::default().max_retries(n).base_delay(Duration::from_millis(1))
}

fn linode_client(server: &Server, retry: RetryPolicy) -> linode::Client {
    linode::Client::builder().token("tok-linode").base_url(server.url()).retry_policy(retry).build().unwrap()
}

fn get_image(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::GetImage::new("private/12345"))
}

fn post_image(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::PostImage::new(linode::types::ImageCreate::new(42).label("gold-master")))
}

#[test]
fn a_429_with_retry_after_is_waited_out_then_succeeds() {
    let server = Server::start(vec![
        Reply::json(429, r#"{"errors":[{"reason":"Too many requests"}]}"#).with_header("retry-after", "1"),
        Reply::json(200, LINODE_IMAGE),
    ]);
    let image = get_image(&linode_client(&server, RetryPolicy::default())).unwrap();
    assert_eq!(image.id, "private/12345");
    assert_eq!(server.count(), 2);
}

#[test]
fn the_wait_asked_by_retry_after_is_reported_when_retries_are_off() {
    let server = Server::start(vec![
        Reply::json(429, r#"{"errors":[{"reason":"Too many requests"}]}"#).with_header("retry-after", "7"),
    ]);
    let err = get_image(&linode_client(&server, RetryPolicy::none())).unwrap_err();
    assert!(err.is_rate_limited());
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(err.attempts(), 1);
    assert_eq!(server.count(), 1);
}

#[test]
fn digitalocean_ratelimit_reset_is_the_fallback_wait_for_a_429() {
    let reset = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 20;
    let server = Server::start(vec![
        Reply::json(429, r#"{"id":"too_many_requests","message":"API rate limit exceeded."}"#)
            .with_header("ratelimit-limit", "5000")
            .with_header("ratelimit-remaining", "0")
            .with_header("ratelimit-reset", &reset.to_string()),
    ]);
    let client =
        digitalocean::Client::builder().token("tok-do").base_url(server.url()).no_retries().build().unwrap();
    let err = client.execute(&digitalocean::ops::ImagesGet::new("7555620")).unwrap_err();
    assert!(err.is_rate_limited());
    let wait = err.retry_after().unwrap();
    assert!(wait > Duration::from_secs(15) && wait <= Duration::from_secs(20), "{wait:?}");
    assert_eq!(err.api().unwrap().error_id(), Some("too_many_requests"));
    let limits = client.rate_limit().unwrap();
    assert_eq!((limits.limit, limits.remaining, limits.reset), (5000, 0, reset));
}

#[test]
fn a_post_answered_503_is_not_retried() {
    let server = Server::start(vec![Reply::json(503, r#"{"errors":[{"reason":"Service unavailable"}]}"#)]);
    let err = post_image(&linode_client(&server, quick_retries(4))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.attempts(), 1);
    assert_eq!(server.count(), 1, "a retried create could make two images");
}

#[test]
fn a_post_answered_429_is_retried_because_the_server_did_not_act() {
    let server = Server::start(vec![
        Reply::json(429, r#"{"errors":[{"reason":"Too many requests"}]}"#).with_header("retry-after", "0"),
        Reply::json(200, LINODE_IMAGE),
    ]);
    let image = post_image(&linode_client(&server, quick_retries(4))).unwrap();
    assert_eq!(image.label.as_deref(), Some("gold-master"));
    assert_eq!(server.count(), 2);
    assert_eq!(server.seen()[0].body, server.seen()[1].body);
}

#[test]
fn a_503_in_maintenance_mode_is_surfaced_not_retried() {
    let server = Server::start(vec![
        Reply::json(503, r#"{"errors":[{"reason":"Scheduled maintenance"}]}"#)
            .with_header("x-maintenance-mode", "all"),
    ]);
    let err = get_image(&linode_client(&server, quick_retries(4))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Maintenance);
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.messages(), vec!["Scheduled maintenance".to_string()]);
    assert!(err.to_string().contains("maintenance"), "{err}");
    assert_eq!(server.count(), 1);
}

#[test]
fn a_503_storm_gives_up_after_the_retry_budget_and_counts_attempts() {
    let server = Server::start(vec![Reply::json(503, r#"{"errors":[{"reason":"Service unavailable"}]}"#)]);
    let err = get_image(&linode_client(&server, quick_retries(3))).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.attempts(), 4);
    assert_eq!(server.count(), 4);
    assert!(err.to_string().ends_with("after 4 attempts"), "{err}");
}

#[test]
fn a_503_storm_stops_when_the_call_timeout_would_be_passed() {
    // Each wait is 1 s by Retry-After; the call may take 1.5 s in all: one retry fits, not two.
    let server = Server::start(vec![
        Reply::json(503, r#"{"errors":[{"reason":"Service unavailable"}]}"#).with_header("retry-after", "1"),
    ]);
    let client = linode::Client::builder()
        .base_url(server.url())
        .retry_policy(RetryPolicy::default().max_retries(10))
        .timeout(Duration::from_millis(1500))
        .build()
        .unwrap();
    let err = get_image(&client).unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.attempts(), 2);
    assert_eq!(server.count(), 2);
}

#[test]
fn a_retry_gets_only_what_is_left_of_the_call_timeout() {
    // The first answer comes after 1 s (a 503, retried at once); the call may take 1.5 s in
    // all, so the retry has 0.5 s left and gives up on an answer that takes 1 s again. With the
    // whole 1.5 s it would have succeeded.
    let server = Server::start_with(|n| {
        std::thread::sleep(Duration::from_millis(1000));
        match n {
            0 => Reply::json(503, r#"{"errors":[{"reason":"Service unavailable"}]}"#),
            _ => Reply::json(200, LINODE_IMAGE),
        }
    });
    let client = linode::Client::builder()
        .base_url(server.url())
        .retry_policy(quick_retries(3))
        .timeout(Duration::from_millis(1500))
        .build()
        .unwrap();
    let err = get_image(&client).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout, "{err}");
    assert_eq!(err.attempts(), 2);
    assert_eq!(server.count(), 2);
}

#[test]
fn linode_busy_is_retried_for_a_get() {
    let server = Server::start(vec![
        Reply::json(400, r#"{"errors":[{"reason":"Linode busy."}]}"#),
        Reply::json(200, LINODE_IMAGE),
    ]);
    assert!(get_image(&linode_client(&server, quick_retries(2))).is_ok());
    assert_eq!(server.count(), 2);
}

#[test]
fn a_plain_400_is_not_retried() {
    let server =
        Server::start(vec![Reply::json(400, r#"{"errors":[{"field":"label","reason":"Too long"}]}"#)]);
    let err = get_image(&linode_client(&server, quick_retries(4))).unwrap_err();
    assert_eq!(err.messages(), vec!["label: Too long".to_string()]);
    assert_eq!(server.count(), 1);
}

#[test]
fn a_body_cut_off_mid_json_is_a_transport_error() {
    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 400\r\n\r\n";
    let cut = format!("{head}{}", &LINODE_IMAGE[..60]);
    let server = Server::start(vec![Reply::Raw(cut.into_bytes())]);
    let err = get_image(&linode_client(&server, RetryPolicy::none())).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err:?}");
    assert_eq!(err.status(), Some(200));
    assert!(std::error::Error::source(&err).is_some());
}

#[test]
fn a_connection_dropped_before_the_response_is_retried_for_a_get() {
    let server = Server::start(vec![Reply::Drop, Reply::json(200, LINODE_IMAGE)]);
    let image = get_image(&linode_client(&server, quick_retries(2))).unwrap();
    assert_eq!(image.id, "private/12345");
    assert_eq!(server.count(), 2);
}

#[test]
fn a_connection_dropped_before_the_response_is_not_retried_for_a_post() {
    let server = Server::start(vec![Reply::Drop, Reply::json(200, LINODE_IMAGE)]);
    let err = post_image(&linode_client(&server, quick_retries(2))).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err:?}");
    assert_eq!(server.count(), 1);
}

#[test]
fn a_server_that_never_answers_times_out() {
    let server = Server::start(vec![Reply::Hang]);
    let client = linode::Client::builder()
        .base_url(server.url())
        .timeout(Duration::from_millis(300))
        .retry_policy(quick_retries(3))
        .build()
        .unwrap();
    let err = get_image(&client).unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert_eq!(err.status(), None);
    assert_eq!(server.count(), 1, "a timed-out call is not sent again past its deadline");
}

#[test]
fn an_html_502_from_a_proxy_keeps_the_text() {
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let server = Server::start(vec![Reply::Full {
        status: 502,
        headers: vec![("content-type".into(), "text/html".into())],
        body: html.into(),
    }]);
    let err = get_image(&linode_client(&server, quick_retries(2))).unwrap_err();
    assert_eq!(err.status(), Some(502));
    assert_eq!(err.attempts(), 3, "502 is retried for a GET");
    assert_eq!(err.api().unwrap().text(), html);
    assert_eq!(err.api().unwrap().json(), None);
    assert!(err.to_string().contains("502 bad gateway"), "{err}");
}

#[test]
fn a_200_with_invalid_utf8_is_a_decode_error() {
    let mut body = LINODE_IMAGE.as_bytes().to_vec();
    let at = body.windows(11).position(|w| w == b"gold-master").unwrap();
    body[at] = 0xff;
    let server = Server::start(vec![Reply::Full {
        status: 200,
        headers: vec![("content-type".into(), "application/json".into())],
        body,
    }]);
    let err = get_image(&linode_client(&server, RetryPolicy::none())).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(200));
    assert!(err.to_string().contains("`label`"), "{err}");
}

#[test]
fn a_200_larger_than_the_cap_is_refused_not_allocated() {
    let server = Server::start(vec![Reply::json(200, DO_IMAGE)]);
    let client = digitalocean::Client::builder()
        .token("tok-do")
        .base_url(server.url())
        .max_response_size(64)
        .build()
        .unwrap();
    let err = client.execute(&digitalocean::ops::ImagesGet::new("7555620")).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::ResponseTooLarge, "{err:?}");
    assert_eq!(server.count(), 1);
}

#[test]
fn a_refused_connection_is_a_transport_error_after_retries() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = linode::Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(quick_retries(2))
        .build()
        .unwrap();
    let err = get_image(&client).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Transport, "{err:?}");
    assert_eq!(err.attempts(), 3);
}

#[test]
fn an_upload_that_stops_moving_fails_after_the_stall_timeout() {
    use std::io::Read;
    // Object storage that reads the request head, then never reads another byte.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        let mut head = [0u8; 1024];
        let _ = conn.read(&mut head);
        let _ = done_rx.recv_timeout(Duration::from_secs(30)); // hold the socket open, unread
    });
    let client = linode::Client::builder()
        .token("tok-linode")
        .base_url("http://127.0.0.1:1")
        .upload_stall_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    // 256 MiB of gzip-looking data, generated as it is read: far more than socket buffers hold.
    let len = 256 * 1024 * 1024;
    let data = std::io::Read::chain(&[0x1f, 0x8b, 8][..], std::io::repeat(0).take(len - 3));
    let url = format!("http://127.0.0.1:{port}/bucket/image.gz?signature=abc");
    let err = client.images().upload_to(&url, linode::UploadSource::reader(data, len)).unwrap_err();
    let _ = done_tx.send(());
    assert!(err.is_timeout(), "{err:?}");
    assert!(!err.to_string().contains("signature"), "the pre-signed query stays out of messages: {err}");
}

#[test]
fn object_storage_retry_after_is_kept_for_the_upload_retry() {
    let storage = Server::start(vec![
        Reply::json(503, "<Error><Code>SlowDown</Code></Error>").with_header("retry-after", "7"),
    ]);
    let client =
        linode::Client::builder().token("tok-linode").base_url("http://127.0.0.1:1").build().unwrap();
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // an empty gzip member
    let url = format!("{}/bucket/image.gz?signature=abc", storage.url());
    let err =
        client.images().upload_to(&url, linode::UploadSource::reader(&gz[..], gz.len() as u64)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Upload);
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
    assert_eq!(err.messages(), vec!["<Error><Code>SlowDown</Code></Error>".to_string()]);
    assert_eq!(storage.count(), 1, "a plain reader cannot be sent twice");
}

#[test]
fn requests_without_a_body_send_no_body_headers() {
    let server = Server::start(vec![
        Reply::json(200, LINODE_IMAGE),
        Reply::json(200, "{}"),
        Reply::json(200, LINODE_IMAGE),
    ]);
    let client = linode_client(&server, RetryPolicy::none());
    client.images().get("private/12345").unwrap();
    client.images().delete("private/12345").unwrap();
    client.images().update("private/12345").label("gold").send().unwrap();
    let seen = server.seen();
    for bodiless in &seen[..2] {
        assert_eq!(bodiless.headers.get("content-length"), None, "{} sent a length", bodiless.method);
        assert_eq!(bodiless.headers.get("transfer-encoding"), None, "{}", bodiless.method);
        assert_eq!(bodiless.headers.get("content-type"), None, "{}", bodiless.method);
    }
    assert_eq!(seen[2].method, "PUT");
    assert_eq!(seen[2].body, br#"{"label":"gold"}"#);
    assert_eq!(seen[2].headers["content-length"], "16");
    assert_eq!(seen[2].headers["content-type"], "application/json");
}
