//! Fault injection: the next calls of an operation fail, wait, or break, as the test asks.

use std::sync::Mutex;
use std::time::Duration;

use super::lock;
use crate::Operation;

/// Which requests a [`Fault`] applies to: one operation, a method and path prefix, or any
/// request.
///
/// An operation is best named by its type, so that a typo does not compile:
/// [`On::op::<ops::GetImage>()`](On::op) for any operation of the APIs (the generated request
/// types of [`linode::ops`](crate::linode::ops) and [`digitalocean::ops`](crate::digitalocean::ops)),
/// a constant for the stand-ins' own ([`On::OBJECT_STORAGE_PUT`], [`On::SPACES_PUT_OBJECT`],
/// ...). A `&str` is an operation id too, as the APIs' specs name them (`get-image`,
/// `images_list`); a stand-in's `inject` refuses one it does not have with
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput), listing those it has
/// ([`operations`](super::StandIn::operations)).
///
/// The operation ids each stand-in answers:
///
/// - Linode images: `get-images`, `post-image`, `post-upload-image`, `get-image`, `put-image`,
///   `delete-image`, `post-replicate-image`
/// - Linode share groups: `get-sharegroups`, `post-sharegroups`, `get-user-tokens`,
///   `post-sharegroup-tokens`, `get-sharegroup-token`, `put-sharegroup-token`,
///   `delete-sharegroup-token`, `get-sharegroup-by-token`, `get-sharegroup-images-by-token`,
///   `get-sharegroup`, `put-sharegroup`, `delete-sharegroup`, `get-sharegroup-images`,
///   `post-sharegroup-images`, `put-sharegroup-imageshare`, `delete-sharegroup-imageshare`,
///   `get-sharegroup-members`, `post-sharegroup-members`, `get-sharegroup-member-token`,
///   `put-sharegroup-member-token`, `delete-sharegroup-member-token`,
///   `get-images-sharegroups-image`
/// - Linode object storage (an upload's data): `object-storage-put`
/// - DigitalOcean images and image actions: `images_list`, `images_create_custom`,
///   `images_get`, `images_update`, `images_delete`, `imageActions_list`, `imageActions_post`,
///   `imageActions_get`
/// - DigitalOcean account transfers: `images_post_account_transfer_create`,
///   `images_post_account_transfer_accept`, `images_post_account_transfer_cancel`,
///   `images_post_account_transfer_decline`
/// - Spaces, DigitalOcean's object storage (with the spaces feature): `spaces_put_object`,
///   `spaces_get_object` (also the import's read of its URL), `spaces_delete_object`
///
/// The stand-ins' own operations, no part of the APIs' specs, have constants:
/// [`On::OBJECT_STORAGE_PUT`], [`On::SPACES_PUT_OBJECT`], [`On::SPACES_GET_OBJECT`],
/// [`On::SPACES_DELETE_OBJECT`].
///
/// ```
/// use cloud_images::linode::ops;
/// use cloud_images::testing::On;
///
/// let by_type = On::op::<ops::GetImage>();
/// assert_eq!(by_type, On::operation("get-image"));
/// let by_id: On = "get-image".into();
/// assert_eq!(by_id, by_type);
/// let uploads: On = On::OBJECT_STORAGE_PUT.into();
/// let puts = On::request("PUT", "/object-storage/");
/// let everything = On::any();
/// # let _ = (uploads, puts, everything);
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum On {
    /// Requests routed to this operation id.
    Operation(String),
    /// Requests with this method (any case) whose path starts with this prefix (as sent,
    /// percent-encoded).
    Request {
        /// `GET`, `PUT`, ...
        method: String,
        /// The start of the path (`/v4/images/`).
        path_prefix: String,
    },
    /// Every request.
    Any,
}

