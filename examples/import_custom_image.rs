//! Imports a custom image into DigitalOcean from a URL and waits until it is available.
//!
//! ```sh
//! DIGITALOCEAN_TOKEN=... cargo run --example import_custom_image -- \
//!     https://example.com/images/my-image.qcow2.gz nyc3 my-image
//! ```
//!
//! DigitalOcean downloads the image itself (raw, qcow2, vhdx, vdi or vmdk, optionally gzip or
//! bzip2 compressed); the call returns at once with the image in status `NEW`, and the import
//! takes minutes. Needs a token with write access in `DIGITALOCEAN_TOKEN` (or
//! `DIGITALOCEAN_ACCESS_TOKEN`). The image is left in place: delete it from the control panel
//! or with `client.images().delete(id)` when done.

use std::process::ExitCode;
use std::time::Duration;

use cloud_images::digitalocean::{Client, CustomImage};
use indicatif::ProgressBar;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "usage: cargo run --example import_custom_image -- <url> <region> <name>";

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
    let [url, region, name] = args.as_slice() else {
        return Err(USAGE.into());
    };
    // Fails, naming both variables, when no token is set.
    let client = Client::from_env()?;

    let image = client.images().import(CustomImage::new(name, url, region.as_str()))?;
    let id = image.id; // an answer without an id would have been a decode error
    let status = image.status.as_ref().map_or("unknown", |s| s.as_str());
    println!("importing {name} as image {id} ({status}); waiting until it is available");

    let spinner = ProgressBar::new_spinner().with_message(format!("DigitalOcean is importing {url}"));
    spinner.enable_steady_tick(Duration::from_millis(120));
    let waited = client.images().wait_until_available(id).timeout(Duration::from_secs(60 * 60)).send();
    spinner.finish_and_clear();
    let image = waited?;

    let regions: Vec<&str> = image.regions.iter().map(|r| r.as_str()).collect();
    println!("id            {id}");
    println!("name          {}", image.name.as_deref().unwrap_or("-"));
    println!("status        {}", image.status.as_ref().map_or("-", |s| s.as_str()));
    println!("distribution  {}", image.distribution.as_ref().map_or("-", |d| d.as_str()));
    println!("regions       {}", regions.join(", "));
    if let Some(size) = image.size_gigabytes {
        println!("size          {size:.2} GB (min disk {} GB)", image.min_disk_size.unwrap_or_default());
    }
    Ok(())
}
