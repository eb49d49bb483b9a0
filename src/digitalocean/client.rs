//! The DigitalOcean [`Client`]: how it is made (token, base URL), the resource it opens
//! (`images()`), and `execute` for any generated operation.

use std::fmt;
use std::sync::Arc;

use super::{ClientBuilder, DigitalOcean, Images};
use crate::transport::Transport;
use crate::{Operation, RateLimit, Result};

/// A DigitalOcean API client: cheap to clone (one shared connection pool), `Send + Sync`.
///
/// ```no_run
/// use cloud_images::digitalocean::Client;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder().token("dop_v1_...").user_agent("my-tool/1.2").build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Transport>,
}

impl Client {
    /// A builder with the defaults: `https://api.digitalocean.com`, no token.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// // Checks the settings; sends nothing.
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with the token from `DIGITALOCEAN_ACCESS_TOKEN`, else `DIGITALOCEAN_TOKEN`, and
    /// the base URL from `DIGITALOCEAN_API_URL` when it is set (see
    /// [`base_url_from_env`](crate::ClientBuilder::base_url_from_env)). Fails, naming both token
    /// variables, when neither is set: the DigitalOcean API has no anonymous access.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// match Client::from_env() {
    ///     Ok(client) => println!("{client:?}"), // the token shows as `** redacted **`
    ///     Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidInput), // neither variable is set
    /// }
    /// ```
    pub fn from_env() -> Result<Client> {
        ClientBuilder::from_env_with_token(None)?.build()
    }

    /// The Images API: list, get, import, update, delete, actions, and waiting.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let image = client.images().get("ubuntu-24-04-x64")?;
    /// println!("{:?}", image.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn images(&self) -> Images<'_> {
        Images::new(self)
    }

    /// Sends any generated DigitalOcean operation and decodes its response: for what the facade
    /// does not wrap.
    ///
    /// ```no_run
    /// use cloud_images::digitalocean::{Client, ops};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let found = client.execute(&ops::ImagesGet::new("ubuntu-24-04-x64"))?;
    /// println!("{:?}", found.image.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn execute<O: Operation>(&self, op: &O) -> Result<O::Response> {
        self.inner.execute(op)
    }

    /// The rate-limit headers of the last response (`ratelimit-limit`, `-remaining`, `-reset`).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::builder().token("dop_v1_...").build()?;
    /// assert_eq!(client.rate_limit(), None); // nothing sent yet; set from every response after that
    /// # Ok(())
    /// # }
    /// ```
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.inner.rate_limit()
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.inner.settings;
        f.debug_struct("digitalocean::Client")
            .field("base_url", &s.base_url)
            .field("token", &s.token)
            .field("user_agent", &s.user_agent)
            .finish_non_exhaustive()
    }
}

impl crate::ClientBuilder<DigitalOcean> {
    /// Checks the settings and makes the client. Sends nothing.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().token("dop_v1_...").user_agent("my-tool/1.2").build()?;
    /// let bad = Client::builder().token("dop_v1_...").user_agent("my-tool\n1.2").build();
    /// assert_eq!(bad.unwrap_err().kind(), ErrorKind::InvalidInput); // not a valid header value
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Client> {
        // Feature `spaces`: an agent for Spaces (publishing a local file), with the same stall
        // limit as Linode's uploads.
        #[cfg(feature = "spaces")]
        let stall = Some(super::spaces::STALL_TIMEOUT);
        #[cfg(not(feature = "spaces"))]
        let stall = None;
        Ok(Client { inner: Arc::new(self.transport(stall)?) })
    }
}
