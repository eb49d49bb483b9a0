///An empty JSON object `{}`, returned by operations that have nothing to report.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[serde(transparent)]
#[non_exhaustive]
pub struct EmptyObject(
    pub ::serde_json::Map<::std::string::String, ::serde_json::Value>,
);
impl ::std::ops::Deref for EmptyObject {
    type Target = ::serde_json::Map<::std::string::String, ::serde_json::Value>;
    fn deref(&self) -> &::serde_json::Map<::std::string::String, ::serde_json::Value> {
        &self.0
    }
}
impl ::std::convert::From<EmptyObject>
for ::serde_json::Map<::std::string::String, ::serde_json::Value> {
    fn from(value: EmptyObject) -> Self {
        value.0
    }
}
impl ::std::convert::From<::serde_json::Map<::std::string::String, ::serde_json::Value>>
for EmptyObject {
    fn from(
        value: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    ) -> Self {
        Self(value)
    }
}
///A single problem with the request.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ErrorItem {
    ///Request field the problem relates to (nested fields joined with `.`); absent or `null` if it concerns the request as a whole.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub field: ::std::option::Option<::std::string::String>,
    ///Human-readable explanation of what went wrong.
    pub reason: ::std::string::String,
}
///Error body returned with any non-2xx status.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ErrorResponse {
    ///One entry per problem found.
    pub errors: ::std::vec::Vec<ErrorItem>,
}
///A Linode image: a public distribution image (`linode/...`), a private image of your account (`private/...`) or an image shared with you (`shared/...`). Fields other than `label`, `description` and `tags` are read-only.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Image {
    ///Open-ended list of features the image supports, e.g. `cloud-init` or `distributed-sites`. Expect values not listed here.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub capabilities: ::std::vec::Vec<::std::string::String>,
    ///When the image was created. Timestamp in UTC without an offset, e.g. `2021-08-14T22:44:02` (not RFC 3339, so it is declared as a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///The user who made the image; `linode` on public images, `null` on automatic images (their Linode is gone) and on shared images.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created_by: ::std::option::Option<::std::string::String>,
    ///`true` if the image is marked as deprecated, which can happen to public images only. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub deprecated: ::std::option::Option<bool>,
    ///Free-form longer description; `null` when none was set.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Planned end-of-life date of a public image; `null` for private images. Timestamp in UTC without an offset, e.g. `2021-08-14T22:44:02` (not RFC 3339, so it is declared as a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub eol: ::std::option::Option<::std::string::String>,
    ///When an `automatic` image (kept after its Linode was deleted) expires; `null` otherwise. Timestamp in UTC without an offset, e.g. `2021-08-14T22:44:02` (not RFC 3339, so it is declared as a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub expiry: ::std::option::Option<::std::string::String>,
    ///Image id, e.g. `linode/debian12`, `private/12345` or `shared/12345`. Pass it as `imageId`.
    pub id: ::std::string::String,
    ///Share-group details: `null` on public images, `shared_with` filled on your own images, `shared_by` filled on `shared/` images.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub image_sharing: ::std::option::Option<::std::boxed::Box<ImageSharing>>,
    ///`true` for public distribution images, `false` for account-specific ones. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub is_public: ::std::option::Option<bool>,
    ///Whether the image has ever been offered through a share group (`true` can stay after the last share is gone). `false` on public images, `null` on `shared/` images.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub is_shared: ::std::option::Option<::cloud_images::linode::IsShared>,
    ///Short human-readable name. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///Where the image is stored and the state of each copy. Public images answer `null` here, not an empty list.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub regions: ::std::vec::Vec<ImageRegion>,
    ///Minimum disk size needed to deploy the image, in megabytes (MB). Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub size: ::std::option::Option<u64>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::linode::types::ImageStatus>,
    ///Tags used to organise the image. Filterable.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub tags: ::std::vec::Vec<::std::string::String>,
    ///Storage used by all copies of the image across all its regions, in bytes. Replication is billed on this value.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub total_size: ::std::option::Option<u64>,
    #[serde(rename = "type", skip_serializing_if = "::std::option::Option::is_none")]
    pub type_: ::std::option::Option<::cloud_images::linode::types::ImageType>,
    ///When the image was last modified, a UTC timestamp without an offset such as `2021-08-14T22:44:02` (so a plain string, not RFC 3339). `null` on automatic images and on a share that was never edited.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    ///Upstream distribution vendor, e.g. `Debian`; `null` for private images. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub vendor: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `post-image`.
