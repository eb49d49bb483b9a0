use crate::digitalocean::ops;
use crate::testing::routes::Endpoint;
///Every operation of `openapi/digitalocean.json`, in the spec's order: one row per generated request type (`crate::digitalocean::ops`).
pub(crate) static ENDPOINTS: [Endpoint; 12usize] = [
    Endpoint::of::<ops::ImagesList>(),
    Endpoint::of::<ops::ImagesCreateCustom>(),
    Endpoint::of::<ops::ImagesGet>(),
    Endpoint::of::<ops::ImagesUpdate>(),
    Endpoint::of::<ops::ImagesDelete>(),
    Endpoint::of::<ops::ImageActionsList>(),
    Endpoint::of::<ops::ImageActionsPost>(),
    Endpoint::of::<ops::ImageActionsGet>(),
    Endpoint::of::<ops::ImagesPostAccountTransferCreate>(),
    Endpoint::of::<ops::ImagesPostAccountTransferAccept>(),
    Endpoint::of::<ops::ImagesPostAccountTransferCancel>(),
    Endpoint::of::<ops::ImagesPostAccountTransferDecline>(),
];
