//! Every DigitalOcean Images operation, called through its generated request type against a
//! local mock server: the exact request sent (method, path, query, headers, body) and every field
//! of the decoded response; plus open enums, unknown fields, nullable fields, error bodies and
//! decode errors.

use cloud_images::ErrorKind;
use cloud_images::digitalocean::types::{
    Action, ActionList, ActionResponse, ActionStatus, CustomImageCreate, Distribution, Image,
    ImageActionCreate, ImageActionType, ImageKind, ImageList, ImageResponse, ImageStatus, ImageType,
    ImageUpdate, Meta, PageLinks, PageLinksPages, Region, RegionSlug,
};
use cloud_images::digitalocean::{Client, ops};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Map, Value, json};

use crate::matchers::{self, fixture, with_json_body, without_body, without_query};
use crate::models;
use models::model;

const ALPINE_URL: &str = "https://dl-cdn.alpinelinux.org/alpine/v3.20/releases/cloud/\
                          nocloud_alpine-3.20.0-x86_64-bios-cloudinit-r0.qcow2";
const TOKEN: &str = "dop_v1_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab";

const IMAGE_PUBLIC: &str = include_str!("../fixtures/digitalocean/image_public.json");
const IMAGE_SNAPSHOT: &str = include_str!("../fixtures/digitalocean/image_snapshot.json");
const IMAGE_CUSTOM_NEW: &str = include_str!("../fixtures/digitalocean/image_custom_new.json");
const IMAGES_LIST: &str = include_str!("../fixtures/digitalocean/images_list.json");
const ACTION_IN_PROGRESS: &str = include_str!("../fixtures/digitalocean/action_transfer_in_progress.json");
const ACTION_COMPLETED: &str = include_str!("../fixtures/digitalocean/action_transfer_completed.json");
const ACTIONS_LIST: &str = include_str!("../fixtures/digitalocean/actions_list.json");

fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).build().expect("client builds")
}

/// The headers every API request carries.
fn api_headers(when: When) -> When {
    matchers::api_headers(when, TOKEN)
}

/// Serves `body` as a JSON response to `GET path` (any query), for decode-only tests.
fn serve_json<'a>(server: &'a MockServer, path: &str, body: Value) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(GET).path(path);
        then.status(200).header("content-type", "application/json").json_body(body);
    })
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn images_get(image_id: &str) -> ops::ImagesGet {
    ops::ImagesGet::new(image_id)
}

/// The `image` of `fixtures/digitalocean/image_public.json`, field by field.
fn expected_ubuntu_2404() -> Image {
    model!(Image {
        id: 162_340_113,
        name: Some("24.04 (LTS) x64".into()),
        distribution: Some(Distribution::Ubuntu),
        slug: Some("ubuntu-24-04-x64".into()),
        public: Some(true),
        regions: vec![
            RegionSlug::Ams3,
            RegionSlug::Blr1,
            RegionSlug::Fra1,
            RegionSlug::Lon1,
            RegionSlug::Nyc1,
            RegionSlug::Nyc3,
            RegionSlug::Sfo3,
            RegionSlug::Sgp1,
            RegionSlug::Syd1,
            RegionSlug::Tor1,
        ],
        created_at: Some("2024-09-02T14:05:10Z".into()),
        min_disk_size: Some(7),
        type_: Some(ImageType::Base),
        size_gigabytes: Some(2.44),
        description: Some("Ubuntu 24.04 x64".into()),
        tags: vec![],
        status: Some(ImageStatus::Available),
        error_message: Some(String::new()),
        extra: Map::new(),
    })
}

/// The `image` of `fixtures/digitalocean/image_snapshot.json`, field by field.
fn expected_snapshot() -> Image {
    model!(Image {
        id: 148_210_377,
        name: Some("web-01 before kernel upgrade".into()),
        distribution: Some(Distribution::Debian),
        slug: None,
        public: Some(false),
        regions: vec![RegionSlug::Fra1, RegionSlug::Ams3],
        created_at: Some("2024-03-18T09:12:44Z".into()),
        min_disk_size: Some(25),
        type_: Some(ImageType::Snapshot),
        size_gigabytes: Some(3.81),
        description: Some(String::new()),
        tags: strings(&["web", "pre-upgrade"]),
        status: Some(ImageStatus::Available),
        error_message: Some(String::new()),
        extra: Map::new(),
    })
}

