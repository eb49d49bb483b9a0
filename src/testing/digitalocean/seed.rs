//! What the DigitalOcean stand-in starts with: DigitalOcean's public distribution and
//! application images, and an account with a snapshot and a backup.

use serde_json::{Value, json};

use super::state::Own;

/// Regions images can be imported into and transferred to.
pub(crate) const REGIONS: [&str; 13] =
    ["ams3", "blr1", "fra1", "lon1", "nyc1", "nyc2", "nyc3", "sfo2", "sfo3", "sgp1", "syd1", "tor1", "atl1"];

/// The distributions DigitalOcean knows; any other is "accepted but ignored" (`Unknown`).
pub(crate) const DISTRIBUTIONS: [&str; 13] = [
    "Arch Linux",
    "CentOS",
    "CoreOS",
    "Debian",
    "Fedora",
    "Fedora Atomic",
    "FreeBSD",
    "Gentoo",
    "openSUSE",
    "RancherOS",
    "Rocky Linux",
    "Ubuntu",
    "Unknown",
];

/// DigitalOcean's public distribution images: 26, in the shape the live API sends them.
pub(crate) fn distributions() -> Vec<Value> {
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
            let (created_at, description) =
                (format!("{created}T16:40:35Z"), format!("{distribution} {name} image"));
            public_image(
                (id, slug, distribution, name, min_disk, size),
                "base",
                &regions,
                created_at,
                description,
            )
        })
        .collect()
}

/// 1-Click application images (`GET /v2/images?type=application`): 5.
pub(crate) fn applications() -> Vec<Value> {
    // (id, slug, name, min disk GB, size GB, created)
    let list: [(u64, &str, &str, u64, f64, &str); 5] = [
        (165_064_453, "docker-20-04", "Docker 27.3 on Ubuntu 22.04", 25, 2.21, "2024-10-01"),
        (165_064_987, "wordpress-20-04", "WordPress 6.6 on Ubuntu 22.04", 25, 3.12, "2024-10-01"),
        (166_211_004, "lamp-20-04", "LAMP on Ubuntu 22.04", 25, 2.73, "2024-10-15"),
        (170_433_512, "mongodb-7-0", "MongoDB 7.0 on Ubuntu 22.04", 25, 2.95, "2024-12-10"),
        (178_950_221, "gitlab-22-04", "GitLab 17.8 on Ubuntu 22.04", 50, 6.48, "2025-02-04"),
    ];
    list.iter()
        .map(|&(id, slug, name, min_disk, size, created)| {
            let (created_at, description) = (format!("{created}T09:12:51Z"), format!("1-Click {name}"));
            public_image(
                (id, slug, "Ubuntu", name, min_disk, size),
                "snapshot",
                &REGIONS,
                created_at,
                description,
            )
        })
        .collect()
}

/// A public image as the live API sends it (`tags: null`): `(id, slug, distribution, name, min
/// disk GB, size GB)`, its `type` (`base` for a distribution, `snapshot` for a 1-Click
/// application), regions, creation time and description.
fn public_image(
    row: (u64, &str, &str, &str, u64, f64),
    kind: &str,
    regions: &[&str],
    created_at: String,
    description: String,
) -> Value {
    let (id, slug, distribution, name, min_disk, size) = row;
    json!({
        "id": id,
        "name": name,
        "distribution": distribution,
        "slug": slug,
        "public": true,
        "regions": regions,
        "created_at": created_at,
        "type": kind,
        "min_disk_size": min_disk,
        "size_gigabytes": size,
        "description": description,
        "tags": null,
        "status": "available",
        "error_message": "",
    })
}

/// The account's images: a Droplet snapshot and a backup (convertible to a snapshot).
pub(crate) fn account_images() -> Vec<Own> {
    vec![
        Own {
            id: 171_002_281,
            name: "web-01 2025-11-02".into(),
            description: String::new(),
            distribution: "Ubuntu".into(),
            region: "nyc3".into(),
            tags: Vec::new(),
            created_ms: 1_762_053_255_000, // 2025-11-02T03:14:15Z
            kind: "snapshot",
            import: None,
            min_disk_size: 25,
            size_gigabytes: 3.81,
        },
        Own {
            id: 171_003_090,
            name: "web-01 2025-11-03 backup".into(),
            description: String::new(),
            distribution: "Ubuntu".into(),
            region: "nyc3".into(),
            tags: Vec::new(),
            created_ms: 1_762_150_200_000, // 2025-11-03T06:10:00Z
            kind: "backup",
            import: None,
            min_disk_size: 25,
            size_gigabytes: 3.84,
        },
    ]
}
