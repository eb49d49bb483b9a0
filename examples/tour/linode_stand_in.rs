//! A stand-in for the Linode Images API (v4) and for the object storage that takes uploads,
//! on two local httpmock servers. It keeps its images in memory and moves them along with the
//! clock, as Linode does: an upload becomes `available` about 1.5 s after its data arrived, a
//! new replica is `pending replication`, then `replicating`, then `available` about 1 s later.

use std::collections::BTreeMap;
use std::io::Read;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use httpmock::prelude::*;
use serde_json::{Value, json};

use crate::stand_in::{
    Journal, Reply, answer, body_json, has_token, header, lock, path_and_query, query, segments, timestamp,
    unix_now,
};

/// How long an upload takes to be processed once its data is in.
const PROCESSING: Duration = Duration::from_millis(1500);
/// How long a new replica stays `pending replication`, then `replicating`.
const REPLICA_PENDING: Duration = Duration::from_millis(400);
const REPLICA_COPYING: Duration = Duration::from_millis(1000);
/// Regions with Object Storage, where uploads are allowed, and the others.
const UPLOAD_REGIONS: [&str; 6] = ["us-east", "us-ord", "us-iad", "fr-par", "nl-ams", "jp-osa"];
const OTHER_REGIONS: [&str; 6] =
    ["us-west", "us-central", "eu-west", "eu-central", "ap-south", "ap-northeast"];
const BUCKET: &str = "/linode-image-uploads";

/// The two local servers and the state behind them.
pub struct LinodeStandIn {
    api: MockServer,
    storage: MockServer,
    pub journal: Journal,
    state: Arc<Mutex<State>>,
}

/// What object storage received for one image.
#[derive(Clone, Copy, Debug)]
pub struct Received {
    pub gzip_bytes: u64,
    pub raw_bytes: u64,
}

struct State {
    public: Vec<Value>,
    private: BTreeMap<String, Private>,
    next_id: u64,
}

struct Private {
    id: String,
    label: String,
    description: Option<String>,
    tags: Vec<String>,
    cloud_init: bool,
    created: u64,
    updated: u64,
    /// Where the upload goes (`linode-image-uploads/<region>/<n>`).
    key: String,
    /// When the data arrived, and its size.
    received: Option<(Instant, Received)>,
    /// Each region, and when it was asked for (`None`: from the start).
    replicas: Vec<(String, Option<Instant>)>,
}

impl Private {
    fn available(&self, now: Instant) -> bool {
        self.received.is_some_and(|(at, _)| now.duration_since(at) >= PROCESSING)
    }

    fn status(&self, now: Instant) -> &'static str {
        if self.available(now) { "available" } else { "pending_upload" }
    }

    fn replica_status(&self, asked: Option<Instant>, now: Instant) -> &'static str {
        if !self.available(now) {
            return "pending";
        }
        match asked.map(|at| now.duration_since(at)) {
            Some(d) if d < REPLICA_PENDING => "pending replication",
            Some(d) if d < REPLICA_COPYING => "replicating",
            _ => "available",
        }
    }

    fn to_json(&self, now: Instant) -> Value {
        let size_mb = match self.received {
            Some((_, r)) if self.available(now) => r.raw_bytes.div_ceil(1024 * 1024),
            _ => 0,
        };
        let regions: Vec<Value> = self
            .replicas
            .iter()
            .map(|(region, asked)| json!({"region": region, "status": self.replica_status(*asked, now)}))
            .collect();
        json!({
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "created": timestamp(self.created),
            "updated": timestamp(self.updated),
            "created_by": "tour-user",
            "deprecated": false,
            "eol": null,
            "expiry": null,
            "is_public": false,
            "is_shared": false,
            "size": size_mb,
            "status": self.status(now),
            "type": "manual",
            "vendor": null,
            "capabilities": if self.cloud_init { vec!["cloud-init"] } else { Vec::new() },
            "tags": self.tags,
            "regions": regions,
        })
    }

    /// `available; us-ord: replicating, fr-par: pending replication`
    fn summary(&self, now: Instant) -> String {
        let mut out = self.status(now).to_string();
        let busy: Vec<String> = self
            .replicas
            .iter()
            .map(|(region, asked)| (region, self.replica_status(*asked, now)))
            .filter(|(_, status)| *status != "available")
            .map(|(region, status)| format!("{region} {status}"))
            .collect();
        if self.available(now) && !busy.is_empty() {
            out = format!("{out}; {}", busy.join(", "));
        }
        out
    }
}

