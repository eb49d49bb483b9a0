//! A small HTTP/1.1 server on std only, enough for the stand-ins and the clients that talk to
//! them: a thread per connection, keep-alive, `Content-Length` and chunked request bodies
//! streamed to the service (never buffered whole), `Expect: 100-continue`, and answers that can
//! be delayed (as long as the server runs, however long the delay), cut short or dropped. It
//! stops, and its port closes, when dropped.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::lock;

/// The longest request line plus headers.
const MAX_HEAD: usize = 64 * 1024;
/// How long a connection may stay silent (between requests or within one).
const IDLE: Duration = Duration::from_secs(120);

/// A request's line and headers.
#[derive(Debug)]
pub(crate) struct Head {
    pub(crate) method: String,
    /// The path as sent (still percent-encoded).
    pub(crate) path: String,
    /// The query's pairs, decoded, in order.
    pub(crate) query: Vec<(String, String)>,
    /// Header names in lower case, in order.
    pub(crate) headers: Vec<(String, String)>,
}

impl Head {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub(crate) fn query(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// How an answer goes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Delivery {
    /// Whole, and the connection stays open.
    Whole,
    /// `Content-Length` of the whole body, half of it, then the connection is closed.
    Cut,
    /// Nothing: the connection is closed.
    Drop,
}

/// What the service answers.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: Vec<u8>,
    /// Waited before the answer is written (a delay too long to represent: no answer while
    /// the server runs).
    pub(crate) delay: Duration,
    pub(crate) delivery: Delivery,
}

/// What answers requests. `body` is the request body, streamed; what is left unread is
/// drained after `serve` returns.
pub(crate) trait Service: Send + Sync + 'static {
    fn serve(&self, head: &Head, body: &mut dyn Read) -> Answer;
}

/// A running server; dropping it stops it.
pub(crate) struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    accept: Option<JoinHandle<()>>,
}

struct Shared {
    stop: AtomicBool,
    /// Each open connection (a handle to shut it down) and its thread.
    connections: Mutex<Vec<(TcpStream, JoinHandle<()>)>>,
}

impl Server {
    /// A listener on 127.0.0.1 on `port` (0: a free port).
    pub(crate) fn bind(port: u16) -> io::Result<TcpListener> {
        TcpListener::bind(("127.0.0.1", port))
    }

    /// Serves `listener` with `service` on a thread of its own.
    pub(crate) fn start(listener: TcpListener, service: Arc<dyn Service>) -> io::Result<Server> {
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared { stop: AtomicBool::new(false), connections: Mutex::new(Vec::new()) });
        let for_thread = shared.clone();
        let accept = thread::Builder::new()
            .name(format!("stand-in {addr}"))
            .spawn(move || accept_loop(&listener, &for_thread, &service))?;
        Ok(Server { addr, shared, accept: Some(accept) })
    }

    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // A connection wakes the accepting thread up, which then sees `stop` and ends.
        let woken = TcpStream::connect_timeout(&self.addr, Duration::from_secs(2)).is_ok();
        if let Some(accept) = self.accept.take()
            && woken
        {
            let _ = accept.join();
        }
        let connections = std::mem::take(&mut *lock(&self.shared.connections));
        for (stream, thread) in connections {
            let _ = stream.shutdown(Shutdown::Both);
            let _ = thread.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, shared: &Arc<Shared>, service: &Arc<dyn Service>) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            break;
        }
        let stream = match stream {
            Ok(stream) => stream,
            Err(e) => {
                log::debug!(target: "cloud_images::testing", "accept failed: {e}");
                thread::sleep(Duration::from_millis(10));
                continue;
            }
        };
        let Ok(handle) = stream.try_clone() else { continue };
        let (service, for_thread) = (service.clone(), shared.clone());
        match thread::Builder::new().spawn(move || connection(stream, service.as_ref(), &for_thread)) {
            Ok(thread) => {
                let mut connections = lock(&shared.connections);
                connections.retain(|(_, t)| !t.is_finished());
                connections.push((handle, thread));
            }
            Err(e) => log::warn!(target: "cloud_images::testing", "cannot start a connection thread: {e}"),
        }
    }
}

