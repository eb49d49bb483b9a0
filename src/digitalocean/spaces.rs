//! Spaces, DigitalOcean's S3-compatible object storage: the bucket and keys that
//! [`Images::publish`](super::Images::publish) stages a local file in, and (feature `spaces`)
//! the pre-signed URLs it sends the file, the import and the clean-up to.

use std::fmt;
use std::time::Duration;

use crate::url::is_loopback;
use crate::{Error, Result};

/// The stall limit of a Spaces upload (each read from or write to the connection).
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub(crate) const STALL_TIMEOUT: Duration = Duration::from_secs(60);

/// The variable the access key is read from (the name doctl and DigitalOcean's Terraform
/// provider use).
const ACCESS_KEY_VAR: &str = "SPACES_ACCESS_KEY_ID";
/// The variable the secret key is read from.
const SECRET_KEY_VAR: &str = "SPACES_SECRET_ACCESS_KEY";

/// A Spaces bucket and the keys to write to it: where
/// [`Images::publish`](super::Images::publish) puts a local file for DigitalOcean to import it
/// from. The bucket must exist; the object stays private (the import reads it through a
/// pre-signed URL) and is deleted afterwards.
///
/// The secret key never appears in `Debug`, `Display`, a log line or an error, and neither key
/// is ever sent: requests carry a signature made with them (AWS Signature Version 4, by the
/// [`rusty-s3`](https://docs.rs/rusty-s3) crate, feature `spaces`). The API token is never sent
/// to Spaces.
///
/// ```no_run
/// use cloud_images::digitalocean::Spaces;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// // SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY; https://nyc3.digitaloceanspaces.com
/// let spaces = Spaces::from_env("my-images", "nyc3")?;
/// // Or every part given.
/// let spaces = Spaces::builder("my-images", "nyc3")
///     .keys("DO00EXAMPLEKEY", std::env::var("MY_SPACES_SECRET").unwrap_or_default())
///     .endpoint("https://nyc3.digitaloceanspaces.com")
///     .build()?;
/// println!("{spaces:?}"); // the keys show as `** redacted **`
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Spaces {
    bucket: String,
    region: String,
    /// Scheme, host and path prefix, without a trailing `/`.
    endpoint: String,
    /// Read to sign (feature `spaces`); shown redacted.
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    access_key_id: Secret,
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    secret_access_key: Secret,
}

/// A key. Its `Debug` prints `** redacted **`; nothing else of this crate prints it.
#[derive(Clone, PartialEq, Eq)]
struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(crate::secret::REDACTED)
    }
}