fn frankfurt() -> Region {
    model!(Region {
        name: Some("Frankfurt 1".into()),
        slug: Some("fra1".into()),
        features: strings(&["backups", "ipv6", "metadata", "storage", "image_transfer"]),
        available: Some(true),
        sizes: strings(&["s-1vcpu-1gb", "s-1vcpu-2gb", "s-2vcpu-4gb", "c-2"]),
        extra: Map::new(),
    })
}

/// The `action` of `fixtures/digitalocean/action_transfer_completed.json`, field by field.
fn expected_completed_transfer() -> Action {
    model!(Action {
        id: 2_190_057_841,
        status: Some(ActionStatus::Completed),
        type_: Some("transfer".into()),
        started_at: Some("2024-03-18T10:02:17Z".into()),
        completed_at: Some("2024-03-18T10:09:53Z".into()),
        resource_id: Some(148_210_377),
        resource_type: Some("image".into()),
        region: Some(Box::new(frankfurt())),
        region_slug: Some("fra1".into()),
        extra: Map::new(),
    })
}

// ------------------------------------------------------------------------ images_list

#[test]
fn images_list_sends_every_filter_in_the_query_and_decodes_the_envelope() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images"));
        without_body(when).is_true(|req| {
            req.uri().query() == Some("type=distribution&private=false&tag_name=prod%20web&per_page=2&page=2")
        });
        then.status(200)
            .header("content-type", "application/json")
            .header("ratelimit-limit", "5000")
            .header("ratelimit-remaining", "4987")
            .header("ratelimit-reset", "1718003571")
            .body(IMAGES_LIST);
    });

    let result = client(&server).execute(
        &ops::ImagesList::new()
            .type_(ImageKind::Distribution)
            .private(false)
            .tag_name("prod web")
            .per_page(2)
            .page(2),
    );

    mock.assert_calls(1);
    let link = |page: u32| {
        let base = "https://api.digitalocean.com/v2/images";
        Some(format!("{base}?page={page}&per_page=2&tag_name=prod+web&type=distribution"))
    };
    let expected = model!(ImageList {
        images: vec![expected_ubuntu_2404(), expected_snapshot()],
        links: Some(Box::new(model!(PageLinks {
            pages: Some(Box::new(model!(PageLinksPages {
                first: link(1),
                prev: link(1),
                next: link(3),
                last: link(116),
                extra: Map::new(),
            }))),
            extra: Map::new(),
        }))),
        meta: Some(Box::new(model!(Meta { total: Some(231), extra: Map::new() }))),
        extra: Map::new(),
    });
    assert_eq!(result.expect("images_list succeeds"), expected);
}

#[test]
fn images_list_without_filters_sends_no_query() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images"));
        without_query(without_body(when));
        then.status(200)
            .header("content-type", "application/json")
            .json_body(json!({"images": [], "links": {}, "meta": {"total": 0}}));
    });

    let result = client(&server).execute(&ops::ImagesList::new());

    mock.assert_calls(1);
    let expected = model!(ImageList {
        images: vec![],
        links: Some(Box::new(model!(PageLinks { pages: None, extra: Map::new() }))),
        meta: Some(Box::new(model!(Meta { total: Some(0), extra: Map::new() }))),
        extra: Map::new(),
    });
    assert_eq!(result.expect("images_list succeeds"), expected);
}

// -------------------------------------------------------------- images_create_custom

