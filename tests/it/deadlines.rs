//! Reliability III (issue 18, items 2 and 3) and the client clock: a server's hint is a floor,
//! never shortened; a call's timeout bounds the whole call; a wait's timeout bounds the whole
//! wait. No timing assertions: request counts, error kinds and values, and times read on a
//! manual clock.

use crate::common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn};
use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{LINODE_IMAGE, Reply, Server};

const DEBIAN: &str = "linode/debian12";

fn statuses(log: &[cloud_images::testing::Request]) -> Vec<Option<u16>> {
    log.iter().map(|r| r.status).collect()
}

// ---------------------------------------------------------------------------------------------
// Item 2: a server's hint is a floor, never shortened

#[test]
fn a_retry_after_longer_than_max_wait_fails_at_once_with_the_hint() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("get-image", Fault::too_many_requests(Duration::from_secs(3600))).unwrap();
    let client = stand_in
        .client_builder()
        .retry_policy(RetryPolicy::default().max_wait(Duration::from_millis(50)))
        .build()
        .unwrap();
    let e = client.images().get(DEBIAN).unwrap_err();
    assert!(e.is_rate_limited(), "{e}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(e.attempts(), 1);
    assert_eq!(statuses(&stand_in.requests()), [Some(429)], "not retried 50 ms later");
}

#[test]
fn with_the_default_policy_a_hint_of_100000_s_is_not_waited() {
    let server = Server::start(vec![
        Reply::json(429, r#"{"errors":[{"reason":"Too many requests"}]}"#)
            .with_header("retry-after", "100000"),
        Reply::json(200, LINODE_IMAGE),
    ]);
    let client = linode::Client::builder().token("tok").base_url(server.url()).build().unwrap();
    let e = client.execute(&linode::ops::GetImage::new("private/12345")).unwrap_err();
    assert!(e.is_rate_limited(), "{e}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(100_000)));
    assert_eq!(e.attempts(), 1);
    assert_eq!(server.count(), 1, "not retried after 30 s (max_wait), nor ever");
}

#[test]
fn a_hint_longer_than_what_is_left_of_the_call_timeout_is_not_waited() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("get-image", Fault::too_many_requests(Duration::from_secs(5))).unwrap();
    let client = stand_in.client_builder().timeout(Duration::from_secs(2)).build().unwrap();
    let e = client.images().get(DEBIAN).unwrap_err();
    assert!(e.is_rate_limited(), "{e}");
    assert_eq!((e.retry_after(), e.attempts()), (Some(Duration::from_secs(5)), 1));
    assert_eq!(statuses(&stand_in.requests()), [Some(429)]);
}

#[test]
fn a_digitalocean_429_with_only_ratelimit_reset_beyond_max_wait_fails_at_once() {
    // One request an hour: the second is refused until the first is an hour old.
    let stand_in = DigitalOceanStandIn::builder().rate_limit(1).start().unwrap();
    let client = stand_in.client().unwrap();
    let unix_now = || SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs();
    client.images().get(171_002_281u64).unwrap();
    let before = unix_now();
    let e = client.images().get(171_002_281u64).unwrap_err();
    let after = unix_now();
    assert!(e.is_rate_limited(), "{e}");
    let log = stand_in.requests();
    assert_eq!(statuses(&log), [Some(200), Some(429)], "not retried 30 s later (max_wait)");
    assert_eq!(log[1].header("retry-after"), None, "only ratelimit-reset");
    // `ratelimit-reset` is an hour after the first request, in whole seconds.
    let reset = client.rate_limit().unwrap().reset;
    let hint = e.retry_after().expect("the wait until ratelimit-reset").as_secs();
    assert!((reset - after..=reset - before).contains(&hint), "{hint} s to {reset}");
    let hint = Duration::from_secs(hint);
    assert!(hint > Duration::from_secs(30), "longer than max_wait: {hint:?}");
    assert_eq!(e.attempts(), 1);
}

#[test]
fn on_the_stand_in_clock_ratelimit_reset_is_read_on_that_clock() {
    // A manual stand-in lives on 2025-06-01: its `ratelimit-reset` is an hour after the first
    // request on that day. A client on the same clock reads it so, whatever today's date.
    let stand_in = DigitalOceanStandIn::builder().rate_limit(1).clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    client.images().get(171_002_281u64).unwrap();
    let e = client.images().get(171_002_281u64).unwrap_err();
    assert!(e.is_rate_limited(), "{e}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(statuses(&stand_in.requests()), [Some(200), Some(429)]);
}

#[test]
fn a_short_hint_is_obeyed_in_full_on_the_client_clock() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in.inject("get-image", Fault::too_many_requests(Duration::from_secs(2))).unwrap();
    let before = stand_in.clock().now();
    let image = client.images().get(DEBIAN).unwrap();
    assert_eq!(image.id, DEBIAN);
    assert_eq!(statuses(&stand_in.requests()), [Some(429), Some(200)]);
    let waited = stand_in.clock().now().duration_since(before).unwrap();
    assert!(waited >= Duration::from_secs(2), "the retry came {waited:?} after the 429");
}

#[test]
fn a_retry_after_date_is_read_on_the_client_clock_and_obeyed() {
    // The manual clock starts at 2025-06-01T12:00:00Z: this date is 5 s later.
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in
        .inject("get-image", Fault::status(429).header("retry-after", "Sun, 01 Jun 2025 12:00:05 GMT"))
        .unwrap();
    let before = stand_in.clock().now();
    client.images().get(DEBIAN).unwrap();
    assert_eq!(statuses(&stand_in.requests()), [Some(429), Some(200)]);
    let waited = stand_in.clock().now().duration_since(before).unwrap();
    assert!(waited >= Duration::from_secs(5), "the retry came {waited:?} after the 429");
}

#[test]
fn a_hint_is_never_shortened_even_when_it_cannot_be_waited() {
    // 31 s is just over the default max_wait (30 s): not shortened to 30 s, not waited.
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in.inject("get-image", Fault::status(503).header("retry-after", "31")).unwrap();
    let before = stand_in.clock().now();
    let e = client.images().get(DEBIAN).unwrap_err();
    assert_eq!((e.status(), e.retry_after(), e.attempts()), (Some(503), Some(Duration::from_secs(31)), 1));
    assert_eq!(stand_in.clock().now(), before, "no wait at all");
    assert_eq!(stand_in.requests().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Item 3(a): a call's timeout bounds the whole call

/// A server on 127.0.0.1 that answers each request with `steps` (written, or slept), counting
/// the requests it read.
struct Staged {
    url: String,
    requests: Arc<AtomicUsize>,
}

enum Step {
    Sleep(Duration),
    Write(Vec<u8>),
}

fn write(s: &str) -> Step {
    Step::Write(s.as_bytes().to_vec())
}

impl Staged {
    fn start(steps: Vec<Step>) -> Staged {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
        let requests = Arc::new(AtomicUsize::new(0));
        let (count, steps) = (requests.clone(), Arc::new(steps));
        thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(mut conn) = conn else { return };
                let (count, steps) = (count.clone(), steps.clone());
                thread::spawn(move || {
                    let mut reader = BufReader::new(conn.try_clone().unwrap());
                    let mut line = String::new();
                    while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
                        line.clear();
                    }
                    count.fetch_add(1, Ordering::SeqCst);
                    for step in steps.iter() {
                        match step {
                            Step::Sleep(d) => thread::sleep(*d),
                            Step::Write(bytes) => {
                                if conn.write_all(bytes).and_then(|()| conn.flush()).is_err() {
                                    return;
                                }
                            }
                        }
                    }
                });
            }
        });
        Staged { url, requests }
    }

    fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

