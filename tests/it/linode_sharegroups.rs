//! The share-group facade, `client.sharegroups()` and `images().sharegroups(id)`, as its users
//! call it: the exact request of each call (always to `v4beta`), what it returns, the input it
//! refuses with no request at all, and lazy pagination over three pages for every list.

use cloud_images::linode::types::{ApiVersion, ImageType, MembershipStatus, TokenStatus};
use cloud_images::linode::{Client, Filter, ShareImage};
use cloud_images::{ErrorKind, RetryPolicy};
use cloud_images::{List, Paged};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Value, json};

const TOKEN: &str = "linode-facade-token-0123456789abcdef";
const USER_AGENT: &str = concat!("cloud-images/", env!("CARGO_PKG_VERSION"));
const GROUP_UUID: &str = "955860b2-60b3-4a48-ba1b-d51e85da5074";
const TOKEN_UUID: &str = "4591075e-4ba8-43c9-a521-928c3d4a135d";
const SECRET: &str =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZyI6Ijk1NTg2MGIyIn0.c2VjcmV0LW1lbWJlcnNoaXAtc2lnbmF0dXJl";

const SHAREGROUP: &str = include_str!("../fixtures/linode_sharegroups/sharegroup.json");
const SHAREGROUP_UPDATED: &str = include_str!("../fixtures/linode_sharegroups/sharegroup_updated.json");
const SHAREGROUPS_PAGE: &str = include_str!("../fixtures/linode_sharegroups/sharegroups_page.json");
const MEMBER_SHAREGROUP: &str = include_str!("../fixtures/linode_sharegroups/member_sharegroup.json");
const IMAGE_SHARE: &str = include_str!("../fixtures/linode_sharegroups/image_share.json");
const IMAGE_SHARES_PAGE: &str = include_str!("../fixtures/linode_sharegroups/image_shares_page.json");
const MEMBERSHIP: &str = include_str!("../fixtures/linode_sharegroups/membership.json");
const MEMBERSHIPS_PAGE: &str = include_str!("../fixtures/linode_sharegroups/memberships_page.json");
const TOKEN_JSON: &str = include_str!("../fixtures/linode_sharegroups/token.json");
const TOKEN_CREATED: &str = include_str!("../fixtures/linode_sharegroups/token_created.json");
const TOKENS_PAGE: &str = include_str!("../fixtures/linode_sharegroups/tokens_page.json");

// ------------------------------------------------------------------------------ helpers

/// A client on API `v4` (the default), with no retries to keep counts exact.
fn client(server: &MockServer) -> Client {
    Client::builder()
        .token(TOKEN)
        .base_url(server.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client builds")
}

fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is JSON")
}

/// One exact request: method, path, raw query (or none), JSON body (or none), and its answer.
fn exchange<'s>(
    server: &'s MockServer,
    method: httpmock::Method,
    path: &str,
    query: Option<&str>,
    body: Option<Value>,
    status: u16,
    reply: &str,
) -> Mock<'s> {
    let query = query.map(String::from);
    server.mock(|when, then| {
        let when: When = when
            .method(method)
            .path(path)
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("user-agent", USER_AGENT)
            .header("accept", "application/json")
            .header_missing("x-filter")
            .is_true(move |req| req.uri().query() == query.as_deref());
        match body {
            Some(body) => when.header("content-type", "application/json").json_body(body),
            None => when.header_missing("content-type").is_true(|req| req.body_ref().is_empty()),
        };
        then.status(status).header("content-type", "application/json").body(reply);
    })
}

/// Answers anything: for the refusals, which must send nothing.
fn anything(server: &MockServer) -> Mock<'_> {
    server.mock(|_, then| {
        then.status(200).header("content-type", "application/json").body("{}");
    })
}

fn refused(result: Result<impl std::fmt::Debug, cloud_images::Error>, why: &str) {
    let e = result.expect_err(why);
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{why}: {e}");
}

