//! The testing kit's faults and times at their edges: any `Duration` (up to `Duration::MAX`)
//! without a panic, answers whose body cannot be decoded, operation ids checked by `inject`
//! against the stand-in's own routes (and the docs' list of them), and slow answers on a
//! manual clock.

use crate::{alone, kit};

use std::collections::BTreeSet;
use std::sync::Once;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, UNIX_EPOCH};

use cloud_images::digitalocean::CustomImage;
use cloud_images::linode::CreateUpload;
use cloud_images::testing::{Clock, DigitalOceanStandIn, Fault, LinodeStandIn, On, Seed};
use cloud_images::{ErrorKind, Operation, digitalocean, linode};

/// 9999-12-31T23:59:59.999Z: where a clock moved by any amount stops.
const LATEST: Duration = Duration::from_millis(253_402_300_799_999);

fn linode_status(stand_in: &LinodeStandIn, id: &str) -> String {
    stand_in.image(id).and_then(|i| i.status).map(|s| s.as_str().to_string()).unwrap_or_default()
}

fn do_status(stand_in: &DigitalOceanStandIn, id: u64) -> String {
    stand_in.image(id).and_then(|i| i.status).map(|s| s.to_string()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// Item 1: any Duration

/// How many panics there were, on any thread (the stand-ins' server threads too), while `f`
/// ran. It installs a panic hook for the whole process: a test that calls it runs alone in its
/// own process (`alone::in_own_process`), where no other test can panic meanwhile. A panic on a server thread fails no test by itself: its socket stays open (the server
/// keeps a handle to close it when dropped), so the client only times out.
fn panics_during(f: impl FnOnce()) -> usize {
    static PANICS: AtomicUsize = AtomicUsize::new(0);
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            default(info);
        }));
    });
    let before = PANICS.load(Ordering::SeqCst);
    f();
    PANICS.load(Ordering::SeqCst) - before
}

#[test]
fn a_delay_too_long_to_represent_never_answers_and_no_thread_panics() {
    if !alone::in_own_process() {
        return;
    }
    assert_eq!(panics_during(a_delay_too_long_to_represent_never_answers_and_the_server_lives_on), 0);
}

fn a_delay_too_long_to_represent_never_answers_and_the_server_lives_on() {
    let stand_in = LinodeStandIn::start().unwrap();
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::delay(Duration::MAX)).unwrap();
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    let e = impatient.images().get("linode/debian12").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Timeout, "{e}");
    // The server thread is alive: another operation is answered, and so is the same one.
    assert_eq!(stand_in.client().unwrap().images().list().send().unwrap().total, Some(59));
    assert_eq!(impatient.images().get("linode/debian12").unwrap().id, "linode/debian12");
    let log: Vec<_> = stand_in.requests().into_iter().map(|r| (r.operation, r.status, r.fault)).collect();
    let delayed = format!("delay {} ms", Duration::MAX.as_millis());
    assert_eq!(
        log,
        [
            (Some("get-image".to_string()), Some(200), Some(delayed)), // acted on, never sent
            (Some("get-images".to_string()), Some(200), None),
            (Some("get-image".to_string()), Some(200), None),
        ]
    );
    drop(stand_in); // stops, the delayed answer's thread with it

    // The same on DigitalOcean.
    let stand_in = DigitalOceanStandIn::start().unwrap();
    stand_in.inject(On::op::<digitalocean::ops::ImagesList>(), Fault::delay(Duration::MAX)).unwrap();
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    assert_eq!(impatient.images().list().send().unwrap_err().kind(), ErrorKind::Timeout);
    assert_eq!(stand_in.client().unwrap().images().get("debian-12-x64").unwrap().id, 161_812_409);
    assert_eq!(stand_in.requests().len(), 2);
}

