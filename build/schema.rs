//! The one schema walker. Every pass that looks inside schemas (closing objects, hoisting enums,
//! finding references, the decoding rule) goes through [`walk`] or [`visit_all`], so that each
//! one sees the same schemas: properties, array items, `additionalProperties`, and the members
//! of `allOf`/`oneOf`/`anyOf`, at any depth. `$ref`s are visited, not followed.

use openapiv3::{
    AdditionalProperties, OpenAPI, Parameter, ParameterData, ParameterSchemaOrContent, ReferenceOr, Schema,
    SchemaKind, Type,
};

use crate::names::pascal;
use crate::refuse::{METHODS, escape, pointer};

/// A schema in the document, inline or a reference: what a visitor may read or replace.
pub type Slot = ReferenceOr<Schema>;

/// How a schema is reached from the one that contains it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// A schema of its own: a component, a parameter, a request or response body.
    Root,
    /// An object's property.
    Property,
    /// An array's items.
    Items,
    /// An object's `additionalProperties`.
    AdditionalProperties,
    /// A member of `allOf`, `oneOf` or `anyOf`.
    Member,
}

/// Which root a schema lies under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Root {
    /// `#/components/schemas/*`
    Component,
    /// A parameter, in `#/components/parameters` or in an operation.
    Parameter,
    /// An operation's request body.
    Body,
    /// An operation's (2xx) response.
    Response,
}

/// Where a schema sits.
#[derive(Clone, Debug)]
pub struct Place {
    /// The name typify gives a type generated for an inline schema here (`ImageStatus` for the
    /// `status` property of `Image`).
    pub name: String,
    /// The JSON pointer, for messages.
    pub pointer: String,
    pub edge: Edge,
    pub root: Root,
}

impl Place {
    fn child(&self, name: String, pointer: String, edge: Edge) -> Place {
        Place { name, pointer, edge, root: self.root }
    }
}

/// Calls `f` on `slot`, then (on what `f` left there, if inline) on every schema below it,
/// parents before children.
pub fn walk<E>(
    slot: &mut Slot,
    place: &Place,
    f: &mut dyn FnMut(&mut Slot, &Place) -> Result<(), E>,
) -> Result<(), E> {
    f(slot, place)?;
    let ReferenceOr::Item(schema) = slot else { return Ok(()) };
    let (name, at) = (&place.name, &place.pointer);
    match &mut schema.schema_kind {
        SchemaKind::Type(Type::Object(o)) => {
            let has_properties = !o.properties.is_empty();
            for (prop, s) in o.properties.iter_mut() {
                let child = place.child(
                    format!("{name}{}", pascal(prop)),
                    format!("{at}/properties/{}", escape(prop)),
                    Edge::Property,
                );
                walk_boxed(s, &child, f)?;
            }
            if let Some(AdditionalProperties::Schema(s)) = o.additional_properties.as_mut() {
                // typify: the values of a plain map are `{Name}Value`; those of an object's
                // flattened `extra` map `{Name}ExtraValue`.
                let suffix = if has_properties { "ExtraValue" } else { "Value" };
                let child = place.child(
                    format!("{name}{suffix}"),
                    format!("{at}/additionalProperties"),
                    Edge::AdditionalProperties,
                );
                walk(s, &child, f)?;
            }
        }
        SchemaKind::Type(Type::Array(a)) => {
            if let Some(items) = a.items.as_mut() {
                walk_boxed(
                    items,
                    &place.child(format!("{name}Item"), format!("{at}/items"), Edge::Items),
                    f,
                )?;
            }
        }
        SchemaKind::AllOf { all_of: v } => members(v, "allOf", place, f)?,
        SchemaKind::OneOf { one_of: v } => members(v, "oneOf", place, f)?,
        SchemaKind::AnyOf { any_of: v } => members(v, "anyOf", place, f)?,
        _ => {}
    }
    Ok(())
}

/// The members of an `allOf`/`oneOf`/`anyOf` (`key`): typify names a type generated for an
/// inline member after the parent, so they keep its name.
fn members<E>(
    v: &mut [Slot],
    key: &str,
    place: &Place,
    f: &mut dyn FnMut(&mut Slot, &Place) -> Result<(), E>,
) -> Result<(), E> {
    for (i, s) in v.iter_mut().enumerate() {
        walk(s, &place.child(place.name.clone(), format!("{}/{key}/{i}", place.pointer), Edge::Member), f)?;
    }
    Ok(())
}

