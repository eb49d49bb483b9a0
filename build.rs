//! Generates the typed layer of `cloud-images` from the OpenAPI specs in `openapi/`.
//!
//! For each provider it writes three files to `OUT_DIR`:
//! - `{provider}_types.rs`: model and request-body types, from progenitor's type space (its
//!   reqwest client is generated and thrown away: nothing async reaches the library);
//! - `{provider}_enums.rs`: forward-compatible string enums that keep unknown values;
//! - `{provider}_ops.rs`: one request type per operation implementing `crate::Operation`.
//!
//! The specs are normalised first so that the generated types decode what the real APIs send:
//! only 2xx responses are shown to progenitor (errors are decoded by hand), string enums are
//! hoisted into named schemas and replaced by our own open enums, `additionalProperties: false`
//! is dropped, and every response model keeps unknown fields in a flattened `extra` map.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::{env, fs};

use heck::{ToPascalCase, ToSnakeCase};
use openapiv3::{
    AdditionalProperties, MediaType, OpenAPI, Operation, Parameter, ParameterSchemaOrContent, ReferenceOr,
    Schema, SchemaData, SchemaKind, StatusCode, Type,
};
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, TypeImpl};
use quote::{ToTokens, format_ident, quote};

/// The providers, each with its spec at `openapi/{name}.json`.
const PROVIDERS: &[&str] = &["linode", "digitalocean"];
/// The catch-all variant of every generated string enum.
const OTHER: &str = "Other";

/// A build failure: which spec, and what is wrong with it.
struct BuildError(String);

impl fmt::Debug for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

type Result<T> = std::result::Result<T, BuildError>;

fn fail<T>(file: &str, msg: impl fmt::Display) -> Result<T> {
    Err(BuildError(format!("{file}: {msg}")))
}

fn main() -> Result<()> {
    let out = PathBuf::from(env::var("OUT_DIR").map_err(|_| BuildError("OUT_DIR is not set".into()))?);
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=openapi");
    for provider in PROVIDERS {
        let file = format!("openapi/{provider}.json");
        println!("cargo:rerun-if-changed={file}");
        generate(provider, &file, &out)?;
    }
    Ok(())
}

