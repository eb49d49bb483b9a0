//! The API's error answer, read the same way for every provider: [`ApiError`], the problems it
//! names ([`ApiMessage`]) and what a provider's rules read in it ([`ErrorDetails`]).

use std::fmt;

/// One problem an API error response names: Linode's `{"field", "reason"}`, DigitalOcean's
/// `message`. Read from [`ApiError::details`]; only this crate makes them.
///
/// ```no_run
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = cloud_images::linode::Client::from_env()?;
/// if let Err(e) = client.images().update("private/123").label("x").send()
///     && let Some(api) = e.api()
/// {
///     for m in api.details() {
///         println!("{:?}: {}", m.field, m.reason); // `m.to_string()`: "label: Length must be 3-64 characters"
///     }
/// }
/// # Ok(())
/// # }
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
    pub(crate) fn new(field: Option<&str>, reason: impl Into<String>) -> Self {
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
/// [`Provider`](crate::Provider)): the problems it names, its error id and request id. Not
/// public API ([`ApiError`] has readers for each): `pub` only because the providers' sealed
/// rules return it, in a private module and not re-exported, so users cannot name it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ErrorDetails {
    /// The problems named, one per entry.
    pub(crate) messages: Vec<ApiMessage>,
    /// The provider's error id (DigitalOcean's `id`: `not_found`, `too_many_requests`).
    pub(crate) error_id: Option<String>,
    /// The request id the body carries (DigitalOcean's `request_id`).
    pub(crate) request_id: Option<String>,
}

impl ErrorDetails {
    /// Details naming these problems.
    pub(crate) fn new(messages: Vec<ApiMessage>) -> Self {
        ErrorDetails { messages, error_id: None, request_id: None }
    }

    /// With the provider's error id.
    pub(crate) fn error_id(mut self, id: impl Into<String>) -> Self {
        self.error_id = Some(id.into());
        self
    }

    /// With the request id the body carries.
    pub(crate) fn request_id(mut self, id: impl Into<String>) -> Self {
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
