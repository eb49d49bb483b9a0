//! What the code generator refuses, and how it says so: `build/refuse.rs` (the checks `build.rs`
//! runs on each spec before generating anything), fed small broken specs. Every refusal names
//! the spec file and the JSON path of the offending part.

use crate::refuse;

use serde_json::{Value, json};

const FILE: &str = "openapi/test.json";

/// A spec the generator accepts: `GET /images/{imageId}` with a query parameter.
fn valid() -> Value {
    json!({
        "openapi": "3.0.3",
        "info": {"title": "test", "version": "1"},
        "paths": {
            "/images/{imageId}": {
                "parameters": [{"$ref": "#/components/parameters/imageId"}],
                "get": {
                    "operationId": "get-image",
                    "parameters": [{"name": "page", "in": "query", "schema": {"type": "integer"}}],
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Image"}}}
                        },
                        "default": {"description": "error", "content": {"text/plain": {}}}
                    }
                }
            }
        },
        "components": {
            "parameters": {
                "imageId": {"name": "imageId", "in": "path", "required": true, "schema": {"type": "string"}}
            },
            "schemas": {
                "Image": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Tags": {"type": "array", "items": {"type": "string"}}
            }
        }
    })
}

/// `valid()` changed at `pointer` (an RFC 6901 pointer) to `value`.
fn with(pointer: &str, value: Value) -> Value {
    let mut doc = valid();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let key = key.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent).expect("the parent exists") {
        Value::Object(map) => {
            map.insert(key, value);
        }
        Value::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        other => panic!("cannot set {key} in {other}"),
    }
    doc
}

fn problems(doc: &Value) -> Vec<String> {
    refuse::check(FILE, doc)
}

#[test]
fn a_valid_spec_has_no_problems() {
    assert_eq!(problems(&valid()), Vec::<String>::new());
}

#[test]
fn the_real_specs_have_no_problems() {
    for file in ["openapi/linode.json", "openapi/digitalocean.json"] {
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        assert_eq!(refuse::check(file, &doc), Vec::<String>::new());
        assert!(doc["paths"].as_object().is_some_and(|p| !p.is_empty()), "{file}");
    }
}

#[test]
fn cookie_parameters_are_refused() {
    let doc = with("/paths/~1images~1{imageId}/get/parameters/0", json!({"name": "session", "in": "cookie"}));
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/parameters/0: cookie parameters are not supported"
        ]
    );
}

#[test]
fn array_and_object_parameters_are_refused_wherever_they_are() {
    let doc = with(
        "/paths/~1images~1{imageId}/get/parameters/0",
        json!({"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/parameters/0: array query parameters are not supported"
        ]
    );

    // Behind a `$ref` to a component schema, in a header.
    let doc = with(
        "/paths/~1images~1{imageId}/get/parameters/0",
        json!({"name": "X-Tags", "in": "header", "schema": {"$ref": "#/components/schemas/Tags"}}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/parameters/0: array header parameters are not supported"
        ]
    );

    // A component parameter is reported where it is defined.
    let doc = with(
        "/components/parameters/imageId",
        json!({"name": "imageId", "in": "path", "required": true, "schema": {"type": "object"}}),
    );
    assert_eq!(
        problems(&doc),
        ["openapi/test.json: #/components/parameters/imageId: object path parameters are not supported"]
    );
}

#[test]
fn parameters_need_a_schema() {
    let doc = with(
        "/paths/~1images~1{imageId}/get/parameters/0",
        json!({"name": "page", "in": "query", "content": {"application/json": {}}}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/parameters/0: a parameter needs a `schema` (`content` is not supported)"
        ]
    );
}

#[test]
fn methods_other_than_get_post_put_patch_delete_are_refused() {
    let doc = with(
        "/paths/~1images~1{imageId}/head",
        json!({"operationId": "head-image", "responses": {"200": {"description": "ok"}}}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/head: the HEAD method is not supported (only GET, POST, PUT, PATCH, DELETE)"
        ]
    );
}

#[test]
fn non_json_bodies_are_refused() {
    let doc = with(
        "/paths/~1images~1{imageId}/get/requestBody",
        json!({"content": {
            "application/json": {"schema": {"type": "object"}},
            "multipart/form-data": {"schema": {"type": "object"}}
        }}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/requestBody/content/multipart~1form-data: non-JSON request bodies are not supported (only application/json)"
        ]
    );

    let doc = with(
        "/paths/~1images~1{imageId}/get/responses/200",
        json!({"description": "ok", "content": {"application/octet-stream": {}}}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/responses/200/content/application~1octet-stream: non-JSON responses are not supported (only application/json)"
        ]
    );
}

#[test]
fn request_bodies_must_be_inline_with_a_json_schema() {
    let doc = with(
        "/paths/~1images~1{imageId}/get/requestBody",
        json!({"$ref": "#/components/requestBodies/Image"}),
    );
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/requestBody: $ref request bodies are not supported: write the body inline"
        ]
    );
}

