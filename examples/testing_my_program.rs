//! Testing your own program with `cloud_images::testing`, as a user of the crate would.
//!
//! ```sh
//! cargo test --example testing_my_program   # the tests below (plain `cargo test` runs them too)
//! cargo run --example testing_my_program    # the same scenarios, as a program
//! ```
//!
//! The program under test, `publish`, uploads a disk image to Linode, waits until it is
//! available, replicates it to more regions and waits for the replicas. Its tests run it against
//! a `LinodeStandIn` (with the `testing` feature in `[dev-dependencies]`): once as is, with one
//! 429 and one 503 injected on the way (the client retries both), and once while the API is in
//! maintenance (the program stops before any upload). They use only the public kit.

use std::path::{Path, PathBuf};
use std::time::Duration;

use cloud_images::linode::types::Image;
use cloud_images::linode::{Client, CreateUpload};

/// How long `publish` waits, and how often it looks.
pub struct Patience {
    pub timeout: Duration,
    pub poll: Duration,
}

/// The program: uploads `disk` as `label` into the first of `regions`, waits until the image is
/// available, replicates it to all of `regions`, and waits until every copy is available.
pub fn publish(
    client: &Client,
    disk: &Path,
    label: &str,
    regions: &[&str],
    patience: &Patience,
) -> Result<Image, cloud_images::Error> {
    let home = regions.first().copied().unwrap_or("us-east");
    let image = client.images().upload(CreateUpload::new(label, home).tags(["published"])).file(disk)?;
    let id = image.id;
    client.images().wait_until_available(&id).timeout(patience.timeout).interval(patience.poll).send()?;
    client.images().replicate(&id, regions.iter().copied())?;
    client
        .images()
        .wait_until_replicated(&id, regions.iter().copied())
        .timeout(patience.timeout)
        .interval(patience.poll)
        .send()
}

// ---------------------------------------------------------------------------------------------
// The tests: `#[test]` under `cargo test`, plain functions that `main` calls otherwise.

use cloud_images::ErrorKind;
use cloud_images::testing::{Fault, LinodeStandIn};

const PATIENCE: Patience = Patience { timeout: Duration::from_secs(10), poll: Duration::from_millis(20) };

/// A stand-in that processes uploads and replicas in a few tens of milliseconds.
fn quick_stand_in() -> LinodeStandIn {
    LinodeStandIn::builder()
        .upload_processing(Duration::from_millis(100))
        .replication(Duration::from_millis(50), Duration::from_millis(50))
        .start()
        .expect("the stand-in starts")
}

/// A raw disk of `len` bytes in a temporary file, removed when dropped.
struct TempDisk(PathBuf);

impl TempDisk {
    fn new(name: &str, len: usize) -> TempDisk {
        let path = std::env::temp_dir().join(format!("{name}-{}.img", std::process::id()));
        let mut data = vec![0u8; len];
        data[..16].copy_from_slice(b"not only zeros!!");
        std::fs::write(&path, data).expect("the disk is written");
        TempDisk(path)
    }
}

impl Drop for TempDisk {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[cfg_attr(test, test)]
fn publishes_through_one_429_and_one_503() {
    let stand_in = quick_stand_in();
    // Linode is busy when the image is created, and has a hiccup while we wait for it.
    stand_in.inject("post-upload-image", Fault::too_many_requests(Duration::from_secs(1))).unwrap();
    stand_in.inject("get-image", Fault::unavailable()).unwrap();
    let disk = TempDisk::new("publish-ok", 2 * 1024 * 1024);

    let client = stand_in.client().expect("a client");
    let image = publish(&client, &disk.0, "web-golden", &["us-east", "us-ord", "fr-par"], &PATIENCE)
        .expect("published despite the 429 and the 503");

    // What the program returned, and what the service now holds.
    let regions: Vec<_> = image.regions.iter().map(|r| r.region.as_deref().unwrap_or("-")).collect();
    assert_eq!(regions, ["us-east", "us-ord", "fr-par"]);
    assert!(image.regions.iter().all(|r| r.status.as_ref().is_some_and(|s| s.as_str() == "available")));
    let received = stand_in.received(&image.id).expect("the disk reached object storage");
    assert_eq!(received.raw_bytes, 2 * 1024 * 1024);
    let mine: Vec<_> = stand_in.account_images().into_iter().filter(|i| i.tags == ["published"]).collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].label.as_deref(), Some("web-golden"));

    // What the program sent: both faults were met, and retried.
    let log = stand_in.requests();
    let calls: Vec<(&str, Option<u16>)> =
        log.iter().map(|r| (r.operation.as_deref().unwrap_or("-"), r.status)).collect();
    assert_eq!(calls[0], ("post-upload-image", Some(429)));
    assert_eq!(calls[1], ("post-upload-image", Some(200)));
    assert_eq!(calls[2], ("object-storage-put", Some(200)));
    assert_eq!(calls[3], ("get-image", Some(503)));
    assert!(calls.contains(&("post-replicate-image", Some(200))));
    assert_eq!(calls.iter().filter(|(_, status)| *status != Some(200)).count(), 2);
    let put = log.iter().find(|r| r.method == "PUT").expect("a PUT");
    assert_eq!(put.header("authorization"), None); // the token never went to object storage
    let replicate =
        log.iter().find(|r| r.operation.as_deref() == Some("post-replicate-image")).expect("a replication");
    assert_eq!(replicate.body, Some(serde_json::json!({"regions": ["us-east", "us-ord", "fr-par"]})));
}

#[cfg_attr(test, test)]
fn stops_before_uploading_when_linode_is_in_maintenance() {
    let stand_in = quick_stand_in();
    stand_in.inject("post-upload-image", Fault::maintenance()).unwrap();
    let disk = TempDisk::new("publish-maintenance", 64 * 1024);
    let before = stand_in.account_images().len();

    let client = stand_in.client().expect("a client");
    let e = publish(&client, &disk.0, "web-golden", &["us-east"], &PATIENCE).expect_err("maintenance");

    assert_eq!(e.kind(), ErrorKind::Maintenance);
    assert_eq!(stand_in.account_images().len(), before); // nothing was created
    let log = stand_in.requests();
    assert_eq!(log.len(), 1); // not retried, and no PUT
    assert_eq!(log[0].status, Some(503));
}

#[cfg_attr(test, allow(dead_code))]
fn main() {
    publishes_through_one_429_and_one_503();
    println!("ok: published through one injected 429 and one injected 503");
    stops_before_uploading_when_linode_is_in_maintenance();
    println!("ok: stopped before uploading while Linode was in maintenance");
}