type Handler = fn(&Mutex<State>, &HttpMockRequest, &str) -> Reply;

impl LinodeStandIn {
    /// Starts both servers. The API's `upload_to` URLs point at the object storage server.
    pub fn start() -> LinodeStandIn {
        let api = MockServer::start();
        let storage = MockServer::start();
        let journal = Journal::default();
        let state = Arc::new(Mutex::new(State {
            public: public_images(),
            private: BTreeMap::new(),
            next_id: 24_187_701,
        }));
        let stand_in = LinodeStandIn { api, storage, journal, state };
        stand_in.routes();
        stand_in
    }

    /// The API's base URL, for `Client::builder().base_url(..)`.
    pub fn api_url(&self) -> String {
        self.api.base_url()
    }

    /// The object storage server's base URL.
    pub fn storage_url(&self) -> String {
        self.storage.base_url()
    }

    /// What object storage received for `id`, if anything.
    pub fn received(&self, id: &str) -> Option<Received> {
        lock(&self.state).private.get(id).and_then(|p| p.received.map(|(_, r)| r))
    }

    fn routes(&self) {
        let storage_url = self.storage_url();
        let image = r"^/v4/images/[^/]+$";
        let routes: [(Method, &str, bool, Handler); 6] = [
            (GET, "^/v4/images$", false, list),
            (POST, "^/v4/images/upload$", true, create_upload),
            (GET, image, false, get),
            (PUT, image, true, update),
            (DELETE, image, true, delete),
            (POST, r"^/v4/images/[^/]+/regions$", true, replicate),
        ];
        for (method, path, needs_token, handler) in routes {
            let (state, journal, storage_url) =
                (self.state.clone(), self.journal.clone(), storage_url.clone());
            self.api.mock(|when, then| {
                when.method(method).path_matches(path);
                then.respond_with(move |req| {
                    let reply = if needs_token && !has_token(req) {
                        linode_error(401, None, "Invalid Token")
                    } else {
                        handler(&state, req, &storage_url)
                    };
                    answer(&journal, req, path_and_query(req), reply, Vec::new())
                });
            });
        }

        // Object storage: the pre-signed URL is the credential. A PUT that also carries an
        // Authorization header is refused, as S3 does ("only one auth mechanism allowed"): the
        // mock that accepts uploads requires the header to be missing.
        let (state, journal, base) = (self.state.clone(), self.journal.clone(), self.storage_url());
        self.storage.mock(|when, then| {
            when.method(PUT)
                .path_prefix(format!("{BUCKET}/"))
                .query_param_exists("X-Amz-Signature")
                .header("content-type", "application/octet-stream")
                .header_exists("content-length")
                .header_missing("authorization");
            then.respond_with(move |req| {
                let reply = receive(&state, req);
                answer(&journal, req, format!("{base}{}", req.uri().path()), reply, Vec::new())
            });
        });
        let (journal, base) = (self.journal.clone(), self.storage_url());
        self.storage.mock(|when, then| {
            when.method(PUT).path_prefix(format!("{BUCKET}/")).header_exists("authorization");
            then.respond_with(move |req| {
                let reply = Reply::empty(400, "refused: Authorization header on a pre-signed URL");
                let mut response = answer(&journal, req, format!("{base}{}", req.uri().path()), reply, Vec::new());
                response.body = Some(
                    "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>"
                        .into(),
                );
                response
            });
        });
    }
}

