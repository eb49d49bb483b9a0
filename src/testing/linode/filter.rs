//! Linode's `X-Filter` header, as the API applies it to images: equality, `+neq`, `+contains`,
//! `+gt`/`+gte`/`+lt`/`+lte`, `+and`/`+or`, and `+order_by`/`+order`, on the fields Linode lets
//! you filter images on.

use std::cmp::Ordering;

use serde_json::{Map, Value};

/// The fields images can be filtered on.
pub(crate) const FILTERABLE: [&str; 9] =
    ["deprecated", "is_public", "is_shared", "label", "size", "status", "tags", "type", "vendor"];

/// A parsed `X-Filter`.
pub(crate) struct XFilter {
    condition: Map<String, Value>,
    order: Option<(String, bool)>,
}

impl XFilter {
    /// Parses and checks the header for a listing whose filterable fields are `fields`
    /// ([`FILTERABLE`] for images); the error is the reason Linode gives.
    pub(crate) fn parse_on(header: &str, fields: &[&str]) -> Result<XFilter, String> {
        let value: Value =
            serde_json::from_str(header).map_err(|_| "The X-Filter header is not valid JSON".to_string())?;
        let Value::Object(mut condition) = value else {
            return Err("The X-Filter header must be a JSON object".into());
        };
        let order_by = condition.remove("+order_by");
        let order = condition.remove("+order");
        let order = match (order_by, order) {
            (None, None) => None,
            (None, Some(_)) => return Err("+order requires +order_by".into()),
            (Some(Value::String(field)), order) => {
                if !fields.contains(&field.as_str()) || field == "status" {
                    return Err(format!("Cannot order by {field}"));
                }
                let desc = match order.as_ref().map(|o| o.as_str()) {
                    None | Some(Some("asc")) => false,
                    Some(Some("desc")) => true,
                    Some(_) => return Err("+order must be asc or desc".into()),
                };
                Some((field, desc))
            }
            (Some(_), _) => return Err("+order_by must be a string".into()),
        };
        check(&condition, fields)?;
        Ok(XFilter { condition, order })
    }

    /// Keeps the images that match, in the order asked for.
    pub(crate) fn apply(&self, images: Vec<Value>) -> Vec<Value> {
        let mut kept: Vec<Value> =
            images.into_iter().filter(|image| matches(&self.condition, image)).collect();
        if let Some((field, desc)) = &self.order {
            kept.sort_by(|a, b| {
                let ord = compare(a.get(field).unwrap_or(&Value::Null), b.get(field).unwrap_or(&Value::Null));
                if *desc { ord.reverse() } else { ord }
            });
        }
        kept
    }
}

