//! The one error type of the crate.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

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

/// What kind of failure an [`Error`] is.
///
/// ```
/// use cloud_images::{ErrorKind, linode::Client};
///
/// let error = Client::builder().base_url("ftp://example.com").build().unwrap_err();
/// match error.kind() {
///     ErrorKind::InvalidInput => println!("fix the settings: {error}"),
///     other => println!("{other:?}: {error}"), // the enum is non-exhaustive
/// }
/// assert_eq!(error.kind(), ErrorKind::InvalidInput);
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The API answered with a 4xx or 5xx status; [`Error::api`] has the details.
    Api,
    /// The API is down for maintenance (a 503 with `X-Maintenance-Mode`): not retried.
    Maintenance,
    /// A 2xx response whose body does not match the expected shape.
    Decode,
    /// The connection failed or was cut (DNS, refused, reset, truncated body).
    Transport,
    /// A time limit ran out: connecting, an API call, an upload stall, or a wait.
    Timeout,
    /// The caller's input was refused before any request was sent.
    InvalidInput,
    /// A response body was larger than the configured cap.
    ResponseTooLarge,
    /// Reading or writing a local file or stream failed.
    Io,
    /// Object storage refused the upload (the `PUT` to `upload_to`).
    Upload,
    /// A waited-for image or action failed, or disappeared.
    WaitFailed,
    /// The caller stopped a wait from its [`on_poll`](crate::Wait::on_poll) callback.
    Stopped,
    /// TLS failed: the server's certificate is not trusted, has expired or is for another
    /// name, or the handshake failed. Not retried (see
    /// [`ClientBuilder::add_root_certificate_pem`](crate::ClientBuilder::add_root_certificate_pem)).
    Tls,
    /// The caller cancelled an upload: its [`progress`](crate::linode::Upload::progress)
    /// callback returned `ControlFlow::Break(())`, or a
    /// [`CancelUpload`](crate::linode::CancelUpload) handle was used. The image it had created,
    /// if any, was deleted again ([`Error::created_image`], [`Error::created_image_deleted`]).
    ///
    /// ```no_run
    /// use std::ops::ControlFlow;
    /// use cloud_images::{ErrorKind, linode::{Client, CreateUpload}};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let upload = client.images().upload(CreateUpload::new("my-image", "us-east"));
    /// // Give up when the image is larger than expected.
    /// let upload = upload.progress(|p| if p.total > 4_000_000_000 { ControlFlow::Break(()) } else { ControlFlow::Continue(()) });
    /// match upload.file("disk.img") {
    ///     Err(e) if e.kind() == ErrorKind::Cancelled => eprintln!("stopped: {e}"),
    ///     other => println!("uploaded {}", other?.id),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    Cancelled,
}

/// One problem an API error response names: Linode's `{"field", "reason"}`, DigitalOcean's
/// `message`.
///
/// ```
/// use cloud_images::ApiMessage;
///
/// let m = ApiMessage::new(Some("label"), "Length must be 3-64 characters");
/// assert_eq!(m.to_string(), "label: Length must be 3-64 characters");
/// assert_eq!(ApiMessage::new(None, "Not found").to_string(), "Not found");
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiMessage {
    /// The request field the problem is about, when the provider says.
    pub field: Option<String>,
    /// What is wrong, in the provider's words.
    pub reason: String,
}

impl ApiMessage {
    /// A message about `field` (or about the request as a whole).
    ///
    /// ```
    /// let m = cloud_images::ApiMessage::new(Some("region"), "Region does not exist");
    /// assert_eq!(m.field.as_deref(), Some("region"));
    /// ```
    pub fn new(field: Option<&str>, reason: impl Into<String>) -> Self {
        ApiMessage { field: field.map(str::to_string), reason: reason.into() }
    }
}

impl fmt::Display for ApiMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "{field}: {}", self.reason),
            None => f.write_str(&self.reason),
        }
    }
}

/// What a provider's error body says, read by the provider's own rules (see
/// [`Provider`](crate::Provider)): the problems it names, its error id and request id.
///
/// ```
/// use cloud_images::{ApiMessage, ErrorDetails};
///
/// let details = ErrorDetails::new(vec![ApiMessage::new(None, "Not found")]).error_id("not_found");
/// assert_eq!(details.messages.len(), 1);
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorDetails {
    /// The problems named, one per entry.
    pub messages: Vec<ApiMessage>,
    /// The provider's error id (DigitalOcean's `id`: `not_found`, `too_many_requests`).
    pub error_id: Option<String>,
    /// The request id the body carries (DigitalOcean's `request_id`).
    pub request_id: Option<String>,
}

