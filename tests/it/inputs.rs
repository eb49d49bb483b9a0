//! Every public setter and call that takes a duration, a size or a count, driven with the edge
//! values (0, 1 ns, `u64::MAX` seconds, `Duration::MAX`, the largest counts): none panics, zero
//! is refused or means what the docs say, huge values mean "no limit" and calls still complete.
//!
//! Entry points covered (from `grep -rn "pub fn" src/` for Duration, u64, u32 and usize):
//! `ClientBuilder::{connect_timeout, timeout, upload_stall_timeout, max_response_size}`,
//! `RetryPolicy::{max_retries, max_wait, base_delay}`, Linode `Images::{create,
//! wait_until_available[_with_interval], wait_for_replicas[_with_interval]}`,
//! `ListImages::{page, page_size}`, `UploadSource::reader` / `Upload::reader` lengths,
//! DigitalOcean `Images::{get, update, delete, actions, wait_until_available[_with_interval]}`,
//! `ImageActions::{get, wait, wait_with_interval}`, `ListImages` and `ListImageActions`
//! `::{page, per_page}`.

use crate::common;

use std::time::Duration;

use cloud_images::linode::UploadSource;
use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};
use httpmock::prelude::*;
use serde_json::{Value, json};

const TOKEN: &str = "inputs-test-token";
const DURATIONS: [Duration; 4] =
    [Duration::ZERO, Duration::from_nanos(1), Duration::from_secs(u64::MAX), Duration::MAX];
/// Huge but finite limits: each must behave as "no limit".
const HUGE: [Duration; 2] = [Duration::from_secs(u64::MAX), Duration::MAX];

/// A wait whose first look finds the resource ready: done (1 look), whatever the timeout; but a
/// timeout too short to send a request in (1 ns) is the wait's own timeout, with nothing sent (0
/// looks): a wait's timeout bounds its looks too.
fn ready_or_no_time<T: std::fmt::Debug>(got: cloud_images::Result<T>, timeout: Duration) -> usize {
    if timeout == Duration::from_nanos(1) {
        let e = got.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
        assert!(e.to_string().starts_with("gave up waiting for"), "{e}");
        0
    } else {
        got.unwrap();
        1
    }
}

fn linode_client(server: &MockServer) -> linode::Client {
    linode::Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn do_client(server: &MockServer) -> digitalocean::Client {
    digitalocean::Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn linode_image(status: &str) -> Value {
    let mut v: Value = serde_json::from_str(LINODE_IMAGE).unwrap();
    v["status"] = json!(status);
    v
}

fn do_image(status: &str) -> Value {
    let mut v: Value = serde_json::from_str(DO_IMAGE).unwrap();
    v["image"]["status"] = json!(status);
    v
}

fn do_action(status: &str) -> Value {
    let path =
        format!("{}/tests/fixtures/digitalocean_facade/action_transfer.json", env!("CARGO_MANIFEST_DIR"));
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["action"]["status"] = json!(status);
    v
}

/// A server where no request is expected: every one would be counted by the returned mock.
fn nothing_expected(server: &MockServer) -> httpmock::Mock<'_> {
    server.mock(|when, then| {
        when.any_request();
        then.status(599);
    })
}

/// `GET path` answered 200 with `body`.
fn get_mock<'a>(server: &'a MockServer, path: &str, body: Value) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(GET).path(path).header("authorization", format!("Bearer {TOKEN}"));
        then.status(200).header("content-type", "application/json").json_body(body);
    })
}

// ---------------------------------------------------------------------------------------------
// the client builder

