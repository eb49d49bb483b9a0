//! The pre-signed `upload_to` URL of a Linode upload, which never shows its signature.

use std::fmt;

use crate::url::without_query;

/// The pre-signed URL an image's data is sent to: `upload_to` in the answer to
/// [`Images::create_upload`](super::super::Images::create_upload), and what
/// [`Images::upload_to`](super::super::Images::upload_to) takes (as does any `&str` or `String`).
///
/// Its query carries a signature that lets anyone holding the URL write the image for 24 hours:
/// a credential. Its `Debug` and `Display` show the scheme, host and path only, never the
/// query (`https://us-east-1.linodeobjects.com/bucket/key?** redacted **`); read the whole URL
/// with [`expose`](Self::expose), explicitly. It is serialised as the plain string.
///
/// ```
/// use cloud_images::linode::UploadUrl;
///
/// let url = UploadUrl::from("https://us-east-1.linodeobjects.com/b/private/1?X-Amz-Signature=5ecr3t");
/// assert_eq!(url.to_string(), "https://us-east-1.linodeobjects.com/b/private/1?** redacted **");
/// assert!(!format!("{url:?}").contains("5ecr3t"));
/// assert!(url.expose().ends_with("X-Amz-Signature=5ecr3t"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct UploadUrl(String);

impl UploadUrl {
    /// The whole URL, signature included: to send the data yourself. Do not log it.
    ///
    /// ```
    /// let url = cloud_images::linode::UploadUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.expose(), "https://h/b/o?Signature=s");
    /// ```
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The URL without its query (no signature): scheme, host and path.
    ///
    /// ```
    /// let url = cloud_images::linode::UploadUrl::from("https://h/b/o?Signature=s");
    /// assert_eq!(url.without_query(), "https://h/b/o");
    /// ```
    pub fn without_query(&self) -> &str {
        without_query(&self.0)
    }
}

impl fmt::Display for UploadUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.without_query())?;
        if self.0.contains('?') {
            write!(f, "?{}", crate::secret::REDACTED)?;
        }
        Ok(())
    }
}

impl fmt::Debug for UploadUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UploadUrl").field(&self.to_string()).finish()
    }
}

/// From any text: `&str`, `String`, `&String`, ...
impl<T: Into<String>> From<T> for UploadUrl {
    fn from(url: T) -> Self {
        UploadUrl(url.into())
    }
}

impl From<&UploadUrl> for UploadUrl {
    fn from(url: &UploadUrl) -> Self {
        url.clone()
    }
}
