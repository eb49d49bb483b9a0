//! Bugs the simulation (`tests/it/simulation`, issue 18 item 9) found, each pinned by the
//! smallest test that shows it, with the seed and step that found it.

use std::io::Cursor;
use std::time::Duration;

use cloud_images::ErrorKind;
use cloud_images::digitalocean::{CustomImage, Offered, Recipient};
use cloud_images::linode::CreateUpload;
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn, Request, Seed};

/// Method, operation, status and fault of each request.
fn seen(log: &[Request]) -> Vec<(String, String, Option<u16>, Option<String>)> {
    log.iter()
        .map(|r| (r.method.clone(), r.operation.clone().unwrap_or_default(), r.status, r.fault.clone()))
        .collect()
}

fn row(
    method: &str,
    operation: &str,
    status: Option<u16>,
    fault: Option<&str>,
) -> (String, String, Option<u16>, Option<String>) {
    (method.into(), operation.into(), status, fault.map(str::to_string))
}

/// Seed 0x5eed00180009, step 774: an upload whose `PUT` reached object storage but whose answer
/// was cut was retried, refused (the URL was used), and the image, which had its data, was
/// deleted as a failed upload. A lost answer is not a failure: the image is read, and it has
/// its data.
#[test]
fn an_upload_whose_put_answer_was_lost_succeeds_when_the_data_arrived() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in.inject("object-storage-put", Fault::cut_body()).unwrap(); // stored, then the answer is cut

    let disk = Cursor::new(vec![7u8; 4096]);
    let image = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk).unwrap();

    assert_eq!(
        seen(&stand_in.requests()),
        [
            row("POST", "post-upload-image", Some(200), None),
            row("PUT", "object-storage-put", Some(200), Some("cut body")),
            row("PUT", "object-storage-put", Some(403), None), // "This upload URL was already used."
            row("GET", "get-image", Some(200), None),          // creating: the data is there
        ]
    );
    assert_eq!(stand_in.received(&image.id).map(|r| r.raw_bytes), Some(4096));
    let status = stand_in.image(&image.id).and_then(|i| i.status).map(|s| s.to_string());
    assert_eq!(status.as_deref(), Some("creating"), "kept, not deleted");
}

/// The other side of the same rule: a `PUT` that never got through (every attempt dropped)
/// leaves the image `pending_upload`, so the upload fails and deletes it, as before.
#[test]
fn an_upload_whose_put_never_got_through_still_fails_and_deletes_its_image() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in.inject("object-storage-put", Fault::drop_connection().times(5)).unwrap();

    let disk = Cursor::new(vec![7u8; 4096]);
    let e = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk).unwrap_err();

    assert_eq!(e.kind(), ErrorKind::Transport, "{e}");
    assert_eq!(e.attempts(), 5);
    let id = e.created_image().expect("the image it made").to_string();
    assert!(e.created_image_deleted());
    let log = seen(&stand_in.requests());
    assert_eq!(log.len(), 8, "{log:?}");
    assert_eq!(log[6], row("GET", "get-image", Some(200), None), "pending_upload: no data");
    assert_eq!(log[7], row("DELETE", "delete-image", Some(200), None));
    assert!(stand_in.image(&id).is_none());
}

/// Seed 0x5eed00180009, step 66: the `Debug` of a `CustomImage` printed its URL whole, and a
/// pre-signed import URL (a Spaces object shared for the import) with it: its signature and
/// credential. It shows the URL without its query; the import still sends all of it.
#[test]
fn a_custom_image_does_not_show_the_signature_of_its_url() {
    let url = "https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?X-Amz-Algorithm=AWS4-HMAC-SHA256\
               &X-Amz-Credential=DO00EXAMPLEKEY%2F20250601%2Fnyc3%2Fs3%2Faws4_request&X-Amz-Expires=3600\
               &X-Amz-SignedHeaders=host&X-Amz-Signature=0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    let image = CustomImage::new("disk", url, "nyc3").description("from Spaces");
    let shown = format!("{image:?}");
    assert!(!shown.contains("0f1e2d3c4b5a69788796a5b4c3d2e1f0"), "{shown}");
    assert!(!shown.contains("DO00EXAMPLEKEY"), "{shown}");
    assert!(
        shown.contains(
            r#"url: SignedUrl("https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?** redacted **")"#
        ),
        "{shown}"
    );
    assert!(
        shown.contains(r#"name: "disk""#) && shown.contains(r#"description: Some("from Spaces")"#),
        "{shown}"
    );

    let stand_in = DigitalOceanStandIn::builder().seed(Seed::Empty).start().unwrap();
    stand_in.client().unwrap().images().import(image).unwrap();
    let sent = stand_in.requests()[0].body.clone().unwrap();
    let sent = sent["url"].as_str().unwrap().to_string();
    // The log redacts the signature in its turn; the rest of the query was sent.
    assert!(
        sent.starts_with(
            "https://my-bucket.nyc3.digitaloceanspaces.com/disk.qcow2?X-Amz-Algorithm=AWS4-HMAC-SHA256&"
        ),
        "{sent}"
    );
    assert!(sent.contains("X-Amz-Signature="), "{sent}");
}

/// Seed 0x5eed00180009, step 599: a call retried after two 503s whose third answer (a 200)
/// could not be decoded said it had made 1 attempt. `Error::attempts` is how many requests
/// were sent for the call, a decoding error's too.
#[test]
fn a_decode_error_after_retries_counts_every_request() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("put-image", Fault::unavailable().times(2)).unwrap();
    stand_in.inject("put-image", Fault::not_json()).unwrap(); // acted on, then an HTML body
    let client = stand_in.client().unwrap();
    let e = client.images().update("private/24811540").label("renamed").send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode, "{e}");
    let statuses: Vec<Option<u16>> = stand_in.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(503), Some(503), Some(200)]);
    assert_eq!(e.attempts(), 3);
    assert!(e.to_string().ends_with("after 3 attempts"), "{e}");

    // A listing's page the same way.
    let stand_in = DigitalOceanStandIn::start().unwrap();
    stand_in.inject("images_list", Fault::unavailable()).unwrap();
    stand_in.inject("images_list", Fault::truncated_json()).unwrap();
    let e = stand_in.client().unwrap().images().list().send().unwrap_err();
    assert_eq!((e.kind(), e.attempts()), (ErrorKind::Decode, 2), "{e}");
}