#[test]
fn every_duration_setter_takes_duration_max() {
    // Linode: uploads, captures and replicas that never finish, however far the clock moves.
    let stand_in = LinodeStandIn::builder()
        .clock(Clock::manual())
        .upload_processing(Duration::MAX)
        .capture_time(Duration::MAX)
        .replication(Duration::MAX, Duration::MAX)
        .start()
        .unwrap();
    let client = stand_in.client().unwrap();
    let upload = client
        .images()
        .upload(CreateUpload::new("never", "us-east"))
        .seekable(std::io::Cursor::new(vec![1u8; 4096]))
        .unwrap();
    let capture = client.images().create(LinodeStandIn::DISK_ID, "never either").send().unwrap();
    let replicated = client.images().replicate("private/24811540", ["us-east", "us-ord"]).unwrap();
    assert_eq!(replicated.regions.len(), 2);
    stand_in.clock().advance(Duration::MAX);
    stand_in.clock().advance(Duration::MAX);
    assert_eq!(stand_in.clock().now().duration_since(UNIX_EPOCH).unwrap(), LATEST);
    assert_eq!(linode_status(&stand_in, &upload.id), "creating");
    assert_eq!(linode_status(&stand_in, &capture.id), "creating");
    let regions: Vec<_> = stand_in
        .image("private/24811540")
        .unwrap()
        .regions
        .iter()
        .map(|r| (r.region.clone().unwrap(), r.status.as_ref().unwrap().as_str().to_string()))
        .collect();
    assert_eq!(
        regions,
        [("us-east".to_string(), "available".to_string()), ("us-ord".into(), "pending replication".into())]
    );
    // The stand-in still answers, with the last time it can show.
    let image = client.images().get(&upload.id).unwrap();
    assert_eq!(image.updated.as_deref(), Some("2025-06-01T12:00:00"));
    let image = client.images().update(&upload.id).label("later").send().unwrap();
    assert_eq!(image.updated.as_deref(), Some("9999-12-31T23:59:59"));

    // A 429 whose Retry-After is as long as can be: the client does not knock again early, it
    // returns the 429 at once with the hint.
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::too_many_requests(Duration::MAX)).unwrap();
    let e = client.images().get("linode/debian12").unwrap_err();
    assert!(e.is_rate_limited(), "{e:?}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(u64::MAX)));
    let log = stand_in.requests();
    let throttled = &log[log.len() - 1];
    assert_eq!(throttled.fault, Some(format!("status 429 with retry-after: {}", u64::MAX)));
    assert_eq!(throttled.status, Some(429));

    // DigitalOcean: imports and actions that never finish; the largest rate limit.
    let stand_in = DigitalOceanStandIn::builder()
        .clock(Clock::manual_at(UNIX_EPOCH + Duration::from_secs(1 << 40))) // past 9999
        .import_time(Duration::MAX, Duration::MAX)
        .action_time(Duration::MAX)
        .rate_limit(u64::MAX)
        .start()
        .unwrap();
    assert_eq!(stand_in.clock().now().duration_since(UNIX_EPOCH).unwrap(), LATEST);
    let client = stand_in.client().unwrap();
    let import = CustomImage::new("never", "https://example.com/never.qcow2", "nyc3");
    let image = client.images().import(import).unwrap();
    assert_eq!(image.created_at.as_deref(), Some("9999-12-31T23:59:59Z"));
    let action = client.images().actions(171_002_281).transfer("sfo3").unwrap();
    stand_in.clock().advance(Duration::MAX);
    assert_eq!(do_status(&stand_in, image.id), "NEW");
    let action = client.images().actions(171_002_281).get(action.id).unwrap();
    assert_eq!(action.status.map(|s| s.to_string()).as_deref(), Some("in-progress"));
    let limit = client.rate_limit().unwrap();
    assert_eq!((limit.limit, limit.remaining), (u64::MAX, u64::MAX - 3));

    // A manual clock that starts before 1970 starts at 1970.
    let clock = Clock::manual_at(UNIX_EPOCH - Duration::from_secs(3600));
    assert_eq!(clock.now(), UNIX_EPOCH);
}

// ---------------------------------------------------------------------------------------------
// Item 2: bodies a client cannot decode

