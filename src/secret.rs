//! Secrets: the API token, kept out of every `Debug`, `Display`, log line and error; and the
//! signatures that object storage may echo in its error bodies, redacted before a body is kept.

use std::borrow::Cow;
use std::fmt;

/// A bearer token. Its `Debug` prints `** redacted **`; nothing else of this crate prints it.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Token(String);

impl Token {
    /// Trims spaces and surrounding quotes (as pasted from a shell or a `.env` file);
    /// `None` when nothing is left.
    pub(crate) fn new(raw: &str) -> Option<Token> {
        let t = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!t.is_empty()).then(|| Token(t.to_string()))
    }

    /// Replaces every occurrence of the token in `text` (a server may echo it back).
    pub(crate) fn scrub(&self, text: &str) -> String {
        text.replace(&self.0, "** redacted **")
    }

    /// The `Authorization` header value.
    pub(crate) fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }

    /// The `Authorization` header, marked sensitive (`http` and ureq print it as `Sensitive`);
    /// `None` when the token has a character no header can carry (a control character).
    pub(crate) fn header_value(&self) -> Option<ureq::http::HeaderValue> {
        let mut value = ureq::http::HeaderValue::from_str(&self.bearer()).ok()?;
        value.set_sensitive(true);
        Some(value)
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** redacted **")
    }
}

/// What stands in the place of a secret that was taken out of a text.
pub(crate) const REDACTED: &str = "** redacted **";

/// The XML elements of an S3 error (`SignatureDoesNotMatch` and friends) whose content is, or
/// lets one rebuild, the request's signature and credential.
const SECRET_ELEMENTS: [&str; 6] = [
    "SignatureProvided",
    "StringToSign",
    "StringToSignBytes",
    "CanonicalRequest",
    "CanonicalRequestBytes",
    "AWSAccessKeyId",
];

/// The query parameters of a pre-signed URL that carry its signature or credential, in lower
/// case (they are matched in any case). `signature=` also matches `x-amz-signature=`, and
/// `accesskeyid=` matches `awsaccesskeyid=`.
const SECRET_PARAMETERS: [&str; 4] =
    ["signature=", "x-amz-credential=", "x-amz-security-token=", "accesskeyid="];

/// `text` with every signature or credential object storage can echo taken out: the content of
/// the S3 error elements that hold them (`<SignatureProvided>`, `<StringToSign>`,
/// `<CanonicalRequest>`, their `Bytes` forms, `<AWSAccessKeyId>`), and the values of the query
/// parameters of a pre-signed URL that do (`X-Amz-Signature=`, `X-Amz-Credential=`,
/// `X-Amz-Security-Token=`, `Signature=`, `AWSAccessKeyId=`, in any case), each replaced by
/// [`REDACTED`]. The rest is kept as it was. The crate's one redaction of such bodies: applied
/// to every object-storage body and API error body before it is kept in an error (and by the
/// testing kit's request log).
pub(crate) fn redact_signatures(text: String) -> String {
    redact_signatures_as(text, REDACTED)
}

/// [`redact_signatures`], with `marker` in the place of each secret.
pub(crate) fn redact_signatures_as(text: String, marker: &str) -> String {
    let elements = redact_elements(&text, marker);
    match redact_parameters(&elements, marker) {
        Cow::Owned(done) => done,
        Cow::Borrowed(_) => match elements {
            Cow::Owned(done) => done,
            Cow::Borrowed(_) => text,
        },
    }
}

/// The content of each [`SECRET_ELEMENTS`] element replaced (to the end of the text when the
/// element is not closed: a body cut at its size cap).
fn redact_elements<'t>(text: &'t str, marker: &str) -> Cow<'t, str> {
    let mut out = Cow::Borrowed(text);
    for name in SECRET_ELEMENTS {
        let (open, close) = (format!("<{name}>"), format!("</{name}>"));
        if !out.contains(&open) {
            continue;
        }
        let mut done = String::with_capacity(out.len());
        let mut rest: &str = &out;
        while let Some(at) = rest.find(&open) {
            let (before, after) = rest.split_at(at.saturating_add(open.len()));
            done.push_str(before);
            done.push_str(marker);
            rest = match after.find(&close) {
                Some(end) => after.get(end..).unwrap_or_default(),
                None => "",
            };
        }
        done.push_str(rest);
        out = Cow::Owned(done);
    }
    out
}

/// What ends a parameter's value in a text: the next parameter (`&`, also `&amp;` in XML), the
/// end of the URL (`#`, a quote, a backslash, `<`, `>`), or punctuation after it in prose. None
/// of them is in a signature (hex, base64url or percent-encoded), a credential (`key/date/...`)
/// or a security token (base64, percent-encoded in a URL).
const VALUE_ENDS: [char; 15] = ['&', '#', '"', '\'', '\\', '<', '>', ':', ',', ';', '(', ')', '[', ']', '|'];