fn generate(provider: &str, file: &str, out: &Path) -> Result<()> {
    let text = match fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => return fail(file, format!("cannot read the spec: {e}")),
    };
    let mut spec: OpenAPI = match serde_json::from_str(&text) {
        Ok(s) => s,
        Err(e) => return fail(file, format!("not a valid OpenAPI 3.0 document: {e}")),
    };
    if !spec.openapi.starts_with("3.0.") {
        return fail(file, format!("OpenAPI version {} is not supported: use 3.0.x", spec.openapi));
    }

    // 1. Normalise.
    validate_and_flatten_operations(&mut spec, file)?;
    strip_closed_objects(&mut spec);
    let enums = hoist_string_enums(&mut spec, file)?;
    keep_unknown_fields(&mut spec);
    let responses = relax_response_models(&mut spec, file)?;

    // 2. Types only: run the whole generator and discard its reqwest client.
    let mut settings = GenerationSettings::default();
    settings.with_derive("PartialEq").with_map_type("::serde_json::Map");
    settings.with_conversion(
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            format: Some("date-time".to_string()),
            ..Default::default()
        },
        "::std::string::String",
        [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
    );
    for e in &enums {
        settings.with_replacement(
            &e.name,
            format!("::cloud_images::{provider}::types::{}", e.name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    let mut generator = Generator::new(&settings);
    if let Err(e) = generator.generate_tokens(&spec) {
        return fail(file, format!("progenitor rejected the spec: {e}"));
    }
    let type_space = generator.get_type_space();
    for (uses, what) in [
        (type_space.uses_chrono(), "chrono (a date-time format outside the conversion)"),
        (type_space.uses_uuid(), "uuid (`format: uuid`)"),
        (type_space.uses_regress(), "regress (`pattern`)"),
    ] {
        if uses {
            return fail(file, format!("the generated types would need {what}: remove it from the spec"));
        }
    }
    let known: HashSet<String> = type_space.iter_types().map(|t| t.name()).collect();
    let types = null_lists_decode_empty(type_space.to_stream(), &responses, file)?;
    write(out, &format!("{provider}_types.rs"), types, file)?;

    // 3. Our forward-compatible enums, which the replacements above point to.
    write(out, &format!("{provider}_enums.rs"), enums_tokens(&enums, file)?, file)?;

    // 4. One request type per operation.
    let compat: HashSet<String> = enums.iter().map(|e| e.name.clone()).collect();
    let ops = operations_tokens(&spec, &known, &compat, file)?;
    write(out, &format!("{provider}_ops.rs"), ops, file)
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

// ----------------------------------------------------------------------------- names

/// typify's rule for type names (`sanitize(.., Case::Pascal)`).
fn pascal(s: &str) -> String {
    let s = s.replace('\'', "").replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-");
    let out = s.to_pascal_case();
    match out.chars().next() {
        Some(c) if c.is_alphabetic() => out,
        _ => format!("X{out}"),
    }
}

/// A snake_case field name; Rust keywords get a trailing underscore (`type` -> `type_`).
fn snake_ident(s: &str) -> syn::Ident {
    let s = s.replace(|c: char| !(c.is_alphanumeric() || c == '_'), "-").to_snake_case();
    syn::parse_str::<syn::Ident>(&s).unwrap_or_else(|_| format_ident!("{}_", s))
}

fn ref_name(r: &str) -> &str {
    r.rsplit('/').next().unwrap_or(r)
}

// ------------------------------------------------------------------------- normalise

fn operations_mut(item: &mut openapiv3::PathItem) -> impl Iterator<Item = &mut Operation> {
    [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch]
        .into_iter()
        .filter_map(|o| o.as_mut())
}

fn param_data_mut(p: &mut Parameter) -> &mut openapiv3::ParameterData {
    match p {
        Parameter::Query { parameter_data, .. }
        | Parameter::Header { parameter_data, .. }
        | Parameter::Path { parameter_data, .. }
        | Parameter::Cookie { parameter_data, .. } => parameter_data,
    }
}

fn is_success(code: &StatusCode) -> bool {
    matches!(code, StatusCode::Code(200..=299) | StatusCode::Range(2))
}

/// Checks what the generator relies on, moves path-level parameters into each operation, and
/// keeps only the 2xx responses (progenitor mis-handles 2xx + `default`; errors are ours).
fn validate_and_flatten_operations(spec: &mut OpenAPI, file: &str) -> Result<()> {
    for (path, item) in spec.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else {
            return fail(file, format!("path {path}: `$ref` path items are not supported"));
        };
        let shared = std::mem::take(&mut item.parameters);
        for op in operations_mut(item) {
            let Some(opid) = op.operation_id.clone() else {
                return fail(file, format!("path {path}: an operation has no operationId"));
            };
            let mut params = shared.clone();
            params.append(&mut op.parameters);
            op.parameters = params;
            if let Some(ReferenceOr::Item(body)) = &op.request_body
                && body.content.keys().any(|k| k != "application/json")
            {
                return fail(file, format!("{opid}: only application/json request bodies are supported"));
            }
            op.responses.default = None;
            op.responses.responses.retain(|code, _| is_success(code));
            if op.responses.responses.len() > 1 {
                return fail(file, format!("{opid}: more than one 2xx response"));
            }
            op.servers.clear();
        }
    }
    Ok(())
}

/// Visits `s` and every inline schema below it (properties, items, additionalProperties,
/// allOf/oneOf/anyOf); `$ref`s are not followed.
fn walk_schema(s: &mut Schema, f: &mut dyn FnMut(&mut Schema)) {
    f(s);
    let mut child = |c: &mut ReferenceOr<Box<Schema>>| {
        if let ReferenceOr::Item(c) = c {
            walk_schema(c, f);
        }
    };
    match &mut s.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            o.properties.values_mut().for_each(&mut child);
            if let Some(AdditionalProperties::Schema(a)) = o.additional_properties.as_mut()
                && let ReferenceOr::Item(a) = a.as_mut()
            {
                walk_schema(a, f);
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(items) = a.items.as_mut() {
                child(items);
            }
        }
        SchemaKind::AllOf { all_of: v }
        | SchemaKind::OneOf { one_of: v }
        | SchemaKind::AnyOf { any_of: v } => {
            for s in v.iter_mut() {
                if let ReferenceOr::Item(s) = s {
                    walk_schema(s, f);
                }
            }
        }
        _ => {}
    }
}

/// Visits every schema of the document, inline or named.
fn visit_schemas(spec: &mut OpenAPI, f: &mut dyn FnMut(&mut Schema)) {
    let top = |s: &mut ReferenceOr<Schema>, f: &mut dyn FnMut(&mut Schema)| {
        if let ReferenceOr::Item(s) = s {
            walk_schema(s, f);
        }
    };
    let media = |c: &mut indexmap::IndexMap<String, MediaType>, f: &mut dyn FnMut(&mut Schema)| {
        for mt in c.values_mut() {
            if let Some(s) = mt.schema.as_mut() {
                top(s, f);
            }
        }
    };
    if let Some(c) = spec.components.as_mut() {
        for s in c.schemas.values_mut() {
            top(s, f);
        }
    }
    for item in spec.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = item else { continue };
        for op in operations_mut(item) {
            for p in op.parameters.iter_mut() {
                if let ReferenceOr::Item(p) = p
                    && let ParameterSchemaOrContent::Schema(s) = &mut param_data_mut(p).format
                {
                    top(s, f);
                }
            }
            if let Some(ReferenceOr::Item(b)) = op.request_body.as_mut() {
                media(&mut b.content, f);
            }
            for r in op.responses.responses.values_mut() {
                if let ReferenceOr::Item(r) = r {
                    media(&mut r.content, f);
                }
            }
        }
    }
}

