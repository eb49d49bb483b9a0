//! The testing kit's own tests: each operation's state change, statuses under a manual clock,
//! pagination and filters, validation errors, rate limits, each injected fault, the request
//! log, and the server's life (drop, concurrency, chunked bodies).

use crate::kit;

use std::io::Cursor;
use std::net::TcpStream;
use std::time::Duration;

use cloud_images::digitalocean::{CustomImage, Distribution, ImageKind};
use cloud_images::linode::{CreateUpload, Filter, Order, UploadSource};
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn, On, REDACTED, Seed, Token};
use cloud_images::{ErrorKind, digitalocean, linode};
use serde_json::json;

const MS: Duration = Duration::from_millis(1);

fn manual_linode() -> LinodeStandIn {
    LinodeStandIn::builder().clock(Clock::manual()).start().unwrap()
}

fn manual_digitalocean() -> DigitalOceanStandIn {
    DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap()
}

fn linode_status(stand_in: &LinodeStandIn, id: &str) -> String {
    stand_in.image(id).and_then(|i| i.status).map(|s| s.as_str().to_string()).unwrap_or_default()
}

fn linode_regions(stand_in: &LinodeStandIn, id: &str) -> Vec<(String, String)> {
    let image = stand_in.image(id).unwrap();
    image
        .regions
        .iter()
        .map(|r| (r.region.clone().unwrap(), r.status.as_ref().unwrap().as_str().to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---------------------------------------------------------------------------------------------
// Linode: operations and statuses

#[test]
fn linode_upload_is_pending_upload_then_creating_then_available() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let created =
        client.images().create_upload(CreateUpload::new("web", "us-east").tags(["ci-build"])).unwrap();
    let id = created.image.id.clone();
    assert_eq!(id, "private/24187701");
    assert_eq!(linode_status(&stand_in, &id), "pending_upload");
    assert_eq!(linode_regions(&stand_in, &id), pairs(&[("us-east", "pending")]));
    let storage = format!("{}/linode-image-uploads/us-east/24187701?", stand_in.storage_url());
    assert!(created.upload_to.expose().starts_with(&storage), "{}", created.upload_to);

    let raw = vec![0u8; 3 * 1024 * 1024 + 1];
    client.images().upload_to(&created.upload_to, UploadSource::reader(&raw[..], raw.len() as u64)).unwrap();
    let received = stand_in.received(&id).unwrap();
    assert_eq!(received.raw_bytes, raw.len() as u64);
    assert!(received.gzip_bytes > 0 && received.gzip_bytes < 100_000);
    assert_eq!(linode_status(&stand_in, &id), "creating");
    assert_eq!(linode_regions(&stand_in, &id), pairs(&[("us-east", "creating")]));
    assert_eq!(stand_in.image(&id).unwrap().size, Some(0));

    stand_in.clock().advance(Duration::from_millis(1499));
    assert_eq!(linode_status(&stand_in, &id), "creating");
    stand_in.clock().advance(MS);
    let image = stand_in.image(&id).unwrap();
    assert_eq!(image.status.unwrap().as_str(), "available");
    assert_eq!(image.size, Some(4)); // MB, rounded up
    assert_eq!(image.total_size, Some(raw.len() as u64));
    assert_eq!(image.tags, ["ci-build"]);
    assert_eq!(image.created_by.as_deref(), Some("stand-in-user"));
    assert_eq!(image.created.as_deref(), Some("2025-06-01T12:00:00"));

    // The PUT, as logged: no token, the body counted, not kept.
    let put = stand_in.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!(put.operation.as_deref(), Some("object-storage-put"));
    assert_eq!(put.path, "/object-storage/linode-image-uploads/us-east/24187701");
    assert_eq!((put.token, put.header("authorization")), (Token::None, None));
    assert_eq!(put.header("content-type"), Some("application/octet-stream"));
    assert_eq!(put.header("content-length"), Some(received.gzip_bytes.to_string().as_str()));
    assert_eq!((put.body.clone(), put.body_len), (None, received.gzip_bytes));
    assert_eq!(put.query_param("X-Amz-Expires"), Some("86400"));
    assert_eq!(put.status, Some(200));
}

#[test]
fn linode_upload_in_one_call_and_wait() {
    let stand_in = LinodeStandIn::builder().upload_processing(Duration::from_millis(50)).start().unwrap();
    let client = stand_in.client().unwrap();
    let disk = Cursor::new(vec![1u8; 200_000]);
    let image = client.images().upload(CreateUpload::new("disk", "fr-par")).seekable(disk).unwrap();
    let image = client
        .images()
        .wait_until_available(&image.id)
        .timeout(Duration::from_secs(10))
        .interval(10 * MS)
        .send()
        .unwrap();
    assert_eq!(image.status.unwrap().as_str(), "available");
    assert_eq!(image.regions[0].region.as_deref(), Some("fr-par"));
}

#[test]
fn linode_upload_expires_after_a_day_without_data() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let created = client.images().create_upload(CreateUpload::new("never-sent", "us-ord")).unwrap();
    stand_in.clock().advance(Duration::from_secs(24 * 3600) - MS);
    assert_eq!(linode_status(&stand_in, &created.image.id), "pending_upload");
    stand_in.clock().advance(MS);
    assert!(stand_in.image(&created.image.id).is_none());
    assert!(client.images().get(&created.image.id).unwrap_err().is_not_found());
    let gzip = kit::gzip_of_zeros(1000);
    let target = created.upload_to.expose().trim_start_matches(&stand_in.base_url()).to_string();
    let put = kit::send(
        &stand_in.base_url(),
        "PUT",
        &target,
        &[("content-type", "application/octet-stream")],
        &gzip,
    );
    assert_eq!(put.status, 403);
    assert!(put.text().contains("<Code>AccessDenied</Code>"), "{}", put.text());
}

#[test]
fn linode_capture_from_a_disk() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let image = client
        .images()
        .create(LinodeStandIn::DISK_ID, "golden")
        .description("from web-01")
        .tags(["prod"])
        .cloud_init(true)
        .send()
        .unwrap();
    assert_eq!(image.status.unwrap().as_str(), "creating");
    assert_eq!(linode_regions(&stand_in, &image.id), pairs(&[("us-east", "creating")]));
    stand_in.clock().advance(Duration::from_millis(1500));
    let image = client.images().get(&image.id).unwrap();
    assert_eq!(image.status.unwrap().as_str(), "available");
    assert_eq!((image.size, image.capabilities.clone()), (Some(3604), vec!["cloud-init".to_string()]));
    assert_eq!(image.description.as_deref(), Some("from web-01"));

    let e = client.images().create(1, "no such disk").send().unwrap_err();
    assert_eq!(e.status(), Some(404));
    // The label defaults to the disk's.
    let raw = kit::json(
        &stand_in.base_url(),
        "POST",
        "/v4/images",
        stand_in.token(),
        &json!({"disk_id": LinodeStandIn::DISK_ID}),
    );
    assert_eq!(raw.json()["label"], "web-01 - Debian 12 Disk");
    let raw = kit::json(&stand_in.base_url(), "POST", "/v4/images", stand_in.token(), &json!({"label": "x"}));
    assert_eq!(raw.json(), json!({"errors": [{"field": "disk_id", "reason": "disk_id is required"}]}));
}

