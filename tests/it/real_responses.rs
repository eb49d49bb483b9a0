//! Answers shaped the way the live servers send them, not the way the specs describe them:
//! `null` lists and strings, missing fields, automatic and shared Linode images, DigitalOcean
//! lists without `meta` or `links`, and one undecodable item in the middle of a listing.

use cloud_images::linode::types::{ImageStatus, ImageType, IsShared};
use cloud_images::{ErrorKind, Page, digitalocean, linode};
use httpmock::prelude::*;
use serde_json::{Value, json};

const LINODE_PAGE: &str = include_str!("../fixtures/live/linode_images_page.json");
const DO_BARE_LIST: &str = include_str!("../fixtures/live/digitalocean_images_bare.json");
const DO_PARTIAL_ACTION: &str = include_str!("../fixtures/live/digitalocean_action_partial.json");
const TOKEN: &str = "real-responses-token-0123456789";

fn linode(server: &MockServer) -> linode::Client {
    linode::Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn digitalocean(server: &MockServer) -> digitalocean::Client {
    digitalocean::Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn page_fixture() -> Value {
    serde_json::from_str(LINODE_PAGE).unwrap()
}

/// Every field of the five images of the live-shaped page, as a program reads them.
fn assert_live_images(images: &[linode::types::Image]) {
    let ids: Vec<&str> = images.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["linode/debian12", "linode/ubuntu24.04", "private/24811540", "shared/5854", "private/160700"]
    );

    // Public: `regions: null` is an empty list, `image_sharing: null` is None.
    let debian = &images[0];
    assert_eq!(debian.label.as_deref(), Some("Debian 12"));
    assert_eq!(debian.created_by.as_deref(), Some("linode"));
    assert_eq!(debian.vendor.as_deref(), Some("Debian"));
    assert_eq!(debian.eol.as_deref(), Some("2028-06-30T04:00:00"));
    assert_eq!((debian.size, debian.is_public, debian.deprecated), (Some(1300), Some(true), Some(false)));
    assert_eq!(debian.status, Some(ImageStatus::Available));
    assert_eq!(debian.type_, Some(ImageType::Manual));
    assert!(debian.regions.is_empty());
    assert_eq!(debian.image_sharing, None);
    assert_eq!(debian.is_shared, Some(IsShared::Flag(false)));
    assert_eq!(debian.capabilities, ["cloud-init", "distributed-sites"]);

    // Automatic: `created_by`, `updated` and `description` are null.
    let automatic = &images[2];
    assert_eq!(automatic.type_, Some(ImageType::Automatic));
    assert_eq!(automatic.created_by, None);
    assert_eq!(automatic.updated, None);
    assert_eq!(automatic.description, None);
    assert_eq!(automatic.expiry.as_deref(), Some("2025-09-09T07:11:40"));
    assert_eq!(automatic.total_size, Some(3_779_067_904));
    assert_eq!(automatic.regions.len(), 1);
    assert_eq!(automatic.regions[0].region.as_deref(), Some("us-east"));
    let with = automatic.image_sharing.as_ref().and_then(|s| s.shared_with.as_ref()).unwrap();
    assert_eq!(with.sharegroup_count, Some(0));
    assert_eq!(with.sharegroup_list_url.as_deref(), Some("/images/private%2F24811540/sharegroups"));

    // Shared with us: `is_shared: null`, `created_by: null`, `shared_by` filled.
    let shared = &images[3];
    assert_eq!(shared.type_, Some(ImageType::Shared));
    assert_eq!(shared.is_shared, None);
    assert_eq!(shared.created_by, None);
    assert_eq!(shared.label.as_deref(), Some("golden-debian-12"));
    let sharing = shared.image_sharing.as_ref().unwrap();
    assert_eq!(sharing.shared_with, None);
    let by = sharing.shared_by.as_ref().unwrap();
    assert_eq!(by.sharegroup_id, Some(8306));
    assert_eq!(by.sharegroup_uuid.as_deref(), Some("955860b2-60b3-4a48-ba1b-d51e85da5074"));
    assert_eq!(by.sharegroup_label.as_deref(), Some("platform-golden-images"));
    assert_eq!(by.source_image_id.as_deref(), Some("private/160700"));
    assert_eq!(by.source_image_label, None); // not sent at all
    assert_eq!(shared.regions.len(), 2);

    // Our own image after sharing it.
    let own = &images[4];
    assert_eq!(own.is_shared, Some(IsShared::Flag(true)));
    assert_eq!(own.tags, ["golden", "debian"]);
    assert_eq!(
        own.image_sharing.as_ref().and_then(|s| s.shared_with.as_ref()).and_then(|w| w.sharegroup_count),
        Some(1)
    );

    // Nothing the server sent was lost: every image serialises back to what it was, but for
    // the nulls and empty lists a serialiser leaves out.
    let fixture = page_fixture();
    for (image, sent) in images.iter().zip(fixture["data"].as_array().unwrap()) {
        let mut sent = sent.clone();
        strip_nulls_and_empties(&mut sent);
        assert_eq!(serde_json::to_value(image).unwrap(), sent, "{}", image.id);
    }
}

fn strip_nulls_and_empties(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, v| !(v.is_null() || v.as_array().is_some_and(Vec::is_empty)));
            map.values_mut().for_each(strip_nulls_and_empties);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls_and_empties),
        _ => {}
    }
}

