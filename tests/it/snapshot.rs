//! The code `build.rs` generates, compared with the copy committed in `tests/snapshots/`, so
//! that every change to a spec or to the generator shows up in review as a Rust diff.
//!
//! After such a change, regenerate the copy and review it:
//!
//! ```text
//! UPDATE_SNAPSHOTS=1 cargo test --test it snapshot::
//! git diff tests/snapshots/
//! ```

use std::path::PathBuf;

/// Each generated file, as this build of the crate compiled it.
const GENERATED: &[(&str, &str)] = &[
    ("linode_types.rs", include_str!(concat!(env!("OUT_DIR"), "/linode_types.rs"))),
    ("linode_enums.rs", include_str!(concat!(env!("OUT_DIR"), "/linode_enums.rs"))),
    ("linode_ops.rs", include_str!(concat!(env!("OUT_DIR"), "/linode_ops.rs"))),
    ("linode_endpoints.rs", include_str!(concat!(env!("OUT_DIR"), "/linode_endpoints.rs"))),
    ("digitalocean_types.rs", include_str!(concat!(env!("OUT_DIR"), "/digitalocean_types.rs"))),
    ("digitalocean_enums.rs", include_str!(concat!(env!("OUT_DIR"), "/digitalocean_enums.rs"))),
    ("digitalocean_ops.rs", include_str!(concat!(env!("OUT_DIR"), "/digitalocean_ops.rs"))),
    ("digitalocean_endpoints.rs", include_str!(concat!(env!("OUT_DIR"), "/digitalocean_endpoints.rs"))),
];

fn snapshots() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("snapshots")
}

/// Where `expected` and `actual` first differ, in a few lines.
fn first_difference(expected: &str, actual: &str) -> String {
    let (mut e, mut a) = (expected.lines(), actual.lines());
    let mut line = 1;
    loop {
        match (e.next(), a.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            (x, y) => {
                let show = |l: Option<&str>| l.map_or("(end of file)".to_string(), |l| format!("{l:?}"));
                return format!(
                    "first difference at line {line}:\n  committed: {}\n  generated: {}",
                    show(x),
                    show(y)
                );
            }
        }
    }
}

#[test]
fn the_generated_code_matches_the_committed_snapshots() {
    let dir = snapshots();
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let mut problems = Vec::new();
    for (name, generated) in GENERATED {
        let path = dir.join(name);
        if update {
            std::fs::create_dir_all(&dir).expect("create tests/snapshots");
            std::fs::write(&path, generated)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
            continue;
        }
        match std::fs::read_to_string(&path) {
            Err(e) => problems.push(format!("tests/snapshots/{name}: cannot read it: {e}")),
            Ok(committed) if committed != *generated => problems.push(format!(
                "tests/snapshots/{name} is out of date; {}",
                first_difference(&committed, generated)
            )),
            Ok(_) => {}
        }
    }
    // A snapshot of a file the build no longer writes would mislead a reviewer.
    for entry in std::fs::read_dir(&dir).expect("tests/snapshots exists") {
        let name = entry.expect("a directory entry").file_name().to_string_lossy().into_owned();
        if !GENERATED.iter().any(|(generated, _)| *generated == name) {
            problems.push(format!("tests/snapshots/{name} is not generated any more: delete it"));
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n\nIf the change is intended: UPDATE_SNAPSHOTS=1 cargo test --test it snapshot::, then review `git diff tests/snapshots/`.",
        problems.join("\n")
    );
}

#[test]
fn the_first_difference_is_shown_with_its_line() {
    assert_eq!(
        first_difference("a\nb\nc\n", "a\nB\nc\n"),
        "first difference at line 2:\n  committed: \"b\"\n  generated: \"B\""
    );
    assert_eq!(
        first_difference("a\n", "a\nextra\n"),
        "first difference at line 2:\n  committed: (end of file)\n  generated: \"extra\""
    );
}
