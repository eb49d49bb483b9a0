///Accepting a transfer: which one, and the team that takes the image.
///
///Made with [`AccountTransferAccept::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AccountTransferAccept {
    ///Uuid of the team that receives the image.
    pub recipient_uuid: ::std::string::String,
    ///The transfer to accept.
    pub transfer_id: u64,
}
impl AccountTransferAccept {
    ///Makes one from its required fields: `recipient_uuid`, `transfer_id`.
    pub fn new(
        recipient_uuid: impl ::std::convert::Into<::std::string::String>,
        transfer_id: u64,
    ) -> Self {
        Self {
            recipient_uuid: recipient_uuid.into(),
            transfer_id,
        }
    }
}
///The recipient of an image transfer: an email address or a team uuid. The API wants exactly one.
///
///Made with [`AccountTransferCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct AccountTransferCreate {
    ///Email address of the receiving account.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub recipient_email: ::std::option::Option<::std::string::String>,
    ///Uuid of the receiving team.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub recipient_uuid: ::std::option::Option<::std::string::String>,
}
impl AccountTransferCreate {
    ///Makes one with nothing set.
    pub fn new() -> Self {
        Self {
            recipient_email: ::std::option::Option::None,
            recipient_uuid: ::std::option::Option::None,
        }
    }
    ///Sets `recipient_email`: Email address of the receiving account.
    pub fn recipient_email(
        mut self,
        recipient_email: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.recipient_email = ::std::option::Option::Some(recipient_email.into());
        self
    }
    ///Sets `recipient_uuid`: Uuid of the receiving team.
    pub fn recipient_uuid(
        mut self,
        recipient_uuid: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.recipient_uuid = ::std::option::Option::Some(recipient_uuid.into());
        self
    }
}
///The answer to a transfer offer.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AccountTransferCreated {
    ///Id of the pending transfer; 0 when the recipient had already accepted.
    pub transfer_id: u64,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///A transfer, by id.
///
///Made with [`AccountTransferRef::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AccountTransferRef {
    ///Id of the transfer.
    pub transfer_id: u64,
}
impl AccountTransferRef {
    ///Makes one from its required fields: `transfer_id`.
    pub fn new(transfer_id: u64) -> Self {
        Self { transfer_id }
    }
}
///An asynchronous operation on an image, with its progress.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Action {
    ///When the action finished (RFC 3339, UTC); null while it is still running.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub completed_at: ::std::option::Option<::std::string::String>,
    ///Unique numeric id of the action.
    pub id: u64,
    ///Full description of the region the action runs in, when known.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub region: ::std::option::Option<::std::boxed::Box<Region>>,
    ///Slug of the region the action runs in (same as `region.slug`).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub region_slug: ::std::option::Option<::std::string::String>,
    ///Id of the object the action works on; for image actions this is the image id.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub resource_id: ::std::option::Option<u64>,
    ///Kind of object the action works on, `image` here.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub resource_type: ::std::option::Option<::std::string::String>,
    ///When the action began (RFC 3339, UTC).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub started_at: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::digitalocean::types::ActionStatus>,
    ///Kind of action as reported by the server, e.g. `transfer` or `convert`. Left open because other resources share the action format.
    #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///One page of actions.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ActionList {
    ///The actions on this page. Required (`x-client-required`): an answer without `actions` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub actions: ::std::vec::Vec<Action>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub links: ::std::option::Option<::std::boxed::Box<PageLinks>>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub meta: ::std::option::Option<::std::boxed::Box<Meta>>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Envelope for a single action, as sent by the server (`{"action": {...}}`).
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ActionResponse {
    pub action: Action,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Body of `images_create_custom`: the source of a custom image import and its labels.
///
///Made with [`CustomImageCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CustomImageCreate {
    ///Optional free-text note stored with the image.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub distribution: ::std::option::Option<
        ::cloud_images::digitalocean::types::Distribution,
    >,
    ///Name to give the imported image.
    pub name: ::std::string::String,
    pub region: ::cloud_images::digitalocean::types::RegionSlug,
    ///Tags to attach to the new image (needs the `tag:create` scope).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
    pub url: ::cloud_images::digitalocean::ImportUrl,
}
impl CustomImageCreate {
    ///Makes one from its required fields: `name`, `region`, `url`.
    pub fn new(
        name: impl ::std::convert::Into<::std::string::String>,
        region: impl ::std::convert::Into<
            ::cloud_images::digitalocean::types::RegionSlug,
        >,
        url: impl ::std::convert::Into<::cloud_images::digitalocean::ImportUrl>,
    ) -> Self {
        Self {
            description: ::std::option::Option::None,
            distribution: ::std::option::Option::None,
            name: name.into(),
            region: region.into(),
            tags: ::std::option::Option::None,
            url: url.into(),
        }
    }
    ///Sets `description`: Optional free-text note stored with the image.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `distribution`.
    pub fn distribution(
        mut self,
        distribution: impl ::std::convert::Into<
            ::cloud_images::digitalocean::types::Distribution,
        >,
    ) -> Self {
        self.distribution = ::std::option::Option::Some(distribution.into());
        self
    }
    ///Sets `tags`: Tags to attach to the new image (needs the `tag:create` scope).
    pub fn tags(
        mut self,
        tags: impl ::std::iter::IntoIterator<
            Item = impl ::std::convert::Into<::std::string::String>,
        >,
    ) -> Self {
        self.tags = ::std::option::Option::Some(
            tags.into_iter().map(::std::convert::Into::into).collect(),
        );
        self
    }
}
///Body of every non-2xx response.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ErrorResponse {
    ///Machine-readable error code, e.g. `not_found` or `too_many_requests`.
    pub id: ::std::string::String,
    ///Human-readable explanation of the error.
    pub message: ::std::string::String,
    ///Server-side id of the request; quote it when contacting support.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub request_id: ::std::option::Option<::std::string::String>,
}
///An image that Droplets can be created from: a snapshot, backup, custom import, or a public distribution / 1-Click image. Only `id` is guaranteed (`x-client-required`): every other field is optional, since the placeholder returned by an import (202) can be partial. An answer without an `id` is a decoding error.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Image {
    ///Creation time, RFC 3339 in UTC with a `Z` suffix.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created_at: ::std::option::Option<::std::string::String>,
    ///Free-text note attached to the image; may be empty.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub distribution: ::std::option::Option<
        ::cloud_images::digitalocean::types::Distribution,
    >,
    ///Why a custom image import failed; empty or absent otherwise.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_message: ::std::option::Option<::std::string::String>,
    ///Unique numeric id of the image. Assigned by the server.
    pub id: u64,
    ///Smallest Droplet disk, in GB, that can boot this image.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub min_disk_size: ::std::option::Option<u64>,
    ///Human-readable name shown in the control panel.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    ///True for images offered to every account, false for images owned by yours.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub public: ::std::option::Option<bool>,
    ///Slugs of the regions in which the image is stored and usable.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub regions: ::std::vec::Vec<::cloud_images::digitalocean::types::RegionSlug>,
    ///Stored size of the image in GB (fractional).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub size_gigabytes: ::std::option::Option<f64>,
    ///Stable text id of a public image (e.g. `debian-12-x64`); null for private images.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub slug: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::digitalocean::types::ImageStatus>,
    ///Tags attached to the image. Setting tags needs the `tag:create` scope.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub tags: ::std::vec::Vec<::std::string::String>,
    #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
    pub type_: ::std::option::Option<::cloud_images::digitalocean::types::ImageType>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Body of `imageActions_post`. Send `{"type": "convert"}` or `{"type": "transfer", "region": "<slug>"}`; the server rejects a transfer without `region`.