#[test]
fn linode_list_iter_returns_public_automatic_and_shared_images_intact() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param_missing("page"); // as `send()` sends it
        then.status(200).header("content-type", "application/json").body(LINODE_PAGE);
    });
    let images: Vec<_> = linode(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_live_images(&images);
    list.assert_calls(1);
}

#[test]
fn linode_list_send_returns_the_page_with_nothing_failed() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "3").query_param("page_size", "25");
        then.status(200).header("content-type", "application/json").body(LINODE_PAGE);
    });
    let page: Page<_> = linode(&server).images().list().page(3).page_size(25).send().unwrap();
    assert_live_images(&page.items);
    assert!(page.failed.is_empty());
    // The body says page 1 of 1, 5 results: the counters are the server's.
    assert_eq!((page.page, page.pages, page.total), (1, Some(1), Some(5)));
    list.assert_calls(1);
}

#[test]
fn linode_get_returns_each_live_image_intact() {
    let server = MockServer::start();
    let fixture = page_fixture();
    let sent: Vec<Value> = fixture["data"].as_array().unwrap().clone();
    let mocks: Vec<_> = sent
        .iter()
        .map(|image| {
            let encoded = image["id"].as_str().unwrap().replace('/', "%2F");
            let body = image.to_string();
            server.mock(move |when, then| {
                when.method(GET).path(format!("/v4/images/{encoded}"));
                then.status(200).header("content-type", "application/json").body(body);
            })
        })
        .collect();
    let client = linode(&server);
    let images: Vec<_> =
        sent.iter().map(|image| client.images().get(image["id"].as_str().unwrap()).unwrap()).collect();
    assert_live_images(&images);
    for m in &mocks {
        m.assert_calls(1);
    }
}

/// Page 2 of 3 holds a corrupt image in the middle: its `size` is text, and a second one has
/// no `id` at all.
fn corrupt_listing(server: &MockServer) -> [httpmock::Mock<'_>; 3] {
    let data = page_fixture()["data"].clone();
    let image = |id: &str| {
        let mut v = data[4].clone();
        v["id"] = json!(id);
        v
    };
    let mut bad = image("private/2002");
    bad["size"] = json!("2.5 GB");
    let mut no_id = image("ignored");
    no_id.as_object_mut().unwrap().remove("id");
    let pages = [
        json!({"data": [image("private/1001"), image("private/1002")], "page": 1, "pages": 3, "results": 7}),
        json!({"data": [image("private/2001"), bad, image("private/2003"), no_id], "page": 2, "pages": 3, "results": 7}),
        json!({"data": [image("private/3001")], "page": 3, "pages": 3, "results": 7}),
    ];
    let mut n = 0;
    pages.map(|body| {
        n += 1;
        let page = n;
        server.mock(move |when, then| {
            let when = when.method(GET).path("/v4/images").query_param("page_size", "25");
            // The first page is the request `send()` sends: no page number.
            match page {
                1 => when.query_param_missing("page"),
                page => when.query_param("page", page.to_string()),
            };
            then.status(200).header("content-type", "application/json").body(body.to_string());
        })
    })
}

