//! The 22 Linode share-group operations, each called through its generated request type
//! against a local mock server: the exact request (method, raw path with `%2F` in image ids,
//! the `/v4beta/` prefix, query, headers, exact JSON body) and every field of the decoded,
//! live-shaped response (its nulls included).

use cloud_images::linode::types::{
    ApiVersion, EmptyObject, Image, ImageRegion, ImageRegionStatus, ImageShareInput, ImageSharePage,
    ImageShareUpdate, ImageSharedBy, ImageSharing, ImageStatus, ImageType, MemberAdd, MemberShareGroup,
    MemberUpdate, Membership, MembershipPage, MembershipStatus, ShareGroup, ShareGroupCreate,
    ShareGroupImagesAdd, ShareGroupPage, ShareGroupUpdate, Token, TokenCreate, TokenCreated, TokenPage,
    TokenStatus, TokenUpdate,
};
use cloud_images::linode::{Client, MembershipToken, ops};
use cloud_images::{Method, Operation};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Map, Value, json};

use crate::models;
use models::model;

const TOKEN: &str = "linode-sharegroup-token-0123456789abcdef";
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

/// A client on the default API version, `v4`: the share-group operations are sent with
/// `execute_on(&ApiVersion::V4beta, ..)`, as the facade sends them.
fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).build().expect("client builds")
}

/// What one request must be, exactly.
struct Expect<'a> {
    method: httpmock::Method,
    path: &'a str,
    /// The raw query string, or none at all.
    query: Option<&'a str>,
    x_filter: Option<&'a str>,
    /// The exact JSON body, or no body (and no `content-type`).
    body: Option<Value>,
    reply: &'a str,
}

impl<'a> Expect<'a> {
    fn new(method: httpmock::Method, path: &'a str, reply: &'a str) -> Self {
        Expect { method, path, query: None, x_filter: None, body: None, reply }
    }
}

fn expect<'s>(server: &'s MockServer, e: Expect<'_>) -> Mock<'s> {
    let query = e.query.map(String::from);
    let x_filter = e.x_filter.map(String::from);
    let body = e.body.clone();
    server.mock(|when, then| {
        let when: When = when
            .method(e.method)
            .path(e.path)
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("user-agent", USER_AGENT)
            .header("accept", "application/json")
            .is_true(move |req| req.uri().query() == query.as_deref());
        let when = match x_filter {
            Some(f) => when.header("x-filter", f),
            None => when.header_missing("x-filter"),
        };
        match body {
            Some(body) => when.header("content-type", "application/json").json_body(body),
            None => when.header_missing("content-type").is_true(|req| req.body_ref().is_empty()),
        };
        then.status(200).header("content-type", "application/json").body(e.reply);
    })
}

