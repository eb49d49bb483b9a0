//! HTTPS for real: a local TLS server with a certificate from a CA made in the test. CI runs these
//! tests with the default `rustls` feature and again with `native-tls` (`.ci/run`).

use crate::common;
use crate::tls_support;

use std::error::Error as _;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

use cloud_images::{Error, ErrorKind, RetryPolicy, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE};
use tls_support::{Ca, TlsServer};

const TOKEN: &str = "tok-tls-5ecret-5ecret";

/// The default policy (4 retries), with tiny waits.
fn retries() -> RetryPolicy {
    RetryPolicy::default().base_delay(Duration::from_millis(1))
}

fn linode_client(base: &str, roots: &[&str]) -> linode::Client {
    let mut builder = linode::Client::builder().token(TOKEN).base_url(base).retry_policy(retries());
    for pem in roots {
        builder = builder.add_root_certificate_pem(pem);
    }
    builder.build().unwrap()
}

fn get_image(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::GetImage::new("private/12345"))
}

fn create_image(client: &linode::Client) -> cloud_images::Result<linode::types::Image> {
    client.images().create(42, "gold-master").send()
}

/// A server answering a Linode image to everything.
fn linode_server(cert: &tls_support::ServerCert) -> TlsServer {
    TlsServer::start(cert, |_| (200, LINODE_IMAGE.to_string()))
}

/// A TLS failure: typed, sent once, said clearly, token-free, with the TLS library's error kept.
fn assert_tls_failure(err: &Error, server: &TlsServer, what: &[&str]) {
    assert_eq!(err.kind(), ErrorKind::Tls, "{err:?}");
    assert_eq!(err.attempts(), 1, "a TLS failure is not retried: {err}");
    assert_eq!(server.connections(), 1, "exactly one handshake attempt: {err}");
    assert_eq!(server.handshakes(), 0);
    assert!(server.seen().is_empty(), "no request may be sent over a refused connection");
    let text = err.to_string().to_lowercase();
    assert!(text.starts_with("tls failure talking to https://"), "{text}");
    assert!(what.iter().any(|w| text.contains(w)), "{text} should say one of {what:?}");
    assert!(!text.contains(TOKEN) && !format!("{err:?}").contains(TOKEN));
    assert!(err.source().is_some());
}

#[test]
fn both_clients_talk_https_to_a_server_signed_by_an_added_root() {
    let ca = Ca::new("cloud-images test CA");
    let cert = ca.server_cert(&["localhost", "127.0.0.1"]);
    let server = TlsServer::start(&cert, |seen| match seen.target.as_str() {
        t if t.starts_with("/v2/") => (200, DO_IMAGE.to_string()),
        _ => (200, LINODE_IMAGE.to_string()),
    });

    let client = linode_client(&server.url(), &[&ca.pem]);
    assert_eq!(get_image(&client).unwrap().id, "private/12345");
    assert_eq!(create_image(&client).unwrap().label.as_deref(), Some("gold-master"));
    let seen = server.seen();
    assert_eq!((seen[0].method.as_str(), seen[0].target.as_str()), ("GET", "/v4/images/private%2F12345"));
    assert_eq!(seen[0].headers["authorization"], format!("Bearer {TOKEN}"));
    assert_eq!(seen[0].headers["host"], format!("127.0.0.1:{}", server.port));
    assert_eq!((seen[1].method.as_str(), seen[1].target.as_str()), ("POST", "/v4/images"));
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&seen[1].body).unwrap(),
        serde_json::json!({"disk_id": 42, "label": "gold-master"})
    );
    assert_eq!(server.handshakes(), 1, "the TLS connection is kept alive between calls");

    // By name too, and on the other provider.
    let by_name = format!("https://localhost:{}", server.port);
    let client = digitalocean::Client::builder()
        .token(TOKEN)
        .base_url(&by_name)
        .add_root_certificate_pem(&ca.pem)
        .build()
        .unwrap();
    let image = client.images().get(7555620).unwrap();
    assert_eq!(image.name.as_deref(), Some("fedora-coreos"));
    let last = server.seen().pop().unwrap();
    assert_eq!((last.method.as_str(), last.target.as_str()), ("GET", "/v2/images/7555620"));
    assert_eq!(last.headers["authorization"], format!("Bearer {TOKEN}"));
}

