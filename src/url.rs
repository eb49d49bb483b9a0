//! The one check of a URL the crate sends to (a base URL, an upload URL, an image to import):
//! absolute, `http` or `https`, with a host. Messages quote the URL as it was given, but never
//! its query: pre-signed URLs carry their signature there.

use ureq::http::{self, Uri};

use crate::{Error, Result};

/// `url` with its query cut off, for messages and logs.
pub(crate) fn without_query(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

/// `url` without a trailing `/` and a last path segment that is one of `versions` (any case),
/// and that version: `("https://api.linode.com", Some("v4"))` from `https://api.linode.com/v4/`.
/// The host is never taken for a version (`http://v4`), nor is a segment with a query.
pub(crate) fn split_version<'u>(url: &'u str, versions: &[&'static str]) -> (&'u str, Option<&'static str>) {
    let url = url.trim().trim_end_matches('/');
    let Some((_, after_scheme)) = url.split_once("://") else { return (url, None) };
    let Some((_, path)) = after_scheme.split_once('/') else { return (url, None) };
    let last = path.rsplit('/').next().unwrap_or(path);
    match versions.iter().find(|v| v.eq_ignore_ascii_case(last)) {
        Some(version) => {
            let base = url.strip_suffix(last).unwrap_or(url).trim_end_matches('/');
            (base, Some(version))
        }
        None => (url, None),
    }
}

/// Checks that `url` is `http(s)://host/...`; `what` names it in the message (`the upload url`),
/// which quotes `url` as given, without its query.
pub(crate) fn http_url(url: &str, what: &str) -> Result<Uri> {
    let shown = without_query(url);
    if shown.trim().is_empty() {
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

/// Whether `host` is this machine (`localhost`, `127.0.0.0/8`, `::1`).
pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().map(|ip| ip.is_loopback()).unwrap_or(false)
}

/// Whether `url` points at this machine: such requests never go through a proxy from the
/// environment (`HTTP_PROXY` and friends), which could not reach them.
pub(crate) fn url_is_loopback(url: &str) -> bool {
    url.parse::<http::Uri>().ok().and_then(|u| u.host().map(is_loopback)).unwrap_or(false)
}

/// An `https://` URL in a build without TLS is refused (ureq would panic on it).
pub(crate) fn check_tls(url: &str) -> Result<()> {
    if !crate::network::TLS_ENABLED
        && url.trim_start().get(..8).is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    {
        return Err(Error::invalid_input(format!(
            "cannot reach {}: https needs the `rustls` or `native-tls` feature",
            without_query(url)
        )));
    }
    Ok(())
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
    fn a_trailing_api_version_is_split_off() {
        let v = &["v4", "v4beta"][..];
        for (url, base, version) in [
            ("https://api.linode.com/v4", "https://api.linode.com", Some("v4")),
            ("https://api.linode.com/v4/", "https://api.linode.com", Some("v4")),
            (" https://api.linode.com/V4beta// ", "https://api.linode.com", Some("v4beta")),
            ("http://127.0.0.1:8080/proxy/v4beta", "http://127.0.0.1:8080/proxy", Some("v4beta")),
            ("http://127.0.0.1:8080/proxy/", "http://127.0.0.1:8080/proxy", None),
            ("https://api.linode.com/v4/images", "https://api.linode.com/v4/images", None),
            ("https://api.linode.com/v4?x=1", "https://api.linode.com/v4?x=1", None),
            ("http://v4", "http://v4", None),
            ("http://v4/", "http://v4", None),
            ("https://api.linode.com/v44", "https://api.linode.com/v44", None),
            ("v4", "v4", None),
            ("http://", "http:", None),
        ] {
            assert_eq!(split_version(url, v), (base, version), "{url:?}");
        }
    }

    #[test]
    fn messages_quote_the_url_as_given() {
        let e = http_url("http://", "the url").unwrap_err();
        assert!(e.to_string().starts_with("the url \"http://\" is an invalid url"), "{e}");
        let e = http_url(" ftp://x/ ", "the url").unwrap_err();
        assert_eq!(e.to_string(), "the url \" ftp://x/ \" must start with http:// or https://");
        assert!(http_url("  ", "the url").unwrap_err().to_string().contains("must not be empty"));
    }

    #[test]
    fn messages_leave_the_query_out() {
        let e = http_url("s3://bucket/o?X-Amz-Signature=5ecr3t", "the url").unwrap_err();
        assert!(!e.to_string().contains("5ecr3t"), "{e}");
        assert_eq!(without_query("https://h/p?sig=1"), "https://h/p");
    }
}