/// `additionalProperties: false` would become `deny_unknown_fields`: one new field from the
/// server would fail a whole page. Drop it wherever it is.
fn strip_closed_objects(spec: &mut OpenAPI) {
    visit_schemas(spec, &mut |s| {
        if let SchemaKind::Type(Type::Object(o)) = &mut s.schema_kind
            && matches!(o.additional_properties, Some(AdditionalProperties::Any(false)))
        {
            o.additional_properties = None;
        }
    });
}

/// The named schemas reached from the 2xx responses (`responses = true`) or from the request
/// bodies (`false`), closed over the references they make.
fn reached(spec: &OpenAPI, responses: bool) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    let mut collect = |s: &ReferenceOr<Schema>| match s {
        ReferenceOr::Reference { reference } => {
            refs.insert(ref_name(reference).to_string());
        }
        ReferenceOr::Item(s) => {
            let mut found = Vec::new();
            collect_refs(s, &mut found);
            refs.extend(found);
        }
    };
    for item in spec.paths.paths.values() {
        let ReferenceOr::Item(item) = item else { continue };
        for (_, op) in item.iter() {
            if responses {
                for r in op.responses.responses.values() {
                    if let ReferenceOr::Item(r) = r {
                        r.content.values().filter_map(|mt| mt.schema.as_ref()).for_each(&mut collect);
                    }
                }
            } else if let Some(ReferenceOr::Item(b)) = &op.request_body {
                b.content.values().filter_map(|mt| mt.schema.as_ref()).for_each(&mut collect);
            }
        }
    }
    let Some(components) = spec.components.as_ref() else { return refs };
    let mut todo: Vec<String> = refs.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let Some(ReferenceOr::Item(schema)) = components.schemas.get(&name) else { continue };
        let mut found = Vec::new();
        collect_refs(schema, &mut found);
        for r in found {
            if refs.insert(r.clone()) {
                todo.push(r);
            }
        }
    }
    refs
}

/// Every named object schema reached from a response keeps the fields this crate does not know
/// yet: `additionalProperties: {}` makes typify add a flattened `extra` map, so they decode and
/// serialise again unchanged. Request bodies stay plain (and `Default` where all is optional).
fn keep_unknown_fields(spec: &mut OpenAPI) {
    let refs = reached(spec, true);
    let Some(components) = spec.components.as_mut() else { return };
    for name in refs {
        if let Some(ReferenceOr::Item(schema)) = components.schemas.get_mut(&name)
            && let SchemaKind::Type(Type::Object(o)) = &mut schema.schema_kind
            && o.additional_properties.is_none()
        {
            o.additional_properties =
                Some(AdditionalProperties::Schema(Box::new(ReferenceOr::Item(Schema {
                    schema_data: SchemaData::default(),
                    schema_kind: SchemaKind::Any(Default::default()),
                }))));
        }
    }
}

/// The extension on an object schema that names the properties a response cannot do without.
const CLIENT_REQUIRED: &str = "x-client-required";