fn beta() -> ApiVersion {
    ApiVersion::V4beta
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

// ----------------------------------------------------------------------- expected models

/// `sharegroup.json`: a fresh group, as the live API answers a create.
fn group() -> ShareGroup {
    model!(ShareGroup {
        id: 8306,
        uuid: some(GROUP_UUID),
        label: some("platform-golden-images"),
        description: some(""),
        is_suspended: Some(false),
        images_count: Some(1),
        members_count: Some(0),
        created: some("2025-09-02T14:21:07"),
        updated: None,
        expiry: None,
        extra: Map::new(),
    })
}

/// `sharegroup_updated.json`: the same group after an update.
fn group_updated() -> ShareGroup {
    model!(ShareGroup {
        label: some("platform-golden-images-v2"),
        description: some("CIS level 1 base images, built nightly by CI"),
        images_count: Some(2),
        members_count: Some(1),
        updated: some("2025-09-03T08:02:55"),
        ..group()
    })
}

fn groups_page() -> ShareGroupPage {
    model!(ShareGroupPage {
        data: vec![group(), group_updated()],
        page: Some(1),
        pages: Some(1),
        results: Some(2),
        extra: Map::new(),
    })
}

/// `image_share.json`: a share, an image of its own with `type: shared` and `is_shared: null`.
fn share() -> Image {
    model!(Image {
        id: "shared/5854".into(),
        label: some("debian12-cis"),
        description: some("Debian 12, CIS level 1"),
        created: some("2025-09-02T14:23:40"),
        updated: None,
        created_by: None,
        deprecated: Some(false),
        is_public: Some(false),
        size: Some(2712),
        total_size: Some(2_843_738_112),
        status: Some(ImageStatus::Available),
        type_: Some(ImageType::Shared),
        vendor: None,
        eol: None,
        expiry: None,
        capabilities: strings(&["cloud-init", "distributed-sites"]),
        tags: vec![],
        regions: vec![model!(ImageRegion {
            region: some("us-ord"),
            status: Some(ImageRegionStatus::Available),
            extra: Map::new(),
        })],
        is_shared: None,
        image_sharing: Some(Box::new(model!(ImageSharing {
            shared_with: None,
            shared_by: Some(Box::new(model!(ImageSharedBy {
                sharegroup_id: Some(8306),
                sharegroup_uuid: some(GROUP_UUID),
                sharegroup_label: some("platform-golden-images"),
                source_image_id: some("private/160700"),
                source_image_label: None,
                extra: Map::new(),
            }))),
            extra: Map::new(),
        }))),
        extra: Map::new(),
    })
}

fn shares_page() -> ImageSharePage {
    model!(ImageSharePage {
        data: vec![share()],
        page: Some(1),
        pages: Some(1),
        results: Some(1),
        extra: Map::new()
    })
}

fn membership() -> Membership {
    model!(Membership {
        token_uuid: TOKEN_UUID.into(),
        status: Some(MembershipStatus::Active),
        label: some("team-b-build-account"),
        created: some("2025-09-03T10:07:59"),
        updated: None,
        expiry: None,
        extra: Map::new(),
    })
}

fn memberships_page() -> MembershipPage {
    let revoked = model!(Membership {
        token_uuid: "7c1f4d2e-0a9b-4c3d-8e5f-6a7b8c9d0e1f".into(),
        status: Some(MembershipStatus::Revoked),
        label: some("contractor-2024"),
        created: some("2025-09-03T10:12:31"),
        updated: some("2025-09-04T16:40:02"),
        expiry: some("2025-09-18T16:40:02"),
        extra: Map::new(),
    });
    model!(MembershipPage {
        data: vec![membership(), revoked],
        page: Some(1),
        pages: Some(1),
        results: Some(2),
        extra: Map::new(),
    })
}

fn token() -> Token {
    model!(Token {
        token_uuid: TOKEN_UUID.into(),
        status: Some(TokenStatus::Active),
        label: some("golden images from platform"),
        valid_for_sharegroup_uuid: some(GROUP_UUID),
        sharegroup_uuid: some(GROUP_UUID),
        sharegroup_label: some("platform-golden-images-v2"),
        created: some("2025-09-03T10:05:12"),
        updated: some("2025-09-03T10:07:59"),
        expiry: None,
        extra: Map::new(),
    })
}

fn tokens_page() -> TokenPage {
    let pending = model!(Token {
        token_uuid: "18db04bf-fd0f-4bf6-944a-1fc2ae044dc6".into(),
        status: Some(TokenStatus::Pending),
        label: None,
        valid_for_sharegroup_uuid: some("e1d0e58b-f89f-4237-84ab-b82077342359"),
        sharegroup_uuid: None,
        sharegroup_label: None,
        created: some("2025-09-04T09:00:00"),
        updated: None,
        expiry: None,
        extra: Map::new(),
    });
    model!(TokenPage {
        data: vec![token(), pending],
        page: Some(1),
        pages: Some(1),
        results: Some(2),
        extra: Map::new(),
    })
}

fn member_group() -> MemberShareGroup {
    model!(MemberShareGroup {
        id: 8306,
        uuid: some(GROUP_UUID),
        label: some("platform-golden-images-v2"),
        description: some("CIS level 1 base images, built nightly by CI"),
        is_suspended: Some(false),
        created: some("2025-09-02T14:21:07"),
        updated: some("2025-09-03T08:02:55"),
        extra: Map::new(),
    })
}

fn input(id: &str, label: Option<&str>, description: Option<&str>) -> ImageShareInput {
    let mut input = ImageShareInput::new(id);
    if let Some(label) = label {
        input = input.label(label);
    }
    if let Some(description) = description {
        input = input.description(description);
    }
    input
}

// ------------------------------------------------------------------------ share groups

#[test]
fn get_sharegroups_sends_paging_and_filter_to_v4beta_and_decodes_the_page() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            query: Some("page=2&page_size=25"),
            x_filter: Some(r#"{"label":"platform-golden-images"}"#),
            ..Expect::new(GET, "/v4beta/images/sharegroups", SHAREGROUPS_PAGE)
        },
    );
    let op =
        ops::GetSharegroups::new().page(2).page_size(25).x_filter(r#"{"label":"platform-golden-images"}"#);
    let page = client(&server).execute_on(&beta(), &op).expect("get-sharegroups");
    mock.assert_calls(1);
    assert_eq!(page, groups_page());
}

