//! What `build.rs` generates: the operation tables, the `Operation` constants and request parts of
//! each request type, checked against the specs in `openapi/`; and that a client never shows its
//! token.

use std::collections::BTreeSet;

use cloud_images::{Method, Operation, digitalocean, linode};
use serde_json::Value;

type Row = (&'static str, &'static str, &'static str, &'static str);

/// (operationId, method, path template) of every operation in `openapi/{file}`.
fn spec_operations(file: &str) -> BTreeSet<(String, String, String)> {
    let path = format!("{}/openapi/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let spec: Value = serde_json::from_str(&text).expect("the spec is JSON");
    let mut out = BTreeSet::new();
    for (template, item) in spec["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "delete", "patch"] {
            if let Some(id) = item.get(method).and_then(|op| op["operationId"].as_str()) {
                out.insert((id.to_string(), method.to_uppercase(), template.clone()));
            }
        }
    }
    out
}

fn table_operations(rows: &[Row]) -> BTreeSet<(String, String, String)> {
    rows.iter().map(|(id, method, path, _)| (id.to_string(), method.to_string(), path.to_string())).collect()
}

/// The row an `OPERATIONS` table should hold for a request type, from its `Operation` impl.
macro_rules! row {
    ($module:ident :: $ty:ident) => {
        (
            <$module::ops::$ty as Operation>::OPERATION_ID,
            <$module::ops::$ty as Operation>::METHOD.as_str(),
            <$module::ops::$ty as Operation>::PATH_TEMPLATE,
            stringify!($ty),
        )
    };
}

// ------------------------------------------------------------------ operation tables

#[test]
fn linode_operations_table_lists_the_seven_images_and_22_share_group_operations() {
    let expected: &[Row] = &[
        ("get-images", "GET", "/images", "GetImages"),
        ("post-image", "POST", "/images", "PostImage"),
        ("post-upload-image", "POST", "/images/upload", "PostUploadImage"),
        ("get-image", "GET", "/images/{imageId}", "GetImage"),
        ("put-image", "PUT", "/images/{imageId}", "PutImage"),
        ("delete-image", "DELETE", "/images/{imageId}", "DeleteImage"),
        ("post-replicate-image", "POST", "/images/{imageId}/regions", "PostReplicateImage"),
        ("get-sharegroups", "GET", "/images/sharegroups", "GetSharegroups"),
        ("post-sharegroups", "POST", "/images/sharegroups", "PostSharegroups"),
        ("get-user-tokens", "GET", "/images/sharegroups/tokens", "GetUserTokens"),
        ("post-sharegroup-tokens", "POST", "/images/sharegroups/tokens", "PostSharegroupTokens"),
        ("get-sharegroup-token", "GET", "/images/sharegroups/tokens/{tokenUuid}", "GetSharegroupToken"),
        ("put-sharegroup-token", "PUT", "/images/sharegroups/tokens/{tokenUuid}", "PutSharegroupToken"),
        (
            "delete-sharegroup-token",
            "DELETE",
            "/images/sharegroups/tokens/{tokenUuid}",
            "DeleteSharegroupToken",
        ),
        (
            "get-sharegroup-by-token",
            "GET",
            "/images/sharegroups/tokens/{tokenUuid}/sharegroup",
            "GetSharegroupByToken",
        ),
        (
            "get-sharegroup-images-by-token",
            "GET",
            "/images/sharegroups/tokens/{tokenUuid}/sharegroup/images",
            "GetSharegroupImagesByToken",
        ),
        ("get-sharegroup", "GET", "/images/sharegroups/{sharegroupId}", "GetSharegroup"),
        ("put-sharegroup", "PUT", "/images/sharegroups/{sharegroupId}", "PutSharegroup"),
        ("delete-sharegroup", "DELETE", "/images/sharegroups/{sharegroupId}", "DeleteSharegroup"),
        ("get-sharegroup-images", "GET", "/images/sharegroups/{sharegroupId}/images", "GetSharegroupImages"),
        (
            "post-sharegroup-images",
            "POST",
            "/images/sharegroups/{sharegroupId}/images",
            "PostSharegroupImages",
        ),
        (
            "put-sharegroup-imageshare",
            "PUT",
            "/images/sharegroups/{sharegroupId}/images/{imageId}",
            "PutSharegroupImageshare",
        ),
        (
            "delete-sharegroup-imageshare",
            "DELETE",
            "/images/sharegroups/{sharegroupId}/images/{imageId}",
            "DeleteSharegroupImageshare",
        ),
        (
            "get-sharegroup-members",
            "GET",
            "/images/sharegroups/{sharegroupId}/members",
            "GetSharegroupMembers",
        ),
        (
            "post-sharegroup-members",
            "POST",
            "/images/sharegroups/{sharegroupId}/members",
            "PostSharegroupMembers",
        ),
        (
            "get-sharegroup-member-token",
            "GET",
            "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
            "GetSharegroupMemberToken",
        ),
        (
            "put-sharegroup-member-token",
            "PUT",
            "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
            "PutSharegroupMemberToken",
        ),
        (
            "delete-sharegroup-member-token",
            "DELETE",
            "/images/sharegroups/{sharegroupId}/members/{tokenUuid}",
            "DeleteSharegroupMemberToken",
        ),
        ("get-images-sharegroups-image", "GET", "/images/{imageId}/sharegroups", "GetImagesSharegroupsImage"),
    ];
    assert_eq!(linode::ops::OPERATIONS.len(), 29);
    assert_eq!(linode::ops::OPERATIONS, expected);
}

