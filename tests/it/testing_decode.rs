//! Every answer the testing kit sends decodes with the crate's own generated types, with no
//! field the spec does not know (`extra` empty) and no enum value it does not know: a walk over
//! every route of both stand-ins, in every state an image or action can be in, and over every
//! error they answer (validation, tokens, unknown routes, each injected fault).

use crate::kit;

use std::time::Duration;

use cloud_images::digitalocean::types as d;
use cloud_images::linode::types as l;
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use kit::Raw;

/// The 20 fields the live Linode API sends on every image.
const LINODE_FIELDS: [&str; 20] = [
    "capabilities",
    "created",
    "created_by",
    "deprecated",
    "description",
    "eol",
    "expiry",
    "id",
    "image_sharing",
    "is_public",
    "is_shared",
    "label",
    "regions",
    "size",
    "status",
    "tags",
    "total_size",
    "type",
    "updated",
    "vendor",
];

/// The 14 fields DigitalOcean sends on every image.
const DIGITALOCEAN_FIELDS: [&str; 14] = [
    "created_at",
    "description",
    "distribution",
    "error_message",
    "id",
    "min_disk_size",
    "name",
    "public",
    "regions",
    "size_gigabytes",
    "slug",
    "status",
    "tags",
    "type",
];

fn decode<T: DeserializeOwned>(what: &str, raw: &Raw) -> T {
    serde_json::from_slice(&raw.body)
        .unwrap_or_else(|e| panic!("{what}: does not decode ({e}): {}", String::from_utf8_lossy(&raw.body)))
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

/// What one walk saw, for the closing count.
#[derive(Default)]
struct Seen {
    answers: usize,
    images: usize,
    statuses: Vec<String>,
}

impl Seen {
    fn linode_image(&mut self, what: &str, json: &Value, image: &l::Image) {
        assert_eq!(keys(json), LINODE_FIELDS, "{what}: {json}");
        assert!(image.extra.is_empty(), "{what}: unknown fields {:?}", image.extra);
        let status = image.status.as_ref().unwrap();
        assert!(!matches!(status, l::ImageStatus::Other(_)), "{what}: {status:?}");
        assert!(!matches!(image.type_.as_ref().unwrap(), l::ImageType::Other(_)), "{what}");
        for region in &image.regions {
            assert!(region.extra.is_empty(), "{what}");
            assert!(!matches!(region.status.as_ref().unwrap(), l::ImageRegionStatus::Other(_)), "{what}");
            self.statuses.push(format!("region {}", region.status.as_ref().unwrap().as_str()));
        }
        if let Some(sharing) = &image.image_sharing {
            assert!(sharing.extra.is_empty(), "{what}");
            assert!(sharing.shared_with.as_ref().is_none_or(|w| w.extra.is_empty()), "{what}");
            assert!(sharing.shared_by.as_ref().is_none_or(|b| b.extra.is_empty()), "{what}");
        }
        self.statuses.push(status.as_str().to_string());
        self.images += 1;
    }

    fn linode(&mut self, what: &str, raw: &Raw) {
        self.answers += 1;
        assert_eq!(raw.header("content-type"), Some("application/json"), "{what}");
        if raw.status >= 400 {
            let error: l::ErrorResponse = decode(what, raw);
            assert!(!error.errors.is_empty(), "{what}");
            return;
        }
        let json = raw.json();
        if json.get("data").is_some() {
            let page: l::ImagePage = decode(what, raw);
            assert!(page.extra.is_empty() && page.page.is_some() && page.results.is_some(), "{what}");
            for (item, image) in json["data"].as_array().unwrap().iter().zip(&page.data) {
                self.linode_image(what, item, image);
            }
        } else if json.get("upload_to").is_some() {
            let upload: l::ImageUpload = decode(what, raw);
            assert!(upload.extra.is_empty(), "{what}");
            self.linode_image(what, &json["image"], &upload.image);
        } else if json == json!({}) {
            let _: l::EmptyObject = decode(what, raw);
        } else {
            let image: l::Image = decode(what, raw);
            self.linode_image(what, &json, &image);
        }
    }

    fn digitalocean_image(&mut self, what: &str, json: &Value, image: &d::Image) {
        assert_eq!(keys(json), DIGITALOCEAN_FIELDS, "{what}: {json}");
        assert!(image.extra.is_empty(), "{what}: unknown fields {:?}", image.extra);
        let status = image.status.as_ref().unwrap();
        assert!(!matches!(status, d::ImageStatus::Other(_)), "{what}: {status:?}");
        assert!(!matches!(image.type_.as_ref().unwrap(), d::ImageType::Other(_)), "{what}");
        self.statuses.push(status.as_str().to_string());
        self.images += 1;
    }

    fn digitalocean_action(&mut self, what: &str, action: &d::Action) {
        assert!(action.extra.is_empty(), "{what}: unknown fields {:?}", action.extra);
        let region = action.region.as_ref().unwrap();
        assert!(region.extra.is_empty() && !region.sizes.is_empty() && !region.features.is_empty(), "{what}");
        let status = action.status.as_ref().unwrap();
        assert!(!matches!(status, d::ActionStatus::Other(_)), "{what}");
        self.statuses.push(format!("action {}", status.as_str()));
    }

    fn digitalocean(&mut self, what: &str, raw: &Raw) {
        self.answers += 1;
        for header in ["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"] {
            assert!(raw.header(header).is_some_and(|v| v.parse::<u64>().is_ok()), "{what}: {header}");
        }
        let request_id = raw.header("x-request-id").unwrap_or_else(|| panic!("{what}: no x-request-id"));
        if raw.status == 204 || (raw.status == 201 && raw.body.is_empty()) {
            assert!(raw.body.is_empty(), "{what}");
            return;
        }
        assert_eq!(raw.header("content-type"), Some("application/json"), "{what}");
        if raw.status >= 400 {
            let error: d::ErrorResponse = decode(what, raw);
            assert_eq!(error.request_id.as_deref(), Some(request_id), "{what}");
            return;
        }
        let json = raw.json();
        if json.get("images").is_some() {
            let list: d::ImageList = decode(what, raw);
            let links = list.links.as_ref().unwrap();
            assert!(list.extra.is_empty() && links.extra.is_empty(), "{what}");
            assert!(links.pages.as_ref().is_none_or(|p| p.extra.is_empty()), "{what}");
            assert!(list.meta.as_ref().is_some_and(|m| m.extra.is_empty() && m.total.is_some()), "{what}");
            for (item, image) in json["images"].as_array().unwrap().iter().zip(&list.images) {
                self.digitalocean_image(what, item, image);
            }
        } else if json.get("image").is_some() {
            let response: d::ImageResponse = decode(what, raw);
            assert!(response.extra.is_empty(), "{what}");
            self.digitalocean_image(what, &json["image"], &response.image);
        } else if json.get("transfer_id").is_some() {
            let created: d::AccountTransferCreated = decode(what, raw);
            assert!(created.extra.is_empty() && created.transfer_id > 0, "{what}");
        } else if json.get("actions").is_some() {
            let list: d::ActionList = decode(what, raw);
            assert!(list.extra.is_empty() && list.meta.is_some() && list.links.is_some(), "{what}");
            for action in &list.actions {
                self.digitalocean_action(what, action);
            }
        } else {
            let response: d::ActionResponse = decode(what, raw);
            assert!(response.extra.is_empty(), "{what}");
            self.digitalocean_action(what, &response.action);
        }
    }
}

#[test]
fn every_linode_answer_decodes() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let (base, token) = (stand_in.base_url(), stand_in.token().to_string());
    let mut seen = Seen::default();
    let get = |seen: &mut Seen, target: &str| {
        let raw = kit::get(&base, target, &token);
        seen.linode(target, &raw);
        raw
    };
    let send = |seen: &mut Seen, method: &str, target: &str, body: Value| {
        let raw = kit::json(&base, method, target, &token, &body);
        seen.linode(&format!("{method} {target}"), &raw);
        raw
    };

    // A capture (creating), an upload (pending_upload, then creating), their images.
    send(
        &mut seen,
        "POST",
        "/v4/images",
        json!({"disk_id": LinodeStandIn::DISK_ID, "label": "cap", "tags": ["abc"]}),
    );
    let upload =
        send(&mut seen, "POST", "/v4/images/upload", json!({"label": "up", "region": "us-east"})).json();
    get(&mut seen, "/v4/images?page_size=500");
    get(&mut seen, "/v4/images/private%2F24187702");
    let url = upload["upload_to"].as_str().unwrap().trim_start_matches(&stand_in.base_url()).to_string();
    let put = kit::send(
        &base,
        "PUT",
        &url,
        &[("content-type", "application/octet-stream")],
        &kit::gzip_of_zeros(5000),
    );
    assert_eq!((put.status, put.body.len()), (200, 0));
    get(&mut seen, "/v4/images/private%2F24187702");
    stand_in.clock().advance(Duration::from_secs(2));
    // Available; then replicated (pending replication, replicating, available, pending deletion).
    for id in [
        "private%2F24187701",
        "private%2F24187702",
        "private%2F24811540",
        "shared%2F5854",
        "linode%2Fdebian12",
    ] {
        get(&mut seen, &format!("/v4/images/{id}"));
    }
    send(
        &mut seen,
        "PUT",
        "/v4/images/private%2F24187701",
        json!({"label": "cap2", "description": null, "tags": []}),
    );
    send(
        &mut seen,
        "POST",
        "/v4/images/private%2F24187701/regions",
        json!({"regions": ["us-east", "us-ord"]}),
    );
    stand_in.clock().advance(Duration::from_millis(500));
    get(&mut seen, "/v4/images/private%2F24187701");
    send(&mut seen, "POST", "/v4/images/private%2F24187701/regions", json!({"regions": ["us-ord"]}));
    for page in 1..=3 {
        get(&mut seen, &format!("/v4/images?page={page}&page_size=25"));
    }
    let anonymous = kit::send(&base, "GET", "/v4/images", &[], b"");
    seen.linode("anonymous list", &anonymous);
    send(&mut seen, "DELETE", "/v4/images/private%2F24187702", json!(null));

    // Every kind of error.
    get(&mut seen, "/v4/images?page_size=10");
    get(&mut seen, "/v4/images/private%2F1");
    get(&mut seen, "/v4/elsewhere");
    send(&mut seen, "POST", "/v4/images/upload", json!({"label": "x", "region": "us-west"}));
    send(&mut seen, "PUT", "/v4/images/linode%2Fdebian12", json!({"label": "mine"}));
    send(&mut seen, "PATCH", "/v4/images/linode%2Fdebian12", json!({}));
    seen.linode("wrong token", &kit::get(&base, "/v4/images", "wrong"));
    seen.linode("X-Filter", &kit::send(&base, "GET", "/v4/images", &[("x-filter", "{\"id\": 1}")], b""));
    for fault in [
        Fault::too_many_requests(Duration::from_secs(1)),
        Fault::unavailable(),
        Fault::maintenance(),
        Fault::status(500),
    ] {
        stand_in.inject("get-images", fault).unwrap();
        get(&mut seen, "/v4/images");
    }

    let mut statuses = seen.statuses.clone();
    statuses.sort();
    statuses.dedup();
    assert_eq!(
        statuses,
        [
            "available",
            "creating",
            "pending_upload",
            "region available",
            "region creating",
            "region pending",
            "region pending deletion",
            "region pending replication",
            "region replicating",
        ]
    );
    assert_eq!(seen.answers, 31);
    assert_eq!(seen.images, 192);
}