/// Seed 0x11, step 1409: an upload whose `PUT` was refused deletes its image again; that
/// delete's answer came after the call timeout, so the error said "deleting it failed too ...
/// it stays pending_upload", with `created_image_deleted()` false, while the image was gone.
/// A delete that got no answer may have been done: the image is read, and it was not found.
#[test]
fn a_clean_up_delete_whose_answer_came_too_late_is_checked() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in
        .client_builder()
        .clock(stand_in.clock().clone())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    stand_in.inject("object-storage-put", Fault::status(403)).unwrap(); // refused: not retried
    stand_in.inject("delete-image", Fault::delay(Duration::from_secs(25))).unwrap(); // done, answered late

    let disk = Cursor::new(vec![7u8; 4096]);
    let e = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk).unwrap_err();

    assert_eq!(e.kind(), ErrorKind::Upload, "{e}");
    let id = e.created_image().expect("the image it made").to_string();
    assert!(e.created_image_deleted(), "{e}");
    assert!(
        e.to_string().contains(&format!(
            "image {id} was created, but sending its data failed, so it was deleted again"
        )),
        "{e}"
    );
    assert!(stand_in.image(&id).is_none());
    assert_eq!(
        seen(&stand_in.requests()),
        [
            row("POST", "post-upload-image", Some(200), None),
            row("PUT", "object-storage-put", Some(403), Some("status 403")),
            row("DELETE", "delete-image", Some(200), Some("delay 25000 ms")),
            row("GET", "get-image", Some(404), None),
        ]
    );
}

/// The same when nothing can be told: the delete got no answer and the image cannot be read.
/// The error does not claim that the image stays, only that it may.
#[test]
fn a_clean_up_delete_with_no_answer_and_no_read_says_the_image_may_remain() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    stand_in.inject("object-storage-put", Fault::status(403)).unwrap();
    stand_in.inject("delete-image", Fault::cut_body()).unwrap(); // deleted, answer cut: retried, 404: done
    let disk = Cursor::new(vec![7u8; 4096]);
    let e = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk).unwrap_err();
    assert!(e.created_image_deleted(), "a lost answer then a 404 is a delete done: {e}");

    stand_in.inject("object-storage-put", Fault::status(403)).unwrap();
    stand_in.inject("delete-image", Fault::drop_connection().times(5)).unwrap(); // never reached
    stand_in.inject("get-image", Fault::maintenance()).unwrap(); // and the read fails
    let disk = Cursor::new(vec![7u8; 4096]);
    let e = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk).unwrap_err();
    let id = e.created_image().expect("the image it made").to_string();
    assert!(!e.created_image_deleted(), "{e}");
    assert!(e.to_string().contains("nor could it be read"), "{e}");
    assert!(e.to_string().contains("it may still be there"), "{e}");
    assert!(stand_in.image(&id).is_some(), "it is, in fact");
}

/// Found by the simulation's long runs, whose steps grew slower with every accepted transfer:
/// an image accepted by another account left the account, but its actions stayed, and the
/// DigitalOcean stand-in still answered `GET /v2/images/{id}/actions/{action}` for an image
/// no longer there and listed them in `actions()`. They leave with the image, as when it is
/// deleted.
#[test]
fn the_actions_of_an_image_accepted_elsewhere_leave_with_it() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client().unwrap();
    let snapshot = 171_002_281u64;
    let action = client.images().actions(snapshot).transfer("sfo3").unwrap();
    stand_in.clock().advance(Duration::from_secs(2)); // completed
    let transfers = client.images().account_transfers(snapshot);
    let Offered::Pending(transfer) = transfers.offer(Recipient::email("ops@example.com")).unwrap() else {
        panic!("a pending transfer")
    };
    transfers.accept(transfer, "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10").unwrap();

    assert!(stand_in.image(snapshot).is_none(), "the image left the account");
    assert_eq!(stand_in.actions().iter().filter(|a| a.resource_id == Some(snapshot)).count(), 0);
    let e = client.images().actions(snapshot).get(action.id).unwrap_err();
    assert!(e.is_not_found(), "{e}");
}