/// The decoding rule for response models (request bodies are left as the spec says):
/// - every property is optional, whatever `required` says: a scalar, enum or object that is
///   `null` or missing decodes as `None`;
/// - a list (or map) that is `null` or missing decodes as empty (see
///   [`null_lists_decode_empty`]), so its property is made non-nullable here;
/// - except the properties an object lists in `x-client-required` (each must also be in its
///   `required`): identifiers and envelopes the client cannot work without. They stay required.
///
/// A schema reached from both a response and a request body is refused: one type cannot be
/// lenient and strict at once. Returns the names of the response models.
fn relax_response_models(spec: &mut OpenAPI, file: &str) -> Result<BTreeSet<String>> {
    let responses = reached(spec, true);
    let requests = reached(spec, false);
    if let Some(both) = responses.intersection(&requests).find(|n| is_object(spec, n)) {
        return fail(
            file,
            format!(
                "#/components/schemas/{both} is used by a response and a request body: give each its own schema"
            ),
        );
    }
    let Some(components) = spec.components.as_mut() else { return Ok(responses) };
    for name in &responses {
        let Some(ReferenceOr::Item(schema)) = components.schemas.get_mut(name) else { continue };
        let mut problem = None;
        walk_schema(schema, &mut |s| {
            let keep = match client_required(s) {
                Ok(keep) => keep,
                Err(e) => {
                    problem.get_or_insert(e);
                    return;
                }
            };
            let SchemaKind::Type(Type::Object(o)) = &mut s.schema_kind else {
                if !keep.is_empty() {
                    problem.get_or_insert(format!("{CLIENT_REQUIRED} on a schema that is not an object"));
                }
                return;
            };
            if let Some(k) = keep.iter().find(|k| !o.required.contains(k)) {
                problem.get_or_insert(format!("{CLIENT_REQUIRED} names `{k}`, which is not in `required`"));
            }
            o.required.retain(|r| keep.contains(r));
            for p in o.properties.values_mut() {
                if let ReferenceOr::Item(p) = p
                    && matches!(p.schema_kind, SchemaKind::Type(Type::Array(_)))
                {
                    p.schema_data.nullable = false;
                }
            }
        });
        if let Some(e) = problem {
            return fail(file, format!("#/components/schemas/{name}: {e}"));
        }
    }
    Ok(responses)
}

fn is_object(spec: &OpenAPI, name: &str) -> bool {
    matches!(
        spec.components.as_ref().and_then(|c| c.schemas.get(name)),
        Some(ReferenceOr::Item(Schema { schema_kind: SchemaKind::Type(Type::Object(_)), .. }))
    )
}

/// The property names listed in a schema's `x-client-required`.
fn client_required(s: &Schema) -> std::result::Result<Vec<String>, String> {
    match s.schema_data.extensions.get(CLIENT_REQUIRED) {
        None => Ok(Vec::new()),
        Some(serde_json::Value::Array(names)) => names
            .iter()
            .map(|n| {
                n.as_str().map(str::to_string).ok_or_else(|| format!("{CLIENT_REQUIRED} must list strings"))
            })
            .collect(),
        Some(_) => Err(format!("{CLIENT_REQUIRED} must be an array of property names")),
    }
}

