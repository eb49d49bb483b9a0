//! Linode's limits on an image, and what is checked of a source before anything is sent: its
//! type (gzip or raw) by its first bytes, its size, and a gzip stream's header and trailer.

use crate::upload::{Body, Opened, UploadSource, io_error};
use crate::{Error, Result};

/// The largest compressed image Linode accepts: 5 GB.
///
/// ```
/// use cloud_images::linode::MAX_COMPRESSED_SIZE;
///
/// let gzip_len: u64 = 1_234_567_890; // e.g. std::fs::metadata("disk.img.gz")?.len()
/// assert!(gzip_len <= MAX_COMPRESSED_SIZE, "too large for Linode");
/// ```
pub const MAX_COMPRESSED_SIZE: u64 = 5_000_000_000;
/// The largest uncompressed image Linode accepts: 6 GB.
///
/// ```
/// use cloud_images::linode::{MAX_COMPRESSED_SIZE, MAX_UNCOMPRESSED_SIZE};
///
/// assert_eq!(MAX_UNCOMPRESSED_SIZE, 6_000_000_000); // decimal gigabytes
/// assert!(MAX_COMPRESSED_SIZE < MAX_UNCOMPRESSED_SIZE);
/// ```
pub const MAX_UNCOMPRESSED_SIZE: u64 = 6_000_000_000;
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
/// A gzip member's fixed header: magic, method, flags, time, extra flags, OS.
const GZIP_HEADER: usize = 10;
/// Header and trailer (CRC-32 and ISIZE): the bytes of a member that hold no deflate data.
const GZIP_OVERHEAD: u64 = 18;
/// The shortest gzip stream: an empty member (its deflate data is at least 2 bytes).
const GZIP_MIN: u64 = GZIP_OVERHEAD + 2;
/// Deflate's largest expansion: a 258-byte match takes at least 2 bits, so one byte of deflate
/// data inflates to at most 1032 bytes.
const DEFLATE_MAX_RATIO: u64 = 1032;

/// A source whose type and sizes were checked: nothing compressed or sent yet.
pub(super) struct Checked<'a> {
    pub(super) body: Body<'a>,
    pub(super) len: u64,
    pub(super) gzip: bool,
}

/// Opens the source, sniffs its type and checks its sizes (and a gzip header and trailer).
/// Reads at most the first 10 and the last 4 bytes.
pub(super) fn check(source: UploadSource<'_>) -> Result<Checked<'_>> {
    let Opened { mut body, len, shown, .. } = source.open("use UploadSource::reader with its length")?;
    let failed = |e| io_error(&format!("cannot read {shown}"), e);
    let head = body.peek(GZIP_HEADER).map_err(failed)?;
    let isize = if head.starts_with(&GZIP_MAGIC) && len >= GZIP_MIN {
        body.last_4(len).map_err(failed)?.map(u32::from_le_bytes)
    } else {
        None
    };
    if len == 0 {
        return Err(Error::invalid_input("the image is empty: there is nothing to upload"));
    }
    if head.starts_with(&GZIP_MAGIC) {
        check_size(len, MAX_COMPRESSED_SIZE, "compressed")?;
        check_gzip(&head, len, isize)?;
        return Ok(Checked { body, len, gzip: true });
    }
    check_size(len, MAX_UNCOMPRESSED_SIZE, "uncompressed")?;
    Ok(Checked { body, len, gzip: false })
}

pub(super) fn check_size(len: u64, max: u64, what: &str) -> Result<()> {
    if len > max {
        return Err(Error::invalid_input(format!(
            "the image is {len} bytes {what}, over Linode's limit of {max} bytes ({} GB) {what}; no data was sent",
            max / 1_000_000_000
        )));
    }
    Ok(())
}

/// Checks what can be checked of a gzip stream of `len` bytes without inflating it: the header,
/// and the trailer's ISIZE when known (see [`UploadSource`] for what that can and cannot show).
fn check_gzip(head: &[u8], len: u64, isize: Option<u32>) -> Result<()> {
    let invalid =
        |why: String| Err(Error::invalid_input(format!("not a valid gzip stream: {why}; nothing was sent")));
    if len < GZIP_MIN || head.len() < GZIP_HEADER {
        return invalid(format!("{len} bytes is too short (an empty gzip stream has {GZIP_MIN})"));
    }
    match head.get(2).copied() {
        Some(8) => {}
        method => return invalid(format!("compression method {}, not 8 (deflate)", method.unwrap_or(0))),
    }
    if head.get(3).is_some_and(|flags| flags & 0xe0 != 0) {
        return invalid("reserved header flags are set".to_string());
    }
    let most = DEFLATE_MAX_RATIO.saturating_mul(len.saturating_sub(GZIP_OVERHEAD));
    if let Some(isize) = isize
        && u64::from(isize) > most
    {
        return invalid(format!(
            "its trailer gives an uncompressed size of {isize} bytes (modulo 4 GiB), more than the \
             {most} bytes {len} bytes of gzip can inflate to: the file is truncated or corrupt"
        ));
    }
    Ok(())
}

/// `upload_to` must be an absolute http(s) URL (the crate's one URL check).
pub(super) fn check_url(url: &str) -> Result<()> {
    crate::url::http_url(url, "the upload url").map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn gzip_checks_refuse_only_what_cannot_be_gzip() {
        let head = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3];
        let ok = |head: &[u8], len, isize| check_gzip(head, len, isize).is_ok();
        assert!(ok(&head, 20, None) && ok(&head, 20, Some(0)));
        // 20 bytes hold 2 bytes of deflate data: at most 2064 bytes inflated.
        assert!(ok(&head, 20, Some(2064)));
        assert!(!ok(&head, 20, Some(2065)));
        assert!(!ok(&head, 19, None));
        assert!(!ok(&head[..9], 20, None));
        // Long enough, any ISIZE is possible: the trailer alone never shows "too big".
        assert!(ok(&head, 4_200_000, Some(u32::MAX)));
        assert!(ok(&head, MAX_COMPRESSED_SIZE, Some(u32::MAX)));
        let mut deflate64 = head;
        deflate64[2] = 9;
        assert!(!ok(&deflate64, 20, None));
        let mut reserved = head;
        reserved[3] = 0x80;
        assert!(!ok(&reserved, 20, None));
        let mut named = head;
        named[3] = 0x08; // FNAME: a valid flag
        assert!(ok(&named, 20, None));
    }

    #[test]
    fn upload_urls_must_be_http() {
        assert!(check_url("https://us-east-1.linodeobjects.com/b/o?Signature=x").is_ok());
        assert!(check_url("http://127.0.0.1:9000/b/o").is_ok());
        for bad in ["ftp://x/y", "file:///etc/passwd", "/relative", "", "https://"] {
            assert_eq!(check_url(bad).unwrap_err().kind(), ErrorKind::InvalidInput, "{bad}");
        }
    }
}