#[test]
fn each_malformed_body_is_a_decode_error_on_lists_and_gets() {
    let linode = LinodeStandIn::start().unwrap();
    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let (l, d) = (linode.client().unwrap(), digitalocean.client().unwrap());
    for (fault, text, lists) in [
        (Fault::not_json(), "not JSON", true),
        (Fault::empty_object(), "empty object", false), // lists: see the test below
        (Fault::truncated_json(), "truncated JSON", true),
    ] {
        let mut errors = Vec::new();
        if lists {
            linode.inject(On::op::<linode::ops::GetImages>(), fault.clone()).unwrap();
            digitalocean.inject(On::op::<digitalocean::ops::ImagesList>(), fault.clone()).unwrap();
            errors.push(l.images().list().send().unwrap_err());
            errors.push(d.images().list().send().unwrap_err());
        }
        linode.inject(On::op::<linode::ops::GetImage>(), fault.clone()).unwrap();
        digitalocean.inject(On::op::<digitalocean::ops::ImagesGet>(), fault).unwrap();
        errors.push(l.images().get("linode/debian12").unwrap_err());
        errors.push(d.images().get("debian-12-x64").unwrap_err());
        for e in errors {
            assert_eq!(e.kind(), ErrorKind::Decode, "{text}: {e}");
        }
        // Sent once each (a decode error is not retried), with the real status.
        let once = if lists { 2 } else { 1 };
        for log in [linode.take_requests(), digitalocean.take_requests()] {
            let seen: Vec<_> = log.iter().map(|r| (r.status, r.fault.as_deref())).collect();
            assert_eq!(seen, vec![(Some(200), Some(text)); once]);
        }
        // The connection was left in order: the next calls work.
        assert_eq!(l.images().get("linode/debian12").unwrap().id, "linode/debian12");
        assert_eq!(d.images().get("debian-12-x64").unwrap().id, 161_812_409);
        linode.take_requests();
        digitalocean.take_requests();
    }
}

#[test]
fn an_empty_object_for_a_list_is_a_decode_error() {
    let linode = LinodeStandIn::start().unwrap();
    linode.inject(On::op::<linode::ops::GetImages>(), Fault::empty_object()).unwrap();
    let listed = linode.client().unwrap().images().list().send();
    assert_eq!(listed.map(|page| page.items.len()).unwrap_err().kind(), ErrorKind::Decode);
    let digitalocean = DigitalOceanStandIn::start().unwrap();
    digitalocean.inject(On::op::<digitalocean::ops::ImagesList>(), Fault::empty_object()).unwrap();
    let listed = digitalocean.client().unwrap().images().list().send();
    assert_eq!(listed.map(|page| page.items.len()).unwrap_err().kind(), ErrorKind::Decode);
}

#[test]
fn a_malformed_body_comes_after_the_stand_in_acted() {
    let linode = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = linode.client().unwrap();
    let before = linode.account_images().len();
    linode.inject(On::op::<linode::ops::PostUploadImage>(), Fault::empty_object()).unwrap();
    let e = client.images().create_upload(CreateUpload::new("made", "us-east")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    let images = linode.account_images();
    assert_eq!(images.len(), before + 1); // the image was made
    let made = images.last().unwrap();
    assert_eq!(
        (made.label.as_deref(), linode_status(&linode, &made.id).as_str()),
        (Some("made"), "pending_upload")
    );

    linode.inject(On::op::<linode::ops::PutImage>(), Fault::not_json()).unwrap();
    let e = client.images().update("private/24811540").label("renamed").send().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!(linode.image("private/24811540").unwrap().label.as_deref(), Some("renamed"));

    linode.inject(On::op::<linode::ops::PostReplicateImage>(), Fault::truncated_json()).unwrap();
    let e = client.images().replicate("private/24811540", ["us-east", "fr-par"]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    let regions: Vec<_> =
        linode.image("private/24811540").unwrap().regions.into_iter().filter_map(|r| r.region).collect();
    assert_eq!(regions, ["us-east", "fr-par"]); // replicating all the same
    let log: Vec<_> =
        linode.requests().into_iter().map(|r| (r.operation.unwrap(), r.status, r.fault.unwrap())).collect();
    assert_eq!(
        log,
        [
            ("post-upload-image".to_string(), Some(200), "empty object".to_string()),
            ("put-image".into(), Some(200), "not JSON".into()),
            ("post-replicate-image".into(), Some(200), "truncated JSON".into()),
        ]
    );

    let digitalocean = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = digitalocean.client().unwrap();
    digitalocean.inject(On::op::<digitalocean::ops::ImagesCreateCustom>(), Fault::truncated_json()).unwrap();
    let import = CustomImage::new("made", "https://example.com/made.qcow2", "nyc3");
    assert_eq!(client.images().import(import).unwrap_err().kind(), ErrorKind::Decode);
    let made = digitalocean.account_images().into_iter().find(|i| i.name.as_deref() == Some("made")).unwrap();
    assert_eq!(do_status(&digitalocean, made.id), "NEW");
    digitalocean.inject(On::op::<digitalocean::ops::ImageActionsPost>(), Fault::not_json()).unwrap();
    let e = client.images().actions(171_002_281).transfer("sfo3").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Decode);
    assert_eq!(digitalocean.actions().len(), 1); // the action started
    let statuses: Vec<_> = digitalocean.requests().iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(202), Some(201)]);
}