///
///Made with [`ImageCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageCreate {
    ///Mark the image as supporting cloud-init.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub cloud_init: ::std::option::Option<bool>,
    ///Longer description, 1 to 65000 characters.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Id of the Linode disk to capture.
    pub disk_id: u64,
    ///Name of the new image. Defaults to the label of the disk.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///Tags for the new image. Optional. Each tag must be 3 to 100 characters long; at most 500 tags per image. Sending `null` or leaving the field out sets no tags.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl ImageCreate {
    ///Makes one from its required fields: `disk_id`.
    pub fn new(disk_id: u64) -> Self {
        Self {
            cloud_init: ::std::option::Option::None,
            description: ::std::option::Option::None,
            disk_id,
            label: ::std::option::Option::None,
            tags: ::std::option::Option::None,
        }
    }
    ///Sets `cloud_init`: Mark the image as supporting cloud-init.
    pub fn cloud_init(mut self, cloud_init: bool) -> Self {
        self.cloud_init = ::std::option::Option::Some(cloud_init);
        self
    }
    ///Sets `description`: Longer description, 1 to 65000 characters.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `label`: Name of the new image. Defaults to the label of the disk.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
    ///Sets `tags`: Tags for the new image. Optional. Each tag must be 3 to 100 characters long; at most 500 tags per image. Sending `null` or leaving the field out sets no tags.
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
///One page of the image list.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagePage {
    ///Images on this page. Required (`x-client-required`): an answer without `data` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub data: ::std::vec::Vec<Image>,
    ///Number of this page (1-based).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub page: ::std::option::Option<u64>,
    ///Total number of pages for the current filter and page size.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<u64>,
    ///Total number of images across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub results: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///One copy of an image in one region.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageRegion {
    ///Region id, e.g. `us-iad`.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub region: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::linode::types::ImageRegionStatus>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `post-replicate-image`.
///
///Made with [`ImageReplicate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageReplicate {
    ///Complete list of region ids the image should be stored in, e.g. `["us-iad", "us-west"]`. Replaces the current list; must not be empty.
    pub regions: ::std::vec::Vec<::std::string::String>,
}
impl ImageReplicate {
    ///Makes one from its required fields: `regions`.
    pub fn new(
        regions: impl ::std::iter::IntoIterator<
            Item = impl ::std::convert::Into<::std::string::String>,
        >,
    ) -> Self {
        Self {
            regions: regions.into_iter().map(::std::convert::Into::into).collect(),
        }
    }
}
///A private image to share, with the share's own label and description (both default to the source image's).
///
///Made with [`ImageShareInput::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageShareInput {
    ///Description of the share.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Id of a private image of this account, e.g. `private/160700`.
    pub id: ::std::string::String,
    ///Label of the share.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
}
impl ImageShareInput {
    ///Makes one from its required fields: `id`.
    pub fn new(id: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            description: ::std::option::Option::None,
            id: id.into(),
            label: ::std::option::Option::None,
        }
    }
    ///Sets `description`: Description of the share.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `label`: Label of the share.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
}
///One page of shared images: each an `Image` with `type: shared`, an id `shared/...`, `is_shared: null` and `image_sharing.shared_by` set.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageSharePage {
    ///Shared images on this page. Required (`x-client-required`): an answer without `data` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub data: ::std::vec::Vec<Image>,
    ///Number of this page (1-based).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub page: ::std::option::Option<u64>,
    ///Total number of pages for the current filter and page size.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<u64>,
    ///Total number of items across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub results: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `put-sharegroup-imageshare`. Only the fields present are changed.
