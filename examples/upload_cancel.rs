//! An upload that cleans up on Ctrl-C: the image it created is deleted again, its temporary file
//! removed, and the program says so.
//!
//! ```sh
//! cargo run --example upload_cancel                    # a local stand-in: press Ctrl-C during it
//! cargo run --example upload_cancel -- --self-cancel   # cancels itself after 8 MiB
//! LINODE_TOKEN=... cargo run --example upload_cancel -- --live disk.img us-east
//! ```
//!
//! By default it uploads 32 MiB from a slow source (5 to 10 s) to the crate's Linode stand-in
//! (`cloud_images::testing`): no network, no token, and it ends on its own if no Ctrl-C comes.
//! The library installs no signal handler: the program sets one (here with the `ctrlc` crate)
//! that uses a `CancelUpload` handle; a second Ctrl-C ends the program at once. A process
//! killed outright (`kill -9`) cleans nothing up: so the program first deletes the
//! `pending_upload` images a killed run of it left behind (found by the tag it gives them).

use std::io::Read;
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::time::Duration;

use cloud_images::ErrorKind;
use cloud_images::linode::{CancelUpload, Client, CreateUpload, Filter};
use cloud_images::testing::LinodeStandIn;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The tag this program gives its uploads, to find what a killed run left behind.
const TAG: &str = "upload-cancel-example";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let self_cancel = args.iter().any(|a| a == "--self-cancel");
    let live = match args.iter().position(|a| a == "--live") {
        Some(i) => match (args.get(i + 1), args.get(i + 2)) {
            (Some(path), Some(region)) => Some((path.clone(), region.clone())),
            _ => return Err("usage: upload_cancel [--self-cancel] [--live <path> <region>]".into()),
        },
        None => None,
    };
    let stand_in = if live.is_none() { Some(LinodeStandIn::start()?) } else { None };
    let client = match &stand_in {
        Some(stand_in) => stand_in.client()?,
        None => Client::from_env()?,
    };

    // What a run killed with SIGKILL left behind: private, pending_upload, with our tag.
    let left = Filter::and([
        Filter::eq("is_public", false),
        Filter::eq("status", "pending_upload"),
        Filter::eq("tags", TAG),
    ]);
    for image in client.images().list().filter(left) {
        let image = image?;
        println!("deleting {}, left pending_upload by a killed run", image.id);
        client.images().delete(&image.id)?;
    }

    let cancel = CancelUpload::new();
    let on_ctrl_c = cancel.clone();
    ctrlc::set_handler(move || {
        if on_ctrl_c.is_cancelled() {
            std::process::exit(130); // a second Ctrl-C: stop now
        }
        eprintln!("\nCtrl-C: cancelling the upload and deleting its image");
        on_ctrl_c.cancel();
    })?;

    let region = live.as_ref().map_or("us-east", |(_, region)| region.as_str());
    let upload = client
        .images()
        .upload(CreateUpload::new("cancel-demo", region).tags([TAG]))
        .cancel_with(&cancel)
        .progress(move |p| {
            eprint!("\r{:?}: {} of {} MiB ", p.phase, p.done >> 20, p.total >> 20);
            if self_cancel && p.done >= 8 << 20 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
    let result = match &live {
        Some((path, _)) => upload.file(path),
        None => upload.reader(SlowDisk(32 << 20), 32 << 20),
    };
    eprintln!();
    let code = match result {
        Ok(image) => {
            println!("uploaded {}", image.id);
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == ErrorKind::Cancelled => {
            println!("cancelled: {e}");
            match (e.created_image(), e.created_image_deleted()) {
                (Some(id), false) => println!("{id} is still there: delete it by hand"),
                (Some(id), true) => println!("{id} was deleted"),
                (None, _) => println!("no image had been created"),
            }
            if self_cancel { ExitCode::SUCCESS } else { ExitCode::from(130) }
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(stand_in) = &stand_in {
        let ours = stand_in.account_images().into_iter().filter(|i| i.tags.iter().any(|t| t == TAG));
        let ids: Vec<String> = ours.map(|i| i.id).collect();
        println!(
            "images of this run on the stand-in: {}",
            if ids.is_empty() { "none".into() } else { ids.join(", ") }
        );
    }
    Ok(code)
}

/// A raw disk image of zeros that reads at about 5 MiB/s, to leave time for a Ctrl-C.
struct SlowDisk(u64);

impl Read for SlowDisk {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        std::thread::sleep(Duration::from_millis(10));
        let n = buf.len().min(64 * 1024).min(usize::try_from(self.0).unwrap_or(usize::MAX));
        buf[..n].fill(0);
        self.0 -= n as u64;
        Ok(n)
    }
}
