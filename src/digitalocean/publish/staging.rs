//! The staging object in Spaces: its key, the pre-signed URLs' lifetimes, a refused request's
//! S3 error code in words, and the object's `DELETE`, retried.

use std::time::Duration;

#[cfg(feature = "spaces")]
use crate::digitalocean::{Client, Spaces};
#[cfg(feature = "spaces")]
use crate::error::ErrorKind;
#[cfg(feature = "spaces")]
use crate::retry::{self, Try};
#[cfg(feature = "spaces")]
use crate::{Error, Method, Result, object_storage};

/// Where staging objects go in the bucket: `cloud-images-staging/{unique}-{file name}`.
pub const STAGING_PREFIX: &str = "cloud-images-staging/";

/// How long the `PUT` URL is valid (checked when a try starts).
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub(super) const PUT_EXPIRY: Duration = Duration::from_secs(60 * 60);
/// How long the `DELETE` URL is valid (signed just before it is used).
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
const DELETE_EXPIRY: Duration = Duration::from_secs(15 * 60);
/// What the `GET` URL is valid for beyond the wait's timeout.
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub(super) const GET_MARGIN: Duration = Duration::from_secs(60 * 60);

/// A unique key under [`STAGING_PREFIX`] that ends with (a safe form of) `name`.
#[cfg_attr(not(feature = "spaces"), allow(dead_code))]
pub(super) fn staging_key(name: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let safe: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '-' })
        .collect();
    // At most 200 characters of the name, its end (the format) kept.
    let skip = safe.chars().count().saturating_sub(200);
    let safe: String = safe.chars().skip(skip).collect();
    format!("{STAGING_PREFIX}{nanos:x}-{}-{n}-{safe}", std::process::id())
}

#[cfg(feature = "spaces")]
/// key problem, which keys to check.
pub(super) fn refused(e: Error, spaces: &Spaces, what: &str) -> Error {
    if e.kind() != ErrorKind::Upload {
        return e;
    }
    let code = e.api().and_then(|api| s3_code(api.text())).unwrap_or_default();
    let hint = match code.as_str() {
        "SignatureDoesNotMatch" | "InvalidAccessKeyId" | "AccessDenied" => {
            "; check SPACES_ACCESS_KEY_ID and SPACES_SECRET_ACCESS_KEY (or the keys given), and that they may \
             write to the bucket"
        }
        "NoSuchBucket" => "; the bucket must exist (in the spaces region given)",
        _ => "",
    };
    let code = if code.is_empty() { String::new() } else { format!(" ({code})") };
    e.context(format!("spaces bucket {} refused {what}{code}{hint}", spaces.bucket()))
}

/// The `<Code>` of an S3 error body.
#[cfg(feature = "spaces")]
fn s3_code(text: &str) -> Option<String> {
    let (_, rest) = text.split_once("<Code>")?;
    let (code, _) = rest.split_once("</Code>")?;
    Some(code.trim().to_string())
}

/// Deletes the staging object with a pre-signed `DELETE`, retried as the client's policy
/// allows (S3 answers 204 also when the object is not there).
#[cfg(feature = "spaces")]
pub(super) fn delete_object(client: &Client, spaces: &Spaces, key: &str) -> Result<()> {
    let transport = &client.inner;
    let clock = &transport.settings.clock;
    let url = spaces.presign(Method::Delete, key, DELETE_EXPIRY, clock.system_now())?;
    let what = format_args!("DELETE {}", crate::url::without_query(&url));
    retry::run(&transport.settings.retry, clock, &retry::Deadline::default(), &what, |_| {
        let error = match transport.objects.delete(&url) {
            Ok(()) => return Try::Done(()),
            Err(e) => refused(e, spaces, "the delete"),
        };
        let retry = retry::should_retry(Method::Delete, &object_storage::outcome(&error));
        Try::Failed { error, retry, wait: None }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_keep_the_name() {
        let (a, b) = (staging_key("my disk.qcow2.gz"), staging_key("my disk.qcow2.gz"));
        assert_ne!(a, b);
        assert!(a.starts_with(STAGING_PREFIX) && a.ends_with("-my-disk.qcow2.gz"), "{a}");
        let long = staging_key(&format!("{}.img", "x".repeat(500)));
        assert!(long.ends_with(".img") && long.len() < 300, "{long}");
    }
}