/// The second half of the decoding rule, on the generated code: every list or map field of a
/// response model (and of the structs they contain) decodes `null` as empty.
fn null_lists_decode_empty(
    tokens: TokenStream,
    responses: &BTreeSet<String>,
    file: &str,
) -> Result<TokenStream> {
    let mut ast: syn::File = match syn::parse2(tokens) {
        Ok(ast) => ast,
        Err(e) => return fail(file, format!("the generated types do not parse: {e}")),
    };
    let structs: BTreeSet<String> = ast
        .items
        .iter()
        .filter_map(|i| if let syn::Item::Struct(s) = i { Some(s.ident.to_string()) } else { None })
        .collect();
    // The response models, closed over the struct types their fields name.
    let mut lenient: BTreeSet<String> =
        responses.iter().map(|n| pascal(n)).filter(|n| structs.contains(n)).collect();
    let mut todo: Vec<String> = lenient.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        for item in &ast.items {
            let syn::Item::Struct(s) = item else { continue };
            if s.ident != name {
                continue;
            }
            for f in &s.fields {
                let mut named = Vec::new();
                type_idents(&f.ty, &mut named);
                for n in named {
                    if structs.contains(&n) && lenient.insert(n.clone()) {
                        todo.push(n);
                    }
                }
            }
        }
    }
    for item in &mut ast.items {
        let syn::Item::Struct(s) = item else { continue };
        // Named fields only: a newtype (`EmptyObject(Map)`) is transparent, its content is the body.
        let syn::Fields::Named(fields) = &mut s.fields else { continue };
        if !lenient.contains(&s.ident.to_string()) {
            continue;
        }
        for f in fields.named.iter_mut() {
            let is_collection =
                matches!(last_segment(&f.ty).as_deref(), Some("Vec" | "Map" | "HashMap" | "BTreeMap"));
            let serde_attrs: Vec<String> = f
                .attrs
                .iter()
                .filter(|a| a.path().is_ident("serde"))
                .map(|a| a.meta.to_token_stream().to_string())
                .collect();
            if !is_collection || serde_attrs.iter().any(|a| a.contains("flatten")) {
                continue;
            }
            let has_default = serde_attrs.iter().any(|a| a.contains("default"));
            f.attrs.push(if has_default {
                syn::parse_quote!(#[serde(deserialize_with = "crate::decode::null_as_empty")])
            } else {
                syn::parse_quote!(#[serde(default, deserialize_with = "crate::decode::null_as_empty")])
            });
        }
    }
    Ok(ast.into_token_stream())
}

/// The last path segment of a type (`Vec` for `::std::vec::Vec<T>`).
fn last_segment(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// Every identifier a type names, generics included.
fn type_idents(ty: &syn::Type, out: &mut Vec<String>) {
    if let syn::Type::Path(p) = ty {
        for seg in &p.path.segments {
            out.push(seg.ident.to_string());
            if let syn::PathArguments::AngleBracketed(args) = &seg.arguments {
                for a in &args.args {
                    if let syn::GenericArgument::Type(t) = a {
                        type_idents(t, out);
                    }
                }
            }
        }
    }
}

fn collect_refs(schema: &Schema, out: &mut Vec<String>) {
    let one = |c: &ReferenceOr<Box<Schema>>, out: &mut Vec<String>| match c {
        ReferenceOr::Reference { reference } => out.push(ref_name(reference).to_string()),
        ReferenceOr::Item(s) => collect_refs(s, out),
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => o.properties.values().for_each(|p| one(p, out)),
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(items) = &a.items {
                one(items, out);
            }
        }
        SchemaKind::AllOf { all_of: v }
        | SchemaKind::OneOf { one_of: v }
        | SchemaKind::AnyOf { any_of: v } => {
            for s in v {
                match s {
                    ReferenceOr::Reference { reference } => out.push(ref_name(reference).to_string()),
                    ReferenceOr::Item(s) => collect_refs(s, out),
                }
            }
        }
        _ => {}
    }
}

/// A string enum to be generated as an open enum.
struct EnumDef {
    name: String,
    description: Option<String>,
    values: Vec<String>,
}

fn string_enum(s: &Schema) -> Option<Vec<String>> {
    match &s.schema_kind {
        SchemaKind::Type(Type::String(st)) if !st.enumeration.is_empty() => {
            Some(st.enumeration.iter().flatten().cloned().collect())
        }
        _ => None,
    }
}

/// Moves every string enum into `components.schemas` (named as typify would name it inline), so
/// that each one can be replaced by an open enum of ours.
fn hoist_string_enums(spec: &mut OpenAPI, file: &str) -> Result<Vec<EnumDef>> {
    let mut hoisted: BTreeMap<String, Schema> = BTreeMap::new();
    let mut enums = Vec::new();
    let components = spec.components.get_or_insert_with(Default::default);
    for (name, schema) in components.schemas.iter_mut() {
        if let ReferenceOr::Item(s) = schema {
            match string_enum(s) {
                Some(values) => enums.push(EnumDef {
                    name: pascal(name),
                    description: s.schema_data.description.clone(),
                    values,
                }),
                None => hoist_within(s, &pascal(name), &mut hoisted, file)?,
            }
        }
    }
    for (name, p) in components.parameters.iter_mut() {
        if let ReferenceOr::Item(p) = p
            && let ParameterSchemaOrContent::Schema(s) = &mut param_data_mut(p).format
        {
            hoist_top(s, &pascal(name), &mut hoisted, file)?;
        }
    }
    for item in spec.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = item else { continue };
        for op in operations_mut(item) {
            let opid = op.operation_id.clone().unwrap_or_default();
            for p in op.parameters.iter_mut() {
                if let ReferenceOr::Item(p) = p {
                    let name = pascal(&format!("{opid}-{}", p.parameter_data_ref().name));
                    if let ParameterSchemaOrContent::Schema(s) = &mut param_data_mut(p).format {
                        hoist_top(s, &name, &mut hoisted, file)?;
                    }
                }
            }
            if let Some(ReferenceOr::Item(body)) = op.request_body.as_mut() {
                for mt in body.content.values_mut() {
                    if let Some(s) = mt.schema.as_mut() {
                        hoist_top(s, &pascal(&format!("{opid}-body")), &mut hoisted, file)?;
                    }
                }
            }
            for r in op.responses.responses.values_mut() {
                if let ReferenceOr::Item(r) = r {
                    for mt in r.content.values_mut() {
                        if let Some(s) = mt.schema.as_mut() {
                            hoist_top(s, &pascal(&format!("{opid}-response")), &mut hoisted, file)?;
                        }
                    }
                }
            }
        }
    }
    for (name, schema) in hoisted {
        let values = string_enum(&schema).unwrap_or_default();
        enums.push(EnumDef {
            name: name.clone(),
            description: schema.schema_data.description.clone(),
            values,
        });
        if components.schemas.insert(name.clone(), ReferenceOr::Item(schema)).is_some() {
            return fail(file, format!("the inline enum {name} has the name of a component schema"));
        }
    }
    Ok(enums)
}

