//! The DigitalOcean Images API (v2) as the stand-in answers it: routes, tokens, validation in
//! DigitalOcean's error format (`{"id", "message", "request_id"}`), rate-limit headers on every
//! answer, and each operation.

use std::sync::Mutex;

use serde_json::{Map, Value, json};

use super::seed::{DISTRIBUTIONS, REGIONS};
use super::state::{Action, Import, Own, State, Transfer};
use crate::Operation;
use crate::digitalocean::ops;
use crate::testing::core::{self, Api, Body, Call, Reply, Route};
use crate::testing::lock;
use crate::testing::requests::Token;
use crate::testing::routes::{self, Endpoint, Found};
use crate::testing::server::percent_decode;

/// Import URLs with these endings are accepted, then fail (`deleted`, with an
/// `error_message`): DigitalOcean imports raw, qcow2, vhdx, vdi and vmdk images only.
const UNSUPPORTED: [&str; 7] = [".iso", ".zip", ".xz", ".7z", ".tar", ".txt", ".html"];

/// Every operation of the DigitalOcean stand-in: the API's images, image actions and account
/// transfers (as `build.rs` lists them). The router's table, and what `inject` accepts.
#[cfg(not(feature = "spaces"))]
pub(crate) static OPERATIONS: [&[Endpoint]; 1] = [&routes::digitalocean::ENDPOINTS];
/// Every operation of the DigitalOcean stand-in: the API's (as `build.rs` lists them), then its
/// Spaces side's. The router's table, and what `inject` accepts.
#[cfg(feature = "spaces")]
pub(crate) static OPERATIONS: [&[Endpoint]; 2] =
    [&routes::digitalocean::ENDPOINTS, &super::spaces::ENDPOINTS];

/// The API and the state behind it. Public in a private module, as the kit's sealed traits name it: users cannot.
pub struct DigitalOceanApi {
    pub(crate) state: Mutex<State>,
    /// The stand-in's own URL (pagination links point back at it).
    pub(crate) base_url: String,
    /// The Spaces side (feature `spaces`).
    #[cfg(feature = "spaces")]
    pub(crate) spaces: super::spaces::Spaces,
}

/// Whether a call is one of the Spaces side's.
fn is_spaces(call: &Call<'_>) -> bool {
    #[cfg(feature = "spaces")]
    return matches!(
        call.operation,
        Some(
            crate::testing::On::SPACES_PUT_OBJECT
                | crate::testing::On::SPACES_GET_OBJECT
                | crate::testing::On::SPACES_DELETE_OBJECT
        )
    );
    #[cfg(not(feature = "spaces"))]
    {
        let _ = call;
        false
    }
}

/// `{"id": .., "message": ..}` (the request id is added when the answer is finished).
pub(crate) fn do_error(status: u16, id: &str, message: &str) -> Reply {
    Reply::json(status, json!({"id": id, "message": message}), message.to_string())
}

/// The error id and usual message of a status.
fn error_id(status: u16) -> (&'static str, Option<&'static str>) {
    match status {
        400 => ("bad_request", None),
        401 => ("unauthorized", Some("Unable to authenticate you")),
        403 => ("forbidden", Some("You do not have access for the attempted action.")),
        404 => ("not_found", Some("The resource you were accessing could not be found.")),
        422 => ("unprocessable_entity", None),
        429 => ("too_many_requests", Some("API rate limit exceeded.")),
        500 => ("server_error", Some("Unexpected server-side error")),
        503 => ("service_unavailable", Some("The service is temporarily unavailable.")),
        _ => ("error", None),
    }
}

fn error(status: u16, message: &str) -> Reply {
    let (id, usual) = error_id(status);
    do_error(status, id, usual.unwrap_or(message))
}

fn not_found() -> Reply {
    error(404, "")
}

fn unprocessable(message: &str) -> Reply {
    do_error(422, "unprocessable_entity", message)
}

