//! Every Linode Images operation, called through its generated request type against a local
//! mock server: the exact request sent (method, path, query, headers, body) and every field of
//! the decoded response; plus open enums, unknown fields, nullable fields, error bodies and
//! decode errors.

use cloud_images::ErrorKind;
use cloud_images::linode::types::{
    ApiVersion, EmptyObject, Image, ImageCreate, ImagePage, ImageRegion, ImageRegionStatus, ImageReplicate,
    ImageSharedBy, ImageSharedWith, ImageSharing, ImageStatus, ImageType, ImageUpdate, ImageUpload,
    ImageUploadCreate, IsShared, IsSharedText,
};
use cloud_images::linode::{Client, ops};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Map, Value, json};

use crate::matchers::{self, fixture, with_json_body, without_body, without_query};
use crate::models;
use models::model;

const TOKEN: &str = "linode-test-token-0123456789abcdef";

const IMAGE_PUBLIC: &str = include_str!("../fixtures/linode/image_public.json");
const IMAGE_PRIVATE: &str = include_str!("../fixtures/linode/image_private.json");
const IMAGE_SHARED: &str = include_str!("../fixtures/linode/image_shared.json");
const IMAGE_CREATING: &str = include_str!("../fixtures/linode/image_creating.json");
const IMAGE_UPLOAD: &str = include_str!("../fixtures/linode/image_upload.json");
const IMAGES_PAGE: &str = include_str!("../fixtures/linode/images_page.json");

fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).build().expect("client builds")
}

/// The headers every API request carries.
fn api_headers(when: When) -> When {
    matchers::api_headers(when, TOKEN)
}

/// Serves `body` as a JSON response to `method path` (any query), for decode-only tests.
fn serve_json<'a>(server: &'a MockServer, method: httpmock::Method, path: &str, body: Value) -> Mock<'a> {
    server.mock(|when, then| {
        when.method(method).path(path);
        then.status(200).header("content-type", "application/json").json_body(body);
    })
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serialises")
}

fn get_image(image_id: &str) -> ops::GetImage {
    ops::GetImage::new(image_id)
}

fn region(region: &str, status: ImageRegionStatus) -> ImageRegion {
    model!(ImageRegion { region: Some(region.into()), status: Some(status), extra: Map::new() })
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// `fixtures/linode/image_public.json`, field by field.
fn expected_public_debian12() -> Image {
    model!(Image {
        id: "linode/debian12".into(),
        label: Some("Debian 12".into()),
        description: Some(String::new()),
        created: Some("2023-06-12T15:18:25".into()),
        updated: Some("2023-06-12T15:18:25".into()),
        created_by: Some("linode".into()),
        deprecated: Some(false),
        is_public: Some(true),
        size: Some(1300),
        total_size: Some(1_363_148_800),
        status: Some(ImageStatus::Available),
        type_: Some(ImageType::Manual),
        vendor: Some("Debian".into()),
        eol: Some("2028-06-30T04:00:00".into()),
        expiry: None,
        capabilities: strings(&["cloud-init", "distributed-sites"]),
        tags: vec![],
        regions: vec![
            region("us-iad", ImageRegionStatus::Available),
            region("nl-ams", ImageRegionStatus::Available),
        ],
        is_shared: Some(IsShared::Flag(false)),
        image_sharing: None,
        extra: Map::new(),
    })
}

/// `fixtures/linode/image_private.json`, field by field.
fn expected_private_12345() -> Image {
    model!(Image {
        id: "private/12345".into(),
        label: Some("web-base-2024-05".into()),
        description: Some("nginx and the app user, sshd hardened".into()),
        created: Some("2024-05-02T09:41:17".into()),
        updated: Some("2024-05-02T09:52:03".into()),
        created_by: Some("alice".into()),
        deprecated: Some(false),
        is_public: Some(false),
        size: Some(2520),
        total_size: Some(5_284_823_040),
        status: Some(ImageStatus::Available),
        type_: Some(ImageType::Manual),
        vendor: None,
        eol: None,
        expiry: None,
        capabilities: strings(&["cloud-init"]),
        tags: strings(&["web", "base"]),
        regions: vec![
            region("us-iad", ImageRegionStatus::Available),
            region("eu-central", ImageRegionStatus::PendingReplication),
        ],
        is_shared: Some(IsShared::Flag(false)),
        image_sharing: Some(Box::new(model!(ImageSharing {
            shared_with: Some(Box::new(model!(ImageSharedWith {
                sharegroup_count: Some(0),
                sharegroup_list_url: Some("/images/private%2F12345/sharegroups".into()),
                extra: Map::new(),
            }))),
            shared_by: None,
            extra: Map::new(),
        }))),
        extra: Map::new(),
    })
}

// ------------------------------------------------------------------------ get-images

#[test]
fn get_images_sends_page_query_and_x_filter_and_decodes_the_page() {
    let server = MockServer::start();
    let filter = r#"{"is_public":false,"+order_by":"label","+order":"desc"}"#;
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v4/images"));
        without_body(when)
            .header("x-filter", filter)
            .is_true(|req| req.uri().query() == Some("page=2&page_size=25"));
        then.status(200).header("content-type", "application/json").body(IMAGES_PAGE);
    });

    let result = client(&server).execute(&ops::GetImages::new().page(2).page_size(25).x_filter(filter));

    mock.assert_calls(1);
    let page: ImagePage = result.expect("get-images succeeds");
    assert_eq!(
        page,
        model!(ImagePage {
            data: vec![expected_public_debian12(), expected_private_12345()],
            page: Some(2),
            pages: Some(3),
            results: Some(54),
            extra: Map::new(),
        })
    );
}