impl ErrorDetails {
    /// Details naming these problems.
    ///
    /// ```
    /// let d = cloud_images::ErrorDetails::new(Vec::new());
    /// assert!(d.messages.is_empty() && d.error_id.is_none());
    /// ```
    pub fn new(messages: Vec<ApiMessage>) -> Self {
        ErrorDetails { messages, error_id: None, request_id: None }
    }

    /// With the provider's error id.
    ///
    /// ```
    /// let d = cloud_images::ErrorDetails::new(Vec::new()).error_id("not_found");
    /// assert_eq!(d.error_id.as_deref(), Some("not_found"));
    /// ```
    pub fn error_id(mut self, id: impl Into<String>) -> Self {
        self.error_id = Some(id.into());
        self
    }

    /// With the request id the body carries.
    ///
    /// ```
    /// let d = cloud_images::ErrorDetails::new(Vec::new()).request_id("4d9d8375");
    /// assert_eq!(d.request_id.as_deref(), Some("4d9d8375"));
    /// ```
    pub fn request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }
}

/// An error response from the API, the same for every provider: the status, the request id,
/// the problems the body names, and the body itself (as text, and as JSON when it is JSON).
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::digitalocean::Client::from_env()?;
/// if let Err(e) = client.images().get(7555620)
///     && let Some(api) = e.api()
/// {
///     println!("HTTP {} {:?}: {:?}", api.status(), api.error_id(), api.messages());
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError {
    status: u16,
    request_id: Option<String>,
    details: ErrorDetails,
    text: String,
    json: Option<serde_json::Value>,
}

impl ApiError {
    /// `text` is the body as received (the token and any signature already scrubbed:
    /// `secret::redact_signatures`); `details` what the provider's rules read in it (empty when
    /// they read nothing).
    pub(crate) fn new(
        status: u16,
        header_request_id: Option<String>,
        text: String,
        details: Option<ErrorDetails>,
    ) -> Self {
        let json = serde_json::from_str(&text).ok();
        let details = details.unwrap_or_default();
        let request_id = details.request_id.clone().or(header_request_id);
        ApiError { status, request_id, details, text, json }
    }

    /// What the provider's rules read in the body.
    pub(crate) fn parsed(&self) -> &ErrorDetails {
        &self.details
    }

