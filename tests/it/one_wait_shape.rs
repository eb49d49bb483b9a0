//! Issue 19, "One wait shape": every wait on a status is the same helper, with one wording:
//! "gave up waiting for {what} to be {status}", whichever provider and resource.

use std::time::Duration;

use cloud_images::ErrorKind;
use cloud_images::digitalocean::CustomImage;
use cloud_images::testing::{Clock, DigitalOceanStandIn, LinodeStandIn};

/// The stand-ins' clock is manual: the waits below take no real time, and one look (a zero
/// timeout) sees the status as the stand-in set it.
fn digitalocean() -> (DigitalOceanStandIn, cloud_images::digitalocean::Client) {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    (stand_in, client)
}

#[test]
fn a_digitalocean_image_wait_says_to_be_available_as_linode_s_does() {
    let (stand_in, client) = digitalocean();
    let url = "https://example.com/images/web.qcow2.gz";
    let image = client.images().import(CustomImage::new("web", url, "nyc3")).unwrap();
    let e = client.images().wait_until_available(image.id).timeout(Duration::ZERO).send().unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Timeout, Some("NEW")), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "gave up waiting for digitalocean image {} to be available after 0 s (last status: NEW)",
            image.id
        )
    );
    let ops: Vec<_> = stand_in.requests().into_iter().map(|r| r.operation.unwrap_or_default()).collect();
    assert_eq!(ops, ["images_create_custom", "images_get"]);

    let linode = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = linode.client_builder().clock(linode.clock().clone()).build().unwrap();
    let created =
        client.images().create_upload(cloud_images::linode::CreateUpload::new("web", "us-east")).unwrap();
    let id = created.image.id;
    let e = client.images().wait_until_available(&id).timeout(Duration::ZERO).send().unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "gave up waiting for linode image {id} to be available after 0 s (last status: pending_upload)"
        )
    );
}

#[test]
fn an_action_wait_says_to_be_completed() {
    let (stand_in, client) = digitalocean();
    let action = client.images().actions(171_002_281u64).transfer("sfo3").unwrap();
    let e = client
        .images()
        .actions(171_002_281u64)
        .wait_until_completed(action.id)
        .timeout(Duration::ZERO)
        .send()
        .unwrap_err();
    assert_eq!((e.kind(), e.last_status()), (ErrorKind::Timeout, Some("in-progress")), "{e}");
    assert_eq!(
        e.to_string(),
        format!(
            "gave up waiting for digitalocean action {} on image 171002281 to be completed after 0 s \
             (last status: in-progress)",
            action.id
        )
    );
    let ops: Vec<_> = stand_in.requests().into_iter().map(|r| r.operation.unwrap_or_default()).collect();
    assert_eq!(ops, ["imageActions_post", "imageActions_get"]);
}
