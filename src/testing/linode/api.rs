//! The Linode Images API (v4) as the stand-in answers it: routes, tokens, validation in
//! Linode's error format (`{"errors": [{"field", "reason"}]}`), and each operation.

use std::hash::{DefaultHasher, Hasher};
use std::sync::Mutex;

use serde_json::{Map, Value, json};

use super::filter::{FILTERABLE, XFilter};
use super::state::{Own, Replica, Source, State};
use super::storage;
use crate::linode::ops;
use crate::testing::clock::{Clock, timestamp};
use crate::testing::core::{self, Api, Call, Reply, Route};
use crate::testing::requests::Token;
use crate::testing::routes::{self, Endpoint, Found};
use crate::testing::server::percent_decode;
use crate::testing::{On, lock};
use crate::{Method, Operation};

/// Where the stand-in's object storage lives, and its operation id.
pub(crate) const STORAGE_PREFIX: &str = "/object-storage/";
pub(crate) const STORAGE_OP: &str = On::OBJECT_STORAGE_PUT;
const BUCKET: &str = "linode-image-uploads";

/// The upload's `PUT` to object storage (no part of the API spec: its key is the rest of the
/// path, slashes and all).
static STORAGE: [Endpoint; 1] = [Endpoint::own(Method::Put, "/object-storage/{key}", STORAGE_OP)];
/// Every operation of the Linode stand-in, in the router's order: the API's (under `/v4/` and
/// `/v4beta/`, as `build.rs` lists them), then object storage's. What `inject` accepts.
pub(crate) static OPERATIONS: [&[Endpoint]; 2] = [&routes::linode::ENDPOINTS, &STORAGE];
/// Segments that start an image id (`linode/debian12`, `private/123`, `shared/5854`).
const ID_PREFIXES: [&str; 3] = ["linode", "private", "shared"];

/// Core regions with Object Storage: uploads and replicas go there.
pub(crate) const STORAGE_REGIONS: [&str; 12] = [
    "us-east", "us-ord", "us-iad", "us-sea", "us-lax", "us-mia", "fr-par", "nl-ams", "se-sto", "it-mil",
    "jp-osa", "in-maa",
];
/// Regions without it.
const OTHER_REGIONS: [&str; 8] = [
    "us-west",
    "us-central",
    "us-southeast",
    "eu-west",
    "eu-central",
    "ap-south",
    "ap-northeast",
    "ca-central",
];

/// The API and the state behind it. Public in a private module, as the kit's sealed traits name it: users cannot.
pub struct LinodeApi {
    pub(crate) state: Mutex<State>,
    pub(crate) clock: Clock,
    /// The stand-in's own URL (`upload_to` points back at it).
    pub(crate) base_url: String,
    /// Who the account's new images are `created_by`.
    pub(crate) username: String,
    /// Keys the upload URLs' signatures.
    pub(crate) secret: u64,
}

/// `{"errors": [{"field": .., "reason": ..}]}`
pub(crate) fn linode_error(status: u16, field: Option<&str>, reason: &str) -> Reply {
    let item = match field {
        Some(field) => json!({"field": field, "reason": reason}),
        None => json!({"reason": reason}),
    };
    Reply::json(status, json!({"errors": [item]}), reason.to_string())
}

pub(crate) fn not_found() -> Reply {
    linode_error(404, None, "Not found")
}

fn forbidden() -> Reply {
    linode_error(403, None, "Unauthorized")
}