///
///Made with [`ImageShareUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ImageShareUpdate {
    ///New description of the share.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///New label of the share; not empty.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
}
impl ImageShareUpdate {
    ///Makes one with nothing set.
    pub fn new() -> Self {
        Self {
            description: ::std::option::Option::None,
            label: ::std::option::Option::None,
        }
    }
    ///Sets `description`: New description of the share.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `label`: New label of the share; not empty.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
}
///Where an image shared with you comes from.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageSharedBy {
    ///Numeric id of the share group.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_id: ::std::option::Option<u64>,
    ///Label of the share group.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_label: ::std::option::Option<::std::string::String>,
    ///UUID of the share group, as a string.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_uuid: ::std::option::Option<::std::string::String>,
    ///Id of the original image in the sharing account, if disclosed.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub source_image_id: ::std::option::Option<::std::string::String>,
    ///Label of the original image in the sharing account, if disclosed.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub source_image_label: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///How widely one of your images is shared.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageSharedWith {
    ///Number of share groups that contain the image.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_count: ::std::option::Option<u64>,
    ///API path listing those share groups.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_list_url: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Share-group details of an image. If you share the image, `shared_with` is set and `shared_by` is `null`; if the image is shared with you, `shared_by` is set and `shared_with` is `null`.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageSharing {
    ///Set when the image was shared with you by another account.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub shared_by: ::std::option::Option<::std::boxed::Box<ImageSharedBy>>,
    ///Set when the image belongs to you and is offered through share groups.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub shared_with: ::std::option::Option<::std::boxed::Box<ImageSharedWith>>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `put-image`. Only the fields present are changed.
///
///Made with [`ImageUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ImageUpdate {
    ///New description, 1 to 65000 characters.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///New name of the image.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///New complete tag list; replaces the old one. Send `[]` to remove all tags. Each tag must be 3 to 100 characters long; at most 500 tags.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl ImageUpdate {
    ///Makes one with nothing set.
    pub fn new() -> Self {
        Self {
            description: ::std::option::Option::None,
            label: ::std::option::Option::None,
            tags: ::std::option::Option::None,
        }
    }
    ///Sets `description`: New description, 1 to 65000 characters.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `label`: New name of the image.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
    ///Sets `tags`: New complete tag list; replaces the old one. Send `[]` to remove all tags. Each tag must be 3 to 100 characters long; at most 500 tags.
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
///Response of `post-upload-image`.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageUpload {
    pub image: Image,
    pub upload_to: ::cloud_images::linode::UploadUrl,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `post-upload-image`.
///
///Made with [`ImageUploadCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageUploadCreate {
    ///Mark the image as supporting cloud-init.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub cloud_init: ::std::option::Option<bool>,
    ///Longer description, 1 to 65000 characters.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Name of the new image.
    pub label: ::std::string::String,
    ///Region to upload into, e.g. `us-east`; must be a core region with Object Storage. The image can be deployed anywhere afterwards.
    pub region: ::std::string::String,
    ///Tags for the new image. Optional. Each tag must be 3 to 100 characters long; at most 500 tags per image. Sending `null` or leaving the field out sets no tags.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub tags: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
}
impl ImageUploadCreate {
    ///Makes one from its required fields: `label`, `region`.
    pub fn new(
        label: impl ::std::convert::Into<::std::string::String>,
        region: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            cloud_init: ::std::option::Option::None,
            description: ::std::option::Option::None,
            label: label.into(),
            region: region.into(),
            tags: ::std::option::Option::None,
        }
    }
    ///Sets `cloud_init`: Mark the image as supporting cloud-init.
    pub fn cloud_init(mut self, cloud_init: bool) -> Self {
        self.cloud_init = ::std::option::Option::Some(cloud_init);
        self
    }
    ///Sets `description`: Longer description, 1 to 65000 characters.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `tags`: Tags for the new image. Optional. Each tag must be 3 to 100 characters long; at most 500 tags per image. Sending `null` or leaving the field out sets no tags.
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
///Request body of `post-sharegroup-members`.
///
///Made with [`MemberAdd::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberAdd {
    ///The owner's name for the new member.
    pub label: ::std::string::String,
    pub token: ::cloud_images::linode::MembershipToken,
}
impl MemberAdd {
    ///Makes one from its required fields: `label`, `token`.
    pub fn new(
        label: impl ::std::convert::Into<::std::string::String>,
        token: impl ::std::convert::Into<::cloud_images::linode::MembershipToken>,
    ) -> Self {
        Self {
            label: label.into(),
            token: token.into(),
        }
    }
}
///A share group as a member sees it through a token: no counts, no expiry.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberShareGroup {
    ///When the group was created. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///Free text.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Numeric id of the group.
    pub id: u64,
    ///Whether the group is suspended.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub is_suspended: ::std::option::Option<bool>,
    ///Name of the group.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///When the group was last changed; `null` until then. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    ///UUID of the group, as a string.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub uuid: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `put-sharegroup-member-token`.