#[test]
fn a_server_that_stalls_in_every_phase_cannot_stretch_a_call_past_its_timeout() {
    // Each phase (the answer's head, then its body) comes within the timeout, but both together
    // do not: the call ends at its timeout, during the body, and is not sent again (no time is
    // left).
    let body = LINODE_IMAGE;
    let server = Staged::start(vec![
        Step::Sleep(Duration::from_millis(600)),
        write(&format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        )),
        Step::Sleep(Duration::from_millis(600)),
        write(body),
    ]);
    let client = linode::Client::builder()
        .token("tok")
        .base_url(&server.url)
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let e = client.execute(&linode::ops::GetImage::new("private/12345")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "the late answer was accepted: {e}");
    assert_eq!(e.status(), Some(200), "cut while reading the body of a 200");
    assert_eq!(server.requests(), 1);
}

#[test]
fn a_head_sent_a_line_at_a_time_cannot_stretch_a_call_past_its_timeout() {
    let server = Staged::start(vec![
        write("HTTP/1.1 200 OK\r\n"),
        Step::Sleep(Duration::from_millis(200)),
        write("content-type: application/json\r\n"),
        Step::Sleep(Duration::from_secs(30)),
        write(&format!("content-length: {}\r\n\r\n{LINODE_IMAGE}", LINODE_IMAGE.len())),
    ]);
    let client = linode::Client::builder()
        .token("tok")
        .base_url(&server.url)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let e = client.execute(&linode::ops::GetImage::new("private/12345")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert_eq!(server.requests(), 1);
}

#[test]
fn a_host_name_is_still_resolved_with_a_deadline_on_every_call() {
    // `localhost` goes through ureq's resolver (IP addresses are answered by ours).
    let stand_in = LinodeStandIn::start().unwrap();
    let url = stand_in.base_url().replace("127.0.0.1", "localhost");
    let client = linode::Client::builder().base_url(url).token(stand_in.token()).build().unwrap();
    assert_eq!(client.images().get(DEBIAN).unwrap().id, DEBIAN);
    assert_eq!(statuses(&stand_in.requests()), [Some(200)]);
}

#[test]
fn an_answer_later_than_the_call_timeout_on_a_manual_clock_is_a_timeout() {
    // The server moves the client's manual clock 90 s before it answers: a slow answer, as a
    // stand-in's delay on a manual clock makes it. The call's timeout is 60 s.
    let clock = Clock::manual();
    let moved = clock.clone();
    let server = Server::start_with(move |_| {
        moved.advance(Duration::from_secs(90));
        Reply::json(200, LINODE_IMAGE)
    });
    let client = linode::Client::builder()
        .token("tok")
        .base_url(server.url())
        .timeout(Duration::from_secs(60))
        .clock(clock)
        .build()
        .unwrap();
    let e = client.execute(&linode::ops::GetImage::new("private/12345")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    assert_eq!((e.attempts(), server.count()), (1, 1), "no time left for a retry");
}

#[test]
fn a_retry_gets_what_is_left_on_a_manual_clock() {
    // 503, then an answer 50 s late: the retry's limit is what is left of the 60 s (about 60 s
    // minus the backoff), so the 50 s answer is accepted; a 70 s one would not be.
    for (late, ok) in [(50, true), (70, false)] {
        let clock = Clock::manual();
        let moved = clock.clone();
        let server = Server::start_with(move |n| {
            if n == 0 {
                return Reply::json(503, r#"{"errors":[{"reason":"busy"}]}"#);
            }
            moved.advance(Duration::from_secs(late));
            Reply::json(200, LINODE_IMAGE)
        });
        let client = linode::Client::builder()
            .token("tok")
            .base_url(server.url())
            .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(10)))
            .clock(clock)
            .build()
            .unwrap();
        let got = client.execute(&linode::ops::GetImage::new("private/12345"));
        assert_eq!(got.is_ok(), ok, "{late} s: {got:?}");
        if let Err(e) = got {
            assert_eq!((e.kind(), e.attempts()), (ErrorKind::Timeout, 2));
        }
        assert_eq!(server.count(), 2);
    }
}

// ---------------------------------------------------------------------------------------------
// Item 3(b): a wait's timeout bounds the whole wait

#[test]
fn a_wait_gives_up_on_time_when_its_first_look_is_slow() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("get-image", Fault::delay(Duration::from_secs(30))).unwrap();
    let client = stand_in.client().unwrap(); // call timeout 60 s
    let e =
        client.images().wait_until_available(DEBIAN).timeout(Duration::from_millis(500)).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "the late image was returned: {e:?}");
    assert!(
        e.to_string().starts_with("gave up waiting for linode image linode/debian12 to be available after"),
        "{e}"
    );
    assert_eq!(e.last_status(), None, "no look came back");
    assert_eq!(stand_in.requests().len(), 1);
}

