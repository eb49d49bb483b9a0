//! `is_shared`: a boolean, or a text in its place.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::types::IsSharedText;

/// Whether an image is shared through a share group, as the API sends it: a boolean
/// ([`Flag`](Self::Flag)), or a text in its place ([`Text`](Self::Text); so far `"none"`, on
/// images shared with you). Also `linode::types::IsShared`.
///
/// Hand-written rather than generated: it decodes straight from the boolean or the string, where
/// serde's untagged enums copy every value aside first and try each variant in turn (on every
/// image of a listing).
///
/// ```
/// use cloud_images::linode::IsShared;
/// use cloud_images::linode::types::IsSharedText;
///
/// # fn main() -> Result<(), serde_json::Error> {
/// assert_eq!(serde_json::from_str::<IsShared>("true")?, IsShared::Flag(true));
/// assert_eq!(serde_json::from_str::<IsShared>(r#""none""#)?, IsShared::Text(IsSharedText::None));
/// assert_eq!(IsShared::Flag(false).to_string(), "false");
/// # Ok(())
/// # }
/// ```
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum IsShared {
    /// `true` or `false`.
    Flag(bool),
    /// A text sent instead of a boolean (`none`, or one this crate does not know yet).
    Text(IsSharedText),
}

impl fmt::Display for IsShared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IsShared::Flag(b) => b.fmt(f),
            IsShared::Text(t) => t.fmt(f),
        }
    }
}

/// `true` and `false` are flags; any other text is kept as [`IsShared::Text`].
impl std::str::FromStr for IsShared {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "true" => IsShared::Flag(true),
            "false" => IsShared::Flag(false),
            other => IsShared::Text(IsSharedText::from(other)),
        })
    }
}

impl From<bool> for IsShared {
    fn from(b: bool) -> Self {
        IsShared::Flag(b)
    }
}

impl Serialize for IsShared {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            IsShared::Flag(b) => s.serialize_bool(*b),
            IsShared::Text(t) => t.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for IsShared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl Visitor<'_> for Either {
            type Value = IsShared;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a boolean or a string")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<IsShared, E> {
                Ok(IsShared::Flag(b))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<IsShared, E> {
                Ok(IsShared::Text(IsSharedText::from(s)))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<IsShared, E> {
                Ok(IsShared::Text(IsSharedText::from(s)))
            }
        }
        d.deserialize_any(Either)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_flags_and_texts_and_refuses_the_rest() {
        let decode = |s: &str| serde_json::from_str::<IsShared>(s);
        assert_eq!(decode("false").unwrap(), IsShared::Flag(false));
        assert_eq!(decode(r#""none""#).unwrap(), IsShared::Text(IsSharedText::None));
        assert_eq!(
            decode(r#""partially""#).unwrap(),
            IsShared::Text(IsSharedText::Other("partially".into()))
        );
        let err = decode("1").unwrap_err().to_string();
        assert!(err.contains("a boolean or a string"), "{err}");
        assert!(decode("[]").is_err());
        for v in [IsShared::Flag(true), IsShared::Text(IsSharedText::None)] {
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(decode(&json).unwrap(), v);
            assert_eq!(v.to_string().parse::<IsShared>().unwrap(), v);
        }
    }
}
