//! Issue 20, item 3: publishing a local image file to DigitalOcean through a Spaces bucket,
//! against the DigitalOcean stand-in and its Spaces side: the bytes arrive whole, the import reads
//! them from a pre-signed URL, and the staging object is gone afterwards, also after a refused
//! import, a failed or timed-out wait, and a cancel.

use std::fs::File;
use std::io::{self, Read, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use cloud_images::ErrorKind;
use cloud_images::digitalocean::{
    CancelUpload, Client, Distribution, PublishImage, STAGING_PREFIX, UploadSource,
};
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, REDACTED, Request, Seed, Token};
use sha2::{Digest, Sha256};

const BUCKET: &str = DigitalOceanStandIn::SPACES_BUCKET;

/// A stand-in on a manual clock with no images of its own, and a client on that clock (its
/// waits take no real time).
fn start() -> (DigitalOceanStandIn, Client) {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    (stand_in, client)
}

/// A file of `len` bytes of non-repeating content, named `name`, removed on drop; and its
/// SHA-256.
struct Disk {
    dir: PathBuf,
    path: PathBuf,
    sha256: [u8; 32],
    len: u64,
}

impl Disk {
    fn new(name: &str, len: usize) -> Disk {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("cloud-images-publish-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        let data = content(len);
        File::create(&path).unwrap().write_all(&data).unwrap();
        Disk { dir, path, sha256: Sha256::digest(&data).into(), len: len as u64 }
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `len` bytes from a xorshift generator: no two blocks alike.
fn content(len: usize) -> Vec<u8> {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

fn operations(log: &[Request]) -> Vec<&str> {
    log.iter().map(|r| r.operation.as_deref().unwrap_or("-")).collect()
}

/// Waits (bounded) until the stand-in has logged `n` requests: a cut `PUT` is logged when the
/// server has finished reading it, which may come after the client has gone on.
fn logged(stand_in: &DigitalOceanStandIn, n: usize) -> Vec<Request> {
    for _ in 0..500 {
        let log = stand_in.requests();
        if log.len() >= n {
            return log;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    stand_in.requests()
}

#[test]
fn a_published_file_arrives_whole_is_imported_from_a_presigned_url_and_its_staging_object_goes() {
    let (stand_in, client) = start();
    let disk = Disk::new("web server.qcow2.gz", 3 * 1024 * 1024 + 123);
    let spaces = stand_in.spaces().unwrap();
    let mut reports = Vec::new();
    let published = client
        .images()
        .publish(
            PublishImage::new("web-2024-05", "nyc3")
                .distribution(Distribution::Debian)
                .description("built by CI")
                .tags(["ci"]),
            &spaces,
        )
        .timeout(Duration::from_secs(1800))
        .progress(|p| reports.push((p.done, p.total)))
        .file(&disk.path)
        .unwrap();

    // The image: available, as asked.
    let image = &published.image;
    assert_eq!(image.status.as_ref().map(|s| s.to_string()).as_deref(), Some("available"));
    assert_eq!(image.name.as_deref(), Some("web-2024-05"));
    assert_eq!(image.description.as_deref(), Some("built by CI"));
    assert_eq!(image.tags, ["ci"]);
    assert_eq!(stand_in.image(image.id).unwrap().regions, [cloud_images::digitalocean::RegionSlug::Nyc3]);
    assert!(published.left_behind.is_none());

    // What Spaces received: the file, whole; then deleted.
    let uploads = stand_in.spaces_uploads();
    assert_eq!(uploads.len(), 1);
    let upload = &uploads[0];
    assert_eq!((upload.len, upload.sha256, upload.deleted), (disk.len, disk.sha256, true));
    assert!(
        upload.key.starts_with(STAGING_PREFIX) && upload.key.ends_with("-web-server.qcow2.gz"),
        "{}",
        upload.key
    );
    assert_eq!(published.staging_object, format!("{BUCKET}/{}", upload.key));
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    assert_eq!(reports.first(), Some(&(0, disk.len)));
    assert_eq!(reports.last(), Some(&(disk.len, disk.len)));

    // The requests: the PUT (no token, exact length, signed), the import, the looks, the DELETE.
    let log = stand_in.requests();
    let ops = operations(&log);
    assert_eq!(ops.first(), Some(&"spaces_put_object"));
    assert_eq!(ops.get(1), Some(&"images_create_custom"));
    assert!(ops[2..ops.len() - 1].iter().all(|op| *op == "images_get"), "{ops:?}");
    assert_eq!(ops.last(), Some(&"spaces_delete_object"));
    let put = &log[0];
    assert_eq!((put.method.as_str(), put.status, put.body_len), ("PUT", Some(200), disk.len));
    assert_eq!(put.path, format!("/spaces/{BUCKET}/{}", upload.key));
    assert_eq!(put.header("authorization"), None);
    assert_eq!(put.token, Token::None);
    assert_eq!(put.header("content-length"), Some(disk.len.to_string().as_str()));
    assert_eq!(put.query_param("X-Amz-Signature"), Some(REDACTED));
    assert_eq!(put.query_param("X-Amz-Credential"), Some(REDACTED));
    assert_eq!(put.query_param("X-Amz-Expires"), Some("3600"));
    let import = &log[1];
    assert_eq!((import.token, import.status), (Token::Valid, Some(202)));
    let url = import.body.as_ref().unwrap()["url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&format!("{}/{BUCKET}/{}?", stand_in.spaces_url(), upload.key)), "{url}");
    assert!(url.contains(&format!("X-Amz-Signature={REDACTED}")), "{url}");
    assert!(url.contains("X-Amz-Expires=5400"), "the GET is valid for the timeout and an hour: {url}");
    // DigitalOcean read the object the PUT stored.
    assert!(import.note.contains(&upload.sha256_hex()), "{}", import.note);
    let delete = log.last().unwrap();
    assert_eq!((delete.method.as_str(), delete.status, delete.token), ("DELETE", Some(204), Token::None));
    assert_eq!(delete.path, put.path);

    // The Spaces secret is nowhere: not in the log, not in what the caller holds.
    let shown = format!("{log:?} {published:?} {spaces:?}");
    assert!(!shown.contains(DigitalOceanStandIn::SPACES_SECRET_ACCESS_KEY), "{shown}");
    assert!(!shown.contains(DigitalOceanStandIn::SPACES_ACCESS_KEY_ID), "{shown}");
}

#[test]
fn a_refused_import_deletes_the_staging_object() {
    let (stand_in, client) = start();
    let disk = Disk::new("disk.img", 1024 * 1024);
    stand_in.inject("images_create_custom", Fault::status(500)).unwrap();
    let spaces = stand_in.spaces().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(&disk.path).unwrap_err();

    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    let object = e.staging_object().unwrap().to_string();
    assert!(e.staging_object_deleted());
    assert_eq!(e.created_image(), None);
    assert!(e.to_string().contains(&format!("staging object {object} was deleted")), "{e}");
    let uploads = stand_in.spaces_uploads();
    assert_eq!((uploads.len(), uploads[0].len, uploads[0].deleted), (1, disk.len, true));
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    assert!(stand_in.account_images().is_empty());
    let log = stand_in.requests();
    assert_eq!(operations(&log), ["spaces_put_object", "images_create_custom", "spaces_delete_object"]);
    assert_eq!(log[2].status, Some(204));
}

#[test]
fn an_import_that_cannot_read_its_url_ends_deleted_and_the_staging_object_goes() {
    let (stand_in, client) = start();
    let disk = Disk::new("disk.vmdk", 512 * 1024);
    // DigitalOcean's read of the pre-signed GET is refused: the import is taken, then fails.
    stand_in.inject("spaces_get_object", Fault::status(403)).unwrap();
    let spaces = stand_in.spaces().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(&disk.path).unwrap_err();

    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.last_status(), Some("deleted"));
    assert!(e.to_string().contains("Failed to download the image"), "{e}");
    assert!(e.staging_object_deleted());
    let id = e.created_image().unwrap().parse::<u64>().unwrap();
    assert!(e.created_image_deleted(), "digitalocean removed the failed import");
    assert_eq!(stand_in.pending_faults(), 0, "the import's read took the fault");
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    let image = stand_in.image(id).unwrap();
    assert!(image.error_message.as_deref().unwrap().contains("403 (AccessDenied)"), "{image:?}");
    let ops = operations(&stand_in.requests()).join(" ");
    assert!(ops.starts_with("spaces_put_object images_create_custom images_get"), "{ops}");
    assert!(ops.ends_with("images_get spaces_delete_object"), "{ops}");
}

#[test]
fn a_wait_that_fails_or_times_out_deletes_the_staging_object_and_says_what_became_of_the_image() {
    // A look refused by the API.
    let (stand_in, client) = start();
    let disk = Disk::new("disk.img.bz2", 256 * 1024);
    stand_in.inject("images_get", Fault::status(500)).unwrap();
    let spaces = stand_in.spaces().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(&disk.path).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    assert!(e.staging_object_deleted());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    let id = e.created_image().unwrap();
    assert!(!e.created_image_deleted());
    assert!(e.to_string().contains(&format!("image {id} was created and may still be importing")), "{e}");

    // An import slower than the timeout.
    let stand_in = DigitalOceanStandIn::builder()
        .clock(Clock::manual())
        .seed(Seed::Public)
        .import_time(Duration::from_secs(3600), Duration::from_secs(3600))
        .start()
        .unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    let spaces = stand_in.spaces().unwrap();
    let e = client
        .images()
        .publish(PublishImage::new("web", "nyc3"), &spaces)
        .timeout(Duration::from_secs(600))
        .interval(Duration::from_secs(60))
        .file(&disk.path)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(e.last_status(), Some("NEW"));
    assert!(e.staging_object_deleted());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    let id = e.created_image().unwrap();
    assert!(stand_in.image(id).is_some(), "a timed-out import is kept, as the message says");
    let requests = stand_in.requests();
    let looks = requests.iter().filter(|r| r.operation.as_deref() == Some("images_get")).count();
    assert_eq!(looks, 10, "a look at 0 s and one a minute until 600 s");
}

#[test]
fn a_cancel_from_the_progress_callback_leaves_nothing_in_the_bucket() {
    // At the first report: nothing is sent at all.
    let (stand_in, client) = start();
    let disk = Disk::new("disk.img", 2 * 1024 * 1024);
    let spaces = stand_in.spaces().unwrap();
    let e = client
        .images()
        .publish(PublishImage::new("web", "nyc3"), &spaces)
        .progress(|_| ControlFlow::Break(()))
        .file(&disk.path)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled);
    assert_eq!(e.staging_object(), None);
    assert!(stand_in.requests().is_empty());

    // Half way: the PUT is cut, so nothing is stored, and the object is deleted all the same.
    let disk = Disk::new("disk.img", 12 * 1024 * 1024);
    let e = client
        .images()
        .publish(PublishImage::new("web", "nyc3"), &spaces)
        .progress(
            |p| if p.done >= 4 * 1024 * 1024 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) },
        )
        .file(&disk.path)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    assert!(e.to_string().contains("cancelled by its progress callback"), "{e}");
    assert!(e.staging_object_deleted());
    assert!(stand_in.spaces_uploads().is_empty());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    assert!(stand_in.account_images().is_empty());
    let log = logged(&stand_in, 2);
    let mut ops = operations(&log);
    ops.sort_unstable();
    assert_eq!(ops, ["spaces_delete_object", "spaces_put_object"]);
    let put = log.iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!(put.status, Some(400), "{}", put.note); // IncompleteBody: the client stopped sending
    assert!(put.body_len < disk.len);
}

/// A reader that, after `at` bytes, tells the test and waits for its go-ahead.
struct Gated {
    data: io::Cursor<Vec<u8>>,
    at: u64,
    reached: Option<mpsc::Sender<()>>,
    go: mpsc::Receiver<()>,
}

impl Read for Gated {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.data.position() >= self.at
            && let Some(reached) = self.reached.take()
        {
            reached.send(()).unwrap();
            self.go.recv().unwrap();
        }
        self.data.read(buf)
    }
}

#[test]
fn a_cancel_from_another_thread_while_sending_leaves_nothing_in_the_bucket() {
    let (stand_in, client) = start();
    let spaces = stand_in.spaces().unwrap();
    let data = content(8 * 1024 * 1024);
    let (reached_tx, reached) = mpsc::channel();
    let (go, go_rx) = mpsc::channel();
    let reader = Gated { data: io::Cursor::new(data), at: 1024 * 1024, reached: Some(reached_tx), go: go_rx };
    let cancel = CancelUpload::new();
    let stopper = cancel.clone();
    let canceller = std::thread::spawn(move || {
        reached.recv().unwrap(); // 1 MiB is on its way
        stopper.cancel();
        go.send(()).unwrap();
    });
    let e = client
        .images()
        .publish(PublishImage::new("web", "nyc3"), &spaces)
        .cancel_with(&cancel)
        .file_name("disk.img")
        .source(UploadSource::reader(reader, 8 * 1024 * 1024))
        .unwrap_err();
    canceller.join().unwrap();
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    assert!(e.staging_object_deleted());
    assert!(stand_in.spaces_uploads().is_empty());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    assert!(stand_in.account_images().is_empty());
    let mut ops = operations(&logged(&stand_in, 2)).into_iter().map(str::to_string).collect::<Vec<_>>();
    ops.sort_unstable();
    assert_eq!(ops, ["spaces_delete_object", "spaces_put_object"]);
}

#[test]
fn a_cancel_while_the_import_runs_deletes_the_image_and_the_staging_object() {
    let stand_in = DigitalOceanStandIn::builder()
        .clock(Clock::manual())
        .seed(Seed::Public)
        .import_time(Duration::from_secs(86_400), Duration::from_secs(86_400))
        .start()
        .unwrap();
    let client = stand_in.client_builder().clock(stand_in.clock().clone()).build().unwrap();
    let spaces = stand_in.spaces().unwrap();
    let disk = Disk::new("disk.qcow2", 256 * 1024);
    let publish = client
        .images()
        .publish(PublishImage::new("web", "nyc3"), &spaces)
        .timeout(Duration::from_secs(3 * 86_400))
        .interval(Duration::from_secs(1));
    let cancel = publish.cancel_handle();
    let e = std::thread::scope(|s| {
        s.spawn(|| {
            // Once the import was taken, from this thread.
            for _ in 0..2000 {
                if stand_in.requests().iter().any(|r| r.operation.as_deref() == Some("images_create_custom"))
                {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            cancel.cancel();
        });
        publish.file(&disk.path).unwrap_err()
    });
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    let id = e.created_image().unwrap();
    assert!(e.created_image_deleted());
    assert!(stand_in.image(id).is_none());
    assert!(e.staging_object_deleted());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    let log = stand_in.requests();
    let ops = operations(&log);
    assert_eq!(ops[..2], ["spaces_put_object", "images_create_custom"]);
    assert_eq!(ops[ops.len() - 2..], ["images_delete", "spaces_delete_object"]);
}

/// On real time, with an hour between two looks: a cancel while the wait sleeps ends the
/// publish then, with no other look, and cleans up. (The bound below is a liveness bound, far
/// from both: a cancel is seen within 50 ms; the old code slept until the next look.)
#[test]
fn a_cancel_while_the_wait_sleeps_between_two_looks_ends_the_publish_then() {
    let stand_in = DigitalOceanStandIn::builder()
        .seed(Seed::Public)
        .import_time(Duration::from_secs(86_400), Duration::from_secs(86_400))
        .start()
        .unwrap();
    let client = stand_in.client().unwrap();
    let spaces = stand_in.spaces().unwrap();
    let disk = Disk::new("disk.qcow2", 64 * 1024);
    let cancel = CancelUpload::new();
    let (done, ended) = mpsc::channel();
    let publisher = {
        let (cancel, path) = (cancel.clone(), disk.path.clone());
        std::thread::spawn(move || {
            let publish = client
                .images()
                .publish(PublishImage::new("web", "nyc3"), &spaces)
                .timeout(Duration::from_secs(7200))
                .interval(Duration::from_secs(3600))
                .cancel_with(&cancel);
            let _ = done.send(publish.file(&path));
        })
    };
    // Once the wait has had its first look, it sleeps for an hour.
    let looked = || stand_in.requests().iter().any(|r| r.operation.as_deref() == Some("images_get"));
    let give_up = std::time::Instant::now() + Duration::from_secs(60);
    while !looked() && std::time::Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(looked(), "{:?}", stand_in.requests());
    std::thread::sleep(Duration::from_millis(200));
    cancel.cancel();
    let e = ended
        .recv_timeout(Duration::from_secs(120))
        .expect("the publish did not end within two minutes of its cancel: its wait slept on")
        .unwrap_err();
    publisher.join().unwrap();
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    assert!(e.to_string().contains("the publish was cancelled while image"), "{e}");
    let id = e.created_image().unwrap();
    assert!(e.created_image_deleted() && e.staging_object_deleted(), "{e}");
    assert!(stand_in.image(id).is_none());
    assert!(stand_in.spaces_objects(BUCKET).is_empty());
    let log = stand_in.requests();
    assert_eq!(
        operations(&log),
        ["spaces_put_object", "images_create_custom", "images_get", "images_delete", "spaces_delete_object"]
    );
}

#[test]
fn a_wrong_secret_is_refused_by_spaces_with_a_clear_error_and_nothing_is_imported() {
    let (stand_in, client) = start();
    let disk = Disk::new("disk.img", 64 * 1024);
    let wrong = stand_in
        .spaces_builder(BUCKET)
        .keys(DigitalOceanStandIn::SPACES_ACCESS_KEY_ID, "not-the-secret-key")
        .build()
        .unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &wrong).file(&disk.path).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Upload, Some(403)));
    let message = e.to_string();
    assert!(message.contains("refused the upload (SignatureDoesNotMatch)"), "{message}");
    assert!(message.contains("SPACES_SECRET_ACCESS_KEY"), "{message}");
    assert!(message.contains("nothing was stored"), "{message}");
    let shown = format!("{message} {e:?} {wrong:?}");
    assert!(!shown.contains("not-the-secret-key"), "{shown}");
    assert_eq!(e.staging_object(), None);
    let log = stand_in.requests();
    assert_eq!(operations(&log), ["spaces_put_object"]);
    assert_eq!(log[0].status, Some(403));
    assert!(stand_in.spaces_uploads().is_empty());

    // A wrong access key, and a bucket that does not exist.
    let other = stand_in.spaces_builder(BUCKET).keys("DO00SOMEONEELSE", "x").build().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &other).file(&disk.path).unwrap_err();
    assert!(e.to_string().contains("(InvalidAccessKeyId)"), "{e}");
    let missing = stand_in.spaces_builder("no-such-bucket").build().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &missing).file(&disk.path).unwrap_err();
    assert_eq!(e.status(), Some(404));
    assert!(e.to_string().contains("(NoSuchBucket)"), "{e}");
}

