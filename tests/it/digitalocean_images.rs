//! The DigitalOcean Images facade against a mock API: the exact requests sent, and what comes
//! back. Fixtures in `tests/fixtures/digitalocean_facade/` are shaped like real responses.

use std::time::Duration;

use cloud_images::digitalocean::types::{ActionStatus, Image, ImageStatus, ImageType};
use cloud_images::digitalocean::{Client, CustomImage, Distribution, ImageKind, ImageRef, RegionSlug};
use cloud_images::{ErrorKind, Items};
use httpmock::prelude::*;
use httpmock::{Mock, Then, When};
use serde_json::{Value, json};

const TOKEN: &str = "dop_v1_3f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee";
const RESET: &str = "1715000000";

fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/digitalocean_facade/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// `fixture` with `image.status` (and `image.error_message`) replaced.
fn image_with_status(status: &str, error_message: &str) -> Value {
    let mut body = fixture("image_custom.json");
    body["image"]["status"] = json!(status);
    body["image"]["error_message"] = json!(error_message);
    body
}

fn action_with_status(status: &str) -> Value {
    let mut body = fixture("action_transfer.json");
    body["action"]["status"] = json!(status);
    body
}

/// What every API request must carry.
fn api(when: When, method: httpmock::Method, path: &str) -> When {
    when.method(method)
        .path(path)
        .header("authorization", format!("Bearer {TOKEN}"))
        .header("accept", "application/json")
        .header_prefix("user-agent", "cloud-images/")
}

/// The query string must be exactly these pairs (in any order): nothing missing, nothing extra.
fn exact_query(when: When, pairs: &[(&str, &str)]) -> When {
    let mut want: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    want.sort();
    when.is_true(move |req: &HttpMockRequest| {
        let mut got = req.query_params();
        got.sort();
        got == want
    })
}

/// A DigitalOcean JSON answer with its rate-limit headers.
fn answer(then: Then, status: u16, body: Value) -> Then {
    then.status(status)
        .header("content-type", "application/json; charset=utf-8")
        .header("ratelimit-limit", "5000")
        .header("ratelimit-remaining", "4987")
        .header("ratelimit-reset", RESET)
        .json_body(body)
}

/// Any request at all: for tests where nothing may be sent.
fn nothing_expected(server: &MockServer) -> Mock<'_> {
    server.mock(|when, then| {
        when.any_request();
        then.status(599);
    })
}

/// Collects a listing, but stops a runaway one (a wrong pager would loop forever here).
fn collect_at_most(items: Items<Image>) -> Vec<Image> {
    items.take(50).collect::<Result<_, _>>().unwrap()
}

fn ids(images: &[Image]) -> Vec<u64> {
    images.iter().map(|i| i.id).collect()
}

#[test]
fn client_and_iterators_are_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Client>();
    send::<Items<Image>>();
}

// ---------------------------------------------------------------------------------------------
// Listing

