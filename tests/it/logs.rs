//! Every log record of this process, for the tests that read the log lines. The `log` crate
//! takes one logger per process, and every test of the binary would log into it: a test that
//! reads it runs in its own process ([`crate::alone::in_own_process`]), so that what it reads is
//! what it logged.

use std::sync::{Mutex, OnceLock};

/// The records, as `"{target} {message}"`.
pub struct Capture(pub Mutex<Vec<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata) -> bool {
        true
    }
    fn log(&self, record: &log::Record) {
        self.0.lock().unwrap().push(format!("{} {}", record.target(), record.args()));
    }
    fn flush(&self) {}
}

/// This process's logger (installed on first use), at every level down to `Trace`.
pub fn capture() -> &'static Capture {
    static LOGGER: OnceLock<&'static Capture> = OnceLock::new();
    LOGGER.get_or_init(|| {
        let logger: &'static Capture = Box::leak(Box::new(Capture(Mutex::new(Vec::new()))));
        log::set_logger(logger).unwrap();
        log::set_max_level(log::LevelFilter::Trace);
        logger
    })
}