#[test]
fn builder_time_limits_accept_any_duration_and_huge_ones_mean_no_limit() {
    let server = MockServer::start();
    let get = get_mock(&server, "/v4/images/private%2F12345", linode_image("available"));
    type Set = fn(linode::ClientBuilder, Duration) -> linode::ClientBuilder;
    let setters: [(&str, Set); 3] = [
        ("connect_timeout", |b, d| b.connect_timeout(d)),
        ("timeout", |b, d| b.timeout(d)),
        ("upload_stall_timeout", |b, d| b.upload_stall_timeout(d)),
    ];
    let mut calls = 0;
    for (name, set) in setters {
        for d in DURATIONS {
            let built = set(linode::Client::builder().token(TOKEN).base_url(server.base_url()), d).build();
            if d.is_zero() {
                let e = built.unwrap_err();
                assert_eq!(e.kind(), ErrorKind::InvalidInput, "{name}(0)");
                assert!(e.to_string().contains(name), "{e}");
                continue;
            }
            let client = built.unwrap_or_else(|e| panic!("{name}({d:?}): {e}"));
            let got = client.images().get("private/12345");
            calls += 1;
            if HUGE.contains(&d) || name == "upload_stall_timeout" {
                // No limit (or one that API calls do not use): the call completes.
                assert_eq!(got.unwrap_or_else(|e| panic!("{name}({d:?}): {e}")).id, "private/12345");
            } else {
                // 1 ns: too short for anything, but an error, not a panic (a loopback connect
                // may win the race, so only these two outcomes are allowed).
                if let Err(e) = got {
                    assert_eq!(e.kind(), ErrorKind::Timeout, "{name}({d:?}): {e}");
                }
            }
        }
    }
    // Everything but timeout(1 ns) and perhaps connect_timeout(1 ns) reached the server.
    assert!(get.calls() >= 7 && get.calls() <= calls, "{} of {calls}", get.calls());
}

#[test]
fn a_huge_upload_stall_timeout_still_uploads() {
    let server = MockServer::start();
    let put = server.mock(|when, then| {
        when.method(PUT).path("/bucket/image").header("content-length", "20");
        then.status(200);
    });
    // The smallest valid gzip stream: an empty member.
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for d in HUGE {
        let client = linode::Client::builder().base_url(server.base_url()).upload_stall_timeout(d);
        let client = client.connect_timeout(d).timeout(d).build().unwrap();
        let url = server.url("/bucket/image");
        client.images().upload_to(&url, UploadSource::reader(&gz[..], gz.len() as u64)).unwrap();
    }
    put.assert_calls(2);
}

#[test]
fn max_response_size_zero_is_refused_one_is_enforced_and_max_is_no_cap() {
    let server = MockServer::start();
    let get = get_mock(&server, "/v4/images/private%2F12345", linode_image("available"));
    let builder = || linode::Client::builder().base_url(server.base_url()).token(TOKEN);
    let e = builder().max_response_size(0).build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("max_response_size"), "{e}");
    let e = builder().max_response_size(1).no_retries().build().unwrap().images().get("private/12345");
    assert_eq!(e.unwrap_err().kind(), ErrorKind::ResponseTooLarge);
    let image = builder().max_response_size(u64::MAX).build().unwrap().images().get("private/12345").unwrap();
    assert_eq!(image.id, "private/12345");
    get.assert_calls(2);
}

// ---------------------------------------------------------------------------------------------
// the retry policy

/// A client with `policy` and a `timeout` against `server`.
fn retrying(server: &Server, policy: RetryPolicy, timeout: Duration) -> linode::Client {
    let builder = linode::Client::builder().token(TOKEN).base_url(server.url()).retry_policy(policy);
    builder.timeout(timeout).build().unwrap()
}

fn get_12345(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.images().get("private/12345")
}