#[test]
fn get_images_without_options_sends_no_query_and_no_x_filter() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v4/images"));
        without_query(without_body(when)).header_missing("x-filter");
        then.status(200)
            .header("content-type", "application/json")
            .json_body(json!({"data": [], "page": 1, "pages": 1, "results": 0}));
    });

    let result = client(&server).execute(&ops::GetImages::new());

    mock.assert_calls(1);
    let page = result.expect("get-images succeeds");
    assert_eq!(
        page,
        model!(ImagePage {
            data: vec![],
            page: Some(1),
            pages: Some(1),
            results: Some(0),
            extra: Map::new()
        })
    );
}

// ------------------------------------------------------------------------- get-image

#[test]
fn get_image_sends_the_id_percent_encoded_as_one_segment() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v4/images/private%2F12345"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body(IMAGE_PRIVATE);
    });

    let result = client(&server).execute(&get_image("private/12345"));

    mock.assert_calls(1);
    assert_eq!(result.expect("get-image succeeds"), expected_private_12345());
}

#[test]
fn get_image_on_v4beta_uses_the_v4beta_path() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(GET).path("/v4beta/images/linode%2Fdebian12"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body(IMAGE_PUBLIC);
    });

    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .api_version(ApiVersion::V4beta)
        .build()
        .expect("client builds");
    let result = client.execute(&ops::GetImage::new("linode/debian12"));

    mock.assert_calls(1);
    assert_eq!(result.expect("get-image succeeds"), expected_public_debian12());
}

