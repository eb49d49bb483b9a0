//! `x-paging`: what a spec says about each of its listings, read and checked on the raw JSON so
//! that a refusal names the file and the JSON path of the part to fix, as `build/refuse.rs` does.
//!
//! A list operation carries one object, next to its `responses`:
//!
//! ```json
//! "x-paging": {
//!   "items": "data",
//!   "page": "page",
//!   "page_size": "page_size",
//!   "filter": "X-Filter",
//!   "id": "id",
//!   "position": {"page": "page", "pages": "pages", "total": "results"}
//! }
//! ```
//!
//! - `items`: the property of the 200 answer's schema (the envelope, a `$ref`) that holds the
//!   page's items: an array of `$ref` items, listed in the envelope's `x-client-required` (an
//!   answer without it is an error, not an empty page);
//! - `page`, `page_size`: the operation's query parameters for the page number (an integer
//!   from 1) and the page size (an integer with a `minimum` and a `maximum`: the page sizes the
//!   API accepts; the crate asks for the largest unless told otherwise);
//! - `filter` (optional): the header parameter that carries a server-side filter;
//! - `id`: the item property that tells items apart, for the repeated-page guard: one the
//!   item's schema lists in `x-client-required` (every item has it), a string or an integer;
//! - `position`: how the envelope tells where the listing is, each a dotted path into it
//!   (`links.pages.next`): `page` (the answer's page number), `pages` (the page count), `total`
//!   (the item count), integers from 0; `next`, `last` (links to the next and the last page),
//!   strings. Every step is optional in the envelope (not `x-client-required`), and every step
//!   but the last is a `$ref` to an object.
//!
//! `build.rs` generates from it, in `{provider}_ops.rs`, the operation's `crate::list::Paged`
//! (and `crate::list::Filtered`) impl and its envelope's `crate::decode::Listing` impl. Needs
//! nothing but `serde_json`: the tests include this file as it is (`tests/it/main.rs`), for
//! `tests/it/paging_spec.rs`.

use serde_json::{Map, Value};

use crate::refuse::{METHODS, pointer};

/// One list operation, as its `x-paging` describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paging {
    /// The `operationId`.
    pub operation: String,
    /// The component schema of the 200 answer.
    pub envelope: String,
    /// The component schema of one item.
    pub item: String,
    /// The envelope's property that holds the items.
    pub items: String,
    /// The query parameter of the page number.
    pub page: String,
    /// The query parameter of the page size.
    pub page_size: String,
    /// The smallest and largest page size the API accepts.
    pub sizes: (u64, u64),
    /// The header parameter of a server-side filter.
    pub filter: Option<String>,
    /// The item's property that tells items apart.
    pub id: String,
    /// Where the envelope says the listing is: role, path into the envelope.
    pub position: Vec<(Role, Vec<String>)>,
}

/// What a `position` entry reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Page,
    Pages,
    Total,
    Next,
    Last,
}

impl Role {
    /// Every role, by its name in `position`.
    pub const ALL: [(&'static str, Role); 5] = [
        ("page", Role::Page),
        ("pages", Role::Pages),
        ("total", Role::Total),
        ("next", Role::Next),
        ("last", Role::Last),
    ];

    /// The field of `crate::list::Position` it fills.
    pub fn name(self) -> &'static str {
        match self {
            Role::Page => "page",
            Role::Pages => "pages",
            Role::Total => "total",
            Role::Next => "next",
            Role::Last => "last",
        }
    }

    /// A link (a string) rather than a counter (an integer).
    pub fn is_link(self) -> bool {
        matches!(self, Role::Next | Role::Last)
    }
}

/// The keys an `x-paging` object may have.
const KEYS: [&str; 6] = ["items", "page", "page_size", "filter", "id", "position"];

/// Every `x-paging` of `doc`, in document order, or every problem with them as
/// `{file}: {JSON pointer}: {what}`.
pub fn read(file: &str, doc: &Value) -> Result<Vec<Paging>, Vec<String>> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let paths = doc.get("paths").and_then(Value::as_object).into_iter().flatten();
    for (path, item) in paths {
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let Some(x) = op.get("x-paging") else { continue };
            let at = vec!["paths".to_string(), path.clone(), method.to_string(), "x-paging".to_string()];
            let mut cx = Cx { file, doc, at, problems: &mut problems };
            if method != "get" {
                cx.refuse(&[], "only a GET operation is a listing".into());
                continue;
            }
            if let Some(paging) = cx.paging(item, op, x) {
                found.push(paging);
            }
        }
    }
    same_envelopes(file, doc, &found, &mut problems);
    if problems.is_empty() { Ok(found) } else { Err(problems) }
}

