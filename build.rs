//! Generates the typed layer of `cloud-images` from the OpenAPI specs in `openapi/`.
//!
//! For each provider it writes four files to `OUT_DIR`:
//! - `{provider}_types.rs`: model and request-body types, from progenitor's type space (its
//!   reqwest client is generated and thrown away: nothing async reaches the library);
//! - `{provider}_enums.rs`: forward-compatible string enums that keep unknown values;
//! - `{provider}_ops.rs`: one request type per operation implementing `crate::Operation`;
//! - `{provider}_endpoints.rs`: the table of those operations the stand-ins of
//!   `crate::testing` route by (included with feature `testing` only).
//!
//! The work is split by concern (a copy of each is in `tests/snapshots/`, checked by
//! `tests/it/snapshot.rs`):
//! - `build/spec.rs`: load a spec, refuse what cannot be generated (`build/refuse.rs`: naming
//!   the file and the JSON path), normalise the rest (only 2xx responses are shown to
//!   progenitor: errors are decoded by hand);
//! - `build/schema.rs`: the one schema walker every pass below uses;
//! - `build/names.rs`: identifiers, as typify computes them (checked against its type space);
//! - `build/types.rs`: closed objects opened, string enums hoisted and replaced by our open
//!   enums, unknown fields kept in `extra`, the decoding rule for responses, the type space;
//! - `build/paging.rs`: the listings' `x-paging` (items, page parameters, page sizes, the id
//!   of the repeated-page guard, where the envelope says the listing is), read and checked;
//! - `build/ops.rs`: the request types, the listings' `Paged` and `Listing` impls, and the
//!   stand-ins' table of the operations.

#[path = "build/names.rs"]
mod names;
#[path = "build/ops.rs"]
mod ops;
#[path = "build/paging.rs"]
mod paging;
#[path = "build/refuse.rs"]
mod refuse;
#[path = "build/schema.rs"]
mod schema;
#[path = "build/spec.rs"]
mod spec;
#[path = "build/types.rs"]
mod types;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::{env, fs};

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use spec::{BuildError, Result, fail};

/// The providers, each with its spec at `openapi/{name}.json`, and the type that names it
/// (`crate::linode::Linode`).
const PROVIDERS: &[(&str, &str)] = &[("linode", "Linode"), ("digitalocean", "DigitalOcean")];

fn main() -> Result<()> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|_| BuildError("OUT_DIR is not set".into()))?);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=build");
    println!("cargo:rerun-if-changed=openapi");
    for (provider, ty) in PROVIDERS {
        let file = format!("openapi/{provider}.json");
        println!("cargo:rerun-if-changed={file}");
        generate(provider, ty, &file, &out)?;
    }
    Ok(())
}

fn generate(provider: &str, ty: &str, file: &str, out: &Path) -> Result<()> {
    // 1. Load, check, normalise; read the listings' `x-paging`.
    let (mut spec, doc) = spec::load(file)?;
    let listings = paging::read(file, &doc).map_err(|problems| BuildError(problems.join("\n")))?;
    types::open_objects(&mut spec, file)?;
    let enums = types::hoist_string_enums(&mut spec, file)?;
    types::keep_unknown_fields(&mut spec);
    let responses = types::relax_response_models(&mut spec, file)?;
    let requests = types::request_bodies(&mut spec);

    // 2. The types, then our open enums, which the types name in place of typify's.
    let (types, known) = types::generate(provider, &spec, &enums, &responses, &requests, file)?;
    write(out, &format!("{provider}_types.rs"), types, file)?;
    write(out, &format!("{provider}_enums.rs"), types::enums_tokens(&enums, file)?, file)?;

    // 3. One request type per operation; the listings' impls.
    let mut open: HashSet<String> = enums.iter().map(|e| e.name.clone()).collect();
    open.extend(types::handwritten(&spec));
    let ops = ops::operations_tokens(&spec, &known, &open, file)?;
    let (module, ty) = (format_ident!("{provider}"), format_ident!("{ty}"));
    let listings = ops::paging_tokens(&listings, &quote!(crate::#module::#ty));
    write(out, &format!("{provider}_ops.rs"), quote!(#ops #listings), file)?;

    // 4. The stand-ins' table of the operations (feature `testing`).
    write(out, &format!("{provider}_endpoints.rs"), ops::endpoints_tokens(&spec, &doc, provider, file)?, file)
}

fn write(out: &Path, name: &str, tokens: TokenStream, file: &str) -> Result<()> {
    let ast: syn::File = match syn::parse2(tokens) {
        Ok(ast) => ast,
        Err(e) => return fail(file, format!("generated {name} does not parse: {e}")),
    };
    match fs::write(out.join(name), prettyplease::unparse(&ast)) {
        Ok(()) => Ok(()),
        Err(e) => fail(file, format!("cannot write {name}: {e}")),
    }
}