impl Api for LinodeApi {
    const NAME: &'static str = "the Linode stand-in";
    const OPERATIONS: &'static [&'static [Endpoint]] = &OPERATIONS;

    fn route(&self, method: &str, path: &str) -> Result<Route, Reply> {
        if let Some(key) = path.strip_prefix(STORAGE_PREFIX) {
            if method != "PUT" {
                return Err(storage::s3_error(
                    405,
                    "MethodNotAllowed",
                    "Only PUT is allowed on an upload URL.",
                ));
            }
            return Ok(Route { operation: STORAGE_OP, params: vec![percent_decode(key)], streaming: true });
        }
        let Some((version, rest)) = path.strip_prefix('/').and_then(|p| p.split_once('/')) else {
            return Err(not_found());
        };
        if !matches!(version, "v4" | "v4beta") {
            return Err(not_found());
        }
        match routes::find(&[&routes::linode::ENDPOINTS], method, &segments(rest)) {
            // Share groups are a beta feature: `v4` does not know them.
            Found::Route(e, _) | Found::WrongMethod(e) if !e.serves(version) => Err(not_found()),
            Found::Route(e, params) => Ok(Route::to(e.operation, params)),
            Found::WrongMethod(_) => Err(linode_error(405, None, "Method Not Allowed")),
            Found::Nothing => Err(not_found()),
        }
    }

    fn check(&self, call: &Call<'_>) -> Option<Reply> {
        let anonymous_ok = matches!(
            call.operation,
            Some(ops::GetImages::OPERATION_ID | ops::GetImage::OPERATION_ID | STORAGE_OP)
        );
        match call.token {
            _ if call.operation == Some(STORAGE_OP) => None,
            Token::Valid => None,
            Token::None if anonymous_ok => None,
            Token::None | Token::Invalid => Some(linode_error(401, None, "Invalid Token")),
        }
    }

    fn handle(&self, call: &Call<'_>) -> Reply {
        let mut state = lock(&self.state);
        state.prune(call.now_ms);
        match call.operation {
            Some(ops::GetImages::OPERATION_ID) => list(&state, call),
            Some(ops::GetImage::OPERATION_ID) => get(&state, call),
            Some(ops::PostImage::OPERATION_ID) => self.capture(&mut state, call),
            Some(ops::PostUploadImage::OPERATION_ID) => self.create_upload(&mut state, call),
            Some(ops::PutImage::OPERATION_ID) => update(&mut state, call),
            Some(ops::DeleteImage::OPERATION_ID) => delete(&mut state, call),
            Some(ops::PostReplicateImage::OPERATION_ID) => replicate(&mut state, call),
            Some(op) => self.share(&mut state, op, call),
            None => not_found(),
        }
    }

    fn stream(&self, call: &Call<'_>, body: &mut dyn std::io::Read) -> Reply {
        storage::put(self, call, body)
    }

    fn error(&self, call: &Call<'_>, status: u16, message: &str) -> Reply {
        if call.operation == Some(STORAGE_OP) {
            return storage::s3_error(status, storage::code(status), message);
        }
        linode_error(status, None, message)
    }

    fn finish(&self, _call: &Call<'_>, _reply: &mut Reply) {}
}

/// The path's segments after the version (`images/private%2F123/regions`), decoded; a
/// trailing slash is ignored. Linode's own examples send image ids with a bare slash
/// (`/v4/images/linode/debian12`): a `linode`, `private` or `shared` segment and the next
/// are one id.
fn segments(rest: &str) -> Vec<String> {
    let raw: Vec<&str> = rest.strip_suffix('/').unwrap_or(rest).split('/').collect();
    let mut segments = Vec::with_capacity(raw.len());
    let mut i = 0;
    while let Some(&segment) = raw.get(i) {
        match raw.get(i + 1) {
            Some(next) if i > 0 && ID_PREFIXES.contains(&segment) => {
                segments.push(format!("{segment}/{}", percent_decode(next)));
                i += 2;
            }
            _ => {
                segments.push(percent_decode(segment));
                i += 1;
            }
        }
    }
    segments
}

/// `GET /images`: public images, and the account's with a token; `X-Filter`; `page` and
/// `page_size` (25 to 500, default 100).
fn list(state: &State, call: &Call<'_>) -> Reply {
    let images = state.visible(call.now_ms, call.token == Token::Valid);
    page_of(call, images, &FILTERABLE, "images")
}