// ------------------------------------------------------------------------ share groups

#[test]
fn list_sends_one_page_to_v4beta_with_the_largest_page_size() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups",
        Some("page_size=500"),
        None,
        200,
        SHAREGROUPS_PAGE,
    );
    let page = client(&server).sharegroups().list().send().expect("list");
    mock.assert_calls(1);
    assert_eq!((page.page, page.pages, page.total), (1, Some(1), Some(2)));
    let ids: Vec<u64> = page.items.iter().map(|g| g.id).collect();
    assert_eq!(ids, [8306, 8306]);
    assert_eq!(page.items[1].label.as_deref(), Some("platform-golden-images-v2"));
    assert_eq!(page.items[0].updated, None);
}

#[test]
fn every_call_goes_to_v4beta_whatever_the_client_version() {
    let server = MockServer::start();
    let mock = exchange(&server, GET, "/v4beta/images/sharegroups/8306", None, None, 200, SHAREGROUP);
    for version in [ApiVersion::V4, ApiVersion::V4beta] {
        let client =
            Client::builder().token(TOKEN).base_url(server.base_url()).api_version(version).build().unwrap();
        assert_eq!(client.sharegroups().get(8306).expect("get").id, 8306);
    }
    mock.assert_calls(2);
}

#[test]
fn get_decodes_the_group() {
    let server = MockServer::start();
    let mock = exchange(&server, GET, "/v4beta/images/sharegroups/8306", None, None, 200, SHAREGROUP_UPDATED);
    let group = client(&server).sharegroups().get(8306).expect("get");
    mock.assert_calls(1);
    assert_eq!(group.uuid.as_deref(), Some(GROUP_UUID));
    assert_eq!((group.images_count, group.members_count), (Some(2), Some(1)));
    assert_eq!(group.updated.as_deref(), Some("2025-09-03T08:02:55"));
    assert_eq!(group.expiry, None);
}

#[test]
fn create_sends_label_description_and_images_with_their_own_labels() {
    let server = MockServer::start();
    let body = json!({
        "label": "platform-golden-images",
        "description": "CIS level 1",
        "images": [{"id": "private/160700"}, {"id": "private/160701", "label": "debian12-cis", "description": "Debian 12"}]
    });
    let mock = exchange(&server, POST, "/v4beta/images/sharegroups", None, Some(body), 200, SHAREGROUP);
    let group = client(&server)
        .sharegroups()
        .create("platform-golden-images")
        .description("CIS level 1")
        .image("private/160700")
        .image(ShareImage::new("private/160701").label("debian12-cis").description("Debian 12"))
        .send()
        .expect("create");
    mock.assert_calls(1);
    assert_eq!(group.id, 8306);
    assert_eq!(group.description.as_deref(), Some(""));

    // Only a label: nothing else in the body.
    let bare = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups",
        None,
        Some(json!({"label": "bare"})),
        200,
        SHAREGROUP,
    );
    client(&server).sharegroups().create("bare").send().expect("create");
    bare.assert_calls(1);
}

#[test]
fn update_sends_only_what_is_set() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        PUT,
        "/v4beta/images/sharegroups/8306",
        None,
        Some(json!({"label": "platform-golden-images-v2"})),
        200,
        SHAREGROUP_UPDATED,
    );
    let group = client(&server).sharegroups().update(8306).label("platform-golden-images-v2").send().unwrap();
    mock.assert_calls(1);
    assert_eq!(group.label.as_deref(), Some("platform-golden-images-v2"));
}

#[test]
fn delete_returns_unit_on_an_empty_object() {
    let server = MockServer::start();
    let mock = exchange(&server, DELETE, "/v4beta/images/sharegroups/8306", None, None, 200, "{}");
    let done: () = client(&server).sharegroups().delete(8306).expect("delete");
    mock.assert_calls(1);
    assert_eq!(done, ());
}

