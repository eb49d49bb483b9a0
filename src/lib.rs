//! A blocking, sync-only client for the Images APIs of Linode (API v4) and DigitalOcean (API v2),
//! for programs that do not use async Rust: no tokio, no futures, one small HTTP stack (ureq).
//!
//! Both providers share one runtime: retries, timeouts, error decoding and lazy pagination. The
//! request and model types are generated at build time from the OpenAPI specs in `openapi/`;
//! the clients wrap them in the API's own words.
//!
//! # Usage
//!
//! ```no_run
//! use cloud_images::{digitalocean, linode};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! // Linode's public images need no token: an anonymous client reads them.
//! let public = linode::Client::anonymous()?;
//! let debian = public.images().get("linode/debian12")?;
//! println!("{} is {:?} ({:?} MB)", debian.id, debian.status, debian.size);
//!
//! // Your own images: LINODE_TOKEN, else LINODE_CLI_TOKEN (an error when neither is set).
//! let linode = linode::Client::from_env()?;
//! let mine = linode.images().get("private/12345")?;
//!
//! // DigitalOcean: DIGITALOCEAN_ACCESS_TOKEN, else DIGITALOCEAN_TOKEN.
//! let digitalocean = digitalocean::Client::builder().token("dop_v1_...").user_agent("my-tool/1.2").build()?;
//! let ubuntu = digitalocean.images().get("ubuntu-24-04-x64")?;
//! println!("{:?} {:?}", ubuntu.id, ubuntu.name);
//! # Ok(())
//! # }
//! ```
//!
//! Anything the clients do not wrap can be sent through its generated request type with
//! `execute` (see [`Operation`]).
//!
//! # One way to call
//!
//! - A call with only required parts is a method that sends at once:
//!   `images().get(id)?`, `images().delete(id)?`, `actions(id).transfer("sfo3")?`.
//! - A call with optional parts returns a builder; set what you need, then
//!   [`send`](List::send): `images().list().page_size(100).send()?`,
//!   `images().update(id).label("x").send()?`, `images().wait_until_available(id).send()?`.
//!   Listings also iterate (`for image in images().list() { .. }`).
//! - An upload is a builder ended by the call that names its data source:
//!   `images().upload(request).file("disk.img")?` (or `.reader(..)`, `.seekable(..)`).
//!
//! Ids are small types ([`linode::ImageId`], [`linode::ShareGroupId`], [`linode::TokenUuid`],
//! [`digitalocean::ImageId`], [`digitalocean::ActionId`], [`digitalocean::TransferId`]: one kit,
//! [`ids`]) built from a `&str` or a `u64` where they are passed; an id that would name another
//! resource (empty, `.`, `..`, 0) is refused before any request.
//!
//! Linode's image share groups (beta) are [`linode::Client::sharegroups`]: every call goes to
//! `v4beta`, the only version that serves them, whatever the client's own version. The secret
//! membership token is a [`linode::MembershipToken`]: returned once, redacted in `Debug`, read
//! with `expose()`.
//!
//! ```no_run
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = cloud_images::linode::Client::from_env()?;
//! let group = client.sharegroups().create("golden images").image("private/160700").send()?;
//! for share in client.sharegroups().images(group.id).list() {
//!     println!("{}", share?.id); // shared/…, type shared
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Pagination
//!
//! Every listing of both providers is one builder, [`List`]: `page`, `page_size` (unset: the
//! largest page the API accepts, for the fewest round trips), what the provider filters on,
//! then `send()` for one page or `iter()` (or a `for` loop) for all. Listings are lazy
//! [`Items`] iterators: nothing is sent until they are used, one request per page, and they
//! stop on the last page, an empty or repeated page (the same page number, or the same first
//! item as the page before: a server that answers every page number with page 1 costs one
//! extra request, not a loop), or the first error.
//!
//! [`Page::pages`] is the page count as the answer tells it: Linode's `pages`; on DigitalOcean,
//! `meta.total` divided by the page size asked for (`per_page`, or the API's 20), rounded up
//! (the `last` link's page number only when there is no `meta.total`: the last page has no
//! such link). It is the same on every page, the last one and one past the end included.
//!
//! ```no_run
//! use cloud_images::linode::{Client, Filter, Order};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?;
//! let mine = Filter::eq("is_public", false).order_by("label", Order::Asc);
//! for image in client.images().list().page_size(500).filter(mine).iter() {
//!     let image = image?;
//!     println!("{} {}", image.id, image.label.as_deref().unwrap_or("-"));
//! }
//! // One page, with its counters:
//! let page = client.images().list().page(2).send()?;
//! println!("page {} of {:?}, {:?} images", page.page, page.pages, page.total);
//! # Ok(())
//! # }
//! ```
//!
//! # Decoding: what a response may leave out
//!
//! The real servers are looser than their specs: they send `null` where a list or a string is
//! promised, leave fields out, and add values no enum names. One rule, applied by the code
//! generator to every response model of both providers, keeps such answers decoding:
//!
//! - a **list or map** that is `null` or missing decodes as **empty** (`regions: null` on
//!   Linode's public images gives `image.regions.is_empty()`);
//! - **any other field** (text, number, flag, enum, object) that is `null` or missing decodes as
//!   **`None`**: model fields are `Option`s (`image.label`, `image.status`, `image.size`);
//! - except the few a client cannot work without, which stay required: the `id` of an image
//!   (both providers) and of a DigitalOcean action, the `image`/`action` an answer wraps,
//!   Linode's `upload_to`, and the list of items of every listing (Linode's `data`,
//!   DigitalOcean's `images` and `actions`). An answer without one of them is an
//!   [`ErrorKind::Decode`] error naming it, even DigitalOcean's import answer (202), whose
//!   placeholder image may lack everything else; a listing answer `{}` is such an error, not an
//!   empty page. A required list that is `null` is still empty (`"images": null` is an empty
//!   page).
//!   Request bodies are not touched: what you send stays as the spec says.
//! - an enum value this crate does not know is kept (`ImageStatus::Other("hibernating")`), and
//!   so is an unknown field (in `extra`).
//! - an object a response may leave out is boxed (`image.image_sharing: Option<Box<_>>`), so an
//!   absent one costs a pointer, not its size, in each of a listing's hundreds of items; read it
//!   as usual (`image.image_sharing.as_deref()`, or its fields through the box).
//!
//! Models and request bodies can grow without breaking you: every generated struct and enum is
//! `#[non_exhaustive]`, so a field or value the APIs add in a later version is not a breaking
//! change. Their fields are public to read, but outside this crate there is no struct literal:
//!
//! - a **response model** (`Image`, `ImagePage`, `Action`, ...) is only made by decoding JSON:
//!   a client call, or `serde_json::from_value` / `from_str` in your tests (give it what the
//!   server would send; the rule above fills in the rest);
//! - a **request body** (`ImageCreate`, `ImageUpdate`, `CustomImageCreate`, ...) is made with
//!   `new(required fields)` and one setter per optional field, as the request types of `ops`;
//! - an **enum** match needs a `_` arm. Match the values this crate does not name by text
//!   (`status.as_str() == "hibernating"`), not with `Other(..)`: a value leaves `Other` once a
//!   later version names it.
//!
//! ```
//! use cloud_images::linode::types::{Image, ImageCreate, ImageStatus};
//!
//! # fn main() -> Result<(), serde_json::Error> {
//! let image: Image = serde_json::from_value(serde_json::json!({
//!     "id": "private/12345", "label": "web", "status": "available", "regions": null,
//! }))?;
//! assert_eq!((image.label.as_deref(), image.regions.len()), (Some("web"), 0));
//! let summary = match &image.status {
//!     Some(ImageStatus::Available) => "ready",
//!     Some(other) if other.as_str() == "hibernating" => "asleep",
//!     Some(_) | None => "not yet",
//! };
//! assert_eq!(summary, "ready");
//!
//! let body = ImageCreate::new(123_456).label("gold-master").tags(["prod"]);
//! assert_eq!(serde_json::to_value(&body)?, serde_json::json!({"disk_id": 123456, "label": "gold-master", "tags": ["prod"]}));
//! # Ok(())
//! # }
//! ```
//!
//! In a listing, an item that still cannot be decoded does not hide the others: it comes out of
//! the iterator as an error in its place, naming its position, its `id` when it has one, and the
//! field ([`Error::item_index`], [`Error::item_id`]); the items after it and the next pages still
//! come. `send()` returns the page with such items in [`Page::failed`]. To skip them:
//!
//! ```no_run
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = cloud_images::linode::Client::from_env()?;
//! for image in client.images().list() {
//!     let image = match image {
//!         Ok(image) => image,
//!         Err(e) if e.item_index().is_some() => {
//!             eprintln!("skipping one image: {e}");
//!             continue;
//!         }
//!         Err(e) => return Err(e), // the request failed: stop
//!     };
//!     println!("{} {}", image.id, image.label.as_deref().unwrap_or("-"));
//! }
//! # Ok(())
//! # }
//! ```
//!
//! To stop at the first one instead, use `?` on every item, as for any other error.
//!
//! # Uploads
//!
//! A Linode upload checks the source (type, size limits, a gzip header and trailer), creates the
//! image (so a bad region fails in milliseconds), gzip-compresses a raw image into a temporary
//! file that the system removes even if the process is killed, then streams the disk in one `PUT`
//! to object storage with an exact `Content-Length` and without the token; memory stays flat
//! whatever the image size. If a step after the create fails, the image is deleted again (or kept,
//! with `keep_on_failure(true)`), and [`Error::created_image`] names it. The pre-signed URL is a
//! [`SignedUrl`]: its `Debug` and `Display` leave out the query (the signature), and
//! signatures that object storage echoes in an error body are redacted before the error keeps it.
//!
//! An upload can be cancelled: its progress callback returns `ControlFlow::Break(())`, or a
//! [`linode::CancelUpload`] handle (from another thread, or a Ctrl-C handler your program sets
//! up: `examples/upload_cancel.rs`) is used; the handle is seen within 50 ms, also while the
//! upload sleeps before trying its `PUT` again. It then deletes its image (even with
//! `keep_on_failure(true)`), removes its temporary file and fails with
//! [`ErrorKind::Cancelled`]. A process killed outright (`SIGKILL`) runs no clean-up: its image
//! stays `pending_upload` until Linode deletes it 24 hours later; list your private
//! `pending_upload` images to delete them sooner (see [`linode::Upload`], "Images left by a
//! killed process").
//!
//! ```no_run
//! use cloud_images::linode::{Client, CreateUpload, Filter};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?;
//! let image = client
//!     .images()
//!     .upload(CreateUpload::new("my-image", "us-east").description("built by CI").tags(["my-uploader"]))
//!     .progress(|p| eprintln!("{:?}: {} / {} bytes", p.phase, p.done, p.total))
//!     .file("disk.img")?;
//! println!("uploaded {}", image.id);
//!
//! // Images left `pending_upload` by a process that was killed: private, tagged by you.
//! let mine = Filter::eq("tags", "my-uploader");
//! let left = Filter::and([Filter::eq("is_public", false), Filter::eq("status", "pending_upload"), mine]);
//! for image in client.images().list().filter(left) {
//!     client.images().delete(&image?.id)?;
//! }
//! # Ok(())
//! # }
//! ```
//!
//! DigitalOcean imports only from a URL. With the `spaces` feature,
//! [`digitalocean::Images::publish`] does what Packer's `digitalocean-import` does, in constant
//! memory: it puts a local file into a Spaces bucket ([`digitalocean::Spaces`], keys from
//! `SPACES_ACCESS_KEY_ID` and `SPACES_SECRET_ACCESS_KEY`) in one streamed `PUT`, imports it from a
//! pre-signed URL (the object stays private), waits until the image is available, and deletes the
//! staging object, also on failure or cancel ([`Error::staging_object`] says which object and
//! whether it went; a staging object that cannot be deleted after a success is in
//! [`digitalocean::Published::left_behind`]). It takes the same progress callback and
//! [`linode::CancelUpload`] handle.
//!
//! ```no_run
//! use cloud_images::digitalocean::{Client, PublishImage, Spaces};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?;
//! let spaces = Spaces::from_env("my-images", "nyc3")?;
//! let published = client.images().publish(PublishImage::new("web", "nyc3"), &spaces).file("web.qcow2.gz")?;
//! println!("image {} is available", published.image.id);
//! # Ok(())
//! # }
//! ```
//!
//! # Waiting
//!
//! Images and actions take time: a [`Wait`] polls until they are ready, fails with the
//! provider's reason, or times out with the last status seen, the same way on both providers;
//! its `on_poll` callback sees every look and can stop the wait. Its
//! [`timeout`](Wait::timeout) bounds the whole wait: each look is an API call limited by what
//! is left of it as well as by the client's call timeout.
//!
//! ```no_run
//! use std::time::Duration;
//! use cloud_images::digitalocean::{Client, CustomImage};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::from_env()?;
//! let url = "https://example.com/fedora-coreos.qcow2.gz";
//! let image = client.images().import(CustomImage::new("fedora-coreos", url, "nyc3"))?;
//! let id = image.id;
//! let image = client
//!     .images()
//!     .wait_until_available(id)
//!     .timeout(Duration::from_secs(1800))
//!     .on_poll(|p| {
//!         eprintln!("{} after {} s", p.status, p.elapsed.as_secs());
//!         std::ops::ControlFlow::Continue(())
//!     })
//!     .send()?;
//! println!("{:?} is {:?}", image.name, image.status);
//! let action = client.images().actions(id).transfer("sfo3")?;
//! client.images().actions(id).wait_until_completed(action.id).timeout(Duration::from_secs(1800)).send()?;
//! # Ok(())
//! # }
//! ```
//!
//! # Errors and retries
//!
//! Every call returns [`Error`], one type with a [`kind`](Error::kind), the HTTP status, the
//! provider's error body read the same way for both ([`ApiError`]: messages with their fields,
//! error id, request id, the body as text and JSON) and the attempts made. API calls and upload
//! `PUT`s are retried by one [`RetryPolicy`] and one set of rules (429 always; 408, 502, 503,
//! 504, connection failures and timeouts only for `GET`, `PUT` and `DELETE`, so a create is
//! never sent twice).
//!
//! - **A server's hint is obeyed, never shortened.** A retry is never sent before the
//!   `Retry-After` (seconds or HTTP date) or, on a 429, DigitalOcean's `ratelimit-reset` has
//!   passed. A hint longer than the policy's [`max_wait`](RetryPolicy::max_wait) (30 s by
//!   default), or one that would end after the call's timeout, is not waited at all: the call
//!   fails at once and [`Error::retry_after`] says how long the server asked for. Without a
//!   hint, the wait is a jittered exponential backoff capped at `max_wait`.
//! - **The call's [`timeout`](ClientBuilder::timeout) bounds the whole call** (60 s by
//!   default): each attempt from connecting to the last byte of its answer, and every wait;
//!   running out of it is an [`ErrorKind::Timeout`] error.
//! - **A lost answer is not a failure.** A `DELETE` retried after an attempt whose outcome is
//!   unknown (the connection dropped or was reset, the time ran out, the answer was cut, or a
//!   gateway answered 502 or 504) that then gets 404 was done by that attempt: it succeeds. A
//!   404 at the first attempt, or after attempts that were all answered (a 429, a 503, ...), is
//!   a not-found error. Likewise an upload whose `PUT` lost its answer and then failed (its
//!   retry refused, or none left) reads the image: if it is no longer `pending_upload`, its
//!   data arrived and the upload succeeds.
//!
//! ```no_run
//! use std::time::Duration;
//! use cloud_images::{ErrorKind, RetryPolicy, linode::Client};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::builder()
//!     .token_from_env()
//!     .timeout(Duration::from_secs(20))
//!     .retry_policy(RetryPolicy::default().max_retries(2))
//!     .build()?;
//! match client.images().get("private/12345") {
//!     Ok(image) => println!("{}", image.label.as_deref().unwrap_or("-")),
//!     Err(e) if e.is_not_found() => println!("gone"),
//!     Err(e) if e.kind() == ErrorKind::Timeout => println!("slow network: {e}"),
//!     Err(e) => return Err(e),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! The token never appears in `Debug`, `Display`, errors or logs, and is sent only to the
//! configured API host: never to an upload URL, never across a redirect, never over plain
//! `http://` to a host that is not loopback (unless allowed on the builder). A client without a
//! token that gets a 401 says that no token was set, and which variables a token is read from.
//!
//! # TLS and proxies
//!
//! The builder adds trusted roots on top of the default ones
//! ([`add_root_certificate_pem`](ClientBuilder::add_root_certificate_pem)) and sets an HTTP
//! proxy ([`proxy`](ClientBuilder::proxy), which wins over `HTTPS_PROXY`, `HTTP_PROXY` and
//! `ALL_PROXY`; [`no_proxy`](ClientBuilder::no_proxy) ignores them). Both apply to uploads too.
//! A certificate that is not trusted, has expired or is for another name fails with
//! [`ErrorKind::Tls`], never retried.
//!
//! ```no_run
//! use cloud_images::{ErrorKind, digitalocean::Client};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let client = Client::builder()
//!     .token("dop_v1_...")
//!     .proxy("http://proxy.corp.example:3128")
//!     .add_root_certificate_pem(std::fs::read("company-root-ca.pem")?)
//!     .build()?;
//! match client.images().get("ubuntu-24-04-x64") {
//!     Err(e) if e.kind() == ErrorKind::Tls => eprintln!("check the proxy's certificate: {e}"),
//!     other => println!("{:?}", other?.name),
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Testing your program
//!
//! With the `testing` feature, in your `[dev-dependencies]`, the `cloud_images::testing` module
//! has local stand-ins of both APIs for your tests. `LinodeStandIn` and `DigitalOceanStandIn`
//! start on 127.0.0.1 in one line and hand out a ready client. They keep images and actions in
//! memory, seeded as the live APIs send them, and move their statuses on a clock your test
//! controls. They answer bad input in each provider's error format, take injected faults (429
//! with `Retry-After`, 503, maintenance, delays, cut bodies), log every request they receive
//! (with the token redacted), and stop when dropped.
//!
//! A program that makes its client with `from_env` (or Linode's `anonymous`) can be pointed at
//! them unchanged: both read the base URL from `LINODE_URL` and `DIGITALOCEAN_API_URL` (the
//! names the providers' Terraform providers use; Linode's `LINODE_API_VERSION` too), and the
//! `cloud-images-stand-in` binary prints what to set. A base URL that ends with the API version
//! (`https://api.linode.com/v4`) is taken without it: it is never sent twice.
//!
//! ```toml
//! [dev-dependencies]
//! cloud-images = { version = "0.1", features = ["testing"] }
//! ```
//!
//! ```
//! use std::time::Duration;
//! use cloud_images::linode::{CreateUpload, ops};
//! use cloud_images::testing::{Clock, Fault, LinodeStandIn, On};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start()?;
//! // Its URL, its token, quick retries; on its clock, the client's waits take no real time.
//! let client = stand_in.client_builder().clock(stand_in.clock().clone()).build()?;
//! stand_in.inject(On::op::<ops::PostUploadImage>(), Fault::too_many_requests(Duration::from_secs(1)))?;
//!
//! // The code under test: upload, wait, replicate, wait.
//! let disk = std::io::Cursor::new(vec![0u8; 1 << 20]);
//! let image = client.images().upload(CreateUpload::new("web", "us-east")).seekable(disk)?;
//! stand_in.clock().advance(Duration::from_secs(2)); // Linode has processed the upload
//! client.images().wait_until_available(&image.id).timeout(Duration::from_secs(5)).send()?;
//! client.images().replicate(&image.id, ["us-east", "us-ord"])?;
//! stand_in.clock().advance(Duration::from_secs(1)); // and copied it
//! let image = client.images().wait_until_replicated(&image.id, ["us-ord"]).timeout(Duration::from_secs(5)).send()?;
//! assert_eq!(image.regions.len(), 2);
//!
//! // What the stand-in received: the 429, the retried create, the upload without the token.
//! let log = stand_in.requests();
//! assert_eq!((log[0].status, log[1].status), (Some(429), Some(200)));
//! assert_eq!(log[2].operation.as_deref(), Some("object-storage-put"));
//! assert_eq!(log[2].header("authorization"), None);
//! # Ok(())
//! # }
//! ```
//!
//! # One view of both clouds
//!
//! A program that manages images on both providers writes its logic once against [`Cloud`],
//! which both clients implement, and reads images as [`CloudImage`]s: the same fields for both
//! (sizes in bytes, creation times as `SystemTime`, one [`CloudStatus`]), with the provider's own
//! model kept beside them. [`clouds_from_env`] gives a client for each provider whose token is
//! set; the stand-ins hand out the same `Box<dyn Cloud>` (`stand_in.cloud()?`), so one test runs
//! that logic against both. The README compares it with Apache Libcloud and pkgcloud, and maps
//! every status of both providers.
//!
//! ```no_run
//! use std::time::{Duration, SystemTime};
//!
//! # fn main() -> Result<(), cloud_images::Error> {
//! let month = Duration::from_secs(30 * 24 * 3600);
//! for cloud in cloud_images::clouds_from_env()? {
//!     for image in cloud.own_images() {
//!         let image = image?;
//!         if image.name.as_deref().is_some_and(|n| n.starts_with("ci-")) && image.age(SystemTime::now()) > Some(month) {
//!             cloud.delete(&image.id)?;
//!         }
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # Features
//!
//! - `rustls` (default): TLS in pure Rust.
//! - `native-tls`: the platform's TLS library instead (turn off default features; with both
//!   on, native-tls is used).
//! - `testing`: the stand-ins of `cloud_images::testing`, for `[dev-dependencies]`. Built on the
//!   standard library and this crate's own dependencies: it adds none.
//! - `spaces`: [`digitalocean::Images::publish`], through a Spaces bucket. It signs with the
//!   sans-IO [`rusty-s3`](https://docs.rs/rusty-s3), which brings `url`, `idna` and ICU into the
//!   tree (42 crates without the feature, 81 with it). Without it, `publish` exists and returns
//!   an [`ErrorKind::Unsupported`] error, sending nothing.
//!
//! Debug logs go through the [`log`](https://docs.rs/log) facade (target `cloud_images`): method,
//! path, status, attempt, duration and request id; never the token or bodies. One caution about
//! the HTTP stack underneath: at `trace` level, ureq's protocol crate (target `ureq_proto`) dumps
//! every byte on the wire in hex, the `Authorization` header and bodies included. Keep `trace`
//! off for `ureq_proto` wherever logs are kept (`RUST_LOG=trace,ureq_proto=off` with
//! `env_logger`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