impl On {
    /// The operation id of the Linode stand-in's object storage: an upload's `PUT` of its data
    /// to the `upload_to` URL (no part of the API spec).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::linode::CreateUpload;
    /// use cloud_images::testing::{Fault, LinodeStandIn, On};
    ///
    /// let stand_in = LinodeStandIn::start()?;
    /// stand_in.inject(On::OBJECT_STORAGE_PUT, Fault::status(403))?; // refused: not retried
    /// let client = stand_in.client()?;
    /// let data = std::io::Cursor::new(vec![0u8; 1024]);
    /// let upload = client.images().upload(CreateUpload::new("web", "us-east")).seekable(data);
    /// assert_eq!(upload.unwrap_err().status(), Some(403));
    /// let put = stand_in.requests().into_iter().find(|r| r.operation.as_deref() == Some(On::OBJECT_STORAGE_PUT));
    /// assert_eq!(put.map(|r| r.status), Some(Some(403)));
    /// # Ok(())
    /// # }
    /// ```
    pub const OBJECT_STORAGE_PUT: &'static str = "object-storage-put";

    /// The operation id of a `PUT` to the DigitalOcean stand-in's Spaces side (feature
    /// `spaces`).
    ///
    /// ```
    /// assert_eq!(cloud_images::testing::On::SPACES_PUT_OBJECT, "spaces_put_object");
    /// ```
    #[cfg(feature = "spaces")]
    pub const SPACES_PUT_OBJECT: &'static str = "spaces_put_object";

    /// The operation id of a `GET` from the DigitalOcean stand-in's Spaces side (feature
    /// `spaces`), and of an import's read of its URL there.
    ///
    /// ```
    /// assert_eq!(cloud_images::testing::On::SPACES_GET_OBJECT, "spaces_get_object");
    /// ```
    #[cfg(feature = "spaces")]
    pub const SPACES_GET_OBJECT: &'static str = "spaces_get_object";

    /// The operation id of a `DELETE` on the DigitalOcean stand-in's Spaces side (feature
    /// `spaces`).
    ///
    /// ```
    /// assert_eq!(cloud_images::testing::On::SPACES_DELETE_OBJECT, "spaces_delete_object");
    /// ```
    #[cfg(feature = "spaces")]
    pub const SPACES_DELETE_OBJECT: &'static str = "spaces_delete_object";

    /// Requests routed to the operation of the generated request type `O`
    /// ([`linode::ops`](crate::linode::ops), [`digitalocean::ops`](crate::digitalocean::ops)):
    /// its operation id, named by its type, so that a typo does not compile. The stand-in's
    /// `inject` refuses an operation of the other provider.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::digitalocean::ops;
    /// use cloud_images::testing::{DigitalOceanStandIn, Fault, On};
    ///
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// stand_in.inject(On::op::<ops::ImagesGet>(), Fault::unavailable())?;
    /// stand_in.client()?.images().get("debian-12-x64")?; // retried once
    /// assert_eq!(stand_in.requests()[0].operation.as_deref(), Some("images_get"));
    ///
    /// let linode = stand_in.inject(On::op::<cloud_images::linode::ops::GetImage>(), Fault::unavailable());
    /// assert!(linode.is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn op<O: Operation>() -> On {
        On::Operation(O::OPERATION_ID.to_string())
    }

    /// Requests routed to the operation `id` (`get-image`, `images_get`, ...: see [`On`] for
    /// them all). The stand-in's `inject` refuses an id it does not have;
    /// [`op`](On::op) names the operation by its type instead.
    ///
    /// ```
    /// let on = cloud_images::testing::On::operation("images_list");
    /// # let _ = on;
    /// ```
    pub fn operation(id: impl Into<String>) -> On {
        On::Operation(id.into())
    }

    /// Requests with `method` whose path starts with `path_prefix`.
    ///
    /// ```
    /// let on = cloud_images::testing::On::request("GET", "/v2/images/");
    /// # let _ = on;
    /// ```
    pub fn request(method: impl Into<String>, path_prefix: impl Into<String>) -> On {
        On::Request { method: method.into(), path_prefix: path_prefix.into() }
    }

    /// Every request.
    ///
    /// ```
    /// let on = cloud_images::testing::On::any();
    /// # let _ = on;
    /// ```
    pub fn any() -> On {
        On::Any
    }

    fn matches(&self, method: &str, path: &str, operation: Option<&str>) -> bool {
        match self {
            On::Operation(id) => operation == Some(id.as_str()),
            On::Request { method: m, path_prefix } => {
                m.eq_ignore_ascii_case(method) && path.starts_with(path_prefix)
            }
            On::Any => true,
        }
    }
}