///
///Made with [`MemberUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MemberUpdate {
    ///The owner's new name for the member.
    pub label: ::std::string::String,
}
impl MemberUpdate {
    ///Makes one from its required fields: `label`.
    pub fn new(label: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { label: label.into() }
    }
}
///A member of a share group, as the group's owner sees it.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Membership {
    ///When the account became a member. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///When the membership expires. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub expiry: ::std::option::Option<::std::string::String>,
    ///The owner's own name for the member, visible only to the owner. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::linode::types::MembershipStatus>,
    ///Id of the member's token (`tokenUuid` in paths); not the secret `token`. Filterable.
    pub token_uuid: ::std::string::String,
    ///When the membership was last changed. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///One page of memberships.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct MembershipPage {
    ///Memberships on this page. Required (`x-client-required`): an answer without `data` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub data: ::std::vec::Vec<Membership>,
    ///Number of this page (1-based).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub page: ::std::option::Option<u64>,
    ///Total number of pages for the current filter and page size.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<u64>,
    ///Total number of items across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub results: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///A share group as its owner sees it: a set of private images offered to other accounts.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ShareGroup {
    ///When the group was created. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///Free text; the live API sends `""` when none was given.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///When the group expires; `null` in every answer seen so far. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub expiry: ::std::option::Option<::std::string::String>,
    ///Numeric id, used in the owner's paths (`sharegroupId`).
    pub id: u64,
    ///Number of images shared in the group.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub images_count: ::std::option::Option<u64>,
    ///Whether the group is suspended.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub is_suspended: ::std::option::Option<bool>,
    ///Name of the group. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///Number of accounts with access.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub members_count: ::std::option::Option<u64>,
    ///When the group was last changed; `null` until then. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    ///UUID of the group, as a string. Would-be members need it to create a token (`valid_for_sharegroup_uuid`); not to be confused with `id`.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub uuid: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `post-sharegroups`.
///
///Made with [`ShareGroupCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ShareGroupCreate {
    ///Free text.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///Private images to share at once.
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub images: ::std::vec::Vec<ImageShareInput>,
    ///Name of the group.
    pub label: ::std::string::String,
}
impl ShareGroupCreate {
    ///Makes one from its required fields: `label`.
    pub fn new(label: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            description: ::std::option::Option::None,
            images: ::std::default::Default::default(),
            label: label.into(),
        }
    }
    ///Sets `description`: Free text.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `images`: Private images to share at once.
    pub fn images(
        mut self,
        images: impl ::std::iter::IntoIterator<
            Item = impl ::std::convert::Into<ImageShareInput>,
        >,
    ) -> Self {
        self.images = images.into_iter().map(::std::convert::Into::into).collect();
        self
    }
}
///Request body of `post-sharegroup-images`.
///
///Made with [`ShareGroupImagesAdd::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ShareGroupImagesAdd {
    ///The private images to share; at least one.
    pub images: ::std::vec::Vec<ImageShareInput>,
}
impl ShareGroupImagesAdd {
    ///Makes one from its required fields: `images`.
    pub fn new(
        images: impl ::std::iter::IntoIterator<
            Item = impl ::std::convert::Into<ImageShareInput>,
        >,
    ) -> Self {
        Self {
            images: images.into_iter().map(::std::convert::Into::into).collect(),
        }
    }
}
///One page of share groups.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ShareGroupPage {
    ///Share groups on this page. Required (`x-client-required`): an answer without `data` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub data: ::std::vec::Vec<ShareGroup>,
    ///Number of this page (1-based).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub page: ::std::option::Option<u64>,
    ///Total number of pages for the current filter and page size.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<u64>,
    ///Total number of items across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub results: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `put-sharegroup`. Only the fields present are changed.
