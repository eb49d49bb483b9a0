//! Reading responses: the decoding rule's runtime half, and listing pages decoded item by item
//! when decoding them whole fails.

use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer};

use crate::error::ErrorKind;
use crate::transport::Response;
use crate::{Error, Result};

/// `null` reads as an empty list or map. Every list or map field of a generated response model
/// decodes through this (build.rs adds it): the servers send `null` where their specs promise a
/// list (`"regions": null` on Linode's public images).
pub(crate) fn null_as_empty<'de, D, T>(d: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}

/// Decodes an open string enum from the string as the deserializer holds it: a known value
/// costs no allocation (serde's `Cow<str>` would copy every value into a `String` first); only
/// a value the enum does not know is kept as an owned `String`.
pub(crate) fn open_enum<'de, D, T>(d: D) -> std::result::Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct Text<T>(std::marker::PhantomData<T>);
    impl<T> serde::de::Visitor<'_> for Text<T>
    where
        T: for<'a> From<&'a str> + From<String>,
    {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> std::result::Result<T, E> {
            Ok(T::from(s))
        }
        fn visit_string<E: serde::de::Error>(self, s: String) -> std::result::Result<T, E> {
            Ok(T::from(s))
        }
    }
    d.deserialize_str(Text(std::marker::PhantomData))
}

/// A listing response: an envelope around one array of items. Implemented by the generated
/// envelopes, from their list operations' `x-paging` (see `build/paging.rs`).
#[doc(hidden)]
pub trait Listing: DeserializeOwned {
    /// What the array holds.
    type Item: DeserializeOwned;
    /// The name of the array in the envelope (`data`, `images`, `actions`).
    const ITEMS: &'static str;
    /// Takes the items out of the envelope.
    fn take_items(&mut self) -> Vec<Self::Item>;
    /// Where the envelope says the listing is, as it has it (counters, links).
    fn position(&self) -> crate::list::Position<'_>;
}

/// The items of one page: all decoded in one pass (the usual case), or one by one, some of
/// them errors, in the order the server sent them.
pub(crate) enum PageItems<T> {
    /// Every item decoded.
    Whole(Vec<T>),
    /// Decoded one by one because the page as a whole did not decode.
    Mixed(Vec<Result<T>>),
}

