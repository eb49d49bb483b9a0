//! Uploads a disk image to Linode, with a progress bar, and waits until it is available.
//!
//! ```sh
//! LINODE_TOKEN=... cargo run --example upload_image -- disk.img us-east [label]
//! ```
//!
//! The image is created in the region first (one with Object Storage: `us-east`, `us-ord`,
//! `fr-par`, ...), so a bad region fails at once. Then a raw image is gzip-compressed into a
//! temporary file; a gzip one (`.img.gz`) is sent as is, to the pre-signed URL Linode returns,
//! in one `PUT`. If that fails, the created image is deleted again. The label defaults to the
//! file's name. Needs a token with `images:read_write` in `LINODE_TOKEN` (or
//! `LINODE_CLI_TOKEN`); without one it stops before reading the file.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use cloud_images::Provider;
use cloud_images::linode::{Client, CreateUpload, Linode, UploadPhase};
use indicatif::{ProgressBar, ProgressStyle};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: cargo run --example upload_image -- <path> <region> [label]";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (path, region, label) = match args.as_slice() {
        [path, region] => (PathBuf::from(path), region.clone(), None),
        [path, region, label] => (PathBuf::from(path), region.clone(), Some(label.clone())),
        _ => return Err(USAGE.into()),
    };
    let has_token =
        Linode::TOKEN_VARS.iter().any(|var| std::env::var(var).is_ok_and(|v| !v.trim().is_empty()));
    if !has_token {
        return Err(format!("no Linode token: set {} to upload", Linode::TOKEN_VARS.join(" or ")).into());
    }
    let label = label.unwrap_or_else(|| default_label(&path));
    let client = Client::from_env()?;

    let style = ProgressStyle::with_template(
        "{prefix:<11} [{wide_bar:.cyan/blue}] {bytes:>10} / {total_bytes:<10} {bytes_per_sec:>12} {eta:>4}",
    )?
    .progress_chars("=> ");
    let bar = ProgressBar::new(0).with_style(style);
    let mut phase = None;
    let image = client
        .images()
        .upload(CreateUpload::new(&label, &region))
        .progress(|p| {
            if phase != Some(p.phase) {
                phase = Some(p.phase);
                bar.set_prefix(if p.phase == UploadPhase::Compressing { "compressing" } else { "uploading" });
                bar.set_length(p.total);
                bar.reset();
            }
            bar.set_position(p.done);
        })
        .file(&path)?;
    bar.finish_and_clear();
    println!(
        "uploaded {} as {} ({}); waiting until it is available",
        path.display(),
        image.id,
        or_dash(&image.status)
    );

    let spinner = ProgressBar::new_spinner().with_message(format!("{} is being processed", image.id));
    spinner.enable_steady_tick(Duration::from_millis(120));
    let waited = client.images().wait_until_available(&image.id).timeout(Duration::from_secs(30 * 60)).send();
    spinner.finish_and_clear();
    let image = waited?;

    let regions: Vec<String> =
        image.regions.iter().map(|r| format!("{} ({})", or_dash(&r.region), or_dash(&r.status))).collect();
    println!("id       {}", image.id);
    println!("label    {}", or_dash(&image.label));
    println!("status   {}", or_dash(&image.status));
    println!("size     {}", image.size.map_or_else(|| "-".to_string(), |size| format!("{size} MB")));
    println!("regions  {}", regions.join(", "));
    println!("created  {} by {}", or_dash(&image.created), or_dash(&image.created_by));
    Ok(())
}

/// The value, or `-` when the server left it out.
fn or_dash<T: std::fmt::Display>(value: &Option<T>) -> String {
    value.as_ref().map_or_else(|| "-".to_string(), ToString::to_string)
}

/// `disk` from `disk.img.gz`.
fn default_label(path: &std::path::Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default();
    if stem.is_empty() { "uploaded-image".to_string() } else { stem.to_string() }
}
