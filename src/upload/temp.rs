//! The temporary file a raw image is compressed into: private, and removed by the system even
//! when the process is killed.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::exact::io_error;
use crate::Result;

/// A file in the system's temporary directory, readable only by its owner, that the system
/// removes even when this process is killed: on Unix its name is removed right after it is
/// created (the open handle keeps the data until it is closed, and a retried `PUT` seeks that
/// handle back instead of opening the path again); on Windows it is opened delete-on-close.
/// Only on Unix, between creating and removing the name (microseconds), could a kill leave an
/// empty file behind.
pub(crate) struct TempFile {
    pub(crate) file: File,
    pub(crate) len: u64,
    /// Where it was created, for messages.
    pub(crate) shown: PathBuf,
    /// Declared after `file`, so the file is closed first: the path, if removing it right after
    /// creating it failed (it is tried again on drop).
    _leftover: Option<RemoveOnDrop>,
}

struct RemoveOnDrop(PathBuf);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_file(&self.0) {
            log::debug!(target: "cloud_images", "cannot remove {}: {e}", self.0.display());
        }
    }
}

impl TempFile {
    pub(crate) fn create() -> Result<TempFile> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let dir = std::env::temp_dir();
        let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let mut last = None;
        for _ in 0..16 {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!("cloud-images-upload-{}-{nanos}-{n}.img.gz", std::process::id()));
            let mut options = OpenOptions::new();
            options.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            #[cfg(windows)]
            {
                use std::os::windows::fs::OpenOptionsExt;
                const FILE_ATTRIBUTE_TEMPORARY: u32 = 0x0000_0100;
                const FILE_FLAG_DELETE_ON_CLOSE: u32 = 0x0400_0000;
                // Not shared: no other process opens it while it exists.
                options
                    .share_mode(0)
                    .attributes(FILE_ATTRIBUTE_TEMPORARY)
                    .custom_flags(FILE_FLAG_DELETE_ON_CLOSE);
            }
            match options.open(&path) {
                Ok(file) => {
                    let leftover = if cfg!(windows) { None } else { Self::unlink(&path) };
                    return Ok(TempFile { file, len: 0, shown: path, _leftover: leftover });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    return Err(io_error(&format!("cannot create a temporary file in {}", dir.display()), e));
                }
            }
        }
        let e = last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists));
        Err(io_error(&format!("cannot create a temporary file in {}", dir.display()), e))
    }

    /// Removes the name of the file just created; on failure, keeps the path to remove on drop.
    fn unlink(path: &Path) -> Option<RemoveOnDrop> {
        match std::fs::remove_file(path) {
            Ok(()) => None,
            Err(e) => {
                log::debug!(target: "cloud_images", "cannot remove {} while open: {e}", path.display());
                Some(RemoveOnDrop(path.to_path_buf()))
            }
        }
    }
}

/// The tests that create temporary files run one at a time, so they can count them.
#[cfg(test)]
pub(crate) static TEMP_FILES: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// This process's temporary upload files.
#[cfg(test)]
pub(crate) fn leftovers() -> std::collections::HashSet<PathBuf> {
    let prefix = format!("cloud-images-upload-{}-", std::process::id());
    std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Seek, SeekFrom, Write};

    use super::*;

    #[test]
    fn temporary_files_are_private_and_have_no_name_while_open() {
        let _one_at_a_time = TEMP_FILES.lock().unwrap();
        let mut temp = TempFile::create().unwrap();
        let path = temp.shown.clone();
        assert!(path.starts_with(std::env::temp_dir()), "{}", path.display());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // Already gone from the directory, but the handle still reads and writes.
            assert!(!path.exists(), "{} still has a name", path.display());
            assert!(temp._leftover.is_none());
            assert_eq!(temp.file.metadata().unwrap().permissions().mode() & 0o777, 0o600);
        }
        temp.file.write_all(b"data").unwrap();
        temp.file.seek(SeekFrom::Start(0)).unwrap();
        let mut back = String::new();
        temp.file.read_to_string(&mut back).unwrap();
        assert_eq!(back, "data");
        drop(temp);
        assert!(!path.exists());
    }
}