/// Serves the requests of one connection until it closes.
fn connection(stream: TcpStream, service: &dyn Service, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_read_timeout(Some(IDLE));
    let _ = stream.set_write_timeout(Some(IDLE));
    let Ok(mut writer) = stream.try_clone() else { return };
    let mut reader = BufReader::with_capacity(64 * 1024, stream);
    while !shared.stop.load(Ordering::SeqCst) {
        let head = match read_head(&mut reader) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(e) => {
                log::debug!(target: "cloud_images::testing", "bad request: {e}");
                let _ = write_answer(&mut writer, &plain(400, "bad request"), false);
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        };
        let framing = match framing(&head) {
            Ok(framing) => framing,
            Err(message) => {
                let _ = write_answer(&mut writer, &plain(400, message), false);
                let _ = writer.shutdown(Shutdown::Both);
                return;
            }
        };
        if framing.has_body() && head.header("expect").is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
        {
            let _ = writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
        let mut body = BodyReader { inner: &mut reader, framing };
        let answer = service.serve(&head, &mut body);
        let drained = io::copy(&mut body, &mut io::sink()).is_ok();
        let keep_alive = drained && answer.delivery == Delivery::Whole && wants_keep_alive(&head);
        if !pause(answer.delay, &shared.stop) {
            // The server stopped before the answer was due: it never comes.
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
        if answer.delivery == Delivery::Drop
            || write_answer(&mut writer, &answer, keep_alive).is_err()
            || !keep_alive
        {
            let _ = writer.shutdown(Shutdown::Both);
            return;
        }
    }
}

/// Sleeps for `delay`, or until the server stops: `false` when it stopped first. A delay too
/// long for an `Instant` to represent lasts until the server stops.
fn pause(delay: Duration, stop: &AtomicBool) -> bool {
    if delay.is_zero() {
        return true;
    }
    let until = Instant::now().checked_add(delay);
    while !stop.load(Ordering::SeqCst) {
        let left = until.map_or(Duration::MAX, |until| until.saturating_duration_since(Instant::now()));
        if left.is_zero() {
            return true;
        }
        thread::sleep(left.min(Duration::from_millis(20)));
    }
    false
}

fn wants_keep_alive(head: &Head) -> bool {
    !head.header("connection").is_some_and(|v| v.eq_ignore_ascii_case("close"))
}

fn plain(status: u16, text: &str) -> Answer {
    Answer {
        status,
        headers: vec![("content-type".into(), "text/plain".into())],
        body: text.as_bytes().to_vec(),
        delay: Duration::ZERO,
        delivery: Delivery::Whole,
    }
}

/// Reads one line of the head (with its `\n`), counting against the head's limit.
fn read_line(reader: &mut dyn BufRead, used: &mut usize) -> io::Result<String> {
    let mut line = Vec::new();
    let limit = MAX_HEAD.saturating_sub(*used) as u64;
    reader.take(limit).read_until(b'\n', &mut line)?;
    *used += line.len();
    if *used >= MAX_HEAD {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "request head too large"));
    }
    String::from_utf8(line)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "request head is not UTF-8"))
}

/// The next request's head; `None` when the connection closed between requests.
fn read_head(reader: &mut dyn BufRead) -> io::Result<Option<Head>> {
    let mut used = 0;
    let mut line = read_line(reader, &mut used)?;
    while line == "\r\n" || line == "\n" {
        line = read_line(reader, &mut used)?;
    }
    if line.is_empty() {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(_version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(io::Error::new(io::ErrorKind::InvalidData, "bad request line"));
    };
    let mut headers = Vec::new();
    loop {
        let line = read_line(reader, &mut used)?;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "bad header line"));
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, parse_query(query)),
        None => (target, Vec::new()),
    };
    Ok(Some(Head { method: method.to_string(), path: path.to_string(), query, headers }))
}

/// `a=1&b=x%20y` as decoded pairs (`+` is a space).
fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(&k.replace('+', " ")), percent_decode(&v.replace('+', " ")))
        })
        .collect()
}

/// `private%2F123` is `private/123`; a `%` not followed by two hex digits is kept.
pub(crate) fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (b, hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// How the request body is framed.
enum Framing {
    /// This many bytes left.
    Length(u64),
    /// `Transfer-Encoding: chunked`: bytes left in the current chunk.
    Chunked { left: u64, started: bool, done: bool },
}

impl Framing {
    fn has_body(&self) -> bool {
        !matches!(self, Framing::Length(0))
    }
}

fn framing(head: &Head) -> Result<Framing, &'static str> {
    if head.header("transfer-encoding").is_some_and(|v| v.to_ascii_lowercase().contains("chunked")) {
        return Ok(Framing::Chunked { left: 0, started: false, done: false });
    }
    match head.header("content-length") {
        Some(v) => v.trim().parse().map(Framing::Length).map_err(|_| "invalid Content-Length"),
        None => Ok(Framing::Length(0)),
    }
}

/// The request body, as framed; an early end of the connection is an `UnexpectedEof` error.
struct BodyReader<'a> {
    inner: &'a mut dyn BufRead,
    framing: Framing,
}