#[test]
fn linode_replicas_replicate_then_removed_ones_go() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let id = "private/24811540"; // the seeded automatic image, in us-east
    let image = client.images().replicate(id, ["us-east", "us-ord", "fr-par"]).unwrap();
    let statuses: Vec<_> =
        image.regions.iter().map(|r| r.status.as_ref().unwrap().as_str().to_string()).collect();
    assert_eq!(statuses, ["available", "pending replication", "pending replication"]);
    stand_in.clock().advance(Duration::from_millis(400));
    assert_eq!(
        linode_regions(&stand_in, id),
        pairs(&[("us-east", "available"), ("us-ord", "replicating"), ("fr-par", "replicating")])
    );
    stand_in.clock().advance(Duration::from_millis(600));
    assert_eq!(
        linode_regions(&stand_in, id),
        pairs(&[("us-east", "available"), ("us-ord", "available"), ("fr-par", "available")])
    );
    assert_eq!(stand_in.image(id).unwrap().total_size, Some(3 * 3604 * 1024 * 1024));

    // The list replaces the current one: the regions left out are deleted.
    client.images().replicate(id, ["us-ord"]).unwrap();
    assert_eq!(
        linode_regions(&stand_in, id),
        pairs(&[("us-ord", "available"), ("us-east", "pending deletion"), ("fr-par", "pending deletion")])
    );
    stand_in.clock().advance(Duration::from_millis(400));
    assert_eq!(linode_regions(&stand_in, id), pairs(&[("us-ord", "available")]));
    let image =
        client.images().wait_until_replicated(id, ["us-ord"]).timeout(Duration::from_secs(5)).send().unwrap();
    assert_eq!(image.regions.len(), 1);
}

#[test]
fn linode_update_and_delete() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let id = "private/24811540";
    assert_eq!(stand_in.image(id).unwrap().updated, None); // automatic images: never updated
    stand_in.clock().advance(Duration::from_secs(60));
    let image = client
        .images()
        .update(id)
        .label("kept")
        .description("kept by hand")
        .tags(["keep", "web"])
        .send()
        .unwrap();
    assert_eq!(image.label.as_deref(), Some("kept"));
    let state = stand_in.image(id).unwrap();
    assert_eq!((state.label.as_deref(), state.description.as_deref()), (Some("kept"), Some("kept by hand")));
    assert_eq!(state.tags, ["keep", "web"]);
    assert_eq!(state.updated.as_deref(), Some("2025-06-01T12:01:00"));

    client.images().delete(id).unwrap();
    assert!(stand_in.image(id).is_none());
    assert!(client.images().get(id).unwrap_err().is_not_found());
    assert_eq!(stand_in.account_images().len(), 1);
    let raw = kit::send(
        &stand_in.base_url(),
        "DELETE",
        "/v4/images/shared%2F5854",
        &[("authorization", "Bearer linode-stand-in-token")],
        b"",
    );
    assert_eq!((raw.status, raw.json()), (200, json!({}))); // 200 {}, not 204

    // Public images cannot be changed; shared ones cannot be replicated.
    let e = client.images().update("linode/debian12").label("mine").send().unwrap_err();
    assert_eq!((e.status(), e.messages()), (Some(403), vec!["Unauthorized".to_string()]));
    assert_eq!(client.images().delete("linode/debian12").unwrap_err().status(), Some(403));
}

// ---------------------------------------------------------------------------------------------
// Linode: listing

#[test]
fn linode_pages_and_page_sizes() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let page = client.images().list().page_size(25).page(3).send().unwrap();
    assert_eq!((page.items.len(), page.page, page.pages, page.total), (9, 3, Some(3), Some(59)));
    let mut all = client.images().list().page_size(25).iter();
    let ids: Vec<String> = all.by_ref().map(|i| i.unwrap().id).collect();
    assert_eq!((ids.len(), all.pages_fetched()), (59, 3));
    assert_eq!(ids.last().map(String::as_str), Some("shared/5854"));

    let anonymous = stand_in.client_builder().token("").build().unwrap();
    assert_eq!(anonymous.images().list().send().unwrap().total, Some(57));

    for size in [24, 501] {
        // The client refuses these before sending; the stand-in refuses them too.
        let e = client.images().list().page_size(size).send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{size}");
        let raw = kit::get(&stand_in.base_url(), &format!("/v4/images?page_size={size}"), stand_in.token());
        assert_eq!(raw.status, 400);
        assert_eq!(raw.json(), json!({"errors": [{"field": "page_size", "reason": "Must be 25-500"}]}));
    }
    let raw = kit::get(&stand_in.base_url(), "/v4/images?page=0", stand_in.token());
    assert_eq!(
        raw.json(),
        json!({"errors": [{"field": "page", "reason": "Must be an integer greater than 0"}]})
    );
    let raw = kit::get(&stand_in.base_url(), "/v4/images?page=9&page_size=25", stand_in.token());
    assert_eq!(raw.json(), json!({"data": [], "page": 9, "pages": 3, "results": 59}));
}

