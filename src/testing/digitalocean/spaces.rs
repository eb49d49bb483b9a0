//! The Spaces side of the DigitalOcean stand-in (features `testing` and `spaces`): buckets on
//! the same server under `/spaces/{bucket}/{key}`, that take pre-signed `PUT`, `GET` and
//! `DELETE` requests and check each one's signature (recomputed with rusty-s3 from the request's
//! `X-Amz-Date` and `X-Amz-Expires` and the stand-in's keys) and expiry (on the stand-in's
//! clock), answering S3's XML errors otherwise. An object is kept as its length and SHA-256,
//! never its bytes: a 1 GiB upload does not sit in memory.

use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusty_s3::S3Action as _;
use sha2::{Digest, Sha256};

use crate::Method;
use crate::testing::core::{Call, Reply, Route};
use crate::testing::faults::{Effect, Faults};
use crate::testing::routes::Endpoint;
use crate::testing::server::percent_decode;
use crate::testing::{On, lock};

/// Where the Spaces side lives on the stand-in's server.
pub(crate) const PREFIX: &str = "/spaces/";
const PUT_OP: &str = On::SPACES_PUT_OBJECT;
const GET_OP: &str = On::SPACES_GET_OBJECT;
const DELETE_OP: &str = On::SPACES_DELETE_OBJECT;

/// The Spaces operations, for the router's table and `inject` (no part of the API spec: the key
/// is the rest of the path, slashes and all).
pub(crate) static ENDPOINTS: [Endpoint; 3] = [
    Endpoint::own(Method::Put, "/spaces/{bucket}/{key}", PUT_OP),
    Endpoint::own(Method::Get, "/spaces/{bucket}/{key}", GET_OP),
    Endpoint::own(Method::Delete, "/spaces/{bucket}/{key}", DELETE_OP),
];

/// The largest single `PUT` S3 takes: 5 GiB.
const MAX_PUT: u64 = 5 * 1024 * 1024 * 1024;
/// The longest a pre-signed URL may be valid: 7 days.
const MAX_EXPIRES: u64 = 7 * 24 * 60 * 60;

/// An object the Spaces stand-in holds, or held: its length and the SHA-256 of its bytes (the
/// bytes themselves are not kept).
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use cloud_images::digitalocean::{PublishImage, UploadSource};
/// use cloud_images::testing::{Clock, DigitalOceanStandIn};
///
/// let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start()?;
/// let client = stand_in.client_builder().clock(stand_in.clock().clone()).build()?;
/// let disk = std::io::Cursor::new(vec![7u8; 4096]);
/// let publish = client.images().publish(PublishImage::new("web", "nyc3"), &stand_in.spaces()?);
/// let published = publish.file_name("web.img").source(UploadSource::seekable(disk))?;
/// let upload = &stand_in.spaces_uploads()[0];
/// assert_eq!((upload.len, upload.deleted), (4096, true)); // received whole, then deleted
/// assert_eq!(format!("{}/{}", upload.bucket, upload.key), published.staging_object);
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpacesObject {
    /// The bucket.
    pub bucket: String,
    /// The key.
    pub key: String,
    /// Its length in bytes.
    pub len: u64,
    /// The SHA-256 of its bytes.
    pub sha256: [u8; 32],
    /// Whether it was deleted since (always `false` for a listing of the bucket).
    pub deleted: bool,
}

impl SpacesObject {
    /// The SHA-256 in lower-case hex.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// # use cloud_images::digitalocean::{PublishImage, UploadSource};
    /// # use cloud_images::testing::DigitalOceanStandIn;
    /// # let stand_in = DigitalOceanStandIn::start()?;
    /// # let client = stand_in.client()?;
    /// # let publish = client.images().publish(PublishImage::new("w", "nyc3"), &stand_in.spaces()?);
    /// # publish.file_name("w.img").source(cloud_images::digitalocean::UploadSource::seekable(std::io::Cursor::new(b"abc".to_vec())))?;
    /// let upload = &stand_in.spaces_uploads()[0];
    /// assert_eq!(upload.sha256_hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // "abc"
    /// # Ok(())
    /// # }
    /// ```
    pub fn sha256_hex(&self) -> String {
        self.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The Spaces side's state: the keys it takes, its buckets, and every object stored.
pub(crate) struct Spaces {
    pub(crate) access_key_id: String,
    secret_access_key: String,
    /// The stand-in's `host:port`, as its own URLs name it.
    host: String,
    state: Mutex<Buckets>,
    faults: Arc<Faults>,
}

struct Buckets {
    /// Bucket → key → (length, SHA-256).
    buckets: BTreeMap<String, BTreeMap<String, (u64, [u8; 32])>>,
    /// Every object stored, in order; `deleted` kept up to date.
    uploads: Vec<SpacesObject>,
}

/// An S3 error: `<Error><Code>..</Code><Message>..</Message><Resource>..</Resource></Error>`.
pub(crate) fn s3_error(status: u16, code: &str, message: &str) -> Reply {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message>\
         <RequestId>tx00000stand-in</RequestId></Error>"
    );
    Reply::text(status, "application/xml", xml, format!("refused: {code}"))
}

/// The S3 error code of a status, for injected faults.
pub(crate) fn code(status: u16) -> &'static str {
    match status {
        400 => "InvalidRequest",
        403 => "AccessDenied",
        404 => "NoSuchKey",
        429 | 503 => "SlowDown",
        _ => "InternalError",
    }
}