#[test]
fn digitalocean_operations_table_lists_the_twelve_operations() {
    let expected: &[Row] = &[
        ("images_list", "GET", "/v2/images", "ImagesList"),
        ("images_create_custom", "POST", "/v2/images", "ImagesCreateCustom"),
        ("images_get", "GET", "/v2/images/{image_id}", "ImagesGet"),
        ("images_update", "PUT", "/v2/images/{image_id}", "ImagesUpdate"),
        ("images_delete", "DELETE", "/v2/images/{image_id}", "ImagesDelete"),
        ("imageActions_list", "GET", "/v2/images/{image_id}/actions", "ImageActionsList"),
        ("imageActions_post", "POST", "/v2/images/{image_id}/actions", "ImageActionsPost"),
        ("imageActions_get", "GET", "/v2/images/{image_id}/actions/{action_id}", "ImageActionsGet"),
        (
            "images_post_account_transfer_create",
            "POST",
            "/v2/images/{image_id}/account_transfer",
            "ImagesPostAccountTransferCreate",
        ),
        (
            "images_post_account_transfer_accept",
            "POST",
            "/v2/images/{image_id}/account_transfer/accept",
            "ImagesPostAccountTransferAccept",
        ),
        (
            "images_post_account_transfer_cancel",
            "POST",
            "/v2/images/{image_id}/account_transfer/cancel",
            "ImagesPostAccountTransferCancel",
        ),
        (
            "images_post_account_transfer_decline",
            "POST",
            "/v2/images/{image_id}/account_transfer/decline",
            "ImagesPostAccountTransferDecline",
        ),
    ];
    assert_eq!(digitalocean::ops::OPERATIONS, expected);
}

#[test]
fn operations_tables_match_the_specs() {
    assert_eq!(table_operations(linode::ops::OPERATIONS), spec_operations("linode.json"));
    assert_eq!(table_operations(digitalocean::ops::OPERATIONS), spec_operations("digitalocean.json"));
}

