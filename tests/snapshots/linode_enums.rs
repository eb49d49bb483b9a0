/**API version segment at the start of every path: `v4` for the stable API, `v4beta` for features still in beta. Set once per client (the `apiVersion` variable of the server URL), not per operation.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ApiVersion::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ApiVersion {
    ///`v4`
    V4,
    ///`v4beta`
    V4beta,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ApiVersion {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::V4 => "v4",
            Self::V4beta => "v4beta",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ApiVersion {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ApiVersion {
    fn from(s: &str) -> Self {
        match s {
            "v4" => Self::V4,
            "v4beta" => Self::V4beta,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ApiVersion {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ApiVersion {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ApiVersion {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**Overall state of an image: `creating` while being captured or processed, `pending_upload` while waiting for the data of an uploaded image, `available` once it can be deployed. Filterable, but not usable with `+order_by`.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageStatus {
    ///`creating`
    Creating,
    ///`pending_upload`
    PendingUpload,
    ///`available`
    Available,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Creating => "creating",
            Self::PendingUpload => "pending_upload",
            Self::Available => "available",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ImageStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ImageStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ImageStatus {
    fn from(s: &str) -> Self {
        match s {
            "creating" => Self::Creating,
            "pending_upload" => Self::PendingUpload,
            "available" => Self::Available,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ImageStatus {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ImageStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ImageStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**How the image came to be: `manual` (captured or uploaded by a user), `automatic` (kept automatically after its Linode was deleted; expires) or `shared` (shared with you through a share group). Filterable.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageType::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageType {
    ///`manual`
    Manual,
    ///`automatic`
    Automatic,
    ///`shared`
    Shared,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageType {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Manual => "manual",
            Self::Automatic => "automatic",
            Self::Shared => "shared",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ImageType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ImageType {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ImageType {
    fn from(s: &str) -> Self {
        match s {
            "manual" => Self::Manual,
            "automatic" => Self::Automatic,
            "shared" => Self::Shared,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ImageType {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ImageType {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ImageType {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**State of an image copy in one region. Note that some values contain a space. `timedout` is not in the published spec but is known to the official TypeScript client.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageRegionStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageRegionStatus {
    ///`available`
    Available,
    ///`creating`
    Creating,
    ///`pending`
    Pending,
    ///`pending deletion`
    PendingDeletion,
    ///`pending replication`
    PendingReplication,
    ///`replicating`
    Replicating,
    ///`timedout`
    Timedout,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageRegionStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Available => "available",
            Self::Creating => "creating",
            Self::Pending => "pending",
            Self::PendingDeletion => "pending deletion",
            Self::PendingReplication => "pending replication",
            Self::Replicating => "replicating",
            Self::Timedout => "timedout",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ImageRegionStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ImageRegionStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ImageRegionStatus {
    fn from(s: &str) -> Self {
        match s {
            "available" => Self::Available,
            "creating" => Self::Creating,
            "pending" => Self::Pending,
            "pending deletion" => Self::PendingDeletion,
            "pending replication" => Self::PendingReplication,
            "replicating" => Self::Replicating,
            "timedout" => Self::Timedout,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ImageRegionStatus {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ImageRegionStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ImageRegionStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**The text the API sends in `is_shared` instead of a boolean: so far only `none`.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`IsSharedText::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum IsSharedText {
    ///`none`
    None,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl IsSharedText {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::None => "none",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for IsSharedText {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for IsSharedText {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for IsSharedText {
    fn from(s: &str) -> Self {
        match s {
            "none" => Self::None,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for IsSharedText {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for IsSharedText {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for IsSharedText {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**State of a membership as its owner sees it: `active` or `revoked` (revoked memberships stay visible for about two weeks).

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`MembershipStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MembershipStatus {
    ///`active`
    Active,
    ///`revoked`
    Revoked,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl MembershipStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Active => "active",
            Self::Revoked => "revoked",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for MembershipStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for MembershipStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for MembershipStatus {
    fn from(s: &str) -> Self {
        match s {
            "active" => Self::Active,
            "revoked" => Self::Revoked,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for MembershipStatus {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for MembershipStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for MembershipStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**State of a membership token as the member sees it: `pending` (not yet accepted by the owner), `active`, `revoked` or `expired`.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`TokenStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum TokenStatus {
    ///`pending`
    Pending,
    ///`active`
    Active,
    ///`revoked`
    Revoked,
    ///`expired`
    Expired,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl TokenStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Pending => "pending",
            Self::Active => "active",
            Self::Revoked => "revoked",
            Self::Expired => "expired",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for TokenStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for TokenStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for TokenStatus {
    fn from(s: &str) -> Self {
        match s {
            "pending" => Self::Pending,
            "active" => Self::Active,
            "revoked" => Self::Revoked,
            "expired" => Self::Expired,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for TokenStatus {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for TokenStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for TokenStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