#[test]
fn get_sharegroups_without_options_sends_no_query() {
    let server = MockServer::start();
    let mock = expect(&server, Expect::new(GET, "/v4beta/images/sharegroups", SHAREGROUPS_PAGE));
    let page = client(&server).execute_on(&beta(), &ops::GetSharegroups::new()).expect("get-sharegroups");
    mock.assert_calls(1);
    assert_eq!(page.data.len(), 2);
}

#[test]
fn post_sharegroups_sends_label_description_and_images() {
    let server = MockServer::start();
    let body = json!({
        "label": "platform-golden-images",
        "description": "CIS level 1 base images",
        "images": [
            {"id": "private/160700", "label": "debian12-cis", "description": "Debian 12, CIS level 1"},
            {"id": "private/160701"}
        ]
    });
    let mock = expect(
        &server,
        Expect { body: Some(body), ..Expect::new(POST, "/v4beta/images/sharegroups", SHAREGROUP) },
    );
    let op = ops::PostSharegroups::new(
        ShareGroupCreate::new("platform-golden-images").description("CIS level 1 base images").images(vec![
            input("private/160700", Some("debian12-cis"), Some("Debian 12, CIS level 1")),
            input("private/160701", None, None),
        ]),
    );
    let created = client(&server).execute_on(&beta(), &op).expect("post-sharegroups");
    mock.assert_calls(1);
    assert_eq!(created, group());
}

#[test]
fn post_sharegroups_with_only_a_label_sends_only_the_label() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            body: Some(json!({"label": "platform-golden-images"})),
            ..Expect::new(POST, "/v4beta/images/sharegroups", SHAREGROUP)
        },
    );
    let op = ops::PostSharegroups::new(
        ShareGroupCreate::new("platform-golden-images").images(Vec::<ImageShareInput>::new()),
    );
    assert_eq!(client(&server).execute_on(&beta(), &op).expect("post-sharegroups"), group());
    mock.assert_calls(1);
}

#[test]
fn get_sharegroup_sends_the_numeric_id() {
    let server = MockServer::start();
    let mock = expect(&server, Expect::new(GET, "/v4beta/images/sharegroups/8306", SHAREGROUP_UPDATED));
    let got = client(&server).execute_on(&beta(), &ops::GetSharegroup::new(8306)).expect("get-sharegroup");
    mock.assert_calls(1);
    assert_eq!(got, group_updated());
}

#[test]
fn put_sharegroup_sends_the_changes() {
    let server = MockServer::start();
    let body = json!({"label": "platform-golden-images-v2", "description": "CIS level 1 base images, built nightly by CI"});
    let mock = expect(
        &server,
        Expect {
            body: Some(body),
            ..Expect::new(PUT, "/v4beta/images/sharegroups/8306", SHAREGROUP_UPDATED)
        },
    );
    let op = ops::PutSharegroup::new(
        8306,
        ShareGroupUpdate::new()
            .label("platform-golden-images-v2")
            .description("CIS level 1 base images, built nightly by CI"),
    );
    let got = client(&server).execute_on(&beta(), &op).expect("put-sharegroup");
    mock.assert_calls(1);
    assert_eq!(got, group_updated());
}

#[test]
fn delete_sharegroup_sends_no_body_and_decodes_an_empty_object() {
    let server = MockServer::start();
    let mock = expect(&server, Expect::new(DELETE, "/v4beta/images/sharegroups/8306", "{}"));
    let got =
        client(&server).execute_on(&beta(), &ops::DeleteSharegroup::new(8306)).expect("delete-sharegroup");
    mock.assert_calls(1);
    assert_eq!(got, EmptyObject::from(Map::new()));
}

// ------------------------------------------------------------------ images of a group

#[test]
fn get_sharegroup_images_sends_paging_and_filter() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            query: Some("page=1&page_size=500"),
            x_filter: Some(r#"{"type":"shared"}"#),
            ..Expect::new(GET, "/v4beta/images/sharegroups/8306/images", IMAGE_SHARES_PAGE)
        },
    );
    let op = ops::GetSharegroupImages::new(8306).page(1).page_size(500).x_filter(r#"{"type":"shared"}"#);
    let got = client(&server).execute_on(&beta(), &op).expect("get-sharegroup-images");
    mock.assert_calls(1);
    assert_eq!(got, shares_page());
}