/// The value after each [`SECRET_PARAMETERS`] name replaced, up to the end of the parameter
/// ([`VALUE_ENDS`] or white space).
fn redact_parameters<'t>(text: &'t str, marker: &str) -> Cow<'t, str> {
    // ASCII lower case keeps every byte where it was: positions found in it hold in `text`.
    let lower = text.to_ascii_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for name in SECRET_PARAMETERS {
        let mut from = 0;
        while let Some(found) = lower.get(from..).and_then(|rest| rest.find(name)) {
            let start = from.saturating_add(found).saturating_add(name.len());
            let len = text
                .get(start..)
                .unwrap_or_default()
                .find(|c: char| VALUE_ENDS.contains(&c) || c.is_whitespace())
                .unwrap_or_else(|| text.len().saturating_sub(start));
            let end = start.saturating_add(len);
            let done_before = text.get(start..).is_some_and(|value| value.starts_with(marker));
            if len > 0 && !done_before && !cuts.iter().any(|&(s, e)| s < end && start < e) {
                cuts.push((start, end));
            }
            from = start;
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(text);
    }
    cuts.sort_unstable();
    let mut done = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in cuts {
        done.push_str(text.get(at..start).unwrap_or_default());
        done.push_str(marker);
        at = end;
    }
    done.push_str(text.get(at..).unwrap_or_default());
    Cow::Owned(done)
}

/// Whether a query parameter named `name` carries a pre-signed URL's signature or credential
/// (`X-Amz-Signature`, `Signature`, `X-Amz-Credential`, `AWSAccessKeyId`, ..., in any case).
#[cfg(feature = "testing")]
pub(crate) fn is_secret_parameter(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    SECRET_PARAMETERS.iter().any(|p| p.strip_suffix('=').is_some_and(|p| name.ends_with(p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_spaces_and_quotes_and_redacts() {
        let t = Token::new("  \"dop_v1_abc\"\n").unwrap();
        assert_eq!(t.bearer(), "Bearer dop_v1_abc");
        assert_eq!(Token::new(" 'x' ").unwrap().bearer(), "Bearer x");
        assert!(Token::new("  \"\" ").is_none());
        assert_eq!(format!("{t:?}"), "** redacted **");
        assert_eq!(t.scrub("bad token dop_v1_abc!"), "bad token ** redacted **!");
    }

    #[test]
    fn signatures_in_an_s3_error_body_are_redacted() {
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>\
            <Message>The request signature we calculated does not match the signature you provided.</Message>\
            <AWSAccessKeyId>AKIDSECRET1</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20240702T101002Z\nSTS1</StringToSign>\
            <SignatureProvided>abc123sig</SignatureProvided>\
            <StringToSignBytes>41 57 53 34</StringToSignBytes>\
            <CanonicalRequest>PUT\n/b/o\nX-Amz-Credential=AKID%2Fcred&amp;X-Amz-Signature=deadbeef</CanonicalRequest>\
            <CanonicalRequestBytes>50 55 54</CanonicalRequestBytes>\
            <Resource>/b/o?X-Amz-Signature=cafef00d&amp;X-Amz-Security-Token=TOKSECRET&amp;X-Amz-Expires=86400</Resource>\
            <RequestId>tx0001</RequestId></Error>";
        let redacted = redact_signatures(body.to_string());
        for secret in [
            "AKIDSECRET1",
            "STS1",
            "abc123sig",
            "41 57",
            "deadbeef",
            "AKID%2Fcred",
            "50 55",
            "cafef00d",
            "TOKSECRET",
        ] {
            assert!(!redacted.contains(secret), "{secret} in {redacted}");
        }
        for kept in
            ["<Code>SignatureDoesNotMatch</Code>", "X-Amz-Expires=86400", "<RequestId>tx0001</RequestId>"]
        {
            assert!(redacted.contains(kept), "{kept} lost from {redacted}");
        }
        assert!(redacted.contains("<SignatureProvided>** redacted **</SignatureProvided>"), "{redacted}");
        assert!(redacted.contains("/b/o?X-Amz-Signature=** redacted **&amp;"), "{redacted}");
    }

    #[test]
    fn query_values_end_at_their_delimiter_in_any_case_and_cut_bodies_are_redacted_to_the_end() {
        let url = "see https://h/b?x-amz-signature=aa11&Signature=bb22#f or 'https://h/c?signature=cc33' \
                   (https://h/d?AWSAccessKeyId=AK%2F1): 403";
        assert_eq!(
            redact_signatures(url.to_string()),
            "see https://h/b?x-amz-signature=** redacted **&Signature=** redacted **#f or \
             'https://h/c?signature=** redacted **' (https://h/d?AWSAccessKeyId=** redacted **): 403"
        );
        assert_eq!(
            redact_signatures("<Error><SignatureProvided>abc".to_string()),
            "<Error><SignatureProvided>** redacted **"
        );
        // Nothing to redact: the text comes back as it was, not copied.
        let plain = r#"{"errors":[{"reason":"Not found"}]}"#.to_string();
        let ptr = plain.as_ptr();
        let back = redact_signatures(plain);
        assert_eq!((back.as_str(), back.as_ptr()), (r#"{"errors":[{"reason":"Not found"}]}"#, ptr));
        assert_eq!(redact_signatures("Signature= alone".to_string()), "Signature= alone");
        // Redacting twice changes nothing more.
        let once = redact_signatures(url.to_string());
        assert_eq!(redact_signatures(once.clone()), once);
        assert_eq!(redact_signatures("é?Signature=é€x&y".to_string()), "é?Signature=** redacted **&y");
    }
}
