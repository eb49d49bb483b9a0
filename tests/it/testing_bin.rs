//! The `cloud-images-stand-in` binary: its arguments, and the stand-ins it serves.

use crate::kit;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cloud-images-stand-in");

#[test]
fn help_and_bad_arguments() {
    let help = Command::new(BIN).arg("--help").output().unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: cloud-images-stand-in"));
    for args in [&["--linode-port"][..], &["--linode-port", "http"], &["--verbose"]] {
        let out = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "), "{args:?}");
    }
}

/// Kills the server when the test ends, whether it passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serves_both_stand_ins_and_prints_their_requests() {
    let mut child = Running(Command::new(BIN).stdout(Stdio::piped()).spawn().unwrap());
    let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
    let mut next = || lines.next().unwrap().unwrap();
    let url = |line: &str| line.split_whitespace().nth(1).unwrap().to_string();
    let linode = url(&next());
    assert!(next().contains("/object-storage"));
    let digitalocean = url(&next());
    assert_eq!(next(), "To point a program that uses from_env() at them:");
    assert_eq!(next(), format!("  export LINODE_URL={linode} LINODE_TOKEN=linode-stand-in-token"));
    assert_eq!(
        next(),
        format!(
            "  export DIGITALOCEAN_API_URL={digitalocean} DIGITALOCEAN_ACCESS_TOKEN=dop_v1_stand_in_token"
        )
    );
    let spaces = format!("{digitalocean}/spaces");
    assert_eq!(
        next(),
        format!(
            "  export SPACES_BUCKET=stand-in-images SPACES_REGION=nyc3 SPACES_ENDPOINT_URL={spaces} \
             SPACES_ACCESS_KEY_ID=DO00STANDINSPACESKEY SPACES_SECRET_ACCESS_KEY=stand-in-spaces-secret-key"
        )
    );
    assert!(next().starts_with("Requests as they come"));

    let image = kit::send(&linode, "GET", "/v4/images/linode%2Fdebian12", &[], b"");
    assert_eq!((image.status, image.json()["label"].clone()), (200, serde_json::json!("Debian 12")));
    let list = kit::get(&digitalocean, "/v2/images?type=application", "dop_v1_stand_in_token");
    assert_eq!(list.json()["meta"]["total"], 5);
    assert_eq!(next(), "linode        GET /v4/images/linode%2Fdebian12  ← 200 Debian 12 available");
    assert_eq!(next(), "digitalocean  GET /v2/images?type=application  ← 200 5 images of 5, no next link");
}