impl Spaces {
    /// The bucket `bucket` in the Spaces region `region` (`nyc3`, `ams3`, `sfo3`, `fra1`, ...),
    /// at `https://{region}.digitaloceanspaces.com`, with the keys from `SPACES_ACCESS_KEY_ID`
    /// and `SPACES_SECRET_ACCESS_KEY` (the names doctl and DigitalOcean's Terraform provider
    /// use). An [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error naming the
    /// variable when one is not set, or for a bucket or region name Spaces cannot have.
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Spaces};
    ///
    /// match Spaces::from_env("my-images", "nyc3") {
    ///     Ok(spaces) => assert_eq!(spaces.endpoint(), "https://nyc3.digitaloceanspaces.com"),
    ///     Err(e) => assert!(e.kind() == ErrorKind::InvalidInput && e.to_string().contains("SPACES_")),
    /// }
    /// ```
    pub fn from_env(bucket: impl Into<String>, region: impl Into<String>) -> Result<Spaces> {
        Spaces::builder(bucket, region).keys_from_env().build()
    }

    /// A builder for the bucket `bucket` in the Spaces region `region`: set the keys (and the
    /// endpoint, for another S3-compatible server or a test), then [`build`](SpacesBuilder::build).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "ams3")
    ///     .keys("DO00EXAMPLEKEY", "example-secret")
    ///     .build()?;
    /// assert_eq!(spaces.endpoint(), "https://ams3.digitaloceanspaces.com");
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(bucket: impl Into<String>, region: impl Into<String>) -> SpacesBuilder {
        SpacesBuilder {
            bucket: bucket.into(),
            region: region.into(),
            endpoint: None,
            keys: None,
            keys_from_env: false,
        }
    }

    /// The bucket's name.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// assert_eq!(spaces.bucket(), "my-images");
    /// # Ok(())
    /// # }
    /// ```
    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    /// The Spaces region (also the region requests are signed for).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// assert_eq!(spaces.region(), "nyc3");
    /// # Ok(())
    /// # }
    /// ```
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The endpoint, without a trailing `/`; objects are at `{endpoint}/{bucket}/{key}`
    /// (path-style URLs).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// assert_eq!(spaces.endpoint(), "https://nyc3.digitaloceanspaces.com");
    /// # Ok(())
    /// # }
    /// ```
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// A pre-signed URL for `method` on the object `key`, valid for `expires` from `at`
    /// (clamped to S3's 1 second to 7 days). Signed with the keys; they are not in the URL
    /// (only the access key id, in `X-Amz-Credential`, which the crate redacts wherever it
    /// shows a URL).
    #[cfg(feature = "spaces")]
    pub(crate) fn presign(
        &self,
        method: crate::Method,
        key: &str,
        expires: Duration,
        at: std::time::SystemTime,
    ) -> Result<String> {
        use rusty_s3::S3Action as _;
        let bucket = self.s3_bucket()?;
        let credentials = rusty_s3::Credentials::new(&self.access_key_id.0, &self.secret_access_key.0);
        let at = jiff::Timestamp::try_from(at).map_err(|e| {
            Error::invalid_input(format!("cannot sign a spaces request at this time: {e}")).with_source(e)
        })?;
        let expires = expires.clamp(Duration::from_secs(1), MAX_EXPIRY);
        let url = match method {
            crate::Method::Put => bucket.put_object(Some(&credentials), key).sign_with_time(expires, &at),
            crate::Method::Get => bucket.get_object(Some(&credentials), key).sign_with_time(expires, &at),
            crate::Method::Delete => {
                bucket.delete_object(Some(&credentials), key).sign_with_time(expires, &at)
            }
            other => {
                return Err(Error::invalid_input(format!("spaces requests are not signed for {other}")));
            }
        };
        Ok(url.into())
    }

    /// The bucket as rusty-s3 signs for it.
    #[cfg(feature = "spaces")]
    fn s3_bucket(&self) -> Result<rusty_s3::Bucket> {
        let endpoint: ::url::Url = self.endpoint.parse().map_err(|e| {
            Error::invalid_input(format!("the spaces endpoint {:?} is an invalid url: {e}", self.endpoint))
        })?;
        rusty_s3::Bucket::new(endpoint, rusty_s3::UrlStyle::Path, self.bucket.clone(), self.region.clone())
            .map_err(|e| {
                Error::invalid_input(format!(
                    "cannot address the spaces bucket {} at {}: {e}",
                    self.bucket, self.endpoint
                ))
            })
    }
}

/// The longest a pre-signed URL can be valid (S3's limit): 7 days.
#[cfg(feature = "spaces")]
pub(crate) const MAX_EXPIRY: Duration = Duration::from_secs(7 * 24 * 60 * 60);

/// Sets up [`Spaces`]: from [`Spaces::builder`], ended by [`build`](SpacesBuilder::build).
///
/// ```
/// use cloud_images::digitalocean::Spaces;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let spaces = Spaces::builder("my-images", "fra1").keys("DO00EXAMPLEKEY", "example-secret").build()?;
/// # Ok(())
/// # }
/// ```
#[must_use]
pub struct SpacesBuilder {
    bucket: String,
    region: String,
    endpoint: Option<String>,
    keys: Option<(String, Secret)>,
    keys_from_env: bool,
}

impl fmt::Debug for SpacesBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpacesBuilder")
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("keys", &self.keys.as_ref().map(|_| crate::secret::REDACTED))
            .field("keys_from_env", &self.keys_from_env)
            .finish()
    }
}

impl SpacesBuilder {
    /// The access key id and the secret key (from the control panel's API page, "Spaces
    /// Keys"). Spaces and surrounding quotes are trimmed, as pasted from a shell.
    ///
    /// ```
    /// let builder = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3")
    ///     .keys("DO00EXAMPLEKEY", "example-secret");
    /// ```
    pub fn keys(mut self, access_key_id: impl Into<String>, secret_access_key: impl Into<String>) -> Self {
        self.keys = Some((access_key_id.into(), Secret(secret_access_key.into())));
        self.keys_from_env = false;
        self
    }