/// Operations that share an envelope read it the same way: one `Listing` impl serves them.
fn same_envelopes(file: &str, doc: &Value, found: &[Paging], problems: &mut Vec<String>) {
    for (i, a) in found.iter().enumerate() {
        let first = found.iter().take(i).find(|b| b.envelope == a.envelope);
        if let Some(b) = first
            && (a.items != b.items || a.position != b.position)
        {
            let at = operation_pointer(doc, &a.operation);
            problems.push(format!(
                "{file}: {at}: x-paging reads the envelope {} unlike {} does (its items and position must be the same)",
                a.envelope, b.operation
            ));
        }
    }
}

/// The pointer of an operation's `x-paging`, by its id.
fn operation_pointer(doc: &Value, id: &str) -> String {
    for (path, item) in doc.get("paths").and_then(Value::as_object).into_iter().flatten() {
        for method in METHODS {
            if item.get(method).and_then(|op| op.get("operationId")).and_then(Value::as_str) == Some(id) {
                return pointer(&["paths", path, method, "x-paging"]);
            }
        }
    }
    "#".to_string()
}

/// Reading one `x-paging`.
struct Cx<'a> {
    file: &'a str,
    doc: &'a Value,
    /// The pointer of the `x-paging` object.
    at: Vec<String>,
    problems: &'a mut Vec<String>,
}

impl<'a> Cx<'a> {
    fn refuse(&mut self, below: &[&str], msg: String) {
        let parts: Vec<&str> = self.at.iter().map(String::as_str).chain(below.iter().copied()).collect();
        self.problems.push(format!("{}: {}: {msg}", self.file, pointer(&parts)));
    }

