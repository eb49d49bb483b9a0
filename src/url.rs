//! The one check of a URL the crate sends to (a base URL, an upload URL, an image to import):
//! absolute, `http` or `https`, with a host. Messages never repeat the query: pre-signed URLs
//! carry their signature there.

use ureq::http::Uri;

use crate::{Error, Result};

/// `url` with its query cut off, for messages and logs.
pub(crate) fn without_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// Checks that `url` is `http(s)://host/...`; `what` names it in the message (`the upload url`).
pub(crate) fn http_url(url: &str, what: &str) -> Result<Uri> {
    let shown = without_query(url.trim());
    if shown.is_empty() {
        return Err(Error::invalid_input(format!("{what} must not be empty")));
    }
    let not_http = || Error::invalid_input(format!("{what} {shown:?} must start with http:// or https://"));
    let scheme = url.trim().split_once("://").map(|(scheme, _)| scheme);
    if !scheme.is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https")) {
        return Err(not_http());
    }
    let uri: Uri = url.trim().parse().map_err(|e| {
        Error::invalid_input(format!("{what} {shown:?} is an invalid url: {e}")).with_source(e)
    })?;
    if uri.host().is_none_or(str::is_empty) {
        return Err(Error::invalid_input(format!("{what} {shown:?} has no host")));
    }
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_urls_with_a_host_pass() {
        for good in [
            "https://us-east-1.linodeobjects.com/b/o?Signature=x",
            "http://127.0.0.1:9000/b/o",
            "HTTPS://Example.com",
        ] {
            assert!(http_url(good, "the url").is_ok(), "{good}");
        }
        for (bad, says) in [
            ("", "must not be empty"),
            ("ftp://x/y", "http:// or https://"),
            ("file:///etc/passwd", "http:// or https://"),
            ("/relative", "http:// or https://"),
            ("example.com/x", "http:// or https://"),
            ("https://", "invalid url"),
            ("https://exa mple.com/x", "invalid url"),
        ] {
            let e = http_url(bad, "the url").unwrap_err();
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn messages_leave_the_query_out() {
        let e = http_url("s3://bucket/o?X-Amz-Signature=5ecr3t", "the url").unwrap_err();
        assert!(!e.to_string().contains("5ecr3t"), "{e}");
        assert_eq!(without_query("https://h/p?sig=1"), "https://h/p");
    }
}
