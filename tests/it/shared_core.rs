//! The shared core, run through both providers with the same scenarios: a wait ends the same way
//! on Linode and DigitalOcean (404 before and after the resource was seen, timeout, early stop,
//! the order of `on_poll` calls), and a 429 then a success is retried the same way for an API
//! call and for an upload `PUT`.

use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use httpmock::prelude::*;
use httpmock::{HttpMockRequest, HttpMockResponse};
use serde_json::{Value, json};

const TOKEN: &str = "shared-core-token-0123456789";
const LINODE_IMAGE: &str = include_str!("../fixtures/linode/image_private.json");
const DO_IMAGE: &str = include_str!("../fixtures/digitalocean/image_snapshot.json");
const POLL: Duration = Duration::from_millis(5);

fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_retries(3)
        .base_delay(Duration::from_millis(1))
        .max_wait(Duration::from_millis(5))
}

/// Answers the n-th call with `replies[n]`, then repeats the last one.
fn in_turn(replies: Vec<(u16, Value)>) -> impl Fn(&HttpMockRequest) -> HttpMockResponse + Send + Sync {
    let n = AtomicUsize::new(0);
    move |_| {
        let i = n.fetch_add(1, Ordering::SeqCst);
        let (status, body) = replies.get(i).or(replies.last()).cloned().unwrap_or((500, Value::Null));
        let mut reply = HttpMockResponse::builder().status(status).header("content-type", "application/json");
        if status == 429 {
            reply = reply.header("retry-after", "0");
        }
        reply.body(body.to_string()).build()
    }
}

/// One provider, as the scenarios see it: where its image lives, what an image with a status
/// and a 404 look like, and its wait.
trait Provider {
    const PATH: &'static str;
    fn image(status: &str) -> Value;
    fn not_found() -> Value;
    /// Waits for the image with this on_poll log, returning the final status or the error.
    fn wait(
        server: &MockServer,
        timeout: Duration,
        seen: &mut Vec<(u32, String)>,
        stop_at: Option<&str>,
    ) -> Result<String, cloud_images::Error>;
    /// One plain `get`.
    fn get(server: &MockServer) -> Result<String, cloud_images::Error>;
}

fn on_poll<'s>(
    seen: &'s mut Vec<(u32, String)>,
    stop_at: Option<&'s str>,
) -> impl FnMut(&cloud_images::Polled<'_>) -> ControlFlow<()> + 's {
    move |p| {
        seen.push((p.attempt, p.status.to_string()));
        if Some(p.status) == stop_at { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
    }
}

struct Linode;
impl Provider for Linode {
    const PATH: &'static str = "/v4/images/private%2F12345";
    fn image(status: &str) -> Value {
        let mut v: Value = serde_json::from_str(LINODE_IMAGE).unwrap();
        v["id"] = json!("private/12345");
        v["status"] = json!(status);
        v
    }
    fn not_found() -> Value {
        json!({"errors": [{"reason": "Not found"}]})
    }
    fn wait(
        server: &MockServer,
        timeout: Duration,
        seen: &mut Vec<(u32, String)>,
        stop_at: Option<&str>,
    ) -> Result<String, cloud_images::Error> {
        let client = linode_client(server);
        let image = client
            .images()
            .wait_until_available("private/12345")
            .timeout(timeout)
            .interval(POLL)
            .on_poll(on_poll(seen, stop_at))
            .send()?;
        Ok(image.status.map(|s| s.to_string()).unwrap_or_default())
    }
    fn get(server: &MockServer) -> Result<String, cloud_images::Error> {
        Ok(linode_client(server).images().get("private/12345")?.id)
    }
}

struct DigitalOcean;
impl Provider for DigitalOcean {
    const PATH: &'static str = "/v2/images/7555620";
    fn image(status: &str) -> Value {
        let mut v: Value = serde_json::from_str(DO_IMAGE).unwrap();
        v["image"]["id"] = json!(7555620);
        v["image"]["status"] = json!(status);
        v
    }
    fn not_found() -> Value {
        json!({"id": "not_found", "message": "The resource you were accessing could not be found."})
    }
    fn wait(
        server: &MockServer,
        timeout: Duration,
        seen: &mut Vec<(u32, String)>,
        stop_at: Option<&str>,
    ) -> Result<String, cloud_images::Error> {
        let client = do_client(server);
        let image = client
            .images()
            .wait_until_available(7555620)
            .timeout(timeout)
            .interval(POLL)
            .on_poll(on_poll(seen, stop_at))
            .send()?;
        Ok(image.status.map(|s| s.to_string()).unwrap_or_default())
    }
    fn get(server: &MockServer) -> Result<String, cloud_images::Error> {
        let image = do_client(server).images().get(7555620)?;
        Ok(image.id.to_string())
    }
}

fn linode_client(server: &MockServer) -> linode::Client {
    linode::Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(fast_retries())
        .build()
        .unwrap()
}

fn do_client(server: &MockServer) -> digitalocean::Client {
    digitalocean::Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(fast_retries())
        .build()
        .unwrap()
}

fn serve<'a, P: Provider>(server: &'a MockServer, replies: Vec<(u16, Value)>) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(GET).path(P::PATH).header("authorization", format!("Bearer {TOKEN}"));
        then.respond_with(in_turn(replies));
    })
}