#[test]
fn linode_x_filter_matches_what_the_client_computes() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let all: Vec<_> = client.images().list().iter().map(Result::unwrap).collect();
    let ids = |filter: Filter| -> Vec<String> {
        client.images().list().filter(filter).iter().map(|i| i.unwrap().id).collect()
    };
    let expect = |keep: &dyn Fn(&cloud_images::linode::types::Image) -> bool| -> Vec<String> {
        all.iter().filter(|i| keep(i)).map(|i| i.id.clone()).collect()
    };
    assert_eq!(ids(Filter::eq("is_public", false)), ["private/24811540", "shared/5854"]);
    assert_eq!(ids(Filter::eq("deprecated", true)), expect(&|i| i.deprecated == Some(true)));
    assert_eq!(ids(Filter::eq("deprecated", true)).len(), 22);
    assert_eq!(
        ids(Filter::contains("label", "debian")),
        expect(&|i| i.label.as_deref().unwrap().to_lowercase().contains("debian"))
    );
    assert_eq!(ids(Filter::gt("size", 5000)), expect(&|i| i.size.unwrap() > 5000));
    assert_eq!(ids(Filter::lte("size", 300)), expect(&|i| i.size.unwrap() <= 300));
    assert_eq!(ids(Filter::neq("vendor", "Ubuntu")), expect(&|i| i.vendor.as_deref() != Some("Ubuntu")));
    assert_eq!(ids(Filter::eq("type", "automatic")), ["private/24811540"]);
    let web = ids(Filter::and([
        Filter::eq("vendor", "Ubuntu"),
        Filter::or([Filter::gte("size", 6000), Filter::eq("deprecated", true)]),
    ]));
    assert_eq!(
        web,
        expect(&|i| i.vendor.as_deref() == Some("Ubuntu")
            && (i.size.unwrap() >= 6000 || i.deprecated == Some(true)))
    );

    let largest = ids(Filter::eq("is_public", true).order_by("size", Order::Desc));
    assert_eq!(largest.first().map(String::as_str), Some("linode/slackware15.0"));
    let by_label = ids(Filter::eq("vendor", "Alpine").order_by("label", Order::Asc));
    assert_eq!(by_label.first().map(String::as_str), Some("linode/alpine3.16"));

    client.images().update("private/24811540").tags(["keep"]).send().unwrap();
    assert_eq!(ids(Filter::eq("tags", "keep")), ["private/24811540"]);

    for (filter, reason) in [
        (Filter::eq("id", "x"), "X-Filter: Cannot filter on id"),
        (Filter::eq("is_public", true).order_by("status", Order::Asc), "X-Filter: Cannot order by status"),
        (Filter::raw(json!({"size": {"+near": 3}})), "X-Filter: Unknown operator +near"),
    ] {
        let e = client.images().list().filter(filter).send().unwrap_err();
        assert_eq!((e.status(), e.messages()), (Some(400), vec![reason.to_string()]));
    }
}

// ---------------------------------------------------------------------------------------------
// Linode: validation and tokens

#[test]
fn linode_validation_errors_in_linode_format() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let base = stand_in.base_url();
    let token = stand_in.token();
    let error = |status: u16, field: &str, reason: &str| {
        (status, json!({"errors": [{"field": field, "reason": reason}]}))
    };
    let post = |body: serde_json::Value| {
        let raw = kit::json(&base, "POST", "/v4/images/upload", token, &body);
        (raw.status, raw.json())
    };
    assert_eq!(post(json!({"region": "us-east"})), error(400, "label", "label is required"));
    assert_eq!(post(json!({"label": "x"})), error(400, "region", "region is required"));
    assert_eq!(
        post(json!({"label": "x", "region": "us-west"})),
        error(400, "region", "Region us-west does not support image uploads")
    );
    assert_eq!(
        post(json!({"label": "x", "region": "mars-1"})),
        error(400, "region", "Region mars-1 is not valid")
    );
    assert_eq!(
        post(json!({"label": "x", "region": "us-east", "tags": ["ok-tag", "ab"]})),
        error(400, "tags", "Length must be 3-100 characters")
    );
    assert_eq!(
        post(json!({"label": "x", "region": "us-east", "description": ""})),
        error(400, "description", "Length must be 1-65000 characters")
    );
    let bad_json = kit::send(
        &base,
        "POST",
        "/v4/images/upload",
        &[("authorization", "Bearer linode-stand-in-token")],
        b"{nope",
    );
    assert_eq!(bad_json.status, 400);
    assert!(bad_json.json()["errors"][0]["reason"].as_str().unwrap().starts_with("Invalid JSON"));

    // Replication: only available images, only regions with Object Storage, never none.
    let pending = client.images().create_upload(CreateUpload::new("x", "us-east")).unwrap().image.id;
    let e = client.images().replicate(&pending, ["us-east"]).unwrap_err();
    assert_eq!(e.messages(), ["Image must be available to be replicated"]);
    let e = client.images().replicate("private/24811540", ["us-east", "eu-west"]).unwrap_err();
    assert_eq!(e.messages(), ["regions: Region eu-west does not support Object Storage"]);
    let raw =
        kit::json(&base, "POST", "/v4/images/private%2F24811540/regions", token, &json!({"regions": []}));
    assert_eq!((raw.status, raw.json()), error(400, "regions", "At least one region is required"));

    assert_eq!(kit::get(&base, "/v4/nothing", token).status, 404);
    let raw = kit::send(&base, "PATCH", "/v4/images/linode%2Fdebian12", &[], b"");
    assert_eq!((raw.status, raw.json()), (405, json!({"errors": [{"reason": "Method Not Allowed"}]})));
    // v4beta is the same API.
    assert_eq!(kit::get(&base, "/v4beta/images/linode%2Fdebian12", token).status, 200);
}

