//! Publishing to DigitalOcean in a build without the cargo feature `spaces`: through the
//! provider's builder and through the neutral `Cloud`, an `Unsupported` error that names the
//! feature, and not one request sent (the stand-in's log stays empty). Exits non-zero otherwise.

use std::process::ExitCode;

use cloud_images::digitalocean::{PublishImage, Spaces};
use cloud_images::testing::DigitalOceanStandIn;
use cloud_images::{Cloud, ErrorKind, PublishFile};

fn main() -> ExitCode {
    match check() {
        Ok(()) => {
            println!("no-spaces: ok");
            ExitCode::SUCCESS
        }
        Err(failed) => {
            eprintln!("no-spaces: {failed}");
            ExitCode::FAILURE
        }
    }
}

fn check() -> Result<(), String> {
    let stand_in = DigitalOceanStandIn::start().map_err(|e| e.to_string())?;
    let client = stand_in.client().map_err(|e| e.to_string())?;
    let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build().map_err(|e| e.to_string())?;
    let file = std::path::Path::new("web.img"); // never opened: nothing is sent

    let by_builder = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file(file);
    let cloud = client.clone().with_spaces(spaces);
    let by_cloud = cloud.publish(&PublishFile::new("web", "nyc3"), file);
    let plain: &dyn Cloud = &client;
    let by_plain = plain.publish(&PublishFile::new("web", "nyc3"), file);

    let expected = "digitalocean cannot publish a local file: that needs the cargo feature `spaces` of \
                    cloud-images (it signs the spaces requests), which this build does not have; nothing \
                    was sent";
    for (how, result) in [
        ("Publish", by_builder.map(drop)),
        ("CloudWithSpaces", by_cloud.map(drop)),
        ("Client", by_plain.map(drop)),
    ] {
        match result {
            Err(e) if e.kind() == ErrorKind::Unsupported && e.to_string() == expected => {}
            Err(e) => return Err(format!("{how}: {:?} {e}", e.kind())),
            Ok(()) => return Err(format!("{how}: published without the feature")),
        }
    }
    let sent = stand_in.requests();
    if !sent.is_empty() {
        return Err(format!("requests were sent: {sent:?}"));
    }
    Ok(())
}
