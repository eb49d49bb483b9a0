//! Image share groups (beta) as the Linode stand-in answers them, under `/v4beta/` only: the
//! account's own groups, the `shared/…` copies of the images it shares, their members, and its
//! membership tokens for another account's group (one is seeded, already accepted).

use std::hash::{DefaultHasher, Hasher};

use serde_json::{Value, json};

use super::api::{LinodeApi, linode_error, not_found, page_of};
use super::state::{Own, Replica, Source, State};
use crate::Operation;
use crate::ids::is_uuid;
use crate::linode::ops;
use crate::testing::clock::timestamp;
use crate::testing::core::{Call, Reply};

/// What the share-group lists can be filtered on.
const GROUP_FIELDS: [&str; 1] = ["label"];
const IMAGE_FIELDS: [&str; 3] = ["label", "tags", "type"];
const MEMBER_FIELDS: [&str; 3] = ["label", "status", "token_uuid"];
const TOKEN_FIELDS: [&str; 5] =
    ["label", "status", "valid_for_sharegroup_uuid", "sharegroup_uuid", "sharegroup_label"];

/// A share group the account owns.
pub(crate) struct Group {
    pub(crate) id: u64,
    pub(crate) uuid: String,
    pub(crate) label: String,
    pub(crate) description: String,
    pub(crate) created_ms: u64,
    pub(crate) updated_ms: Option<u64>,
    /// The `shared/…` copies, oldest first.
    pub(crate) shares: Vec<Own>,
    pub(crate) members: Vec<Member>,
}

/// A member of one of the account's groups.
pub(crate) struct Member {
    pub(crate) token_uuid: String,
    pub(crate) label: String,
    pub(crate) revoked: bool,
    pub(crate) created_ms: u64,
    pub(crate) updated_ms: Option<u64>,
}

/// A membership token the account made to join another account's group.
pub(crate) struct MemberToken {
    pub(crate) token_uuid: String,
    pub(crate) label: Option<String>,
    pub(crate) valid_for: String,
    /// `pending` until the owner accepts it, then `active`.
    pub(crate) status: &'static str,
    pub(crate) created_ms: u64,
    pub(crate) updated_ms: Option<u64>,
}

/// Another account's share group this account can be a member of.
pub(crate) struct Foreign {
    pub(crate) id: u64,
    pub(crate) uuid: String,
    pub(crate) label: String,
    pub(crate) description: String,
    pub(crate) created_ms: u64,
}

pub(crate) fn group_json(g: &Group) -> Value {
    json!({
        "id": g.id,
        "uuid": g.uuid,
        "label": g.label,
        "description": g.description,
        "is_suspended": false,
        "images_count": g.shares.len(),
        "members_count": g.members.iter().filter(|m| !m.revoked).count(),
        "created": timestamp(g.created_ms),
        "updated": g.updated_ms.map(timestamp),
        "expiry": null,
    })
}

pub(crate) fn member_json(m: &Member) -> Value {
    json!({
        "token_uuid": m.token_uuid,
        "status": if m.revoked { "revoked" } else { "active" },
        "label": m.label,
        "created": timestamp(m.created_ms),
        "updated": m.updated_ms.map(timestamp),
        "expiry": null,
    })
}

pub(crate) fn token_json(t: &MemberToken, foreign: &[Foreign]) -> Value {
    let group = foreign.iter().find(|g| g.uuid == t.valid_for && t.status == "active");
    json!({
        "token_uuid": t.token_uuid,
        "status": t.status,
        "label": t.label,
        "valid_for_sharegroup_uuid": t.valid_for,
        "created": timestamp(t.created_ms),
        "updated": t.updated_ms.map(timestamp),
        "expiry": null,
        "sharegroup_uuid": group.map(|g| g.uuid.clone()),
        "sharegroup_label": group.map(|g| g.label.clone()),
    })
}

/// A non-empty string field: `Ok(None)` when absent, the answer when it is not right.
fn text(body: &Value, field: &str, required: bool) -> Result<Option<String>, Reply> {
    match body.get(field) {
        None | Some(Value::Null) if required => {
            Err(linode_error(400, Some(field), &format!("{field} is required")))
        }
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if field != "description" && s.trim().is_empty() => {
            Err(linode_error(400, Some(field), &format!("{field} must not be empty")))
        }
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(linode_error(400, Some(field), &format!("{field} must be a string"))),
    }
}

