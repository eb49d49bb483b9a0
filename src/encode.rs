//! Percent-encoding for path segments and query strings (RFC 3986).

/// Encodes a query-string key or value: everything outside the RFC 3986 "unreserved" set.
pub(crate) fn component(s: &str) -> String {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if s.bytes().all(unreserved) {
        return s.to_string(); // the usual case: ids, numbers, slugs
    }
    let hex = |n: u8| char::from_digit(u32::from(n), 16).map_or('0', |c| c.to_ascii_uppercase());
    let mut out = String::with_capacity(s.len() + 8);
    for b in s.bytes() {
        if unreserved(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 0x0f));
        }
    }
    out
}

/// `k1=v1&k2=v2`, each part encoded.
pub(crate) fn query(pairs: &[(&str, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(&component(k));
        out.push('=');
        out.push_str(&component(v));
    }
    out
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

fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
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
        let q = query(&[("tag_name", "prod & dev".into()), ("page", "2".into())]);
        assert_eq!(q, "tag_name=prod%20%26%20dev&page=2");
        let url = format!("https://api.example/v2/images?{q}");
        assert_eq!(query_value(&url, "tag_name").as_deref(), Some("prod & dev"));
        assert_eq!(query_value(&url, "page").as_deref(), Some("2"));
        assert_eq!(query_value(&url, "per_page"), None);
        assert_eq!(query_value("https://x/?page=%ZZ", "page"), None);
        assert_eq!(query_value("https://x/?page=%2", "page"), None);
    }
}