/// Every operation, sent by a client set to `v4beta`: the version is the client's, in front of
/// each operation's path, and the same for `execute` and the facade.
#[test]
fn the_client_puts_its_api_version_in_front_of_every_operation_path() {
    let server = MockServer::start();
    let mocks = [
        (GET, "/v4beta/images", IMAGES_PAGE),
        (POST, "/v4beta/images", IMAGE_CREATING),
        (POST, "/v4beta/images/upload", IMAGE_UPLOAD),
        (GET, "/v4beta/images/private%2F12345", IMAGE_PRIVATE),
        (PUT, "/v4beta/images/private%2F12345", IMAGE_PRIVATE),
        (DELETE, "/v4beta/images/private%2F12345", "{}"),
        (POST, "/v4beta/images/private%2F12345/regions", IMAGE_PRIVATE),
    ]
    .map(|(method, path, body)| {
        server.mock(|when, then| {
            api_headers(when.method(method).path(path));
            then.status(200).header("content-type", "application/json").body(body);
        })
    });
    let client = Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .api_version(ApiVersion::V4beta)
        .build()
        .expect("client builds");
    let id = "private/12345";

    client.execute(&ops::GetImages::new()).expect("get-images");
    client.execute(&ops::PostImage::new(ImageCreate::new(1))).expect("post-image");
    client
        .execute(&ops::PostUploadImage::new(ImageUploadCreate::new("x", "us-iad")))
        .expect("post-upload-image");
    client.execute(&ops::GetImage::new(id)).expect("get-image");
    client.execute(&ops::PutImage::new(id, ImageUpdate::default())).expect("put-image");
    client.execute(&ops::DeleteImage::new(id)).expect("delete-image");
    client
        .execute(&ops::PostReplicateImage::new(id, ImageReplicate::new(strings(&["us-iad"]))))
        .expect("replicate");
    // The facade, including `delete`, which sends without decoding.
    client.images().list().send().expect("list");
    client.images().get(id).expect("get");
    client.images().delete(id).expect("delete");

    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(calls, [2, 1, 1, 2, 1, 2, 1]);
}

#[test]
fn get_image_decodes_a_shared_image_with_its_share_group() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        api_headers(when.method(GET).path("/v4/images/shared%2F4567"));
        then.status(200).header("content-type", "application/json").body(IMAGE_SHARED);
    });

    let result = client(&server).execute(&get_image("shared/4567"));

    mock.assert_calls(1);
    let expected = model!(Image {
        id: "shared/4567".into(),
        label: Some("golden-ubuntu-2404".into()),
        description: Some("Company golden image, CIS level 1".into()),
        created: Some("2025-02-11T08:03:51".into()),
        updated: Some("2025-02-11T08:03:51".into()),
        created_by: Some("platform-team".into()),
        deprecated: Some(false),
        is_public: Some(false),
        size: Some(3072),
        total_size: Some(3_221_225_472),
        status: Some(ImageStatus::Available),
        type_: Some(ImageType::Shared),
        vendor: None,
        eol: None,
        expiry: None,
        capabilities: strings(&["cloud-init"]),
        tags: vec![],
        regions: vec![region("us-ord", ImageRegionStatus::Available)],
        is_shared: Some(IsShared::Flag(true)),
        image_sharing: Some(Box::new(model!(ImageSharing {
            shared_with: None,
            shared_by: Some(Box::new(model!(ImageSharedBy {
                sharegroup_id: Some(21),
                sharegroup_uuid: Some("0ee8e1c1-b19b-4052-9487-e3b13faac111".into()),
                sharegroup_label: Some("platform-golden-images".into()),
                source_image_id: None,
                source_image_label: None,
                extra: Map::new(),
            }))),
            extra: Map::new(),
        }))),
        extra: Map::new(),
    });
    assert_eq!(result.expect("get-image succeeds"), expected);
}

// ------------------------------------------------------------------------ post-image

#[test]
fn post_image_sends_every_field_of_the_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v4/images"));
        with_json_body(
            without_query(when),
            json!({
                "disk_id": 4_815_162,
                "label": "db-01-before-upgrade",
                "description": "PostgreSQL 15 data disk before the 16 upgrade",
                "cloud_init": true,
                "tags": ["db", "pre-upgrade"]
            }),
        );
        then.status(200).header("content-type", "application/json").body(IMAGE_CREATING);
    });

    let result = client(&server).execute(&ops::PostImage::new(
        ImageCreate::new(4_815_162)
            .label("db-01-before-upgrade")
            .description("PostgreSQL 15 data disk before the 16 upgrade")
            .cloud_init(true)
            .tags(strings(&["db", "pre-upgrade"])),
    ));

    mock.assert_calls(1);
    let expected = model!(Image {
        id: "private/23456".into(),
        label: Some("db-01-before-upgrade".into()),
        description: Some("PostgreSQL 15 data disk before the 16 upgrade".into()),
        created: Some("2024-06-20T14:07:33".into()),
        updated: Some("2024-06-20T14:07:33".into()),
        created_by: Some("alice".into()),
        deprecated: Some(false),
        is_public: Some(false),
        size: Some(0),
        total_size: Some(0),
        status: Some(ImageStatus::Creating),
        type_: Some(ImageType::Manual),
        vendor: None,
        eol: None,
        expiry: None,
        capabilities: strings(&["cloud-init"]),
        tags: strings(&["db", "pre-upgrade"]),
        regions: vec![region("us-iad", ImageRegionStatus::Creating)],
        is_shared: Some(IsShared::Flag(false)),
        image_sharing: None,
        extra: Map::new(),
    });
    assert_eq!(result.expect("post-image succeeds"), expected);
}

