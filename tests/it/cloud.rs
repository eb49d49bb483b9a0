//! Issue 20 (items 2 to 5): one view of both clouds. The same neutral test body, written against
//! `&dyn Cloud` only, runs against both stand-ins (list, get, update, delete with a lost answer,
//! wait, into more regions), and the requests each provider received are checked one by one;
//! publishing a local file through the trait on both; what a provider cannot do; and
//! `clouds_from_env` in child processes (the environment is process-global).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use cloud_images::digitalocean::CustomImage;
use cloud_images::linode::{CancelUpload, CreateUpload};
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn, Request, Seed};
use cloud_images::{
    Cloud, CloudImage, CloudKind, CloudProvider, CloudRegion, CloudStatus, ErrorKind, ImageChanges,
    PublishFile, Visibility, clouds_from_env,
};
use sha2::{Digest, Sha256};

use crate::alone;

const WAIT: Duration = Duration::from_secs(60);

/// What the neutral body needs to know of a provider, and how to reach into its stand-in.
struct Case {
    cloud: Box<dyn Cloud>,
    /// Takes the stand-in's request log so far.
    take: Box<dyn Fn() -> Vec<Request>>,
    /// Makes the next image delete lose its answer (the image is deleted, the answer cut).
    lose_next_delete: Box<dyn Fn()>,
    /// Starts an image through the provider's own API; its id, the image still pending.
    start_image: Box<dyn Fn() -> String>,
    /// The seeded account's own images.
    own: Vec<&'static str>,
    /// How many public images the stand-in has.
    public: usize,
    /// The region the started image is in, and one to add.
    region: &'static str,
    new_region: &'static str,
}

fn linode_case() -> Case {
    let stand_in = Arc::new(LinodeStandIn::builder().clock(Clock::manual()).start().unwrap());
    let (take, lose, start) = (stand_in.clone(), stand_in.clone(), stand_in.clone());
    Case {
        cloud: stand_in.cloud().unwrap(),
        take: Box::new(move || take.take_requests()),
        lose_next_delete: Box::new(move || lose.inject("delete-image", Fault::cut_body()).unwrap()),
        start_image: Box::new(move || {
            let disk = Cursor::new(vec![7u8; 1 << 20]);
            let client = start.client().unwrap();
            client.images().upload(CreateUpload::new("neutral", "us-east")).seekable(disk).unwrap().id
        }),
        own: vec!["private/24811540"],
        public: 57,
        region: "us-east",
        new_region: "us-ord",
    }
}

fn digitalocean_case() -> Case {
    let stand_in = Arc::new(DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap());
    let (take, lose, start) = (stand_in.clone(), stand_in.clone(), stand_in.clone());
    Case {
        cloud: stand_in.cloud().unwrap(),
        take: Box::new(move || take.take_requests()),
        lose_next_delete: Box::new(move || lose.inject("images_delete", Fault::cut_body()).unwrap()),
        start_image: Box::new(move || {
            let image = CustomImage::new("neutral", "https://example.com/neutral.img.gz", "nyc3");
            start.client().unwrap().images().import(image).unwrap().id.to_string()
        }),
        own: vec!["171002281", "171003090"],
        public: 31,
        region: "nyc3",
        new_region: "sfo3",
    }
}

/// The requests of one step: method, path (with the query; an action id as `{action}`),
/// status, the `X-Filter` header and the JSON body when there is one. A Linode upload's `PUT`
/// (to a signed object-storage URL of the stand-in's making) is `PUT object-storage`.
fn requests(case: &Case) -> Vec<String> {
    (case.take)().iter().map(line).collect()
}

fn line(r: &Request) -> String {
    let status = r.status.map_or("-".into(), |s| s.to_string());
    if r.operation.as_deref() == Some("object-storage-put") {
        return format!("PUT object-storage {status}");
    }
    let query: Vec<String> = r.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut path = r.path.clone();
    if let Some(at) = path.find("/actions/") {
        path.replace_range(at + "/actions/".len().., "{action}");
    }
    let target = if query.is_empty() { path } else { format!("{path}?{}", query.join("&")) };
    let mut line = format!("{} {target} {status}", r.method);
    if let Some(filter) = r.header("x-filter") {
        line.push_str(&format!(" x-filter {filter}"));
    }
    if let Some(body) = &r.body {
        line.push_str(&format!(" {body}"));
    }
    line
}

