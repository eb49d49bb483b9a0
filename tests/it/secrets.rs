//! Secrets stay secret: the pre-signed `upload_to` URL (its query is a credential), the
//! signatures object storage echoes in its error bodies, and the membership tokens and URL
//! signatures the stand-ins' request logs would otherwise keep.

use std::io::{Cursor, Write};

use cloud_images::digitalocean::{self, CustomImage};
use cloud_images::linode::{self, CreateUpload};
use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn, REDACTED};
use cloud_images::{ErrorKind, RetryPolicy};
use flate2::Compression;
use flate2::write::GzEncoder;
use httpmock::prelude::*;
use serde_json::{Value, json};

const TOKEN: &str = "secrets-test-token-0123456789abcdef";
const UPLOAD_CREATED: &str = include_str!("../fixtures/linode_facade/upload_created.json");
const OBJECT: &str = "/linode-production-machine-images/uploads/private/34567";

/// The parts of a pre-signed URL and of an S3 `SignatureDoesNotMatch` body that are secret.
const SIGNATURE: &str = "9f2b6c1e0d4a7b3c5e8f1a2d4c6b8e0f1a3c5e7d9b2f4a6c8e0d2b4f6a8c0e2d4";
const CREDENTIAL: &str = "AKIAIOSFODNN7EXAMPLE%2F20240702%2Fus-east-1%2Fs3%2Faws4_request";
const ACCESS_KEY: &str = "AKIAIOSFODNN7EXAMPLE";
const SECURITY_TOKEN: &str = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN";
const PROVIDED: &str = "abc0123456789signatureprovided";
const STRING_TO_SIGN_HASH: &str = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
const STRING_TO_SIGN_BYTES: &str = "41 57 53 34 2d 48 4d 41 43 2d 53 48 41 32 35 36";
const CANONICAL_BYTES: &str = "50 55 54 0a 2f 6c 69 6e 6f 64 65";

/// A pre-signed query as Linode's object storage writes it (SigV4).
fn signed_query() -> String {
    format!(
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={CREDENTIAL}&X-Amz-Date=20240702T101002Z\
         &X-Amz-Expires=86400&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Security-Token={SECURITY_TOKEN}\
         &X-Amz-Signature={SIGNATURE}"
    )
}

/// An S3 `SignatureDoesNotMatch` answer, echoing everything S3 (and proxies in front of it)
/// can echo: the key id, the string to sign and the canonical request (with their bytes), the
/// signature provided, and the URL with its query.
fn signature_does_not_match() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>\
         <Message>The request signature we calculated does not match the signature you provided. \
         Check your key and signing method. Request: PUT https://us-east-1.linodeobjects.com{OBJECT}?\
         X-Amz-Credential={CREDENTIAL}&amp;X-Amz-Signature={SIGNATURE}</Message>\
         <AWSAccessKeyId>{ACCESS_KEY}</AWSAccessKeyId>\
         <StringToSign>AWS4-HMAC-SHA256\n20240702T101002Z\n20240702/us-east-1/s3/aws4_request\n{STRING_TO_SIGN_HASH}</StringToSign>\
         <SignatureProvided>{PROVIDED}</SignatureProvided>\
         <StringToSignBytes>{STRING_TO_SIGN_BYTES}</StringToSignBytes>\
         <CanonicalRequest>PUT\n{OBJECT}\nX-Amz-Algorithm=AWS4-HMAC-SHA256&amp;X-Amz-Credential={CREDENTIAL}&amp;\
         X-Amz-Security-Token={SECURITY_TOKEN}\ncontent-type:application/octet-stream\nhost:us-east-1.linodeobjects.com\n\n\
         content-type;host\nUNSIGNED-PAYLOAD</CanonicalRequest>\
         <CanonicalRequestBytes>{CANONICAL_BYTES}</CanonicalRequestBytes>\
         <RequestId>tx00000a1b2c3d4e5f60718-0066a0b1c2-1a2b3c4-us-east-1</RequestId>\
         <HostId>1a2b3c4-us-east-1-default</HostId></Error>"
    )
}