#[test]
fn images_create_custom_sends_the_body_and_decodes_the_partial_202_image() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v2/images"));
        with_json_body(
            without_query(when),
            json!({
                "name": "alpine-3.20-custom",
                "url": ALPINE_URL,
                "region": "nyc3",
                "distribution": "Unknown",
                "description": "Alpine 3.20 built with packer",
                "tags": ["base-image", "prod"]
            }),
        );
        then.status(202).header("content-type", "application/json").body(IMAGE_CUSTOM_NEW);
    });

    let result = client(&server).execute(&ops::ImagesCreateCustom::new(
        CustomImageCreate::new("alpine-3.20-custom", RegionSlug::Nyc3, ALPINE_URL)
            .distribution(Distribution::Unknown)
            .description("Alpine 3.20 built with packer")
            .tags(strings(&["base-image", "prod"])),
    ));

    mock.assert_calls(1);
    let expected = model!(ImageResponse {
        image: model!(Image {
            id: 152_838_563,
            name: Some("alpine-3.20-custom".into()),
            distribution: Some(Distribution::Unknown),
            slug: None,
            public: None,
            regions: vec![],
            created_at: Some("2024-07-01T10:00:02Z".into()),
            min_disk_size: None,
            type_: Some(ImageType::Custom),
            size_gigabytes: None,
            description: Some("Alpine 3.20 built with packer".into()),
            tags: strings(&["base-image", "prod"]),
            status: Some(ImageStatus::New),
            error_message: Some(String::new()),
            extra: Map::new(),
        }),
        extra: Map::new(),
    });
    assert_eq!(result.expect("images_create_custom succeeds"), expected);
}

#[test]
fn images_create_custom_omits_the_optional_fields_left_unset() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v2/images"));
        with_json_body(
            when,
            json!({"name": "alpine", "url": "https://example.com/alpine.qcow2.gz", "region": "ams3"}),
        );
        then.status(202).header("content-type", "application/json").body(IMAGE_CUSTOM_NEW);
    });

    let result = client(&server).execute(&ops::ImagesCreateCustom::new(CustomImageCreate::new(
        "alpine",
        RegionSlug::Ams3,
        "https://example.com/alpine.qcow2.gz",
    )));

    mock.assert_calls(1);
    assert_eq!(result.expect("images_create_custom succeeds").image.status, Some(ImageStatus::New));
}

// ------------------------------------------------------------------------ images_get

#[test]
fn images_get_by_slug_decodes_a_public_image() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images/ubuntu-24-04-x64"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body(IMAGE_PUBLIC);
    });

    let result = client(&server).execute(&images_get("ubuntu-24-04-x64"));

    mock.assert_calls(1);
    assert_eq!(
        result.expect("images_get succeeds"),
        model!(ImageResponse { image: expected_ubuntu_2404(), extra: Map::new() })
    );
}

#[test]
fn images_get_by_id_decodes_a_snapshot_without_slug() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images/148210377"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body(IMAGE_SNAPSHOT);
    });

    let result = client(&server).execute(&images_get("148210377"));

    mock.assert_calls(1);
    assert_eq!(
        result.expect("images_get succeeds"),
        model!(ImageResponse { image: expected_snapshot(), extra: Map::new() })
    );
}

#[test]
fn images_get_percent_encodes_an_id_with_reserved_characters() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        api_headers(when.method(GET).path("/v2/images/my%20image%2F1%3F"));
        then.status(200).header("content-type", "application/json").body(IMAGE_SNAPSHOT);
    });

    let result = client(&server).execute(&images_get("my image/1?"));

    mock.assert_calls(1);
    assert!(result.is_ok(), "{result:?}");
}

// --------------------------------------------------------------------- images_update

