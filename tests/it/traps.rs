//! No traps (issue 18, item 5): what a user reasonably writes does what it says, or fails loudly.
//!
//! 1. `linode::Client::from_env()` without a token is an error, not an anonymous client;
//!    `Client::anonymous()` asks for one explicitly.
//! 2. A base URL that ends with the API version never doubles it.
//! 3. `from_env` reads the base URL (and Linode's API version) from the environment.
//! 4. Waiting for a region the image is not in ends after a few looks, not at the timeout.
//! 5. `replicate` replaces the regions; `add_regions` keeps them.
//! 6. Messages about URLs quote what was passed, without the query.
//!
//! Whatever reads the environment runs in a child process of this test binary (`run_child`),
//! given its own variables: no test changes this process's environment, so the tests here can
//! run in parallel.

use crate::testing_bin::StandInBinary;
use crate::{alone, common};

use std::time::Duration;

use cloud_images::linode::{ApiVersion, UploadSource};
use cloud_images::testing::{Clock, DigitalOceanStandIn, LinodeStandIn, Request, Token};
use cloud_images::{ErrorKind, digitalocean, linode};
use common::{DO_IMAGE, LINODE_IMAGE, Reply, Server};

/// The seeded private image of the Linode stand-in, in `us-east` only.
const PRIVATE: &str = "private/24811540";
const PRIVATE_PATH: &str = "/v4/images/private%2F24811540";

/// What a request was: `GET /v4/images/private%2F24811540`.
fn line(r: &Request) -> String {
    format!("{} {}", r.method, r.path)
}

fn lines(log: &[Request]) -> Vec<String> {
    log.iter().map(line).collect()
}

// ---------------------------------------------------------------------------------------------
// Child processes: one scenario each, with the crate's variables set as given and no other.

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
    let linode_url = || std::env::var("LINODE_URL").unwrap();
    match scenario.as_str() {
        "linode-no-token" => {
            let e = linode::Client::from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                "no linode token was set: set LINODE_TOKEN or LINODE_CLI_TOKEN, or use ClientBuilder::token; \
                 for public images only, use linode::Client::anonymous()"
            );
        }
        "linode-anonymous" => {
            let client = linode::Client::anonymous().unwrap();
            assert_eq!(client.images().get("linode/debian12").unwrap().label.as_deref(), Some("Debian 12"));
            let e = client.images().get(PRIVATE).unwrap_err();
            assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(404)));
        }
        "linode-from-env" => {
            let client = linode::Client::from_env().unwrap();
            assert_eq!(client.api_version(), &ApiVersion::V4);
            assert_eq!(client.images().get(PRIVATE).unwrap().id, PRIVATE);
        }
        "linode-env-version" => {
            let client = linode::Client::from_env().unwrap();
            assert_eq!(client.api_version(), &ApiVersion::V4beta);
            assert_eq!(client.images().get(PRIVATE).unwrap().id, PRIVATE);
        }
        "linode-bad-url" => {
            let e = linode::Client::from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                format!(
                    "the base url from LINODE_URL {:?} must start with http:// or https://",
                    linode_url().split('?').next().unwrap()
                )
            );
            assert!(!format!("{e} {e:?}").contains("s3cret"));
        }
        "linode-bad-version" => {
            let e = linode::Client::from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                "LINODE_API_VERSION \"v5\" is not a Linode API version: set it to v4 or v4beta, or unset it"
            );
        }
        "linode-conflict" => {
            let e = linode::Client::from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert_eq!(
                e.to_string(),
                "the base url from LINODE_URL \"https://api.linode.com/v4beta\" ends with API version v4beta, \
                 but LINODE_API_VERSION asks for v4: pass the base url without a version \
                 (\"https://api.linode.com\") and choose the version with LINODE_API_VERSION alone"
            );
        }
        "linode-blank" => {
            let client = linode::Client::from_env().unwrap();
            assert_eq!(client.api_version(), &ApiVersion::V4);
            let shown = format!("{client:?}");
            assert!(shown.contains("base_url: \"https://api.linode.com\", api_version: V4,"), "{shown}");
        }
        "digitalocean-from-env" => {
            let client = digitalocean::Client::from_env().unwrap();
            assert_eq!(client.images().get(155_690_012).unwrap().slug.as_deref(), Some("ubuntu-24-04-x64"));
        }
        "digitalocean-bad-url" => {
            let e = digitalocean::Client::from_env().unwrap_err();
            assert_eq!(e.kind(), ErrorKind::InvalidInput);
            assert!(
                e.to_string()
                    .starts_with("the base url from DIGITALOCEAN_API_URL \"http://\" is an invalid url"),
                "{e}"
            );
        }
        "stand-in-binary" => {
            let linode = linode::Client::from_env().unwrap();
            assert_eq!(linode.images().get("linode/debian12").unwrap().id, "linode/debian12");
            let digitalocean = digitalocean::Client::from_env().unwrap();
            assert_eq!(digitalocean.images().get("ubuntu-24-04-x64").unwrap().id, 155_690_012);
        }
        other => panic!("unknown scenario {other:?}"),
    }
    println!("scenario {scenario}: ok");
}