#[test]
fn post_image_omits_the_fields_left_unset() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v4/images"));
        with_json_body(when, json!({"disk_id": 4_815_162}));
        then.status(200).header("content-type", "application/json").body(IMAGE_CREATING);
    });

    let result = client(&server).execute(&ops::PostImage::new(ImageCreate::new(4_815_162)));

    mock.assert_calls(1);
    assert_eq!(result.expect("post-image succeeds").status, Some(ImageStatus::Creating));
}

// ----------------------------------------------------------------- post-upload-image

#[test]
fn post_upload_image_sends_the_body_and_decodes_image_and_upload_url() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v4/images/upload"));
        with_json_body(
            without_query(when),
            json!({
                "label": "alpine-3-20-custom",
                "region": "us-iad",
                "description": "Alpine 3.20, built with packer",
                "cloud_init": false,
                "tags": ["alpine"]
            }),
        );
        then.status(200).header("content-type", "application/json").body(IMAGE_UPLOAD);
    });

    let result = client(&server).execute(&ops::PostUploadImage::new(
        ImageUploadCreate::new("alpine-3-20-custom", "us-iad")
            .description("Alpine 3.20, built with packer")
            .cloud_init(false)
            .tags(strings(&["alpine"])),
    ));

    mock.assert_calls(1);
    let expected = model!(ImageUpload {
        image: model!(Image {
            id: "private/34567".into(),
            label: Some("alpine-3-20-custom".into()),
            description: Some("Alpine 3.20, built with packer".into()),
            created: Some("2024-07-01T10:00:02".into()),
            updated: Some("2024-07-01T10:00:02".into()),
            created_by: Some("alice".into()),
            deprecated: Some(false),
            is_public: Some(false),
            size: Some(0),
            total_size: Some(0),
            status: Some(ImageStatus::PendingUpload),
            type_: Some(ImageType::Manual),
            vendor: None,
            eol: None,
            expiry: None,
            capabilities: vec![],
            tags: strings(&["alpine"]),
            regions: vec![region("us-iad", ImageRegionStatus::Pending)],
            is_shared: Some(IsShared::Flag(false)),
            image_sharing: None,
            extra: Map::new(),
        }),
        upload_to:
            "https://us-iad-1.linodeobjects.com:443/linode-production-machine-images/uploads/private/34567\
                    ?Signature=bX1Jp2P6iBgJn3S8c%2Fq0RzP9S%2Fo%3D&Expires=1719914402&AccessKeyID=SANITIZED"
                .into(),
        extra: Map::new(),
    });
    assert_eq!(result.expect("post-upload-image succeeds"), expected);
}

#[test]
fn post_upload_image_omits_the_optional_fields_left_unset() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v4/images/upload"));
        with_json_body(when, json!({"label": "alpine-3-20-custom", "region": "us-iad"}));
        then.status(200).header("content-type", "application/json").body(IMAGE_UPLOAD);
    });

    let result = client(&server)
        .execute(&ops::PostUploadImage::new(ImageUploadCreate::new("alpine-3-20-custom", "us-iad")));

    mock.assert_calls(1);
    assert_eq!(result.expect("post-upload-image succeeds").image.status, Some(ImageStatus::PendingUpload));
}