#[test]
fn a_group_that_is_gone_is_not_found() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups/9999",
        None,
        None,
        404,
        r#"{"errors": [{"reason": "Not found"}]}"#,
    );
    let e = client(&server).sharegroups().get(9999).unwrap_err();
    mock.assert_calls(1);
    assert!(e.is_not_found(), "{e}");
    assert_eq!(e.messages(), ["Not found"]);
}

// ------------------------------------------------------------------ images of a group

#[test]
fn images_list_add_update_remove() {
    let server = MockServer::start();
    let list = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups/8306/images",
        Some("page_size=500"),
        None,
        200,
        IMAGE_SHARES_PAGE,
    );
    let add = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups/8306/images",
        None,
        Some(json!({"images": [{"id": "private/160700", "label": "debian12-cis"}]})),
        200,
        IMAGE_SHARES_PAGE,
    );
    let update = exchange(
        &server,
        PUT,
        "/v4beta/images/sharegroups/8306/images/shared%2F5854",
        None,
        Some(json!({"description": "Debian 12, CIS level 1"})),
        200,
        IMAGE_SHARE,
    );
    let remove = exchange(
        &server,
        DELETE,
        "/v4beta/images/sharegroups/8306/images/shared%2F5854",
        None,
        None,
        200,
        "{}",
    );
    let client = client(&server);
    let images = client.sharegroups().images(8306);

    let page = images.list().send().expect("list");
    assert_eq!(page.items.len(), 1);
    let added = images.add([ShareImage::new("private/160700").label("debian12-cis")]).expect("add");
    assert_eq!((added.page, added.pages, added.total), (1, Some(1), Some(1)));
    let share = &added.items[0];
    assert_eq!(share.id, "shared/5854");
    assert_eq!(share.type_, Some(ImageType::Shared));
    assert_eq!(share.is_shared, None);
    let by = share.image_sharing.as_ref().and_then(|s| s.shared_by.as_ref()).expect("shared_by");
    assert_eq!(by.sharegroup_id, Some(8306));
    assert_eq!(by.source_image_id.as_deref(), Some("private/160700"));
    let updated = images.update("shared/5854").description("Debian 12, CIS level 1").send().expect("update");
    assert_eq!(updated.description.as_deref(), Some("Debian 12, CIS level 1"));
    let removed: () = images.remove("shared/5854").expect("remove");
    assert_eq!(removed, ());

    for mock in [list, add, update, remove] {
        mock.assert_calls(1);
    }
}

// ----------------------------------------------------------------------------- members

#[test]
fn members_list_add_get_update_revoke() {
    let server = MockServer::start();
    let member_path = format!("/v4beta/images/sharegroups/8306/members/{TOKEN_UUID}");
    let list = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups/8306/members",
        Some("page_size=500"),
        None,
        200,
        MEMBERSHIPS_PAGE,
    );
    let add = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups/8306/members",
        None,
        Some(json!({"token": SECRET, "label": "team-b-build-account"})),
        200,
        MEMBERSHIP,
    );
    let get = exchange(&server, GET, &member_path, None, None, 200, MEMBERSHIP);
    let update =
        exchange(&server, PUT, &member_path, None, Some(json!({"label": "team-b"})), 200, MEMBERSHIP);
    let revoke = exchange(&server, DELETE, &member_path, None, None, 200, "{}");
    let client = client(&server);
    let members = client.sharegroups().members(8306);

    let page = members.list().send().expect("list");
    let statuses: Vec<_> = page.items.iter().map(|m| m.status.clone()).collect();
    assert_eq!(statuses, [Some(MembershipStatus::Active), Some(MembershipStatus::Revoked)]);
    let member = members.add(SECRET, "team-b-build-account").expect("add");
    assert_eq!(member.token_uuid, TOKEN_UUID);
    assert_eq!(member.label.as_deref(), Some("team-b-build-account"));
    assert_eq!(members.get(TOKEN_UUID).expect("get").status, Some(MembershipStatus::Active));
    members.update(TOKEN_UUID, "team-b").expect("update");
    let revoked: () = members.revoke(TOKEN_UUID).expect("revoke");
    assert_eq!(revoked, ());

    for mock in [list, add, get, update, revoke] {
        mock.assert_calls(1);
    }
}