#[test]
fn list_follows_next_links_for_three_pages_keeping_every_filter() {
    let server = MockServer::start();
    let filters = [("type", "distribution"), ("private", "false"), ("tag_name", "base"), ("per_page", "2")];
    let with_page = |page: &'static str| {
        let mut q = filters.to_vec();
        q.push(("page", page));
        q
    };
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &filters);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &with_page("2"));
        answer(then, 200, fixture("images_page2.json"));
    });
    let page3 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &with_page("3"));
        answer(then, 200, fixture("images_page3.json"));
    });

    let client = client(&server);
    let list = client.images().list().kind(ImageKind::Distribution).private(false).tag("base").per_page(2);
    let mut items = list.iter();
    let images: Vec<Image> = items.by_ref().collect::<Result<_, _>>().unwrap();

    assert_eq!(ids(&images), [160377834, 161471290, 159651797, 162317592, 164227830]);
    assert_eq!(items.pages_fetched(), 3);
    assert!(items.next().is_none());
    page1.assert_calls(1);
    page2.assert_calls(1);
    page3.assert_calls(1);

    // Decoded as sent, open enums included.
    let debian = &images[0];
    assert_eq!(debian.slug.as_deref(), Some("debian-12-x64"));
    assert_eq!(debian.distribution, Some(Distribution::Debian));
    assert_eq!(debian.type_, Some(ImageType::Base));
    assert_eq!(debian.status, Some(ImageStatus::Available));
    assert_eq!(debian.min_disk_size, Some(15));
    assert_eq!(debian.size_gigabytes, Some(0.98));
    assert_eq!(debian.regions.first(), Some(&RegionSlug::Nyc3));
    assert_eq!(images[4].distribution, Some(Distribution::Other("AlmaLinux".into())));

    // The builder was not changed by iterating: sending it again asks for the first page again.
    let again = list.send().unwrap();
    assert_eq!(again.total, Some(5));
    assert_eq!(again.items.len(), 2);
    page1.assert_calls(2);
    page2.assert_calls(1);
}

#[test]
fn take_two_with_per_page_two_sends_exactly_one_request() {
    let server = MockServer::start();
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(then, 200, fixture("images_page2.json"));
    });

    let client = client(&server);
    let items = client.images().list().per_page(2).iter();
    page1.assert_calls(0); // lazy: nothing sent before the first `next`
    let first_two: Vec<Image> = items.take(2).collect::<Result<_, _>>().unwrap();

    assert_eq!(ids(&first_two), [160377834, 161471290]);
    page1.assert_calls(1);
    page2.assert_calls(0);
}

#[test]
fn list_without_links_is_one_page() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        exact_query(
            api(when, GET, "/v2/images"),
            &[("private", "true"), ("tag_name", "prod"), ("per_page", "200")],
        );
        answer(then, 200, fixture("images_private_no_links.json"));
    });

    let client = client(&server);
    let list = client.images().list().private(true).tag("prod");

    let one = list.send().unwrap();
    // No links: this page is the only one.
    assert_eq!(one.page, 1);
    assert_eq!(one.pages, Some(1));
    assert_eq!(one.total, Some(3));
    assert!(one.failed.is_empty());
    assert_eq!(ids(&one.items), [7555620, 7555621, 38413969]);
    assert_eq!(one.items[0].slug, None);
    assert_eq!(one.items[1].type_, Some(ImageType::Backup));
    assert_eq!(one.items[2].tags, ["prod".to_string(), "base".to_string()]);

    let all: Vec<Image> = list.iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(ids(&all), [7555620, 7555621, 38413969]);
    page.assert_calls(2);
}

#[test]
fn list_sends_the_application_kind_and_a_starting_page() {
    let server = MockServer::start();
    let page = server.mock(|when, then| {
        exact_query(
            api(when, GET, "/v2/images"),
            &[("type", "application"), ("page", "3"), ("per_page", "2")],
        );
        answer(then, 200, fixture("images_page3.json"));
    });

    let client = client(&server);
    let items = client.images().list().kind(ImageKind::Application).per_page(2).page(3).iter();
    let images: Vec<Image> = items.collect::<Result<_, _>>().unwrap();

    assert_eq!(ids(&images), [164227830]);
    page.assert_calls(1);
}

#[test]
fn per_page_and_page_out_of_range_are_refused_before_any_request() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let client = client(&server);
    let images = client.images();

    for bad in [
        images.list().per_page(0),
        images.list().per_page(201),
        images.list().page(0),
        images.list().tag(" "),
    ] {
        let e = bad.send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        let mut items = bad.iter();
        let e = items.next().unwrap().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(items.next().is_none());
    }
    let e = images.list().per_page(201).send().unwrap_err();
    assert!(e.to_string().contains("per_page must be between 1 and 200"), "{e}");

    let actions = images.actions(7555620);
    for bad in [actions.list().per_page(0), actions.list().per_page(201), actions.list().page(0)] {
        assert_eq!(bad.send().unwrap_err().kind(), ErrorKind::InvalidInput);
        assert_eq!(bad.iter().next().unwrap().unwrap_err().kind(), ErrorKind::InvalidInput);
    }
    any.assert_calls(0);
}