// ---------------------------------------------------------------------------------------------
// 1. No token: an error, not an anonymous client.

#[test]
fn linode_from_env_without_a_token_or_with_a_blank_one_is_an_error_naming_both_variables() {
    let stand_in = LinodeStandIn::start().unwrap();
    let url = stand_in.base_url();
    run_child("linode-no-token", &[("LINODE_URL", &url)]);
    run_child(
        "linode-no-token",
        &[("LINODE_URL", &url), ("LINODE_TOKEN", "  "), ("LINODE_CLI_TOKEN", "\"\"")],
    );
    assert_eq!(lines(&stand_in.requests()), Vec::<String>::new()); // nothing was sent
}

#[test]
fn an_anonymous_client_is_asked_for_and_reads_public_images_only() {
    let stand_in = LinodeStandIn::start().unwrap();
    let url = stand_in.base_url();
    // A token in the environment is not used by `anonymous()`.
    run_child("linode-anonymous", &[("LINODE_URL", &url), ("LINODE_TOKEN", stand_in.token())]);
    // Nor by a builder without one.
    let built = linode::Client::builder().base_url(&url).build().unwrap();
    assert_eq!(built.images().get("linode/debian12").unwrap().id, "linode/debian12");

    let log = stand_in.requests();
    assert_eq!(
        lines(&log),
        [
            "GET /v4/images/linode%2Fdebian12",
            &format!("GET {PRIVATE_PATH}"),
            "GET /v4/images/linode%2Fdebian12"
        ]
    );
    assert!(log.iter().all(|r| r.token == Token::None && r.header("authorization").is_none()));
    assert_eq!(log.iter().map(|r| r.status).collect::<Vec<_>>(), [Some(200), Some(404), Some(200)]);
}

// ---------------------------------------------------------------------------------------------
// 2. A base URL that ends with the API version.

#[test]
fn a_linode_base_url_ending_with_v4_or_v4beta_is_not_doubled_and_sets_the_version() {
    let stand_in = LinodeStandIn::start().unwrap();
    let url = stand_in.base_url();
    let client = |base: String| stand_in.client_builder().base_url(base);

    let v4 = client(format!("{url}/v4")).build().unwrap();
    assert_eq!(v4.api_version(), &ApiVersion::V4);
    assert_eq!(v4.images().get(PRIVATE).unwrap().id, PRIVATE);
    let beta = client(format!("{url}/v4beta/")).build().unwrap();
    assert_eq!(beta.api_version(), &ApiVersion::V4beta);
    assert_eq!(beta.images().get(PRIVATE).unwrap().id, PRIVATE);
    let agreed = client(format!("{url}/v4/")).api_version(ApiVersion::V4).build().unwrap();
    assert_eq!(agreed.images().get(PRIVATE).unwrap().id, PRIVATE);
    assert_eq!(
        lines(&stand_in.requests()),
        [
            format!("GET {PRIVATE_PATH}"),
            "GET /v4beta/images/private%2F24811540".into(),
            format!("GET {PRIVATE_PATH}")
        ]
    );

    // The other version, set explicitly: refused at build, saying what to pass.
    let e = client(format!("{url}/v4beta")).api_version(ApiVersion::V4).build().unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        e.to_string(),
        format!(
            "the base url \"{url}/v4beta\" ends with API version v4beta, but api_version(ApiVersion::V4) asks for \
             v4: pass the base url without a version (\"{url}\") and choose the version with api_version(..) alone"
        )
    );
    let e = linode::Client::builder()
        .api_version(ApiVersion::V4beta)
        .base_url("https://api.linode.com/v4")
        .build()
        .unwrap_err();
    assert!(e.to_string().contains("but api_version(ApiVersion::V4beta) asks for v4beta"), "{e}");
    assert_eq!(stand_in.requests().len(), 3); // nothing more sent
}

