//! The `X-Filter` header of Linode listings: a typed builder over its JSON.

use std::fmt::Write as _;

use serde_json::{Number, Value};

use crate::{Error, Result};

/// A server-side filter (and sort order) for [`Images::list`](super::Images::list), sent as the
/// `X-Filter` JSON header.
///
/// Build one from field comparisons, combine them with [`and`](Filter::and) and
/// [`or`](Filter::or), and sort with [`order_by`](Filter::order_by); anything the builder does
/// not cover can be given as [`raw`](Filter::raw) JSON. The header is written with keys in a
/// fixed order: the filter's own keys first, then `+order_by` and `+order`.
///
/// Fields Linode filters images on: `deprecated`, `is_public`, `label`, `size`, `status`,
/// `tags`, `type`, `vendor`, `is_shared` (`status` cannot be sorted on).
///
/// ```
/// use cloud_images::linode::{Filter, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let filter = Filter::and([
///     Filter::eq("is_public", false),
///     Filter::or([Filter::contains("label", "web"), Filter::lte("size", 5000)]),
/// ])
/// .order_by("label", Order::Desc);
/// assert_eq!(
///     filter.to_header_value()?,
///     r#"{"+and":[{"is_public":false},{"+or":[{"label":{"+contains":"web"}},{"size":{"+lte":5000}}]}],"+order_by":"label","+order":"desc"}"#
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub struct Filter {
    node: Node,
    order: Option<(String, Order)>,
}

#[derive(Clone, Debug, PartialEq)]
enum Node {
    /// `{"field": value}`
    Eq(String, Value),
    /// `{"field": {"+op": value}}`
    Op(String, &'static str, Value),
    /// `{"+and": [..]}` or `{"+or": [..]}`
    All(&'static str, Vec<Filter>),
    /// Any JSON object, written as given.
    Raw(Value),
}

/// The direction of [`Filter::order_by`].
///
/// ```
/// use cloud_images::linode::{Filter, Order};
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// assert_eq!(Order::default(), Order::Asc);
/// let largest_first = Filter::eq("is_public", false).order_by("size", Order::Desc);
/// assert!(largest_first.to_header_value()?.ends_with(r#""+order_by":"size","+order":"desc"}"#));
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// Ascending (`"asc"`, the API's default).
    #[default]
    Asc,
    /// Descending (`"desc"`).
    Desc,
}

impl Order {
    /// The value as the API writes it (`"asc"` or `"desc"`).
    ///
    /// ```
    /// assert_eq!(cloud_images::linode::Order::Desc.as_str(), "desc");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Asc => "asc",
            Order::Desc => "desc",
        }
    }
}