#[test]
fn per_page_limits_themselves_are_accepted() {
    let server = MockServer::start();
    let one = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "1")]);
        answer(then, 200, fixture("images_private_no_links.json"));
    });
    let two_hundred = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "200")]);
        answer(then, 200, fixture("images_private_no_links.json"));
    });
    let client = client(&server);
    client.images().list().per_page(1).send().unwrap();
    client.images().list().per_page(200).send().unwrap();
    one.assert_calls(1);
    two_hundred.assert_calls(1);
}

#[test]
fn a_server_repeating_the_same_next_link_stops_the_listing() {
    let server = MockServer::start();
    let mut stuck = fixture("images_page2.json");
    stuck["links"]["pages"]["next"] = json!("https://api.digitalocean.com/v2/images?page=2&per_page=2");
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(then, 200, stuck);
    });

    let client = client(&server);
    let images: Vec<Image> = collect_at_most(client.images().list().per_page(2).iter());

    assert_eq!(ids(&images), [160377834, 161471290, 159651797, 162317592]);
    page1.assert_calls(1);
    page2.assert_calls(1);
}

#[test]
fn a_next_link_pointing_backwards_stops_the_listing() {
    let server = MockServer::start();
    let mut backwards = fixture("images_page2.json");
    backwards["links"]["pages"]["next"] = json!("https://api.digitalocean.com/v2/images?page=1&per_page=2");
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(then, 200, backwards);
    });

    let client = client(&server);
    let images: Vec<Image> = collect_at_most(client.images().list().per_page(2).iter());

    assert_eq!(images.len(), 4);
    page1.assert_calls(1);
    page2.assert_calls(1);
}

#[test]
fn the_listing_never_goes_beyond_the_pages_meta_total_allows() {
    let server = MockServer::start();
    // meta.total 4 with 2 per page: 2 pages, yet page 2 links to a page 3 that has images.
    let mut first = fixture("images_page1.json");
    first["meta"]["total"] = json!(4);
    let mut second = fixture("images_page2.json");
    second["meta"]["total"] = json!(4);
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, first);
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(then, 200, second);
    });
    let page3 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "3")]);
        answer(then, 200, fixture("images_page3.json"));
    });

    let client = client(&server);
    let images: Vec<Image> = collect_at_most(client.images().list().per_page(2).iter());

    assert_eq!(images.len(), 4);
    page1.assert_calls(1);
    page2.assert_calls(1);
    page3.assert_calls(0);
}

#[test]
fn an_empty_page_stops_the_listing() {
    let server = MockServer::start();
    let mut empty = fixture("images_page2.json");
    empty["images"] = json!([]);
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(then, 200, empty);
    });
    let page3 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "3")]);
        answer(then, 200, fixture("images_page3.json"));
    });

    let client = client(&server);
    let images: Vec<Image> = collect_at_most(client.images().list().per_page(2).iter());

    assert_eq!(images.len(), 2);
    page1.assert_calls(1);
    page2.assert_calls(1);
    page3.assert_calls(0);
}

#[test]
fn the_first_error_ends_the_listing_for_good() {
    let server = MockServer::start();
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2")]);
        answer(then, 200, fixture("images_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "2")]);
        answer(
            then,
            500,
            json!({"id": "server_error", "message": "Unexpected server-side error", "request_id": "4f8e2a9c"}),
        );
    });
    let page3 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images"), &[("per_page", "2"), ("page", "3")]);
        answer(then, 200, fixture("images_page3.json"));
    });

    let client = client(&server);
    let mut items = client.images().list().per_page(2).iter();
    assert_eq!(items.next().unwrap().unwrap().id, 160377834);
    assert_eq!(items.next().unwrap().unwrap().id, 161471290);
    let e = items.next().unwrap().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api);
    assert_eq!(e.status(), Some(500));
    assert_eq!(e.request_id(), Some("4f8e2a9c"));
    assert!(items.next().is_none());
    assert!(items.next().is_none());
    page1.assert_calls(1);
    page2.assert_calls(1);
    page3.assert_calls(0);
}