#[test]
fn images_update_sends_name_distribution_and_description() {
    let server = MockServer::start();
    let mut answer = fixture(IMAGE_SNAPSHOT);
    answer["image"]["name"] = json!("web-01 kernel 6.1");
    answer["image"]["description"] = json!("before the 6.1 upgrade");
    answer["image"]["distribution"] = json!("Ubuntu");
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(PUT).path("/v2/images/148210377"));
        with_json_body(
            without_query(when),
            json!({
                "name": "web-01 kernel 6.1",
                "distribution": "Ubuntu",
                "description": "before the 6.1 upgrade"
            }),
        );
        then.status(200).header("content-type", "application/json").json_body(answer);
    });

    let result = client(&server).execute(&ops::ImagesUpdate::new(
        148_210_377,
        ImageUpdate::new()
            .name("web-01 kernel 6.1")
            .distribution(Distribution::Ubuntu)
            .description("before the 6.1 upgrade"),
    ));

    mock.assert_calls(1);
    let expected = model!(Image {
        name: Some("web-01 kernel 6.1".into()),
        description: Some("before the 6.1 upgrade".into()),
        distribution: Some(Distribution::Ubuntu),
        ..expected_snapshot()
    });
    assert_eq!(
        result.expect("images_update succeeds"),
        model!(ImageResponse { image: expected, extra: Map::new() })
    );
}

#[test]
fn images_update_with_only_a_name_leaves_the_other_fields_out_of_the_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(PUT).path("/v2/images/148210377"));
        with_json_body(when, json!({"name": "web-01 before kernel upgrade"}));
        then.status(200).header("content-type", "application/json").body(IMAGE_SNAPSHOT);
    });

    let result = client(&server).execute(&ops::ImagesUpdate::new(
        148_210_377,
        ImageUpdate::new().name("web-01 before kernel upgrade"),
    ));

    mock.assert_calls(1);
    assert_eq!(result.expect("images_update succeeds").image, expected_snapshot());
}

// --------------------------------------------------------------------- images_delete

#[test]
fn images_delete_sends_no_body_and_accepts_a_204_without_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(DELETE).path("/v2/images/148210377"));
        without_query(without_body(when));
        then.status(204).header("ratelimit-limit", "5000").header("ratelimit-remaining", "4986");
    });

    let result = client(&server).execute(&ops::ImagesDelete::new(148_210_377));

    mock.assert_calls(1);
    let () = result.expect("images_delete succeeds");
}

// ----------------------------------------------------------------- imageActions_list

#[test]
fn image_actions_list_sends_paging_and_decodes_the_actions() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images/148210377/actions"));
        without_body(when).is_true(|req| req.uri().query() == Some("per_page=50&page=1"));
        then.status(200).header("content-type", "application/json").body(ACTIONS_LIST);
    });

    let result = client(&server).execute(&ops::ImageActionsList::new(148_210_377).per_page(50).page(1));

    mock.assert_calls(1);
    let expected = model!(ActionList {
        actions: vec![
            expected_completed_transfer(),
            model!(Action {
                id: 2_189_903_112,
                status: Some(ActionStatus::Errored),
                type_: Some("convert".into()),
                started_at: Some("2024-03-17T22:40:05Z".into()),
                completed_at: Some("2024-03-17T22:40:09Z".into()),
                resource_id: Some(148_210_377),
                resource_type: Some("image".into()),
                region: None,
                region_slug: None,
                extra: Map::new(),
            }),
        ],
        links: Some(Box::new(model!(PageLinks { pages: None, extra: Map::new() }))),
        meta: Some(Box::new(model!(Meta { total: Some(2), extra: Map::new() }))),
        extra: Map::new(),
    });
    assert_eq!(result.expect("imageActions_list succeeds"), expected);
}

#[test]
fn image_actions_list_without_paging_sends_no_query() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images/148210377/actions"));
        without_query(without_body(when));
        then.status(200)
            .header("content-type", "application/json")
            .json_body(json!({"actions": [], "meta": {"total": 0}}));
    });

    let result = client(&server).execute(&ops::ImageActionsList::new(148_210_377));

    mock.assert_calls(1);
    let expected = model!(ActionList {
        actions: vec![],
        links: None,
        meta: Some(Box::new(model!(Meta { total: Some(0), extra: Map::new() }))),
        extra: Map::new(),
    });
    assert_eq!(result.expect("imageActions_list succeeds"), expected);
}

// ----------------------------------------------------------------- imageActions_post