/// One page of `items`, as Linode's lists answer: `page` (from 1) and `page_size` (25 to 500,
/// default 100) from the query, `X-Filter` on `fields`, and `{data, page, pages, results}`.
pub(crate) fn page_of(call: &Call<'_>, items: Vec<Value>, fields: &[&str], what: &str) -> Reply {
    let page = match call.head.query("page").map(str::parse::<u64>) {
        None => 1,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => return linode_error(400, Some("page"), "Must be an integer greater than 0"),
    };
    let page_size = match call.head.query("page_size").map(str::parse::<u64>) {
        None => 100,
        Some(Ok(n)) if (25..=500).contains(&n) => n,
        Some(_) => return linode_error(400, Some("page_size"), "Must be 25-500"),
    };
    let filter = match call.head.header("x-filter").map(|h| XFilter::parse_on(h, fields)) {
        None => None,
        Some(Ok(filter)) => Some(filter),
        Some(Err(reason)) => return linode_error(400, Some("X-Filter"), &reason),
    };
    let mut items = items;
    if let Some(filter) = filter {
        items = filter.apply(items);
    }
    let results = items.len() as u64;
    let (data, pages) = core::page(items, page, page_size);
    let note = format!("page {page} of {pages}: {} {what}", data.len());
    Reply::json(200, json!({"data": data, "page": page, "pages": pages, "results": results}), note)
}

/// `GET /images/{id}`.
fn get(state: &State, call: &Call<'_>) -> Reply {
    let id = call.param(0);
    if let Some(image) = state.public(id) {
        let label = image.get("label").and_then(Value::as_str).unwrap_or_default();
        return Reply::json(200, image.clone(), format!("{label} available"));
    }
    match state.own(id) {
        Some(own) if call.token == Token::Valid => Reply::json(
            200,
            own.to_json(call.now_ms, &state.timings),
            own.summary(call.now_ms, &state.timings),
        ),
        _ => not_found(),
    }
}

/// The writable fields of a create, upload or update body, checked as Linode does.
struct Fields {
    label: Option<String>,
    /// `Some(None)`: set to `null`.
    description: Option<Option<String>>,
    tags: Option<Vec<String>>,
    cloud_init: Option<bool>,
}

fn fields(body: &Value) -> Result<Fields, Reply> {
    let Some(body) = body.as_object() else {
        return Err(linode_error(400, None, "The request body must be a JSON object"));
    };
    let label = match body.get("label") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() && s.chars().count() <= 100 => {
            Some(s.trim().to_string())
        }
        Some(_) => return Err(linode_error(400, Some("label"), "Label must be 1-100 characters")),
    };
    let description = match body.get("description") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(Value::String(s)) if (1..=65_000).contains(&s.chars().count()) => Some(Some(s.clone())),
        Some(_) => return Err(linode_error(400, Some("description"), "Length must be 1-65000 characters")),
    };
    let tags = match body.get("tags") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => {
            let tags: Vec<String> = items.iter().filter_map(Value::as_str).map(str::to_string).collect();
            if tags.len() != items.len() || tags.len() > 500 {
                return Err(linode_error(400, Some("tags"), "Must be a list of at most 500 tags"));
            }
            if tags.iter().any(|t| !(3..=100).contains(&t.chars().count())) {
                return Err(linode_error(400, Some("tags"), "Length must be 3-100 characters"));
            }
            Some(tags)
        }
        Some(_) => return Err(linode_error(400, Some("tags"), "Must be a list of at most 500 tags")),
    };
    let cloud_init = match body.get("cloud_init") {
        None | Some(Value::Null) => None,
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => return Err(linode_error(400, Some("cloud_init"), "Must be a boolean")),
    };
    Ok(Fields { label, description, tags, cloud_init })
}