#[test]
fn a_next_link_without_a_page_number_is_an_error_after_the_page() {
    let server = MockServer::start();
    let mut odd = fixture("images_page1.json");
    odd["links"]["pages"]["next"] = json!("https://api.digitalocean.com/v2/images?cursor=abc");
    let page1 = server.mock(|when, then| {
        api(when, GET, "/v2/images");
        answer(then, 200, odd);
    });

    let client = client(&server);
    let mut items = client.images().list().iter();
    assert!(items.next().unwrap().is_ok());
    assert!(items.next().unwrap().is_ok());
    let e = items.next().unwrap().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert!(e.to_string().contains("next link"), "{e}");
    assert!(items.next().is_none());
    page1.assert_calls(1);
}

// ---------------------------------------------------------------------------------------------
// Get, import, update, delete

#[test]
fn get_by_id() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images/7555620"), &[]);
        answer(then, 200, fixture("image_snapshot.json"));
    });

    let image = client(&server).images().get(7555620).unwrap();

    get.assert_calls(1);
    assert_eq!(image.id, 7555620);
    assert_eq!(image.name.as_deref(), Some("web-2024-05-01"));
    assert_eq!(image.slug, None);
    assert_eq!(image.public, Some(false));
    assert_eq!(image.type_, Some(ImageType::Snapshot));
    assert_eq!(image.regions, [RegionSlug::Nyc2, RegionSlug::Nyc3]);
    assert_eq!(image.created_at.as_deref(), Some("2024-05-01T09:12:44Z"));
    assert_eq!(image.size_gigabytes, Some(2.34));
}

#[test]
fn get_by_slug() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        api(when, GET, "/v2/images/ubuntu-24-04-x64");
        answer(then, 200, fixture("image_public_slug.json"));
    });

    let client = client(&server);
    let image = client.images().get("ubuntu-24-04-x64").unwrap();
    let again = client.images().get(ImageRef::Slug(String::from("ubuntu-24-04-x64"))).unwrap();

    get.assert_calls(2);
    assert_eq!(image, again);
    assert_eq!(image.id, 161471290);
    assert_eq!(image.slug.as_deref(), Some("ubuntu-24-04-x64"));
    assert_eq!(image.public, Some(true));
    assert_eq!(image.regions.last(), Some(&RegionSlug::Other("atl1".into())));
}

#[test]
fn get_with_an_empty_slug_is_refused() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let e = client(&server).images().get("").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn get_of_a_missing_image_is_not_found() {
    let server = MockServer::start();
    server.mock(|when, then| {
        api(when, GET, "/v2/images/404404");
        answer(
            then,
            404,
            json!({"id": "not_found", "message": "The resource you were accessing could not be found."}),
        );
    });
    let e = client(&server).images().get(404404).unwrap_err();
    assert!(e.is_not_found());
    assert_eq!(e.api().unwrap().error_id(), Some("not_found"));
}