// ------------------------------------------------------------------------- put-image

#[test]
fn put_image_sends_label_description_and_tags() {
    let server = MockServer::start();
    let mut answer = fixture(IMAGE_PRIVATE);
    answer["label"] = json!("web-base-2024-06");
    answer["description"] = json!("rebuilt with nginx 1.26");
    answer["tags"] = json!(["web", "base", "nginx-1.26"]);
    answer["updated"] = json!("2024-06-03T08:15:00");
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(PUT).path("/v4/images/private%2F12345"));
        with_json_body(
            without_query(when),
            json!({
                "label": "web-base-2024-06",
                "description": "rebuilt with nginx 1.26",
                "tags": ["web", "base", "nginx-1.26"]
            }),
        );
        then.status(200).header("content-type", "application/json").json_body(answer);
    });

    let result = client(&server).execute(&ops::PutImage::new(
        "private/12345",
        ImageUpdate::new().label("web-base-2024-06").description("rebuilt with nginx 1.26").tags(strings(&[
            "web",
            "base",
            "nginx-1.26",
        ])),
    ));

    mock.assert_calls(1);
    let expected = model!(Image {
        label: Some("web-base-2024-06".into()),
        description: Some("rebuilt with nginx 1.26".into()),
        tags: strings(&["web", "base", "nginx-1.26"]),
        updated: Some("2024-06-03T08:15:00".into()),
        ..expected_private_12345()
    });
    assert_eq!(result.expect("put-image succeeds"), expected);
}

#[test]
fn put_image_with_empty_tags_sends_an_empty_array_to_clear_them() {
    let server = MockServer::start();
    let mut answer = fixture(IMAGE_PRIVATE);
    answer["tags"] = json!([]);
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(PUT).path("/v4/images/private%2F12345"));
        with_json_body(when, json!({"tags": []}));
        then.status(200).header("content-type", "application/json").json_body(answer);
    });

    let result = client(&server)
        .execute(&ops::PutImage::new("private/12345", ImageUpdate::new().tags(Vec::<String>::new())));

    mock.assert_calls(1);
    assert_eq!(
        result.expect("put-image succeeds"),
        model!(Image { tags: vec![], ..expected_private_12345() })
    );
}

#[test]
fn put_image_with_only_a_label_leaves_tags_and_description_out_of_the_body() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(PUT).path("/v4/images/private%2F12345"));
        with_json_body(when, json!({"label": "web-base-2024-05"}));
        then.status(200).header("content-type", "application/json").body(IMAGE_PRIVATE);
    });

    let result = client(&server)
        .execute(&ops::PutImage::new("private/12345", ImageUpdate::new().label("web-base-2024-05")));

    mock.assert_calls(1);
    assert_eq!(result.expect("put-image succeeds"), expected_private_12345());
}

// ---------------------------------------------------------------------- delete-image

#[test]
fn delete_image_sends_no_body_and_accepts_an_empty_object() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(DELETE).path("/v4/images/private%2F12345"));
        without_query(without_body(when));
        then.status(200).header("content-type", "application/json").body("{}");
    });

    let result = client(&server).execute(&ops::DeleteImage::new("private/12345"));

    mock.assert_calls(1);
    assert_eq!(result.expect("delete-image succeeds"), EmptyObject::from(Map::new()));
}

// -------------------------------------------------------------- post-replicate-image