#[test]
fn every_request_type_has_the_constants_of_its_table_row() {
    let linode_rows = vec![
        row!(linode::GetImages),
        row!(linode::PostImage),
        row!(linode::PostUploadImage),
        row!(linode::GetImage),
        row!(linode::PutImage),
        row!(linode::DeleteImage),
        row!(linode::PostReplicateImage),
        row!(linode::GetSharegroups),
        row!(linode::PostSharegroups),
        row!(linode::GetUserTokens),
        row!(linode::PostSharegroupTokens),
        row!(linode::GetSharegroupToken),
        row!(linode::PutSharegroupToken),
        row!(linode::DeleteSharegroupToken),
        row!(linode::GetSharegroupByToken),
        row!(linode::GetSharegroupImagesByToken),
        row!(linode::GetSharegroup),
        row!(linode::PutSharegroup),
        row!(linode::DeleteSharegroup),
        row!(linode::GetSharegroupImages),
        row!(linode::PostSharegroupImages),
        row!(linode::PutSharegroupImageshare),
        row!(linode::DeleteSharegroupImageshare),
        row!(linode::GetSharegroupMembers),
        row!(linode::PostSharegroupMembers),
        row!(linode::GetSharegroupMemberToken),
        row!(linode::PutSharegroupMemberToken),
        row!(linode::DeleteSharegroupMemberToken),
        row!(linode::GetImagesSharegroupsImage),
    ];
    assert_eq!(linode::ops::OPERATIONS, linode_rows.as_slice());
    let digitalocean_rows = vec![
        row!(digitalocean::ImagesList),
        row!(digitalocean::ImagesCreateCustom),
        row!(digitalocean::ImagesGet),
        row!(digitalocean::ImagesUpdate),
        row!(digitalocean::ImagesDelete),
        row!(digitalocean::ImageActionsList),
        row!(digitalocean::ImageActionsPost),
        row!(digitalocean::ImageActionsGet),
        row!(digitalocean::ImagesPostAccountTransferCreate),
        row!(digitalocean::ImagesPostAccountTransferAccept),
        row!(digitalocean::ImagesPostAccountTransferCancel),
        row!(digitalocean::ImagesPostAccountTransferDecline),
    ];
    assert_eq!(digitalocean::ops::OPERATIONS, digitalocean_rows.as_slice());
}

// ---------------------------------------------------------------- Operation constants

#[test]
fn linode_get_image_constants() {
    assert_eq!(<linode::ops::GetImage as Operation>::OPERATION_ID, "get-image");
    assert_eq!(<linode::ops::GetImage as Operation>::METHOD, Method::Get);
    assert_eq!(<linode::ops::GetImage as Operation>::PATH_TEMPLATE, "/images/{imageId}");
}

#[test]
fn linode_post_replicate_image_constants() {
    assert_eq!(<linode::ops::PostReplicateImage as Operation>::OPERATION_ID, "post-replicate-image");
    assert_eq!(<linode::ops::PostReplicateImage as Operation>::METHOD, Method::Post);
    assert_eq!(<linode::ops::PostReplicateImage as Operation>::PATH_TEMPLATE, "/images/{imageId}/regions");
}

#[test]
fn digitalocean_images_delete_constants() {
    assert_eq!(<digitalocean::ops::ImagesDelete as Operation>::OPERATION_ID, "images_delete");
    assert_eq!(<digitalocean::ops::ImagesDelete as Operation>::METHOD, Method::Delete);
    assert_eq!(<digitalocean::ops::ImagesDelete as Operation>::PATH_TEMPLATE, "/v2/images/{image_id}");
}

#[test]
fn digitalocean_image_actions_get_constants() {
    assert_eq!(<digitalocean::ops::ImageActionsGet as Operation>::OPERATION_ID, "imageActions_get");
    assert_eq!(<digitalocean::ops::ImageActionsGet as Operation>::METHOD, Method::Get);
    assert_eq!(
        <digitalocean::ops::ImageActionsGet as Operation>::PATH_TEMPLATE,
        "/v2/images/{image_id}/actions/{action_id}"
    );
}