impl<T> PageItems<T> {
    pub(crate) fn len(&self) -> usize {
        match self {
            PageItems::Whole(v) => v.len(),
            PageItems::Mixed(v) => v.len(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The identifier-ish key of the first entry, to notice a server that repeats a page.
    pub(crate) fn first_ok(&self) -> Option<&T> {
        match self {
            PageItems::Whole(v) => v.first(),
            PageItems::Mixed(v) => v.iter().find_map(|r| r.as_ref().ok()),
        }
    }

    /// Splits into the decoded items and the errors of the items that did not decode.
    pub(crate) fn split(self) -> (Vec<T>, Vec<Error>) {
        match self {
            PageItems::Whole(v) => (v, Vec::new()),
            PageItems::Mixed(v) => {
                let mut items = Vec::with_capacity(v.len());
                let mut failed = Vec::new();
                for r in v {
                    match r {
                        Ok(item) => items.push(item),
                        Err(e) => failed.push(e),
                    }
                }
                (items, failed)
            }
        }
    }
}

/// Decodes a listing page. The whole body is decoded in one pass first; only when that fails is
/// it read again as JSON, the envelope decoded without its items, and each item on its own: an
/// item that does not decode becomes an error naming its position, its `id` when one can be
/// read, and the field, and the others still come out.
///
/// A body that is not JSON, without its item array (`{}`: the envelopes require it, see
/// `x-client-required` in the specs), whose item array is not an array, or whose envelope does
/// not decode fails as a whole, as `whole` says (naming the missing field: `missing field
/// `images``). An item array that is `null` is an empty page, as in the one pass.
///
/// A good page costs one pass: the checks here run only once that pass has failed.
pub(crate) fn listing<L: Listing>(
    body: &[u8],
    what: &str,
    page: Option<u64>,
    whole: impl FnOnce() -> Error,
) -> Result<(L, PageItems<L::Item>)> {
    if let Ok(mut envelope) = serde_json::from_slice::<L>(body) {
        let items = envelope.take_items();
        return Ok((envelope, PageItems::Whole(items)));
    }
    let Ok(serde_json::Value::Object(mut object)) = serde_json::from_slice::<serde_json::Value>(body) else {
        return Err(whole());
    };
    let raw = match object.remove(L::ITEMS) {
        Some(serde_json::Value::Array(items)) => items,
        Some(serde_json::Value::Null) => Vec::new(),
        None | Some(_) => return Err(whole()),
    };
    object.insert(L::ITEMS.to_string(), serde_json::Value::Array(Vec::new()));
    let Ok(envelope) = serde_json::from_value::<L>(serde_json::Value::Object(object)) else {
        return Err(whole());
    };
    let items = raw.into_iter().enumerate().map(|(i, value)| item::<L::Item>(value, i, what, page)).collect();
    Ok((envelope, PageItems::Mixed(items)))
}

/// Decodes one item of a page, or says which one failed, where, and why.
fn item<T: DeserializeOwned>(
    value: serde_json::Value,
    index: usize,
    what: &str,
    page: Option<u64>,
) -> Result<T> {
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    serde_path_to_error::deserialize::<_, T>(&value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let on_page = page.map(|p| format!(" on page {p}")).unwrap_or_default();
        let named = id.as_ref().map(|id| format!(" ({id})")).unwrap_or_default();
        Error::new(
            ErrorKind::Decode,
            format!("{what}: item {index}{named}{on_page} cannot be decoded at `{path}`: {inner}; the other items are kept"),
        )
        .with_item(index, id)
        .with_source(inner)
    })
}

/// Decodes a 2xx body into `T`, naming the JSON path that failed. An empty body reads as `null`
/// (so `()` decodes from a 204), or as `{}` for a type that needs an object (Linode's empty
/// answers).
pub(crate) fn decode<T: DeserializeOwned>(op_id: &str, resp: &Response) -> Result<T> {
    let empty = resp.body.iter().all(u8::is_ascii_whitespace);
    if empty
        && let Ok(value) = serde_json::from_slice::<T>(b"null").or_else(|_| serde_json::from_slice(b"{}"))
    {
        return Ok(value);
    }
    let bytes: &[u8] = if empty { b"null" } else { &resp.body };
    let failed = |path: String, e: serde_json::Error| {
        Error::new(
            ErrorKind::Decode,
            format!("cannot decode the response to {op_id} (status {}) at `{path}`: {e}", resp.status),
        )
        .with_status(resp.status)
        .with_attempts(resp.attempts)
        .with_source(e)
    };
    // The fast path: plain serde_json. Only a failure is decoded again, tracking the JSON path
    // for the message (path tracking costs as much as the decoding itself).
    match serde_json::from_slice(bytes) {
        Ok(value) => Ok(value),
        Err(plain) => {
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let path = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => e.path().to_string(),
                Ok(_) => ".".to_string(), // trailing characters after a valid value
            };
            Err(failed(path, plain))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Thing {
        id: u64,
        #[serde(default, deserialize_with = "null_as_empty")]
        tags: Vec<String>,
    }

    /// As the generator writes a listing envelope: the items required, `null` read as empty.
    #[derive(Debug, Deserialize)]
    struct Things {
        #[serde(deserialize_with = "null_as_empty")]
        things: Vec<Thing>,
        total: Option<u64>,
    }

    impl Listing for Things {
        type Item = Thing;
        const ITEMS: &'static str = "things";
        fn take_items(&mut self) -> Vec<Thing> {
            std::mem::take(&mut self.things)
        }
        fn position(&self) -> crate::list::Position<'_> {
            crate::list::Position { total: self.total, ..Default::default() }
        }
    }

    fn whole() -> Error {
        Error::new(ErrorKind::Decode, "whole")
    }

    #[test]
    fn null_and_missing_lists_are_empty() {
        let t: Thing = serde_json::from_str(r#"{"id": 1, "tags": null}"#).unwrap();
        assert_eq!(t, Thing { id: 1, tags: vec![] });
        let t: Thing = serde_json::from_str(r#"{"id": 1}"#).unwrap();
        assert!(t.tags.is_empty());
        let t: Thing = serde_json::from_str(r#"{"id": 1, "tags": ["a"]}"#).unwrap();
        assert_eq!(t.tags, ["a"]);
        assert!(serde_json::from_str::<Thing>(r#"{"id": 1, "tags": 5}"#).is_err());
    }

    #[test]
    fn a_good_page_decodes_whole() {
        let body = br#"{"things": [{"id": 1}, {"id": 2, "tags": null}], "total": 2}"#;
        let (env, items) = listing::<Things>(body, "list", Some(1), whole).unwrap();
        assert_eq!(env.total, Some(2));
        assert!(matches!(&items, PageItems::Whole(v) if v.len() == 2));
    }

    #[test]
    fn a_bad_item_is_reported_in_place() {
        let body =
            br#"{"things": [{"id": 1}, {"id": "x-9", "tags": [1]}, {"tags": 3}, {"id": 4}], "total": 9}"#;
        let (env, items) = listing::<Things>(body, "acme list-things", Some(2), whole).unwrap();
        assert_eq!(env.total, Some(9));
        let PageItems::Mixed(items) = items else { panic!("decoded whole") };
        assert_eq!(items.len(), 4);
        assert_eq!(items[0].as_ref().unwrap().id, 1);
        let e = items[1].as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
        assert_eq!(e.item_index(), Some(1));
        assert_eq!(e.item_id(), Some("x-9"));
        assert!(
            e.to_string().starts_with("acme list-things: item 1 (x-9) on page 2 cannot be decoded at `id`"),
            "{e}"
        );
        let e = items[2].as_ref().unwrap_err();
        assert_eq!((e.item_index(), e.item_id()), (Some(2), None));
        assert!(e.to_string().contains("at `tags`"), "{e}");
        assert_eq!(items[3].as_ref().unwrap().id, 4);
    }

    #[test]
    fn broken_envelopes_fail_whole() {
        for body in [&br#"{"things": 5}"#[..], br#"{"things": [], "total": "x"}"#, b"not json", b"[1]"] {
            let e = listing::<Things>(body, "list", None, whole).err().expect("fails");
            assert_eq!(e.to_string(), "whole");
        }
        // `null` items with a good envelope are an empty page, not an error, in one pass.
        let (_, items) = listing::<Things>(br#"{"things": null, "total": 0}"#, "list", None, whole).unwrap();
        assert!(matches!(&items, PageItems::Whole(v) if v.is_empty()));
    }

    #[test]
    fn an_envelope_without_its_items_fails_whole() {
        // `{}` is not an empty page: the fast pass fails on the missing field, and so does the
        // item-by-item pass, even when the rest of the envelope is there (or the items are,
        // under another name).
        for body in [&b"{}"[..], br#"{"total": 3}"#, br#"{"thing": [{"id": 1}], "total": 1}"#] {
            let e = listing::<Things>(body, "list", None, whole).err().expect("fails");
            assert_eq!(e.to_string(), "whole");
        }
        let e = serde_json::from_slice::<Things>(b"{}").unwrap_err();
        assert!(e.to_string().starts_with("missing field `things`"), "{e}");
    }
}
