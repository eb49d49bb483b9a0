//! A raw HTTP/1.1 client for the kit's tests: sends exactly the bytes asked for (no client
//! library in between) and returns status, headers and body as received.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::TcpStream;

use serde_json::Value;

/// An answer as received.
#[derive(Debug)]
pub struct Raw {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Raw {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `method target` on `base` with `headers` and `body` (a `Content-Length` is added when the
/// body is not empty, unless one is given), on a connection of its own.
pub fn send(base: &str, method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Raw {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut head = format!("{method} {target} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    let has_length = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-length"));
    let chunked = headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding"));
    if !body.is_empty() && !has_length && !chunked {
        head.push_str(&format!("content-length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    // Done sending: a body shorter than its Content-Length ends here.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw); // a cut answer may end with a reset
    parse(&raw)
}

/// `GET target` with a bearer token.
pub fn get(base: &str, target: &str, token: &str) -> Raw {
    send(base, "GET", target, &[("authorization", &format!("Bearer {token}"))], b"")
}

/// A JSON request with a bearer token.
pub fn json(base: &str, method: &str, target: &str, token: &str, body: &Value) -> Raw {
    let auth = format!("Bearer {token}");
    let headers = [("authorization", auth.as_str()), ("content-type", "application/json")];
    send(base, method, target, &headers, body.to_string().as_bytes())
}

fn parse(raw: &[u8]) -> Raw {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("an answer head");
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Raw { status, headers, body: raw[split + 4..].to_vec() }
}

/// `n` bytes of gzip that unpack to `raw` zero bytes.
pub fn gzip_of_zeros(raw: usize) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(&vec![0u8; raw]).unwrap();
    encoder.finish().unwrap()
}