impl Api for DigitalOceanApi {
    const NAME: &'static str = "the DigitalOcean stand-in";
    const OPERATIONS: &'static [&'static [Endpoint]] = &OPERATIONS;

    fn route(&self, method: &str, path: &str) -> Result<Route, Reply> {
        #[cfg(feature = "spaces")]
        if let Some(rest) = path.strip_prefix(super::spaces::PREFIX) {
            return super::spaces::route(method, rest);
        }
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(percent_decode).collect();
        match routes::find(&OPERATIONS, method, &segments) {
            Found::Route(e, params) => Ok(Route::to(e.operation, params)),
            Found::WrongMethod(_) => Err(do_error(405, "method_not_allowed", "Method Not Allowed")),
            Found::Nothing => Err(not_found()),
        }
    }

    fn check(&self, call: &Call<'_>) -> Option<Reply> {
        if is_spaces(call) {
            return None; // a pre-signed request: checked by the Spaces side
        }
        if call.token != Token::Valid {
            return Some(error(401, ""));
        }
        let mut state = lock(&self.state);
        state.rate.exhausted(call.now_ms).then(|| error(429, ""))
    }

    fn handle(&self, call: &Call<'_>) -> Reply {
        #[cfg(feature = "spaces")]
        if is_spaces(call) {
            return self.spaces.handle(call);
        }
        let mut state = lock(&self.state);
        match call.operation {
            Some(ops::ImagesList::OPERATION_ID) => self.list(&state, call),
            Some(ops::ImagesCreateCustom::OPERATION_ID) => {
                import(&mut state, call, &|url| self.download(url, call))
            }
            Some(ops::ImagesGet::OPERATION_ID) => get(&state, call),
            Some(ops::ImagesUpdate::OPERATION_ID) => update(&mut state, call),
            Some(ops::ImagesDelete::OPERATION_ID) => delete(&mut state, call),
            Some(ops::ImageActionsList::OPERATION_ID) => self.list_actions(&state, call),
            Some(ops::ImageActionsPost::OPERATION_ID) => start_action(&mut state, call),
            Some(ops::ImageActionsGet::OPERATION_ID) => get_action(&state, call),
            Some(ops::ImagesPostAccountTransferCreate::OPERATION_ID) => offer(&mut state, call),
            Some(
                op @ (ops::ImagesPostAccountTransferAccept::OPERATION_ID
                | ops::ImagesPostAccountTransferCancel::OPERATION_ID
                | ops::ImagesPostAccountTransferDecline::OPERATION_ID),
            ) => answer_transfer(&mut state, call, op),
            _ => not_found(),
        }
    }

    #[cfg(feature = "spaces")]
    fn stream(&self, call: &Call<'_>, body: &mut dyn std::io::Read) -> Reply {
        self.spaces.put(call, body)
    }

    fn error(&self, call: &Call<'_>, status: u16, message: &str) -> Reply {
        #[cfg(feature = "spaces")]
        if is_spaces(call) {
            return super::spaces::s3_error(status, super::spaces::code(status), message);
        }
        let _ = call;
        error(status, message)
    }

    /// Every answer counts against the hourly limit and carries `ratelimit-*` and
    /// `x-request-id`; an error body names the request id too.
    fn finish(&self, call: &Call<'_>, reply: &mut Reply) {
        if is_spaces(call) {
            return; // Spaces answers carry no API rate-limit headers, and do not count
        }
        let mut state = lock(&self.state);
        // A request refused for the limit does not count against it.
        if !(reply.status == 429 && state.rate.exhausted(call.now_ms)) {
            state.rate.hit(call.now_ms);
        }
        state.answered += 1;
        let request_id = format!("7d6c2e1a-5f0b-4c1e-9a3b-{:012x}", state.answered);
        reply.headers.push(("ratelimit-limit".into(), state.rate.limit.to_string()));
        reply.headers.push(("ratelimit-remaining".into(), state.rate.remaining().to_string()));
        reply.headers.push(("ratelimit-reset".into(), state.rate.reset(call.now_ms).to_string()));
        reply.headers.push(("x-request-id".into(), request_id.clone()));
        if reply.status >= 400
            && let Body::Json(Value::Object(body)) = &mut reply.body
            && body.contains_key("id")
        {
            body.insert("request_id".into(), Value::String(request_id));
        }
    }
}

