//! The last part of the tour: one view of both clouds. The pruning job of
//! `examples/prune_images` (`prune.rs`), written once against `cloud_images::Cloud`, runs on both
//! stand-ins at once, as it would on both real clouds with `clouds_from_env()`.

use std::path::Path;

use crate::prune::{self, Action, DAY, Rule, StandIns};
use crate::{Result, show};

/// Seeds both stand-ins with old and new images through `Cloud::publish`, then prunes them: a
/// dry run, then for real.
pub fn tour(workdir: &Path) -> Result<()> {
    show::section(
        "Both clouds · one neutral view (cloud_images::Cloud)",
        "The pruning job of examples/prune_images, written once against `dyn Cloud`, on both stand-ins\n\
         (on one manual clock, so that images can be 45 days old).",
    );
    let mut steps = show::Steps::new(3);

    let step = steps.start("Publish four images on each cloud, 45 and 5 days ago (Cloud::publish)");
    let stand_ins = StandIns::start()?;
    let clouds = stand_ins.clouds()?;
    stand_ins.seed(&clouds, workdir)?;
    let (linode, digitalocean) = (stand_ins.linode.take_requests(), stand_ins.digitalocean.take_requests());
    show::say(format!(
        "Linode: an upload each ({} requests); DigitalOcean: through Spaces, an import each ({} requests)",
        linode.len(),
        digitalocean.len()
    ));
    step.done(format!("{} images on {} clouds", 4 * clouds.len(), clouds.len()));

    let now = stand_ins.clock.now();
    let mut rule = Rule { prefix: "ci-".into(), older_than: 30 * DAY, delete: false };
    let step = steps.start("Prune own images named ci-… older than 30 days: a dry run");
    let rows = prune::prune(&clouds, &rule, now)?;
    prune::print_table(&prune::table(&rows, true), "      ");
    show::exchanges(stand_ins.linode.take_requests());
    show::exchanges(stand_ins.digitalocean.take_requests());
    let would = rows.iter().filter(|r| matches!(r.action, Action::WouldDelete)).count();
    step.done(format!("{would} to delete; nothing deleted"));

    rule.delete = true;
    let step = steps.start("The same job with --delete");
    let rows = prune::prune(&clouds, &rule, now)?;
    prune::print_table(&prune::table(&rows, false), "      ");
    show::exchanges(stand_ins.linode.take_requests());
    show::exchanges(stand_ins.digitalocean.take_requests());
    let deleted = rows.iter().filter(|r| matches!(r.action, Action::Deleted)).count();
    if deleted != would || rows.iter().any(|r| matches!(r.action, Action::Failed(_))) {
        return Err(format!("the job deleted {deleted} images of the {would} it should have").into());
    }
    let left = clouds.iter().map(|c| c.own_images().count()).sum::<usize>();
    step.done(format!("{deleted} deleted; {left} images left"));
    Ok(())
}
