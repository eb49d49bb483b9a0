//! A client without a token that gets a 401 says so, and names the variables a token is read
//! from: the same words for both providers. With a token, a 401 is left as the API put it.

use cloud_images::{ErrorKind, digitalocean, linode};
use httpmock::prelude::*;

#[test]
fn a_linode_401_without_a_token_says_no_token_was_set() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345").header_missing("authorization");
        then.status(401)
            .header("content-type", "application/json")
            .body(r#"{"errors":[{"reason":"Invalid Token"}]}"#);
    });
    let client = linode::Client::builder().base_url(server.base_url()).build().unwrap();
    let e = client.images().get("private/12345").unwrap_err();
    get.assert_calls(1);
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(401)));
    assert_eq!(e.messages(), ["Invalid Token"]);
    assert_eq!(
        e.to_string(),
        "linode get-image private/12345: the api answered 401 unauthorized (no linode token was set: set LINODE_TOKEN \
         or LINODE_CLI_TOKEN, or use ClientBuilder::token): Invalid Token"
    );
}

#[test]
fn a_digitalocean_401_without_a_token_says_no_token_was_set() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v2/images/7555620").header_missing("authorization");
        then.status(401)
            .header("content-type", "application/json")
            .body(r#"{"id":"unauthorized","message":"Unable to authenticate you"}"#);
    });
    let client = digitalocean::Client::builder().base_url(server.base_url()).build().unwrap();
    let e = client.images().get(7555620).unwrap_err();
    get.assert_calls(1);
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(401)));
    assert_eq!(
        e.to_string(),
        "digitalocean images_get 7555620: the api answered 401 unauthorized (no digitalocean token was set: set \
         DIGITALOCEAN_ACCESS_TOKEN or DIGITALOCEAN_TOKEN, or use ClientBuilder::token): Unable to \
         authenticate you"
    );
}

#[test]
fn a_401_with_a_token_has_no_such_hint() {
    let server = MockServer::start();
    let linode_get = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F12345").header("authorization", "Bearer expired");
        then.status(401).body(r#"{"errors":[{"reason":"Invalid Token"}]}"#);
    });
    let do_get = server.mock(|when, then| {
        when.method(GET).path("/v2/images/7555620").header("authorization", "Bearer expired");
        then.status(401).body(r#"{"id":"unauthorized","message":"Unable to authenticate you"}"#);
    });
    let linode = linode::Client::builder().token("expired").base_url(server.base_url()).build().unwrap();
    let e = linode.images().get("private/12345").unwrap_err();
    assert_eq!(
        e.to_string(),
        "linode get-image private/12345: the api answered 401 unauthorized: Invalid Token"
    );
    let digitalocean =
        digitalocean::Client::builder().token("expired").base_url(server.base_url()).build().unwrap();
    let e = digitalocean.images().get(7555620).unwrap_err();
    assert_eq!(
        e.to_string(),
        "digitalocean images_get 7555620: the api answered 401 unauthorized: Unable to authenticate you"
    );
    linode_get.assert_calls(1);
    do_get.assert_calls(1);

    // Other statuses without a token are left alone too.
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET);
        then.status(404).body(r#"{"errors":[{"reason":"Not found"}]}"#);
    });
    let anonymous = linode::Client::builder().base_url(server.base_url()).build().unwrap();
    let e = anonymous.images().get("private/1").unwrap_err();
    assert!(!e.to_string().contains("token"), "{e}");
}