#[test]
fn linode_tokens() {
    let stand_in = LinodeStandIn::builder().token("right").start().unwrap();
    let base = stand_in.base_url();
    let invalid = (401, json!({"errors": [{"reason": "Invalid Token"}]}));
    let anonymous = stand_in.client_builder().token("").build().unwrap();
    assert_eq!(anonymous.images().get("linode/debian12").unwrap().id, "linode/debian12");
    assert!(anonymous.images().get("private/24811540").unwrap_err().is_not_found());
    let wrong = stand_in.client_builder().token("wrong").build().unwrap();
    let e = wrong.images().get("linode/debian12").unwrap_err();
    assert_eq!((e.status(), e.messages()), (Some(401), vec!["Invalid Token".to_string()]));
    let raw = kit::json(&base, "POST", "/v4/images/upload", "", &json!({"label": "x", "region": "us-east"}));
    assert_eq!((raw.status, raw.json()), invalid);
    let raw = kit::send(&base, "DELETE", "/v4/images/private%2F24811540", &[], b"");
    assert_eq!((raw.status, raw.json()), invalid);
    assert_eq!(
        stand_in.requests().iter().map(|r| r.token).collect::<Vec<_>>(),
        [Token::None, Token::None, Token::Invalid, Token::Invalid, Token::None]
    );
}

#[test]
fn linode_object_storage_refuses_as_s3_does() {
    let stand_in = manual_linode();
    let client = stand_in.client().unwrap();
    let created = client.images().create_upload(CreateUpload::new("x", "us-east")).unwrap();
    let base = stand_in.base_url();
    let target = created.upload_to.expose().trim_start_matches(&base).to_string();
    let gzip = kit::gzip_of_zeros(100_000);
    let octets = ("content-type", "application/octet-stream");
    let put = |headers: &[(&str, &str)], body: &[u8]| {
        let raw = kit::send(&base, "PUT", &target, headers, body);
        let text = raw.text();
        let code =
            text.split("<Code>").nth(1).and_then(|t| t.split("</Code>").next()).unwrap_or("").to_string();
        (raw.status, code)
    };
    let with_token = [octets, ("authorization", "Bearer linode-stand-in-token")];
    assert_eq!(put(&with_token, &gzip), (400, "InvalidArgument".into()));
    assert_eq!(put(&[("content-type", "text/plain")], &gzip), (403, "SignatureDoesNotMatch".into()));
    assert_eq!(
        put(&[octets, ("transfer-encoding", "chunked")], b"0\r\n\r\n"),
        (411, "MissingContentLength".into())
    );
    assert_eq!(put(&[octets], b"raw disk, not gzip"), (400, "InvalidRequest".into()));
    let mut corrupt = gzip.clone();
    corrupt.truncate(gzip.len() / 2);
    corrupt.extend_from_slice(&[0xff; 64]);
    assert_eq!(put(&[octets], &corrupt), (400, "InvalidRequest".into()));
    let longer = (gzip.len() + 10).to_string();
    assert_eq!(put(&[octets, ("content-length", &longer)], &gzip), (400, "IncompleteBody".into()));
    let forged = target.replace("X-Amz-Signature=", "X-Amz-Signature=0");
    let raw = kit::send(&base, "PUT", &forged, &[octets], &gzip);
    assert_eq!(raw.status, 403);
    assert_eq!(raw.header("content-type"), Some("application/xml"));
    assert_eq!(linode_status(&stand_in, &created.image.id), "pending_upload"); // nothing was taken

    assert_eq!(put(&[octets], &gzip), (200, String::new()));
    let received = stand_in.received(&created.image.id).unwrap();
    assert_eq!((received.gzip_bytes, received.raw_bytes), (gzip.len() as u64, 100_000));
    assert_eq!(put(&[octets], &gzip), (403, "AccessDenied".into())); // used once
    assert_eq!(linode_status(&stand_in, &created.image.id), "creating");
}

// ---------------------------------------------------------------------------------------------
// DigitalOcean: operations and statuses

#[test]
fn digitalocean_import_is_new_then_pending_then_available() {
    let stand_in = manual_digitalocean();
    let client = stand_in.client().unwrap();
    let request = CustomImage::new("fedora", "https://example.com/fedora.qcow2.gz", "nyc3")
        .distribution(Distribution::Fedora)
        .description("CoreOS build")
        .tags(["ci"]);
    let image = client.images().import(request).unwrap();
    let id = image.id;
    assert_eq!(id, 171_400_118);
    let status =
        |stand_in: &DigitalOceanStandIn| stand_in.image(id).unwrap().status.unwrap().as_str().to_string();
    assert_eq!(status(&stand_in), "NEW");
    assert_eq!((image.regions.len(), image.min_disk_size), (0, None));
    stand_in.clock().advance(Duration::from_millis(499));
    assert_eq!(status(&stand_in), "NEW");
    stand_in.clock().advance(MS);
    assert_eq!(status(&stand_in), "pending");
    stand_in.clock().advance(Duration::from_millis(999));
    assert_eq!(status(&stand_in), "pending");
    stand_in.clock().advance(MS);
    let image = client.images().wait_until_available(id).timeout(Duration::from_secs(5)).send().unwrap();
    assert_eq!(image.regions.iter().map(|r| r.as_str()).collect::<Vec<_>>(), ["nyc3"]);
    assert_eq!((image.min_disk_size, image.type_.unwrap().as_str()), (Some(1), "custom"));
    assert_eq!(
        (image.description.as_deref(), image.tags.clone()),
        (Some("CoreOS build"), vec!["ci".to_string()])
    );
    assert_eq!(image.created_at.as_deref(), Some("2025-06-01T12:00:00Z"));
    assert_eq!(image.distribution.unwrap().to_string(), "Fedora");
}

