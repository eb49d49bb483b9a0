//! What the generator refuses, each with the file and the JSON path of the offending part
//! (`openapi/linode.json: #/paths/~1images/get/parameters/2: array query parameters are not
//! supported`), rather than rustc errors in generated code.
//!
//! The checks work on the raw JSON, so that a refusal points at the place a person edits, and
//! need nothing but `serde_json`: the tests include this file as it is (`tests/it/main.rs`) and
//! `tests/it/build_checks.rs` feeds it broken specs.

use serde_json::{Map, Value};

/// The HTTP methods the generated request types can send.
pub const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];
/// The only media type of request and response bodies.
const JSON: &str = "application/json";

/// A JSON pointer (RFC 6901) in URI fragment form: `#/paths/~1images/get`.
pub fn pointer(parts: &[&str]) -> String {
    let mut out = String::from("#");
    for part in parts {
        out.push('/');
        out.push_str(&escape(part));
    }
    out
}

/// One JSON pointer token: `~` as `~0`, `/` as `~1`.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Everything in `doc` that the generator cannot turn into working code, as
/// `{file}: {JSON pointer}: {what}`, in document order; empty if there is nothing to refuse.
pub fn check(file: &str, doc: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut refuse = |at: String, msg: String| problems.push(format!("{file}: {at}: {msg}"));

    match doc.get("openapi").and_then(Value::as_str) {
        Some(v) if v.starts_with("3.0.") => {}
        Some(v) => refuse(pointer(&["openapi"]), format!("OpenAPI {v} is not supported: use 3.0.x")),
        None => refuse("#".into(), "not an OpenAPI 3.0 document (no `openapi` version)".into()),
    }

    if let Some(params) = doc.pointer("/components/parameters").and_then(Value::as_object) {
        for (name, p) in params {
            if p.get("$ref").is_some() {
                let at = pointer(&["components", "parameters", name]);
                refuse(at, "a component parameter cannot be a $ref".into());
            } else {
                check_parameter(doc, p, &["components", "parameters", name], &mut refuse);
            }
        }
    }

    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        refuse("#".into(), "the spec has no `paths`".into());
        return problems;
    };
    for (path, item) in paths {
        let item_at = ["paths", path.as_str()];
        let Some(item) = item.as_object() else {
            refuse(pointer(&item_at), "a path item must be an object".into());
            continue;
        };
        if item.contains_key("$ref") {
            refuse(pointer(&item_at), "$ref path items are not supported: write the path item out".into());
            continue;
        }
        let template = match path_template(path) {
            Ok(names) => names,
            Err(msg) => {
                refuse(pointer(&item_at), msg);
                continue;
            }
        };
        for method in ["head", "options", "trace"].into_iter().filter(|m| item.contains_key(*m)) {
            let msg = format!(
                "the {} method is not supported (only GET, POST, PUT, PATCH, DELETE)",
                method.to_uppercase()
            );
            refuse(pointer(&["paths", path, method]), msg);
        }
        let shared = parameters(doc, item.get("parameters"), &["paths", path, "parameters"], &mut refuse);
        for method in METHODS {
            let Some(op) = item.get(method) else { continue };
            let at = ["paths", path.as_str(), method];
            if op.get("operationId").and_then(Value::as_str).is_none_or(str::is_empty) {
                refuse(pointer(&at), "an operation needs an operationId".into());
            }
            let own =
                parameters(doc, op.get("parameters"), &["paths", path, method, "parameters"], &mut refuse);
            let mut declared: Vec<&(String, String)> = Vec::new();
            for p in shared.iter().chain(&own) {
                if declared.contains(&p) {
                    let (name, location) = p;
                    refuse(pointer(&at), format!("{location} parameter `{name}` is declared twice"));
                } else {
                    declared.push(p);
                }
            }
            for name in &template {
                if !declared.iter().any(|(n, location)| n == name && location == "path") {
                    refuse(pointer(&at), format!("path parameter `{name}` is not declared"));
                }
            }
            for (name, location) in &declared {
                if location == "path" && !template.contains(name) {
                    refuse(pointer(&at), format!("path parameter `{name}` is not in the path"));
                }
            }
            check_body(op, &at, &mut refuse);
            check_responses(op, &at, &mut refuse);
        }
    }
    problems
}

/// The parameter names in a path template (`/images/{imageId}` -> `imageId`).
pub fn path_template(path: &str) -> std::result::Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find(['{', '}']) {
        if rest[start..].starts_with('}') {
            return Err("unopened `}` in the path".into());
        }
        let after = &rest[start + 1..];
        let Some(len) = after.find(['{', '}']).filter(|&i| after[i..].starts_with('}')) else {
            return Err("unclosed `{` in the path".into());
        };
        if len == 0 {
            return Err("empty `{}` in the path".into());
        }
        names.push(after[..len].to_string());
        rest = &after[len + 1..];
    }
    Ok(names)
}