#[test]
fn more_than_one_2xx_response_is_refused() {
    let doc = with("/paths/~1images~1{imageId}/get/responses/202", json!({"description": "accepted"}));
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/responses: more than one 2xx response (200, 202): keep one"
        ]
    );
}

#[test]
fn ref_responses_and_path_items_are_refused() {
    let doc =
        with("/paths/~1images~1{imageId}/get/responses/200", json!({"$ref": "#/components/responses/Image"}));
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/get/responses/200: $ref 2xx responses are not supported: write the response inline"
        ]
    );

    let doc = with("/paths/~1other", json!({"$ref": "#/paths/~1images~1{imageId}"}));
    assert_eq!(
        problems(&doc),
        ["openapi/test.json: #/paths/~1other: $ref path items are not supported: write the path item out"]
    );
}

#[test]
fn broken_path_templates_are_refused() {
    let mut doc = valid();
    let item = doc["paths"]["/images/{imageId}"].take();
    doc["paths"] = json!({"/images/{imageId": item});
    assert_eq!(problems(&doc), ["openapi/test.json: #/paths/~1images~1{imageId: unclosed `{` in the path"]);

    assert_eq!(refuse::path_template("/images/{imageId}/regions"), Ok(vec!["imageId".to_string()]));
    assert_eq!(refuse::path_template("/a/{x}/{y}"), Ok(vec!["x".to_string(), "y".to_string()]));
    assert_eq!(refuse::path_template("/a/x}"), Err("unopened `}` in the path".to_string()));
    assert_eq!(refuse::path_template("/a/{}"), Err("empty `{}` in the path".to_string()));
    assert_eq!(refuse::path_template("/a/{x{y}"), Err("unclosed `{` in the path".to_string()));
}

#[test]
fn path_parameters_must_match_the_template() {
    let mut doc = valid();
    let item = doc["paths"]["/images/{imageId}"].take();
    doc["paths"] = json!({"/images/{imageId}/regions/{region}": item});
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}~1regions~1{region}/get: path parameter `region` is not declared"
        ]
    );

    let mut doc = valid();
    let item = doc["paths"]["/images/{imageId}"].take();
    doc["paths"] = json!({"/images": item});
    assert_eq!(
        problems(&doc),
        ["openapi/test.json: #/paths/~1images/get: path parameter `imageId` is not in the path"]
    );
}

#[test]
fn a_parameter_declared_twice_is_refused() {
    let doc = with(
        "/paths/~1images~1{imageId}/get/parameters/0",
        json!({"name": "imageId", "in": "path", "required": true, "schema": {"type": "string"}}),
    );
    assert_eq!(
        problems(&doc),
        ["openapi/test.json: #/paths/~1images~1{imageId}/get: path parameter `imageId` is declared twice"]
    );
}

#[test]
fn operations_need_an_operation_id_and_refs_must_resolve() {
    let doc =
        with("/paths/~1images~1{imageId}/parameters/0", json!({"$ref": "#/components/parameters/imageID"}));
    let mut doc = doc;
    doc["paths"]["/images/{imageId}"]["get"].as_object_mut().unwrap().remove("operationId");
    assert_eq!(
        problems(&doc),
        [
            "openapi/test.json: #/paths/~1images~1{imageId}/parameters/0: $ref #/components/parameters/imageID names no parameter in #/components/parameters",
            "openapi/test.json: #/paths/~1images~1{imageId}/get: an operation needs an operationId",
            "openapi/test.json: #/paths/~1images~1{imageId}/get: path parameter `imageId` is not declared",
        ]
    );
}

#[test]
fn only_openapi_3_0_is_accepted() {
    let doc = with("/openapi", json!("3.1.0"));
    assert_eq!(problems(&doc), ["openapi/test.json: #/openapi: OpenAPI 3.1.0 is not supported: use 3.0.x"]);
}

#[test]
fn pointers_escape_slash_and_tilde() {
    assert_eq!(refuse::pointer(&["paths", "/images/{id}", "get"]), "#/paths/~1images~1{id}/get");
    assert_eq!(refuse::pointer(&["components", "schemas", "a~b"]), "#/components/schemas/a~0b");
}