#[test]
fn an_upload_to_object_storage_goes_over_https_with_the_same_roots() {
    let ca = Ca::new("cloud-images test CA");
    let storage = TlsServer::start(&ca.server_cert(&["127.0.0.1"]), |_| (200, String::new()));
    let client = linode_client("https://api.linode.com", &[&ca.pem]);
    // An empty gzip stream: header, one empty final block, CRC and size 0.
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let url = format!("{}/bucket/image.gz?X-Amz-Signature=s", storage.url());
    client.images().upload_to(&url, linode::UploadSource::reader(&gz[..], gz.len() as u64)).unwrap();
    let seen = storage.seen();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("PUT", "/bucket/image.gz?X-Amz-Signature=s")
    );
    assert_eq!(seen[0].body, gz);
    assert_eq!(seen[0].headers.get("authorization"), None, "the token never goes to object storage");
}

#[test]
fn an_untrusted_certificate_is_a_tls_error_sent_once() {
    let ca = Ca::new("cloud-images test CA");
    let cert = ca.server_cert(&["localhost", "127.0.0.1"]);
    let untrusted = ["issuer", "certificate", "self-signed", "self signed"];

    // The default roots do not know the test CA: not for a GET, which retries on connection
    // failures, nor for a POST.
    let server = linode_server(&cert);
    let err = get_image(&linode_client(&server.url(), &[])).unwrap_err();
    assert_tls_failure(&err, &server, &untrusted);
    let server = linode_server(&cert);
    let err = create_image(&linode_client(&server.url(), &[])).unwrap_err();
    assert_tls_failure(&err, &server, &untrusted);

    // Another CA, trusted, does not vouch for this server either.
    let other = Ca::new("another CA");
    let server = linode_server(&cert);
    let err = get_image(&linode_client(&server.url(), &[&other.pem])).unwrap_err();
    assert_tls_failure(&err, &server, &untrusted);
}

#[test]
fn a_certificate_for_another_name_is_refused() {
    let ca = Ca::new("cloud-images test CA");
    let wrong_name = ["name", "mismatch"];

    // A certificate for `localhost` only, reached as 127.0.0.1.
    let server = linode_server(&ca.server_cert(&["localhost"]));
    let err = get_image(&linode_client(&server.url(), &[&ca.pem])).unwrap_err();
    assert_tls_failure(&err, &server, &wrong_name);

    // A certificate for example.test, reached as localhost.
    let server = linode_server(&ca.server_cert(&["example.test"]));
    let err =
        get_image(&linode_client(&format!("https://localhost:{}", server.port), &[&ca.pem])).unwrap_err();
    assert_tls_failure(&err, &server, &wrong_name);
}

#[test]
fn an_expired_certificate_is_refused() {
    let ca = Ca::new("cloud-images test CA");
    let server = linode_server(&ca.expired_server_cert(&["localhost", "127.0.0.1"]));
    let err = get_image(&linode_client(&server.url(), &[&ca.pem])).unwrap_err();
    assert_tls_failure(&err, &server, &["expired"]);
}

#[test]
fn https_to_a_server_that_answers_in_plain_http_is_a_tls_error() {
    // Answers an HTTP 400 to whatever arrives (here, the TLS hello), as a plain server would.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let counter = accepted.clone();
    thread::spawn(move || {
        for mut conn in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let _ = conn.write_all(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n");
            let _ = conn.read(&mut [0; 4096]);
        }
    });
    let err = get_image(&linode_client(&format!("https://127.0.0.1:{port}"), &[])).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Tls, "{err:?}");
    assert_eq!(err.attempts(), 1);
    assert_eq!(accepted.load(Ordering::SeqCst), 1);
}

#[test]
fn root_certificates_that_are_not_pem_certificates_fail_at_build() {
    let ca = Ca::new("cloud-images test CA");
    let key_only = "-----BEGIN PRIVATE KEY-----\nMAMCAQE=\n-----END PRIVATE KEY-----\n";
    let garbage_block = "-----BEGIN CERTIFICATE-----\nMAMCAQE=\n-----END CERTIFICATE-----\n";
    let truncated = &ca.pem[..ca.pem.len() / 2];
    let good_then_bad = format!("{}{garbage_block}", ca.pem);
    for bad in ["", "hello", key_only, garbage_block, truncated, &good_then_bad] {
        let err = linode::Client::builder().add_root_certificate_pem(bad).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
        assert!(err.to_string().contains("root certificate"), "{err}");
        let err =
            digitalocean::Client::builder().token(TOKEN).add_root_certificate_pem(bad).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad:?}");
    }
    // A bundle of several certificates is fine, and so are several calls.
    let bundle = format!("{}{}", ca.pem, Ca::new("second").pem);
    let builder =
        linode::Client::builder().add_root_certificate_pem(&bundle).add_root_certificate_pem(&ca.pem);
    assert!(format!("{builder:?}").contains("root_certificates_pem: 2"), "{builder:?}");
    builder.build().unwrap();
}