#[test]
fn image_actions_post_transfer_sends_type_and_region_and_decodes_the_wrapped_action() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v2/images/148210377/actions"));
        with_json_body(without_query(when), json!({"type": "transfer", "region": "fra1"}));
        then.status(201).header("content-type", "application/json").body(ACTION_IN_PROGRESS);
    });

    let result = client(&server).execute(&ops::ImageActionsPost::new(
        148_210_377,
        ImageActionCreate::new(ImageActionType::Transfer).region(RegionSlug::Fra1),
    ));

    mock.assert_calls(1);
    let expected = model!(Action {
        status: Some(ActionStatus::InProgress),
        completed_at: None,
        ..expected_completed_transfer()
    });
    assert_eq!(
        result.expect("imageActions_post succeeds"),
        model!(ActionResponse { action: expected, extra: Map::new() })
    );
}

#[test]
fn image_actions_post_convert_sends_only_the_type() {
    let server = MockServer::start();
    let mut answer = fixture(ACTION_IN_PROGRESS);
    answer["action"]["type"] = json!("convert");
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v2/images/148210377/actions"));
        with_json_body(when, json!({"type": "convert"}));
        then.status(201).header("content-type", "application/json").json_body(answer);
    });

    let result = client(&server)
        .execute(&ops::ImageActionsPost::new(148_210_377, ImageActionCreate::new(ImageActionType::Convert)));

    mock.assert_calls(1);
    let action = result.expect("imageActions_post succeeds").action;
    assert_eq!(action.type_.as_deref(), Some("convert"));
    assert_eq!(action.status, Some(ActionStatus::InProgress));
}

// ------------------------------------------------------------------ imageActions_get

#[test]
fn image_actions_get_decodes_the_wrapped_action() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v2/images/148210377/actions/2190057841"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body(ACTION_COMPLETED);
    });

    let result = client(&server).execute(&ops::ImageActionsGet::new(148_210_377, 2_190_057_841));

    mock.assert_calls(1);
    assert_eq!(
        result.expect("imageActions_get succeeds"),
        model!(ActionResponse { action: expected_completed_transfer(), extra: Map::new() })
    );
}

// ------------------------------------------------------- open enums and unknown fields

#[test]
fn unknown_enum_values_are_kept_printed_and_serialised_back_unchanged() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    sent["image"]["status"] = json!("frozen");
    sent["image"]["type"] = json!("golden");
    sent["image"]["distribution"] = json!("NixOS");
    sent["image"]["regions"] = json!(["nyc3", "atl1"]);
    let mock = serve_json(&server, "/v2/images/ubuntu-24-04-x64", sent.clone());

    let image = client(&server).execute(&images_get("ubuntu-24-04-x64")).expect("decodes").image;

    mock.assert_calls(1);
    assert_eq!(image.status, Some(ImageStatus::Other("frozen".into())));
    assert_eq!(image.status.as_ref().map(ToString::to_string).as_deref(), Some("frozen"));
    assert_eq!(image.type_, Some(ImageType::Other("golden".into())));
    assert_eq!(image.distribution, Some(Distribution::Other("NixOS".into())));
    assert_eq!(image.distribution.as_ref().map(ToString::to_string).as_deref(), Some("NixOS"));
    assert_eq!(image.regions, vec![RegionSlug::Nyc3, RegionSlug::Other("atl1".into())]);
    assert_eq!(image.regions[1].to_string(), "atl1");
    // An empty list is left out when serialising (as `null` would be), like every list of a
    // response model; everything else comes back as sent.
    sent["image"]
        .as_object_mut()
        .expect("an object")
        .retain(|_, v| v.as_array().is_none_or(|a| !a.is_empty()));
    let mut back = sent.clone();
    back["image"] = to_value(&image);
    assert_eq!(back, sent);
}

