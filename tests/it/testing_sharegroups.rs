//! Share groups on the Linode stand-in, through the facade: what an owner and a member see.

use cloud_images::ErrorKind;
use cloud_images::linode::types::{ImageType, IsShared, MembershipStatus, TokenStatus};
use cloud_images::linode::{ApiVersion, ShareImage, ops};
use cloud_images::testing::{Clock, LinodeStandIn};

const PRIVATE: &str = "private/24811540";
const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJtZW1iZXIiOiJiIn0.c2lnbmF0dXJl";

#[test]
fn an_owner_shares_an_image_renames_the_group_and_deletes_it() {
    let stand_in = LinodeStandIn::builder().clock(Clock::manual()).start().unwrap();
    let client = stand_in.client().unwrap();
    let groups = client.sharegroups();

    let group = groups.create("golden").description("base images").send().unwrap();
    assert_eq!(
        (group.images_count, group.description.as_deref(), group.updated),
        (Some(0), Some("base images"), None)
    );
    let added = groups.images(group.id).add([ShareImage::new(PRIVATE).label("web")]).unwrap();
    let share = &added.items[0];
    assert!(share.id.starts_with("shared/"), "{}", share.id);
    assert_eq!((share.type_.clone(), share.is_shared.clone()), (Some(ImageType::Shared), None));
    assert_eq!(share.label.as_deref(), Some("web"));
    let by = share.image_sharing.as_ref().and_then(|s| s.shared_by.clone()).unwrap();
    assert_eq!((by.sharegroup_id, by.source_image_id.as_deref()), (Some(group.id), Some(PRIVATE)));

    // The source now says it is shared, and where.
    let source = client.images().get(PRIVATE).unwrap();
    assert_eq!(source.is_shared, Some(IsShared::Flag(true)));
    let with = source.image_sharing.and_then(|s| s.shared_with).unwrap();
    assert_eq!(with.sharegroup_count, Some(1));
    let ids: Vec<u64> = client.images().sharegroups(PRIVATE).into_iter().map(|g| g.unwrap().id).collect();
    assert_eq!(ids, [group.id]);

    // A rename reaches the shares; the group counts them.
    let renamed = groups.update(group.id).label("golden v2").send().unwrap();
    assert_eq!((renamed.label.as_deref(), renamed.images_count), (Some("golden v2"), Some(1)));
    assert!(renamed.updated.is_some());
    let shares: Vec<_> = groups.images(group.id).list().into_iter().map(Result::unwrap).collect();
    let label = shares[0]
        .image_sharing
        .as_ref()
        .and_then(|s| s.shared_by.as_ref())
        .and_then(|b| b.sharegroup_label.clone());
    assert_eq!(label.as_deref(), Some("golden v2"));

    groups.images(group.id).remove(&shares[0].id).unwrap();
    let source = client.images().get(PRIVATE).unwrap();
    assert_eq!(
        source.is_shared,
        Some(IsShared::Flag(true)),
        "`true` stays after the last share is gone, as live"
    );
    groups.delete(group.id).unwrap();
    assert!(groups.get(group.id).unwrap_err().is_not_found());
}

#[test]
fn members_join_with_a_token_and_are_revoked() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let group = client.sharegroups().create("golden").image(PRIVATE).send().unwrap();
    assert_eq!(group.images_count, Some(1));
    let members = client.sharegroups().members(group.id);

    let e = members.add("not-a-jwt", "team b").unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Api, Some(500)));
    assert_eq!(e.messages(), ["Invalid token format"]);
    let member = members.add(JWT, "team b").unwrap();
    assert_eq!(member.status, Some(MembershipStatus::Active));
    assert_eq!(members.update(&member.token_uuid, "team c").unwrap().label.as_deref(), Some("team c"));
    members.revoke(&member.token_uuid).unwrap();
    assert_eq!(members.get(&member.token_uuid).unwrap().status, Some(MembershipStatus::Revoked));
    assert_eq!(client.sharegroups().get(group.id).unwrap().members_count, Some(0));
    assert_eq!(members.list().send().unwrap().total, Some(1));
}

#[test]
fn a_member_sees_the_group_and_images_of_its_accepted_token() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let tokens = client.sharegroups().tokens();

    let seeded = "4591075e-4ba8-43c9-a521-928c3d4a135d";
    let group = tokens.sharegroup(seeded).unwrap();
    assert_eq!((group.id, group.label.as_deref()), (8306, Some("platform-golden-images")));
    let images: Vec<String> = tokens.images(seeded).into_iter().map(|i| i.unwrap().id).collect();
    assert_eq!(images, ["shared/5854"]);

    let created = tokens.create("e1d0e58b-f89f-4237-84ab-b82077342359").label("other team").send().unwrap();
    assert_eq!(created.status, Some(TokenStatus::Pending));
    assert_eq!(created.token.expose().split('.').count(), 3);
    assert!(tokens.sharegroup(&created.token_uuid).unwrap_err().is_not_found(), "not accepted yet");
    assert_eq!(tokens.list().send().unwrap().total, Some(2));
    tokens.delete(&created.token_uuid).unwrap();
    assert!(tokens.get(&created.token_uuid).unwrap_err().is_not_found());

    // Not for a group of one's own.
    let own = client.sharegroups().create("mine").send().unwrap();
    let e = tokens.create(own.uuid.unwrap()).send().unwrap_err();
    assert_eq!(e.status(), Some(400));
    assert_eq!(
        e.messages(),
        ["valid_for_sharegroup_uuid: You may not create a token for your own sharegroup"]
    );
}

#[test]
fn share_groups_are_only_on_v4beta() {
    let stand_in = LinodeStandIn::start().unwrap();
    let client = stand_in.client().unwrap();
    let e = client.execute_on(&ApiVersion::V4, &ops::GetSharegroups::new()).unwrap_err();
    assert!(e.is_not_found());
    client.sharegroups().list().send().unwrap(); // the facade goes to v4beta
    let paths: Vec<String> = stand_in.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths, ["/v4/images/sharegroups", "/v4beta/images/sharegroups"]);
}