#[test]
fn a_malformed_member_token_is_the_servers_500_and_not_retried() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups/8306/members",
        None,
        Some(json!({"token": "not-a-jwt", "label": "x"})),
        500,
        r#"{"errors": [{"reason": "Invalid token format"}]}"#,
    );
    let client = Client::builder().token(TOKEN).base_url(server.base_url()).build().unwrap(); // retries on
    let e = client.sharegroups().members(8306).add("not-a-jwt", "x").unwrap_err();
    mock.assert_calls(1); // a POST is not retried after a 500
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    assert_eq!(e.messages(), ["Invalid token format"]);
}

// ------------------------------------------------------------------------------ tokens

#[test]
fn tokens_create_list_get_update_delete_and_the_group_through_a_token() {
    let server = MockServer::start();
    let token_path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}");
    let create = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups/tokens",
        None,
        Some(json!({"valid_for_sharegroup_uuid": GROUP_UUID, "label": "golden images from platform"})),
        200,
        TOKEN_CREATED,
    );
    let list = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups/tokens",
        Some("page_size=500"),
        None,
        200,
        TOKENS_PAGE,
    );
    let get = exchange(&server, GET, &token_path, None, None, 200, TOKEN_JSON);
    let update = exchange(&server, PUT, &token_path, None, Some(json!({"label": "golden"})), 200, TOKEN_JSON);
    let delete = exchange(&server, DELETE, &token_path, None, None, 200, "{}");
    let group =
        exchange(&server, GET, &format!("{token_path}/sharegroup"), None, None, 200, MEMBER_SHAREGROUP);
    let images = exchange(
        &server,
        GET,
        &format!("{token_path}/sharegroup/images"),
        Some("page_size=500"), // iterating: the first page is the request `send()` sends
        None,
        200,
        IMAGE_SHARES_PAGE,
    );
    let client = client(&server);
    let tokens = client.sharegroups().tokens();

    let created = tokens.create(GROUP_UUID).label("golden images from platform").send().expect("create");
    assert_eq!(created.token.expose(), SECRET);
    assert_eq!(created.token_uuid, TOKEN_UUID);
    assert_eq!(created.status, Some(TokenStatus::Pending));
    assert_eq!((created.sharegroup_uuid.as_deref(), created.sharegroup_label.as_deref()), (None, None));
    assert!(!format!("{created:?}").contains(SECRET));

    let page = tokens.list().send().expect("list");
    assert_eq!(page.items[1].status, Some(TokenStatus::Pending));
    let token = tokens.get(TOKEN_UUID).expect("get");
    assert_eq!(token.sharegroup_label.as_deref(), Some("platform-golden-images-v2"));
    tokens.update(TOKEN_UUID, "golden").expect("update");
    let deleted: () = tokens.delete(TOKEN_UUID).expect("delete");
    assert_eq!(deleted, ());
    let seen = tokens.sharegroup(TOKEN_UUID).expect("sharegroup");
    assert_eq!((seen.id, seen.label.as_deref()), (8306, Some("platform-golden-images-v2")));
    let shared: Vec<String> = tokens.images(TOKEN_UUID).into_iter().map(|i| i.unwrap().id).collect();
    assert_eq!(shared, ["shared/5854"]);

    for mock in [create, list, get, update, delete, group, images] {
        mock.assert_calls(1);
    }
}