/// Checks a list of parameters (inline or `$ref` to `#/components/parameters`); returns the
/// (name, location) of each one that resolves.
fn parameters(
    doc: &Value,
    list: Option<&Value>,
    at: &[&str],
    refuse: &mut dyn FnMut(String, String),
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(list) = list else { return out };
    let Some(list) = list.as_array() else {
        refuse(pointer(at), "`parameters` must be an array".into());
        return out;
    };
    for (i, p) in list.iter().enumerate() {
        let index = i.to_string();
        let here: Vec<&str> = at.iter().copied().chain([index.as_str()]).collect();
        let resolved = match p.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix("#/components/parameters/").and_then(|_| resolve(doc, r)) {
                Some(target) => target, // checked with the components
                None => {
                    refuse(pointer(&here), format!("$ref {r} names no parameter in #/components/parameters"));
                    continue;
                }
            },
            None => {
                check_parameter(doc, p, &here, refuse);
                p
            }
        };
        if let (Some(name), Some(location)) =
            (resolved.get("name").and_then(Value::as_str), resolved.get("in").and_then(Value::as_str))
        {
            out.push((name.to_string(), location.to_string()));
        }
    }
    out
}

/// One parameter: in the path, query or a header, with a schema of one scalar value.
fn check_parameter(doc: &Value, p: &Value, at: &[&str], refuse: &mut dyn FnMut(String, String)) {
    let location = p.get("in").and_then(Value::as_str).unwrap_or_default();
    if p.get("name").and_then(Value::as_str).is_none_or(str::is_empty) {
        refuse(pointer(at), "a parameter needs a name".into());
    }
    match location {
        "path" | "query" | "header" => {}
        "cookie" => return refuse(pointer(at), "cookie parameters are not supported".into()),
        other => return refuse(pointer(at), format!("a parameter cannot be `in: {other:?}`")),
    }
    let Some(schema) = p.get("schema") else {
        return refuse(pointer(at), "a parameter needs a `schema` (`content` is not supported)".into());
    };
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => match resolve(doc, r) {
            Some(s) => s,
            None => return refuse(pointer(at), format!("$ref {r} names nothing in this document")),
        },
        None => schema,
    };
    if let Some(kind @ ("array" | "object")) = schema.get("type").and_then(Value::as_str) {
        refuse(pointer(at), format!("{kind} {location} parameters are not supported"));
    }
}

/// A request body: inline, with one JSON schema.
fn check_body(op: &Value, at: &[&str], refuse: &mut dyn FnMut(String, String)) {
    let Some(body) = op.get("requestBody") else { return };
    let here: Vec<&str> = at.iter().copied().chain(["requestBody"]).collect();
    if body.get("$ref").is_some() {
        return refuse(pointer(&here), "$ref request bodies are not supported: write the body inline".into());
    }
    let content = body.get("content").and_then(Value::as_object);
    for media in content.into_iter().flat_map(Map::keys).filter(|m| *m != JSON) {
        let at: Vec<&str> = here.iter().copied().chain(["content", media.as_str()]).collect();
        refuse(pointer(&at), "non-JSON request bodies are not supported (only application/json)".into());
    }
    if content.and_then(|c| c.get(JSON)).and_then(|m| m.get("schema")).is_none() {
        refuse(pointer(&here), "the request body has no application/json schema".into());
    }
}

/// At most one 2xx response, inline, with a JSON body or none.
fn check_responses(op: &Value, at: &[&str], refuse: &mut dyn FnMut(String, String)) {
    let here: Vec<&str> = at.iter().copied().chain(["responses"]).collect();
    let Some(responses) = op.get("responses").and_then(Value::as_object) else {
        return refuse(pointer(&here), "an operation needs `responses`".into());
    };
    let success: Vec<&String> = responses.keys().filter(|code| is_success(code)).collect();
    if success.len() > 1 {
        let codes: Vec<&str> = success.iter().map(|c| c.as_str()).collect();
        refuse(pointer(&here), format!("more than one 2xx response ({}): keep one", codes.join(", ")));
    }
    for code in success {
        let response = &responses[code];
        let at: Vec<&str> = here.iter().copied().chain([code.as_str()]).collect();
        if response.get("$ref").is_some() {
            refuse(pointer(&at), "$ref 2xx responses are not supported: write the response inline".into());
            continue;
        }
        let content = response.get("content").and_then(Value::as_object);
        for media in content.into_iter().flat_map(Map::keys).filter(|m| *m != JSON) {
            let at: Vec<&str> = at.iter().copied().chain(["content", media.as_str()]).collect();
            refuse(pointer(&at), "non-JSON responses are not supported (only application/json)".into());
        }
    }
}

/// `200`..`299` or `2XX`.
fn is_success(code: &str) -> bool {
    code.eq_ignore_ascii_case("2XX")
        || (code.len() == 3 && code.starts_with('2') && code.parse::<u16>().is_ok())
}

/// The value a local `$ref` (`#/components/...`) points to.
fn resolve<'a>(doc: &'a Value, reference: &str) -> Option<&'a Value> {
    doc.pointer(reference.strip_prefix('#')?)
}
