//! The request log: every request a stand-in received, and what it answered.

use std::sync::Mutex;

use serde_json::Value;

use super::lock;

/// What replaces a secret in the log: the value of an `Authorization` header, a share group
/// membership token in a body, the signature and credential of a pre-signed URL.
pub const REDACTED: &str = "[redacted]";

/// Which token a request carried, as the stand-in judged it.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// No `Authorization` header.
    None,
    /// `Authorization: Bearer <the stand-in's token>`.
    Valid,
    /// An `Authorization` header with anything else.
    Invalid,
}

/// One request a stand-in received, with the answer it gave. Secrets are replaced by
/// [`REDACTED`], never kept: the value of an `Authorization` header (the token), a share group
/// membership token in a body (`token`, which adding a member sends), and the signature and
/// credential of a pre-signed URL, in the query (`X-Amz-Signature`, `X-Amz-Credential` of an
/// upload's `PUT`) and in a body's text (an import `url`).
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use cloud_images::testing::{LinodeStandIn, REDACTED, Token};
///
/// let stand_in = LinodeStandIn::start()?;
/// stand_in.client()?.images().get("linode/debian12")?;
/// let requests = stand_in.requests();
/// let get = &requests[0];
/// assert_eq!((get.method.as_str(), get.path.as_str()), ("GET", "/v4/images/linode%2Fdebian12"));
/// assert_eq!(get.operation.as_deref(), Some("get-image"));
/// assert_eq!(get.header("authorization"), Some(REDACTED));
/// assert_eq!((get.token, get.status), (Token::Valid, Some(200)));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Request {
    /// `GET`, `POST`, ...
    pub method: String,
    /// The path as sent, still percent-encoded (`/v4/images/private%2F123`).
    pub path: String,
    /// The query's pairs, decoded, in the order sent; a signature or credential is [`REDACTED`].
    pub query: Vec<(String, String)>,
    /// The headers, names in lower case, in the order sent; `Authorization` is [`REDACTED`].
    pub headers: Vec<(String, String)>,
    /// The token the request carried.
    pub token: Token,
    /// The body, when it was JSON; a membership token or a URL's signature in it is [`REDACTED`].
    pub body: Option<Value>,
    /// How many body bytes arrived (for an upload, the whole upload: it is not kept).
    pub body_len: u64,
    /// The operation the request went to: the API's `operationId` (`get-image`,
    /// `images_list`, ...) or `object-storage-put` for a Linode upload; `None` for a path
    /// the API does not have.
    pub operation: Option<String>,
    /// The status answered; `None` when an injected fault dropped the connection.
    pub status: Option<u16>,
    /// The injected fault that made the answer, if one did, as [`Fault`](super::Fault)s are
    /// shown: `status 429 with retry-after: 1`, `status 503`, `delay 300 ms`, `cut body`,
    /// `dropped connection`, `not JSON`, `empty object`, `truncated JSON`.
    pub fault: Option<String>,
    /// What the answer said, in a few words (`page 1 of 3: 25 images`).
    pub note: String,
}

impl Request {
    /// The first value of header `name` (any case).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::DigitalOceanStandIn::start()?;
    /// stand_in.client()?.images().get("ubuntu-24-04-x64")?;
    /// let accept = stand_in.requests()[0].header("Accept").map(str::to_string);
    /// assert_eq!(accept.as_deref(), Some("application/json"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The first value of query parameter `name`, decoded.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let stand_in = cloud_images::testing::LinodeStandIn::start()?;
    /// stand_in.client()?.images().list().page_size(100).send()?;
    /// assert_eq!(stand_in.requests()[0].query_param("page_size"), Some("100"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn query_param(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// The log of one stand-in.
#[derive(Default)]
pub(crate) struct Log(Mutex<Vec<Request>>);

impl Log {
    pub(crate) fn push(&self, request: Request) {
        lock(&self.0).push(request);
    }

    pub(crate) fn all(&self) -> Vec<Request> {
        lock(&self.0).clone()
    }

    pub(crate) fn take(&self) -> Vec<Request> {
        std::mem::take(&mut *lock(&self.0))
    }
}