#[test]
fn a_digitalocean_base_url_ending_with_v2_is_not_doubled() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    for base in [format!("{}/v2", stand_in.base_url()), format!("{}/V2/", stand_in.base_url())] {
        let client = stand_in.client_builder().base_url(base).build().unwrap();
        assert_eq!(client.images().get(155_690_012).unwrap().id, 155_690_012);
    }
    assert_eq!(lines(&stand_in.requests()), ["GET /v2/images/155690012", "GET /v2/images/155690012"]);
}

#[test]
fn a_path_prefix_that_is_not_a_version_is_kept() {
    let linode_server = Server::start(vec![Reply::json(200, LINODE_IMAGE)]);
    let do_server = Server::start(vec![Reply::json(200, DO_IMAGE)]);
    let linode =
        linode::Client::builder().base_url(format!("{}/proxy/", linode_server.url())).build().unwrap();
    linode.images().get("private/12345").unwrap();
    let digitalocean = digitalocean::Client::builder()
        .token("dop_v1_x")
        .base_url(format!("{}/proxy/v4", do_server.url())) // v4 is no DigitalOcean version: a prefix
        .build()
        .unwrap();
    digitalocean.images().get(7555620).unwrap();
    assert_eq!(linode_server.seen()[0].target, "/proxy/v4/images/private%2F12345");
    assert_eq!(do_server.seen()[0].target, "/proxy/v4/v2/images/7555620");
    assert_eq!((linode_server.count(), do_server.count()), (1, 1));
}

// ---------------------------------------------------------------------------------------------
// 3. The base URL and Linode's API version from the environment.

#[test]
fn linode_from_env_reads_linode_url_and_linode_api_version() {
    let stand_in = LinodeStandIn::start().unwrap();
    let url = stand_in.base_url();
    let token = stand_in.token();
    run_child("linode-from-env", &[("LINODE_URL", &format!("{url}/v4/")), ("LINODE_TOKEN", token)]);
    run_child(
        "linode-env-version",
        &[("LINODE_URL", &url), ("LINODE_API_VERSION", " V4beta "), ("LINODE_CLI_TOKEN", token)],
    );
    let log = stand_in.requests();
    assert_eq!(lines(&log), [format!("GET {PRIVATE_PATH}"), "GET /v4beta/images/private%2F24811540".into()]);
    assert!(log.iter().all(|r| r.token == Token::Valid && r.status == Some(200)));
}

#[test]
fn blank_variables_are_ignored_and_invalid_ones_are_errors_naming_them() {
    let stand_in = LinodeStandIn::start().unwrap();
    let host = stand_in.base_url().replace("http://", "");
    let bad_url = format!("ftp://{host}?sig=s3cret");
    run_child("linode-bad-url", &[("LINODE_URL", &bad_url), ("LINODE_TOKEN", "t")]);
    run_child("linode-bad-version", &[("LINODE_API_VERSION", "v5"), ("LINODE_TOKEN", "t")]);
    run_child(
        "linode-conflict",
        &[
            ("LINODE_URL", "https://api.linode.com/v4beta"),
            ("LINODE_API_VERSION", "v4"),
            ("LINODE_TOKEN", "t"),
        ],
    );
    run_child("linode-blank", &[("LINODE_URL", " "), ("LINODE_API_VERSION", ""), ("LINODE_TOKEN", "t")]);
    run_child("digitalocean-bad-url", &[("DIGITALOCEAN_API_URL", "http://"), ("DIGITALOCEAN_TOKEN", "t")]);
    assert_eq!(stand_in.requests().len(), 0);
}

#[test]
fn digitalocean_from_env_reads_digitalocean_api_url() {
    let stand_in = DigitalOceanStandIn::start().unwrap();
    let url = format!("{}/v2", stand_in.base_url());
    run_child(
        "digitalocean-from-env",
        &[("DIGITALOCEAN_API_URL", &url), ("DIGITALOCEAN_ACCESS_TOKEN", stand_in.token())],
    );
    let log = stand_in.requests();
    assert_eq!(lines(&log), ["GET /v2/images/155690012"]);
    assert_eq!((log[0].token, log[0].status), (Token::Valid, Some(200)));
}

