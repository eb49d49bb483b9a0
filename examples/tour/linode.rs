//! The Linode part of the tour: against the stand-in, the whole life of an uploaded image;
//! live, the read-only steps.

use std::path::Path;
use std::time::{Duration, Instant};

use cloud_images::Provider;
use cloud_images::linode::types::Image;
use cloud_images::linode::{Client, CreateUpload, Filter, Linode, UploadPhase, UploadProgress};
use cloud_images::testing::LinodeStandIn;
use indicatif::{ProgressBar, ProgressStyle};

use crate::{Result, USER_AGENT, disk, show};

/// How often the waits poll the stand-in, and how long they wait at most.
const POLL: Duration = Duration::from_millis(250);
const WAIT: Duration = Duration::from_secs(30);

/// The whole life of an image, against the crate's stand-in for the API and object storage.
pub fn tour(stand_in: &LinodeStandIn, workdir: &Path) -> Result<()> {
    show::section(
        "Linode · Images API v4",
        &format!(
            "API stand-in     {}   (a fake token)\nobject storage   {}   (where uploads go)",
            stand_in.base_url(),
            stand_in.storage_url()
        ),
    );
    // The stand-in's client: its base URL and (fake) token, retries with short waits.
    let client = stand_in.client_builder().user_agent(USER_AGENT).build()?;
    let mut steps = show::Steps::new(9);

    let step = steps.start("List the public images, 25 a page");
    let filter = Filter::eq("is_public", true);
    show::say(format!("filter sent as X-Filter: {}", filter.to_header_value()?));
    let mut pages = client.images().list().page_size(25).filter(filter).iter();
    let public = pages.by_ref().collect::<Result<Vec<Image>, _>>()?;
    show::exchanges(stand_in.take_requests());
    println!();
    image_table(&public, 10);
    step.done(format!("{} public images in {} pages", public.len(), pages.pages_fetched()));

    let step = steps.start("Build a raw disk image");
    let disk = disk::build(&workdir.join("tour-disk.img"))?;
    show::say(format!("{}, {} raw", disk.path.display(), show::bytes(disk.size)));
    show::say(format!(
        "an MBR with one Linux partition, an ext4 superblock, {} of files, the rest zeros",
        show::bytes(disk.used)
    ));
    step.done("built");

    let step = steps.start("Upload it: create the image, compress, PUT the data");
    let request = CreateUpload::new("tour-disk", "us-east")
        .description("A raw disk built by the cloud-images tour")
        .tags(["tour"])
        .cloud_init(true);
    let mut bars = Bars::new()?;
    let image = client.images().upload(request).progress(|p| bars.update(p)).file(&disk.path)?;
    let (compressed, uploaded) = bars.finish();
    show::say(compressed);
    let requests = stand_in.take_requests();
    let put = requests.iter().find(|r| r.operation.as_deref() == Some("object-storage-put"));
    let put_had_token = put.is_some_and(|r| r.header("authorization").is_some());
    show::exchanges(requests);
    show::say(uploaded);
    let received =
        stand_in.received(&image.id).ok_or(format!("object storage received nothing for {}", image.id))?;
    if received.raw_bytes != disk.size {
        return Err(format!("object storage unpacked {} bytes, not {}", received.raw_bytes, disk.size).into());
    }
    show::say(format!(
        "object storage got {} of gzip, which unpacks to the {} of the disk, byte for byte",
        show::bytes(received.gzip_bytes),
        show::bytes(received.raw_bytes)
    ));
    if put_had_token {
        return Err("the upload PUT carried an Authorization header".into());
    }
    show::say(format!(
        "the data went to object storage ({}), not to the API, and without the token:",
        host(&stand_in.storage_url())
    ));
    show::say("the PUT carried no Authorization header (object storage refuses one, as S3 does)");
    step.done(format!("{} created: {}", image.id, show::or_dash(&image.status)));

    let step = steps.start("Wait until it is available (a poll every 250 ms)");
    let image = client.images().wait_until_available(&image.id).timeout(WAIT).interval(POLL).send()?;
    show::exchanges(stand_in.take_requests());
    step.done(format!(
        "{} is {}: {}, in {}",
        image.id,
        show::or_dash(&image.status),
        megabytes(image.size),
        regions(&image)
    ));

    let step = steps.start("Update its label and tags");
    let image =
        client.images().update(&image.id).label("tour-disk-golden").tags(["tour", "golden"]).send()?;
    show::exchanges(stand_in.take_requests());
    let label = image.label.as_ref().map_or_else(|| "-".to_string(), |l| format!("{l:?}"));
    step.done(format!("label {label}, tags [{}]", image.tags.join(", ")));

    let step = steps.start("Replicate it to two more regions");
    show::say("add_regions keeps us-east: it reads the image, then sends its regions and the new ones");
    show::say("(replicate(id, regions) sends the list as given, and a region left out loses its copy)");
    let image = client.images().add_regions(&image.id, ["us-ord", "fr-par"])?;
    show::exchanges(stand_in.take_requests());
    region_table(&image);
    step.done(format!("asked for {}", regions(&image)));

    let step = steps.start("Wait for the replicas (a poll every 250 ms)");
    let image = client
        .images()
        .wait_until_replicated(&image.id, ["us-ord", "fr-par"])
        .timeout(WAIT)
        .interval(POLL)
        .send()?;
    show::exchanges(stand_in.take_requests());
    region_table(&image);
    step.done(format!("{} is available in {}", image.id, regions(&image)));

    let step = steps.start("Share it with other accounts through a share group (beta, v4beta)");
    let group = client.sharegroups().create("tour-golden-images").image(&image.id).send()?;
    let shared = client.sharegroups().images(group.id).list().send()?;
    let copy = shared.items.first().ok_or("the share group holds no image")?;
    let by = copy.image_sharing.as_ref().and_then(|s| s.shared_by.as_ref()).ok_or("no shared_by")?;
    show::say(format!(
        "{} is a shared copy of {}: type {}, shared by group {:?} ({})",
        copy.id,
        show::or_dash(&by.source_image_id),
        show::or_dash(&copy.type_),
        show::or_dash(&by.sharegroup_label),
        show::or_dash(&by.sharegroup_id),
    ));
    client.sharegroups().delete(group.id)?;
    show::exchanges(stand_in.take_requests());
    step.done(format!("share group {} made, {} shown, the group deleted", group.id, copy.id));

    let step = steps.start("Delete it");
    client.images().delete(&image.id)?;
    match client.images().get(&image.id) {
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(format!("{} is still there after its deletion", image.id).into()),
    }
    show::exchanges(stand_in.take_requests());
    step.done(format!("{} deleted; a GET now answers 404", image.id));
    Ok(())
}