/// The route of a path under [`PREFIX`] (`bucket/key...`).
pub(crate) fn route(method: &str, rest: &str) -> Result<Route, Reply> {
    let Some((bucket, key)) = rest.split_once('/').filter(|(b, k)| !b.is_empty() && !k.is_empty()) else {
        return Err(s3_error(404, "NoSuchKey", "The specified key does not exist."));
    };
    let operation = match method {
        "PUT" => PUT_OP,
        "GET" => GET_OP,
        "DELETE" => DELETE_OP,
        _ => {
            return Err(s3_error(
                405,
                "MethodNotAllowed",
                "The specified method is not allowed against this resource.",
            ));
        }
    };
    let params = vec![percent_decode(bucket), percent_decode(key)];
    Ok(Route { operation, params, streaming: method == "PUT" })
}

/// The parts of a pre-signed request that are checked.
struct Signed<'a> {
    method: &'a str,
    host: &'a str,
    bucket: &'a str,
    key: &'a str,
    query: &'a [(String, String)],
}

impl Spaces {
    pub(crate) fn new(
        base_url: &str,
        access_key_id: String,
        secret_access_key: String,
        buckets: Vec<String>,
        faults: &Arc<Faults>,
    ) -> Spaces {
        let host = base_url.split_once("://").map_or(base_url, |(_, h)| h).trim_end_matches('/').to_string();
        let buckets = buckets.into_iter().map(|b| (b, BTreeMap::new())).collect();
        Spaces {
            access_key_id,
            secret_access_key,
            host,
            state: Mutex::new(Buckets { buckets, uploads: Vec::new() }),
            faults: faults.clone(),
        }
    }

    pub(crate) fn secret_access_key(&self) -> &str {
        &self.secret_access_key
    }

    /// Checks a pre-signed request: the parameters, the access key, the signature (recomputed),
    /// the expiry on the stand-in's clock, and that the bucket exists.
    fn verify(&self, r: &Signed<'_>, now_ms: u64) -> Result<(), Reply> {
        let param = |name: &str| r.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let (Some(algorithm), Some(credential), Some(date), Some(expires), Some(_), Some(signature)) = (
            param("X-Amz-Algorithm"),
            param("X-Amz-Credential"),
            param("X-Amz-Date"),
            param("X-Amz-Expires"),
            param("X-Amz-SignedHeaders"),
            param("X-Amz-Signature"),
        ) else {
            return Err(s3_error(
                403,
                "AccessDenied",
                "Query-string authentication requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, \
                 X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.",
            ));
        };
        if algorithm != "AWS4-HMAC-SHA256" {
            return Err(s3_error(
                400,
                "AuthorizationQueryParametersError",
                "X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\".",
            ));
        }
        let mut scope = credential.split('/');
        let (access_key, region) = (scope.next().unwrap_or_default(), scope.nth(1).unwrap_or_default());
        if access_key != self.access_key_id {
            return Err(s3_error(
                403,
                "InvalidAccessKeyId",
                "The access key ID you provided does not exist in our records.",
            ));
        }
        let (Some(signed_at), Some(expires)) = (parse_date(date), expires.parse::<u64>().ok()) else {
            return Err(s3_error(
                400,
                "AuthorizationQueryParametersError",
                "X-Amz-Date or X-Amz-Expires is malformed.",
            ));
        };
        if expires > MAX_EXPIRES || expires == 0 {
            return Err(s3_error(
                400,
                "AuthorizationQueryParametersError",
                "X-Amz-Expires must be more than 0 and less than a week (604800 seconds).",
            ));
        }
        let expected = self.signature(r, region, signed_at, expires).unwrap_or_default();
        if expected.is_empty() || expected != signature {
            return Err(s3_error(
                403,
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key \
                 and signing method.",
            ));
        }
        if now_ms / 1000 > signed_at.as_second().max(0).unsigned_abs().saturating_add(expires) {
            return Err(s3_error(403, "AccessDenied", "Request has expired"));
        }
        if !lock(&self.state).buckets.contains_key(r.bucket) {
            return Err(s3_error(404, "NoSuchBucket", "The specified bucket does not exist."));
        }
        Ok(())
    }

