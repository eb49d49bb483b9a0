//! The one error type of the crate: [`Error`], with its [`ErrorKind`] (`kind.rs`), the API's
//! error answer (`api.rs`) and what it carries for its kind (`payload.rs`).

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

mod api;
mod kind;
mod payload;

pub use api::{ApiError, ApiMessage, ErrorDetails};
pub use kind::ErrorKind;
use payload::{Leftover, ListingItem};

/// `Result<T, cloud_images::Error>`.
///
/// ```
/// use cloud_images::{Result, linode::Client};
///
/// fn anonymous_client() -> Result<Client> {
///     Client::builder().user_agent("my-tool/1.2").build()
/// }
/// assert!(anonymous_client().is_ok());
/// ```
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error of every fallible call in this crate.
///
/// It says what happened in lowercase words (`Display`), gives its [`kind`](Error::kind), keeps
/// the provider's error body, the HTTP status, the request id and the number of attempts made,
/// and chains the underlying error through [`source`](StdError::source). It never holds the token.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::builder().build()?;
/// match client.images().get("private/404") {
///     Ok(image) => println!("{}", image.label.as_deref().unwrap_or("-")),
///     Err(e) if e.is_not_found() => println!("no such image"),
///     Err(e) => return Err(e),
/// }
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    api: Option<ApiError>,
    attempts: u32,
    retry_after: Option<Duration>,
    /// A wait's last status.
    last_status: Option<String>,
    item: Option<ListingItem>,
    /// An image an upload or publish created before it failed.
    created_image: Option<Leftover>,
    /// A staging object a publish put into Spaces.
    staging_object: Option<Leftover>,
    source: Option<Box<dyn StdError + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                status: None,
                api: None,
                attempts: 1,
                retry_after: None,
                last_status: None,
                item: None,
                created_image: None,
                staging_object: None,
                source: None,
            }),
        }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput, message)
    }

    pub(crate) fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.inner.source = Some(Box::new(source));
        self
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.inner.status = Some(status);
        self
    }

    pub(crate) fn with_api(mut self, api: ApiError) -> Self {
        self.inner.status = Some(api.status());
        self.inner.api = Some(api);
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    pub(crate) fn with_retry_after(mut self, wait: Option<Duration>) -> Self {
        self.inner.retry_after = wait;
        self
    }

    /// Puts what was being done in front of the message (`"image private/1 ...: <message>"`).
    pub(crate) fn context(mut self, what: impl fmt::Display) -> Self {
        self.inner.message = format!("{what}: {}", self.inner.message);
        self
    }

    /// What kind of failure this is.
    ///
    /// ```
    /// use std::time::Duration;
    /// use cloud_images::{ErrorKind, linode::Client};
    ///
    /// let error = Client::builder().timeout(Duration::ZERO).build().unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::InvalidInput); // refused before any request
    /// ```
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of the response that failed, if there was one.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().get("private/123") {
    ///     Err(e) if e.status() == Some(403) => eprintln!("this token may not read private images"),
    ///     Err(e) => return Err(e), // `status()` is None when no response came
    ///     Ok(image) => println!("{}", image.label.as_deref().unwrap_or("-")),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// The API's error response, for [`ErrorKind::Api`] and [`ErrorKind::Maintenance`].
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().get("private/123") {
    ///     Ok(image) => println!("{}", image.label.as_deref().unwrap_or("-")),
    ///     Err(e) => match e.api() {
    ///         Some(api) => eprintln!("HTTP {}: {:?}", api.status(), api.messages()),
    ///         None => eprintln!("no answer from the API: {e}"),
    ///     },
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn api(&self) -> Option<&ApiError> {
        self.inner.api.as_ref()
    }

    /// The provider's error messages (empty when there is no API error body).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().update("private/123").label("x").send() {
    ///     Ok(image) => println!("renamed to {}", image.label.as_deref().unwrap_or("-")),
    ///     // e.g. `refused: label: Length must be 3-64 characters`
    ///     Err(e) => eprintln!("refused: {}", e.messages().join("; ")),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn messages(&self) -> Vec<String> {
        self.inner.api.as_ref().map(ApiError::messages).unwrap_or_default()
    }

    /// The request id of the failed call, when the API sent one.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// match client.images().delete(7555620) {
    ///     Ok(()) => println!("deleted"),
    ///     Err(e) => eprintln!("{e} (request id for support: {:?})", e.request_id()),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.inner.api.as_ref().and_then(ApiError::request_id)
    }

    /// How many requests were sent for this call (1 when it was not retried).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().get("linode/debian12") {
    ///     Ok(image) => println!("{}", image.label.as_deref().unwrap_or("-")),
    ///     Err(e) => eprintln!("gave up after {} attempt(s): {e}", e.attempts()),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// How long the server asked to wait (`Retry-After`, or DigitalOcean's `ratelimit-reset`).
    /// The client never retries sooner: when the hint is longer than the policy's
    /// [`max_wait`](crate::RetryPolicy::max_wait), or would end after the call's timeout, the
    /// call fails at once with this set, for the caller to decide.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// match client.images().get(7555620) {
    ///     Err(e) if e.is_rate_limited() => {
    ///         std::thread::sleep(e.retry_after().unwrap_or(Duration::from_secs(60)))
    ///     }
    ///     other => println!("{:?}", other?.name),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// A 404: the image or action does not exist (or the token may not see it).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// match client.images().delete(7555620) {
    ///     Ok(()) => println!("deleted"),
    ///     Err(e) if e.is_not_found() => println!("already gone"),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_not_found(&self) -> bool {
        self.inner.status == Some(404) && matches!(self.inner.kind, ErrorKind::Api)
    }

    /// A 429: the rate limit was hit (and retries, if any, did not get through).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// match client.images().list().per_page(200).send() {
    ///     Ok(page) => println!("{:?} images", page.total),
    ///     Err(e) if e.is_rate_limited() => eprintln!("rate limited; try again in {:?}", e.retry_after()),
    ///     Err(e) => return Err(e),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_rate_limited(&self) -> bool {
        self.inner.status == Some(429) && matches!(self.inner.kind, ErrorKind::Api)
    }

    /// A time limit ran out (see [`ErrorKind::Timeout`]).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::builder().timeout(Duration::from_secs(5)).build()?;
    /// match client.images().get("linode/debian12") {
    ///     Err(e) if e.is_timeout() => eprintln!("the API is slow today: {e}"),
    ///     other => println!("{}", other?.label.unwrap_or_default()),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.message)?;
        if let Some(api) = &self.inner.api {
            let messages = api.messages();
            if !messages.is_empty() {
                write!(f, ": {}", messages.join("; "))?;
            }
            if let Some(id) = api.request_id() {
                write!(f, " (request id {id})")?;
            }
        }
        if let Some(status) = &self.inner.last_status {
            write!(f, " (last status: {status})")?;
        }
        if self.inner.attempts > 1 {
            write!(f, " after {} attempts", self.inner.attempts)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Error");
        d.field("kind", &self.inner.kind).field("message", &self.inner.message);
        if let Some(status) = self.inner.status {
            d.field("status", &status);
        }
        if let Some(api) = &self.inner.api {
            d.field("api", api);
        }
        if self.inner.attempts != 1 {
            d.field("attempts", &self.inner.attempts);
        }
        if let Some(wait) = self.inner.retry_after {
            d.field("retry_after", &wait);
        }
        if let Some(status) = &self.inner.last_status {
            d.field("last_status", status);
        }
        if let Some(item) = &self.inner.item {
            d.field("item", item);
        }
        if let Some(image) = &self.inner.created_image {
            image.show("created_image", "created_image_deleted", &mut d);
        }
        if let Some(object) = &self.inner.staging_object {
            object.show("staging_object", "staging_object_deleted", &mut d);
        }
        if let Some(source) = &self.inner.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner.source.as_ref().map(|s| s.as_ref() as &(dyn StdError + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, format!("i/o error: {e}")).with_source(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_stays_one_pointer_wide() {
        // Results of this crate stay small on the happy path; the details live behind a Box.
        assert_eq!(std::mem::size_of::<Error>(), std::mem::size_of::<usize>());
        assert_eq!(std::mem::size_of::<Result<()>>(), std::mem::size_of::<usize>());
    }

    #[test]
    fn display_is_lowercase_and_chains_sources() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "disk.img");
        let e = Error::from(io).with_attempts(3);
        assert_eq!(e.to_string(), "i/o error: disk.img after 3 attempts");
        assert_eq!(e.kind(), ErrorKind::Io);
        assert_eq!(StdError::source(&e).map(|s| s.to_string()).as_deref(), Some("disk.img"));
    }
}
