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
/**`GET /v2/images` (operationId `images_list`): List images

Returns one page of the images visible to the token: your snapshots, backups and custom images plus DigitalOcean's public distribution and 1-Click application images. Combine `type`, `private` and `tag_name` to narrow the result; walk `links.pages.next` (or increment `page`) until it is absent to read every page.

Made with [`ImagesList::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesList {
    ///Keep only public distribution images or only 1-Click application images. Unrelated to the `type` field of an Image (public distributions report `snapshot` or `base` there).
    pub type_: ::std::option::Option<types::ImageKind>,
    ///When true, return only images owned by your account (snapshots, backups, custom images).
    pub private: ::std::option::Option<bool>,
    ///Return only images carrying this tag.
    pub tag_name: ::std::option::Option<::std::string::String>,
    ///Page size. The server uses 20 when this is absent and refuses more than 200.
    pub per_page: ::std::option::Option<u64>,
    ///1-based page number to fetch; the server starts at 1 when this is absent.
    pub page: ::std::option::Option<u64>,
}
impl ImagesList {
    ///A `images_list` request, from its required parts.
    pub fn new() -> Self {
        Self {
            type_: ::std::option::Option::None,
            private: ::std::option::Option::None,
            tag_name: ::std::option::Option::None,
            per_page: ::std::option::Option::None,
            page: ::std::option::Option::None,
        }
    }
    ///Sets the `type` query parameter.
    pub fn type_(mut self, type_: impl ::std::convert::Into<types::ImageKind>) -> Self {
        self.type_ = ::std::option::Option::Some(type_.into());
        self
    }
    ///Sets the `private` query parameter.
    pub fn private(mut self, private: bool) -> Self {
        self.private = ::std::option::Option::Some(private);
        self
    }
    ///Sets the `tag_name` query parameter.
    pub fn tag_name(
        mut self,
        tag_name: impl ::std::convert::Into<::std::string::String>,
    ) -> Self {
        self.tag_name = ::std::option::Option::Some(tag_name.into());
        self
    }
    ///Sets the `per_page` query parameter.
    pub fn per_page(mut self, per_page: u64) -> Self {
        self.per_page = ::std::option::Option::Some(per_page);
        self
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
}
impl crate::Operation for ImagesList {
    type Response = types::ImageList;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "images_list";
    const PATH_TEMPLATE: &'static str = "/v2/images";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.type_ {
            out.push(("type", v.to_string()));
        }
        if let Some(v) = &self.private {
            out.push(("private", v.to_string()));
        }
        if let Some(v) = &self.tag_name {
            out.push(("tag_name", v.to_string()));
        }
        if let Some(v) = &self.per_page {
            out.push(("per_page", v.to_string()));
        }
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for ImagesList {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images");
    }
}
/**`POST /v2/images` (operationId `images_create_custom`): Import a custom image

Starts importing a Linux VM image that DigitalOcean downloads from `url` into `region`. The call returns at once with 202 and an image whose `status` is `NEW` (some fields may still be missing); poll `images_get` with the returned id until `status` becomes `available`, or inspect `error_message` if the import fails.

Made with [`ImagesCreateCustom::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesCreateCustom {
    ///The JSON request body.
    pub body: types::CustomImageCreate,
}
impl ImagesCreateCustom {
    ///A `images_create_custom` request, from its required parts.
    pub fn new(body: impl ::std::convert::Into<types::CustomImageCreate>) -> Self {
        Self { body: body.into() }
    }
}
impl crate::Operation for ImagesCreateCustom {
    type Response = types::ImageResponse;
    type Body = types::CustomImageCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "images_create_custom";
    const PATH_TEMPLATE: &'static str = "/v2/images";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesCreateCustom {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images");
    }
}
/**`GET /v2/images/{image_id}` (operationId `images_get`): Get one image

Fetches a single image by numeric id. Public images can also be addressed by their slug (for example `ubuntu-24-04-x64`); private images only by id.

Made with [`ImagesGet::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesGet {
    ///Numeric image id written as a decimal string, or the slug of a public image. Snapshots, backups and custom images have no slug and must be fetched by id.
    pub image_id: ::std::string::String,
}
impl ImagesGet {
    ///A `images_get` request, from its required parts.
    pub fn new(image_id: impl ::std::convert::Into<::std::string::String>) -> Self {
        Self { image_id: image_id.into() }
    }
}
impl crate::Operation for ImagesGet {
    type Response = types::ImageResponse;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "images_get";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}";
}
impl crate::operation::sealed::WritePath for ImagesGet {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_segment(out, &self.image_id);
    }
}
/**`PUT /v2/images/{image_id}` (operationId `images_update`): Update an image

Changes the name of one of your images and, for custom images, its distribution and description. Fields left out of the body keep their current value.

Made with [`ImagesUpdate::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesUpdate {
    ///Numeric id of the image. Only images owned by the account can be updated.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::ImageUpdate,
}
impl ImagesUpdate {
    ///A `images_update` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::ImageUpdate>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImagesUpdate {
    type Response = types::ImageResponse;
    type Body = types::ImageUpdate;
    const METHOD: crate::Method = crate::Method::Put;
    const OPERATION_ID: &'static str = "images_update";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesUpdate {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
    }
}
/**`DELETE /v2/images/{image_id}` (operationId `images_delete`): Delete an image

Permanently removes a snapshot or custom image from every region it is stored in.

Made with [`ImagesDelete::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesDelete {
    ///Numeric id of the image. Must be a snapshot or custom image owned by the account.
    pub image_id: u64,
}
impl ImagesDelete {
    ///A `images_delete` request, from its required parts.
    pub fn new(image_id: u64) -> Self {
        Self { image_id: image_id }
    }
}
impl crate::Operation for ImagesDelete {
    type Response = ();
    type Body = ();
    const METHOD: crate::Method = crate::Method::Delete;
    const OPERATION_ID: &'static str = "images_delete";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}";
}
impl crate::operation::sealed::WritePath for ImagesDelete {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
    }
}
/**`GET /v2/images/{image_id}/actions` (operationId `imageActions_list`): List actions of an image

Returns one page of the actions (transfers, conversions) that have been run on an image, finished or not. Paginated like the other list endpoints.

Made with [`ImageActionsList::new`], from the required parts; each optional parameter is set with the method named after it. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageActionsList {
    ///Numeric id of the image. The image whose action history is listed.
    pub image_id: u64,
    ///Page size. The server uses 20 when this is absent and refuses more than 200.
    pub per_page: ::std::option::Option<u64>,
    ///1-based page number to fetch; the server starts at 1 when this is absent.
    pub page: ::std::option::Option<u64>,
}
impl ImageActionsList {
    ///A `imageActions_list` request, from its required parts.
    pub fn new(image_id: u64) -> Self {
        Self {
            image_id: image_id,
            per_page: ::std::option::Option::None,
            page: ::std::option::Option::None,
        }
    }
    ///Sets the `per_page` query parameter.
    pub fn per_page(mut self, per_page: u64) -> Self {
        self.per_page = ::std::option::Option::Some(per_page);
        self
    }
    ///Sets the `page` query parameter.
    pub fn page(mut self, page: u64) -> Self {
        self.page = ::std::option::Option::Some(page);
        self
    }
}
impl crate::Operation for ImageActionsList {
    type Response = types::ActionList;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "imageActions_list";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/actions";
    fn query(&self) -> ::std::vec::Vec<(&'static str, ::std::string::String)> {
        let mut out = ::std::vec::Vec::new();
        if let Some(v) = &self.per_page {
            out.push(("per_page", v.to_string()));
        }
        if let Some(v) = &self.page {
            out.push(("page", v.to_string()));
        }
        out
    }
}
impl crate::operation::sealed::WritePath for ImageActionsList {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/actions");
    }
}
/**`POST /v2/images/{image_id}/actions` (operationId `imageActions_post`): Start an image action

Starts an asynchronous action on an image: `convert` turns a backup into a snapshot, `transfer` copies the image to the region given in `region`. The returned action starts `in-progress`; poll `imageActions_get` until it is `completed` or `errored`.

Made with [`ImageActionsPost::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageActionsPost {
    ///Numeric id of the image. The image to act on.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::ImageActionCreate,
}
impl ImageActionsPost {
    ///A `imageActions_post` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::ImageActionCreate>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImageActionsPost {
    type Response = types::ActionResponse;
    type Body = types::ImageActionCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "imageActions_post";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/actions";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImageActionsPost {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/actions");
    }
}
/**`GET /v2/images/{image_id}/actions/{action_id}` (operationId `imageActions_get`): Get one image action

Fetches the current state of one action run on an image. The body is wrapped as `{"action": {...}}` (the upstream spec declares a bare Action; this document describes what the server actually sends).

Made with [`ImageActionsGet::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImageActionsGet {
    ///Numeric id of the image. The image the action belongs to.
    pub image_id: u64,
    ///Numeric id of the action, as returned when the action was started.
    pub action_id: u64,
}
impl ImageActionsGet {
    ///A `imageActions_get` request, from its required parts.
    pub fn new(image_id: u64, action_id: u64) -> Self {
        Self {
            image_id: image_id,
            action_id: action_id,
        }
    }
}
impl crate::Operation for ImageActionsGet {
    type Response = types::ActionResponse;
    type Body = ();
    const METHOD: crate::Method = crate::Method::Get;
    const OPERATION_ID: &'static str = "imageActions_get";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/actions/{action_id}";
}
impl crate::operation::sealed::WritePath for ImageActionsGet {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/actions/");
        push_number(out, self.action_id);
    }
}
/**`POST /v2/images/{image_id}/account_transfer` (operationId `images_post_account_transfer_create`): Offer an image to another account

Offers a snapshot to another DigitalOcean account or team, named by the recipient's email address or team uuid (exactly one of the two). Only snapshots can be offered; other images are refused with 400. The answer carries the id of the pending transfer, or 0 when the recipient has accepted already.

Made with [`ImagesPostAccountTransferCreate::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesPostAccountTransferCreate {
    ///Numeric id of the image. The snapshot to offer.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::AccountTransferCreate,
}
impl ImagesPostAccountTransferCreate {
    ///A `images_post_account_transfer_create` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::AccountTransferCreate>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImagesPostAccountTransferCreate {
    type Response = types::AccountTransferCreated;
    type Body = types::AccountTransferCreate;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "images_post_account_transfer_create";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/account_transfer";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesPostAccountTransferCreate {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/account_transfer");
    }
}
/**`POST /v2/images/{image_id}/account_transfer/accept` (operationId `images_post_account_transfer_accept`): Accept an image offered to you

Run by the recipient: takes over the offered image into the team named by `recipient_uuid`. Answers 201 with no body.

Made with [`ImagesPostAccountTransferAccept::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesPostAccountTransferAccept {
    ///Numeric id of the image. The image offered.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::AccountTransferAccept,
}
impl ImagesPostAccountTransferAccept {
    ///A `images_post_account_transfer_accept` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::AccountTransferAccept>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImagesPostAccountTransferAccept {
    type Response = ();
    type Body = types::AccountTransferAccept;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "images_post_account_transfer_accept";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/account_transfer/accept";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesPostAccountTransferAccept {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/account_transfer/accept");
    }
}
/**`POST /v2/images/{image_id}/account_transfer/cancel` (operationId `images_post_account_transfer_cancel`): Withdraw an offer

Run by the sender: withdraws a pending transfer. Answers 204.

Made with [`ImagesPostAccountTransferCancel::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesPostAccountTransferCancel {
    ///Numeric id of the image. The image offered.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::AccountTransferRef,
}
impl ImagesPostAccountTransferCancel {
    ///A `images_post_account_transfer_cancel` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::AccountTransferRef>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImagesPostAccountTransferCancel {
    type Response = ();
    type Body = types::AccountTransferRef;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "images_post_account_transfer_cancel";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/account_transfer/cancel";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesPostAccountTransferCancel {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/account_transfer/cancel");
    }
}
/**`POST /v2/images/{image_id}/account_transfer/decline` (operationId `images_post_account_transfer_decline`): Decline an offer

Run by the recipient: turns a pending transfer down. Answers 204.

Made with [`ImagesPostAccountTransferDecline::new`], from the required parts. The fields are there to read: a new optional parameter in the spec is not a breaking change.*/
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ImagesPostAccountTransferDecline {
    ///Numeric id of the image. The image offered.
    pub image_id: u64,
    ///The JSON request body.
    pub body: types::AccountTransferRef,
}
impl ImagesPostAccountTransferDecline {
    ///A `images_post_account_transfer_decline` request, from its required parts.
    pub fn new(
        image_id: u64,
        body: impl ::std::convert::Into<types::AccountTransferRef>,
    ) -> Self {
        Self {
            image_id: image_id,
            body: body.into(),
        }
    }
}
impl crate::Operation for ImagesPostAccountTransferDecline {
    type Response = ();
    type Body = types::AccountTransferRef;
    const METHOD: crate::Method = crate::Method::Post;
    const OPERATION_ID: &'static str = "images_post_account_transfer_decline";
    const PATH_TEMPLATE: &'static str = "/v2/images/{image_id}/account_transfer/decline";
    fn body(&self) -> ::std::option::Option<&Self::Body> {
        Some(&self.body)
    }
}
impl crate::operation::sealed::WritePath for ImagesPostAccountTransferDecline {
    fn write_path(
        &self,
        out: &mut ::std::string::String,
        _: crate::operation::sealed::Seal,
    ) {
        out.push_str("/v2/images/");
        push_number(out, self.image_id);
        out.push_str("/account_transfer/decline");
    }
}
/// Every generated operation: (operationId, HTTP method, path template, request type).
pub const OPERATIONS: &[(&str, &str, &str, &str)] = &[
    ("images_list", "GET", "/v2/images", stringify!(ImagesList)),
    ("images_create_custom", "POST", "/v2/images", stringify!(ImagesCreateCustom)),
    ("images_get", "GET", "/v2/images/{image_id}", stringify!(ImagesGet)),
    ("images_update", "PUT", "/v2/images/{image_id}", stringify!(ImagesUpdate)),
    ("images_delete", "DELETE", "/v2/images/{image_id}", stringify!(ImagesDelete)),
    (
        "imageActions_list",
        "GET",
        "/v2/images/{image_id}/actions",
        stringify!(ImageActionsList),
    ),
    (
        "imageActions_post",
        "POST",
        "/v2/images/{image_id}/actions",
        stringify!(ImageActionsPost),
    ),
    (
        "imageActions_get",
        "GET",
        "/v2/images/{image_id}/actions/{action_id}",
        stringify!(ImageActionsGet),
    ),
    (
        "images_post_account_transfer_create",
        "POST",
        "/v2/images/{image_id}/account_transfer",
        stringify!(ImagesPostAccountTransferCreate),
    ),
    (
        "images_post_account_transfer_accept",
        "POST",
        "/v2/images/{image_id}/account_transfer/accept",
        stringify!(ImagesPostAccountTransferAccept),
    ),
    (
        "images_post_account_transfer_cancel",
        "POST",
        "/v2/images/{image_id}/account_transfer/cancel",
        stringify!(ImagesPostAccountTransferCancel),
    ),
    (
        "images_post_account_transfer_decline",
        "POST",
        "/v2/images/{image_id}/account_transfer/decline",
        stringify!(ImagesPostAccountTransferDecline),
    ),
];
impl crate::list::sealed::Sealed for ImagesList {}
impl crate::list::Paged for ImagesList {
    type Item = types::Image;
    type Provider = crate::digitalocean::DigitalOcean;
    const PAGE_SIZE: &'static str = "per_page";
    const PAGE_SIZES: (u64, u64) = (1u64, 200u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.per_page
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.per_page = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Image) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::decode::Listing for types::ImageList {
    type Item = types::Image;
    const ITEMS: &'static str = "images";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Image> {
        ::std::mem::take(&mut self.images)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            total: self.meta.as_deref().and_then(|v| v.total),
            next: self
                .links
                .as_deref()
                .and_then(|v| v.pages.as_deref())
                .and_then(|v| v.next.as_deref()),
            last: self
                .links
                .as_deref()
                .and_then(|v| v.pages.as_deref())
                .and_then(|v| v.last.as_deref()),
            ..::std::default::Default::default()
        }
    }
}
impl crate::list::sealed::Sealed for ImageActionsList {}
impl crate::list::Paged for ImageActionsList {
    type Item = types::Action;
    type Provider = crate::digitalocean::DigitalOcean;
    const PAGE_SIZE: &'static str = "per_page";
    const PAGE_SIZES: (u64, u64) = (1u64, 200u64);
    fn requested_page(&self) -> ::std::option::Option<u64> {
        self.page
    }
    fn set_requested_page(&mut self, page: u64) {
        self.page = ::std::option::Option::Some(page);
    }
    fn requested_page_size(&self) -> ::std::option::Option<u64> {
        self.per_page
    }
    fn set_requested_page_size(&mut self, size: u64) {
        self.per_page = ::std::option::Option::Some(size);
    }
    fn fingerprint(item: &types::Action) -> ::std::string::String {
        ::std::string::ToString::to_string(&item.id)
    }
}
impl crate::decode::Listing for types::ActionList {
    type Item = types::Action;
    const ITEMS: &'static str = "actions";
    fn take_items(&mut self) -> ::std::vec::Vec<types::Action> {
        ::std::mem::take(&mut self.actions)
    }
    fn position(&self) -> crate::list::Position<'_> {
        crate::list::Position {
            total: self.meta.as_deref().and_then(|v| v.total),
            next: self
                .links
                .as_deref()
                .and_then(|v| v.pages.as_deref())
                .and_then(|v| v.next.as_deref()),
            last: self
                .links
                .as_deref()
                .and_then(|v| v.pages.as_deref())
                .and_then(|v| v.last.as_deref()),
            ..::std::default::Default::default()
        }
    }
}
