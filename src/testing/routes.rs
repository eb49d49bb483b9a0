//! Each stand-in's operations, in one table per API, that `build.rs` derives from the same spec
//! as the client ([`linode::ENDPOINTS`], [`digitalocean::ENDPOINTS`]: one row per generated
//! request type, its method, path template and operation id), plus the stand-in's own routes
//! (Linode's object storage, DigitalOcean's Spaces), each named by a constant of [`On`]. The
//! routers match requests against the tables and dispatch on the generated types'
//! `OPERATION_ID`s, and [`inject`](super::StandIn::inject) checks operation ids against the same
//! tables, so none of them can differ from the client about an operation or a path.

use crate::{Method, Operation};

#[cfg(doc)]
use super::On;

/// The Linode API's operations, as `build.rs` derives them from `openapi/linode.json`.
pub(crate) mod linode {
    include!(concat!(env!("OUT_DIR"), "/linode_endpoints.rs"));
}

/// The DigitalOcean API's operations, as `build.rs` derives them from
/// `openapi/digitalocean.json`.
pub(crate) mod digitalocean {
    include!(concat!(env!("OUT_DIR"), "/digitalocean_endpoints.rs"));
}

/// One operation of a stand-in. Public in a private module, as the kit's sealed traits name it: users cannot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub(crate) method: Method,
    /// The spec's path template (`/images/{imageId}`): each `{…}` is one path segment.
    pub(crate) template: &'static str,
    /// The spec's `operationId` (`get-image`).
    pub(crate) operation: &'static str,
    /// The operation's own server in the spec, when it has one (Linode's share groups:
    /// `https://api.linode.com/v4beta`, the only version that serves them).
    pub(crate) server: Option<&'static str>,
}

impl Endpoint {
    /// The endpoint of a generated request type.
    pub(crate) const fn of<O: Operation>() -> Endpoint {
        Endpoint { method: O::METHOD, template: O::PATH_TEMPLATE, operation: O::OPERATION_ID, server: None }
    }

    /// A stand-in's own route (no part of the API spec).
    pub(crate) const fn own(method: Method, template: &'static str, operation: &'static str) -> Endpoint {
        Endpoint { method, template, operation, server: None }
    }

    /// The endpoint, served by `server` only.
    pub(crate) const fn on_server(self, server: &'static str) -> Endpoint {
        Endpoint { server: Some(server), ..self }
    }

    /// Whether the endpoint answers under the API version `version` (`v4beta`): any, unless
    /// the spec gives it a server of its own, whose URL then ends with that version.
    pub(crate) fn serves(&self, version: &str) -> bool {
        self.server.is_none_or(|url| url.rsplit('/').next() == Some(version))
    }
}