fn linode_error(status: u16, field: Option<&str>, reason: &str) -> Reply {
    let item = match field {
        Some(field) => json!({"field": field, "reason": reason}),
        None => json!({"reason": reason}),
    };
    Reply::json(status, json!({"errors": [item]}), reason.to_string())
}

fn not_found() -> Reply {
    linode_error(404, None, "Not found")
}

/// `GET /v4/images`: public images, and the account's own with a token; `X-Filter` on
/// `is_public`; `page` and `page_size` (25 to 500, default 100).
fn list(state: &Mutex<State>, req: &HttpMockRequest, _: &str) -> Reply {
    let page: u64 = query(req, "page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1);
    let page_size: u64 = match query(req, "page_size").map(|p| p.parse::<u64>()) {
        None => 100,
        Some(Ok(size)) if (25..=500).contains(&size) => size,
        Some(_) => return linode_error(400, Some("page_size"), "Must be 25-500"),
    };
    let filter: Value =
        header(req, "x-filter").and_then(|f| serde_json::from_str(&f).ok()).unwrap_or(Value::Null);
    let public_only = filter.get("is_public").and_then(Value::as_bool);
    let state = lock(state);
    let now = Instant::now();
    let mut images: Vec<Value> = state.public.clone();
    if has_token(req) {
        images.extend(state.private.values().map(|p| p.to_json(now)));
    }
    if let Some(public) = public_only {
        images.retain(|i| i["is_public"].as_bool() == Some(public));
    }
    let results = images.len() as u64;
    let pages = results.div_ceil(page_size).max(1);
    let data: Vec<Value> =
        images.into_iter().skip(((page - 1) * page_size) as usize).take(page_size as usize).collect();
    let note = format!("page {page} of {pages}: {} images", data.len());
    Reply::json(200, json!({"data": data, "page": page, "pages": pages, "results": results}), note)
}

/// `GET /v4/images/{id}`.
fn get(state: &Mutex<State>, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v4/images/").join("/");
    let state = lock(state);
    if let Some(image) = state.public.iter().find(|i| i["id"] == id.as_str()) {
        return Reply::json(
            200,
            image.clone(),
            format!("{} available", image["label"].as_str().unwrap_or("")),
        );
    }
    match state.private.get(&id) {
        Some(p) if has_token(req) => {
            let now = Instant::now();
            Reply::json(200, p.to_json(now), p.summary(now))
        }
        _ => not_found(),
    }
}

/// `POST /v4/images/upload`: a new image waiting for its data, and where to `PUT` it.
fn create_upload(state: &Mutex<State>, req: &HttpMockRequest, storage_url: &str) -> Reply {
    let body = body_json(req);
    let label = body["label"].as_str().unwrap_or_default().trim().to_string();
    let region = body["region"].as_str().unwrap_or_default().to_string();
    if label.is_empty() {
        return linode_error(400, Some("label"), "label is required");
    }
    if !UPLOAD_REGIONS.contains(&region.as_str()) {
        let reason = format!("region {region:?} does not support image uploads");
        return linode_error(400, Some("region"), &reason);
    }
    let mut state = lock(state);
    let n = state.next_id;
    state.next_id += 1;
    let now = unix_now();
    let private = Private {
        id: format!("private/{n}"),
        label,
        description: body["description"].as_str().map(str::to_string),
        tags: strings(&body["tags"]),
        cloud_init: body["cloud_init"].as_bool().unwrap_or(false),
        created: now,
        updated: now,
        key: format!("{region}/{n}"),
        received: None,
        replicas: vec![(region.clone(), None)],
    };
    let mix = |k: u128| u128::from(n).wrapping_mul(k).rotate_left(47) ^ k;
    let signature =
        format!("{:032x}{:032x}", mix(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835), mix(0x2545_f491_4f6c_dd1d));
    let upload_to = format!(
        "{storage_url}{BUCKET}/{}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=TOUR%2F{}%2F{region}%2Fs3%2Faws4_request\
         &X-Amz-Date={}&X-Amz-Expires=86400&X-Amz-SignedHeaders=content-type%3Bhost&X-Amz-Signature={signature}",
        private.key,
        &timestamp(now)[..10].replace('-', ""),
        timestamp(now).replace(['-', ':'], "") + "Z",
    );
    let image = private.to_json(Instant::now());
    let note = format!("{} pending_upload, upload_to on object storage", private.id);
    state.private.insert(private.id.clone(), private);
    Reply::json(200, json!({"image": image, "upload_to": upload_to}), note)
}

/// The object storage `PUT`: the body must be gzip; it is unpacked to learn the raw size.
fn receive(state: &Mutex<State>, req: &HttpMockRequest) -> Reply {
    let uri = req.uri();
    let key = uri.path().strip_prefix(&format!("{BUCKET}/")).unwrap_or_default().to_string();
    let body = req.body_ref();
    let declared = header(req, "content-length").and_then(|v| v.parse::<u64>().ok());
    if declared != Some(body.len() as u64) {
        return Reply::empty(400, "refused: Content-Length does not match the body");
    }
    let mut raw = 0u64;
    let mut decoder = flate2::read::GzDecoder::new(body);
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match decoder.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw += n as u64,
            Err(_) => return Reply::empty(400, "refused: not a gzip stream"),
        }
    }
    let mut state = lock(state);
    let Some(image) = state.private.values_mut().find(|p| p.key == key && p.received.is_none()) else {
        return Reply::empty(403, "refused: no upload expected at this URL");
    };
    let received = Received { gzip_bytes: body.len() as u64, raw_bytes: raw };
    image.received = Some((Instant::now(), received));
    Reply::empty(
        200,
        format!("stored {} gzip ({} raw), no Authorization header", mib(body.len() as u64), mib(raw)),
    )
}

