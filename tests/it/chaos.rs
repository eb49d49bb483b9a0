//! Chaos run: 5,600 calls from 8 threads on one client with the default retry policy (tiny
//! backoff), against a seeded scripted server that mixes 429s, 503s, resets, closes, cut
//! bodies, slow answers and stalls. No panic; every call ends `Ok` or with an expected error
//! kind; no create is acted on twice. Prints one summary line (`--nocapture` to see it).
//!
//! Faults are drawn from (seed, call number, attempt number), not from arrival order, so every
//! run injects the same faults whatever the thread interleaving.

use crate::common;

use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use cloud_images::{ErrorKind, RetryPolicy, linode};
use common::{LINODE_IMAGE, Seen, read_request};

const SEED: u64 = 0x5eed_c0de_2024_0012;
const THREADS: u32 = 8;
const CALLS_PER_THREAD: u32 = 700;
/// The client's call timeout; a stall holds its answer longer than this.
const CALL_TIMEOUT: Duration = Duration::from_millis(300);
const STALL: Duration = Duration::from_millis(450);

/// One step of xorshift64*, applied a few times to mix the inputs.
fn xorshift(mut x: u64) -> u64 {
    for _ in 0..3 {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        x = x.wrapping_mul(0x2545_f491_4f6c_dd1d);
    }
    x
}

fn draw(call: u32, attempt: u32, salt: u64) -> u64 {
    xorshift(SEED ^ salt ^ (u64::from(call) << 20) ^ u64::from(attempt) ^ 1)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Fault {
    None,
    /// 429 with `Retry-After: 0`: not acted on.
    TooMany,
    /// 503: not acted on.
    Unavailable,
    /// Acted on, then the connection closes before an answer.
    CloseAfterActing,
    /// A TCP reset before acting.
    Reset,
    /// Acted on; the answer's `Content-Length` promises 100 bytes more than are sent.
    CutBody,
    /// Acted on, answered after 10 to 30 ms.
    Slow,
    /// Acted on, then silence past the client's call timeout, then a close.
    Stall,
}

/// The fault for attempt `attempt` of call `call`, per mille.
fn fault(call: u32, attempt: u32) -> Fault {
    match draw(call, attempt, 0xfa17) % 1000 {
        0..80 => Fault::TooMany,
        80..160 => Fault::Unavailable,
        160..210 => Fault::CloseAfterActing,
        210..260 => Fault::Reset,
        260..310 => Fault::CutBody,
        310..370 => Fault::Slow,
        370..372 => Fault::Stall,
        _ => Fault::None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Get,
    Create,
    Delete,
}

fn op(call: u32) -> Op {
    match draw(call, 0, 0x0b) % 100 {
        0..60 => Op::Get,
        60..85 => Op::Create,
        _ => Op::Delete,
    }
}

#[derive(Default)]
struct Record {
    /// Attempts seen per (method, call).
    attempts: HashMap<(String, u32), u32>,
    /// Creates acted on, per call.
    acted: HashMap<u32, u32>,
    faults: BTreeMap<Fault, u64>,
}

/// The call number in `/v4/images/private%2F{n}`, or in a create's `"label": "chaos-{n}"`.
fn call_number(seen: &Seen) -> Option<u32> {
    if seen.method == "POST" {
        let body: serde_json::Value = serde_json::from_slice(&seen.body).ok()?;
        return body["label"].as_str()?.strip_prefix("chaos-")?.parse().ok();
    }
    seen.target.strip_prefix("/v4/images/private%2F")?.parse().ok()
}

fn image_json(call: u32) -> String {
    LINODE_IMAGE.replacen("private/12345", &format!("private/{call}"), 1).replacen(
        "gold-master",
        &format!("chaos-{call}"),
        1,
    )
}

fn start_server(record: Arc<Mutex<Record>>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { continue };
            let record = record.clone();
            thread::spawn(move || serve(conn, &record));
        }
    });
    port
}

fn serve(conn: TcpStream, record: &Mutex<Record>) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
    let _ = conn.set_nodelay(true);
    let mut out = conn.try_clone().unwrap();
    let mut reader = BufReader::new(conn);
    while let Some(seen) = read_request(&mut reader) {
        let call = call_number(&seen).expect("every request names its call");
        let create = seen.method == "POST";
        let fault = {
            let mut r = record.lock().unwrap();
            let attempt = r.attempts.entry((seen.method.clone(), call)).or_insert(0);
            *attempt += 1;
            let fault = fault(call, *attempt);
            *r.faults.entry(fault).or_insert(0) += 1;
            let acts = !matches!(fault, Fault::TooMany | Fault::Unavailable | Fault::Reset);
            if create && acts {
                *r.acted.entry(call).or_insert(0) += 1;
            }
            fault
        };
        let (status, body) = match seen.method.as_str() {
            "POST" | "GET" => (200, image_json(call)),
            _ => (200, "{}".to_string()),
        };
        let answer = |status: u16, extra: &str, body: &str, declared: usize| {
            format!(
                "HTTP/1.1 {status} Whatever\r\ncontent-type: application/json\r\ncontent-length: {declared}\r\n{extra}\r\n{body}"
            )
        };
        let bytes = match fault {
            Fault::TooMany => {
                let body = r#"{"errors":[{"reason":"Too many requests"}]}"#;
                answer(429, "retry-after: 0\r\n", body, body.len())
            }
            Fault::Unavailable => {
                let body = r#"{"errors":[{"reason":"Service unavailable"}]}"#;
                answer(503, "", body, body.len())
            }
            Fault::CloseAfterActing => return,
            Fault::Reset => {
                let _ = socket2::SockRef::from(&out).set_linger(Some(Duration::ZERO));
                return; // closing with linger 0 sends a RST
            }
            Fault::CutBody => {
                let _ =
                    out.write_all(answer(status, "", &body[..body.len() / 2], body.len() + 100).as_bytes());
                return;
            }
            Fault::Slow => {
                thread::sleep(Duration::from_millis(10 + draw(call, 0, 0x5107) % 21));
                answer(status, "", &body, body.len())
            }
            Fault::Stall => {
                thread::sleep(STALL);
                return;
            }
            Fault::None => answer(status, "", &body, body.len()),
        };
        if out.write_all(bytes.as_bytes()).is_err() {
            return;
        }
    }
}

