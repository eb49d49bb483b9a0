//! A pre-signed URL, which never shows its signature: [`SignedUrl`].

use std::fmt;

use crate::url::without_query;

/// A pre-signed object-storage URL: Linode's `upload_to` (as [`linode::UploadUrl`]), the
/// pre-signed URL a DigitalOcean custom image is imported from (as
/// [`digitalocean::ImportUrl`]).
///
/// Its query carries a signature that lets anyone holding the URL read or write the object
/// until it expires: a credential. Its `Debug` and `Display` show the scheme, host and path
/// only, never the query (`https://us-east-1.linodeobjects.com/bucket/key?** redacted **`), and so
/// does the `Debug` of every value that holds one (the generated request and response types
/// included); read the whole URL with [`expose`](Self::expose), explicitly. It is serialised as
/// the plain string: the request body sent to the API holds the whole URL.
///
/// ```
/// use cloud_images::SignedUrl;
///
/// let url = SignedUrl::from("https://us-east-1.linodeobjects.com/b/private/1?X-Amz-Signature=5ecr3t");
/// assert_eq!(url.to_string(), "https://us-east-1.linodeobjects.com/b/private/1?** redacted **");
/// assert!(!format!("{url:?}").contains("5ecr3t"));
/// assert!(url.expose().ends_with("X-Amz-Signature=5ecr3t"));
/// ```
///
/// [`linode::UploadUrl`]: crate::linode::UploadUrl
/// [`digitalocean::ImportUrl`]: crate::digitalocean::ImportUrl
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct SignedUrl(String);

impl SignedUrl {
    /// The whole URL, signature included: to send the data yourself. Do not log it.
    ///
    /// ```
    /// let url = cloud_images::SignedUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.expose(), "https://h/b/o?Signature=s");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL without its query (no signature): scheme, host and path.
    ///
    /// ```
    /// let url = cloud_images::SignedUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.without_query(), "https://h/b/o");
    /// ```
    pub fn without_query(&self) -> &str {
        without_query(&self.0)
    }
}

impl fmt::Display for SignedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.without_query())?;
        if self.0.contains('?') {
            write!(f, "?{}", crate::secret::REDACTED)?;
        }
        Ok(())
    }
}

impl fmt::Debug for SignedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SignedUrl").field(&self.to_string()).finish()
    }
}

/// From any text: `&str`, `String`, `&String`, ...
impl<T: Into<String>> From<T> for SignedUrl {
    fn from(url: T) -> Self {
        SignedUrl(url.into())
    }
}

impl From<&SignedUrl> for SignedUrl {
    fn from(url: &SignedUrl) -> Self {
        url.clone()
    }
}
