//! A stand-in for the DigitalOcean Images API (v2) on a local httpmock server. It keeps its
//! images and actions in memory and moves them along with the clock: an import is `NEW`, then
//! `pending`, then `available` about 1.5 s later; an image action is `in-progress` for about
//! 1 s, then `completed`. Every answer carries `ratelimit-*` headers and an `x-request-id`.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::stand_in::{
    Journal, Reply, answer, body_json, has_token, lock, path_and_query, query, segments, timestamp_z,
    unix_now,
};

const IMPORT_NEW: Duration = Duration::from_millis(500);
const IMPORT_PENDING: Duration = Duration::from_millis(1500);
const ACTION_RUNNING: Duration = Duration::from_millis(1000);
const RATE_LIMIT: u64 = 5000;
const REGIONS: [&str; 13] =
    ["ams3", "blr1", "fra1", "lon1", "nyc1", "nyc2", "nyc3", "sfo2", "sfo3", "sgp1", "syd1", "tor1", "atl1"];

pub struct DigitalOceanStandIn {
    server: MockServer,
    pub journal: Journal,
}

struct State {
    distributions: Vec<Value>,
    custom: BTreeMap<u64, Custom>,
    actions: BTreeMap<u64, Action>,
    next_image: u64,
    next_action: u64,
    requests: u64,
    /// When the oldest request of the window stops counting (Unix time).
    reset: u64,
}

struct Custom {
    id: u64,
    name: String,
    description: String,
    distribution: String,
    region: String,
    tags: Vec<String>,
    created: u64,
    imported: Instant,
}

struct Action {
    id: u64,
    image: u64,
    kind: String,
    region: String,
    started: Instant,
    started_unix: u64,
}

impl Action {
    fn done(&self, now: Instant) -> bool {
        now.duration_since(self.started) >= ACTION_RUNNING
    }

    fn to_json(&self, now: Instant) -> Value {
        let done = self.done(now);
        let completed = done.then(|| timestamp_z(self.started_unix + 1));
        json!({
            "id": self.id,
            "status": if done { "completed" } else { "in-progress" },
            "type": self.kind,
            "started_at": timestamp_z(self.started_unix),
            "completed_at": completed,
            "resource_id": self.image,
            "resource_type": "image",
            "region": {"slug": self.region, "name": region_name(&self.region), "available": true,
                       "features": ["backups", "ipv6", "metadata", "image_transfer"]},
            "region_slug": self.region,
        })
    }
}

impl State {
    fn image_json(&self, image: &Custom, now: Instant) -> Value {
        let age = now.duration_since(image.imported);
        let status = if age < IMPORT_NEW {
            "NEW"
        } else if age < IMPORT_PENDING {
            "pending"
        } else {
            "available"
        };
        let mine = || self.actions.values().filter(|a| a.image == image.id && a.done(now));
        let mut regions = Vec::new();
        if status == "available" {
            regions.push(image.region.clone());
            regions.extend(mine().filter(|a| a.kind == "transfer").map(|a| a.region.clone()));
        }
        let converted = mine().any(|a| a.kind == "convert");
        let mut out = json!({
            "id": image.id,
            "name": image.name,
            "distribution": image.distribution,
            "slug": null,
            "public": false,
            "regions": regions,
            "created_at": timestamp_z(image.created),
            "type": if converted { "snapshot" } else { "custom" },
            "status": status,
            "error_message": "",
            "description": image.description,
            "tags": image.tags,
        });
        if status == "available" {
            out["min_disk_size"] = json!(1);
            out["size_gigabytes"] = json!(0.07);
        }
        out
    }

    fn action_note(&self, image: u64) -> String {
        match self.custom.get(&image) {
            Some(i) => format!("{} ({})", image, i.name),
            None => image.to_string(),
        }
    }
}