// Lets the generated code name this crate as `::cloud_images` from inside it.
extern crate self as cloud_images;

mod builder;
mod clock;
mod cloud;
mod decode;
mod encode;
mod error;
mod list;
mod network;
mod object_storage;
mod operation;
mod page;
mod provider;
mod retry;
mod secret;
mod setters;
mod signed_url;
mod transport;
mod upload;
mod url;
mod wait;

pub mod digitalocean;
pub mod ids;
pub mod linode;
#[cfg(feature = "testing")]
pub mod testing;

pub use builder::ClientBuilder;
pub use cloud::{
    Cloud, CloudImage, CloudKind, CloudProvider, CloudRegion, CloudStatus, Clouds, ImageChanges,
    ProviderImage, PublishFile, Visibility, clouds_from_env,
};
pub use error::{ApiError, ApiMessage, Error, ErrorKind, Result};
pub use list::{List, Paged};
pub use operation::{Method, Operation};
pub use page::{Items, Page};
pub use provider::Provider;
pub use retry::RetryPolicy;
pub use signed_url::SignedUrl;
pub use transport::RateLimit;
pub use upload::{Upload, Uploads};
pub use wait::{Polled, Wait};

/// What the public API refuses, so that it can grow: `compile_fail` doctests.
#[cfg(doctest)]
mod semver_checks;

/// The README's examples, compiled as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