///
///Made with [`ImageActionCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageActionCreate {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub region: ::std::option::Option<::cloud_images::digitalocean::types::RegionSlug>,
    #[serde(rename = "type")]
    pub type_: ::cloud_images::digitalocean::types::ImageActionType,
}
impl ImageActionCreate {
    ///Makes one from its required fields: `type`.
    pub fn new(
        type_: impl ::std::convert::Into<
            ::cloud_images::digitalocean::types::ImageActionType,
        >,
    ) -> Self {
        Self {
            region: ::std::option::Option::None,
            type_: type_.into(),
        }
    }
    ///Sets `region`.
    pub fn region(
        mut self,
        region: impl ::std::convert::Into<
            ::cloud_images::digitalocean::types::RegionSlug,
        >,
    ) -> Self {
        self.region = ::std::option::Option::Some(region.into());
        self
    }
}
///One page of images.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageList {
    ///The images on this page. Required (`x-client-required`): an answer without `images` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub images: ::std::vec::Vec<Image>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub links: ::std::option::Option<::std::boxed::Box<PageLinks>>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub meta: ::std::option::Option<::std::boxed::Box<Meta>>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Envelope for a single image.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageResponse {
    pub image: Image,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Body of `images_update`. Omitted fields are left unchanged; `distribution` and `description` can only be changed on custom images.
///
///Made with [`ImageUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ImageUpdate {
    ///New free-text note (custom images only).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub distribution: ::std::option::Option<
        ::cloud_images::digitalocean::types::Distribution,
    >,
    ///New display name.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
}
impl ImageUpdate {
    ///Makes one with nothing set.
    pub fn new() -> Self {
        Self {
            description: ::std::option::Option::None,
            distribution: ::std::option::Option::None,
            name: ::std::option::Option::None,
        }
    }
    ///Sets `description`: New free-text note (custom images only).
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `distribution`.
    pub fn distribution(
        mut self,
        distribution: impl ::std::convert::Into<
            ::cloud_images::digitalocean::types::Distribution,
        >,
    ) -> Self {
        self.distribution = ::std::option::Option::Some(distribution.into());
        self
    }
    ///Sets `name`: New display name.
    pub fn name(
        mut self,
        name: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.name = ::std::option::Option::Some(name.into());
        self
    }
}
///Metadata about a paginated list. Documented as always present, but answers without it happen; the total is then unknown.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Meta {
    ///Number of objects across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub total: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Navigation links of a paginated list. The server omits the whole object when the result fits in one page (20 objects or fewer).
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PageLinks {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<::std::boxed::Box<PageLinksPages>>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Absolute URLs of neighbouring pages. Only the links that make sense are present: no `first`/`prev` on the first page, no `next`/`last` on the last one.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PageLinksPages {
    ///Absolute URL of the first page.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub first: ::std::option::Option<::std::string::String>,
    ///Absolute URL of the last page.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub last: ::std::option::Option<::std::string::String>,
    ///Absolute URL of the next page; absent on the last page.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub next: ::std::option::Option<::std::string::String>,
    ///Absolute URL of the previous page.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub prev: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///A datacenter region as embedded in an action.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Region {
    ///Whether new Droplets can currently be created in the region.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub available: ::std::option::Option<bool>,
    ///Capabilities offered in the region, e.g. `backups`, `ipv6`, `image_transfer`.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub features: ::std::vec::Vec<::std::string::String>,
    ///Display name, e.g. `Frankfurt 1`.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub name: ::std::option::Option<::std::string::String>,
    ///Droplet size slugs offered in the region (only filled in for tokens with `sizes:read`).
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub sizes: ::std::vec::Vec<::std::string::String>,
    ///Short code of the region, e.g. `fra1`.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub slug: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
