//! Reliability III (issue 18, item 1): a lost answer is not a failure. A `DELETE` retried after
//! an attempt whose outcome is unknown, that then gets 404, was done by that attempt: success.

use crate::common;

use std::io::{BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use cloud_images::testing::{DigitalOceanStandIn, Fault, LinodeStandIn, Request};
use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{Reply, Server};

const LINODE_PRIVATE: &str = "private/24811540";
const DO_SNAPSHOT: u64 = 171_002_281;

/// Method, path, status and fault of each request the stand-in received.
fn seen(log: &[Request]) -> Vec<(String, String, Option<u16>, Option<String>)> {
    log.iter().map(|r| (r.method.clone(), r.path.clone(), r.status, r.fault.clone())).collect()
}

fn row(
    method: &str,
    path: &str,
    status: u16,
    fault: Option<&str>,
) -> (String, String, Option<u16>, Option<String>) {
    (method.into(), path.into(), Some(status), fault.map(str::to_string))
}

#[test]
fn a_linode_image_delete_whose_answer_is_cut_is_done() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("delete-image", Fault::cut_body()).unwrap(); // deleted, then the answer is cut
    stand_in.client().unwrap().images().delete(LINODE_PRIVATE).unwrap();
    let path = "/v4/images/private%2F24811540";
    assert_eq!(
        seen(&stand_in.requests()),
        [row("DELETE", path, 200, Some("cut body")), row("DELETE", path, 404, None)]
    );
    assert!(stand_in.image(LINODE_PRIVATE).is_none(), "gone from the stand-in");
}

/// A gateway on 127.0.0.1 in front of `upstream` that forwards every request, one per
/// connection, and loses the answers to the first `lose` of them: it reads the whole answer,
/// then closes the client's connection without a byte, as a load balancer that drops a
/// connection after the API has acted.
struct LossyGateway {
    url: String,
}

impl LossyGateway {
    fn start(upstream: &str, lose: usize) -> LossyGateway {
        let upstream = upstream.trim_start_matches("http://").to_string();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let forwarded = Arc::new(AtomicUsize::new(0));
        thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { return };
                let (upstream, forwarded) = (upstream.clone(), forwarded.clone());
                thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let Some(req) = common::read_request(&mut reader) else { return };
                    let mut head = format!("{} {} HTTP/1.1\r\n", req.method, req.target);
                    for (k, v) in req.headers.iter().filter(|(k, _)| k.as_str() != "connection") {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    head.push_str("connection: close\r\n\r\n");
                    let mut up = TcpStream::connect(&upstream).unwrap();
                    up.write_all(head.as_bytes()).unwrap();
                    up.write_all(&req.body).unwrap();
                    let mut answer = Vec::new();
                    up.read_to_end(&mut answer).unwrap();
                    if forwarded.fetch_add(1, Ordering::SeqCst) < lose {
                        return; // the answer is lost: the connection closes without it
                    }
                    let _ = conn.write_all(&answer);
                });
            }
        });
        LossyGateway { url }
    }
}

#[test]
fn a_digitalocean_image_delete_whose_answer_is_lost_is_done() {
    // The stand-in deletes the image and answers 204; the gateway loses that answer. (The
    // stand-in's own `cut_body` cannot lose a 204: it has no body to cut.)
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let gateway = LossyGateway::start(&stand_in.base_url(), 1);
    let client = stand_in.client_builder().base_url(&gateway.url).build().unwrap();
    client.images().delete(DO_SNAPSHOT).unwrap();
    let path = "/v2/images/171002281";
    assert_eq!(seen(&stand_in.requests()), [row("DELETE", path, 204, None), row("DELETE", path, 404, None)]);
    assert!(stand_in.image(DO_SNAPSHOT).is_none(), "gone from the stand-in");
}

#[test]
fn a_digitalocean_image_delete_whose_answer_is_cut_is_done() {
    // The stand-in deletes, then cuts its answer (a 204 has no body: its head is cut); the
    // retry finds nothing, which is what was asked.
    let stand_in = DigitalOceanStandIn::start().unwrap();
    stand_in.inject("images_delete", Fault::cut_body()).unwrap();
    stand_in.client().unwrap().images().delete(DO_SNAPSHOT).unwrap();
    let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(204), Some(404)]);
    assert!(stand_in.image(DO_SNAPSHOT).is_none(), "gone from the stand-in");
}