#[test]
fn post_sharegroup_images_sends_the_images_and_decodes_the_page_the_live_api_answers() {
    let server = MockServer::start();
    let body = json!({"images": [{"id": "private/160700", "label": "debian12-cis", "description": "Debian 12, CIS level 1"}]});
    let mock = expect(
        &server,
        Expect {
            body: Some(body),
            ..Expect::new(POST, "/v4beta/images/sharegroups/8306/images", IMAGE_SHARES_PAGE)
        },
    );
    let op = ops::PostSharegroupImages::new(
        8306,
        ShareGroupImagesAdd::new(vec![input(
            "private/160700",
            Some("debian12-cis"),
            Some("Debian 12, CIS level 1"),
        )]),
    );
    let got: ImageSharePage = client(&server).execute_on(&beta(), &op).expect("post-sharegroup-images");
    mock.assert_calls(1);
    assert_eq!(got, shares_page());
    assert_eq!(<ops::PostSharegroupImages as Operation>::METHOD, Method::Post);
    assert!(op.query().is_empty(), "a POST takes no paging: a retried page would share twice");
}

#[test]
fn put_sharegroup_imageshare_encodes_the_shared_id_as_one_segment() {
    let server = MockServer::start();
    let body = json!({"label": "debian12-cis", "description": "Debian 12, CIS level 1"});
    let mock = expect(
        &server,
        Expect {
            body: Some(body),
            ..Expect::new(PUT, "/v4beta/images/sharegroups/8306/images/shared%2F5854", IMAGE_SHARE)
        },
    );
    let op = ops::PutSharegroupImageshare::new(
        8306,
        "shared/5854",
        ImageShareUpdate::new().label("debian12-cis").description("Debian 12, CIS level 1"),
    );
    let got = client(&server).execute_on(&beta(), &op).expect("put-sharegroup-imageshare");
    mock.assert_calls(1);
    assert_eq!(got, share());
}

#[test]
fn delete_sharegroup_imageshare_encodes_the_shared_id() {
    let server = MockServer::start();
    let mock =
        expect(&server, Expect::new(DELETE, "/v4beta/images/sharegroups/8306/images/shared%2F5854", "{}"));
    let op = ops::DeleteSharegroupImageshare::new(8306, "shared/5854");
    let got = client(&server).execute_on(&beta(), &op).expect("delete-sharegroup-imageshare");
    mock.assert_calls(1);
    assert_eq!(got, EmptyObject::from(Map::new()));
}

// ----------------------------------------------------------------------------- members

#[test]
fn get_sharegroup_members_sends_paging_and_filter() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            query: Some("page=3&page_size=100"),
            x_filter: Some(r#"{"status":"active"}"#),
            ..Expect::new(GET, "/v4beta/images/sharegroups/8306/members", MEMBERSHIPS_PAGE)
        },
    );
    let op = ops::GetSharegroupMembers::new(8306).page(3).page_size(100).x_filter(r#"{"status":"active"}"#);
    let got = client(&server).execute_on(&beta(), &op).expect("get-sharegroup-members");
    mock.assert_calls(1);
    assert_eq!(got, memberships_page());
}

#[test]
fn post_sharegroup_members_sends_the_secret_token_and_the_label() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            body: Some(json!({"token": SECRET, "label": "team-b-build-account"})),
            ..Expect::new(POST, "/v4beta/images/sharegroups/8306/members", MEMBERSHIP)
        },
    );
    let op = ops::PostSharegroupMembers::new(
        8306,
        MemberAdd::new("team-b-build-account", MembershipToken::from(SECRET)),
    );
    assert!(!format!("{op:?}").contains(SECRET), "the request's Debug hides the secret");
    let got = client(&server).execute_on(&beta(), &op).expect("post-sharegroup-members");
    mock.assert_calls(1);
    assert_eq!(got, membership());
}

#[test]
fn get_sharegroup_member_token_sends_the_token_uuid() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/8306/members/{TOKEN_UUID}");
    let mock = expect(&server, Expect::new(GET, &path, MEMBERSHIP));
    let op = ops::GetSharegroupMemberToken::new(8306, TOKEN_UUID);
    let got = client(&server).execute_on(&beta(), &op).expect("get-sharegroup-member-token");
    mock.assert_calls(1);
    assert_eq!(got, membership());
}

