//! DigitalOcean image account transfers: the four operations through their generated request
//! types and through `images().account_transfers(id)`, with the exact requests sent, the answers
//! decoded, the API's refusals, and bad input refused with nothing sent.

use cloud_images::digitalocean::types::{AccountTransferAccept, AccountTransferCreate, AccountTransferRef};
use cloud_images::digitalocean::{Client, Offered, Recipient, TransferId, ops};
use cloud_images::{ErrorKind, Operation};
use httpmock::prelude::*;
use serde_json::json;

const TOKEN: &str = "dop_v1_transfers_0123456789abcdef";
const TEAM: &str = "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10";
const USER_AGENT: &str = concat!("cloud-images/", env!("CARGO_PKG_VERSION"));

fn client(server: &MockServer) -> Client {
    Client::builder().token(TOKEN).base_url(server.base_url()).no_retries().build().unwrap()
}

/// A POST with the API's headers and exactly this JSON body.
fn post<'a>(
    server: &'a MockServer,
    path: &str,
    body: serde_json::Value,
    status: u16,
    answer: Option<serde_json::Value>,
) -> httpmock::Mock<'a> {
    server.mock(|when, then| {
        when.method(POST)
            .path(path)
            .header("authorization", format!("Bearer {TOKEN}"))
            .header("user-agent", USER_AGENT)
            .header("accept", "application/json")
            .header("content-type", "application/json")
            .json_body(body);
        let then = then
            .status(status)
            .header("ratelimit-limit", "5000")
            .header("ratelimit-remaining", "4987")
            .header("ratelimit-reset", "1764480000");
        if let Some(json) = answer {
            then.header("content-type", "application/json").body(json.to_string());
        }
    })
}

// ------------------------------------------------------------------ generated request types

#[test]
fn the_four_operations_have_their_paths_and_methods() {
    let create = ops::ImagesPostAccountTransferCreate::new(
        7555620,
        AccountTransferCreate::new().recipient_email("ops@example.com"),
    );
    assert_eq!(create.path(), "/v2/images/7555620/account_transfer");
    assert_eq!(ops::ImagesPostAccountTransferCreate::METHOD, cloud_images::Method::Post);
    let accept = ops::ImagesPostAccountTransferAccept::new(7555620, AccountTransferAccept::new(TEAM, 7734));
    assert_eq!(accept.path(), "/v2/images/7555620/account_transfer/accept");
    let cancel = ops::ImagesPostAccountTransferCancel::new(7555620, AccountTransferRef::new(7734));
    assert_eq!(cancel.path(), "/v2/images/7555620/account_transfer/cancel");
    let decline = ops::ImagesPostAccountTransferDecline::new(7555620, AccountTransferRef::new(7734));
    assert_eq!(decline.path(), "/v2/images/7555620/account_transfer/decline");
}

#[test]
fn create_through_its_request_type_sends_one_recipient_and_decodes_the_transfer_id() {
    let server = MockServer::start();
    let mock = post(
        &server,
        "/v2/images/7555620/account_transfer",
        json!({"recipient_uuid": TEAM}),
        201,
        Some(json!({"transfer_id": 7734})),
    );
    let op =
        ops::ImagesPostAccountTransferCreate::new(7555620, AccountTransferCreate::new().recipient_uuid(TEAM));
    let created = client(&server).execute(&op).unwrap();
    assert_eq!(created.transfer_id, 7734);
    assert!(created.extra.is_empty());
    mock.assert_calls(1);
}

#[test]
fn accept_cancel_and_decline_answer_without_a_body() {
    let server = MockServer::start();
    let accept = post(
        &server,
        "/v2/images/7555620/account_transfer/accept",
        json!({"transfer_id": 7734, "recipient_uuid": TEAM}),
        201,
        None,
    );
    let cancel =
        post(&server, "/v2/images/7555620/account_transfer/cancel", json!({"transfer_id": 7734}), 204, None);
    let decline =
        post(&server, "/v2/images/7555620/account_transfer/decline", json!({"transfer_id": 7735}), 204, None);
    let client = client(&server);
    client
        .execute(&ops::ImagesPostAccountTransferAccept::new(7555620, AccountTransferAccept::new(TEAM, 7734)))
        .unwrap();
    client
        .execute(&ops::ImagesPostAccountTransferCancel::new(7555620, AccountTransferRef::new(7734)))
        .unwrap();
    client
        .execute(&ops::ImagesPostAccountTransferDecline::new(7555620, AccountTransferRef::new(7735)))
        .unwrap();
    accept.assert_calls(1);
    cancel.assert_calls(1);
    decline.assert_calls(1);
}