#[test]
fn only_get_put_and_delete_are_idempotent() {
    let idempotent: Vec<&str> = [Method::Get, Method::Post, Method::Put, Method::Patch, Method::Delete]
        .into_iter()
        .filter(|m| m.is_idempotent())
        .map(Method::as_str)
        .collect();
    assert_eq!(idempotent, ["GET", "PUT", "DELETE"]);
    assert_eq!(Method::Patch.to_string(), "PATCH");
}

// ------------------------------------------------------------ request parts, unsent

#[test]
fn linode_paths_encode_each_parameter_as_one_segment_and_leave_the_version_to_the_client() {
    let op =
        linode::ops::PostReplicateImage::new("private/12345", linode::types::ImageReplicate::new(["us-iad"]));
    assert_eq!(op.path(), "/images/private%2F12345/regions");
    let other = linode::ops::GetImage::new("a b?#");
    assert_eq!(other.path(), "/images/a%20b%3F%23");
    // Only RFC 3986's unreserved characters stay as they are.
    let every = linode::ops::GetImage::new("az-AZ_09.~ /?#[]@!$&'()*+,;=%é");
    assert_eq!(
        every.path(),
        "/images/az-AZ_09.~%20%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25%C3%A9"
    );
    assert_eq!(digitalocean::ops::ImagesGet::new("ubuntu-24-04-x64").path(), "/v2/images/ubuntu-24-04-x64");
    assert_eq!(digitalocean::ops::ImagesGet::new("7 8").path(), "/v2/images/7%208");
}

/// `path` as the generated types write it (the appending `write_path` behind it is sealed: see
/// the unit test in `src/operation.rs`).
#[test]
fn path_writes_numbers_and_encoded_segments() {
    let ops = [
        (linode::ops::GetImage::new("private/12345").path(), "/images/private%2F12345"),
        (linode::ops::GetImage::new("é ~").path(), "/images/%C3%A9%20~"),
        (linode::ops::GetSharegroupImages::new(8306).path(), "/images/sharegroups/8306/images"),
        (
            linode::ops::PutSharegroupImageshare::new(
                8306,
                "shared/5854",
                linode::types::ImageShareUpdate::new(),
            )
            .path(),
            "/images/sharegroups/8306/images/shared%2F5854",
        ),
        (
            digitalocean::ops::ImageActionsGet::new(7555620, 36805527).path(),
            "/v2/images/7555620/actions/36805527",
        ),
    ];
    for (path, expected) in ops {
        assert_eq!(path, expected);
    }
}

