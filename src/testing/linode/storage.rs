//! The object storage that takes Linode uploads: one `PUT` to the pre-signed `upload_to` URL,
//! streamed and unpacked as it arrives (never held in memory), refused as S3 refuses it.

use std::io::{self, Cursor, Read};

use flate2::read::MultiGzDecoder;

use super::api::{LinodeApi, STORAGE_PREFIX};
use super::state::{Received, Source};
use crate::linode::{MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE};
use crate::testing::core::{Call, Reply};
use crate::testing::lock;

/// An S3 error: `<Error><Code>..</Code><Message>..</Message></Error>`.
pub(crate) fn s3_error(status: u16, code: &str, message: &str) -> Reply {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>"
    );
    Reply::text(status, "application/xml", xml, format!("refused: {message}"))
}

/// The S3 error code of a status.
pub(crate) fn code(status: u16) -> &'static str {
    match status {
        400 => "InvalidRequest",
        403 => "AccessDenied",
        404 => "NoSuchKey",
        411 => "MissingContentLength",
        429 | 503 => "SlowDown",
        _ => "InternalError",
    }
}

/// Counts the bytes read through it.
struct Counted<'a> {
    inner: &'a mut dyn Read,
    count: u64,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// The `PUT`: checked against the image waiting for it, then read, unpacked and counted.
pub(crate) fn put(api: &LinodeApi, call: &Call<'_>, body: &mut dyn Read) -> Reply {
    let head = call.head;
    if head.header("authorization").is_some() {
        return s3_error(
            400,
            "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string \
             parameter or the Authorization header should be specified",
        );
    }
    let key = call.param(0).to_string();
    {
        let mut state = lock(&api.state);
        state.prune(call.now_ms);
        let Some(image) =
            state.own.iter().find(|i| matches!(&i.source, Source::Upload { key: k, .. } if *k == key))
        else {
            return s3_error(
                403,
                "AccessDenied",
                "No upload is expected at this URL (the image is gone or expired).",
            );
        };
        let Source::Upload { signature, received, .. } = &image.source else {
            return s3_error(403, "AccessDenied", "No upload is expected at this URL.");
        };
        if head.query("X-Amz-Signature") != Some(signature.as_str()) {
            return s3_error(403, "SignatureDoesNotMatch", "The request signature does not match.");
        }
        if received.is_some() {
            return s3_error(403, "AccessDenied", "This upload URL was already used.");
        }
    }
    if head.header("content-type") != Some("application/octet-stream") {
        return s3_error(
            403,
            "SignatureDoesNotMatch",
            "The request signature does not match: Content-Type must be application/octet-stream.",
        );
    }
    let Some(declared) = head.header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
        return s3_error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
    };
    if declared > MAX_COMPRESSED_SIZE {
        return s3_error(400, "EntityTooLarge", "The upload is larger than 5 GB.");
    }

    let mut counted = Counted { inner: body, count: 0 };
    let outcome = unpack(&mut counted);
    let gzip_bytes = counted.count;
    let mut reply = match outcome {
        Err(Refusal::Short) => {
            s3_error(400, "IncompleteBody", "The body is shorter than its Content-Length.")
        }
        Err(Refusal::NotGzip) => {
            s3_error(400, "InvalidRequest", "The image must be a gzip-compressed raw disk.")
        }
        Err(Refusal::TooLarge) => s3_error(400, "EntityTooLarge", "The image unpacks to more than 6 GB."),
        Ok(raw_bytes) => {
            let received = Received { gzip_bytes, raw_bytes };
            let now = api.clock.now_ms();
            let mut state = lock(&api.state);
            let image = state
                .own
                .iter_mut()
                .find(|i| matches!(&i.source, Source::Upload { key: k, .. } if *k == key));
            match image {
                Some(image) => {
                    if let Source::Upload { received: slot, .. } = &mut image.source {
                        *slot = Some((now, received));
                    }
                    Reply::empty(
                        200,
                        format!(
                            "stored {} gzip ({} raw), no Authorization header",
                            mib(gzip_bytes),
                            mib(raw_bytes)
                        ),
                    )
                    .header(
                        "etag",
                        format!("\"{:032x}\"", u128::from(gzip_bytes) << 64 | u128::from(raw_bytes)),
                    )
                }
                None => s3_error(404, "NoSuchUpload", "The image was deleted during the upload."),
            }
        }
    };
    reply.body_len = Some(gzip_bytes);
    reply
}

enum Refusal {
    /// The connection ended before `Content-Length` bytes arrived.
    Short,
    NotGzip,
    TooLarge,
}

/// Reads the whole body through a gzip decoder; the unpacked size.
fn unpack(body: &mut Counted<'_>) -> Result<u64, Refusal> {
    let mut magic = [0u8; 2];
    let mut got = 0;
    while got < magic.len() {
        match body.read(magic.get_mut(got..).unwrap_or_default()) {
            Ok(0) => return Err(Refusal::NotGzip),
            Ok(n) => got += n,
            Err(e) => return Err(refusal(&e)),
        }
    }
    if magic != [0x1f, 0x8b] {
        return Err(Refusal::NotGzip);
    }
    let mut decoder = MultiGzDecoder::new(Cursor::new(magic).chain(&mut *body));
    let mut buf = vec![0u8; 256 * 1024];
    let mut raw = 0u64;
    loop {
        match decoder.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                raw += n as u64;
                if raw > MAX_UNCOMPRESSED_SIZE {
                    return Err(Refusal::TooLarge);
                }
            }
            Err(e) => return Err(refusal(&e)),
        }
    }
    // Whatever follows the gzip stream still counts towards the body.
    io::copy(body, &mut io::sink()).map_err(|e| refusal(&e))?;
    Ok(raw)
}

fn refusal(e: &io::Error) -> Refusal {
    if e.kind() == io::ErrorKind::UnexpectedEof && e.to_string().contains("ended early") {
        Refusal::Short
    } else {
        Refusal::NotGzip
    }
}

/// `12.3 MiB`
fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The stand-in's object storage URL prefix, for display.
pub(crate) fn url(base: &str) -> String {
    format!("{base}{}", STORAGE_PREFIX.trim_end_matches('/'))
}
