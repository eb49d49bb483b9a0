//! Serves the stand-ins of `cloud_images::testing` on fixed ports, for programs in other languages
//! and tools with a configurable API URL, and prints each request they answer.
//!
//! ```sh
//! cargo run --features testing --bin cloud-images-stand-in -- --linode-port 8041 --digitalocean-port 8042
//! curl -H "Authorization: Bearer linode-stand-in-token" http://127.0.0.1:8041/v4/images
//! ```
//!
//! It prints the environment variables that point a program using `from_env` (or
//! `clouds_from_env`) at them: `LINODE_URL` and `LINODE_TOKEN`, `DIGITALOCEAN_API_URL` and
//! `DIGITALOCEAN_ACCESS_TOKEN` (the names the providers' Terraform providers read too), and with
//! the `spaces` feature the `SPACES_*` variables of its Spaces side.
//!
//! Runs until interrupted (Ctrl-C).

use std::process::ExitCode;
use std::time::Duration;

use cloud_images::testing::{DigitalOceanStandIn, LinodeStandIn, Request};

const USAGE: &str = "usage: cloud-images-stand-in [--linode-port PORT] [--digitalocean-port PORT]\n\
                     Serves local stand-ins of the Linode (v4) and DigitalOcean (v2) Images APIs on 127.0.0.1\n\
                     (port 0, the default, picks a free port) until interrupted.";

fn main() -> ExitCode {
    let (linode_port, digitalocean_port) = match ports(std::env::args().skip(1).collect()) {
        Ok(Some(ports)) => ports,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n{USAGE}");
            return ExitCode::FAILURE;
        }
    };
    let started = LinodeStandIn::builder()
        .port(linode_port)
        .start()
        .and_then(|linode| Ok((linode, DigitalOceanStandIn::builder().port(digitalocean_port).start()?)));
    let (linode, digitalocean) = match started {
        Ok(both) => both,
        Err(e) => {
            eprintln!("error: cannot start the stand-ins: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("Linode        {}   token {}", linode.base_url(), linode.token());
    println!("              uploads go to {}", linode.storage_url());
    println!("DigitalOcean  {}   token {}", digitalocean.base_url(), digitalocean.token());
    println!("To point a program that uses from_env() at them:");
    println!("  export LINODE_URL={} LINODE_TOKEN={}", linode.base_url(), linode.token());
    println!(
        "  export DIGITALOCEAN_API_URL={} DIGITALOCEAN_ACCESS_TOKEN={}",
        digitalocean.base_url(),
        digitalocean.token()
    );
    // With `spaces`: the stand-in's Spaces side, for `clouds_from_env` to publish through.
    #[cfg(feature = "spaces")]
    println!(
        "  export SPACES_BUCKET={} SPACES_REGION={} SPACES_ENDPOINT_URL={} SPACES_ACCESS_KEY_ID={} SPACES_SECRET_ACCESS_KEY={}",
        DigitalOceanStandIn::SPACES_BUCKET,
        DigitalOceanStandIn::SPACES_REGION,
        digitalocean.spaces_url(),
        DigitalOceanStandIn::SPACES_ACCESS_KEY_ID,
        DigitalOceanStandIn::SPACES_SECRET_ACCESS_KEY
    );
    println!("Requests as they come (Ctrl-C to stop):");
    loop {
        std::thread::sleep(Duration::from_millis(200));
        for request in linode.take_requests() {
            print_request("linode", &request);
        }
        for request in digitalocean.take_requests() {
            print_request("digitalocean", &request);
        }
    }
}

/// The two ports, or `None` for `--help`.
fn ports(args: Vec<String>) -> Result<Option<(u16, u16)>, String> {
    let (mut linode, mut digitalocean) = (0, 0);
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let port = match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--linode-port" => &mut linode,
            "--digitalocean-port" => &mut digitalocean,
            other => return Err(format!("unknown argument {other:?}")),
        };
        let value = args.next().ok_or_else(|| format!("{arg} needs a port"))?;
        *port = value.parse().map_err(|_| format!("{arg}: {value:?} is not a port"))?;
    }
    Ok(Some((linode, digitalocean)))
}

fn print_request(api: &str, r: &Request) {
    let query: Vec<String> = r.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let target = if query.is_empty() { r.path.clone() } else { format!("{}?{}", r.path, query.join("&")) };
    let status = r.status.map_or_else(|| "dropped".to_string(), |s| s.to_string());
    println!("{api:<12}  {} {target}  ← {status} {}", r.method, r.note);
}