/// `per_page` (1 to 200, default 20) and `page` (from 1), or the answer refusing them.
fn paging(call: &Call<'_>) -> Result<(u64, u64), Reply> {
    let per_page = match call.head.query("per_page").map(str::parse::<u64>) {
        None => 20,
        Some(Ok(n)) if (1..=200).contains(&n) => n,
        Some(_) => return Err(do_error(400, "bad_request", "per_page must be an integer between 1 and 200")),
    };
    let page = match call.head.query("page").map(str::parse::<u64>) {
        None => 1,
        Some(Ok(n)) if n >= 1 => n,
        Some(_) => return Err(do_error(400, "bad_request", "page must be an integer greater than 0")),
    };
    Ok((per_page, page))
}

impl DigitalOceanApi {
    /// What an import finds at `url` on the stand-in's own Spaces: `None` for any other URL,
    /// else a note of what was read, or why reading it failed.
    fn download(&self, url: &str, call: &Call<'_>) -> Option<Result<String, String>> {
        #[cfg(feature = "spaces")]
        return self.spaces.download(url, call.now_ms).map(|read| {
            read.map(|o| format!("read {}/{} ({} bytes, sha256 {})", o.bucket, o.key, o.len, o.sha256_hex()))
        });
        #[cfg(not(feature = "spaces"))]
        {
            let _ = (url, call);
            None
        }
    }

    /// One page of `items` under `key`, with `links.pages` (absolute URLs back to the
    /// stand-in, the request's other parameters kept) and `meta.total`.
    fn page(
        &self,
        call: &Call<'_>,
        key: &str,
        items: Vec<Value>,
        per_page: u64,
        page: u64,
    ) -> (Value, String) {
        let total = items.len() as u64;
        let (items, last) = core::page(items, page, per_page);
        let link = |n: u64| {
            let mut pairs: Vec<String> = call
                .head
                .query
                .iter()
                .filter(|(k, _)| k != "page")
                .map(|(k, v)| format!("{}={}", crate::encode::component(k), crate::encode::component(v)))
                .collect();
            pairs.push(format!("page={n}"));
            format!("{}{}?{}", self.base_url, call.head.path, pairs.join("&"))
        };
        let mut pages = Map::new();
        if page > 1 {
            pages.insert("first".into(), json!(link(1)));
            pages.insert("prev".into(), json!(link((page - 1).min(last))));
        }
        if page < last {
            pages.insert("next".into(), json!(link(page + 1)));
            pages.insert("last".into(), json!(link(last)));
        }
        let note = match pages.get("next") {
            Some(_) => format!("{} {key} of {total}, links.pages.next → page {}", items.len(), page + 1),
            None => format!("{} {key} of {total}, no next link", items.len()),
        };
        let links = if pages.is_empty() { json!({}) } else { json!({"pages": pages}) };
        (json!({key: items, "links": links, "meta": {"total": total}}), note)
    }

    /// `GET /v2/images`: `type` (`distribution` or `application`), `private=true`, `tag_name`,
    /// `per_page`, `page`.
    fn list(&self, state: &State, call: &Call<'_>) -> Reply {
        let (per_page, page) = match paging(call) {
            Ok(paging) => paging,
            Err(reply) => return reply,
        };
        let now = call.now_ms;
        let own = || state.own.iter().map(|i| state.image_json(i, now));
        let private = call.head.query("private") == Some("true");
        let mut images: Vec<Value> = match call.head.query("type") {
            Some("distribution") if !private => state.distributions.clone(),
            Some("application") if !private => state.applications.clone(),
            Some("distribution" | "application") => Vec::new(),
            Some(other) => {
                return do_error(
                    400,
                    "bad_request",
                    &format!("type must be distribution or application, not {other:?}"),
                );
            }
            None if private => own().collect(),
            None => state.distributions.iter().chain(&state.applications).cloned().chain(own()).collect(),
        };
        if let Some(tag) = call.head.query("tag_name") {
            images.retain(|i| {
                i.get("tags").and_then(Value::as_array).is_some_and(|t| t.iter().any(|t| t == tag))
            });
        }
        let (body, note) = self.page(call, "images", images, per_page, page);
        Reply::json(200, body, note)
    }