/// `PUT /v4/images/{id}`: label, description, tags.
fn update(state: &Mutex<State>, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v4/images/").join("/");
    let body = body_json(req);
    let mut state = lock(state);
    let Some(image) = state.private.get_mut(&id) else {
        return not_found();
    };
    let mut changed = Vec::new();
    if let Some(label) = body["label"].as_str() {
        image.label = label.to_string();
        changed.push(format!("label {label:?}"));
    }
    if let Some(description) = body["description"].as_str() {
        image.description = Some(description.to_string());
        changed.push("description".to_string());
    }
    if body["tags"].is_array() {
        image.tags = strings(&body["tags"]);
        changed.push(format!("tags [{}]", image.tags.join(", ")));
    }
    image.updated = unix_now();
    Reply::json(200, image.to_json(Instant::now()), format!("updated {}", changed.join(", ")))
}

/// `POST /v4/images/{id}/regions`: the complete list of regions; new ones start replicating.
fn replicate(state: &Mutex<State>, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v4/images/").first().cloned().unwrap_or_default();
    let regions = strings(&body_json(req)["regions"]);
    let mut state = lock(state);
    let Some(image) = state.private.get_mut(&id) else {
        return not_found();
    };
    let now = Instant::now();
    if !image.available(now) {
        return linode_error(400, None, "Image must be available to be replicated");
    }
    if regions.is_empty() {
        return linode_error(400, Some("regions"), "At least one region is required");
    }
    if let Some(bad) =
        regions.iter().find(|r| !UPLOAD_REGIONS.contains(&r.as_str()) && !OTHER_REGIONS.contains(&r.as_str()))
    {
        return linode_error(400, Some("regions"), &format!("Region {bad} does not exist"));
    }
    let old = std::mem::take(&mut image.replicas);
    image.replicas = regions
        .iter()
        .map(|region| match old.iter().find(|(r, _)| r == region) {
            Some(kept) => kept.clone(),
            None => (region.clone(), Some(now)),
        })
        .collect();
    Reply::json(200, image.to_json(now), format!("regions {}", regions.join(", ")))
}