impl BodyReader<'_> {
    /// Reads at most `left` bytes into `buf`.
    fn read_some(&mut self, buf: &mut [u8], left: u64) -> io::Result<usize> {
        let max = usize::try_from(left).map_or(buf.len(), |left| left.min(buf.len()));
        let Some(part) = buf.get_mut(..max) else { return Ok(0) };
        let n = self.inner.read(part)?;
        if n == 0 && max > 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the body ended early"));
        }
        Ok(n)
    }

    fn chunk_line(&mut self) -> io::Result<String> {
        let mut used = 0;
        let line = read_line(self.inner, &mut used)?;
        if line.is_empty() {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "the chunked body ended early"));
        }
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

impl Read for BodyReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        match self.framing {
            Framing::Length(0) | Framing::Chunked { done: true, .. } => Ok(0),
            Framing::Length(left) => {
                let n = self.read_some(buf, left)?;
                self.framing = Framing::Length(left - n as u64);
                Ok(n)
            }
            Framing::Chunked { left: 0, started, .. } => {
                if started {
                    self.chunk_line()?; // the CRLF after the previous chunk
                }
                let line = self.chunk_line()?;
                let size = line.split(';').next().unwrap_or_default().trim();
                let size = u64::from_str_radix(size, 16)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "bad chunk size"))?;
                if size == 0 {
                    while !self.chunk_line()?.is_empty() {} // trailers
                    self.framing = Framing::Chunked { left: 0, started: true, done: true };
                    return Ok(0);
                }
                self.framing = Framing::Chunked { left: size, started: true, done: false };
                self.read(buf)
            }
            Framing::Chunked { left, .. } => {
                let n = self.read_some(buf, left)?;
                self.framing = Framing::Chunked { left: left - n as u64, started: true, done: false };
                Ok(n)
            }
        }
    }
}

fn write_answer(writer: &mut TcpStream, answer: &Answer, keep_alive: bool) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", answer.status, reason(answer.status));
    for (name, value) in &answer.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    let body: &[u8] = match answer.delivery {
        Delivery::Cut => {
            let whole = answer.body.len();
            if whole < 2 || answer.status == 204 {
                // Nothing to cut in half (a 204 has no body): the head itself is cut, so the
                // answer is lost on its way back as surely as a cut body.
                let half = head.len() / 2;
                writer.write_all(head.as_bytes().get(..half).unwrap_or_default())?;
                return writer.flush();
            }
            head.push_str(&format!("content-length: {whole}\r\nconnection: close\r\n"));
            answer.body.get(..whole / 2).unwrap_or_default()
        }
        _ => {
            if answer.status != 204 {
                head.push_str(&format!("content-length: {}\r\n", answer.body.len()));
            }
            head.push_str(if keep_alive { "connection: keep-alive\r\n" } else { "connection: close\r\n" });
            if answer.status == 204 { &[] } else { &answer.body }
        }
    };
    head.push_str("\r\n");
    writer.write_all(head.as_bytes())?;
    writer.write_all(body)?;
    writer.flush()
}

/// The reason phrase of a status.
pub(crate) fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Payload Too Large",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_queries_and_chunked_bodies_are_read() {
        let raw = b"PUT /a%2Fb?x=1&y=a+b%21&flag HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n\
                    3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nTrailer: t\r\n\r\n"
            .to_vec();
        let mut reader = std::io::Cursor::new(raw);
        let head = read_head(&mut reader).unwrap().unwrap();
        assert_eq!(head.method, "PUT");
        assert_eq!(head.path, "/a%2Fb");
        assert_eq!(percent_decode(&head.path), "/a/b");
        assert_eq!(head.query("y"), Some("a b!"));
        assert_eq!(head.query("flag"), Some(""));
        assert_eq!(head.header("HOST"), Some("h"));
        let mut body = BodyReader { inner: &mut reader, framing: framing(&head).unwrap() };
        let mut text = String::new();
        body.read_to_string(&mut text).unwrap();
        assert_eq!(text, "abcde");
    }

    #[test]
    fn a_short_body_is_an_error() {
        let mut reader = std::io::Cursor::new(b"abc".to_vec());
        let mut body = BodyReader { inner: &mut reader, framing: Framing::Length(5) };
        let mut out = Vec::new();
        assert_eq!(body.read_to_end(&mut out).unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn a_pause_too_long_to_represent_ends_when_the_server_stops() {
        let stop = Arc::new(AtomicBool::new(false));
        let stopper = stop.clone();
        let waiter = thread::spawn(move || pause(Duration::MAX, &stopper));
        stop.store(true, Ordering::SeqCst);
        assert!(!waiter.join().unwrap());
        assert!(pause(Duration::ZERO, &stop));
        assert!(pause(Duration::from_millis(1), &AtomicBool::new(false)));
    }

    #[test]
    fn encoding_round_trips() {
        let s = "a b/c?d=é&+";
        assert_eq!(percent_decode(&crate::encode::component(s)), s);
        assert_eq!(percent_decode("100%"), "100%");
    }
}
