//! Issue 19, "Files by concern": the source reads as a core that names no provider, a folder per
//! provider and the testing kit, in files small enough to hold one job each. Read from the
//! source, as `tests/it/public_api.rs` does.

use std::fs;
use std::path::{Path, PathBuf};

const MAX_LINES: usize = 600;

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_hand_written_file_is_over_600_lines() {
    let too_long: Vec<String> = rust_files(&src())
        .into_iter()
        .filter_map(|p| {
            let lines = fs::read_to_string(&p).unwrap().lines().count();
            (lines > MAX_LINES)
                .then(|| format!("{} ({lines} lines)", p.strip_prefix(src()).unwrap().display()))
        })
        .collect();
    assert!(too_long.is_empty(), "over {MAX_LINES} lines: {too_long:?}");
}

/// The core: everything but the providers' folders, the view over both of them (`src/cloud/`,
/// which names them by design: it is the layer above the providers, not below), the testing
/// kit and the stand-in binary.
fn core_files() -> Vec<PathBuf> {
    let outside = ["linode", "digitalocean", "cloud", "testing", "bin"].map(|d| src().join(d));
    rust_files(&src()).into_iter().filter(|p| !outside.iter().any(|d| p.starts_with(d))).collect()
}

/// The code of a file: no comments (docs and their examples included), nothing from its
/// `#[cfg(test)]` module on, and in `lib.rs` not the `pub mod` lines that declare the providers.
fn code(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap();
    let lib = path.ends_with("lib.rs");
    text.lines()
        .enumerate()
        .take_while(|(_, line)| *line != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .filter(|(_, line)| !(lib && line.starts_with("pub mod ")))
        .map(|(i, line)| (i + 1, line.to_string()))
        .collect()
}

#[test]
fn the_core_names_no_provider_nor_their_headers() {
    let words = ["linode", "digitalocean", "Linode", "DigitalOcean", "maintenance", "ratelimit"];
    let mut found = Vec::new();
    let files = core_files();
    assert!(files.len() > 20, "{files:?}");
    for path in files {
        for (n, line) in code(&path) {
            if let Some(word) = words.iter().find(|w| line.contains(*w)) {
                found.push(format!(
                    "{}:{n}: {word}: {}",
                    path.strip_prefix(src()).unwrap().display(),
                    line.trim()
                ));
            }
        }
    }
    assert!(found.is_empty(), "provider names in the core:\n{}", found.join("\n"));
}

#[test]
fn uploads_are_a_core_folder_and_the_providers_keep_their_own_parts() {
    for file in [
        "upload/source.rs",
        "upload/progress.rs",
        "upload/exact.rs",
        "upload/put.rs",
        "upload/temp.rs",
        "object_storage.rs",
        "linode/upload/checks.rs",
        "linode/upload/compress.rs",
        "linode/upload/clean_up.rs",
        "linode/sharegroups/mod.rs",
        "digitalocean/publish/staging.rs",
        "digitalocean/publish/run.rs",
        "error/payload.rs",
    ] {
        assert!(src().join(file).is_file(), "src/{file} is missing");
    }
}