impl LinodeApi {
    fn new_image(
        &self,
        state: &mut State,
        label: String,
        fields: Fields,
        source: Source,
        region: &str,
        now: u64,
    ) -> Own {
        let n = state.next_id;
        state.next_id += 1;
        Own {
            id: format!("private/{n}"),
            label,
            description: fields.description.flatten(),
            tags: fields.tags.unwrap_or_default(),
            cloud_init: fields.cloud_init.unwrap_or(false),
            kind: "manual",
            created_ms: now,
            updated_ms: Some(now),
            created_by: Some(self.username.clone()),
            expiry_ms: None,
            source,
            replicas: vec![Replica { region: region.to_string(), asked_ms: None, removed_ms: None }],
            shared_by: None,
            shared_in: 0,
            ever_shared: false,
        }
    }

    /// `POST /images`: captures a disk; `creating`, then `available`.
    fn capture(&self, state: &mut State, call: &Call<'_>) -> Reply {
        let fields = match fields(&call.json) {
            Ok(fields) => fields,
            Err(reply) => return reply,
        };
        let Some(disk_id) = call.json.get("disk_id") else {
            return linode_error(400, Some("disk_id"), "disk_id is required");
        };
        let Some(disk_id) = disk_id.as_u64() else {
            return linode_error(400, Some("disk_id"), "disk_id must be an integer");
        };
        let Some(disk) = state.disks.iter().find(|d| d.id == disk_id).cloned() else {
            return not_found();
        };
        let label = fields.label.clone().unwrap_or_else(|| disk.label.clone());
        let source = Source::Capture { started_ms: call.now_ms, size_mb: disk.size_mb };
        let image = self.new_image(state, label, fields, source, &disk.region, call.now_ms);
        let reply = Reply::json(
            200,
            image.to_json(call.now_ms, &state.timings),
            format!("{} creating from disk {disk_id}", image.id),
        );
        state.own.push(image);
        reply
    }

    /// `POST /images/upload`: an image waiting for its data, and where to `PUT` it.
    fn create_upload(&self, state: &mut State, call: &Call<'_>) -> Reply {
        let fields = match fields(&call.json) {
            Ok(fields) => fields,
            Err(reply) => return reply,
        };
        let Some(label) = fields.label.clone() else {
            return linode_error(400, Some("label"), "label is required");
        };
        let region = match call.json.get("region") {
            Some(Value::String(r)) if !r.is_empty() => r.clone(),
            _ => return linode_error(400, Some("region"), "region is required"),
        };
        if let Err(reply) = storage_region(&region, "region", "image uploads") {
            return reply;
        }
        let n = state.next_id;
        let key = format!("{BUCKET}/{region}/{n}");
        let signature = self.signature(&key);
        let source = Source::Upload { key: key.clone(), signature: signature.clone(), received: None };
        let image = self.new_image(state, label, fields, source, &region, call.now_ms);
        let stamp = timestamp(call.now_ms).replace(['-', ':'], "");
        let date = stamp.get(..8).unwrap_or_default();
        let upload_to = format!(
            "{}{STORAGE_PREFIX}{key}?X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=STANDIN%2F{date}%2F{region}%2Fs3%2Faws4_request&X-Amz-Date={stamp}Z\
             &X-Amz-Expires=86400&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature={signature}",
            self.base_url
        );
        let note = format!("{} pending_upload, upload_to on object storage", image.id);
        let body = json!({"image": image.to_json(call.now_ms, &state.timings), "upload_to": upload_to});
        state.own.push(image);
        Reply::json(200, body, note)
    }

    /// The upload URL's signature for `key`: 64 hex digits only this stand-in can make.
    pub(crate) fn signature(&self, key: &str) -> String {
        (0..4u64)
            .map(|i| {
                let mut h = DefaultHasher::new();
                h.write_u64(self.secret);
                h.write(key.as_bytes());
                h.write_u64(i);
                format!("{:016x}", h.finish())
            })
            .collect()
    }
}

/// Whether `region` has Object Storage; the answer when it does not.
fn storage_region(region: &str, field: &str, what: &str) -> Result<(), Reply> {
    if STORAGE_REGIONS.contains(&region) {
        Ok(())
    } else if OTHER_REGIONS.contains(&region) {
        Err(linode_error(400, Some(field), &format!("Region {region} does not support {what}")))
    } else {
        Err(linode_error(400, Some(field), &format!("Region {region} is not valid")))
    }
}

