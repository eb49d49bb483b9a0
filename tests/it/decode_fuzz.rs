//! Decoding arbitrary bytes into every response type of both providers never panics, and what
//! does decode serialises back to something that decodes to the same value.
//!
//! A deterministic mutation fuzzer (xorshift seeded per case): realistic bodies are truncated,
//! bit-flipped, spliced with JSON fragments and type-swapped, plus pure random bytes.

use cloud_images::{digitalocean::types as d, linode::types as l};
use serde::{Serialize, de::DeserializeOwned};

const LINODE_IMAGE: &str = r#"{"id":"linode/debian12","label":"Debian 12","description":null,"created":"2023-06-12T15:18:25","updated":"2023-06-12T15:18:25","created_by":"linode","deprecated":false,"is_public":true,"size":1300,"total_size":2600,"status":"available","type":"manual","vendor":"Debian","eol":"2028-06-30T04:00:00","expiry":null,"capabilities":["cloud-init","distributed-sites"],"tags":[],"regions":[{"region":"us-east","status":"available"},{"region":"us-mia","status":"pending replication"}],"is_shared":false,"image_sharing":null}"#;
const DO_IMAGE: &str = r#"{"id":7555620,"name":"Ubuntu 24.04 (LTS) x64","distribution":"Ubuntu","slug":"ubuntu-24-04-x64","public":true,"regions":["nyc3","sfo3","ams3"],"created_at":"2024-04-25T14:32:03Z","type":"base","min_disk_size":7,"size_gigabytes":2.36,"description":"Ubuntu 24.04 x64","tags":[],"status":"available","error_message":""}"#;
const DO_ACTION: &str = r#"{"id":36805527,"status":"in-progress","type":"transfer","started_at":"2024-05-01T10:00:00Z","completed_at":null,"resource_id":7555620,"resource_type":"image","region":{"name":"New York 3","slug":"nyc3","features":["backups","ipv6"],"available":true,"sizes":["s-1vcpu-1gb"]},"region_slug":"nyc3"}"#;

fn corpus() -> Vec<(&'static str, String)> {
    vec![
        ("linode image", LINODE_IMAGE.to_string()),
        ("linode page", format!(r#"{{"data":[{LINODE_IMAGE},{LINODE_IMAGE}],"page":1,"pages":3,"results":5}}"#)),
        ("linode upload", format!(r#"{{"image":{LINODE_IMAGE},"upload_to":"https://us-east-1.linodeobjects.com/x?sig=1"}}"#)),
        ("linode empty", "{}".to_string()),
        ("linode error", r#"{"errors":[{"field":"label","reason":"too long"},{"reason":"Linode busy."}]}"#.to_string()),
        ("do image", format!(r#"{{"image":{DO_IMAGE}}}"#)),
        (
            "do list",
            format!(
                r#"{{"images":[{DO_IMAGE}],"links":{{"pages":{{"next":"https://api.digitalocean.com/v2/images?page=2","last":"https://api.digitalocean.com/v2/images?page=9"}}}},"meta":{{"total":180}}}}"#
            ),
        ),
        ("do action", format!(r#"{{"action":{DO_ACTION}}}"#)),
        ("do actions", format!(r#"{{"actions":[{DO_ACTION}],"links":{{}},"meta":{{"total":1}}}}"#)),
        ("do error", r#"{"id":"not_found","message":"The resource you were accessing could not be found.","request_id":"4d9d8375-3c56-4925-a3e7-eb137fed17e9"}"#.to_string()),
        // Edge cases seen in the wild or allowed by the specs.
        ("nulls", r#"{"id":null,"label":null,"regions":null,"tags":null,"size":null}"#.to_string()),
        ("numbers", r#"{"size":-1,"total_size":1e400,"id":18446744073709551616,"page":1.5}"#.to_string()),
        ("deep", format!("{}1{}", "[".repeat(200), "]".repeat(200))),
        ("unicode", r#"{"label":"\ud83d\ude00 \u0000 é","status":"\udc00"}"#.to_string()),
    ]
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const FRAGMENTS: &[&[u8]] = &[
    b"null",
    b"true",
    b"[]",
    b"{}",
    b"\"\"",
    b"-0",
    b"1e999",
    b"\"\\u",
    b"\xff\xfe",
    b",",
    b":",
    b"\"status\":",
    b"{\"x\":",
];

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(6) {
            0 => out.truncate(at),
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            2 => {
                let frag = FRAGMENTS[rng.below(FRAGMENTS.len())];
                out.splice(at..at, frag.iter().copied());
            }
            3 if !out.is_empty() => {
                let end = (at + rng.below(16)).min(out.len());
                out.drain(at.min(end)..end);
            }
            4 => {
                // Swap one JSON value type for another: a string where a number was, and so on.
                let s = String::from_utf8_lossy(&out).into_owned();
                let swapped = match rng.below(4) {
                    0 => s.replacen(":1", ":\"1\"", 1),
                    1 => s.replacen(":\"", ":[\"", 1),
                    2 => s.replacen(":true", ":\"none\"", 1),
                    _ => s.replacen("[", "{", 1),
                };
                out = swapped.into_bytes();
            }
            _ => {
                let n = rng.below(32);
                let noise: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                out.splice(at..at, noise);
            }
        }
    }
    out
}

/// Decodes; if that works, re-encodes and checks the value survives the round trip.
fn check<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(bytes: &[u8]) -> bool {
    let Ok(value) = serde_json::from_slice::<T>(bytes) else { return false };
    let again: T = serde_json::from_slice(&serde_json::to_vec(&value).unwrap()).unwrap();
    assert_eq!(again, value, "round trip changed the value of {}", String::from_utf8_lossy(bytes));
    true
}

fn all_types(bytes: &[u8]) -> usize {
    [
        check::<l::Image>(bytes),
        check::<l::ImagePage>(bytes),
        check::<l::ImageUpload>(bytes),
        check::<l::EmptyObject>(bytes),
        check::<l::ErrorResponse>(bytes),
        check::<d::Image>(bytes),
        check::<d::ImageResponse>(bytes),
        check::<d::ImageList>(bytes),
        check::<d::Action>(bytes),
        check::<d::ActionResponse>(bytes),
        check::<d::ActionList>(bytes),
        check::<d::ErrorResponse>(bytes),
    ]
    .iter()
    .filter(|ok| **ok)
    .count()
}

#[test]
fn the_corpus_itself_decodes() {
    // Guards the fuzzer: its seeds must be valid bodies, or mutations only test the JSON parser.
    for (name, body) in corpus().iter().take(10) {
        assert!(all_types(body.as_bytes()) >= 1, "{name} decodes into nothing");
    }
}

#[test]
fn mutated_and_random_bodies_never_panic() {
    let corpus = corpus();
    let mut decoded = 0;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..3_000 {
        let (_, seed) = &corpus[round % corpus.len()];
        let input = mutate(seed.as_bytes(), &mut rng);
        decoded += all_types(&input);
        let noise: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        decoded += all_types(&noise);
    }
    // Some mutations keep the body valid: those exercise the round-trip property.
    assert!(decoded > 500, "only {decoded} mutated bodies decoded");
}
