//! One attempt on the wire: the request built in place, sent within its limit, its body read;
//! and what a failure to get an answer means (may it have reached the server? did its time run
//! out?) and says ([`transport_error`]).

use std::io;
use std::time::Duration;

use ureq::http;

use super::{Response, Transport};
use crate::error::ErrorKind;
use crate::url::without_query;
use crate::{Error, Method, network};

/// How one attempt ended.
pub(super) enum Attempt {
    Done(Response),
    /// No response read in full: the connection failed, a time limit ran out, the body was cut.
    Failed(Failure),
}

/// An attempt without a (whole) answer.
pub(super) struct Failure {
    pub(super) error: Error,
    /// The request may have reached the server, and been acted on: anything but a failure to
    /// resolve the host, reach the proxy or connect.
    pub(super) maybe_sent: bool,
    /// The attempt's own time limit ran out (the call's, or what was left of it), not the
    /// connect timeout.
    pub(super) out_of_time: bool,
}

impl Transport {
    /// One attempt: the request built in place (no `http` builder), sent, its body read.
    pub(super) fn send_once(
        &self,
        method: Method,
        uri: &http::Uri,
        url: &str,
        extra: &[(http::HeaderName, http::HeaderValue)],
        body: Option<&[u8]>,
        limit: Option<Duration>,
    ) -> Attempt {
        let mut head = http::Request::new(());
        *head.method_mut() = match method {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        };
        *head.uri_mut() = uri.clone();
        let fields = head.headers_mut();
        if let Some(authorization) = &self.authorization {
            fields.insert(http::header::AUTHORIZATION, authorization.clone());
        }
        for (header, value) in extra {
            fields.append(header.clone(), value.clone());
        }
        // A request without a body sends none: no `Content-Length: 0` on a GET or DELETE.
        let sent = match body {
            Some(bytes) => {
                fields.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static("application/json"));
                let (parts, ()) = head.into_parts();
                self.run(http::Request::from_parts(parts, bytes.to_vec()), limit)
            }
            None => self.run(head, limit),
        };
        let mut resp = match sent {
            Ok(r) => r,
            Err(e) => return Attempt::Failed(failure(e, url)),
        };
        let status = resp.status().as_u16();
        let headers = std::mem::take(resp.headers_mut());
        let max = self.settings.max_response_size;
        match resp.body_mut().with_config().limit(max).read_to_vec() {
            Ok(body) => Attempt::Done(Response { status, headers, body, attempts: 1 }),
            Err(e) => {
                let Failure { error, maybe_sent, out_of_time } = failure(e, url);
                Attempt::Failed(Failure { error: error.with_status(status), maybe_sent, out_of_time })
            }
        }
    }

    /// Runs one request within `limit` in all (every phase, the body included) when there is
    /// one (a retry, or a wait's look: what is left), else within the agent's limit (the
    /// call's timeout). Setting a limit on a request costs ~2,000 instructions (ureq copies its
    /// whole configuration into the request), so the first attempt of a call sets none.
    fn run<B: ureq::AsSendBody>(
        &self,
        req: http::Request<B>,
        limit: Option<Duration>,
    ) -> std::result::Result<http::Response<ureq::Body>, ureq::Error> {
        let req = match limit {
            None => req,
            Some(left) => self.agent.configure_request(req).timeout_global(Some(left)).build(),
        };
        self.agent.run(req)
    }
}

/// An attempt's failure, with what it says about the request: whether it may have reached the
/// server, and whether the attempt's time limit ran out.
pub(super) fn failure(e: ureq::Error, url: &str) -> Failure {
    use ureq::Timeout as T;
    let before_sending = matches!(
        &e,
        ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::ConnectProxyFailed(_)
            | ureq::Error::Timeout(T::Resolve | T::Connect)
    ) || matches!(&e, ureq::Error::Io(io) if io.kind() == io::ErrorKind::ConnectionRefused);
    let out_of_time = match &e {
        ureq::Error::Timeout(reason) => !matches!(reason, T::Resolve | T::Connect),
        ureq::Error::Io(io) => matches!(io.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock),
        _ => false,
    };
    Failure { error: transport_error(e, url), maybe_sent: !before_sending, out_of_time }
}

pub(crate) fn transport_error(e: ureq::Error, url: &str) -> Error {
    let where_ = without_query(url).to_string();
    match e {
        ureq::Error::Timeout(t) => {
            Error::new(ErrorKind::Timeout, format!("timed out ({t}) talking to {where_}"))
                .with_source(ureq::Error::Timeout(t))
        }
        ureq::Error::Io(io) if matches!(io.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) => {
            Error::new(ErrorKind::Timeout, format!("timed out talking to {where_}")).with_source(io)
        }
        ureq::Error::BodyExceedsLimit(max) => Error::new(
            ErrorKind::ResponseTooLarge,
            format!("the response from {where_} is larger than the {max}-byte cap"),
        )
        .with_source(ureq::Error::BodyExceedsLimit(max)),
        other if network::is_tls_error(&other) => {
            Error::new(ErrorKind::Tls, format!("tls failure talking to {where_}: {other}")).with_source(other)
        }
        other => {
            let message = format!("connection to {where_} failed: {other}");
            Error::new(ErrorKind::Transport, message).with_source(other)
        }
    }
}
