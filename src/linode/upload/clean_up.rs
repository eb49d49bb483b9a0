//! After a failed Linode upload: the image it created is deleted again (or kept, when asked),
//! and the error says which image it was and what became of it.

use super::super::{Client, Images};
use crate::Error;
use crate::error::ErrorKind;

/// After a failed upload: deletes the image it created (unless asked to keep it), and says in
/// the error which image it was and what became of it. A cancelled upload's image is deleted
/// whatever `keep` says (see [`Upload::keep_on_failure`](super::Upload::keep_on_failure)).
pub(in crate::linode) fn clean_up(client: &Client, id: &str, keep: bool, error: Error) -> Error {
    if error.kind() == ErrorKind::Cancelled {
        return match delete_created(client, id) {
            Deleted::Now => {
                error.context(format!("image {id} was deleted again")).with_created_image(id, true)
            }
            Deleted::Already => {
                error.context(format!("image {id} is gone already")).with_created_image(id, true)
            }
            Deleted::Failed(failed) => {
                log::debug!(target: "cloud_images", "cannot delete the cancelled upload's image {id}: {failed}");
                let what = format!(
                    "image {id} was created, and deleting it failed ({failed}); it stays pending_upload \
                     until Linode deletes it after 24 h"
                );
                error.context(what).with_created_image(id, false)
            }
            Deleted::Unknown(failed, read) => {
                let what = format!(
                    "image {id} was created, and deleting it got no answer ({failed}), nor could it be read \
                     ({read}): it may still be there, pending_upload until Linode deletes it after 24 h"
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
    match delete_created(client, id) {
        Deleted::Now => error
            .context(format!("image {id} was created, but sending its data failed, so it was deleted again"))
            .with_created_image(id, true),
        Deleted::Already => error
            .context(format!("image {id} was created, but sending its data failed; it is gone already"))
            .with_created_image(id, true),
        Deleted::Failed(failed) => {
            log::debug!(target: "cloud_images", "cannot delete the failed upload's image {id}: {failed}");
            let what = format!(
                "image {id} was created, but sending its data failed, and deleting it failed too \
                 ({failed}); it stays pending_upload until Linode deletes it after 24 h"
            );
            error.context(what).with_created_image(id, false)
        }
        Deleted::Unknown(failed, read) => {
            let what = format!(
                "image {id} was created, but sending its data failed, and deleting it got no answer \
                 ({failed}), nor could it be read ({read}): it may still be there, pending_upload until \
                 Linode deletes it after 24 h"
            );
            error.context(what).with_created_image(id, false)
        }
    }
}

/// What became of the image a failed upload deletes.
enum Deleted {
    /// Deleted now.
    Now,
    /// Not found: gone already.
    Already,
    /// The delete failed: it is still there.
    Failed(Error),
    /// The delete got no answer and the image could not be read: nobody knows.
    Unknown(Error, Error),
}

/// Deletes the image an upload made. A delete that got no answer (it timed out, the connection
/// was lost) may have been done all the same: the image is read, and one that is not found was
/// deleted.
fn delete_created(client: &Client, id: &str) -> Deleted {
    let failed = match Images::new(client).delete(id) {
        Ok(()) => return Deleted::Now,
        Err(gone) if gone.is_not_found() => return Deleted::Already,
        Err(failed) => failed,
    };
    if !matches!(failed.kind(), ErrorKind::Timeout | ErrorKind::Transport) {
        return Deleted::Failed(failed);
    }
    match Images::new(client).get(id) {
        Err(e) if e.is_not_found() => Deleted::Now,
        Ok(_) => Deleted::Failed(failed),
        Err(read) => Deleted::Unknown(failed, read),
    }
}
