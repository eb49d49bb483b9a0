//! The Linode [`Client`]: how it is made (token, base URL, API version), the resources it
//! opens (`images()`, `sharegroups()`), and `execute` for any generated operation.

use std::fmt;
use std::sync::Arc;

use super::{ApiVersion, ClientBuilder, Images, Linode, ShareGroups};
use crate::operation::sealed::{Seal, WritePath};
use crate::transport::Transport;
use crate::{Error, Method, Operation, RateLimit, Result};

/// A Linode API client: cheap to clone (one shared connection pool), `Send + Sync`.
///
/// ```no_run
/// use cloud_images::linode::{ApiVersion, Client};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder()
///     .token("my-token")
///     .api_version(ApiVersion::V4beta)
///     .user_agent("my-tool/1.2")
///     .build()?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) transport: Transport,
    pub(crate) api_version: ApiVersion,
}

impl Client {
    /// A builder with the defaults: `https://api.linode.com`, API `v4`, no token. It reads no
    /// environment variable unless told to (`token_from_env`, `base_url_from_env`); built
    /// without a token, the client is anonymous: public images only.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let anonymous = cloud_images::linode::Client::builder().build()?; // public images only
    /// let client = cloud_images::linode::Client::builder().token("my-token").build()?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client with the token from `LINODE_TOKEN`, else `LINODE_CLI_TOKEN`; the base URL from
    /// `LINODE_URL` and the API version from `LINODE_API_VERSION` when they are set (see
    /// [`base_url_from_env`](crate::ClientBuilder::base_url_from_env)). Fails, naming both token
    /// variables, when neither is set (or both are blank): a client without a token sees no
    /// private image, so one is asked for explicitly, with [`anonymous`](Client::anonymous).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// match Client::from_env() {
    ///     Ok(client) => println!("{client:?}"), // the token shows as `** redacted **`
    ///     Err(e) => assert_eq!(e.kind(), ErrorKind::InvalidInput), // no token set
    /// }
    /// ```
    pub fn from_env() -> Result<Client> {
        ClientBuilder::from_env_with_token(Some("for public images only, use linode::Client::anonymous()"))?
            .build()
    }

    /// A client without a token, for Linode's public images (`linode/…`) only: a private image
    /// is a 404 to it, and a listing holds no private image. The base URL and API version come
    /// from `LINODE_URL` and `LINODE_API_VERSION` when they are set, as for
    /// [`from_env`](Client::from_env); a token in the environment is not used.
    /// `Client::builder().build()` makes an anonymous client too, without reading the
    /// environment.
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, Filter};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::anonymous()?;
    /// let debian = client.images().get("linode/debian12")?;
    /// for image in client.images().list().filter(Filter::eq("is_public", true)) {
    ///     println!("{}", image?.id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn anonymous() -> Result<Client> {
        Client::builder().base_url_from_env().build()
    }

    /// The Images API: list, get, create, update, delete, replicate, upload, wait.
    ///
    /// ```no_run
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::anonymous()?; // public images need no token
    /// let image = client.images().get("linode/debian12")?;
    /// println!("{}", image.label.as_deref().unwrap_or("-"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn images(&self) -> Images<'_> {
        Images::new(self)
    }

    /// Image share groups (beta): share private images with other accounts, or use the ones
    /// shared with yours. Every call goes to `v4beta`, the only API version that serves them,
    /// whatever [`api_version`](Client::api_version) says; nothing needs switching by hand.
    ///
    /// ```no_run
    /// use cloud_images::linode::Client;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let group = client.sharegroups().create("golden images").image("private/160700").send()?;
    /// println!("share group {} (uuid {:?})", group.id, group.uuid);
    /// # Ok(())
    /// # }
    /// ```
    pub fn sharegroups(&self) -> ShareGroups<'_> {
        ShareGroups::new(self)
    }

    /// Sends any generated Linode operation and decodes its response: for what the facade does
    /// not wrap. The path is the client's API version followed by the operation's path
    /// (`/v4` + `/images/...`).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, ops};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let page = client.execute(&ops::GetImages::new().page(1).page_size(25))?;
    /// println!("{:?} images", page.results);
    /// # Ok(())
    /// # }
    /// ```
    pub fn execute<O: Operation>(&self, op: &O) -> Result<O::Response> {
        self.inner.transport.execute(&self.versioned(op))
    }

    /// Sends any generated Linode operation to the given API version, whatever the client's
    /// own: `/{version}` + the operation's path. The share-group calls of
    /// [`sharegroups`](Client::sharegroups) use it to reach `v4beta`, the only version that
    /// serves them.
    ///
    /// ```no_run
    /// use cloud_images::linode::{ApiVersion, Client, ops};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?; // API v4
    /// let groups = client.execute_on(&ApiVersion::V4beta, &ops::GetSharegroups::new())?; // GET /v4beta/images/sharegroups
    /// println!("{:?} share groups", groups.results);
    /// # Ok(())
    /// # }
    /// ```
    pub fn execute_on<O: Operation>(&self, version: &ApiVersion, op: &O) -> Result<O::Response> {
        self.inner.transport.execute(&Versioned { op, version })
    }

    /// `op` as this client sends it: with the API version in front of its path.
    pub(crate) fn versioned<'o, O: Operation>(&'o self, op: &'o O) -> Versioned<'o, O> {
        Versioned { op, version: &self.inner.api_version }
    }

    /// `op` with the given API version in front of its path.
    pub(crate) fn versioned_on<'o, O: Operation>(
        &'o self,
        version: &'o ApiVersion,
        op: &'o O,
    ) -> Versioned<'o, O> {
        Versioned { op, version }
    }

    /// The API version in every path (`v4` unless the builder said otherwise).
    ///
    /// ```
    /// use cloud_images::linode::{ApiVersion, Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::builder().build()?;
    /// assert_eq!(client.api_version(), &ApiVersion::V4);
    /// # Ok(())
    /// # }
    /// ```
    pub fn api_version(&self) -> &ApiVersion {
        &self.inner.api_version
    }

    /// The rate-limit headers of the last response that had them (Linode rarely sends any).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().build()?;
    /// assert_eq!(client.rate_limit(), None); // nothing sent yet
    /// # Ok(())
    /// # }
    /// ```
    pub fn rate_limit(&self) -> Option<RateLimit> {
        self.inner.transport.rate_limit()
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }
}

