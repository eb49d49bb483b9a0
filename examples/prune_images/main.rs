//! A pruning job, on every configured cloud: deletes the account's own images whose names start
//! with a prefix and that are older than N days. Dry run unless `--delete`; prints a table
//! (provider, id, name, age, status, size, action).
//!
//! ```sh
//! cargo run --example prune_images                              # both stand-ins, a dry run
//! cargo run --example prune_images -- --delete                  # both stand-ins, deleting
//! cargo run --example prune_images -- --live --prefix ci- --older-than 30 [--delete]
//! ```
//!
//! By default it runs against the crate's two stand-ins (no network, no token), seeded with a
//! few old and new images. With `--live` it runs on every cloud `cloud_images::clouds_from_env()`
//! finds: Linode with `LINODE_TOKEN`, DigitalOcean with `DIGITALOCEAN_ACCESS_TOKEN`, or both.
//! The job itself (`prune.rs`) knows neither provider: it is written against `Cloud`.
//!
//! Exits with 0 when every delete it tried worked; with 1 otherwise.

mod prune;

use std::process::ExitCode;
use std::time::SystemTime;

use prune::{Action, DAY, Rule, StandIns};

const USAGE: &str = "usage: cargo run --example prune_images [-- [--live] [--prefix PREFIX] [--older-than DAYS] [--delete]]\n\
                     Deletes own images named PREFIX… (default ci-) older than DAYS (default 30) on every configured\n\
                     cloud (--live) or on two local stand-ins (the default). A dry run unless --delete.";

struct Args {
    live: bool,
    rule: Rule,
}

fn args() -> Result<Option<Args>, String> {
    let mut args =
        Args { live: false, rule: Rule { prefix: "ci-".into(), older_than: 30 * DAY, delete: false } };
    let mut list = std::env::args().skip(1);
    while let Some(arg) = list.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--live" => args.live = true,
            "--delete" => args.rule.delete = true,
            "--prefix" => args.rule.prefix = list.next().ok_or("--prefix needs a value")?,
            "--older-than" => {
                let days = list.next().ok_or("--older-than needs a number of days")?;
                let days: u64 =
                    days.parse().map_err(|_| format!("--older-than: {days:?} is not a number of days"))?;
                args.rule.older_than = DAY
                    .checked_mul(u32::try_from(days).map_err(|_| "--older-than: too many days")?)
                    .ok_or("--older-than: too many days")?;
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if args.rule.prefix.is_empty() {
        return Err("--prefix must not be empty: it would name every image".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the job; `Ok(false)` when a delete failed.
fn run(args: &Args) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    // Live: every configured cloud, now. Else both stand-ins, seeded, on their clock.
    let (clouds, now, _stand_ins) = if args.live {
        let clouds = cloud_images::clouds_from_env()?;
        eprintln!("{clouds}");
        (clouds.clouds, SystemTime::now(), None)
    } else {
        let stand_ins = StandIns::start()?;
        let clouds = stand_ins.clouds()?;
        let dir = std::env::temp_dir().join(format!("cloud-images-prune-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let seeded = stand_ins.seed(&clouds, &dir);
        let _ = std::fs::remove_dir_all(&dir);
        seeded?;
        println!("Two local stand-ins (Linode, DigitalOcean), seeded with images 45 and 5 days old.");
        (clouds, stand_ins.clock.now(), Some(stand_ins))
    };
    let names: Vec<String> = clouds.iter().map(|c| c.provider().to_string()).collect();
    println!(
        "Own images named {}… older than {} days on {}{}:\n",
        args.rule.prefix,
        args.rule.older_than.as_secs() / DAY.as_secs(),
        names.join(" and "),
        if args.rule.delete { "" } else { " (a dry run: --delete to delete)" }
    );
    let rows = prune::prune(&clouds, &args.rule, now)?;
    prune::print_table(&prune::table(&rows, !args.rule.delete), "  ");
    let count = |f: fn(&Action) -> bool| rows.iter().filter(|r| f(&r.action)).count();
    let (would, deleted, failed) = (
        count(|a| matches!(a, Action::WouldDelete)),
        count(|a| matches!(a, Action::Deleted)),
        count(|a| matches!(a, Action::Failed(_))),
    );
    match args.rule.delete {
        false => println!("\n{would} to delete; nothing was deleted."),
        true => println!("\n{deleted} deleted, {failed} failed."),
    }
    Ok(failed == 0)
}