/// The account's image `id` that may be changed, or the answer.
fn own_mut<'a>(state: &'a mut State, id: &str) -> Result<&'a mut Own, Reply> {
    if state.public(id).is_some() {
        return Err(forbidden());
    }
    state.own_mut(id).ok_or_else(not_found)
}

/// `PUT /images/{id}`: label, description, tags (the rest of the body is read-only).
fn update(state: &mut State, call: &Call<'_>) -> Reply {
    let fields = match fields(&call.json) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let timings = state.timings;
    let image = match own_mut(state, call.param(0)) {
        Ok(image) if image.kind == "shared" => return forbidden(),
        Ok(image) => image,
        Err(reply) => return reply,
    };
    let mut changed = Vec::new();
    if let Some(label) = fields.label {
        changed.push(format!("label {label:?}"));
        image.label = label;
    }
    if let Some(description) = fields.description {
        image.description = description;
        changed.push("description".to_string());
    }
    if let Some(tags) = fields.tags {
        changed.push(format!("tags [{}]", tags.join(", ")));
        image.tags = tags;
    }
    image.updated_ms = Some(call.now_ms);
    let note = if changed.is_empty() {
        "updated nothing".to_string()
    } else {
        format!("updated {}", changed.join(", "))
    };
    Reply::json(200, image.to_json(call.now_ms, &timings), note)
}

/// `DELETE /images/{id}`: `200 {}`, as Linode answers (not 204).
fn delete(state: &mut State, call: &Call<'_>) -> Reply {
    let id = call.param(0).to_string();
    if let Err(reply) = own_mut(state, &id) {
        return reply;
    }
    state.own.retain(|i| i.id != id);
    Reply::json(200, Value::Object(Map::new()), "deleted")
}

/// `POST /images/{id}/regions`: the complete list of regions. New ones replicate; left-out
/// ones are `pending deletion`, then gone.
fn replicate(state: &mut State, call: &Call<'_>) -> Reply {
    let timings = state.timings;
    let image = match own_mut(state, call.param(0)) {
        Ok(image) if image.kind == "shared" => return forbidden(),
        Ok(image) => image,
        Err(reply) => return reply,
    };
    let regions: Vec<String> = match call.json.get("regions") {
        Some(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_string) => {
            let mut regions: Vec<String> = Vec::new();
            for region in items.iter().filter_map(Value::as_str) {
                if !regions.iter().any(|r| r == region) {
                    regions.push(region.to_string());
                }
            }
            regions
        }
        Some(Value::Array(items)) if items.is_empty() => {
            return linode_error(400, Some("regions"), "At least one region is required");
        }
        _ => return linode_error(400, Some("regions"), "regions must be a list of region ids"),
    };
    if !image.available(call.now_ms, &timings) {
        return linode_error(400, None, "Image must be available to be replicated");
    }
    for region in &regions {
        if let Err(reply) = storage_region(region, "regions", "Object Storage") {
            return reply;
        }
    }
    let now = call.now_ms;
    let old = std::mem::take(&mut image.replicas);
    let (mut removed, live): (Vec<Replica>, Vec<Replica>) =
        old.into_iter().partition(|r| r.removed_ms.is_some());
    let mut replicas: Vec<Replica> = Vec::new();
    let mut live = live;
    for region in &regions {
        match live.iter().position(|r| &r.region == region) {
            Some(i) => replicas.push(live.remove(i)),
            None => {
                removed.retain(|r| &r.region != region);
                replicas.push(Replica { region: region.clone(), asked_ms: Some(now), removed_ms: None });
            }
        }
    }
    for mut dropped in live {
        dropped.removed_ms = Some(now);
        removed.push(dropped);
    }
    replicas.extend(removed);
    image.replicas = replicas;
    Reply::json(200, image.to_json(now, &timings), format!("regions {}", regions.join(", ")))
}