#[test]
fn linode_get_images_puts_paging_in_the_query_and_the_filter_in_a_header() {
    let op = linode::ops::GetImages::new().page(3).page_size(500).x_filter(r#"{"vendor":"Debian"}"#);
    assert_eq!(op.path(), "/images");
    assert_eq!(op.query(), vec![("page", "3".to_string()), ("page_size", "500".to_string())]);
    assert_eq!(op.headers(), vec![("X-Filter", r#"{"vendor":"Debian"}"#.to_string())]);
    assert!(op.body().is_none());
}

#[test]
fn digitalocean_images_list_query_follows_the_spec_order_and_skips_unset_values() {
    let op = digitalocean::ops::ImagesList::new()
        .type_(digitalocean::types::ImageKind::Application)
        .tag_name("prod")
        .page(4);
    assert_eq!(op.path(), "/v2/images");
    assert_eq!(
        op.query(),
        vec![
            ("type", "application".to_string()),
            ("tag_name", "prod".to_string()),
            ("page", "4".to_string())
        ]
    );
    assert!(op.headers().is_empty());
}

#[test]
fn new_leaves_every_optional_parameter_unset_and_setters_set_one_each() {
    let bare = digitalocean::ops::ImagesList::new();
    assert_eq!((bare.type_.clone(), bare.private, bare.tag_name.clone()), (None, None, None));
    assert_eq!((bare.per_page, bare.page), (None, None));
    assert!(bare.query().is_empty());
    let op = digitalocean::ops::ImageActionsList::new(7u64).per_page(50);
    assert_eq!((op.image_id, op.per_page, op.page), (7, Some(50), None));
    assert_eq!(op.query(), vec![("per_page", "50".to_string())]);
    // Setters take what converts: an open enum from its text, a `String` from a `&str`.
    let op = digitalocean::ops::ImagesList::new().type_("application").private(true);
    assert_eq!(op.type_, Some(digitalocean::types::ImageKind::Application));
    assert_eq!(op.private, Some(true));
}

#[test]
fn request_types_with_a_body_expose_it_and_the_others_do_not() {
    let update = digitalocean::ops::ImagesUpdate::new(7, digitalocean::types::ImageUpdate::new().name("n"));
    assert_eq!(update.path(), "/v2/images/7");
    assert_eq!(update.body(), Some(&update.body));
    let delete = digitalocean::ops::ImagesDelete::new(7);
    assert!(delete.body().is_none());
    assert!(delete.query().is_empty());
    let action = digitalocean::ops::ImageActionsGet::new(7, 99);
    assert_eq!(action.path(), "/v2/images/7/actions/99");
}

// ------------------------------------------------------------------- no token shown

const SECRET: &str = "secret-token-123";

#[test]
fn linode_client_debug_does_not_show_the_token() {
    let client = linode::Client::builder().token(SECRET).build().expect("builds");
    let shown = format!("{client:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains("https://api.linode.com"), "the Debug output is not empty: {shown}");
    let shown = format!("{:?}", linode::Client::builder().token(SECRET));
    assert!(!shown.contains(SECRET), "{shown}");
}

#[test]
fn digitalocean_client_debug_does_not_show_the_token() {
    let client = digitalocean::Client::builder().token(SECRET).build().expect("builds");
    let shown = format!("{client:?}");
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains("https://api.digitalocean.com"), "the Debug output is not empty: {shown}");
    let shown = format!("{:?}", digitalocean::Client::builder().token(SECRET));
    assert!(!shown.contains(SECRET), "{shown}");
}

#[test]
fn an_api_error_does_not_show_the_token() {
    let server = httpmock::MockServer::start();
    let mock = server.mock(|when, then| {
        when.method(httpmock::Method::GET)
            .path("/v2/images/1")
            .header("authorization", format!("Bearer {SECRET}"));
        then.status(401)
            .header("content-type", "application/json")
            .body(r#"{"id":"unauthorized","message":"Unable to authenticate you"}"#);
    });
    let client =
        digitalocean::Client::builder().token(SECRET).base_url(server.base_url()).build().expect("builds");

    let err = client.execute(&digitalocean::ops::ImagesGet::new("1")).expect_err("401");

    mock.assert_calls(1);
    assert_eq!(err.status(), Some(401));
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains(SECRET), "{shown}");
    }
}

#[test]
fn the_error_type_is_send_sync_and_static() {
    fn check<T: Send + Sync + 'static + std::error::Error>() {}
    check::<cloud_images::Error>();
}

#[test]
fn open_enums_convert_from_owned_and_borrowed_strings() {
    use cloud_images::digitalocean::RegionSlug;
    assert_eq!(RegionSlug::from("nyc3".to_string()), RegionSlug::Nyc3);
    assert_eq!(RegionSlug::from(String::from("atl1")), RegionSlug::Other("atl1".into()));
    assert_eq!(RegionSlug::from("atl1"), RegionSlug::from(String::from("atl1")));
}

/// The whole Images APIs of both providers: 29 Linode operations (7 images, 22 share groups) and
/// 12 DigitalOcean ones (8 images and actions, 4 account transfers).
#[test]
fn both_specs_describe_all_41_operations() {
    assert_eq!(linode::ops::OPERATIONS.len(), 29);
    assert_eq!(digitalocean::ops::OPERATIONS.len(), 12);
    assert_eq!(spec_operations("linode.json").len() + spec_operations("digitalocean.json").len(), 41);
}