#[test]
fn malformed_bodies_are_complete_messages_with_their_own_length() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let (base, token) = (stand_in.base_url(), stand_in.token().to_string());
    let whole = kit::get(&base, "/v2/images/debian-12-x64", &token);
    assert_eq!(whole.header("content-length"), Some(whole.body.len().to_string().as_str()));

    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::truncated_json()).unwrap();
    let cut = kit::get(&base, "/v2/images/debian-12-x64", &token);
    assert_eq!(cut.status, 200);
    assert_eq!(cut.header("content-length"), Some(cut.body.len().to_string().as_str()));
    assert_eq!(cut.header("content-type"), Some("application/json"));
    assert_eq!(cut.body.len(), whole.body.len() / 2);
    assert!(whole.body.starts_with(&cut.body)); // a prefix of the real answer
    assert!(serde_json::from_slice::<serde_json::Value>(&cut.body).is_err());
    assert!(cut.header("ratelimit-remaining").is_some()); // the real headers

    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::empty_object()).unwrap();
    let empty = kit::get(&base, "/v2/images/debian-12-x64", &token);
    assert_eq!(
        (empty.status, empty.text(), empty.header("content-length")),
        (200, "{}".to_string(), Some("2"))
    );

    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::not_json()).unwrap();
    let page = kit::get(&base, "/v2/images/debian-12-x64", &token);
    assert_eq!((page.status, page.header("content-type")), (200, Some("text/html")));
    assert_eq!(page.header("content-length"), Some(page.body.len().to_string().as_str()));
    assert!(page.text().starts_with("<!DOCTYPE html>"));

    // A real error keeps its status too.
    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::not_json()).unwrap();
    assert_eq!(kit::get(&base, "/v2/images/1", &token).status, 404);
}

// ---------------------------------------------------------------------------------------------
// Items 3 and 4: operation ids