fn hoist_top(
    s: &mut ReferenceOr<Schema>,
    name: &str,
    h: &mut BTreeMap<String, Schema>,
    file: &str,
) -> Result<()> {
    let ReferenceOr::Item(schema) = s else { return Ok(()) };
    if string_enum(schema).is_some() {
        *s = hoist(schema, name, h, file)?.unbox();
        Ok(())
    } else {
        hoist_within(schema, name, h, file)
    }
}

fn hoist_within(schema: &mut Schema, name: &str, h: &mut BTreeMap<String, Schema>, file: &str) -> Result<()> {
    let mut child = |c: &mut ReferenceOr<Box<Schema>>, child_name: String| -> Result<()> {
        if let ReferenceOr::Item(s) = c {
            if string_enum(s).is_some() {
                *c = hoist(s, &child_name, h, file)?;
            } else {
                hoist_within(s, &child_name, h, file)?;
            }
        }
        Ok(())
    };
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            for (prop, s) in o.properties.iter_mut() {
                child(s, format!("{name}{}", pascal(prop)))?;
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(items) = a.items.as_mut() {
                child(items, format!("{name}Item"))?;
            }
        }
        SchemaKind::AllOf { all_of: v }
        | SchemaKind::OneOf { one_of: v }
        | SchemaKind::AnyOf { any_of: v } => {
            for s in v.iter_mut() {
                if let ReferenceOr::Item(s) = s {
                    if string_enum(s).is_some() {
                        return fail(file, format!("{name}: name the enums inside allOf/oneOf/anyOf"));
                    }
                    hoist_within(s, name, h, file)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Moves `schema` to `components.schemas[name]`; returns a `$ref` to it (wrapped in a nullable
/// `allOf` where the inline schema was nullable).
fn hoist(
    schema: &Schema,
    name: &str,
    h: &mut BTreeMap<String, Schema>,
    file: &str,
) -> Result<ReferenceOr<Box<Schema>>> {
    let mut moved = schema.clone();
    let nullable = std::mem::take(&mut moved.schema_data.nullable);
    if let Some(prev) = h.insert(name.to_string(), moved.clone())
        && string_enum(&prev) != string_enum(&moved)
    {
        return fail(file, format!("two different inline enums are both named {name}"));
    }
    let target = format!("#/components/schemas/{name}");
    Ok(if nullable {
        ReferenceOr::Item(Box::new(Schema {
            schema_data: SchemaData { nullable: true, ..Default::default() },
            schema_kind: SchemaKind::AllOf { all_of: vec![ReferenceOr::ref_(&target)] },
        }))
    } else {
        ReferenceOr::ref_(&target)
    })
}

// ------------------------------------------------------------------------ open enums

fn enums_tokens(enums: &[EnumDef], file: &str) -> Result<TokenStream> {
    let other = format_ident!("{OTHER}");
    let mut items = Vec::new();
    for e in enums {
        let name = format_ident!("{}", e.name);
        let mut variants = Vec::new();
        let mut seen = HashSet::new();
        for v in &e.values {
            let variant = pascal(v);
            if variant == OTHER || !seen.insert(variant.clone()) {
                return fail(file, format!("enum {}: the value {v:?} clashes with another variant", e.name));
            }
            variants.push(format_ident!("{variant}"));
        }
        let values = &e.values;
        let variant_docs = values.iter().map(|v| format!("`{v}`"));
        let doc = match &e.description {
            Some(d) => format!(
                "{}\n\nAn open enum: a value this crate does not know yet is kept in `{OTHER}` and serialised back unchanged.",
                d.trim()
            ),
            None => format!(
                "An open enum: a value this crate does not know yet is kept in `{OTHER}` and serialised back unchanged."
            ),
        };
        items.push(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum #name {
                #( #[doc = #variant_docs] #variants, )*
                /// A value this version of the crate does not know, kept as it was sent.
                #other(::std::string::String),
            }
            impl #name {
                /// The value as the API writes it.
                pub fn as_str(&self) -> &str {
                    match self { #( Self::#variants => #values, )* Self::#other(s) => s.as_str() }
                }
            }
            impl ::std::fmt::Display for #name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }
            impl ::std::str::FromStr for #name {
                type Err = ::std::convert::Infallible;
                fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                    Ok(::std::convert::From::from(s))
                }
            }
            impl ::std::convert::From<&str> for #name {
                fn from(s: &str) -> Self {
                    match s { #( #values => Self::#variants, )* other => Self::#other(other.to_owned()) }
                }
            }
            impl ::std::convert::From<::std::string::String> for #name {
                fn from(s: ::std::string::String) -> Self {
                    match Self::from(s.as_str()) { Self::#other(_) => Self::#other(s), known => known }
                }
            }
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                    s.serialize_str(self.as_str())
                }
            }
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                    let s = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(d)?;
                    Ok(Self::from(s.as_ref()))
                }
            }
        });
    }
    Ok(quote! { #(#items)* })
}

// ------------------------------------------------------------------------ operations

#[derive(Clone, Copy)]
enum Location {
    Path,
    Query,
    Header,
}

struct OpContext<'a> {
    spec: &'a OpenAPI,
    known: &'a HashSet<String>,
    compat: &'a HashSet<String>,
    file: &'a str,
}

