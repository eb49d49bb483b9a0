//! Pages tell the truth (issue 18, item 4): DigitalOcean's page count on every page, a listing
//! answer without its items as a decoding error on all 9 list operations, and the repeated-page
//! guard on every listing of both providers.

use cloud_images::testing::{DigitalOceanStandIn, Seed};
use cloud_images::{Error, ErrorKind, RetryPolicy, digitalocean, linode};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Value, json};

use crate::{alone, logs};

const LINODE_TOKEN: &str = "linode-test-token-0123456789abcdef";
const DO_TOKEN: &str = "dop_v1_3f1c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee0ddba11c0ffee";
const GROUP: u64 = 8306;
const TOKEN_UUID: &str = "4591075e-4ba8-43c9-a521-928c3d4a135d";
const DO_IMAGE: u64 = 7555620;

fn linode_client(server: &MockServer) -> linode::Client {
    linode::Client::builder()
        .token(LINODE_TOKEN)
        .base_url(server.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn do_client(server: &MockServer) -> digitalocean::Client {
    digitalocean::Client::builder().token(DO_TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn get(when: When, path: &str) -> When {
    when.method(GET).path(path)
}

fn answer<'s>(server: &'s MockServer, path: &str, body: Value) -> Mock<'s> {
    let path = path.to_string();
    server.mock(move |when, then| {
        get(when, &path);
        then.status(200).header("content-type", "application/json").json_body(body);
    })
}

/// One list operation through the facade: `send()` (the number of items on the page) and the
/// iterator (each item's id, or its error), at most 50 items so a runaway pager ends.
struct Op<'c> {
    name: &'static str,
    path: String,
    /// The name of the item list in the answer.
    field: &'static str,
    send: Box<dyn Fn() -> Result<usize, Error> + 'c>,
    iter: Box<dyn Fn() -> Vec<Result<String, Error>> + 'c>,
}

macro_rules! op {
    ($name:literal, $path:expr, $field:literal, || $list:expr, |$i:ident| $id:expr) => {
        Op {
            name: $name,
            path: $path.to_string(),
            field: $field,
            send: Box::new(move || $list.send().map(|page| page.items.len())),
            iter: Box::new(move || $list.iter().take(50).map(|r| r.map(|$i| $id)).collect()),
        }
    };
}

/// Linode's 7 listings.
fn linode_ops(l: &linode::Client) -> Vec<Op<'_>> {
    vec![
        op!("get-images", "/v4/images", "data", || l.images().list(), |i| i.id),
        op!("get-sharegroups", "/v4beta/images/sharegroups", "data", || l.sharegroups().list(), |g| g
            .id
            .to_string()),
        op!(
            "get-sharegroup-images",
            format!("/v4beta/images/sharegroups/{GROUP}/images"),
            "data",
            || l.sharegroups().images(GROUP).list(),
            |i| i.id
        ),
        op!(
            "get-sharegroup-members",
            format!("/v4beta/images/sharegroups/{GROUP}/members"),
            "data",
            || l.sharegroups().members(GROUP).list(),
            |m| m.token_uuid
        ),
        op!(
            "get-user-tokens",
            "/v4beta/images/sharegroups/tokens",
            "data",
            || l.sharegroups().tokens().list(),
            |t| t.token_uuid
        ),
        op!(
            "get-sharegroup-images-by-token",
            format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}/sharegroup/images"),
            "data",
            || l.sharegroups().tokens().images(TOKEN_UUID),
            |i| i.id
        ),
        op!(
            "get-images-sharegroups-image",
            "/v4beta/images/private%2F12345/sharegroups",
            "data",
            || l.images().sharegroups("private/12345"),
            |g| g.id.to_string()
        ),
    ]
}

/// DigitalOcean's 2 listings, 2 items a page.
fn do_ops(d: &digitalocean::Client) -> Vec<Op<'_>> {
    vec![
        op!("images_list", "/v2/images", "images", || d.images().list().per_page(2), |i| i.id.to_string()),
        op!(
            "imageActions_list",
            format!("/v2/images/{DO_IMAGE}/actions"),
            "actions",
            || d.images().actions(DO_IMAGE).list().per_page(2),
            |a| a.id.to_string()
        ),
    ]
}

// ------------------------------------------------------------------ item 2: the items field

/// What a listing's `send()` or first iterator item came to, for messages: the error's kind,
/// status, item index and text, or the number of items.
fn outcome(result: Result<usize, &Error>) -> String {
    match result {
        Ok(n) => format!("Ok: {n} items"),
        Err(e) => format!("{:?} {:?} item {:?}: {e}", e.kind(), e.status(), e.item_index()),
    }
}