/// An operation id (`&str`, `String`): `"get-image".into()` is [`On::operation("get-image")`](On::operation).
impl<S: Into<String>> From<S> for On {
    fn from(operation: S) -> On {
        On::Operation(operation.into())
    }
}

/// What happens to a request a fault catches. Each fault catches the next
/// [`times`](Fault::times) matching requests (1 unless told), then is spent. Faults on the same
/// requests apply in the order they were injected.
///
/// A fault that answers with a status (or drops the connection) stops the request before the
/// stand-in acts on it: nothing changes. A delay, a cut body or a malformed body
/// ([`not_json`](Fault::not_json), [`empty_object`](Fault::empty_object),
/// [`truncated_json`](Fault::truncated_json)) comes after the stand-in has acted, as when a
/// real answer is slow, lost or mangled on its way back: the image was made, the status is
/// the real one.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use std::time::Duration;
/// use cloud_images::linode::ops::GetImage;
/// use cloud_images::testing::{Fault, LinodeStandIn, On};
///
/// let stand_in = LinodeStandIn::start()?;
/// stand_in.inject(On::op::<GetImage>(), Fault::too_many_requests(Duration::from_secs(1)))?;
/// stand_in.inject(On::op::<GetImage>(), Fault::unavailable().times(2))?;
/// // The client waits the 1 s the 429 asks for, retries the 503s at once (the kit's tiny
/// // backoff) and gets the image on the 4th try.
/// let image = stand_in.client()?.images().get("linode/debian12")?;
/// assert_eq!(image.id, "linode/debian12");
/// let statuses: Vec<_> = stand_in.requests().iter().map(|r| r.status).collect();
/// assert_eq!(statuses, [Some(429), Some(503), Some(503), Some(200)]);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    pub(crate) effect: Effect,
    times: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Effect {
    /// An error answer in the provider's format, with these extra headers.
    Status(u16, Vec<(String, String)>),
    /// The real answer, this much later.
    Delay(Duration),
    /// The real answer's head and half its body, then the connection closes.
    Cut,
    /// The connection closes without an answer.
    Drop,
    /// The real status and headers, with this body instead of the real one.
    Malformed(Malformed),
}

/// A body a client cannot decode, sent as a complete answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Malformed {
    /// An HTML error page, as a proxy in the way sends.
    NotJson,
    /// `{}`.
    EmptyObject,
    /// The first half of the real JSON body.
    TruncatedJson,
}

/// The page [`Fault::not_json`] answers: nginx's default error page, as a proxy in the way
/// sends it.
const PROXY_PAGE: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n\
    <h1>An error occurred.</h1>\n<p>Sorry, the page you are looking for is currently unavailable.<br/>\n\
    Please try again later.</p>\n<p><em>Faithfully yours, nginx.</em></p>\n</body>\n</html>\n";

impl Malformed {
    /// Replaces `body` (and its `content-type` in `headers`). An empty body stays empty for a
    /// truncated document.
    pub(crate) fn apply(self, headers: &mut Vec<(String, String)>, body: &mut Vec<u8>) {
        let content_type = match self {
            Malformed::NotJson => {
                *body = PROXY_PAGE.as_bytes().to_vec();
                "text/html"
            }
            Malformed::EmptyObject => {
                *body = b"{}".to_vec();
                "application/json"
            }
            Malformed::TruncatedJson => {
                // Half, cut where a character starts.
                let mut cut = body.len() / 2;
                while cut > 0 && body.get(cut).is_some_and(|b| b & 0xC0 == 0x80) {
                    cut -= 1;
                }
                body.truncate(cut);
                "application/json"
            }
        };
        headers.retain(|(name, _)| !name.eq_ignore_ascii_case("content-type"));
        headers.push(("content-type".into(), content_type.into()));
    }
}