#[test]
fn import_sends_the_custom_image_and_decodes_the_partial_202() {
    let server = MockServer::start();
    let url = "https://builds.coreos.fedoraproject.org/prod/streams/stable/fedora-coreos-digitalocean.x86_64.qcow2.gz";
    let create = server.mock(|when, then| {
        api(when, POST, "/v2/images").header("content-type", "application/json").json_body(json!({
            "name": "fedora-coreos",
            "url": url,
            "region": "nyc3",
            "distribution": "Fedora",
            "description": "Fedora CoreOS stable",
            "tags": ["base"]
        }));
        answer(then, 202, fixture("image_import_new.json"));
    });

    let image = client(&server)
        .images()
        .import(
            CustomImage::new("fedora-coreos", url, "nyc3")
                .distribution(Distribution::Fedora)
                .description("Fedora CoreOS stable")
                .tags(["base"]),
        )
        .unwrap();

    create.assert_calls(1);
    assert_eq!(image.id, 38413969);
    assert_eq!(image.status, Some(ImageStatus::New));
    assert_eq!(image.type_, Some(ImageType::Custom));
    assert_eq!(image.tags, ["base".to_string()]);
    // The 202 placeholder has no slug, public flag or sizes yet.
    assert_eq!(image.slug, None);
    assert_eq!(image.public, None);
    assert_eq!(image.min_disk_size, None);
    assert_eq!(image.size_gigabytes, None);
    assert!(image.regions.is_empty());
}

#[test]
fn import_sends_only_the_required_fields_when_nothing_else_is_set() {
    let server = MockServer::start();
    let create = server.mock(|when, then| {
        api(when, POST, "/v2/images").json_body(json!({
            "name": "minimal",
            "url": "http://images.example.com/minimal.img",
            "region": "ams3"
        }));
        answer(then, 202, json!({"image": {"id": 38414001, "name": "minimal", "status": "NEW"}}));
    });

    let image = client(&server)
        .images()
        .import(CustomImage::new("minimal", "http://images.example.com/minimal.img", RegionSlug::Ams3))
        .unwrap();

    create.assert_calls(1);
    assert_eq!(image.id, 38414001);
    assert_eq!(image.status, Some(ImageStatus::New));
    assert_eq!(image.distribution, None);
}

#[test]
fn import_refuses_bad_input_before_sending() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let client = client(&server);
    let images = client.images();
    let ok_url = "https://example.com/image.qcow2";
    let cases = [
        (CustomImage::new("", ok_url, "nyc3"), "name must not be empty"),
        (CustomImage::new("  ", ok_url, "nyc3"), "name must not be empty"),
        (CustomImage::new("img", "", "nyc3"), "url must not be empty"),
        (CustomImage::new("img", "ftp://example.com/image.qcow2", "nyc3"), "http:// or https://"),
        (CustomImage::new("img", "example.com/image.qcow2", "nyc3"), "http:// or https://"),
        (CustomImage::new("img", "/local/image.qcow2", "nyc3"), "http:// or https://"),
        (CustomImage::new("img", "https://exa mple.com/x", "nyc3"), "invalid url"),
        (CustomImage::new("img", ok_url, ""), "region must not be empty"),
    ];
    for (image, expected) in cases {
        let e = images.import(image.clone()).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{image:?}: {e}");
        assert!(e.to_string().contains(expected), "{image:?}: {e}");
    }
    // A pre-signed URL's signature is not repeated in the message.
    let signed = "s3://bucket/image.qcow2?X-Amz-Signature=5ecr3t";
    let e = images.import(CustomImage::new("img", signed, "nyc3")).unwrap_err();
    assert!(!e.to_string().contains("5ecr3t"), "{e}");
    any.assert_calls(0);
}

#[test]
fn update_sends_the_changes() {
    let server = MockServer::start();
    let mut updated = fixture("image_custom.json");
    updated["image"]["name"] = json!("fedora-coreos-40");
    updated["image"]["description"] = json!("pinned");
    updated["image"]["distribution"] = json!("Fedora");
    let put = server.mock(|when, then| {
        api(when, PUT, "/v2/images/38413969").header("content-type", "application/json").json_body(
            json!({"name": "fedora-coreos-40", "description": "pinned", "distribution": "Fedora"}),
        );
        answer(then, 200, updated);
    });
    let rename = server.mock(|when, then| {
        api(when, PUT, "/v2/images/7555620").json_body(json!({"name": "web-renamed"}));
        answer(then, 200, fixture("image_snapshot.json"));
    });

    let client = client(&server);
    let image = client
        .images()
        .update(38413969)
        .name("fedora-coreos-40")
        .description("pinned")
        .distribution(Distribution::Fedora)
        .send()
        .unwrap();
    client.images().update(7555620).name("web-renamed").send().unwrap();

    put.assert_calls(1);
    rename.assert_calls(1);
    assert_eq!(image.name.as_deref(), Some("fedora-coreos-40"));
    assert_eq!(image.description.as_deref(), Some("pinned"));
}

