//! A raw image gzip-compressed (fast level) into a private temporary file, its compressed size
//! checked; a gzip source is passed on as it is.

use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

use flate2::Compression;
use flate2::write::GzEncoder;

use super::checks::{Checked, MAX_COMPRESSED_SIZE, check_size};
use crate::Result;
use crate::upload::{Body, Control, Exact, Prepared, TempFile, UploadPhase, io_error};

/// The size of the buffers data moves through.
const CHUNK: usize = 64 * 1024;

/// Compresses a raw source into a temporary file and checks the compressed size; a gzip source
/// is passed on as it is.
pub(super) fn compress_if_raw<'a>(checked: Checked<'a>, control: &mut Control<'_>) -> Result<Prepared<'a>> {
    let Checked { mut body, len, gzip } = checked;
    if gzip {
        return Ok(Prepared { body, len });
    }
    control.check_cancel("before compressing")?;
    let temp = compress(body.reader(), len, control)?;
    let compressed = temp.len;
    check_size(compressed, MAX_COMPRESSED_SIZE, "compressed")?;
    Ok(Prepared { body: Body::Temp(temp), len: compressed })
}

/// Gzips exactly `len` bytes of `source` into a new temporary file, rewound. On any failure,
/// a cancel included, the file is gone when this returns.
fn compress(source: &mut dyn Read, len: u64, control: &mut Control<'_>) -> Result<TempFile> {
    let mut temp = TempFile::create()?;
    let path = temp.shown.display().to_string();
    let write_failed = |e| io_error(&format!("cannot write the temporary file {path}"), e);
    let mut input = Exact::new(source, len, UploadPhase::Compressing, control);
    if let Some(cancelled) = input.failure.take() {
        return Err(cancelled);
    }
    let mut gz = GzEncoder::new(BufWriter::with_capacity(CHUNK, &temp.file), Compression::fast());
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(input.take_failure(e)),
        };
        gz.write_all(buf.get(..n).unwrap_or_default()).map_err(write_failed)?;
    }
    let writer = gz.finish().map_err(write_failed)?;
    writer.into_inner().map_err(|e| write_failed(e.into_error()))?;
    temp.len = temp.file.stream_position().map_err(write_failed)?;
    temp.file.seek(SeekFrom::Start(0)).map_err(write_failed)?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::ErrorKind;
    use crate::upload::{CancelUpload, TEMP_FILES, UploadProgress, leftovers};

    #[test]
    fn compressing_rewinds_and_a_failed_compression_leaves_no_file() {
        let _one_at_a_time = TEMP_FILES.lock().unwrap();
        let data = b"not gzip, a raw disk image".repeat(1000);
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let never = CancelUpload::new();
        let mut quiet = Control { progress: &mut quiet, cancel: &never };
        let mut temp = compress(&mut data.as_slice(), data.len() as u64, &mut quiet).unwrap();
        let mut gz = Vec::new();
        temp.file.read_to_end(&mut gz).unwrap();
        assert_eq!(gz.len() as u64, temp.len);
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(gz.as_slice()).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);

        let before = leftovers();
        let e = compress(&mut data.as_slice(), data.len() as u64 + 1, &mut quiet).err().unwrap();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert_eq!(leftovers(), before, "a temporary file was left behind");
        drop(temp);
        assert!(leftovers().is_empty());
    }
}
