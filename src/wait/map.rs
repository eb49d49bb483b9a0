//! An adapter of the one [`Wait`]: the provider-neutral layer (`crate::cloud`) waits with a
//! provider's own wait, its value seen through a function, rather than with a wait of its own.

use super::{Look, Poll, Wait};

impl<'a, T: 'a> Wait<'a, T> {
    /// The same wait (the same looks, deadline, interval, `on_poll` and errors), its value passed
    /// through `f` once it is ready.
    pub(crate) fn map<U>(self, mut f: impl FnMut(T) -> U + 'a) -> Wait<'a, U> {
        let Wait { what, clock, gone, look, timeout, interval, on_poll, cancel } = self;
        let look = look.map(|mut look| -> Look<'a, U> {
            Box::new(move |by| {
                Ok(match look(by)? {
                    Poll::Ready(value) => Poll::Ready(f(value)),
                    Poll::Pending(status) => Poll::Pending(status),
                })
            })
        });
        Wait { what, clock, gone, look, timeout, interval, on_poll, cancel }
    }
}
