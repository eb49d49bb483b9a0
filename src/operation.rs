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
#[non_exhaustive]
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

/// The part of [`Operation`] that only this crate implements and calls: a supertrait in a
/// private module, so that users can neither name it nor implement `Operation` (sealed).
pub(crate) mod sealed {
    /// The proof of a call from inside this crate: the hidden methods of the sealed traits
    /// ([`WritePath`], the providers' rules) take one, and only this crate can make one, so
    /// that generic code outside cannot call them through a bound either.
    #[derive(Clone, Copy, Debug)]
    pub struct Seal(pub(crate) ());

    /// How an operation writes its path.
    pub trait WritePath {
        /// Appends the operation's path to `out`: the client builds each request's URL in one
        /// buffer with it (the generated types write each piece directly).
        fn write_path(&self, out: &mut String, seal: Seal);
    }
}

/// One API operation, ready to send: implemented by every generated request type
/// ([`linode::ops`](crate::linode::ops), [`digitalocean::ops`](crate::digitalocean::ops)), and
/// by them only (sealed: a later version may add to it without breaking anyone).
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
pub trait Operation: sealed::WritePath {
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
    ///
    /// ```
    /// use cloud_images::{Operation, linode::ops};
    ///
    /// assert_eq!(ops::GetImage::new("private/123").path(), "/images/private%2F123");
    /// ```
    fn path(&self) -> String {
        let mut out = String::new();
        self.write_path(&mut out, sealed::Seal(()));
        out
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

#[cfg(test)]
mod tests {
    use super::sealed::{Seal, WritePath};
    use crate::{digitalocean, linode};

    #[test]
    fn write_path_appends_the_same_path_to_what_is_there() {
        let mut url = String::from("http://127.0.0.1:9/proxy");
        linode::ops::PutSharegroupImageshare::new(
            8306,
            "shared/5854",
            linode::types::ImageShareUpdate::new(),
        )
        .write_path(&mut url, Seal(()));
        assert_eq!(url, "http://127.0.0.1:9/proxy/images/sharegroups/8306/images/shared%2F5854");
        let mut url = String::from("x");
        digitalocean::ops::ImageActionsGet::new(7555620, 36805527).write_path(&mut url, Seal(()));
        assert_eq!(url, "x/v2/images/7555620/actions/36805527");
    }
}