    /// `GET /v2/images/{id}/actions`.
    fn list_actions(&self, state: &State, call: &Call<'_>) -> Reply {
        let (per_page, page) = match paging(call) {
            Ok(paging) => paging,
            Err(reply) => return reply,
        };
        let key = call.param(0);
        let actions: Vec<Value> = match key.parse::<u64>().ok().and_then(|id| state.own(id)) {
            Some(image) => state
                .actions
                .iter()
                .filter(|a| a.image == image.id)
                .map(|a| a.to_json(call.now_ms, &state.timings))
                .collect(),
            None if state.public(key).is_some() => Vec::new(),
            None => return not_found(),
        };
        let (body, note) = self.page(call, "actions", actions, per_page, page);
        Reply::json(200, body, note)
    }
}

/// The account's image named by the path, or the answer: 403 for a public image, 404 else.
fn own_id(state: &State, call: &Call<'_>) -> Result<u64, Reply> {
    let key = call.param(0);
    match key.parse::<u64>().ok().filter(|id| state.own(*id).is_some()) {
        Some(id) => Ok(id),
        None if state.public(key).is_some() => Err(error(403, "")),
        None => Err(not_found()),
    }
}

/// `GET /v2/images/{id or slug}`.
fn get(state: &State, call: &Call<'_>) -> Reply {
    let key = call.param(0);
    if let Some(image) = state.public(key) {
        let text = |k: &str| image.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        let note = format!("{} {}", text("distribution"), text("name"));
        return Reply::json(200, json!({"image": image}), note);
    }
    let Some(image) = key.parse::<u64>().ok().and_then(|id| state.own(id)) else {
        return not_found();
    };
    let json = state.image_json(image, call.now_ms);
    let regions = state.regions(image, call.now_ms);
    let mut note = state.status(image, call.now_ms).to_string();
    if !regions.is_empty() {
        note = format!("{note} in {}", regions.join(", "));
    }
    Reply::json(200, json!({"image": json}), note)
}

/// A string field of the body: `Ok(None)` when missing, an error when not a string.
fn text(body: &Value, name: &str) -> Result<Option<String>, Reply> {
    match body.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(_) => Err(unprocessable(&format!("{name} must be a string"))),
    }
}

/// A distribution as DigitalOcean keeps it: an unknown one becomes `Unknown`.
fn distribution(value: Option<String>) -> String {
    match value {
        Some(d) if DISTRIBUTIONS.contains(&d.as_str()) => d,
        _ => "Unknown".to_string(),
    }
}

/// `POST /v2/images`: a custom image import; answered at once with 202 and status `NEW`.
/// `download` reads the URL when it is the stand-in's own Spaces (see
/// [`DigitalOceanApi::download`]): a failed read fails the import (`deleted`, with an
/// `error_message`), as DigitalOcean does with a URL it cannot download.
fn import(
    state: &mut State,
    call: &Call<'_>,
    download: &dyn Fn(&str) -> Option<Result<String, String>>,
) -> Reply {
    let body = &call.json;
    if !body.is_object() {
        return unprocessable("The request body must be a JSON object");
    }
    let fields = (text(body, "name"), text(body, "url"), text(body, "region"), text(body, "description"));
    let (name, url, region, description) = match fields {
        (Ok(n), Ok(u), Ok(r), Ok(d)) => (n, u, r, d),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => return e,
    };
    let (Some(name), Some(url), Some(region)) = (name.filter(|s| !s.is_empty()), url, region) else {
        return unprocessable("name, url and region are required");
    };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return unprocessable("url must be an http or https URL");
    }
    if !REGIONS.contains(&region.as_str()) {
        return unprocessable(&format!("region {region} is not available"));
    }
    let tags: Vec<String> = match body.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) if items.iter().all(Value::is_string) => {
            items.iter().filter_map(Value::as_str).map(str::to_string).collect()
        }
        Some(_) => return unprocessable("tags must be a list of strings"),
    };
    let path = url.split(['?', '#']).next().unwrap_or_default().to_ascii_lowercase();
    let error = UNSUPPORTED
        .iter()
        .find(|ext| path.ends_with(*ext))
        .map(|ext| format!("Unsupported image format: {ext} files cannot be imported"));
    let (error, read) = match download(&url) {
        None => (error, String::new()),
        Some(Ok(read)) => (error, format!("; {read}")),
        Some(Err(why)) => (error.or(Some(why.clone())), format!("; the download will fail: {why}")),
    };
    let id = state.next_image;
    state.next_image += 1;
    let image = Own {
        id,
        name,
        description: description.unwrap_or_default(),
        distribution: distribution(text(body, "distribution").ok().flatten()),
        region,
        tags,
        created_ms: call.now_ms,
        kind: "custom",
        import: Some(Import { started_ms: call.now_ms, error }),
        min_disk_size: 1,
        size_gigabytes: 0.07,
    };
    let json = state.image_json(&image, call.now_ms);
    state.own.push(image);
    Reply::json(202, json!({"image": json}), format!("accepted: image {id}, status NEW{read}"))
}

