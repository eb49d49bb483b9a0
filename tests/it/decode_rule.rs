//! The decoding rule, checked field by field rather than case by case: for every response model
//! of both providers, starting from realistic answers, each field in turn (nested ones too) is
//! set to `null` and then removed. Decoding must still succeed, with every other field
//! unchanged, except for the few fields the rule keeps required, listed here and checked
//! against the specs' `x-client-required` (a required list, a listing's items, still reads
//! `null` as empty: only its absence fails).

use std::collections::BTreeSet;

use cloud_images::{digitalocean, linode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Decodes `value` as `T` and encodes it again: what a program would see, as JSON.
fn roundtrip<T: DeserializeOwned + Serialize>(value: Value) -> Result<Value, String> {
    serde_json::from_value::<T>(value).map(|t| serde_json::to_value(t).unwrap()).map_err(|e| e.to_string())
}

struct Case {
    /// The response model, for messages.
    model: &'static str,
    fixture: &'static str,
    decode: fn(Value) -> Result<Value, String>,
    /// The fields that may not be null or missing, as paths with `[]` for any index; a required
    /// list (a listing's items) may be null, which reads as empty, but not missing.
    required: &'static [&'static str],
}

const LINODE: &[Case] = &[
    Case {
        model: "linode Image (private, shared_with)",
        fixture: include_str!("../fixtures/linode/image_private.json"),
        decode: roundtrip::<linode::types::Image>,
        required: &["id"],
    },
    Case {
        model: "linode Image (shared, shared_by)",
        fixture: include_str!("../fixtures/linode/image_shared.json"),
        decode: roundtrip::<linode::types::Image>,
        required: &["id"],
    },
    Case {
        model: "linode ImagePage (live shapes)",
        fixture: include_str!("../fixtures/live/linode_images_page.json"),
        decode: roundtrip::<linode::types::ImagePage>,
        required: &["data", "data[].id"],
    },
    Case {
        model: "linode ImagePage",
        fixture: include_str!("../fixtures/linode/images_page.json"),
        decode: roundtrip::<linode::types::ImagePage>,
        required: &["data", "data[].id"],
    },
    Case {
        model: "linode ImageUpload",
        fixture: include_str!("../fixtures/linode/image_upload.json"),
        decode: roundtrip::<linode::types::ImageUpload>,
        required: &["image", "image.id", "upload_to"],
    },
    Case {
        model: "linode ShareGroup",
        fixture: include_str!("../fixtures/linode_sharegroups/sharegroup.json"),
        decode: roundtrip::<linode::types::ShareGroup>,
        required: &["id"],
    },
    Case {
        model: "linode ShareGroupPage",
        fixture: include_str!("../fixtures/linode_sharegroups/sharegroups_page.json"),
        decode: roundtrip::<linode::types::ShareGroupPage>,
        required: &["data", "data[].id"],
    },
    Case {
        model: "linode MemberShareGroup",
        fixture: include_str!("../fixtures/linode_sharegroups/member_sharegroup.json"),
        decode: roundtrip::<linode::types::MemberShareGroup>,
        required: &["id"],
    },
    Case {
        model: "linode ImageSharePage",
        fixture: include_str!("../fixtures/linode_sharegroups/image_shares_page.json"),
        decode: roundtrip::<linode::types::ImageSharePage>,
        required: &["data", "data[].id"],
    },
    Case {
        model: "linode Membership",
        fixture: include_str!("../fixtures/linode_sharegroups/membership.json"),
        decode: roundtrip::<linode::types::Membership>,
        required: &["token_uuid"],
    },
    Case {
        model: "linode MembershipPage",
        fixture: include_str!("../fixtures/linode_sharegroups/memberships_page.json"),
        decode: roundtrip::<linode::types::MembershipPage>,
        required: &["data", "data[].token_uuid"],
    },
    Case {
        model: "linode Token",
        fixture: include_str!("../fixtures/linode_sharegroups/token.json"),
        decode: roundtrip::<linode::types::Token>,
        required: &["token_uuid"],
    },
    Case {
        model: "linode TokenPage",
        fixture: include_str!("../fixtures/linode_sharegroups/tokens_page.json"),
        decode: roundtrip::<linode::types::TokenPage>,
        required: &["data", "data[].token_uuid"],
    },
    Case {
        model: "linode TokenCreated",
        fixture: include_str!("../fixtures/linode_sharegroups/token_created.json"),
        decode: roundtrip::<linode::types::TokenCreated>,
        required: &["token", "token_uuid"],
    },
];

