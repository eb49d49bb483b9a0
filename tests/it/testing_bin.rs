//! The `cloud-images-stand-in` binary: its arguments, and the stand-ins it serves.

use crate::kit;

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};

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

/// The binary, running with its output piped; killed when the test ends, whether it passed or
/// not. Also used by the tests that point a program at it (`traps`, `cloud`).
pub struct StandInBinary {
    child: Child,
    out: Lines<BufReader<ChildStdout>>,
}

impl StandInBinary {
    pub fn start() -> StandInBinary {
        let mut child = Command::new(BIN).stdout(Stdio::piped()).spawn().unwrap();
        let out = BufReader::new(child.stdout.take().unwrap()).lines();
        StandInBinary { child, out }
    }

    /// The next line it printed.
    pub fn next_line(&mut self) -> String {
        self.out.next().unwrap().unwrap()
    }

    /// Reads what it prints up to `Requests as they come`: the variables it says to export, in
    /// the order it names them.
    pub fn exports(&mut self) -> Vec<(String, String)> {
        let mut vars = Vec::new();
        loop {
            let line = self.next_line();
            if line.starts_with("Requests as they come") {
                return vars;
            }
            if let Some(exports) = line.trim().strip_prefix("export ") {
                for pair in exports.split_whitespace() {
                    let (name, value) = pair.split_once('=').unwrap();
                    vars.push((name.to_string(), value.to_string()));
                }
            }
        }
    }
}

impl Drop for StandInBinary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn serves_both_stand_ins_and_prints_their_requests() {
    let mut bin = StandInBinary::start();
    let mut next = || bin.next_line();
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