#[test]
fn one_corrupt_image_does_not_hide_the_others_and_the_pager_goes_on() {
    let server = MockServer::start();
    let mocks = corrupt_listing(&server);
    let client = linode(&server);
    let mut iter = client.images().list().page_size(25).iter();
    let mut seen = Vec::new();
    for item in iter.by_ref() {
        seen.push(match item {
            Ok(image) => image.id,
            Err(e) => {
                assert_eq!(e.kind(), ErrorKind::Decode);
                format!("error at {:?} id {:?}: {e}", e.item_index(), e.item_id())
            }
        });
    }
    assert_eq!(seen.len(), 7);
    assert_eq!(&seen[..3], ["private/1001", "private/1002", "private/2001"]);
    assert!(
        seen[3].starts_with(
            "error at Some(1) id Some(\"private/2002\"): linode get-images: item 1 (private/2002) on page 2 \
             cannot be decoded at `size`: invalid type: string \"2.5 GB\""
        ),
        "{}",
        seen[3]
    );
    assert_eq!(seen[4], "private/2003");
    assert!(seen[5].starts_with("error at Some(3) id None: linode get-images: item 3 on page 2 cannot be decoded at `.`: missing field `id`"), "{}", seen[5]);
    assert_eq!(seen[6], "private/3001");
    assert_eq!(iter.total(), Some(7));
    for m in &mocks {
        m.assert_calls(1);
    }
}

#[test]
fn send_reports_the_corrupt_images_of_its_page_and_returns_the_rest() {
    let server = MockServer::start();
    let mocks = corrupt_listing(&server);
    let page = linode(&server).images().list().page(2).page_size(25).send().unwrap();
    let ids: Vec<&str> = page.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["private/2001", "private/2003"]);
    assert_eq!(page.failed.len(), 2);
    assert_eq!((page.failed[0].item_index(), page.failed[0].item_id()), (Some(1), Some("private/2002")));
    assert!(page.failed[0].to_string().contains("at `size`"), "{}", page.failed[0]);
    assert_eq!((page.failed[1].item_index(), page.failed[1].item_id()), (Some(3), None));
    assert_eq!((page.page, page.pages, page.total), (2, Some(3), Some(7)));
    mocks[0].assert_calls(0);
    mocks[1].assert_calls(1);
    mocks[2].assert_calls(0);
}

#[test]
fn a_page_that_is_not_an_envelope_still_fails_whole() {
    let server = MockServer::start();
    server.mock(|when, then| {
        when.method(GET).path("/v4/images");
        then.status(200)
            .header("content-type", "application/json")
            .body(r#"{"data": {"id": "x"}, "page": 1}"#);
    });
    let err = linode(&server).images().list().send().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.item_index(), None);
    assert!(
        err.to_string().starts_with("cannot decode the response to get-images (status 200) at `data`"),
        "{err}"
    );
}

#[test]
fn linode_pages_without_counters_stop_after_a_short_page() {
    let server = MockServer::start();
    let data = page_fixture()["data"].clone();
    let full: Vec<Value> = (0..25)
        .map(|i| {
            let mut v = data[4].clone();
            v["id"] = json!(format!("private/{i}"));
            v
        })
        .collect();
    let first = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param_missing("page"); // as `send()` sends it
        then.status(200).header("content-type", "application/json").body(json!({ "data": full }).to_string());
    });
    let second = server.mock(|when, then| {
        when.method(GET).path("/v4/images").query_param("page", "2");
        then.status(200)
            .header("content-type", "application/json")
            .body(json!({ "data": [data[0]] }).to_string());
    });
    let images: Vec<_> =
        linode(&server).images().list().page_size(25).iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(images.len(), 26);
    first.assert_calls(1);
    second.assert_calls(1);
}

#[test]
fn digitalocean_lists_without_meta_or_links_decode_and_stop() {
    let server = MockServer::start();
    let list = server.mock(|when, then| {
        when.method(GET).path("/v2/images").query_param("private", "true");
        then.status(200).header("content-type", "application/json").body(DO_BARE_LIST);
    });
    let client = digitalocean(&server);
    let mut iter = client.images().list().private(true).iter();
    let images: Vec<_> = iter.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(iter.total(), None);
    list.assert_calls(1); // no next link: one request

    let ids: Vec<u64> = images.iter().map(|i| i.id).collect();
    assert_eq!(ids, [169_474_531, 171_002_281, 171_002_977]);
    assert_eq!(images[0].tags, Vec::<String>::new()); // `tags: null`
    assert_eq!(images[0].slug.as_deref(), Some("ubuntu-24-04-x64"));
    assert_eq!(images[0].size_gigabytes, Some(2.36));
    assert_eq!(images[0].regions.len(), 4);
    assert_eq!(images[0].regions[3].as_str(), "atl1"); // a region the spec does not list
    assert_eq!(images[1].description, None); // missing
    assert_eq!(images[1].slug, None);
    assert!(images[2].regions.is_empty()); // `regions: null`
    assert_eq!((images[2].min_disk_size, images[2].size_gigabytes), (None, None));
    assert_eq!(images[2].status.as_ref().map(|s| s.as_str()), Some("NEW"));

    let page = client.images().list().private(true).send().unwrap();
    assert_eq!((page.page, page.pages, page.total, page.items.len()), (1, Some(1), None, 3));
    assert!(page.failed.is_empty());
    list.assert_calls(2);
}

