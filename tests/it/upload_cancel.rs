//! Cancelling a Linode upload, against the stand-in: from the progress callback
//! (`ControlFlow::Break`) and from another thread (`CancelUpload`), while compressing, while
//! sending, between tries and before anything was created. A cancelled upload deletes the image
//! it created (the stand-in no longer has it, its log shows the `DELETE`), leaves no temporary
//! file, and fails with `ErrorKind::Cancelled`.

use std::collections::HashSet;
use std::io::{self, Cursor, Read, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use cloud_images::linode::{CancelUpload, CreateUpload, UploadPhase, UploadProgress};
use cloud_images::testing::{Fault, LinodeStandIn, Request};
use cloud_images::{ErrorKind, RetryPolicy};
use flate2::Compression;
use flate2::write::GzEncoder;

use crate::alone;

/// This process's temporary upload files: those with a name in the temporary directory the
/// upload uses (`std::env::temp_dir()`), and (on Linux) those still open, whose name is gone.
/// Other tests of this binary upload too: every test that looks at them runs alone in its own
/// process (`alone::in_own_process`).
fn temp_files() -> HashSet<PathBuf> {
    let prefix = format!("cloud-images-upload-{}-", std::process::id());
    let named = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)));
    let mut found: HashSet<PathBuf> = named.collect();
    if let Ok(fds) = std::fs::read_dir("/proc/self/fd") {
        let open = fds
            .filter_map(|e| e.ok().and_then(|e| std::fs::read_link(e.path()).ok()))
            .filter(|target| target.to_string_lossy().contains(&prefix));
        found.extend(open);
    }
    found
}

