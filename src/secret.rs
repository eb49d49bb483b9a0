//! The API token: kept out of every `Debug`, `Display`, log line and error.

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
}