#[test]
fn post_replicate_image_sends_the_regions_and_decodes_their_states() {
    let server = MockServer::start();
    let mut answer = fixture(IMAGE_PRIVATE);
    answer["regions"] = json!([
        {"region": "us-iad", "status": "available"},
        {"region": "eu-central", "status": "replicating"},
        {"region": "ap-south", "status": "pending replication"},
        {"region": "us-ord", "status": "pending deletion"}
    ]);
    let mock = server.mock(|when, then| {
        let when = api_headers(when.method(POST).path("/v4/images/private%2F12345/regions"));
        with_json_body(without_query(when), json!({"regions": ["us-iad", "eu-central", "ap-south"]}));
        then.status(200).header("content-type", "application/json").json_body(answer);
    });

    let result = client(&server).execute(&ops::PostReplicateImage::new(
        "private/12345",
        ImageReplicate::new(strings(&["us-iad", "eu-central", "ap-south"])),
    ));

    mock.assert_calls(1);
    let expected = model!(Image {
        regions: vec![
            region("us-iad", ImageRegionStatus::Available),
            region("eu-central", ImageRegionStatus::Replicating),
            region("ap-south", ImageRegionStatus::PendingReplication),
            region("us-ord", ImageRegionStatus::PendingDeletion),
        ],
        ..expected_private_12345()
    });
    assert_eq!(result.expect("post-replicate-image succeeds"), expected);
}

// ------------------------------------------------------- open enums and unknown fields

/// An image with every optional field set, so that it serialises back to exactly itself.
fn complete_private_image() -> Value {
    json!({
        "id": "private/12345",
        "label": "web-base-2024-05",
        "description": "nginx and the app user, sshd hardened",
        "created": "2024-05-02T09:41:17",
        "updated": "2024-05-02T09:52:03",
        "created_by": "alice",
        "deprecated": false,
        "is_public": false,
        "size": 2520,
        "total_size": 5_284_823_040_u64,
        "status": "available",
        "type": "manual",
        "vendor": "Debian",
        "eol": "2028-06-30T04:00:00",
        "expiry": "2024-08-01T09:41:17",
        "capabilities": ["cloud-init"],
        "tags": ["web"],
        "regions": [{"region": "us-iad", "status": "available"}],
        "is_shared": false,
        "image_sharing": {
            "shared_with": {
                "sharegroup_count": 2,
                "sharegroup_list_url": "/images/private%2F12345/sharegroups"
            }
        }
    })
}

#[test]
fn unknown_enum_values_are_kept_printed_and_serialised_back_unchanged() {
    let server = MockServer::start();
    let mut sent = complete_private_image();
    sent["status"] = json!("hibernating");
    sent["type"] = json!("golden");
    sent["regions"] = json!([
        {"region": "us-iad", "status": "warming"},
        {"region": "eu-central", "status": "pending replication"}
    ]);
    sent["is_shared"] = json!("partially");
    let mock = serve_json(&server, GET, "/v4/images/private%2F12345", sent.clone());

    let image = client(&server).execute(&get_image("private/12345")).expect("decodes");

    mock.assert_calls(1);
    assert_eq!(image.status, Some(ImageStatus::Other("hibernating".into())));
    assert_eq!(image.status.as_ref().map(ToString::to_string).as_deref(), Some("hibernating"));
    assert_eq!(image.type_, Some(ImageType::Other("golden".into())));
    assert_eq!(image.type_.as_ref().map(ToString::to_string).as_deref(), Some("golden"));
    assert_eq!(image.regions[0].status, Some(ImageRegionStatus::Other("warming".into())));
    assert_eq!(image.regions[0].status.as_ref().map(ToString::to_string).as_deref(), Some("warming"));
    // A known value with a space is still recognised.
    assert_eq!(image.regions[1].status, Some(ImageRegionStatus::PendingReplication));
    assert_eq!(
        image.regions[1].status.as_ref().map(ToString::to_string).as_deref(),
        Some("pending replication")
    );
    assert_eq!(image.is_shared, Some(IsShared::Text(IsSharedText::Other("partially".into()))));
    assert_eq!(to_value(&image), sent);
}