#[test]
fn an_unknown_action_status_is_kept_and_serialised_back_unchanged() {
    let server = MockServer::start();
    let mut sent = fixture(ACTION_COMPLETED);
    sent["action"]["status"] = json!("cancelled");
    let mock = serve_json(&server, "/v2/images/148210377/actions/2190057841", sent.clone());

    let response =
        client(&server).execute(&ops::ImageActionsGet::new(148_210_377, 2_190_057_841)).expect("decodes");

    mock.assert_calls(1);
    assert_eq!(response.action.status, Some(ActionStatus::Other("cancelled".into())));
    assert_eq!(response.action.status.as_ref().map(ToString::to_string).as_deref(), Some("cancelled"));
    assert_eq!(to_value(&response), sent);
}

#[test]
fn unknown_fields_land_in_extra_and_are_serialised_back_unchanged() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGES_LIST);
    // Every value set or absent (none `null`), so that the list serialises back to exactly itself.
    sent["images"][1].as_object_mut().expect("an object").remove("slug");
    // ... and no empty list: those are left out when serialising.
    for image in sent["images"].as_array_mut().expect("a list") {
        image.as_object_mut().expect("an object").retain(|_, v| v.as_array().is_none_or(|a| !a.is_empty()));
    }
    sent["images"][1]["new_field"] = json!({"a": 1});
    sent["links"]["pages"]["self"] = json!("https://api.digitalocean.com/v2/images?page=2&per_page=2");
    sent["meta"]["per_page"] = json!(2);
    sent["next_cursor"] = json!("b2Zmc2V0PTQ=");
    let mock = serve_json(&server, "/v2/images", sent.clone());

    let list = client(&server).execute(&ops::ImagesList::new()).expect("decodes");

    mock.assert_calls(1);
    assert_eq!(Value::Object(list.images[1].extra.clone()), json!({"new_field": {"a": 1}}));
    assert!(list.images[0].extra.is_empty());
    let pages = list.links.as_ref().and_then(|l| l.pages.as_ref()).expect("links.pages");
    assert_eq!(
        Value::Object(pages.extra.clone()),
        json!({"self": "https://api.digitalocean.com/v2/images?page=2&per_page=2"})
    );
    assert_eq!(Value::Object(list.meta.as_ref().expect("meta").extra.clone()), json!({"per_page": 2}));
    assert_eq!(Value::Object(list.extra.clone()), json!({"next_cursor": "b2Zmc2V0PTQ="}));
    assert_eq!(to_value(&list), sent);
}

// ------------------------------------------------------------------ nullable fields

#[test]
fn nullable_fields_decode_from_null() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    for key in ["slug", "min_disk_size", "size_gigabytes", "tags"] {
        sent["image"][key] = Value::Null;
    }
    let mock = serve_json(&server, "/v2/images/ubuntu-24-04-x64", sent);

    let image = client(&server).execute(&images_get("ubuntu-24-04-x64")).expect("nulls decode").image;

    mock.assert_calls(1);
    let expected = model!(Image {
        slug: None,
        min_disk_size: None,
        size_gigabytes: None,
        tags: vec![],
        ..expected_ubuntu_2404()
    });
    assert_eq!(image, expected);
}

#[test]
fn nullable_and_optional_fields_decode_when_missing() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    let image = sent["image"].as_object_mut().expect("an object");
    for key in ["slug", "min_disk_size", "size_gigabytes", "tags", "description", "error_message", "regions"]
    {
        assert!(image.remove(key).is_some(), "fixture has {key}");
    }
    let mock = serve_json(&server, "/v2/images/ubuntu-24-04-x64", sent);

    let image = client(&server).execute(&images_get("ubuntu-24-04-x64")).expect("missing keys decode").image;

    mock.assert_calls(1);
    let expected = model!(Image {
        slug: None,
        min_disk_size: None,
        size_gigabytes: None,
        tags: vec![],
        description: None,
        error_message: None,
        regions: vec![],
        ..expected_ubuntu_2404()
    });
    assert_eq!(image, expected);
}

