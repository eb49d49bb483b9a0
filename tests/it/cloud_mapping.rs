//! Issue 20, item 1: the neutral image view, from answers shaped as the live APIs send them
//! (`null` lists, missing fields, values no enum names, a timestamp that does not parse), served
//! by httpmock and read through the `Cloud` trait: every field exact, sizes in bytes and times to
//! the second. And every status and type value the generated enums know (read from the
//! generated code, so a value a spec adds fails here until it is mapped) maps to its documented
//! neutral word; a value they do not know is the provider's own word.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use cloud_images::{
    Cloud, CloudImage, CloudKind, CloudProvider, CloudStatus, ProviderImage, Visibility, digitalocean, linode,
};
use httpmock::Method::GET;
use httpmock::MockServer;
use serde_json::json;

const LINODE_IMAGES: &str = include_str!("../fixtures/cloud/linode_images.json");
const DIGITALOCEAN_IMAGES: &str = include_str!("../fixtures/cloud/digitalocean_images.json");

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

/// What the neutral view says of one image, in one comparable value.
#[derive(Debug, PartialEq)]
struct Row {
    id: String,
    name: Option<String>,
    description: Option<String>,
    status: Option<CloudStatus>,
    size_bytes: Option<u64>,
    min_disk_bytes: Option<u64>,
    regions: Vec<(String, Option<CloudStatus>)>,
    distribution: Option<String>,
    visibility: Visibility,
    kind: Option<CloudKind>,
    tags: Vec<String>,
    created: Option<SystemTime>,
}

impl From<&CloudImage> for Row {
    fn from(i: &CloudImage) -> Row {
        Row {
            id: i.id.clone(),
            name: i.name.clone(),
            description: i.description.clone(),
            status: i.status.clone(),
            size_bytes: i.size_bytes,
            min_disk_bytes: i.min_disk_bytes,
            regions: i.regions.iter().map(|r| (r.region.clone(), r.status.clone())).collect(),
            distribution: i.distribution.clone(),
            visibility: i.visibility,
            kind: i.kind.clone(),
            tags: i.tags.clone(),
            created: i.created,
        }
    }
}

/// A row with the given id and visibility and nothing else, for `..base(..)` below.
fn base(id: &str, visibility: Visibility) -> Row {
    Row {
        id: id.into(),
        name: None,
        description: None,
        status: None,
        size_bytes: None,
        min_disk_bytes: None,
        regions: Vec::new(),
        distribution: None,
        visibility,
        kind: None,
        tags: Vec::new(),
        created: None,
    }
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

fn at(unix: u64) -> Option<SystemTime> {
    Some(UNIX_EPOCH + Duration::from_secs(unix))
}

fn regions(list: &[(&str, Option<CloudStatus>)]) -> Vec<(String, Option<CloudStatus>)> {
    list.iter().map(|(r, s)| (r.to_string(), s.clone())).collect()
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| t.to_string()).collect()
}