const DIGITALOCEAN: &[Case] = &[
    Case {
        model: "digitalocean ImageResponse (snapshot)",
        fixture: include_str!("../fixtures/digitalocean/image_snapshot.json"),
        decode: roundtrip::<digitalocean::types::ImageResponse>,
        required: &["image", "image.id"],
    },
    Case {
        model: "digitalocean ImageResponse (custom, new)",
        fixture: include_str!("../fixtures/digitalocean/image_custom_new.json"),
        decode: roundtrip::<digitalocean::types::ImageResponse>,
        required: &["image", "image.id"],
    },
    Case {
        model: "digitalocean ImageList",
        fixture: include_str!("../fixtures/digitalocean/images_list.json"),
        decode: roundtrip::<digitalocean::types::ImageList>,
        required: &["images", "images[].id"],
    },
    Case {
        model: "digitalocean ImageList (live shapes)",
        fixture: include_str!("../fixtures/live/digitalocean_images_bare.json"),
        decode: roundtrip::<digitalocean::types::ImageList>,
        required: &["images", "images[].id"],
    },
    Case {
        model: "digitalocean ActionResponse",
        fixture: include_str!("../fixtures/digitalocean/action_transfer_completed.json"),
        decode: roundtrip::<digitalocean::types::ActionResponse>,
        required: &["action", "action.id"],
    },
    Case {
        model: "digitalocean ActionList",
        fixture: include_str!("../fixtures/digitalocean/actions_list.json"),
        decode: roundtrip::<digitalocean::types::ActionList>,
        required: &["actions", "actions[].id"],
    },
    Case {
        model: "digitalocean AccountTransferCreated",
        fixture: include_str!("../fixtures/digitalocean/account_transfer_created.json"),
        decode: roundtrip::<digitalocean::types::AccountTransferCreated>,
        required: &["transfer_id"],
    },
];

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// Every path to an object field in `v`, parents before children.
fn field_paths(v: &Value, prefix: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                prefix.push(Step::Key(k.clone()));
                out.push(prefix.clone());
                field_paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                prefix.push(Step::Index(i));
                field_paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

/// `data[].id` for `data[3].id`.
fn pattern(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(_) => s.push_str("[]"),
        }
    }
    s
}

fn shown(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// The parent object of the field at `path`, and the field's name.
fn parent<'a>(v: &'a mut Value, path: &[Step]) -> Option<(&'a mut serde_json::Map<String, Value>, String)> {
    let (last, init) = path.split_last()?;
    let mut at = v;
    for step in init {
        at = match step {
            Step::Key(k) => at.get_mut(k.as_str())?,
            Step::Index(i) => at.get_mut(*i)?,
        };
    }
    match last {
        Step::Key(k) => Some((at.as_object_mut()?, k.clone())),
        Step::Index(_) => None,
    }
}

/// The value at `path`.
fn at<'a>(v: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(v, |at, step| match step {
        Step::Key(k) => at.get(k.as_str()),
        Step::Index(i) => at.get(*i),
    })
}

fn set_null(v: &mut Value, path: &[Step]) {
    if let Some((obj, key)) = parent(v, path) {
        obj.insert(key, Value::Null);
    }
}

fn remove(v: &mut Value, path: &[Step]) {
    if let Some((obj, key)) = parent(v, path) {
        obj.remove(&key);
    }
}

/// Runs every mutation of every case; returns how many decodes were checked.
fn check(cases: &[Case]) -> usize {
    let mut checked = 0;
    let mut failures = Vec::new();
    for case in cases {
        let original: Value = serde_json::from_str(case.fixture).unwrap();
        let baseline = (case.decode)(original.clone())
            .unwrap_or_else(|e| panic!("{}: the fixture must decode: {e}", case.model));
        let mut paths = Vec::new();
        field_paths(&original, &mut Vec::new(), &mut paths);
        assert!(!paths.is_empty(), "{}: an answer with no field tests nothing", case.model);
        for path in &paths {
            let required = case.required.contains(&pattern(path).as_str());
            let list = matches!(at(&original, path), Some(Value::Array(_)));
            for (how, mutate) in [("null", set_null as fn(&mut Value, &[Step])), ("missing", remove)] {
                let mut mutated = original.clone();
                mutate(&mut mutated, path);
                checked += 1;
                let required = required && !(list && how == "null");
                match ((case.decode)(mutated), required) {
                    (Err(_), true) => {}
                    (Ok(_), true) => failures.push(format!(
                        "{}: `{}` {how} decoded, but is required",
                        case.model,
                        shown(path)
                    )),
                    (Err(e), false) => {
                        failures.push(format!("{}: `{}` {how} failed: {e}", case.model, shown(path)))
                    }
                    (Ok(mut decoded), false) => {
                        // Every other field is unchanged: compare with the field taken out of both.
                        let mut expected = baseline.clone();
                        remove(&mut expected, path);
                        remove(&mut decoded, path);
                        if decoded != expected {
                            failures.push(format!(
                                "{}: `{}` {how} changed other fields",
                                case.model,
                                shown(path)
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} decodes broke the rule:\n{}",
        failures.len(),
        failures.join("\n")
    );
    checked
}

#[test]
fn linode_response_models_survive_any_null_or_missing_field() {
    let checked = check(LINODE);
    assert!(checked > 300, "{checked}");
}

#[test]
fn digitalocean_response_models_survive_any_null_or_missing_field() {
    let checked = check(DIGITALOCEAN);
    assert!(checked > 150, "{checked}");
}

/// The fields the test expects to be required are the ones the specs mark, no more, no less.
#[test]
fn the_required_fields_are_the_ones_the_specs_mark() {
    for (spec, cases) in [("openapi/linode.json", LINODE), ("openapi/digitalocean.json", DIGITALOCEAN)] {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + spec).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap();
        let marked: BTreeSet<String> = doc["components"]["schemas"]
            .as_object()
            .unwrap()
            .values()
            .filter_map(|s| s.get("x-client-required"))
            .flat_map(|names| names.as_array().unwrap().iter().map(|n| n.as_str().unwrap().to_string()))
            .collect();
        let tested: BTreeSet<String> = cases
            .iter()
            .flat_map(|c| c.required.iter().map(|p| p.rsplit(['.', ']']).next().unwrap().to_string()))
            .collect();
        assert_eq!(marked, tested, "{spec}");
    }
}
