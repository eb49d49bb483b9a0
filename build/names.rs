//! Identifiers: the names the generated code uses, computed the way typify computes them.
//!
//! `build/ops.rs` names the types typify generated (`types::ImageStatus`), and the open enums
//! replace typify's types by name, so these rules must match typify's. They are a copy of a
//! small part of typify (pinned with progenitor in Cargo.toml), kept honest by
//! [`check_typify_names`], which fails the build when typify names a schema differently.

use std::collections::HashSet;

use heck::{ToPascalCase, ToSnakeCase};
use openapiv3::OpenAPI;
use quote::format_ident;

use crate::refuse::pointer;
use crate::spec::{Result, fail};

/// typify's rule for type names (`sanitize(.., Case::Pascal)`).
pub fn pascal(s: &str) -> String {
    let s = s.replace('\'', "").replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-");
    let out = s.to_pascal_case();
    match out.chars().next() {
        Some(c) if c.is_alphabetic() => out,
        _ => format!("X{out}"),
    }
}

/// A snake_case field name; Rust keywords get a trailing underscore (`type` -> `type_`).
pub fn snake_ident(s: &str) -> syn::Ident {
    let s = s.replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-").to_snake_case();
    syn::parse_str::<syn::Ident>(&s).unwrap_or_else(|_| format_ident!("{}_", s))
}

/// `Image` for `#/components/schemas/Image`.
pub fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

/// Every component schema is a type in typify's type space under the name [`pascal`] gives it,
/// except the open enums, which replace typify's type of that name (`replaced`).
pub fn check_typify_names(
    spec: &OpenAPI,
    known: &HashSet<String>,
    replaced: &HashSet<String>,
    file: &str,
) -> Result<()> {
    let Some(components) = spec.components.as_ref() else { return Ok(()) };
    for name in components.schemas.keys() {
        let ours = pascal(name);
        if !known.contains(&ours) && !replaced.contains(&ours) {
            let at = pointer(&["components", "schemas", name]);
            return fail(
                file,
                format!(
                    "{at}: typify did not generate a type named {ours}: build/names.rs no longer computes typify's names (was progenitor upgraded?)"
                ),
            );
        }
    }
    Ok(())
}