/// Every secret value above, and every way `text` could show one.
fn assert_no_secret(what: &str, text: &str) {
    for secret in [
        SIGNATURE,
        CREDENTIAL,
        ACCESS_KEY,
        SECURITY_TOKEN,
        PROVIDED,
        STRING_TO_SIGN_HASH,
        STRING_TO_SIGN_BYTES,
        CANONICAL_BYTES,
        "aws4_request",
        TOKEN,
    ] {
        assert!(!text.contains(secret), "{what} shows {secret:?}: {text}");
    }
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

fn linode_client(server: &MockServer) -> linode::Client {
    linode::Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

// ---------------------------------------------------------------------------------------------
// The pre-signed URL

#[test]
fn an_image_upload_from_the_stand_in_shows_its_url_without_the_query_in_debug() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let created = client.images().create_upload(CreateUpload::new("web", "us-east")).unwrap();
    // The whole URL, as it travels (serialised as the plain string).
    let whole = serde_json::to_value(&created).unwrap()["upload_to"].as_str().unwrap().to_string();
    let (base, query) = whole.split_once('?').unwrap();
    let param = |name: &str| {
        let value = query.split('&').find_map(|p| p.strip_prefix(&format!("{name}=")));
        value.unwrap_or_else(|| panic!("no {name} in {whole}")).to_string()
    };
    let (signature, credential) = (param("X-Amz-Signature"), param("X-Amz-Credential"));
    assert_eq!(signature.len(), 64, "{whole}");
    assert!(base.starts_with(&stand_in.base_url()), "{base}");

    for debug in [format!("{created:?}"), format!("{created:#?}")] {
        assert!(debug.contains(base), "scheme, host and path are shown: {debug}");
        for secret in [signature.as_str(), credential.as_str(), query, "X-Amz-Signature"] {
            assert!(!debug.contains(secret), "the Debug of an ImageUpload shows {secret:?}: {debug}");
        }
    }
}

#[test]
fn a_refused_upload_keeps_no_signature_in_its_error() {
    let server = MockServer::start();
    let url = format!("{}?{}", server.url(OBJECT), signed_query());
    let mut created: Value = serde_json::from_str(UPLOAD_CREATED).unwrap();
    created["upload_to"] = json!(url);
    let create = server.mock(|when, then| {
        when.method(POST).path("/v4/images/upload");
        then.status(200).header("content-type", "application/json").json_body(created);
    });
    let put = server.mock(|when, then| {
        when.method(PUT).path(OBJECT).query_param("X-Amz-Signature", SIGNATURE);
        then.status(403).header("content-type", "application/xml").body(signature_does_not_match());
    });
    let delete = server.mock(|when, then| {
        when.method(DELETE).path("/v4/images/private%2F34567");
        then.status(200).header("content-type", "application/json").body("{}");
    });

    let gz = gzip(&[7u8; 4096]);
    let client = linode_client(&server);
    let upload = client.images().upload(CreateUpload::new("alpine-3-20-custom", "us-east"));
    let e = upload.seekable(Cursor::new(gz)).unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Upload, Some(403), 1));
    assert_eq!((e.created_image(), e.created_image_deleted()), (Some("private/34567"), true));
    create.assert_calls(1);
    put.assert_calls(1);
    delete.assert_calls(1);

    let api = e.api().unwrap();
    assert_eq!(api.status(), 403);
    for (what, text) in [
        ("Display", e.to_string()),
        ("Debug", format!("{e:?}")),
        ("Debug {:#?}", format!("{e:#?}")),
        ("api().text()", api.text().to_string()),
        ("messages()", e.messages().join("\n")),
        ("Debug of api()", format!("{api:?}")),
    ] {
        assert_no_secret(what, &text);
    }
    // The rest of the body is kept as it came: the code, the request id, the redacted places.
    let text = api.text();
    for kept in [
        "<Code>SignatureDoesNotMatch</Code>",
        "<RequestId>tx00000a1b2c3d4e5f60718-0066a0b1c2-1a2b3c4-us-east-1</RequestId>",
        "<SignatureProvided>** redacted **</SignatureProvided>",
        "<StringToSign>** redacted **</StringToSign>",
        "<CanonicalRequestBytes>** redacted **</CanonicalRequestBytes>",
        "&amp;X-Amz-Signature=** redacted **</Message>",
    ] {
        assert!(text.contains(kept), "{kept:?} not in {text}");
    }
    let shown = e.to_string();
    assert!(
        shown.starts_with(
            "image private/34567 was created, but sending its data failed, so it was deleted again: \
             object storage refused the upload with status 403: <?xml version=\"1.0\" encoding=\"UTF-8\"?> \
             <Error><Code>SignatureDoesNotMatch</Code>"
        ),
        "{shown}"
    );
}