#[test]
fn digitalocean_import_of_an_unsupported_file_fails_with_a_reason() {
    let stand_in = manual_digitalocean();
    let client = stand_in.client().unwrap();
    let image =
        client.images().import(CustomImage::new("cd", "https://example.com/live.iso", "ams3")).unwrap();
    stand_in.clock().advance(Duration::from_secs(2));
    let e =
        client.images().wait_until_available(image.id).timeout(Duration::from_secs(5)).send().unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::WaitFailed, Some("deleted")));
    assert!(e.to_string().contains("Unsupported image format: .iso files cannot be imported"), "{e}");
}

#[test]
fn digitalocean_actions_run_then_complete() {
    let stand_in = manual_digitalocean();
    let client = stand_in.client().unwrap();
    let snapshot = client.images().actions(171_002_281);
    let transfer = snapshot.transfer("sfo3").unwrap();
    assert_eq!(
        (transfer.status.as_ref().unwrap().as_str(), transfer.completed_at.clone()),
        ("in-progress", None)
    );
    assert_eq!(transfer.region.as_ref().unwrap().name.as_deref(), Some("San Francisco 3"));
    let e = snapshot.convert().unwrap_err();
    assert_eq!(e.messages(), ["The image already has an action in progress"]);
    stand_in.clock().advance(Duration::from_secs(1));
    let done = snapshot.get(transfer.id).unwrap();
    assert_eq!(done.status.unwrap().as_str(), "completed");
    assert_eq!(done.completed_at.as_deref(), Some("2025-06-01T12:00:01Z"));
    let regions = stand_in.image(171_002_281).unwrap().regions;
    assert_eq!(regions.iter().map(|r| r.as_str()).collect::<Vec<_>>(), ["nyc3", "sfo3"]);
    assert_eq!(snapshot.transfer("sfo3").unwrap_err().messages(), ["The image is already in sfo3"]);
    assert_eq!(snapshot.convert().unwrap_err().messages(), ["The image is already a snapshot"]);

    let backup = client.images().actions(171_003_090);
    let convert = backup.convert().unwrap();
    assert_eq!(stand_in.image(171_003_090).unwrap().type_.unwrap().as_str(), "backup");
    stand_in.clock().advance(Duration::from_secs(1));
    backup.wait_until_completed(convert.id).timeout(Duration::from_secs(5)).send().unwrap();
    assert_eq!(stand_in.image(171_003_090).unwrap().type_.unwrap().as_str(), "snapshot");
    assert_eq!(stand_in.actions().len(), 2);

    let mut listed = snapshot.list().per_page(1).iter();
    assert_eq!(listed.by_ref().map(|a| a.unwrap().id).collect::<Vec<_>>(), [transfer.id]);
    assert_eq!(snapshot.get(transfer.id + 1).unwrap_err().status(), Some(404));
    let e = client.images().actions(155_690_012).convert().unwrap_err(); // a public image
    assert_eq!(e.status(), Some(404));
}

#[test]
fn digitalocean_update_and_delete() {
    let stand_in = manual_digitalocean();
    let client = stand_in.client().unwrap();
    let image = client
        .images()
        .update(171_002_281)
        .name("web-01 golden")
        .description("kept")
        .distribution(Distribution::Debian)
        .send()
        .unwrap();
    assert_eq!((image.name.as_deref(), image.description.as_deref()), (Some("web-01 golden"), Some("kept")));
    let raw = kit::json(
        &stand_in.base_url(),
        "PUT",
        "/v2/images/171002281",
        stand_in.token(),
        &json!({"distribution": "Plan 9"}),
    );
    assert_eq!(raw.json()["image"]["distribution"], "Unknown"); // accepted but ignored
    assert_eq!(client.images().update(155_690_012).name("mine").send().unwrap_err().status(), Some(403));

    client.images().actions(171_002_281).transfer("lon1").unwrap();
    client.images().delete(171_002_281).unwrap();
    assert!(stand_in.image(171_002_281).is_none());
    assert!(stand_in.actions().is_empty()); // they went with it
    assert!(client.images().get(171_002_281).unwrap_err().is_not_found());
    let delete = stand_in.requests().into_iter().find(|r| r.method == "DELETE").unwrap();
    assert_eq!(delete.status, Some(204));
    assert_eq!(client.images().delete(155_690_012).unwrap_err().status(), Some(403));
}

// ---------------------------------------------------------------------------------------------
// DigitalOcean: listing

