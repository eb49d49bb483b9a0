//! The DigitalOcean part of the tour: against the stand-in, the whole life of a custom image;
//! live, the read-only steps.

use std::time::Duration;

use cloud_images::Provider;
use cloud_images::digitalocean::types::Image;
use cloud_images::digitalocean::{
    Client, CustomImage, DigitalOcean, Distribution, ImageKind, Offered, Recipient, RegionSlug,
};
use cloud_images::testing::DigitalOceanStandIn;

use crate::{Result, USER_AGENT, linode::token_var, show};

const POLL: Duration = Duration::from_millis(250);
const WAIT: Duration = Duration::from_secs(30);

/// Import, wait, transfer, wait, convert, offer to another team, delete, against the crate's
/// stand-in.
pub fn tour(stand_in: &DigitalOceanStandIn) -> Result<()> {
    show::section(
        "DigitalOcean · Images API v2",
        &format!("API stand-in     {}   (a fake token)", stand_in.base_url()),
    );
    // The stand-in's client: its base URL and (fake) token, retries with short waits.
    let client = stand_in.client_builder().user_agent(USER_AGENT).build()?;
    let mut steps = show::Steps::new(8);

    let step = steps.start("List the distribution images, 10 a page");
    let mut pages = client.images().list().kind(ImageKind::Distribution).per_page(10).iter();
    let distributions = pages.by_ref().collect::<Result<Vec<Image>, _>>()?;
    show::exchanges(stand_in.take_requests());
    println!();
    image_table(&distributions, 10);
    step.done(format!("{} distribution images in {} pages", distributions.len(), pages.pages_fetched()));

    let step = steps.start("Import a custom image from a URL");
    let url = "https://images.example.com/tour/tour-disk-64m.img.gz";
    show::say(format!("DigitalOcean downloads {url} (the stand-in only pretends to)"));
    let request = CustomImage::new("tour-disk", url, "nyc3")
        .distribution(Distribution::Debian)
        .description("A raw disk built by the cloud-images tour")
        .tags(["tour"]);
    let image = client.images().import(request)?;
    show::exchanges(stand_in.take_requests());
    let id = image.id; // an import answer without an id is a decode error
    step.done(format!("image {id} accepted: {}", status(&image)));

    let step = steps.start("Wait until it is available (a poll every 250 ms)");
    let image = client.images().wait_until_available(id).timeout(WAIT).interval(POLL).send()?;
    show::exchanges(stand_in.take_requests());
    step.done(format!("image {id} is {} in {}", status(&image), regions(&image)));

    let actions = client.images().actions(id);
    let step = steps.start("Transfer it to sfo3 with an image action");
    let transfer = actions.transfer(RegionSlug::Sfo3)?;
    show::exchanges(stand_in.take_requests());
    step.done(format!(
        "{} action {}: {}",
        show::or_dash(&transfer.type_),
        transfer.id,
        show::or_dash(&transfer.status)
    ));

    let step = steps.start("Wait for the action (a poll every 250 ms)");
    let done = actions.wait_until_completed(transfer.id).timeout(WAIT).interval(POLL).send()?;
    let image = client.images().get(id)?;
    show::exchanges(stand_in.take_requests());
    let at = done.completed_at.as_deref().unwrap_or("-");
    step.done(format!(
        "action {} {} at {at}; the image is now in {}",
        done.id,
        show::or_dash(&done.status),
        regions(&image)
    ));

    let step = steps.start("Convert it to a snapshot, and wait for that action");
    show::say("(DigitalOcean converts backups; the stand-in lets any image through)");
    let convert = actions.convert()?;
    let done = actions.wait_until_completed(convert.id).timeout(WAIT).interval(POLL).send()?;
    let image = client.images().get(id)?;
    show::exchanges(stand_in.take_requests());
    let kind = image.type_.as_ref().map_or("-", |t| t.as_str());
    step.done(format!(
        "{} action {} {}; the image is now a {kind}",
        show::or_dash(&done.type_),
        done.id,
        show::or_dash(&done.status)
    ));

    let step = steps.start("Offer the snapshot to another team, then withdraw the offer");
    let team = "4a1ea45a-3f59-4e8b-9a5c-1f2e6bdf9c10";
    let transfers = client.images().account_transfers(id);
    let offered = transfers.offer(Recipient::team(team))?;
    let note = match offered {
        Offered::Pending(transfer) => {
            transfers.cancel(transfer)?;
            format!("transfer {transfer} to team {team} was pending; withdrawn (204)")
        }
        _ => format!("team {team} had accepted already"),
    };
    show::exchanges(stand_in.take_requests());
    step.done(note);

    let step = steps.start("Delete it");
    client.images().delete(id)?;
    match client.images().get(id) {
        Err(e) if e.is_not_found() => {}
        Err(e) => return Err(e.into()),
        Ok(_) => return Err(format!("image {id} is still there after its deletion").into()),
    }
    show::exchanges(stand_in.take_requests());
    step.done(format!("image {id} deleted (204); a GET now answers 404"));

    rate_limit(&client);
    Ok(())
}

