//! A small scripted HTTP/1.1 server on 127.0.0.1 for faults httpmock cannot produce: cut bodies,
//! dropped connections, silence, invalid UTF-8. Each request is recorded; replies follow a script
//! (the last reply repeats). Keep-alive is supported, so connection reuse is exercised too.

#![allow(dead_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A complete response: status, extra headers, body (Content-Length is added).
    Full { status: u16, headers: Vec<(String, String)>, body: Vec<u8> },
    /// These exact bytes, then the connection is closed.
    Raw(Vec<u8>),
    /// Close the connection without answering.
    Drop,
    /// Never answer (the connection stays open until the server is dropped).
    Hang,
}

impl Reply {
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::Full {
            status,
            headers: vec![("content-type".into(), "application/json".into())],
            body: body.as_bytes().to_vec(),
        }
    }

    pub fn with_header(self, name: &str, value: &str) -> Reply {
        match self {
            Reply::Full { status, mut headers, body } => {
                headers.push((name.into(), value.into()));
                Reply::Full { status, headers, body }
            }
            other => other,
        }
    }
}

/// One request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub target: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

pub struct Server {
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl Server {
    pub fn start(script: Vec<Reply>) -> Server {
        Self::start_with(move |n| script.get(n).or(script.last()).cloned().unwrap_or(Reply::Drop))
    }

    /// `reply(n)` answers the n-th request (0-based, counted across connections).
    pub fn start_with(reply: impl Fn(usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let reply = Arc::new(reply);
        let (seen2, stop2) = (seen.clone(), stop.clone());
        thread::spawn(move || {
            for conn in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (seen, stop, reply) = (seen2.clone(), stop2.clone(), reply.clone());
                thread::spawn(move || serve(conn, &seen, &stop, &*reply));
            }
        });
        Server { port, seen, stop }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }

    pub fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port)); // unblock accept
    }
}

fn serve(
    conn: TcpStream,
    seen: &Mutex<Vec<Seen>>,
    stop: &AtomicBool,
    reply: &(dyn Fn(usize) -> Reply + Send + Sync),
) {
    let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
    let _ = conn.set_nodelay(true);
    let mut writer = conn.try_clone().unwrap();
    let mut reader = BufReader::new(conn);
    loop {
        let Some(request) = read_request(&mut reader) else { return };
        let n = {
            let mut seen = seen.lock().unwrap();
            seen.push(request);
            seen.len() - 1
        };
        match reply(n) {
            Reply::Full { status, headers, body } => {
                let mut head =
                    format!("HTTP/1.1 {status} {}\r\ncontent-length: {}\r\n", reason(status), body.len());
                for (k, v) in headers {
                    head.push_str(&format!("{k}: {v}\r\n"));
                }
                head.push_str("\r\n");
                let mut bytes = head.into_bytes();
                bytes.extend_from_slice(&body);
                if writer.write_all(&bytes).is_err() {
                    return;
                }
            }
            Reply::Raw(bytes) => {
                let _ = writer.write_all(&bytes);
                return;
            }
            Reply::Drop => return,
            Reply::Hang => {
                while !stop.load(Ordering::SeqCst) {
                    thread::sleep(Duration::from_millis(20));
                }
                return;
            }
        }
    }
}

/// One request (head and `Content-Length` body) from any stream: plain, TLS or tunnelled.
pub fn read_request(reader: &mut impl BufRead) -> Option<Seen> {
    let mut line = String::new();
    reader.read_line(&mut line).ok()?;
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_string();
    let target = parts.next()?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        reader.read_line(&mut h).ok()?;
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers.get("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut body = vec![0; len];
    reader.read_exact(&mut body).ok()?;
    Some(Seen { method, target, headers, body })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        302 => "Found",
        400 => "Bad Request",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Whatever",
    }
}

/// A realistic Linode image body.
pub const LINODE_IMAGE: &str = r#"{"id":"private/12345","label":"gold-master","description":null,"created":"2024-03-01T10:00:00","updated":"2024-03-01T10:05:00","created_by":"alice","deprecated":false,"is_public":false,"size":2500,"total_size":5000000000,"status":"available","type":"manual","vendor":null,"eol":null,"expiry":null,"capabilities":["cloud-init"],"tags":["prod"],"regions":[{"region":"us-east","status":"available"}]}"#;

/// A realistic DigitalOcean image body.
pub const DO_IMAGE: &str = r#"{"image":{"id":7555620,"name":"fedora-coreos","distribution":"Fedora","slug":null,"public":false,"regions":["nyc3"],"created_at":"2024-03-01T10:00:00Z","type":"custom","min_disk_size":20,"size_gigabytes":2.34,"description":"","tags":["base"],"status":"available","error_message":""}}"#;