impl Filter {
    /// `field` equals `value`: `{"is_public": false}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::eq("is_public", false);
    /// assert_eq!(f.to_header_value()?, r#"{"is_public":false}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn eq(field: impl Into<String>, value: impl Into<Value>) -> Filter {
        Filter::from_node(Node::Eq(field.into(), value.into()))
    }

    /// `field` differs from `value`: `{"vendor": {"+neq": "Debian"}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::neq("vendor", "Debian");
    /// assert_eq!(f.to_header_value()?, r#"{"vendor":{"+neq":"Debian"}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn neq(field: impl Into<String>, value: impl Into<Value>) -> Filter {
        Filter::op(field, "+neq", value.into())
    }

    /// The numeric `field` is greater than `number`: `{"size": {"+gt": 2500}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::gt("size", 2500);
    /// assert_eq!(f.to_header_value()?, r#"{"size":{"+gt":2500}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn gt(field: impl Into<String>, number: impl Into<Number>) -> Filter {
        Filter::op(field, "+gt", Value::Number(number.into()))
    }

    /// The numeric `field` is at least `number`: `{"size": {"+gte": 2500}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::gte("size", 2500);
    /// assert_eq!(f.to_header_value()?, r#"{"size":{"+gte":2500}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn gte(field: impl Into<String>, number: impl Into<Number>) -> Filter {
        Filter::op(field, "+gte", Value::Number(number.into()))
    }

    /// The numeric `field` is less than `number`: `{"size": {"+lt": 2500}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::lt("size", 2500);
    /// assert_eq!(f.to_header_value()?, r#"{"size":{"+lt":2500}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn lt(field: impl Into<String>, number: impl Into<Number>) -> Filter {
        Filter::op(field, "+lt", Value::Number(number.into()))
    }

    /// The numeric `field` is at most `number`: `{"size": {"+lte": 2500}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::lte("size", 2500);
    /// assert_eq!(f.to_header_value()?, r#"{"size":{"+lte":2500}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn lte(field: impl Into<String>, number: impl Into<Number>) -> Filter {
        Filter::op(field, "+lte", Value::Number(number.into()))
    }

    /// The text `field` contains `text`: `{"label": {"+contains": "web"}}`.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::contains("label", "web");
    /// assert_eq!(f.to_header_value()?, r#"{"label":{"+contains":"web"}}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn contains(field: impl Into<String>, text: impl Into<String>) -> Filter {
        Filter::op(field, "+contains", Value::String(text.into()))
    }

    /// Every filter matches: `{"+and": [..]}`.
    ///
    /// ```
    /// use cloud_images::linode::Filter;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = Filter::and([Filter::eq("is_public", true), Filter::eq("vendor", "Debian")]);
    /// assert_eq!(f.to_header_value()?, r#"{"+and":[{"is_public":true},{"vendor":"Debian"}]}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn and(filters: impl IntoIterator<Item = Filter>) -> Filter {
        Filter::from_node(Node::All("+and", filters.into_iter().collect()))
    }

    /// At least one filter matches: `{"+or": [..]}`.
    ///
    /// ```
    /// use cloud_images::linode::Filter;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = Filter::or([Filter::eq("vendor", "Debian"), Filter::eq("vendor", "Ubuntu")]);
    /// assert_eq!(f.to_header_value()?, r#"{"+or":[{"vendor":"Debian"},{"vendor":"Ubuntu"}]}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn or(filters: impl IntoIterator<Item = Filter>) -> Filter {
        Filter::from_node(Node::All("+or", filters.into_iter().collect()))
    }

    /// Any JSON object, for what the builder does not cover. It must be an object: anything
    /// else is an [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error when the
    /// filter is written (before any request is sent).
    ///
    /// ```
    /// use cloud_images::linode::Filter;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = Filter::raw(serde_json::json!({"tags": "prod"}));
    /// assert_eq!(f.to_header_value()?, r#"{"tags":"prod"}"#);
    /// assert!(Filter::raw(serde_json::json!([1, 2])).to_header_value().is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn raw(json: Value) -> Filter {
        Filter::from_node(Node::Raw(json))
    }

    /// Sorts the listing by `field` (`+order_by`, `+order`). Set it on the outermost filter;
    /// a later call replaces an earlier one.
    ///
    /// ```
    /// use cloud_images::linode::{Filter, Order};
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = Filter::eq("is_public", true).order_by("size", Order::Desc);
    /// assert_eq!(
    ///     f.to_header_value()?,
    ///     r#"{"is_public":true,"+order_by":"size","+order":"desc"}"#
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn order_by(mut self, field: impl Into<String>, order: Order) -> Filter {
        self.order = Some((field.into(), order));
        self
    }

    /// The JSON text sent as the `X-Filter` header.
    ///
    /// ```
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let f = cloud_images::linode::Filter::eq("label", "gold \"master\"");
    /// assert_eq!(f.to_header_value()?, r#"{"label":"gold \"master\""}"#);
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_header_value(&self) -> Result<String> {
        let mut out = String::new();
        self.write(&mut out)?;
        Ok(out)
    }

    fn from_node(node: Node) -> Filter {
        Filter { node, order: None }
    }

    fn op(field: impl Into<String>, op: &'static str, value: Value) -> Filter {
        Filter::from_node(Node::Op(field.into(), op, value))
    }

    fn write(&self, out: &mut String) -> Result<()> {
        out.push('{');
        let mut first = true;
        match &self.node {
            Node::Eq(field, value) => member(out, &mut first, field, |out| json(out, value))?,
            Node::Op(field, op, value) => member(out, &mut first, field, |out| {
                out.push('{');
                let mut first = true;
                member(out, &mut first, op, |out| json(out, value))?;
                out.push('}');
                Ok(())
            })?,
            Node::All(op, filters) => member(out, &mut first, op, |out| {
                out.push('[');
                for (i, filter) in filters.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    filter.write(out)?;
                }
                out.push(']');
                Ok(())
            })?,
            Node::Raw(Value::Object(map)) => {
                for (key, value) in map {
                    member(out, &mut first, key, |out| json(out, value))?;
                }
            }
            Node::Raw(other) => {
                return Err(Error::invalid_input(format!("a raw filter must be a JSON object, not {other}")));
            }
        }
        if let Some((field, order)) = &self.order {
            member(out, &mut first, "+order_by", |out| json(out, &Value::String(field.clone())))?;
            member(out, &mut first, "+order", |out| {
                let _ = write!(out, "\"{}\"", order.as_str());
                Ok(())
            })?;
        }
        out.push('}');
        Ok(())
    }
}

/// Writes `"key":<value>` (with a leading comma unless it is the first member).
fn member(
    out: &mut String,
    first: &mut bool,
    key: &str,
    value: impl FnOnce(&mut String) -> Result<()>,
) -> Result<()> {
    if !*first {
        out.push(',');
    }
    *first = false;
    json(out, &Value::String(key.to_string()))?;
    out.push(':');
    value(out)
}

fn json(out: &mut String, value: &Value) -> Result<()> {
    let text = serde_json::to_string(value)
        .map_err(|e| Error::invalid_input(format!("cannot write the filter: {e}")).with_source(e))?;
    out.push_str(&text);
    Ok(())
}