/// The read-only steps against the real API, when a token is set.
pub fn live() -> Result<()> {
    let vars = DigitalOcean::TOKEN_VARS;
    let Some(var) = token_var(vars) else {
        show::section("DigitalOcean · Images API v2 (live)", "skipped");
        show::say(format!(
            "no token: set {} to run the read-only steps (the API has no anonymous access)",
            vars.join(" or ")
        ));
        return Ok(());
    };
    let url = std::env::var(DigitalOcean::BASE_URL_VAR).ok().filter(|url| !url.trim().is_empty());
    let url = url.unwrap_or_else(|| DigitalOcean::DEFAULT_BASE_URL.to_string());
    show::section("DigitalOcean · Images API v2 (live)", &format!("{url}   with the token in {var}"));
    let client = Client::builder().token_from_env().base_url_from_env().user_agent(USER_AGENT).build()?;
    let mut steps = show::Steps::new(3);

    let step = steps.start("List the distribution images, 50 a page");
    let mut pages = client.images().list().kind(ImageKind::Distribution).per_page(50).iter();
    let distributions = pages.by_ref().collect::<Result<Vec<Image>, _>>()?;
    image_table(&distributions, 10);
    step.done(format!("{} distribution images in {} pages", distributions.len(), pages.pages_fetched()));

    let step = steps.start("Get one image by slug");
    let slug = distributions
        .iter()
        .filter_map(|i| i.slug.clone())
        .find(|s| s == "ubuntu-24-04-x64")
        .or_else(|| distributions.iter().find_map(|i| i.slug.clone()))
        .unwrap_or_else(|| "ubuntu-24-04-x64".to_string());
    let image = client.images().get(slug.as_str())?;
    image_table(std::slice::from_ref(&image), 1);
    step.done(format!("{slug}: image {}", image.id));

    let step = steps.start("List your private images");
    let mine = client.images().list().private(true).per_page(50).iter().collect::<Result<Vec<Image>, _>>()?;
    if !mine.is_empty() {
        image_table(&mine, 10);
    }
    step.done(format!("{} private images", mine.len()));

    rate_limit(&client);
    Ok(())
}

fn rate_limit(client: &Client) {
    match client.rate_limit() {
        Some(limit) => {
            let now =
                std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
            println!(
                "\n   rate limit: {} of {} requests left; the oldest stops counting in {} s (ratelimit-* headers)",
                limit.remaining,
                limit.limit,
                limit.reset.saturating_sub(now)
            );
        }
        None => println!("\n   rate limit: the API sent no ratelimit-* headers"),
    }
}

fn image_table(images: &[Image], max: usize) {
    let rows: Vec<Vec<String>> = images
        .iter()
        .take(max)
        .map(|i| {
            vec![
                i.id.to_string(),
                i.slug.clone().unwrap_or_else(|| "-".into()),
                i.distribution.as_ref().map_or("-".to_string(), |d| d.to_string()),
                i.name.clone().unwrap_or_else(|| "-".into()),
                i.min_disk_size.map_or("-".to_string(), |g| format!("{g} GB")),
                i.regions.len().to_string(),
                status(i).to_string(),
            ]
        })
        .collect();
    show::table(
        &["id", "slug", "distribution", "name", "min disk", "regions", "status"],
        &rows,
        &["id", "min disk", "regions"],
    );
    if images.len() > max {
        show::say(format!("… and {} more", images.len() - max));
    }
}

fn status(image: &Image) -> &str {
    image.status.as_ref().map_or("-", |s| s.as_str())
}

fn regions(image: &Image) -> String {
    let list: Vec<&str> = image.regions.iter().map(|r| r.as_str()).collect();
    if list.is_empty() { "no region yet".to_string() } else { list.join(", ") }
}
