//! The whole life of a disk image on Linode and on DigitalOcean, with `cloud-images`.
//!
//! ```sh
//! cargo run --example tour            # against local stand-ins: no token, no network
//! cargo run --example tour -- --live  # the read-only steps against the real APIs
//! ```
//!
//! Without `--live`, the tour starts the crate's own stand-ins for both APIs (and for the object
//! storage that takes Linode uploads) on 127.0.0.1, from `cloud_images::testing`, then, on Linode: lists the public images
//! page by page, builds a 64 MiB raw disk image, compresses and uploads it with a progress bar,
//! waits until it is available, updates it, replicates it, waits for the replicas and deletes
//! it; on DigitalOcean: lists the distribution images page by page, imports a custom image,
//! waits until it is available, transfers it with an image action, waits for the action,
//! converts it and deletes it; then, on both at once through the neutral `cloud_images::Cloud`,
//! the pruning job of `examples/prune_images` (a dry run, then for real). Each step shows the
//! requests the stand-in answered.
//!
//! With `--live`, it lists and gets images from the real APIs, and changes nothing: Linode's
//! public images need no token (without one the client is anonymous; `LINODE_TOKEN` adds your
//! private ones); DigitalOcean needs `DIGITALOCEAN_TOKEN` (or `DIGITALOCEAN_ACCESS_TOKEN`) and is
//! skipped without one. `LINODE_URL` and `DIGITALOCEAN_API_URL` send them to another server.
//!
//! Exits with 0 when every step worked; otherwise prints the error and exits with 1.

mod clouds;
mod digitalocean;
mod disk;
mod linode;
#[path = "../prune_images/prune.rs"]
mod prune;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn};

type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

const USER_AGENT: &str = "cloud-images-tour/0.1";
const USAGE: &str = "usage: cargo run --example tour [-- --live]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let live = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        [] => false,
        ["--live"] => true,
        ["-h" | "--help"] => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let started = Instant::now();
    let result = if live { run_live() } else { run_local() };
    match result {
        Ok(()) => {
            println!("\nDone in {}.", show::elapsed(started.elapsed()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nerror: {e}");
            if !live && let Some(var) = proxy_var() {
                eprintln!(
                    "note: {var} is set, so requests to the stand-ins on 127.0.0.1 may go through that proxy: \
                     try again with NO_PROXY=127.0.0.1"
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn run_local() -> Result<()> {
    show::title(
        "cloud-images tour: the life of an image on Linode and DigitalOcean",
        "Against local stand-ins on 127.0.0.1: no token, no network. `-- --live` for the real APIs.",
    );
    let workdir = WorkDir::create()?;
    let linode_stand_in = LinodeStandIn::start()?;
    let digitalocean_stand_in = DigitalOceanStandIn::start()?;
    linode::tour(&linode_stand_in, &workdir.0)?;
    digitalocean::tour(&digitalocean_stand_in)?;
    clouds::tour(&workdir.0)
}

fn run_live() -> Result<()> {
    show::title(
        "cloud-images tour (live): read-only steps against the real APIs",
        "Lists and gets images; creates, changes and deletes nothing.",
    );
    linode::live()?;
    digitalocean::live()
}

/// A proxy variable that HTTP clients (ureq among them) follow, when set and `NO_PROXY` does
/// not name 127.0.0.1.
fn proxy_var() -> Option<&'static str> {
    let no_proxy = ["NO_PROXY", "no_proxy"].iter().filter_map(|v| std::env::var(v).ok()).collect::<String>();
    if no_proxy.contains("127.0.0.1") || no_proxy.trim() == "*" {
        return None;
    }
    ["ALL_PROXY", "all_proxy", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"]
        .into_iter()
        .find(|var| std::env::var(var).is_ok_and(|v| !v.trim().is_empty()))
}

/// A private temporary directory for the disk image, removed at the end.
struct WorkDir(PathBuf);

impl WorkDir {
    fn create() -> Result<WorkDir> {
        let path = std::env::temp_dir().join(format!("cloud-images-tour-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(WorkDir(path))
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
