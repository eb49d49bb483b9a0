//! The pruning job of `examples/prune_images`, also run by the tour: written once against
//! `cloud_images::Cloud`, so the same code runs on Linode, on DigitalOcean, on both, or on the
//! crate's stand-ins.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

use cloud_images::testing::{Clock, DigitalOceanStandIn, LinodeStandIn, Seed};
use cloud_images::{Cloud, CloudImage, CloudProvider, PublishFile};

type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

pub const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// Which images go: the account's own, named `prefix…`, older than `older_than`.
pub struct Rule {
    pub prefix: String,
    pub older_than: Duration,
    /// `false`: a dry run, which deletes nothing.
    pub delete: bool,
}

/// One image, and what the job did (or would do) with it.
pub struct Row {
    pub provider: CloudProvider,
    pub id: String,
    pub name: String,
    pub age: Option<Duration>,
    pub status: String,
    pub size: Option<u64>,
    pub action: Action,
}

/// What became of an image.
pub enum Action {
    /// Kept, and why.
    Keep(&'static str),
    /// Old enough and so named: deleted on a real run, listed on a dry run.
    WouldDelete,
    Deleted,
    /// The delete failed: the error.
    Failed(String),
}

impl Row {
    fn new(image: &CloudImage, now: SystemTime, action: Action) -> Row {
        Row {
            provider: image.provider,
            id: image.id.clone(),
            name: image.name.clone().unwrap_or_default(),
            age: image.age(now),
            status: image.status.as_ref().map_or("-".to_string(), |s| s.to_string()),
            size: image.size_bytes,
            action,
        }
    }
}

/// Goes through the own images of every cloud, at `now`: lists each cloud's images first, then
/// deletes (on a real run) those the rule names. A delete that fails is reported in its row and
/// the job goes on; listing errors stop it.
pub fn prune(
    clouds: &[Box<dyn Cloud>],
    rule: &Rule,
    now: SystemTime,
) -> Result<Vec<Row>, cloud_images::Error> {
    let mut rows = Vec::new();
    for cloud in clouds {
        // The whole listing first: deleting while paging would move the next pages.
        let images = cloud.own_images().collect::<Result<Vec<CloudImage>, _>>()?;
        for image in images {
            let named = image.name.as_deref().is_some_and(|n| n.starts_with(&rule.prefix));
            let action = match image.age(now) {
                _ if !named => Action::Keep("other name"),
                None => Action::Keep("age unknown"),
                Some(age) if age <= rule.older_than => Action::Keep("too new"),
                Some(_) if !rule.delete => Action::WouldDelete,
                Some(_) => match cloud.delete(&image.id) {
                    Ok(()) => Action::Deleted,
                    Err(e) => Action::Failed(e.to_string()),
                },
            };
            rows.push(Row::new(&image, now, action));
        }
    }
    Ok(rows)
}

/// The table: provider, id, name, age, status, size, action.
pub fn table(rows: &[Row], dry_run: bool) -> Vec<Vec<String>> {
    let header = ["provider", "id", "name", "age", "status", "size", "action"];
    let mut table = vec![header.iter().map(|h| h.to_string()).collect::<Vec<_>>()];
    for r in rows {
        let age = r.age.map_or("-".to_string(), |a| format!("{} d", a.as_secs() / DAY.as_secs()));
        let size = r.size.map_or("-".to_string(), |b| format!("{:.1} MiB", b as f64 / (1 << 20) as f64));
        let action = match &r.action {
            Action::Keep(why) => format!("keep ({why})"),
            Action::WouldDelete if dry_run => "delete (dry run: not deleted)".to_string(),
            Action::WouldDelete => "delete".to_string(),
            Action::Deleted => "deleted".to_string(),
            Action::Failed(e) => format!("delete failed: {e}"),
        };
        table.push(vec![
            r.provider.to_string(),
            r.id.clone(),
            r.name.clone(),
            age,
            r.status.clone(),
            size,
            action,
        ]);
    }
    table
}

/// Prints `table` with aligned columns (age and size right-aligned), each line after `indent`.
pub fn print_table(table: &[Vec<String>], indent: &str) {
    let columns = table.first().map_or(0, Vec::len);
    let widths: Vec<usize> =
        (0..columns).map(|c| table.iter().map(|row| row[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = std::io::stdout().lock();
    for (n, row) in table.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(
                |(c, (cell, &w))| {
                    if c == 3 || c == 5 { format!("{cell:>w$}") } else { format!("{cell:<w$}") }
                },
            )
            .collect();
        let _ = writeln!(out, "{indent}{}", cells.join("  ").trim_end());
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
            let _ = writeln!(out, "{indent}{}", rule.join("  "));
        }
    }
}

/// Both stand-ins on one manual clock, with no images of the account's own yet.
pub struct StandIns {
    pub linode: LinodeStandIn,
    pub digitalocean: DigitalOceanStandIn,
    pub clock: Clock,
}

impl StandIns {
    /// Starts both on a clock that stands 45 days before now.
    pub fn start() -> Result<StandIns> {
        let start = SystemTime::now().checked_sub(45 * DAY).ok_or("the system clock is before 1970")?;
        let clock = Clock::manual_at(start);
        let linode = LinodeStandIn::builder().clock(clock.clone()).seed(Seed::Public).start()?;
        let digitalocean = DigitalOceanStandIn::builder().clock(clock.clone()).seed(Seed::Public).start()?;
        Ok(StandIns { linode, digitalocean, clock })
    }

    /// A cloud for each: what `clouds_from_env()` gives a program, for these stand-ins.
    pub fn clouds(&self) -> Result<Vec<Box<dyn Cloud>>> {
        Ok(vec![self.linode.cloud()?, self.digitalocean.cloud()?])
    }

    /// Publishes, on every cloud, three images 45 days ago (`ci-web-…`, `ci-db-…`,
    /// `golden-base`) and one 5 days ago (`ci-web-…`), from a 1 MiB raw disk image in `dir`;
    /// then the clock is now.
    pub fn seed(&self, clouds: &[Box<dyn Cloud>], dir: &Path) -> Result<()> {
        let disk = dir.join("prune-seed.img");
        std::fs::write(&disk, vec![0u8; 1 << 20])?;
        let publish = |names: &[&str]| -> Result<()> {
            for cloud in clouds {
                let region = match cloud.provider() {
                    CloudProvider::Linode => "us-east",
                    _ => "nyc3",
                };
                for name in names {
                    cloud.publish(&PublishFile::new(*name, region).tags(["pipeline"]), &disk)?;
                }
            }
            Ok(())
        };
        publish(&["ci-web-0412", "ci-db-0412", "golden-base"])?;
        self.clock.advance(40 * DAY);
        publish(&["ci-web-0522"])?;
        self.clock.advance(5 * DAY);
        std::fs::remove_file(&disk)?;
        Ok(())
    }
}