#[test]
fn unknown_fields_land_in_extra_and_are_serialised_back_unchanged() {
    let server = MockServer::start();
    let mut image = complete_private_image();
    image["new_field"] = json!({"a": 1});
    image["regions"][0]["replica_id"] = json!(7);
    image["image_sharing"]["shared_with"]["sharegroup_uuid_list"] = json!(["a1", "b2"]);
    let sent = json!({"data": [image], "page": 1, "pages": 1, "results": 1, "cursor": null});
    let mock = serve_json(&server, GET, "/v4/images", sent.clone());

    let page = client(&server).execute(&ops::GetImages::new()).expect("decodes");

    mock.assert_calls(1);
    let decoded = &page.data[0];
    assert_eq!(Value::Object(decoded.extra.clone()), json!({"new_field": {"a": 1}}));
    assert_eq!(Value::Object(decoded.regions[0].extra.clone()), json!({"replica_id": 7}));
    let shared_with =
        decoded.image_sharing.as_ref().and_then(|s| s.shared_with.as_ref()).expect("shared_with");
    assert_eq!(Value::Object(shared_with.extra.clone()), json!({"sharegroup_uuid_list": ["a1", "b2"]}));
    assert_eq!(Value::Object(page.extra.clone()), json!({"cursor": null}));
    assert_eq!(to_value(&page), sent);
}

#[test]
fn is_shared_accepts_the_string_none() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    sent["is_shared"] = json!("none");
    let mock = serve_json(&server, GET, "/v4/images/linode%2Fdebian12", sent);

    let image = client(&server).execute(&get_image("linode/debian12")).expect("decodes");

    mock.assert_calls(1);
    assert_eq!(image.is_shared, Some(IsShared::Text(IsSharedText::None)));
    assert_eq!(image.is_shared.as_ref().map(ToString::to_string).as_deref(), Some("none"));
}

// ------------------------------------------------------------------ nullable fields

#[test]
fn nullable_fields_decode_from_null() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    for key in ["description", "vendor", "eol", "expiry", "image_sharing"] {
        sent[key] = Value::Null;
    }
    let mock = serve_json(&server, GET, "/v4/images/linode%2Fdebian12", sent);

    let image = client(&server).execute(&get_image("linode/debian12")).expect("nulls decode");

    mock.assert_calls(1);
    let expected = model!(Image {
        description: None,
        vendor: None,
        eol: None,
        expiry: None,
        image_sharing: None,
        ..expected_public_debian12()
    });
    assert_eq!(image, expected);
}

#[test]
fn nullable_and_optional_fields_decode_when_missing() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_PUBLIC);
    let object = sent.as_object_mut().expect("an object");
    for key in [
        "description",
        "vendor",
        "eol",
        "expiry",
        "updated",
        "total_size",
        "capabilities",
        "tags",
        "regions",
        "is_shared",
        "image_sharing",
    ] {
        assert!(object.remove(key).is_some(), "fixture has {key}");
    }
    let mock = serve_json(&server, GET, "/v4/images/linode%2Fdebian12", sent);

    let image = client(&server).execute(&get_image("linode/debian12")).expect("missing keys decode");

    mock.assert_calls(1);
    let expected = model!(Image {
        description: None,
        vendor: None,
        eol: None,
        expiry: None,
        updated: None,
        total_size: None,
        capabilities: vec![],
        tags: vec![],
        regions: vec![],
        is_shared: None,
        image_sharing: None,
        ..expected_public_debian12()
    });
    assert_eq!(image, expected);
}

#[test]
fn share_group_details_decode_with_null_source_fields_and_missing_keys() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGE_SHARED);
    sent["image_sharing"] = json!({"shared_by": {"sharegroup_id": 21, "source_image_id": null}});
    let mock = serve_json(&server, GET, "/v4/images/shared%2F4567", sent);

    let image = client(&server).execute(&get_image("shared/4567")).expect("decodes");

    mock.assert_calls(1);
    let sharing = image.image_sharing.expect("image_sharing");
    assert_eq!(sharing.shared_with, None);
    assert_eq!(
        sharing.shared_by,
        Some(Box::new(model!(ImageSharedBy {
            sharegroup_id: Some(21),
            sharegroup_uuid: None,
            sharegroup_label: None,
            source_image_id: None,
            source_image_label: None,
            extra: Map::new(),
        })))
    );
}

// ------------------------------------------------------------------------------ errors

