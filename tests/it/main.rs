//! The integration tests, in one binary (issue 19, item 7): `cargo test` links one test
//! executable instead of one per file. One module per concern; a test's name is
//! `module::test` (`cargo test --test it -- tls:: proxy::` runs two modules).
//!
//! Servers: httpmock where a well-behaved mock API serves; the testing kit's stand-ins
//! (`cloud_images::testing`) where state matters; the scripted raw server in [`common`] where a
//! server must misbehave in ways the others cannot.
//!
//! A test that changes something the whole process shares (the environment, the panic hook, the
//! logger, the temporary upload files) runs alone in a child process of this binary:
//! [`alone::in_own_process`].

// Shared by the tests below.
mod alone;
mod common;
mod kit;
mod logs;
mod matchers;
mod models;
mod tls_support;

/// `build/refuse.rs` as `build.rs` compiles it (for `build_checks` and `paging_spec`).
#[allow(dead_code)]
#[path = "../../build/refuse.rs"]
mod refuse;

/// `build/paging.rs` as `build.rs` compiles it (for `paging_spec`).
#[allow(dead_code)]
#[path = "../../build/paging.rs"]
mod paging;

// The code generator and the generated code.
mod build_checks;
mod codegen;
mod decode_fuzz;
mod decode_rule;
mod paging_spec;
mod public_api;
mod snapshot;

// The source's shape.
mod files_by_concern;

// Linode.
mod linode_images;
mod linode_operations;
mod linode_sharegroup_operations;
mod linode_sharegroups;

// DigitalOcean.
mod digitalocean_images;
mod digitalocean_operations;
mod digitalocean_transfers;
mod publish;

// Both providers: the shared core, listings, waits, ids, the neutral view.
mod cloud;
mod cloud_mapping;
mod one_kit;
mod one_listing;
mod one_listing_api;
mod one_wait_shape;
mod pages;
mod real_responses;
mod shared_core;

// Reliability: faults, deadlines, lost answers, cancelled and killed uploads, the simulation.
mod chaos;
mod concurrency;
mod deadlines;
mod faults;
mod lost_answers;
mod simulation;
mod simulation_regressions;
mod upload_cancel;
#[cfg(unix)]
mod upload_kill;

// Inputs, tokens, secrets, the environment, TLS and proxies.
mod env;
mod inputs;
mod no_token;
mod proxy;
mod secrets;
mod security;
mod tls;
mod traps;

// The testing kit.
mod testing_bin;
mod testing_decode;
mod testing_faults;
mod testing_kit;
mod testing_sharegroups;