/// Whether `token` has the shape of a JWT: three non-empty base64url parts.
fn is_jwt(token: &str) -> bool {
    let parts: Vec<&str> = token.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(reply) => return reply,
        }
    };
}

impl LinodeApi {
    /// A fresh UUID, unique on this stand-in.
    fn uuid(&self, state: &mut State) -> String {
        state.serial += 1;
        let mut h = DefaultHasher::new();
        h.write_u64(self.secret);
        h.write_u64(state.serial);
        let a = h.finish();
        h.write_u64(0x5eed);
        let b = h.finish();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0xfff,
            0x8000 | ((b >> 48) & 0x3fff),
            b & 0xffff_ffff_ffff
        )
    }

    /// Answers one share-group operation.
    pub(crate) fn share(&self, state: &mut State, op: &str, call: &Call<'_>) -> Reply {
        let now = call.now_ms;
        match op {
            ops::GetSharegroups::OPERATION_ID => {
                let groups = state.groups.iter().map(group_json).collect();
                page_of(call, groups, &GROUP_FIELDS, "share groups")
            }
            ops::PostSharegroups::OPERATION_ID => self.create_group(state, call),
            ops::GetImagesSharegroupsImage::OPERATION_ID => {
                let id = call.param(0);
                let groups = state
                    .groups
                    .iter()
                    .filter(|g| g.shares.iter().any(|s| source_of(s) == Some(id)))
                    .map(group_json)
                    .collect();
                page_of(call, groups, &GROUP_FIELDS, "share groups")
            }
            ops::GetUserTokens::OPERATION_ID => {
                let tokens = state.tokens.iter().map(|t| token_json(t, &state.foreign)).collect();
                page_of(call, tokens, &TOKEN_FIELDS, "tokens")
            }
            ops::PostSharegroupTokens::OPERATION_ID => self.create_token(state, call),
            ops::GetSharegroupToken::OPERATION_ID
            | ops::PutSharegroupToken::OPERATION_ID
            | ops::DeleteSharegroupToken::OPERATION_ID => token_op(state, op, call),
            ops::GetSharegroupByToken::OPERATION_ID | ops::GetSharegroupImagesByToken::OPERATION_ID => {
                by_token(state, op, call)
            }
            _ => {
                let Some(index) = call
                    .param(0)
                    .parse::<u64>()
                    .ok()
                    .and_then(|id| state.groups.iter().position(|g| g.id == id))
                else {
                    return not_found();
                };
                match op {
                    ops::GetSharegroup::OPERATION_ID => state
                        .groups
                        .get(index)
                        .map_or_else(not_found, |g| Reply::json(200, group_json(g), g.label.clone())),
                    ops::PutSharegroup::OPERATION_ID => update_group(state, index, call),
                    ops::DeleteSharegroup::OPERATION_ID => {
                        let group = state.groups.remove(index);
                        for share in &group.shares {
                            if let Some(src) = source_of(share).and_then(|id| state.own_mut(id)) {
                                src.shared_in = src.shared_in.saturating_sub(1);
                            }
                        }
                        Reply::json(200, json!({}), format!("share group {} deleted", group.id))
                    }
                    ops::GetSharegroupImages::OPERATION_ID => {
                        let shares = state
                            .groups
                            .get(index)
                            .map(|g| g.shares.iter().map(|s| s.to_json(now, &state.timings)).collect())
                            .unwrap_or_default();
                        page_of(call, shares, &IMAGE_FIELDS, "shared images")
                    }
                    ops::PostSharegroupImages::OPERATION_ID => add_images(state, index, call),
                    ops::PutSharegroupImageshare::OPERATION_ID
                    | ops::DeleteSharegroupImageshare::OPERATION_ID => share_op(state, index, op, call),
                    ops::GetSharegroupMembers::OPERATION_ID => {
                        let members = state
                            .groups
                            .get(index)
                            .map(|g| g.members.iter().map(member_json).collect())
                            .unwrap_or_default();
                        page_of(call, members, &MEMBER_FIELDS, "members")
                    }
                    ops::PostSharegroupMembers::OPERATION_ID => self.add_member(state, index, call),
                    ops::GetSharegroupMemberToken::OPERATION_ID
                    | ops::PutSharegroupMemberToken::OPERATION_ID
                    | ops::DeleteSharegroupMemberToken::OPERATION_ID => member_op(state, index, op, call),
                    _ => not_found(),
                }
            }
        }
    }

    /// `POST /images/sharegroups`: label, description, images.
    fn create_group(&self, state: &mut State, call: &Call<'_>) -> Reply {
        let label = tri!(text(&call.json, "label", true)).unwrap_or_default();
        let description = tri!(text(&call.json, "description", false)).unwrap_or_default();
        let inputs = match call.json.get("images") {
            None | Some(Value::Null) => Vec::new(),
            Some(_) => tri!(image_inputs(&call.json)),
        };
        let id = state.next_group;
        state.next_group += 1;
        let uuid = self.uuid(state);
        state.groups.push(Group {
            id,
            uuid,
            label,
            description,
            created_ms: call.now_ms,
            updated_ms: None,
            shares: Vec::new(),
            members: Vec::new(),
        });
        let index = state.groups.len() - 1;
        if let Err(reply) = share_images(state, index, &inputs, call.now_ms) {
            state.groups.pop();
            return reply;
        }
        match state.groups.get(index) {
            Some(group) => Reply::json(200, group_json(group), format!("share group {} created", group.id)),
            None => not_found(),
        }
    }

    /// `POST /images/sharegroups/tokens`: a pending token for another account's group.
    fn create_token(&self, state: &mut State, call: &Call<'_>) -> Reply {
        const FIELD: &str = "valid_for_sharegroup_uuid";
        let uuid = tri!(text(&call.json, FIELD, true)).unwrap_or_default();
        let label = tri!(text(&call.json, "label", false));
        if !is_uuid(&uuid) {
            return linode_error(400, Some(FIELD), "Must be a valid UUID");
        }
        if state.groups.iter().any(|g| g.uuid == uuid) {
            return linode_error(400, Some(FIELD), "You may not create a token for your own sharegroup");
        }
        let token_uuid = self.uuid(state);
        let secret = format!(
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{}.{}",
            token_uuid.replace('-', ""),
            self.signature(&token_uuid)
        );
        let token = MemberToken {
            token_uuid,
            label,
            valid_for: uuid,
            status: "pending",
            created_ms: call.now_ms,
            updated_ms: None,
        };
        let mut body = token_json(&token, &state.foreign);
        if let Value::Object(map) = &mut body {
            map.insert("token".into(), Value::String(secret));
        }
        let note = format!("token {} pending", token.token_uuid);
        state.tokens.push(token);
        Reply::json(200, body, note)
    }

    /// `POST /images/sharegroups/{id}/members`: a JWT-shaped token and a label.
    fn add_member(&self, state: &mut State, index: usize, call: &Call<'_>) -> Reply {
        let token = tri!(text(&call.json, "token", true)).unwrap_or_default();
        let label = tri!(text(&call.json, "label", true)).unwrap_or_default();
        if !is_jwt(&token) {
            return linode_error(500, None, "Invalid token format");
        }
        let member = Member {
            token_uuid: self.uuid(state),
            label,
            revoked: false,
            created_ms: call.now_ms,
            updated_ms: None,
        };
        let body = member_json(&member);
        let note = format!("member {} active", member.token_uuid);
        if let Some(group) = state.groups.get_mut(index) {
            group.members.push(member);
        }
        Reply::json(200, body, note)
    }
}