#[test]
fn retry_knobs_accept_any_value() {
    let busy = || Reply::json(503, r#"{"errors":[{"reason":"busy"}]}"#);
    let ok = || Reply::json(200, LINODE_IMAGE);

    // Any number of retries, with waits of 0 or 1 ns: retried until it works.
    for wait in [Duration::ZERO, Duration::from_nanos(1)] {
        for max in [1, u32::MAX] {
            let server = Server::start(vec![busy(), busy(), ok()]);
            let policy = RetryPolicy::default().max_retries(max).max_wait(wait).base_delay(wait);
            let client = retrying(&server, policy, Duration::MAX);
            let got = get_12345(&client);
            if max == 1 {
                assert_eq!(got.unwrap_err().attempts(), 2);
                assert_eq!(server.count(), 2);
            } else {
                assert_eq!(got.unwrap().id, "private/12345");
                assert_eq!(server.count(), 3);
            }
        }
    }

    // Waits too long for the call's time: not waited; the error comes back after one attempt.
    for huge in HUGE {
        for policy in [
            RetryPolicy::default().max_retries(u32::MAX).max_wait(huge).base_delay(huge),
            RetryPolicy::default().max_wait(huge).base_delay(huge),
        ] {
            let server = Server::start(vec![busy(), ok()]);
            let e = get_12345(&retrying(&server, policy, Duration::from_secs(30))).unwrap_err();
            assert_eq!((e.status(), e.attempts()), (Some(503), 1));
            assert_eq!(server.count(), 1);
        }
    }

    // No retries at all.
    let server = Server::start(vec![busy(), ok()]);
    let e = get_12345(&retrying(&server, RetryPolicy::default().max_retries(0), Duration::MAX)).unwrap_err();
    assert_eq!(e.attempts(), 1);
    assert_eq!(server.count(), 1);
}

#[test]
fn a_huge_retry_after_from_the_server_does_not_panic() {
    let slow_down =
        |value| Reply::json(429, r#"{"errors":[{"reason":"slow down"}]}"#).with_header("retry-after", value);
    // u64::MAX seconds, uncapped: longer than the call's time left, so not waited.
    let server = Server::start(vec![slow_down("18446744073709551615")]);
    let policy = RetryPolicy::default().max_wait(Duration::MAX);
    let e = get_12345(&retrying(&server, policy, Duration::from_secs(30))).unwrap_err();
    assert_eq!((e.status(), e.attempts()), (Some(429), 1));
    assert_eq!(e.retry_after(), Some(Duration::from_secs(u64::MAX)));
    assert_eq!(server.count(), 1);
    // More seconds than a u64 holds: not a number this client can use, so no hint.
    let server = Server::start(vec![slow_down("99999999999999999999999999")]);
    let e = get_12345(&retrying(&server, RetryPolicy::none(), Duration::MAX)).unwrap_err();
    assert_eq!((e.status(), e.retry_after()), (Some(429), None));
}

// ---------------------------------------------------------------------------------------------
// waiting

#[test]
fn linode_waits_accept_any_timeout_and_interval() {
    let server = MockServer::start();
    let replicated = {
        let mut v = linode_image("available");
        v["regions"] = json!([{"region": "us-east", "status": "available"}]);
        v
    };
    let get = get_mock(&server, "/v4/images/private%2F12345", replicated);
    let images_client = linode_client(&server);
    let images = images_client.images();
    let mut expected = 0;
    for timeout in DURATIONS {
        // The first look is immediate: an available image is returned whatever the timeout
        // (but one too short to send a request in).
        let got = images.wait_until_available("private/12345").timeout(timeout).send();
        if let Ok(image) = &got {
            assert_eq!(image.id, "private/12345");
        }
        expected += ready_or_no_time(got, timeout);
        let replicas = images.wait_until_replicated("private/12345", ["us-east"]).timeout(timeout).send();
        expected += ready_or_no_time(replicas, timeout);
        for interval in DURATIONS {
            let got = images.wait_until_available("private/12345").timeout(timeout).interval(interval).send();
            let replicas = images
                .wait_until_replicated("private/12345", ["us-east"])
                .timeout(timeout)
                .interval(interval)
                .send();
            if interval.is_zero() {
                assert_eq!(got.unwrap_err().kind(), ErrorKind::InvalidInput);
                assert_eq!(replicas.unwrap_err().kind(), ErrorKind::InvalidInput);
            } else {
                expected += ready_or_no_time(got, timeout) + ready_or_no_time(replicas, timeout);
            }
        }
    }
    get.assert_calls(expected);
}

#[test]
fn an_unlimited_wait_polls_until_ready_and_a_zero_one_looks_once() {
    let server = MockServer::start();
    let n = std::sync::atomic::AtomicUsize::new(0);
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345");
        then.respond_with(move |_| {
            let status = if n.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < 2 {
                "creating"
            } else {
                "available"
            };
            httpmock::HttpMockResponse::builder()
                .status(200)
                .header("content-type", "application/json")
                .body(linode_image(status).to_string())
                .build()
        });
    });
    let client = linode_client(&server);
    let image = client
        .images()
        .wait_until_available("private/12345")
        .timeout(Duration::MAX)
        .interval(Duration::from_nanos(1))
        .send()
        .unwrap();
    assert_eq!(image.status.as_ref().map(|s| s.as_str()), Some("available"));
    get.assert_calls(3);

    let pending = MockServer::start();
    let get = get_mock(&pending, "/v4/images/private%2F12345", linode_image("pending_upload"));
    let e = linode_client(&pending)
        .images()
        .wait_until_available("private/12345")
        .timeout(Duration::ZERO)
        .send()
        .unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Timeout, Some("pending_upload")));
    get.assert_calls(1);
}

