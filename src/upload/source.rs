//! Where an upload's data comes from ([`UploadSource`]), and the data opened for sending: a
//! body that knows whether it can be read again from its first byte.

use std::fmt;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::PathBuf;

use super::exact::io_error;
use super::temp::TempFile;
use crate::{Error, Result};

pub(crate) trait ReadSeek: Read + Seek {}
impl<T: Read + Seek> ReadSeek for T {}

/// Where an upload's data comes from: a file, a reader of known length, or a reader that can
/// seek (so a failed `PUT` can be retried from the start).
///
/// The first two bytes decide the format, not the name: gzip data (`1f 8b`) is sent as is,
/// anything else is taken as a raw disk image and compressed first. Data is read in chunks;
/// it is never held in memory whole.
///
/// A DigitalOcean [`publish`](crate::digitalocean::Images::publish) takes the same sources
/// (also as `digitalocean::UploadSource`), but sends the data as it is, whatever it holds: its
/// checks are its own (see [`Publish`](crate::digitalocean::Publish)), not the ones below.
///
/// # What is checked before anything is sent
///
/// A raw image: its length, at most 6 GB ([`MAX_UNCOMPRESSED_SIZE`](crate::linode::MAX_UNCOMPRESSED_SIZE)). A
/// gzip stream: its length, at most 5 GB ([`MAX_COMPRESSED_SIZE`](crate::linode::MAX_COMPRESSED_SIZE)) and at
/// least 20 bytes (an empty member); its header (compression method 8, deflate; no reserved flag set); and,
/// for a file or a seekable source, the uncompressed size its trailer gives (ISIZE, the last 4 bytes).
///
/// ISIZE is the size of the *last member* modulo 2<sup>32</sup> (4 GiB), so the real
/// uncompressed size `U` is only known to be `ISIZE + k × 2^32` for some `k ≥ 0` (plus any
/// earlier members). The compressed length `C` bounds `U` from above only: deflate inflates one
/// byte to at most 1032, so `U ≤ 1032 × (C − 18)`. It gives no lower bound (deflate allows
/// empty blocks, and a file may hold several members), so every candidate from `k = 0` on,
/// `ISIZE` itself, stays possible, and `ISIZE < 4.3 GB` is under the 6 GB limit. So the trailer
/// **cannot** prove that a gzip image is too large uncompressed: such an image is refused by
/// Linode after the upload. What it **can** prove is that the stream is broken: when even
/// `ISIZE` is more than `1032 × (C − 18)`, no gzip stream of that length could hold it (a
/// truncated or corrupt file), and the upload is refused before anything is created.
///
/// ```no_run
/// use std::fs::File;
/// use cloud_images::linode::UploadSource;
///
/// # fn main() -> Result<(), cloud_images::Error> {
/// let from_path = UploadSource::file("disk.img.gz");
/// let from_pipe = UploadSource::reader(std::io::stdin(), 2_147_483_648);
/// let from_file = UploadSource::seekable(File::open("disk.img")?);
/// # Ok(())
/// # }
/// ```
pub struct UploadSource<'a> {
    pub(crate) kind: SourceKind<'a>,
}

pub(crate) enum SourceKind<'a> {
    File(PathBuf),
    Reader(Box<dyn Read + 'a>, u64),
    Seekable(Box<dyn ReadSeek + 'a>),
}

impl<'a> UploadSource<'a> {
    /// The file at `path`, opened when the upload starts; a retried `PUT` reads it again.
    ///
    /// ```
    /// use cloud_images::linode::UploadSource;
    ///
    /// // Not opened yet: that happens when the upload starts.
    /// let source = UploadSource::file("disk.img");
    /// ```
    pub fn file(path: impl Into<PathBuf>) -> Self {
        UploadSource { kind: SourceKind::File(path.into()) }
    }

    /// Exactly `len` bytes from `reader`, read once. A source that ends early or goes on past
    /// `len` is an error. A gzip stream cannot be sent twice, so its `PUT` is never retried; a
    /// raw one is compressed into a temporary file first, which can be.
    ///
    /// ```
    /// use cloud_images::linode::UploadSource;
    ///
    /// // `xz -dc disk.img.xz | my-tool`: a raw image of a known size, on standard input.
    /// let source = UploadSource::reader(std::io::stdin(), 2_147_483_648);
    /// ```
    pub fn reader(reader: impl Read + 'a, len: u64) -> Self {
        UploadSource { kind: SourceKind::Reader(Box::new(reader), len) }
    }

    /// Everything from the reader's current position to its end; its length is found by
    /// seeking, and a retried `PUT` seeks back to the start position.
    ///
    /// ```
    /// use std::io::{Cursor, Seek, SeekFrom};
    /// use cloud_images::linode::UploadSource;
    ///
    /// # fn main() -> Result<(), cloud_images::Error> {
    /// let mut disk = Cursor::new(vec![0u8; 4096]); // or a std::fs::File
    /// disk.seek(SeekFrom::Start(512))?; // the upload sends bytes 512 to 4096
    /// let source = UploadSource::seekable(disk);
    /// # Ok(())
    /// # }
    /// ```
    pub fn seekable(reader: impl Read + Seek + 'a) -> Self {
        UploadSource { kind: SourceKind::Seekable(Box::new(reader)) }
    }
}

/// A source opened, nothing read yet: its body, its length, what its read errors name
/// (`disk.img`, `the upload source`), and a file's name.
pub(crate) struct Opened<'a> {
    pub(crate) body: Body<'a>,
    pub(crate) len: u64,
    pub(crate) shown: String,
    #[cfg_attr(not(feature = "spaces"), allow(dead_code))]
    pub(crate) name: Option<String>,
}

