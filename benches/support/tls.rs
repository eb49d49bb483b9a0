//! An HTTPS PUT sink on 127.0.0.1 for the upload benchmark: a certificate authority made in the
//! run (rcgen, as in tests/tls_support), rustls on the server side, and the same request loop as
//! the plain [`BenchServer`](super::BenchServer) (keep-alive, bodies counted and discarded).

use std::io::BufReader;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

pub struct TlsSink {
    pub port: u16,
    /// The CA's certificate, PEM: for the client's roots and for `curl --cacert`.
    pub ca_pem: String,
    /// Bytes of request bodies received.
    pub received: Arc<AtomicU64>,
}

impl TlsSink {
    pub fn start() -> TlsSink {
        let ca_key = KeyPair::generate().unwrap();
        let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca.distinguished_name.push(DnType::CommonName, "bench CA");
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_pem = ca.self_signed(&ca_key).unwrap().pem();
        let issuer = Issuer::new(ca, ca_key);
        let key = KeyPair::generate().unwrap();
        let mut params = CertificateParams::new(vec!["127.0.0.1".to_string()]).unwrap();
        params.distinguished_name.push(DnType::CommonName, "127.0.0.1");
        let cert = params.signed_by(&key, &issuer).unwrap();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(vec![cert.der().clone()], key)
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(AtomicU64::new(0));
        let counter = received.clone();
        std::thread::spawn(move || {
            for tcp in listener.incoming().flatten() {
                let (config, counter) = (config.clone(), counter.clone());
                std::thread::spawn(move || {
                    let _ = tcp.set_nodelay(true);
                    let conn = rustls::ServerConnection::new(config).unwrap();
                    let stream = rustls::StreamOwned::new(conn, tcp);
                    let route = |_: &str, _: &str| (200, Arc::new(b"{}".to_vec()));
                    super::serve(BufReader::with_capacity(256 * 1024, stream), &route, &counter);
                });
            }
        });
        TlsSink { port, ca_pem, received }
    }

    pub fn url(&self) -> String {
        format!("https://127.0.0.1:{}/sink?signature=bench", self.port)
    }

    pub fn received(&self) -> u64 {
        self.received.load(Ordering::Relaxed)
    }
}
