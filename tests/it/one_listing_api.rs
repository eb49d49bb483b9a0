//! One listing (issue 19, item 1), what only the one builder can do: every listing of both
//! providers is one type, `List<'_, O>`, generic over its operation (`O: Paged`), and
//! `page_size` is the page size on both providers, DigitalOcean's `per_page` the same setting
//! under the API's word. (`tests/it/one_listing.rs` has the rules that now hold for every listing.)

use cloud_images::{List, Paged, digitalocean, linode};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::json;

const DO_TOKEN: &str = "dop_v1_3f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee";
const GROUP: u64 = 8306;
const DO_IMAGE: u64 = 7555620;

fn linode_client(server: &MockServer) -> linode::Client {
    linode::Client::builder()
        .token("linode-test-token")
        .base_url(server.base_url())
        .no_retries()
        .build()
        .unwrap()
}

fn do_client(server: &MockServer) -> digitalocean::Client {
    digitalocean::Client::builder().token(DO_TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

/// Answers anything: for the refusals, which must send nothing.
fn anything(server: &MockServer) -> Mock<'_> {
    server.mock(|_, then| {
        then.status(200).header("content-type", "application/json").body("{}");
    })
}

/// The request `path` with exactly this query.
fn exactly(when: When, path: &str, query: &str) -> When {
    let query = query.to_string();
    when.method(GET).path(path).is_true(move |req| req.uri().query() == Some(query.as_str()))
}

#[test]
fn page_size_and_per_page_are_one_setting_on_digitalocean() {
    let server = MockServer::start();
    let d = do_client(&server);
    let images = server.mock(|when, then| {
        exactly(when, "/v2/images", "per_page=5");
        then.status(200)
            .header("content-type", "application/json")
            .json_body(json!({"images": [], "meta": {"total": 0}}));
    });
    let actions = server.mock(|when, then| {
        exactly(when, &format!("/v2/images/{DO_IMAGE}/actions"), "per_page=5");
        then.status(200)
            .header("content-type", "application/json")
            .json_body(json!({"actions": [], "meta": {"total": 0}}));
    });
    // `page_size` is sent as `per_page`; whichever of the two is called last wins.
    d.images().list().page_size(5).send().unwrap();
    d.images().list().per_page(7).page_size(5).send().unwrap();
    d.images().list().page_size(7).per_page(5).send().unwrap();
    d.images().actions(DO_IMAGE).list().page_size(5).send().unwrap();
    d.images().actions(DO_IMAGE).list().per_page(7).page_size(5).send().unwrap();
    d.images().actions(DO_IMAGE).list().page_size(7).per_page(5).send().unwrap();
    images.assert_calls(3);
    actions.assert_calls(3);

    // The same check, the same message: the page size is one setting, and a good value set
    // last, under either name, takes back a bad one set first.
    let server = MockServer::start();
    let nothing = anything(&server);
    let d = do_client(&server);
    for n in [0, 201] {
        let by_size = d.images().list().page_size(n).send().unwrap_err();
        let by_per_page = d.images().list().per_page(n).send().unwrap_err();
        assert_eq!(by_size.to_string(), by_per_page.to_string());
        assert_eq!(
            by_size.to_string(),
            format!("digitalocean images_list: per_page must be between 1 and 200, got {n}")
        );
    }
    nothing.assert_calls(0);
    let server = MockServer::start();
    let largest = server.mock(|when, then| {
        exactly(when, &format!("/v2/images/{DO_IMAGE}/actions"), "per_page=200");
        then.status(200).json_body(json!({"actions": [], "meta": {"total": 0}}));
    });
    let d = do_client(&server);
    d.images().actions(DO_IMAGE).list().per_page(0).page_size(200).send().unwrap();
    d.images().actions(DO_IMAGE).list().page_size(201).per_page(200).send().unwrap();
    largest.assert_calls(2);
}

/// Every listing is one type, `List<'_, O>`, whatever the provider: one generic function walks
/// any of them, and the page sizes are the spec's.
#[test]
fn every_listing_is_one_list_of_its_operation() {
    fn ids<O: Paged>(list: &List<'_, O>, id: fn(&O::Item) -> String) -> Vec<String> {
        let mut out = Vec::new();
        for item in list {
            out.push(id(&item.unwrap()));
        }
        out
    }
    let server = MockServer::start();
    let linode_page = server.mock(|when, then| {
        exactly(when, "/v4/images", "page_size=500");
        then.status(200)
            .json_body(json!({"data": [{"id": "private/1"}], "page": 1, "pages": 1, "results": 1}));
    });
    let do_page = server.mock(|when, then| {
        exactly(when, "/v2/images", "per_page=200");
        then.status(200).json_body(json!({"images": [{"id": 7}], "meta": {"total": 1}}));
    });
    let (l, d) = (linode_client(&server), do_client(&server));
    let linode_images: linode::ListImages<'_> = l.images().list();
    let do_images: digitalocean::ListImages<'_> = d.images().list();
    let _: digitalocean::ListImageActions<'_> = d.images().actions(DO_IMAGE).list();
    let _: List<'_, linode::ops::GetSharegroupMembers> = l.sharegroups().members(GROUP).list();
    assert_eq!(ids(&linode_images, |i| i.id.clone()), ["private/1"]);
    assert_eq!(ids(&do_images, |i| i.id.to_string()), ["7"]);
    linode_page.assert_calls(1);
    do_page.assert_calls(1);

    assert_eq!(<linode::ops::GetImages as Paged>::PAGE_SIZES, (25, 500));
    assert_eq!(<linode::ops::GetUserTokens as Paged>::PAGE_SIZES, (25, 500));
    assert_eq!(<digitalocean::ops::ImagesList as Paged>::PAGE_SIZES, (1, 200));
    assert_eq!(<digitalocean::ops::ImageActionsList as Paged>::PAGE_SIZE, "per_page");
    assert_eq!(<linode::ops::GetSharegroups as Paged>::PAGE_SIZE, "page_size");
}