/// `PUT /v2/images/{id}`: name, description, distribution.
fn update(state: &mut State, call: &Call<'_>) -> Reply {
    let id = match own_id(state, call) {
        Ok(id) => id,
        Err(reply) => return reply,
    };
    let body = &call.json;
    if !body.is_object() {
        return unprocessable("The request body must be a JSON object");
    }
    let (name, description) = match (text(body, "name"), text(body, "description")) {
        (Ok(n), Ok(d)) => (n, d),
        (Err(e), _) | (_, Err(e)) => return e,
    };
    if name.as_deref() == Some("") {
        return unprocessable("name must not be empty");
    }
    let distribution_given = body.get("distribution").is_some_and(|d| !d.is_null());
    let new_distribution = distribution(text(body, "distribution").ok().flatten());
    let Some(image) = state.own.iter_mut().find(|i| i.id == id) else { return not_found() };
    let mut changed = Vec::new();
    if let Some(name) = name {
        changed.push(format!("name {name:?}"));
        image.name = name;
    }
    if let Some(description) = description {
        image.description = description;
        changed.push("description".into());
    }
    if distribution_given {
        changed.push(format!("distribution {new_distribution}"));
        image.distribution = new_distribution;
    }
    let json = state.own(id).map(|i| state.image_json(i, call.now_ms)).unwrap_or_default();
    let note = if changed.is_empty() {
        "updated nothing".to_string()
    } else {
        format!("updated {}", changed.join(", "))
    };
    Reply::json(200, json!({"image": json}), note)
}

/// `DELETE /v2/images/{id}`: 204, no body; its actions go with it.
fn delete(state: &mut State, call: &Call<'_>) -> Reply {
    let id = match own_id(state, call) {
        Ok(id) => id,
        Err(reply) => return reply,
    };
    state.own.retain(|i| i.id != id);
    state.actions.retain(|a| a.image != id);
    Reply::empty(204, "no content: deleted")
}

/// `POST /v2/images/{id}/actions`: `{"type": "transfer", "region": ..}` or `{"type": "convert"}`.
fn start_action(state: &mut State, call: &Call<'_>) -> Reply {
    let id = match own_id(state, call) {
        Ok(id) => id,
        Err(reply) if reply.status == 403 => return not_found(),
        Err(reply) => return reply,
    };
    let now = call.now_ms;
    let Some(image) = state.own(id) else { return not_found() };
    if state.status(image, now) != "available" {
        return unprocessable("The image is not available yet");
    }
    let busy = state.actions.iter().any(|a| a.image == id && !a.done(now, &state.timings));
    if busy {
        return unprocessable("The image already has an action in progress");
    }
    let (kind, region) = match (call.json.get("type").and_then(Value::as_str), call.json.get("region")) {
        (Some("transfer"), Some(Value::String(region))) if REGIONS.contains(&region.as_str()) => {
            if state.regions(image, now).contains(region) {
                return unprocessable(&format!("The image is already in {region}"));
            }
            ("transfer", region.clone())
        }
        (Some("transfer"), _) => return unprocessable("A transfer needs a valid region"),
        (Some("convert"), _) if state.kind(image, now) == "snapshot" => {
            return unprocessable("The image is already a snapshot");
        }
        (Some("convert"), _) => ("convert", image.region.clone()),
        _ => return unprocessable("type must be transfer or convert"),
    };
    let label = format!("{id} ({})", image.name);
    let action = Action { id: state.next_action, image: id, kind, region, started_ms: now };
    state.next_action += 7;
    let note = format!("{kind} action {} on image {label}: in-progress", action.id);
    let json = action.to_json(now, &state.timings);
    state.actions.push(action);
    Reply::json(201, json!({"action": json}), note)
}

