//! Issue 19, items 2 and 5: one id kit (`cloud_images::ids`: the providers' ids are its types,
//! one UUID check for the facade and the stand-in), and one stand-in shape (`StandIn<P>`, its
//! faults named by the generated operations, its routes the table `build.rs` derives from the
//! same specs as the client).

use crate::kit;

use cloud_images::digitalocean::{self, Recipient};
use cloud_images::ids::{IdKind, NumericId, TextId};
use cloud_images::linode::{self, ApiVersion};
use cloud_images::testing::{DigitalOceanStandIn, Fault, Kit, LinodeStandIn, On, Seed, StandIn};
use cloud_images::{ErrorKind, Operation};

// ------------------------------------------------------------------------------ one id kit

/// What any numeric id of the kit shows: its number, as text and in `Debug`.
fn numeric<K: IdKind>(id: impl Into<NumericId<K>>) -> (u64, String, String) {
    let id = id.into();
    (id.get(), id.to_string(), format!("{id:?}"))
}

/// What any text id of the kit shows.
fn text<K: IdKind>(id: impl Into<TextId<K>>) -> (String, String) {
    let id = id.into();
    (id.as_str().to_string(), format!("{id:?}"))
}

#[test]
fn the_six_ids_are_the_kits_types_and_show_as_before() {
    let n = |id: u64, name: &str| (id, id.to_string(), format!("{name}({id})"));
    assert_eq!(numeric(digitalocean::ImageId::from(7_555_620)), n(7_555_620, "ImageId"));
    assert_eq!(numeric(digitalocean::ActionId::from(&36_805_527)), n(36_805_527, "ActionId"));
    assert_eq!(numeric(digitalocean::TransferId::from(7734)), n(7734, "TransferId"));
    assert_eq!(numeric(linode::ShareGroupId::from(8306)), n(8306, "ShareGroupId"));
    let owned = String::from("private/12345");
    let id: linode::ImageId = (&owned).into();
    assert_eq!(text(id), (owned.clone(), format!("ImageId({owned:?})")));
    let uuid = "13428362-5458-4dad-b14b-8d0d4d648f8c";
    assert_eq!(text(linode::TokenUuid::from(uuid)), (uuid.to_string(), format!("TokenUuid({uuid:?})")));
    // Each kind is its own type; the same kind is the same type whatever the provider calls it.
    let _: NumericId<(cloud_images::digitalocean::DigitalOcean, cloud_images::ids::role::Image)> =
        digitalocean::ImageId::from(1);
    let _: TextId<(cloud_images::linode::Linode, cloud_images::ids::role::Image)> =
        linode::ImageId::from("linode/debian12");
}

#[test]
fn an_id_that_names_another_resource_is_refused_with_its_kind_before_any_request() {
    let linode = LinodeStandIn::start().unwrap();
    let l = linode.client().unwrap();
    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let d = digitalocean.client().unwrap();
    let refusals = [
        l.images().get("  ").map(|_| ()).unwrap_err(),
        l.images().delete("..").unwrap_err(),
        l.sharegroups().get(0).map(|_| ()).unwrap_err(),
        l.sharegroups().tokens().get(".").map(|_| ()).unwrap_err(),
        d.images().actions(0).list().send().map(|_| ()).unwrap_err(),
        d.images().actions(171_002_281).get(0).map(|_| ()).unwrap_err(),
        d.images().account_transfers(171_002_281).cancel(0).unwrap_err(),
    ];
    let messages: Vec<String> = refusals.iter().map(ToString::to_string).collect();
    assert!(refusals.iter().all(|e| e.kind() == ErrorKind::InvalidInput), "{messages:#?}");
    let expected = [
        "a linode image id must not be empty",
        "\"..\" is not a linode image id",
        "a linode share group id starts at 1, not 0",
        "\".\" is not a linode token_uuid",
        "a digitalocean image id starts at 1, not 0",
        "a digitalocean action id starts at 1, not 0",
        "a digitalocean transfer id starts at 1, not 0",
    ];
    for (message, expected) in messages.iter().zip(expected) {
        assert!(message.contains(expected), "{message:?} does not say {expected:?}");
    }
    assert_eq!((linode.requests().len(), digitalocean.requests().len()), (0, 0));
}