/// Bytes that gzip cannot shrink (xorshift), so that the compressed data takes several reads.
fn noise(len: usize) -> Vec<u8> {
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

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

fn operations(log: &[Request]) -> Vec<(&str, &str)> {
    log.iter().map(|r| (r.method.as_str(), r.operation.as_deref().unwrap_or("-"))).collect()
}

/// The stand-in's log once it has `n` requests. A `PUT` cut short by a cancel is logged when
/// the stand-in has read what came of it, which may be after the upload's `DELETE` was logged:
/// its place in the log is not fixed, only that it is there.
fn log_of(stand_in: &LinodeStandIn, n: usize) -> Vec<Request> {
    let give_up = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let log = stand_in.requests();
        if log.len() >= n || std::time::Instant::now() > give_up {
            return log;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// The log of an upload cancelled while sending: the create first, then its `PUT` (cut short,
/// not a 200) and the `DELETE`, those two in either order.
fn assert_put_cut_short(stand_in: &LinodeStandIn) -> Request {
    let log = log_of(stand_in, 3);
    let mut ops = operations(&log);
    assert_eq!(ops.first(), Some(&("POST", "post-upload-image")), "{log:#?}");
    ops.sort_unstable();
    assert_eq!(
        ops,
        [("DELETE", "delete-image"), ("POST", "post-upload-image"), ("PUT", "object-storage-put")],
        "{log:#?}"
    );
    let put = log.iter().find(|r| r.method == "PUT").unwrap().clone();
    assert_ne!(put.status, Some(200), "{put:?}");
    put
}

/// The image the upload created: from its create answer in the stand-in's log.
fn created_id(stand_in: &LinodeStandIn) -> String {
    let log = stand_in.requests();
    let create = log.iter().find(|r| r.operation.as_deref() == Some("post-upload-image")).unwrap();
    create.note.split(' ').next().unwrap().to_string()
}

/// Checks what every cancel after the create leaves: the image deleted (gone from the
/// stand-in, a `DELETE` of it last in the log), the error saying so, no temporary file.
fn assert_cleaned_up(stand_in: &LinodeStandIn, e: &cloud_images::Error, temp_before: &HashSet<PathBuf>) {
    let id = created_id(stand_in);
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    assert_eq!((e.created_image(), e.created_image_deleted()), (Some(id.as_str()), true), "{e}");
    assert!(
        e.to_string().starts_with(&format!("image {id} was deleted again: the upload was cancelled ")),
        "{e}"
    );
    assert!(stand_in.account_images().iter().all(|i| i.id != id), "{id} is still there");
    assert!(stand_in.image(&id).is_none());
    let log = stand_in.requests();
    let deletes: Vec<_> = log.iter().filter(|r| r.method == "DELETE").collect();
    assert_eq!(deletes.len(), 1, "{log:#?}");
    let delete = deletes[0];
    assert_eq!(delete.operation.as_deref(), Some("delete-image"));
    assert_eq!(
        (delete.path.clone(), delete.status),
        (format!("/v4/images/{}", id.replace('/', "%2F")), Some(200))
    );
    assert_eq!(&temp_files(), temp_before, "a temporary file was left behind");
}

#[test]
fn the_progress_callback_cancels_while_compressing() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let raw = vec![0u8; 1 << 20];
    let mut seen = Vec::new();
    let mut temp_while_compressing = None;
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .progress(|p: UploadProgress| {
            seen.push(p);
            if p.phase == UploadPhase::Compressing && p.done >= 256 * 1024 {
                temp_while_compressing = Some(temp_files().len());
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        })
        .seekable(Cursor::new(raw))
        .unwrap_err();

    let last = *seen.last().unwrap();
    assert_eq!((last.phase, last.done, last.total), (UploadPhase::Compressing, 256 * 1024, 1 << 20));
    assert!(seen.iter().all(|p| p.phase == UploadPhase::Compressing), "{seen:?}");
    assert!(
        e.to_string().ends_with("by its progress callback while compressing (262144 of 1048576 bytes)"),
        "{e}"
    );
    if cfg!(target_os = "linux") {
        assert_eq!(temp_while_compressing, Some(before.len() + 1), "the temporary file was open then");
    }
    // Nothing was sent to object storage: created, then deleted.
    assert_eq!(operations(&stand_in.requests()), [("POST", "post-upload-image"), ("DELETE", "delete-image")]);
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn the_progress_callback_cancels_while_sending() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    // A raw image: compressed into a temporary file, then sent from it in several reads.
    let raw = noise(12 << 20);
    let mut sending = Vec::new();
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .progress(|p: UploadProgress| {
            if p.phase != UploadPhase::Uploading {
                return ControlFlow::Continue(());
            }
            sending.push(p);
            if p.done > 0 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        })
        .seekable(Cursor::new(raw))
        .unwrap_err();

    // Cancelled at the first chunk sent, with more to send.
    let [start, cancelled] = sending[..] else { panic!("{sending:?}") };
    assert_eq!(start.done, 0);
    assert!(cancelled.done > 0 && cancelled.done < cancelled.total, "{cancelled:?}");
    let at = format!("while sending ({} of {} bytes)", cancelled.done, cancelled.total);
    assert!(e.to_string().ends_with(&format!("by its progress callback {at}")), "{e}");
    assert_eq!(e.attempts(), 1, "a cancelled PUT is not retried");

    // One PUT, cut short (the stand-in saw less than the whole body), and the DELETE.
    let put = assert_put_cut_short(&stand_in);
    assert_eq!(put.header("content-length"), Some(cancelled.total.to_string().as_str()));
    assert!(put.body_len < cancelled.total, "{put:?}");
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn a_cancel_at_the_start_of_sending_starts_no_put() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .progress(|p: UploadProgress| match p.phase {
            UploadPhase::Uploading => ControlFlow::Break(()),
            _ => ControlFlow::Continue(()),
        })
        .seekable(Cursor::new(vec![1u8; 100_000]))
        .unwrap_err();
    let shown = e.to_string();
    assert!(
        shown.contains("by its progress callback while sending (0 of ") && shown.ends_with(" bytes)"),
        "{e}"
    );
    assert_eq!(operations(&stand_in.requests()), [("POST", "post-upload-image"), ("DELETE", "delete-image")]);
    assert_cleaned_up(&stand_in, &e, &before);
}

/// A source that stops after `at` bytes until the test lets it go on: the other thread can
/// act while the upload is in the middle of reading it, without any sleep.
struct Gate {
    inner: Cursor<Vec<u8>>,
    at: u64,
    reached: Option<mpsc::Sender<()>>,
    go: mpsc::Receiver<()>,
}

impl Read for Gate {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.inner.position() >= self.at
            && let Some(reached) = self.reached.take()
        {
            reached.send(()).unwrap();
            self.go.recv().unwrap();
        }
        let room = usize::try_from(self.at.saturating_sub(self.inner.position())).unwrap_or(usize::MAX);
        let n = if room == 0 { buf.len() } else { buf.len().min(room) };
        self.inner.read(&mut buf[..n])
    }
}

/// A gate over `data` at byte `at`, and a thread that cancels `handle` when the upload gets
/// there, then lets it go on.
fn cancel_at(data: Vec<u8>, at: u64, handle: CancelUpload) -> (Gate, std::thread::JoinHandle<()>) {
    let (reached_tx, reached_rx) = mpsc::channel();
    let (go_tx, go_rx) = mpsc::channel();
    let canceller = std::thread::spawn(move || {
        reached_rx.recv().unwrap();
        handle.cancel();
        go_tx.send(()).unwrap();
    });
    (Gate { inner: Cursor::new(data), at, reached: Some(reached_tx), go: go_rx }, canceller)
}

#[test]
fn a_handle_cancels_from_another_thread_while_compressing() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let raw = vec![0u8; 1 << 20];
    let upload = client.images().upload(CreateUpload::new("web", "us-east"));
    let handle = upload.cancel_handle();
    assert!(!handle.is_cancelled());
    let (gate, canceller) = cancel_at(raw, 300_000, handle.clone());
    let mut last = None;
    let e = upload.progress(|p: UploadProgress| last = Some(p)).reader(gate, 1 << 20).unwrap_err();
    canceller.join().unwrap();
    assert!(handle.is_cancelled());

    // Seen as the read that waited for it returned: its bytes were not taken.
    let last = last.unwrap();
    assert_eq!((last.phase, last.done), (UploadPhase::Compressing, 300_000));
    assert!(
        e.to_string().ends_with("the upload was cancelled while compressing (300000 of 1048576 bytes)"),
        "{e}"
    );
    assert_eq!(operations(&stand_in.requests()), [("POST", "post-upload-image"), ("DELETE", "delete-image")]);
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn a_handle_cancels_from_another_thread_while_sending() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    // A gzip stream from a plain reader: sent as it is read, so the gate stops the PUT itself.
    let gz = gzip(&noise(1 << 20));
    let len = gz.len() as u64;
    let cancel = CancelUpload::new();
    let (gate, canceller) = cancel_at(gz, 400_000, cancel.clone());
    let mut last = None;
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .cancel_with(&cancel)
        .progress(|p: UploadProgress| last = Some(p))
        .reader(gate, len)
        .unwrap_err();
    canceller.join().unwrap();

    let last = last.unwrap();
    assert_eq!((last.phase, last.done), (UploadPhase::Uploading, 400_000));
    assert!(
        e.to_string().ends_with(&format!("the upload was cancelled while sending (400000 of {len} bytes)")),
        "{e}"
    );
    let put = assert_put_cut_short(&stand_in);
    assert!(put.body_len <= 400_000, "{put:?}");
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn a_cancel_between_two_tries_of_the_put_sends_no_second_one() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("object-storage-put", Fault::unavailable()).unwrap();
    let client = stand_in.client().unwrap();
    let gz = gzip(&[5u8; 100_000]);
    let upload = client.images().upload(CreateUpload::new("web", "us-east"));
    let handle = upload.cancel_handle();
    // The first PUT is sent whole; the handle is used as it ends (the 503 comes after).
    let e = upload
        .progress(move |p: UploadProgress| {
            if p.phase == UploadPhase::Uploading && p.done == p.total {
                handle.cancel();
            }
        })
        .seekable(Cursor::new(gz))
        .unwrap_err();
    assert!(e.to_string().ends_with("the upload was cancelled before sending again"), "{e}");
    assert_eq!(e.attempts(), 1);
    let log = stand_in.requests();
    assert_eq!(
        operations(&log),
        [("POST", "post-upload-image"), ("PUT", "object-storage-put"), ("DELETE", "delete-image")]
    );
    assert_eq!(log[1].status, Some(503));
    assert_cleaned_up(&stand_in, &e, &before);
}

/// Object storage asks for an hour before the next try, and the policy allows it: a cancel from
/// the handle during that sleep ends the upload then, not an hour later. (The bound below is a
/// liveness bound, far from both: a cancel is seen within 50 ms; the old code slept the hour.)
#[test]
fn a_cancel_while_sleeping_before_the_next_try_of_the_put_ends_the_upload_then() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("object-storage-put", Fault::too_many_requests(Duration::from_secs(3600))).unwrap();
    let patient = RetryPolicy::default().max_wait(Duration::from_secs(7200));
    let client = stand_in.client_builder().retry_policy(patient).build().unwrap();
    let gz = gzip(&[6u8; 100_000]);
    let cancel = CancelUpload::new();
    let (done, ended) = mpsc::channel();
    let uploader = {
        let cancel = cancel.clone();
        std::thread::spawn(move || {
            let upload = client.images().upload(CreateUpload::new("web", "us-east")).cancel_with(&cancel);
            let _ = done.send(upload.seekable(Cursor::new(gz)));
        })
    };
    // Once object storage has answered 429 to the first PUT, the upload sleeps.
    let answered = || {
        stand_in
            .requests()
            .iter()
            .any(|r| r.operation.as_deref() == Some("object-storage-put") && r.status == Some(429))
    };
    let give_up = std::time::Instant::now() + Duration::from_secs(60);
    while !answered() && std::time::Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(answered(), "{:?}", stand_in.requests());
    std::thread::sleep(Duration::from_millis(200));
    cancel.cancel();
    let e = ended
        .recv_timeout(Duration::from_secs(120))
        .expect("the upload did not end within two minutes of its cancel: it slept on")
        .unwrap_err();
    uploader.join().unwrap();
    assert!(e.to_string().ends_with("the upload was cancelled before sending again"), "{e}");
    assert_eq!(e.attempts(), 1);
    let log = stand_in.requests();
    assert_eq!(
        operations(&log),
        [("POST", "post-upload-image"), ("PUT", "object-storage-put"), ("DELETE", "delete-image")]
    );
    assert_eq!(log[1].status, Some(429));
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn a_cancel_before_the_image_is_created_sends_nothing() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let upload = client.images().upload(CreateUpload::new("web", "us-east"));
    upload.cancel_handle().cancel();
    let e = upload.seekable(Cursor::new(vec![0u8; 4096])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Cancelled);
    assert_eq!(e.to_string(), "the upload was cancelled before it started");
    assert_eq!((e.created_image(), e.created_image_deleted()), (None, false));
    assert!(stand_in.requests().is_empty(), "{:?}", stand_in.requests());
    assert_eq!(temp_files(), before);
}