impl Fault {
    fn new(effect: Effect) -> Fault {
        Fault { effect, times: 1 }
    }

    /// An error answer with `status`, in the provider's error format (Linode
    /// `{"errors": [{"reason"}]}`, DigitalOcean `{"id", "message", "request_id"}`).
    ///
    /// ```
    /// let fault = cloud_images::testing::Fault::status(500);
    /// # let _ = fault;
    /// ```
    pub fn status(status: u16) -> Fault {
        Fault::new(Effect::Status(status, Vec::new()))
    }

    /// `429 Too Many Requests` with `Retry-After` (whole seconds, rounded up; at most
    /// `u64::MAX`).
    ///
    /// ```
    /// use std::time::Duration;
    /// let fault = cloud_images::testing::Fault::too_many_requests(Duration::from_secs(2));
    /// # let _ = fault;
    /// ```
    pub fn too_many_requests(retry_after: Duration) -> Fault {
        let secs = retry_after.as_secs().saturating_add(u64::from(retry_after.subsec_nanos() > 0));
        Fault::status(429).header("retry-after", secs.to_string())
    }

    /// `503 Service Unavailable`.
    ///
    /// ```
    /// let fault = cloud_images::testing::Fault::unavailable().times(3);
    /// # let _ = fault;
    /// ```
    pub fn unavailable() -> Fault {
        Fault::status(503)
    }

    /// `503` with `X-Maintenance-Mode`: the API is down for maintenance.
    ///
    /// ```
    /// let fault = cloud_images::testing::Fault::maintenance();
    /// # let _ = fault;
    /// ```
    pub fn maintenance() -> Fault {
        Fault::status(503).header("x-maintenance-mode", "1")
    }