impl DigitalOceanStandIn {
    pub fn start() -> DigitalOceanStandIn {
        let server = MockServer::start();
        let journal = Journal::default();
        let state = Arc::new(Mutex::new(State {
            distributions: distributions(),
            custom: BTreeMap::new(),
            actions: BTreeMap::new(),
            next_image: 171_400_118,
            next_action: 2_391_560_007,
            requests: 0,
            reset: unix_now() + 60,
        }));
        type Handler = fn(&mut State, &HttpMockRequest, &str) -> Reply;
        let routes: [(Method, &str, Handler); 7] = [
            (GET, "^/v2/images$", list),
            (POST, "^/v2/images$", import),
            (GET, "^/v2/images/[^/]+$", get),
            (DELETE, "^/v2/images/[^/]+$", delete),
            (POST, "^/v2/images/[^/]+/actions$", start_action),
            (GET, "^/v2/images/[^/]+/actions/[^/]+$", get_action),
            (PUT, "^/v2/images/[^/]+$", update),
        ];
        let base = server.base_url();
        for (method, path, handler) in routes {
            let (state, journal, base) = (state.clone(), journal.clone(), base.clone());
            server.mock(|when, then| {
                when.method(method).path_matches(path);
                then.respond_with(move |req| {
                    let mut state = lock(&state);
                    let reply = if has_token(req) {
                        handler(&mut state, req, &base)
                    } else {
                        do_error(401, "unauthorized", "Unable to authenticate you")
                    };
                    state.requests += 1;
                    let headers = vec![
                        ("ratelimit-limit".to_string(), RATE_LIMIT.to_string()),
                        (
                            "ratelimit-remaining".to_string(),
                            RATE_LIMIT.saturating_sub(state.requests).to_string(),
                        ),
                        ("ratelimit-reset".to_string(), state.reset.to_string()),
                        ("x-request-id".to_string(), format!("7d6c2e1a-tour-{:04}", state.requests)),
                    ];
                    answer(&journal, req, path_and_query(req), reply, headers)
                });
            });
        }
        DigitalOceanStandIn { server, journal }
    }

    pub fn url(&self) -> String {
        self.server.base_url()
    }
}

fn do_error(status: u16, id: &str, message: &str) -> Reply {
    Reply::json(status, json!({"id": id, "message": message}), message.to_string())
}

fn not_found() -> Reply {
    do_error(404, "not_found", "The resource you were accessing could not be found.")
}