#[test]
fn keep_on_failure_does_not_keep_a_cancelled_upload() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .keep_on_failure(true)
        .progress(
            |p: UploadProgress| if p.done > 0 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) },
        )
        .seekable(Cursor::new(vec![0u8; 1 << 20]))
        .unwrap_err();
    assert_eq!(operations(&stand_in.requests()), [("POST", "post-upload-image"), ("DELETE", "delete-image")]);
    assert_cleaned_up(&stand_in, &e, &before);
}

#[test]
fn a_callback_that_returns_nothing_still_compiles_and_reports_everything() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let kept = seen.clone();
    let image = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .progress(move |p| kept.lock().unwrap().push(p))
        .seekable(Cursor::new(vec![0u8; 300_000]))
        .unwrap();
    let seen = seen.lock().unwrap();
    let ends: Vec<_> = seen.iter().filter(|p| p.done == p.total).map(|p| (p.phase, p.total)).collect();
    assert_eq!(ends[0], (UploadPhase::Compressing, 300_000));
    assert_eq!(ends[1].0, UploadPhase::Uploading);
    assert_eq!(
        operations(&stand_in.requests()),
        [("POST", "post-upload-image"), ("PUT", "object-storage-put")]
    );
    let received = stand_in.received(&image.id).unwrap();
    assert_eq!((received.raw_bytes, received.gzip_bytes), (300_000, ends[1].1));
    assert_eq!(temp_files(), before);
}