#[test]
fn put_sharegroup_member_token_sends_the_label() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/8306/members/{TOKEN_UUID}");
    let mock = expect(
        &server,
        Expect {
            body: Some(json!({"label": "team-b-build-account"})),
            ..Expect::new(PUT, &path, MEMBERSHIP)
        },
    );
    let op = ops::PutSharegroupMemberToken::new(8306, TOKEN_UUID, MemberUpdate::new("team-b-build-account"));
    let got = client(&server).execute_on(&beta(), &op).expect("put-sharegroup-member-token");
    mock.assert_calls(1);
    assert_eq!(got, membership());
}

#[test]
fn delete_sharegroup_member_token_encodes_a_token_uuid_that_is_not_a_uuid() {
    let server = MockServer::start();
    // Peers use ids like this; whatever its shape, it is one path segment.
    let mock = expect(
        &server,
        Expect::new(DELETE, "/v4beta/images/sharegroups/8306/members/24wef-243qg%2F45wgg", "{}"),
    );
    let op = ops::DeleteSharegroupMemberToken::new(8306, "24wef-243qg/45wgg");
    let got = client(&server).execute_on(&beta(), &op).expect("delete-sharegroup-member-token");
    mock.assert_calls(1);
    assert_eq!(got, EmptyObject::from(Map::new()));
}

// ------------------------------------------------------------------------------ tokens

#[test]
fn post_sharegroup_tokens_sends_the_group_uuid_and_decodes_the_secret() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            body: Some(
                json!({"valid_for_sharegroup_uuid": GROUP_UUID, "label": "golden images from platform"}),
            ),
            ..Expect::new(POST, "/v4beta/images/sharegroups/tokens", TOKEN_CREATED)
        },
    );
    let op =
        ops::PostSharegroupTokens::new(TokenCreate::new(GROUP_UUID).label("golden images from platform"));
    let got = client(&server).execute_on(&beta(), &op).expect("post-sharegroup-tokens");
    mock.assert_calls(1);
    let expected = model!(TokenCreated {
        token: MembershipToken::from(SECRET),
        token_uuid: TOKEN_UUID.into(),
        status: Some(TokenStatus::Pending),
        label: some("golden images from platform"),
        valid_for_sharegroup_uuid: some(GROUP_UUID),
        sharegroup_uuid: None,
        sharegroup_label: None,
        created: some("2025-09-03T10:05:12"),
        updated: None,
        expiry: None,
        extra: Map::new(),
    });
    assert_eq!(got, expected);
    assert_eq!(got.token.expose(), SECRET);
    let debug = format!("{got:?}");
    assert!(!debug.contains(SECRET) && !debug.contains("c2VjcmV0"), "{debug}");
    assert!(debug.contains("** redacted **"), "{debug}");
}

#[test]
fn get_user_tokens_sends_paging_and_filter() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            query: Some("page=1&page_size=25"),
            x_filter: Some(r#"{"sharegroup_label":"platform-golden-images-v2"}"#),
            ..Expect::new(GET, "/v4beta/images/sharegroups/tokens", TOKENS_PAGE)
        },
    );
    let op = ops::GetUserTokens::new()
        .page(1)
        .page_size(25)
        .x_filter(r#"{"sharegroup_label":"platform-golden-images-v2"}"#);
    let got = client(&server).execute_on(&beta(), &op).expect("get-user-tokens");
    mock.assert_calls(1);
    assert_eq!(got, tokens_page());
}

#[test]
fn get_sharegroup_token_sends_the_token_uuid() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}");
    let mock = expect(&server, Expect::new(GET, &path, TOKEN_JSON));
    let got = client(&server).execute_on(&beta(), &ops::GetSharegroupToken::new(TOKEN_UUID)).expect("get");
    mock.assert_calls(1);
    assert_eq!(got, token());
}

#[test]
fn put_sharegroup_token_sends_the_label() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}");
    let mock = expect(
        &server,
        Expect {
            body: Some(json!({"label": "golden images from platform"})),
            ..Expect::new(PUT, &path, TOKEN_JSON)
        },
    );
    let op = ops::PutSharegroupToken::new(TOKEN_UUID, TokenUpdate::new("golden images from platform"));
    let got = client(&server).execute_on(&beta(), &op).expect("put-sharegroup-token");
    mock.assert_calls(1);
    assert_eq!(got, token());
}