#[test]
fn update_with_nothing_to_change_or_an_empty_name_is_refused() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let client = client(&server);
    let e = client.images().update(7555620).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = client.images().update(7555620).name("").send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn delete_accepts_the_204() {
    let server = MockServer::start();
    let delete = server.mock(|when, then| {
        api(when, DELETE, "/v2/images/7555620").is_true(|req: &HttpMockRequest| req.body_ref().is_empty());
        then.status(204)
            .header("ratelimit-limit", "5000")
            .header("ratelimit-remaining", "4986")
            .header("ratelimit-reset", RESET);
    });

    client(&server).images().delete(7555620).unwrap();
    delete.assert_calls(1);
}

#[test]
fn rate_limit_headers_are_exposed() {
    let server = MockServer::start();
    server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620");
        answer(then, 200, fixture("image_snapshot.json"));
    });
    let client = client(&server);
    assert_eq!(client.rate_limit(), None);

    client.images().get(7555620).unwrap();

    let limits = client.rate_limit().unwrap();
    assert_eq!(limits.limit, 5000);
    assert_eq!(limits.remaining, 4987);
    assert_eq!(limits.reset, 1715000000);
    // Clones share the transport, so they see the same numbers.
    assert_eq!(client.clone().rate_limit(), Some(limits));
}

// ---------------------------------------------------------------------------------------------
// Actions

#[test]
fn transfer_posts_the_action_and_decodes_the_wrapped_answer() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        api(when, POST, "/v2/images/7555620/actions")
            .header("content-type", "application/json")
            .json_body(json!({"type": "transfer", "region": "sfo3"}));
        answer(then, 201, fixture("action_transfer.json"));
    });

    let action = client(&server).images().actions(7555620).transfer("sfo3").unwrap();

    post.assert_calls(1);
    assert_eq!(action.id, 36805527);
    assert_eq!(action.status, Some(ActionStatus::InProgress));
    assert_eq!(action.type_.as_deref(), Some("transfer"));
    assert_eq!(action.resource_id, Some(7555620));
    assert_eq!(action.resource_type.as_deref(), Some("image"));
    assert_eq!(action.region_slug.as_deref(), Some("sfo3"));
    assert_eq!(action.completed_at, None);
    let region = action.region.unwrap();
    assert_eq!(region.name.as_deref(), Some("San Francisco 3"));
    assert!(region.features.iter().any(|f| f == "image_transfer"));
}

#[test]
fn transfer_to_an_empty_region_is_refused() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let e = client(&server).images().actions(7555620).transfer("").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn convert_posts_only_the_type() {
    let server = MockServer::start();
    let post = server.mock(|when, then| {
        api(when, POST, "/v2/images/7555621/actions").json_body(json!({"type": "convert"}));
        answer(then, 201, fixture("action_convert.json"));
    });

    let action = client(&server).images().actions(7555621).convert().unwrap();

    post.assert_calls(1);
    assert_eq!(action.id, 36805603);
    assert_eq!(action.type_.as_deref(), Some("convert"));
    assert_eq!(action.resource_id, Some(7555621));
}