#[test]
fn an_upload_to_a_url_that_fails_shows_the_url_without_its_query() {
    let server = MockServer::start();
    let put = server.mock(|when, then| {
        when.method(PUT).path(OBJECT);
        then.status(403).header("content-type", "application/xml").body(signature_does_not_match());
    });
    let url = format!("{}?{}", server.url(OBJECT), signed_query());
    let gz = gzip(&[1u8; 1000]);
    let e = linode_client(&server)
        .images()
        .upload_to(&url, linode::UploadSource::reader(&gz[..], gz.len() as u64))
        .unwrap_err();
    put.assert_calls(1);
    assert_eq!(e.kind(), ErrorKind::Upload);
    for (what, text) in [("Display", e.to_string()), ("Debug", format!("{e:?}"))] {
        assert_no_secret(what, &text);
    }
}

#[test]
fn an_api_error_that_echoes_a_signed_url_keeps_no_signature() {
    // DigitalOcean refuses an import it cannot fetch, naming the URL it was given.
    let server = MockServer::start();
    let signed = format!("https://bucket.s3.amazonaws.com/fedora.qcow2.gz?{}", signed_query());
    let body = json!({
        "id": "unprocessable_entity",
        "message": format!("Failed to fetch {signed}: 403 Forbidden"),
        "request_id": "4d9d8375-3c56-4925-a3e7-eb137fed17e9",
    });
    let import = server.mock(|when, then| {
        when.method(POST).path("/v2/images");
        then.status(422).header("content-type", "application/json").json_body(body);
    });
    let client = digitalocean::Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let e = client.images().import(CustomImage::new("fedora", signed.as_str(), "nyc3")).unwrap_err();
    import.assert_calls(1);
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(422)));
    let api = e.api().unwrap();
    assert_eq!(api.error_id(), Some("unprocessable_entity"));
    assert_eq!(api.request_id(), Some("4d9d8375-3c56-4925-a3e7-eb137fed17e9"));
    for (what, text) in [
        ("Display", e.to_string()),
        ("Debug", format!("{e:?}")),
        ("api().text()", api.text().to_string()),
        ("api().json()", api.json().map(Value::to_string).unwrap_or_default()),
        ("messages()", e.messages().join("\n")),
    ] {
        assert_no_secret(what, &text);
    }
    let message = e.messages().join("");
    assert!(
        message.starts_with("Failed to fetch https://bucket.s3.amazonaws.com/fedora.qcow2.gz?"),
        "{message}"
    );
    assert!(message.contains("X-Amz-Expires=86400") && message.ends_with(": 403 Forbidden"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// The stand-ins' request logs

const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJtZW1iZXIiOiJiIn0.c2VjcmV0LW1lbWJlcnNoaXAtc2lnbmF0dXJl";

#[test]
fn the_linode_stand_in_logs_membership_tokens_redacted() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let group = client.sharegroups().create("golden").image("private/24811540").send().unwrap();
    let member = client.sharegroups().members(group.id).add(JWT, "team b").unwrap();
    assert_eq!(member.label.as_deref(), Some("team b"));

    let log = stand_in.requests();
    let add: Vec<_> =
        log.iter().filter(|r| r.operation.as_deref() == Some("post-sharegroup-members")).collect();
    assert_eq!(add.len(), 1, "{log:#?}");
    assert_eq!((add[0].method.as_str(), add[0].status), ("POST", Some(200)));
    assert_eq!(add[0].path, format!("/v4beta/images/sharegroups/{}/members", group.id));
    assert_eq!(add[0].body, Some(json!({"token": REDACTED, "label": "team b"})));
    // What was sent is still the token: the stand-in accepted it (and the log says how long).
    assert_eq!(add[0].body_len, json!({"token": JWT, "label": "team b"}).to_string().len() as u64);
    for request in &log {
        let shown = format!("{request:?}");
        assert!(!shown.contains(JWT) && !shown.contains(stand_in.token()), "{shown}");
    }
}

#[test]
fn the_stand_ins_log_the_signatures_of_pre_signed_urls_redacted() {
    // Linode: the upload's PUT carries the signature and credential in its query.
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let gz = gzip(&[0u8; 1 << 16]);
    let image =
        client.images().upload(CreateUpload::new("web", "us-east")).seekable(Cursor::new(gz)).unwrap();
    let log = stand_in.requests();
    let put = log.iter().find(|r| r.operation.as_deref() == Some("object-storage-put")).unwrap();
    assert_eq!(put.status, Some(200), "the stand-in checked the real signature: {put:?}");
    assert_eq!(put.query_param("X-Amz-Signature"), Some(REDACTED));
    assert_eq!(put.query_param("X-Amz-Credential"), Some(REDACTED));
    assert_eq!(put.query_param("X-Amz-Expires"), Some("86400"));
    assert_eq!(put.query_param("X-Amz-Algorithm"), Some("AWS4-HMAC-SHA256"));
    assert!(put.path.ends_with(image.id.trim_start_matches("private/")), "{}", put.path);
    assert!(!format!("{log:?}").contains("aws4_request"), "{log:?}");

    // DigitalOcean: an import URL may be pre-signed; the log keeps the rest of the body.
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let signed = format!("https://bucket.s3.amazonaws.com/fedora.qcow2.gz?{}", signed_query());
    client.images().import(CustomImage::new("fedora", signed.as_str(), "nyc3")).unwrap();
    let import = &stand_in.requests()[0];
    let body = import.body.clone().unwrap();
    assert_eq!((body["name"].as_str(), body["region"].as_str()), (Some("fedora"), Some("nyc3")));
    let url = body["url"].as_str().unwrap();
    assert!(
        url.starts_with("https://bucket.s3.amazonaws.com/fedora.qcow2.gz?X-Amz-Algorithm=AWS4-HMAC-SHA256&"),
        "{url}"
    );
    assert!(url.contains(&format!("X-Amz-Signature={REDACTED}")), "{url}");
    assert_no_secret("the logged import", &format!("{import:?}"));
}

// ---------------------------------------------------------------------------------------------
// `UploadUrl`, the type of `upload_to` (new API: the tests above also run against the code
// before it)

mod upload_url {
    use super::*;
    use cloud_images::linode::{UploadSource, UploadUrl};

    #[test]
    fn its_debug_and_display_leave_out_the_query_and_expose_gives_it_all() {
        let whole = format!("https://us-east-1.linodeobjects.com:443{OBJECT}?{}", signed_query());
        let url = UploadUrl::from(whole.as_str());
        let shown = format!("https://us-east-1.linodeobjects.com:443{OBJECT}?** redacted **");
        assert_eq!(url.to_string(), shown);
        assert_eq!(format!("{url:?}"), format!("SignedUrl({shown:?})"));
        assert_eq!(url.without_query(), format!("https://us-east-1.linodeobjects.com:443{OBJECT}"));
        assert_eq!(url.expose(), whole);
        assert_no_secret("UploadUrl", &format!("{url} {url:?} {url:#?}"));
        // Without a query, nothing is hidden or added.
        assert_eq!(UploadUrl::from("http://127.0.0.1:9000/b/o").to_string(), "http://127.0.0.1:9000/b/o");
        // Serialised and read back as the plain string.
        assert_eq!(serde_json::to_value(&url).unwrap(), json!(whole));
        assert_eq!(serde_json::from_value::<UploadUrl>(json!(whole)).unwrap(), url);
    }

    #[test]
    fn upload_to_takes_the_created_url_a_str_or_a_string() {
        let stand_in = LinodeStandIn::start().unwrap();
        let client = stand_in.client().unwrap();
        let gz = gzip(&[3u8; 2048]);
        let source = || UploadSource::reader(Cursor::new(gz.clone()), gz.len() as u64);

        let created = client.images().create_upload(CreateUpload::new("a", "us-east")).unwrap();
        client.images().upload_to(&created.upload_to, source()).unwrap();
        let created = client.images().create_upload(CreateUpload::new("b", "us-east")).unwrap();
        client.images().upload_to(created.upload_to.expose(), source()).unwrap();
        let created = client.images().create_upload(CreateUpload::new("c", "us-east")).unwrap();
        client.images().upload_to(created.upload_to.expose().to_string(), source()).unwrap();
        let created = client.images().create_upload(CreateUpload::new("d", "us-east")).unwrap();
        client.images().upload_to(created.upload_to, source()).unwrap();

        let puts: Vec<_> = stand_in
            .requests()
            .into_iter()
            .filter(|r| r.operation.as_deref() == Some("object-storage-put"))
            .map(|r| (r.status, r.body_len))
            .collect();
        assert_eq!(puts, vec![(Some(200), gz.len() as u64); 4]);
    }
}

// ---------------------------------------------------------------------------------------------
// `ImportUrl`, the type of a custom image's `url` (also in the generated request body)

mod import_url {
    use super::*;
    use cloud_images::SignedUrl;
    use cloud_images::digitalocean::{ImportUrl, ops, types::CustomImageCreate};

    const IMPORTED: &str = include_str!("../fixtures/digitalocean/image_custom_new.json");

    #[test]
    fn the_generated_import_body_and_its_operation_never_show_the_signature_but_send_it() {
        let signed = format!("https://bucket.nyc3.digitaloceanspaces.com/fedora.qcow2.gz?{}", signed_query());
        let body = CustomImageCreate::new("fedora", "nyc3", signed.as_str()).description("Fedora CoreOS");
        let op = ops::ImagesCreateCustom::new(body.clone());
        for (what, text) in [
            ("CustomImageCreate", format!("{body:?} {body:#?}")),
            ("ImagesCreateCustom", format!("{op:?} {op:#?}")),
            ("CustomImage", format!("{:?}", CustomImage::new("fedora", signed.as_str(), "nyc3"))),
        ] {
            assert_no_secret(what, &text);
            assert!(
                text.contains("https://bucket.nyc3.digitaloceanspaces.com/fedora.qcow2.gz?** redacted **"),
                "{what}: {text}"
            );
        }
        assert_eq!(body.url, ImportUrl::from(signed.as_str()));
        assert_eq!(body.url.expose(), signed);
        assert_eq!(SignedUrl::from(&body.url), body.url);

        // What is sent is the whole URL: DigitalOcean needs the signature to read the object.
        let server = MockServer::start();
        let import = server.mock(|when, then| {
            when.method(POST).path("/v2/images").json_body(json!({
                "name": "fedora",
                "url": signed,
                "region": "nyc3",
                "description": "Fedora CoreOS",
            }));
            then.status(202).header("content-type", "application/json").body(IMPORTED);
        });
        let client = digitalocean::Client::builder()
            .token(TOKEN)
            .base_url(server.base_url())
            .no_retries()
            .build()
            .unwrap();
        let created = client.execute(&op).unwrap();
        import.assert();
        assert_eq!(created.image.status, Some(cloud_images::digitalocean::types::ImageStatus::New));
    }
}