    /// The value of `key`, a non-empty string.
    fn name<'v>(&mut self, x: &'v Map<String, Value>, key: &str) -> Option<&'v str> {
        match x.get(key) {
            Some(Value::String(s)) if !s.is_empty() => Some(s),
            Some(_) => {
                self.refuse(&[key], "must be a name (a non-empty string)".into());
                None
            }
            None => {
                self.refuse(&[], format!("`{key}` is missing"));
                None
            }
        }
    }

    fn paging(&mut self, item: &'a Value, op: &'a Value, x: &'a Value) -> Option<Paging> {
        let doc = self.doc;
        let Some(x) = x.as_object() else {
            self.refuse(&[], "must be an object".into());
            return None;
        };
        let before = self.problems.len();
        for key in x.keys().filter(|k| !KEYS.contains(&k.as_str())) {
            self.refuse(&[key], format!("unknown key (x-paging has {})", KEYS.join(", ")));
        }
        let operation = op.get("operationId").and_then(Value::as_str).unwrap_or_default().to_string();
        let params = parameters(doc, item, op);

        let envelope = self.envelope(op);
        let items = self.name(x, "items");
        let (item_name, item_schema) = match (&envelope, items) {
            (Some((name, schema)), Some(items)) => self.items(name, schema, items).unzip(),
            _ => (None, None),
        };

        let page = self.name(x, "page");
        if let Some(page) = page {
            match query_integer(&params, page) {
                Some(schema) if number(schema, "minimum") == Some(1) => {}
                Some(_) => self
                    .refuse(&["page"], format!("`{page}` must have `minimum: 1`: pages are numbered from 1")),
                None => self
                    .refuse(&["page"], format!("`{page}` names no integer query parameter of the operation")),
            }
        }
        let page_size = self.name(x, "page_size");
        let mut sizes = None;
        if let Some(size) = page_size {
            match query_integer(&params, size) {
                Some(schema) => match (number(schema, "minimum"), number(schema, "maximum")) {
                    (Some(min), Some(max)) if 1 <= min && min <= max => sizes = Some((min, max)),
                    _ => self.refuse(
                        &["page_size"],
                        format!("`{size}` needs a `minimum` (at least 1) and a `maximum`: the page sizes the API accepts"),
                    ),
                },
                None => {
                    self.refuse(&["page_size"], format!("`{size}` names no integer query parameter of the operation"))
                }
            }
        }
        let filter = match x.get("filter") {
            None => None,
            Some(_) => {
                let name = self.name(x, "filter");
                let header = name.and_then(|n| param(&params, n, "header"));
                if let Some(n) = name
                    && header.and_then(|p| schema_type(doc, p.get("schema"))) != Some("string")
                {
                    self.refuse(
                        &["filter"],
                        format!("`{n}` names no string header parameter of the operation"),
                    );
                }
                name.map(str::to_string)
            }
        };

        let id = self.name(x, "id");
        if let (Some(id), Some(item_schema), Some(item_name)) = (id, item_schema, &item_name) {
            let kind = property(item_schema, id).and_then(|p| schema_type(doc, Some(p)));
            if !matches!(kind, Some("string" | "integer")) {
                self.refuse(&["id"], format!("`{id}` is not a string or integer property of {item_name}"));
            } else if !client_required(item_schema).contains(&id) {
                self.refuse(
                    &["id"],
                    format!("`{id}` must be in the x-client-required of {item_name}: the repeated-page guard needs a field every item has"),
                );
            }
        }

        let position = match (x.get("position"), &envelope) {
            (None, _) => {
                self.refuse(&[], "`position` is missing".into());
                None
            }
            (Some(Value::Object(entries)), Some((name, schema))) => {
                Some(self.position(name, schema, entries))
            }
            (Some(Value::Object(_)), None) => None,
            (Some(_), _) => {
                self.refuse(&["position"], "must be an object of dotted paths into the envelope".into());
                None
            }
        };

        if self.problems.len() > before {
            return None;
        }
        Some(Paging {
            operation,
            envelope: envelope?.0,
            item: item_name?,
            items: items?.to_string(),
            page: page?.to_string(),
            page_size: page_size?.to_string(),
            sizes: sizes?,
            filter,
            id: id?.to_string(),
            position: position?,
        })
    }

    /// The 200 answer's schema: its component name and the schema.
    fn envelope(&mut self, op: &Value) -> Option<(String, &'a Value)> {
        let schema = op.pointer("/responses/200/content/application~1json/schema");
        match schema.and_then(|s| s.get("$ref")).and_then(Value::as_str).and_then(|r| component(self.doc, r))
        {
            Some(found) => Some(found),
            None => {
                self.refuse(
                    &[],
                    "a listing's 200 answer must be a $ref to an object schema (the envelope)".into(),
                );
                None
            }
        }
    }

    /// The item schema of the envelope's `items` array: its component name and the schema.
    fn items(&mut self, envelope: &str, schema: &'a Value, items: &str) -> Option<(String, &'a Value)> {
        let Some(array) = property(schema, items) else {
            self.refuse(&["items"], format!("{envelope} has no property `{items}`"));
            return None;
        };
        let item = array.get("items").and_then(|i| i.get("$ref")).and_then(Value::as_str);
        let Some(found) = item
            .filter(|_| schema_type(self.doc, Some(array)) == Some("array"))
            .and_then(|r| component(self.doc, r))
        else {
            self.refuse(&["items"], format!("`{items}` of {envelope} must be an array of $ref items"));
            return None;
        };
        if !client_required(schema).contains(&items) {
            self.refuse(
                &["items"],
                format!("`{items}` must be in the x-client-required of {envelope}: an answer without it is an error, not an empty page"),
            );
        }
        Some(found)
    }

    /// The `position` entries: each role once, each path a walk through optional properties.
    fn position(
        &mut self,
        envelope: &str,
        schema: &'a Value,
        entries: &Map<String, Value>,
    ) -> Vec<(Role, Vec<String>)> {
        let mut out = Vec::new();
        for (key, path) in entries {
            let Some(role) = Role::ALL.iter().find(|(name, _)| name == key).map(|(_, role)| *role) else {
                let names: Vec<&str> = Role::ALL.iter().map(|(name, _)| *name).collect();
                self.refuse(&["position", key], format!("unknown entry (position has {})", names.join(", ")));
                continue;
            };
            let Some(path) = path.as_str().filter(|p| !p.is_empty()) else {
                self.refuse(
                    &["position", key],
                    "must be a dotted path into the envelope (`links.pages.next`)".into(),
                );
                continue;
            };
            let steps: Vec<String> = path.split('.').map(str::to_string).collect();
            if let Err(msg) = walk(self.doc, envelope, schema, &steps, role) {
                self.refuse(&["position", key], format!("`{path}`: {msg}"));
                continue;
            }
            out.push((role, steps));
        }
        out.sort();
        out
    }
}

