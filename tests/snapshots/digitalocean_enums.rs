/**What kind of image this is. Public distribution images report `snapshot` or `base`; `admin` is used by DigitalOcean internally.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageType::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageType {
    ///`base`
    Base,
    ///`snapshot`
    Snapshot,
    ///`backup`
    Backup,
    ///`custom`
    Custom,
    ///`admin`
    Admin,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageType {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Base => "base",
            Self::Snapshot => "snapshot",
            Self::Backup => "backup",
            Self::Custom => "custom",
            Self::Admin => "admin",
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
            "base" => Self::Base,
            "snapshot" => Self::Snapshot,
            "backup" => Self::Backup,
            "custom" => Self::Custom,
            "admin" => Self::Admin,
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
/**Operating system family of an image. When importing, values outside this list are stored as `Unknown`; public images may report names not listed here.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`Distribution::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Distribution {
    ///`Arch Linux`
    ArchLinux,
    ///`CentOS`
    CentOs,
    ///`CoreOS`
    CoreOs,
    ///`Debian`
    Debian,
    ///`Fedora`
    Fedora,
    ///`Fedora Atomic`
    FedoraAtomic,
    ///`FreeBSD`
    FreeBsd,
    ///`Gentoo`
    Gentoo,
    ///`openSUSE`
    OpenSuse,
    ///`RancherOS`
    RancherOs,
    ///`Rocky Linux`
    RockyLinux,
    ///`Ubuntu`
    Ubuntu,
    ///`Unknown`
    Unknown,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl Distribution {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ArchLinux => "Arch Linux",
            Self::CentOs => "CentOS",
            Self::CoreOs => "CoreOS",
            Self::Debian => "Debian",
            Self::Fedora => "Fedora",
            Self::FedoraAtomic => "Fedora Atomic",
            Self::FreeBsd => "FreeBSD",
            Self::Gentoo => "Gentoo",
            Self::OpenSuse => "openSUSE",
            Self::RancherOs => "RancherOS",
            Self::RockyLinux => "Rocky Linux",
            Self::Ubuntu => "Ubuntu",
            Self::Unknown => "Unknown",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for Distribution {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for Distribution {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for Distribution {
    fn from(s: &str) -> Self {
        match s {
            "Arch Linux" => Self::ArchLinux,
            "CentOS" => Self::CentOs,
            "CoreOS" => Self::CoreOs,
            "Debian" => Self::Debian,
            "Fedora" => Self::Fedora,
            "Fedora Atomic" => Self::FedoraAtomic,
            "FreeBSD" => Self::FreeBsd,
            "Gentoo" => Self::Gentoo,
            "openSUSE" => Self::OpenSuse,
            "RancherOS" => Self::RancherOs,
            "Rocky Linux" => Self::RockyLinux,
            "Ubuntu" => Self::Ubuntu,
            "Unknown" => Self::Unknown,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for Distribution {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for Distribution {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for Distribution {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**Short code of a DigitalOcean datacenter region. The list reflects the published API; the server may return regions added later.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`RegionSlug::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RegionSlug {
    ///`ams1`
    Ams1,
    ///`ams2`
    Ams2,
    ///`ams3`
    Ams3,
    ///`blr1`
    Blr1,
    ///`fra1`
    Fra1,
    ///`lon1`
    Lon1,
    ///`nyc1`
    Nyc1,
    ///`nyc2`
    Nyc2,
    ///`nyc3`
    Nyc3,
    ///`sfo1`
    Sfo1,
    ///`sfo2`
    Sfo2,
    ///`sfo3`
    Sfo3,
    ///`sgp1`
    Sgp1,
    ///`tor1`
    Tor1,
    ///`syd1`
    Syd1,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl RegionSlug {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ams1 => "ams1",
            Self::Ams2 => "ams2",
            Self::Ams3 => "ams3",
            Self::Blr1 => "blr1",
            Self::Fra1 => "fra1",
            Self::Lon1 => "lon1",
            Self::Nyc1 => "nyc1",
            Self::Nyc2 => "nyc2",
            Self::Nyc3 => "nyc3",
            Self::Sfo1 => "sfo1",
            Self::Sfo2 => "sfo2",
            Self::Sfo3 => "sfo3",
            Self::Sgp1 => "sgp1",
            Self::Tor1 => "tor1",
            Self::Syd1 => "syd1",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for RegionSlug {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for RegionSlug {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for RegionSlug {
    fn from(s: &str) -> Self {
        match s {
            "ams1" => Self::Ams1,
            "ams2" => Self::Ams2,
            "ams3" => Self::Ams3,
            "blr1" => Self::Blr1,
            "fra1" => Self::Fra1,
            "lon1" => Self::Lon1,
            "nyc1" => Self::Nyc1,
            "nyc2" => Self::Nyc2,
            "nyc3" => Self::Nyc3,
            "sfo1" => Self::Sfo1,
            "sfo2" => Self::Sfo2,
            "sfo3" => Self::Sfo3,
            "sgp1" => Self::Sgp1,
            "tor1" => Self::Tor1,
            "syd1" => Self::Syd1,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for RegionSlug {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for RegionSlug {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for RegionSlug {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**Lifecycle state of an image. Note the spelling: `NEW` is upper case (a fresh import), the other states are lower case; `available` means it can be used to create Droplets.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageStatus {
    ///`NEW`
    New,
    ///`available`
    Available,
    ///`pending`
    Pending,
    ///`deleted`
    Deleted,
    ///`retired`
    Retired,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::New => "NEW",
            Self::Available => "available",
            Self::Pending => "pending",
            Self::Deleted => "deleted",
            Self::Retired => "retired",
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
            "NEW" => Self::New,
            "available" => Self::Available,
            "pending" => Self::Pending,
            "deleted" => Self::Deleted,
            "retired" => Self::Retired,
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
/**Filter for `images_list`: public OS distributions or 1-Click application images. Not a value of the Image `type` field.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageKind::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageKind {
    ///`application`
    Application,
    ///`distribution`
    Distribution,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageKind {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Application => "application",
            Self::Distribution => "distribution",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ImageKind {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ImageKind {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ImageKind {
    fn from(s: &str) -> Self {
        match s {
            "application" => Self::Application,
            "distribution" => Self::Distribution,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ImageKind {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ImageKind {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ImageKind {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**Action to run on an image: `convert` a backup into a snapshot, or `transfer` it to another region.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ImageActionType::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ImageActionType {
    ///`convert`
    Convert,
    ///`transfer`
    Transfer,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ImageActionType {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Convert => "convert",
            Self::Transfer => "transfer",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ImageActionType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ImageActionType {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ImageActionType {
    fn from(s: &str) -> Self {
        match s {
            "convert" => Self::Convert,
            "transfer" => Self::Transfer,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ImageActionType {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ImageActionType {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ImageActionType {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
/**Progress of an action: running, finished successfully, or failed.

An open enum: a value this crate does not know yet is kept in `Other` and serialised back unchanged.

`#[non_exhaustive]`: a later version of this crate may name more values. Match those it does not name by text (`ActionStatus::as_str`) or with `_`, not with `Other(..)`: a value leaves `Other` once it is named.*/
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ActionStatus {
    ///`in-progress`
    InProgress,
    ///`completed`
    Completed,
    ///`errored`
    Errored,
    /// A value this version of the crate does not know, kept as it was sent.
    Other(::std::string::String),
}
impl ActionStatus {
    /// The value as the API writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::InProgress => "in-progress",
            Self::Completed => "completed",
            Self::Errored => "errored",
            Self::Other(s) => s.as_str(),
        }
    }
}
impl ::std::fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str(self.as_str())
    }
}
impl ::std::str::FromStr for ActionStatus {
    type Err = ::std::convert::Infallible;
    fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
        Ok(::std::convert::From::from(s))
    }
}
impl ::std::convert::From<&str> for ActionStatus {
    fn from(s: &str) -> Self {
        match s {
            "in-progress" => Self::InProgress,
            "completed" => Self::Completed,
            "errored" => Self::Errored,
            other => Self::Other(other.to_owned()),
        }
    }
}
impl ::std::convert::From<::std::string::String> for ActionStatus {
    fn from(s: ::std::string::String) -> Self {
        match Self::from(s.as_str()) {
            Self::Other(_) => Self::Other(s),
            known => known,
        }
    }
}
impl ::serde::Serialize for ActionStatus {
    fn serialize<S: ::serde::Serializer>(
        &self,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
impl<'de> ::serde::Deserialize<'de> for ActionStatus {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        d: D,
    ) -> ::std::result::Result<Self, D::Error> {
        crate::decode::open_enum(d)
    }
}