/// `GET /v2/images`: `type`, `private`, `tag_name`, `per_page` (1 to 200, default 20) and
/// `page`, with `links.pages` and `meta.total`.
fn list(state: &mut State, req: &HttpMockRequest, base: &str) -> Reply {
    let per_page: u64 = match query(req, "per_page").map(|p| p.parse::<u64>()) {
        None => 20,
        Some(Ok(n)) if (1..=200).contains(&n) => n,
        Some(_) => return do_error(400, "bad_request", "per_page must be between 1 and 200"),
    };
    let page: u64 = query(req, "page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let now = Instant::now();
    let customs: Vec<Value> = state.custom.values().map(|c| state.image_json(c, now)).collect();
    let mut images: Vec<Value> = match (query(req, "type").as_deref(), query(req, "private").as_deref()) {
        (Some("distribution"), _) => state.distributions.clone(),
        (Some(_), _) => Vec::new(),
        (None, Some("true")) => customs,
        (None, _) => state.distributions.iter().cloned().chain(customs).collect(),
    };
    if let Some(tag) = query(req, "tag_name") {
        images.retain(|i| i["tags"].as_array().is_some_and(|t| t.iter().any(|t| t == tag.as_str())));
    }
    let total = images.len() as u64;
    let last = total.div_ceil(per_page).max(1);
    let page_images: Vec<Value> =
        images.into_iter().skip(((page - 1) * per_page) as usize).take(per_page as usize).collect();
    let link = |n: u64| {
        let mut pairs: Vec<(String, String)> =
            req.query_params().into_iter().filter(|(k, _)| k != "page").collect();
        pairs.push(("page".to_string(), n.to_string()));
        let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("{base}/v2/images?{}", q.join("&"))
    };
    let mut pages = serde_json::Map::new();
    if page > 1 {
        pages.insert("first".into(), json!(link(1)));
        pages.insert("prev".into(), json!(link(page - 1)));
    }
    if page < last {
        pages.insert("next".into(), json!(link(page + 1)));
        pages.insert("last".into(), json!(link(last)));
    }
    let note = match pages.get("next") {
        Some(_) => format!("{} images of {total}, links.pages.next → page {}", page_images.len(), page + 1),
        None => format!("{} images of {total}, no next link", page_images.len()),
    };
    let mut body = json!({"images": page_images, "meta": {"total": total}});
    if !pages.is_empty() {
        body["links"] = json!({"pages": pages});
    }
    Reply::json(200, body, note)
}

/// `POST /v2/images`: a custom image import; answered at once with 202 and status `NEW`.
fn import(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let body = body_json(req);
    let field = |name: &str| body[name].as_str().unwrap_or_default().trim().to_string();
    let (name, url, region) = (field("name"), field("url"), field("region"));
    if name.is_empty() || url.is_empty() || region.is_empty() {
        return do_error(422, "unprocessable_entity", "name, url and region are required");
    }
    if !REGIONS.contains(&region.as_str()) {
        return do_error(422, "unprocessable_entity", &format!("region {region} is not available"));
    }
    let id = state.next_image;
    state.next_image += 1;
    let image = Custom {
        id,
        name,
        description: field("description"),
        distribution: match field("distribution") {
            d if d.is_empty() => "Unknown".to_string(),
            d => d,
        },
        region,
        tags: body["tags"]
            .as_array()
            .map(|t| t.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default(),
        created: unix_now(),
        imported: Instant::now(),
    };
    let json = state.image_json(&image, Instant::now());
    state.custom.insert(id, image);
    Reply::json(202, json!({"image": json}), format!("accepted: image {id}, status NEW"))
}

/// `GET /v2/images/{id or slug}`.
fn get(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let key = segments(req, "/v2/images/").join("/");
    if let Some(image) = state
        .distributions
        .iter()
        .find(|i| i["slug"] == key.as_str() || key.parse::<u64>().is_ok_and(|n| i["id"] == n))
    {
        let note = format!(
            "{} {}",
            image["distribution"].as_str().unwrap_or(""),
            image["name"].as_str().unwrap_or("")
        );
        return Reply::json(200, json!({"image": image}), note);
    }
    let Some(image) = key.parse::<u64>().ok().and_then(|id| state.custom.get(&id)) else {
        return not_found();
    };
    let json = state.image_json(image, Instant::now());
    let regions: Vec<&str> =
        json["regions"].as_array().map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
    let mut note = json["status"].as_str().unwrap_or_default().to_string();
    if !regions.is_empty() {
        note = format!("{note} in {}", regions.join(", "));
    }
    Reply::json(200, json!({"image": json}), note)
}

/// `PUT /v2/images/{id}`: name, description, distribution.
fn update(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v2/images/").first().and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    let body = body_json(req);
    let Some(image) = state.custom.get_mut(&id) else {
        return not_found();
    };
    if let Some(name) = body["name"].as_str() {
        image.name = name.to_string();
    }
    if let Some(description) = body["description"].as_str() {
        image.description = description.to_string();
    }
    if let Some(distribution) = body["distribution"].as_str() {
        image.distribution = distribution.to_string();
    }
    let image = state.custom.get(&id).map(|i| state.image_json(i, Instant::now())).unwrap_or_default();
    Reply::json(200, json!({"image": image}), "updated")
}

/// `DELETE /v2/images/{id}`: 204, no body.
fn delete(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v2/images/").first().and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    match state.custom.remove(&id) {
        Some(_) => {
            state.actions.retain(|_, a| a.image != id);
            Reply::empty(204, "no content: deleted")
        }
        None => not_found(),
    }
}

/// `POST /v2/images/{id}/actions`: `{"type": "transfer", "region": ..}` or `{"type": "convert"}`.
fn start_action(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v2/images/").first().and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    let body = body_json(req);
    let Some(image) = state.custom.get(&id) else {
        return not_found();
    };
    let now = Instant::now();
    if state.image_json(image, now)["status"] != "available" {
        return do_error(422, "unprocessable_entity", "the image is not available yet");
    }
    let (kind, region) = match (body["type"].as_str(), body["region"].as_str()) {
        (Some("transfer"), Some(region)) if REGIONS.contains(&region) => ("transfer", region.to_string()),
        (Some("transfer"), _) => {
            return do_error(422, "unprocessable_entity", "a transfer needs a valid region");
        }
        (Some("convert"), _) => ("convert", image.region.clone()),
        _ => return do_error(422, "unprocessable_entity", "type must be transfer or convert"),
    };
    let action = Action {
        id: state.next_action,
        image: id,
        kind: kind.to_string(),
        region,
        started: now,
        started_unix: unix_now(),
    };
    state.next_action += 7;
    let note = format!("{kind} action {} on image {}: in-progress", action.id, state.action_note(id));
    let json = action.to_json(now);
    state.actions.insert(action.id, action);
    Reply::json(201, json!({"action": json}), note)
}

/// `GET /v2/images/{id}/actions/{action_id}`.
fn get_action(state: &mut State, req: &HttpMockRequest, _: &str) -> Reply {
    let parts = segments(req, "/v2/images/");
    let id = parts.first().and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    let action_id = parts.get(2).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0);
    match state.actions.get(&action_id).filter(|a| a.image == id) {
        Some(action) => {
            let json = action.to_json(Instant::now());
            let note = json["status"].as_str().unwrap_or_default().to_string();
            Reply::json(200, json!({"action": json}), note)
        }
        None => not_found(),
    }
}

fn region_name(slug: &str) -> String {
    let (city, n) = slug.split_at(slug.len().saturating_sub(1));
    let city = match city {
        "ams" => "Amsterdam",
        "blr" => "Bangalore",
        "fra" => "Frankfurt",
        "lon" => "London",
        "nyc" => "New York",
        "sfo" => "San Francisco",
        "sgp" => "Singapore",
        "syd" => "Sydney",
        "tor" => "Toronto",
        "atl" => "Atlanta",
        other => other,
    };
    format!("{city} {n}")
}

