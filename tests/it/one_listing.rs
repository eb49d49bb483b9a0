//! One listing (issue 19, item 1): the 9 list operations of both providers are one builder with
//! one set of rules. Where the copies differed, the same behaviour now holds for all:
//!
//! - an iterator's first request is the one `send()` sends (no page number unless one was
//!   set), on Linode too (it used to add `page=1`);
//! - a page of 0 and a page size out of range are refused the same way, before any request,
//!   naming the provider, the operation, the parameter, the range and the value (Linode used to
//!   say `page_size must be 25 to 500, not 10`, DigitalOcean `digitalocean images list: ...`);
//!
//! Written against the facade as it was before (DigitalOcean's page size set with `per_page`),
//! so that it runs on both; `tests/it/one_listing_api.rs` has what only the one `List` can do.

use cloud_images::{ErrorKind, RetryPolicy, digitalocean, linode};
use httpmock::prelude::*;
use httpmock::{Mock, When};
use serde_json::{Value, json};

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

/// One listing through the facade, with its page and page size set by the provider's own words
/// (so that this file also runs against the code before the change, where DigitalOcean had
/// only `per_page`).
struct Op<'c> {
    /// `linode get-images`: how messages name it.
    what: String,
    path: String,
    /// The page size parameter, and the sizes the API accepts.
    size_param: &'static str,
    sizes: (u64, u64),
    /// A one-page answer with one item.
    answer: Value,
    /// `send()` and the iterator (each item's id, or its error) of the listing as made.
    send: Box<dyn Fn() -> Result<usize, cloud_images::Error> + 'c>,
    iter: Box<dyn Fn() -> Vec<Result<String, cloud_images::Error>> + 'c>,
    /// `send()` and the first iterator item with `page(n)`, and with the page size `n`.
    page: Box<dyn Fn(u64) -> (cloud_images::Error, cloud_images::Error) + 'c>,
    size: Box<dyn Fn(u64) -> (cloud_images::Error, cloud_images::Error) + 'c>,
}

macro_rules! op {
    ($provider:literal $name:literal, $path:expr, $size:ident, $sizes:expr, $answer:expr, || $list:expr, |$i:ident| $id:expr) => {
        Op {
            what: format!("{} {}", $provider, $name),
            path: $path.to_string(),
            size_param: stringify!($size),
            sizes: $sizes,
            answer: $answer,
            send: Box::new(move || $list.send().map(|page| page.items.len())),
            iter: Box::new(move || $list.iter().take(10).map(|r| r.map(|$i| $id)).collect()),
            page: Box::new(move |n| {
                let list = $list.page(n);
                (list.send().unwrap_err(), list.iter().next().unwrap().unwrap_err())
            }),
            size: Box::new(move |n| {
                let list = $list.$size(n);
                (list.send().unwrap_err(), list.iter().next().unwrap().unwrap_err())
            }),
        }
    };
}

fn linode_page(item: Value) -> Value {
    json!({"data": [item], "page": 1, "pages": 1, "results": 1})
}

/// Linode's 7 listings.
fn linode_ops(l: &linode::Client) -> Vec<Op<'_>> {
    const SIZES: (u64, u64) = (25, 500);
    let image = || linode_page(json!({"id": "private/1"}));
    let group = || linode_page(json!({"id": 1}));
    let member = || linode_page(json!({"token_uuid": TOKEN_UUID}));
    vec![
        op!("linode" "get-images", "/v4/images", page_size, SIZES, image(), || l.images().list(), |i| i.id),
        op!(
            "linode" "get-sharegroups",
            "/v4beta/images/sharegroups",
            page_size,
            SIZES,
            group(),
            || l.sharegroups().list(),
            |g| g.id.to_string()
        ),
        op!(
            "linode" "get-sharegroup-images",
            format!("/v4beta/images/sharegroups/{GROUP}/images"),
            page_size,
            SIZES,
            image(),
            || l.sharegroups().images(GROUP).list(),
            |i| i.id
        ),
        op!(
            "linode" "get-sharegroup-members",
            format!("/v4beta/images/sharegroups/{GROUP}/members"),
            page_size,
            SIZES,
            member(),
            || l.sharegroups().members(GROUP).list(),
            |m| m.token_uuid
        ),
        op!(
            "linode" "get-user-tokens",
            "/v4beta/images/sharegroups/tokens",
            page_size,
            SIZES,
            member(),
            || l.sharegroups().tokens().list(),
            |t| t.token_uuid
        ),
        op!(
            "linode" "get-sharegroup-images-by-token",
            format!("/v4beta/images/sharegroups/tokens/{TOKEN_UUID}/sharegroup/images"),
            page_size,
            SIZES,
            image(),
            || l.sharegroups().tokens().images(TOKEN_UUID),
            |i| i.id
        ),
        op!(
            "linode" "get-images-sharegroups-image",
            "/v4beta/images/private%2F12345/sharegroups",
            page_size,
            SIZES,
            group(),
            || l.images().sharegroups("private/12345"),
            |g| g.id.to_string()
        ),
    ]
}

