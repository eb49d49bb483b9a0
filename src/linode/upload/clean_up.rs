//! After a failed Linode upload: the image it created is deleted again (or kept, when asked),
//! and the error says which image it was and what became of it.

use super::super::{Client, Images};
use crate::Error;
use crate::error::ErrorKind;

/// After a failed upload: deletes the image it created (unless asked to keep it), and says in
/// the error which image it was and what became of it. A cancelled upload's image is deleted
/// whatever `keep` says (see [`Upload::keep_on_failure`](super::Upload::keep_on_failure)).
pub(super) fn clean_up(client: &Client, id: &str, keep: bool, error: Error) -> Error {
    if error.kind() == ErrorKind::Cancelled {
        return match Images::new(client).delete(id) {
            Ok(()) => error.context(format!("image {id} was deleted again")).with_created_image(id, true),
            Err(gone) if gone.is_not_found() => {
                error.context(format!("image {id} is gone already")).with_created_image(id, true)
            }
            Err(failed) => {
                log::debug!(target: "cloud_images", "cannot delete the cancelled upload's image {id}: {failed}");
                let what = format!(
                    "image {id} was created, and deleting it failed ({failed}); it stays pending_upload \
                     until Linode deletes it after 24 h"
                );
                error.context(what).with_created_image(id, false)
            }
        };
    }
    if keep {
        let what = format!(
            "image {id} was created, but sending its data failed; it was kept (keep_on_failure), \
             and Linode deletes it after 24 h unless its data arrives"
        );
        return error.context(what).with_created_image(id, false);
    }
    match Images::new(client).delete(id) {
        Ok(()) => error
            .context(format!("image {id} was created, but sending its data failed, so it was deleted again"))
            .with_created_image(id, true),
        Err(gone) if gone.is_not_found() => error
            .context(format!("image {id} was created, but sending its data failed; it is gone already"))
            .with_created_image(id, true),
        Err(failed) => {
            log::debug!(target: "cloud_images", "cannot delete the failed upload's image {id}: {failed}");
            let what = format!(
                "image {id} was created, but sending its data failed, and deleting it failed too \
                 ({failed}); it stays pending_upload until Linode deletes it after 24 h"
            );
            error.context(what).with_created_image(id, false)
        }
    }
}
