//! Query strings (RFC 3986): encoding the parts the crate sends, reading a page number back out
//! of a link. Path segments are encoded in the generated request types.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Everything but RFC 3986's "unreserved" characters (letters, digits, `-`, `.`, `_`, `~`).
const NOT_UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Encodes a query-string key or value: everything outside the RFC 3986 "unreserved" set, with
/// the `percent-encoding` crate (ureq's own).
#[cfg(any(test, feature = "testing"))]
pub(crate) fn component(s: &str) -> String {
    utf8_percent_encode(s, NOT_UNRESERVED).to_string()
}

/// Appends `k1=v1&k2=v2` to `out`, each part encoded.
pub(crate) fn push_query(out: &mut String, pairs: &[(&str, String)]) {
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.extend(utf8_percent_encode(k, NOT_UNRESERVED));
        out.push('=');
        out.extend(utf8_percent_encode(v, NOT_UNRESERVED));
    }
}

/// The value of `name` in the query string of `url`, decoded (`None` if absent or malformed).
pub(crate) fn query_value(url: &str, name: &str) -> Option<String> {
    let (_, rest) = url.split_once('?')?;
    let rest = rest.split('#').next().unwrap_or_default();
    rest.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k)? == name).then(|| decode(v)).flatten()
    })
}

/// A query-string part decoded: `+` is a space, `%XX` a byte; `None` if a `%` is not followed
/// by two hex digits, or the bytes are not UTF-8.
fn decode(s: &str) -> Option<String> {
    let malformed = s
        .match_indices('%')
        .any(|(i, _)| !s.get(i + 1..i + 3).is_some_and(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit())));
    if malformed {
        return None;
    }
    let spaced = s.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8().ok().map(|c| c.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_keep_unreserved_and_encode_the_rest() {
        assert_eq!(component("private/123"), "private%2F123");
        assert_eq!(component("a b?c#d%é"), "a%20b%3Fc%23d%25%C3%A9");
        assert_eq!(component("ubuntu-24-04-x64~1.0_a"), "ubuntu-24-04-x64~1.0_a");
    }

    #[test]
    fn query_strings_round_trip() {
        let mut q = String::new();
        push_query(&mut q, &[("tag_name", "prod & dev".into()), ("page", "2".into())]);
        assert_eq!(q, "tag_name=prod%20%26%20dev&page=2");
        let url = format!("https://api.example/v2/images?{q}");
        assert_eq!(query_value(&url, "tag_name").as_deref(), Some("prod & dev"));
        assert_eq!(query_value(&url, "page").as_deref(), Some("2"));
        assert_eq!(query_value(&url, "per_page"), None);
        assert_eq!(query_value("https://x/?page=%ZZ", "page"), None);
        assert_eq!(query_value("https://x/?page=%2", "page"), None);
    }
}
