//! From a normalised spec to the model types: progenitor's type space (its reqwest client is
//! generated and thrown away), our open enums, unknown-field maps and the decoding rule.
//!
//! The passes, in the order `build.rs` runs them:
//! 1. [`open_objects`]: `additionalProperties: false` would become `deny_unknown_fields`;
//! 2. [`hoist_string_enums`]: every string enum becomes a named schema, replaced by an open enum
//!    of ours ([`enums_tokens`]);
//! 3. [`keep_unknown_fields`]: response models keep unknown fields in `extra`;
//! 4. [`relax_response_models`] and, on the generated code, [`null_lists_decode_empty`]: the
//!    decoding rule;
//! 5. [`generate`]: the type space, checked for names ([`crate::names::check_typify_names`])
//!    and for closed enums ([`check_enums_open`]).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use openapiv3::{AdditionalProperties, OpenAPI, ReferenceOr, Schema, SchemaData, SchemaKind, Type};
use proc_macro2::TokenStream;
use progenitor::{GenerationSettings, Generator, TypeImpl};
use quote::{ToTokens, format_ident, quote};

use crate::names::{check_typify_names, pascal};
use crate::schema::{Edge, Place, Root, Slot, refs_below, visit_all, walk};
use crate::spec::{BuildError, Result, fail};

/// The catch-all variant of every generated string enum.
pub const OTHER: &str = "Other";

/// A walker's message (which names its JSON pointer) as a build error for `file`.
fn in_file(file: &str) -> impl Fn(String) -> BuildError + '_ {
    move |msg| BuildError(format!("{file}: {msg}"))
}

// ------------------------------------------------------------------------ normalise

/// Objects as the generated types can hold them:
/// - `additionalProperties: false` would become `deny_unknown_fields`: one new field from the
///   server would fail a whole page. It is dropped wherever it is.
/// - a map of typed values (`additionalProperties: {"type": ...}`) cannot be a
///   `serde_json::Map` (the map type, which holds JSON values): refused.
pub fn open_objects(spec: &mut OpenAPI, file: &str) -> Result<()> {
    visit_all(spec, &mut |slot, place| {
        let ReferenceOr::Item(s) = slot else { return Ok(()) };
        let SchemaKind::Type(Type::Object(o)) = &mut s.schema_kind else { return Ok(()) };
        match &o.additional_properties {
            Some(AdditionalProperties::Any(false)) => o.additional_properties = None,
            Some(AdditionalProperties::Schema(value))
                if !matches!(value.as_ref(), ReferenceOr::Item(Schema { schema_kind: SchemaKind::Any(any), .. })
                    if *any == Default::default()) =>
            {
                return Err(format!(
                    "{}/additionalProperties: maps of typed values are not supported (the map type is serde_json::Map): use `additionalProperties: {{}}`",
                    place.pointer
                ));
            }
            _ => {}
        }
        Ok(())
    })
    .map_err(in_file(file))
}