    /// The signature the stand-in's keys give the request, recomputed by rusty-s3.
    fn signature(&self, r: &Signed<'_>, region: &str, at: jiff::Timestamp, expires: u64) -> Option<String> {
        let endpoint: ::url::Url =
            format!("http://{}{}", r.host, PREFIX.trim_end_matches('/')).parse().ok()?;
        let bucket = rusty_s3::Bucket::new(
            endpoint,
            rusty_s3::UrlStyle::Path,
            r.bucket.to_string(),
            region.to_string(),
        )
        .ok()?;
        let credentials = rusty_s3::Credentials::new(&self.access_key_id, &self.secret_access_key);
        let expires = Duration::from_secs(expires);
        let url = match r.method {
            "PUT" => bucket.put_object(Some(&credentials), r.key).sign_with_time(expires, &at),
            "GET" => bucket.get_object(Some(&credentials), r.key).sign_with_time(expires, &at),
            "DELETE" => bucket.delete_object(Some(&credentials), r.key).sign_with_time(expires, &at),
            _ => return None,
        };
        url.query_pairs().find(|(k, _)| k == "X-Amz-Signature").map(|(_, v)| v.into_owned())
    }

    fn signed<'c>(call: &'c Call<'_>, method: &'c str) -> Signed<'c> {
        Signed {
            method,
            host: call.head.header("host").unwrap_or_default(),
            bucket: call.param(0),
            key: call.param(1),
            query: &call.head.query,
        }
    }

    /// `GET` and `DELETE`.
    pub(crate) fn handle(&self, call: &Call<'_>) -> Reply {
        if let Some(refused) = only_the_signature(call) {
            return refused;
        }
        let method = call.head.method.as_str();
        if let Err(refused) = self.verify(&Self::signed(call, method), call.now_ms) {
            return refused;
        }
        let (bucket, key) = (call.param(0), call.param(1));
        let mut state = lock(&self.state);
        match method {
            "DELETE" => {
                let removed = state.buckets.get_mut(bucket).and_then(|objects| objects.remove(key)).is_some();
                if removed
                    && let Some(up) =
                        state.uploads.iter_mut().rev().find(|u| u.bucket == bucket && u.key == key)
                {
                    up.deleted = true;
                }
                let note = if removed {
                    format!("deleted {bucket}/{key}")
                } else {
                    format!("no {bucket}/{key}: nothing to delete")
                };
                Reply::empty(204, note)
            }
            _ => match state.buckets.get(bucket).and_then(|objects| objects.get(key)) {
                None => s3_error(404, "NoSuchKey", "The specified key does not exist."),
                Some((len, _)) => s3_error(
                    501,
                    "NotImplemented",
                    &format!(
                        "The stand-in keeps this object's length ({len} bytes) and SHA-256, not its bytes."
                    ),
                ),
            },
        }
    }

    /// The streamed `PUT`: checked, then read and hashed as it arrives.
    pub(crate) fn put(&self, call: &Call<'_>, body: &mut dyn Read) -> Reply {
        if let Some(refused) = only_the_signature(call) {
            return refused;
        }
        if let Err(refused) = self.verify(&Self::signed(call, "PUT"), call.now_ms) {
            return refused;
        }
        let Some(declared) = call.head.header("content-length").and_then(|v| v.parse::<u64>().ok()) else {
            return s3_error(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");
        };
        if declared > MAX_PUT {
            return s3_error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
        }
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 256 * 1024];
        let mut got = 0u64;
        let ended = loop {
            match body.read(&mut buf) {
                Ok(0) => break got == declared,
                Ok(n) => {
                    hasher.update(buf.get(..n).unwrap_or_default());
                    got += n as u64;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break false,
            }
        };
        let mut reply = if ended {
            let (bucket, key) = (call.param(0).to_string(), call.param(1).to_string());
            let sha256: [u8; 32] = hasher.finalize().into();
            let mut state = lock(&self.state);
            let etag: String = sha256.iter().take(16).map(|b| format!("{b:02x}")).collect();
            state.buckets.entry(bucket.clone()).or_default().insert(key.clone(), (got, sha256));
            let note = format!("stored {bucket}/{key}: {got} bytes, no Authorization header");
            state.uploads.push(SpacesObject { bucket, key, len: got, sha256, deleted: false });
            Reply::empty(200, note).header("etag", format!("\"{etag}\""))
        } else {
            s3_error(
                400,
                "IncompleteBody",
                "You did not provide the number of bytes specified by the Content-Length HTTP header.",
            )
        };
        reply.body_len = Some(got);
        reply
    }

    /// What DigitalOcean's import finds at `url` when it is on this stand-in's Spaces: `None`
    /// for another URL, else `Ok` (the object, read through the same checks as a `GET`) or the
    /// reason the download failed. An injected fault on `spaces_get_object` applies here.
    pub(crate) fn download(&self, url: &str, now_ms: u64) -> Option<Result<SpacesObject, String>> {
        let rest = url.strip_prefix("http://")?;
        let (host, rest) = rest.split_once('/')?;
        if host != self.host {
            return None;
        }
        let path = format!("/{}", rest.split_once('?').map_or(rest, |(p, _)| p));
        let rest = path.strip_prefix(PREFIX)?;
        let query: Vec<(String, String)> = url
            .split_once('?')
            .map(|(_, q)| q)
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        let failed = |reply: Reply| {
            let code = match &reply.body {
                crate::testing::core::Body::Text(_, xml) => xml
                    .split_once("<Code>")
                    .and_then(|(_, r)| r.split_once("</Code>"))
                    .map(|(c, _)| c.to_string()),
                _ => None,
            };
            Err(format!(
                "Failed to download the image from the URL provided: it answered {} ({})",
                reply.status,
                code.unwrap_or_else(|| "no error code".into())
            ))
        };
        if let Some(fault) = self.faults.take("GET", &path, Some(GET_OP)) {
            match fault.effect {
                Effect::Status(status, _) => return Some(failed(s3_error(status, code(status), "injected"))),
                Effect::Drop | Effect::Cut => {
                    return Some(Err(
                        "Failed to download the image from the URL provided: the connection was closed"
                            .into(),
                    ));
                }
                _ => {}
            }
        }
        let Ok(Route { params, .. }) = route("GET", rest) else {
            return Some(failed(s3_error(404, "NoSuchKey", "The specified key does not exist.")));
        };
        let (bucket, key) = (params.first()?.as_str(), params.get(1)?.as_str());
        let signed = Signed { method: "GET", host, bucket, key, query: &query };
        if let Err(refused) = self.verify(&signed, now_ms) {
            return Some(failed(refused));
        }
        let state = lock(&self.state);
        Some(match state.buckets.get(bucket).and_then(|objects| objects.get(key)) {
            Some(&(len, sha256)) => Ok(SpacesObject {
                bucket: bucket.to_string(),
                key: key.to_string(),
                len,
                sha256,
                deleted: false,
            }),
            None => failed(s3_error(404, "NoSuchKey", "The specified key does not exist.")),
        })
    }

    /// The objects of `bucket` now, by key.
    pub(crate) fn objects(&self, bucket: &str) -> Vec<SpacesObject> {
        let state = lock(&self.state);
        let Some(objects) = state.buckets.get(bucket) else { return Vec::new() };
        objects
            .iter()
            .map(|(key, &(len, sha256))| SpacesObject {
                bucket: bucket.to_string(),
                key: key.clone(),
                len,
                sha256,
                deleted: false,
            })
            .collect()
    }

    /// Every object stored so far, oldest first.
    pub(crate) fn uploads(&self) -> Vec<SpacesObject> {
        lock(&self.state).uploads.clone()
    }
}

/// A pre-signed request must not also carry an `Authorization` header (S3 refuses two ways of
/// signing at once): the API token never belongs here.
fn only_the_signature(call: &Call<'_>) -> Option<Reply> {
    call.head.header("authorization").is_some().then(|| {
        s3_error(
            400,
            "InvalidArgument",
            "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string \
             parameter or the Authorization header should be specified",
        )
    })
}

/// `20130524T000000Z`.
fn parse_date(date: &str) -> Option<jiff::Timestamp> {
    let digits = |from: usize, to: usize| date.get(from..to).and_then(|s| s.parse::<i16>().ok());
    if date.len() != 16 || date.get(8..9) != Some("T") || date.get(15..16) != Some("Z") {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(4, 6)?, digits(6, 8)?);
    let (hour, minute, second) = (digits(9, 11)?, digits(11, 13)?, digits(13, 15)?);
    let civil = jiff::civil::DateTime::new(
        year,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
        i8::try_from(hour).ok()?,
        i8::try_from(minute).ok()?,
        i8::try_from(second).ok()?,
        0,
    )
    .ok()?;
    civil.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp())
}