    /// The real answer, `by` later: the stand-in acts at once, its answer is slow.
    ///
    /// On a real clock the answer waits `by` in real time; a delay too long to represent
    /// (`Duration::MAX`) never comes while the stand-in runs (the stand-in still stops when
    /// dropped). On a [manual](super::Clock::manual) clock nothing sleeps: the stand-in moves
    /// its clock forward by `by` (in whole milliseconds; a clock moved past 9999 stops at its
    /// end) and answers at once, so a client on the same clock sees the answer arrive `by`
    /// late.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use std::time::Duration;
    /// use cloud_images::linode::ops::GetImage;
    /// use cloud_images::testing::{Clock, Fault, LinodeStandIn, On};
    ///
    /// let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start()?;
    /// stand_in.inject(On::op::<GetImage>(), Fault::delay(Duration::from_secs(30)))?;
    /// let before = stand_in.clock().now();
    /// stand_in.client()?.images().get("linode/debian12")?; // answered at once
    /// assert_eq!(stand_in.clock().now().duration_since(before).ok(), Some(Duration::from_secs(30)));
    /// assert_eq!(stand_in.requests()[0].fault.as_deref(), Some("delay 30000 ms"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn delay(by: Duration) -> Fault {
        Fault::new(Effect::Delay(by))
    }

    /// The real answer with its full `Content-Length`, but only half of its body; then the
    /// connection closes. An answer with no body to cut (a 204, an empty body) loses half of
    /// its head instead: either way the stand-in has acted and the client gets no answer.
    ///
    /// ```
    /// let cut = cloud_images::testing::Fault::cut_body();
    /// # let _ = cut;
    /// ```
    pub fn cut_body() -> Fault {
        Fault::new(Effect::Cut)
    }

    /// The real status and headers with an HTML page for a body (`Content-Type: text/html`),
    /// as a proxy in the way answers: the client cannot decode it.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::ErrorKind;
    /// use cloud_images::linode::ops::GetImage;
    /// use cloud_images::testing::{Fault, LinodeStandIn, On};
    ///
    /// let stand_in = LinodeStandIn::start()?;
    /// stand_in.inject(On::op::<GetImage>(), Fault::not_json())?;
    /// let e = stand_in.client()?.images().get("linode/debian12").unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::Decode);
    /// let logged = &stand_in.requests()[0];
    /// assert_eq!((logged.status, logged.fault.as_deref()), (Some(200), Some("not JSON")));
    /// # Ok(())
    /// # }
    /// ```
    pub fn not_json() -> Fault {
        Fault::new(Effect::Malformed(Malformed::NotJson))
    }

    /// The real status and headers with `{}` for a body: JSON, without a field the client
    /// needs.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::ErrorKind;
    /// use cloud_images::digitalocean::{CustomImage, ops};
    /// use cloud_images::testing::{DigitalOceanStandIn, Fault, On, Seed};
    ///
    /// let stand_in = DigitalOceanStandIn::builder().seed(Seed::Empty).start()?;
    /// stand_in.inject(On::op::<ops::ImagesCreateCustom>(), Fault::empty_object())?;
    /// let import = CustomImage::new("fedora", "https://example.com/fedora.qcow2", "nyc3");
    /// let e = stand_in.client()?.images().import(import).unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::Decode);
    /// assert_eq!(stand_in.account_images().len(), 1); // the import was made all the same
    /// # Ok(())
    /// # }
    /// ```
    pub fn empty_object() -> Fault {
        Fault::new(Effect::Malformed(Malformed::EmptyObject))
    }

    /// The real status and headers with the first half of the real JSON body, sent as a
    /// complete answer (its `Content-Length` is that of the half): a document cut short
    /// before the connection, not during it (for that, see [`cut_body`](Fault::cut_body)).
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// use cloud_images::ErrorKind;
    /// use cloud_images::digitalocean::ops;
    /// use cloud_images::testing::{DigitalOceanStandIn, Fault, On};
    ///
    /// let stand_in = DigitalOceanStandIn::start()?;
    /// stand_in.inject(On::op::<ops::ImagesList>(), Fault::truncated_json())?;
    /// let e = stand_in.client()?.images().list().send().unwrap_err();
    /// assert_eq!(e.kind(), ErrorKind::Decode);
    /// # Ok(())
    /// # }
    /// ```
    pub fn truncated_json() -> Fault {
        Fault::new(Effect::Malformed(Malformed::TruncatedJson))
    }

    /// No answer: the connection closes as soon as the request is read.
    ///
    /// ```
    /// let dropped = cloud_images::testing::Fault::drop_connection();
    /// # let _ = dropped;
    /// ```
    pub fn drop_connection() -> Fault {
        Fault::new(Effect::Drop)
    }

    /// Adds a header to a status answer (ignored by the other faults).
    ///
    /// ```
    /// let fault = cloud_images::testing::Fault::status(429).header("retry-after", "3");
    /// # let _ = fault;
    /// ```
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Fault {
        if let Effect::Status(_, headers) = &mut self.effect {
            headers.push((name.into().to_ascii_lowercase(), value.into()));
        }
        self
    }

    /// How many matching requests the fault catches (default 1).
    ///
    /// ```
    /// let fault = cloud_images::testing::Fault::unavailable().times(2);
    /// # let _ = fault;
    /// ```
    pub fn times(mut self, n: u32) -> Fault {
        self.times = n;
        self
    }

    /// The fault in a few words, as the request log shows it.
    pub(crate) fn describe(&self) -> String {
        match &self.effect {
            Effect::Status(status, headers) if headers.is_empty() => format!("status {status}"),
            Effect::Status(status, headers) => {
                let shown: Vec<String> = headers.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                format!("status {status} with {}", shown.join(", "))
            }
            Effect::Delay(by) => format!("delay {} ms", by.as_millis()),
            Effect::Cut => "cut body".to_string(),
            Effect::Drop => "dropped connection".to_string(),
            Effect::Malformed(Malformed::NotJson) => "not JSON".to_string(),
            Effect::Malformed(Malformed::EmptyObject) => "empty object".to_string(),
            Effect::Malformed(Malformed::TruncatedJson) => "truncated JSON".to_string(),
        }
    }
}