///
///Made with [`ShareGroupUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ShareGroupUpdate {
    ///New description.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub description: ::std::option::Option<::std::string::String>,
    ///New name of the group; not empty.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
}
impl ShareGroupUpdate {
    ///Makes one with nothing set.
    pub fn new() -> Self {
        Self {
            description: ::std::option::Option::None,
            label: ::std::option::Option::None,
        }
    }
    ///Sets `description`: New description.
    pub fn description(
        mut self,
        description: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.description = ::std::option::Option::Some(description.into());
        self
    }
    ///Sets `label`: New name of the group; not empty.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
}
///A membership token as the member that made it sees it (without the secret).
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Token {
    ///When the token was created. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///When the token expires. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub expiry: ::std::option::Option<::std::string::String>,
    ///The member's own name for the token. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///Label of that group; `null` until the owner accepts it. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_label: ::std::option::Option<::std::string::String>,
    ///UUID of the group the token belongs to; `null` until the owner accepts it. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_uuid: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::linode::types::TokenStatus>,
    ///Id of the token, for the paths (`tokenUuid`); the owner sees the same id on the membership.
    pub token_uuid: ::std::string::String,
    ///When the token was last changed. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    ///UUID of the group the token was made for. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub valid_for_sharegroup_uuid: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `post-sharegroup-tokens`.
///
///Made with [`TokenCreate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TokenCreate {
    ///The member's own name for the token.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///UUID of the share group to join (its `uuid`, not its `id`).
    pub valid_for_sharegroup_uuid: ::std::string::String,
}
impl TokenCreate {
    ///Makes one from its required fields: `valid_for_sharegroup_uuid`.
    pub fn new(
        valid_for_sharegroup_uuid: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            label: ::std::option::Option::None,
            valid_for_sharegroup_uuid: valid_for_sharegroup_uuid.into(),
        }
    }
    ///Sets `label`: The member's own name for the token.
    pub fn label(
        mut self,
        label: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.label = ::std::option::Option::Some(label.into());
        self
    }
}
///The answer to `post-sharegroup-tokens`: the token, with its secret. The only answer that carries `token`.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TokenCreated {
    ///When the token was created. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub created: ::std::option::Option<::std::string::String>,
    ///When the token expires. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub expiry: ::std::option::Option<::std::string::String>,
    ///The member's own name for the token. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub label: ::std::option::Option<::std::string::String>,
    ///Label of that group; `null` until the owner accepts it. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_label: ::std::option::Option<::std::string::String>,
    ///UUID of the group the token belongs to; `null` until the owner accepts it. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub sharegroup_uuid: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub status: ::std::option::Option<::cloud_images::linode::types::TokenStatus>,
    pub token: ::cloud_images::linode::MembershipToken,
    ///Id of the token, for the paths (`tokenUuid`); the owner sees the same id on the membership.
    pub token_uuid: ::std::string::String,
    ///When the token was last changed. A UTC timestamp without an offset, e.g. `2025-04-14T22:44:02` (not RFC 3339, so a plain string).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub updated: ::std::option::Option<::std::string::String>,
    ///UUID of the group the token was made for. Filterable.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub valid_for_sharegroup_uuid: ::std::option::Option<::std::string::String>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///One page of membership tokens.
///
///Read from the API's answers: outside this crate it is only made by decoding JSON (`serde_json::from_value`, or a client call). The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TokenPage {
    ///Tokens on this page. Required (`x-client-required`): an answer without `data` is a decoding error, not an empty page; `null` is an empty page.
    #[serde(deserialize_with = "crate::decode::null_as_empty")]
    pub data: ::std::vec::Vec<Token>,
    ///Number of this page (1-based).
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub page: ::std::option::Option<u64>,
    ///Total number of pages for the current filter and page size.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub pages: ::std::option::Option<u64>,
    ///Total number of items across all pages.
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub results: ::std::option::Option<u64>,
    #[serde(flatten)]
    pub extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
}
///Request body of `put-sharegroup-token`.
///
///Made with [`TokenUpdate::new`], from the required fields; each optional field is set with the method named after it. The fields are there to read: a field added to the spec is not a breaking change.
#[derive(::serde::Deserialize, ::serde::Serialize, Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TokenUpdate {
    ///The new name of the token.
    pub label: ::std::string::String,
}
impl TokenUpdate {
    ///Makes one from its required fields: `label`.
    pub fn new(label: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { label: label.into() }
    }
}
