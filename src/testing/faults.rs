//! Fault injection: the next calls of an operation fail, wait, or break, as the test asks.

use std::sync::Mutex;
use std::time::Duration;

use super::lock;

/// Which requests a [`Fault`] applies to: one operation (by its `operationId`), a method and
/// path prefix, or any request. A `&str` is an operation id.
///
/// Operation ids: Linode `get-images`, `post-image`, `post-upload-image`, `get-image`,
/// `put-image`, `delete-image`, `post-replicate-image`, and `object-storage-put` for the upload
/// `PUT`; DigitalOcean `images_list`, `images_create_custom`, `images_get`, `images_update`,
/// `images_delete`, `imageActions_list`, `imageActions_post`, `imageActions_get`.
///
/// ```
/// use cloud_images::testing::On;
///
/// let by_id: On = "get-image".into();
/// assert_eq!(by_id, On::operation("get-image"));
/// let uploads = On::request("PUT", "/object-storage/");
/// let everything = On::any();
/// # let _ = (uploads, everything);
/// ```
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
    /// Requests routed to the operation `id` (`get-image`, `images_get`, ...).
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

impl From<&str> for On {
    fn from(operation: &str) -> On {
        On::operation(operation)
    }
}

impl From<String> for On {
    fn from(operation: String) -> On {
        On::Operation(operation)
    }
}

/// What happens to a request a fault catches. Each fault catches the next
/// [`times`](Fault::times) matching requests (1 unless told), then is spent. Faults on the same
/// requests apply in the order they were injected.
///
/// A fault that answers with a status (or drops the connection) stops the request before the
/// stand-in acts on it: nothing changes. A delay or a cut body comes after the stand-in has
/// acted, as when a real answer is slow or lost on its way back.
///
/// ```
/// # fn main() -> Result<(), cloud_images::Error> {
/// use std::time::Duration;
/// use cloud_images::testing::{Fault, LinodeStandIn};
///
/// let stand_in = LinodeStandIn::start()?;
/// stand_in.inject("get-image", Fault::too_many_requests(Duration::from_secs(1)));
/// stand_in.inject("get-image", Fault::unavailable().times(2));
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

    /// `429 Too Many Requests` with `Retry-After` (whole seconds, rounded up).
    ///
    /// ```
    /// use std::time::Duration;
    /// let fault = cloud_images::testing::Fault::too_many_requests(Duration::from_secs(2));
    /// # let _ = fault;
    /// ```
    pub fn too_many_requests(retry_after: Duration) -> Fault {
        let secs = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
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

    /// The real answer, `by` later.
    ///
    /// ```
    /// use std::time::Duration;
    /// let slow = cloud_images::testing::Fault::delay(Duration::from_millis(300));
    /// # let _ = slow;
    /// ```
    pub fn delay(by: Duration) -> Fault {
        Fault::new(Effect::Delay(by))
    }

    /// The real answer with its full `Content-Length`, but only half of its body; then the
    /// connection closes.
    ///
    /// ```
    /// let cut = cloud_images::testing::Fault::cut_body();
    /// # let _ = cut;
    /// ```
    pub fn cut_body() -> Fault {
        Fault::new(Effect::Cut)
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
        }
    }
}

/// The faults waiting for requests, in the order injected.
#[derive(Default)]
pub(crate) struct Faults(Mutex<Vec<(On, Fault)>>);

impl Faults {
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
}