#[test]
fn a_400_error_body_becomes_an_api_error_with_field_and_reason() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path("/v4/images/upload");
        then.status(400)
            .header("content-type", "application/json")
            .json_body(json!({"errors": [{"field": "label", "reason": "Label must be 3-64 characters"}]}));
    });

    let err = client(&server)
        .execute(&ops::PostUploadImage::new(ImageUploadCreate::new("x", "us-iad")))
        .expect_err("a 400 is an error");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.messages(), vec!["label: Label must be 3-64 characters".to_string()]);
    assert!(!err.is_not_found());
    assert_eq!(err.request_id(), None);
    let api = err.api().expect("an api error");
    assert_eq!(api.status(), 400);
    assert_eq!(api.error_id(), None);
    let details: Vec<_> = api.details().iter().map(|m| (m.field.as_deref(), m.reason.as_str())).collect();
    assert_eq!(details, [(Some("label"), "Label must be 3-64 characters")]);
    assert_eq!(
        api.json(),
        Some(&json!({"errors": [{"field": "label", "reason": "Label must be 3-64 characters"}]}))
    );
    let shown = err.to_string();
    assert!(shown.contains("400"), "{shown}");
    assert!(shown.contains("post-upload-image"), "{shown}");
    assert!(shown.contains("label: Label must be 3-64 characters"), "{shown}");
}

#[test]
fn several_linode_errors_give_one_message_each_with_or_without_a_field() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(POST).path("/v4/images");
        then.status(400).header("content-type", "application/json").json_body(json!({
            "errors": [
                {"field": "disk_id", "reason": "Disk not found"},
                {"reason": "You do not have permission to create images"}
            ]
        }));
    });

    let err =
        client(&server).execute(&ops::PostImage::new(ImageCreate::new(1))).expect_err("a 400 is an error");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(
        err.messages(),
        vec![
            "disk_id: Disk not found".to_string(),
            "You do not have permission to create images".to_string()
        ]
    );
}

#[test]
fn a_404_is_not_found_and_keeps_the_reason() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/v4/images/private%2F404");
        then.status(404)
            .header("content-type", "application/json")
            .json_body(json!({"errors": [{"reason": "Not found"}]}));
    });

    let err = client(&server).execute(&get_image("private/404")).expect_err("a 404 is an error");

    mock.assert_calls(1);
    assert!(err.is_not_found());
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.messages(), vec!["Not found".to_string()]);
    assert_eq!(err.attempts(), 1);
}

const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n\
                         <center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n\
                         </body>\r\n</html>\r\n";

#[test]
fn a_non_json_502_from_a_proxy_gives_an_api_error_holding_the_text() {
    let server = MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(GET).path("/v4/images");
        then.status(502).header("content-type", "text/html").body(NGINX_502);
    });
    let client =
        Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().expect("builds");

    let err = client.execute(&ops::GetImages::new()).expect_err("a 502 is an error");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(502));
    let api = err.api().expect("an api error");
    assert_eq!(api.status(), 502);
    assert_eq!((api.text(), api.json()), (NGINX_502, None));
    assert!(api.details().is_empty());
    let shown = err.to_string();
    assert!(shown.contains("502"), "{shown}");
    // The crate's own words are lowercase; the proxy's page follows them.
    let own = &shown[..shown.find("<html>").expect("the page is quoted")];
    assert_eq!(own, own.to_lowercase(), "{shown}");
    assert!(own.contains("get-images"), "{shown}");
}

#[test]
fn a_malformed_200_body_gives_a_decode_error_naming_the_json_path() {
    let server = MockServer::start();
    let mut sent = fixture(IMAGES_PAGE);
    sent["data"][1]["size"] = json!("2520");
    let mock = serve_json(&server, GET, "/v4/images", sent);

    let err = client(&server).execute(&ops::GetImages::new()).expect_err("a string size does not decode");

    mock.assert_calls(1);
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.status(), Some(200));
    assert!(err.api().is_none());
    let shown = err.to_string();
    assert!(shown.contains("data[1].size"), "{shown}");
    assert!(shown.contains("200"), "{shown}");
    assert!(std::error::Error::source(&err).is_some(), "the serde error is chained");
}