/// A share-group answer of the Linode stand-in: JSON, 200, decoding as `T` with no unknown field.
fn share_answer<T: DeserializeOwned>(seen: &mut Seen, what: &str, raw: &Raw, extra: fn(&T) -> bool) -> T {
    seen.answers += 1;
    assert_eq!(raw.header("content-type"), Some("application/json"), "{what}");
    assert_eq!(raw.status, 200, "{what}: {}", raw.text());
    let value: T = decode(what, raw);
    assert!(extra(&value), "{what}: unknown fields in {}", raw.text());
    value
}

/// Every share-group route of the Linode stand-in (`v4beta` only), and its errors.
#[test]
fn every_linode_share_group_answer_decodes() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let (base, token) = (stand_in.base_url(), stand_in.token().to_string());
    let mut seen = Seen::default();
    let call = |method: &str, target: &str, body: Value| {
        let target = format!("/v4beta/images/sharegroups{target}");
        if method == "GET" || method == "DELETE" {
            kit::send(&base, method, &target, &[("authorization", &format!("Bearer {token}"))], b"")
        } else {
            kit::json(&base, method, &target, &token, &body)
        }
    };
    let groups = |seen: &mut Seen, what: &str, raw: &Raw| {
        let page: l::ShareGroupPage = share_answer(seen, what, raw, |p| p.extra.is_empty());
        assert!(
            page.data.iter().all(|g| g.extra.is_empty() && g.uuid.is_some() && g.created.is_some()),
            "{what}"
        );
        page
    };
    let shares = |seen: &mut Seen, what: &str, raw: &Raw| {
        let page: l::ImageSharePage = share_answer(seen, what, raw, |p| p.extra.is_empty());
        for (item, image) in raw.json()["data"].as_array().unwrap().iter().zip(&page.data) {
            seen.linode_image(what, item, image);
            assert_eq!(image.type_, Some(l::ImageType::Shared), "{what}");
            assert_eq!(image.is_shared, None, "{what}");
        }
        page
    };
    let group = |g: &l::ShareGroup| g.extra.is_empty();
    let member = |m: &l::Membership| m.extra.is_empty() && m.status.is_some();
    let token_ok = |t: &l::Token| t.extra.is_empty() && t.status.is_some();
    let empty = |e: &l::EmptyObject| e.is_empty();

    // The owner: a group with the account's image, then the rest of its life.
    let created: l::ShareGroup = share_answer(
        &mut seen,
        "create",
        &call("POST", "", json!({"label": "golden", "images": [{"id": "private/24811540", "label": "web"}]})),
        group,
    );
    let id = created.id;
    assert_eq!(created.images_count, Some(1));
    groups(&mut seen, "list", &call("GET", "?page=1&page_size=25", json!(null)));
    groups(&mut seen, "by image", &kit::get(&base, "/v4beta/images/private%2F24811540/sharegroups", &token));
    let _: l::ShareGroup =
        share_answer(&mut seen, "get", &call("GET", &format!("/{id}"), json!(null)), group);
    let _: l::ShareGroup = share_answer(
        &mut seen,
        "update",
        &call("PUT", &format!("/{id}"), json!({"label": "golden v2"})),
        group,
    );
    let page = shares(&mut seen, "images", &call("GET", &format!("/{id}/images"), json!(null)));
    let shared = page.data[0].id.replace('/', "%2F");
    let added = shares(
        &mut seen,
        "add",
        &call("POST", &format!("/{id}/images"), json!({"images": [{"id": "private/24811540"}]})),
    );
    assert_eq!(added.data.len(), 1);
    let _: l::Image = share_answer(
        &mut seen,
        "update share",
        &call("PUT", &format!("/{id}/images/{shared}"), json!({"description": "d"})),
        |i: &l::Image| i.extra.is_empty(),
    );
    share_answer(
        &mut seen,
        "remove share",
        &call("DELETE", &format!("/{id}/images/{shared}"), json!(null)),
        empty,
    );
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJtZW1iZXIiOiJiIn0.c2lnbmF0dXJl";
    let added: l::Membership = share_answer(
        &mut seen,
        "add member",
        &call("POST", &format!("/{id}/members"), json!({"token": jwt, "label": "team b"})),
        member,
    );
    let uuid = added.token_uuid;
    let _: l::MembershipPage =
        share_answer(&mut seen, "members", &call("GET", &format!("/{id}/members"), json!(null)), |p| {
            p.extra.is_empty() && p.data.iter().all(|m| m.extra.is_empty())
        });
    let _: l::Membership = share_answer(
        &mut seen,
        "member",
        &call("GET", &format!("/{id}/members/{uuid}"), json!(null)),
        member,
    );
    let _: l::Membership = share_answer(
        &mut seen,
        "relabel member",
        &call("PUT", &format!("/{id}/members/{uuid}"), json!({"label": "team c"})),
        member,
    );
    share_answer(&mut seen, "revoke", &call("DELETE", &format!("/{id}/members/{uuid}"), json!(null)), empty);

    // The member: the seeded, accepted token; a new one, pending.
    let seeded = "4591075e-4ba8-43c9-a521-928c3d4a135d";
    let created: l::TokenCreated = share_answer(
        &mut seen,
        "create token",
        &call(
            "POST",
            "/tokens",
            json!({"valid_for_sharegroup_uuid": "e1d0e58b-f89f-4237-84ab-b82077342359"}),
        ),
        |t: &l::TokenCreated| t.extra.is_empty() && !t.token.expose().is_empty(),
    );
    assert_eq!(created.status, Some(l::TokenStatus::Pending));
    let new = created.token_uuid;
    let _: l::TokenPage = share_answer(&mut seen, "tokens", &call("GET", "/tokens", json!(null)), |p| {
        p.extra.is_empty() && p.data.iter().all(|t| t.extra.is_empty())
    });
    let _: l::Token =
        share_answer(&mut seen, "token", &call("GET", &format!("/tokens/{seeded}"), json!(null)), token_ok);
    let _: l::Token = share_answer(
        &mut seen,
        "relabel",
        &call("PUT", &format!("/tokens/{new}"), json!({"label": "x"})),
        token_ok,
    );
    let _: l::MemberShareGroup = share_answer(
        &mut seen,
        "group by token",
        &call("GET", &format!("/tokens/{seeded}/sharegroup"), json!(null)),
        |g: &l::MemberShareGroup| g.extra.is_empty(),
    );
    shares(
        &mut seen,
        "images by token",
        &call("GET", &format!("/tokens/{seeded}/sharegroup/images"), json!(null)),
    );
    share_answer(&mut seen, "delete token", &call("DELETE", &format!("/tokens/{new}"), json!(null)), empty);
    share_answer(&mut seen, "delete group", &call("DELETE", &format!("/{id}"), json!(null)), empty);

    // Errors, in Linode's format.
    for (raw, status) in [
        (call("GET", &format!("/{id}"), json!(null)), 404),
        (call("POST", "", json!({"label": ""})), 400),
        (call("POST", "/tokens", json!({"valid_for_sharegroup_uuid": "8306"})), 400),
        (call("POST", "/tokens/x/sharegroup", json!({})), 405),
        (call("GET", "/tokens/notExistingToken", json!(null)), 404),
        (kit::get(&base, "/v4/images/sharegroups", &token), 404),
        (kit::get(&base, "/v4beta/images/sharegroups", "wrong"), 401),
    ] {
        assert_eq!(raw.status, status, "{}", raw.text());
        seen.linode("share-group error", &raw);
    }
    assert_eq!(seen.answers, 29); // 22 answers, every route once or more, and 7 errors
}

