//! `x-paging` (issue 19, item 1): what the specs say about each listing, read by
//! `build/paging.rs` (included here as it is), from which `build.rs` generates every listing's
//! `Paged` and `Listing` impls. The real specs describe their 9 listings; a malformed `x-paging`
//! is refused naming the spec file and the JSON path of the part to fix.

use crate::paging::{self, Paging, Role};
use serde_json::{Value, json};

const FILE: &str = "openapi/test.json";

fn spec(file: &str) -> Value {
    let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON")
}

fn position(entries: &[(Role, &str)]) -> Vec<(Role, Vec<String>)> {
    let mut out: Vec<_> =
        entries.iter().map(|(role, path)| (*role, path.split('.').map(str::to_string).collect())).collect();
    out.sort();
    out
}

#[test]
fn the_real_specs_describe_their_nine_listings() {
    let linode = paging::read("openapi/linode.json", &spec("openapi/linode.json")).expect("no problems");
    let counters = position(&[(Role::Page, "page"), (Role::Pages, "pages"), (Role::Total, "results")]);
    let listing = |operation: &str, envelope: &str, item: &str, id: &str| Paging {
        operation: operation.into(),
        envelope: envelope.into(),
        item: item.into(),
        items: "data".into(),
        page: "page".into(),
        page_size: "page_size".into(),
        sizes: (25, 500),
        filter: Some("X-Filter".into()),
        id: id.into(),
        position: counters.clone(),
    };
    let mut expected = vec![
        listing("get-images", "ImagePage", "Image", "id"),
        listing("get-sharegroups", "ShareGroupPage", "ShareGroup", "id"),
        listing("get-user-tokens", "TokenPage", "Token", "token_uuid"),
        listing("get-sharegroup-images-by-token", "ImageSharePage", "Image", "id"),
        listing("get-sharegroup-images", "ImageSharePage", "Image", "id"),
        listing("get-sharegroup-members", "MembershipPage", "Membership", "token_uuid"),
        listing("get-images-sharegroups-image", "ShareGroupPage", "ShareGroup", "id"),
    ];
    let by_name = |p: &Paging| p.operation.clone();
    let mut got = linode.clone();
    got.sort_by_key(by_name);
    expected.sort_by_key(by_name);
    assert_eq!(got, expected);

    let digitalocean =
        paging::read("openapi/digitalocean.json", &spec("openapi/digitalocean.json")).expect("ok");
    let links = position(&[
        (Role::Next, "links.pages.next"),
        (Role::Last, "links.pages.last"),
        (Role::Total, "meta.total"),
    ]);
    let listing = |operation: &str, envelope: &str, item: &str, items: &str| Paging {
        operation: operation.into(),
        envelope: envelope.into(),
        item: item.into(),
        items: items.into(),
        page: "page".into(),
        page_size: "per_page".into(),
        sizes: (1, 200),
        filter: None,
        id: "id".into(),
        position: links.clone(),
    };
    assert_eq!(
        digitalocean,
        [
            listing("images_list", "ImageList", "Image", "images"),
            listing("imageActions_list", "ActionList", "Action", "actions"),
        ]
    );
}

/// A listing the reader accepts: `GET /things`, its envelope `{things, page, pages, links}`.
fn valid() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "test", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "list-things",
                    "parameters": [
                        {"$ref": "#/components/parameters/page"},
                        {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 2, "maximum": 50}},
                        {"name": "X-Where", "in": "header", "schema": {"type": "string"}}
                    ],
                    "x-paging": {
                        "items": "things",
                        "page": "page",
                        "page_size": "size",
                        "filter": "X-Where",
                        "id": "name",
                        "position": {"page": "page", "pages": "pages", "next": "links.next"}
                    },
                    "responses": {"200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}
                    }}
                },
                "post": {
                    "operationId": "create-thing",
                    "responses": {"204": {"description": "made"}}
                }
            }
        },
        "components": {
            "parameters": {
                "page": {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}
            },
            "schemas": {
                "ThingPage": {
                    "type": "object",
                    "required": ["things"],
                    "x-client-required": ["things"],
                    "properties": {
                        "things": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                        "page": {"type": "integer", "minimum": 0},
                        "pages": {"type": "integer", "minimum": 0},
                        "links": {"$ref": "#/components/schemas/Links"}
                    }
                },
                "Links": {"type": "object", "properties": {"next": {"type": "string"}}},
                "Thing": {
                    "type": "object",
                    "required": ["name"],
                    "x-client-required": ["name"],
                    "properties": {"name": {"type": "string"}, "size": {"type": "integer"}}
                }
            }
        }
    })
}

/// `valid()` with the value at `pointer` (RFC 6901) replaced, or removed when `value` is `None`.
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut doc = valid();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let key = key.replace("~1", "/").replace("~0", "~");
    let Some(Value::Object(map)) = doc.pointer_mut(parent) else { panic!("no object at {parent}") };
    match value {
        Some(value) => map.insert(key, value),
        None => map.remove(&key),
    };
    doc
}

const AT: &str = "openapi/test.json: #/paths/~1things/get/x-paging";

fn problems(doc: &Value) -> Vec<String> {
    paging::read(FILE, doc).err().unwrap_or_default()
}