#[test]
fn a_token_uuid_of_any_shape_is_sent_and_linode_answers_404() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        GET,
        "/v4beta/images/sharegroups/tokens/notExistingToken",
        None,
        None,
        404,
        r#"{"errors": [{"reason": "Not found"}]}"#,
    );
    let e = client(&server).sharegroups().tokens().get("notExistingToken").unwrap_err();
    mock.assert_calls(1);
    assert!(e.is_not_found());
}

#[test]
fn a_token_for_your_own_group_is_linodes_400_with_its_field() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        POST,
        "/v4beta/images/sharegroups/tokens",
        None,
        Some(json!({"valid_for_sharegroup_uuid": GROUP_UUID})),
        400,
        r#"{"errors": [{"field": "valid_for_sharegroup_uuid", "reason": "You may not create a token for your own sharegroup"}]}"#,
    );
    let e = client(&server).sharegroups().tokens().create(GROUP_UUID).send().unwrap_err();
    mock.assert_calls(1);
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(400)));
    let api = e.api().expect("the API's error");
    assert_eq!(api.details()[0].field.as_deref(), Some("valid_for_sharegroup_uuid"));
    assert_eq!(api.details()[0].reason, "You may not create a token for your own sharegroup");
}

#[test]
fn image_sharegroups_encodes_the_private_id() {
    let server = MockServer::start();
    let mock = exchange(
        &server,
        GET,
        "/v4beta/images/private%2F160700/sharegroups",
        Some("page_size=500"), // iterating: the first page is the request `send()` sends
        None,
        200,
        SHAREGROUPS_PAGE,
    );
    let groups: Vec<u64> =
        client(&server).images().sharegroups("private/160700").iter().map(|g| g.unwrap().id).collect();
    mock.assert_calls(1);
    assert_eq!(groups, [8306, 8306]);
}

// ----------------------------------------------------------------------------- refusals

#[test]
fn bad_input_is_refused_with_no_request() {
    let server = MockServer::start();
    let any = anything(&server);
    let client = client(&server);
    let groups = client.sharegroups();

    refused(groups.create("").send(), "empty group label");
    refused(groups.create("  ").send(), "blank group label");
    refused(groups.create("ok").image("").send(), "empty image id");
    refused(groups.create("ok").image(ShareImage::new("private/1").label(" ")).send(), "empty share label");
    refused(groups.get(0), "group id 0");
    refused(groups.update(0).label("x").send(), "group id 0");
    refused(groups.update(8306).label("").send(), "empty new label");
    refused(groups.delete(0), "group id 0");

    let images = groups.images(8306);
    refused(images.add(Vec::<&str>::new()), "no image to share");
    refused(images.add([".."]), "an id that names another path");
    refused(images.update("shared/1").label("").send(), "empty share label");
    refused(images.update("").label("x").send(), "empty shared id");
    refused(images.remove(""), "empty shared id");
    refused(groups.images(0).list().send(), "group id 0");
    refused(groups.images(0).add(["private/1"]), "group id 0");

    let members = groups.members(8306);
    refused(members.add("", "team"), "empty token");
    refused(members.add(" \n", "team"), "blank token");
    refused(members.add(SECRET, ""), "empty member label");
    refused(members.get(""), "empty token uuid");
    refused(members.update("..", "x"), "a token uuid that names another path");
    refused(members.update(TOKEN_UUID, " "), "empty member label");
    refused(members.revoke("."), "a token uuid that names another path");
    refused(groups.members(0).list().send(), "group id 0");

    let tokens = groups.tokens();
    refused(tokens.create("8306").send(), "a group id is not its uuid");
    refused(tokens.create("955860b2-60b3-4a48-ba1b-d51e85da507").send(), "one digit short");
    refused(tokens.create("955860b2-60b3-4a48-ba1b-d51e85da507g").send(), "not hexadecimal");
    refused(tokens.create("").send(), "empty uuid");
    refused(tokens.create(GROUP_UUID).label("").send(), "empty token label");
    refused(tokens.get(""), "empty token uuid");
    refused(tokens.update(TOKEN_UUID, ""), "empty token label");
    refused(tokens.delete(".."), "a token uuid that names another path");
    refused(tokens.sharegroup(" "), "blank token uuid");
    refused(tokens.images("").send(), "empty token uuid");
    assert_eq!(tokens.images("").iter().filter(Result::is_err).count(), 1);

    refused(client.images().sharegroups("").send(), "empty image id");
    refused(groups.list().page_size(10).send(), "page size under 25");
    refused(groups.list().page_size(501).send(), "page size over 500");
    refused(groups.list().page(0).send(), "page 0");
    assert!(groups.list().page(0).iter().next().unwrap().is_err());

    any.assert_calls(0);
}