/// `GET /v2/images/{id}/actions/{action_id}`.
fn get_action(state: &State, call: &Call<'_>) -> Reply {
    let image = call.param(0).parse::<u64>().ok();
    let action = call.param(1).parse::<u64>().ok();
    match state.actions.iter().find(|a| Some(a.id) == action && Some(a.image) == image) {
        Some(action) => {
            let json = action.to_json(call.now_ms, &state.timings);
            let note = json.get("status").and_then(Value::as_str).unwrap_or_default().to_string();
            Reply::json(200, json!({"action": json}), note)
        }
        None => not_found(),
    }
}

/// `POST /v2/images/{id}/account_transfer`: offers a snapshot to exactly one recipient.
fn offer(state: &mut State, call: &Call<'_>) -> Reply {
    let id = match own_id(state, call) {
        Ok(id) => id,
        Err(reply) if reply.status == 403 => return not_found(),
        Err(reply) => return reply,
    };
    let Some(image) = state.own(id) else { return not_found() };
    if state.kind(image, call.now_ms) != "snapshot" {
        return do_error(400, "bad_request", "Only snapshots can be transferred to another account.");
    }
    let recipient = match (text(&call.json, "recipient_email"), text(&call.json, "recipient_uuid")) {
        (Ok(Some(email)), Ok(None)) if email.contains('@') => format!("account {email}"),
        (Ok(None), Ok(Some(uuid))) if uuid.len() == 36 => format!("team {uuid}"),
        (Err(e), _) | (_, Err(e)) => return e,
        _ => return do_error(400, "bad_request", "Give exactly one of recipient_email and recipient_uuid."),
    };
    let transfer = state.next_transfer;
    state.next_transfer += 1;
    let note = format!("transfer {transfer} of image {id} to {recipient}: pending");
    state.transfers.push(Transfer { id: transfer, image: id, recipient });
    Reply::json(201, json!({"transfer_id": transfer}), note)
}

/// `POST /v2/images/{id}/account_transfer/{accept,cancel,decline}`: ends a pending transfer;
/// an accepted image leaves the account, with its actions.
fn answer_transfer(state: &mut State, call: &Call<'_>, op: &str) -> Reply {
    let image = call.param(0).parse::<u64>().ok();
    let Some(transfer) = call.json.get("transfer_id").and_then(Value::as_u64) else {
        return do_error(400, "bad_request", "transfer_id is required");
    };
    let Some(at) = state.transfers.iter().position(|t| t.id == transfer && Some(t.image) == image) else {
        return do_error(400, "bad_request", "There is no pending transfer with this id for this image.");
    };
    let accept = op == ops::ImagesPostAccountTransferAccept::OPERATION_ID;
    if accept && text(&call.json, "recipient_uuid").ok().flatten().is_none_or(|u| u.len() != 36) {
        return do_error(400, "bad_request", "recipient_uuid is required");
    }
    let done = state.transfers.remove(at);
    if accept {
        // The image leaves the account, and its actions with it (as when it is deleted).
        state.own.retain(|i| i.id != done.image);
        state.actions.retain(|a| a.image != done.image);
        return Reply::empty(
            201,
            format!("transfer {transfer} accepted: image {} left the account", done.image),
        );
    }
    let verb =
        if op == ops::ImagesPostAccountTransferCancel::OPERATION_ID { "withdrawn" } else { "declined" };
    Reply::empty(204, format!("transfer {transfer} to {} {verb}", done.recipient))
}