#[test]
fn linode_images_in_the_neutral_view() {
    let server = MockServer::start();
    let own = server.mock(|when, then| {
        when.method(GET)
            .path("/v4/images")
            .query_param("page_size", "500")
            .header("x-filter", r#"{"+and":[{"is_public":false},{"type":{"+neq":"shared"}}]}"#);
        then.status(200).header("content-type", "application/json").body(LINODE_IMAGES);
    });
    let cloud: Box<dyn Cloud> =
        Box::new(linode::Client::builder().base_url(server.base_url()).token("t").build().unwrap());
    let images: Vec<CloudImage> = cloud.own_images().collect::<Result<_, _>>().unwrap();
    own.assert_calls(1);
    assert!(images.iter().all(|i| i.provider == CloudProvider::Linode));
    use CloudStatus::{Available, Deleted, Failed, Other, Pending};
    let expected = [
        Row {
            name: s("Debian 12"),
            description: s(""),
            status: Some(Available),
            size_bytes: Some(1300 * MIB),
            min_disk_bytes: Some(1300 * MIB),
            distribution: s("Debian"),
            kind: Some(CloudKind::Manual),
            created: at(1_686_583_105), // 2023-06-12T15:18:25, UTC
            ..base("linode/debian12", Visibility::Public)
        },
        Row {
            name: s("web-01 - Debian 12 Disk"),
            status: Some(Available),
            // Its total_size in its one region, 3779067904 bytes: Linode's MB are MiB.
            size_bytes: Some(3_779_067_904),
            min_disk_bytes: Some(3_779_067_904),
            regions: regions(&[("us-east", Some(Available))]),
            kind: Some(CloudKind::Automatic),
            created: at(1_756_797_100),
            ..base("private/24811540", Visibility::Own)
        },
        Row {
            name: s("golden-debian-12"),
            description: s("CIS level 1, nginx, node exporter"),
            status: Some(Available),
            size_bytes: Some(2520 * MIB),
            min_disk_bytes: Some(2520 * MIB),
            // Every region status Linode sends, one unknown, and an entry without a region (left out).
            regions: regions(&[
                ("us-east", Some(Available)),
                ("us-iad", Some(Pending)),
                ("us-ord", Some(Pending)),
                ("fr-par", Some(Deleted)),
                ("jp-osa", Some(Pending)),
                ("br-gru", Some(Pending)),
                ("se-sto", Some(Failed("timedout".into()))),
                ("in-maa", Some(Other("paused".into()))),
            ]),
            kind: Some(CloudKind::Manual),
            created: at(1_759_311_000),
            ..base("private/160700", Visibility::Own)
        },
        Row {
            name: s("web-2025-11-03"),
            description: s("built by CI"),
            status: Some(Pending),
            size_bytes: Some(0),
            min_disk_bytes: Some(0),
            regions: regions(&[("us-east", Some(Pending))]),
            tags: tags(&["ci", "web"]),
            created: at(1_762_156_800),
            ..base("private/160701", Visibility::Own) // no is_public, no type
        },
        Row {
            name: s("web-2025-11-04"),
            status: Some(Pending),
            size_bytes: Some(2_843_738_112),
            min_disk_bytes: Some(2_843_738_112),
            kind: Some(CloudKind::Manual),
            tags: tags(&["ci"]),
            created: at(1_762_243_200),
            ..base("private/160702", Visibility::Own)
        },
        Row {
            name: s("golden-debian-12"),
            description: s("CIS level 1, nginx, node exporter"),
            status: Some(Available),
            size_bytes: Some(2620 * MIB),
            min_disk_bytes: Some(2620 * MIB),
            regions: regions(&[("us-iad", Some(Available)), ("us-ord", Some(Available))]),
            kind: Some(CloudKind::Shared),
            created: at(1_760_445_002),
            ..base("shared/5854", Visibility::Shared)
        },
        Row {
            name: s("hibernated"),
            status: Some(Other("hibernating".into())),
            kind: Some(CloudKind::Other("golden".into())),
            ..base("private/160703", Visibility::Own) // its `created` does not parse
        },
        base("linode/alpine3.20", Visibility::Public),
    ];
    assert_eq!(images.iter().map(Row::from).collect::<Vec<_>>(), expected);

    // What the view leaves out, or could not read, is in the provider's model, as sent.
    let model = |i: usize| images[i].model.as_linode().unwrap();
    assert_eq!(model(0).total_size, Some(1300)); // public images: not bytes, whatever the spec says
    assert_eq!(model(0).eol.as_deref(), Some("2028-06-30T04:00:00"));
    assert_eq!(model(6).created.as_deref(), Some("last tuesday"));
    assert_eq!(images[2].model.as_digitalocean(), None);
    assert!(matches!(&images[7].model, ProviderImage::Linode(i) if i.id == "linode/alpine3.20"));
}

#[test]
fn digitalocean_images_in_the_neutral_view() {
    let server = MockServer::start();
    let own = server.mock(|when, then| {
        when.method(GET).path("/v2/images").query_param("private", "true").query_param("per_page", "200");
        then.status(200).header("content-type", "application/json").body(DIGITALOCEAN_IMAGES);
    });
    let cloud: Box<dyn Cloud> =
        Box::new(digitalocean::Client::builder().base_url(server.base_url()).token("t").build().unwrap());
    let images: Vec<CloudImage> = cloud.own_images().collect::<Result<_, _>>().unwrap();
    own.assert_calls(1);
    assert!(images.iter().all(|i| i.provider == CloudProvider::DigitalOcean));
    use CloudStatus::{Available, Deleted, Failed, Other, Pending};
    let expected = [
        Row {
            name: s("24.04 (LTS) x64"),
            description: s("Ubuntu 24.04 x86 image"),
            status: Some(Available),
            size_bytes: Some(2_534_030_705), // 2.36 GiB, to the nearest byte
            min_disk_bytes: Some(7 * GIB),
            regions: regions(&[("nyc1", None), ("sfo3", None), ("ams3", None), ("atl1", None)]),
            distribution: s("Ubuntu"),
            kind: Some(CloudKind::Base),
            created: at(1_732_119_729),
            ..base("169474531", Visibility::Public)
        },
        Row {
            name: s("web-01 2025-11-02"),
            status: Some(Available),
            size_bytes: Some(4_090_956_349),
            min_disk_bytes: Some(25 * GIB),
            regions: regions(&[("nyc3", None)]),
            distribution: s("Ubuntu"),
            kind: Some(CloudKind::Manual),
            created: at(1_762_053_255),
            ..base("171002281", Visibility::Own)
        },
        Row {
            name: s("web-01 2025-11-03 backup"),
            status: Some(Available),
            size_bytes: Some(GIB / 2),
            min_disk_bytes: Some(25 * GIB),
            regions: regions(&[("nyc3", None)]),
            distribution: s("Ubuntu"),
            kind: Some(CloudKind::Automatic),
            // 2025-11-03T04:00:07.250+01:00
            created: Some(UNIX_EPOCH + Duration::from_millis(1_762_138_807_250)),
            ..base("171003090", Visibility::Own)
        },
        Row {
            name: s("fedora-coreos-41"),
            status: Some(Pending),
            distribution: s("Unknown"),
            kind: Some(CloudKind::Custom),
            created: at(1_762_164_041),
            ..base("171002977", Visibility::Own)
        },
        Row {
            name: s("fedora-coreos-42"),
            description: s("Fedora CoreOS stable"),
            status: Some(Pending),
            distribution: s("Fedora"),
            kind: Some(CloudKind::Custom),
            tags: tags(&["base"]),
            created: at(1_762_164_300),
            ..base("171002978", Visibility::Own)
        },
        Row {
            name: s("broken-import"),
            status: Some(Failed("Failed to download the image: the URL answered 404 Not Found".into())),
            distribution: s("Unknown"),
            kind: Some(CloudKind::Custom),
            created: at(1_762_164_600),
            ..base("171002979", Visibility::Own)
        },
        Row {
            name: s("removed"),
            status: Some(Deleted), // its error_message is blank
            kind: Some(CloudKind::Manual),
            created: at(1_762_164_900),
            ..base("171002980", Visibility::Own)
        },
        Row {
            name: s("18.04 (LTS) x64"),
            status: Some(Other("retired".into())),
            size_bytes: Some(2_501_818_450),
            min_disk_bytes: Some(15 * GIB),
            distribution: s("Ubuntu"),
            kind: Some(CloudKind::Base),
            created: at(1_652_211_636),
            ..base("106433672", Visibility::Public)
        },
        Row {
            name: s("doks-worker-1.31"),
            status: Some(Available),
            size_bytes: Some(3 * GIB + GIB / 2),
            min_disk_bytes: Some(20 * GIB),
            regions: regions(&[("nyc3", None), ("sfo3", None)]),
            distribution: s("Debian"),
            kind: Some(CloudKind::Managed),
            created: at(1_761_825_600),
            ..base("171009999", Visibility::Own)
        },
        Row {
            name: s("odd"),
            status: Some(Other("quarantined".into())),
            size_bytes: None, // -1.0
            min_disk_bytes: Some(10 * GIB),
            regions: regions(&[("nyc4", None)]),
            distribution: s("NixOS"),
            kind: Some(CloudKind::Other("template".into())),
            ..base("171010001", Visibility::Own) // created_at "yesterday"
        },
        base("171010002", Visibility::Public), // a slug, no `public`
        base("171010003", Visibility::Own),
    ];
    assert_eq!(images.iter().map(Row::from).collect::<Vec<_>>(), expected);

    let model = |i: usize| images[i].model.as_digitalocean().unwrap();
    assert_eq!(model(0).slug.as_deref(), Some("ubuntu-24-04-x64"));
    assert_eq!(model(9).created_at.as_deref(), Some("yesterday"));
    assert_eq!(model(9).size_gigabytes, Some(-1.0));
    assert_eq!(images[0].model.as_linode(), None);
}

/// The values the generated open enum `name` of a provider's generated `enums` file knows, as
/// its doc lines name them (`///\`pending_upload\``).
fn known_values(enums: &str, name: &str) -> Vec<String> {
    let start = enums.find(&format!("pub enum {name} {{")).unwrap_or_else(|| panic!("no enum {name}"));
    let body = &enums[start..];
    let body = &body[..body.find("\n}").unwrap()];
    body.lines()
        .filter_map(|l| l.trim().strip_prefix("///`").and_then(|l| l.strip_suffix('`')))
        .map(str::to_string)
        .collect()
}

const LINODE_ENUMS: &str = include_str!(concat!(env!("OUT_DIR"), "/linode_enums.rs"));
const DIGITALOCEAN_ENUMS: &str = include_str!(concat!(env!("OUT_DIR"), "/digitalocean_enums.rs"));

/// Checks that `mapping` names every value of the enum, no more, and that each maps as it says
/// (`map` makes the neutral word of one value); an unknown value is the provider's own word.
fn every_value<T: PartialEq + std::fmt::Debug>(
    known: Vec<String>,
    mapping: &[(&str, T)],
    map: impl Fn(&str) -> T,
    own_word: impl Fn(&str) -> T,
) {
    let mut named: Vec<&str> = mapping.iter().map(|(v, _)| *v).collect();
    named.sort_unstable();
    let mut known_sorted: Vec<&str> = known.iter().map(String::as_str).collect();
    known_sorted.sort_unstable();
    assert_eq!(named, known_sorted, "every value the generated enum knows has a documented neutral word");
    for (value, neutral) in mapping {
        assert_eq!(&map(value), neutral, "{value}");
    }
    assert_eq!(map("some-future-value"), own_word("some-future-value"));
}

fn linode_image(fields: serde_json::Value) -> CloudImage {
    let mut image = json!({"id": "private/1"});
    image.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
    CloudImage::from(serde_json::from_value::<linode::types::Image>(image).unwrap())
}

fn digitalocean_image(fields: serde_json::Value) -> CloudImage {
    let mut image = json!({"id": 1});
    image.as_object_mut().unwrap().extend(fields.as_object().unwrap().clone());
    CloudImage::from(serde_json::from_value::<digitalocean::types::Image>(image).unwrap())
}

#[test]
fn every_linode_status_and_type_maps_to_its_documented_neutral_word() {
    use CloudStatus::{Available, Deleted, Failed, Other, Pending};
    every_value(
        known_values(LINODE_ENUMS, "ImageStatus"),
        &[("creating", Some(Pending)), ("pending_upload", Some(Pending)), ("available", Some(Available))],
        |v| linode_image(json!({"status": v})).status,
        |v| Some(Other(v.into())),
    );
    every_value(
        known_values(LINODE_ENUMS, "ImageRegionStatus"),
        &[
            ("available", Some(Available)),
            ("creating", Some(Pending)),
            ("pending", Some(Pending)),
            ("pending deletion", Some(Deleted)),
            ("pending replication", Some(Pending)),
            ("replicating", Some(Pending)),
            ("timedout", Some(Failed("timedout".into()))),
        ],
        |v| linode_image(json!({"regions": [{"region": "us-east", "status": v}]})).regions[0].status.clone(),
        |v| Some(Other(v.into())),
    );
    every_value(
        known_values(LINODE_ENUMS, "ImageType"),
        &[
            ("manual", Some(CloudKind::Manual)),
            ("automatic", Some(CloudKind::Automatic)),
            ("shared", Some(CloudKind::Shared)),
        ],
        |v| linode_image(json!({"type": v})).kind,
        |v| Some(CloudKind::Other(v.into())),
    );
    // Words are compared ignoring case; no status is no status.
    assert_eq!(linode_image(json!({"status": "Available"})).status, Some(Available));
    assert_eq!(linode_image(json!({})).status, None);
}

#[test]
fn every_digitalocean_status_and_type_maps_to_its_documented_neutral_word() {
    use CloudStatus::{Available, Deleted, Failed, Other, Pending};
    every_value(
        known_values(DIGITALOCEAN_ENUMS, "ImageStatus"),
        &[
            ("NEW", Some(Pending)),
            ("pending", Some(Pending)),
            ("available", Some(Available)),
            ("deleted", Some(Deleted)),
            ("retired", Some(Other("retired".into()))),
        ],
        |v| digitalocean_image(json!({"status": v})).status,
        |v| Some(Other(v.into())),
    );
    // A failed import: deleted, with the reason.
    let failed = digitalocean_image(json!({"status": "deleted", "error_message": " the URL answered 403 "}));
    assert_eq!(failed.status, Some(Failed("the URL answered 403".into())));
    every_value(
        known_values(DIGITALOCEAN_ENUMS, "ImageType"),
        &[
            ("base", Some(CloudKind::Base)),
            ("snapshot", Some(CloudKind::Manual)),
            ("backup", Some(CloudKind::Automatic)),
            ("custom", Some(CloudKind::Custom)),
            ("admin", Some(CloudKind::Managed)),
        ],
        |v| digitalocean_image(json!({"type": v})).kind,
        |v| Some(CloudKind::Other(v.into())),
    );
    assert_eq!(digitalocean_image(json!({"status": "new"})).status, Some(Pending));
}

#[test]
fn sizes_and_times_the_view_cannot_hold_are_none_never_made_up() {
    let huge = linode_image(json!({"size": u64::MAX, "created": "2025-02-30T00:00:00"}));
    assert_eq!((huge.size_bytes, huge.min_disk_bytes, huge.created), (None, None, None));
    let huge = digitalocean_image(
        json!({"size_gigabytes": 1e300, "min_disk_size": u64::MAX, "created_at": "2025-11-02T03:14:15"}),
    );
    assert_eq!((huge.size_bytes, huge.min_disk_bytes), (None, None));
    // No offset: read as UTC, as Linode writes its times.
    assert_eq!(huge.created, at(1_762_053_255));
    let early = linode_image(json!({"created": "1969-12-31T23:59:59"}));
    assert_eq!(early.created, UNIX_EPOCH.checked_sub(Duration::from_secs(1)));
}
