//! The token goes only to the configured API host, and is printed nowhere.

use crate::{alone, common, logs};

use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};

const TOKEN: &str = "dop_v1_5ecret5ecret5ecret";

fn get_linode(client: &linode::Client, id: &str) -> cloud_images::Result<linode::types::Image> {
    client.execute(&linode::ops::GetImage::new(id))
}

#[test]
fn credentials_are_not_carried_across_a_redirect() {
    let elsewhere = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let api = Server::start(vec![Reply::Full {
        status: 302,
        headers: vec![("location".into(), format!("{}/v4/images/private%2F12345", elsewhere.url()))],
        body: Vec::new(),
    }]);
    let client = linode::Client::builder().token(TOKEN).base_url(api.url()).build().unwrap();
    let err = get_linode(&client, "private/12345").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(302));
    assert_eq!(
        api.seen()[0].headers.get("authorization").map(String::as_str),
        Some(&*format!("Bearer {TOKEN}"))
    );
    assert_eq!(elsewhere.count(), 0, "the redirect target must not be called, with or without the token");
}

#[test]
fn a_token_over_plain_http_is_refused_unless_loopback_or_allowed() {
    for host in ["http://api.example.com", "http://10.1.2.3:8080"] {
        let err = linode::Client::builder().token(TOKEN).base_url(host).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().contains("plain http"), "{err}");
        assert!(!err.to_string().contains(TOKEN));
        let err = digitalocean::Client::builder().token(TOKEN).base_url(host).build().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
    // Without a token there is nothing to leak; on loopback, nothing leaves the machine.
    assert!(linode::Client::builder().base_url("http://api.example.com").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://127.0.0.1:1").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://localhost:1").build().is_ok());
    assert!(linode::Client::builder().token(TOKEN).base_url("http://[::1]:1").build().is_ok());
    assert!(
        linode::Client::builder()
            .token(TOKEN)
            .base_url("http://api.example.com")
            .allow_insecure_http(true)
            .build()
            .is_ok()
    );
}

#[test]
fn a_token_no_header_can_carry_is_refused_by_build_without_showing_it() {
    // A control character inside (a paste gone wrong): no request could carry it.
    let bad = "dop_v1_abc\u{7}def";
    let err = digitalocean::Client::builder().token(bad).build().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(err.to_string(), "the digitalocean token has characters that cannot be sent in a header");
    let err = linode::Client::builder().token("abc\ndef").build().unwrap_err();
    assert!(!err.to_string().contains("abc"), "{err}");
    assert!(!format!("{err:?}").contains("abc"), "{err:?}");
}

#[test]
fn the_token_is_in_no_debug_or_display() {
    let server = Server::start(vec![
        // A hostile server that echoes the credentials back in its error body.
        Reply::json(401, &format!(r#"{{"errors":[{{"reason":"Invalid token Bearer {TOKEN}"}}]}}"#)),
    ]);
    let builder =
        linode::Client::builder().token(TOKEN).base_url(server.url()).retry_policy(RetryPolicy::none());
    assert!(!format!("{builder:?}").contains(TOKEN));
    let client = builder.build().unwrap();
    let debug = format!("{client:?}");
    assert!(debug.contains("redacted"), "{debug}");
    assert!(!debug.contains(TOKEN), "{debug}");

    let err = get_linode(&client, "private/1").unwrap_err();
    assert_eq!(err.status(), Some(401));
    for shown in [err.to_string(), format!("{err:?}"), err.messages().join(" ")] {
        assert!(!shown.contains(TOKEN), "{shown}");
        assert!(shown.contains("redacted"), "{shown}");
    }

    let do_client = digitalocean::Client::builder().token(TOKEN).base_url(server.url()).build().unwrap();
    assert!(!format!("{do_client:?}").contains(TOKEN));
}

#[test]
fn the_token_is_sent_as_a_bearer_header_to_the_api_host() {
    let server = Server::start(vec![Reply::json(200, DO_IMAGE)]);
    let client = digitalocean::Client::builder()
        .token(format!("  '{TOKEN}'\n"))
        .base_url(server.url())
        .build()
        .unwrap();
    client.execute(&digitalocean::ops::ImagesGet::new("7555620")).unwrap();
    let seen = &server.seen()[0];
    assert_eq!(seen.headers["authorization"], format!("Bearer {TOKEN}"));
    assert_eq!(seen.target, "/v2/images/7555620");
}

#[test]
fn debug_logs_name_the_call_but_never_the_token_or_bodies() {
    if !alone::in_own_process() {
        return;
    }
    let logs = logs::capture();
    let server = Server::start(vec![
        Reply::json(503, r#"{"errors":[{"reason":"busy"}]}"#).with_header("retry-after", "0"),
        Reply::json(200, LINODE_IMAGE).with_header("x-request-id", "req-42"),
    ]);
    let client = linode::Client::builder().token(TOKEN).base_url(server.url()).build().unwrap();
    get_linode(&client, "private/777").unwrap();
    let all = logs.0.lock().unwrap().clone();
    assert!(all.iter().all(|l| !l.contains(TOKEN)), "{all:?}");
    let lines: Vec<String> = all
        .iter()
        .filter(|l| l.starts_with("cloud_images ") && l.contains("private%2F777"))
        .cloned()
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("GET /v4/images/private%2F777 -> 503 (attempt 1"), "{}", lines[0]);
    assert!(lines[1].contains("-> 200 (attempt 2"), "{}", lines[1]);
    assert!(lines[1].contains("request id req-42"), "{}", lines[1]);
    for line in &lines {
        assert!(!line.contains("gold-master") && !line.contains("busy"), "no bodies: {line}");
    }
}

/// The secret membership token of a share group: in no `Debug` (the answer that carries it, the
/// request that sends it) and in no log line, while it does travel in the bodies as it must.
#[test]
fn the_share_group_membership_token_is_in_no_debug_and_no_log() {
    if !alone::in_own_process() {
        return;
    }
    const SECRET: &str = "eyJhbGciOiJIUzI1NiJ9.eyJtZW1iZXIiOiJ0ZWFtLWIifQ.bWVtYmVyc2hpcC1zZWNyZXQ";
    let logs = logs::capture();
    let created = format!(
        r#"{{"token":"{SECRET}","token_uuid":"4591075e-4ba8-43c9-a521-928c3d4a135d","status":"pending","label":null,"valid_for_sharegroup_uuid":"955860b2-60b3-4a48-ba1b-d51e85da5074","created":"2025-09-03T10:05:12","updated":null,"expiry":null,"sharegroup_uuid":null,"sharegroup_label":null}}"#
    );
    let server = Server::start(vec![
        Reply::json(200, &created).with_header("x-request-id", "req-token"),
        Reply::json(
            200,
            r#"{"token_uuid":"4591075e-4ba8-43c9-a521-928c3d4a135d","status":"active","label":"team b"}"#,
        ),
    ]);
    let client = linode::Client::builder().token(TOKEN).base_url(server.url()).build().unwrap();

    let token = client.sharegroups().tokens().create("955860b2-60b3-4a48-ba1b-d51e85da5074").send().unwrap();
    assert_eq!(token.token.expose(), SECRET, "the secret is there, behind `expose`");
    let member = client.sharegroups().members(8306).add(token.token.clone(), "team b").unwrap();
    assert_eq!(member.token_uuid, "4591075e-4ba8-43c9-a521-928c3d4a135d");

    let request = linode::ops::PostSharegroupMembers::new(
        8306,
        linode::types::MemberAdd::new("team b", token.token.clone()),
    );
    for shown in [format!("{token:?}"), format!("{:?}", token.token), format!("{request:?}")] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(shown.contains("** redacted **"), "{shown}");
    }
    // It travelled where it had to: in the body sent to the API host, to the group's owner.
    let seen = server.seen();
    assert_eq!(seen[1].target, "/v4beta/images/sharegroups/8306/members");
    assert!(String::from_utf8_lossy(&seen[1].body).contains(SECRET));

    let all = logs.0.lock().unwrap().clone();
    let ours: Vec<&String> = all
        .iter()
        .filter(|l| l.starts_with("cloud_images ") && l.contains("/v4beta/images/sharegroups"))
        .collect();
    assert_eq!(ours.len(), 2, "{ours:?}"); // both calls were logged...
    assert!(ours[0].contains("POST /v4beta/images/sharegroups/tokens -> 200"), "{}", ours[0]);
    assert!(ours[1].contains("POST /v4beta/images/sharegroups/8306/members -> 200"), "{}", ours[1]);
    // ...without the secret, in this crate's lines or in one piece anywhere. (ureq's own
    // trace-level hex dumps of the wire, target `ureq_proto`, cut bodies into 16-byte lines.)
    for line in &all {
        assert!(!line.contains(SECRET), "{line}");
        if line.starts_with("cloud_images") {
            assert!(!line.contains("bWVtYmVyc2hpcC1zZWNyZXQ") && !line.contains("eyJ"), "{line}");
        }
    }
}
