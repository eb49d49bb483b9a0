use crate::linode::ops;
use crate::testing::routes::Endpoint;
///Every operation of `openapi/linode.json`, in the spec's order: one row per generated request type (`crate::linode::ops`).
pub(crate) static ENDPOINTS: [Endpoint; 29usize] = [
    Endpoint::of::<ops::GetImages>(),
    Endpoint::of::<ops::PostImage>(),
    Endpoint::of::<ops::PostUploadImage>(),
    Endpoint::of::<ops::GetImage>(),
    Endpoint::of::<ops::PutImage>(),
    Endpoint::of::<ops::DeleteImage>(),
    Endpoint::of::<ops::PostReplicateImage>(),
    Endpoint::of::<ops::GetSharegroups>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PostSharegroups>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetUserTokens>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PostSharegroupTokens>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupToken>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PutSharegroupToken>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::DeleteSharegroupToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupByToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupImagesByToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroup>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PutSharegroup>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::DeleteSharegroup>().on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupImages>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PostSharegroupImages>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PutSharegroupImageshare>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::DeleteSharegroupImageshare>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupMembers>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PostSharegroupMembers>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetSharegroupMemberToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::PutSharegroupMemberToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::DeleteSharegroupMemberToken>()
        .on_server("https://api.linode.com/v4beta"),
    Endpoint::of::<ops::GetImagesSharegroupsImage>()
        .on_server("https://api.linode.com/v4beta"),
];