#[test]
fn delete_sharegroup_token_sends_no_body() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}");
    let mock = expect(&server, Expect::new(DELETE, &path, "{}"));
    let got =
        client(&server).execute_on(&beta(), &ops::DeleteSharegroupToken::new(TOKEN_UUID)).expect("delete");
    mock.assert_calls(1);
    assert_eq!(got, EmptyObject::from(Map::new()));
}

#[test]
fn get_sharegroup_by_token_decodes_the_member_view() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}/sharegroup");
    let mock = expect(&server, Expect::new(GET, &path, MEMBER_SHAREGROUP));
    let got = client(&server).execute_on(&beta(), &ops::GetSharegroupByToken::new(TOKEN_UUID)).expect("get");
    mock.assert_calls(1);
    assert_eq!(got, member_group());
}

#[test]
fn get_sharegroup_images_by_token_sends_paging_and_filter() {
    let server = MockServer::start();
    let path = format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}/sharegroup/images");
    let mock = expect(
        &server,
        Expect {
            query: Some("page=2&page_size=500"),
            x_filter: Some(r#"{"label":{"+contains":"debian"}}"#),
            ..Expect::new(GET, &path, IMAGE_SHARES_PAGE)
        },
    );
    let op = ops::GetSharegroupImagesByToken::new(TOKEN_UUID)
        .page(2)
        .page_size(500)
        .x_filter(r#"{"label":{"+contains":"debian"}}"#);
    let got = client(&server).execute_on(&beta(), &op).expect("get-sharegroup-images-by-token");
    mock.assert_calls(1);
    assert_eq!(got, shares_page());
}

// ------------------------------------------------------------------------ from an image

#[test]
fn get_images_sharegroups_image_encodes_the_private_id() {
    let server = MockServer::start();
    let mock = expect(
        &server,
        Expect {
            query: Some("page_size=500"),
            x_filter: Some(r#"{"label":"platform-golden-images"}"#),
            ..Expect::new(GET, "/v4beta/images/private%2F160700/sharegroups", SHAREGROUPS_PAGE)
        },
    );
    let op = ops::GetImagesSharegroupsImage::new("private/160700")
        .page_size(500)
        .x_filter(r#"{"label":"platform-golden-images"}"#);
    let got = client(&server).execute_on(&beta(), &op).expect("get-images-sharegroups-image");
    mock.assert_calls(1);
    assert_eq!(got, groups_page());
}

// ---------------------------------------------------------------------------- versions

/// `execute` keeps using the client's own version; `execute_on` the one it is given.
#[test]
fn execute_uses_the_client_version_and_execute_on_the_given_one() {
    let server = MockServer::start();
    let v4 = expect(&server, Expect::new(GET, "/v4/images/sharegroups/8306", SHAREGROUP));
    let v4beta = expect(&server, Expect::new(GET, "/v4beta/images/sharegroups/8306", SHAREGROUP));
    let client = client(&server);
    client.execute(&ops::GetSharegroup::new(8306)).expect("v4");
    client.execute_on(&beta(), &ops::GetSharegroup::new(8306)).expect("v4beta");
    client.execute_on(&ApiVersion::V4, &ops::GetSharegroup::new(8306)).expect("v4 again");
    v4.assert_calls(2);
    v4beta.assert_calls(1);
}

/// The live API's nulls and missing fields decode by the decoding rule: only the ids stay
/// required.
#[test]
fn share_group_models_keep_only_their_ids_required() {
    let group: ShareGroup = serde_json::from_value(json!({"id": 1})).expect("only the id");
    assert_eq!(group.label, None);
    assert!(serde_json::from_value::<ShareGroup>(json!({"label": "x"})).is_err());
    let member: Membership =
        serde_json::from_value(json!({"token_uuid": "t", "status": "accepted"})).expect("decodes");
    assert_eq!(member.status, Some(MembershipStatus::Other("accepted".into())));
    let created = serde_json::from_value::<TokenCreated>(json!({"token_uuid": "t"}));
    assert!(created.is_err(), "an answer to a create without its secret is an error");
    let token: Token =
        serde_json::from_value(json!({"token_uuid": "t", "label": null, "status": "expired"})).unwrap();
    assert_eq!((token.label, token.status), (None, Some(TokenStatus::Expired)));
}