#[test]
fn a_program_using_from_env_runs_unchanged_against_the_stand_in_binary_as_it_prints() {
    let mut bin = StandInBinary::start();
    let vars = bin.exports();
    let names: Vec<&str> = vars.iter().map(|(name, _)| name.as_str()).collect();
    let spaces = [
        "SPACES_BUCKET",
        "SPACES_REGION",
        "SPACES_ENDPOINT_URL",
        "SPACES_ACCESS_KEY_ID",
        "SPACES_SECRET_ACCESS_KEY",
    ];
    let crate_vars = ["LINODE_URL", "LINODE_TOKEN", "DIGITALOCEAN_API_URL", "DIGITALOCEAN_ACCESS_TOKEN"];
    assert_eq!(names, [&crate_vars[..], &spaces[..]].concat()); // SPACES_*: with the `spaces` feature

    let vars: Vec<(&str, &str)> = vars.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
    run_child("stand-in-binary", &vars);
    let mut next = || bin.next_line();
    assert_eq!(next(), "linode        GET /v4/images/linode%2Fdebian12  ← 200 Debian 12 available");
    assert!(next().starts_with("digitalocean  GET /v2/images/ubuntu-24-04-x64  ← 200"));
}

// ---------------------------------------------------------------------------------------------
// 4. Waiting for a region the image is not in.

#[test]
fn waiting_for_a_region_the_image_is_not_in_fails_after_three_looks() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let mut seen = Vec::new();
    let e = client
        .images()
        .wait_until_replicated(PRIVATE, ["us-east", "fr-par"])
        .timeout(Duration::from_secs(2))
        .interval(Duration::from_millis(10))
        .on_poll(|p| {
            seen.push(p.status.to_string());
            std::ops::ControlFlow::Continue(())
        })
        .send()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::WaitFailed);
    assert_eq!(e.last_status(), Some("fr-par: not listed"));
    assert_eq!(
        e.to_string(),
        "linode image private/24811540 is not replicated to fr-par: its regions are us-east (after 3 looks); \
         replicate it there first (images().add_regions or replicate), then wait (last status: fr-par: not listed)"
    );
    assert_eq!(seen, ["fr-par: not listed", "fr-par: not listed"]); // the third look ended it
    assert_eq!(lines(&stand_in.requests()), vec![format!("GET {PRIVATE_PATH}"); 3]);
}

#[test]
fn right_after_replicate_the_new_regions_are_listed_pending_and_the_wait_goes_on() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client().unwrap();
    let image = client.images().replicate(PRIVATE, ["us-east", "fr-par"]).unwrap();
    let regions: Vec<(&str, &str)> = image
        .regions
        .iter()
        .map(|r| (r.region.as_deref().unwrap(), r.status.as_ref().unwrap().as_str()))
        .collect();
    assert_eq!(regions, [("us-east", "available"), ("fr-par", "pending replication")]);

    // Each look moves the clock 0.3 s: pending replication 0.4 s, replicating 0.6 s.
    let mut seen = Vec::new();
    let image = client
        .images()
        .wait_until_replicated(PRIVATE, ["fr-par"])
        .timeout(Duration::from_secs(60))
        .interval(Duration::from_millis(1))
        .on_poll(|p| {
            seen.push(p.status.to_string());
            stand_in.clock().advance(Duration::from_millis(300));
            std::ops::ControlFlow::Continue(())
        })
        .send()
        .unwrap();
    assert_eq!(
        seen,
        [
            "fr-par: pending replication",
            "fr-par: pending replication",
            "fr-par: replicating",
            "fr-par: replicating"
        ]
    );
    assert_eq!(image.regions.len(), 2);
    let log = stand_in.requests();
    assert_eq!(log.iter().filter(|r| r.operation.as_deref() == Some("get-image")).count(), 5);
}

// ---------------------------------------------------------------------------------------------
// 5. `replicate` replaces the regions; `add_regions` keeps them.