#[test]
fn a_valid_listing_is_read_whole() {
    let got = paging::read(FILE, &valid()).expect("no problems");
    assert_eq!(
        got,
        [Paging {
            operation: "list-things".into(),
            envelope: "ThingPage".into(),
            item: "Thing".into(),
            items: "things".into(),
            page: "page".into(),
            page_size: "size".into(),
            sizes: (2, 50),
            filter: Some("X-Where".into()),
            id: "name".into(),
            position: position(&[(Role::Page, "page"), (Role::Pages, "pages"), (Role::Next, "links.next")]),
        }]
    );
    // No filter is fine: not every API has one.
    let doc = with("/paths/~1things/get/x-paging/filter", None);
    assert_eq!(paging::read(FILE, &doc).expect("ok")[0].filter, None);
}

#[test]
fn a_malformed_x_paging_is_refused_naming_the_file_and_the_json_path() {
    let x = "/paths/~1things/get/x-paging";
    let cases: Vec<(Value, String)> = vec![
        (with(x, Some(json!("data"))), format!("{AT}: must be an object")),
        (
            with(&format!("{x}/pages"), Some(json!("p"))),
            format!("{AT}/pages: unknown key (x-paging has items, page, page_size, filter, id, position)"),
        ),
        (with(&format!("{x}/items"), None), format!("{AT}: `items` is missing")),
        (
            with(&format!("{x}/items"), Some(json!(""))),
            format!("{AT}/items: must be a name (a non-empty string)"),
        ),
        (
            with(&format!("{x}/items"), Some(json!("stuff"))),
            format!("{AT}/items: ThingPage has no property `stuff`"),
        ),
        (
            with(&format!("{x}/items"), Some(json!("page"))),
            format!("{AT}/items: `page` of ThingPage must be an array of $ref items"),
        ),
        (
            with("/components/schemas/ThingPage/x-client-required", Some(json!([]))),
            format!(
                "{AT}/items: `things` must be in the x-client-required of ThingPage: an answer without it is an error, not an empty page"
            ),
        ),
        (
            with(&format!("{x}/page"), Some(json!("p"))),
            format!("{AT}/page: `p` names no integer query parameter of the operation"),
        ),
        (
            with("/components/parameters/page/schema/minimum", Some(json!(0))),
            format!("{AT}/page: `page` must have `minimum: 1`: pages are numbered from 1"),
        ),
        (
            with("/paths/~1things/get/x-paging/page_size", Some(json!("X-Where"))),
            format!("{AT}/page_size: `X-Where` names no integer query parameter of the operation"),
        ),
        (
            with("/paths/~1things/get/parameters/1/schema/maximum", None),
            format!(
                "{AT}/page_size: `size` needs a `minimum` (at least 1) and a `maximum`: the page sizes the API accepts"
            ),
        ),
        (
            with(&format!("{x}/filter"), Some(json!("size"))),
            format!("{AT}/filter: `size` names no string header parameter of the operation"),
        ),
        (
            with(&format!("{x}/id"), Some(json!("colour"))),
            format!("{AT}/id: `colour` is not a string or integer property of Thing"),
        ),
        (
            with(&format!("{x}/id"), Some(json!("size"))),
            format!(
                "{AT}/id: `size` must be in the x-client-required of Thing: the repeated-page guard needs a field every item has"
            ),
        ),
        (with(&format!("{x}/position"), None), format!("{AT}: `position` is missing")),
        (
            with(&format!("{x}/position"), Some(json!(["page"]))),
            format!("{AT}/position: must be an object of dotted paths into the envelope"),
        ),
        (
            with(&format!("{x}/position/first"), Some(json!("links.first"))),
            format!("{AT}/position/first: unknown entry (position has page, pages, total, next, last)"),
        ),
        (
            with(&format!("{x}/position/total"), Some(json!(""))),
            format!("{AT}/position/total: must be a dotted path into the envelope (`links.pages.next`)"),
        ),
        (
            with(&format!("{x}/position/total"), Some(json!("count"))),
            format!("{AT}/position/total: `count`: ThingPage has no property `count`"),
        ),
        (
            with(&format!("{x}/position/total"), Some(json!("things"))),
            format!(
                "{AT}/position/total: `things`: `things` of ThingPage is in x-client-required; the steps of a position are optional"
            ),
        ),
        (
            with(&format!("{x}/position/total"), Some(json!("links.next"))),
            format!(
                "{AT}/position/total: `links.next`: `next` of Links must be an integer with `minimum: 0`: a counter"
            ),
        ),
        (
            with(&format!("{x}/position/last"), Some(json!("pages"))),
            format!("{AT}/position/last: `pages`: `pages` of ThingPage must be a string: a last link"),
        ),
        (
            with(&format!("{x}/position/next"), Some(json!("page.next"))),
            format!(
                "{AT}/position/next: `page.next`: `page` of ThingPage must be a $ref to an object schema"
            ),
        ),
        (
            with("/paths/~1things/post/x-paging", Some(json!({}))),
            "openapi/test.json: #/paths/~1things/post/x-paging: only a GET operation is a listing"
                .to_string(),
        ),
    ];
    for (doc, expected) in cases {
        assert_eq!(problems(&doc), std::slice::from_ref(&expected), "expected: {expected}");
    }
}

#[test]
fn operations_that_share_an_envelope_read_it_alike() {
    let mut doc = valid();
    let mut other = doc["paths"]["/things"]["get"].clone();
    other["operationId"] = json!("list-things-again");
    doc["paths"]["/things-again"] = json!({"get": other.clone()});
    assert_eq!(paging::read(FILE, &doc).expect("the same reading is fine").len(), 2);

    other["x-paging"]["position"] = json!({"page": "page"});
    doc["paths"]["/things-again"] = json!({"get": other});
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1things-again/get/x-paging: x-paging reads the envelope ThingPage unlike list-things does (its items and position must be the same)"
        ]
    );
}
