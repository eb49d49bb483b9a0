//! The streamed `PUT` of an upload's data to a pre-signed object-storage URL: one request with
//! an exact `Content-Length`, retried by the crate's one retry loop and rules while the data can
//! be read again from its first byte, and stopped by a cancel (also one that comes while it
//! sleeps between two tries).

use super::exact::Exact;
use super::progress::{Control, UploadPhase};
use super::source::Body;
use crate::error::ErrorKind;
use crate::object_storage;
use crate::retry::{self, Outcome, Try};
use crate::transport::Transport;
use crate::url::without_query;
use crate::{Method, Result};

/// The data ready to send, of known length.
pub(crate) struct Prepared<'a> {
    pub(crate) body: Body<'a>,
    pub(crate) len: u64,
}

/// One `PUT`, then retries by the crate's one retry loop and rules, while the body can be
/// read again from its first byte. An upload has no total deadline (only a stall limit).
/// `lost` is set when an attempt got no answer (the connection failed or was cut, or a time
/// limit ran out): object storage may have stored the data all the same.
pub(crate) fn put(
    transport: &Transport,
    url: &str,
    prepared: &mut Prepared<'_>,
    control: &mut Control<'_>,
    lost: &mut bool,
) -> Result<()> {
    let what = format_args!("PUT {}", without_query(url));
    let (clock, no_deadline) = (&transport.settings.clock, retry::Deadline::default());
    // A cancel from the handle ends a sleep between two tries; the next try then stops.
    let cancel = control.cancel.clone();
    let cancelled = move || cancel.is_cancelled();
    retry::run_until(&transport.settings.retry, clock, &no_deadline, &what, &cancelled, |attempt| {
        let before = if attempt > 1 { "before sending again" } else { "before sending" };
        if let Err(cancelled) = control.check_cancel(before) {
            return Try::Stop(cancelled.with_attempts(attempt.saturating_sub(1).max(1)));
        }
        if attempt > 1
            && let Err(e) = prepared.body.rewind()
        {
            return Try::Stop(e.with_attempts(attempt));
        }
        let len = prepared.len;
        let mut body = Exact::new(prepared.body.reader(), len, UploadPhase::Uploading, control);
        if let Some(cancelled) = body.failure.take() {
            // Cancelled from the first report: no request is started.
            return Try::Stop(cancelled.with_attempts(attempt.saturating_sub(1).max(1)));
        }
        let result = transport.objects.put(url, len, &mut body);
        if let Some(local) = body.failure.take() {
            // The source failed, not the network: sending it again would not help.
            return Try::Stop(local.with_attempts(attempt));
        }
        let error = match result {
            Ok(()) => return Try::Done(()),
            Err(e) => e,
        };
        let outcome = object_storage::outcome(&error);
        *lost |= matches!(outcome, Outcome::NoAnswer(ErrorKind::Transport | ErrorKind::Timeout));
        let retry = prepared.body.can_rewind() && retry::should_retry(Method::Put, &outcome);
        if retry && let Err(cancelled) = control.check_cancel("before sending again") {
            // Cancelled while this try was under way: no wait, no other try.
            return Try::Stop(cancelled.with_attempts(attempt));
        }
        let wait = error.retry_after(); // object storage's Retry-After, if any
        Try::Failed { error, retry, wait }
    })
}