// ---------------------------------------------------------------------------- pagination

/// Three pages of `path`, each its own mock, all with page size 25 and the same filter.
fn three_pages<'s>(
    server: &'s MockServer,
    path: &str,
    filter: &str,
    items: [[Value; 2]; 3],
) -> [Mock<'s>; 3] {
    let mut mocks = Vec::new();
    for (i, data) in items.into_iter().enumerate() {
        let n = i as u64 + 1;
        mocks.push(server.mock(|when, then| {
            let when = when
                .method(GET)
                .path(path)
                .header("authorization", format!("Bearer {TOKEN}"))
                .query_param("page_size", "25")
                .header("x-filter", filter);
            // The first page is the request `send()` sends: no page number.
            match n {
                1 => when.query_param_missing("page").query_param_count(".*", ".*", 1),
                n => when.query_param("page", n.to_string()).query_param_count(".*", ".*", 2),
            };
            then.status(200).json_body(json!({"data": data, "page": n, "pages": 3, "results": 6}));
        }));
    }
    match mocks.try_into() {
        Ok(mocks) => mocks,
        Err(_) => unreachable!(),
    }
}

/// Walks `list` lazily: nothing before the first item, one request per page, and every item
/// of the three pages in order; then once more from the start.
fn walk<O: Paged>(list: &List<'_, O>, id: fn(&O::Item) -> String, mocks: &[Mock<'_>; 3]) -> Vec<String> {
    let calls = || mocks.iter().map(Mock::calls).collect::<Vec<_>>();
    let mut items = list.iter();
    assert_eq!(calls(), [0, 0, 0], "nothing is sent before the first `next`");
    let first = items.next().expect("an item").expect("decodes");
    assert_eq!(calls(), [1, 0, 0]);
    let second = items.next().expect("an item").expect("decodes");
    assert_eq!(calls(), [1, 0, 0], "the second item is on the first page");
    let mut ids = vec![id(&first), id(&second)];
    for item in items {
        ids.push(id(&item.expect("decodes")));
    }
    assert_eq!(calls(), [1, 1, 1], "one request per page");
    assert_eq!(list.iter().count(), 6, "the builder starts over");
    assert_eq!(calls(), [2, 2, 2]);
    ids
}

fn group_json(id: u64) -> Value {
    let mut v = fixture(SHAREGROUP);
    v["id"] = json!(id);
    v
}

fn share_json(n: u64) -> Value {
    let mut v = fixture(IMAGE_SHARE);
    v["id"] = json!(format!("shared/{n}"));
    v
}

fn member_json(n: u64) -> Value {
    let mut v = fixture(MEMBERSHIP);
    v["token_uuid"] = json!(format!("00000000-0000-4000-8000-00000000000{n}"));
    v
}

fn token_json(n: u64) -> Value {
    let mut v = fixture(TOKEN_JSON);
    v["token_uuid"] = json!(format!("00000000-0000-4000-8000-00000000000{n}"));
    v
}

fn pages_of(make: fn(u64) -> Value) -> [[Value; 2]; 3] {
    [[make(1), make(2)], [make(3), make(4)], [make(5), make(6)]]
}

