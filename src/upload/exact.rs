//! The exact-length reader every upload reads its data through: it reports progress, stops
//! when the upload is cancelled, and refuses a source shorter or longer than it said.

use std::io::{self, Read};

use super::progress::{At, Control, UploadPhase, UploadProgress};
use crate::Error;
use crate::error::ErrorKind;

/// A failure to read or write a local file or stream, saying what was being done.
pub(crate) fn io_error(what: &str, e: io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what}: {e}")).with_source(e)
}

/// Reads exactly `len` bytes from `inner`, reporting progress, and stops when the upload is
/// cancelled (the handle is looked at before and after each chunk is read, the callback's
/// answer after it). A
/// source that ends early or has more than `len` bytes fails; the failure is kept to tell it
/// apart from a network error.
pub(crate) struct Exact<'r, 'p, 'c> {
    inner: &'r mut dyn Read,
    len: u64,
    done: u64,
    phase: UploadPhase,
    control: &'p mut Control<'c>,
    pub(crate) failure: Option<Error>,
}

impl<'r, 'p, 'c> Exact<'r, 'p, 'c> {
    /// Reports the phase at 0 bytes: a cancel there is kept in `failure` (and every read fails).
    pub(crate) fn new(
        inner: &'r mut dyn Read,
        len: u64,
        phase: UploadPhase,
        control: &'p mut Control<'c>,
    ) -> Self {
        let failure = control.report(UploadProgress { phase, done: 0, total: len }).err();
        Exact { inner, len, done: 0, phase, control, failure }
    }

    fn progress(&self) -> UploadProgress {
        UploadProgress { phase: self.phase, done: self.done, total: self.len }
    }

    /// Keeps `error` and returns an `io::Error` for the reader's caller.
    fn fail(&mut self, error: Error) -> io::Error {
        let message = error.to_string();
        self.failure = Some(error);
        io::Error::other(message)
    }

    /// The failure kept by `read`, else `e` as an I/O error.
    pub(crate) fn take_failure(&mut self, e: io::Error) -> Error {
        self.failure.take().unwrap_or_else(|| io_error("cannot read the upload source", e))
    }
}

impl Read for Exact<'_, '_, '_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(e) = &self.failure {
            return Err(io::Error::other(e.to_string()));
        }
        if let Err(cancelled) = self.control.check_cancel(At(self.progress())) {
            return Err(self.fail(cancelled));
        }
        let remaining = self.len.saturating_sub(self.done);
        if remaining == 0 || buf.is_empty() {
            return Ok(0);
        }
        let want = usize::try_from(remaining).unwrap_or(usize::MAX).min(buf.len());
        let slice = buf.get_mut(..want).unwrap_or_default();
        let n = match self.inner.read(slice) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
            Err(e) => return Err(self.fail(io_error("cannot read the upload source", e))),
        };
        // Again after the read, which may have waited (a slow disk, a pipe): the bytes just read
        // are not passed on.
        if let Err(cancelled) = self.control.check_cancel(At(self.progress())) {
            return Err(self.fail(cancelled));
        }
        if n == 0 {
            let (done, len) = (self.done, self.len);
            return Err(self.fail(Error::invalid_input(format!(
                "the upload source ended after {done} bytes, but its length is {len}"
            ))));
        }
        self.done += n as u64;
        if self.done == self.len {
            // Hold back the last bytes of a source longer than it said: sending them would
            // complete a truncated image.
            let mut probe = [0u8; 1];
            loop {
                match self.inner.read(&mut probe) {
                    Ok(0) => break,
                    Ok(_) => {
                        let len = self.len;
                        return Err(self.fail(Error::invalid_input(format!(
                            "the upload source has more than its length of {len} bytes"
                        ))));
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(self.fail(io_error("cannot read the upload source", e))),
                }
            }
        }
        if let Err(cancelled) = self.control.report(self.progress()) {
            return Err(self.fail(cancelled));
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use std::ops::ControlFlow;

    use super::*;
    use crate::upload::CancelUpload;

    #[test]
    fn exact_reads_refuse_short_and_long_sources() {
        let mut quiet = |_: UploadProgress| ControlFlow::Continue(());
        let never = CancelUpload::new();
        let mut quiet = Control { progress: &mut quiet, cancel: &never };
        let mut out = Vec::new();
        let mut src: &[u8] = b"12345";
        assert!(Exact::new(&mut src, 5, UploadPhase::Uploading, &mut quiet).read_to_end(&mut out).is_ok());
        assert_eq!(out, b"12345");
        for len in [4, 6] {
            let mut src: &[u8] = b"12345";
            let mut exact = Exact::new(&mut src, len, UploadPhase::Uploading, &mut quiet);
            assert!(exact.read_to_end(&mut Vec::new()).is_err(), "{len}");
            assert_eq!(exact.failure.take().map(|e| e.kind()), Some(ErrorKind::InvalidInput));
        }
    }
}
