#[allow(unused_imports)]
use super::types;
/// Appends `value` to `out` as one path segment (`private/123` as `private%2F123`): RFC
/// 3986 "unreserved" characters (letters, digits, `-`, `.`, `_`, `~`) stay; every other
/// byte, `/` and those of non-ASCII characters included, is percent-encoded, a byte at a
/// time: the path of `get-image private/1234` takes 290 instructions where
/// `percent-encoding`'s iterator took 450 (callgrind; it runs on every call).
#[allow(dead_code)]
pub(crate) fn push_segment(out: &mut ::std::string::String, value: &str) {
    fn hex(nibble: u8) -> char {
        match nibble {
            0..=9 => char::from(b'0' + nibble),
            _ => char::from(b'A' + (nibble & 0x0f) - 10),
        }
    }
    out.reserve(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 0x0f));
        }
    }
}
/// Appends a number to `out` (numbers need no encoding).
#[allow(dead_code)]
fn push_number(out: &mut ::std::string::String, value: impl ::std::fmt::Display) {
    use ::std::fmt::Write as _;
    let _ = write!(out, "{value}");
}
/**`GET /images` (operationId `get-images`): List images

Returns one page of images visible to the caller. Without a token only public images (ids starting with `linode/`) are listed; with a token the account's private (`private/...`) and shared (`shared/...`) images are included as well. Pages are 1-based; `page_size` may be 25 to 500 and defaults to 100. Use the `X-Filter` header to filter or sort server-side. OAuth scope: `images:read_only`.

Made with [`GetImages::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetImages {
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Number of images per page, between 25 and 500 inclusive. Defaults to 100.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON object (serialised as a string) that narrows and sorts the list. A plain object such as `{"is_public": false}` matches fields by equality. Operator keys: `+and` / `+or` take an array of such objects (all / at least one must match); `+gt`, `+gte`, `+lt`, `+lte` compare a numeric field with a number; `+contains` matches a substring; `+neq` excludes a value; `+order_by` names the field to sort by and `+order` is `asc` (default) or `desc` and only works together with `+order_by`. Operators are nested under a field name, e.g. `{"size": {"+lte": 5000}, "+order_by": "label", "+order": "desc"}`. Fields that can be filtered on: `deprecated`, `is_public`, `label`, `size`, `status`, `tags`, `type`, `vendor`, `is_shared`. `status` cannot be used with `+order_by`/`+order`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetImages {
    ///A `get-images` request, from its required parts.
    pub fn new() -> Self {
        Self {
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetImages {
    type Response = types::ImagePage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-images";
    const PATH_TEMPLATE: &'static str = "/images";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetImages {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images");
    }
}
/**`POST /images` (operationId `post-image`): Capture an image from a Linode disk

Creates a private image by capturing the disk `disk_id` of one of your Linodes. The image is stored in Object Storage in the region of the source Linode and starts with status `creating`. Capturing an encrypted disk yields an unencrypted image (disks rebuilt from it are encrypted again). OAuth scopes: `images:read_write` and `linodes:read_only`.

Made with [`PostImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostImage {
    ///The JSON request body.
    pub body: types::ImageCreate,
}
impl PostImage {
    ///A `post-image` request, from its required parts.
    pub fn new(body: impl ::std::convert::Into<types::ImageCreate>) -> Self {
        Self { body: body.into() }
    }
}
impl crate::Operation for PostImage {
    type Response = types::Image;
    type Body = types::ImageCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-image";
    const PATH_TEMPLATE: &'static str = "/images";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images");
    }
}
/**`POST /images/upload` (operationId `post-upload-image`): Create an image for upload

Creates an empty private image (status `pending_upload`) and returns it together with a pre-signed `upload_to` URL. Upload the disk data in a second request: an HTTP `PUT` of a raw disk image (`.img`) compressed with gzip (`.img.gz`), at most 5 GB compressed and 6 GB uncompressed, with header `Content-Type: application/octet-stream` and without the `Authorization` header (the URL carries its own signature). The upload must finish within 24 hours, otherwise the API cancels it and deletes the image. `region` must be a core region with Object Storage. OAuth scope: `images:read_write`.

Made with [`PostUploadImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostUploadImage {
    ///The JSON request body.
    pub body: types::ImageUploadCreate,
}
impl PostUploadImage {
    ///A `post-upload-image` request, from its required parts.
    pub fn new(body: impl ::std::convert::Into<types::ImageUploadCreate>) -> Self {
        Self { body: body.into() }
    }
}
impl crate::Operation for PostUploadImage {
    type Response = types::ImageUpload;
    type Body = types::ImageUploadCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-upload-image";
    const PATH_TEMPLATE: &'static str = "/images/upload";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostUploadImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/upload");
    }
}
/**`GET /images/{imageId}` (operationId `get-image`): Get an image

Returns a single image by id. Public images (`linode/...`) can be fetched without a token; private and shared images need one. OAuth scope: `images:read_only`.

Made with [`GetImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetImage {
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
}
impl GetImage {
    ///A `get-image` request, from its required parts.
    pub fn new(image_id: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { image_id: image_id.into() }
    }
}
impl crate::Operation for GetImage {
    type Response = types::Image;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-image";
    const PATH_TEMPLATE: &'static str = "/images/{imageId}";
}
impl crate::operation::sealed::WritePath for GetImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/");
        push_segment(out, &self.image_id);
    }
}
/**`PUT /images/{imageId}` (operationId `put-image`): Update an image

Changes the label, description or tags of a private image you have `read_write` access to. Fields left out stay unchanged. Regions cannot be changed here; use `post-replicate-image`. OAuth scope: `images:read_write`.

Made with [`PutImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PutImage {
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
    ///The JSON request body.
    pub body: types::ImageUpdate,
}
impl PutImage {
    ///A `put-image` request, from its required parts.
    pub fn new(
        image_id: impl ::std::convert::Into<::std::string::String>,
        body: impl ::std::convert::Into<types::ImageUpdate>,
    ) -> Self {
        Self {
            image_id: image_id.into(),
            body: body.into(),
        }
    }
}
impl crate::Operation for PutImage {
    type Response = types::Image;
    type Body = types::ImageUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "put-image";
    const PATH_TEMPLATE: &'static str = "/images/{imageId}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PutImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/");
        push_segment(out, &self.image_id);
    }
}
/**`DELETE /images/{imageId}` (operationId `delete-image`): Delete an image

Deletes a private image, including all its replicas in every region. This cannot be undone. On success the API answers 200 with an empty JSON object `{}` (not 204). OAuth scope: `images:read_write`.

Made with [`DeleteImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteImage {
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
}
impl DeleteImage {
    ///A `delete-image` request, from its required parts.
    pub fn new(image_id: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { image_id: image_id.into() }
    }
}
impl crate::Operation for DeleteImage {
    type Response = types::EmptyObject;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "delete-image";
    const PATH_TEMPLATE: &'static str = "/images/{imageId}";
}
impl crate::operation::sealed::WritePath for DeleteImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/");
        push_segment(out, &self.image_id);
    }
}
/**`POST /images/{imageId}/regions` (operationId `post-replicate-image`): Set the regions of an image

Replicates a private image so that it is stored in exactly the given regions. The list replaces the current one: a region that is left out (including the original one) loses its copy. An empty list is rejected; delete the image instead. The image must have status `available`, and every region must support Object Storage. Replicas are billed by stored size (see `total_size`). OAuth scope: `images:read_write`.

Made with [`PostReplicateImage::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostReplicateImage {
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
    ///The JSON request body.
    pub body: types::ImageReplicate,
}
impl PostReplicateImage {
    ///A `post-replicate-image` request, from its required parts.
    pub fn new(
        image_id: impl ::std::convert::Into<::std::string::String>,
        body: impl ::std::convert::Into<types::ImageReplicate>,
    ) -> Self {
        Self {
            image_id: image_id.into(),
            body: body.into(),
        }
    }
}
impl crate::Operation for PostReplicateImage {
    type Response = types::Image;
    type Body = types::ImageReplicate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-replicate-image";
    const PATH_TEMPLATE: &'static str = "/images/{imageId}/regions";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostReplicateImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/");
        push_segment(out, &self.image_id);
        out.push_str("/regions");
    }
}
/**`GET /images/sharegroups` (operationId `get-sharegroups`): List your share groups

Returns one page of the share groups this account owns. Groups the account is a member of are not listed here; see `get-sharegroup-by-token`. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroups::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroups {
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetSharegroups {
    ///A `get-sharegroups` request, from its required parts.
    pub fn new() -> Self {
        Self {
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetSharegroups {
    type Response = types::ShareGroupPage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroups";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetSharegroups {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups");
    }
}
/**`POST /images/sharegroups` (operationId `post-sharegroups`): Create a share group

Creates a share group owned by this account, optionally sharing some private images in it at once (the same as creating it and then calling `post-sharegroup-images`). Hand the new group's `uuid` to the accounts that should join it. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PostSharegroups::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostSharegroups {
    ///The JSON request body.
    pub body: types::ShareGroupCreate,
}
impl PostSharegroups {
    ///A `post-sharegroups` request, from its required parts.
    pub fn new(body: impl ::std::convert::Into<types::ShareGroupCreate>) -> Self {
        Self { body: body.into() }
    }
}
impl crate::Operation for PostSharegroups {
    type Response = types::ShareGroup;
    type Body = types::ShareGroupCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-sharegroups";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostSharegroups {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups");
    }
}
/**`GET /images/sharegroups/tokens` (operationId `get-user-tokens`): List your membership tokens

Returns one page of the membership tokens this account created to join other accounts' share groups. The secret `token` itself is never listed. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetUserTokens::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetUserTokens {
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`, `status`, `valid_for_sharegroup_uuid`, `sharegroup_uuid`, `sharegroup_label`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetUserTokens {
    ///A `get-user-tokens` request, from its required parts.
    pub fn new() -> Self {
        Self {
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetUserTokens {
    type Response = types::TokenPage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-user-tokens";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetUserTokens {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens");
    }
}
/**`POST /images/sharegroups/tokens` (operationId `post-sharegroup-tokens`): Create a membership token

Asks to join the share group whose `uuid` is `valid_for_sharegroup_uuid`. The answer carries the secret single-use `token`, once: it cannot be read again. Give it to the group's owner, who adds the membership with `post-sharegroup-members`. A token for a group this account owns is refused (400). Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PostSharegroupTokens::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostSharegroupTokens {
    ///The JSON request body.
    pub body: types::TokenCreate,
}
impl PostSharegroupTokens {
    ///A `post-sharegroup-tokens` request, from its required parts.
    pub fn new(body: impl ::std::convert::Into<types::TokenCreate>) -> Self {
        Self { body: body.into() }
    }
}
impl crate::Operation for PostSharegroupTokens {
    type Response = types::TokenCreated;
    type Body = types::TokenCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-sharegroup-tokens";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostSharegroupTokens {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens");
    }
}
/**`GET /images/sharegroups/tokens/{tokenUuid}` (operationId `get-sharegroup-token`): Get a membership token

Returns one of this account's membership tokens, e.g. to see whether the owner accepted it (`status` goes from `pending` to `active`). An unknown `tokenUuid` is a 404. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupToken {
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
}
impl GetSharegroupToken {
    ///A `get-sharegroup-token` request, from its required parts.
    pub fn new(token_uuid: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            token_uuid: token_uuid.into(),
        }
    }
}
impl crate::Operation for GetSharegroupToken {
    type Response = types::Token;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens/{tokenUuid}";
}
impl crate::operation::sealed::WritePath for GetSharegroupToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens/");
        push_segment(out, &self.token_uuid);
    }
}
/**`PUT /images/sharegroups/tokens/{tokenUuid}` (operationId `put-sharegroup-token`): Relabel a membership token

Changes the label of one of this account's membership tokens, pending or active. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PutSharegroupToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PutSharegroupToken {
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
    ///The JSON request body.
    pub body: types::TokenUpdate,
}
impl PutSharegroupToken {
    ///A `put-sharegroup-token` request, from its required parts.
    pub fn new(
        token_uuid: impl ::std::convert::Into<::std::string::String>,
        body: impl ::std::convert::Into<types::TokenUpdate>,
    ) -> Self {
        Self {
            token_uuid: token_uuid.into(),
            body: body.into(),
        }
    }
}
impl crate::Operation for PutSharegroupToken {
    type Response = types::Token;
    type Body = types::TokenUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "put-sharegroup-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens/{tokenUuid}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PutSharegroupToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens/");
        push_segment(out, &self.token_uuid);
    }
}
/**`DELETE /images/sharegroups/tokens/{tokenUuid}` (operationId `delete-sharegroup-token`): Delete a membership token

Leaves the share group (or withdraws a pending request): the token is deleted and its images are no longer available to this account. Answers `{}`. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`DeleteSharegroupToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteSharegroupToken {
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
}
impl DeleteSharegroupToken {
    ///A `delete-sharegroup-token` request, from its required parts.
    pub fn new(token_uuid: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            token_uuid: token_uuid.into(),
        }
    }
}
impl crate::Operation for DeleteSharegroupToken {
    type Response = types::EmptyObject;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "delete-sharegroup-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens/{tokenUuid}";
}
impl crate::operation::sealed::WritePath for DeleteSharegroupToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens/");
        push_segment(out, &self.token_uuid);
    }
}
/**`GET /images/sharegroups/tokens/{tokenUuid}/sharegroup` (operationId `get-sharegroup-by-token`): Get the share group of a token

Returns the share group a membership token belongs to, as a member sees it (no counts). Only once the owner has accepted the token. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupByToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupByToken {
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
}
impl GetSharegroupByToken {
    ///A `get-sharegroup-by-token` request, from its required parts.
    pub fn new(token_uuid: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            token_uuid: token_uuid.into(),
        }
    }
}
impl crate::Operation for GetSharegroupByToken {
    type Response = types::MemberShareGroup;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-by-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens/{tokenUuid}/sharegroup";
}
impl crate::operation::sealed::WritePath for GetSharegroupByToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens/");
        push_segment(out, &self.token_uuid);
        out.push_str("/sharegroup");
    }
}
/**`GET /images/sharegroups/tokens/{tokenUuid}/sharegroup/images` (operationId `get-sharegroup-images-by-token`): List the images of a token's share group

Returns one page of the images shared in the group a membership token belongs to: `shared/...` images with `type: shared`. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupImagesByToken::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupImagesByToken {
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`, `tags`, `type`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetSharegroupImagesByToken {
    ///A `get-sharegroup-images-by-token` request, from its required parts.
    pub fn new(token_uuid: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            token_uuid: token_uuid.into(),
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetSharegroupImagesByToken {
    type Response = types::ImageSharePage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-images-by-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/tokens/{tokenUuid}/sharegroup/images";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetSharegroupImagesByToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/tokens/");
        push_segment(out, &self.token_uuid);
        out.push_str("/sharegroup/images");
    }
}
/**`GET /images/sharegroups/{sharegroupId}` (operationId `get-sharegroup`): Get a share group

Returns one share group this account owns. A group owned by someone else, or deleted, is a 404. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroup::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroup {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
}
impl GetSharegroup {
    ///A `get-sharegroup` request, from its required parts.
    pub fn new(sharegroup_id: u64) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
        }
    }
}
impl crate::Operation for GetSharegroup {
    type Response = types::ShareGroup;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}";
}
impl crate::operation::sealed::WritePath for GetSharegroup {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
    }
}
/**`PUT /images/sharegroups/{sharegroupId}` (operationId `put-sharegroup`): Update a share group

Changes the label (not to an empty one) or the description of a share group this account owns. Fields left out stay as they are. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PutSharegroup::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PutSharegroup {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The JSON request body.
    pub body: types::ShareGroupUpdate,
}
impl PutSharegroup {
    ///A `put-sharegroup` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        body: impl ::std::convert::Into<types::ShareGroupUpdate>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for PutSharegroup {
    type Response = types::ShareGroup;
    type Body = types::ShareGroupUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "put-sharegroup";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PutSharegroup {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
    }
}
/**`DELETE /images/sharegroups/{sharegroupId}` (operationId `delete-sharegroup`): Delete a share group

Deletes a share group this account owns: every member loses access to its images. Answers `{}`. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`DeleteSharegroup::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteSharegroup {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
}
impl DeleteSharegroup {
    ///A `delete-sharegroup` request, from its required parts.
    pub fn new(sharegroup_id: u64) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
        }
    }
}
impl crate::Operation for DeleteSharegroup {
    type Response = types::EmptyObject;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "delete-sharegroup";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}";
}
impl crate::operation::sealed::WritePath for DeleteSharegroup {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
    }
}
/**`GET /images/sharegroups/{sharegroupId}/images` (operationId `get-sharegroup-images`): List the images of a share group

Returns one page of the images shared in a group this account owns. Each is a `shared/...` image of its own (`type: shared`, `image_sharing.shared_by` naming the group and the source image). Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupImages::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupImages {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`, `tags`, `type`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetSharegroupImages {
    ///A `get-sharegroup-images` request, from its required parts.
    pub fn new(sharegroup_id: u64) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetSharegroupImages {
    type Response = types::ImageSharePage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-images";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/images";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetSharegroupImages {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/images");
    }
}
/**`POST /images/sharegroups/{sharegroupId}/images` (operationId `post-sharegroup-images`): Share images in a share group

Shares private images of this account in the group. Each becomes a new `shared/...` image; its label and description default to the source image's, and later changes to the source are not copied. The published spec promises one image, but the live API answers a page of the shares made, which is what this spec describes. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PostSharegroupImages::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostSharegroupImages {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The JSON request body.
    pub body: types::ShareGroupImagesAdd,
}
impl PostSharegroupImages {
    ///A `post-sharegroup-images` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        body: impl ::std::convert::Into<types::ShareGroupImagesAdd>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for PostSharegroupImages {
    type Response = types::ImageSharePage;
    type Body = types::ShareGroupImagesAdd;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-sharegroup-images";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/images";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostSharegroupImages {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/images");
    }
}
/**`PUT /images/sharegroups/{sharegroupId}/images/{imageId}` (operationId `put-sharegroup-imageshare`): Update a shared image

Changes the label (not to an empty one) or the description of a shared image (`shared/...`) in a group this account owns. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PutSharegroupImageshare::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PutSharegroupImageshare {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
    ///The JSON request body.
    pub body: types::ImageShareUpdate,
}
impl PutSharegroupImageshare {
    ///A `put-sharegroup-imageshare` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        image_id: impl ::std::convert::Into<::std::string::String>,
        body: impl ::std::convert::Into<types::ImageShareUpdate>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            image_id: image_id.into(),
            body: body.into(),
        }
    }
}
impl crate::Operation for PutSharegroupImageshare {
    type Response = types::Image;
    type Body = types::ImageShareUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "put-sharegroup-imageshare";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/images/{imageId}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PutSharegroupImageshare {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/images/");
        push_segment(out, &self.image_id);
    }
}
/**`DELETE /images/sharegroups/{sharegroupId}/images/{imageId}` (operationId `delete-sharegroup-imageshare`): Stop sharing an image

Removes a shared image (`shared/...`) from a group this account owns: no member can use it any more. Share the source again with `post-sharegroup-images`. Answers `{}`. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`DeleteSharegroupImageshare::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteSharegroupImageshare {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
}
impl DeleteSharegroupImageshare {
    ///A `delete-sharegroup-imageshare` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        image_id: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            image_id: image_id.into(),
        }
    }
}
impl crate::Operation for DeleteSharegroupImageshare {
    type Response = types::EmptyObject;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "delete-sharegroup-imageshare";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/images/{imageId}";
}
impl crate::operation::sealed::WritePath for DeleteSharegroupImageshare {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/images/");
        push_segment(out, &self.image_id);
    }
}
/**`GET /images/sharegroups/{sharegroupId}/members` (operationId `get-sharegroup-members`): List the members of a share group

Returns one page of the memberships of a group this account owns. Revoked memberships stay listed for a while. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupMembers::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupMembers {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`, `status`, `token_uuid`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetSharegroupMembers {
    ///A `get-sharegroup-members` request, from its required parts.
    pub fn new(sharegroup_id: u64) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetSharegroupMembers {
    type Response = types::MembershipPage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-members";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/members";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetSharegroupMembers {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/members");
    }
}
/**`POST /images/sharegroups/{sharegroupId}/members` (operationId `post-sharegroup-members`): Add a member to a share group

Accepts a membership: `token` is the secret a would-be member created with `post-sharegroup-tokens` and handed over; it can be used once. The live API answers a malformed token with a 500 `Invalid token format`. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PostSharegroupMembers::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PostSharegroupMembers {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The JSON request body.
    pub body: types::MemberAdd,
}
impl PostSharegroupMembers {
    ///A `post-sharegroup-members` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        body: impl ::std::convert::Into<types::MemberAdd>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for PostSharegroupMembers {
    type Response = types::Membership;
    type Body = types::MemberAdd;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "post-sharegroup-members";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/members";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PostSharegroupMembers {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/members");
    }
}
/**`GET /images/sharegroups/{sharegroupId}/members/{tokenUuid}` (operationId `get-sharegroup-member-token`): Get a member of a share group

Returns one membership of a group this account owns, by the `token_uuid` the member's token has. An unknown one is a 404. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetSharegroupMemberToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetSharegroupMemberToken {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
}
impl GetSharegroupMemberToken {
    ///A `get-sharegroup-member-token` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        token_uuid: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            token_uuid: token_uuid.into(),
        }
    }
}
impl crate::Operation for GetSharegroupMemberToken {
    type Response = types::Membership;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-sharegroup-member-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/members/{tokenUuid}";
}
impl crate::operation::sealed::WritePath for GetSharegroupMemberToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/members/");
        push_segment(out, &self.token_uuid);
    }
}
/**`PUT /images/sharegroups/{sharegroupId}/members/{tokenUuid}` (operationId `put-sharegroup-member-token`): Relabel a member of a share group

Changes the label the owner gave a membership (only the owner sees it). Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`PutSharegroupMemberToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PutSharegroupMemberToken {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
    ///The JSON request body.
    pub body: types::MemberUpdate,
}
impl PutSharegroupMemberToken {
    ///A `put-sharegroup-member-token` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        token_uuid: impl ::std::convert::Into<::std::string::String>,
        body: impl ::std::convert::Into<types::MemberUpdate>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            token_uuid: token_uuid.into(),
            body: body.into(),
        }
    }
}
impl crate::Operation for PutSharegroupMemberToken {
    type Response = types::Membership;
    type Body = types::MemberUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "put-sharegroup-member-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/members/{tokenUuid}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for PutSharegroupMemberToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/members/");
        push_segment(out, &self.token_uuid);
    }
}
/**`DELETE /images/sharegroups/{sharegroupId}/members/{tokenUuid}` (operationId `delete-sharegroup-member-token`): Revoke a member of a share group

Revokes a membership: the member loses access to the group's images at once; the membership stays readable, with `status: revoked`. Answers `{}`. Beta: served under `v4beta` only. OAuth scope: `images:read_write`.

Made with [`DeleteSharegroupMemberToken::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteSharegroupMemberToken {
    ///Numeric id of a share group (its `id`, not its `uuid`).
    pub sharegroup_id: u64,
    ///The `token_uuid` of a membership token: the same id on the member's side (`/tokens/...`) and on the owner's (`/members/...`). Not the secret `token`. The API answers 404, not 400, for one that does not exist, whatever its shape.
    pub token_uuid: ::std::string::String,
}
impl DeleteSharegroupMemberToken {
    ///A `delete-sharegroup-member-token` request, from its required parts.
    pub fn new(
        sharegroup_id: u64,
        token_uuid: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        Self {
            sharegroup_id: sharegroup_id,
            token_uuid: token_uuid.into(),
        }
    }
}
impl crate::Operation for DeleteSharegroupMemberToken {
    type Response = types::EmptyObject;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "delete-sharegroup-member-token";
    const PATH_TEMPLATE: &'static str = "/images/sharegroups/{sharegroupId}/members/{tokenUuid}";
}
impl crate::operation::sealed::WritePath for DeleteSharegroupMemberToken {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/sharegroups/");
        push_number(out, self.sharegroup_id);
        out.push_str("/members/");
        push_segment(out, &self.token_uuid);
    }
}
/**`GET /images/{imageId}/sharegroups` (operationId `get-images-sharegroups-image`): List the share groups of an image

Returns one page of the share groups this account owns that share the private image `imageId`. Empty for public and `shared/...` images. Beta: served under `v4beta` only. OAuth scope: `images:read_only`.

Made with [`GetImagesSharegroupsImage::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GetImagesSharegroupsImage {
    ///Image id, e.g. `linode/debian12` or `private/12345`. The `/` belongs to the id, so clients send it percent-encoded as one path segment (`private%2F12345`); the API accepts both forms.
    pub image_id: ::std::string::String,
    ///1-based number of the page to fetch. Defaults to 1.
    pub page: ::std::option::Option<u64>,
    ///Items per page, 25 to 500. Defaults to 100. Only `get-sharegroups` documents paging, but every share-group list honours it, as Linode's other lists do.
    pub page_size: ::std::option::Option<u64>,
    ///Optional JSON filter object, as for `get-images` (equality, `+and`, `+or`, `+contains`, `+neq`, `+order_by`, `+order`). Fields that can be filtered on here: `label`.
    pub x_filter: ::std::option::Option<::std::string::String>,
}
impl GetImagesSharegroupsImage {
    ///A `get-images-sharegroups-image` request, from its required parts.
    pub fn new(image_id: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self {
            image_id: image_id.into(),
            page: ::std::option::Option::None,
            page_size: ::std::option::Option::None,
            x_filter: ::std::option::Option::None,
        }
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
    ///Sets the `page_size` query parameter.
    pub fn page_size(mut self, page_size: u64) -> Self {
        self.page_size = ::std::option::Option::Some(page_size);
        self
    }
    ///Sets the `X-Filter` header.
    pub fn x_filter(
        mut self,
        x_filter: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.x_filter = ::std::option::Option::Some(x_filter.into());
        self
    }
}
impl crate::Operation for GetImagesSharegroupsImage {
    type Response = types::ShareGroupPage;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "get-images-sharegroups-image";
    const PATH_TEMPLATE: &'static str = "/images/{imageId}/sharegroups";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        if let Some(v) = &self.page_size {
            out.push(("page_size", v.to_string()));
        }
        out
    }
    fn headers(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.x_filter {
            out.push(("X-Filter", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for GetImagesSharegroupsImage {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/images/");
        push_segment(out, &self.image_id);
        out.push_str("/sharegroups");
    }
}
/// Every generated operation: (operationId, HTTP method, path template, request type).
pub const OPERATIONS: &[(&str, &str, &str, &str)] = &[
    ("get-images", "GET", "/images", stringify!(GetImages)),
    ("post-image", "POST", "/images", stringify!(PostImage)),
    ("post-upload-image", "POST", "/images/upload", stringify!(PostUploadImage)),
    ("get-image", "GET", "/images/{imageId}", stringify!(GetImage)),
    ("put-image", "PUT", "/images/{imageId}", stringify!(PutImage)),
    ("delete-image", "DELETE", "/images/{imageId}", stringify!(DeleteImage)),
    (
        "post-replicate-image",
        "POST",
        "/images/{imageId}/regions",
        stringify!(PostReplicateImage),
    ),
    ("get-sharegroups", "GET", "/images/sharegroups", stringify!(GetSharegroups)),
    ("post-sharegroups", "POST", "/images/sharegroups", stringify!(PostSharegroups)),
    ("get-user-tokens", "GET", "/images/sharegroups/tokens", stringify!(GetUserTokens)),
    (
        "post-sharegroup-tokens",
        "POST",
        "/images/sharegroups/tokens",
        stringify!(PostSharegroupTokens),
    ),
    (
        "get-sharegroup-token",
        "GET",
        "/images/sharegroups/tokens/{tokenUuid}",
        stringify!(GetSharegroupToken),
    ),
    (
        "put-sharegroup-token",
        "PUT",
        "/images/sharegroups/tokens/{tokenUuid}",
        stringify!(PutSharegroupToken),
    ),
    (
        "delete-sharegroup-token",
        "DELETE",
        "/images/sharegroups/tokens/{tokenUuid}",
        stringify!(DeleteSharegroupToken),
    ),
    (
        "get-sharegroup-by-token",
        "GET",
        "/images/sharegroups/tokens/{tokenUuid}/sharegroup",
        stringify!(GetSharegroupByToken),
    ),
    (
        "get-sharegroup-images-by-token",
        "GET",
        "/images/sharegroups/tokens/{tokenUuid}/sharegroup/images",
        stringify!(GetSharegroupImagesByToken),
    ),
    (
        "get-sharegroup",
        "GET",
        "/images/sharegroups/{sharegroupId}",
        stringify!(GetSharegroup),
    ),
    (
        "put-sharegroup",
        "PUT",
        "/images/sharegroups/{sharegroupId}",
        stringify!(PutSharegroup),
    ),
    (
        "delete-sharegroup",
        "DELETE",
        "/images/sharegroups/{sharegroupId}",
        stringify!(DeleteSharegroup),
    ),
    (
        "get-sharegroup-images",
        "GET",
        "/images/sharegroups/{sharegroupId}/images",
        stringify!(GetSharegroupImages),
    ),
    (
        "post-sharegroup-images",
        "POST",
        "/images/sharegroups/{sharegroupId}/images",
        stringify!(PostSharegroupImages),
    ),
    (
        "put-sharegroup-imageshare",
        "PUT",
        "/images/sharegroups/{sharegroupId}/images/{imageId}",
        stringify!(PutSharegroupImageshare),
    ),
    (
        "delete-sharegroup-imageshare",
        "DELETE",
        "/images/sharegroups/{sharegroupId}/images/{imageId}",
        stringify!(DeleteSharegroupImageshare),
    ),
    (
        "get-sharegroup-members",
        "GET",
        "/images/sharegroups/{sharegroupId}/members",
        stringify!(GetSharegroupMembers),
    ),
    (
        "post-sharegroup-members",
        "POST",
        "/images/sharegroups/{sharegroupId}/members",
        stringify!(PostSharegroupMembers),
    ),
    (
        "get-sharegroup-member-token",
        "GET",
        "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
        stringify!(GetSharegroupMemberToken),
    ),
    (
        "put-sharegroup-member-token",
        "PUT",
        "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
        stringify!(PutSharegroupMemberToken),
    ),
    (
        "delete-sharegroup-member-token",
        "DELETE",
        "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
        stringify!(DeleteSharegroupMemberToken),
    ),
    (
        "get-images-sharegroups-image",
        "GET",
        "/images/{imageId}/sharegroups",
        stringify!(GetImagesSharegroupsImage),
    ),
];
impl crate::list::sealed::Sealed for GetImages {}
impl crate::list::Paged for GetImages {
    type Item = types::Image;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Image) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::list::Filtered for GetImages {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::decode::Listing for types::ImagePage {
    type Item = types::Image;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Image> {
        ::std::mem::take(&mut self.data)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            page: self.page,
            pages: self.pages,
            total: self.results,
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for GetSharegroups {}
impl crate::list::Paged for GetSharegroups {
    type Item = types::ShareGroup;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::ShareGroup) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::list::Filtered for GetSharegroups {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::decode::Listing for types::ShareGroupPage {
    type Item = types::ShareGroup;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> ::std::vec::Vec<types::ShareGroup> {
        ::std::mem::take(&mut self.data)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            page: self.page,
            pages: self.pages,
            total: self.results,
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for GetUserTokens {}
impl crate::list::Paged for GetUserTokens {
    type Item = types::Token;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Token) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.token_uuid)
    }
}
impl crate::list::Filtered for GetUserTokens {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::decode::Listing for types::TokenPage {
    type Item = types::Token;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Token> {
        ::std::mem::take(&mut self.data)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            page: self.page,
            pages: self.pages,
            total: self.results,
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for GetSharegroupImagesByToken {}
impl crate::list::Paged for GetSharegroupImagesByToken {
    type Item = types::Image;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Image) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::list::Filtered for GetSharegroupImagesByToken {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::decode::Listing for types::ImageSharePage {
    type Item = types::Image;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Image> {
        ::std::mem::take(&mut self.data)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            page: self.page,
            pages: self.pages,
            total: self.results,
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for GetSharegroupImages {}
impl crate::list::Paged for GetSharegroupImages {
    type Item = types::Image;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Image) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::list::Filtered for GetSharegroupImages {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::list::sealed::Sealed for GetSharegroupMembers {}
impl crate::list::Paged for GetSharegroupMembers {
    type Item = types::Membership;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Membership) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.token_uuid)
    }
}
impl crate::list::Filtered for GetSharegroupMembers {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
impl crate::decode::Listing for types::MembershipPage {
    type Item = types::Membership;
    const ITEMS: &'static str = "data";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Membership> {
        ::std::mem::take(&mut self.data)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            page: self.page,
            pages: self.pages,
            total: self.results,
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for GetImagesSharegroupsImage {}
impl crate::list::Paged for GetImagesSharegroupsImage {
    type Item = types::ShareGroup;
    type Provider = crate::linode::Linode;
    const PAGE_SIZE: &'static str = "page_size";
    const PAGE_SIZES: (u64, u64) = (25u64, 500u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.page_size
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.page_size = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::ShareGroup) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::list::Filtered for GetImagesSharegroupsImage {
    fn set_filter(&mut self, filter: ::std::option::Option<::std::string::String>) {
        self.x_filter = filter;
    }
}