#[test]
fn get_action_decodes_the_wrapped_answer() {
    let server = MockServer::start();
    let mut done = fixture("action_transfer.json");
    done["action"]["status"] = json!("completed");
    done["action"]["completed_at"] = json!("2024-05-04T16:49:10Z");
    let get = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images/7555620/actions/36805527"), &[]);
        answer(then, 200, done);
    });

    let action = client(&server).images().actions(7555620).get(36805527).unwrap();

    get.assert_calls(1);
    assert_eq!(action.id, 36805527);
    assert_eq!(action.status, Some(ActionStatus::Completed));
    assert_eq!(action.completed_at.as_deref(), Some("2024-05-04T16:49:10Z"));
}

#[test]
fn list_actions_follows_next_links_keeping_per_page() {
    let server = MockServer::start();
    let page1 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images/7555620/actions"), &[("per_page", "1")]);
        answer(then, 200, fixture("actions_page1.json"));
    });
    let page2 = server.mock(|when, then| {
        exact_query(api(when, GET, "/v2/images/7555620/actions"), &[("per_page", "1"), ("page", "2")]);
        answer(then, 200, fixture("actions_page2.json"));
    });

    let client = client(&server);
    let list = client.images().actions(7555620).list().per_page(1);
    let first = list.send().unwrap();
    assert_eq!(first.total, Some(2));
    assert_eq!(first.items.len(), 1);

    let actions: Vec<_> = list.iter().collect::<Result<_, _>>().unwrap();

    assert_eq!(actions.iter().map(|a| a.id).collect::<Vec<_>>(), [36805527, 36804745]);
    assert_eq!(actions[0].status, Some(ActionStatus::Completed));
    assert_eq!(actions[1].status, Some(ActionStatus::Errored));
    page1.assert_calls(2);
    page2.assert_calls(1);
}

// ---------------------------------------------------------------------------------------------
// Waiting

const INTERVAL: Duration = Duration::from_millis(10);
const PATIENCE: Duration = Duration::from_secs(30);

#[test]
fn wait_until_available_polls_from_new_through_pending() {
    let server = MockServer::start();
    let new = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("NEW", "")).up_to_n_times(2);
    });
    let pending = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("pending", "")).up_to_n_times(1);
    });
    let available = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("available", ""));
    });

    let image = client(&server)
        .images()
        .wait_until_available(38413969)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap();

    assert_eq!(image.id, 38413969);
    assert_eq!(image.status, Some(ImageStatus::Available));
    new.assert_calls(2);
    pending.assert_calls(1);
    available.assert_calls(1);
}

#[test]
fn wait_until_available_compares_statuses_ignoring_case() {
    let server = MockServer::start();
    let new = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("new", "")).up_to_n_times(1);
    });
    let available = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("AVAILABLE", ""));
    });

    let image = client(&server)
        .images()
        .wait_until_available(38413969)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap();

    assert_eq!(image.status, Some(ImageStatus::Other("AVAILABLE".into())));
    new.assert_calls(1);
    available.assert_calls(1);
}

#[test]
fn wait_until_available_fails_on_deleted_with_the_error_message() {
    let server = MockServer::start();
    let message = "The image could not be imported: unsupported image format";
    let new = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("NEW", "")).up_to_n_times(1);
    });
    let deleted = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("deleted", message));
    });

    let e = client(&server)
        .images()
        .wait_until_available(38413969)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.last_status(), Some("deleted"));
    assert!(e.to_string().contains(message), "{e}");
    new.assert_calls(1);
    deleted.assert_calls(1);
}

#[test]
fn wait_until_available_fails_on_retired_whatever_the_case() {
    let server = MockServer::start();
    server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620");
        answer(then, 200, image_with_status("Retired", ""));
    });

    let e = client(&server)
        .images()
        .wait_until_available(7555620)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.last_status(), Some("Retired"));
}