#[test]
fn nullable_action_fields_decode_from_null_and_when_missing() {
    let server = MockServer::start();
    let mut sent = fixture(ACTION_IN_PROGRESS);
    sent["action"]["region"] = Value::Null;
    sent["action"]["resource_id"] = Value::Null;
    let action = sent["action"].as_object_mut().expect("an object");
    action.remove("region_slug");
    action.remove("completed_at");
    let mock = serve_json(&server, "/v2/images/148210377/actions/2190057841", sent);

    let action = client(&server)
        .execute(&ops::ImageActionsGet::new(148_210_377, 2_190_057_841))
        .expect("decodes")
        .action;

    mock.assert_calls(1);
    let expected = model!(Action {
        status: Some(ActionStatus::InProgress),
        completed_at: None,
        resource_id: None,
        region: None,
        region_slug: None,
        ..expected_completed_transfer()
    });
    assert_eq!(action, expected);
}

// ------------------------------------------------------------------------------ errors

#[test]
fn a_404_error_body_gives_not_found_with_id_message_and_request_id() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/v2/images/999999999");
        then.status(404).header("content-type", "application/json").json_body(json!({
            "id": "not_found",
            "message": "The resource you were accessing could not be found.",
            "request_id": "4d9d8375-3c56-4925-a3e7-eb137fed17e9"
        }));
    });

    let err = client(&server).execute(&images_get("999999999")).expect_err("a 404 is an error");

    mock.assert_calls(1);
    assert!(err.is_not_found());
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.request_id(), Some("4d9d8375-3c56-4925-a3e7-eb137fed17e9"));
    assert_eq!(err.messages(), vec!["The resource you were accessing could not be found.".to_string()]);
    let api = err.api().expect("an api error");
    assert_eq!(api.status(), 404);
    assert_eq!(api.error_id(), Some("not_found"));
    assert_eq!(api.request_id(), Some("4d9d8375-3c56-4925-a3e7-eb137fed17e9"));
    let details: Vec<_> = api.details().iter().map(|m| (m.field.as_deref(), m.reason.as_str())).collect();
    assert_eq!(details, [(None, "The resource you were accessing could not be found.")]);
    assert_eq!(
        api.json(),
        Some(&json!({
            "id": "not_found",
            "message": "The resource you were accessing could not be found.",
            "request_id": "4d9d8375-3c56-4925-a3e7-eb137fed17e9",
        }))
    );
    let shown = err.to_string();
    assert!(shown.contains("404"), "{shown}");
    assert!(shown.contains("images_get"), "{shown}");
    assert!(shown.contains("4d9d8375-3c56-4925-a3e7-eb137fed17e9"), "{shown}");
}

#[test]
fn a_request_id_only_in_the_x_request_id_header_is_exposed() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path("/v2/images");
        then.status(422)
            .header("content-type", "application/json")
            .header("x-request-id", "b5b5e0d6-4f8e-4c43-9d1a-6f3f1e0b8a11")
            .json_body(json!({"id": "unprocessable_entity", "message": "url is not a valid http(s) URL"}));
    });

    let err = client(&server)
        .execute(&ops::ImagesCreateCustom::new(CustomImageCreate::new(
            "alpine",
            RegionSlug::Nyc3,
            "ftp://example.com/alpine.qcow2",
        )))
        .expect_err("a 422 is an error");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(422));
    assert_eq!(err.request_id(), Some("b5b5e0d6-4f8e-4c43-9d1a-6f3f1e0b8a11"));
    let api = err.api().expect("an api error");
    assert_eq!(api.request_id(), Some("b5b5e0d6-4f8e-4c43-9d1a-6f3f1e0b8a11"));
    assert_eq!(api.error_id(), Some("unprocessable_entity"));
    assert_eq!(err.messages(), vec!["url is not a valid http(s) URL".to_string()]);
    // The body has no request id: the header's is used.
    assert!(api.json().is_some_and(|body| body.get("request_id").is_none()), "{api:?}");
}

