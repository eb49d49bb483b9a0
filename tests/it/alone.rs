//! Tests that need a process of their own. All tests of this binary share one process: its
//! environment (read by every client when it is built), its panic hook, its logger, its
//! temporary files. A test that changes or counts one of those starts with
//!
//! ```ignore
//! if !alone::in_own_process() {
//!     return;
//! }
//! ```
//!
//! and runs again, alone, in a child process of this binary. A test that needs the crate's
//! variables set to given values runs scenarios of its module's `child_process` test in child
//! processes ([`run_scenario`]).

use std::process::Command;

/// Set in the child: the name of the one test it runs.
const CHILD: &str = "CLOUD_IMAGES_TEST_ALONE";

/// The name libtest gives `test` of `module` (`module_path!()` of the test's module):
/// `traps::child_process`, without the crate's name.
pub fn test_name(module: &str, test: &str) -> String {
    let module = module.split_once("::").map_or("", |(_crate, path)| path);
    if module.is_empty() { test.to_string() } else { format!("{module}::{test}") }
}

/// Called first by a test, on the thread libtest runs it on (named after the test). In this
/// binary's own run: runs that test again in a child process of this binary, alone (`--exact`,
/// one thread), fails with the child's output when it failed there or did not run, and returns
/// `false`: the caller returns. In that child: returns `true`, and the caller goes on.
pub fn in_own_process() -> bool {
    let thread = std::thread::current();
    let name = thread.name().filter(|name| *name != "main").unwrap_or_else(|| {
        panic!("in_own_process is called on the thread libtest runs the test on, named after the test")
    });
    if std::env::var(CHILD).is_ok_and(|child| child == name) {
        return true;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env(CHILD, name)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    print!("{text}");
    assert!(out.status.success(), "{name} failed in its own process:\n{text}");
    assert!(text.contains("test result: ok. 1 passed"), "{name} did not run in its own process:\n{text}");
    false
}

// ---------------------------------------------------------------------------------------------
// Scenarios: a module's ignored `child_process` test, run with a chosen environment.

/// Set in a scenario's child: the scenario it runs ([`scenario`]).
const SCENARIO: &str = "CLOUD_IMAGES_TEST_SCENARIO";

/// Every variable the crate reads, and the proxy variables: a scenario's child starts without
/// them, then gets the ones its scenario gives.
pub const CLEARED: [&str; 18] = [
    "LINODE_TOKEN",
    "LINODE_CLI_TOKEN",
    "LINODE_URL",
    "LINODE_API_VERSION",
    "DIGITALOCEAN_ACCESS_TOKEN",
    "DIGITALOCEAN_TOKEN",
    "DIGITALOCEAN_API_URL",
    "SPACES_BUCKET",
    "SPACES_REGION",
    "SPACES_ACCESS_KEY_ID",
    "SPACES_SECRET_ACCESS_KEY",
    "SPACES_ENDPOINT_URL",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
];

/// Runs `scenario` of the ignored `child_process` test of `module` (`module_path!()`) in a new
/// process of this binary, with only `vars` of the crate's variables set; fails with the
/// child's output when the scenario failed or did not run (it prints `scenario {name}: ok` as
/// it ends).
pub fn run_scenario(module: &str, scenario: &str, vars: &[(&str, &str)]) {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command.args([
        test_name(module, "child_process").as_str(),
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for var in CLEARED {
        command.env_remove(var);
    }
    command.env(SCENARIO, scenario).envs(vars.iter().copied());
    let out = command.output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "scenario {scenario} failed:\n{text}");
    assert!(text.contains(&format!("scenario {scenario}: ok")), "scenario {scenario} did not run:\n{text}");
}

/// In a scenario's child: the scenario to run; `None` in a run of the ignored test by hand.
pub fn scenario() -> Option<String> {
    std::env::var(SCENARIO).ok()
}