/// A string enum to be generated as an open enum.
pub struct EnumDef {
    pub name: String,
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

/// Moves every string enum into `components.schemas` (named as typify would name it inline:
/// `ImageStatus` for the `status` of `Image`), so that each one can be replaced by an open enum
/// of ours. Enums that are members of `allOf`/`oneOf`/`anyOf` must be named in the spec.
pub fn hoist_string_enums(spec: &mut OpenAPI, file: &str) -> Result<Vec<EnumDef>> {
    let mut hoisted: BTreeMap<String, Schema> = BTreeMap::new();
    let mut enums = Vec::new();
    visit_all(spec, &mut |slot: &mut Slot, place| {
        let ReferenceOr::Item(s) = slot else { return Ok(()) };
        let Some(values) = string_enum(s) else { return Ok(()) };
        match (place.root, place.edge) {
            (Root::Component, Edge::Root) => {
                enums.push(EnumDef {
                    name: place.name.clone(),
                    description: s.schema_data.description.clone(),
                    values,
                });
            }
            (_, Edge::Member) => {
                return Err(format!("{}: name the enums inside allOf/oneOf/anyOf", place.pointer));
            }
            _ => *slot = hoist(s, &place.name, &mut hoisted)?,
        }
        Ok(())
    })
    .map_err(in_file(file))?;
    let components = spec.components.get_or_insert_with(Default::default);
    for (name, schema) in hoisted {
        enums.push(EnumDef {
            name: name.clone(),
            description: schema.schema_data.description.clone(),
            values: string_enum(&schema).unwrap_or_default(),
        });
        if components.schemas.insert(name.clone(), ReferenceOr::Item(schema)).is_some() {
            return fail(file, format!("the inline enum {name} has the name of a component schema"));
        }
    }
    Ok(enums)
}

/// Moves `schema` to `components.schemas[name]`; returns a `$ref` to it (wrapped in a nullable
/// `allOf` where the inline schema was nullable).
fn hoist(schema: &Schema, name: &str, h: &mut BTreeMap<String, Schema>) -> std::result::Result<Slot, String> {
    let mut moved = schema.clone();
    let nullable = std::mem::take(&mut moved.schema_data.nullable);
    if let Some(prev) = h.insert(name.to_string(), moved.clone())
        && string_enum(&prev) != string_enum(&moved)
    {
        return Err(format!("two different inline enums are both named {name}"));
    }
    let target = format!("#/components/schemas/{name}");
    Ok(if nullable {
        ReferenceOr::Item(Schema {
            schema_data: SchemaData { nullable: true, ..Default::default() },
            schema_kind: SchemaKind::AllOf { all_of: vec![ReferenceOr::ref_(&target)] },
        })
    } else {
        ReferenceOr::ref_(&target)
    })
}

/// The named schemas reached from the 2xx responses (`Root::Response`) or from the request
/// bodies (`Root::Body`), closed over the references they make.
fn reached(spec: &mut OpenAPI, from: Root) -> BTreeSet<String> {
    let mut refs = BTreeSet::new();
    let _ = visit_all::<()>(spec, &mut |slot, place| {
        if place.root == from
            && let ReferenceOr::Reference { reference } = slot
        {
            refs.insert(crate::names::ref_name(reference).to_string());
        }
        Ok(())
    });
    let Some(components) = spec.components.as_mut() else { return refs };
    let mut todo: Vec<String> = refs.iter().cloned().collect();
    while let Some(name) = todo.pop() {
        let Some(schema) = components.schemas.get_mut(&name) else { continue };
        for r in refs_below(schema) {
            if refs.insert(r.clone()) {
                todo.push(r);
            }
        }
    }
    refs
}

/// The names of the schemas reached from the request bodies (closed over their references):
/// the request types, made with `new` and setters (see [`request_constructors`]).
pub fn request_bodies(spec: &mut OpenAPI) -> BTreeSet<String> {
    reached(spec, Root::Body)
}

/// Every named object schema reached from a response keeps the fields this crate does not know
/// yet: `additionalProperties: {}` makes typify add a flattened `extra` map, so they decode and
/// serialise again unchanged. Request bodies stay plain (and `Default` where all is optional).
pub fn keep_unknown_fields(spec: &mut OpenAPI) {
    let refs = reached(spec, Root::Response);
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
///   `required`): identifiers, envelopes and the items of a listing, which the client cannot
///   work without. They stay required: missing is a decoding error; `null` is one too, except
///   for a list, which still reads `null` as empty.
///
/// A schema reached from both a response and a request body is refused: one type cannot be
/// lenient and strict at once. Returns the names of the response models.
pub fn relax_response_models(spec: &mut OpenAPI, file: &str) -> Result<BTreeSet<String>> {
    let responses = reached(spec, Root::Response);
    let requests = reached(spec, Root::Body);
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
        let Some(schema) = components.schemas.get_mut(name) else { continue };
        let place = Place {
            name: pascal(name),
            pointer: crate::refuse::pointer(&["components", "schemas", name]),
            edge: Edge::Root,
            root: Root::Component,
        };
        walk(schema, &place, &mut |slot, place| {
            let ReferenceOr::Item(s) = slot else { return Ok(()) };
            let keep = client_required(s).map_err(|e| format!("{}: {e}", place.pointer))?;
            let SchemaKind::Type(Type::Object(o)) = &mut s.schema_kind else {
                if !keep.is_empty() {
                    return Err(format!(
                        "{}: {CLIENT_REQUIRED} on a schema that is not an object",
                        place.pointer
                    ));
                }
                return Ok(());
            };
            if let Some(k) = keep.iter().find(|k| !o.required.contains(k)) {
                return Err(format!(
                    "{}: {CLIENT_REQUIRED} names `{k}`, which is not in `required`",
                    place.pointer
                ));
            }
            o.required.retain(|r| keep.contains(r));
            for p in o.properties.values_mut() {
                if let ReferenceOr::Item(p) = p
                    && matches!(p.schema_kind, SchemaKind::Type(Type::Array(_)))
                {
                    p.schema_data.nullable = false;
                }
            }
            Ok(())
        })
        .map_err(in_file(file))?;
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

// ------------------------------------------------------------------------- generate

/// The model types of `spec` (component schemas and per-operation inline types) and the names
/// typify gave them. progenitor generates a whole reqwest client; only its type space is kept.
pub fn generate(
    provider: &str,
    spec: &OpenAPI,
    enums: &[EnumDef],
    responses: &BTreeSet<String>,
    requests: &BTreeSet<String>,
    file: &str,
) -> Result<(TokenStream, HashSet<String>)> {
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
    // Hand-written types (`x-client-type`): the schema names a type of the provider's module.
    for name in handwritten(spec) {
        settings.with_replacement(&name, format!("::cloud_images::{provider}::{name}"), std::iter::empty());
    }
    for e in enums {
        settings.with_replacement(
            &e.name,
            format!("::cloud_images::{provider}::types::{}", e.name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    let mut generator = Generator::new(&settings);
    if let Err(e) = generator.generate_tokens(spec) {
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
    let mut replaced: HashSet<String> = enums.iter().map(|e| e.name.clone()).collect();
    replaced.extend(handwritten(spec));
    check_typify_names(spec, &known, &replaced, file)?;
    let mut ast: syn::File = match syn::parse2(type_space.to_stream()) {
        Ok(ast) => ast,
        Err(e) => return fail(file, format!("the generated types do not parse: {e}")),
    };
    check_enums_open(&ast, file)?;
    drop_unused_error_module(&mut ast);
    let lenient = structs_reached(&ast, responses);
    null_lists_decode_empty(&mut ast, &lenient);
    box_optional_objects(&mut ast, &lenient);
    let requests = structs_reached(&ast, requests);
    let mut constructors = request_constructors(&ast, &requests, file)?;
    mark_non_exhaustive(&mut ast, &requests);
    // Each `impl` right after its struct.
    let items = std::mem::take(&mut ast.items);
    for item in items {
        let after = match &item {
            syn::Item::Struct(s) => constructors.remove(&s.ident.to_string()),
            _ => None,
        };
        ast.items.push(item);
        ast.items.extend(after);
    }
    Ok((ast.into_token_stream(), known))
}

/// The extension that marks a component schema as a hand-written type of the provider's module
/// (`"x-client-type": true` on `MembershipToken`: `crate::linode::MembershipToken`), for what
/// a generated type cannot be: a secret whose `Debug` is redacted.
const CLIENT_TYPE: &str = "x-client-type";

/// The (pascal-cased) names of the component schemas marked with [`CLIENT_TYPE`].
pub fn handwritten(spec: &OpenAPI) -> Vec<String> {
    let Some(components) = spec.components.as_ref() else { return Vec::new() };
    components
        .schemas
        .iter()
        .filter(|(_, s)| match s {
            ReferenceOr::Item(s) => {
                s.schema_data.extensions.get(CLIENT_TYPE) == Some(&serde_json::Value::Bool(true))
            }
            ReferenceOr::Reference { .. } => false,
        })
        .map(|(name, _)| pascal(name))
        .collect()
}

/// typify turns a string enum into a closed Rust enum (unit variants only), which fails on the
/// first value it does not know. Every string enum must have been replaced by an open one.
fn check_enums_open(ast: &syn::File, file: &str) -> Result<()> {
    for item in &ast.items {
        if let syn::Item::Enum(e) = item
            && e.variants.iter().all(|v| matches!(v.fields, syn::Fields::Unit))
        {
            return fail(
                file,
                format!(
                    "the generated type {} is a closed enum, which fails on any value it does not know: only `type: string` enums are made open (build/types.rs, hoist_string_enums)",
                    e.ident
                ),
            );
        }
    }
    Ok(())
}

/// typify always writes a public `error` module, whose `ConversionError` serves the `FromStr`
/// of the types it generates with one; when none uses it, the module goes: it would be public
/// API that nothing returns.
fn drop_unused_error_module(ast: &mut syn::File) {
    let is_error = |i: &syn::Item| matches!(i, syn::Item::Mod(m) if m.ident == "error");
    let used = ast
        .items
        .iter()
        .filter(|i| !is_error(i))
        .any(|i| i.to_token_stream().to_string().contains("ConversionError"));
    if !used {
        ast.items.retain(|i| !is_error(i));
    }
}

/// The names of the structs in `ast`.
fn struct_names(ast: &syn::File) -> BTreeSet<String> {
    ast.items
        .iter()
        .filter_map(|i| if let syn::Item::Struct(s) = i { Some(s.ident.to_string()) } else { None })
        .collect()
}

/// The structs of `names` (the response models, or the request bodies), closed over the struct
/// types their fields name.
fn structs_reached(ast: &syn::File, responses: &BTreeSet<String>) -> BTreeSet<String> {
    let structs = struct_names(ast);
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
    lenient
}

/// In the response models, an object a response may leave out is boxed: `Option<Box<T>>`
/// costs a pointer in its parent where `Option<T>` costs all of `T`. A listing holds hundreds
/// of items, and their size decides its speed: the Linode `Image` went from 648 to 432 bytes
/// (`image_sharing`, 224 bytes inline, is `null` on every public image), the size of a raw
/// loop's struct (BENCHMARKS.md, section 2: item size was most of the listing's gap).
fn box_optional_objects(ast: &mut syn::File, lenient: &BTreeSet<String>) {
    let structs = struct_names(ast);
    for item in &mut ast.items {
        let syn::Item::Struct(s) = item else { continue };
        let syn::Fields::Named(fields) = &mut s.fields else { continue };
        if !lenient.contains(&s.ident.to_string()) {
            continue;
        }
        for f in fields.named.iter_mut() {
            let Some(inner) = option_of(&f.ty) else { continue };
            if last_segment(inner).is_some_and(|n| structs.contains(&n)) {
                let inner = inner.clone();
                f.ty = syn::parse_quote!(::std::option::Option<::std::boxed::Box<#inner>>);
            }
        }
    }
}

/// Every generated struct and enum is `#[non_exhaustive]`: a field the spec adds to a model or
/// a request body, or a variant it adds to an enum, is then not a breaking change. Outside this
/// crate a model is only made by decoding JSON, and a request body with its `new` and setters
/// ([`request_constructors`]); the docs say so.
fn mark_non_exhaustive(ast: &mut syn::File, requests: &BTreeSet<String>) {
    for item in &mut ast.items {
        let (ident, attrs) = match item {
            syn::Item::Struct(s) => (s.ident.to_string(), &mut s.attrs),
            syn::Item::Enum(e) => (e.ident.to_string(), &mut e.attrs),
            _ => continue,
        };
        let how = if requests.contains(&ident) {
            format!(
                "Made with [`{ident}::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change."
            )
        } else {
            "Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.".to_string()
        };
        // After the schema's description, as a paragraph of its own.
        let docs = attrs.iter().rposition(|a| a.path().is_ident("doc")).map_or(0, |i| i + 1);
        let mut added: Vec<syn::Attribute> = vec![syn::parse_quote!(#[doc = #how])];
        if docs > 0 {
            added.insert(0, syn::parse_quote!(#[doc = ""]));
        }
        attrs.splice(docs..docs, added);
        attrs.push(syn::parse_quote!(#[non_exhaustive]));
    }
}

/// `new` (from the required fields) and one setter per optional field, for each request-body
/// struct: the same shape as the request types of `build/ops.rs`. A field is optional when it
/// is an `Option` or has a `serde` default (a list that may be left out). Numbers and flags are
/// taken as they are, lists as any iterator of what converts into their items (`["a", "b"]`),
/// anything else as `impl Into<T>` (`"us-east"` for a `String` or an open enum).
fn request_constructors(
    ast: &syn::File,
    requests: &BTreeSet<String>,
    file: &str,
) -> Result<BTreeMap<String, syn::Item>> {
    let mut out = BTreeMap::new();
    for item in &ast.items {
        let syn::Item::Struct(s) = item else { continue };
        if !requests.contains(&s.ident.to_string()) {
            continue;
        }
        let name = &s.ident;
        let syn::Fields::Named(fields) = &s.fields else {
            return fail(file, format!("the request body {name} is not a struct with named fields"));
        };
        let (mut args, mut inits, mut setters, mut required) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for f in &fields.named {
            let Some(ident) = &f.ident else { continue };
            let wire = serde_name(f).unwrap_or_else(|| ident.to_string());
            let serde_default = f.attrs.iter().any(|a| {
                a.path().is_ident("serde") && a.meta.to_token_stream().to_string().contains("default")
            });
            match option_of(&f.ty) {
                Some(inner) => {
                    let (arg, value) = body_argument(inner, ident);
                    inits.push(quote!(#ident: ::std::option::Option::None));
                    setters.push((
                        ident.clone(),
                        wire,
                        doc_of(f),
                        arg,
                        quote!(::std::option::Option::Some(#value)),
                    ));
                }
                None if serde_default => {
                    let (arg, value) = body_argument(&f.ty, ident);
                    inits.push(quote!(#ident: ::std::default::Default::default()));
                    setters.push((ident.clone(), wire, doc_of(f), arg, value));
                }
                None => {
                    let (arg, value) = body_argument(&f.ty, ident);
                    args.push(quote!(#ident: #arg));
                    // `disk_id` rather than `disk_id: disk_id`.
                    if *ident == value.to_string() {
                        inits.push(quote!(#ident));
                    } else {
                        inits.push(quote!(#ident: #value));
                    }
                    required.push(format!("`{wire}`"));
                }
            }
        }
        let new_doc = match required.as_slice() {
            [] => "Makes one with nothing set.".to_string(),
            parts => format!("Makes one from its required fields: {}.", parts.join(", ")),
        };
        let mut methods = Vec::new();
        for (ident, wire, doc, arg, value) in setters {
            if ident == "new" {
                return fail(
                    file,
                    format!("the request body {name} has a field `new`, which would hide its constructor"),
                );
            }
            let doc = match doc {
                Some(d) => format!("Sets `{wire}`: {d}"),
                None => format!("Sets `{wire}`."),
            };
            methods.push(quote! {
                #[doc = #doc]
                pub fn #ident(mut self, #ident: #arg) -> Self {
                    self.#ident = #value;
                    self
                }
            });
        }
        out.insert(
            name.to_string(),
            syn::parse_quote! {
                impl #name {
                    #[doc = #new_doc]
                    pub fn new(#(#args),*) -> Self {
                        Self { #(#inits,)* }
                    }
                    #(#methods)*
                }
            },
        );
    }
    Ok(out)
}

/// How `new` or a setter of a request body takes a field of type `ty`, and the field's value
/// made from it.
fn body_argument(ty: &syn::Type, ident: &syn::Ident) -> (TokenStream, TokenStream) {
    match last_segment(ty).as_deref() {
        Some("u64" | "i64" | "f64" | "bool") => (quote!(#ty), quote!(#ident)),
        Some("Vec") => {
            let item = vec_item(ty).map(|t| quote!(#t)).unwrap_or_else(|| quote!(_));
            (
                quote!(impl ::std::iter::IntoIterator<Item = impl ::std::convert::Into<#item>>),
                quote!(#ident.into_iter().map(::std::convert::Into::into).collect()),
            )
        }
        _ => (quote!(impl ::std::convert::Into<#ty>), quote!(#ident.into())),
    }
}

/// `T` of a `Vec<T>` type.
fn vec_item(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        syn::GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}

/// The name a field has in JSON (`#[serde(rename = "type")]`), when renamed.
fn serde_name(f: &syn::Field) -> Option<String> {
    f.attrs.iter().filter(|a| a.path().is_ident("serde")).find_map(|a| {
        let mut name = None;
        let _ = a.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") {
                let lit: syn::LitStr = meta.value()?.parse()?;
                name = Some(lit.value());
            } else if meta.input.peek(syn::Token![=]) {
                let _: syn::Expr = meta.value()?.parse()?;
            }
            Ok(())
        });
        name
    })
}

/// A field's doc comment, as one paragraph.
fn doc_of(f: &syn::Field) -> Option<String> {
    let lines: Vec<String> = f
        .attrs
        .iter()
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => {
                    Some(s.value().trim().to_string())
                }
                _ => None,
            },
            _ => None,
        })
        .filter(|l| !l.is_empty())
        .collect();
    (!lines.is_empty()).then(|| lines.join(" "))
}

/// `T` of an `Option<T>` type.
fn option_of(ty: &syn::Type) -> Option<&syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else { return None };
    match args.args.first()? {
        syn::GenericArgument::Type(t) if args.args.len() == 1 => Some(t),
        _ => None,
    }
}

/// The second half of the decoding rule, on the generated code: every list or map field of a
/// response model (and of the structs they contain) decodes `null` as empty, and a missing one
/// as empty too, except a field that stays required (`x-client-required`, which typify leaves
/// without `default`): the items of a listing (`data`, `images`, `actions`). Such a field still
/// reads `null` as empty (the servers send `null` for lists), but an answer without it is a
/// decoding error naming it (`missing field `images``): `{}` is not a page with no items.
fn null_lists_decode_empty(ast: &mut syn::File, lenient: &BTreeSet<String>) {
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
            // Without `default`, the field is one that stays required: `null` reads as empty,
            // missing is an error. serde reports a missing field with a `deserialize_with` as
            // `missing field` (it never calls the function for it).
            f.attrs.push(syn::parse_quote!(#[serde(deserialize_with = "crate::decode::null_as_empty")]));
        }
    }
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

// ------------------------------------------------------------------------ open enums

pub fn enums_tokens(enums: &[EnumDef], file: &str) -> Result<TokenStream> {
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
        let growth = format!(
            "`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`{name}::as_str`) or with `_`, not with `{OTHER}(..)`: a value leaves `{OTHER}` once it is named."
        );
        let doc = format!("{doc}\n\n{growth}");
        items.push(quote! {
            #[doc = #doc]
            #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
            #[non_exhaustive]
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
                    crate::decode::open_enum(d)
                }
            }
        });
    }
    Ok(quote! { #(#items)* })
}