/// A Linode operation with the API version in front of its path: the spec's paths start after
/// the server URL `https://api.linode.com/{apiVersion}`, and the client sets the version once.
pub(crate) struct Versioned<'o, O> {
    op: &'o O,
    version: &'o ApiVersion,
}

impl<O: Operation> Operation for Versioned<'_, O> {
    type Response = O::Response;
    type Body = O::Body;
    const METHOD: Method = O::METHOD;
    const OPERATION_ID: &'static str = O::OPERATION_ID;
    const PATH_TEMPLATE: &'static str = O::PATH_TEMPLATE;

    fn query(&self) -> Vec<(&'static str, String)> {
        self.op.query()
    }

    fn headers(&self) -> Vec<(&'static str, String)> {
        self.op.headers()
    }

    fn body(&self) -> Option<&Self::Body> {
        self.op.body()
    }
}

impl<O: Operation> WritePath for Versioned<'_, O> {
    fn write_path(&self, out: &mut String, seal: Seal) {
        out.push('/');
        super::ops::push_segment(out, self.version.as_str());
        self.op.write_path(out, seal);
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.inner.transport.settings;
        f.debug_struct("linode::Client")
            .field("base_url", &s.base_url)
            .field("api_version", &self.inner.api_version)
            .field("token", &s.token)
            .field("user_agent", &s.user_agent)
            .finish_non_exhaustive()
    }
}

impl crate::ClientBuilder<Linode> {
    /// Checks the settings and makes the client. Sends nothing. Without a token, the client is
    /// anonymous (public images only).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let local = Client::builder().base_url("http://127.0.0.1:8080").build()?; // loopback: http is fine
    /// let remote = Client::builder().token("my-token").base_url("http://api.example.com").build();
    /// assert_eq!(remote.unwrap_err().kind(), ErrorKind::InvalidInput); // the token would travel in clear
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Client> {
        let stall = self.options.upload_stall_timeout;
        if stall.is_zero() {
            return Err(Error::invalid_input("upload_stall_timeout must be more than zero"));
        }
        let transport = self.transport(Some(stall))?;
        let api_version = self.checked_api_version()?;
        Ok(Client { inner: Arc::new(Inner { transport, api_version }) })
    }
}