#[test]
fn digitalocean_waits_accept_any_timeout_and_interval() {
    let server = MockServer::start();
    let get = get_mock(&server, "/v2/images/7555620", do_image("available"));
    let action = get_mock(&server, "/v2/images/7555620/actions/36805527", do_action("completed"));
    let client = do_client(&server);
    let images = client.images();
    let actions = images.actions(7555620);
    let mut expected = 0;
    for timeout in DURATIONS {
        let image = images.wait_until_available(7555620).timeout(timeout).send();
        if let Ok(image) = &image {
            assert_eq!(image.id, 7555620);
        }
        let done = actions.wait_until_completed(36805527).timeout(timeout).send();
        if let Ok(done) = &done {
            assert_eq!(done.id, 36805527);
        }
        let looked = ready_or_no_time(image, timeout);
        assert_eq!(ready_or_no_time(done, timeout), looked);
        expected += looked;
        for interval in DURATIONS {
            let image = images.wait_until_available(7555620).timeout(timeout).interval(interval).send();
            let done = actions.wait_until_completed(36805527).timeout(timeout).interval(interval).send();
            if interval.is_zero() {
                assert_eq!(image.unwrap_err().kind(), ErrorKind::InvalidInput);
                assert_eq!(done.unwrap_err().kind(), ErrorKind::InvalidInput);
            } else {
                let looked = ready_or_no_time(image, timeout);
                assert_eq!(ready_or_no_time(done, timeout), looked);
                expected += looked;
            }
        }
    }
    get.assert_calls(expected);
    action.assert_calls(expected);
}

// ---------------------------------------------------------------------------------------------
// pages, ids and lengths