// ------------------------------------------------------------------------------ scenarios

/// Statuses advance; `on_poll` sees every look that was not ready, in order, numbered.
fn polls_in_order<P: Provider>(pending: [&str; 2]) {
    let server = MockServer::start();
    let get = serve::<P>(
        &server,
        vec![(200, P::image(pending[0])), (200, P::image(pending[1])), (200, P::image("available"))],
    );
    let mut seen = Vec::new();
    let status = P::wait(&server, Duration::from_secs(30), &mut seen, None).unwrap();
    assert_eq!(status, "available");
    assert_eq!(seen, [(1, pending[0].to_string()), (2, pending[1].to_string())]);
    get.assert_calls(3);
}

/// A 404 at the first look: the id is wrong; the API's not-found error, as for a `get`.
fn not_found_before_seen<P: Provider>() {
    let server = MockServer::start();
    let get = serve::<P>(&server, vec![(404, P::not_found())]);
    let mut seen = Vec::new();
    let e = P::wait(&server, Duration::from_secs(30), &mut seen, None).unwrap_err();
    assert!(e.is_not_found(), "{e:?}");
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Api, None));
    assert!(seen.is_empty());
    get.assert_calls(1);
}

/// A 404 after the image was seen: it disappeared; the last status is kept.
fn not_found_after_seen<P: Provider>(pending: &str) {
    let server = MockServer::start();
    let get = serve::<P>(&server, vec![(200, P::image(pending)), (404, P::not_found())]);
    let mut seen = Vec::new();
    let e = P::wait(&server, Duration::from_secs(30), &mut seen, None).unwrap_err();
    assert_eq!((e.kind(), e.status(), e.last_status()), (ErrorKind::WaitFailed, Some(404), Some(pending)));
    assert!(e.to_string().contains("disappeared (404)"), "{e}");
    get.assert_calls(2);
}

/// Out of time: a timeout error carrying the last status.
fn times_out<P: Provider>(pending: &str) {
    let server = MockServer::start();
    let get = serve::<P>(&server, vec![(200, P::image(pending))]);
    let mut seen = Vec::new();
    let e = P::wait(&server, Duration::from_millis(40), &mut seen, None).unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Timeout, Some(pending)));
    assert!(e.is_timeout());
    assert!(get.calls() >= 1);
    assert_eq!(seen.len(), get.calls());
}

/// `on_poll` stops the wait: no further look is made.
fn stops_early<P: Provider>(pending: [&str; 2]) {
    let server = MockServer::start();
    let get = serve::<P>(&server, vec![(200, P::image(pending[0])), (200, P::image(pending[1]))]);
    let mut seen = Vec::new();
    let e = P::wait(&server, Duration::from_secs(30), &mut seen, Some(pending[1])).unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Stopped, Some(pending[1])));
    assert_eq!(seen.len(), 2);
    get.assert_calls(2);
}

/// A 429 then the answer: the same retry for an API call of either provider.
fn retries_a_429<P: Provider>() {
    let server = MockServer::start();
    let get = serve::<P>(
        &server,
        vec![(429, json!({"id": "too_many_requests", "message": "slow down"})), (200, P::image("available"))],
    );
    assert!(!P::get(&server).unwrap().is_empty());
    get.assert_calls(2);
}

