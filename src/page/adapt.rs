//! Adapters of the one lazy iterator, [`Items`]: the provider-neutral layer (`crate::cloud`) sees
//! a provider's listing through them, so it sends the same requests, page by page, with the
//! same stops and counters, rather than having an iterator of its own.

use super::{Buffer, Fetched, Items};
use crate::decode::PageItems;

impl<T: Send + 'static> Items<T> {
    /// The same listing with each item passed through `f` as its page arrives: the same
    /// requests, pages, stops and counters ([`total`](Items::total),
    /// [`pages_fetched`](Items::pages_fetched)). An item that did not decode stays an error in
    /// its place.
    pub(crate) fn map<U: Send + 'static>(self, mut f: impl FnMut(T) -> U + Send + 'static) -> Items<U> {
        let Items { mut fetch, buffer, done, pages, total } = self;
        // What is left of a page already fetched (none, unless the iterator was used already).
        let buffer = match buffer {
            Buffer::Whole(items) => Buffer::Whole(items.map(&mut f).collect::<Vec<_>>().into_iter()),
            Buffer::Mixed(items) => {
                Buffer::Mixed(items.map(|item| item.map(&mut f)).collect::<Vec<_>>().into_iter())
            }
        };
        let fetch = move || {
            Ok(fetch()?.map(|page| {
                let items = match page.items {
                    PageItems::Whole(items) => PageItems::Whole(items.into_iter().map(&mut f).collect()),
                    PageItems::Mixed(items) => {
                        PageItems::Mixed(items.into_iter().map(|item| item.map(&mut f)).collect())
                    }
                };
                Fetched { items, total: page.total }
            }))
        };
        Items { fetch: Box::new(fetch), buffer, done, pages, total }
    }

    /// This listing, then `next` once this one has ended without an error: one iterator over
    /// both, each fetching its pages as it would alone. [`total`](Items::total) is what the
    /// first page fetched says (the first listing's, unless that one is empty);
    /// [`pages_fetched`](Items::pages_fetched) counts the pages of both. An error of the first
    /// listing ends both.
    pub(crate) fn chain(self, next: Items<T>) -> Items<T> {
        let Items { fetch: mut first, buffer, done, pages, total } = self;
        let mut second = Some(next);
        let mut first_done = done;
        let fetch = move || {
            if !first_done {
                match first()? {
                    Some(page) if !page.items.is_empty() => return Ok(Some(page)),
                    _ => first_done = true,
                }
            }
            let Some(next) = second.as_mut() else { return Ok(None) };
            // The second listing's own buffer first (none, unless it was used already).
            let left = std::mem::replace(&mut next.buffer, Buffer::Whole(Vec::new().into_iter()));
            let left = match left {
                Buffer::Whole(items) => PageItems::Whole(items.collect()),
                Buffer::Mixed(items) => PageItems::Mixed(items.collect()),
            };
            if !left.is_empty() {
                return Ok(Some(Fetched { items: left, total: None }));
            }
            if next.done {
                second = None;
                return Ok(None);
            }
            let page = (next.fetch)();
            if !matches!(&page, Ok(Some(page)) if !page.items.is_empty()) {
                // The second listing ended (or failed, which `Items` yields once): nothing after it.
                second = None;
            }
            page
        };
        // A first listing that had ended already goes straight on to the second.
        Items { fetch: Box::new(fetch), buffer, done: false, pages, total }
    }
}