#[test]
fn the_share_group_list_walks_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"label":{"+contains":"golden"}}"#;
    let mocks = three_pages(&server, "/v4beta/images/sharegroups", filter, pages_of(group_json));
    let client = client(&server);
    let list = client.sharegroups().list().page_size(25).filter(Filter::contains("label", "golden"));
    let ids = walk(&list, |g| g.id.to_string(), &mocks);
    assert_eq!(ids, ["1", "2", "3", "4", "5", "6"]);
}

#[test]
fn the_image_sharegroups_list_walks_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"label":"golden"}"#;
    let mocks =
        three_pages(&server, "/v4beta/images/private%2F160700/sharegroups", filter, pages_of(group_json));
    let client = client(&server);
    let list =
        client.images().sharegroups("private/160700").page_size(25).filter(Filter::eq("label", "golden"));
    assert_eq!(walk(&list, |g| g.id.to_string(), &mocks).len(), 6);
}

#[test]
fn the_group_images_list_walks_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"type":"shared"}"#;
    let mocks = three_pages(&server, "/v4beta/images/sharegroups/8306/images", filter, pages_of(share_json));
    let client = client(&server);
    let list = client.sharegroups().images(8306).list().page_size(25).filter(Filter::eq("type", "shared"));
    let ids = walk(&list, |i| i.id.clone(), &mocks);
    assert_eq!(ids, ["shared/1", "shared/2", "shared/3", "shared/4", "shared/5", "shared/6"]);
}

#[test]
fn the_members_list_walks_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"status":"active"}"#;
    let mocks =
        three_pages(&server, "/v4beta/images/sharegroups/8306/members", filter, pages_of(member_json));
    let client = client(&server);
    let list = client.sharegroups().members(8306).list().page_size(25).filter(Filter::eq("status", "active"));
    let ids = walk(&list, |m| m.token_uuid.clone(), &mocks);
    assert_eq!(ids.last().map(String::as_str), Some("00000000-0000-4000-8000-000000000006"));
}

#[test]
fn the_tokens_list_walks_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"status":"pending"}"#;
    let mocks = three_pages(&server, "/v4beta/images/sharegroups/tokens", filter, pages_of(token_json));
    let client = client(&server);
    let list = client.sharegroups().tokens().list().page_size(25).filter(Filter::eq("status", "pending"));
    let ids = walk(&list, |t| t.token_uuid.clone(), &mocks);
    assert_eq!(ids.first().map(String::as_str), Some("00000000-0000-4000-8000-000000000001"));
}

#[test]
fn the_images_through_a_token_walk_three_pages() {
    let server = MockServer::start();
    let filter = r#"{"label":{"+contains":"debian"}}"#;
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}/sharegroup/images");
    let mocks = three_pages(&server, &path, filter, pages_of(share_json));
    let client = client(&server);
    let list = client
        .sharegroups()
        .tokens()
        .images(TOKEN_UUID)
        .page_size(25)
        .filter(Filter::contains("label", "debian"));
    assert_eq!(walk(&list, |i| i.id.clone(), &mocks).len(), 6);
}

#[test]
fn a_page_asked_for_is_sent_and_iteration_starts_there() {
    let server = MockServer::start();
    let filter = r#"{"label":"golden"}"#;
    let [p1, p2, p3] = three_pages(&server, "/v4beta/images/sharegroups", filter, pages_of(group_json));
    let client = client(&server);
    let list = client.sharegroups().list().page(2).page_size(25).filter(Filter::eq("label", "golden"));
    let page = list.send().expect("page 2");
    assert_eq!((page.page, page.pages, page.total), (2, Some(3), Some(6)));
    let rest: Vec<u64> = list.iter().map(|g| g.unwrap().id).collect();
    assert_eq!(rest, [3, 4, 5, 6]);
    assert_eq!((p1.calls(), p2.calls(), p3.calls()), (0, 2, 1));
}