/// The read-only steps against the real API (or the one `LINODE_URL` names): anonymous without a
/// token (public images only).
pub fn live() -> Result<()> {
    let token_var = token_var(Linode::TOKEN_VARS);
    let who = match token_var {
        Some(var) => format!("with the token in {var}"),
        None => format!("anonymous: {} is not set, so public images only", Linode::TOKEN_VARS.join(" / ")),
    };
    let url = std::env::var(Linode::BASE_URL_VAR).ok().filter(|url| !url.trim().is_empty());
    let url = url.unwrap_or_else(|| Linode::DEFAULT_BASE_URL.to_string());
    show::section("Linode · Images API v4 (live)", &format!("{url}   {who}"));
    let builder = Client::builder().base_url_from_env().user_agent(USER_AGENT);
    let client = match token_var {
        Some(_) => builder.token_from_env().build()?,
        None => builder.build()?, // no token: an anonymous client, explicitly
    };
    let mut steps = show::Steps::new(if token_var.is_some() { 3 } else { 2 });

    let step = steps.start("List the public images, 100 a page");
    let mut pages = client.images().list().page_size(100).filter(Filter::eq("is_public", true)).iter();
    let public = pages.by_ref().collect::<Result<Vec<Image>, _>>()?;
    image_table(&public, 10);
    step.done(format!("{} public images in {} pages", public.len(), pages.pages_fetched()));

    let step = steps.start("Get one image");
    let id = public.iter().find(|i| i.id == "linode/debian12").or(public.first()).map(|i| i.id.clone());
    let id = id.unwrap_or_else(|| "linode/debian12".to_string());
    let image = client.images().get(&id)?;
    image_table(std::slice::from_ref(&image), 1);
    step.done(format!(
        "{}: {}, created {}",
        image.id,
        show::or_dash(&image.status),
        show::or_dash(&image.created)
    ));

    if token_var.is_some() {
        let step = steps.start("List your private images");
        let mine = client
            .images()
            .list()
            .filter(Filter::eq("is_public", false))
            .iter()
            .collect::<Result<Vec<Image>, _>>()?;
        if !mine.is_empty() {
            image_table(&mine, 10);
        }
        step.done(format!("{} private images", mine.len()));
    }
    Ok(())
}

