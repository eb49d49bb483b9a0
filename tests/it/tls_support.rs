//! For the `tls` and `proxy` tests: a certificate authority made in the test (rcgen), an
//! HTTPS server on 127.0.0.1 (rustls over a threaded `TcpListener`) that answers canned
//! responses, and an HTTP proxy that tunnels `CONNECT`.
//! Both record what they saw.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

use crate::common::{Seen, read_request};

/// A certificate authority made for one test.
pub struct Ca {
    /// Its certificate, PEM: what `add_root_certificate_pem` is given.
    pub pem: String,
    issuer: Issuer<'static, KeyPair>,
}

/// A server certificate and its key.
pub struct ServerCert {
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

impl Ca {
    pub fn new(name: &str) -> Ca {
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let pem = params.self_signed(&key).unwrap().pem();
        Ca { pem, issuer: Issuer::new(params, key) }
    }

    /// A server certificate for these DNS names and IP addresses, valid from 2020 to 2100.
    pub fn server_cert(&self, names: &[&str]) -> ServerCert {
        self.cert(names, (2020, 2100))
    }

    /// A server certificate that expired at the start of 2001.
    pub fn expired_server_cert(&self, names: &[&str]) -> ServerCert {
        self.cert(names, (2000, 2001))
    }

    fn cert(&self, names: &[&str], (from, until): (i32, i32)) -> ServerCert {
        let key = KeyPair::generate().unwrap();
        let mut params =
            CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
        params.distinguished_name.push(DnType::CommonName, names[0]);
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.not_before = rcgen::date_time_ymd(from, 1, 1);
        params.not_after = rcgen::date_time_ymd(until, 1, 1);
        let cert = params.signed_by(&key, &self.issuer).unwrap();
        ServerCert {
            chain: vec![cert.der().clone()],
            key: PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        }
    }
}

/// The canned answer to a request: status and JSON body.
pub type Answer = Box<dyn Fn(&Seen) -> (u16, String) + Send + Sync>;

/// An HTTPS/1.1 server on 127.0.0.1 with keep-alive. It counts TCP connections (handshake
/// attempts) and completed handshakes, and records every request.
pub struct TlsServer {
    pub port: u16,
    connections: Arc<AtomicUsize>,
    handshakes: Arc<AtomicUsize>,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
}

impl TlsServer {
    pub fn start(cert: &ServerCert, answer: impl Fn(&Seen) -> (u16, String) + Send + Sync + 'static) -> Self {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(cert.chain.clone(), cert.key.clone_key())
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = TlsServer {
            port,
            connections: Arc::default(),
            handshakes: Arc::default(),
            seen: Arc::default(),
            stop: Arc::default(),
        };
        let (connections, handshakes, seen, stop) =
            (server.connections.clone(), server.handshakes.clone(), server.seen.clone(), server.stop.clone());
        let answer: Arc<Answer> = Arc::new(Box::new(answer));
        thread::spawn(move || {
            for tcp in listener.incoming() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(tcp) = tcp else { continue };
                connections.fetch_add(1, Ordering::SeqCst);
                let (config, handshakes, seen, answer) =
                    (config.clone(), handshakes.clone(), seen.clone(), answer.clone());
                thread::spawn(move || serve_tls(tcp, config, &handshakes, &seen, &answer));
            }
        });
        server
    }

    /// `https://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }

    /// TCP connections accepted: each is one TLS handshake attempt.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Handshakes that completed.
    pub fn handshakes(&self) -> usize {
        self.handshakes.load(Ordering::SeqCst)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port)); // unblock accept
    }
}

