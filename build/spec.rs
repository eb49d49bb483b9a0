//! Loading a spec: read it, refuse what the generator cannot handle (`build/refuse.rs`), and
//! normalise what remains into the shape the other passes expect.

use std::fmt;

use openapiv3::{OpenAPI, ReferenceOr, StatusCode};
use serde_json::Value;

use crate::refuse;

/// A build failure: which spec, and what is wrong with it.
pub struct BuildError(pub String);

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Result<T> = std::result::Result<T, BuildError>;

/// `Err("{file}: {msg}")`.
pub fn fail<T>(file: &str, msg: impl fmt::Display) -> Result<T> {
    Err(BuildError(format!("{file}: {msg}")))
}

/// Reads `file`, checks it and normalises it (see [`check`] and [`normalise`]); returns it with
/// the document as written, for the checks that name JSON paths (`build/paging.rs`).
pub fn load(file: &str) -> Result<(OpenAPI, Value)> {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return fail(file, format!("cannot read the spec: {e}")),
    };
    let doc: Value = match serde_json::from_str(&text) {
        Ok(doc) => doc,
        Err(e) => return fail(file, format!("not JSON: {e}")),
    };
    let problems = refuse::check(file, &doc);
    if !problems.is_empty() {
        return Err(BuildError(problems.join("\n")));
    }
    let mut spec: OpenAPI = match serde_json::from_str(&text) {
        Ok(spec) => spec,
        Err(e) => return fail(file, format!("not a valid OpenAPI 3.0 document: {e}")),
    };
    normalise(&mut spec);
    Ok((spec, doc))
}

/// Reshapes a checked spec for the generator: path-level parameters are copied into each
/// operation (before its own; [`refuse::check`] refused a name declared twice), only the 2xx responses
/// are kept (progenitor mis-handles 2xx + `default`; errors are decoded by hand), and
/// per-operation `servers` are dropped (a client has one base URL).
pub fn normalise(spec: &mut OpenAPI) {
    for item in spec.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = item else { continue };
        let shared = std::mem::take(&mut item.parameters);
        let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for op in ops.into_iter().filter_map(Option::as_mut) {
            let mut params = shared.clone();
            params.append(&mut op.parameters);
            op.parameters = params;
            op.responses.default = None;
            op.responses
                .responses
                .retain(|code, _| matches!(code, StatusCode::Code(200..=299) | StatusCode::Range(2)));
            op.servers.clear();
        }
    }
}
