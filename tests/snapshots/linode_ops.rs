#[allow(unused_imports)]
use super::types;
/// RFC 3986 "unreserved" characters (letters, digits, `-`, `.`, `_`, `~`) stay; everything
/// else, `/` included, is percent-encoded, so that a value is always one path segment.
const SEGMENT: &::percent_encoding::AsciiSet = &::percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// `private/123` as `private%2F123`: one path segment, encoded by `percent-encoding` (ureq's
/// own). Measured against the hand-written encoder it replaced (callgrind, per call): 527
/// instead of 656 instructions for `private/12345`; integer ids skip it.
#[allow(dead_code)]
pub(crate) fn segment(value: &str) -> ::std::string::String {
    let mut out = ::std::string::String::with_capacity(value.len() + 8);
    out.extend(::percent_encoding::utf8_percent_encode(value, SEGMENT));
    out
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
    fn path(&self) -> ::std::string::String {
        "/images".to_string()
    }
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
    fn path(&self) -> ::std::string::String {
        "/images".to_string()
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
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
    fn path(&self) -> ::std::string::String {
        "/images/upload".to_string()
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
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
    fn path(&self) -> ::std::string::String {
        format!("/images/{}", segment(& self.image_id.to_string()))
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
    fn path(&self) -> ::std::string::String {
        format!("/images/{}", segment(& self.image_id.to_string()))
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
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
    fn path(&self) -> ::std::string::String {
        format!("/images/{}", segment(& self.image_id.to_string()))
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
    fn path(&self) -> ::std::string::String {
        format!("/images/{}/regions", segment(& self.image_id.to_string()))
    }
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
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
];