#[test]
fn a_wait_gives_up_on_time_when_a_later_look_is_slow_and_keeps_the_last_status() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let id = client.images().create_upload(linode::CreateUpload::new("web", "us-east")).unwrap().image.id;
    let e = client
        .images()
        .wait_until_available(&id)
        .timeout(Duration::from_secs(1))
        .interval(Duration::from_millis(100))
        .on_poll(|p| {
            if p.attempt == 1 {
                stand_in.inject("get-image", Fault::delay(Duration::from_secs(30))).unwrap();
            }
            ControlFlow::Continue(())
        })
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e:?}");
    assert!(e.to_string().starts_with("gave up waiting for"), "{e}");
    assert_eq!(e.last_status(), Some("pending_upload"));
    let gets: Vec<_> = stand_in.requests().into_iter().filter(|r| r.method == "GET").collect();
    assert_eq!(gets.len(), 2, "the first look, and the slow one");
    assert_eq!(gets[1].fault.as_deref(), Some("delay 30000 ms"));
}

#[test]
fn a_look_that_runs_out_of_the_call_timeout_first_is_the_call_error() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("get-image", Fault::delay(Duration::from_secs(30))).unwrap();
    let client = stand_in.client_builder().timeout(Duration::from_millis(300)).no_retries().build().unwrap();
    let e =
        client.images().wait_until_available(DEBIAN).timeout(Duration::from_secs(600)).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(!e.to_string().starts_with("gave up waiting"), "the call's own timeout: {e}");
    assert_eq!(stand_in.requests().len(), 1);
}

