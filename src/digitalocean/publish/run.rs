//! A publish, step by step (feature `spaces`): checks, the `PUT` into Spaces, the import from a
//! pre-signed `GET`, the wait, the staging object's `DELETE`; after a failure, the clean-up and
//! an error that says what became of the image and the object.

use std::cell::Cell;

use super::builder::PublishJob;
use super::request::{MAX_PUBLISH_SIZE, check_format};
use super::staging::{GET_MARGIN, PUT_EXPIRY, delete_object, refused, staging_key};
use super::{LeftBehind, Publish, Published};
use crate::digitalocean::{Client, Images, Spaces};
use crate::error::ErrorKind;
use crate::upload::{Control, Opened, Prepared, Steering, UploadProgress, UploadSource, put};
use crate::{Error, Method, Result};

pub(super) fn publish(publish: Publish<'_>, source: UploadSource<'_>) -> Result<Published> {
    let crate::Upload { client, job, steering } = publish;
    let PublishJob { request, spaces, file_name, timeout, interval } = job;
    let Steering { mut progress, cancel, .. } = steering;
    let transport = &client.inner;
    if transport.settings.token.is_none() {
        let no_token = crate::provider::Rules::of::<super::super::DigitalOcean>().no_token();
        return Err(Error::invalid_input(format!(
            "publishing an image needs a digitalocean token: {no_token}"
        )));
    }
    // Whether a `PUT` was begun: only then can there be an object to delete.
    let began = Cell::new(false);
    let user = &mut *progress;
    let mut report = |p: UploadProgress| {
        let flow = user(p);
        if flow.is_continue() {
            began.set(true);
        }
        flow
    };
    let mut control = Control { progress: &mut report, cancel: &cancel };

    // 1. Checks: nothing is sent before they pass.
    control.check_cancel("before it started")?;
    request.check()?;
    let Opened { body, len, name: path_name, .. } =
        source.open("use reader(..) with its length and file_name(..)")?;
    let Some(name) = file_name.or(path_name) else {
        return Err(Error::invalid_input(
            "publishing from a reader needs file_name(..): its ending tells digitalocean the format \
             (.img, .qcow2, .vhdx, .vdi, .vmdk, optionally .gz or .bz2); nothing was sent",
        ));
    };
    check_format(&name)?;
    if len == 0 {
        return Err(Error::invalid_input("the image is empty: there is nothing to publish"));
    }
    if len > MAX_PUBLISH_SIZE {
        return Err(Error::invalid_input(format!(
            "the image is {len} bytes, over the {MAX_PUBLISH_SIZE} bytes (5 GiB) one spaces upload takes \
             (this crate does not do multipart uploads): compress it with gzip or bzip2, which digitalocean \
             unpacks; nothing was sent"
        )));
    }
    let key = staging_key(&name);
    let object = format!("{}/{key}", spaces.bucket());
    let clock = &transport.settings.clock;

    // 2. The `PUT`.
    control.check_cancel("before sending")?;
    let put_url = spaces.presign(Method::Put, &key, PUT_EXPIRY, clock.system_now())?;
    let mut prepared = Prepared { body, len };
    let sent = put(transport, &put_url, &mut prepared, &mut control, &mut false)
        .map_err(|e| refused(e, &spaces, "the upload"))
        .and_then(|()| control.check_cancel("after the file was sent"));
    if let Err(e) = sent {
        if !began.get() && e.kind() == ErrorKind::Cancelled {
            return Err(e); // no request was begun: there is nothing to delete
        }
        if e.kind() == ErrorKind::Upload && e.attempts() == 1 {
            // Refused at its one try: S3 stores nothing from a refused `PUT`.
            return Err(e.context(format!("nothing was stored at {object}")));
        }
        return Err(clean_up(client, &spaces, &key, None, e));
    }
    drop(prepared);

    // 3. The import, from a pre-signed `GET`.
    let get_expiry = timeout.saturating_add(GET_MARGIN);
    let imported = spaces
        .presign(Method::Get, &key, get_expiry, clock.system_now())
        .and_then(|url| Images::new(client).import(request.into_import(url)));
    let image = match imported {
        Ok(image) => image,
        Err(e) => {
            let e = e.context(format!("digitalocean did not take the import of {object}"));
            return Err(clean_up(client, &spaces, &key, None, e));
        }
    };
    let id = image.id;

    // 4. The wait; a cancel ends it between two looks, also in the middle of a sleep.
    let mut wait = Images::new(client).wait_until_available(id).timeout(timeout).stop_when_cancelled(&cancel);
    if let Some(interval) = interval {
        wait = wait.interval(interval);
    }
    let waited = control.check_cancel("after the import began").and_then(|()| wait.send());
    let image = match waited {
        Ok(image) => image,
        Err(e) => {
            let cancelled =
                cancel.is_cancelled() && matches!(e.kind(), ErrorKind::Stopped | ErrorKind::Cancelled);
            let e = if cancelled {
                Error::new(
                    ErrorKind::Cancelled,
                    format!("the publish was cancelled while image {id} was importing"),
                )
            } else {
                e
            };
            return Err(clean_up(client, &spaces, &key, Some(id), e));
        }
    };

    // 5. The staging object goes.
    let left_behind = match delete_object(client, &spaces, &key) {
        Ok(()) => None,
        Err(error) => {
            log::warn!(
                target: "cloud_images",
                "image {id} is available, but its staging object {object} could not be deleted: {error}"
            );
            Some(LeftBehind { bucket: spaces.bucket().to_string(), key: key.clone(), error })
        }
    };
    Ok(Published { image, staging_object: object, left_behind })
}

/// After a failure: deletes the staging object (and, for a cancel, the image the import had
/// made), and says in the error what became of them.
fn clean_up(client: &Client, spaces: &Spaces, key: &str, image: Option<u64>, error: Error) -> Error {
    let object = format!("{}/{key}", spaces.bucket());
    let mut error = match image {
        None => error,
        Some(id) if error.kind() == ErrorKind::Cancelled => match Images::new(client).delete(id) {
            Ok(()) => error
                .context(format!("image {id} was deleted again"))
                .with_created_image(id.to_string(), true),
            Err(gone) if gone.is_not_found() => {
                error.context(format!("image {id} is gone already")).with_created_image(id.to_string(), true)
            }
            Err(failed) => error
                .context(format!("image {id} was created, and deleting it failed ({failed})"))
                .with_created_image(id.to_string(), false),
        },
        Some(id) if error.kind() == ErrorKind::WaitFailed => error
            .context(format!("the import of image {id} failed, and digitalocean removed it"))
            .with_created_image(id.to_string(), true),
        Some(id) => error
            .context(format!("image {id} was created and may still be importing; it was not deleted"))
            .with_created_image(id.to_string(), false),
    };
    error = match delete_object(client, spaces, key) {
        Ok(()) => {
            error.context(format!("staging object {object} was deleted")).with_staging_object(&object, true)
        }
        Err(failed) => {
            log::warn!(target: "cloud_images", "cannot delete the staging object {object}: {failed}");
            error
                .context(format!(
                    "staging object {object} could not be deleted ({failed}); delete it by hand"
                ))
                .with_staging_object(&object, false)
        }
    };
    error
}