#[test]
fn digitalocean_pages_with_links_back_to_the_stand_in() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let base = stand_in.base_url();
    let raw = kit::get(&base, "/v2/images?type=distribution&per_page=10&page=2", stand_in.token());
    let body = raw.json();
    assert_eq!(body["images"].as_array().unwrap().len(), 10);
    assert_eq!(body["meta"], json!({"total": 26}));
    let link = |n: u32| format!("{base}/v2/images?type=distribution&per_page=10&page={n}");
    assert_eq!(
        body["links"],
        json!({"pages": {"first": link(1), "prev": link(1), "next": link(3), "last": link(3)}})
    );
    let last = kit::get(&base, "/v2/images?type=distribution&per_page=10&page=3", stand_in.token()).json();
    assert_eq!(last["links"], json!({"pages": {"first": link(1), "prev": link(2)}}));
    let one = kit::get(&base, "/v2/images?type=application", stand_in.token()).json();
    assert_eq!((one["links"].clone(), one["meta"].clone()), (json!({}), json!({"total": 5})));

    let client = stand_in.client().unwrap();
    let mut all = client.images().list().per_page(7).iter();
    assert_eq!((all.by_ref().count(), all.pages_fetched()), (33, 5));
    for per_page in [0, 201] {
        // The client refuses these before sending; the stand-in refuses them too.
        assert_eq!(
            client.images().list().per_page(per_page).send().unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
        let raw = kit::get(&base, &format!("/v2/images?per_page={per_page}"), stand_in.token());
        let body = raw.json();
        assert_eq!((raw.status, body["id"].as_str()), (400, Some("bad_request")));
        assert_eq!(body["message"], "per_page must be an integer between 1 and 200");
    }
}

#[test]
fn digitalocean_query_filters() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let total = |list: cloud_images::digitalocean::ListImages<'_>| list.send().unwrap().total;
    assert_eq!(total(client.images().list().kind(ImageKind::Distribution)), Some(26));
    assert_eq!(total(client.images().list().kind(ImageKind::Application)), Some(5));
    assert_eq!(total(client.images().list().private(true)), Some(2));
    client
        .images()
        .import(CustomImage::new("tagged", "https://example.com/a.img", "nyc1").tags(["ci"]))
        .unwrap();
    let tagged = client.images().list().tag("ci").send().unwrap();
    assert_eq!(tagged.items.iter().map(|i| i.name.clone().unwrap()).collect::<Vec<_>>(), ["tagged"]);
    assert_eq!(total(client.images().list().private(true)), Some(3));
    let raw = kit::get(&stand_in.base_url(), "/v2/images?type=kernel", stand_in.token());
    assert_eq!(raw.status, 400);
    assert_eq!(raw.json()["id"], "bad_request");
}

// ---------------------------------------------------------------------------------------------
// DigitalOcean: errors, request ids and rate limits

#[test]
fn digitalocean_errors_carry_request_ids_and_rate_limit_headers() {
    let stand_in = manual_digitalocean();
    let base = stand_in.base_url();
    let raw = kit::send(&base, "GET", "/v2/images/debian-12-x64", &[], b"");
    let request_id = raw.header("x-request-id").unwrap().to_string();
    assert_eq!(
        (raw.status, raw.json()),
        (
            401,
            json!({"id": "unauthorized", "message": "Unable to authenticate you", "request_id": request_id})
        )
    );
    assert_eq!(raw.header("ratelimit-limit"), Some("5000"));
    assert_eq!(raw.header("ratelimit-remaining"), Some("4999"));
    assert_eq!(raw.header("ratelimit-reset"), Some("1748782800")); // the first request + 1 h
    let wrong = kit::get(&base, "/v2/images/debian-12-x64", "dop_v1_wrong");
    assert_eq!((wrong.status, wrong.header("ratelimit-remaining")), (401, Some("4998")));
    assert_ne!(wrong.header("x-request-id"), Some(request_id.as_str()));
    let missing = kit::get(&base, "/v2/images/1", stand_in.token());
    assert_eq!(missing.json()["message"], "The resource you were accessing could not be found.");

    let client = stand_in.client().unwrap();
    let e = client.images().import(CustomImage::new("x", "https://example.com/x.img", "mars1")).unwrap_err();
    assert_eq!((e.status(), e.messages()), (Some(422), vec!["region mars1 is not available".to_string()]));
    assert!(e.request_id().is_some());
    let raw =
        kit::json(&base, "POST", "/v2/images", stand_in.token(), &json!({"name": "x", "region": "nyc3"}));
    assert_eq!((raw.status, raw.json()["id"].clone()), (422, json!("unprocessable_entity")));
}

#[test]
fn digitalocean_rate_limit_runs_out_and_comes_back() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).rate_limit(2).start().unwrap();
    let client = stand_in.client_builder().no_retries().build().unwrap();
    client.images().get("debian-12-x64").unwrap();
    stand_in.clock().advance(Duration::from_secs(600));
    client.images().get("debian-12-x64").unwrap();
    assert_eq!(client.rate_limit().unwrap().remaining, 0);
    let e = client.images().get("debian-12-x64").unwrap_err();
    assert_eq!((e.status(), e.messages()), (Some(429), vec!["API rate limit exceeded.".to_string()]));
    assert!(e.is_rate_limited());
    // The first request stops counting an hour after it was made.
    stand_in.clock().advance(Duration::from_secs(3000));
    client.images().get("debian-12-x64").unwrap();
    // The refused request did not count: the oldest one left is the second.
    assert_eq!(client.rate_limit().unwrap().reset, 1_748_779_200 + 600 + 3600);
}

// ---------------------------------------------------------------------------------------------
// Faults

#[test]
fn fault_429_carries_retry_after_and_is_retried() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in
        .inject(On::op::<linode::ops::GetImage>(), Fault::too_many_requests(Duration::from_millis(1500)))
        .unwrap();
    let raw = kit::get(&stand_in.base_url(), "/v4/images/linode%2Fdebian12", stand_in.token());
    assert_eq!((raw.status, raw.header("retry-after")), (429, Some("2")));
    assert_eq!(raw.json(), json!({"errors": [{"reason": "Too many requests"}]}));

    stand_in
        .inject(On::op::<linode::ops::GetImage>(), Fault::too_many_requests(Duration::from_secs(1)))
        .unwrap();
    let image = stand_in.client().unwrap().images().get("linode/debian12").unwrap();
    assert_eq!(image.id, "linode/debian12");
    let log = stand_in.requests();
    let seen: Vec<_> = log.iter().map(|r| (r.status, r.fault.clone())).collect();
    assert_eq!(
        seen,
        [
            (Some(429), Some("status 429 with retry-after: 2".to_string())),
            (Some(429), Some("status 429 with retry-after: 1".to_string())),
            (Some(200), None)
        ]
    );
    assert_eq!(log[1].note, "injected Too many requests");
}