/// The private image a share was made from.
fn source_of(share: &Own) -> Option<&str> {
    share.shared_by.as_ref()?.get("source_image_id")?.as_str()
}

/// One image of a request's `images`: its id, and the share's label and description.
type Input = (String, Option<String>, Option<String>);

/// The `images` of a body: `[{id, label?, description?}]`, at least one.
fn image_inputs(body: &Value) -> Result<Vec<Input>, Reply> {
    let Some(Value::Array(items)) = body.get("images") else {
        return Err(linode_error(400, Some("images"), "images must be a list"));
    };
    if items.is_empty() {
        return Err(linode_error(400, Some("images"), "At least one image is required"));
    }
    items
        .iter()
        .map(|item| {
            let id = text(item, "id", true)?.unwrap_or_default();
            Ok((id, text(item, "label", false)?, text(item, "description", false)?))
        })
        .collect()
}

/// Shares private images in group `index`: each becomes a new `shared/…` image. Returns the
/// new shares, or the answer when one image cannot be shared (then none is).
fn share_images(state: &mut State, index: usize, inputs: &[Input], now: u64) -> Result<Vec<Value>, Reply> {
    let timings = state.timings;
    let mut made = Vec::new();
    for (i, (id, label, description)) in inputs.iter().enumerate() {
        let field = format!("images.{i}.id");
        let Some(src) = state.own(id).filter(|o| o.kind != "shared") else {
            return Err(linode_error(
                400,
                Some(&field),
                &format!("Image {id} is not a private image of this account"),
            ));
        };
        if !src.available(now, &timings) {
            return Err(linode_error(400, Some(&field), &format!("Image {id} is not available")));
        }
        let image = src.to_json(now, &timings);
        let size_mb = image.get("size").and_then(Value::as_u64).unwrap_or(0);
        let Some(group) = state.groups.get(index) else { return Err(not_found()) };
        let share = Own {
            id: format!("shared/{}", state.next_share + made.len() as u64),
            label: label.clone().unwrap_or_else(|| src.label.clone()),
            description: description.clone().or_else(|| src.description.clone()),
            tags: Vec::new(),
            cloud_init: src.cloud_init,
            kind: "shared",
            created_ms: now,
            updated_ms: None,
            created_by: None,
            expiry_ms: None,
            source: Source::Ready { size_mb },
            replicas: src
                .regions(now, &timings)
                .into_iter()
                .filter(|(_, s)| *s == "available")
                .map(|(region, _)| Replica { region, asked_ms: None, removed_ms: None })
                .collect(),
            shared_by: Some(json!({
                "sharegroup_id": group.id,
                "sharegroup_uuid": group.uuid,
                "sharegroup_label": group.label,
                "source_image_id": id,
            })),
            shared_in: 0,
            ever_shared: false,
        };
        made.push(share);
    }
    state.next_share += made.len() as u64;
    let answers = made.iter().map(|s| s.to_json(now, &timings)).collect();
    let sources: Vec<String> = made.iter().filter_map(|s| source_of(s).map(str::to_string)).collect();
    for id in sources {
        if let Some(src) = state.own_mut(&id) {
            src.shared_in += 1;
            src.ever_shared = true;
        }
    }
    if let Some(group) = state.groups.get_mut(index) {
        group.shares.extend(made);
    }
    Ok(answers)
}