/// How one call ended.
#[derive(Debug)]
struct Outcome {
    call: u32,
    op: Op,
    result: Result<Option<String>, (ErrorKind, Option<u16>)>,
    elapsed: Duration,
}

#[test]
fn five_thousand_calls_through_seeded_faults_end_typed_and_never_create_twice() {
    let record = Arc::new(Mutex::new(Record::default()));
    let port = start_server(record.clone());
    let client = linode::Client::builder()
        .token("tok-chaos")
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(1)))
        .timeout(CALL_TIMEOUT)
        .build()
        .unwrap();
    let started = Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|t| {
            let client = client.clone();
            thread::spawn(move || {
                let images = client.images();
                (0..CALLS_PER_THREAD)
                    .map(|i| {
                        let call = t * CALLS_PER_THREAD + i;
                        let id = format!("private/{call}");
                        let op = op(call);
                        let begun = Instant::now();
                        let result = match op {
                            Op::Get => images.get(&id).map(|image| image.label),
                            Op::Create => images
                                .create(u64::from(call), format!("chaos-{call}"))
                                .send()
                                .map(|i| i.label),
                            Op::Delete => images.delete(&id).map(|()| None),
                        };
                        let result = result.map_err(|e| (e.kind(), e.status()));
                        Outcome { call, op, result, elapsed: begun.elapsed() }
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let outcomes: Vec<Outcome> = handles.into_iter().flat_map(|h| h.join().expect("no panic")).collect();
    let wall = started.elapsed();

    let record = record.lock().unwrap();
    let total = THREADS * CALLS_PER_THREAD;
    assert_eq!(outcomes.len(), total as usize);
    let mut by_kind: BTreeMap<String, u32> = BTreeMap::new();
    for o in &outcomes {
        let key = match &o.result {
            Ok(_) => "Ok".to_string(),
            Err((kind, _)) => format!("{kind:?}"),
        };
        *by_kind.entry(key).or_default() += 1;
        match &o.result {
            Ok(label) => {
                if o.op != Op::Delete {
                    assert_eq!(label.as_deref(), Some(&*format!("chaos-{}", o.call)), "{o:?}");
                }
            }
            // Retries exhausted on 429/503 (or a create's 503), a cut or dropped connection, a stall.
            Err((ErrorKind::Api, status)) => assert!(matches!(status, Some(429 | 503)), "{o:?}"),
            Err((ErrorKind::Transport | ErrorKind::Timeout, _)) => {}
            Err(other) => panic!("unexpected error kind {other:?} for {o:?}"),
        }
        let method = match o.op {
            Op::Get => "GET",
            Op::Create => "POST",
            Op::Delete => "DELETE",
        };
        let attempts = record.attempts.get(&(method.to_string(), o.call)).copied().unwrap_or(0);
        assert!((1..=5).contains(&attempts), "at most 1 + 4 retries: {attempts} for {o:?}");
        if o.op == Op::Create {
            let acted = record.acted.get(&o.call).copied().unwrap_or(0);
            assert!(acted <= 1, "create {} acted on {acted} times: {o:?}", o.call);
            match &o.result {
                Ok(_) => assert_eq!(acted, 1, "{o:?}"),
                Err((ErrorKind::Api, _)) => {
                    assert_eq!(acted, 0, "refused with 429/503 means not acted: {o:?}")
                }
                Err(_) => {}
            }
        }
    }
    for fault in [
        Fault::TooMany,
        Fault::Unavailable,
        Fault::CloseAfterActing,
        Fault::Reset,
        Fault::CutBody,
        Fault::Slow,
        Fault::Stall,
    ] {
        assert!(record.faults.get(&fault).copied().unwrap_or(0) > 0, "{fault:?} was never injected");
    }
    for kind in ["Ok", "Api", "Transport", "Timeout"] {
        assert!(by_kind.contains_key(kind), "no call ended {kind}: {by_kind:?}");
    }
    let requests: u64 = record.faults.values().sum();
    let creates = outcomes.iter().filter(|o| o.op == Op::Create).count();
    let acted_once = record.acted.values().filter(|&&n| n == 1).count();
    let slowest = outcomes.iter().map(|o| o.elapsed).max().unwrap_or_default();
    println!(
        "chaos: {total} calls ({creates} creates, {acted_once} acted on once, none twice) from {THREADS} threads, \
         {requests} requests, faults {:?}, outcomes {by_kind:?}, slowest call {} ms (timeout {} ms), wall {} ms",
        record.faults,
        slowest.as_millis(),
        CALL_TIMEOUT.as_millis(),
        wall.as_millis()
    );
}