#[test]
fn linode_pages_and_page_sizes_of_any_value() {
    let server = MockServer::start();
    let last = server.mock(|when, then| {
        when.method(GET)
            .path("/v4/images")
            .query_param("page", u64::MAX.to_string())
            .query_param("page_size", "500");
        then.status(200).header("content-type", "application/json").json_body(json!({
            "data": [linode_image("available")], "page": u64::MAX, "pages": u64::MAX, "results": u64::MAX
        }));
    });
    let client = linode_client(&server);
    let list = || client.images().list();
    let page = list().page(u64::MAX).page_size(500).send().unwrap();
    assert_eq!(page.page, u64::MAX);
    // The iterator stops after the last possible page instead of overflowing past it.
    assert_eq!(list().page(u64::MAX).page_size(500).iter().count(), 1);
    last.assert_calls(2);

    let server = MockServer::start();
    let nothing = nothing_expected(&server);
    let client = linode_client(&server);
    let list = || client.images().list();
    for size in [0, 1, 24, 501, u64::MAX] {
        assert_eq!(list().page_size(size).send().unwrap_err().kind(), ErrorKind::InvalidInput, "{size}");
        assert_eq!(
            list().page_size(size).iter().next().unwrap().unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
    assert_eq!(list().page(0).send().unwrap_err().kind(), ErrorKind::InvalidInput);
    nothing.assert_calls(0);
}

#[test]
fn digitalocean_pages_and_per_page_of_any_value() {
    let server = MockServer::start();
    let page = u64::MAX.to_string();
    let images = server.mock(|when, then| {
        when.method(GET).path("/v2/images").query_param("page", &page).query_param("per_page", "200");
        then.status(200).header("content-type", "application/json").json_body(json!({
            "images": [do_image("available")["image"]], "links": {}, "meta": {"total": u64::MAX}
        }));
    });
    let actions = server.mock(|when, then| {
        when.method(GET).path("/v2/images/18446744073709551615/actions").query_param("page", &page);
        then.status(200).header("content-type", "application/json").json_body(json!({
            "actions": [do_action("completed")["action"]], "links": {}, "meta": {"total": 1}
        }));
    });
    let client = do_client(&server);
    assert_eq!(client.images().list().page(u64::MAX).per_page(200).send().unwrap().total, Some(u64::MAX));
    assert_eq!(client.images().list().page(u64::MAX).per_page(200).iter().count(), 1);
    let list = client.images().actions(u64::MAX).list().page(u64::MAX);
    assert_eq!(list.send().unwrap().items.len(), 1);
    assert_eq!(list.iter().count(), 1);
    images.assert_calls(2);
    actions.assert_calls(2);

    let server = MockServer::start();
    let nothing = nothing_expected(&server);
    let client = do_client(&server);
    for n in [0, 201, u64::MAX] {
        let e = client.images().list().per_page(n).send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{n}");
        let e = client.images().actions(1).list().per_page(n).send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{n}");
    }
    assert_eq!(client.images().list().page(0).send().unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(client.images().actions(1).list().page(0).send().unwrap_err().kind(), ErrorKind::InvalidInput);
    nothing.assert_calls(0);
}

#[test]
fn the_largest_ids_are_sent_as_they_are() {
    let server = MockServer::start();
    let max = u64::MAX.to_string();
    let linode_create = server.mock(|when, then| {
        when.method(POST).path("/v4/images").json_body(json!({"disk_id": u64::MAX, "label": "x"}));
        then.status(200).header("content-type", "application/json").body(LINODE_IMAGE);
    });
    let do_get = get_mock(&server, &format!("/v2/images/{max}"), do_image("available"));
    let do_delete = server.mock(|when, then| {
        when.method(DELETE).path(format!("/v2/images/{max}"));
        then.status(204);
    });
    let do_update = server.mock(|when, then| {
        when.method(PUT).path(format!("/v2/images/{max}")).json_body(json!({"name": "x"}));
        then.status(200).header("content-type", "application/json").body(DO_IMAGE);
    });
    let do_action_get = get_mock(&server, &format!("/v2/images/{max}/actions/{max}"), do_action("completed"));

    linode_client(&server).images().create(u64::MAX, "x").send().unwrap();
    let client = do_client(&server);
    client.images().get(u64::MAX).unwrap();
    client.images().delete(u64::MAX).unwrap();
    client.images().update(u64::MAX).name("x").send().unwrap();
    client.images().actions(u64::MAX).get(u64::MAX).unwrap();
    for mock in [linode_create, do_get, do_delete, do_update, do_action_get] {
        mock.assert_calls(1);
    }
}

#[test]
fn upload_lengths_of_zero_or_u64_max_are_refused_before_any_request() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let client = linode_client(&server);
    let request = || linode::CreateUpload::new("my-image", "us-east");
    for len in [0, u64::MAX] {
        for first in [[0u8, 0], [0x1f, 0x8b]] {
            let e = client.images().upload(request()).reader(std::io::repeat(first[0]), len).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{len}: {e}");
            let e = client.images().upload_to(server.url("/b/o"), UploadSource::reader(&first[..], len));
            assert_eq!(e.unwrap_err().kind(), ErrorKind::InvalidInput, "{len}");
        }
    }
    any.assert_calls(0);
}

#[test]
fn a_header_value_no_request_can_carry_is_refused_before_sending() {
    let server = MockServer::start();
    let nothing = nothing_expected(&server);
    let op = linode::ops::GetImages::new().x_filter("{\"label\":\"a\nb\"}");
    let err = linode_client(&server).execute(&op).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().starts_with("get-images: the header X-Filter cannot be "), "{err}");
    nothing.assert_calls(0);
}