/// `POST /images/sharegroups/{id}/images`: answers a page of the new shares, as live.
fn add_images(state: &mut State, index: usize, call: &Call<'_>) -> Reply {
    let inputs = tri!(image_inputs(&call.json));
    let made = tri!(share_images(state, index, &inputs, call.now_ms));
    let results = made.len();
    let note = format!("{results} images shared");
    Reply::json(200, json!({"data": made, "page": 1, "pages": 1, "results": results}), note)
}

/// `PUT /images/sharegroups/{id}`: label (not empty), description.
fn update_group(state: &mut State, index: usize, call: &Call<'_>) -> Reply {
    let label = tri!(text(&call.json, "label", false));
    let description = tri!(text(&call.json, "description", false));
    let Some(group) = state.groups.get_mut(index) else { return not_found() };
    if let Some(label) = label {
        for share in &mut group.shares {
            if let Some(Value::Object(by)) = &mut share.shared_by {
                by.insert("sharegroup_label".into(), Value::String(label.clone()));
            }
        }
        group.label = label;
    }
    if let Some(description) = description {
        group.description = description;
    }
    group.updated_ms = Some(call.now_ms);
    Reply::json(200, group_json(group), "updated")
}

/// `PUT`/`DELETE /images/sharegroups/{id}/images/{shared id}`.
fn share_op(state: &mut State, index: usize, op: &str, call: &Call<'_>) -> Reply {
    let now = call.now_ms;
    let timings = state.timings;
    let Some(group) = state.groups.get_mut(index) else { return not_found() };
    let Some(at) = group.shares.iter().position(|s| s.id == call.param(1)) else { return not_found() };
    if op == ops::DeleteSharegroupImageshare::OPERATION_ID {
        let share = group.shares.remove(at);
        if let Some(src) = source_of(&share).map(str::to_string).and_then(|id| state.own_mut(&id)) {
            src.shared_in = src.shared_in.saturating_sub(1);
        }
        return Reply::json(200, json!({}), format!("{} no longer shared", share.id));
    }
    let label = tri!(text(&call.json, "label", false));
    let description = tri!(text(&call.json, "description", false));
    let Some(share) = group.shares.get_mut(at) else { return not_found() };
    if let Some(label) = label {
        share.label = label;
    }
    if let Some(description) = description {
        share.description = Some(description);
    }
    share.updated_ms = Some(now);
    Reply::json(200, share.to_json(now, &timings), "updated")
}