#[test]
fn every_digitalocean_answer_decodes() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let (base, token) = (stand_in.base_url(), stand_in.token().to_string());
    let mut seen = Seen::default();
    let get = |seen: &mut Seen, target: &str| {
        let raw = kit::get(&base, target, &token);
        seen.digitalocean(target, &raw);
        raw
    };
    let send = |seen: &mut Seen, method: &str, target: &str, body: Value| {
        let raw = kit::json(&base, method, target, &token, &body);
        seen.digitalocean(&format!("{method} {target}"), &raw);
        raw
    };
    let import = |url: &str| json!({"name": "imp", "url": url, "region": "nyc3", "distribution": "Fedora", "tags": ["ci"]});

    // Imports: NEW, pending, available, and one that fails (deleted).
    send(&mut seen, "POST", "/v2/images", import("https://example.com/a.qcow2"));
    send(&mut seen, "POST", "/v2/images", import("https://example.com/b.iso"));
    get(&mut seen, "/v2/images/171400118");
    stand_in.clock().advance(Duration::from_millis(700));
    get(&mut seen, "/v2/images/171400118");
    stand_in.clock().advance(Duration::from_secs(1));
    for target in [
        "/v2/images/171400118",
        "/v2/images/171400119",
        "/v2/images/ubuntu-24-04-x64",
        "/v2/images/165064453",
    ] {
        get(&mut seen, target);
    }
    // Actions: in progress, completed; listed.
    send(&mut seen, "POST", "/v2/images/171400118/actions", json!({"type": "transfer", "region": "sfo3"}));
    get(&mut seen, "/v2/images/171400118/actions/2391560007");
    get(&mut seen, "/v2/images/171400118/actions");
    stand_in.clock().advance(Duration::from_secs(1));
    get(&mut seen, "/v2/images/171400118/actions/2391560007");
    send(&mut seen, "POST", "/v2/images/171003090/actions", json!({"type": "convert"}));
    get(&mut seen, "/v2/images/171400118/actions?per_page=1&page=1");
    send(&mut seen, "PUT", "/v2/images/171400118", json!({"name": "renamed", "distribution": "Debian"}));
    // Listings, with every filter and on several pages.
    for target in [
        "/v2/images",
        "/v2/images?per_page=200",
        "/v2/images?type=distribution&per_page=10&page=2",
        "/v2/images?type=application",
        "/v2/images?private=true",
        "/v2/images?tag_name=ci",
        "/v2/images?page=99",
    ] {
        get(&mut seen, target);
    }
    send(&mut seen, "DELETE", "/v2/images/171400119", json!(null));
    // Account transfers: offered, withdrawn; offered again, declined; a custom image refused.
    let team = json!({"recipient_uuid": "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10"});
    send(&mut seen, "POST", "/v2/images/171002281/account_transfer", team.clone());
    send(&mut seen, "POST", "/v2/images/171002281/account_transfer/cancel", json!({"transfer_id": 7734}));
    send(
        &mut seen,
        "POST",
        "/v2/images/171002281/account_transfer",
        json!({"recipient_email": "ops@example.com"}),
    );
    send(&mut seen, "POST", "/v2/images/171002281/account_transfer/decline", json!({"transfer_id": 7735}));
    send(&mut seen, "POST", "/v2/images/171400118/account_transfer", team);
    send(&mut seen, "POST", "/v2/images/171002281/account_transfer/accept", json!({"transfer_id": 1}));

    // Every kind of error.
    seen.digitalocean("no token", &kit::send(&base, "GET", "/v2/images", &[], b""));
    seen.digitalocean("wrong token", &kit::get(&base, "/v2/images", "dop_v1_wrong"));
    get(&mut seen, "/v2/images/1");
    get(&mut seen, "/v2/images?per_page=500");
    get(&mut seen, "/v2/images?type=kernel");
    send(&mut seen, "POST", "/v2/images", json!({"name": "x"}));
    send(&mut seen, "PUT", "/v2/images/ubuntu-24-04-x64", json!({"name": "mine"}));
    send(&mut seen, "POST", "/v2/images/171400118/actions", json!({"type": "teleport"}));
    send(&mut seen, "PATCH", "/v2/images/171400118", json!({}));
    for fault in [
        Fault::too_many_requests(Duration::from_secs(1)),
        Fault::unavailable(),
        Fault::maintenance(),
        Fault::status(500),
    ] {
        stand_in.inject("images_list", fault).unwrap();
        get(&mut seen, "/v2/images");
    }

    let mut statuses = seen.statuses.clone();
    statuses.sort();
    statuses.dedup();
    assert_eq!(
        statuses,
        ["NEW", "action completed", "action in-progress", "available", "deleted", "pending"]
    );
    assert_eq!(seen.answers, 42);
    assert_eq!(seen.images, 85);
}