/// What a method and path come to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// This endpoint, with the path's parameters (as given).
    Route(&'static Endpoint, Vec<String>),
    /// The path is this endpoint's, but not the method (405).
    WrongMethod(&'static Endpoint),
    /// No template has this path (404).
    Nothing,
}

/// The endpoint of `tables` for `method` and the path's `segments` (decoded, without empty
/// ones). A literal segment beats a parameter (`/images/upload` before `/images/{imageId}`):
/// the most literal template that has the path wins, and answers only its own methods.
pub(crate) fn find(tables: &[&'static [Endpoint]], method: &str, segments: &[String]) -> Found {
    // The best template's literal/parameter pattern, and its endpoints.
    let mut best: Option<(Vec<bool>, Vec<&'static Endpoint>)> = None;
    for endpoint in tables.iter().flat_map(|table| table.iter()) {
        let Some(pattern) = pattern(endpoint.template, segments) else { continue };
        match &mut best {
            Some((kept, endpoints)) if *kept == pattern => endpoints.push(endpoint),
            Some((kept, _)) if *kept > pattern => {}
            _ => best = Some((pattern, vec![endpoint])),
        }
    }
    let Some((_, endpoints)) = best else { return Found::Nothing };
    match endpoints.iter().find(|e| e.method.as_str() == method) {
        Some(endpoint) => Found::Route(endpoint, params(endpoint.template, segments)),
        None => endpoints.first().map_or(Found::Nothing, |e| Found::WrongMethod(e)),
    }
}

/// Whether `template` has the path `segments`: for each segment, `true` for a literal.
fn pattern(template: &str, segments: &[String]) -> Option<Vec<bool>> {
    let parts: Vec<&str> = template.split('/').filter(|p| !p.is_empty()).collect();
    if parts.len() != segments.len() {
        return None;
    }
    parts
        .iter()
        .zip(segments)
        .map(|(part, segment)| {
            if is_param(part) {
                (!segment.is_empty()).then_some(false)
            } else {
                (part == segment).then_some(true)
            }
        })
        .collect()
}

/// The segments that stand for `template`'s parameters, in order.
fn params(template: &str, segments: &[String]) -> Vec<String> {
    let parts = template.split('/').filter(|p| !p.is_empty());
    parts.zip(segments).filter(|(part, _)| is_param(part)).map(|(_, s)| s.clone()).collect()
}

fn is_param(part: &str) -> bool {
    part.starts_with('{') && part.ends_with('}')
}

/// Every operation id of `tables`, in table order.
pub(crate) fn operations(tables: &[&'static [Endpoint]]) -> Vec<&'static str> {
    tables.iter().flat_map(|table| table.iter()).map(|e| e.operation).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    static TABLE: [Endpoint; 4] = [
        Endpoint::own(Method::Get, "/images/{id}", "get"),
        Endpoint::own(Method::Put, "/images/{id}", "put"),
        Endpoint::own(Method::Post, "/images/upload", "upload"),
        Endpoint::own(Method::Get, "/images/{id}/regions/{region}", "region"),
    ];

    fn path(p: &str) -> Vec<String> {
        p.split('/').filter(|s| !s.is_empty()).map(str::to_string).collect()
    }

    #[test]
    fn the_tables_are_the_specs_operations() {
        /// A row of the generated `ops::OPERATIONS`: (id, method, path, request type).
        type Row = (&'static str, &'static str, &'static str, &'static str);
        let tables: [(&[Endpoint], &[Row]); 2] = [
            (&linode::ENDPOINTS, crate::linode::ops::OPERATIONS),
            (&digitalocean::ENDPOINTS, crate::digitalocean::ops::OPERATIONS),
        ];
        for (table, generated) in tables {
            let rows: Vec<_> = table.iter().map(|e| (e.operation, e.method.as_str(), e.template)).collect();
            let ops: Vec<_> = generated.iter().map(|&(id, method, path, _)| (id, method, path)).collect();
            assert_eq!(rows, ops);
        }
        // Linode's share groups have their own server in the spec: `v4beta` only.
        let beta_only: Vec<&str> =
            linode::ENDPOINTS.iter().filter(|e| !e.serves("v4")).map(|e| e.operation).collect();
        assert_eq!(beta_only.len(), 22);
        assert!(
            beta_only.iter().all(|id| id.contains("sharegroup") || *id == "get-user-tokens"),
            "{beta_only:?}"
        );
        assert!(linode::ENDPOINTS.iter().all(|e| e.serves("v4beta")));
        assert!(digitalocean::ENDPOINTS.iter().all(|e| e.server.is_none()));
    }

    #[test]
    fn literals_beat_parameters_and_paths_answer_their_methods() {
        let tables: [&'static [Endpoint]; 1] = [&TABLE];
        assert_eq!(find(&tables, "GET", &path("/images/x")), Found::Route(&TABLE[0], vec!["x".into()]));
        assert_eq!(find(&tables, "PUT", &path("/images/x")), Found::Route(&TABLE[1], vec!["x".into()]));
        assert_eq!(find(&tables, "DELETE", &path("/images/x")), Found::WrongMethod(&TABLE[0]));
        assert_eq!(find(&tables, "POST", &path("/images/upload")), Found::Route(&TABLE[2], vec![]));
        assert_eq!(find(&tables, "GET", &path("/images/upload")), Found::WrongMethod(&TABLE[2]));
        assert_eq!(
            find(&tables, "GET", &path("/images/a/regions/b")),
            Found::Route(&TABLE[3], vec!["a".into(), "b".into()])
        );
        assert_eq!(find(&tables, "GET", &path("/images/a/b")), Found::Nothing);
        assert_eq!(find(&tables, "GET", &path("/images")), Found::Nothing);
        assert_eq!(find(&tables, "GET", &["images".to_string(), String::new()]), Found::Nothing);
        assert_eq!(operations(&tables), ["get", "put", "upload", "region"]);
    }
}