#[test]
fn digitalocean_actions_with_only_some_fields_decode() {
    let server = MockServer::start();
    let get = server.mock(|when, then| {
        when.method(GET).path("/v2/images/171002281/actions/2431077601");
        then.status(200).header("content-type", "application/json").body(DO_PARTIAL_ACTION);
    });
    let action = digitalocean(&server).images().actions(171_002_281).get(2_431_077_601).unwrap();
    assert_eq!(action.id, 2_431_077_601);
    assert_eq!(action.status.as_ref().map(|s| s.as_str()), Some("in-progress"));
    assert_eq!(action.type_.as_deref(), Some("transfer"));
    assert_eq!((action.region.as_ref(), action.region_slug.as_ref()), (None, None));
    assert_eq!(action.resource_id, Some(171_002_281));
    get.assert_calls(1);

    // Even less: an action with only its id is still an action.
    let bare = server.mock(|when, then| {
        when.method(GET).path("/v2/images/171002281/actions/9");
        then.status(200).header("content-type", "application/json").body(r#"{"action": {"id": 9}}"#);
    });
    let action = digitalocean(&server).images().actions(171_002_281).get(9).unwrap();
    assert_eq!((action.id, action.status, action.type_), (9, None, None));
    bare.assert_calls(1);
}

/// 2,000 images listed with nothing set: the largest pages, so 4 requests to Linode (500 a
/// page) and 10 to DigitalOcean (200 a page), where the APIs' own defaults would take 20 and
/// 100.
#[test]
fn listings_ask_for_the_largest_pages_by_default() {
    const IMAGES: u64 = 2_000;
    let server = MockServer::start();
    let data = page_fixture()["data"].clone();
    let linode_pages: Vec<_> = (1..=4u64)
        .map(|page| {
            let items: Vec<Value> = (0..500)
                .map(|i| {
                    let mut v = data[4].clone();
                    v["id"] = json!(format!("private/{}", (page - 1) * 500 + i));
                    v
                })
                .collect();
            let body = json!({"data": items, "page": page, "pages": 4, "results": IMAGES}).to_string();
            server.mock(move |when, then| {
                let when = when.method(GET).path("/v4/images").query_param("page_size", "500");
                if page == 1 {
                    when.query_param_missing("page");
                } else {
                    when.query_param("page", page.to_string());
                }
                then.status(200).header("content-type", "application/json").body(body);
            })
        })
        .collect();
    let images: Vec<_> = linode(&server).images().list().iter().collect::<Result<_, _>>().unwrap();
    assert_eq!(images.len() as u64, IMAGES);
    let hits: Vec<usize> = linode_pages.iter().map(|m| m.calls()).collect();
    assert_eq!(hits, [1, 1, 1, 1]);

    let image: Value = serde_json::from_str(DO_BARE_LIST).unwrap();
    let do_pages: Vec<_> = (1..=10u64)
        .map(|page| {
            let items: Vec<Value> = (0..200)
                .map(|i| {
                    let mut v = image["images"][1].clone();
                    v["id"] = json!((page - 1) * 200 + i);
                    v
                })
                .collect();
            let base = "https://api.digitalocean.com/v2/images";
            let mut links = json!({"pages": {"last": format!("{base}?page=10&per_page=200")}});
            if page < 10 {
                links["pages"]["next"] = json!(format!("{base}?page={}&per_page=200", page + 1));
            }
            let body = json!({"images": items, "links": links, "meta": {"total": IMAGES}}).to_string();
            server.mock(move |when, then| {
                let when = when.method(GET).path("/v2/images").query_param("per_page", "200");
                if page == 1 {
                    when.query_param_missing("page");
                } else {
                    when.query_param("page", page.to_string());
                }
                then.status(200).header("content-type", "application/json").body(body);
            })
        })
        .collect();
    let mut iter = digitalocean(&server).images().list().iter();
    let images: Vec<_> = iter.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(images.len() as u64, IMAGES);
    assert_eq!(iter.total(), Some(IMAGES));
    let hits: Vec<usize> = do_pages.iter().map(|m| m.calls()).collect();
    assert_eq!(hits, [1; 10]);
}
