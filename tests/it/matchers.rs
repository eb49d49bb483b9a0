//! What an API request must look like, as httpmock matchers shared by the tests of the
//! generated operations of both providers.

use httpmock::When;
use serde_json::Value;

/// The user agent every request carries.
pub const USER_AGENT: &str = concat!("cloud-images/", env!("CARGO_PKG_VERSION"));

/// A fixture's text as JSON.
pub fn fixture(text: &str) -> Value {
    serde_json::from_str(text).expect("fixture is valid JSON")
}

/// The headers every API request carries, with `token`.
pub fn api_headers(when: When, token: &str) -> When {
    when.header("authorization", format!("Bearer {token}"))
        .header("user-agent", USER_AGENT)
        .header("accept", "application/json")
}

/// A request without a body: nothing sent, and no `content-type`.
pub fn without_body(when: When) -> When {
    when.header_missing("content-type").is_true(|req| req.body_ref().is_empty())
}

/// A request with a JSON body that must be exactly `body`.
pub fn with_json_body(when: When, body: Value) -> When {
    when.header("content-type", "application/json").json_body(body)
}

/// A request without a query string.
pub fn without_query(when: When) -> When {
    when.is_true(|req| req.uri().query().is_none())
}
