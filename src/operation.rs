//! The contract between the generated request types and the runtime.

use serde::{Serialize, de::DeserializeOwned};

/// An HTTP method used by the Images APIs.
///
/// ```
/// use cloud_images::{Method, Operation, linode::ops};
///
/// assert_eq!(ops::GetImage::METHOD, Method::Get);
/// assert_eq!(Method::Delete.to_string(), "DELETE");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as it is written on the wire (`"GET"`).
    ///
    /// ```
    /// assert_eq!(cloud_images::Method::Get.as_str(), "GET");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether sending the request twice has the same effect as sending it once
    /// (`GET`, `PUT`, `DELETE`): only these are retried after a server or network failure.
    ///
    /// ```
    /// use cloud_images::Method;
    ///
    /// assert!(Method::Put.is_idempotent());
    /// assert!(!Method::Post.is_idempotent()); // so a create is never retried after a 503
    /// ```
    pub fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One API operation, ready to send: implemented by every generated request type
/// ([`linode::ops`](crate::linode::ops), [`digitalocean::ops`](crate::digitalocean::ops)).
///
/// Clients run any of them with `execute`, for what the facade does not wrap:
///
/// ```no_run
/// use cloud_images::linode::{Client, ops};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let client = Client::builder().build()?;
/// let image = client.execute(&ops::GetImage::new("linode/debian12"))?;
/// println!("{} is {:?}", image.id, image.status);
/// # Ok(())
/// # }
/// ```
pub trait Operation {
    /// What a 2xx response decodes into (`()` for an empty body).
    type Response: DeserializeOwned;
    /// The JSON request body (`()` when there is none).
    type Body: Serialize;
    /// The HTTP method.
    const METHOD: Method;
    /// The `operationId` in the OpenAPI spec.
    const OPERATION_ID: &'static str;
    /// The path template in the OpenAPI spec, e.g. `/images/{imageId}`: after the server URL
    /// (for Linode, after the API version, which the client adds: `/v4/images/{imageId}`).
    const PATH_TEMPLATE: &'static str;
    /// The path with every parameter percent-encoded as one segment (`/images/private%2F123`).
    fn path(&self) -> String;
    /// Appends [`path`](Self::path) to `out`: the client builds each request's URL in one
    /// buffer with it. The generated types write their path directly; the default copies
    /// `path()`.
    fn write_path(&self, out: &mut String) {
        out.push_str(&self.path());
    }
    /// The query parameters that are set, in spec order, not yet encoded.
    fn query(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// The header parameters that are set.
    fn headers(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }
    /// The JSON body, if the operation has one.
    fn body(&self) -> Option<&Self::Body> {
        None
    }
}