/// The neutral test body: only `Cloud` calls and the neutral view. Returns the id of the image
/// it made, and each step's requests, for the caller to check against what the provider should
/// have received.
fn neutral_body(case: &Case) -> (String, Vec<(&'static str, Vec<String>)>) {
    let cloud = case.cloud.as_ref();
    let mut log = Vec::new();
    (case.take)(); // the stand-ins' start

    let own: Vec<CloudImage> = cloud.own_images().collect::<Result<_, _>>().unwrap();
    assert_eq!(own.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), case.own);
    for image in &own {
        assert_eq!((image.provider, image.visibility), (cloud.provider(), Visibility::Own));
        assert_eq!(image.status, Some(CloudStatus::Available));
        assert!(image.created.is_some() && image.size_bytes.is_some(), "{image:?}");
    }
    log.push(("list own", requests(case)));

    let got = cloud.get(&own[0].id).unwrap();
    assert_eq!(got, own[0], "get gives what the listing gave");
    log.push(("get", requests(case)));

    let mut public = cloud.public_images();
    let all: Vec<CloudImage> = public.by_ref().collect::<Result<_, _>>().unwrap();
    assert_eq!(all.len(), case.public);
    assert!(all.iter().all(|i| i.visibility == Visibility::Public && i.provider == cloud.provider()));
    log.push(("list public", requests(case)));

    let id = (case.start_image)();
    log.push(("start an image (the provider's own call)", requests(case)));
    assert_eq!(cloud.get(&id).unwrap().status, Some(CloudStatus::Pending));
    let image = cloud.wait_until_available(&id).timeout(WAIT).send().unwrap();
    assert_eq!((image.id.as_str(), image.status.clone()), (id.as_str(), Some(CloudStatus::Available)));
    assert_eq!(image.regions.iter().map(|r| r.region.as_str()).collect::<Vec<_>>(), [case.region]);
    log.push(("get, wait until available", requests(case)));

    let nothing = cloud.update(&id, &ImageChanges::new()).unwrap_err();
    assert_eq!(nothing.kind(), ErrorKind::InvalidInput);
    let empty_name = cloud.update(&id, &ImageChanges::new().name(" ")).unwrap_err();
    assert_eq!(empty_name.kind(), ErrorKind::InvalidInput);
    let changes = ImageChanges::new().name("neutral-renamed").description("set through Cloud");
    let renamed = cloud.update(&id, &changes).unwrap();
    assert_eq!(renamed.name.as_deref(), Some("neutral-renamed"));
    assert_eq!(renamed.description.as_deref(), Some("set through Cloud"));
    assert_eq!(cloud.get(&id).unwrap().name.as_deref(), Some("neutral-renamed"));
    log.push(("update", requests(case)));

    assert_eq!(cloud.add_regions(&id, &[]).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(cloud.add_regions(&id, &[" "]).unwrap_err().kind(), ErrorKind::InvalidInput);
    let wait = cloud.add_regions(&id, &[case.region, case.new_region]).unwrap();
    let copied = wait.timeout(WAIT).send().unwrap();
    let regions: Vec<&str> = copied.regions.iter().map(|r| r.region.as_str()).collect();
    assert_eq!(regions, [case.region, case.new_region]);
    log.push(("into more regions", requests(case)));

    (case.lose_next_delete)();
    cloud.delete(&id).unwrap();
    let gone = cloud.get(&id).unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    let waited = cloud.wait_until_available(&id).timeout(WAIT).send().unwrap_err();
    assert!(waited.is_not_found(), "{waited}");
    log.push(("delete (its answer lost), get, wait", requests(case)));
    (id, log)
}

/// `expected`, with `{id}` the image's id as it is in a path.
fn expect(expected: &[(&'static str, &[&str])], id: &str) -> Vec<(&'static str, Vec<String>)> {
    expected
        .iter()
        .map(|(step, lines)| (*step, lines.iter().map(|l| l.replace("{id}", id)).collect()))
        .collect()
}

#[test]
fn the_neutral_body_runs_against_the_linode_stand_in() {
    let case = linode_case();
    let (id, log) = neutral_body(&case);
    // The id has a `/`, sent encoded.
    let id = id.replace('/', "%2F");
    let own = r#"GET /v4/images?page_size=500 200 x-filter {"+and":[{"is_public":false},{"type":{"+neq":"shared"}}]}"#;
    let expected: &[(&str, &[&str])] = &[
        ("list own", &[own]),
        ("get", &["GET /v4/images/private%2F24811540 200"]),
        ("list public", &[r#"GET /v4/images?page_size=500 200 x-filter {"is_public":true}"#]),
        (
            "start an image (the provider's own call)",
            &[
                r#"POST /v4/images/upload 200 {"label":"neutral","region":"us-east"}"#,
                "PUT object-storage 200",
            ],
        ),
        // One look at `creating` and a sleep of a tenth of the timeout on the manual clock, then
        // `available`.
        ("get, wait until available", &["GET /v4/images/{id} 200"; 3]),
        (
            "update",
            &[
                r#"PUT /v4/images/{id} 200 {"description":"set through Cloud","label":"neutral-renamed"}"#,
                "GET /v4/images/{id} 200",
            ],
        ),
        (
            "into more regions",
            &[
                "GET /v4/images/{id} 200",
                r#"POST /v4/images/{id}/regions 200 {"regions":["us-east","us-ord"]}"#,
                "GET /v4/images/{id} 200",
                "GET /v4/images/{id} 200",
            ],
        ),
        (
            "delete (its answer lost), get, wait",
            &[
                "DELETE /v4/images/{id} 200",
                "DELETE /v4/images/{id} 404",
                "GET /v4/images/{id} 404",
                "GET /v4/images/{id} 404",
            ],
        ),
    ];
    assert_eq!(log, expect(expected, &id));
}

#[test]
fn the_neutral_body_runs_against_the_digitalocean_stand_in() {
    let case = digitalocean_case();
    let (id, log) = neutral_body(&case);
    let expected: &[(&str, &[&str])] = &[
        ("list own", &["GET /v2/images?private=true&per_page=200 200"]),
        ("get", &["GET /v2/images/171002281 200"]),
        (
            "list public",
            &[
                "GET /v2/images?type=distribution&per_page=200 200",
                "GET /v2/images?type=application&per_page=200 200",
            ],
        ),
        (
            "start an image (the provider's own call)",
            &[
                r#"POST /v2/images 202 {"name":"neutral","region":"nyc3","url":"https://example.com/neutral.img.gz"}"#,
            ],
        ),
        ("get, wait until available", &["GET /v2/images/{id} 200"; 3]),
        (
            "update",
            &[
                r#"PUT /v2/images/{id} 200 {"description":"set through Cloud","name":"neutral-renamed"}"#,
                "GET /v2/images/{id} 200",
            ],
        ),
        (
            "into more regions",
            &[
                "GET /v2/images/{id} 200",
                r#"POST /v2/images/{id}/actions 201 {"region":"sfo3","type":"transfer"}"#,
                "GET /v2/images/{id}/actions/{action} 200",
                "GET /v2/images/{id}/actions/{action} 200",
                "GET /v2/images/{id} 200",
            ],
        ),
        (
            "delete (its answer lost), get, wait",
            &[
                "DELETE /v2/images/{id} 204",
                "DELETE /v2/images/{id} 404",
                "GET /v2/images/{id} 404",
                "GET /v2/images/{id} 404",
            ],
        ),
    ];
    assert_eq!(log, expect(expected, &id));
}

#[test]
fn a_cloud_is_a_send_and_sync_trait_object() {
    fn shareable<T: Send + Sync + ?Sized>() {}
    shareable::<dyn Cloud>();
    let (linode, digitalocean) = (linode_case(), digitalocean_case());
    let clouds: Vec<Box<dyn Cloud>> = vec![linode.cloud, digitalocean.cloud];
    let providers: Vec<CloudProvider> = std::thread::scope(|s| {
        let handles: Vec<_> = clouds.iter().map(|c| s.spawn(|| c.provider())).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(providers, [CloudProvider::Linode, CloudProvider::DigitalOcean]);
}

#[test]
fn the_neutral_wait_keeps_the_waits_deadline_and_last_status() {
    let stand_in = DigitalOceanStandIn::builder()
        .clock(Clock::manual())
        .import_time(Duration::from_secs(3600), Duration::from_secs(60))
        .start()
        .unwrap();
    let image = CustomImage::new("slow", "https://example.com/slow.img.gz", "nyc3");
    let id = stand_in.client().unwrap().images().import(image).unwrap().id.to_string();
    let cloud = stand_in.cloud().unwrap();
    stand_in.take_requests();
    let e = cloud.wait_until_available(&id).timeout(Duration::from_secs(30)).send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout);
    assert_eq!(e.last_status(), Some("NEW"));
    assert_eq!(
        e.to_string(),
        format!("gave up waiting for digitalocean image {id} to be available after 30 s (last status: NEW)")
    );
    // A look at once, then one every 3 s (a tenth of the timeout) until the 30 s are gone.
    assert_eq!(stand_in.requests().len(), 10);
}

#[test]
fn what_a_provider_cannot_do_is_an_unsupported_error_naming_it_and_the_call() {
    let case = digitalocean_case();
    (case.take)();
    let e = case.cloud.update("171002281", &ImageChanges::new().name("x").tags(["web"])).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Unsupported);
    assert_eq!(
        e.to_string(),
        "digitalocean cannot update an image's tags: its Images API has no tags to update (tags are set through \
         its Tags API, which this crate does not cover); nothing was sent"
    );
    // A DigitalOcean client without a Spaces bucket cannot stage a file: it says what to set.
    let stand_in = DigitalOceanStandIn::builder().seed(Seed::Public).start().unwrap();
    let plain: Box<dyn Cloud> = Box::new(stand_in.client().unwrap());
    let e = plain.publish(&PublishFile::new("web", "nyc3"), Path::new("web.img")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        e.to_string(),
        "digitalocean imports images only from a url: publishing a local file needs a spaces bucket to stage it \
         in; use digitalocean::Client::with_spaces, or set SPACES_BUCKET, SPACES_REGION, SPACES_ACCESS_KEY_ID and \
         SPACES_SECRET_ACCESS_KEY for clouds_from_env; nothing was sent"
    );
    // Ids that are not DigitalOcean's are refused before any request.
    for id in ["private/123", "0", ""] {
        assert_eq!(case.cloud.delete(id).unwrap_err().kind(), ErrorKind::InvalidInput, "{id:?}");
    }
    assert!(stand_in.requests().is_empty());
    assert!((case.take)().is_empty(), "nothing was sent");
}

/// A file of `len` bytes of non-repeating content, named `name`, removed on drop.
struct Disk {
    dir: PathBuf,
    path: PathBuf,
    data: Vec<u8>,
}

impl Disk {
    fn new(name: &str, len: usize) -> Disk {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("cloud-images-cloud-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let data: Vec<u8> = (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        std::fs::File::create(&path).unwrap().write_all(&data).unwrap();
        Disk { dir, path, data }
    }
}

impl Drop for Disk {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn publishing_a_local_file_through_the_trait_uploads_it_to_linode() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let cloud = stand_in.cloud().unwrap();
    let disk = Disk::new("web.img", 3 << 20);
    let request =
        PublishFile::new("web", "us-east").description("built by CI").tags(["nightly"]).timeout(WAIT);
    let image = cloud.publish(&request, &disk.path).unwrap();
    assert_eq!(image.status, Some(CloudStatus::Available));
    assert_eq!((image.name.as_deref(), image.tags.as_slice()), (Some("web"), &["nightly".to_string()][..]));
    assert_eq!(image.kind, Some(CloudKind::Manual));
    // The stand-in unpacked exactly the file's bytes (compressed on the way).
    assert_eq!(stand_in.received(&image.id).unwrap().raw_bytes, disk.data.len() as u64);
    let log = stand_in.requests();
    let path = format!("/v4/images/{}", image.id.replace('/', "%2F"));
    assert_eq!(
        log.iter().map(line).collect::<Vec<_>>(),
        [
            r#"POST /v4/images/upload 200 {"description":"built by CI","label":"web","region":"us-east","tags":["nightly"]}"#
                .to_string(),
            "PUT object-storage 200".to_string(),
            format!("GET {path} 200"),
            format!("GET {path} 200"),
        ]
    );
    assert_eq!(log[1].header("authorization"), None, "the upload goes without the token");
}

#[test]
fn publishing_a_local_file_through_the_trait_stages_it_in_spaces_for_digitalocean() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let cloud = stand_in.cloud().unwrap();
    let disk = Disk::new("web.img", 3 << 20);
    let request = PublishFile::new("web", "nyc3").description("built by CI").tags(["ci"]).timeout(WAIT);
    let image = cloud.publish(&request, &disk.path).unwrap();
    assert_eq!(image.status, Some(CloudStatus::Available));
    assert_eq!((image.name.as_deref(), image.kind.clone()), (Some("web"), Some(CloudKind::Custom)));
    let regions: Vec<(&str, Option<CloudStatus>)> =
        image.regions.iter().map(|r: &CloudRegion| (r.region.as_str(), r.status.clone())).collect();
    assert_eq!(regions, [("nyc3", None)]);
    // What the Spaces side received is the file, and the staging object is gone.
    let uploads = stand_in.spaces_uploads();
    assert_eq!(uploads.len(), 1);
    assert_eq!(
        (uploads[0].len, uploads[0].sha256),
        (disk.data.len() as u64, Sha256::digest(&disk.data).into())
    );
    assert!(uploads[0].deleted);
    assert!(stand_in.spaces_objects(DigitalOceanStandIn::SPACES_BUCKET).is_empty());
    let operations: Vec<_> =
        stand_in.requests().iter().map(|r| r.operation.clone().unwrap_or_default()).collect();
    assert_eq!(
        operations,
        ["spaces_put_object", "images_create_custom", "images_get", "images_get", "spaces_delete_object"]
    );
}

#[test]
fn a_publish_through_the_trait_whose_import_fails_leaves_no_staging_object() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    stand_in.inject("images_create_custom", Fault::status(500)).unwrap();
    let cloud = stand_in.cloud().unwrap();
    let disk = Disk::new("web.qcow2", 1 << 20);
    let e = cloud.publish(&PublishFile::new("web", "nyc3"), &disk.path).unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    assert!(e.staging_object_deleted(), "{e}");
    assert_eq!(stand_in.spaces_uploads().len(), 1);
    assert!(stand_in.spaces_objects(DigitalOceanStandIn::SPACES_BUCKET).is_empty());
    assert!(stand_in.account_images().is_empty(), "no image was made");
}

/// Publishes a file through the trait on real time, and cancels it from this thread once the
/// image has been looked at (`looked`): the image takes a day, so the publish is waiting. Returns
/// the error (within a liveness bound far from both a 50 ms cancel and a day's image).
fn publish_cancelled_while_waiting(
    cloud: Box<dyn Cloud>,
    region: &'static str,
    looked: &dyn Fn() -> bool,
) -> cloud_images::Error {
    let disk = Disk::new("web.img", 1 << 20);
    let cancel = CancelUpload::new();
    let request = PublishFile::new("web", region).timeout(Duration::from_secs(7200)).cancel_with(&cancel);
    let (done, ended) = std::sync::mpsc::channel();
    let path = disk.path.clone();
    let publisher = std::thread::spawn(move || {
        let _ = done.send(cloud.publish(&request, &path));
    });
    let give_up = std::time::Instant::now() + Duration::from_secs(60);
    while !looked() && std::time::Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(looked(), "the publish never looked at its image");
    cancel.cancel();
    let result =
        ended.recv_timeout(Duration::from_secs(120)).expect("the publish did not end after its cancel");
    publisher.join().unwrap();
    result.unwrap_err()
}

#[test]
fn a_publish_through_the_trait_cancelled_while_it_waits_deletes_what_it_made_on_both_stand_ins() {
    let day = Duration::from_secs(86_400);
    let ops = |log: Vec<Request>| -> Vec<String> {
        let mut ops: Vec<String> = log.iter().map(|r| r.operation.clone().unwrap_or_default()).collect();
        ops.dedup(); // the looks, however many
        ops
    };

    let linode = LinodeStandIn::builder().seed(Seed::Public).upload_processing(day).start().unwrap();
    let looked = || linode.requests().iter().any(|r| r.operation.as_deref() == Some("get-image"));
    let e = publish_cancelled_while_waiting(linode.cloud().unwrap(), "us-east", &looked);
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    let id = e.created_image().unwrap().to_string();
    assert!(e.created_image_deleted(), "{e}");
    assert_eq!(
        e.to_string(),
        format!("image {id} was deleted again: the publish was cancelled while the image was processing")
    );
    assert!(linode.image(&id).is_none());
    assert_eq!(
        ops(linode.requests()),
        ["post-upload-image", "object-storage-put", "get-image", "delete-image"]
    );

    let digitalocean =
        DigitalOceanStandIn::builder().seed(Seed::Public).import_time(day, day).start().unwrap();
    let looked = || digitalocean.requests().iter().any(|r| r.operation.as_deref() == Some("images_get"));
    let e = publish_cancelled_while_waiting(digitalocean.cloud().unwrap(), "nyc3", &looked);
    assert_eq!(e.kind(), ErrorKind::Cancelled, "{e}");
    let id = e.created_image().unwrap().to_string();
    assert!(e.created_image_deleted() && e.staging_object_deleted(), "{e}");
    assert!(
        e.to_string().contains(&format!("the publish was cancelled while image {id} was importing")),
        "{e}"
    );
    assert!(digitalocean.image(&id).is_none());
    assert!(digitalocean.spaces_objects(DigitalOceanStandIn::SPACES_BUCKET).is_empty());
    assert_eq!(
        ops(digitalocean.requests()),
        ["spaces_put_object", "images_create_custom", "images_get", "images_delete", "spaces_delete_object"]
    );
}

#[test]
fn a_publish_through_the_trait_cancelled_before_it_begins_sends_nothing_on_both_stand_ins() {
    let linode = LinodeStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let digitalocean =
        DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    let cancel = CancelUpload::new();
    cancel.cancel();
    let disk = Disk::new("web.img", 1 << 16);
    for (cloud, region) in [(linode.cloud().unwrap(), "us-east"), (digitalocean.cloud().unwrap(), "nyc3")] {
        let request = PublishFile::new("web", region).cancel_with(&cancel);
        let e = cloud.publish(&request, &disk.path).unwrap_err();
        assert_eq!((e.kind(), e.created_image()), (ErrorKind::Cancelled, None), "{e}");
    }
    assert!(linode.requests().is_empty(), "{:?}", linode.requests());
    assert!(digitalocean.requests().is_empty(), "{:?}", digitalocean.requests());
}

// ---------------------------------------------------------------------------------------------
// clouds_from_env, in child processes: one scenario each, with only the variables given.

/// Runs `scenario` of [`child_process`] in a child process, with only `vars` of the crate's
/// variables set.
fn run_child(scenario: &str, vars: &[(&str, &str)]) {
    alone::run_scenario(module_path!(), scenario, vars);
}

#[test]
#[ignore = "run by run_child, in a child process with its own environment"]
fn child_process() {
    let Some(scenario) = alone::scenario() else {
        println!("nothing to do: run_child runs this test in a child process");
        return;
    };
    let providers =
        |clouds: &cloud_images::Clouds| clouds.clouds.iter().map(|c| c.provider()).collect::<Vec<_>>();
    let own = |cloud: &dyn Cloud| cloud.own_images().map(|i| i.unwrap().id).collect::<Vec<_>>();
    match scenario.as_str() {
        "no-token" => {
            let e = clouds_from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                "no cloud is configured: set a token in LINODE_TOKEN, LINODE_CLI_TOKEN, DIGITALOCEAN_ACCESS_TOKEN, \
                 DIGITALOCEAN_TOKEN (a blank one counts as unset)"
            );
        }
        "linode-only" => {
            let clouds = clouds_from_env().unwrap();
            assert_eq!(providers(&clouds), [CloudProvider::Linode]);
            assert_eq!(clouds.found, [(CloudProvider::Linode, "LINODE_TOKEN")]);
            assert_eq!(
                clouds.not_found,
                [(CloudProvider::DigitalOcean, &["DIGITALOCEAN_ACCESS_TOKEN", "DIGITALOCEAN_TOKEN"][..])]
            );
            assert_eq!(
                clouds.to_string(),
                "linode: token from LINODE_TOKEN\n\
                 digitalocean: not configured (set DIGITALOCEAN_ACCESS_TOKEN or DIGITALOCEAN_TOKEN)"
            );
            assert_eq!(own(clouds.clouds[0].as_ref()), ["private/24811540"]);
        }
        "both" => {
            let clouds = clouds_from_env().unwrap();
            assert_eq!(providers(&clouds), [CloudProvider::Linode, CloudProvider::DigitalOcean]);
            assert_eq!(
                clouds.found,
                [
                    (CloudProvider::Linode, "LINODE_CLI_TOKEN"),
                    (CloudProvider::DigitalOcean, "DIGITALOCEAN_TOKEN")
                ]
            );
            assert!(clouds.not_found.is_empty());
            assert_eq!(
                clouds.to_string(),
                "linode: token from LINODE_CLI_TOKEN\n\
                 digitalocean: token from DIGITALOCEAN_TOKEN; no spaces bucket to publish through (set SPACES_BUCKET \
                 to publish)"
            );
            let ids: Vec<Vec<String>> = clouds.clouds.iter().map(|c| own(c.as_ref())).collect();
            assert_eq!(ids, [vec!["private/24811540"], vec!["171002281", "171003090"]]);
            let e =
                clouds.clouds[1].publish(&PublishFile::new("web", "nyc3"), Path::new("web.img")).unwrap_err();
            assert!(e.kind() == ErrorKind::InvalidInput && e.to_string().contains("SPACES_BUCKET"), "{e}");
        }
        "digitalocean-spaces" => {
            let clouds = clouds_from_env().unwrap();
            assert_eq!(providers(&clouds), [CloudProvider::DigitalOcean]);
            let endpoint = std::env::var("SPACES_ENDPOINT_URL").unwrap();
            assert!(clouds.to_string().ends_with(&format!(
                "digitalocean: token from DIGITALOCEAN_ACCESS_TOKEN; publishes through spaces bucket \
                 stand-in-images at {endpoint}"
            )));
            let disk = Disk::new("env.img", 1 << 20);
            let image = clouds.clouds[0].publish(&PublishFile::new("from-env", "nyc3"), &disk.path).unwrap();
            assert_eq!(image.status, Some(CloudStatus::Available));
        }
        "stand-in-binary" => {
            let clouds = clouds_from_env().unwrap();
            assert_eq!(providers(&clouds), [CloudProvider::Linode, CloudProvider::DigitalOcean]);
            assert!(
                clouds.to_string().contains("publishes through spaces bucket stand-in-images"),
                "{clouds}"
            );
            let ids: Vec<Vec<String>> = clouds.clouds.iter().map(|c| own(c.as_ref())).collect();
            assert_eq!(ids, [vec!["private/24811540"], vec!["171002281", "171003090"]]);
        }
        "spaces-without-region" => {
            let e = clouds_from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                "SPACES_BUCKET is set but SPACES_REGION is not: set the spaces region of bucket \"my-images\" (nyc3, \
                 ams3, sfo3, fra1, ...)"
            );
        }
        other => panic!("unknown scenario {other}"),
    }
    println!("scenario {scenario}: ok");
}

#[test]
fn clouds_from_env_without_any_token_names_every_variable() {
    run_child("no-token", &[]);
    run_child("no-token", &[("LINODE_TOKEN", "  "), ("DIGITALOCEAN_TOKEN", "\"\""), ("SPACES_BUCKET", "x")]);
}

#[test]
fn clouds_from_env_finds_the_clouds_whose_token_is_set() {
    let linode = LinodeStandIn::start().unwrap();
    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let linode_url = linode.base_url();
    let digitalocean_url = digitalocean.base_url();
    run_child("linode-only", &[("LINODE_URL", &linode_url), ("LINODE_TOKEN", linode.token())]);
    run_child(
        "both",
        &[
            ("LINODE_URL", &linode_url),
            ("LINODE_CLI_TOKEN", linode.token()),
            ("DIGITALOCEAN_API_URL", &digitalocean_url),
            ("DIGITALOCEAN_TOKEN", digitalocean.token()),
        ],
    );
}

#[test]
fn clouds_from_env_gives_digitalocean_the_spaces_bucket_it_names() {
    let stand_in = DigitalOceanStandIn::builder()
        .seed(Seed::Public)
        .import_time(Duration::ZERO, Duration::ZERO)
        .start()
        .unwrap();
    let (url, endpoint) = (stand_in.base_url(), stand_in.spaces_url());
    let spaces = [
        ("DIGITALOCEAN_API_URL", url.as_str()),
        ("DIGITALOCEAN_ACCESS_TOKEN", stand_in.token()),
        ("SPACES_BUCKET", DigitalOceanStandIn::SPACES_BUCKET),
        ("SPACES_REGION", DigitalOceanStandIn::SPACES_REGION),
        ("SPACES_ACCESS_KEY_ID", DigitalOceanStandIn::SPACES_ACCESS_KEY_ID),
        ("SPACES_SECRET_ACCESS_KEY", DigitalOceanStandIn::SPACES_SECRET_ACCESS_KEY),
        ("SPACES_ENDPOINT_URL", endpoint.as_str()),
    ];
    run_child("digitalocean-spaces", &spaces);
    let uploads = stand_in.spaces_uploads();
    assert_eq!((uploads.len(), uploads[0].len, uploads[0].deleted), (1, 1 << 20, true));
    assert_eq!(stand_in.account_images().len(), 1);
    run_child(
        "spaces-without-region",
        &[
            ("DIGITALOCEAN_API_URL", url.as_str()),
            ("DIGITALOCEAN_ACCESS_TOKEN", "t"),
            ("SPACES_BUCKET", "my-images"),
        ],
    );
}

#[test]
fn the_neutral_listings_are_the_providers_lazy_listings() {
    let case = digitalocean_case();
    (case.take)();
    // Nothing is sent before the first item; `take` sends only the pages it needs.
    let mut public = case.cloud.public_images();
    assert_eq!((public.pages_fetched(), public.total()), (0, None));
    assert!((case.take)().is_empty());
    let first = public.next().unwrap().unwrap();
    assert_eq!((first.visibility, public.pages_fetched(), public.total()), (Visibility::Public, 1, Some(26)));
    assert_eq!(requests(&case), ["GET /v2/images?type=distribution&per_page=200 200"]);
    // The rest: the distributions' page, then the applications' (a second listing, one page).
    assert_eq!(public.by_ref().count(), 30);
    assert_eq!((public.pages_fetched(), public.total()), (2, Some(26)));
    assert_eq!(requests(&case), ["GET /v2/images?type=application&per_page=200 200"]);
    assert!(public.next().is_none());
    assert!((case.take)().is_empty(), "nothing more is sent once both listings ended");
}

#[test]
fn an_error_in_the_first_of_two_listings_ends_both() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    stand_in.inject("images_list", Fault::status(500)).unwrap();
    let cloud = stand_in.cloud().unwrap();
    let items: Vec<_> = cloud.public_images().collect();
    assert_eq!(items.len(), 1);
    let e = items.into_iter().next().unwrap().unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    let queries: Vec<_> =
        stand_in.requests().iter().map(|r| r.query_param("type").map(str::to_string)).collect();
    assert_eq!(
        queries,
        [Some("distribution".to_string())],
        "the applications are not listed after the error"
    );
}

#[test]
fn a_listing_item_that_does_not_decode_stays_an_error_in_its_place() {
    // A page whose second item has a label that is not text: the others still come, mapped.
    let server = httpmock::MockServer::start();
    let page = server.mock(|when, then| {
        when.method(httpmock::Method::GET).path("/v4/images");
        then.status(200).header("content-type", "application/json").body(
            r#"{"data": [{"id": "private/1", "label": "a", "is_public": false}, {"id": "private/2", "label": 7},
                {"id": "private/3", "label": "c", "is_public": false}], "page": 1, "pages": 1, "results": 3}"#,
        );
    });
    let client =
        cloud_images::linode::Client::builder().base_url(server.base_url()).token("t").build().unwrap();
    let items: Vec<_> = Cloud::own_images(&client).collect();
    page.assert_calls(1);
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().name.as_deref(), Some("a"));
    let e = items[1].as_ref().unwrap_err();
    assert_eq!((e.kind(), e.item_index(), e.item_id()), (ErrorKind::Decode, Some(1), Some("private/2")));
    assert_eq!(items[2].as_ref().unwrap().id, "private/3");
}

#[test]
fn a_cloud_never_shows_its_token_or_spaces_keys() {
    let linode = LinodeStandIn::builder().token("linode-secret-token-1234").start().unwrap();
    let digitalocean = DigitalOceanStandIn::builder().token("dop_v1_secret_token_5678").start().unwrap();
    let shown = format!("{:?} {:?}", linode.cloud().unwrap(), digitalocean.cloud().unwrap());
    for secret in [
        "linode-secret-token-1234",
        "dop_v1_secret_token_5678",
        DigitalOceanStandIn::SPACES_SECRET_ACCESS_KEY,
    ] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
    assert!(shown.contains("CloudWithSpaces") && shown.contains("stand-in-images"), "{shown}");
}

#[test]
fn clouds_from_env_runs_unchanged_against_the_stand_in_binary_as_it_prints() {
    let mut bin = crate::testing_bin::StandInBinary::start();
    let vars = bin.exports();
    let vars: Vec<(&str, &str)> = vars.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    run_child("stand-in-binary", &vars);
}