/// The first of `vars` that is set and not empty.
pub fn token_var(vars: &'static [&'static str]) -> Option<&'static str> {
    vars.iter().copied().find(|var| std::env::var(var).is_ok_and(|v| !v.trim().is_empty()))
}

/// The first `max` images, and how many more there are.
fn image_table(images: &[Image], max: usize) {
    let rows: Vec<Vec<String>> = images
        .iter()
        .take(max)
        .map(|i| {
            vec![
                i.id.clone(),
                show::or_dash(&i.label),
                megabytes(i.size),
                show::or_dash(&i.status),
                i.vendor.clone().unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    show::table(&["id", "label", "size", "status", "vendor"], &rows, &["size"]);
    if images.len() > max {
        show::say(format!("… and {} more", images.len() - max));
    }
}

fn region_table(image: &Image) {
    let rows: Vec<Vec<String>> =
        image.regions.iter().map(|r| vec![show::or_dash(&r.region), show::or_dash(&r.status)]).collect();
    show::table(&["region", "status"], &rows, &[]);
}

fn regions(image: &Image) -> String {
    image.regions.iter().map(|r| r.region.as_deref().unwrap_or("-")).collect::<Vec<_>>().join(", ")
}

/// `2400 MB`, or `-` when the size is missing.
fn megabytes(size: Option<u64>) -> String {
    size.map_or_else(|| "-".to_string(), |mb| format!("{mb} MB"))
}

/// `127.0.0.1:40123` from `http://127.0.0.1:40123`.
fn host(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest)
}

/// A progress bar per upload phase (drawn only on a terminal), then a line for each.
struct Bars {
    style: ProgressStyle,
    bar: Option<ProgressBar>,
    phase: Option<UploadPhase>,
    started: Instant,
    total: u64,
    /// Each phase finished: what it was, its byte count, how long it took.
    finished: Vec<(UploadPhase, u64, Duration)>,
}

impl Bars {
    fn new() -> Result<Bars> {
        let style = ProgressStyle::with_template(
            "      {prefix:<11} [{wide_bar:.cyan/blue}] {bytes:>10} / {total_bytes:<10} {bytes_per_sec:>12}",
        )?
        .progress_chars("=> ");
        Ok(Bars { style, bar: None, phase: None, started: Instant::now(), total: 0, finished: Vec::new() })
    }

    fn update(&mut self, p: UploadProgress) {
        if self.phase != Some(p.phase) {
            self.close();
            let bar = ProgressBar::new(p.total).with_style(self.style.clone());
            bar.set_prefix(if p.phase == UploadPhase::Compressing { "compressing" } else { "uploading" });
            self.bar = Some(bar);
            self.phase = Some(p.phase);
            self.started = Instant::now();
            self.total = p.total;
        }
        if let Some(bar) = &self.bar {
            bar.set_position(p.done);
        }
    }

    fn close(&mut self) {
        if let (Some(bar), Some(phase)) = (self.bar.take(), self.phase) {
            bar.finish_and_clear();
            self.finished.push((phase, self.total, self.started.elapsed()));
        }
    }

    /// Clears the last bar; a line for each phase: compressing, uploading.
    fn finish(mut self) -> (String, String) {
        self.close();
        let mut compressed = "the image was gzip already: sent as is".to_string();
        let mut uploaded = "nothing was uploaded".to_string();
        let mut raw = None;
        for (phase, bytes, took) in self.finished {
            if phase == UploadPhase::Compressing {
                raw = Some(bytes);
                let rate = bytes as f64 / took.as_secs_f64().max(1e-3);
                compressed = format!(
                    "compressed {} raw in {} ({}/s), gzip level 1, into a temporary file",
                    show::bytes(bytes),
                    show::elapsed(took),
                    show::bytes(rate as u64)
                );
            } else {
                let ratio =
                    raw.map(|r| format!(", {:.1} % of the raw size", bytes as f64 * 100.0 / r as f64));
                uploaded = format!(
                    "sent {} of gzip{} in {}, in one PUT",
                    show::bytes(bytes),
                    ratio.unwrap_or_default(),
                    show::elapsed(took)
                );
            }
        }
        (compressed, uploaded)
    }
}