#[test]
fn digitalocean_waits_give_up_on_time_when_a_look_is_slow() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();

    stand_in.inject("images_get", Fault::delay(Duration::from_secs(30))).unwrap();
    let e = client
        .images()
        .wait_until_available(171_002_281u64)
        .timeout(Duration::from_millis(500))
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e:?}");
    assert!(e.to_string().starts_with("gave up waiting for digitalocean image 171002281"), "{e}");

    let action = client.images().actions(171_002_281u64).transfer("sfo3").unwrap();
    stand_in.inject("imageActions_get", Fault::delay(Duration::from_secs(30))).unwrap();
    let e = client
        .images()
        .actions(171_002_281u64)
        .wait_until_completed(action.id)
        .timeout(Duration::from_millis(500))
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e:?}");
    assert!(e.to_string().starts_with("gave up waiting for digitalocean action"), "{e}");
    let ops: Vec<_> = stand_in.requests().into_iter().map(|r| r.operation.unwrap_or_default()).collect();
    assert_eq!(ops, ["images_get", "imageActions_post", "imageActions_get"]);
}

#[test]
fn a_look_answered_after_the_wait_deadline_on_a_manual_clock_ends_the_wait() {
    // The first look answers "pending_upload" at once; the second answers 45 s late on the
    // manual clock, after the wait's 30 s: the wait's own timeout, with the last status seen.
    let clock = Clock::manual();
    let moved = clock.clone();
    let pending = LINODE_IMAGE.replace(r#""status":"available""#, r#""status":"pending_upload""#);
    let server = Server::start_with(move |n| {
        if n == 1 {
            moved.advance(Duration::from_secs(45));
        }
        Reply::json(200, &pending)
    });
    let client =
        linode::Client::builder().token("tok").base_url(server.url()).clock(clock.clone()).build().unwrap();
    let start = clock.now();
    let e = client
        .images()
        .wait_until_available("private/12345")
        .timeout(Duration::from_secs(30))
        .interval(Duration::from_secs(10))
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e:?}");
    assert!(e.to_string().starts_with("gave up waiting for linode image private/12345"), "{e}");
    assert_eq!(e.last_status(), Some("pending_upload"));
    assert_eq!(server.count(), 2, "not retried past the wait's deadline");
    assert!(clock.now().duration_since(start).unwrap() >= Duration::from_secs(55));
}

// ---------------------------------------------------------------------------------------------
// Item 4: the client clock

#[test]
fn a_wait_sleeps_on_the_client_clock_and_reports_elapsed_time_on_it() {
    // Linode finishes an upload 2 s after it arrives (the kit's default); nothing is uploaded
    // here, so the image stays `pending_upload`: looks at 0, 10, ..., 50 s, then the wait ends
    // at 60 s, all on the manual clock.
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    let id = client.images().create_upload(linode::CreateUpload::new("web", "us-east")).unwrap().image.id;
    let seen = Mutex::new(Vec::new());
    let e = client
        .images()
        .wait_until_available(&id)
        .timeout(Duration::from_secs(60))
        .interval(Duration::from_secs(10))
        .on_poll(|p| {
            seen.lock().unwrap().push((p.attempt, p.elapsed.as_secs(), p.status.to_string()));
            ControlFlow::Continue(())
        })
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(
        e.to_string(),
        format!(
            "gave up waiting for linode image {id} to be available after 60 s (last status: pending_upload)"
        )
    );
    let seen = seen.into_inner().unwrap();
    let elapsed: Vec<_> = seen.iter().map(|(n, s, _)| (*n, *s)).collect();
    assert_eq!(elapsed, [(1, 0), (2, 10), (3, 20), (4, 30), (5, 40), (6, 50)]);
    assert!(seen.iter().all(|(_, _, status)| status == "pending_upload"));
    let gets = stand_in.requests().iter().filter(|r| r.method == "GET").count();
    assert_eq!(gets, 6);
}

#[test]
fn a_digitalocean_import_completes_while_the_client_sleeps_on_the_stand_in_clock() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    let url = "https://example.com/fedora.qcow2.gz";
    let image = client.images().import(digitalocean::CustomImage::new("fedora", url, "nyc3")).unwrap();
    let start = stand_in.clock().now();
    // No `advance` by the test: the wait's own sleeps move the stand-in's clock.
    let image = client
        .images()
        .wait_until_available(image.id)
        .timeout(Duration::from_secs(3600))
        .interval(Duration::from_secs(30))
        .send()
        .unwrap();
    assert_eq!(image.status.map(|s| s.to_string()).as_deref(), Some("available"));
    let waited = stand_in.clock().now().duration_since(start).unwrap();
    assert!(waited >= Duration::from_secs(30), "{waited:?}");
    let looks = stand_in.requests().iter().filter(|r| r.method == "GET").count();
    assert!(looks >= 2, "{looks}");
}
