//! A raw image is compressed into a temporary file that the system removes even when the
//! process is killed: this test runs its own binary again as a child, with `TMPDIR` set to a
//! fresh directory, lets it start compressing a large generated image, kills it with SIGKILL,
//! and checks that the directory is empty.

use crate::{alone, common};

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use cloud_images::linode::{Client, CreateUpload, UploadPhase};
use common::{Reply, Server};

/// Set in the child: the API it talks to.
const CHILD_API: &str = "CLOUD_IMAGES_KILL_TEST_API";
const TEST_NAME: &str = "a_killed_upload_leaves_no_temporary_file";
/// What the child prints once it has compressed this much.
const MARKER: &str = "compressing:";
const FAST_BYTES: u64 = 4 * 1024 * 1024;

#[test]
fn a_killed_upload_leaves_no_temporary_file() {
    if let Ok(api) = std::env::var(CHILD_API) {
        child(&api);
        return;
    }
    let created = include_str!("../fixtures/linode_facade/upload_created.json");
    let server = Server::start(vec![Reply::json(200, created)]);
    let dir = std::env::temp_dir().join(format!("cloud-images-kill-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = RemoveDir(dir.clone());

    let child = Command::new(std::env::current_exe().unwrap())
        .args([
            alone::test_name(module_path!(), TEST_NAME).as_str(),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_API, server.url())
        .env("TMPDIR", &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut child = KillOnDrop(child);
    let pid = child.0.id();

    // Wait (at most a minute) for the child to say it is compressing.
    let stdout = child.0.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let _ = tx.send(line);
        }
    });
    let mut output = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) if line.contains(MARKER) => break, // after libtest's "test ... "
            Ok(line) => output.push(line),
            Err(e) => panic!("the child never started compressing ({e}); it printed {output:#?}"),
        }
    }
    // The image was created before compression started.
    assert_eq!(server.count(), 1);
    assert_eq!(server.seen()[0].method, "POST");

    // Linux shows it: the child holds a temporary file of this directory, already nameless.
    #[cfg(target_os = "linux")]
    {
        let held = open_files_in(pid, &dir);
        assert_eq!(held.len(), 1, "{held:?}");
        let (target, size) = &held[0];
        assert!(target.ends_with(" (deleted)"), "{target}");
        assert!(target.contains("cloud-images-upload-"), "{target}");
        assert!(*size > 0, "nothing compressed yet into {target}");
    }
    let _ = pid;

    child.0.kill().unwrap(); // SIGKILL: no destructor, no handler runs
    let status = child.0.wait().unwrap();
    assert!(!status.success());
    let left: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// The child: uploads a 1 GiB raw image whose first 4 MiB come at once and the rest slowly,
/// printing the marker once it has compressed 2 MiB. It is killed long before it ends.
fn child(api: &str) {
    let client = Client::builder().token("kill-test-token").base_url(api).build().unwrap();
    let mut said = false;
    let len = 1024 * 1024 * 1024;
    let result = client
        .images()
        .upload(CreateUpload::new("alpine-3-20-custom", "us-east"))
        .progress(|p| {
            if p.phase == UploadPhase::Compressing && p.done >= FAST_BYTES / 2 && !said {
                said = true;
                let mut out = io::stdout().lock();
                writeln!(out, "{MARKER} {}", p.done).unwrap();
                out.flush().unwrap();
            }
        })
        .reader(Slow { pos: 0, len }, len);
    panic!("the child was not killed: {result:?}");
}

/// A raw image: pseudo-random bytes (so the gzip output is not tiny), fast at first, then one
/// 64 KiB chunk a second.
struct Slow {
    pos: u64,
    len: u64,
}

impl Read for Slow {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.len {
            return Ok(0);
        }
        if self.pos >= FAST_BYTES {
            std::thread::sleep(Duration::from_secs(1));
        }
        let n = buf.len().min(64 * 1024).min((self.len - self.pos) as usize);
        let mut x = self.pos | 1;
        for b in &mut buf[..n] {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = if x.is_multiple_of(4) { x as u8 } else { 0 };
        }
        self.pos += n as u64;
        Ok(n)
    }
}

/// The open files of process `pid` that are (or were) in `dir`: link target and size.
#[cfg(target_os = "linux")]
fn open_files_in(pid: u32, dir: &Path) -> Vec<(String, u64)> {
    let dir = dir.canonicalize().unwrap().display().to_string();
    let mut found = Vec::new();
    for fd in std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap() {
        let link = fd.unwrap().path();
        let Ok(target) = std::fs::read_link(&link) else { continue };
        let target = target.display().to_string();
        if target.starts_with(&format!("{dir}/")) {
            // The magic link still reaches the file: its size is what was written so far.
            let size = std::fs::metadata(&link).map(|m| m.len()).unwrap_or(0);
            found.push((target, size));
        }
    }
    found
}

struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct RemoveDir(PathBuf);

impl Drop for RemoveDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