/// `DELETE /v4/images/{id}`.
fn delete(state: &Mutex<State>, req: &HttpMockRequest, _: &str) -> Reply {
    let id = segments(req, "/v4/images/").join("/");
    match lock(state).private.remove(&id) {
        Some(_) => Reply::json(200, json!({}), "deleted"),
        None => not_found(),
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default()
}

fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Linode's public images: 57.
fn public_images() -> Vec<Value> {
    // (id, label, vendor, size in MB, deprecated, created year-month)
    let distributions: [(&str, &str, &str, u64, bool, &str); 45] = [
        ("almalinux8", "AlmaLinux 8", "AlmaLinux", 2400, false, "2021-04"),
        ("almalinux9", "AlmaLinux 9", "AlmaLinux", 2400, false, "2022-05"),
        ("almalinux10", "AlmaLinux 10", "AlmaLinux", 2500, false, "2025-05"),
        ("alpine3.16", "Alpine 3.16", "Alpine", 300, true, "2022-05"),
        ("alpine3.17", "Alpine 3.17", "Alpine", 300, true, "2022-11"),
        ("alpine3.18", "Alpine 3.18", "Alpine", 300, true, "2023-05"),
        ("alpine3.19", "Alpine 3.19", "Alpine", 300, false, "2023-12"),
        ("alpine3.20", "Alpine 3.20", "Alpine", 300, false, "2024-05"),
        ("alpine3.21", "Alpine 3.21", "Alpine", 300, false, "2024-12"),
        ("arch", "Arch Linux", "Arch", 1500, false, "2024-11"),
        ("centos7", "CentOS 7", "CentOS", 2500, true, "2014-07"),
        ("centos-stream8", "CentOS Stream 8", "CentOS", 2500, true, "2021-01"),
        ("centos-stream9", "CentOS Stream 9", "CentOS", 2500, false, "2022-01"),
        ("centos-stream10", "CentOS Stream 10", "CentOS", 2600, false, "2025-01"),
        ("debian9", "Debian 9", "Debian", 1300, true, "2017-06"),
        ("debian10", "Debian 10", "Debian", 1400, true, "2019-07"),
        ("debian11", "Debian 11", "Debian", 1400, false, "2021-08"),
        ("debian12", "Debian 12", "Debian", 1500, false, "2023-06"),
        ("debian13", "Debian 13", "Debian", 1600, false, "2025-08"),
        ("fedora37", "Fedora 37", "Fedora", 1900, true, "2022-11"),
        ("fedora38", "Fedora 38", "Fedora", 1900, true, "2023-04"),
        ("fedora39", "Fedora 39", "Fedora", 2000, true, "2023-11"),
        ("fedora40", "Fedora 40", "Fedora", 2000, false, "2024-04"),
        ("fedora41", "Fedora 41", "Fedora", 2100, false, "2024-10"),
        ("fedora42", "Fedora 42", "Fedora", 2100, false, "2025-04"),
        ("gentoo", "Gentoo", "Gentoo", 5500, false, "2024-09"),
        ("kali", "Kali Linux", "Kali", 2000, false, "2024-08"),
        ("opensuse15.4", "openSUSE Leap 15.4", "openSUSE", 2000, true, "2022-06"),
        ("opensuse15.5", "openSUSE Leap 15.5", "openSUSE", 2000, true, "2023-06"),
        ("opensuse15.6", "openSUSE Leap 15.6", "openSUSE", 2100, false, "2024-06"),
        ("rocky8", "Rocky Linux 8", "Rocky", 2500, false, "2021-06"),
        ("rocky9", "Rocky Linux 9", "Rocky", 2500, false, "2022-07"),
        ("rocky10", "Rocky Linux 10", "Rocky", 2600, false, "2025-06"),
        ("slackware14.2", "Slackware 14.2", "Slackware", 6000, true, "2016-07"),
        ("slackware15.0", "Slackware 15.0", "Slackware", 8000, false, "2022-02"),
        ("ubuntu16.04lts", "Ubuntu 16.04 LTS", "Ubuntu", 2500, true, "2016-04"),
        ("ubuntu18.04", "Ubuntu 18.04 LTS", "Ubuntu", 2500, true, "2018-04"),
        ("ubuntu20.04", "Ubuntu 20.04 LTS", "Ubuntu", 2500, false, "2020-04"),
        ("ubuntu22.04", "Ubuntu 22.04 LTS", "Ubuntu", 2700, false, "2022-04"),
        ("ubuntu23.10", "Ubuntu 23.10", "Ubuntu", 2700, true, "2023-10"),
        ("ubuntu24.04", "Ubuntu 24.04 LTS", "Ubuntu", 2800, false, "2024-04"),
        ("ubuntu24.10", "Ubuntu 24.10", "Ubuntu", 2800, true, "2024-10"),
        ("ubuntu25.04", "Ubuntu 25.04", "Ubuntu", 2900, false, "2025-04"),
        ("ubuntu22.04-gpu", "Ubuntu 22.04 LTS (GPU)", "Ubuntu", 6200, false, "2024-03"),
        ("ubuntu24.04-gpu", "Ubuntu 24.04 LTS (GPU)", "Ubuntu", 6400, false, "2024-09"),
    ];
    // The node images of Linode Kubernetes Engine are public too.
    let kubernetes: [(&str, &str, bool, &str); 12] = [
        ("11", "1.26.9", true, "2023-09"),
        ("11", "1.27.5", true, "2023-09"),
        ("11", "1.28.3", true, "2023-11"),
        ("11", "1.29.2", true, "2024-03"),
        ("12", "1.29.6", true, "2024-06"),
        ("12", "1.30.3", false, "2024-08"),
        ("12", "1.31.0", false, "2024-09"),
        ("12", "1.31.4", false, "2024-12"),
        ("12", "1.32.1", false, "2025-02"),
        ("12", "1.32.5", false, "2025-05"),
        ("12", "1.33.0", false, "2025-05"),
        ("12", "1.33.2", false, "2025-07"),
    ];
    distributions
        .iter()
        .map(|&(id, label, vendor, size, deprecated, created)| {
            public_image(&format!("linode/{id}"), label, vendor, size, deprecated, created)
        })
        .chain(kubernetes.iter().map(|&(debian, version, deprecated, created)| {
            let id = format!("linode/debian{debian}-kube-v{version}");
            let label = format!("Kubernetes {version} on Debian {debian}");
            public_image(&id, &label, "Debian", 3000, deprecated, created)
        }))
        .collect()
}

fn public_image(id: &str, label: &str, vendor: &str, size: u64, deprecated: bool, created: &str) -> Value {
    let end_of_life = created[..4].parse::<u32>().unwrap_or(2020) + 3;
    let mut capabilities = vec!["distributed-sites"];
    if !deprecated && !id.contains("kube") {
        capabilities.insert(0, "cloud-init");
    }
    json!({
        "id": id,
        "label": label,
        "description": "",
        "created": format!("{created}-15T18:04:21"),
        "updated": format!("{created}-15T18:04:21"),
        "created_by": "linode",
        "deprecated": deprecated,
        "eol": if deprecated { json!(format!("{}{}-30T04:00:00", end_of_life, &created[4..])) } else { Value::Null },
        "expiry": null,
        "is_public": true,
        "is_shared": false,
        "size": size,
        "status": "available",
        "type": "manual",
        "vendor": vendor,
        "capabilities": capabilities,
        "tags": [],
        // As the live API answers for public images: no region list, no sharing details.
        "regions": null,
        "image_sharing": null,
    })
}