#[test]
fn the_cancel_handle_is_clone_send_and_sync() {
    fn shared<T: Clone + Send + Sync + 'static>() {}
    shared::<CancelUpload>();
    let a = CancelUpload::new();
    let b = a.clone();
    std::thread::spawn(move || b.cancel()).join().unwrap();
    assert!(a.is_cancelled());
}

#[test]
fn a_cancelled_upload_whose_delete_fails_says_so_and_names_the_image() {
    if !alone::in_own_process() {
        return;
    }
    let before = temp_files();
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject("delete-image", Fault::status(403)).unwrap();
    let client = stand_in.client().unwrap();
    let e = client
        .images()
        .upload(CreateUpload::new("web", "us-east"))
        .progress(
            |p: UploadProgress| if p.done > 0 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) },
        )
        .seekable(Cursor::new(vec![0u8; 1 << 20]))
        .unwrap_err();
    let id = created_id(&stand_in);
    assert_eq!(e.kind(), ErrorKind::Cancelled);
    assert_eq!((e.created_image(), e.created_image_deleted()), (Some(id.as_str()), false));
    let shown = e.to_string();
    assert!(shown.starts_with(&format!("image {id} was created, and deleting it failed (")), "{shown}");
    assert!(
        shown
            .contains("it stays pending_upload until Linode deletes it after 24 h: the upload was cancelled"),
        "{shown}"
    );
    assert_eq!(operations(&stand_in.requests()), [("POST", "post-upload-image"), ("DELETE", "delete-image")]);
    assert_eq!(stand_in.requests()[1].status, Some(403));
    assert!(stand_in.image(&id).is_some(), "{id} is still there, pending_upload");
    assert_eq!(temp_files(), before);
}