#[test]
fn a_listing_answer_without_its_items_is_a_decode_error_naming_the_field_on_all_9_operations() {
    let server = MockServer::start();
    let (l, d) = (linode_client(&server), do_client(&server));
    let ops: Vec<Op<'_>> = linode_ops(&l).into_iter().chain(do_ops(&d)).collect();
    assert_eq!(ops.len(), 9);
    let mocks: Vec<Mock<'_>> = ops.iter().map(|op| answer(&server, &op.path, json!({}))).collect();
    let mut wrong = Vec::new();
    for op in &ops {
        let missing = format!("missing field `{}`", op.field);
        let is_the_error = |e: &Error| {
            e.kind() == ErrorKind::Decode
                && e.status() == Some(200)
                && e.item_index().is_none()
                && e.to_string().contains(op.name)
                && e.to_string().contains(&missing)
        };
        let sent = (op.send)();
        if !sent.as_ref().is_err_and(is_the_error) {
            wrong.push(format!("{} send(): {}", op.name, outcome(sent.as_ref().map(|n| *n))));
        }
        // The iterator: the error, then the end.
        let items = (op.iter)();
        match items.as_slice() {
            [Err(e)] if is_the_error(e) => {}
            [] => wrong.push(format!("{} iter(): no item, no error", op.name)),
            [first, ..] => wrong.push(format!(
                "{} iter(): {} items, the first: {}",
                op.name,
                items.len(),
                outcome(first.as_ref().map(|_| 1))
            )),
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of 18 calls did not fail as they should:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    for (op, mock) in ops.iter().zip(&mocks) {
        assert_eq!(mock.calls(), 2, "{}: one request from send, one from the iterator", op.name);
    }
}

#[test]
fn an_empty_or_null_item_list_is_an_empty_page_on_all_9_operations() {
    for items in [json!([]), Value::Null] {
        let server = MockServer::start();
        let (l, d) = (linode_client(&server), do_client(&server));
        let ops: Vec<Op<'_>> = linode_ops(&l).into_iter().chain(do_ops(&d)).collect();
        let mocks: Vec<Mock<'_>> = ops
            .iter()
            .map(|op| {
                // As the servers answer an empty listing.
                let body = match op.field {
                    "data" => json!({"data": items, "page": 1, "pages": 1, "results": 0}),
                    field => json!({field: items, "links": {}, "meta": {"total": 0}}),
                };
                answer(&server, &op.path, body)
            })
            .collect();
        for op in &ops {
            assert_eq!((op.send)().unwrap_or_else(|e| panic!("{} {items}: {e}", op.name)), 0);
            assert!((op.iter)().is_empty(), "{} {items}", op.name);
        }
        for (op, mock) in ops.iter().zip(&mocks) {
            assert_eq!(mock.calls(), 2, "{} {items}", op.name);
        }
    }
}

// ------------------------------------------------------------- item 1: DigitalOcean's pages

/// 33 images at `per_page(10)`, on the stand-in (which answers as DigitalOcean does: `last`
/// and `next` links before the last page, only `first` and `prev` on it and past it,
/// `meta.total` on every page).
#[test]
fn digitalocean_pages_are_right_on_the_first_a_middle_the_last_and_a_page_past_the_end() {
    let stand_in = DigitalOceanStandIn::builder().seed(Seed::Empty).start().unwrap();
    let client = stand_in.client().unwrap();
    for n in 0..33 {
        let url = format!("https://example.com/images/{n}.qcow2");
        client.images().import(digitalocean::CustomImage::new(format!("image-{n}"), url, "nyc3")).unwrap();
    }
    stand_in.take_requests();

    // (page, items on it, pages, total), for page 1, a middle page, the last page and page 9.
    let got: Vec<(u64, usize, Option<u64>, Option<u64>)> = [1, 2, 4, 9]
        .into_iter()
        .map(|page| {
            let got = client.images().list().per_page(10).page(page).send().unwrap();
            (got.page, got.items.len(), got.pages, got.total)
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, 10, Some(4), Some(33)),
            (2, 10, Some(4), Some(33)),
            (4, 3, Some(4), Some(33)),
            (9, 0, Some(4), Some(33))
        ]
    );
    let sent: Vec<(Option<String>, Option<String>)> = stand_in
        .take_requests()
        .iter()
        .map(|r| (r.query_param("per_page").map(str::to_string), r.query_param("page").map(str::to_string)))
        .collect();
    let asked = |page: &str| (Some("10".to_string()), Some(page.to_string()));
    assert_eq!(sent, [asked("1"), asked("2"), asked("4"), asked("9")]);

    // The iterator still stops after the last page: 33 images, 4 requests.
    let all = client.images().list().per_page(10).iter().take(100).collect::<Result<Vec<_>, _>>().unwrap();
    assert_eq!(all.len(), 33);
    assert_eq!(stand_in.take_requests().len(), 4);
}

/// Page `page` of DigitalOcean actions, `per_page` 2 of `total`, shaped as the API sends it.
fn actions_page(page: u64, total: u64) -> Value {
    let last = total.div_ceil(2);
    let link =
        |n: u64| format!("https://api.digitalocean.com/v2/images/{DO_IMAGE}/actions?page={n}&per_page=2");
    let template = fixture("digitalocean_facade/actions_page1.json")["actions"][0].clone();
    let actions: Vec<Value> = (page * 2 - 1..=(page * 2).min(total))
        .map(|n| {
            let mut action = template.clone();
            action["id"] = json!(36805500 + n);
            action
        })
        .collect();
    let mut pages = serde_json::Map::new();
    if page > 1 {
        pages.insert("first".into(), json!(link(1)));
        pages.insert("prev".into(), json!(link((page - 1).min(last))));
    }
    if page < last {
        pages.insert("next".into(), json!(link(page + 1)));
        pages.insert("last".into(), json!(link(last)));
    }
    json!({"actions": actions, "links": {"pages": pages}, "meta": {"total": total}})
}

#[test]
fn digitalocean_action_pages_come_from_meta_total_and_the_per_page_asked_for() {
    let server = MockServer::start();
    let path = format!("/v2/images/{DO_IMAGE}/actions");
    let mocks: Vec<Mock<'_>> = (1..=4)
        .map(|page| {
            let path = path.clone();
            server.mock(move |when, then| {
                get(when, &path).query_param("per_page", "2").query_param("page", page.to_string());
                then.status(200).header("content-type", "application/json").json_body(actions_page(page, 5));
            })
        })
        .collect();
    let client = do_client(&server);
    // 5 actions at 2 a page: 3 pages, on the last page (1 action, no `last` link) and past it.
    let got: Vec<(usize, Option<u64>, Option<u64>)> = [1, 3, 4]
        .into_iter()
        .map(|page| {
            let got = client.images().actions(DO_IMAGE).list().per_page(2).page(page).send().unwrap();
            (got.items.len(), got.pages, got.total)
        })
        .collect();
    assert_eq!(got, [(2, Some(3), Some(5)), (1, Some(3), Some(5)), (0, Some(3), Some(5))]);
    let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
    assert_eq!(calls, [1, 0, 1, 1]);
}

#[test]
fn without_meta_or_links_digitalocean_pages_say_only_what_the_answer_shows() {
    let server = MockServer::start();
    let images = fixture("digitalocean_facade/images_page1.json")["images"].clone();
    let first = server.mock(|when, then| {
        get(when, "/v2/images").query_param("page", "1");
        then.status(200).header("content-type", "application/json").json_body(json!({"images": images}));
    });
    let past = server.mock(|when, then| {
        get(when, "/v2/images").query_param("page", "2");
        then.status(200).header("content-type", "application/json").json_body(json!({"images": []}));
    });
    let client = do_client(&server);
    // Page 1 without a next link: the only page.
    let one = client.images().list().per_page(2).page(1).send().unwrap();
    assert_eq!((one.items.len(), one.pages, one.total), (2, Some(1), None));
    // An empty page 2 without counters: the count is not known.
    let two = client.images().list().per_page(2).page(2).send().unwrap();
    assert_eq!((two.items.len(), two.pages, two.total), (0, None, None));
    first.assert_calls(1);
    past.assert_calls(1);
}

// ---------------------------------------------------------- item 3: the repeated-page guard

/// A DigitalOcean listing body under `field`: `items`, with the links and `meta.total` of page
/// `page` of 4 (as a server that builds its links from the request but ignores `page` for the
/// items sends them).
fn do_page(path: &str, field: &str, items: &Value, page: u64) -> Value {
    let link = |n: u64| format!("https://api.digitalocean.com{path}?page={n}&per_page=2");
    let mut pages = serde_json::Map::new();
    if page > 1 {
        pages.insert("first".into(), json!(link(1)));
        pages.insert("prev".into(), json!(link(page - 1)));
    }
    if page < 4 {
        pages.insert("next".into(), json!(link(page + 1)));
        pages.insert("last".into(), json!(link(4)));
    }
    json!({field: items, "links": {"pages": pages}, "meta": {"total": 8}})
}

#[test]
fn a_digitalocean_server_that_answers_page_1_for_every_page_number_is_read_once() {
    if !alone::in_own_process() {
        return;
    }
    let logs = logs::capture();
    let server = MockServer::start();
    let d = do_client(&server);
    // Per listing: the ids yielded, the requests for pages 1 to 4, whether the guard said so.
    let (mut got, mut want) = (Vec::new(), Vec::new());
    for op in do_ops(&d) {
        let first = match op.field {
            "images" => fixture("digitalocean_facade/images_page1.json")["images"].clone(),
            _ => {
                let action = fixture("digitalocean_facade/actions_page1.json")["actions"][0].clone();
                let mut other = action.clone();
                other["id"] = json!(36804745);
                json!([action, other])
            }
        };
        let ids: Vec<String> =
            first.as_array().unwrap().iter().map(|i| i["id"].as_u64().unwrap().to_string()).collect();
        // Page 1 is asked without `page` (the request as the caller made it); pages 2 to 4 with.
        let mocks: Vec<Mock<'_>> = (1..=4)
            .map(|page| {
                let path = op.path.clone();
                let body = do_page(&path, op.field, &first, page);
                server.mock(move |when, then| {
                    let when = get(when, &path);
                    if page == 1 {
                        when.query_param_missing("page")
                    } else {
                        when.query_param("page", page.to_string())
                    };
                    then.status(200).header("content-type", "application/json").json_body(body);
                })
            })
            .collect();

        let yielded: Vec<String> = (op.iter)().into_iter().map(|r| r.unwrap()).collect();
        let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
        let said = format!(
            "digitalocean {}: page 2 starts with the same item ({}) as the page before",
            op.name, ids[0]
        );
        let logged =
            logs.0.lock().unwrap().iter().any(|l| l.starts_with("cloud_images ") && l.contains(&said));
        got.push((op.name, yielded, calls, logged));
        // Each item once; page 2 is read, seen to repeat page 1, and dropped; nothing after.
        want.push((op.name, ids, vec![1, 1, 0, 0], true));
    }
    assert_eq!(got, want);
}

#[test]
fn a_digitalocean_server_that_sends_the_same_answer_for_every_page_is_read_once() {
    let server = MockServer::start();
    let body = fixture("digitalocean_facade/images_page1.json");
    let same = answer(&server, "/v2/images", body);
    let client = do_client(&server);
    let got: Vec<u64> = client.images().list().per_page(2).iter().take(50).map(|r| r.unwrap().id).collect();
    assert_eq!(got, [160377834, 161471290]);
    same.assert_calls(2);
}

/// Linode's 7 listings keep their guard: each answer numbered right (`page` N of 3), the items
/// of page 1 every time.
#[test]
fn every_linode_listing_stops_when_a_page_repeats_the_items_of_the_page_before() {
    let server = MockServer::start();
    let l = linode_client(&server);
    let fixtures = [
        "linode/images_page.json",
        "linode_sharegroups/sharegroups_page.json",
        "linode_sharegroups/image_shares_page.json",
        "linode_sharegroups/memberships_page.json",
        "linode_sharegroups/tokens_page.json",
        "linode_sharegroups/image_shares_page.json",
        "linode_sharegroups/sharegroups_page.json",
    ];
    let ops = linode_ops(&l);
    assert_eq!(ops.len(), fixtures.len());
    for (op, name) in ops.iter().zip(fixtures) {
        let mut body = fixture(name);
        let items = body["data"].as_array().unwrap().len();
        body["pages"] = json!(3);
        body["results"] = json!(3 * items);
        let mocks: Vec<Mock<'_>> = (1..=3)
            .map(|page| {
                let path = op.path.clone();
                let mut body = body.clone();
                body["page"] = json!(page);
                server.mock(move |when, then| {
                    // The first page is the request `send()` sends: no page number.
                    match page {
                        1 => get(when, &path).query_param_missing("page"),
                        page => get(when, &path).query_param("page", page.to_string()),
                    };
                    then.status(200).header("content-type", "application/json").json_body(body);
                })
            })
            .collect();
        let got = (op.iter)();
        assert_eq!(got.len(), items, "{}: each item once: {got:?}", op.name);
        assert!(got.iter().all(Result::is_ok), "{}: {got:?}", op.name);
        let calls: Vec<usize> = mocks.iter().map(Mock::calls).collect();
        assert_eq!(calls, [1, 1, 0], "{}", op.name);
    }
}