/// `GET`/`PUT`/`DELETE /images/sharegroups/{id}/members/{token uuid}`.
fn member_op(state: &mut State, index: usize, op: &str, call: &Call<'_>) -> Reply {
    let label = if op == ops::PutSharegroupMemberToken::OPERATION_ID {
        tri!(text(&call.json, "label", true))
    } else {
        None
    };
    let Some(group) = state.groups.get_mut(index) else { return not_found() };
    let Some(member) = group.members.iter_mut().find(|m| m.token_uuid == call.param(1)) else {
        return not_found();
    };
    match op {
        ops::GetSharegroupMemberToken::OPERATION_ID => {}
        ops::PutSharegroupMemberToken::OPERATION_ID => {
            member.label = label.unwrap_or_default();
            member.updated_ms = Some(call.now_ms);
        }
        _ => {
            // `delete-sharegroup-member-token`

            member.revoked = true;
            member.updated_ms = Some(call.now_ms);
            return Reply::json(200, json!({}), format!("member {} revoked", member.token_uuid));
        }
    }
    Reply::json(200, member_json(member), member.label.clone())
}

/// `GET`/`PUT`/`DELETE /images/sharegroups/tokens/{token uuid}`.
fn token_op(state: &mut State, op: &str, call: &Call<'_>) -> Reply {
    let label = if op == ops::PutSharegroupToken::OPERATION_ID {
        tri!(text(&call.json, "label", true))
    } else {
        None
    };
    let Some(at) = state.tokens.iter().position(|t| t.token_uuid == call.param(0)) else {
        return not_found();
    };
    if op == ops::DeleteSharegroupToken::OPERATION_ID {
        let token = state.tokens.remove(at);
        return Reply::json(200, json!({}), format!("token {} deleted", token.token_uuid));
    }
    let Some(token) = state.tokens.get_mut(at) else { return not_found() };
    if label.is_some() {
        token.label = label;
        token.updated_ms = Some(call.now_ms);
    }
    let note = token.status.to_string();
    Reply::json(200, token_json(token, &state.foreign), note)
}

/// The group of an accepted token, and its images, as a member sees them.
fn by_token(state: &State, op: &str, call: &Call<'_>) -> Reply {
    let group = state
        .tokens
        .iter()
        .find(|t| t.token_uuid == call.param(0) && t.status == "active")
        .and_then(|t| state.foreign.iter().find(|g| g.uuid == t.valid_for));
    let Some(group) = group else { return not_found() };
    if op == ops::GetSharegroupByToken::OPERATION_ID {
        let body = json!({
            "id": group.id,
            "uuid": group.uuid,
            "label": group.label,
            "description": group.description,
            "is_suspended": false,
            "created": timestamp(group.created_ms),
            "updated": null,
        });
        return Reply::json(200, body, group.label.clone());
    }
    let images = state
        .own
        .iter()
        .filter(|o| {
            o.shared_by.as_ref().and_then(|b| b.get("sharegroup_uuid")).and_then(Value::as_str)
                == Some(group.uuid.as_str())
        })
        .map(|o| o.to_json(call.now_ms, &state.timings))
        .collect();
    page_of(call, images, &IMAGE_FIELDS, "shared images")
}
