//! Every configured cloud from the environment: [`clouds_from_env`].

use std::fmt;

use super::{Cloud, CloudProvider};
use crate::secret::Token;
use crate::{Error, Provider, Result, digitalocean, linode};

/// The clouds [`clouds_from_env`] found, and the ones it did not, with the variables it read.
/// Iterating it gives the clouds.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let clouds = cloud_images::clouds_from_env()?;
/// eprintln!("{clouds}"); // linode: token from LINODE_TOKEN; digitalocean: not configured (...)
/// for (provider, variables) in &clouds.not_found {
///     eprintln!("{provider} skipped: set {}", variables.join(" or "));
/// }
/// for cloud in clouds {
///     println!("{}", cloud.provider());
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
pub struct Clouds {
    /// A client for each provider whose token is set, Linode first.
    pub clouds: Vec<Box<dyn Cloud>>,
    /// Each provider found, with the variable its token was read from.
    pub found: Vec<(CloudProvider, &'static str)>,
    /// Each provider not found, with the variables a token is read from.
    pub not_found: Vec<(CloudProvider, &'static [&'static str])>,
    /// What the summary says about DigitalOcean's publishing, when DigitalOcean was found.
    spaces: Option<String>,
}

impl fmt::Debug for Clouds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Clouds")
            .field("clouds", &self.clouds)
            .field("found", &self.found)
            .field("not_found", &self.not_found)
            .finish_non_exhaustive()
    }
}

/// One line per provider: where its token came from (and, for DigitalOcean, its Spaces
/// bucket), or which variables would configure it.
impl fmt::Display for Clouds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut lines = Vec::new();
        for provider in [CloudProvider::Linode, CloudProvider::DigitalOcean] {
            if let Some((_, var)) = self.found.iter().find(|(p, _)| *p == provider) {
                let mut line = format!("{provider}: token from {var}");
                if provider == CloudProvider::DigitalOcean
                    && let Some(spaces) = &self.spaces
                {
                    line.push_str(&format!("; {spaces}"));
                }
                lines.push(line);
            } else if let Some((_, vars)) = self.not_found.iter().find(|(p, _)| *p == provider) {
                lines.push(format!("{provider}: not configured (set {})", vars.join(" or ")));
            }
        }
        f.write_str(&lines.join("\n"))
    }
}

impl IntoIterator for Clouds {
    type Item = Box<dyn Cloud>;
    type IntoIter = std::vec::IntoIter<Box<dyn Cloud>>;

    fn into_iter(self) -> Self::IntoIter {
        self.clouds.into_iter()
    }
}

impl<'a> IntoIterator for &'a Clouds {
    type Item = &'a Box<dyn Cloud>;
    type IntoIter = std::slice::Iter<'a, Box<dyn Cloud>>;

    fn into_iter(self) -> Self::IntoIter {
        self.clouds.iter()
    }
}

/// A client for each provider whose token is set in the environment, so that a program runs
/// unchanged against one cloud, both, or the stand-ins:
///
/// - **Linode** when `LINODE_TOKEN` (or `LINODE_CLI_TOKEN`) is set:
///   [`linode::Client::from_env`](crate::linode::Client::from_env), which also reads
///   `LINODE_URL` and `LINODE_API_VERSION`.
/// - **DigitalOcean** when `DIGITALOCEAN_ACCESS_TOKEN` (or `DIGITALOCEAN_TOKEN`) is set:
///   [`digitalocean::Client::from_env`](crate::digitalocean::Client::from_env), which also reads
///   `DIGITALOCEAN_API_URL`. With `SPACES_BUCKET` set too, it can publish local files
///   ([`Cloud::publish`]) through that Spaces bucket: `SPACES_REGION` (`nyc3`, ...), the keys
///   `SPACES_ACCESS_KEY_ID` and `SPACES_SECRET_ACCESS_KEY`, and optionally
///   `SPACES_ENDPOINT_URL` (another endpoint than `https://{region}.digitaloceanspaces.com`: a
///   stand-in's) configure it ([`digitalocean::spaces_from_env`](crate::digitalocean::spaces_from_env)).
///
/// A blank variable counts as unset. The `cloud-images-stand-in` binary prints the exports that
/// point this at its stand-ins.
///
/// # Errors
///
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput), with nothing sent: when no
/// token is set at all (the message names every variable); when a client cannot be made from
/// what is set (a `LINODE_URL` that is not a URL, ...); when `SPACES_BUCKET` is set but the
/// rest of the Spaces settings are missing or wrong (naming them).
///
/// ```no_run
/// use cloud_images::ImageChanges;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let clouds = cloud_images::clouds_from_env()?;
/// eprintln!("{clouds}");
/// for cloud in &clouds {
///     for image in cloud.own_images() {
///         let image = image?;
///         println!("{:<12} {:<20} {:?}", cloud.provider(), image.id, image.name);
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub fn clouds_from_env() -> Result<Clouds> {
    let mut clouds = Clouds { clouds: Vec::new(), found: Vec::new(), not_found: Vec::new(), spaces: None };
    match token_var::<linode::Linode>() {
        Some(var) => {
            clouds.clouds.push(Box::new(linode::Client::from_env()?));
            clouds.found.push((CloudProvider::Linode, var));
        }
        None => clouds.not_found.push((CloudProvider::Linode, linode::Linode::TOKEN_VARS)),
    }
    match token_var::<digitalocean::DigitalOcean>() {
        Some(var) => {
            let client = digitalocean::Client::from_env()?;
            match digitalocean::spaces_from_env()? {
                Some(spaces) => {
                    clouds.spaces = Some(format!(
                        "publishes through spaces bucket {} at {}",
                        spaces.bucket(),
                        spaces.endpoint()
                    ));
                    clouds.clouds.push(Box::new(client.with_spaces(spaces)));
                }
                None => {
                    clouds.spaces = Some(
                        "no spaces bucket to publish through (set SPACES_BUCKET to publish)".to_string(),
                    );
                    clouds.clouds.push(Box::new(client));
                }
            }
            clouds.found.push((CloudProvider::DigitalOcean, var));
        }
        None => clouds.not_found.push((CloudProvider::DigitalOcean, digitalocean::DigitalOcean::TOKEN_VARS)),
    }
    if clouds.clouds.is_empty() {
        let vars: Vec<&str> = clouds.not_found.iter().flat_map(|(_, vars)| vars.iter().copied()).collect();
        return Err(Error::invalid_input(format!(
            "no cloud is configured: set a token in {} (a blank one counts as unset)",
            vars.join(", ")
        )));
    }
    Ok(clouds)
}

/// The first of the provider's token variables that is set and not blank.
fn token_var<P: Provider>() -> Option<&'static str> {
    // Read as the client builder reads a token: spaces and surrounding quotes trimmed.
    P::TOKEN_VARS.iter().copied().find(|var| std::env::var(var).is_ok_and(|v| Token::new(&v).is_some()))
}
