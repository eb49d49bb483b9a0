//! One request type per operation, implementing `crate::Operation`: method, path template,
//! parameters (path, query, headers) and body, typed with the types of `build/types.rs`.
//!
//! progenitor keeps its per-operation metadata private, so it is read here from the same
//! `openapiv3` document.

use std::collections::{BTreeMap, HashSet};

use heck::ToPascalCase;
use openapiv3::{
    OpenAPI, Operation, Parameter, ParameterSchemaOrContent, ReferenceOr, Schema, SchemaKind, Type,
};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::names::{pascal, ref_name, snake_ident};
use crate::paging::Paging;
use crate::spec::{Result, fail};

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

pub fn operations_tokens(
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
        /// Appends `value` to `out` as one path segment (`private/123` as `private%2F123`): RFC
        /// 3986 "unreserved" characters (letters, digits, `-`, `.`, `_`, `~`) stay; every other
        /// byte, `/` and those of non-ASCII characters included, is percent-encoded, a byte at a
        /// time: the path of `get-image private/1234` takes 290 instructions where
        /// `percent-encoding`'s iterator took 450 (callgrind; it runs on every call).
        #[allow(dead_code)]
        pub(crate) fn push_segment(out: &mut ::std::string::String, value: &str) {
            // A half byte as an upper-case hex digit.
            fn hex(nibble: u8) -> char {
                match nibble {
                    0..=9 => char::from(b'0' + nibble),
                    _ => char::from(b'A' + (nibble & 0x0f) - 10),
                }
            }
            out.reserve(value.len());
            for b in value.bytes() {
                if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                    out.push(char::from(b));
                } else {
                    out.push('%');
                    out.push(hex(b >> 4));
                    out.push(hex(b & 0x0f));
                }
            }
        }
        /// Appends a number to `out` (numbers need no encoding).
        #[allow(dead_code)]
        fn push_number(out: &mut ::std::string::String, value: impl ::std::fmt::Display) {
            use ::std::fmt::Write as _;
            // Writing to a `String` cannot fail.
            let _ = write!(out, "{value}");
        }
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
    // `new` takes the required parts; each optional parameter has a setter named after it.
    let (mut new_args, mut new_fields, mut setters) = (Vec::new(), Vec::new(), Vec::new());
    let mut path_args: BTreeMap<String, (syn::Ident, PathKind)> = BTreeMap::new();
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
        let (arg_ty, value) = argument(&ty, &ident);
        if required {
            fields.push(quote! { #[doc = #doc] pub #ident: #ty });
            new_args.push(quote! { #ident: #arg_ty });
            new_fields.push(quote! { #ident: #value });
        } else {
            if RESERVED.contains(&ident.to_string().as_str()) {
                return fail(
                    cx.file,
                    format!("{opid}: a parameter named `{api_name}` would hide a method of the request type"),
                );
            }
            fields.push(quote! { #[doc = #doc] pub #ident: ::std::option::Option<#ty> });
            new_fields.push(quote! { #ident: ::std::option::Option::None });
            let setter_doc = match location {
                Location::Header => format!("Sets the `{api_name}` header."),
                _ => format!("Sets the `{api_name}` query parameter."),
            };
            setters.push(quote! {
                #[doc = #setter_doc]
                pub fn #ident(mut self, #ident: #arg_ty) -> Self {
                    self.#ident = ::std::option::Option::Some(#value);
                    self
                }
            });
        }
        let push = if required {
            quote! { out.push((#api_name, self.#ident.to_string())); }
        } else {
            quote! { if let Some(v) = &self.#ident { out.push((#api_name, v.to_string())); } }
        };
        match location {
            Location::Path => {
                let kind = match ty.to_string().as_str() {
                    "u64" | "i64" => PathKind::Number,
                    ":: std :: string :: String" => PathKind::Text,
                    _ => PathKind::Other,
                };
                path_args.insert(api_name.clone(), (ident, kind));
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
        let ident = format_ident!("body");
        let (arg_ty, value) = argument(ty, &ident);
        new_args.push(quote! { body: #arg_ty });
        new_fields.push(quote! { body: #value });
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

    // The path template, appended piece by piece: literal parts as they are, numbers written,
    // anything else percent-encoded as one segment (no `format!`: it is on every call's path).
    let mut pushes = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            return fail(cx.file, format!("{path}: unclosed `{{`"));
        };
        let end = start + len;
        let literal = &rest[..start];
        if !literal.is_empty() {
            pushes.push(quote!(out.push_str(#literal);));
        }
        let name = &rest[start + 1..end];
        let Some((ident, kind)) = path_args.get(name) else {
            return fail(cx.file, format!("{opid}: path parameter {name} is not declared"));
        };
        pushes.push(match kind {
            PathKind::Number => quote!(push_number(out, self.#ident);),
            PathKind::Text => quote!(push_segment(out, &self.#ident);),
            PathKind::Other => quote!(push_segment(out, &self.#ident.to_string());),
        });
        rest = &rest[end + 1..];
    }
    if !rest.is_empty() {
        pushes.push(quote!(out.push_str(#rest);));
    }

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
    doc.push_str(&format!("\n\nMade with [`{struct_ident}::new`], from the required parts"));
    if !setters.is_empty() {
        doc.push_str("; each optional parameter is set with the method named after it");
    }
    doc.push_str(
        ". The fields are there to read: a new optional parameter in the spec is not a breaking change.",
    );
    let new_doc = format!("A `{opid}` request, from its required parts.");
    Ok(quote! {
        #[doc = #doc]
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub struct #struct_ident { #(#fields,)* }
        impl #struct_ident {
            #[doc = #new_doc]
            pub fn new(#(#new_args),*) -> Self {
                Self { #(#new_fields,)* }
            }
            #(#setters)*
        }
        impl crate::Operation for #struct_ident {
            type Response = #response_ty;
            type Body = #body_assoc;
            const METHOD: crate::Method = crate::Method::#method_ident;
            const OPERATION_ID: &'static str = #opid;
            const PATH_TEMPLATE: &'static str = #path;
            #query_fn
            #header_fn
            #body_fn
        }
        impl crate::operation::sealed::WritePath for #struct_ident {
            fn write_path(&self, out: &mut ::std::string::String, _: crate::operation::sealed::Seal) { #(#pushes)* }
        }
    })
}

/// How a path parameter is written into the path.
enum PathKind {
    /// An integer: as it is.
    Number,
    /// A `String`: percent-encoded as one segment.
    Text,
    /// Anything else: its `Display`, percent-encoded.
    Other,
}

/// The names a setter cannot have: the constructor and the methods of `crate::Operation` (and
/// of its sealed supertrait).
const RESERVED: [&str; 7] = ["new", "path", "write_path", "query", "headers", "body", "into"];

/// How `new` or a setter takes a value of type `ty`: numbers and flags as they are (so that
/// `.page(2)` compiles), anything else as `impl Into<ty>` (so that `"private/1"` is a `String`).
fn argument(ty: &TokenStream, ident: &syn::Ident) -> (TokenStream, TokenStream) {
    match ty.to_string().as_str() {
        "u64" | "i64" | "f64" | "bool" => (ty.clone(), quote!(#ident)),
        _ => (quote!(impl ::std::convert::Into<#ty>), quote!(#ident.into())),
    }
}

/// What the listings' `x-paging` (read by `build/paging.rs`) makes: for each list operation, its
/// `crate::list::Paged` impl (and `crate::list::Filtered`, when it names a filter); for each
/// envelope, its `crate::decode::Listing` impl (its items, and a neutral reading of where the
/// listing is: `crate::list::Position`). `provider` is the provider's type
/// (`crate::linode::Linode`), whose `crate::list::Locate` reads that position.
pub fn paging_tokens(listings: &[Paging], provider: &TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut envelopes: Vec<&str> = Vec::new();
    for l in listings {
        let op = format_ident!("{}", pascal(&l.operation));
        let item = format_ident!("{}", pascal(&l.item));
        let (page, size, id) = (snake_ident(&l.page), snake_ident(&l.page_size), snake_ident(&l.id));
        let size_param = &l.page_size;
        let (min, max) = l.sizes;
        out.push(quote! {
            impl crate::list::sealed::Sealed for #op {}
            impl crate::list::Paged for #op {
                type Item = types::#item;
                type Provider = #provider;
                const PAGE_SIZE: &'static str = #size_param;
                const PAGE_SIZES: (u64, u64) = (#min, #max);
                fn requested_page(&self) -> ::std::option::Option<u64> {
                    self.#page
                }
                fn set_requested_page(&mut self, page: u64) {
                    self.#page = ::std::option::Option::Some(page);
                }
                fn requested_page_size(&self) -> ::std::option::Option<u64> {
                    self.#size
                }
                fn set_requested_page_size(&mut self, size: u64) {
                    self.#size = ::std::option::Option::Some(size);
                }
                fn fingerprint(item: &types::#item) -> ::std::string::String {
                    ::std::string::ToString::to_string(&item.#id)
                }
            }
        });
        if let Some(filter) = &l.filter {
            let filter = snake_ident(filter);
            out.push(quote! {
                impl crate::list::Filtered for #op {
                    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
                        self.#filter = filter;
                    }
                }
            });
        }
        if envelopes.contains(&l.envelope.as_str()) {
            continue; // `build/paging.rs` checked that every operation reads it the same way
        }
        envelopes.push(&l.envelope);
        let envelope = format_ident!("{}", pascal(&l.envelope));
        let (items, items_name) = (snake_ident(&l.items), &l.items);
        let position = l.position.iter().map(|(role, path)| {
            let field = format_ident!("{}", role.name());
            let value = reading(path, role.is_link());
            quote!(#field: #value)
        });
        out.push(quote! {
            impl crate::decode::Listing for types::#envelope {
                type Item = types::#item;
                const ITEMS: &'static str = #items_name;
                fn take_items(&mut self) -> ::std::vec::Vec<types::#item> {
                    ::std::mem::take(&mut self.#items)
                }
                fn position(&self) -> crate::list::Position<'_> {
                    crate::list::Position { #(#position,)* ..::std::default::Default::default() }
                }
            }
        });
    }
    quote!(#(#out)*)
}

/// Reads a `position` path of an envelope: every step an `Option` (objects boxed), the last a
/// link (`Option<String>`, read as `Option<&str>`) or a counter (`Option<u64>`).
fn reading(path: &[String], link: bool) -> TokenStream {
    let mut steps = path.iter().map(|s| snake_ident(s));
    let Some(first) = steps.next() else { return quote!(::std::option::Option::None) };
    let mut value =
        if path.len() == 1 && !link { quote!(self.#first) } else { quote!(self.#first.as_deref()) };
    for (i, step) in steps.enumerate() {
        let last = i + 2 == path.len();
        value = if last && !link {
            quote!(#value.and_then(|v| v.#step))
        } else {
            quote!(#value.and_then(|v| v.#step.as_deref()))
        };
    }
    value
}

/// The stand-ins' table of the spec's operations, for `crate::testing::routes` (feature
/// `testing`): one row per generated request type, in the spec's order, made from the type
/// (`Endpoint::of::<ops::GetImage>()`: its method, path template and operation id), with the
/// operation's own server when the spec gives it one (Linode's share groups: `v4beta` only).
/// The stand-ins route requests by it and check `inject`'s operation ids against it, so they
/// answer exactly the operations the client can send, at the same paths.
pub fn endpoints_tokens(
    spec: &OpenAPI,
    doc: &serde_json::Value,
    provider: &str,
    file: &str,
) -> Result<TokenStream> {
    let module = format_ident!("{provider}");
    let mut rows = Vec::new();
    for (path, item) in spec.paths.iter() {
        let ReferenceOr::Item(item) = item else { continue };
        for (method, op) in item.iter() {
            let opid = op.operation_id.clone().unwrap_or_default();
            let ty = format_ident!("{}", pascal(&opid));
            let server = &doc["paths"][path][method]["servers"];
            let row = match server.as_array().map(Vec::as_slice) {
                None | Some([]) => quote!(Endpoint::of::<ops::#ty>()),
                Some([one]) => match one["url"].as_str() {
                    Some(url) => quote!(Endpoint::of::<ops::#ty>().on_server(#url)),
                    None => return fail(file, format!("{opid}: its server has no url")),
                },
                Some(_) => return fail(file, format!("{opid}: give at most one server per operation")),
            };
            rows.push(row);
        }
    }
    let n = rows.len();
    let doc = format!(
        "Every operation of `openapi/{provider}.json`, in the spec's order: one row per generated \
         request type (`crate::{provider}::ops`)."
    );
    Ok(quote! {
        use crate::#module::ops;
        use crate::testing::routes::Endpoint;
        #[doc = #doc]
        pub(crate) static ENDPOINTS: [Endpoint; #n] = [#(#rows),*];
    })
}