fn serve_tls(
    tcp: TcpStream,
    config: Arc<rustls::ServerConfig>,
    handshakes: &AtomicUsize,
    seen: &Mutex<Vec<Seen>>,
    answer: &Answer,
) {
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(10)));
    let mut tls = rustls::StreamOwned::new(rustls::ServerConnection::new(config).unwrap(), tcp);
    while tls.conn.is_handshaking() {
        if tls.conn.complete_io(&mut tls.sock).is_err() {
            return; // the client refused our certificate (or was not speaking TLS)
        }
    }
    handshakes.fetch_add(1, Ordering::SeqCst);
    let mut reader = BufReader::new(tls);
    while let Some(request) = read_request(&mut reader) {
        let (status, body) = answer(&request);
        seen.lock().unwrap().push(request);
        let head = format!(
            "HTTP/1.1 {status} Whatever\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        let out = reader.get_mut();
        if out
            .write_all(head.as_bytes())
            .and_then(|()| out.write_all(body.as_bytes()))
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

/// What the proxy saw.
#[derive(Clone, Debug, Default)]
pub struct ProxyLog {
    /// Each request line received (`CONNECT 127.0.0.1:1234 HTTP/1.1`).
    pub requests: Vec<String>,
    /// Every byte received from clients, request heads included, and every byte relayed back.
    pub bytes: Vec<u8>,
}

/// An HTTP proxy on 127.0.0.1: `CONNECT host:port` opens a tunnel to `route(host:port)`.
/// (ureq uses `CONNECT` for `http://` targets too.)
pub struct RecordingProxy {
    pub port: u16,
    log: Arc<Mutex<ProxyLog>>,
}

impl RecordingProxy {
    pub fn start(route: impl Fn(&str) -> String + Send + Sync + 'static) -> RecordingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let log = Arc::new(Mutex::new(ProxyLog::default()));
        let route = Arc::new(route);
        let log2 = log.clone();
        thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { continue };
                let (log, route) = (log2.clone(), route.clone());
                thread::spawn(move || proxy_one(client, &log, &*route));
            }
        });
        RecordingProxy { port, log }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn log(&self) -> ProxyLog {
        self.log.lock().unwrap().clone()
    }
}

fn proxy_one(client: TcpStream, log: &Arc<Mutex<ProxyLog>>, route: &(dyn Fn(&str) -> String + Send + Sync)) {
    let _ = client.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let mut head = Vec::new();
    loop {
        let mut line = Vec::new();
        if reader.read_until(b'\n', &mut line).unwrap_or(0) == 0 {
            return;
        }
        head.extend_from_slice(&line);
        if line == b"\r\n" {
            break;
        }
    }
    let text = String::from_utf8_lossy(&head).into_owned();
    let request_line = text.lines().next().unwrap_or_default().to_string();
    {
        let mut log = log.lock().unwrap();
        log.requests.push(request_line.clone());
        log.bytes.extend_from_slice(&head);
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
    let mut client_out = client;
    if method == "CONNECT" {
        let Ok(upstream) = TcpStream::connect(route(target)) else {
            let _ = client_out.write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n");
            return;
        };
        client_out.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n").unwrap();
        tunnel(reader, client_out, upstream, log);
    } else {
        // ureq tunnels plain http through CONNECT too: nothing else is expected.
        let _ = client_out.write_all(b"HTTP/1.1 405 Method Not Allowed\r\ncontent-length: 0\r\n\r\n");
    }
}

/// Relays bytes both ways until either side closes, recording them.
fn tunnel(
    mut from_client: BufReader<TcpStream>,
    mut to_client: TcpStream,
    upstream: TcpStream,
    log: &Arc<Mutex<ProxyLog>>,
) {
    let mut to_upstream = upstream.try_clone().unwrap();
    let mut from_upstream = upstream;
    let log2 = log.clone();
    let back = thread::spawn(move || {
        let mut buf = [0; 16 * 1024];
        while let Ok(n @ 1..) = from_upstream.read(&mut buf) {
            log2.lock().unwrap().bytes.extend_from_slice(&buf[..n]);
            if to_client.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to_client.shutdown(std::net::Shutdown::Both);
    });
    let mut buf = [0; 16 * 1024];
    while let Ok(n @ 1..) = from_client.read(&mut buf) {
        log.lock().unwrap().bytes.extend_from_slice(&buf[..n]);
        if to_upstream.write_all(&buf[..n]).is_err() {
            break;
        }
    }
    let _ = to_upstream.shutdown(std::net::Shutdown::Both);
    let _ = back.join();
}