    /// The HTTP status code.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// if let Err(e) = client.images().delete("private/123")
    ///     && let Some(api) = e.api()
    /// {
    ///     eprintln!("the API answered {}", api.status());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The request id: from the body (DigitalOcean's `request_id`), else the `x-request-id`
    /// header.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// if let Err(e) = client.images().delete(7555620)
    ///     && let Some(api) = e.api()
    /// {
    ///     eprintln!("{e}; quote request id {:?} to support", api.request_id());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The problems the body names, each with its field when it has one.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// if let Err(e) = client.images().create(123_456, "x").send()
    ///     && let Some(api) = e.api()
    /// {
    ///     for m in api.details() {
    ///         eprintln!("{:?} is wrong: {}", m.field, m.reason);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn details(&self) -> &[ApiMessage] {
        &self.details.messages
    }

    /// The body as received, with the token scrubbed out, and any signature or credential of a
    /// pre-signed URL that it echoes (object storage's `<SignatureProvided>`,
    /// `X-Amz-Signature=`, ...) replaced by `** redacted **` (an HTML page from a proxy stays
    /// HTML).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// if let Err(e) = client.images().get("private/123")
    ///     && let Some(api) = e.api()
    ///     && api.json().is_none()
    /// {
    ///     eprintln!("not the API's JSON: {}", api.text());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The body as JSON, when it is JSON.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// if let Err(e) = client.images().get("private/123")
    ///     && let Some(json) = e.api().and_then(|api| api.json())
    /// {
    ///     eprintln!("{}", json["errors"][0]["reason"]);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn json(&self) -> Option<&serde_json::Value> {
        self.json.as_ref()
    }

    /// The provider's messages, one per problem: `field: reason` (or `reason`), or the first
    /// 200 characters of a body that is not the provider's JSON, on one line.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// if let Err(e) = client.images().create(123_456, "x").send()
    ///     && let Some(api) = e.api()
    /// {
    ///     for message in api.messages() {
    ///         eprintln!("linode says: {message}"); // e.g. `label: Length must be 3-64 characters`
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn messages(&self) -> Vec<String> {
        if !self.details.messages.is_empty() {
            return self.details.messages.iter().map(ToString::to_string).collect();
        }
        if self.text.trim().is_empty() {
            return Vec::new();
        }
        // One line, whatever the page looked like: messages end up in logs.
        let flat = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        vec![flat.chars().take(200).collect()]
    }

    /// The provider's error id (DigitalOcean's `not_found`, `too_many_requests`, ...).
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::digitalocean::Client::from_env()?;
    /// if let Err(e) = client.images().update(7555620).name("web").send()
    ///     && let Some(api) = e.api()
    ///     && api.error_id() == Some("unprocessable_entity")
    /// {
    ///     eprintln!("refused: {:?}", api.messages());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn error_id(&self) -> Option<&str> {
        self.details.error_id.as_deref()
    }
}

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
    last_status: Option<String>,
    /// For one listing item that did not decode: its position on its page, and its id.
    item: Option<(usize, Option<String>)>,
    /// An image an upload created before it failed, and whether it was deleted again.
    created_image: Option<(String, bool)>,
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
        self.inner.status = Some(api.status);
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

    pub(crate) fn with_last_status(mut self, status: Option<String>) -> Self {
        self.inner.last_status = status;
        self
    }

    pub(crate) fn with_item(mut self, index: usize, id: Option<String>) -> Self {
        self.inner.item = Some((index, id));
        self
    }

    pub(crate) fn with_created_image(mut self, id: impl Into<String>, deleted: bool) -> Self {
        self.inner.created_image = Some((id.into(), deleted));
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

    /// For a wait that failed or timed out: the last status seen (`creating`, `NEW`, ...).
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// match client.images().wait_until_available("private/123").timeout(Duration::from_secs(600)).send() {
    ///     Err(e) if e.is_timeout() => eprintln!("still {:?} after 10 minutes", e.last_status()),
    ///     other => println!("{:?}", other?.status),
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn last_status(&self) -> Option<&str> {
        self.inner.last_status.as_deref()
    }

    /// For an item of a listing that could not be decoded: its position on its page (0-based).
    /// Such an error stands in the listing where the item stood; the iterator goes on with the
    /// next item, so a caller chooses to skip it or to stop (see the crate guide, "Decoding").
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// for image in client.images().list() {
    ///     match image {
    ///         Ok(image) => println!("{}", image.id),
    ///         // One odd image: say so and go on with the others.
    ///         Err(e) if e.item_index().is_some() => eprintln!("skipped: {e}"),
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn item_index(&self) -> Option<usize> {
        self.inner.item.as_ref().map(|(i, _)| *i)
    }

    /// For an item of a listing that could not be decoded: its `id`, when the item had one.
    ///
    /// ```no_run
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = cloud_images::linode::Client::from_env()?;
    /// let page = client.images().list().send()?;
    /// for e in &page.failed {
    ///     eprintln!("image {:?} at {:?} did not decode: {e}", e.item_id(), e.item_index());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn item_id(&self) -> Option<&str> {
        self.inner.item.as_ref().and_then(|(_, id)| id.as_deref())
    }

    /// For a failed Linode [`upload`](crate::linode::Images::upload): the id of the image it
    /// had created before it failed (`None` when it failed before creating one). Whether that
    /// image was deleted again is [`created_image_deleted`](Error::created_image_deleted).
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// let request = CreateUpload::new("my-image", "us-east");
    /// match client.images().upload(request).keep_on_failure(true).file("disk.img") {
    ///     Ok(image) => println!("uploaded {}", image.id),
    ///     Err(e) => match e.created_image() {
    ///         Some(id) => eprintln!("{id} was kept for another try: {e}"),
    ///         None => return Err(e), // nothing was created
    ///     },
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn created_image(&self) -> Option<&str> {
        self.inner.created_image.as_ref().map(|(id, _)| id.as_str())
    }

    /// For a failed upload that had created an image ([`created_image`](Error::created_image)):
    /// `true` when that image was deleted again (a delete that got no answer counts when the
    /// image is then not found); `false` when it was kept
    /// ([`keep_on_failure`](crate::linode::Upload::keep_on_failure)), when the delete failed
    /// too, or got no answer and the image could not be read (the message says so; Linode
    /// removes a `pending_upload` image after 24 hours), or when no image was created.
    ///
    /// ```no_run
    /// use cloud_images::linode::{Client, CreateUpload};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let client = Client::from_env()?;
    /// if let Err(e) = client.images().upload(CreateUpload::new("my-image", "us-east")).file("disk.img")
    ///     && let Some(id) = e.created_image()
    ///     && !e.created_image_deleted()
    /// {
    ///     eprintln!("{e}; delete {id} by hand, or wait for Linode to remove it");
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn created_image_deleted(&self) -> bool {
        self.inner.created_image.as_ref().is_some_and(|(_, deleted)| *deleted)
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
        if let Some((id, deleted)) = &self.inner.created_image {
            d.field("created_image", id).field("created_image_deleted", deleted);
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