macro_rules! scenarios {
    ($module:ident, $provider:ty, $first:literal, $second:literal) => {
        mod $module {
            use super::*;

            #[test]
            fn on_poll_sees_every_look_in_order() {
                polls_in_order::<$provider>([$first, $second]);
            }
            #[test]
            fn a_404_before_the_resource_was_seen_is_not_found() {
                not_found_before_seen::<$provider>();
            }
            #[test]
            fn a_404_after_the_resource_was_seen_is_a_failed_wait() {
                not_found_after_seen::<$provider>($second);
            }
            #[test]
            fn running_out_of_time_keeps_the_last_status() {
                times_out::<$provider>($first);
            }
            #[test]
            fn on_poll_can_stop_the_wait() {
                stops_early::<$provider>([$first, $second]);
            }
            #[test]
            fn an_api_call_answered_429_then_200_is_retried_once() {
                retries_a_429::<$provider>();
            }
        }
    };
}

scenarios!(linode_core, Linode, "pending_upload", "creating");
scenarios!(digitalocean_core, DigitalOcean, "NEW", "pending");

/// The upload `PUT` goes through the same retry loop and rules: a 429 from object storage, then
/// a 200, sends the data twice, identical.
#[test]
fn an_upload_put_answered_429_then_200_is_retried_once() {
    let server = MockServer::start();
    let bodies = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = bodies.clone();
    let n = AtomicUsize::new(0);
    let put = server.mock(|when, then| {
        when.method(PUT).path("/bucket/image.img.gz").header_missing("authorization");
        then.respond_with(move |req: &HttpMockRequest| {
            seen.lock().unwrap().push(req.body().to_vec());
            let status = if n.fetch_add(1, Ordering::SeqCst) == 0 { 429 } else { 200 };
            HttpMockResponse::builder().status(status).header("retry-after", "0").build()
        });
    });
    // An empty gzip stream: header, one empty final block, CRC and size 0.
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let url = format!("{}/bucket/image.img.gz?Signature=s", server.base_url());
    linode_client(&server)
        .images()
        .upload_to(&url, linode::UploadSource::seekable(std::io::Cursor::new(gz.to_vec())))
        .unwrap();
    put.assert_calls(2);
    let bodies = bodies.lock().unwrap();
    assert_eq!(bodies.len(), 2);
    assert!(bodies.iter().all(|b| b[..] == gz[..]));
}

/// Ids are refused before any request when they would name another resource: an empty Linode
/// id (`GET /v4/images/` is the listing), `.` and `..`; a DigitalOcean id of 0.
#[test]
fn bad_ids_are_refused_with_nothing_sent() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let linode = linode_client(&server);
    let images = linode.images();
    for id in ["", "  ", ".", ".."] {
        for e in [
            images.get(id).map(drop).unwrap_err(),
            images.delete(id).unwrap_err(),
            images.update(id).label("x").send().map(drop).unwrap_err(),
            images.replicate(id, ["us-east"]).map(drop).unwrap_err(),
            images.wait_until_available(id).send().map(drop).unwrap_err(),
            images.wait_until_replicated(id, ["us-east"]).send().map(drop).unwrap_err(),
        ] {
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{id:?}: {e}");
        }
    }
    let digitalocean = do_client(&server);
    let images = digitalocean.images();
    for e in [
        images.get(0).map(drop).unwrap_err(),
        images.get("").map(drop).unwrap_err(),
        images.get("..").map(drop).unwrap_err(),
        images.delete(0).unwrap_err(),
        images.update(0).name("x").send().map(drop).unwrap_err(),
        images.wait_until_available(0).send().map(drop).unwrap_err(),
        images.actions(0).convert().map(drop).unwrap_err(),
        images.actions(0).list().send().map(drop).unwrap_err(),
        images.actions(7555620).get(0).map(drop).unwrap_err(),
        images.actions(7555620).wait_until_completed(0).send().map(drop).unwrap_err(),
    ] {
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    }
    any.assert_calls(0);
}

/// An error says which call it was and what it was about.
#[test]
fn errors_name_the_call_and_the_resource() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F999999");
        then.status(404).header("content-type", "application/json").body(Linode::not_found().to_string());
    });
    server.mock(|when, then| {
        when.method(GET).path("/v2/images/7555620/actions/36805527");
        then.status(404)
            .header("content-type", "application/json")
            .body(DigitalOcean::not_found().to_string());
    });
    let e = linode_client(&server).images().get("private/999999").unwrap_err();
    assert_eq!(e.to_string(), "linode get-image private/999999: the api answered 404 not found: Not found");
    let e = do_client(&server).images().actions(7555620).get(36805527).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("digitalocean imageActions_get 7555620 36805527: the api answered 404 not found"),
        "{e}"
    );
}
