//! Tokens and proxies from the environment. The test changes the process environment: it runs
//! in its own process (`alone::in_own_process`).

use crate::{alone, common};

use cloud_images::{ErrorKind, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};

fn set(name: &str, value: Option<&str>) {
    // SAFETY: the test runs alone in its own process, so no other thread reads the environment
    // meanwhile.
    unsafe {
        match value {
            Some(v) => std::env::set_var(name, v),
            None => std::env::remove_var(name),
        }
    }
}

fn linode_auth(server: &Server) -> Option<String> {
    let client = linode::ClientBuilder::default().token_from_env().base_url(server.url()).build().unwrap();
    client.execute(&linode::ops::GetImage::new("x")).unwrap();
    server.seen().last().unwrap().headers.get("authorization").cloned()
}

fn do_auth(server: &Server) -> Option<String> {
    let client = digitalocean::Client::builder().token_from_env().base_url(server.url()).build().unwrap();
    client.execute(&digitalocean::ops::ImagesGet::new("1")).unwrap();
    server.seen().last().unwrap().headers.get("authorization").cloned()
}

#[test]
fn tokens_come_from_the_documented_variables_in_order_trimmed() {
    if !alone::in_own_process() {
        return;
    }
    let linode_server = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let do_server = Server::start(vec![Reply::json(200, DO_IMAGE)]);
    for var in alone::CLEARED {
        set(var, None);
    }

    // Linode: a clear error naming both variables when neither is set (an anonymous client is
    // asked for with `Client::anonymous()`); a builder without a token stays anonymous.
    let err = linode::Client::from_env().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("LINODE_TOKEN or LINODE_CLI_TOKEN"), "{err}");
    assert_eq!(linode_auth(&linode_server), None);
    set("LINODE_CLI_TOKEN", Some("cli-token"));
    assert_eq!(linode_auth(&linode_server).as_deref(), Some("Bearer cli-token"));
    set("LINODE_TOKEN", Some("  \"main-token\"\n"));
    assert_eq!(linode_auth(&linode_server).as_deref(), Some("Bearer main-token"));
    set("LINODE_TOKEN", Some("  "));
    assert_eq!(
        linode_auth(&linode_server).as_deref(),
        Some("Bearer cli-token"),
        "a blank variable counts as unset"
    );

    // DigitalOcean: a clear error naming both variables when neither is set.
    let err = digitalocean::Client::from_env().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("DIGITALOCEAN_ACCESS_TOKEN or DIGITALOCEAN_TOKEN"), "{err}");
    set("DIGITALOCEAN_TOKEN", Some("'second'"));
    assert!(digitalocean::Client::from_env().is_ok());
    assert_eq!(do_auth(&do_server).as_deref(), Some("Bearer second"));
    set("DIGITALOCEAN_ACCESS_TOKEN", Some("first "));
    assert_eq!(do_auth(&do_server).as_deref(), Some("Bearer first"));

    // A proxy from the environment cannot reach this machine's servers: loopback bypasses it.
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        set(var, Some("http://127.0.0.1:9"));
    }
    assert_eq!(do_auth(&do_server).as_deref(), Some("Bearer first"));
    assert_eq!(linode_auth(&linode_server).as_deref(), Some("Bearer cli-token"));
    let sink = Server::start(vec![Reply::json(200, "{}")]);
    let client = linode::Client::builder().base_url(linode_server.url()).build().unwrap();
    let gz = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]; // an empty gzip member
    let url = format!("{}/bucket/image.gz?signature=s", sink.url());
    client.images().upload_to(&url, linode::UploadSource::reader(&gz[..], gz.len() as u64)).unwrap();
    assert_eq!(sink.seen()[0].body, gz);
}