#[test]
fn wait_until_available_times_out_with_the_last_status() {
    let server = MockServer::start();
    let new = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("NEW", ""));
    });

    let e = client(&server)
        .images()
        .wait_until_available(38413969)
        .timeout(Duration::from_millis(50))
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert!(e.is_timeout());
    assert_eq!(e.last_status(), Some("NEW"));
    assert!(e.to_string().contains("last status: NEW"), "{e}");
    assert!(new.calls() >= 1);
}

#[test]
fn wait_until_available_fails_when_the_image_disappears() {
    let server = MockServer::start();
    let new = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(then, 200, image_with_status("NEW", "")).up_to_n_times(1);
    });
    let gone = server.mock(|when, then| {
        api(when, GET, "/v2/images/38413969");
        answer(
            then,
            404,
            json!({"id": "not_found", "message": "The resource you were accessing could not be found."}),
        );
    });

    let e = client(&server)
        .images()
        .wait_until_available(38413969)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.status(), Some(404));
    assert_eq!(e.last_status(), Some("NEW"));
    new.assert_calls(1);
    gone.assert_calls(1);
}

#[test]
fn wait_until_available_on_an_unknown_id_is_not_found() {
    let server = MockServer::start();
    server.mock(|when, then| {
        api(when, GET, "/v2/images/404404");
        answer(
            then,
            404,
            json!({"id": "not_found", "message": "The resource you were accessing could not be found."}),
        );
    });
    let e = client(&server)
        .images()
        .wait_until_available(404404)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap_err();
    assert!(e.is_not_found(), "{e:?}");
}

#[test]
fn a_zero_poll_interval_is_refused() {
    let server = MockServer::start();
    let any = nothing_expected(&server);
    let client = client(&server);
    let e = client
        .images()
        .wait_until_available(1)
        .timeout(PATIENCE)
        .interval(Duration::ZERO)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = client
        .images()
        .actions(1)
        .wait_until_completed(2)
        .timeout(PATIENCE)
        .interval(Duration::ZERO)
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    any.assert_calls(0);
}

#[test]
fn action_wait_polls_until_completed() {
    let server = MockServer::start();
    let running = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("in-progress")).up_to_n_times(2);
    });
    let completed = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("completed"));
    });

    let action = client(&server)
        .images()
        .actions(7555620)
        .wait_until_completed(36805527)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap();

    assert_eq!(action.status, Some(ActionStatus::Completed));
    running.assert_calls(2);
    completed.assert_calls(1);
}

#[test]
fn action_wait_fails_when_the_action_errored() {
    let server = MockServer::start();
    let running = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("in-progress")).up_to_n_times(1);
    });
    let errored = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("errored"));
    });

    let e = client(&server)
        .images()
        .actions(7555620)
        .wait_until_completed(36805527)
        .timeout(PATIENCE)
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.last_status(), Some("errored"));
    assert!(e.to_string().contains("36805527"), "{e}");
    running.assert_calls(1);
    errored.assert_calls(1);
}

#[test]
fn action_wait_times_out_with_the_last_status() {
    let server = MockServer::start();
    server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("in-progress"));
    });

    let e = client(&server)
        .images()
        .actions(7555620)
        .wait_until_completed(36805527)
        .timeout(Duration::from_millis(50))
        .interval(INTERVAL)
        .send()
        .unwrap_err();

    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(e.last_status(), Some("in-progress"));
}

#[test]
fn the_default_wait_returns_at_once_when_already_done() {
    let server = MockServer::start();
    let image = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620");
        answer(then, 200, fixture("image_snapshot.json"));
    });
    let action = server.mock(|when, then| {
        api(when, GET, "/v2/images/7555620/actions/36805527");
        answer(then, 200, action_with_status("completed"));
    });

    let client = client(&server);
    client.images().wait_until_available(7555620).timeout(Duration::from_secs(1800)).send().unwrap();
    client
        .images()
        .actions(7555620)
        .wait_until_completed(36805527)
        .timeout(Duration::from_secs(1800))
        .send()
        .unwrap();

    image.assert_calls(1);
    action.assert_calls(1);
}