/// [`walk`] on a property or items schema, which openapiv3 boxes.
fn walk_boxed<E>(
    s: &mut ReferenceOr<Box<Schema>>,
    place: &Place,
    f: &mut dyn FnMut(&mut Slot, &Place) -> Result<(), E>,
) -> Result<(), E> {
    let mut slot = std::mem::replace(s, ReferenceOr::ref_("")).unbox();
    let result = walk(&mut slot, place, f);
    *s = match slot {
        ReferenceOr::Item(schema) => ReferenceOr::Item(Box::new(schema)),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference { reference },
    };
    result
}

/// Every schema of the document, inline or named, each with its place: the component schemas,
/// the parameters (in components and operations), the request bodies and the responses.
pub fn visit_all<E>(
    spec: &mut OpenAPI,
    f: &mut dyn FnMut(&mut Slot, &Place) -> Result<(), E>,
) -> Result<(), E> {
    let root = |name: String, pointer: String, root: Root| Place { name, pointer, edge: Edge::Root, root };
    if let Some(components) = spec.components.as_mut() {
        for (name, s) in components.schemas.iter_mut() {
            let place = root(pascal(name), pointer(&["components", "schemas", name]), Root::Component);
            walk(s, &place, f)?;
        }
        for (name, p) in components.parameters.iter_mut() {
            if let ReferenceOr::Item(p) = p
                && let ParameterSchemaOrContent::Schema(s) = &mut parameter_data_mut(p).format
            {
                let at = pointer(&["components", "parameters", name, "schema"]);
                walk(s, &root(pascal(name), at, Root::Parameter), f)?;
            }
        }
    }
    for (path, item) in spec.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else { continue };
        let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for (method, op) in METHODS.into_iter().zip(ops) {
            let Some(op) = op.as_mut() else { continue };
            let opid = op.operation_id.clone().unwrap_or_default();
            for (i, p) in op.parameters.iter_mut().enumerate() {
                if let ReferenceOr::Item(p) = p {
                    let name = pascal(&format!("{opid}-{}", p.parameter_data_ref().name));
                    if let ParameterSchemaOrContent::Schema(s) = &mut parameter_data_mut(p).format {
                        let at = pointer(&["paths", path, method, "parameters", &i.to_string(), "schema"]);
                        walk(s, &root(name, at, Root::Parameter), f)?;
                    }
                }
            }
            if let Some(ReferenceOr::Item(body)) = op.request_body.as_mut() {
                for (media, mt) in body.content.iter_mut() {
                    if let Some(s) = mt.schema.as_mut() {
                        let at = pointer(&["paths", path, method, "requestBody", "content", media, "schema"]);
                        walk(s, &root(pascal(&format!("{opid}-body")), at, Root::Body), f)?;
                    }
                }
            }
            for (code, r) in op.responses.responses.iter_mut() {
                let ReferenceOr::Item(r) = r else { continue };
                for (media, mt) in r.content.iter_mut() {
                    if let Some(s) = mt.schema.as_mut() {
                        let code = code.to_string();
                        let at =
                            pointer(&["paths", path, method, "responses", &code, "content", media, "schema"]);
                        walk(s, &root(pascal(&format!("{opid}-response")), at, Root::Response), f)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// The names of the component schemas that `slot` and the schemas below it refer to.
pub fn refs_below(slot: &mut Slot) -> Vec<String> {
    let place = Place { name: String::new(), pointer: "#".into(), edge: Edge::Root, root: Root::Component };
    let mut found = Vec::new();
    let _ = walk::<()>(slot, &place, &mut |s, _| {
        if let ReferenceOr::Reference { reference } = s {
            found.push(crate::names::ref_name(reference).to_string());
        }
        Ok(())
    });
    found
}

/// The parameter's name, location, schema.. whatever its location.
pub fn parameter_data_mut(p: &mut Parameter) -> &mut ParameterData {
    match p {
        Parameter::Query { parameter_data, .. }
        | Parameter::Header { parameter_data, .. }
        | Parameter::Path { parameter_data, .. }
        | Parameter::Cookie { parameter_data, .. } => parameter_data,
    }
}