#[test]
fn a_rate_limited_post_is_an_api_error_with_the_too_many_requests_id() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path("/v2/images/148210377/actions");
        then.status(429)
            .header("content-type", "application/json")
            .header("ratelimit-limit", "5000")
            .header("ratelimit-remaining", "0")
            .header("ratelimit-reset", "1718003571")
            .json_body(json!({"id": "too_many_requests", "message": "API rate limit exceeded."}));
    });
    let client =
        Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().expect("builds");

    let err = client
        .execute(&ops::ImageActionsPost::new(148_210_377, ImageActionCreate::new(ImageActionType::Convert)))
        .expect_err("a 429 is an error");

    mock.assert_calls(1);
    assert!(err.is_rate_limited());
    assert_eq!(err.api().and_then(|a| a.error_id()), Some("too_many_requests"));
    assert_eq!(err.messages(), vec!["API rate limit exceeded.".to_string()]);
}

const CLOUDFLARE_502: &str = "<!DOCTYPE html>\n<html>\n<head><title>502 Bad Gateway</title></head>\n\
                              <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response \
                              from an upstream server.</p></body>\n</html>\n";

#[test]
fn a_non_json_502_from_a_proxy_gives_an_api_error_holding_the_text() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/v2/images/148210377");
        then.status(502).header("content-type", "text/html; charset=utf-8").body(CLOUDFLARE_502);
    });
    let client =
        Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().expect("builds");

    let err = client.execute(&images_get("148210377")).expect_err("a 502 is an error");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(502));
    let api = err.api().expect("an api error");
    assert_eq!((api.text(), api.json()), (CLOUDFLARE_502, None));
    assert_eq!(api.error_id(), None);
    let shown = err.to_string();
    assert!(shown.contains("502"), "{shown}");
    let own = &shown[..shown.find("<!DOCTYPE").expect("the page is quoted")];
    assert_eq!(own, own.to_lowercase(), "{shown}");
    assert!(own.contains("images_get"), "{shown}");
}

#[test]
fn a_malformed_200_body_gives_a_decode_error_naming_the_json_path() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGES_LIST);
    sent["images"][1]["min_disk_size"] = json!("25");
    let mock = serve_json(&server, "/v2/images", sent);

    let err =
        client(&server).execute(&ops::ImagesList::new()).expect_err("a string min_disk_size does not decode");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(200));
    assert!(err.api().is_none());
    let shown = err.to_string();
    assert!(shown.contains("images[1].min_disk_size"), "{shown}");
    assert!(shown.contains("200"), "{shown}");
}

/// The decoding rule keeps an image's `id` required: an import answer (202) whose placeholder
/// has no id is a decode error, from `execute` and from the facade's `import` alike.
#[test]
fn an_import_answer_without_an_image_id_is_a_decode_error() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_CUSTOM_NEW);
    sent["image"].as_object_mut().expect("an image").remove("id");
    let mock = server.mock(|when, then| {
        when.method(POST).path("/v2/images");
        then.status(202).header("content-type", "application/json").json_body(sent);
    });
    let client = client(&server);
    let body = CustomImageCreate::new("alpine", RegionSlug::Nyc3, ALPINE_URL);

    let err = client.execute(&ops::ImagesCreateCustom::new(body)).expect_err("no id does not decode");
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(202));
    assert!(err.to_string().contains("missing field `id`"), "{err}");
    let custom = cloud_images::digitalocean::CustomImage::new("alpine", ALPINE_URL, "nyc3");
    let err = client.images().import(custom).expect_err("no id does not decode");
    assert_eq!(err.kind(), ErrorKind::Decode);
    let shown = err.to_string();
    assert!(shown.contains("at `image`: missing field `id`"), "{shown}");

    mock.assert_calls(2);
}

#[test]
fn a_200_that_is_not_the_expected_envelope_names_the_missing_field() {
    let server = MockServer::start();
    // The upstream spec's shape: a bare action instead of `{"action": {...}}`.
    let bare = fixture(ACTION_COMPLETED)["action"].clone();
    let mock = serve_json(&server, "/v2/images/148210377/actions/2190057841", bare);

    let err = client(&server)
        .execute(&ops::ImageActionsGet::new(148_210_377, 2_190_057_841))
        .expect_err("a bare action does not decode");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(200));
    assert!(err.to_string().contains("missing field `action`"), "{err}");
}