/// DigitalOcean's public distribution images: 26.
fn distributions() -> Vec<Value> {
    // (id, slug, distribution, name, min disk GB, size GB, created)
    let list: [(u64, &str, &str, &str, u64, f64, &str); 26] = [
        (160_231_420, "almalinux-8-x64", "AlmaLinux", "8 x64", 10, 0.93, "2024-08-06"),
        (160_231_508, "almalinux-9-x64", "AlmaLinux", "9 x64", 10, 0.99, "2024-08-06"),
        (186_112_843, "almalinux-10-x64", "AlmaLinux", "10 x64", 10, 1.06, "2025-06-03"),
        (158_442_121, "centos-stream-9-x64", "CentOS", "Stream 9 x64", 10, 1.24, "2024-07-02"),
        (177_930_442, "centos-stream-10-x64", "CentOS", "Stream 10 x64", 10, 1.31, "2025-01-21"),
        (158_441_930, "debian-11-x64", "Debian", "11 x64", 15, 0.61, "2024-07-02"),
        (161_812_409, "debian-12-x64", "Debian", "12 x64", 15, 0.72, "2024-08-27"),
        (193_004_115, "debian-13-x64", "Debian", "13 x64", 15, 0.81, "2025-08-12"),
        (149_360_812, "fedora-40-x64", "Fedora", "40 x64", 15, 0.86, "2024-04-23"),
        (168_911_223, "fedora-41-x64", "Fedora", "41 x64", 15, 0.88, "2024-10-29"),
        (181_447_002, "fedora-42-x64", "Fedora", "42 x64", 15, 0.91, "2025-04-15"),
        (146_620_004, "freebsd-13-x64-ufs", "FreeBSD", "13.3 ufs x64", 20, 1.33, "2024-03-19"),
        (159_911_277, "freebsd-14-x64-ufs", "FreeBSD", "14.1 ufs x64", 20, 1.39, "2024-07-30"),
        (159_911_346, "freebsd-14-x64-zfs", "FreeBSD", "14.1 zfs x64", 20, 1.52, "2024-07-30"),
        (160_232_003, "rockylinux-8-x64", "Rocky Linux", "8 x64", 10, 1.05, "2024-08-06"),
        (160_232_117, "rockylinux-9-x64", "Rocky Linux", "9 x64", 10, 1.08, "2024-08-06"),
        (187_006_371, "rockylinux-10-x64", "Rocky Linux", "10 x64", 10, 1.12, "2025-06-17"),
        (112_929_454, "ubuntu-20-04-x64", "Ubuntu", "20.04 (LTS) x64", 7, 0.95, "2022-07-21"),
        (129_211_873, "ubuntu-22-04-x64", "Ubuntu", "22.04 (LTS) x64", 7, 1.43, "2023-04-28"),
        (155_690_012, "ubuntu-24-04-x64", "Ubuntu", "24.04 (LTS) x64", 7, 1.89, "2024-06-05"),
        (168_003_877, "ubuntu-24-10-x64", "Ubuntu", "24.10 x64", 7, 1.97, "2024-10-15"),
        (181_902_554, "ubuntu-25-04-x64", "Ubuntu", "25.04 x64", 7, 2.03, "2025-04-22"),
        (193_877_013, "ubuntu-25-10-x64", "Ubuntu", "25.10 x64", 7, 2.09, "2025-10-14"),
        (163_270_441, "gpu-h100x1-base", "Ubuntu", "AI/ML Ready H100x1", 25, 9.84, "2024-09-10"),
        (163_270_502, "gpu-h100x8-base", "Ubuntu", "AI/ML Ready H100x8", 25, 9.84, "2024-09-10"),
        (172_554_310, "gpu-amd-base", "Ubuntu", "AI/ML Ready AMD", 25, 11.2, "2024-12-03"),
    ];
    list.iter()
        .map(|&(id, slug, distribution, name, min_disk, size, created)| {
            let regions: Vec<&str> = REGIONS
                .iter()
                .copied()
                .filter(|r| !(slug.starts_with("gpu") && *r != "nyc2" && *r != "tor1"))
                .collect();
            json!({
                "id": id,
                "name": name,
                "distribution": distribution,
                "slug": slug,
                "public": true,
                "regions": regions,
                "created_at": format!("{created}T16:40:35Z"),
                "type": "base",
                "min_disk_size": min_disk,
                "size_gigabytes": size,
                "description": format!("{distribution} {name}"),
                "tags": [],
                "status": "available",
                "error_message": "",
            })
        })
        .collect()
}