#[test]
fn a_staging_object_that_cannot_be_deleted_is_reported_with_the_image() {
    let (stand_in, client) = start();
    let disk = Disk::new("disk.img", 100 * 1024);
    stand_in.inject("spaces_delete_object", Fault::status(403)).unwrap();
    let spaces = stand_in.spaces().unwrap();
    let published =
        client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(&disk.path).unwrap();
    assert_eq!(published.image.status.as_ref().map(|s| s.to_string()).as_deref(), Some("available"));
    let left = published.left_behind.as_ref().expect("the delete failed");
    assert_eq!(format!("{}/{}", left.bucket, left.key), published.staging_object);
    assert_eq!(left.error.status(), Some(403));
    assert!(
        left.to_string().starts_with(&format!("staging object {} was not deleted", published.staging_object))
    );
    let objects = stand_in.spaces_objects(BUCKET);
    assert_eq!(objects.len(), 1);
    assert_eq!((objects[0].key.as_str(), objects[0].len), (left.key.as_str(), disk.len));
}

#[test]
fn bad_input_is_refused_before_anything_is_sent() {
    let (stand_in, client) = start();
    let spaces = stand_in.spaces().unwrap();
    let publish = || client.images().publish(PublishImage::new("web", "nyc3"), &spaces);
    let iso = Disk::new("disk.iso", 1024);
    let empty = Disk::new("disk.img", 0);
    for (e, says) in [
        (publish().file(&iso.path).unwrap_err(), "\"disk.iso\" has none of them"),
        (publish().file(&empty.path).unwrap_err(), "the image is empty"),
        (publish().source(UploadSource::reader(io::empty(), 10)).unwrap_err(), "needs file_name(..)"),
        (
            publish()
                .file_name("big.img")
                .source(UploadSource::reader(io::repeat(0), (5 << 30) + 1))
                .unwrap_err(),
            "over the 5368709120 bytes",
        ),
        (
            client.images().publish(PublishImage::new(" ", "nyc3"), &spaces).file(&empty.path).unwrap_err(),
            "the image name must not be empty",
        ),
    ] {
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(e.to_string().contains(says), "{e}");
    }
    assert_eq!(publish().file(iso.dir.join("missing.img")).unwrap_err().kind(), ErrorKind::Io);
    assert!(stand_in.requests().is_empty());
}

#[test]
fn a_url_used_after_it_expired_is_refused() {
    // The stand-in's clock is two hours ahead of the client's: the PUT URL (one hour) has expired.
    let ahead = std::time::SystemTime::now() + Duration::from_secs(2 * 3600);
    let stand_in =
        DigitalOceanStandIn::builder().clock(Clock::manual_at(ahead)).seed(Seed::Public).start().unwrap();
    let client = stand_in.client().unwrap();
    let disk = Disk::new("disk.img", 4096);
    let spaces = stand_in.spaces().unwrap();
    let e = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(&disk.path).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Upload, Some(403)));
    assert!(e.to_string().contains("(AccessDenied)") && e.to_string().contains("Request has expired"), "{e}");
    assert!(stand_in.spaces_uploads().is_empty());
}