#[test]
fn fault_503_is_retried_and_maintenance_is_not() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::unavailable().times(2)).unwrap();
    client.images().get("debian-12-x64").unwrap();
    assert_eq!(
        stand_in.take_requests().iter().map(|r| r.status).collect::<Vec<_>>(),
        [Some(503), Some(503), Some(200)]
    );

    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::maintenance()).unwrap();
    let e = client.images().get("debian-12-x64").unwrap_err();
    assert_eq!((e.kind(), e.status(), e.attempts()), (ErrorKind::Maintenance, Some(503), 1));
    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::maintenance()).unwrap();
    let raw = kit::get(&stand_in.base_url(), "/v2/images/debian-12-x64", stand_in.token());
    assert_eq!(raw.header("x-maintenance-mode"), Some("1"));
    assert!(raw.header("ratelimit-remaining").is_some());
    let body = raw.json();
    assert_eq!(
        (body["id"].clone(), body["request_id"].as_str()),
        (json!("service_unavailable"), raw.header("x-request-id"))
    );
}

#[test]
fn a_failed_status_stops_the_operation_but_a_cut_answer_comes_after_it() {
    let stand_in = manual_digitalocean();
    let client = stand_in.client().unwrap();
    let request = || CustomImage::new("x", "https://example.com/x.img", "nyc3");
    stand_in.inject(On::op::<digitalocean::ops::ImagesCreateCustom>(), Fault::status(500)).unwrap();
    let e = client.images().import(request()).unwrap_err();
    assert_eq!((e.status(), e.attempts()), (Some(500), 1)); // a POST is not retried on 500
    assert_eq!(stand_in.account_images().len(), 2); // and nothing was created

    stand_in.inject(On::op::<digitalocean::ops::ImagesCreateCustom>(), Fault::cut_body()).unwrap();
    let e = client.images().import(request()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Transport);
    assert_eq!(stand_in.account_images().len(), 3); // the server acted; its answer was lost
    let cut = stand_in.requests().pop().unwrap();
    assert_eq!((cut.status, cut.fault.as_deref()), (Some(202), Some("cut body")));
}

#[test]
fn fault_cut_body_and_dropped_connection_on_a_get_are_retried() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::cut_body()).unwrap();
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::drop_connection()).unwrap();
    let image = stand_in.client().unwrap().images().get("linode/ubuntu24.04").unwrap();
    assert_eq!(image.label.as_deref(), Some("Ubuntu 24.04 LTS"));
    let log: Vec<_> = stand_in.take_requests().into_iter().map(|r| (r.status, r.fault)).collect();
    assert_eq!(
        log,
        [
            (Some(200), Some("cut body".to_string())),
            (None, Some("dropped connection".to_string())),
            (Some(200), None)
        ]
    );

    let once = stand_in.client_builder().no_retries().build().unwrap();
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::cut_body()).unwrap();
    assert_eq!(once.images().get("linode/debian12").unwrap_err().kind(), ErrorKind::Transport);
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::drop_connection()).unwrap();
    assert_eq!(once.images().get("linode/debian12").unwrap_err().kind(), ErrorKind::Transport);
}

#[test]
fn fault_delay_outlasts_a_short_timeout() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject(On::op::<linode::ops::GetImages>(), Fault::delay(Duration::from_secs(3))).unwrap();
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    let e = impatient.images().list().send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(stand_in.requests()[0].fault.as_deref(), Some("delay 3000 ms"));
    // A delay still answers: with time enough, the same call works.
    stand_in.inject(On::op::<linode::ops::GetImages>(), Fault::delay(Duration::from_millis(50))).unwrap();
    assert_eq!(stand_in.client().unwrap().images().list().send().unwrap().total, Some(59));
}

#[test]
fn faults_match_by_request_too_and_apply_in_order() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client().unwrap();
    stand_in.inject(On::request("PUT", "/object-storage/"), Fault::unavailable()).unwrap();
    let image = client
        .images()
        .upload(CreateUpload::new("x", "us-east"))
        .seekable(Cursor::new(vec![5u8; 5000]))
        .unwrap();
    let puts: Vec<_> =
        stand_in.requests().into_iter().filter(|r| r.method == "PUT").map(|r| r.status).collect();
    assert_eq!(puts, [Some(503), Some(200)]); // the upload's PUT was retried
    assert!(stand_in.received(&image.id).is_some());

    stand_in.take_requests();
    stand_in.inject(On::any(), Fault::status(502)).unwrap();
    stand_in.inject(On::any(), Fault::status(504)).unwrap();
    client.images().get("linode/debian12").unwrap();
    let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(502), Some(504), Some(200)]);
    assert_eq!(stand_in.pending_faults(), 0);
    // An operation id that the request does not go to does not catch it.
    stand_in.inject(On::op::<linode::ops::DeleteImage>(), Fault::unavailable()).unwrap();
    client.images().get("linode/debian12").unwrap();
    assert_eq!(stand_in.pending_faults(), 1);
}

// ---------------------------------------------------------------------------------------------
// The request log, and the server itself

