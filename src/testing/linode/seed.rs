//! What the Linode stand-in starts with: Linode's public images, and an account with an
//! automatic image, an image shared with it, and a disk to capture.

use serde_json::{Value, json};

use super::sharing::{Foreign, MemberToken};

use super::state::{Disk, Own, Replica, Source};

/// Linode's public images: 57, in the shape the live API sends them.
pub(crate) fn public_images() -> Vec<Value> {
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
    let year = created.get(..4).and_then(|y| y.parse::<u32>().ok()).unwrap_or(2020);
    let month = created.get(4..).unwrap_or("-01");
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
        // Distributions have an end of life: past for the deprecated ones.
        "eol": format!("{}{month}-30T04:00:00", if deprecated { year + 3 } else { year + 5 }),
        "expiry": null,
        "is_public": true,
        "is_shared": false,
        "size": size,
        "total_size": size,
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

/// The disk a new stand-in's account has (`web-01`'s system disk).
pub(crate) fn disk() -> Disk {
    Disk { id: 25_674_120, label: "web-01 - Debian 12 Disk".into(), region: "us-east".into(), size_mb: 3604 }
}

/// The account's seeded images, in the shapes the live API sends: an automatic image kept after
/// its Linode was deleted (`created_by`, `updated` and `description` null, an `expiry`), and an
/// image another account shares with this one (`shared/`, `is_shared` null).
pub(crate) fn account_images() -> Vec<Own> {
    let ms = |unix: u64| unix * 1000;
    vec![
        Own {
            id: "private/24811540".into(),
            label: "web-01 - Debian 12 Disk".into(),
            description: None,
            tags: Vec::new(),
            cloud_init: false,
            kind: "automatic",
            created_ms: ms(1_756_797_100), // 2025-09-02T07:11:40
            updated_ms: None,
            created_by: None,
            expiry_ms: Some(ms(1_757_401_900)), // a week later
            source: Source::Ready { size_mb: 3604 },
            replicas: vec![Replica { region: "us-east".into(), asked_ms: None, removed_ms: None }],
            shared_by: None,
            shared_in: 0,
            ever_shared: false,
        },
        Own {
            id: "shared/5854".into(),
            label: "golden-debian-12".into(),
            description: Some("CIS level 1, nginx, node exporter".into()),
            tags: Vec::new(),
            cloud_init: true,
            kind: "shared",
            created_ms: ms(1_760_445_002), // 2025-10-14T12:30:02
            updated_ms: None,
            created_by: None,
            expiry_ms: None,
            source: Source::Ready { size_mb: 2620 },
            replicas: ["us-iad", "us-ord"]
                .iter()
                .map(|r| Replica { region: (*r).into(), asked_ms: None, removed_ms: None })
                .collect(),
            shared_by: Some(json!({
                "sharegroup_id": 8306,
                "sharegroup_uuid": "955860b2-60b3-4a48-ba1b-d51e85da5074",
                "sharegroup_label": "platform-golden-images",
                "source_image_id": "private/160700",
                "source_image_label": null,
            })),
            shared_in: 0,
            ever_shared: false,
        },
    ]
}

/// The group of another account that shares `shared/5854` with this one.
pub(crate) fn foreign_groups() -> Vec<Foreign> {
    vec![Foreign {
        id: 8306,
        uuid: "955860b2-60b3-4a48-ba1b-d51e85da5074".into(),
        label: "platform-golden-images".into(),
        description: "Base images built and hardened by the platform team".into(),
        created_ms: 1_760_444_100_000, // 2025-10-14T12:15:00
    }]
}

/// This account's membership token for that group, accepted by its owner.
pub(crate) fn tokens() -> Vec<MemberToken> {
    vec![MemberToken {
        token_uuid: "4591075e-4ba8-43c9-a521-928c3d4a135d".into(),
        label: Some("golden images from platform".into()),
        valid_for: "955860b2-60b3-4a48-ba1b-d51e85da5074".into(),
        status: "active",
        created_ms: 1_760_444_880_000, // 2025-10-14T12:28:00
        updated_ms: Some(1_760_444_990_000),
    }]
}