// ------------------------------------------------------------------------------ the facade

#[test]
fn offer_to_an_email_sends_only_the_email_and_returns_the_pending_transfer() {
    let server = MockServer::start();
    let mock = post(
        &server,
        "/v2/images/7555620/account_transfer",
        json!({"recipient_email": "ops@example.com"}),
        201,
        Some(json!({"transfer_id": 7734})),
    );
    let offered = client(&server)
        .images()
        .account_transfers(7555620)
        .offer(Recipient::email(" ops@example.com "))
        .unwrap();
    assert_eq!(offered, Offered::Pending(TransferId::from(7734)));
    mock.assert_calls(1);
}

#[test]
fn offer_to_a_team_sends_only_the_uuid_and_zero_means_already_accepted() {
    let server = MockServer::start();
    let mock = post(
        &server,
        "/v2/images/7555620/account_transfer",
        json!({"recipient_uuid": TEAM}),
        201,
        Some(json!({"transfer_id": 0})),
    );
    let offered = client(&server).images().account_transfers(7555620).offer(Recipient::team(TEAM)).unwrap();
    assert_eq!(offered, Offered::AlreadyAccepted);
    mock.assert_calls(1);
}

#[test]
fn accept_cancel_and_decline_send_the_transfer() {
    let server = MockServer::start();
    let accept = post(
        &server,
        "/v2/images/171002281/account_transfer/accept",
        json!({"transfer_id": 7734, "recipient_uuid": TEAM}),
        201,
        None,
    );
    let cancel = post(
        &server,
        "/v2/images/171002281/account_transfer/cancel",
        json!({"transfer_id": 7735}),
        204,
        None,
    );
    let decline = post(
        &server,
        "/v2/images/171002281/account_transfer/decline",
        json!({"transfer_id": 7736}),
        204,
        None,
    );
    let client = client(&server);
    let transfers = client.images().account_transfers(171_002_281);
    transfers.accept(7734, TEAM).unwrap();
    transfers.cancel(7735).unwrap();
    transfers.decline(TransferId::from(7736)).unwrap();
    accept.assert_calls(1);
    cancel.assert_calls(1);
    decline.assert_calls(1);
}

#[test]
fn only_snapshots_can_be_offered_the_refusal_is_the_apis_error() {
    let server = MockServer::start();
    let mock = post(
        &server,
        "/v2/images/38413969/account_transfer",
        json!({"recipient_email": "ops@example.com"}),
        400,
        Some(json!({
            "id": "bad_request",
            "message": "Only snapshots can be transferred to another account.",
            "request_id": "0b7a8d2e-5f0c-4c6a-9d6e-3b1f0d4c2a91",
        })),
    );
    let e = client(&server)
        .images()
        .account_transfers(38_413_969)
        .offer(Recipient::email("ops@example.com"))
        .unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(400)));
    assert_eq!(e.messages(), ["Only snapshots can be transferred to another account."]);
    assert_eq!(e.api().and_then(|a| a.error_id()), Some("bad_request"));
    assert_eq!(e.request_id(), Some("0b7a8d2e-5f0c-4c6a-9d6e-3b1f0d4c2a91"));
    assert!(e.to_string().contains("images_post_account_transfer_create"), "{e}");
    mock.assert_calls(1);
}

#[test]
fn bad_input_is_refused_with_nothing_sent() {
    let server = MockServer::start();
    let any = server.mock(|when, then| {
        when.any_request();
        then.status(500);
    });
    let client = client(&server);
    let transfers = client.images().account_transfers(7555620);
    let cases = [
        (transfers.offer(Recipient::email("")).map(drop), "is not an email address"),
        (transfers.offer(Recipient::email("ops")).map(drop), "is not an email address"),
        (transfers.offer(Recipient::email("ops@localhost")).map(drop), "is not an email address"),
        (transfers.offer(Recipient::team("")).map(drop), "is not a uuid"),
        (transfers.offer(Recipient::team("my-team")).map(drop), "is not a uuid"),
        (transfers.offer(Recipient::team("4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c1z")).map(drop), "is not a uuid"),
        (transfers.accept(7734, "not-a-uuid"), "is not a uuid"),
        (transfers.accept(0, TEAM), "transfer id starts at 1"),
        (transfers.cancel(0), "transfer id starts at 1"),
        (transfers.decline(0), "transfer id starts at 1"),
        (client.images().account_transfers(0).cancel(7734), "image id starts at 1"),
    ];
    for (result, says) in cases {
        let e = result.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(e.to_string().contains(says), "{e}");
    }
    any.assert_calls(0);
}