#[test]
fn add_regions_reads_the_image_and_sends_its_regions_then_the_new_ones() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let image = client.images().add_regions(PRIVATE, ["us-ord", "US-EAST", "fr-par", "us-ord"]).unwrap();
    let regions: Vec<(&str, &str)> = image
        .regions
        .iter()
        .map(|r| (r.region.as_deref().unwrap(), r.status.as_ref().unwrap().as_str()))
        .collect();
    assert_eq!(
        regions,
        [("us-east", "available"), ("us-ord", "pending replication"), ("fr-par", "pending replication")]
    );
    let log = stand_in.take_requests();
    assert_eq!(lines(&log), [format!("GET {PRIVATE_PATH}"), format!("POST {PRIVATE_PATH}/regions")]);
    assert_eq!(log[1].body, Some(serde_json::json!({"regions": ["us-east", "us-ord", "fr-par"]})));

    // Every region there already: the read only.
    let image = client.images().add_regions(PRIVATE, ["fr-par", "US-ORD"]).unwrap();
    assert_eq!(image.regions.len(), 3);
    assert_eq!(lines(&stand_in.take_requests()), [format!("GET {PRIVATE_PATH}")]);

    // Nothing to add: refused before any request.
    let e = client.images().add_regions(PRIVATE, Vec::<String>::new()).unwrap_err();
    assert_eq!(
        (e.kind(), e.to_string()),
        (ErrorKind::InvalidInput, format!("no region given to add to {PRIVATE}"))
    );
    let e = client.images().add_regions(PRIVATE, ["us-ord", " "]).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(stand_in.requests().len(), 0);
}

#[test]
fn replicate_replaces_the_regions_and_add_regions_does_not_bring_a_removed_one_back() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    // "Add two regions", written with replicate: the image's own region goes.
    let image = client.images().replicate(PRIVATE, ["us-ord", "fr-par"]).unwrap();
    let status = |image: &linode::types::Image, region: &str| {
        let replica = image.regions.iter().find(|r| r.region.as_deref() == Some(region));
        replica.and_then(|r| r.status.as_ref()).map(|s| s.as_str().to_string())
    };
    assert_eq!(status(&image, "us-east").as_deref(), Some("pending deletion"));
    stand_in.take_requests();

    let image = client.images().add_regions(PRIVATE, ["us-mia"]).unwrap();
    let log = stand_in.requests();
    assert_eq!(log[1].body, Some(serde_json::json!({"regions": ["us-ord", "fr-par", "us-mia"]})));
    assert_eq!(status(&image, "us-mia").as_deref(), Some("pending replication"));
    assert_eq!(status(&image, "us-east").as_deref(), Some("pending deletion"));
}

// ---------------------------------------------------------------------------------------------
// 6. URL messages quote what was passed, without the query.

#[test]
fn url_messages_quote_the_url_as_passed_without_its_query() {
    let e = linode::Client::builder().base_url("http://").build().unwrap_err();
    assert!(e.to_string().starts_with("the base url \"http://\" is an invalid url"), "{e}");
    let e = digitalocean::Client::builder().base_url("ftp://api.example.com/").build().unwrap_err();
    assert_eq!(e.to_string(), "the base url \"ftp://api.example.com/\" must start with http:// or https://");
    let e = linode::Client::builder().base_url("https://api.linode.com/?key=s3cret").build().unwrap_err();
    assert_eq!(e.to_string(), "the base url \"https://api.linode.com/\" must not have a query");

    let e = linode::Client::builder()
        .proxy("socks5://alice:pw@proxy.example:1080/?sig=s3cret")
        .build()
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "unsupported proxy url \"socks5://***@proxy.example:1080/\": expected http://host:port (an HTTP proxy; \
         https goes through CONNECT)"
    );
    let mut errors = vec![e];

    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let url = " ftp://bucket.example/disk.img.gz?X-Amz-Signature=s3cret";
    let e = client.images().upload_to(url, UploadSource::reader(&b""[..], 0)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        e.to_string(),
        "the upload url \" ftp://bucket.example/disk.img.gz\" must start with http:// or https://"
    );
    assert_eq!(stand_in.requests().len(), 0);
    errors.push(e);

    let do_stand_in = DigitalOceanStandIn::start().unwrap();
    let import = digitalocean::CustomImage::new("disk", "https://?sig=s3cret", "nyc3");
    let e = do_stand_in.client().unwrap().images().import(import).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(
        e.to_string().starts_with("digitalocean custom image: the url \"https://\" is an invalid url"),
        "{e}"
    );
    assert_eq!(do_stand_in.requests().len(), 0);
    errors.push(e);

    for e in errors {
        assert!(!format!("{e} {e:?}").contains("s3cret"), "{e:?}");
    }
}