    /// The keys from `SPACES_ACCESS_KEY_ID` and `SPACES_SECRET_ACCESS_KEY`, read by
    /// [`build`](Self::build) (an error naming the variable when one is not set).
    ///
    /// ```
    /// let builder = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3").keys_from_env();
    /// ```
    pub fn keys_from_env(mut self) -> Self {
        self.keys = None;
        self.keys_from_env = true;
        self
    }

    crate::setters::setters! {
        /// Another endpoint than `https://{region}.digitaloceanspaces.com`: an S3-compatible server
        /// or a local stand-in. Objects are addressed path-style, `{endpoint}/{bucket}/{key}`; a path
        /// in the endpoint is kept in front. Plain `http://` only to this machine (loopback).
        ///
        /// ```
        /// # fn main() -> Result<(), cloud_images::Error> {
        /// let spaces = cloud_images::digitalocean::Spaces::builder("my-images", "nyc3")
        ///     .keys("k", "s")
        ///     .endpoint("http://127.0.0.1:9000/spaces/")
        ///     .build()?;
        /// assert_eq!(spaces.endpoint(), "http://127.0.0.1:9000/spaces");
        /// # Ok(())
        /// # }
        /// ```
        pub fn endpoint(self, url: impl Into<String>) -> Self => endpoint;
    }

    /// Checks the settings and makes the [`Spaces`]; sends nothing. An
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error for a bucket name Spaces
    /// cannot have (3 to 63 lowercase letters, digits, `-` or `.`, starting and ending with a
    /// letter or digit), an empty or odd region, a missing key (naming its variable when read
    /// from the environment), or an endpoint that is not `http(s)://host` (plain `http` only to
    /// loopback: it would carry the image and the signed URLs in clear).
    ///
    /// ```
    /// use cloud_images::{ErrorKind, digitalocean::Spaces};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let spaces = Spaces::builder("my-images", "nyc3").keys("k", "s").build()?;
    /// let bad = Spaces::builder("My_Images", "nyc3").keys("k", "s").build().unwrap_err();
    /// assert_eq!(bad.kind(), ErrorKind::InvalidInput);
    /// let clear = Spaces::builder("my-images", "nyc3").keys("k", "s").endpoint("http://example.com").build();
    /// assert_eq!(clear.unwrap_err().kind(), ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// ```
    pub fn build(self) -> Result<Spaces> {
        let SpacesBuilder { bucket, region, endpoint, keys, keys_from_env } = self;
        let bucket = bucket.trim().to_string();
        check_bucket(&bucket)?;
        let region = region.trim().to_ascii_lowercase();
        if region.is_empty() || !region.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(Error::invalid_input(format!(
                "{region:?} is not a spaces region (nyc3, ams3, sfo3, fra1, ...)"
            )));
        }
        let endpoint = endpoint.unwrap_or_else(|| format!("https://{region}.digitaloceanspaces.com"));
        let endpoint = endpoint.trim().trim_end_matches('/').to_string();
        let uri = crate::url::http_url(&endpoint, "the spaces endpoint")?;
        if uri.query().is_some() {
            return Err(Error::invalid_input(format!(
                "the spaces endpoint {:?} must not have a query",
                crate::url::without_query(&endpoint)
            )));
        }
        let host = uri.host().unwrap_or_default();
        if uri.scheme_str().is_some_and(|s| s.eq_ignore_ascii_case("http")) && !is_loopback(host) {
            return Err(Error::invalid_input(format!(
                "refusing plain http to the spaces endpoint {endpoint}: it would carry the image and its \
                 signed urls in clear; use https"
            )));
        }
        let (access_key_id, secret_access_key) = match (keys, keys_from_env) {
            (Some((access, secret)), _) => (access, secret.0),
            (None, true) => (env_key(ACCESS_KEY_VAR)?, env_key(SECRET_KEY_VAR)?),
            (None, false) => {
                return Err(Error::invalid_input(format!(
                    "the spaces keys are not set: use keys(..), or keys_from_env() ({ACCESS_KEY_VAR}, \
                     {SECRET_KEY_VAR})"
                )));
            }
        };
        let access_key_id = trimmed(&access_key_id, "access key id")?;
        let secret_access_key = trimmed(&secret_access_key, "secret key")?;
        Ok(Spaces {
            bucket,
            region,
            endpoint,
            access_key_id: Secret(access_key_id),
            secret_access_key: Secret(secret_access_key),
        })
    }
}

