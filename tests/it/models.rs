//! Expected response models, field by field, the way a user's test can make them.
//!
//! The generated response models are `#[non_exhaustive]`: outside the crate there is no struct
//! literal. [`model!`] decodes the smallest JSON a model accepts (its required fields, from
//! [`Blank`]) and then sets each field given, with its typed value: the expected values stay
//! written in Rust (`Some(ImageStatus::Available)`), not decoded from the JSON under test.
//! `..base` starts from `base` instead, as a struct update would.

#![allow(dead_code, unused_macros, unused_imports)]

use cloud_images::{digitalocean, linode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// A model with nothing but its required fields, as decoded from the smallest JSON it accepts.
pub trait Blank: DeserializeOwned {
    /// The smallest JSON the model accepts.
    fn smallest() -> Value;

    /// The model decoded from [`smallest`](Blank::smallest).
    fn blank() -> Self {
        serde_json::from_value(Self::smallest()).expect("the smallest JSON of a model decodes")
    }
}

macro_rules! blank {
    ($($ty:ty => $json:tt),* $(,)?) => {
        $(impl Blank for $ty {
            fn smallest() -> Value {
                json!($json)
            }
        })*
    };
}

blank! {
    linode::types::Image => {"id": ""},
    linode::types::ImagePage => {"data": []},
    linode::types::ImageRegion => {},
    linode::types::ImageSharing => {},
    linode::types::ImageSharedBy => {},
    linode::types::ImageSharedWith => {},
    linode::types::ImageUpload => {"image": {"id": ""}, "upload_to": ""},
    linode::types::ImageSharePage => {"data": []},
    linode::types::Membership => {"token_uuid": ""},
    linode::types::MembershipPage => {"data": []},
    linode::types::MemberShareGroup => {"id": 0},
    linode::types::ShareGroup => {"id": 0},
    linode::types::ShareGroupPage => {"data": []},
    linode::types::Token => {"token_uuid": ""},
    linode::types::TokenPage => {"data": []},
    linode::types::TokenCreated => {"token": "", "token_uuid": ""},
    digitalocean::types::Image => {"id": 0},
    digitalocean::types::ImageList => {"images": []},
    digitalocean::types::ImageResponse => {"image": {"id": 0}},
    digitalocean::types::Action => {"id": 0},
    digitalocean::types::ActionList => {"actions": []},
    digitalocean::types::ActionResponse => {"action": {"id": 0}},
    digitalocean::types::Meta => {},
    digitalocean::types::PageLinks => {},
    digitalocean::types::PageLinksPages => {},
    digitalocean::types::Region => {},
    digitalocean::types::AccountTransferCreated => {"transfer_id": 0},
}

/// `model!(Image { id: "linode/debian12".into(), label: Some("Debian 12".into()) })`: the
/// [`Blank`] model with these fields set; `model!(Image { tags: vec![], ..base })` starts from
/// `base`.
macro_rules! model {
    ($ty:ty { $($field:ident : $value:expr,)* ..$base:expr $(,)? }) => {{
        let mut model: $ty = $base;
        $(model.$field = $value;)*
        model
    }};
    ($ty:ty { $($field:ident : $value:expr),* $(,)? }) => {{
        let mut model: $ty = <$ty as $crate::models::Blank>::blank();
        $(model.$field = $value;)*
        model
    }};
}
pub(crate) use model;