/// Checks a `position` path: every step an optional property, every step but the last a `$ref`
/// to an object, the last a string (a link) or an integer from 0 (a counter).
fn walk(doc: &Value, envelope: &str, schema: &Value, steps: &[String], role: Role) -> Result<(), String> {
    let (mut name, mut here) = (envelope.to_string(), schema);
    for (i, step) in steps.iter().enumerate() {
        let Some(p) = property(here, step) else {
            return Err(format!("{name} has no property `{step}`"));
        };
        if client_required(here).contains(&step.as_str()) {
            return Err(format!(
                "`{step}` of {name} is in x-client-required; the steps of a position are optional"
            ));
        }
        if i + 1 < steps.len() {
            match p.get("$ref").and_then(Value::as_str).and_then(|r| component(doc, r)) {
                Some((next, s)) if schema_type(doc, Some(s)) == Some("object") => (name, here) = (next, s),
                _ => return Err(format!("`{step}` of {name} must be a $ref to an object schema")),
            }
        } else if role.is_link() && schema_type(doc, Some(p)) != Some("string") {
            return Err(format!("`{step}` of {name} must be a string: a {} link", role.name()));
        } else if !role.is_link()
            && (schema_type(doc, Some(p)) != Some("integer") || number(p, "minimum").is_none())
        {
            return Err(format!("`{step}` of {name} must be an integer with `minimum: 0`: a counter"));
        }
    }
    Ok(())
}

/// The operation's parameters, the path item's first, `$ref`s resolved.
fn parameters<'a>(doc: &'a Value, item: &'a Value, op: &'a Value) -> Vec<&'a Value> {
    let lists = [item.get("parameters"), op.get("parameters")];
    let all = lists.into_iter().flatten().filter_map(Value::as_array).flatten();
    all.filter_map(|p| match p.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, r),
        None => Some(p),
    })
    .collect()
}

/// The value a local `$ref` points to.
fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}

/// A `#/components/schemas/X` reference: `X` and its schema.
fn component<'a>(doc: &'a Value, reference: &str) -> Option<(String, &'a Value)> {
    let name = reference.strip_prefix("#/components/schemas/")?;
    Some((name.to_string(), resolve(doc, reference)?))
}

/// A property of an object schema, as written (a `$ref` stays one).
fn property<'a>(schema: &'a Value, name: &str) -> Option<&'a Value> {
    schema.get("properties")?.get(name)
}

/// A schema's `type`, through one `$ref`.
fn schema_type<'a>(doc: &'a Value, schema: Option<&'a Value>) -> Option<&'a str> {
    let schema = schema?;
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => resolve(doc, r)?,
        None => schema,
    };
    schema.get("type").and_then(Value::as_str)
}

/// The names a schema lists in `x-client-required`.
fn client_required(schema: &Value) -> Vec<&str> {
    let names = schema.get("x-client-required").and_then(Value::as_array);
    names.into_iter().flatten().filter_map(Value::as_str).collect()
}

/// A whole number of a schema (`minimum`, `maximum`).
fn number(schema: &Value, key: &str) -> Option<u64> {
    schema.get(key).and_then(Value::as_u64)
}

/// The parameter `name` in `location`.
fn param<'a>(params: &[&'a Value], name: &str, location: &str) -> Option<&'a Value> {
    params.iter().copied().find(|p| {
        p.get("name").and_then(Value::as_str) == Some(name)
            && p.get("in").and_then(Value::as_str) == Some(location)
    })
}

/// The schema of the integer query parameter `name`.
fn query_integer<'a>(params: &[&'a Value], name: &str) -> Option<&'a Value> {
    let schema = param(params, name, "query")?.get("schema")?;
    (schema.get("type").and_then(Value::as_str) == Some("integer")).then_some(schema)
}