/// DigitalOcean's 2 listings, one page each (no links; `meta.total` 1).
fn do_ops(d: &digitalocean::Client) -> Vec<Op<'_>> {
    const SIZES: (u64, u64) = (1, 200);
    vec![
        op!(
            "digitalocean" "images_list",
            "/v2/images",
            per_page,
            SIZES,
            json!({"images": [{"id": 1}], "meta": {"total": 1}}),
            || d.images().list(),
            |i| i.id.to_string()
        ),
        op!(
            "digitalocean" "imageActions_list",
            format!("/v2/images/{DO_IMAGE}/actions"),
            per_page,
            SIZES,
            json!({"actions": [{"id": 1}], "meta": {"total": 1}}),
            || d.images().actions(DO_IMAGE).list(),
            |a| a.id.to_string()
        ),
    ]
}

/// Answers anything: for the refusals, which must send nothing.
fn anything(server: &MockServer) -> Mock<'_> {
    server.mock(|_, then| {
        then.status(200).header("content-type", "application/json").body("{}");
    })
}

/// The request `path` with exactly this query.
fn exactly(when: When, path: &str, query: String) -> When {
    when.method(GET).path(path).is_true(move |req| req.uri().query() == Some(query.as_str()))
}

#[test]
fn the_iterator_starts_with_the_request_send_sends_on_every_listing() {
    let server = MockServer::start();
    let (l, d) = (linode_client(&server), do_client(&server));
    let ops: Vec<Op<'_>> = linode_ops(&l).into_iter().chain(do_ops(&d)).collect();
    assert_eq!(ops.len(), 9);
    for op in &ops {
        // Nothing set: the largest page size, and no page number, both times.
        let query = format!("{}={}", op.size_param, op.sizes.1);
        let page = server.mock(|when, then| {
            exactly(when, &op.path, query.clone());
            then.status(200).header("content-type", "application/json").json_body(op.answer.clone());
        });
        assert_eq!((op.send)().unwrap(), 1, "{}", op.what);
        let items = (op.iter)();
        assert_eq!(items.len(), 1, "{}: {items:?}", op.what);
        assert!(items[0].is_ok(), "{}: the first page is not the one send() asks for: {items:?}", op.what);
        assert_eq!(page.calls(), 2, "{}: one request each, the same query ({query})", op.what);
    }
}

#[test]
fn page_and_page_size_are_refused_alike_on_every_listing_before_any_request() {
    let server = MockServer::start();
    let nothing = anything(&server);
    let (l, d) = (linode_client(&server), do_client(&server));
    let ops: Vec<Op<'_>> = linode_ops(&l).into_iter().chain(do_ops(&d)).collect();
    for op in &ops {
        let (send, iter) = (op.page)(0);
        for e in [send, iter] {
            assert_eq!(e.kind(), ErrorKind::InvalidInput, "{}", op.what);
            assert_eq!(e.to_string(), format!("{}: pages are numbered from 1, got page 0", op.what));
        }
        let (min, max) = op.sizes;
        for n in [0, min - 1, max + 1, u64::MAX] {
            let (send, iter) = (op.size)(n);
            for e in [send, iter] {
                assert_eq!(e.kind(), ErrorKind::InvalidInput, "{} {n}", op.what);
                assert_eq!(
                    e.to_string(),
                    format!("{}: {} must be between {min} and {max}, got {n}", op.what, op.size_param)
                );
            }
        }
    }
    nothing.assert_calls(0);
}

/// A setting that was refused (a filter that cannot be written, an empty tag) and is set again
/// takes its refusal back; until then nothing is sent.
#[test]
fn a_refused_setting_set_again_is_sent() {
    let server = MockServer::start();
    let nothing = anything(&server);
    let (l, d) = (linode_client(&server), do_client(&server));
    let bad = || linode::Filter::raw(json!(["not", "an", "object"]));
    let e = l.images().list().filter(bad()).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("a raw filter must be a JSON object"), "{e}");
    let e = l.sharegroups().tokens().list().filter(bad()).iter().next().unwrap().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = d.images().list().tag(" ").send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().ends_with("the tag must not be empty"), "{e}");
    nothing.assert_calls(0);

    let server = MockServer::start();
    let linode_images = server.mock(|when, then| {
        when.method(GET).path("/v4/images").header("x-filter", r#"{"label":"golden"}"#);
        then.status(200).json_body(linode_page(json!({"id": "private/1"})));
    });
    let do_images = server.mock(|when, then| {
        exactly(when, "/v2/images", "tag_name=prod&per_page=200".to_string());
        then.status(200).json_body(json!({"images": [{"id": 7}], "meta": {"total": 1}}));
    });
    let (l, d) = (linode_client(&server), do_client(&server));
    let good = l.images().list().filter(bad()).filter(linode::Filter::eq("label", "golden"));
    assert_eq!(good.send().unwrap().items.len(), 1);
    assert_eq!(d.images().list().tag(" ").tag("prod").send().unwrap().items.len(), 1);
    linode_images.assert_calls(1);
    do_images.assert_calls(1);
}