/// What read errors of a source other than a file name.
const SHOWN: &str = "the upload source";

impl<'a> UploadSource<'a> {
    /// Opens the source without reading it: a file (one that is not a regular file is refused,
    /// the message ending with `instead`), a seekable reader measured and left where it was,
    /// a plain reader as it is.
    pub(crate) fn open(self, instead: &str) -> Result<Opened<'a>> {
        match self.kind {
            SourceKind::File(path) => {
                let shown = path.display().to_string();
                let file = File::open(&path).map_err(|e| io_error(&format!("cannot open {shown}"), e))?;
                let meta = file.metadata().map_err(|e| io_error(&format!("cannot read {shown}"), e))?;
                if !meta.is_file() {
                    return Err(Error::invalid_input(format!("{shown} is not a regular file: {instead}")));
                }
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                Ok(Opened { body: Body::File(file), len: meta.len(), shown, name })
            }
            SourceKind::Seekable(mut reader) => {
                let failed = |e| io_error(&format!("cannot read {SHOWN}"), e);
                let start = reader.stream_position().map_err(failed)?;
                let end = reader.seek(SeekFrom::End(0)).map_err(failed)?;
                reader.seek(SeekFrom::Start(start)).map_err(failed)?;
                let len = end.saturating_sub(start);
                Ok(Opened { body: Body::Seekable(reader, start), len, shown: SHOWN.to_string(), name: None })
            }
            SourceKind::Reader(reader, len) => {
                Ok(Opened { body: Body::Once(reader), len, shown: SHOWN.to_string(), name: None })
            }
        }
    }
}

impl fmt::Debug for UploadSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            SourceKind::File(path) => f.debug_tuple("UploadSource::File").field(path).finish(),
            SourceKind::Reader(_, len) => f.debug_struct("UploadSource::Reader").field("len", len).finish(),
            SourceKind::Seekable(_) => f.write_str("UploadSource::Seekable"),
        }
    }
}

/// Data opened for sending.
pub(crate) enum Body<'a> {
    /// A raw image compressed here.
    Temp(TempFile),
    /// A file given by path.
    File(File),
    /// A stream that can seek back to `start`.
    Seekable(Box<dyn ReadSeek + 'a>, u64),
    /// A stream read once (its first bytes already read, chained back in front).
    Once(Box<dyn Read + 'a>),
}

impl Body<'_> {
    pub(crate) fn reader(&mut self) -> &mut dyn Read {
        match self {
            Body::Temp(t) => &mut t.file,
            Body::File(f) => f,
            Body::Seekable(r, _) => r,
            Body::Once(r) => r,
        }
    }

    pub(crate) fn can_rewind(&self) -> bool {
        !matches!(self, Body::Once(_))
    }

    /// Reads up to the first `n` bytes and puts them back: the body still starts with them.
    pub(crate) fn peek(&mut self, n: usize) -> io::Result<Vec<u8>> {
        let mut head = Vec::with_capacity(n);
        self.reader().take(n as u64).read_to_end(&mut head)?;
        match self {
            Body::Once(reader) => {
                let rest = std::mem::replace(reader, Box::new(io::empty()));
                *reader = Box::new(io::Cursor::new(head.clone()).chain(rest));
            }
            seekable => {
                seekable.seek_from_start(0).transpose()?;
            }
        }
        Ok(head)
    }

    /// The last 4 bytes of a body of `len` bytes that can seek, which is then back at its first
    /// byte; `None` for a body read once.
    pub(crate) fn last_4(&mut self, len: u64) -> io::Result<Option<[u8; 4]>> {
        if self.seek_from_start(len.saturating_sub(4)).transpose()?.is_none() {
            return Ok(None);
        }
        let mut last = [0u8; 4];
        self.reader().read_exact(&mut last)?;
        self.seek_from_start(0).transpose()?;
        Ok(Some(last))
    }

    /// Back to the first byte, for a retry.
    pub(crate) fn rewind(&mut self) -> Result<()> {
        match self.seek_from_start(0) {
            None => Err(Error::invalid_input("a plain reader cannot be read twice")),
            Some(done) => done.map(drop).map_err(|e| io_error("cannot rewind the upload source", e)),
        }
    }

    /// Seeks to `offset` bytes after the first byte; `None`: a body read once cannot seek.
    fn seek_from_start(&mut self, offset: u64) -> Option<io::Result<u64>> {
        Some(match self {
            Body::Temp(t) => t.file.seek(SeekFrom::Start(offset)),
            Body::File(f) => f.seek(SeekFrom::Start(offset)),
            Body::Seekable(r, start) => r.seek(SeekFrom::Start(start.saturating_add(offset))),
            Body::Once(_) => return None,
        })
    }
}