/// The faults waiting for requests, in the order injected. Public in a private module, as the kit's sealed traits name it: users cannot.
#[derive(Default)]
pub struct Faults(Mutex<Vec<(On, Fault)>>);

impl Faults {
    /// Adds a fault (one that catches no request is dropped).
    pub(crate) fn add(&self, on: On, fault: Fault) {
        if fault.times > 0 {
            lock(&self.0).push((on, fault));
        }
    }

    pub(crate) fn clear(&self) {
        lock(&self.0).clear();
    }

    /// How many requests the faults still catch in all.
    pub(crate) fn pending(&self) -> u64 {
        lock(&self.0).iter().map(|(_, f)| u64::from(f.times)).sum()
    }

    /// The first fault for this request, used once.
    pub(crate) fn take(&self, method: &str, path: &str, operation: Option<&str>) -> Option<Fault> {
        let mut faults = lock(&self.0);
        let index = faults.iter().position(|(on, _)| on.matches(method, path, operation))?;
        let (_, fault) = faults.get_mut(index)?;
        fault.times -= 1;
        let used = fault.clone();
        if fault.times == 0 {
            faults.remove(index);
        }
        Some(used)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_are_used_in_order_and_spent() {
        let faults = Faults::default();
        faults.add("get-image".into(), Fault::too_many_requests(Duration::from_millis(1500)));
        faults.add("get-image".into(), Fault::unavailable().times(2));
        faults.add(On::request("put", "/upload/"), Fault::cut_body());
        assert_eq!(faults.pending(), 4);
        let first = faults.take("GET", "/v4/images/x", Some("get-image")).unwrap();
        assert_eq!(first.describe(), "status 429 with retry-after: 2");
        assert_eq!(faults.take("GET", "/v4/images/x", Some("get-images")), None);
        assert_eq!(faults.take("GET", "/x", Some("get-image")).unwrap().describe(), "status 503");
        assert_eq!(faults.take("GET", "/x", Some("get-image")).unwrap().describe(), "status 503");
        assert_eq!(faults.take("GET", "/x", Some("get-image")), None);
        assert_eq!(faults.take("PUT", "/upload/a", None).unwrap().describe(), "cut body");
        assert_eq!(faults.pending(), 0);
    }

    #[test]
    fn any_duration_makes_a_fault() {
        let fault = Fault::too_many_requests(Duration::MAX);
        assert_eq!(fault.describe(), format!("status 429 with retry-after: {}", u64::MAX));
        assert_eq!(
            Fault::too_many_requests(Duration::from_nanos(1)).describe(),
            "status 429 with retry-after: 1"
        );
        assert_eq!(Fault::delay(Duration::MAX).describe(), format!("delay {} ms", Duration::MAX.as_millis()));
    }

    #[test]
    fn malformed_bodies() {
        let apply = |kind: Malformed, body: &str| {
            let mut headers = vec![("content-type".to_string(), "application/json".to_string())];
            let mut bytes = body.as_bytes().to_vec();
            kind.apply(&mut headers, &mut bytes);
            (headers, String::from_utf8(bytes).unwrap())
        };
        let json = |body: &str| {
            (vec![("content-type".to_string(), "application/json".to_string())], body.to_string())
        };
        assert_eq!(apply(Malformed::EmptyObject, r#"{"id": 1}"#), json("{}"));
        assert_eq!(apply(Malformed::TruncatedJson, r#"{"id": 1}"#), json(r#"{"id"#));
        assert_eq!(apply(Malformed::TruncatedJson, r#"["é"]"#), json(r#"[""#)); // not inside the é
        assert_eq!(apply(Malformed::TruncatedJson, ""), json(""));
        let (headers, page) = apply(Malformed::NotJson, "{}");
        assert_eq!(headers, [("content-type".to_string(), "text/html".to_string())]);
        assert!(page.starts_with("<!DOCTYPE html>") && page.contains("nginx"));
    }
}