#[test]
fn one_uuid_check_for_share_group_tokens_team_transfers_and_the_stand_in() {
    let stand_in = LinodeStandIn::start().unwrap();
    let linode = stand_in.client().unwrap();
    let do_stand_in = DigitalOceanStandIn::start().unwrap();
    let digitalocean = do_stand_in.client().unwrap();
    let good = "E1D0E58B-f89f-4237-84ab-b82077342359"; // either case
    let bad = [
        "e1d0e58b-f89f-4237-84ab-b8207734235g",  // not hexadecimal
        "e1d0e58b-f89f-4237-84ab-b8207734235",   // a digit short
        "e1d0e58b-f89f-4237-84ab-b820-77342359", // one group too many
        "e1d0e58bf89f423784abb82077342359",      // no dashes
        "8306",                                  // the group's numeric id
    ];

    // The facade takes the same shapes for a share group's uuid and a team's uuid.
    linode.sharegroups().tokens().create(good).send().unwrap();
    let offered = digitalocean.images().account_transfers(171_002_281).offer(Recipient::team(good));
    assert!(offered.is_ok(), "{offered:?}");
    for uuid in bad {
        let e = linode.sharegroups().tokens().create(uuid).send().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{uuid}");
        let e =
            digitalocean.images().account_transfers(171_002_281).offer(Recipient::team(uuid)).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{uuid}");
    }
    assert_eq!(stand_in.take_requests().len(), 1);
    assert_eq!(do_stand_in.take_requests().len(), 1);

    // The stand-in checks what it is sent with the same rule (the raw request type skips the
    // facade's check).
    let sent = std::iter::once((good, None)).chain(bad.iter().map(|uuid| (*uuid, Some(400))));
    for (uuid, status) in sent {
        let body = linode::types::TokenCreate::new(uuid);
        let sent = linode.execute_on(&ApiVersion::V4beta, &linode::ops::PostSharegroupTokens::new(body));
        assert_eq!(sent.err().and_then(|e| e.status()), status, "{uuid}");
    }
    let log = stand_in.requests();
    let answers: Vec<(Option<u16>, &str)> = log.iter().map(|r| (r.status, r.note.as_str())).collect();
    assert_eq!(answers.len(), 1 + bad.len());
    assert!(answers[1..].iter().all(|a| *a == (Some(400), "Must be a valid UUID")), "{answers:?}");
}

// ------------------------------------------------------------------------- one stand-in shape

/// Code written once for both stand-ins: the next call of operation `O` fails with a 503.
fn fail_once<P: Kit, O: Operation>(stand_in: &StandIn<P>) {
    assert!(stand_in.base_url().starts_with("http://127.0.0.1:"));
    stand_in.inject(On::op::<O>(), Fault::unavailable()).unwrap();
    assert_eq!(stand_in.pending_faults(), 1);
}

#[test]
fn one_generic_stand_in_serves_both_providers() {
    let linode = LinodeStandIn::builder().seed(Seed::Public).start().unwrap();
    let digitalocean = DigitalOceanStandIn::builder().seed(Seed::Public).start().unwrap();
    fail_once::<_, linode::ops::GetImage>(&linode);
    fail_once::<_, digitalocean::ops::ImagesGet>(&digitalocean);

    // The clients the generic `client()` builds are the providers' own, and retry the 503.
    let image = linode.client().unwrap().images().get("linode/debian12").unwrap();
    assert_eq!(image.id, "linode/debian12");
    let image = digitalocean.client().unwrap().images().get("debian-12-x64").unwrap();
    assert_eq!(image.slug.as_deref(), Some("debian-12-x64"));
    for log in [linode.requests(), digitalocean.requests()] {
        let seen: Vec<(Option<u16>, Option<String>)> =
            log.iter().map(|r| (r.status, r.fault.clone())).collect();
        assert_eq!(seen, [(Some(503), Some("status 503".to_string())), (Some(200), None)]);
    }
    assert_eq!((linode.pending_faults(), digitalocean.pending_faults()), (0, 0));
    // Each keeps its name and its token.
    assert!(format!("{linode:?}").starts_with("LinodeStandIn { base_url: \"http://127.0.0.1:"));
    assert!(format!("{digitalocean:?}").starts_with("DigitalOceanStandIn { base_url: "));
    assert_eq!((linode.token(), digitalocean.token()), (LinodeStandIn::TOKEN, DigitalOceanStandIn::TOKEN));
    assert_eq!(
        (LinodeStandIn::TOKEN, DigitalOceanStandIn::TOKEN),
        ("linode-stand-in-token", "dop_v1_stand_in_token")
    );
}