/// Spaces' bucket names: 3 to 63 lowercase letters, digits, `-` and `.`, starting and ending
/// with a letter or digit.
fn check_bucket(bucket: &str) -> Result<()> {
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    let ok = (3..=63).contains(&bucket.len())
        && bucket.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && edge_ok(bucket.chars().next())
        && edge_ok(bucket.chars().last());
    if !ok {
        return Err(Error::invalid_input(format!(
            "{bucket:?} is not a spaces bucket name: 3 to 63 lowercase letters, digits, '-' or '.', \
             starting and ending with a letter or digit"
        )));
    }
    Ok(())
}

/// A key as pasted (spaces and surrounding quotes trimmed); an error when nothing is left or it
/// has a control character. The message never quotes the key.
fn trimmed(key: &str, what: &str) -> Result<String> {
    let key = key.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if key.is_empty() {
        return Err(Error::invalid_input(format!("the spaces {what} is empty")));
    }
    if key.chars().any(char::is_control) {
        return Err(Error::invalid_input(format!("the spaces {what} has a control character")));
    }
    Ok(key.to_string())
}

/// A key from the environment, or an error naming the variable.
fn env_key(var: &str) -> Result<String> {
    match std::env::var(var) {
        Ok(value) if !value.trim().is_empty() => Ok(value),
        Ok(_) => Err(Error::invalid_input(format!("{var} is empty: set it to your spaces key"))),
        Err(_) => Err(Error::invalid_input(format!(
            "{var} is not set: set {ACCESS_KEY_VAR} and {SECRET_KEY_VAR} to your spaces keys"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_never_show_and_names_are_checked() {
        let spaces = Spaces::builder("my-images", "NYC3").keys(" 'AKID1' ", "\"s3cr3t\"\n").build().unwrap();
        let shown = format!("{spaces:?}");
        assert!(!shown.contains("s3cr3t") && !shown.contains("AKID1"), "{shown}");
        assert_eq!((spaces.region(), spaces.secret_access_key.0.as_str()), ("nyc3", "s3cr3t"));
        for bad in ["ab", "-abc", "abc-", "Abc", "a_bc", &"a".repeat(64)] {
            let e = Spaces::builder(bad, "nyc3").keys("k", "s").build().unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{bad}");
        }
        let e = Spaces::builder("my-images", "nyc3").keys("k", "  ").build().unwrap_err();
        assert!(e.to_string().contains("secret key is empty"), "{e}");
        let e = Spaces::builder("my-images", "nyc3").build().unwrap_err();
        assert!(e.to_string().contains("SPACES_ACCESS_KEY_ID"), "{e}");
    }

    #[cfg(feature = "spaces")]
    #[test]
    fn presigned_urls_follow_the_aws_example() {
        // AWS's documented example (GET examplebucket/test.txt, 24 May 2013, 86400 s), path style.
        let spaces = Spaces::builder("examplebucket", "us-east-1")
            .keys("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
            .endpoint("https://s3.amazonaws.com")
            .build()
            .unwrap();
        let at = std::time::UNIX_EPOCH + Duration::from_secs(1_369_353_600);
        let url = spaces.presign(crate::Method::Get, "test.txt", Duration::from_secs(86400), at).unwrap();
        assert!(
            url.starts_with(
                "https://s3.amazonaws.com/examplebucket/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            )
        );
        assert!(url.contains("X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"), "{url}");
        assert!(url.contains("X-Amz-Signature="), "{url}");
        assert!(!url.contains("wJalrXUtnFEMI"), "{url}");
        // Longer than 7 days is cut to 7 days.
        let url = spaces.presign(crate::Method::Put, "k.img", Duration::from_secs(30 * 86400), at).unwrap();
        assert!(url.contains("X-Amz-Expires=604800"), "{url}");
    }
}