#[test]
fn the_request_log_has_what_was_sent_without_the_token() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client_builder().user_agent("my-tool/2.0").build().unwrap();
    client.images().list().kind(ImageKind::Distribution).per_page(5).page(2).send().unwrap();
    let request = CustomImage::new("n", "https://example.com/n.img", "fra1").tags(["a-tag"]);
    client.images().import(request).unwrap();
    let log = stand_in.take_requests();
    assert!(stand_in.requests().is_empty());
    let (list, import) = (&log[0], &log[1]);
    assert_eq!((list.method.as_str(), list.path.as_str()), ("GET", "/v2/images"));
    assert_eq!(list.query, pairs(&[("type", "distribution"), ("per_page", "5"), ("page", "2")]));
    assert_eq!((list.body.clone(), list.body_len, list.status), (None, 0, Some(200)));
    assert_eq!(list.note, "5 images of 26, links.pages.next → page 3");
    assert_eq!((list.header("authorization"), list.token), (Some(REDACTED), Token::Valid));
    assert!(list.header("user-agent").unwrap().starts_with("my-tool/2.0 cloud-images/"));
    assert_eq!(import.operation.as_deref(), Some("images_create_custom"));
    assert_eq!(
        import.body,
        Some(json!({"name": "n", "url": "https://example.com/n.img", "region": "fra1", "tags": ["a-tag"]}))
    );
    assert_eq!(import.body_len, import.header("content-length").unwrap().parse::<u64>().unwrap());
    assert_eq!(import.header("content-type"), Some("application/json"));
    for request in &log {
        assert!(!format!("{request:?}").contains(stand_in.token()));
    }
    let unknown = kit::get(&stand_in.base_url(), "/v2/droplets", stand_in.token());
    assert_eq!(unknown.status, 404);
    assert_eq!(stand_in.requests()[0].operation, None);
}

#[test]
fn a_dropped_stand_in_stops_and_closes_its_port() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client_builder().no_retries().build().unwrap();
    client.images().get("linode/debian12").unwrap(); // leaves a kept-alive connection open
    let addr = stand_in.base_url().trim_start_matches("http://").to_string();
    drop(stand_in); // returns although that connection is still open
    assert!(TcpStream::connect(&addr).is_err());
    assert_eq!(client.images().get("linode/debian12").unwrap_err().kind(), ErrorKind::Transport);
}

#[test]
fn many_clients_at_once() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    std::thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..20 {
                    assert_eq!(client.images().get("debian-12-x64").unwrap().id, 161_812_409);
                }
            });
        }
    });
    assert_eq!(stand_in.requests().len(), 160);
    client.images().get("debian-12-x64").unwrap(); // one more, alone: its headers are the last seen
    assert_eq!(client.rate_limit().map(|l| l.remaining).unwrap(), 5000 - 161);
}

#[test]
fn chunked_request_bodies_and_empty_seeds() {
    let stand_in = DigitalOceanStandIn::builder().seed(Seed::Empty).start().unwrap();
    assert_eq!(stand_in.client().unwrap().images().list().send().unwrap().total, Some(0));
    let body = json!({"name": "c", "url": "https://example.com/c.img", "region": "nyc3"}).to_string();
    let (a, b) = body.split_at(10);
    let chunked = format!("{:x}\r\n{a}\r\n{:x}\r\n{b}\r\n0\r\n\r\n", a.len(), b.len());
    let auth = format!("Bearer {}", stand_in.token());
    let headers = [("authorization", auth.as_str()), ("transfer-encoding", "chunked")];
    let raw = kit::send(&stand_in.base_url(), "POST", "/v2/images", &headers, chunked.as_bytes());
    assert_eq!((raw.status, raw.json()["image"]["name"].clone()), (202, json!("c")));
    let post = stand_in.requests().pop().unwrap();
    assert_eq!((post.body_len, post.header("transfer-encoding")), (body.len() as u64, Some("chunked")));

    let linode = LinodeStandIn::builder().seed(Seed::Public).start().unwrap();
    assert!(linode.account_images().is_empty());
    assert_eq!(linode.client().unwrap().images().list().send().unwrap().total, Some(57));
}

/// DigitalOcean account transfers on the stand-in: only snapshots can be offered; a pending
/// offer can be withdrawn or declined; an accepted one takes the image out of the account.
#[test]
fn digitalocean_account_transfers_move_through_the_stand_in() {
    use cloud_images::digitalocean::{Offered, Recipient};
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let team = "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10";
    let snapshot = client.images().account_transfers(171_002_281);
    let Offered::Pending(first) = snapshot.offer(Recipient::team(team)).unwrap() else {
        panic!("not pending")
    };
    snapshot.cancel(first).unwrap();
    let e = snapshot.cancel(first).unwrap_err();
    assert_eq!(e.status(), Some(400), "a withdrawn transfer is no longer pending: {e}");
    let Offered::Pending(second) = snapshot.offer(Recipient::email("ops@example.com")).unwrap() else {
        panic!("not pending")
    };
    assert_ne!(first, second);
    snapshot.accept(second, team).unwrap();
    assert!(client.images().get(171_002_281).unwrap_err().is_not_found(), "the image left the account");
    // A backup is not a snapshot: the API's refusal, in its words.
    let e = client.images().account_transfers(171_003_090).offer(Recipient::team(team)).unwrap_err();
    assert_eq!(e.messages(), ["Only snapshots can be transferred to another account."]);
    let ops: Vec<String> = stand_in.requests().iter().map(|r| format!("{} {}", r.method, r.path)).collect();
    assert_eq!(
        ops,
        [
            "POST /v2/images/171002281/account_transfer",
            "POST /v2/images/171002281/account_transfer/cancel",
            "POST /v2/images/171002281/account_transfer/cancel",
            "POST /v2/images/171002281/account_transfer",
            "POST /v2/images/171002281/account_transfer/accept",
            "GET /v2/images/171002281",
            "POST /v2/images/171003090/account_transfer",
        ]
    );
}