/// Refuses unknown fields and operators anywhere in the condition.
fn check(condition: &Map<String, Value>, fields: &[&str]) -> Result<(), String> {
    for (key, value) in condition {
        match key.as_str() {
            "+and" | "+or" => {
                let Value::Array(items) = value else {
                    return Err(format!("{key} must be a list of filters"));
                };
                for item in items {
                    let Value::Object(item) = item else {
                        return Err(format!("{key} must be a list of filters"));
                    };
                    check(item, fields)?;
                }
            }
            "+order_by" | "+order" => return Err(format!("{key} is only allowed at the top level")),
            field if !fields.contains(&field) => return Err(format!("Cannot filter on {field}")),
            _ => {
                if let Value::Object(ops) = value {
                    for (op, operand) in ops {
                        match op.as_str() {
                            "+gt" | "+gte" | "+lt" | "+lte" if operand.is_number() => {}
                            "+gt" | "+gte" | "+lt" | "+lte" => return Err(format!("{op} needs a number")),
                            "+contains" if operand.is_string() => {}
                            "+contains" => return Err("+contains needs a string".into()),
                            "+neq" => {}
                            other => return Err(format!("Unknown operator {other}")),
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn matches(condition: &Map<String, Value>, image: &Value) -> bool {
    condition.iter().all(|(key, value)| match (key.as_str(), value) {
        ("+and", Value::Array(items)) => {
            items.iter().all(|i| i.as_object().is_some_and(|c| matches(c, image)))
        }
        ("+or", Value::Array(items)) => {
            items.iter().any(|i| i.as_object().is_some_and(|c| matches(c, image)))
        }
        (field, Value::Object(ops)) => {
            let actual = image.get(field).unwrap_or(&Value::Null);
            ops.iter().all(|(op, operand)| operator(actual, op, operand))
        }
        (field, expected) => equals(image.get(field).unwrap_or(&Value::Null), expected),
    })
}

fn operator(actual: &Value, op: &str, operand: &Value) -> bool {
    let number = |v: &Value| v.as_f64();
    match op {
        "+gt" => number(actual).zip(number(operand)).is_some_and(|(a, b)| a > b),
        "+gte" => number(actual).zip(number(operand)).is_some_and(|(a, b)| a >= b),
        "+lt" => number(actual).zip(number(operand)).is_some_and(|(a, b)| a < b),
        "+lte" => number(actual).zip(number(operand)).is_some_and(|(a, b)| a <= b),
        "+neq" => !equals(actual, operand),
        "+contains" => {
            let needle = operand.as_str().unwrap_or_default().to_lowercase();
            match actual {
                Value::String(s) => s.to_lowercase().contains(&needle),
                Value::Array(items) => {
                    items.iter().any(|i| i.as_str().is_some_and(|s| s.to_lowercase().contains(&needle)))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Equality as Linode filters: numbers by value, a list field (tags) by membership.
fn equals(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Number(a), Value::Number(b)) => a.as_f64() == b.as_f64(),
        (Value::Array(items), single) if !single.is_array() => items.contains(single),
        (a, b) => a == b,
    }
}

/// `null` first, then booleans, numbers, strings.
fn compare(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            _ => 4,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => {
            x.as_f64().unwrap_or(0.0).partial_cmp(&y.as_f64().unwrap_or(0.0)).unwrap_or(Ordering::Equal)
        }
        (Value::String(x), Value::String(y)) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn images() -> Vec<Value> {
        vec![
            json!({"id": "a", "label": "Debian 12", "size": 1500, "is_public": true, "tags": [], "vendor": "Debian"}),
            json!({"id": "b", "label": "web-base", "size": 4000, "is_public": false, "tags": ["web"], "vendor": null}),
            json!({"id": "c", "label": "Alpine", "size": 300, "is_public": true, "tags": [], "vendor": "Alpine"}),
        ]
    }

    fn ids(filter: &str) -> Vec<String> {
        let filter = XFilter::parse_on(filter, &FILTERABLE).unwrap();
        filter.apply(images()).iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
    }

    #[test]
    fn operators_and_order() {
        assert_eq!(ids(r#"{"is_public": true}"#), ["a", "c"]);
        assert_eq!(ids(r#"{"tags": "web"}"#), ["b"]);
        assert_eq!(ids(r#"{"size": {"+gt": 300, "+lt": 4000}}"#), ["a"]);
        assert_eq!(ids(r#"{"size": {"+gte": 1500}}"#), ["a", "b"]);
        assert_eq!(ids(r#"{"size": {"+lte": 1500}}"#), ["a", "c"]);
        assert_eq!(ids(r#"{"label": {"+contains": "DEB"}}"#), ["a"]);
        assert_eq!(ids(r#"{"vendor": {"+neq": "Debian"}}"#), ["b", "c"]);
        assert_eq!(
            ids(r#"{"+or": [{"label": "Alpine"}, {"+and": [{"is_public": false}, {"size": 4000}]}]}"#),
            ["b", "c"]
        );
        assert_eq!(ids(r#"{"is_public": true, "+order_by": "size", "+order": "asc"}"#), ["c", "a"]);
        assert_eq!(ids(r#"{"+order_by": "vendor", "+order": "desc"}"#), ["a", "c", "b"]);
    }

    #[test]
    fn refusals() {
        for (filter, reason) in [
            ("nope", "The X-Filter header is not valid JSON"),
            ("[1]", "The X-Filter header must be a JSON object"),
            (r#"{"id": "a"}"#, "Cannot filter on id"),
            (r#"{"+order_by": "status"}"#, "Cannot order by status"),
            (r#"{"+order": "desc"}"#, "+order requires +order_by"),
            (r#"{"+order_by": "size", "+order": "up"}"#, "+order must be asc or desc"),
            (r#"{"size": {"+gt": "big"}}"#, "+gt needs a number"),
            (r#"{"size": {"+near": 1}}"#, "Unknown operator +near"),
            (r#"{"+and": [{"created": "x"}]}"#, "Cannot filter on created"),
        ] {
            assert_eq!(XFilter::parse_on(filter, &FILTERABLE).err().as_deref(), Some(reason), "{filter}");
        }
    }
}