#[test]
fn an_unknown_operation_id_is_refused_with_the_known_ones() {
    let linode = LinodeStandIn::start().unwrap();
    let e = linode.inject("no-such-operation", Fault::unavailable().times(5)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let message = e.to_string();
    assert!(message.contains("\"no-such-operation\""), "{message}");
    for id in ["get-images", "post-replicate-image", "get-sharegroups", "object-storage-put"] {
        assert!(message.contains(id), "{id} missing from: {message}");
    }
    assert_eq!(listed(&message), LinodeStandIn::operations());
    // DigitalOcean's ids are not Linode's.
    assert_eq!(
        linode.inject("images_get", Fault::unavailable()).unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    assert_eq!(linode.pending_faults(), 0);

    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let e = digitalocean.inject(On::operation("get-image"), Fault::unavailable()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(listed(&e.to_string()), DigitalOceanStandIn::operations());
    assert_eq!(digitalocean.pending_faults(), 0);

    // Requests by method and path, and any request, need no operation id.
    linode.inject(On::request("GET", "/nowhere"), Fault::unavailable()).unwrap();
    digitalocean.inject(On::any(), Fault::unavailable()).unwrap();
    assert_eq!((linode.pending_faults(), digitalocean.pending_faults()), (1, 1));
}

/// The ids an `inject` error lists (after `operation ids are: `).
fn listed(message: &str) -> Vec<&str> {
    let (_, list) = message.split_once("operation ids are: ").expect(message);
    list.split(", ").collect()
}

/// The ids in `file`'s doc lines (`///` or `//!`) that start with `- <provider>`.
fn documented(file: &str, provider: &str) -> Vec<String> {
    let text = std::fs::read_to_string(format!("{}/src/testing/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let lines: Vec<&str> =
        text.lines().map(|l| l.trim().trim_start_matches("///").trim_start_matches("//!").trim()).collect();
    let mut ids = Vec::new();
    let mut inside = false;
    for line in lines {
        if line.starts_with("- ") {
            inside = line.starts_with(&format!("- {provider} "));
        } else if !line.starts_with('`') {
            inside = false; // only a list item's continuation lines start with an id
        }
        if inside {
            ids.extend(line.split('`').skip(1).step_by(2).map(str::to_string));
        }
    }
    ids
}

#[test]
fn the_docs_list_every_operation_id_and_inject_takes_each() {
    for file in ["faults.rs", "mod.rs"] {
        let linode = documented(file, "Linode");
        let mut digitalocean = documented(file, "DigitalOcean");
        assert_eq!((linode.len(), digitalocean.len()), (30, 12), "{file}");
        // The Spaces side (feature `spaces`, on in this crate's tests) comes last.
        digitalocean.extend(documented(file, "Spaces,"));
        assert_eq!(linode, LinodeStandIn::operations(), "{file}");
        assert_eq!(digitalocean, DigitalOceanStandIn::operations(), "{file}");
    }
    let stand_in = LinodeStandIn::start().unwrap();
    for id in documented("faults.rs", "Linode") {
        stand_in.inject(id.as_str(), Fault::unavailable()).unwrap();
    }
    assert_eq!(stand_in.pending_faults(), 30);
    let stand_in = DigitalOceanStandIn::start().unwrap();
    for id in documented("faults.rs", "DigitalOcean").into_iter().chain(documented("faults.rs", "Spaces,")) {
        stand_in.inject(id.as_str(), Fault::unavailable()).unwrap();
    }
    assert_eq!(stand_in.pending_faults(), 15);
}

#[test]
fn the_docs_list_30_linode_and_12_digitalocean_operation_ids() {
    // Reads the docs only (no new API), so it also runs against older code.
    for file in ["faults.rs", "mod.rs"] {
        let linode: BTreeSet<String> = documented(file, "Linode").into_iter().collect();
        let digitalocean: BTreeSet<String> = documented(file, "DigitalOcean").into_iter().collect();
        assert_eq!((linode.len(), digitalocean.len()), (30, 12), "{file}: {linode:?} {digitalocean:?}");
        for id in ["get-images", "get-sharegroups", "get-images-sharegroups-image", "object-storage-put"] {
            assert!(linode.contains(id), "{file}: {id}");
        }
        assert!(digitalocean.contains("images_post_account_transfer_decline"), "{file}");
    }
}

/// `template` with each `{…}` replaced by `x1`, `x2`, ...
fn sample_path(template: &str) -> String {
    let mut n = 0;
    let parts: Vec<String> = template
        .split('/')
        .map(|part| {
            if part.starts_with('{') {
                n += 1;
                format!("x{n}")
            } else {
                part.to_string()
            }
        })
        .collect();
    parts.join("/")
}

macro_rules! routed {
    ($($op:ty),* $(,)?) => {
        vec![$((<$op as Operation>::METHOD.as_str(), <$op as Operation>::PATH_TEMPLATE, <$op as Operation>::OPERATION_ID)),*]
    };
}

#[test]
fn each_generated_operation_is_routed_to_its_own_id() {
    use cloud_images::digitalocean::ops as d;
    use cloud_images::linode::ops as l;
    let linode = routed![
        l::GetImages,
        l::PostImage,
        l::PostUploadImage,
        l::GetImage,
        l::PutImage,
        l::DeleteImage,
        l::PostReplicateImage,
        l::GetSharegroups,
        l::PostSharegroups,
        l::GetUserTokens,
        l::PostSharegroupTokens,
        l::GetSharegroupToken,
        l::PutSharegroupToken,
        l::DeleteSharegroupToken,
        l::GetSharegroupByToken,
        l::GetSharegroupImagesByToken,
        l::GetSharegroup,
        l::PutSharegroup,
        l::DeleteSharegroup,
        l::GetSharegroupImages,
        l::PostSharegroupImages,
        l::PutSharegroupImageshare,
        l::DeleteSharegroupImageshare,
        l::GetSharegroupMembers,
        l::PostSharegroupMembers,
        l::GetSharegroupMemberToken,
        l::PutSharegroupMemberToken,
        l::DeleteSharegroupMemberToken,
        l::GetImagesSharegroupsImage,
    ];
    let stand_in = LinodeStandIn::start().unwrap();
    let mut ids = Vec::new();
    for (method, template, id) in linode {
        kit::send(&stand_in.base_url(), method, &format!("/v4beta{}", sample_path(template)), &[], b"");
        ids.push(id);
    }
    kit::send(&stand_in.base_url(), "PUT", "/object-storage/bucket/us-east/1", &[], b"");
    ids.push("object-storage-put");
    let logged: Vec<_> = stand_in.requests().into_iter().map(|r| r.operation.unwrap_or_default()).collect();
    assert_eq!(logged, ids);
    assert_eq!(ids, LinodeStandIn::operations());
    // Image ids may come with a bare slash, as in Linode's own examples.
    let raw = kit::get(&stand_in.base_url(), "/v4/images/linode/debian12", stand_in.token());
    assert_eq!((raw.status, raw.json()["id"].as_str()), (200, Some("linode/debian12")));

    let digitalocean = routed![
        d::ImagesList,
        d::ImagesCreateCustom,
        d::ImagesGet,
        d::ImagesUpdate,
        d::ImagesDelete,
        d::ImageActionsList,
        d::ImageActionsPost,
        d::ImageActionsGet,
        d::ImagesPostAccountTransferCreate,
        d::ImagesPostAccountTransferAccept,
        d::ImagesPostAccountTransferCancel,
        d::ImagesPostAccountTransferDecline,
    ];
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let mut ids = Vec::new();
    for (method, template, id) in digitalocean {
        kit::send(&stand_in.base_url(), method, &sample_path(template), &[], b"");
        ids.push(id);
    }
    let logged: Vec<_> = stand_in.requests().into_iter().map(|r| r.operation.unwrap_or_default()).collect();
    assert_eq!(logged, ids);
    let api: Vec<_> =
        DigitalOceanStandIn::operations().into_iter().filter(|id| !id.starts_with("spaces_")).collect();
    assert_eq!(ids, api); // the Spaces side's are not the API spec's
}

// ---------------------------------------------------------------------------------------------
// Item 5: slow answers on a manual clock

#[test]
fn a_delay_on_a_manual_clock_moves_the_clock_and_answers_at_once() {
    let stand_in = LinodeStandIn::builder()
        .clock(Clock::manual())
        .capture_time(Duration::from_secs(60))
        .start()
        .unwrap();
    // A client that gives up after 200 ms of real time still gets an answer an hour late.
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    stand_in.inject(On::op::<linode::ops::PostImage>(), Fault::delay(Duration::from_secs(3600))).unwrap();
    let before = stand_in.clock().now();
    let image = impatient.images().create(LinodeStandIn::DISK_ID, "slow").send().unwrap();
    assert_eq!(stand_in.clock().now().duration_since(before).unwrap(), Duration::from_secs(3600));
    // Answered as it was when the stand-in acted, an hour ago on its clock.
    assert_eq!(image.status.map(|s| s.as_str().to_string()).as_deref(), Some("creating"));
    assert_eq!(linode_status(&stand_in, &image.id), "available");
    assert_eq!(stand_in.requests()[0].fault.as_deref(), Some("delay 3600000 ms"));

    // Whole milliseconds, each delay in turn.
    stand_in.inject(On::any(), Fault::delay(Duration::from_millis(1500)).times(2)).unwrap();
    let before = stand_in.clock().now();
    impatient.images().get("linode/debian12").unwrap();
    impatient.images().get("linode/debian12").unwrap();
    assert_eq!(stand_in.clock().now().duration_since(before).unwrap(), Duration::from_millis(3000));

    // DigitalOcean: the same.
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).start().unwrap();
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    stand_in.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::delay(Duration::from_secs(90))).unwrap();
    let before = stand_in.clock().now();
    impatient.images().get("debian-12-x64").unwrap();
    assert_eq!(stand_in.clock().now().duration_since(before).unwrap(), Duration::from_secs(90));

    // A real clock sleeps as before: the impatient client gives up.
    let stand_in = LinodeStandIn::start().unwrap();
    let impatient =
        stand_in.client_builder().timeout(Duration::from_millis(200)).no_retries().build().unwrap();
    stand_in.inject(On::op::<linode::ops::GetImage>(), Fault::delay(Duration::from_secs(3600))).unwrap();
    assert_eq!(impatient.images().get("linode/debian12").unwrap_err().kind(), ErrorKind::Timeout);
}

#[test]
fn a_delay_too_long_to_represent_on_a_manual_clock_moves_it_to_its_end() {
    let stand_in = DigitalOceanStandIn::builder().clock(Clock::manual()).seed(Seed::Public).start().unwrap();
    stand_in.inject(On::op::<digitalocean::ops::ImagesList>(), Fault::delay(Duration::MAX)).unwrap();
    let page = stand_in.client().unwrap().images().list().send().unwrap();
    assert_eq!(page.total, Some(31));
    assert_eq!(stand_in.clock().now().duration_since(UNIX_EPOCH).unwrap(), LATEST);
}