#[test]
fn faults_are_named_by_the_generated_types_and_the_stand_ins_constants() {
    let linode = LinodeStandIn::builder().seed(Seed::Empty).start().unwrap();
    let digitalocean = DigitalOceanStandIn::builder().seed(Seed::Empty).start().unwrap();

    // A type names its operation id; the other provider's operation is refused, with the list.
    assert_eq!(On::op::<linode::ops::PostUploadImage>(), On::operation("post-upload-image"));
    assert_eq!(On::op::<digitalocean::ops::ImageActionsPost>(), On::operation("imageActions_post"));
    let e = linode.inject(On::op::<digitalocean::ops::ImagesGet>(), Fault::unavailable()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.to_string().contains("the Linode stand-in has no operation \"images_get\""), "{e}");
    let e = digitalocean.inject(On::op::<linode::ops::GetImage>(), Fault::unavailable()).unwrap_err();
    assert!(e.to_string().contains("images_list, images_create_custom, images_get"), "{e}");
    assert_eq!((linode.pending_faults(), digitalocean.pending_faults()), (0, 0));

    // The stand-ins' own operations are constants, and the log names them the same way.
    assert_eq!(On::OBJECT_STORAGE_PUT, "object-storage-put");
    assert_eq!(
        [On::SPACES_PUT_OBJECT, On::SPACES_GET_OBJECT, On::SPACES_DELETE_OBJECT],
        ["spaces_put_object", "spaces_get_object", "spaces_delete_object"]
    );
    linode.inject(On::OBJECT_STORAGE_PUT, Fault::status(403)).unwrap();
    let client = linode.client().unwrap();
    let data = std::io::Cursor::new(vec![0u8; 4096]);
    let e = client.images().upload(linode::CreateUpload::new("web", "us-east")).seekable(data).unwrap_err();
    assert_eq!(e.status(), Some(403));
    let put = linode.requests().into_iter().find(|r| r.method == "PUT").unwrap();
    assert_eq!((put.operation.as_deref(), put.status), (Some(On::OBJECT_STORAGE_PUT), Some(403)));

    // Every id each stand-in takes: the generated operations' (in the spec's order), then its own.
    let ids = |table: &[(&'static str, &str, &str, &str)]| table.iter().map(|row| row.0).collect::<Vec<_>>();
    let mut expected = ids(linode::ops::OPERATIONS);
    expected.push(On::OBJECT_STORAGE_PUT);
    assert_eq!(LinodeStandIn::operations(), expected);
    let mut expected = ids(digitalocean::ops::OPERATIONS);
    expected.extend([On::SPACES_PUT_OBJECT, On::SPACES_GET_OBJECT, On::SPACES_DELETE_OBJECT]);
    assert_eq!(DigitalOceanStandIn::operations(), expected);
}

/// `template` with each `{parameter}` filled in.
fn path(template: &str, value: impl Fn(&str) -> &'static str) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some((literal, after)) = rest.split_once('{') {
        let (name, after) = after.split_once('}').unwrap();
        out.push_str(literal);
        out.push_str(value(name));
        rest = after;
    }
    out + rest
}

/// Sends `method path` to `stand_in` as it is, and returns the operation it was routed to and
/// the status of its answer.
fn routed<P: Kit>(stand_in: &StandIn<P>, method: &str, path: &str) -> (Option<String>, Option<u16>) {
    stand_in.take_requests();
    let auth = format!("Bearer {}", stand_in.token());
    kit::send(&stand_in.base_url(), method, path, &[("authorization", &auth)], b"");
    let log = stand_in.take_requests();
    assert_eq!(log.len(), 1, "{method} {path}");
    (log[0].operation.clone(), log[0].status)
}

#[test]
fn the_stand_ins_answer_every_generated_operation_at_its_path() {
    let linode = LinodeStandIn::start().unwrap();
    let value = |name: &str| match name {
        "imageId" => "private%2F24811540",
        "sharegroupId" => "9101",
        "tokenUuid" => "4591075e-4ba8-43c9-a521-928c3d4a135d",
        other => panic!("a new path parameter {other}: give it a value here"),
    };
    for &(id, method, template, _) in linode::ops::OPERATIONS {
        let beta = routed(&linode, method, &format!("/v4beta{}", path(template, value)));
        assert_eq!(beta.0.as_deref(), Some(id), "{method} /v4beta{template}");
        // Share groups are beta: the spec gives them a server of their own, `v4beta`.
        let v4 = routed(&linode, method, &format!("/v4{}", path(template, value)));
        if template.contains("sharegroups") {
            assert_eq!(v4, (None, Some(404)), "{method} /v4{template}");
        } else {
            assert_eq!(v4.0.as_deref(), Some(id), "{method} /v4{template}");
        }
    }

    let digitalocean = DigitalOceanStandIn::start().unwrap();
    let value = |name: &str| match name {
        "image_id" => "171002281",
        "action_id" => "1",
        other => panic!("a new path parameter {other}: give it a value here"),
    };
    for &(id, method, template, _) in digitalocean::ops::OPERATIONS {
        let (operation, _) = routed(&digitalocean, method, &path(template, value));
        assert_eq!(operation.as_deref(), Some(id), "{method} {template}");
    }
    // A path of the table with a method it does not have is answered 405, routed nowhere.
    assert_eq!(routed(&digitalocean, "PATCH", "/v2/images/171002281"), (None, Some(405)));
    assert_eq!(routed(&linode, "PATCH", "/v4/images/private%2F24811540"), (None, Some(405)));
}