#[test]
fn a_digitalocean_delete_dropped_without_an_answer_then_404_is_done() {
    let server = Server::start(vec![
        Reply::Drop,
        Reply::json(404, r#"{"id":"not_found","message":"The resource you requested could not be found."}"#),
    ]);
    let client = digitalocean::Client::builder().token("tok").base_url(server.url()).build().unwrap();
    client.images().delete(7_555_620u64).unwrap();
    let seen = server.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen.iter().all(|s| s.method == "DELETE" && s.target == "/v2/images/7555620"));
}

#[test]
fn a_share_group_delete_whose_answer_is_cut_is_done() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let group = client.sharegroups().create("golden").send().unwrap();
    stand_in.inject("delete-sharegroup", Fault::cut_body()).unwrap();
    client.sharegroups().delete(group.id).unwrap();
    let path = format!("/v4beta/images/sharegroups/{}", group.id);
    let deletes: Vec<_> = seen(&stand_in.requests()).into_iter().filter(|r| r.0 == "DELETE").collect();
    assert_eq!(deletes, [row("DELETE", &path, 200, Some("cut body")), row("DELETE", &path, 404, None)]);
    assert!(client.sharegroups().get(group.id).unwrap_err().is_not_found(), "gone from the stand-in");
}

#[test]
fn a_404_at_the_first_attempt_is_still_not_found() {
    let linode = LinodeStandIn::start().unwrap();
    let e = linode.client().unwrap().images().delete("private/1").unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert_eq!(e.attempts(), 1);
    assert_eq!(seen(&linode.requests()), [row("DELETE", "/v4/images/private%2F1", 404, None)]);

    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let e = digitalocean.client().unwrap().images().delete(1u64).unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert_eq!(seen(&digitalocean.requests()), [row("DELETE", "/v2/images/1", 404, None)]);
}

#[test]
fn a_404_after_answers_that_mean_not_done_is_still_not_found() {
    // 503, 429 and 408 say the server did not act: the 404 after them is the image's.
    for fault in [Fault::unavailable(), Fault::too_many_requests(Duration::ZERO), Fault::status(408)] {
        let stand_in = LinodeStandIn::start().unwrap();
        stand_in.inject("delete-image", fault.clone()).unwrap();
        let e = stand_in.client().unwrap().images().delete("private/1").unwrap_err();
        assert!(e.is_not_found(), "{fault:?}: {e}");
        assert_eq!(e.attempts(), 2, "{fault:?}");
        let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
        assert_eq!(statuses[1], Some(404), "{fault:?}");
    }
}

#[test]
fn a_404_after_a_gateway_502_or_504_is_done() {
    // A gateway's 502/504 does not say whether the API behind it acted: the 404 after it may be
    // that attempt's work. (Here the stand-in did not act: the rule cannot know.)
    for status in [502, 504] {
        let stand_in = LinodeStandIn::start().unwrap();
        stand_in.inject("delete-image", Fault::status(status)).unwrap();
        stand_in.client().unwrap().images().delete("private/1").unwrap();
        let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
        assert_eq!(statuses, [Some(status), Some(404)]);
    }
}

#[test]
fn once_an_attempt_may_have_acted_a_later_404_is_done_even_after_a_503() {
    // Dropped (maybe deleted), then 503 (not done, but the first may have been), then 404.
    let server = Server::start(vec![
        Reply::Drop,
        Reply::json(503, r#"{"errors":[{"reason":"Service unavailable"}]}"#),
        Reply::json(404, r#"{"errors":[{"reason":"Not found"}]}"#),
    ]);
    let client = linode::Client::builder()
        .token("tok")
        .base_url(server.url())
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .unwrap();
    client.images().delete("private/12345").unwrap();
    assert_eq!(server.count(), 3);
}

#[test]
fn only_a_delete_turns_a_404_after_a_lost_answer_into_success() {
    let server = Server::start(vec![Reply::Drop, Reply::json(404, r#"{"errors":[{"reason":"Not found"}]}"#)]);
    let client = linode::Client::builder()
        .token("tok")
        .base_url(server.url())
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .build()
        .unwrap();
    let e = client.images().get("private/12345").unwrap_err();
    assert!(e.is_not_found(), "{e}");
    assert_eq!((e.kind(), e.attempts(), server.count()), (ErrorKind::Api, 2, 2));
}

#[test]
fn generic_execute_of_a_linode_delete_decodes_the_done_answer() {
    // `execute` decodes the answer: the success after a lost answer has no body, which reads as
    // Linode's empty object.
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("delete-image", Fault::cut_body()).unwrap();
    let answer = stand_in.client().unwrap().execute(&linode::ops::DeleteImage::new(LINODE_PRIVATE)).unwrap();
    assert!(answer.is_empty());
    assert_eq!(stand_in.requests().len(), 2);
}