impl OpContext<'_> {
    fn components(&self) -> Option<&openapiv3::Components> {
        self.spec.components.as_ref()
    }

    fn named_type(&self, reference: &str) -> Result<TokenStream> {
        let name = pascal(ref_name(reference));
        if !self.known.contains(&name) && !self.compat.contains(&name) {
            return fail(self.file, format!("{reference} names no generated type"));
        }
        let ident = format_ident!("{name}");
        Ok(quote!(types::#ident))
    }

    /// The Rust type of a parameter, body or response schema.
    fn schema_type(&self, s: &ReferenceOr<Schema>, hint: &str) -> Result<TokenStream> {
        let schema = match s {
            ReferenceOr::Reference { reference } => return self.named_type(reference),
            ReferenceOr::Item(s) => s,
        };
        if self.known.contains(hint) {
            let ident = format_ident!("{hint}");
            return Ok(quote!(types::#ident));
        }
        Ok(match &schema.schema_kind {
            SchemaKind::Type(Type::String(_)) => quote!(::std::string::String),
            SchemaKind::Type(Type::Integer(i)) => match i.minimum {
                Some(min) if min >= 0 => quote!(u64),
                _ => quote!(i64),
            },
            SchemaKind::Type(Type::Number(_)) => quote!(f64),
            SchemaKind::Type(Type::Boolean(_)) => quote!(bool),
            SchemaKind::Type(Type::Object(o)) if o.properties.is_empty() => {
                quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>)
            }
            _ => return fail(self.file, format!("{hint}: name this inline schema in components.schemas")),
        })
    }

    fn parameter(&self, p: &ReferenceOr<Parameter>) -> Result<Parameter> {
        match p {
            ReferenceOr::Item(p) => Ok(p.clone()),
            ReferenceOr::Reference { reference } => {
                match self.components().and_then(|c| c.parameters.get(ref_name(reference))) {
                    Some(ReferenceOr::Item(p)) => Ok(p.clone()),
                    _ => fail(self.file, format!("parameter {reference} is missing or is itself a $ref")),
                }
            }
        }
    }
}

fn operations_tokens(
    spec: &OpenAPI,
    known: &HashSet<String>,
    compat: &HashSet<String>,
    file: &str,
) -> Result<TokenStream> {
    let cx = OpContext { spec, known, compat, file };
    let mut items = Vec::new();
    let mut index = Vec::new();
    for (path, item) in spec.paths.iter() {
        let ReferenceOr::Item(item) = item else { continue };
        for (method, op) in item.iter() {
            let opid = op.operation_id.clone().unwrap_or_default();
            items.push(operation_tokens(&cx, path, method, op, &opid)?);
            let struct_ident = format_ident!("{}", pascal(&opid));
            let m = method.to_uppercase();
            index.push(quote! { (#opid, #m, #path, stringify!(#struct_ident)) });
        }
    }
    Ok(quote! {
        #[allow(unused_imports)]
        use super::types;
        #(#items)*
        /// Every generated operation: (operationId, HTTP method, path template, request type).
        pub const OPERATIONS: &[(&str, &str, &str, &str)] = &[#(#index),*];
    })
}

fn operation_tokens(
    cx: &OpContext,
    path: &str,
    method: &str,
    op: &Operation,
    opid: &str,
) -> Result<TokenStream> {
    let struct_ident = format_ident!("{}", pascal(opid));
    let method_ident = format_ident!("{}", method.to_pascal_case());
    let mut fields = Vec::new();
    let mut path_args: BTreeMap<String, syn::Ident> = BTreeMap::new();
    let (mut query, mut headers) = (Vec::new(), Vec::new());
    for p in &op.parameters {
        let p = cx.parameter(p)?;
        let location = match &p {
            Parameter::Path { .. } => Location::Path,
            Parameter::Query { .. } => Location::Query,
            Parameter::Header { .. } => Location::Header,
            Parameter::Cookie { .. } => {
                return fail(cx.file, format!("{opid}: cookie parameters are not supported"));
            }
        };
        let data = p.parameter_data_ref();
        let ParameterSchemaOrContent::Schema(schema) = &data.format else {
            return fail(cx.file, format!("{opid}: parameter {} needs a schema", data.name));
        };
        let ty = cx.schema_type(schema, &pascal(&format!("{opid}-{}", data.name)))?;
        let ident = snake_ident(&data.name);
        let api_name = &data.name;
        let doc = data.description.clone().unwrap_or_else(|| format!("The `{api_name}` parameter."));
        let required = data.required || matches!(location, Location::Path);
        let field_ty = if required { ty } else { quote!(::std::option::Option<#ty>) };
        fields.push(quote! { #[doc = #doc] pub #ident: #field_ty });
        let push = if required {
            quote! { out.push((#api_name, self.#ident.to_string())); }
        } else {
            quote! { if let Some(v) = &self.#ident { out.push((#api_name, v.to_string())); } }
        };
        match location {
            Location::Path => {
                path_args.insert(api_name.clone(), ident);
            }
            Location::Query => query.push(push),
            Location::Header => headers.push(push),
        }
    }

    let body_ty = match &op.request_body {
        None => None,
        Some(ReferenceOr::Reference { .. }) => {
            return fail(cx.file, format!("{opid}: write the request body inline, with a $ref schema"));
        }
        Some(ReferenceOr::Item(body)) => {
            let Some(schema) = body.content.get("application/json").and_then(|mt| mt.schema.as_ref()) else {
                return fail(cx.file, format!("{opid}: the request body has no JSON schema"));
            };
            Some(cx.schema_type(schema, &pascal(&format!("{opid}-body")))?)
        }
    };
    if let Some(ty) = &body_ty {
        fields.push(quote! { #[doc = "The JSON request body."] pub body: #ty });
    }

    let response_ty = match op.responses.responses.values().next() {
        None => quote!(()),
        Some(r) => {
            let r = match r {
                ReferenceOr::Item(r) => r.clone(),
                ReferenceOr::Reference { reference } => {
                    match cx.components().and_then(|c| c.responses.get(ref_name(reference))) {
                        Some(ReferenceOr::Item(r)) => r.clone(),
                        _ => return fail(cx.file, format!("{opid}: response {reference} is missing")),
                    }
                }
            };
            match r.content.get("application/json").and_then(|mt| mt.schema.as_ref()) {
                Some(s) => cx.schema_type(s, &pascal(&format!("{opid}-response")))?,
                None => quote!(()),
            }
        }
    };

    // The path template as a `format!` with percent-encoded segments.
    let mut fmt_str = String::new();
    let mut args = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            return fail(cx.file, format!("{path}: unclosed `{{`"));
        };
        let end = start + len;
        fmt_str.push_str(&rest[..start]);
        fmt_str.push_str("{}");
        let name = &rest[start + 1..end];
        let Some(ident) = path_args.get(name) else {
            return fail(cx.file, format!("{opid}: path parameter {name} is not declared"));
        };
        args.push(quote!(crate::encode::path_segment(&self.#ident.to_string())));
        rest = &rest[end + 1..];
    }
    fmt_str.push_str(rest);
    let path_expr =
        if args.is_empty() { quote!(#fmt_str.to_string()) } else { quote!(format!(#fmt_str, #(#args),*)) };

    let (body_assoc, body_fn) = match &body_ty {
        Some(ty) => (
            quote!(#ty),
            quote! { fn body(&self) -> ::std::option::Option<&Self::Body> { Some(&self.body) } },
        ),
        None => (quote!(()), quote!()),
    };
    let query_fn = (!query.is_empty()).then(|| {
        quote! {
            fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
                let mut out = ::std::vec::Vec::new(); #(#query)* out
            }
        }
    });
    let header_fn = (!headers.is_empty()).then(|| {
        quote! {
            fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
                let mut out = ::std::vec::Vec::new(); #(#headers)* out
            }
        }
    });
    let mut doc = format!("`{} {path}` (operationId `{opid}`)", method.to_uppercase());
    if let Some(summary) = &op.summary {
        doc.push_str(&format!(": {}", summary.trim()));
    }
    if let Some(description) = &op.description {
        doc.push_str(&format!("\n\n{}", description.trim()));
    }
    Ok(quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        pub struct #struct_ident { #(#fields,)* }
        impl crate::Operation for #struct_ident {
            type Response = #response_ty;
            type Body = #body_assoc;
            const METHOD: crate::Method = crate::Method::#method_ident;
            const OPERATION_ID: &'static str = #opid;
            const PATH_TEMPLATE: &'static str = #path;
            fn path(&self) -> ::std::string::String { #path_expr }
            #query_fn
            #header_fn
            #body_fn
        }
    })
}
